// The steward digest (a phone screen of what happened since the last one, every
// line pointing to ticket numbers) and the daily manager digest (volumes, times,
// backlog, hotspots, anonymised cases): one phone screen (handlers/screen.ts), with
// the details behind 「日报 详细」. Pure over the store and the clock: no Wechaty;
// bot/digest-hooks.ts sends them.
//
// Definitions used by the daily digest (local time, process TZ):
// - the day is [dayStart, dayEnd); a digest asked for during the day ends at "now".
// - message volume: inbound rows with `at` in the day. Noise: processed rows that
//   filed no ticket (收到, 谢谢, 接龙, questions…), staff commands excluded.
// - time to claim: claimedAt − createdAt for request tickets claimed during the day
//   (whenever they were opened); time to resolve: resolvedAt − createdAt for
//   request tickets done during the day (dismissed and cancelled ones excluded).
// - median and p90 (said as 「一半在…内,九成在…内」: "P90" means nothing to a
//   property manager) use the nearest-rank method: for n sorted values the p-th
//   percentile is the value at rank ceil(p/100 × n) (1-based). So the median of
//   [1,2,3,4] is 2, and p90 of ten values is the 9th.
// - SLA breaches: tickets flagged sla_breached that were opened in the day, or
//   whose 'sla-breached' event falls in the day.
// - backlog at day's end: request tickets opened before dayEnd and not closed by
//   then (open/claimed now, or closed at or after dayEnd).
// - repeat hotspots: one fault (same fault key: building-unit-fault) with ≥ 3
//   reporters in the day, or ≥ 3 other repair tickets in one building.
// - red-tier households served: distinct households (building/unit/room, or the
//   resident when the room is unknown) with a red-tier ticket opened or done in the day.
// - cases: 3–5 tickets done in the day (emotional ones never), anonymised to
//   building + surname + 女士/先生 (or 居民).
import type { SharedFault } from '../classifiers/fault.ts'
import { CATEGORIES, type Category } from '../classifiers/types.ts'
import type { Ticket } from '../store/tickets.ts'
import { anonymize, honorific } from './anonymize.ts'
import { roleOf } from './config.ts'
import type { Context } from './context.ts'
import { consolidate, describePurchase } from './orders.ts'
import { satisfactionCounts } from './satisfaction.ts'
import { PHONE_LINE_WIDTH, SCREEN_LINES, chatLines, clipWidth, textWidth } from './screen.ts'
import { CATEGORY_NAMES, FAULT_NAMES, clip, hhmm, where } from './wording.ts'

export const MAX_STEWARD_LINES = 25
/** The order the reports list categories in (groceries before repairs, unlike the priority order). */
const REPORT_RANK: Readonly<Record<Category, number>> = { medical: 0, grocery: 1, repair: 2, pet: 3, emotional: 4, other: 5 }
const REPORT_ORDER: readonly Category[] = [...CATEGORIES].sort((a, b) => REPORT_RANK[a] - REPORT_RANK[b])

/** Chart/report series keys: the six categories, plus noise and not-yet-processed messages. */
export type MessageClass = Category | 'noise' | 'pending'
export const MESSAGE_CLASS_NAMES: Record<MessageClass, string> = { ...CATEGORY_NAMES, noise: '无需处理', pending: '未处理' }
export const MESSAGE_CLASSES: MessageClass[] = [...REPORT_ORDER, 'noise', 'pending']

// ---------------------------------------------------------------- helpers

/**
 * "#1 #2 #3 …" — at most `max` numbers. The line that shows them has already said how many
 * there are, so the count is not said again (「超时未认领 9 件:#3 … 等9件」 said it twice).
 */
export function ids(list: readonly { id: number }[] | readonly number[], max = 8): string {
  const nums = list.map((x) => (typeof x === 'number' ? x : x.id))
  const shown = nums
    .slice(0, max)
    .map((n) => `#${n}`)
    .join(' ')
  return nums.length > max ? `${shown} …` : shown
}

/** Nearest-rank percentile of an ascending list (null when empty). */
export function percentile(sorted: readonly number[], p: number): number | null {
  if (sorted.length === 0) return null
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length))
  return sorted[Math.min(sorted.length, rank) - 1]
}

export function duration(ms: number | null): string {
  if (ms == null) return '—'
  const min = Math.round(ms / 60_000)
  if (min < 60) return `${min}分钟`
  const h = Math.floor(min / 60)
  return min % 60 ? `${h}小时${min % 60}分` : `${h}小时`
}

export function localDayStart(at: number): number {
  const d = new Date(at)
  return new Date(d.getFullYear(), d.getMonth(), d.getDate()).getTime()
}

export function localDayEnd(at: number): number {
  const d = new Date(at)
  return new Date(d.getFullYear(), d.getMonth(), d.getDate() + 1).getTime()
}

export function localDateString(at: number): string {
  const d = new Date(at)
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`
}

function isStaff(ctx: Context, talkerId: string): boolean {
  return roleOf(ctx.config, talkerId) !== 'resident'
}

interface MessageCounts {
  total: number
  noise: number
  commands: number
  pending: number
}

function countMessages(
  ctx: Context,
  from: number,
  to: number,
  inclusiveEnd: boolean,
): MessageCounts & { rows: { at: number; category: string | null; state: string; ticket_id: number | null; talker_id: string }[] } {
  const rows = ctx.reports.messages(from, to, inclusiveEnd)
  let noise = 0,
    commands = 0,
    pending = 0
  for (const r of rows) {
    if (r.state !== 'done') pending++
    else if (r.ticket_id == null) {
      if (isStaff(ctx, r.talker_id)) commands++
      else noise++
    }
  }
  return { total: rows.length - commands, noise, commands, pending, rows }
}

// ---------------------------------------------------------------- steward digest

/**
 * What a steward needs since `since` (exclusive) up to `now`, plus what is still
 * waiting, in at most 25 lines, each pointing to ticket numbers.
 */
export function stewardDigest(ctx: Context, since: number, now: number): string {
  const msgs = countMessages(ctx, since + 1, now, true)
  const fresh = ctx.reports.createdSince(since, now)
  const requests = fresh.filter((t) => t.kind === 'request')
  const lines: string[] = []
  lines.push(`📋 管家简报 ${hhmm(since + 1)}–${hhmm(now)}`)
  lines.push(
    `读消息 ${msgs.total} 条,过滤闲聊 ${msgs.noise} 条,新事项 ${requests.length} 件${requests.length ? `(${ids(requests, 4)})` : ''}`,
  )

  // New tickets per category (one line each, only the categories that have some).
  for (const c of REPORT_ORDER) {
    const of = requests.filter((t) => t.category === c)
    if (of.length) lines.push(`· ${CATEGORY_NAMES[c]} ${of.length}:${ids(of, 6)}`)
  }

  // 接龙 lines the bot could not tie to their author (jielong.ts): the steward checks them.
  const checks = ctx.reports.jielongChecks(since, now)
  if (checks.length) lines.push(`🧾 接龙待核对 ${checks.length} 户:${ids(checks, 6)}(认不出是谁接的,「订单」看清单)`)

  // Emergencies: new ones in the window, and any urgent ticket still open.
  const urgent = ctx.reports.urgentSince(since, now)
  if (urgent.length) {
    const parts = urgent.slice(0, 5).map((t) => {
      if (t.state === 'open') return `#${t.id}⚠️未认领${duration(now - t.createdAt)}`
      if (t.state === 'claimed') return `#${t.id}处理中(${ctx.config.stewardNames.get(t.claimedBy ?? '') ?? t.claimedBy ?? ''})`
      return `#${t.id}${t.state === 'done' ? '已完成' : '已关闭'}`
    })
    lines.push(`🚨 紧急 ${urgent.length}:${parts.join(' · ')}${urgent.length > 5 ? ' …' : ''}`)
  }
  // Possible emergencies (below the urgent threshold): counted apart, new ones and those still open.
  const possible = ctx.reports.possibleSince(since, now)
  if (possible.length)
    lines.push(`👀 可能紧急 ${possible.length}:${ids(possible, 5)}${possible.some((t) => t.state === 'open') ? ',请看一眼' : ''}`)

  // The oldest tickets nobody has claimed.
  const unclaimed = ctx.reports.oldestUnclaimed(3)
  const unclaimedTotal = ctx.reports.unclaimedCount()
  if (unclaimed.length) {
    lines.push(`⌛ 未认领 ${unclaimedTotal} 件,最久的 ${ids(unclaimed)}:`)
    for (const t of unclaimed)
      lines.push(`  #${t.id} ${CATEGORY_NAMES[t.category]} ${where(t)} ${hhmm(t.createdAt)}起,已等${duration(now - t.createdAt)}`)
  }

  // Grocery totals to buy.
  const orders = ctx.orders.open()
  if (orders.length) {
    const buy = consolidate(orders)
    const shown = buy.slice(0, 4).map(describePurchase)
    lines.push(
      `🛒 待采购 ${orders.length} 户(${ids(
        orders.map((o) => o.ticketId ?? o.id),
        5,
      )}):${shown.join('、')}${buy.length > 4 ? ` 等${buy.length}样,回复「订单」看全部` : ''}`,
    )
  }

  const media = ctx.reports.openMedia()
  if (media.length) lines.push(`🖼 语音/图片待查看 ${media.length}:${ids(media)}`)

  const emotional = ctx.reports.emotionalUnanswered()
  if (emotional.length) lines.push(`💬 心理关怀未回复 ${emotional.length}:${ids(emotional)}`)

  // Claim deadlines missed and still unclaimed: the SLA reminder (sla.ts) is this line, so new
  // ones put it second, right under the header, listed first.
  const newlyBreached = new Set(ctx.reports.breachedBetween(since + 1, now + 1))
  const breached = ctx.reports.breachedOpen().sort((a, b) => Number(newlyBreached.has(b.id)) - Number(newlyBreached.has(a.id)))
  const freshBreaches = breached.filter((t) => newlyBreached.has(t.id)).length
  if (breached.length) {
    const line = `⏰ 超时未认领 ${breached.length} 件${freshBreaches ? `(新 ${freshBreaches} 件)` : ''}:${ids(breached)}`
    if (freshBreaches) lines.splice(1, 0, line)
    else lines.push(line)
  }

  if (lines.length === 2 && requests.length === 0 && !breached.length) lines.push('目前没有待办事项 👍')
  return fitScreen(lines.slice(0, MAX_STEWARD_LINES))
}

/**
 * The steward digest on one phone screen (SCREEN_LINES chat lines): the oldest-unclaimed details
 * go first (their summary line stays), then lines from the end, with a pointer to the rest.
 */
function fitScreen(lines: string[]): string {
  const fits = (l: string[]) => chatLines(l.join('\n')) <= SCREEN_LINES
  if (fits(lines)) return lines.join('\n')
  const kept = lines.filter((l) => !/^ {2}#\d+ /.test(l)).map((l) => (l.startsWith('⌛') ? l.replace(/:$/, '') : l))
  if (fits(kept)) return kept.join('\n')
  const more = '……其余回复「队列」或「订单」查看'
  while (kept.length > 2 && !fits([...kept, more])) kept.pop()
  return [...kept, more].join('\n')
}

/** The kv key holding when a steward last got a digest. */
export const stewardDigestKey = (stewardId: string) => `digest:steward:${stewardId}`

/**
 * Whether anything a steward's digest reports happened since their last one: a new ticket, or a
 * claim, close, merge or breach. The periodic digest goes out only then; 「汇总」 always answers.
 */
export function stewardDigestChanged(ctx: Context, stewardId: string): boolean {
  const now = ctx.clock()
  const last = Number(ctx.reports.lastDigest(stewardDigestKey(stewardId)) ?? NaN)
  const since = Number.isFinite(last) && last < now ? last : localDayStart(now) - 1
  return ctx.reports.createdSince(since, now).length > 0 || ctx.reports.changesSince(since, now) > 0
}

/**
 * The digest for one steward since their last one (or since local midnight),
 * and the mark moved to now.
 */
export function nextStewardDigest(ctx: Context, stewardId: string): string {
  const now = ctx.clock()
  const last = Number(ctx.reports.lastDigest(stewardDigestKey(stewardId)) ?? NaN)
  const since = Number.isFinite(last) && last < now ? last : localDayStart(now) - 1
  const text = stewardDigest(ctx, since, now)
  ctx.reports.markDigest(stewardDigestKey(stewardId), now)
  return text
}

// ---------------------------------------------------------------- daily digest

export interface Timing {
  n: number
  median: number | null
  p90: number | null
}

export interface HourBucket {
  hour: number
  messages: Record<MessageClass, number>
  opened: number
  resolved: number
  /** Urgent requests opened in the hour (marked on the chart). */
  emergencies: number
  /** Claim deadlines missed in the hour (marked on the chart). */
  breaches: number
}

export interface Hotspot {
  label: string
  reports: number
  ticketIds: number[]
}

export interface DailyStats {
  date: string
  dayStart: number
  dayEnd: number
  messages: { total: number; noise: number; pending: number; byType: Record<string, number> }
  tickets: { opened: number; media: number; byCategory: Record<Category, number>; byBuilding: Record<string, number>; ids: number[] }
  /** requests opened in the day that were urgent, and those only possibly urgent */
  emergencies: { urgent: number[]; possible: number[] }
  claim: Timing
  resolve: Timing
  resolved: number[]
  slaBreaches: number[]
  backlog: { total: number; byCategory: Partial<Record<Category, number>>; oldest: number[] }
  hotspots: Hotspot[]
  redTier: { households: number; tickets: number[]; done: number }
  cases: string[]
  /** Residents' answers to the satisfaction question (handlers/satisfaction.ts) given in the day. */
  satisfaction: { satisfied: number; unsatisfied: number }
  hourly: HourBucket[]
}

export function timing(values: number[]): Timing {
  const sorted = [...values].sort((a, b) => a - b)
  return { n: sorted.length, median: percentile(sorted, 50), p90: percentile(sorted, 90) }
}

const buildingName = (b: string | null) => (b ? (/^\d+$/.test(b) ? `${b}栋` : `${b}座`) : '位置未知')

function faultLabel(key: string): string {
  const [building, unit, ...rest] = key.split('-')
  const fault = rest.join('-')
  return `${buildingName(building || null)}${unit ? `${unit}单元` : ''} ${FAULT_NAMES[fault as SharedFault] ?? fault}`.trim()
}

function caseText(ctx: Context, t: Ticket): string {
  const reporters = ctx.tickets.reporters(t.id)
  const names = [
    t.talkerName,
    ...reporters.map((r) => r.talkerName),
    ...ctx.config.stewardNames.values(),
    ...ctx.config.managerNames.values(),
  ]
  const who = honorific(t.talkerName)
  const place = t.building ? buildingName(t.building) : ''
  const topic = clip(anonymize(t.summary, { names }).replace(/[。!！?？~～\s]+$/g, ''), 28)
  const note = anonymize(t.note ?? '', { names }).replace(/[。!！\s]+$/g, '')
  return `${place}${who}反映的「${topic}」,${note || '已处理完毕'}`
}

function pickCases(ctx: Context, done: Ticket[]): string[] {
  // Round-robin over categories so the cases show the range of work; with notes first.
  const pool = done
    .filter((t) => t.category !== 'emotional' && t.kind === 'request')
    .sort(
      (a, b) =>
        Number(!!b.note && b.note !== '已送达') - Number(!!a.note && a.note !== '已送达') ||
        a.priority - b.priority ||
        (a.resolvedAt ?? 0) - (b.resolvedAt ?? 0),
    )
  const byCat = new Map<Category, Ticket[]>()
  for (const t of pool) byCat.set(t.category, [...(byCat.get(t.category) ?? []), t])
  const picked: Ticket[] = []
  while (picked.length < 5 && [...byCat.values()].some((l) => l.length)) {
    for (const list of byCat.values()) {
      const t = list.shift()
      if (t && picked.length < 5) picked.push(t)
    }
  }
  return picked.map((t) => caseText(ctx, t))
}

export interface DailyDigest {
  /** One phone screen (what is sent every evening and on 「日报」). */
  text: string
  /** Everything behind it (「日报 详细」). */
  detail: string
  stats: DailyStats
}

/** The daily manager digest for [dayStart, dayEnd): the one-screen text, the details and the numbers behind them. */
export function dailyDigest(ctx: Context, dayStart: number, dayEnd: number): DailyDigest {
  const stats = dailyStats(ctx, dayStart, dayEnd)
  const now = ctx.clock()
  return { text: dailySummary(stats, now), detail: dailyDetail(stats, now), stats }
}

export function dailyStats(ctx: Context, dayStart: number, dayEnd: number): DailyStats {
  const hourly: HourBucket[] = Array.from({ length: 24 }, (_, hour) => ({
    hour,
    opened: 0,
    resolved: 0,
    emergencies: 0,
    breaches: 0,
    messages: Object.fromEntries(MESSAGE_CLASSES.map((c) => [c, 0])) as Record<MessageClass, number>,
  }))
  const hourOf = (at: number) => new Date(at).getHours()

  // Messages.
  const msgRows = ctx.reports.messages(dayStart, dayEnd)
  const byType: Record<string, number> = {}
  let total = 0,
    noise = 0,
    pending = 0
  for (const r of msgRows) {
    let cls: MessageClass
    if (r.state !== 'done') {
      cls = 'pending'
      pending++
    } else if (r.ticket_id == null) {
      if (isStaff(ctx, r.talker_id)) continue // commands are not traffic
      cls = 'noise'
      noise++
    } else cls = (CATEGORIES as readonly string[]).includes(r.category ?? '') ? (r.category as Category) : 'other'
    total++
    byType[r.type] = (byType[r.type] ?? 0) + 1
    hourly[hourOf(r.at)].messages[cls]++
  }

  // Tickets opened in the day.
  const opened = ctx.tickets.between(dayStart, dayEnd)
  const requests = opened.filter((t) => t.kind === 'request')
  const byCategory = Object.fromEntries(REPORT_ORDER.map((c) => [c, 0])) as Record<Category, number>
  const byBuilding: Record<string, number> = {}
  for (const t of requests) {
    byCategory[t.category]++
    const b = buildingName(t.building)
    byBuilding[b] = (byBuilding[b] ?? 0) + 1
    hourly[hourOf(t.createdAt)].opened++
    if (t.urgent) hourly[hourOf(t.createdAt)].emergencies++
  }

  // Claim and resolve times over the work done in the day.
  const claimed = ctx.reports.claimedBetween(dayStart, dayEnd)
  const done = ctx.reports.doneBetween(dayStart, dayEnd)
  for (const t of done) hourly[hourOf(t.resolvedAt!)].resolved++

  // SLA breaches.
  const breachIds = new Set<number>(opened.filter((t) => t.slaBreached).map((t) => t.id))
  for (const id of ctx.reports.breachedBetween(dayStart, dayEnd)) breachIds.add(id)
  // A breach happens when the claim deadline passes: that is its hour on the chart.
  for (const t of ctx.tickets.byIds([...breachIds])) {
    const when = t.slaClaimDue ?? t.createdAt
    if (when >= dayStart && when < dayEnd) hourly[hourOf(when)].breaches++
  }

  // Backlog at the day's end.
  const backlog = ctx.reports.backlogAt(dayEnd)
  const backlogByCategory: Partial<Record<Category, number>> = {}
  for (const t of backlog) backlogByCategory[t.category] = (backlogByCategory[t.category] ?? 0) + 1

  // Repeat hotspots.
  const hotspots: Hotspot[] = []
  const byFault = new Map<string, Ticket[]>()
  for (const t of requests) if (t.faultKey) byFault.set(t.faultKey, [...(byFault.get(t.faultKey) ?? []), t])
  const covered = new Set<number>()
  for (const [key, list] of byFault) {
    const reports = list.reduce((n, t) => n + Math.max(1, ctx.tickets.reporters(t.id).length), 0)
    if (reports >= 3) {
      hotspots.push({ label: faultLabel(key), reports, ticketIds: list.map((t) => t.id) })
      for (const t of list) covered.add(t.id)
    }
  }
  const byPlace = new Map<string, Ticket[]>()
  // Only repairs are "faults": many grocery lists from one building are demand, not a hotspot.
  for (const t of requests)
    if (t.building && t.category === 'repair' && !covered.has(t.id)) {
      const k = `${t.building}\u0000${t.category}`
      byPlace.set(k, [...(byPlace.get(k) ?? []), t])
    }
  for (const [k, list] of byPlace) {
    if (list.length < 3) continue
    const [b, c] = k.split('\u0000')
    hotspots.push({ label: `${buildingName(b)} ${CATEGORY_NAMES[c as Category]}`, reports: list.length, ticketIds: list.map((t) => t.id) })
  }
  hotspots.sort((a, b) => b.reports - a.reports || a.label.localeCompare(b.label, 'zh'))

  // Red-tier households served.
  const red = ctx.reports.redTierBetween(dayStart, dayEnd)
  const households = new Set(red.map((t) => (t.building && t.room ? `${t.building}-${t.unit ?? ''}-${t.room}` : `talker:${t.talkerId}`)))

  return {
    date: localDateString(dayStart),
    dayStart,
    dayEnd,
    messages: { total, noise, pending, byType },
    tickets: { opened: requests.length, media: opened.length - requests.length, byCategory, byBuilding, ids: requests.map((t) => t.id) },
    emergencies: {
      urgent: requests.filter((t) => t.urgent).map((t) => t.id),
      possible: requests.filter((t) => !t.urgent && t.possibleUrgent).map((t) => t.id),
    },
    claim: timing(claimed.map((t) => t.claimedAt! - t.createdAt)),
    resolve: timing(done.map((t) => t.resolvedAt! - t.createdAt)),
    resolved: done.map((t) => t.id),
    slaBreaches: [...breachIds].sort((a, b) => a - b),
    backlog: { total: backlog.length, byCategory: backlogByCategory, oldest: backlog.slice(0, 5).map((t) => t.id) },
    hotspots,
    redTier: { households: households.size, tickets: red.map((t) => t.id), done: red.filter((t) => t.state === 'done').length },
    cases: pickCases(ctx, done),
    satisfaction: satisfactionCounts(ctx, dayStart, dayEnd),
    hourly,
  }
}

/** 「一半在2分钟内,九成在14分钟内」: the median and p90 in words a property manager uses. */
export function plainTiming(t: Timing): string {
  if (t.n === 0 || t.median == null) return '暂无'
  if (t.n === 1) return `用时${duration(t.median)}`
  if (t.p90 === t.median || (t.p90 ?? 0) < 60_000) return `都在${duration(Math.max(t.p90 ?? 0, 60_000))}内`
  return `一半在${duration(t.median)}内,九成在${duration(t.p90)}内`
}

const categoryCounts = (counts: Partial<Record<Category, number>>, sep = ' · ') =>
  REPORT_ORDER.filter((c) => counts[c])
    .map((c) => `${CATEGORY_NAMES[c]} ${counts[c]}`)
    .join(sep)

function heading(s: DailyStats, now: number, detail: boolean): string {
  const partial = now < s.dayEnd && now >= s.dayStart
  return `📊 楼管家日报${detail ? '(详细)' : ''} ${s.date}${partial ? `(截至 ${hhmm(now)})` : ''}`
}

/**
 * The daily digest a manager reads on a phone: one screen (SCREEN_LINES chat lines), the numbers
 * that matter and a case or two; 「日报 详细」 has the rest. Optional lines (the cases) are the
 * first to go when a busy day would push it past the screen.
 */
export function dailySummary(s: DailyStats, now: number): string {
  const partial = now < s.dayEnd && now >= s.dayStart
  const lines: string[] = [heading(s, now, false)]
  lines.push(`消息 ${s.messages.total} 条,其中闲聊/无需处理 ${s.messages.noise} 条`)
  const cats = categoryCounts(s.tickets.byCategory)
  lines.push(`新事项 ${s.tickets.opened} 件${cats ? `:${cats}` : ''}`)
  const { urgent, possible } = s.emergencies
  if (urgent.length || possible.length)
    lines.push(`🆘 紧急 ${urgent.length} 件${possible.length ? `,可能紧急 ${possible.length} 件` : ''},均已即时通知管家`)
  if (s.claim.n) lines.push(`认领 ${s.claim.n} 件:${plainTiming(s.claim)}`)
  if (s.resolve.n) lines.push(`办结 ${s.resolve.n} 件:${plainTiming(s.resolve)}`)
  if (s.slaBreaches.length) lines.push(`⏰ 超时未认领 ${s.slaBreaches.length} 件:${ids(s.slaBreaches, 4)}`)
  lines.push(
    `${partial ? '当前' : '日终'}积压 ${s.backlog.total} 件${s.backlog.oldest.length ? `,最久的 ${ids(s.backlog.oldest, 3)}` : ''}`,
  )
  if (s.hotspots.length)
    lines.push(
      `🔁 反复出现:${s.hotspots
        .slice(0, 2)
        .map((h) => `${h.label}×${h.reports}`)
        .join(' · ')}${s.hotspots.length > 2 ? ' …' : ''}`,
    )
  if (s.redTier.tickets.length)
    lines.push(`❤️ 红色档案住户 ${s.redTier.households} 户,${s.redTier.tickets.length} 件,已办结 ${s.redTier.done} 件`)
  // Satisfaction (issue 19, item 3): the residents' answers of the day, when there are any.
  const rated = satisfactionLine(s)
  if (rated) lines.push(rated)
  const footer = '回复「日报 详细」看案例和明细'
  // Cases last, as many as fit (at most two here; all of them in the details).
  const cases = s.cases.slice(0, 2)
  for (let n = cases.length; n >= 0; n--) {
    // Each case cut to two chat lines here: the whole of it is in the details.
    const body = n
      ? [...lines, '📝 办结案例:', ...cases.slice(0, n).map((c, i) => `${i + 1}. ${shortCase(c, 2 * PHONE_LINE_WIDTH - 1.5)}`)]
      : lines
    const text = [...body, footer].join('\n')
    if (n === 0 || chatLines(text) <= SCREEN_LINES) return text
  }
  return [...lines, footer].join('\n')
}

/**
 * A case cut to `width`: the resident's words shortened first, so what was done still shows
 * (「3栋吴女士反映的「快来人帮帮忙…」,已送医,家属陪同」).
 */
function shortCase(c: string, width: number): string {
  if (textWidth(c) <= width) return c
  const open = c.indexOf('「')
  const close = c.lastIndexOf('」')
  if (open < 0 || close < open) return clipWidth(c, width)
  const before = c.slice(0, open + 1)
  const after = clipWidth(c.slice(close), Math.max(4, width / 2))
  const room = width - textWidth(before) - textWidth(after)
  return room >= 3 ? `${before}${clipWidth(c.slice(open + 1, close), room)}${after}` : clipWidth(c, width)
}

/** 「😊 居民评价:满意 5 · 不满意 1」, or null when nobody answered the question that day. */
export function satisfactionLine(s: Pick<DailyStats, 'satisfaction'>): string | null {
  const { satisfied, unsatisfied } = s.satisfaction
  return satisfied + unsatisfied ? `😊 居民评价:满意 ${satisfied} · 不满意 ${unsatisfied}` : null
}

/** 「日报 详细」: everything behind the summary — ids, buildings, backlog by category, every hotspot and case. */
export function dailyDetail(s: DailyStats, now: number): string {
  const partial = now < s.dayEnd && now >= s.dayStart
  const lines: string[] = [heading(s, now, true)]
  const media = (s.messages.byType.image ?? 0) + (s.messages.byType.voice ?? 0) + (s.messages.byType.video ?? 0)
  lines.push(
    `消息 ${s.messages.total} 条:闲聊/无需处理 ${s.messages.noise} 条${media ? `,图片/语音 ${media} 条` : ''}${s.messages.pending ? `,未处理 ${s.messages.pending} 条` : ''}`,
  )
  lines.push(`新事项 ${s.tickets.opened} 件${s.tickets.opened ? `:${categoryCounts(s.tickets.byCategory)}` : ''}`)
  const { urgent, possible } = s.emergencies
  if (urgent.length) lines.push(`紧急 ${urgent.length} 件:${ids(urgent, 10)}`)
  if (possible.length) lines.push(`可能紧急 ${possible.length} 件:${ids(possible, 10)}`)
  const buildings = Object.entries(s.tickets.byBuilding).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0], 'zh', { numeric: true }))
  if (buildings.length)
    lines.push(
      `按楼栋:${buildings
        .slice(0, 8)
        .map(([b, n]) => `${b} ${n}`)
        .join(' · ')}${buildings.length > 8 ? ' …' : ''}`,
    )
  lines.push(`认领用时:${plainTiming(s.claim)}(${s.claim.n} 件)`)
  lines.push(`办结用时:${plainTiming(s.resolve)}(办结 ${s.resolve.n} 件)`)
  lines.push(`超时未认领 ${s.slaBreaches.length} 件${s.slaBreaches.length ? `:${ids(s.slaBreaches, 10)}` : ''}`)
  const backlogCats = categoryCounts(s.backlog.byCategory)
  lines.push(
    `${partial ? '当前' : '日终'}积压 ${s.backlog.total} 件${backlogCats ? `(${backlogCats})` : ''}${s.backlog.oldest.length ? `,最久的 ${ids(s.backlog.oldest, 5)}` : ''}`,
  )
  if (s.hotspots.length) {
    lines.push('🔁 反复出现:')
    for (const h of s.hotspots.slice(0, 5)) lines.push(`  ${h.label} ×${h.reports}(${ids(h.ticketIds, 5)})`)
  }
  lines.push(
    `❤️ 红色档案住户:服务 ${s.redTier.households} 户,${s.redTier.tickets.length} 件,已办结 ${s.redTier.done} 件${s.redTier.tickets.length ? `(${ids(s.redTier.tickets, 6)})` : ''}`,
  )
  const rated = satisfactionLine(s)
  if (rated) lines.push(rated)
  if (s.cases.length) {
    lines.push('📝 办结案例:')
    s.cases.forEach((c, i) => lines.push(`${i + 1}. ${c}`))
  }
  return lines.join('\n')
}

/** The daily digest of the local day containing `now`, up to now. */
export function dailyDigestNow(ctx: Context): DailyDigest {
  const now = ctx.clock()
  return dailyDigest(ctx, localDayStart(now), Math.min(localDayEnd(now), now + 1))
}
