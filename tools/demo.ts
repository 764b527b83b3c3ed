// The demo community: `npm start` with no puppet configured. Builds 春江天境 on
// wechaty-puppet-mock, replays a whole day of its groups on a simulated clock
// through the real bot, and prints what happened and what stewards and
// managers received.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Logger } from 'pino'
import { loadDemoDay } from '../store/demo-community.ts'
import { openStore, type DB } from '../store/store.ts'
import type { Community, DemoMessage } from '../store/demo-community.ts'
import { CATEGORY_NAMES } from '../handlers/wording.ts'
import type { Category } from '../classifiers/types.ts'
import { digestHooks } from '../bot/digest-hooks.ts'
import { startMockCommunity, type Delivered, type MockCommunity } from '../testing/mock-community.ts'
import { tick } from '../bot/scheduler.ts'

export interface DemoOptions {
  log: Logger
  out: NodeJS.WritableStream
  dir?: string
}

const TICK_MS = 60_000

/** Why an outgoing message was written: a line of the day (its index in day.jsonl), or the scheduler. */
export type Cause = { line: number } | { tick: number }

/** The replayed day, still running: the community, its store, and what caused each outbox row. */
export interface ReplayedDay {
  community: Community
  day: DemoMessage[]
  c: MockCommunity
  db: DB
  /** Outbox row id → what was being processed when it was written. */
  causes: Map<number, Cause>
}

/**
 * Replays the demo day on a simulated clock through the real bot, the scheduler's ticks in
 * between, up to 21:00. The caller stops the community (`c.stop()`) and closes the store.
 */
export async function replayDemoDay(o: { log: Logger; db: DB }): Promise<ReplayedDay> {
  const { db } = o
  const day = loadDemoDay()
  let now = 0
  const hooks = digestHooks()
  const c = await startMockCommunity({ log: o.log, db, clock: () => now, hooks })
  const { community, runtime } = c
  const ctx = runtime.ctx
  const dayStart = new Date(`${community.date}T00:00:00`).getTime()
  const at = (hms: string) => dayStart + (([h, m, s]) => h * 3600 + m * 60 + s)(hms.split(':').map(Number)) * 1000
  const causes = new Map<number, Cause>()
  const lastRow = () => (db.prepare('SELECT max(id) AS id FROM outbox').get() as { id: number | null }).id ?? 0
  let seen = lastRow()
  const attribute = (cause: Cause) => {
    const last = lastRow()
    for (let id = seen + 1; id <= last; id++) causes.set(id, cause)
    seen = last
  }

  let lastTick = at(day[0]?.at ?? '07:00:00')
  now = lastTick
  const runTick = async () => {
    tick(ctx, hooks)
    attribute({ tick: now })
    await runtime.handle.sender.pump()
    attribute({ tick: now }) // fallbacks written while sending
  }
  for (const [i, m] of day.entries()) {
    const t = at(m.at)
    // The scheduler's work (re-alerts, SLA reminders, digests) for the minutes that passed.
    while (lastTick + TICK_MS <= t) {
      lastTick += TICK_MS
      now = lastTick
      await runTick()
    }
    now = t
    const text = resolveTicketRefs(db, m.text)
    const type = { text: 7, image: 6, voice: 2, video: 15, file: 1 }[m.type]
    const mention = m.mention && m.room ? [community.bot.id] : []
    c.emitRaw({
      id: `${m.id}-${i}`,
      talkerId: m.from,
      roomId: m.room ?? undefined,
      listenerId: m.room ? undefined : community.bot.id,
      text,
      type,
      timestamp: t,
      mentionIdList: mention,
    } as Parameters<typeof c.emitRaw>[0])
    await c.settle()
    attribute({ line: i })
  }
  // Close the day: the evening's scheduled work, including the managers' daily digest.
  const end = at('21:00:00') > now ? at('21:00:00') : now + TICK_MS
  while (lastTick + TICK_MS <= end) {
    lastTick += TICK_MS
    now = lastTick
    await runTick()
  }
  await c.settle()
  attribute({ tick: now })
  return { community, day, c, db, causes }
}

/** What a private message to a steward or manager is, as the demo's summary counts them. */
export type PrivateKind = 'alert' | 'realert' | 'update' | 'escalation' | 'look' | 'sla' | 'digest' | 'answer' | 'other'

export interface PrivateMessage {
  outboxId: number
  /** When it was queued (simulated clock). */
  at: number
  to: string
  kind: PrivateKind
  /** The ticket the message is about, when it is about one. */
  ticketId: number | null
  text: string
  cause: Cause | undefined
}

/**
 * Every private message sent to staff, with its kind: read from the outbox (purpose and the
 * message's own first words) and from what caused it. An answer is a message to the person
 * whose own message (a command) was being processed.
 */
export function privateMessages(r: ReplayedDay): PrivateMessage[] {
  const staff = new Set([...r.community.stewards, ...r.community.managers].map((p) => p.id))
  const rows = r.db
    .prepare(`SELECT id, created_at, to_id, text, purpose FROM outbox WHERE to_kind = 'contact' AND state = 'sent' ORDER BY id`)
    .all() as { id: number; created_at: number; to_id: string; text: string; purpose: string }[]
  return rows
    .filter((row) => staff.has(row.to_id))
    .map((row) => {
      const cause = r.causes.get(row.id)
      const own = cause && 'line' in cause && r.day[cause.line].from === row.to_id
      const text = row.text
      const head = text.split('\n')[0]
      const kind: PrivateKind =
        row.purpose === 'alert'
          ? head.startsWith('⚠️')
            ? 'escalation'
            : head.includes('补充')
              ? 'update'
              : head.includes('仍无人认领') || text.includes('起无人认领')
                ? 'realert'
                : 'alert'
          : row.purpose === 'digest' && !own
            ? 'digest'
            : text.startsWith('👀')
              ? 'look'
              : text.startsWith('⏰')
                ? 'sla'
                : own
                  ? 'answer'
                  : 'other'
      const ticket = /#(\d+)/.exec(text)
      return { outboxId: row.id, at: row.created_at, to: row.to_id, kind, ticketId: ticket ? Number(ticket[1]) : null, text, cause }
    })
}

export async function runDemo(o: DemoOptions): Promise<number> {
  const started = Date.now()
  const dir = o.dir ?? 'var'
  mkdirSync(dir, { recursive: true })
  const dbPath = join(dir, 'demo.db')
  for (const suffix of ['', '-wal', '-shm']) rmSync(dbPath + suffix, { force: true })
  const db = openStore(dbPath)
  const replayed = await replayDemoDay({ log: o.log, db })
  const { community, day, c } = replayed
  const ctx = c.runtime.ctx
  const write = (s = '') => o.out.write(s + '\n')

  write(
    `🏘  楼管家演示:${community.name},${community.rooms.length} 个群,${community.residents.length} 位居民,${community.stewards.length} 位管家,${community.managers.length} 位经理`,
  )
  write(`   回放 ${community.date} 一整天的 ${day.length} 条消息(模拟时钟)……`)

  printSummary(write, c.delivered, db, community, privateMessages(replayed))
  // Write the chart that went to the managers, so a person can look at it.
  const chart = c.delivered.length ? ctx.outbox.store.all().find((m) => m.file) : undefined
  if (chart?.file) {
    const path = join(dir, 'demo-daily.png')
    writeFileSync(path, Buffer.from(chart.file.base64, 'base64'))
    write(`📈 日报图表已写入 ${path}`)
  }
  write(`✅ 演示结束,用时 ${((Date.now() - started) / 1000).toFixed(1)} 秒。数据库:${dbPath}`)
  await c.stop()
  db.close()
  return 0
}

/**
 * Ticket numbers depend on the run, so the day's steward commands name their
 * ticket by a snippet of the message that opened it: "认领 #{摔倒了}". A message
 * that opened no ticket of its own (it joined another as news on it) leaves the
 * reference as it is, so a scripted 「驳回」 never closes the ticket it joined.
 */
function resolveTicketRefs(db: DB, text: string): string {
  return text.replace(/#\{([^}]+)\}/g, (whole, snippet: string) => {
    const row = db
      .prepare(
        `SELECT i.ticket_id FROM inbound i WHERE instr(i.text, ?) > 0 AND i.ticket_id IS NOT NULL
        AND i.id = (SELECT min(inbound_id) FROM ticket_messages WHERE ticket_id = i.ticket_id) ORDER BY i.id DESC LIMIT 1`,
      )
      .get(snippet) as { ticket_id: number } | undefined
    return row ? String(row.ticket_id) : whole
  })
}

function printSummary(write: (s?: string) => void, delivered: Delivered[], db: DB, community: Community, messages: PrivateMessage[]) {
  const q = <T>(sql: string) => db.prepare(sql).all() as T[]
  const one = <T>(sql: string) => db.prepare(sql).get() as T
  const inbound = one<{ n: number; noise: number }>(
    `SELECT count(*) AS n, sum(CASE WHEN ticket_id IS NULL THEN 1 ELSE 0 END) AS noise FROM inbound`,
  )
  write()
  write(`📨 收到 ${inbound.n} 条消息,其中 ${inbound.noise} 条无需处理(收到/谢谢/接龙/闲聊等)`)
  const byCat = q<{ category: Category; kind: string; n: number; urgent: number }>(
    `SELECT category, kind, count(*) AS n, sum(urgent) AS urgent FROM tickets GROUP BY category, kind ORDER BY n DESC`,
  )
  write(
    `🎫 建单 ${byCat.reduce((s, r) => s + r.n, 0)} 件:` +
      byCat
        .map((r) => `${r.kind === 'media' ? '语音/图片待查看' : CATEGORY_NAMES[r.category]} ${r.n}${r.urgent ? `(紧急 ${r.urgent})` : ''}`)
        .join(','),
  )
  const states = q<{ state: string; n: number }>(`SELECT state, count(*) AS n FROM tickets GROUP BY state`)
  write(`   状态:` + states.map((s) => `${s.state} ${s.n}`).join(','))
  const merged = one<{ n: number }>(
    `SELECT count(*) AS n FROM (SELECT ticket_id FROM ticket_reporters GROUP BY ticket_id HAVING count(*) > 1)`,
  )
  if (merged.n) write(`   ${merged.n} 件由多位邻居反映,已合并为一单`)
  const orders = one<{ n: number; lines: number }>(
    `SELECT count(DISTINCT o.id) AS n, count(l.seq) AS lines FROM orders o LEFT JOIN order_lines l ON l.order_id = o.id WHERE o.state = 'open'`,
  )
  write(`🛒 待采购订单 ${orders.n} 户,共 ${orders.lines} 项`)
  const emergencies = q<{ id: number; alerted: number; claimed: number | null; state: string }>(
    `SELECT id, alerted_at - created_at AS alerted, claimed_at - created_at AS claimed, state FROM tickets WHERE urgent = 1 ORDER BY id`,
  )
  if (emergencies.length) {
    write(`🆘 紧急求助 ${emergencies.length} 件,每件都在收到消息的同一刻私信提醒了值班管家:`)
    for (const e of emergencies)
      write(
        `   #${e.id} ${e.claimed != null ? `${Math.round(e.claimed / 60_000)} 分钟后被认领` : e.state === 'dismissed' ? '管家核实为误报,已驳回' : '未认领(已反复提醒并上报经理)'},${e.state}`,
      )
  }

  const people = new Map([...community.stewards, ...community.managers].map((p) => [p.id, p.name]))
  write()
  write('📬 管家和经理收到的私信:')
  for (const [id, name] of people) {
    const mine = messages.filter((m) => m.to === id)
    const n = (...kinds: PrivateKind[]) => mine.filter((m) => kinds.includes(m.kind)).length
    const pushed = mine.length - n('answer')
    write(
      `   ${name}:${mine.length} 条,其中主动提醒 ${pushed} 条(紧急提醒 ${n('alert', 'realert', 'update', 'escalation')},请看一眼 ${n('look')},超时提醒 ${n('sla')},简报 ${n('digest')},其他 ${n('other')}),指令回复 ${n('answer')} 条`,
    )
  }
  const groups = delivered.filter((d) => d.roomId).length
  const residents = delivered.filter((d) => d.toId && !people.has(d.toId)).length
  write(`   群里回复 ${groups} 条(登记回执、紧急回应、办结通知),居民私信 ${residents} 条`)

  const lastOf = (id: string, marker: string) => [...delivered].reverse().find((d) => d.toId === id && d.text.includes(marker))
  const queue = lastOf(community.stewards[0].id, '📋 待办') ?? lastOf(community.stewards[1]?.id ?? '', '📋 待办')
  if (queue) {
    write()
    write('—— 管家最近一次查看的队列 ——')
    write(queue.text)
  }
  const orderList = delivered.find((d) => d.text.startsWith('📦'))
  if (orderList) {
    write()
    write('—— 管家收到的采购汇总 ——')
    write(orderList.text)
  }
  const digest = [...delivered].reverse().find((d) => d.text.includes('管家简报'))
  if (digest) {
    write()
    write('—— 管家简报 ——')
    write(digest.text)
  }
  const daily = [...delivered].reverse().find((d) => community.managers.some((m) => m.id === d.toId) && d.text.includes('日报'))
  if (daily) {
    write()
    write('—— 经理日报 ——')
    write(daily.text)
  }
  write()
}
