// A synthetic region for the benchmark and the soak run: many estates, buildings and
// residents whose names carry their address the way residents write it ("3-2-502 王阿姨",
// "6栋1单元202 小何", "Kevin 3-1-502", or no address at all), and a day of messages with
// the demo day's mix of noise and needs, on a simulated clock.
//
// Deterministic: everything is drawn from a seeded PRNG, so every machine sees the same stream.
// The stream is a generator: 750,000 messages are never held in memory at once.
import { readFileSync } from 'node:fs'
import { readCorpusLines } from '../corpus.ts'
import type { Inbound } from '../../store/types.ts'
import type { Household } from '../../store/households.ts'
import { prng } from '../prng.ts'

export const BOT = { id: 'bot-louguanjia', name: '楼管家' }
/** The two stewards on duty (every alert goes to them) and a manager, as in the demo community. */
export const STEWARDS = [
  { id: 'steward-wang', name: '物业小王' },
  { id: 'steward-li', name: '管家李姐' },
]
export const MANAGERS = [{ id: 'manager-zhou', name: '经理周总' }]
/** 2022-04-18 00:00 local time (the demo day). */
export const DAY_START = new Date(2022, 3, 18, 0, 0, 0).getTime()

/**
 * The bot's staff configuration: the estates' own stewards are stewards too (their notices in
 * the groups are staff talk, never filed), but the duty roster (TRIAGE_ONDUTY) sends every alert
 * to the two stewards on duty, as one bot serving a region would be set up.
 */
export function staffEnv(c: Pick<SynthCommunity, 'staff'>): Record<string, string> {
  const onDuty = STEWARDS.map((s) => s.id).join(',')
  return {
    TRIAGE_STEWARDS: [...STEWARDS, ...c.staff].map((s) => `${s.id}=${s.name}`).join(','),
    TRIAGE_MANAGERS: MANAGERS.map((s) => `${s.id}=${s.name}`).join(','),
    TRIAGE_ONDUTY: `00:00-12:00=${onDuty}; 12:00-00:00=${onDuty}`,
  }
}

export interface SynthRoom {
  id: string
  topic: string
  memberIds: string[]
}
export interface SynthResident {
  id: string
  name: string
  rooms: string[]
}
export interface SynthStaff {
  id: string
  name: string
  estate: number
}
export interface SynthCommunity {
  rooms: SynthRoom[]
  residents: SynthResident[]
  households: Household[]
  staff: SynthStaff[]
}

const ESTATES = [
  '春江天境',
  '金色家园',
  '翠苑一区',
  '阳光花园',
  '滨江花城',
  '桂花城',
  '和平里',
  '新华苑',
  '锦绣华庭',
  '东方明珠苑',
  '望江苑',
  '紫荆花园',
  '丽水湾',
  '绿城百合',
  '梅花新村',
  '城市之光',
  '西溪诚园',
  '湖畔居',
  '星河湾',
  '嘉禾苑',
]
const SURNAMES = [
  ...'王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段雷钱汤尹黎易常武乔贺赖龚文',
]
const ROLES = ['阿姨', '叔', '奶奶家', '爷爷', '大爷', '姐', '哥', '妈妈', '爸爸', '老师', '', '']
const NICKS = [
  '快乐每一天',
  '平安是福',
  '阳光明媚',
  '🌸兰姐',
  '岁月静好',
  '心想事成',
  'Kevin',
  'Lisa',
  'Tony',
  '小太阳',
  '一帆风顺',
  '知足常乐',
  '海阔天空',
  '花开富贵',
  'Amy',
  '静待花开',
  '🍀四叶草',
  '老顽童',
  '晴天',
  '微笑',
  '随遇而安',
  '大橙子',
  'Grace',
  '向日葵',
]
const CN_DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十']

function pick<T>(rnd: () => number, xs: readonly T[]): T {
  return xs[Math.floor(rnd() * xs.length)]
}

function residentName(rnd: () => number, b: number, u: number, floor: number, room: string): string {
  const s = pick(rnd, SURNAMES)
  const r = rnd()
  if (r < 0.3) return `${b}-${u}-${room} ${s}${pick(rnd, ROLES)}`
  if (r < 0.45) return `${b}栋${u}单元${room} ${s}`
  if (r < 0.55) return `${pick(rnd, NICKS)} ${b}-${u}-${room}`
  if (r < 0.65) return `${s}${pick(rnd, ROLES)} ${b}-${u}-${room}`
  if (r < 0.7) return `${b}幢${room} 老${s}`
  if (r < 0.75) return `${floor}楼 小${s}`
  if (r < 0.78 && b <= 10) return `${pick(rnd, NICKS)} ${CN_DIGITS[b]}栋${CN_DIGITS[u]}单元${room}`
  if (r < 0.82) return `${b}-${room}${s}`
  return pick(rnd, NICKS) + (rnd() < 0.3 ? String(Math.floor(rnd() * 100)) : '')
}

/**
 * About 150 residents per building, 12 buildings per estate, 1–3 units, 6–18 floors, 4 doors a
 * floor; every resident is in their building's group and 40% also in their floor's group.
 * 15% of households are on the 三色 register. Each estate has its own stewards (`staffCount`
 * in all, by default one per 40 residents — a region's 800 stewards for its 750,000 messages a
 * day), members of their estate's groups, who post the notices.
 */
export function synthCommunity(residentCount: number, seed = 7, staffCount = Math.max(4, Math.round(residentCount / 40))): SynthCommunity {
  const rnd = prng(seed)
  const rooms = new Map<string, SynthRoom>()
  const room = (id: string, topic: string) => {
    let r = rooms.get(id)
    if (!r) {
      r = { id, topic, memberIds: [BOT.id, ...STEWARDS.map((s) => s.id)] }
      rooms.set(id, r)
    }
    return r
  }
  const residents: SynthResident[] = []
  const households: Household[] = []
  const seen = new Set<string>()
  const buildings = Math.max(1, Math.ceil(residentCount / 150))
  for (let i = 0; i < residentCount; i++) {
    const bi = i % buildings
    const estate =
      ESTATES[Math.floor(bi / 12) % ESTATES.length] + (bi >= 12 * ESTATES.length ? `${Math.floor(bi / (12 * ESTATES.length)) + 1}期` : '')
    const b = (bi % 12) + 1
    const floors = 6 + ((bi * 7) % 13)
    const u = 1 + Math.floor(rnd() * (1 + (bi % 3)))
    const floor = 1 + Math.floor(rnd() * floors)
    const door = `${floor}${String(1 + Math.floor(rnd() * 4)).padStart(2, '0')}`
    const id = `r${i + 1}`
    const rs = [room(`e${Math.floor(bi / 12)}-b${b}@chatroom`, `${estate}${b}栋业主群`)]
    if (rnd() < 0.4) rs.push(room(`e${Math.floor(bi / 12)}-b${b}-f${floor}@chatroom`, `${estate}${b}栋${floor}楼业主群`))
    for (const r of rs) r.memberIds.push(id)
    residents.push({ id, name: residentName(rnd, b, u, floor, door), rooms: rs.map((r) => r.id) })
    const key = `${b}-${u}-${door}`
    if (!seen.has(key) && rnd() < 0.15) {
      seen.add(key)
      const t = rnd()
      households.push({
        building: String(b),
        unit: String(u),
        room: door,
        tier: t < 0.2 ? 'red' : t < 0.6 ? 'yellow' : 'green',
        note: t < 0.2 ? '独居老人' : '',
      })
    }
  }
  const estates = Math.ceil(buildings / 12)
  const staff: SynthStaff[] = []
  for (let k = 0; k < staffCount; k++) {
    staff.push({
      id: `staff-${k + 1}`,
      name: `${ESTATES[(k % estates) % ESTATES.length]}管家${pick(rnd, SURNAMES)}${k + 1}`,
      estate: k % estates,
    })
  }
  const byEstate = new Map<number, string[]>()
  for (const p of staff) byEstate.set(p.estate, [...(byEstate.get(p.estate) ?? []), p.id])
  for (const r of rooms.values()) r.memberIds.push(...(byEstate.get(Number(/^e(\d+)-/.exec(r.id)![1])) ?? []))
  return { rooms: [...rooms.values()], residents, households, staff }
}

// The demo day's resident traffic (data/demo/day.jsonl, 333 resident messages) as triaged:
// 72% noise (收到/谢谢/接龙/questions, 3% of it flagged for review), 7.5% voice/images/video,
// and the needs below. Corpus lines are drawn per (category, urgent) with these weights.
const MIX: { category: string; urgent: boolean; weight: number }[] = [
  { category: 'other', urgent: false, weight: 223 },
  { category: 'grocery', urgent: false, weight: 29 },
  { category: 'repair', urgent: false, weight: 15 },
  { category: 'repair', urgent: true, weight: 1 },
  { category: 'medical', urgent: false, weight: 13 },
  { category: 'medical', urgent: true, weight: 6 },
  { category: 'pet', urgent: false, weight: 9 },
  { category: 'emotional', urgent: false, weight: 11 },
  { category: 'emotional', urgent: true, weight: 1 },
]
const MEDIA: { type: Inbound['type']; weight: number }[] = [
  { type: 'image', weight: 14 },
  { type: 'voice', weight: 8 },
  { type: 'video', weight: 3 },
]
/** Messages per hour of the day (relative): quiet nights, a morning peak at testing time, evenings busy. */
const HOURLY = [0.3, 0.15, 0.1, 0.1, 0.1, 0.3, 1.2, 4, 6, 5.5, 4.5, 4, 4, 3, 3, 3.2, 4, 4.5, 5, 5.5, 4.5, 3.5, 2, 0.8]

export interface SynthMessage extends Inbound {
  /** The source line was labelled urgent in the corpus. */
  labelledUrgent: boolean
  /** A re-delivery of an earlier message (same id, or same text with a new id). */
  redelivery: boolean
}

export interface Texts {
  pools: Map<string, string[]>
  demoResident: string[]
  stewardNotices: string[]
}

export function loadTexts(root: string): Texts {
  const pools = new Map<string, string[]>()
  for (const r of readCorpusLines()) {
    const key = `${r.category}${r.urgent ? '!' : ''}`
    const list = pools.get(key) ?? []
    list.push(r.text)
    pools.set(key, list)
  }
  const demoResident: string[] = []
  const stewardNotices: string[] = []
  for (const l of readFileSync(`${root}/data/demo/day.jsonl`, 'utf8').split('\n')) {
    if (!l.trim()) continue
    const m = JSON.parse(l) as { from: string; text?: string; type?: string; mention?: boolean }
    if ((m.type ?? 'text') !== 'text' || !m.text || m.mention) continue
    if (m.from.startsWith('res-')) demoResident.push(m.text)
    else if (m.from.startsWith('steward-')) stewardNotices.push(m.text)
  }
  return { pools, demoResident, stewardNotices }
}

// The generator's time counts in the ingest's wall time: totals are computed once.
const TOTALS = new WeakMap<readonly { weight: number }[], number>()
function weighted<T extends { weight: number }>(rnd: () => number, xs: readonly T[]): T {
  let total = TOTALS.get(xs)
  if (total === undefined) TOTALS.set(xs, (total = xs.reduce((s, x) => s + x.weight, 0)))
  let r = rnd() * total
  for (const x of xs) {
    r -= x.weight
    if (r < 0) return x
  }
  return xs[xs.length - 1]
}

/** Inverse CDF of HOURLY: the i-th of n messages, strictly increasing in i. */
const HOURLY_TOTAL = HOURLY.reduce((s, w) => s + w, 0)
function timeOf(i: number, n: number, jitter: number): number {
  let u = ((i + jitter) / n) * HOURLY_TOTAL
  for (let h = 0; h < 24; h++) {
    if (u < HOURLY[h] || h === 23) return DAY_START + Math.floor((h + Math.min(0.999999, u / HOURLY[h])) * 3600_000)
    u -= HOURLY[h]
  }
  return DAY_START
}

export interface StreamOptions {
  messages: number
  seed?: number
  /** Leave out voice/images/video (the mock cannot send them over gRPC without a file). */
  textOnly?: boolean
  /** Leave out re-deliveries (only a hand-built payload can repeat an id through the mock). */
  noRedelivery?: boolean
}

/**
 * The day's messages in time order. Of every 1,000: about 155 notices by the estate's stewards, 1 steward
 * `队列`, 5 private messages to the bot, 2 residents @-ing the bot, 3 re-deliveries; the rest
 * resident group messages with the demo day's mix (20% of texts are the demo day's own lines).
 */
export function* synthStream(c: SynthCommunity, texts: Texts, o: StreamOptions): Generator<SynthMessage> {
  const rnd = prng(o.seed ?? 20220418)
  const recent: SynthMessage[] = []
  const topics = new Map(c.rooms.map((x) => [x.id, x.topic]))
  const staffOf = new Map<number, SynthStaff[]>()
  for (const p of c.staff) staffOf.set(p.estate, [...(staffOf.get(p.estate) ?? []), p])
  type Poster = { id: string; name: string }
  const staffByRoom = new Map<string, readonly Poster[]>()
  const estateStaff = (roomId: string): readonly Poster[] => {
    let staff = staffByRoom.get(roomId)
    if (!staff) staffByRoom.set(roomId, (staff = staffOf.get(Number(/^e(\d+)-/.exec(roomId)?.[1] ?? 0)) ?? STEWARDS))
    return staff
  }
  let seq = 0
  const residentText = (): { text: string; urgent: boolean } => {
    if (rnd() < 0.2) return { text: pick(rnd, texts.demoResident), urgent: false }
    const m = weighted(rnd, MIX)
    const pool = texts.pools.get(`${m.category}${m.urgent ? '!' : ''}`) ?? texts.pools.get('other')!
    return { text: pick(rnd, pool), urgent: m.urgent }
  }
  // Every message is built by this one literal: on Node 20 `{ ...base, roomId, … }` cost ~8 µs a
  // message, most of the generator's time, which the ingest's figures would have carried.
  const message = (
    messageId: string,
    at: number,
    roomId: string | null,
    roomTopic: string | null,
    talker: { id: string; name: string },
    text: string,
    type: Inbound['type'] = 'text',
    mentionsSelf = false,
    labelledUrgent = false,
    redelivery = false,
  ): SynthMessage => ({
    messageId,
    roomId,
    roomTopic,
    talkerId: talker.id,
    talkerName: talker.name,
    text,
    type,
    mentionsSelf,
    at,
    labelledUrgent,
    redelivery,
  })
  for (let i = 0; i < o.messages; i++) {
    const at = timeOf(i, o.messages, rnd())
    const r = rnd()
    if (!o.noRedelivery && r < 0.003 && recent.length > 0) {
      const orig = pick(rnd, recent)
      const who = { id: orig.talkerId, name: orig.talkerName }
      // Two thirds the same id again (the puppet re-sends), one third a fresh id (seen on real accounts).
      yield rnd() < 0.67
        ? message(
            orig.messageId,
            orig.at,
            orig.roomId,
            orig.roomTopic,
            who,
            orig.text,
            orig.type,
            orig.mentionsSelf,
            orig.labelledUrgent,
            true,
          )
        : message(
            `s${++seq}`,
            orig.at + Math.floor(rnd() * 20_000),
            orig.roomId,
            orig.roomTopic,
            who,
            orig.text,
            orig.type,
            orig.mentionsSelf,
            orig.labelledUrgent,
            true,
          )
      continue
    }
    const resident = pick(rnd, c.residents)
    const roomId = pick(rnd, resident.rooms)
    const roomTopic = topics.get(roomId) ?? null
    const id = `s${++seq}`
    let m: SynthMessage
    if (r < 0.155) {
      m = message(id, at, roomId, roomTopic, pick(rnd, estateStaff(roomId)), pick(rnd, texts.stewardNotices))
    } else if (r < 0.156) {
      m = message(id, at, roomId, roomTopic, pick(rnd, STEWARDS), `@${BOT.name} 队列`, 'text', true)
    } else if (r < 0.161) {
      const t = residentText()
      m = message(id, at, null, null, resident, t.text, 'text', false, t.urgent)
    } else if (r < 0.163) {
      const q = rnd() < 0.5 ? '我的' : pick(rnd, ['请问今天的菜什么时候送到', '帮助', '我家的药什么时候到', '核酸结果什么时候出'])
      m = message(id, at, roomId, roomTopic, resident, `@${BOT.name} ${q}`, 'text', true)
    } else if (!o.textOnly && rnd() < 0.075) {
      m = message(id, at, roomId, roomTopic, resident, '', weighted(rnd, MEDIA).type)
    } else {
      const t = residentText()
      m = message(id, at, roomId, roomTopic, resident, t.text, 'text', false, t.urgent)
    }
    recent.push(m)
    if (recent.length > 200) recent.shift()
    yield m
  }
}
