// The demo community: `npm start` with no puppet configured. Builds 春江天境 on
// wechaty-puppet-mock, replays a whole day of its groups on a simulated clock
// through the real bot, and prints what happened and what stewards and
// managers received.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Logger } from 'pino'
import { loadDemoDay } from '../store/demo-community.ts'
import { openStore, type DB } from '../store/store.ts'
import type { Community } from '../store/demo-community.ts'
import { CATEGORY_NAMES } from '../handlers/wording.ts'
import type { Category } from '../classifiers/types.ts'
import { digestHooks } from '../bot/digest-hooks.ts'
import { startMockCommunity, type Delivered } from '../testing/mock-community.ts'
import { tick } from '../bot/scheduler.ts'

export interface DemoOptions {
  log: Logger
  out: NodeJS.WritableStream
  dir?: string
}

const TICK_MS = 60_000

export async function runDemo(o: DemoOptions): Promise<number> {
  const started = Date.now()
  const dir = o.dir ?? 'var'
  mkdirSync(dir, { recursive: true })
  const dbPath = join(dir, 'demo.db')
  for (const suffix of ['', '-wal', '-shm']) rmSync(dbPath + suffix, { force: true })
  const db = openStore(dbPath)
  const day = loadDemoDay()
  let now = 0
  const hooks = digestHooks()
  const c = await startMockCommunity({ log: o.log, db, clock: () => now, hooks })
  const { community, runtime } = c
  const ctx = runtime.ctx
  const dayStart = new Date(`${community.date}T00:00:00`).getTime()
  const at = (hms: string) => dayStart + (([h, m, s]) => h * 3600 + m * 60 + s)(hms.split(':').map(Number)) * 1000
  const write = (s = '') => o.out.write(s + '\n')

  write(
    `🏘  楼管家演示:${community.name},${community.rooms.length} 个群,${community.residents.length} 位居民,${community.stewards.length} 位管家,${community.managers.length} 位经理`,
  )
  write(`   回放 ${community.date} 一整天的 ${day.length} 条消息(模拟时钟)……`)

  let lastTick = at(day[0]?.at ?? '07:00:00')
  now = lastTick
  for (const [i, m] of day.entries()) {
    const t = at(m.at)
    // The scheduler's work (re-alerts, SLA reminders, digests) for the minutes that passed.
    while (lastTick + TICK_MS <= t) {
      lastTick += TICK_MS
      now = lastTick
      tick(ctx, hooks)
      await runtime.handle.sender.pump()
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
  }
  // Close the day: the evening's scheduled work, including the managers' daily digest.
  const end = at('21:00:00') > now ? at('21:00:00') : now + TICK_MS
  while (lastTick + TICK_MS <= end) {
    lastTick += TICK_MS
    now = lastTick
    tick(ctx, hooks)
    await runtime.handle.sender.pump()
  }
  await c.settle()

  printSummary(write, c.delivered, db, community)
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
 * ticket by a snippet of the message that opened it: "认领 #{摔倒了}".
 */
function resolveTicketRefs(db: DB, text: string): string {
  return text.replace(/#\{([^}]+)\}/g, (whole, snippet: string) => {
    const row = db
      .prepare(`SELECT ticket_id FROM inbound WHERE instr(text, ?) > 0 AND ticket_id IS NOT NULL ORDER BY id DESC LIMIT 1`)
      .get(snippet) as { ticket_id: number } | undefined
    return row ? String(row.ticket_id) : whole
  })
}

function printSummary(write: (s?: string) => void, delivered: Delivered[], db: DB, community: Community) {
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
    const mine = delivered.filter((d) => d.toId === id)
    const alerts = mine.filter((d) => d.text.startsWith('🆘') || d.text.startsWith('⚠️')).length
    const look = mine.filter((d) => d.text.startsWith('👀')).length
    const sla = mine.filter((d) => d.text.startsWith('⏰')).length
    const digests = mine.filter((d) => d.text.startsWith('📋 管家简报')).length
    write(`   ${name}:${mine.length} 条(紧急提醒 ${alerts},请看一眼 ${look},超时提醒 ${sla},简报 ${digests},其余为指令回复等)`)
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
