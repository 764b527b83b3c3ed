// Doubling what was ordered: "土笋冻加倍", "腊肉给我翻一倍", "刚才那张单子，全部翻倍！⏎> 土豆2斤 …".
import { DOUBLING_WORDS, EACH_WORDS, wordsPattern } from './lexicon.ts'
import { scanNumber } from '../numerals.ts'
import type { PItem } from './chunk.ts'
import type { MessageState } from './state.ts'

const DOUBLING = new RegExp(`(?:${wordsPattern(DOUBLING_WORDS)})`, 'gi')
/**
 * A word for all of them right before the doubling word, a few letters of talk between them
 * ("全部翻倍", "刚才那单全部翻一倍", "都要双份", "统统给我加倍"). Before a doubling word a bare 都 or
 * 全 is "all of them" too — elsewhere it is too often "already" or "also" to be read so.
 */
const ALL_BEFORE = new RegExp(`(?:${wordsPattern([...EACH_WORDS, '都', '全', '所有', '整单', '全单'])})[^，,。；;！!？?\\n]{0,3}$`)
/** A new amount said straight after it ("翻倍 要十二根", "double，要两盒"): that is the amount. */
const AMOUNT_AFTER = /^([^。；;！!？?\n]{0,6}?)(?:\d+(?:\.\d+)?|[一二两三四五六七八九十百半]+)\s*([\u4e00-\u9fffA-Za-z])/
/** Between the thing and its doubling word: a few letters, no break ("腊肉给我翻一倍", "土笋冻加倍"). */
const NEXT_TO = /^[^，,。；;！!？?\n\d]{0,4}$/

/**
 * Twice the amount: of every item with an amount when a word for all of them comes before the
 * doubling word, else of the item named right before it (or, named again there, of the same thing
 * ordered earlier). An item with no amount has nothing to double, and a new amount said after the
 * word was read as the amount already.
 */
export function doubled(st: MessageState): void {
  const s = st.s
  const lower = s.toLowerCase()
  if (!DOUBLING_WORDS.some((w) => lower.includes(w))) return
  for (const m of s.matchAll(DOUBLING)) {
    const at = m.index
    const end = at + m[0].length
    const all = ALL_BEFORE.test(s.slice(Math.max(0, at - 12), at))
    const target = all ? null : namedBefore(st, at)
    const again = AMOUNT_AFTER.exec(s.slice(end, end + 12))
    if (again) {
      // "苞米六根 翻倍 要十二根": the new amount, said, is the amount — of the thing named, in its unit
      const q = scanNumber(s, end + again[1].length)
      if (target && q !== null && q.value !== null && target.unit !== null && target.unit.startsWith(again[2])) target.qty = q.value
      continue
    }
    if (all) {
      for (const it of st.items) if (it.op === 'add' && it.hasQty && it.qty !== null) it.qty *= 2
    } else if (target && target.qty !== null) target.qty *= 2
  }
}

/**
 * The item a doubling word at `at` is about: the thing named right before it, a few letters of
 * talk between them ("土笋冻加倍", "腊肉给我翻一倍") — named again there, the same thing ordered earlier
 * with its amount.
 */
function namedBefore(st: MessageState, at: number): PItem | null {
  const s = st.s
  let best: PItem | null = null
  let bestAt = -1
  for (const it of st.items) {
    if (it.op !== 'add' || !it.hasQty || it.qty === null) continue
    // (where the name was last written before the word: the item itself, or its name said again)
    const p = s.lastIndexOf(it.name, at - 1)
    if (p < 0 || p + it.name.length > at || !NEXT_TO.test(s.slice(p + it.name.length, at))) continue
    if (p > bestAt) {
      best = it
      bestAt = p
    }
  }
  return best
}
