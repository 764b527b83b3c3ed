// End to end over real gRPC: a PuppetServer wrapping a PuppetMock listens on
// 127.0.0.1; the bot connects as a wechaty-puppet-service client configured
// only through the standard WECHATY_* variables.
import pino from 'pino'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { EventEmitter } from 'node:events'
import { PuppetMock, mock } from 'wechaty-puppet-mock'
import { communityEnv, importHouseholds } from '../testing/mock-community.ts'
import { servePuppet, type LocalPuppetService } from '../testing/puppet-server.ts'
import { createRuntime, type Runtime } from '../bot/runtime.ts'
import { loadCommunity } from '../store/demo-community.ts'
import { openStore } from '../store/store.ts'
import { until } from './helpers/wait.ts'

const FLOOR = 'floor-3-5@chatroom'

interface Heard {
  from: string
  text: string
  mentions: string[]
}

describe('over gRPC (PuppetServer + PuppetService)', () => {
  const community = loadCommunity()
  const mocker = new mock.Mocker()
  const serverPuppet = new PuppetMock({ mocker })
  let server: LocalPuppetService
  let runtime: Runtime
  const inRoom: Heard[] = []
  const privately = new Map<string, Heard[]>()

  beforeAll(async () => {
    server = await servePuppet(serverPuppet)
    const botUser = mocker.createContact({ id: community.bot.id, name: community.bot.name })
    for (const p of [...community.stewards, ...community.managers, ...community.residents]) {
      const contact = mocker.createContact({ id: p.id, name: p.name }) as unknown as EventEmitter
      contact.on('message', (m: mock.MessageMock) => {
        if (m.payload.talkerId !== botUser.id || m.payload.roomId) return
        const list = privately.get(p.id) ?? []
        list.push({ from: m.payload.talkerId!, text: m.payload.text ?? '', mentions: [] })
        privately.set(p.id, list)
      })
    }
    for (const r of community.rooms) mocker.createRoom({ id: r.id, topic: r.topic, memberIdList: r.memberIds })
    const floor = mocker.RoomMock.load(FLOOR) as unknown as EventEmitter
    floor.on('message', (m: mock.MessageMock) => {
      const p = m.payload as { talkerId?: string; text?: string; mentionIdList?: string[] }
      if (p.talkerId === botUser.id) inRoom.push({ from: p.talkerId, text: p.text ?? '', mentions: p.mentionIdList ?? [] })
    })
    mocker.login(botUser)

    runtime = await createRuntime({
      env: {
        ...communityEnv(community),
        ...server.clientEnv,
        TRIAGE_RATE_PER_ROOM_MS: '0',
        TRIAGE_HEALTH_PORT: '0',
      },
      db: openStore(':memory:'),
      log: pino({ level: 'silent' }),
      schedulerIntervalMs: 0,
    })
    importHouseholds(community, runtime.ctx.households)
    await runtime.start()
    await until('login over gRPC', () => runtime.bot.isLoggedIn)
  }, 60_000)

  afterAll(async () => {
    await runtime?.stop()
    await server?.stop()
  })

  it("stores a resident's message sent into a mock room on the server side", async () => {
    mocker.ContactMock.load('res-02').say('大家早上好,今天核酸几点?').to(mocker.RoomMock.load(FLOOR))
    const row = await until(
      'the message in the store',
      () =>
        runtime.ctx.db.prepare(`SELECT talker_id, room_id, room_topic, text FROM inbound WHERE talker_id = 'res-02'`).get() as
          Record<string, unknown> | undefined,
    )
    expect(row).toEqual({ talker_id: 'res-02', room_id: FLOOR, room_topic: '春江天境3栋5楼业主群', text: '大家早上好,今天核酸几点?' })
  })

  it('answers @bot 帮助 back into the room through the server', async () => {
    const bot = mocker.ContactMock.load(community.bot.id)
    mocker.ContactMock.load('res-01').say('@楼管家 帮助', [bot]).to(mocker.RoomMock.load(FLOOR))
    const reply = await until('the help text in the room', () => inRoom.find((h) => h.text.includes('我的')))
    expect(reply.text).toContain('楼管家')
  })

  it("alerts the stewards privately about an emergency, and answers a steward's 队列 privately", async () => {
    mocker.ContactMock.load('res-05').say('我爸摔倒了 头磕破了一直在流血 叫不醒').to(mocker.RoomMock.load(FLOOR))
    for (const s of community.stewards) {
      const alert = await until(`alert to ${s.id}`, () => privately.get(s.id)?.find((h) => h.text.startsWith('🆘')))
      expect(alert.text).toContain('流血')
    }
    const bot = mocker.ContactMock.load(community.bot.id)
    mocker.ContactMock.load('steward-li').say('@楼管家 队列', [bot]).to(mocker.RoomMock.load(FLOOR))
    const queue = await until('the queue', () => privately.get('steward-li')?.find((h) => h.text.includes('📋')))
    expect(queue.text).toContain('紧急')
    expect(inRoom.some((h) => h.text.includes('📋'))).toBe(false)
  })

  it('a steward answers the resident through the bot (回复) and closes the ticket with a note in the room', async () => {
    mocker.ContactMock.load('res-02').say('5楼走廊的灯不亮了 晚上黑乎乎的').to(mocker.RoomMock.load(FLOOR))
    const ticket = await until('the repair ticket', () =>
      runtime.ctx.tickets.byTalker('res-02').find((t) => t.category === 'repair' && t.summary.includes('走廊的灯')),
    )
    const bot = mocker.ContactMock.load(community.bot.id)
    const steward = mocker.ContactMock.load('steward-wang')
    steward.say(`@楼管家 回复 ${ticket.id} 电工下午两点上来换`, [bot]).to(mocker.RoomMock.load(FLOOR))
    const answer = await until('the answer in the room', () => inRoom.find((h) => h.text.includes('电工下午两点上来换')))
    expect(answer.text).toContain(`#${ticket.id}`)
    // (the mock puppet carries an @-mention as its text, "@name ", not as a mention list)
    const name = community.residents.find((r) => r.id === 'res-02')!.name
    expect(answer.text.startsWith(`@${name}`)).toBe(true)
    steward.say(`@楼管家 完成 ${ticket.id} 灯管已换好`, [bot]).to(mocker.RoomMock.load(FLOOR))
    const done = await until('the done notice in the room', () => inRoom.find((h) => h.text.includes('灯管已换好')))
    expect(done.text.startsWith(`@${name}`)).toBe(true)
    expect(runtime.ctx.tickets.get(ticket.id)?.state).toBe('done')
  })

  it('answers GET /healthz: logged in, the last message time, the outbox depth', async () => {
    const port = runtime.health!.port
    const res = await fetch(`http://127.0.0.1:${port}/healthz`)
    expect(res.status).toBe(200)
    const body = (await res.json()) as { status: string; loggedIn: boolean; lastMessageAt: string | null; outboxDepth: number }
    expect(body).toMatchObject({ status: 'ok', loggedIn: true })
    // Messages came in over gRPC in the tests above.
    expect(Date.parse(body.lastMessageAt!)).toBeGreaterThan(Date.now() - 60_000)
    expect(body.outboxDepth).toBeGreaterThanOrEqual(0)
    expect((await fetch(`http://127.0.0.1:${port}/other`)).status).toBe(404)
  })
})
