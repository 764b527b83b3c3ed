// Digest content from a seeded in-memory DB: counts, medians and p90s checked
// against hand-computed values; the steward digest stays on one phone screen.
import { describe, expect, it } from 'vitest'
import type { Category } from '../classifiers/types.ts'
import type { MessageKind } from '../store/types.ts'
import { openStore } from '../store/store.ts'
import type { NewTicket, Ticket } from '../store/tickets.ts'
import { parseConfig } from '../handlers/config.ts'
import { createContext, type Context } from '../handlers/context.ts'
import { SCREEN_LINES, chatLines } from '../handlers/screen.ts'
import {
  MAX_STEWARD_LINES,
  dailyDigest,
  ids,
  nextStewardDigest,
  percentile,
  plainTiming,
  stewardDigest,
  timing,
} from '../handlers/digest.ts'

const at = (h: number, m = 0, dayOffset = 0) => new Date(2024, 3, 12 + dayOffset, h, m).getTime()
const MIN = 60_000
const DAY_START = at(0)
const DAY_END = at(0, 0, 1)

function makeContext(start = at(8)) {
  let now = start
  const ctx = createContext(
    openStore(':memory:'),
    parseConfig({ TRIAGE_STEWARDS: 'st-wang=小王,st-li', TRIAGE_MANAGERS: 'mgr-zhao' }),
    () => now,
  )
  return {
    ctx,
    setNow: (t: number) => {
      now = t
    },
  }
}

let talkerSeq = 0
function ticket(ctx: Context, over: Partial<NewTicket> & { createdAt: number }): Ticket {
  const category = over.category ?? 'repair'
  return ctx.tickets.create(
    {
      kind: 'request',
      category,
      labels: [category],
      urgent: false,
      emergency: null,
      needsReview: false,
      priority: 2,
      roomId: 'floor-3@chatroom',
      roomTopic: '3栋业主群',
      talkerId: `res-${++talkerSeq}`,
      talkerName: '居民',
      building: '3',
      unit: '2',
      floor: '5',
      room: '502',
      tier: null,
      summary: '',
      faultKey: null,
      slaClaimDue: null,
      quiet: false,
      ...over,
    },
    null,
  )
}

let msgSeq = 0
function message(
  ctx: Context,
  when: number,
  o: { talkerId?: string; text?: string; type?: MessageKind; category?: Category; ticketId?: number | null; processed?: boolean } = {},
): void {
  const r = ctx.inbox.store(
    {
      messageId: `m-${++msgSeq}`,
      roomId: 'floor-3@chatroom',
      roomTopic: '3栋业主群',
      talkerId: o.talkerId ?? `res-m${msgSeq}`,
      talkerName: '居民',
      text: o.text ?? `消息${msgSeq}`,
      type: o.type ?? 'text',
      mentionsSelf: false,
      at: when,
    },
    when,
  )
  if (!r.stored) throw new Error('not stored')
  if (o.processed !== false)
    ctx.inbox.markDone(r.id, {
      category: o.category ?? 'other',
      urgent: false,
      labels: [o.category ?? 'other'],
      ticketId: o.ticketId ?? null,
    })
}

/**
 * The seeded day (2024-04-12, local time). Hand-computed expectations:
 *  claimed during the day: #1 10m, #2 20m, #3 2m, #4 60m, #6 40m, #9 (opened yesterday 20:00, claimed 08:05) 725m
 *    → sorted [2, 10, 20, 40, 60, 725]; nearest rank: median = 3rd = 20m, p90 = ceil(5.4) = 6th = 725m
 *  done during the day: #1 60m, #2 120m, #3 30m, #6 120m, #9 (done 15:00) 1140m
 *    → sorted [30, 60, 120, 120, 1140]; median = 3rd = 120m, p90 = ceil(4.5) = 5th = 1140m
 *  opened today: requests #1–#7 and #10 (8), media #8 → repair 4 (#1 #4 #5 #10), grocery 1, medical 1, pet 1, emotional 1
 *    by building: 3栋 5 (#1 #3 #4 #5 #10), 5栋 2 (#2 #7), 6栋 1 (#6)
 *  backlog at day's end: #4 (claimed), #5, #7, #10 = 4 (repair 3, emotional 1); #8 is media, not backlog
 *  SLA breaches: #5 only (flag and event); hotspots: fault 3-2-停水 ×3 reporters (#4), and 3栋 报修 #1 #5 #10 (×3)
 *  red tier: #3 → 1 household, 1 ticket, 1 done
 *  messages today: 6 noise + 3 filed + 1 unprocessed = 10 (the steward's command and yesterday's message do not count)
 */
function seedDay() {
  const { ctx, setNow } = makeContext(at(23, 59))
  const t1 = ticket(ctx, { createdAt: at(8), talkerName: '3-2-502 王阿姨', summary: '孩子上网课家里网络断了,电话13812345678' })
  ctx.tickets.update(
    t1.id,
    { state: 'done', claimedBy: 'st-wang', claimedAt: at(8, 10), resolvedAt: at(9), resolvedBy: 'st-wang', note: '已联系运营商加装路由器' },
    at(9),
  )
  const t2 = ticket(ctx, {
    createdAt: at(8, 30),
    category: 'grocery',
    building: '5',
    unit: '1',
    room: '302',
    talkerName: '5栋1单元302 李',
    summary: '想买白菜2斤 鸡蛋一盒',
  })
  ctx.tickets.update(t2.id, { state: 'done', claimedBy: 'st-li', claimedAt: at(8, 50), resolvedAt: at(10, 30), note: '已送达' }, at(10, 30))
  const t3 = ticket(ctx, {
    createdAt: at(9),
    category: 'medical',
    urgent: true,
    priority: 0,
    tier: 'red',
    unit: '1',
    room: '203',
    talkerName: '老陈 3-1-203',
    summary: '老人发烧38度需要送医',
  })
  ctx.tickets.update(
    t3.id,
    { state: 'done', claimedBy: 'st-wang', claimedAt: at(9, 2), resolvedAt: at(9, 30), note: '已联系120送医' },
    at(9, 30),
  )
  const t4 = ticket(ctx, { createdAt: at(10), faultKey: '3-2-停水', summary: '3栋2单元停水了' })
  ctx.tickets.addReporter(t4.id, { talkerId: 'res-x1', talkerName: '3-2-601 赵', roomId: null })
  ctx.tickets.addReporter(t4.id, { talkerId: 'res-x2', talkerName: '3-2-702 钱', roomId: null })
  ctx.tickets.update(t4.id, { state: 'claimed', claimedBy: 'st-wang', claimedAt: at(11) }, at(11))
  const t5 = ticket(ctx, { createdAt: at(11), summary: '电梯有异响' })
  ctx.tickets.update(t5.id, { slaBreached: true }, at(12))
  ctx.tickets.event(t5.id, at(12), 'bot', 'sla-breached')
  const t6 = ticket(ctx, {
    createdAt: at(12),
    category: 'pet',
    building: '6',
    unit: '1',
    room: '1102',
    talkerName: 'Amy 9-1-1102',
    summary: '出门两天猫没人喂',
  })
  ctx.tickets.update(
    t6.id,
    { state: 'done', claimedBy: 'st-li', claimedAt: at(12, 40), resolvedAt: at(14), note: '已上门喂猫并换水' },
    at(14),
  )
  const t7 = ticket(ctx, { createdAt: at(13), category: 'emotional', building: '5', talkerName: '5-3-301 周', summary: '一个人在家很难受' })
  ticket(ctx, { kind: 'media', category: 'other', summary: '[语音]', createdAt: at(13, 30), talkerName: '3-2-502 王阿姨' })
  const t9 = ticket(ctx, {
    createdAt: at(20, 0, -1),
    building: '2',
    unit: '1',
    room: '101',
    talkerName: '2-1-101 张建国',
    summary: '张建国家门口下水道堵了,电话一三九一二三四五六七八',
  })
  ctx.tickets.update(t9.id, { state: 'claimed', claimedBy: 'st-wang', claimedAt: at(8, 5) }, at(8, 5))
  ctx.tickets.update(t9.id, { state: 'done', resolvedAt: at(15), note: '已疏通,张建国很满意' }, at(15))
  const t10 = ticket(ctx, { createdAt: at(16), summary: '3栋门禁坏了' })

  for (const h of [8, 8, 9, 12, 12, 20]) message(ctx, at(h, 15))
  message(ctx, at(8), { category: 'repair', ticketId: t1.id })
  message(ctx, at(8, 30), { category: 'grocery', ticketId: t2.id })
  message(ctx, at(9), { category: 'medical', ticketId: t3.id })
  message(ctx, at(21), { processed: false })
  message(ctx, at(10), { talkerId: 'st-wang', text: '队列' })
  message(ctx, at(22, 0, -1))
  return { ctx, setNow, ids: { t1, t2, t3, t4, t5, t6, t7, t9, t10 } }
}

describe('percentiles (nearest rank)', () => {
  it('takes the value at rank ceil(p·n)', () => {
    const ten = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]
    expect(percentile(ten, 50)).toBe(5)
    expect(percentile(ten, 90)).toBe(9)
    expect(percentile([1, 2, 3, 4], 50)).toBe(2)
    expect(percentile([7], 90)).toBe(7)
    expect(percentile([], 50)).toBeNull()
    expect(timing([30, 10, 20])).toEqual({ n: 3, median: 20, p90: 30 })
  })
})

describe('daily digest', () => {
  it('counts, times, backlog, hotspots and red-tier households match the hand-computed day', () => {
    const { ctx, ids, setNow } = seedDay()
    setNow(at(8, 0, 1)) // asked the next morning: the whole day, "日终"
    const { stats, text } = dailyDigest(ctx, DAY_START, DAY_END)
    expect(stats.date).toBe('2024-04-12')
    expect(stats.messages).toMatchObject({ total: 10, noise: 6, pending: 1 })
    expect(stats.tickets.opened).toBe(8)
    expect(stats.tickets.media).toBe(1)
    expect(stats.tickets.byCategory).toEqual({ medical: 1, grocery: 1, repair: 4, pet: 1, emotional: 1, other: 0 })
    expect(stats.tickets.byBuilding).toEqual({ '3栋': 5, '5栋': 2, '6栋': 1 })
    expect(stats.claim).toEqual({ n: 6, median: 20 * MIN, p90: 725 * MIN })
    expect(stats.resolve).toEqual({ n: 5, median: 120 * MIN, p90: 1140 * MIN })
    expect(stats.slaBreaches).toEqual([ids.t5.id])
    expect(stats.backlog.total).toBe(4)
    expect(stats.backlog.byCategory).toEqual({ repair: 3, emotional: 1 })
    expect(stats.backlog.oldest).toEqual([ids.t4.id, ids.t5.id, ids.t7.id, ids.t10.id])
    expect(stats.hotspots).toEqual([
      { label: '3栋 报修', reports: 3, ticketIds: [ids.t1.id, ids.t5.id, ids.t10.id] },
      { label: '3栋2单元 停水', reports: 3, ticketIds: [ids.t4.id] },
    ])
    expect(stats.redTier).toEqual({ households: 1, tickets: [ids.t3.id], done: 1 })
    // Hourly series for the chart.
    expect(stats.hourly[8].messages).toMatchObject({ noise: 2, repair: 1, grocery: 1 })
    expect(stats.hourly[21].messages.pending).toBe(1)
    expect(stats.hourly.map((b) => b.opened).reduce((a, b) => a + b)).toBe(8)
    expect(stats.hourly[9].resolved).toBe(2)
    expect(stats.hourly[15].resolved).toBe(1)

    // The one-screen text: plain words for the median and p90, every count said once.
    expect(text).toContain('消息 10 条')
    expect(text).toContain('新事项 8 件')
    expect(text).toContain('认领 6 件:一半在20分钟内,九成在12小时5分内')
    expect(text).toContain('办结 5 件:一半在2小时内,九成在19小时内')
    expect(text).toContain(`⏰ 超时未认领 1 件:#${ids.t5.id}`)
    expect(text).toContain('日终积压 4 件')
    expect(text).toContain('3栋2单元 停水×3')
    expect(text).toContain('红色档案住户 1 户')
    expect(text).not.toMatch(/P90|p90|中位/)
    expect(text.split('\n').at(-1)).toBe('回复「日报 详细」看案例和明细')
  })

  it('keeps the details behind 「日报 详细」: buildings, ids, backlog by category, every case', () => {
    const { ctx, ids, setNow } = seedDay()
    setNow(at(8, 0, 1))
    const { detail, stats } = dailyDigest(ctx, DAY_START, DAY_END)
    expect(detail.split('\n')[0]).toBe('📊 楼管家日报(详细) 2024-04-12')
    expect(detail).toContain('按楼栋:3栋 5 · 5栋 2 · 6栋 1')
    expect(detail).toContain('认领用时:一半在20分钟内,九成在12小时5分内(6 件)')
    expect(detail).toContain(`日终积压 4 件(报修 3 · 心理关怀 1),最久的 #${ids.t4.id} #${ids.t5.id} #${ids.t7.id} #${ids.t10.id}`)
    expect(detail).toContain(`  3栋2单元 停水 ×3(#${ids.t4.id})`)
    for (const c of stats.cases) expect(detail).toContain(c)
    expect(detail).not.toMatch(/P90|中位/)
  })

  it('says each count once, however many numbers it lists', () => {
    expect(ids([1, 2, 3, 4, 5, 6, 7, 8, 9], 3)).toBe('#1 #2 #3 …')
    expect(ids([1, 2, 3], 3)).toBe('#1 #2 #3')
    expect(plainTiming({ n: 10, median: 2 * MIN, p90: 14 * MIN })).toBe('一半在2分钟内,九成在14分钟内')
    expect(plainTiming({ n: 1, median: 5 * MIN, p90: 5 * MIN })).toBe('用时5分钟')
    expect(plainTiming({ n: 0, median: null, p90: null })).toBe('暂无')
  })

  it('tells 3–5 anonymised resolved cases: surname and building only, never emotional ones', () => {
    const { ctx } = seedDay()
    const { stats, text } = dailyDigest(ctx, DAY_START, DAY_END)
    expect(stats.cases.length).toBeGreaterThanOrEqual(3)
    expect(stats.cases.length).toBeLessThanOrEqual(5)
    expect(stats.cases).toContain('3栋王女士反映的「孩子上网课家里网络断了,电话[号码已隐去]」,已联系运营商加装路由器')
    expect(stats.cases.some((c) => c.startsWith('2栋张姓居民反映的'))).toBe(true)
    expect(stats.cases.some((c) => c.startsWith('6栋居民反映的'))).toBe(true) // "Amy 9-1-1102": no surname
    const cases = stats.cases.join('\n')
    for (const leak of ['13812345678', '一三九', '张建国', '王阿姨', '502', '1102', '203', '101', '难受']) expect(cases).not.toContain(leak)
    expect(text).toContain('办结案例')
  })

  it('an empty day says so without failing', () => {
    const { ctx } = makeContext(at(21))
    const { stats, text } = dailyDigest(ctx, DAY_START, DAY_END)
    expect(stats.claim).toEqual({ n: 0, median: null, p90: null })
    expect(stats.cases).toEqual([])
    expect(text).toContain('消息 0 条')
  })
})

describe('steward digest', () => {
  it('covers what happened since the last digest, and every line points to tickets', () => {
    const { ctx, ids } = seedDay()
    const text = stewardDigest(ctx, at(7, 59), at(17))
    const lines = text.split('\n')
    expect(lines[0]).toBe('📋 管家简报 07:59–17:00')
    // A breach new in the window comes right under the header (it is the SLA reminder).
    expect(lines[1]).toBe(`⏰ 超时未认领 1 件(新 1 件):#${ids.t5.id}`)
    expect(lines[2]).toContain('过滤闲聊 5 条') // 20:15 noise is after the window
    expect(text).toContain(`· 报修 4:#${ids.t1.id} #${ids.t4.id} #${ids.t5.id} #${ids.t10.id}`)
    expect(text).toContain(`🚨 紧急 1:#${ids.t3.id}已完成`)
    expect(text).toContain(`⌛ 未认领 3 件,最久的 #${ids.t5.id} #${ids.t7.id} #${ids.t10.id}`)
    expect(text).toContain(`💬 心理关怀未回复 1:#${ids.t7.id}`)
    expect(text).toMatch(/🖼 语音\/图片待查看 1:#\d+/)
    for (const l of lines.slice(1)) expect(l).toMatch(/#\d+/)
  })

  it('remembers per steward when the last digest was', () => {
    const { ctx, setNow } = makeContext(at(9))
    ticket(ctx, { createdAt: at(8, 30) })
    const first = nextStewardDigest(ctx, 'st-wang')
    expect(first).toContain('新事项 1 件')
    setNow(at(10))
    const t2 = ticket(ctx, { createdAt: at(9, 30), category: 'grocery' })
    const second = nextStewardDigest(ctx, 'st-wang')
    expect(second).toContain(`新事项 1 件(#${t2.id})`)
    expect(second.split('\n')[0]).toBe('📋 管家简报 09:00–10:00')
    // Another steward's mark is their own: since midnight.
    expect(nextStewardDigest(ctx, 'st-li')).toContain('新事项 2 件')
  })

  it('stays within 25 lines with hundreds of tickets of every kind', () => {
    const { ctx } = makeContext(at(18))
    const categories: Category[] = ['medical', 'grocery', 'repair', 'pet', 'emotional', 'other']
    for (let i = 0; i < 300; i++) {
      const t = ticket(ctx, {
        createdAt: at(8) + i * MIN,
        category: categories[i % 6],
        urgent: i % 17 === 0,
        priority: i % 17 === 0 ? 0 : 2,
        kind: i % 11 === 0 ? 'media' : 'request',
      })
      if (i % 7 === 0) ctx.tickets.update(t.id, { slaBreached: true }, at(12))
      if (i % 6 === 1)
        ctx.orders.create(
          {
            ticketId: t.id,
            talkerId: t.talkerId,
            talkerName: '',
            roomId: null,
            building: '3',
            unit: '2',
            floor: '5',
            room: String(500 + i),
            fingerprint: '',
            createdAt: t.createdAt,
          },
          [{ name: ['白菜', '鸡蛋', '土豆', '大米', '牛奶', '猪肉'][i % 6], qty: 2, unit: '斤', alternatives: [], note: null }],
        )
      message(ctx, at(8) + i * MIN, { category: categories[i % 6], ticketId: t.id })
      message(ctx, at(8) + i * MIN + 1000, {})
    }
    const text = stewardDigest(ctx, at(7), at(18))
    const lines = text.split('\n')
    expect(lines.length).toBeLessThanOrEqual(MAX_STEWARD_LINES)
    // One phone screen, measured as a chat bubble wraps it; the rest is one command away.
    expect(chatLines(text)).toBeLessThanOrEqual(SCREEN_LINES)
    expect(lines[1]).toContain('读消息 600 条,过滤闲聊 300 条')
    for (const l of lines.slice(1, -1)) expect(l).toMatch(/#\d+/)
    expect(lines.at(-1)).toBe('……其余回复「队列」或「订单」查看')
    expect(text).toContain('🚨 紧急')
  })
})
