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
import { CHANGE_WORDS, listFiles, wordsPattern } from './lexicon.ts'
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
/**
 * Sizes written on to a title's name, to its end: a size letter and its 码, a count of pieces, a
 * weight or a volume, a pack of so many ("L码52片", the 900g of "3段900g", "480ml*15瓶", "4层140g*27卷");
 * a formula's stage (3段) is which one, and stays.
 */
const SIZES_ON =
  /(?:(?:X{0,3}L|M|S|XS|NB)(?:码|号)|\d+(?:\.\d+)?\s*(?:ml|mL|ML|l|L|g|G|kg|KG|Kg|克|千克|公斤|斤|升|毫升|片|抽|层|枚|粒|连包|入|袋|包|瓶|罐|盒|卷|支|条|只|个))(?:\s*[*×xX✕/]\s*\d+\s*(?:[\u3400-\u9fff]|ml|g|kg|L)?)*(?:装)?/g
/** A formula's stage is which one ("君乐宝 乐铂 3段"), not a size. */
const STAGE = /^[1-4]段$/
/** "约 400g": the word before a size that is no part of the name. */
const ABOUT = /^(?:约|约重|净重|规格)$/
/** What is left of a word of a title without the sizes written on to it ("约2.5斤/份" leaves nothing). */
const onName = (w: string) => {
  const rest = w
    .replace(SIZES_ON, '')
    .replace(/^约/, '')
    .replace(/[/／][^/／]{0,2}$/, '')
  // ("80抽的": a 的 or 装 left over is no part of a name)
  return NAME_WITH_CODE.test(rest) ? rest : ''
}
/** A name with a product code in it, "皇家K36幼猫猫粮", "N1豆腐猫砂": two letters of a name at least. */
const NAME_WITH_CODE = /[\u3400-\u9fff]{2}/

/**
 * "元气森林白桃味苏打气泡水480ml*15瓶 1箱", "蒙牛纯牛奶全脂250ml*24盒 ×1", "…80抽*6包 数量:1": a line
 * copied from an app without its price — a title with its sizes, then how many (after ×, after 数量,
 * or with a unit of its own at the end of the line).
 */
const COUNTED_LINE =
  /^\s*(?:(\d{1,2})\s*[.、)）]\s*)?(?:[【[]([^】\]\n]{1,12})[】\]]\s*)?([^\n¥￥]*?)\s*(?:[×xX✕*]\s*(\d{1,3})|数量\s*[:：]?\s*(\d{1,3})|\s(\d{1,3})\s*(箱|提|袋|包|瓶|罐|盒|桶|组|件|份|卷|条|支|听|板))\s*$/
/** Punctuation inside a sentence, or a word that changes an order: "——改一下：菠菜不要了，牛腩改成×2" is what the writer says, no title. */
const CLAUSE = new RegExp(`[，,。；;:：!！?？]|^\\s*[—-]|${wordsPattern(CHANGE_WORDS)}`)
/** A door opening a line, after its number: "1. 2-1-302", "3、6栋902", "5号楼1单元". */
const DOOR_FIRST = /^\s*(?:\d{1,3}\s*[.、)）]\s*)?(?:\d{1,3}\s*-\s*\d{1,4}|\d{1,3}\s*(?:栋|幢|号楼|座|号))/
/** A size written in a title: a figure and a measure ("480ml", "52片", "5kg", "3段"). */
const TITLE_SIZE = /\d+(?:\.\d+)?\s*(?:ml|mL|ML|l|L|g|G|kg|KG|Kg|克|千克|公斤|升|毫升|片|抽|段|层|枚|连包|入)|\d\s*[*×xX✕]\s*\d/

interface CartLine {
  /** The number the writer gave the line, when the lines are numbered. */
  no: number | null
  name: string
  count: number
  /** The count's unit where the line gives one ("1箱"); none after ×. */
  unit: string | null
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
    // ("帮宝适一级帮纸尿裤L码52片", "维达超韧卷纸4层140g*27卷": sizes written on to the name go, the name stays)
    .map((w) => (HAS_DIGIT.test(w) && CJK.test(w) ? onName(w) : w))
    .filter(
      (w) =>
        w && (!HAS_DIGIT.test(w) || NAME_WITH_CODE.test(w) || STAGE.test(w)) && !SIZE_LETTERS.test(w) && !PACKING.test(w) && !ABOUT.test(w),
    )
  const cjk = words.filter((w) => CJK.test(w))
  const body = (cjk.length ? cjk : words).join('')
  const brand = label && CJK.test(label) && !SHOP_LABELS.test(label) ? label.replace(/\s+/g, '') : ''
  const name = brand && !body.includes(brand) ? brand + body : body || (label?.replace(/\s+/g, '') ?? '')
  return name ? name : null
}

/** The cart in a message, or null when the message has no line pasted from an app. */
export function readCart(text: string): Cart | null {
  if (text.indexOf('\n') < 0 && !/[¥￥]/.test(text)) return null
  const lines: CartLine[] = []
  const rest: string[] = []
  let priced = 0
  let sized = 0
  // (an unpriced cart's lines come one after the other: lines written by hand among them make a
  // list of the writer's own, read in its order by the list reader)
  let handBetween = 0
  let handSince = 0
  for (const line of text.split('\n')) {
    const cart = cartLine(line)
    if (!cart) {
      rest.push(line)
      if (lines.length && line.trim()) handSince++
      continue
    }
    if (cart.priced) priced++
    else if (cart.sized) sized++
    handBetween += handSince
    handSince = 0
    lines.push(cart.line)
  }
  if (priced === 0 && (sized < 2 || handBetween > 0)) return null
  return { lines, rest: rest.join('\n') }
}

/** A line of a cart: a title, its price if any, and how many; null for any other line. */
function cartLine(line: string): { line: CartLine; priced: boolean; sized: boolean } | null {
  const m = CART_LINE.exec(line)
  const name = m && (m[3].trim() || m[2]) ? titleName(m[2], m[3]) : null
  if (m && name && (m[4] !== undefined || ((HAS_DIGIT.test(m[3]) || !CLAUSE.test(m[3])) && !DOOR_FIRST.test(line))))
    // (a title with neither price nor size, "奥利奥原味 ×2", is a line of the cart only among others
    // that have them: alone, "牛腩×2" is an ordinary list line)
    return {
      line: { no: m[1] === undefined ? null : Number(m[1]), name, count: Number(m[5]), unit: null },
      priced: m[4] !== undefined,
      sized: m[4] === undefined && TITLE_SIZE.test(m[3]),
    }
  // "元气森林白桃味苏打气泡水480ml*15瓶 1箱": no price, a title with its sizes, then how many
  // (a 接龙 line starts with its door: "2. 4-2-1601 比瑞吉狗粮10kg 1袋" is that household's order)
  if (DOOR_FIRST.test(line)) return null
  const c = COUNTED_LINE.exec(line)
  const cname = c && TITLE_SIZE.test(c[3]) ? titleName(c[2], c[3]) : null
  if (!c || !cname) return null
  return {
    line: { no: c[1] === undefined ? null : Number(c[1]), name: cname, count: Number(c[4] ?? c[5] ?? c[6]), unit: c[7] ?? null },
    priced: false,
    sized: true,
  }
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
    unit: l.unit,
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
      // ("丑橘换成耙耙柑": with no amount of its own, the product swapped in comes in the line's)
      if (at >= 0) out.splice(at, 1, { ...it, ...(it.qty === null ? { qty: out[at].qty, unit: out[at].unit } : {}), op: 'add' })
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
