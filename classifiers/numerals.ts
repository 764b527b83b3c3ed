// Chinese and Arabic numerals as residents type them. Pure: no I/O, never throws.
//
//   parseChineseNumber('十二') === 12      parseChineseNumber('两') === 2
//   parseChineseNumber('二十五') === 25    parseChineseNumber('一百五') === 150
//   parseChineseNumber('半') === 0.5       parseChineseNumber('两三') === 2   (a range takes its first number)
//   parseChineseNumber('十几') === 10      parseChineseNumber('几') === null  (vague)
//   parseChineseNumber('1.5') === 1.5      parseChineseNumber('三点五') === 3.5
//
// `scanNumber` is the allocation-light scanner the shopping-list parser runs inside a
// longer text: it reads the longest number starting at a position and reports how it ended.

const DIGIT_MAP = new Map<number, number>(
  [
    ['零', 0],
    ['〇', 0],
    ['一', 1],
    ['二', 2],
    ['两', 2],
    ['三', 3],
    ['四', 4],
    ['五', 5],
    ['六', 6],
    ['七', 7],
    ['八', 8],
    ['九', 9],
    ['壹', 1],
    ['贰', 2],
    ['叁', 3],
    // (the rest of the financial numerals: a grandfather's shopping list, "面粉伍斤 小米拾斤")
    ['肆', 4],
    ['伍', 5],
    ['陆', 6],
    ['柒', 7],
    ['捌', 8],
    ['玖', 9],
    ['零', 0],
  ].map(([c, v]) => [(c as string).charCodeAt(0), v as number]),
)

const MULTIPLIER_MAP = new Map<number, number>(
  [
    ['十', 10],
    ['拾', 10],
    ['百', 100],
    ['佰', 100],
    ['千', 1000],
    ['仟', 1000],
    ['万', 10000],
  ].map(([c, v]) => [(c as string).charCodeAt(0), v as number]),
)

// flat lookup tables: the scanner runs on every character of every message
const DIGIT_VAL = new Int8Array(65536).fill(-1)
for (const [c, v] of DIGIT_MAP) DIGIT_VAL[c] = v
const MULT_VAL = new Int32Array(65536)
for (const [c, v] of MULTIPLIER_MAP) MULT_VAL[c] = v
const DIGIT = {
  get: (c: number): number | undefined => (DIGIT_VAL[c] >= 0 ? DIGIT_VAL[c] : undefined),
  has: (c: number) => DIGIT_VAL[c] >= 0,
}
const MULTIPLIER = { get: (c: number): number | undefined => (MULT_VAL[c] > 0 ? MULT_VAL[c] : undefined) }

const C_LIANG = '两'.charCodeAt(0)
const C_HALF = '半'.charCodeAt(0)
const C_FEN = 0x5206 // 分
const C_ZHI_OF = 0x4e4b // 之
const C_JI = '几'.charCodeAt(0)
const C_DIAN = '点'.charCodeAt(0)
const C_YI = '一'.charCodeAt(0)

export function isAsciiDigit(c: number): boolean {
  return c >= 48 && c <= 57
}

/** A character that can start or continue a Chinese numeral. */
const NUMERAL_CHAR = new Uint8Array(65536)
for (const c of DIGIT_MAP.keys()) NUMERAL_CHAR[c] = 1
for (const c of MULTIPLIER_MAP.keys()) NUMERAL_CHAR[c] = 1
NUMERAL_CHAR['半'.charCodeAt(0)] = 1
NUMERAL_CHAR['几'.charCodeAt(0)] = 1

export function isChineseNumeralChar(c: number): boolean {
  return c < 65536 && NUMERAL_CHAR[c] === 1
}

export interface NumberScan {
  /** The value, or null for a vague amount ("几", "几十"). */
  value: number | null
  /** Index just past the number (and past a trailing 两 read as the unit, see `liangUnit`). */
  end: number
  /** A range or approximation was read ("两三", "2-3", "十几"); `value` is its first number. */
  range: boolean
  /** "三两", "二两": the final 两 is the unit liang, not the numeral two. */
  liangUnit: boolean
  /** Arabic "a-b" with nothing after it that makes it a range: an address like 7-1102 or 3-2-502. */
  dashed: boolean
  /** The number was written in Arabic digits. */
  arabic: boolean
}

/** Options for `scanNumber`: tells it where a unit word starts, so 千克 and 三两 are read right. */
export interface ScanContext {
  /** True when a unit (斤, 千克, 个 …) starts at index i of s. */
  unitAt?: (s: string, i: number) => boolean
  /** True when a counter that is not a unit of goods (天, 次, 年 …) starts at index i: "一两天" is a range. */
  counterAt?: (s: string, i: number) => boolean
}

const NO_UNITS: ScanContext = {}

function readAsciiNumber(s: string, i: number): { value: number; end: number } | null {
  let j = i
  const n = s.length
  while (j < n && isAsciiDigit(s.charCodeAt(j))) j++
  if (j === i) return null
  // at most 15 digits keep the value exact; longer runs are ids, not amounts
  let end = j
  if (j + 1 < n && s.charCodeAt(j) === 46 /* . */ && isAsciiDigit(s.charCodeAt(j + 1))) {
    end = j + 1
    while (end < n && isAsciiDigit(s.charCodeAt(end))) end++
  }
  // long digit runs are ids and phone numbers: read their value from the first 15 digits only
  const value = end - i > 15 ? Number(s.slice(i, i + 15)) : Number(s.slice(i, end))
  if (!Number.isFinite(value)) return null
  return { value, end }
}

const isDash = (c: number) => c === 45 || c === 0x2014 || c === 0x2013 || c === 0x2010 || c === 0x2011
const isTilde = (c: number) => c === 126 || c === 0xff5e || c === 0x301c
const C_DAO = '到'.charCodeAt(0)
const C_ZHI = '至'.charCodeAt(0)

/**
 * Read the number that starts at s[i], or return null when none does.
 * Arabic: "12", "1.5", ranges "2-3", "2~3", "2到3" (first number); "3-2-502" and "7-1102"
 * come back with `dashed` set and are for the caller to reject unless a unit follows.
 * Chinese: 一 … 九, 两, 十/百/千/万, 半, 几, 点 (decimal point), ranges "两三" "十七八" "二三十".
 */
export function scanNumber(s: string, i: number, ctx: ScanContext = NO_UNITS): NumberScan | null {
  if (i < 0 || i >= s.length) return null
  const c0 = s.charCodeAt(i)
  if (isAsciiDigit(c0)) return scanArabic(s, i, ctx)
  if (isChineseNumeralChar(c0)) return scanChinese(s, i, ctx)
  return null
}

function scanArabic(s: string, i: number, ctx: ScanContext): NumberScan | null {
  const a = readAsciiNumber(s, i)
  if (!a) return null
  const n = s.length
  let end = a.end
  let range = false
  let dashed = false
  const c = end < n ? s.charCodeAt(end) : 0
  if ((isDash(c) || isTilde(c) || c === C_DAO || c === C_ZHI) && end + 1 < n && isAsciiDigit(s.charCodeAt(end + 1))) {
    const b = readAsciiNumber(s, end + 1)
    if (b) {
      const after = b.end < n ? s.charCodeAt(b.end) : 0
      if (isDash(c) && isDash(after) && b.end + 1 < n && isAsciiDigit(s.charCodeAt(b.end + 1))) {
        // 3-2-502: an address; swallow every dashed part
        let k = b.end
        while (k < n && isDash(s.charCodeAt(k)) && k + 1 < n && isAsciiDigit(s.charCodeAt(k + 1))) {
          const r = readAsciiNumber(s, k + 1)
          if (!r) break
          k = r.end
        }
        return { value: a.value, end: k, range: false, liangUnit: false, dashed: true, arabic: true }
      }
      end = b.end
      // "2-3斤" is a range; "7-1102" (no unit) is an address, flagged for the caller
      let k = end
      while (k < n && s.charCodeAt(k) === 32) k++
      const unitFollows = ctx.unitAt ? ctx.unitAt(s, k) : false
      if (isDash(c) && !unitFollows) dashed = true
      else range = true
    }
  }
  // "西瓜 1/2 个": a half, a third or a quarter of one, when a unit follows
  if (!range && !dashed && c === 47 /* / */ && end === a.end && Number.isInteger(a.value) && a.value >= 1) {
    const d = end + 1 < n ? s.charCodeAt(end + 1) : 0
    if (d >= 0x32 && d <= 0x34 && !(end + 2 < n && isAsciiDigit(s.charCodeAt(end + 2)))) {
      let k = end + 2
      while (k < n && s.charCodeAt(k) === 32) k++
      const den = d - 0x30
      if (a.value < den && ctx.unitAt && ctx.unitAt(s, k))
        return { value: a.value / den, end: end + 2, range: false, liangUnit: false, dashed: false, arabic: true }
    }
  }
  return { value: a.value, end, range, liangUnit: false, dashed, arabic: true }
}

function scanChinese(s: string, i: number, ctx: ScanContext): NumberScan | null {
  const n = s.length
  // 半 alone ("半斤", "半个")
  if (s.charCodeAt(i) === C_HALF) {
    return { value: 0.5, end: i + 1, range: false, liangUnit: false, dashed: false, arabic: false }
  }
  // 百, 千, 万 with no digit before them are letters of a name (百色芒果, 千岛湖, 万州烤鱼), not a
  // number; 十 alone is ten ("十个")
  const m0 = MULTIPLIER.get(s.charCodeAt(i))
  if (m0 !== undefined && m0 > 10) return null
  let total = 0 // completed 万 sections
  let section = 0 // below 万
  let digit = -1 // pending digit, -1 none
  let lastMult = 0 // multiplier just applied (for 一百五 → 150)
  let zeroSeen = false
  let range = false
  let vague = false
  let prevWasDigit = false
  let seenAny = false
  let decimal: string | null = null
  let j = i
  let liangUnit = false
  for (; j < n; j++) {
    const c = s.charCodeAt(j)
    if (ctx.unitAt && seenAny && ctx.unitAt(s, j) && c !== C_LIANG) break // 五千克: stop before 千克
    const d = DIGIT.get(c)
    if (d !== undefined) {
      if (c === C_LIANG && seenAny) {
        // 三两 / 一两: 两 is the unit unless a unit follows it (一两斤 = 1-2 斤, 一两天);
        // after 十/百 ("十两", "二十两") it is always the unit: 两 is never a units digit
        const unitNext = (ctx.unitAt ? ctx.unitAt(s, j + 1) : false) || (ctx.counterAt ? ctx.counterAt(s, j + 1) : false)
        if (!unitNext || !prevWasDigit) {
          liangUnit = true
          j++
          break
        }
      }
      if (prevWasDigit) {
        // 两三, 七八: a range; keep the first digit, skip this one
        range = true
        prevWasDigit = true
        continue
      }
      if (d === 0) {
        // 一百零五: 零 only marks the gap
        zeroSeen = true
        digit = -1
        prevWasDigit = false
        seenAny = true
        continue
      }
      digit = d
      prevWasDigit = true
      seenAny = true
      continue
    }
    const m = MULTIPLIER.get(c)
    if (m !== undefined) {
      if (m === 10000) {
        total += (section + Math.max(digit, 0)) * 10000 || 10000
        section = 0
      } else {
        section += (digit >= 0 ? digit : 1) * m
      }
      digit = -1
      lastMult = m
      zeroSeen = false
      prevWasDigit = false
      seenAny = true
      continue
    }
    if (c === C_JI) {
      // 几, 十几, 几十
      if (!seenAny || prevWasDigit) vague = true
      range = true
      prevWasDigit = false
      seenAny = true
      continue
    }
    if (c === C_DIAN && seenAny && j + 1 < n && DIGIT.has(s.charCodeAt(j + 1)) && s.charCodeAt(j + 1) !== C_LIANG) {
      // 三点五 → 3.5
      let k = j + 1
      let frac = ''
      while (k < n && DIGIT.has(s.charCodeAt(k)) && s.charCodeAt(k) !== C_LIANG) {
        frac += String(DIGIT.get(s.charCodeAt(k)))
        k++
      }
      decimal = frac
      j = k
      break
    }
    if (c === C_HALF && seenAny && s.charCodeAt(j - 1) === C_YI && j - 1 === i) {
      // 一半
      return { value: 0.5, end: j + 1, range: false, liangUnit: false, dashed: false, arabic: false }
    }
    break
  }
  if (!seenAny) return null
  // "四分之一个西瓜", "三分之一斤": a fraction of one, when a unit follows it
  if (!vague && !range && decimal === null && s.charCodeAt(j) === C_FEN && s.charCodeAt(j + 1) === C_ZHI_OF) {
    const den = total + section + (digit >= 0 ? digit : 0)
    const num = j + 2 < n && isChineseNumeralChar(s.charCodeAt(j + 2)) ? scanChinese(s, j + 2, ctx) : null
    if (
      num &&
      num.value !== null &&
      !num.range &&
      den >= 2 &&
      den <= 10 &&
      num.value >= 1 &&
      num.value < den &&
      ctx.unitAt &&
      ctx.unitAt(s, num.end)
    )
      return { value: num.value / den, end: num.end, range: false, liangUnit: false, dashed: false, arabic: false }
  }
  let value: number | null
  if (vague) value = null
  else {
    let tail = digit >= 0 ? digit : 0
    // 一百五 → 150, 两千三 → 2300, 三万五 → 35000 (colloquial: the digit after a multiplier ≥ 100)
    if (digit > 0 && lastMult >= 100 && !zeroSeen && !range) tail = digit * (lastMult / 10)
    value = total + section + tail
    if (decimal !== null) value = Number(`${value}.${decimal}`)
  }
  return { value, end: j, range, liangUnit, dashed: false, arabic: false }
}

/**
 * The number a whole string spells, or null when the string is not (only) a number
 * or the amount is vague. Accepts Arabic ("12", "1.5"), Chinese ("十二", "两", "半",
 * "一百零五", "两三" → 2, "十几" → 10) and 一打 → 12.
 */
const RANGE_ONLY = /^\d+(?:\.\d+)?[-—–]\d+(?:\.\d+)?$/

export function parseChineseNumber(s: string): number | null {
  if (typeof s !== 'string') return null
  const t = s.trim()
  if (!t) return null
  if (t === '一打' || t === '1打') return 12
  if (t === '半打') return 6
  const r = scanNumber(t, 0)
  // "2-3" on its own is a range (the scanner leaves dashed numbers to its caller)
  if (r && r.dashed && r.end === t.length && RANGE_ONLY.test(t)) return r.value
  if (!r || r.end !== t.length || r.dashed) {
    // "一两" alone reads as a range (1-2); scanNumber takes the 两 as a unit
    if (r && r.liangUnit && r.end === t.length && r.value !== null) return r.value
    return null
  }
  return r.value
}
