// The demo community on wechaty-puppet-mock: rooms, residents, stewards and a
// manager from data/demo, with the bot logged in. The demo replays a day on
// it; the tests post into it. Messages the bot sends are captured as they come
// back from the mock (it echoes the bot's own messages as events).
import type { Logger } from 'pino'
import type { Message } from 'wechaty'
import { mock } from 'wechaty-puppet-mock'
import { StrictPuppetMock } from './strict-puppet.ts'
import type * as PUPPET from 'wechaty-puppet'
import { loadCommunity, type Community } from '../store/demo-community.ts'
import type { Households } from '../store/households.ts'
import { openStore, type DB } from '../store/store.ts'
import type { Clock } from '../handlers/context.ts'
import { createRuntime, type Runtime, type RuntimeOptions } from '../bot/runtime.ts'

export interface Delivered {
  roomId: string | null
  toId: string | null
  text: string
  type: number
}

export interface MockCommunity {
  community: Community
  mocker: mock.Mocker
  /** Refuses private messages to non-friends, as a real account does. */
  puppet: StrictPuppetMock
  runtime: Runtime
  /** Everything the bot has sent, as it arrived in rooms and private chats. */
  delivered: Delivered[]
  contact(id: string): mock.ContactMock
  room(id: string): mock.RoomMock
  /** A member says something in a room (or privately to the bot when roomId is null). */
  say(fromId: string, roomId: string | null, text: string, options?: { mentionBot?: boolean }): void
  /** Emit a hand-built payload (duplicates, old or malformed messages): the Mocker always stamps now and a fresh id. */
  emitRaw(payload: Partial<PUPPET.payloads.Message> & { id: string }): void
  /** Wait until received messages are processed, then send what the outbox allows. */
  settle(): Promise<void>
  stop(): Promise<void>
}

export interface MockCommunityOptions {
  env?: NodeJS.ProcessEnv
  db?: DB
  clock?: Clock
  log: Logger
  hooks?: RuntimeOptions['hooks']
  reloadEnv?: RuntimeOptions['reloadEnv']
  /** Contacts who are not friends of the bot's account: private messages to them are refused. */
  strangers?: string[]
  /** A restart: the puppet service of an earlier community, which still knows its friend requests. */
  after?: MockCommunity
}

export function communityEnv(c: Community): NodeJS.ProcessEnv {
  return {
    TRIAGE_STEWARDS: c.stewards.map((s) => `${s.id}=${s.name}`).join(','),
    TRIAGE_MANAGERS: c.managers.map((s) => `${s.id}=${s.name}`).join(','),
  }
}

export function importHouseholds(c: Community, households: Households): void {
  for (const h of c.households) households.upsert({ building: h.building, unit: h.unit, room: h.room, tier: h.tier, note: h.note })
}

const tick = () => new Promise((resolve) => setImmediate(resolve))

export async function startMockCommunity(o: MockCommunityOptions): Promise<MockCommunity> {
  const community = loadCommunity()
  const mocker = new mock.Mocker()
  const puppet = new StrictPuppetMock({ mocker })
  if (o.after) puppet.continueFrom(o.after.puppet)
  const runtime = await createRuntime({
    env: { ...communityEnv(community), ...(o.env ?? {}) },
    // A fixture never touches the operator's DB: in-memory unless the caller brings one.
    puppet,
    db: o.db ?? openStore(':memory:'),
    clock: o.clock,
    log: o.log,
    autoSend: false,
    schedulerIntervalMs: 0,
    hooks: o.hooks,
    reloadEnv: o.reloadEnv,
  })
  importHouseholds(community, runtime.ctx.households)
  const delivered: Delivered[] = []
  runtime.bot.on('message', (m: Message) => {
    if (!m.self()) return
    const p = m.payload!
    delivered.push({ roomId: p.roomId ?? null, toId: p.listenerId ?? null, text: m.text(), type: p.type })
  })
  await runtime.start()
  const botUser = mocker.createContact({ id: community.bot.id, name: community.bot.name })
  const people = [...community.stewards, ...community.managers, ...community.residents]
  const strangers = new Set(o.strangers ?? [])
  // After a restart, whoever the earlier run befriended is a friend now.
  const befriended = new Set(o.after?.puppet.acceptedFriends ?? [])
  for (const p of people) mocker.createContact({ id: p.id, name: p.name, friend: !strangers.has(p.id) || befriended.has(p.id) })
  for (const r of community.rooms) mocker.createRoom({ id: r.id, topic: r.topic, memberIdList: r.memberIds })
  const loggedIn = new Promise<void>((resolve) => runtime.bot.once('login', () => resolve()))
  mocker.login(botUser)
  await loggedIn
  await runtime.staffChecked()
  const contact = (id: string) => mocker.ContactMock.load(id)
  const room = (id: string) => mocker.RoomMock.load(id)

  return {
    community,
    mocker,
    puppet,
    runtime,
    delivered,
    contact,
    room,
    say(fromId, roomId, text, options = {}) {
      const from = contact(fromId)
      const target = roomId ? room(roomId) : contact(community.bot.id)
      from.say(text, options.mentionBot && roomId ? [botUser] : []).to(target)
    },
    emitRaw(payload) {
      // Straight into the mock's cache: Mocker.messagePayload() would re-emit through its own mock objects.
      mocker.cacheMessagePayload.set(payload.id, { timestamp: Date.now(), type: 7, text: '', ...payload } as PUPPET.payloads.Message)
      puppet.emit('message', { messageId: payload.id })
    },
    async settle() {
      // Mock events hop through a few promise turns before Wechaty emits them.
      for (let i = 0; i < 5; i++) await tick()
      await runtime.handle.idle()
      await runtime.handle.sender.pump()
      for (let i = 0; i < 5; i++) await tick()
      await runtime.handle.idle()
    },
    async stop() {
      await runtime.stop()
      if (!o.db) runtime.ctx.db.close()
    },
  }
}
