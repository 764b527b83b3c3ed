// Friend requests (issue 18, item 2): staff at once; members of served rooms, when enabled,
// under an hourly cap (bulk accepts get accounts flagged); the greeting through the outbox.
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import pino from 'pino'
import { afterEach, describe, expect, it } from 'vitest'
import { FriendRequestStore } from '../store/friend-requests.ts'
import { SCHEMA_VERSION } from '../store/migrations.ts'
import { openStore, type DB } from '../store/store.ts'
import { startMockCommunity, type MockCommunity } from '../testing/mock-community.ts'
import { until } from './helpers/wait.ts'
import { databaseBefore } from './helpers/old-schema.ts'

const log = pino({ level: 'silent' })
const FAST = { TRIAGE_RATE_PER_MIN: '1000', TRIAGE_RATE_PER_ROOM_MS: '0' }
let c: MockCommunity | null = null
const dbs: DB[] = []

afterEach(async () => {
  await c?.stop()
  c = null
  for (const db of dbs.splice(0)) if (db.open) db.close()
})

const settleFriendships = async () => {
  for (let i = 0; i < 20; i++) await new Promise((r) => setTimeout(r, 5))
  await c!.settle()
}

describe('friend requests', () => {
  it('accepts a configured steward at once and greets through the outbox', async () => {
    c = await startMockCommunity({ log, env: FAST, strangers: ['steward-li'] })
    expect(c.runtime.ctx.reach.isFriend('steward-li')).toBe(false)
    c.puppet.requestFriendship('steward-li')
    await until('the accept', () => c!.puppet.acceptedFriends.includes('steward-li'))
    await settleFriendships()
    expect(c.runtime.ctx.reach.isFriend('steward-li')).toBe(true)
    expect(c.runtime.ctx.outbox.store.all().find((r) => r.to.id === 'steward-li')?.purpose).toBe('greeting')
    expect(c.delivered.some((d) => d.toId === 'steward-li' && d.text.includes('楼管家'))).toBe(true)
  })

  it("leaves residents' requests alone unless TRIAGE_FRIENDS_FROM_ROOMS is on", async () => {
    c = await startMockCommunity({ log, env: FAST, strangers: ['res-01'] })
    c.puppet.requestFriendship('res-01')
    await settleFriendships()
    expect(c.puppet.acceptedFriends).toEqual([])
    expect(c.runtime.friends.queued).toBe(0)
  })

  it('accepts members of served rooms under the hourly cap, the rest later; never outsiders', async () => {
    let now = Date.now()
    const residents = ['res-01', 'res-02', 'res-03', 'res-04']
    c = await startMockCommunity({
      log,
      env: { ...FAST, TRIAGE_FRIENDS_FROM_ROOMS: 'true', TRIAGE_FRIENDS_PER_HOUR: '2' },
      strangers: residents,
      clock: () => now,
    })
    c.mocker.createContact({ id: 'outsider', name: '陌生人', friend: false })
    c.puppet.requestFriendship('outsider')
    for (const id of residents) c.puppet.requestFriendship(id)
    await until('two accepts', () => c!.puppet.acceptedFriends.length >= 2)
    await settleFriendships()
    // The cap: two in the first hour, the others wait.
    expect(c.puppet.acceptedFriends).toHaveLength(2)
    expect(c.runtime.friends.queued).toBe(2)
    expect(await c.runtime.friends.drain()).toBe(0)
    now += 61 * 60_000
    expect(await c.runtime.friends.drain()).toBe(2)
    expect([...c.puppet.acceptedFriends].sort()).toEqual(residents)
    // Greeted through the outbox, now that they are friends.
    await c.settle()
    for (const id of residents) expect(c.delivered.some((d) => d.toId === id && d.text.includes('我的'))).toBe(true)
    expect(c.puppet.acceptedFriends).not.toContain('outsider')
  })

  it('a restart neither loses the waiting requests nor accepts one twice, and the cap counts the accepts before it', async () => {
    let now = Date.now()
    const path = join(mkdtempSync(join(tmpdir(), 'lgj-friends-')), 'louguanjia.db')
    const residents = ['res-01', 'res-02', 'res-03', 'res-04']
    const env = { ...FAST, TRIAGE_FRIENDS_FROM_ROOMS: 'true', TRIAGE_FRIENDS_PER_HOUR: '2' }
    const first = openStore(path)
    dbs.push(first)
    c = await startMockCommunity({ log, env, strangers: residents, clock: () => now, db: first })
    for (const id of residents) c.puppet.requestFriendship(id)
    await until('two accepts', () => c!.puppet.acceptedFriends.length >= 2)
    await settleFriendships()
    const before = c.puppet.acceptedFriends.slice()
    expect(before).toHaveLength(2)
    const earlier = c
    await earlier.stop()
    first.close()
    c = null

    // Ten minutes later, a new process on the same database and the same puppet service.
    now += 10 * 60_000
    const second = openStore(path)
    dbs.push(second)
    c = await startMockCommunity({ log, env, strangers: residents, clock: () => now, db: second, after: earlier })
    expect(c.runtime.friends.queued).toBe(2)
    // The two accepts of the first run still fill this hour's cap.
    expect(await c.runtime.friends.drain()).toBe(0)
    // The service delivers every request again, the accepted ones and the waiting ones, with their ids.
    for (const id of earlier.puppet.friendships.keys()) c.puppet.redeliverFriendship(id)
    await settleFriendships()
    expect(c.puppet.acceptedFriends).toEqual([])
    expect(c.runtime.friends.queued).toBe(2)

    // An hour after the first accepts, the waiting two go, restored from the store.
    now += 51 * 60_000
    expect(await c.runtime.friends.drain()).toBe(2)
    const waiting = residents.filter((id) => !before.includes(id))
    expect([...c.puppet.acceptedFriends].sort()).toEqual(waiting)
    expect(c.runtime.friends.queued).toBe(0)
    for (const id of earlier.puppet.friendships.keys()) c.puppet.redeliverFriendship(id)
    await settleFriendships()
    expect(c.puppet.acceptedFriends).toHaveLength(2)
    // Each greeted once, by the run that accepted them.
    await c.settle()
    for (const id of waiting) expect(c.delivered.filter((d) => d.toId === id && d.text.includes('我的'))).toHaveLength(1)
    for (const id of before) expect(c.delivered.some((d) => d.toId === id)).toBe(false)
  })
})

describe('the friend-request store', () => {
  it('keeps one waiting request per person, ignores a request seen before, and counts accepts for an hour', () => {
    const db = openStore(':memory:')
    dbs.push(db)
    const store = new FriendRequestStore(db)
    const at = 1_000_000
    const request = (friendshipId: string, contactId: string, t = at) => store.receive({ friendshipId, contactId, payload: '{}', at: t })
    expect(request('f1', 'res-01')).toBe('stored')
    expect(request('f1', 'res-01')).toBe('known')
    // Asked again before being accepted: the newer request replaces the older one.
    expect(request('f2', 'res-01', at + 1)).toBe('stored')
    expect(store.get('f1')?.state).toBe('superseded')
    expect(request('f3', 'res-02', at + 2)).toBe('stored')
    expect(store.countPending()).toBe(2)
    expect(store.claimDue(at + 10, 1).map((r) => r.friendshipId)).toEqual(['f2'])
    // Being accepted counts at once, whatever comes of it; a crash leaves it 'accepting', never retried.
    expect(store.acceptedSince(at + 10)).toBe(1)
    expect(store.claimDue(at + 10, 5).map((r) => r.friendshipId)).toEqual(['f3'])
    store.settle('f3', false)
    expect(store.get('f3')?.state).toBe('failed')
    expect(store.get('f2')?.state).toBe('accepting')
    expect(store.acceptedSince(at + 10)).toBe(2)
    expect(store.acceptedSince(at + 10 + 3600_000)).toBe(0)
    expect(store.claimDue(at + 20, 5)).toEqual([])
    // Delivered again after being accepted: still known, never waiting again.
    expect(request('f2', 'res-01')).toBe('known')
    expect(store.countPending()).toBe(0)
  })

  it('a database of the previous schema gains the table; one of a newer schema is refused', () => {
    const { path, db: old } = databaseBefore('CREATE TABLE friend_requests')
    old.close()
    const db = openStore(path)
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION)
    new FriendRequestStore(db).receive({ friendshipId: 'f1', contactId: 'res-01', payload: '{}', at: 1 })
    expect(new FriendRequestStore(db).countPending()).toBe(1)
    db.pragma(`user_version = ${SCHEMA_VERSION + 1}`)
    db.close()
    expect(() => openStore(path)).toThrow(/newer than this Louguanjia/)
  })
})
