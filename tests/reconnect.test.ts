// Connection loss over real gRPC: the PuppetServer goes away and comes back.
// The bot notices the broken stream, reconnects with backoff, sends what was
// pending, processes what arrives afterwards, and processes nothing twice.
// The offline alarm reaches a webhook (a local HTTP server) that does not depend on WeChat.
// The server's puppet is never told to stop: a stop from the dead client reaching the
// restarted server would log the account out (DESIGN.md pitfalls), and nobody logs it back in here.
import { createServer as createHttpServer, type Server } from 'node:http'
import pino from 'pino'
import { afterAll, describe, expect, it } from 'vitest'
import type { EventEmitter } from 'node:events'
import { PuppetMock, mock } from 'wechaty-puppet-mock'
import { communityEnv } from '../testing/mock-community.ts'
import { servePuppet, type LocalPuppetService } from '../testing/puppet-server.ts'
import { createRuntime, type Runtime } from '../bot/runtime.ts'
import { loadCommunity } from '../store/demo-community.ts'
import { openStore } from '../store/store.ts'
import { until } from './helpers/wait.ts'

const FLOOR = 'floor-3-5@chatroom'

describe('connection loss and recovery', () => {
  const community = loadCommunity()
  const mocker = new mock.Mocker()
  const puppet = new PuppetMock({ mocker })
  const hooks: string[] = []
  let webhook: Server
  let server: LocalPuppetService
  let runtime: Runtime
  const heard: { to: string; text: string }[] = []

  afterAll(async () => {
    await runtime?.stop()
    await server?.stop()
    webhook?.close()
  })

  it('reconnects after the server restarts, sends the pending outbox, processes new messages once, and raises the webhook alarm', async () => {
    webhook = createHttpServer((req, res) => {
      let body = ''
      req.on('data', (c) => {
        body += c
      })
      req.on('end', () => {
        hooks.push(body)
        res.end('{"errcode":0}')
      })
    })
    await new Promise<void>((r) => webhook.listen(0, '127.0.0.1', () => r()))
    const hookUrl = `http://127.0.0.1:${(webhook.address() as { port: number }).port}/robot`

    server = await servePuppet(puppet)
    const botUser = mocker.createContact({ id: community.bot.id, name: community.bot.name })
    for (const p of [...community.stewards, ...community.managers, ...community.residents]) {
      ;(mocker.createContact({ id: p.id, name: p.name }) as unknown as EventEmitter).on('message', (m: mock.MessageMock) => {
        if (m.payload.talkerId === botUser.id && !m.payload.roomId) heard.push({ to: p.id, text: m.payload.text ?? '' })
      })
    }
    for (const r of community.rooms) mocker.createRoom({ id: r.id, topic: r.topic, memberIdList: r.memberIds })
    mocker.login(botUser)
    const serverPuppetEvents: string[] = []
    puppet.on('logout', () => {
      serverPuppetEvents.push('logout')
    })
    puppet.state.on('inactive', () => {
      serverPuppetEvents.push('stop')
    })
    // One message is announced just before the link drops, and its payload cannot be read
    // until the server is back: the bot must fetch it again after reconnecting.
    let release: () => void = () => {}
    const held = new Promise<void>((r) => {
      release = r
    })
    let heldOnce = false
    const raw = puppet.messageRawPayload.bind(puppet)
    puppet.messageRawPayload = async (id: string) => {
      const payload = await raw(id)
      if (payload.text === '楼道里有烟味,像是着火了' && !heldOnce) {
        heldOnce = true
        await held
      }
      return payload
    }

    runtime = await createRuntime({
      env: {
        ...communityEnv(community),
        ...server.clientEnv,
        TRIAGE_RATE_PER_ROOM_MS: '0',
        TRIAGE_ALERT_WEBHOOK: hookUrl,
        TRIAGE_OFFLINE_ALERT_MIN: '0.02',
      },
      db: openStore(':memory:'),
      log: pino({ level: process.env.TEST_LOG ?? 'silent' }),
      schedulerIntervalMs: 0,
      backoff: { initialMs: 300, maxMs: 2000 },
    })
    await runtime.start()
    await until('login', () => runtime.bot.isLoggedIn)
    const firstBot = runtime.bot

    mocker.ContactMock.load('res-02').say('大家好').to(mocker.RoomMock.load(FLOOR))
    await until('first message stored', () => runtime.ctx.db.prepare(`SELECT 1 FROM inbound WHERE text = '大家好'`).get())

    // A message whose payload the bot is still fetching when the link goes down.
    mocker.ContactMock.load('res-02').say('楼道里有烟味,像是着火了').to(mocker.RoomMock.load(FLOOR))
    await until('the payload fetch to start', () => heldOnce)
    // The link goes down.
    await server.stop()
    await until('the bot to notice', () => runtime.ctx.db && hooks.length > 0, 20_000)
    expect(JSON.parse(hooks[0])).toMatchObject({ msgtype: 'text', text: { content: expect.stringContaining('离线') } })
    // Work produced while offline waits in the persistent outbox.
    runtime.ctx.outbox.send({ to: { kind: 'contact', id: 'steward-li' }, text: '离线期间排队的消息' })

    // The link comes back on the same address.
    await server.restart()
    release()
    await until('reconnection', () => runtime.reconnects >= 1 && runtime.bot !== firstBot && runtime.bot.isLoggedIn, 30_000)
    await until('the pending message sent', () => heard.find((h) => h.to === 'steward-li' && h.text === '离线期间排队的消息'))
    await until('stewards told the bot is back', () => heard.find((h) => h.to === 'steward-wang' && h.text.includes('恢复在线')))

    await until('the message announced at the drop fetched again and processed', () =>
      runtime.ctx.db.prepare(`SELECT 1 FROM inbound WHERE text = '楼道里有烟味,像是着火了' AND state = 'done'`).get(),
    )
    expect(runtime.ctx.db.prepare(`SELECT count(*) AS n FROM tickets WHERE talker_id = 'res-02' AND urgent = 1`).get()).toEqual({ n: 1 })

    mocker.ContactMock.load('res-03').say('我家停电了 3栋1单元503').to(mocker.RoomMock.load(FLOOR))
    await until('message after reconnect processed', () =>
      runtime.ctx.db.prepare(`SELECT 1 FROM inbound WHERE text LIKE '我家停电了%' AND state = 'done'`).get(),
    )
    const counts = runtime.ctx.db.prepare(`SELECT text, count(*) AS n FROM inbound GROUP BY message_id HAVING n > 1`).all()
    expect(counts).toEqual([])
    expect(runtime.ctx.db.prepare(`SELECT count(*) AS n FROM tickets WHERE talker_id = 'res-03'`).get()).toEqual({ n: 1 })
    await until('the outbox drained', () => runtime.ctx.outbox.store.countPending() === 0)
    // The account stayed logged in on the server the whole time.
    expect(serverPuppetEvents).toEqual([])
    expect(puppet.isLoggedIn).toBe(true)
    await until('every announced message read', () => runtime.handle.missed.size === 0)
    expect(runtime.handle.missed.abandoned).toEqual([])
  }, 90_000)

  it('a spurious broken-stream error while the server is up reconnects without logging the account out', async () => {
    // One failed call (UNAVAILABLE on a single RPC) looks like a lost link. Tearing the client
    // down must not send the server a stop: that would stop its puppet and log the account out.
    const events: string[] = []
    const onLogout = () => {
      events.push('logout')
    }
    const onInactive = () => {
      events.push('stop')
    }
    puppet.on('logout', onLogout)
    puppet.state.on('inactive', onInactive)
    const before = runtime.reconnects
    const old = runtime.bot
    ;(old as unknown as { emit(e: string, err: Error): void }).emit('error', new Error('14 UNAVAILABLE: No connection established'))
    await until('reconnection', () => runtime.reconnects > before && runtime.bot !== old && runtime.bot.isLoggedIn, 30_000)
    // Give a late stop every chance to arrive.
    await new Promise((r) => setTimeout(r, 1000))
    expect(events).toEqual([])
    expect(puppet.isLoggedIn).toBe(true)

    mocker.ContactMock.load('res-04').say('3栋电梯卡住了 有人被困在里面').to(mocker.RoomMock.load(FLOOR))
    await until('message after the second reconnect processed', () =>
      runtime.ctx.db.prepare(`SELECT 1 FROM inbound WHERE talker_id = 'res-04' AND state = 'done'`).get(),
    )
    puppet.off('logout', onLogout)
    puppet.state.off('inactive', onInactive)
  }, 60_000)

  it('stopping the bot closes its connection only: the account stays logged in on the service for the next start', async () => {
    const events: string[] = []
    puppet.on('logout', () => {
      events.push('logout')
    })
    puppet.state.on('inactive', () => {
      events.push('stop')
    })
    await runtime.stop()
    await new Promise((r) => setTimeout(r, 1000))
    expect(events).toEqual([])
    expect(puppet.isLoggedIn).toBe(true)
  }, 30_000)
})
