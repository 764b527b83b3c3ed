// Fillings: "冻饺子，三鲜馅的两袋", "猪肉酸菜馅的冻饺子", "一袋饺子猪肉酸菜馅的". A filling closed by 的
// beside a product made with one (a head tagged `filled` in data/dict/lists/heads.txt) says which
// of that product is meant; it is the product's note, not a thing to buy. A filling said with an
// amount and no 的 ("猪肉馅一斤") is minced meat, and stays an order.
import { addNote, takeAmount, type PItem } from './chunk.ts'
import { FILLED_HEADS } from './lexicon.ts'
import type { MessageState } from './state.ts'

/** Where the last filled head in the name ends, or -1. */
function filledHeadEnd(name: string): number {
  let end = -1
  for (const h of FILLED_HEADS) {
    const at = name.lastIndexOf(h)
    if (at >= 0) end = Math.max(end, at + h.length)
  }
  return end
}

const isFilled = (it: PItem) => filledHeadEnd(it.name) === it.name.length
/** A filling named as one ("三鲜馅", "羊肉大葱馅"), closed by 的 in the text. */
const isFilling = (st: MessageState, it: PItem) =>
  it.name.length >= 2 && it.name.endsWith('馅') && it.end > 0 && /^[的嘅]/.test(st.s.slice(it.end, it.end + 1))
/** Between a product and its filling: a break, a question, 要 or 是 — a few letters, no new line. */
const FILLING_GAP = /^[\s，,、；;:：？?。]*(?:吗|嘛|么)?[\s，,、；;:：？?。]*(?:要|是|就要|只要|最好是?)?(?:那个|那种)?[\s:：]*$/

/** The filling as written, with its 的 or 嘅. */
const said = (st: MessageState, it: PItem, name = it.name) => name + st.s[it.end]

export function fillings(st: MessageState): void {
  const items = st.items
  for (let k = 0; k < items.length; k++) {
    const p = items[k]
    if (p.op !== 'add' || p.med) continue
    // "一袋饺子猪肉酸菜馅的", "思念汤圆花生馅的1袋": read as one name, the filling after the product
    const h = filledHeadEnd(p.name)
    if (h > 0 && h < p.name.length - 1 && isFilling(st, p)) {
      addNote(p, said(st, p, p.name.slice(h)))
      p.name = p.name.slice(0, h)
      continue
    }
    if (k + 1 >= items.length || p.end < 0) continue
    const nx = items[k + 1]
    if (nx.op !== 'add' || nx.med || nx.start < p.end) continue
    const gap = st.s.slice(p.end, nx.start)
    // "猪肉酸菜馅的冻饺子": the filling before the product, 的 between
    if (isFilling(st, p) && isFilled(nx) && /^[的嘅]$/.test(gap)) {
      if (!nx.hasQty && p.hasQty) takeAmount(nx, p)
      addNote(nx, said(st, p))
      items.splice(k, 1)
      k--
      continue
    }
    // "冻饺子，三鲜馅的两袋", "速冻水饺…湾仔码头玉米猪肉馅的最好": after the product; with amounts of
    // their own, two fillings or more are the product twice ("包子，猪肉白菜馅的3个、韭菜鸡蛋馅的2个")
    if (!isFilled(p) || !FILLING_GAP.test(gap)) continue
    let n = 0
    while (k + 1 + n < items.length) {
      const q = items[k + 1 + n]
      const prevEnd = n === 0 ? p.end : items[k + n].end
      if (q.op !== 'add' || q.med || !isFilling(st, q) || q.start < prevEnd) break
      if (
        n > 0 &&
        !/^[的嘅]\s*(?:\d+(?:\.\d+)?|[一两二三四五六七八九十半]{1,3})\s*[\u4e00-\u9fff]?[\s，,、；;]*$/.test(st.s.slice(prevEnd, q.start))
      )
        break
      n++
    }
    if (n === 0) continue
    const run = items.slice(k + 1, k + 1 + n)
    if (n === 1 && !(p.hasQty && run[0].hasQty)) {
      if (!p.hasQty && run[0].hasQty) takeAmount(p, run[0])
      addNote(p, said(st, run[0]))
      items.splice(k + 1, 1)
    } else if (n > 1 && !p.hasQty && run.every((q) => q.hasQty)) {
      for (const q of run) {
        q.note = q.note ? said(st, q) + ' ' + q.note : said(st, q)
        q.name = p.name
      }
      items.splice(k, 1)
      k += n - 1
    }
  }
}
