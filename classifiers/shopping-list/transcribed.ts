// A list typed back from a screenshot, a photo or a notes app ("截图转文字", "ocr出来的", "截了图又
// 打了一遍"): its lines break where the picture's did — in the middle of a name ("西红⏎柿 3个"),
// between an amount and its unit ("酸奶 6⏎盒"), between a name and its amount ("冰红茶⏎一提"), inside
// a remark in brackets ("（10个装⏎的）") — and a space can fall inside a word ("洗发 水 1瓶").
import { CANONICAL_UNITS, TRANSCRIBED_WORDS, matchAt, wordsPattern } from './lexicon.ts'
import { T_GOODS, T_UNIT } from './kinds.ts'

/** The writer says the text was copied from a picture (transcribed.txt). */
const TRANSCRIBED = new RegExp(wordsPattern(TRANSCRIBED_WORDS), 'i')

/** A line's own number ("1.", "2、", "-"): a line of its own, never the tail of the one before. */
const BULLET = /^(?:\d{1,2}[ \t]*[.．、)）]|[-*•·])/
const NUMBER_FIRST = /^(?:\d|[一二两三四五六七八九十半几])/
const NUMBER_LAST = /(?:\d|[一二两三四五六七八九十半几])$/
/** An amount anywhere in a line: a number, then a unit or a multiplier sign ("2斤", "6", "×2"). */
// (the units are data/dict/units.txt's, not a list of its own)
const HAS_AMOUNT = new RegExp(`\\d|[一二两三四五六七八九十半][^\\s]?$|[一二两三四五六七八九十半](?=${wordsPattern([...CANONICAL_UNITS])})`)
const REFUSAL_LAST = /(?:不要|别要|别买|不用|唔要|覅|莫要)$/
const CJK_FIRST = /^[\u4e00-\u9fff]/
const CJK_ONLY = /^[\u4e00-\u9fff]{1,3}$/

/** Rejoins what the picture broke; text that does not say it was copied from one is returned as it is. */
export function rejoined(s: string): string {
  if (s.indexOf('\n') < 0 || !TRANSCRIBED.test(s)) return s
  const out: string[] = []
  for (const raw of s.split('\n')) {
    const line = raw.trim()
    const k = out.length - 1
    if (k >= 0 && line && continues(out[k].trim(), line)) out[k] = out[k].trimEnd() + line
    else out.push(raw)
  }
  return out.map(spacesInWords).join('\n')
}

/** Does `line` go on from `prev`, broken from it by the picture? */
function continues(prev: string, line: string): boolean {
  if (!prev || BULLET.test(line) || /[:：]$/.test(prev)) return false
  // (inside a remark in brackets, or one opening after the line it remarks on)
  if (open(prev) || /^[(（]/.test(line)) return true
  // (a unit after a number: "酸奶 6⏎盒", "两三⏎包")
  const first = matchAt(line, 0)
  if (first !== null && first.k === T_UNIT && NUMBER_LAST.test(prev)) return true
  // (an amount after a name that has none: "冰红茶⏎一提", "酸奶⏎4杯 要原味")
  if (NUMBER_FIRST.test(line) && !HAS_AMOUNT.test(prev)) return true
  // (what is not wanted: "不要⏎草莓味")
  if (REFUSAL_LAST.test(prev)) return true
  // (a name broken in two: "西红⏎柿 3个", "速冻饺⏎子 1袋", "宜宾⏎碎米芽菜 2袋")
  // — not a thing of its own with no amount, above one with an amount ("面包⏎苹果 3个")
  return CJK_ONLY.test(prev) && CJK_FIRST.test(line) && HAS_AMOUNT.test(line) && !wholeGoods(prev)
}

/** Is `s` one goods word, whole? */
function wholeGoods(s: string): boolean {
  const m = matchAt(s, 0)
  return m !== null && m.k === T_GOODS && m.word.length === s.length
}

function open(s: string): boolean {
  let depth = 0
  for (const c of s) {
    if (c === '(' || c === '（') depth++
    else if ((c === ')' || c === '）') && depth > 0) depth--
  }
  return depth > 0
}

/** "洗发 水 1瓶", "卫生 纸 一提": a space inside a goods word is dropped. */
function spacesInWords(line: string): string {
  if (line.indexOf(' ') < 0) return line
  let s = line
  for (let p = s.indexOf(' '); p > 0 && p < s.length - 1; p = s.indexOf(' ', p + 1)) {
    if (!/[\u4e00-\u9fff]/.test(s[p - 1]) || !/[\u4e00-\u9fff]/.test(s[p + 1])) continue
    const joined = s.slice(0, p) + s.slice(p + 1)
    for (let a = Math.max(0, p - 3); a < p; a++) {
      const m = matchAt(joined, a)
      if (m !== null && m.k === T_GOODS && a + m.word.length > p) {
        s = joined
        p--
        break
      }
    }
  }
  return s
}
