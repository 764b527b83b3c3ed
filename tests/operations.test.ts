// Operations: offline alarm, start-up checks, finding ids, reload, retention, forget, backup.
import { mkdtempSync } from 'node:fs'
import { createServer as createHttpServer, type Server } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Writable } from 'node:stream'
import Database from 'better-sqlite3'
import pino from 'pino'
import { afterEach, describe, expect, it } from 'vitest'
import { PuppetMock, mock } from 'wechaty-puppet-mock'
import { runContacts } from '../tools/contacts.ts'
import { startMockCommunity, type MockCommunity } from '../testing/mock-community.ts'
import { servePuppet } from '../testing/puppet-server.ts'
import { tick } from '../bot/scheduler.ts'
import { loadCommunity } from '../store/demo-community.ts'
import { forgetContact } from '../store/privacy.ts'
import { openStore } from '../store/store.ts'
import { handleRequest } from '../handlers/requests.ts'
import { T0, testContext, triaged } from './helpers/handler-context.ts'
import { until } from './helpers/wait.ts'

const log = pino({ level: 'silent' })
const FAST = { TRIAGE_RATE_PER_MIN: '1000', TRIAGE_RATE_PER_ROOM_MS: '0' }
let c: MockCommunity | null = null
let hookServer: Server | null = null

afterEach(async () => {
  await c?.stop()
  c = null
  hookServer?.close()
  hookServer = null
})

async function webhook(): Promise<{ url: string; bodies: { msgtype: string; text: { content: string } }[] }> {
  const bodies: { msgtype: string; text: { content: string } }[] = []
  hookServer = createHttpServer((req, res) => {
    let body = ''
    req.on('data', (d) => {
      body += d
    })
    req.on('end', () => {
      bodies.push(JSON.parse(body))
      res.end('{"errcode":0}')
    })
  })
  await new Promise<void>((r) => hookServer!.listen(0, '127.0.0.1', () => r()))
  return { url: `http://127.0.0.1:${(hookServer.address() as { port: number }).port}/send`, bodies }
}

describe('offline alarm and start-up checks', () => {
  it('posts to the webhook at once when the account logs out', async () => {
    const hook = await webhook()
    c = await startMockCommunity({ log, env: { ...FAST, TRIAGE_ALERT_WEBHOOK: hook.url } })
    await c.puppet.logout()
    const body = await until('the webhook', () => hook.bodies[0])
    expect(body.msgtype).toBe('text')
    expect(body.text.content).toContain('重新扫码')
  })

  it('reports a steward id that resolves to no contact and a room pattern that matches no room, and keeps running', async () => {
    const hook = await webhook()
    c = await startMockCommunity({
      log,
      env: { ...FAST, TRIAGE_ALERT_WEBHOOK: hook.url, TRIAGE_STEWARDS: 'steward-wang,steward-ghost', TRIAGE_ROOMS: '幸福里' },
    })
    const report = await until('the start-up check', () => c!.runtime.lastCheck)
    expect(report.missingContacts).toEqual(['steward-ghost'])
    expect(report.roomsMatched).toBe(0)
    expect(report.problems.join('\n')).toMatch(/steward-ghost[\s\S]*幸福里/)
    const body = await until('the webhook', () => hook.bodies[0])
    expect(body.text.content).toContain('steward-ghost')
    // Still running: a steward's private command is answered.
    c.say('steward-wang', null, '我的ID')
    await c.settle()
    expect(c.delivered.some((d) => d.toId === 'steward-wang' && d.text.includes('steward-wang'))).toBe(true)
  })
})

describe('finding ids and reloading', () => {
  it("answers 我的ID / whoami privately with the sender's own id and role", async () => {
    c = await startMockCommunity({ log, env: FAST })
    c.say('manager-zhou', null, 'whoami')
    c.say('res-04', 'floor-3-5@chatroom', '@楼管家 我的ID', { mentionBot: true })
    await c.settle()
    expect(c.delivered.find((d) => d.toId === 'manager-zhou')?.text).toContain('manager-zhou(经理)')
    expect(c.delivered.find((d) => d.toId === 'res-04')?.text).toContain('res-04(居民)')
  })

  it('lists rooms and contacts with ids and parsed locations from a running puppet service', async () => {
    const community = loadCommunity()
    const mocker = new mock.Mocker()
    const puppet = new PuppetMock({ mocker })
    const server = await servePuppet(puppet)
    try {
      const bot = mocker.createContact({ id: community.bot.id, name: community.bot.name })
      for (const p of community.residents.slice(0, 3)) mocker.createContact({ id: p.id, name: p.name })
      mocker.createRoom({ id: 'floor-3-5@chatroom', topic: '春江天境3栋5楼业主群', memberIdList: [bot.id, 'res-01'] })
      mocker.login(bot)
      let out = ''
      const sink = new Writable({
        write(chunk, _e, cb) {
          out += chunk
          cb()
        },
      })
      const code = await runContacts(server.clientEnv, sink)
      expect(code).toBe(0)
      expect(out).toContain('floor-3-5@chatroom\t春江天境3栋5楼业主群\t3栋5楼')
      expect(out).toContain('res-01\t3-2-502 王阿姨\t3栋2单元502')
    } finally {
      await server.stop()
    }
  }, 60_000)

  it('reloads the configuration when a manager says 重载, and refuses residents', async () => {
    const community = loadCommunity()
    // What the operator's environment says at the time of the reload.
    let current: NodeJS.ProcessEnv = { ...FAST, TRIAGE_STEWARDS: 'steward-wang,steward-li', TRIAGE_MANAGERS: 'manager-zhou' }
    c = await startMockCommunity({ log, env: FAST, reloadEnv: () => current })
    expect(community.managers[0].id).toBe('manager-zhou')
    c.say('res-09', null, '重载')
    c.say('res-09', null, '队列')
    await c.settle()
    expect(
      c.delivered
        .filter((d) => d.toId === 'res-09')
        .map((d) => d.text)
        .join('\n'),
    ).toContain('只有物业管家')
    current = { ...current, TRIAGE_STEWARDS: 'steward-wang,res-09' }
    c.say('manager-zhou', null, '重载')
    await c.settle()
    expect(c.delivered.find((d) => d.toId === 'manager-zhou')?.text).toContain('配置已重载')
    expect(c.runtime.ctx.config.stewards).toEqual(['steward-wang', 'res-09'])
    // (Not the same words again: a repeat within a minute is taken for a re-delivery.)
    c.say('res-09', null, 'queue')
    await c.settle()
    expect(c.delivered.filter((d) => d.toId === 'res-09').at(-1)?.text).toMatch(/待办/)
    // A broken configuration is refused and the old one kept.
    current = { ...current, TRIAGE_ACK: 'sometimes' }
    c.say('manager-zhou', null, 'reload')
    await c.settle()
    expect(c.delivered.filter((d) => d.toId === 'manager-zhou').at(-1)?.text).toContain('未重载')
    expect(c.runtime.ctx.config.ack).toBe('all')
  })
})

describe("residents' data", () => {
  it('the daily retention job deletes what is older than TRIAGE_RETENTION_DAYS, keeps anonymised counts, and keeps open work', () => {
    const ctx = testContext({ TRIAGE_RETENTION_DAYS: '30' })
    const old = ctx.post({ text: '楼道灯不亮', at: T0 })
    const closed = handleRequest(ctx, old, triaged({ category: 'repair', text: old.text }), { quiet: false, silent: false }).ticket
    ctx.tickets.update(closed.id, { state: 'done', resolvedAt: T0 }, T0)
    const stillOpen = handleRequest(
      ctx,
      ctx.post({ talkerId: 'res-02', text: '降压药没了', at: T0 }),
      triaged({ category: 'medical', text: '降压药没了' }),
      { quiet: false, silent: false },
    ).ticket
    ctx.inbox.markDone(old.id, { category: 'repair', urgent: false, labels: ['repair'], ticketId: closed.id })
    ctx.setNow(T0 + 31 * 86_400_000)
    const recent = ctx.post({ talkerId: 'res-03', text: '谢谢大家' })
    tick(ctx)
    expect(ctx.inbox.get(old.id)).toBeNull()
    expect(ctx.tickets.get(closed.id)).toBeNull()
    expect(ctx.tickets.get(stillOpen.id)?.state).toBe('open')
    expect(ctx.inbox.get(recent.id)).not.toBeNull()
    const counts = ctx.db.prepare('SELECT category, messages, tickets FROM daily_counts ORDER BY category').all()
    expect(counts).toEqual(expect.arrayContaining([{ category: 'repair', messages: 1, tickets: 1 }]))
    expect(JSON.stringify(counts)).not.toContain('楼道灯')
  })

  it('forget leaves no trace of the resident in any table', () => {
    const ctx = testContext()
    const m = ctx.post({ talkerId: 'res-77', talkerName: '7-1-701 钱奶奶', text: '我要土豆3斤' })
    handleRequest(ctx, m, triaged({ category: 'grocery', text: m.text, items: [{ name: '土豆', qty: 3, unit: '斤', alternatives: [] }] }), {
      quiet: false,
      silent: false,
    })
    const other = ctx.post({ talkerId: 'res-78', talkerName: '7-1-702 孙', text: '楼道灯坏了' })
    const light = handleRequest(ctx, other, triaged({ category: 'repair', text: other.text }), { quiet: false, silent: false }).ticket
    // res-77 also reported the neighbour's light: a merged reporter.
    ctx.tickets.addReporter(light.id, { talkerId: 'res-77', talkerName: '7-1-701 钱奶奶', roomId: 'floor-6-2@chatroom' })
    // A friend request waiting for the cap carries her greeting.
    ctx.friendRequests.receive({ friendshipId: 'f-77', contactId: 'res-77', payload: '{"hello":"我是钱奶奶"}', at: 1 })
    const removed = forgetContact(ctx.db, 'res-77')
    expect(removed.friendRequests).toBe(1)
    expect(removed.messages).toBe(1)
    expect(removed.tickets).toBe(1)
    expect(removed.orders).toBe(1)
    const tables = (ctx.db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table'`).all() as { name: string }[]).map((t) => t.name)
    for (const table of tables) {
      const dump = JSON.stringify(ctx.db.prepare(`SELECT * FROM ${table}`).all())
      expect(dump, table).not.toContain('res-77')
      expect(dump, table).not.toContain('钱奶奶')
    }
    expect(ctx.tickets.get(light.id)?.state).toBe('open')
  })

  it('takes a consistent online backup while messages are being written', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lgj-backup-'))
    const db = openStore(join(dir, 'live.db'))
    const insert = db.prepare(`INSERT INTO inbound (message_id, talker_id, text, at, received_at) VALUES (?, 'res', ?, ?, ?)`)
    let n = 0
    const writer = setInterval(() => {
      for (let i = 0; i < 50; i++) {
        n++
        insert.run(`m${n}`, `消息 ${n} `.repeat(20), n, n)
      }
    }, 1)
    try {
      for (let i = 0; i < 2000; i++) insert.run(`seed${i}`, 'x'.repeat(500), i, i)
      await db.backup(join(dir, 'backup.db'), { progress: () => 10 })
    } finally {
      clearInterval(writer)
    }
    const copy = new Database(join(dir, 'backup.db'), { readonly: true })
    expect(copy.pragma('integrity_check', { simple: true })).toBe('ok')
    expect((copy.prepare('SELECT count(*) AS n FROM inbound').get() as { n: number }).n).toBeGreaterThanOrEqual(2000)
    copy.close()
    db.close()
  })
})
