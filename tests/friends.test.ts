// Friend requests (issue 18, item 2): staff at once; members of served rooms, when enabled,
// under an hourly cap (bulk accepts get accounts flagged); the greeting through the outbox.
import pino from 'pino'
import { afterEach, describe, expect, it } from 'vitest'
import { startMockCommunity, type MockCommunity } from '../testing/mock-community.ts'
import { until } from './helpers/wait.ts'

const log = pino({ level: 'silent' })
const FAST = { TRIAGE_RATE_PER_MIN: '1000', TRIAGE_RATE_PER_ROOM_MS: '0' }
let c: MockCommunity | null = null

afterEach(async () => {
  await c?.stop()
  c = null
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
})
