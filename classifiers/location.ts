// Location parser. Pure: no I/O, no clock.
//
// Residents write their address in the message ("她住4-3-502"), in their group alias
// or contact name ("3-2-502 王阿姨", "12楼 小张", "Amy 9-1-1102"), and room topics carry
// building and floor ("春江天境3栋5楼业主群"). This module finds those addresses and
// normalises them to Arabic-digit strings; it keeps unknown parts null rather than
// guessing, and it must not read quantities ("土豆3斤"), phone numbers, times, dates or
// ticket numbers ("完成 12") as addresses.
//
// All regular expressions are compiled once at module load; parsing a short string is a
// handful of regex scans (well under 5 µs). No input makes these functions throw.

export interface Location {
  building: string | null
  unit: string | null
  floor: string | null
  room: string | null
}

// ---------------------------------------------------------------------------
// Building blocks of the patterns

/** Chinese numerals accepted for building / unit / floor (两 is a quantity, not an ordinal). */
const CN = '[零〇一二三四五六七八九十]'
const CN_NUM = `${CN}{1,3}`
const DASH = '[-—–‐‑]'
/** What may not touch a number on the left: digits, letters, decimal points, times, ranges, tickets. */
const NUM_LEFT = '(?<![0-9A-Za-z.:/#~\\-—–‐‑至到])'
/** Words before a Chinese numeral that make it a count ("这三栋楼", "几栋") rather than an address. */
const CN_LEFT = `(?<![零〇一二三四五六七八九十两这那几每哪各])`
/** Units and suffixes after a number that make it a quantity, a price, an age, a time… */
const QTY_UNIT =
  '(?:公斤|千克|小时|分钟|[斤两克个只根颗把袋盒瓶箱包桶罐板提条块份卷听捆串元毛角件双支片粒次天年月日点分秒岁度人户米%％万千百]' +
  '|(?:kg|KG|Kg|g|ml|ML|mg|l|L|cm|mm|km)(?![A-Za-z]))'
/** A room number: 3-4 digits, whole, not followed by a quantity unit, a decimal or a time. */
const ROOM_DIGITS = `\\d{3,4}(?![\\d.:：/]|${DASH}\\d)(?!\\s?${QTY_UNIT})`
const ROOM_SUFFIX = '(?:\\s?(?:室|号|房))?'
/** Separator between parts of a compound address: "3栋 2单元 - 502". */
const SEP = `[\\s\\-—–‐‑_]{0,2}`

function building(s: string): string {
  return (
    '(?:' +
    `${NUM_LEFT}(?<bd${s}>\\d{1,3})` +
    `|${CN_LEFT}(?<bc${s}>${CN_NUM})` +
    `|(?<![A-Za-z0-9])(?<bl${s}>[A-Za-z])` +
    ')\\s?' +
    '(?:号楼|号栋|号幢|栋|幢|座(?!位)|#楼?' +
    // "3号2单元", "3楼2单元": 号 / 楼 directly followed by a unit is a building.
    `|[号楼](?=\\s?(?:\\d{1,2}|${CN_NUM})\\s?单元))`
  )
}
function unit(s: string, standalone: boolean): string {
  const left = standalone ? [NUM_LEFT, CN_LEFT] : ['', '']
  return `(?:${left[0]}(?<ud${s}>\\d{1,2})|${left[1]}(?<uc${s}>${CN_NUM}))\\s?单元`
}
function floor(s: string, standalone: boolean): string {
  const left = standalone ? [NUM_LEFT, CN_LEFT] : ['', '']
  // Inside a compound "层" is a floor too; alone, only "楼" ("3层纸巾" is a product).
  const mark = standalone ? '楼' : '[楼层]'
  return (
    `(?:${left[0]}(?<fd${s}>\\d{1,2})|${left[1]}(?<fc${s}>${CN_NUM}))\\s?${mark}` +
    // Not a range ("8楼-12楼", "8楼到12楼"), not "5楼号".
    `(?!\\s?(?:${DASH}|~|到|至)\\s?(?:\\d|${CN}))(?![号栋幢座])`
  )
}
function room(s: string, allowUnitDash: boolean): string {
  const ud = allowUnitDash ? `(?:(?<rud${s}>\\d{1,2})${DASH})?` : ''
  return `${ud}(?<r${s}>${ROOM_DIGITS})${ROOM_SUFFIX}`
}

// "3栋2单元502", "5号楼302", "B座1203", "3栋5楼", "3栋2-502", "2单元502", "12楼 小张", "502室"
const COMPOUND = new RegExp(
  [
    `${building('1')}(?:${SEP}${unit('1', false)})?(?:${SEP}${floor('1', false)})?(?:${SEP}${room('1', true)})?`,
    `${unit('2', true)}(?:${SEP}${floor('2', false)})?(?:${SEP}${room('2', false)})?`,
    `${floor('3', true)}(?:${SEP}${room('3', false)})?`,
    `${NUM_LEFT}(?<r4>${ROOM_DIGITS})\\s?室`,
  ].join('|'),
  'g',
)

// "3-2-502", "B-2-1203", "3 - 2 - 502室"
const DASH3 = new RegExp(
  `${NUM_LEFT}(?<b>\\d{1,3}|[A-Za-z])\\s?${DASH}\\s?(?<u>\\d{1,2})\\s?${DASH}\\s?(?<r>${ROOM_DIGITS})${ROOM_SUFFIX}`,
  'g',
)

// "3-502" (no spaces: "1 - 100" is more often a range than an address)
const DASH2 = new RegExp(`${NUM_LEFT}(?<b>\\d{1,2}|[A-Za-z])${DASH}(?<r>${ROOM_DIGITS})${ROOM_SUFFIX}`, 'g')

// "我住502", "家在1102"
const LIVES_IN = new RegExp(`(?:住在|住|家在|家是|家住)\\s?(?<r>${ROOM_DIGITS})${ROOM_SUFFIX}`, 'g')

const FULL_WIDTH = /[\uff01-\uff5e\u3000]/
const FULL_WIDTH_G = /[\uff01-\uff5e\u3000]/g

// ---------------------------------------------------------------------------
// Numbers

const CN_DIGIT: Record<string, number> = {
  零: 0,
  〇: 0,
  一: 1,
  二: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
}

/** "三"→3, "十二"→12, "二十"→20, "二十三"→23; null when malformed or ambiguous ("一二"). */
export function chineseNumber(s: string): number | null {
  if (!s) return null
  const ten = s.indexOf('十')
  if (ten === -1) {
    // "一二单元" is more likely "units 1 and 2" than unit 12: only one digit without 十.
    if (s.length !== 1) return null
    return CN_DIGIT[s] ?? null
  }
  if (s.indexOf('十', ten + 1) !== -1) return null
  const head = s.slice(0, ten)
  const tail = s.slice(ten + 1)
  if (head.length > 1 || tail.length > 1) return null
  const h = head ? CN_DIGIT[head] : 1
  const t = tail ? CN_DIGIT[tail] : 0
  if (h === undefined || t === undefined || h === 0) return null
  return h * 10 + t
}

/** Arabic digits or a Chinese numeral → canonical digit string without leading zeros; null for 0 or junk. */
function ordinal(digits: string | undefined, chinese: string | undefined): string | null {
  let n: number | null = null
  if (digits !== undefined) n = Number.parseInt(digits, 10)
  else if (chinese !== undefined) n = chineseNumber(chinese)
  if (n === null || !Number.isFinite(n) || n <= 0) return null
  return String(n)
}

/** The floor a room number sits on: 502 → "5", 1102 → "11", 2503 → "25". */
export function floorOfRoom(room: string | null): string | null {
  if (!room || !/^\d{3,4}$/.test(room)) return null
  const f = Number.parseInt(room.slice(0, -2), 10)
  return f > 0 ? String(f) : null
}

function validRoom(r: string | undefined): r is string {
  // "x00" is not a flat (rooms count from 01) and is usually a price or a round number.
  return r !== undefined && !r.endsWith('00') && floorOfRoom(r) !== null
}

// ---------------------------------------------------------------------------
// Matching

interface Candidate {
  index: number
  length: number
  loc: Location
}

function make(b: string | null, u: string | null, f: string | null, r: string | null): Location | null {
  if (b === null && u === null && f === null && r === null) return null
  return { building: b, unit: u, floor: f ?? floorOfRoom(r), room: r }
}

function fromCompound(g: Record<string, string | undefined>): Location | null {
  if (g.r4 !== undefined) return validRoom(g.r4) ? make(null, null, null, g.r4) : null
  // Which alternative matched: 1 starts with a building, 2 with a unit, 3 with a floor.
  const s = g.bd1 !== undefined || g.bc1 !== undefined || g.bl1 !== undefined ? '1' : g.ud2 !== undefined || g.uc2 !== undefined ? '2' : '3'
  let b: string | null = null
  if (s === '1') {
    b = g.bl1 !== undefined ? g.bl1.toUpperCase() : ordinal(g.bd1, g.bc1)
    if (b === null) return null
  }
  let u: string | null = null
  const ud = g[`ud${s}`]
  const uc = g[`uc${s}`]
  if (ud !== undefined || uc !== undefined) {
    u = ordinal(ud, uc)
    if (u === null && s === '2') return null
  }
  const fd = g[`fd${s}`]
  const fc = g[`fc${s}`]
  let f: string | null = null
  if (fd !== undefined || fc !== undefined) {
    f = ordinal(fd, fc)
    if (f === null && s === '3') return null
  }
  let r: string | null = null
  const rr = g[`r${s}`]
  if (validRoom(rr)) {
    r = rr
    const rud = g[`rud${s}`]
    if (rud !== undefined && u === null) u = ordinal(rud, undefined)
  }
  return make(b, u, f, r)
}

function firstValid(re: RegExp, text: string, build: (g: Record<string, string | undefined>) => Location | null): Candidate | null {
  re.lastIndex = 0
  let m: RegExpExecArray | null
  while ((m = re.exec(text)) !== null) {
    if (m[0].length === 0) {
      re.lastIndex++
      continue
    }
    const loc = m.groups ? build(m.groups) : null
    if (loc) return { index: m.index, length: m[0].length, loc }
  }
  return null
}

function fromDash3(g: Record<string, string | undefined>): Location | null {
  if (!validRoom(g.r)) return null
  const b = g.b !== undefined && /^[A-Za-z]$/.test(g.b) ? g.b.toUpperCase() : ordinal(g.b, undefined)
  const u = ordinal(g.u, undefined)
  if (b === null || u === null) return null
  return make(b, u, null, g.r)
}

function fromDash2(g: Record<string, string | undefined>): Location | null {
  if (!validRoom(g.r)) return null
  const b = g.b !== undefined && /^[A-Za-z]$/.test(g.b) ? g.b.toUpperCase() : ordinal(g.b, undefined)
  if (b === null) return null
  return make(b, null, null, g.r)
}

function fromLivesIn(g: Record<string, string | undefined>): Location | null {
  return validRoom(g.r) ? make(null, null, null, g.r) : null
}

function fieldCount(l: Location): number {
  return (l.building ? 1 : 0) + (l.unit ? 1 : 0) + (l.floor ? 1 : 0) + (l.room ? 1 : 0)
}

function better(a: Candidate | null, b: Candidate | null): Candidate | null {
  if (!a) return b
  if (!b) return a
  if (a.index !== b.index) return a.index < b.index ? a : b
  const fa = fieldCount(a.loc)
  const fb = fieldCount(b.loc)
  if (fa !== fb) return fa > fb ? a : b
  return a.length >= b.length ? a : b
}

function prepare(text: unknown): string | null {
  if (typeof text !== 'string' || text.length === 0) return null
  return FULL_WIDTH.test(text)
    ? text.replace(FULL_WIDTH_G, (c) => (c === '\u3000' ? ' ' : String.fromCharCode(c.charCodeAt(0) - 0xfee0)))
    : text
}

// ---------------------------------------------------------------------------
// Public API

/**
 * The first address written in `text` (a message, a group alias or a contact name), or
 * null. Fields are Arabic-digit strings (a lettered block stays a capital letter: "B座"
 * → building "B"); a part that is not written is null, except that `floor` is derived
 * from a 3-4 digit room number.
 */
export function parseLocation(text: string): Location | null {
  try {
    const t = prepare(text)
    if (t === null) return null
    let best = firstValid(DASH3, t, fromDash3)
    best = better(best, firstValid(DASH2, t, fromDash2))
    best = better(best, firstValid(COMPOUND, t, fromCompound))
    best = better(best, firstValid(LIVES_IN, t, fromLivesIn))
    return best ? best.loc : null
  } catch {
    return null
  }
}

/**
 * Building / unit / floor from a room topic ("春江天境3栋5楼业主群" → building 3, floor 5).
 * A floor range ("8-12楼") is unknown (null). A topic names no flat, so `room` is always null.
 */
export function parseTopic(topic: string): Location | null {
  const loc = parseLocation(topic)
  if (!loc) return null
  const out: Location = { building: loc.building, unit: loc.unit, floor: loc.floor, room: null }
  return out.building === null && out.unit === null && out.floor === null ? null : out
}

/** Canonical short Chinese form: "3栋2单元502", "3栋5楼", "6栋1单元", "B座1203"; "" for null. */
export function formatLocation(loc: Location | null): string {
  if (!loc) return ''
  let s = ''
  if (loc.building) s += /^\d+$/.test(loc.building) ? `${loc.building}栋` : `${loc.building}座`
  if (loc.unit) s += `${loc.unit}单元`
  if (loc.room) s += s ? loc.room : `${loc.room}室`
  else if (loc.floor) s += `${loc.floor}楼`
  return s
}

const FIELDS = ['building', 'unit', 'floor', 'room'] as const

/** True when no field is set in both with different values. */
export function compatibleLocations(a: Location | null, b: Location | null): boolean {
  if (!a || !b) return true
  for (const k of FIELDS) if (a[k] !== null && b[k] !== null && a[k] !== b[k]) return false
  return true
}

/**
 * Start from the first non-null location and fill its null fields from each later one,
 * skipping any that contradicts what is known so far (a topic's building 3 is not merged
 * into a message's building 5). Returns a new object; null when every input is null.
 */
export function mergeLocations(primary: Location | null | undefined, ...fallbacks: Array<Location | null | undefined>): Location | null {
  let out: Location | null = null
  for (const loc of [primary, ...fallbacks]) {
    if (!loc) continue
    if (!out) {
      out = { building: loc.building, unit: loc.unit, floor: loc.floor, room: loc.room }
      continue
    }
    if (!compatibleLocations(out, loc)) continue
    for (const k of FIELDS) if (out[k] === null && loc[k] !== null) out[k] = loc[k]
    if (out.floor === null) out.floor = floorOfRoom(out.room)
  }
  return out
}
