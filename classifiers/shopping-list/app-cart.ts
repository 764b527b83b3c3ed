// A cart pasted from a shopping app: one product a line, each with its title, its package size,
// its price and its count —
//
//   【农夫山泉】饮用天然水 550ml*24瓶 ¥29.9 ×2
//   精选黄心土豆 约2.5斤/份 ¥4.99 ×2
//
// then, often, a few words on what to do with it ("可乐不要了 换成雪碧一箱", "只要鸡胸肉",
// "我要1、2、4", "带鱼要两份"). A title is not a sentence: its sizes (550ml, 24瓶, 2.5斤) are the
// package, not the amount, and words in it (天 in 天然水, 三只 in 三只松鼠) would be read as
// counters and numbers by the list reader. So each line is read whole here: the product is the
// title without its sizes, the amount is the count after ×, with no unit (LABELS.md: a bare
// multiplier has none). The words around the cart are read as a list of their own, and what
// they say about a product in the cart changes that product.
import { listFiles } from './lexicon.ts'
import type { OrderItem } from './types.ts'

/** Words in a 【…】 before a title that name a shop or a promotion, not the product. */
const SHOP_LABELS = new RegExp(
  (listFiles.get('shop-labels')?.entries ?? []).map((e) => e.word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|') || '(?!)',
)

// "1. 【产地直发】赣南脐橙 5斤装 ¥19.8 ×1": an optional number, an optional 【label】, the title,
// a price, and the count at the end of the line
const CART_LINE =
  /^\s*(?:(\d{1,2})\s*[.、)）]\s*)?(?:[【[]([^】\]\n]{1,12})[】\]]\s*)?([^\n¥￥]*?)\s*(?:[¥￥]\s*(\d+(?:\.\d+)?)\s*)?[×xX✕*]\s*(\d{1,3})\s*$/
/** A figure marks a word of a title as a size, a count of pieces or a grade: 550ml, 24瓶, 3层100抽*24包, 约2.5斤/份, 3段. */
const HAS_DIGIT = /[0-9]/
/** A clothing size on its own: XL, M码. */
const SIZE_LETTERS = /^(?:X{0,3}L|M|S|XS|NB|SS)(?:码|号)?$/i
/** How the package is sold, not what is in it: 整箱, 瓶装, 混合装, 5连包. */
const PACKING = /^(?:整箱|整件|瓶装|罐装|袋装|盒装|箱装|散装|混合装|家庭装|组合装|礼盒装|量贩装|连包)$/
/** "5S压榨一级花生油", "3A级 苹果": a grade in Latin letters and figures, on the name or apart. */
const GRADE_ON = /^\d+[A-Za-z]+(?:级?$|级(?=[\u3400-\u9fff])|(?=[\u3400-\u9fff]))/
const CJK = /[\u3400-\u9fff]/

interface CartLine {
  /** The number the writer gave the line, when the lines are numbered. */
  no: number | null
  name: string
  count: number
}

export interface Cart {
  lines: CartLine[]
  /** The message without the cart's lines: headers and what the writer says about the cart. */
  rest: string
}

/** The product a title names: the label when it names a brand, the title's words without sizes. */
function titleName(label: string | undefined, title: string): string | null {
  const words = title
    .split(/\s+/)
    .map((w) => w.replace(GRADE_ON, ''))
    .filter((w) => w && !HAS_DIGIT.test(w) && !SIZE_LETTERS.test(w) && !PACKING.test(w))
  const cjk = words.filter((w) => CJK.test(w))
  const body = (cjk.length ? cjk : words).join('')
  const brand = label && CJK.test(label) && !SHOP_LABELS.test(label) ? label.trim() : ''
  const name = brand && !body.includes(brand) ? brand + body : body || (label?.trim() ?? '')
  return name ? name : null
}

/** The cart in a message, or null when the message has no line pasted from an app. */
export function readCart(text: string): Cart | null {
  if (text.indexOf('\n') < 0 && !/[¥￥]/.test(text)) return null
  const lines: CartLine[] = []
  const rest: string[] = []
  let priced = 0
  for (const line of text.split('\n')) {
    const m = CART_LINE.exec(line)
    const name = m && (m[3].trim() || m[2]) ? titleName(m[2], m[3]) : null
    // (a title holds a size or a price: "牛腩×2" alone is an ordinary list line)
    if (m && name && (m[4] !== undefined || HAS_DIGIT.test(m[3]))) {
      if (m[4] !== undefined) priced++
      lines.push({ no: m[1] === undefined ? null : Number(m[1]), name, count: Number(m[5]) })
    } else rest.push(line)
  }
  if (priced === 0) return null
  return { lines, rest: rest.join('\n') }
}

const same = (a: string, b: string) => a.includes(b) || b.includes(a)

// "只要鸡胸肉", "就要前两个", "我要1、2、4", "前两个要": which lines of the cart are wanted
const ONLY_NAMED = /(?:只要|只买|就要|只下)\s*([^\s，,。；;！!？?\n\d前第]{1,12})/
const BY_NUMBER = /(?:要|买|下单?)\s*(\d(?:\s*[、,，和及跟]\s*\d)+)(?![\d.])/
const FIRST_N = /前\s*([一两二三四五六七八九十\d])\s*(?:个|样|件)/
const SMALL = '零一两二三四五六七八九十'
/** A word, then a refusal: "零度不要了", "香醋先不要", "第三个删掉" is read by number below. */
const TAKEN_OFF = /([\u4e00-\u9fffA-Za-z]{2,8}?)(?:先|就|也)?(?:不要了|不要|删掉|删了|去掉|取消|算了)/g
/** What may close "只要安慕希…": 就行, 就好, 吧 …. */
const ONLY_TAIL = /(?:就行|就好|就够|就可以|就得|算了|吧|啦|了|哈|的|呢|哦)+$/

/** The items of a pasted cart, with what the words around it change. */
export function parseCart(cart: Cart, parseRest: (text: string) => OrderItem[]): OrderItem[] {
  let items: Array<OrderItem & { no: number | null; at: number }> = cart.lines.map((l, at) => ({
    name: l.name,
    qty: l.count,
    unit: null,
    alternatives: [],
    no: l.no,
    at,
  }))
  const rest = cart.rest
  const only = ONLY_NAMED.exec(rest)
  if (only) {
    const kept = items.filter((it) => same(it.name, only[1].replace(ONLY_TAIL, '')))
    if (kept.length) items = kept
  }
  const numbers = BY_NUMBER.exec(rest)
  if (numbers) {
    const wanted = new Set(numbers[1].split(/[^\d]+/).map(Number))
    const kept = items.filter((it) => wanted.has(it.no ?? it.at + 1))
    if (kept.length) items = kept
  }
  const first = FIRST_N.exec(rest)
  if (first) {
    const n = /\d/.test(first[1]) ? Number(first[1]) : SMALL.indexOf(first[1])
    if (n > 0 && n < items.length) items = items.slice(0, n)
  }
  // ("零度不要了": a line taken off by a word of its title, which the lexicon need not know)
  const offCart: string[] = []
  for (const m of rest.matchAll(TAKEN_OFF)) {
    const word = m[1].replace(/^(?:那个|这个|把|将)/, '')
    const at = word.length >= 2 ? items.findIndex((it) => it.name.includes(word)) : -1
    if (at >= 0) offCart.push(...items.splice(at, 1).map((it) => it.name))
  }
  const takenOff = offCart.length > 0
  // (every line left out of the cart, by name, number or a refusal)
  const dropped = cart.lines.filter((l) => !items.some((it) => it.name === l.name)).map((l) => l.name)
  const out: OrderItem[] = items.map(({ no: _no, at: _at, ...it }) => ({ ...it, op: 'add' }))
  for (const said of parseRest(rest)) {
    // ("…不要了 换成雪碧": what takes the place of a line taken off is one more thing in the cart)
    if (takenOff && said.op === 'set' && !said.replaces && !out.some((it) => same(it.name, said.name))) {
      out.push({ ...said, op: 'add' })
      continue
    }
    // "可乐不要了 换成雪碧一箱": the product swapped in takes the place of the one in the cart
    // (or of one already taken off the cart: "可乐不要了，换成雪碧")
    const swaps = said.replaces
    if (swaps !== undefined && cart.lines.some((l) => same(l.name, swaps))) {
      const { replaces: _r, ...it } = said
      const at = out.findIndex((o) => same(o.name, swaps))
      if (at >= 0) out.splice(at, 1, { ...it, op: 'add' })
      else out.push({ ...it, op: 'add' })
      continue
    }
    const target = out.find((it) => same(it.name, said.name))
    // (said of a line already taken off: nothing more to take off an earlier order)
    if (!target && said.op === 'remove' && dropped.some((name) => same(name, said.name))) continue
    if (!target) {
      // a removal of nothing in the cart corrects an earlier order; anything else is one more item
      out.push(said)
      continue
    }
    if (said.op === 'remove') out.splice(out.indexOf(target), 1)
    else {
      if (said.qty !== null) {
        target.qty = said.qty
        target.unit = said.unit
      }
      if (said.alternatives.length) target.alternatives = said.alternatives
    }
  }
  return out
}
