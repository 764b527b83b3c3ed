// An amount settled on after talk: "买两斤橘子，我女儿说橘子上火少吃点，那就一斤吧", "我说五斤够吃了…
// 就五斤吧，他爱咋咋地", "俺闺女说她也捎回来了 那就一斤". A clause that is only a settling word
// (the `settle` tag of data/dict/lists/amount-changes.txt) and an amount, with no name of its own,
// is the amount of the last thing ordered before it — however much talk stood between.
import { scanNumber } from '../numerals.ts'
import type { PItem } from './chunk.ts'
import { SETTLE_WORDS, matchAt, wordsPattern } from './lexicon.ts'
import { T_UNIT } from './kinds.ts'
import type { MessageState } from './state.ts'

/** The settling word, at a clause's start (or after 的话: "按斤卖的话就3斤吧"), then an amount. */
const SETTLE = new RegExp(`(?:^|(?<=[，,。；;！!？?\\s]|的话))(?:${wordsPattern(SETTLE_WORDS)})\\s*(?=[\\d一二两三四五六七八九十半])`, 'g')
/** After the amount and its unit: a particle at most, then the clause ends. */
const CLAUSE_END = /^(?:吧|嘛|啦|了|哈|好了|算了|得了)?\s*(?:[，,。；;！!？?\n]|$|[ \t])/

export function settledAmounts(st: MessageState): void {
  const s = st.s
  if (!SETTLE_WORDS.some((w) => s.includes(w))) return
  for (const m of s.matchAll(SETTLE)) {
    const at = m.index + m[0].length
    const n = scanNumber(s, at)
    if (!n || n.value === null) continue
    let e = n.end
    while (e < s.length && /\s/.test(s[e])) e++
    const u = matchAt(s, e)
    if (!u || u.k !== T_UNIT) continue
    if (!CLAUSE_END.test(s.slice(e + u.word.length))) continue
    const target = lastOrdered(st.items, m.index)
    if (!target) continue
    target.qty = n.value
    target.unit = u.canon ?? u.word
    target.hasQty = true
    target.bareQty = false
  }
}

/** The last thing ordered before offset `at` by a name the lexicon knows (talk read as a name is not one). */
function lastOrdered(items: PItem[], at: number): PItem | null {
  let best: PItem | null = null
  for (const it of items) {
    if (it.op === 'remove' || it.med || it.unk || it.fallback || it.end < 0 || it.end > at) continue
    if (!best || it.end > best.end) best = it
  }
  return best
}
