// Chunk elements: a chunk's tokens become goods spans (G), quantity phrases (Q), keywords (K),
// notes (N) and prices (P). Package sizes ("十斤装", "一盒10个") and prices ("5块一斤") are marked
// here so that no later step takes them for amounts.
import { ALONE_HEADS, AMOUNT_CHANGES, ANY_KIND_HEADS, DE_WORDS, HEAD_SUFFIX, LEAD_WORDS } from './lexicon.ts'
import { Tok, STAGE, N_DASHED, N_BIG, N_MULT, N_HALF, N_ARABIC, isCJK, isAsciiLetter, LATIN_BRAND } from './tokens.ts'
import {
  T_GOODS,
  T_MED,
  T_UNIT,
  T_NUM,
  T_FILL,
  T_OTHER,
  T_NONGOODS,
  T_KW,
  T_NOTE,
  T_UNK,
  T_MONEY,
  T_SEP,
  SP_SPACE,
  KW_NOTWANT,
  KW_CANCEL,
  KW_DE,
  KW_GE,
  KW_UNITALL,
  KW_ZHUANG,
  KW_NAZHONG,
  KW_EACH,
  KW_DI,
  KW_SLASH,
  U_MEASURE,
  U_COUNT,
  U_CONTAINER,
  U_VOLUME,
  U_DOZEN,
  G_BRAND,
  G_WEAK,
  G_GENERIC,
  G_LINE,
  F_INTENT,
  F_VERB,
  F_QUESTION,
  F_PAST,
  F_ENOUGH,
  F_OFFER,
  F_COOK,
  F_APPROX,
  F_OOPS,
  F_NEED,
  F_LEFT,
} from './kinds.ts'
export const E_G = 1 // goods span
export const E_Q = 2 // quantity phrase
export const E_K = 3 // keyword
export const E_N = 4 // note
export const E_P = 5 // a price ("5块", "10元", "58一份"): an amount next to it is a price, not a quantity

export interface Qty {
  v: number | null
  unit: string | null
  uk: number
  mult: boolean // x3
  bare: boolean // a number with no unit
  desc: boolean // a package size: 十斤装, 一盒10个
  pairA: boolean // the container of a package-size pair (一盒 in 一盒10个)
  per: boolean // 每盒
  ge: boolean // after 各
  price: boolean
}

export interface Span {
  name: string
  ta: number // first token
  tb: number // one past the last token
  goods: boolean // has a dictionary goods word
  med: boolean
  weak: boolean // only weak goods words ("水", "油")
  generic: boolean // a category word ("水果")
  unk: boolean // the name has letters outside the dictionary word ("孩纸")
  brandOnly: boolean
  fallback: boolean // an unknown word: an item only right next to an amount with a unit
  garbage: boolean // "土豆土豆土豆"
  /** The goods kind of its head word (1 + index in GOODS_KINDS), 0 when unknown. */
  kind: number
  /** Every goods kind among its words, as bits (1 << kind): 嘉宝米粉 is baby food and a staple. */
  kinds: number
  /** Named right after a cooking verb: the dish, not a thing to buy ("熬粥", "做葱油饼"). */
  dish: boolean
  qty: Qty | null
}

export interface El {
  t: number
  q: Qty | null
  g: Span | null
  sub: number
  text: string
  ti: number // first token
  te: number // last token (inclusive)
}

function mkEl(t: number, ti: number, te = ti): El {
  return { t, q: null, g: null, sub: 0, text: '', ti, te }
}

export function mkQty(v: number | null, unit: string | null, uk: number): Qty {
  return { v, unit, uk, mult: false, bare: false, desc: false, pairA: false, per: false, ge: false, price: false }
}

function mkSpan(name: string, ta: number, tb: number): Span {
  return {
    name,
    ta,
    tb,
    goods: false,
    med: false,
    weak: false,
    generic: false,
    unk: false,
    brandOnly: false,
    fallback: false,
    garbage: false,
    kind: 0,
    kinds: 0,
    dish: false,
    qty: null,
  }
}

/**
 * The name written by toks[a..b): the text itself, except that a misspelling or homophone the
 * lexicon knows ("鸡旦 = 鸡蛋") is written the way it is meant.
 */
export function nameOf(s: string, toks: Tok[], a: number, b: number): string {
  let repaired = false
  for (let i = a; i < b; i++)
    if (toks[i].k === T_GOODS && toks[i].canon !== null) {
      repaired = true
      break
    }
  if (!repaired) return s.slice(toks[a].s, toks[b - 1].e)
  let out = ''
  for (let i = a; i < b; i++) {
    const t = toks[i]
    out += t.k === T_GOODS && t.canon !== null ? t.canon : s.slice(t.s, t.e)
    // keep what lies between tokens ("伊利 纯牛奶" keeps its space, as the plain slice would)
    if (i + 1 < b) out += s.slice(t.e, toks[i + 1].s)
  }
  return out
}

export function endsWithHead(w: string): boolean {
  for (const h of HEAD_SUFFIX) if (w.endsWith(h)) return true
  return false
}

const MAX_PREFIX_UNK = 3
const MAX_SUFFIX_UNK = 2
const MAX_FALLBACK = 6

function cjkCount(s: string, a: number, b: number): number {
  let n = 0
  for (let i = a; i < b; i++) if (isCJK(s.charCodeAt(i))) n++
  return n
}

/** Characters of junk (unknown words) in s[a..b): CJK characters, and one per ASCII word. */
function junkCount(s: string, a: number, b: number): number {
  let n = 0
  let inWord = false
  for (let i = a; i < b; i++) {
    const c = s.charCodeAt(i)
    if (isCJK(c)) {
      n++
      inWord = false
    } else if (isAsciiLetter(c)) {
      if (!inWord) n += 2
      inWord = true
    } else inWord = false
  }
  return n
}

export interface ChunkInfo {
  intent: boolean
  verb: boolean // a buying verb: 买, 要, 来, 带 …
  cond: boolean // 没有 …
  question: boolean
  past: boolean
  enough: boolean
  offer: boolean
  first: boolean // a first-person request: 我要, 帮我买
  cook: boolean // the chunk opens with a cooking verb: "做馒头"
  junk: number
  price: boolean
  /** A unit with no number before it ("单位是斤", "都按斤算"): the unit it names, or null. */
  bareUnit: string | null
  /** A word that gives one unit or amount to the whole list: 单位是, 按, 都是, 每样. */
  forAll: boolean
  /** 哦不对, 说错了, 更正: what comes after corrects what came before. */
  oops: boolean
  /** Where the (last) oops word of the chunk starts in the text, or -1. */
  oopsAt: number
  /** 只剩, 还剩: what the chunk names is running out (a need, though it asks for nothing). */
  left: boolean
  /** 没了, 见底了, 用完了: the writer's own need (not only a verb, which an organiser uses too). */
  need: boolean
}

/** A buying verb inside an each-word (都来, 各要, 侪要, 每样买). */
const BUY_IN_EACH = /[要来買买整带拿]/
/** After an each-word: an amount, then 就行 / 就好 / 就够 / 即可. */
const EACH_ENOUGH = /^[^，,。！!？?；;\n]{1,6}?(?:就行|就好|就够|即可|就可以)/

/** The writer, just before a request ("我明朝下单", "阿拉要"). */
const FIRST_PERSON = /我|俺|阿拉|吾|阮|偶/

export function newInfo(): ChunkInfo {
  return {
    intent: false,
    verb: false,
    cond: false,
    question: false,
    past: false,
    enough: false,
    offer: false,
    first: false,
    cook: false,
    junk: 0,
    price: false,
    bareUnit: null,
    forAll: false,
    oops: false,
    oopsAt: -1,
    left: false,
    need: false,
  }
}

/** Goods / unknown / medicine tokens toks[a..b) become one or more spans. */
function buildSpans(s: string, toks: Tok[], a: number, b: number, out: Span[], info: ChunkInfo): void {
  // parts: [unknown prefix][brand…][goods]; a part ends at each goods word that is not a brand
  let partStart = a
  const parts: Array<[number, number]> = []
  let hasGoods = false
  let med = false
  for (let i = a; i < b; i++) {
    const t = toks[i]
    if (t.k === T_MED) {
      med = true
      parts.push([partStart, i + 1])
      partStart = i + 1
    } else if (t.k === T_GOODS) {
      hasGoods = true
      // a brand joins the product after it (金龙鱼花生油), or its product line (飞鹤星飞帆); two brands
      // side by side are two items ("哈啤雪花")
      // (or the same across a stage: "飞鹤星飞帆3段奶粉")
      let nx = i + 1 < b ? toks[i + 1] : null
      if (nx && nx.k === T_UNK && nx.f & STAGE && i + 2 < b) nx = toks[i + 2]
      // (and across a product name the lexicon does not know: "嘉顿生命面包")
      else if (nx && nx.k === T_UNK && nx.e - nx.s <= 3 && i + 2 < b && toks[i + 2].k === T_GOODS && !(toks[i + 2].f & G_BRAND))
        nx = toks[i + 2]
      const joins =
        (t.f & G_BRAND) !== 0 && nx !== null && nx.k === T_GOODS && (!(nx.f & G_BRAND) || (nx.f & G_LINE) !== 0 || (t.f & G_LINE) !== 0)
      if (!joins) {
        parts.push([partStart, i + 1])
        partStart = i + 1
      }
    }
  }
  if (med) {
    // 止泻药, 布洛芬: medicine, whatever is written around it
    const sp = mkSpan(s.slice(toks[a].s, toks[b - 1].e), a, b)
    sp.med = true
    sp.goods = hasGoods
    out.push(sp)
    return
  }
  if (!hasGoods) {
    // an unknown word: a candidate for the unit-anchored fallback
    const st = toks[a].s
    const en = toks[b - 1].e
    const sp = mkSpan(s.slice(st, en), a, b)
    const cjk = cjkCount(s, st, en)
    // (or a brand in Latin letters, capitalised as brands are: "Oreo 一盒", "Aptamil 3段", "QQ星 一箱")
    // (a brand in a bracket is a note on the thing before it: "猫粮 1袋（Orijen 1.8kg 那个）")
    // (nor when the name follows it: "Oreo 奥利奥 3包", "Orijen 渴望猫粮 一包" name it twice)
    const named = b + 1 < toks.length && toks[b].k === T_SEP && s.slice(toks[b].s, toks[b].e).trim() === '' && toks[b + 1].k === T_GOODS
    sp.fallback = (en - st <= MAX_FALLBACK && cjk >= 2) || (LATIN_BRAND.test(s.slice(st, en)) && !inBracket(s, st) && !named)
    if (!sp.fallback) sp.garbage = true
    info.junk += junkCount(s, st, en)
    out.push(sp)
    return
  }
  if (partStart < b) {
    // a short unknown tail is part of the last name ("苹果汁"); a long one is junk
    const len = toks[b - 1].e - toks[partStart].s
    if (len <= MAX_SUFFIX_UNK) parts[parts.length - 1][1] = b
    // either way the letters are not dictionary words: they count as junk for the commentary test
    info.junk += junkCount(s, toks[partStart].s, toks[b - 1].e)
  }
  // "盐焗鸭", "姜母鸭": a one-character good written right before letters the lexicon does not
  // know is the first letter of that name, not an item of its own (葱姜蒜, all known, stay three)
  for (let k = parts.length - 2; k >= 0; k--) {
    const [pa, pb] = parts[k]
    const t = toks[pa]
    if (pb === pa + 1 && t.k === T_GOODS && t.e - t.s === 1 && toks[parts[k + 1][0]].k === T_UNK && toks[parts[k + 1][0]].s === t.e) {
      parts[k + 1][0] = pa
      parts.splice(k, 1)
    }
  }
  const names: string[] = []
  const flagsOf: number[] = []
  const ranges: Array<[number, number]> = []
  const unks: boolean[] = []
  const kinds: number[] = []
  const masks: number[] = []
  for (const [pa, pb] of parts) {
    let st = pa
    while (st < pb && toks[st].k === T_UNK) st++
    let startIdx = pa
    if (st > pa) {
      // an unknown prefix: part of the name when short ("嘎啦苹果"), else a sentence fragment
      const len = toks[st - 1].e - toks[pa].s
      if (len > MAX_PREFIX_UNK) startIdx = st
      info.junk += junkCount(s, toks[pa].s, toks[st - 1].e)
    }
    if (startIdx >= pb) continue
    let fl = G_WEAK | G_BRAND | G_GENERIC
    let unk = false
    let kind = 0
    let mask = 0
    for (let i = startIdx; i < pb; i++) {
      const t = toks[i]
      if (t.k === T_GOODS) {
        fl &= t.f
        kind = t.sub
        mask |= 1 << t.sub
      } else unk = true
    }
    kinds.push(kind)
    masks.push(mask)
    unks.push(unk)
    names.push(nameOf(s, toks, startIdx, pb))
    flagsOf.push(fl)
    ranges.push([startIdx, pb])
  }
  if (names.length === 0) return
  // "冻干鸡肉": a lead word written right before a goods word makes one product with it
  for (let i = names.length - 2; i >= 0; i--) {
    if (!LEAD_WORDS.has(names[i]) || toks[ranges[i][1] - 1].e !== toks[ranges[i + 1][0]].s) continue
    names.splice(i, 2, names[i] + names[i + 1])
    ranges.splice(i, 2, [ranges[i][0], ranges[i + 1][1]])
    kinds.splice(i, 2, kinds[i + 1])
    masks.splice(i, 2, masks[i] | masks[i + 1])
    flagsOf.splice(i, 2, flagsOf[i + 1])
    unks.splice(i, 2, unks[i] || unks[i + 1])
  }
  // "土豆土豆土豆": the same word over and over is not a list
  let allSame = names.length > 1
  for (let i = 1; i < names.length && allSame; i++) if (names[i] !== names[0]) allSame = false
  if (allSame) {
    const sp = mkSpan(names[0], a, b)
    sp.goods = true
    sp.garbage = true
    out.push(sp)
    return
  }
  // goods written together are separate items, unless the last is a head of another kind that
  // the others fill ("猪肉白菜饺子"); "腊肉香肠" are two kinds of cured meat, two items
  const headKind = kinds[kinds.length - 1]
  const head = names[names.length - 1]
  const eachAfter = b < toks.length && toks[b].k === T_KW && toks[b].sub === KW_GE
  if (
    names.length > 1 &&
    !eachAfter &&
    (endsWithHead(head) || ALONE_HEADS.has(head)) &&
    (ANY_KIND_HEADS.includes(head) || kinds.some((k, i) => i < kinds.length - 1 && k !== headKind))
  ) {
    let fl = G_WEAK | G_GENERIC
    for (const f of flagsOf) fl &= f
    const sp = mkSpan(names.join(''), ranges[0][0], ranges[ranges.length - 1][1])
    sp.goods = true
    sp.weak = (fl & G_WEAK) !== 0
    // ("水果零食": category words together are still a category word)
    sp.generic = (fl & G_GENERIC) !== 0
    sp.kind = headKind
    sp.kinds = masks.reduce((x, y) => x | y, 0)
    out.push(sp)
    return
  }
  for (let i = 0; i < names.length; i++) {
    const sp = mkSpan(names[i], ranges[i][0], ranges[i][1])
    sp.goods = true
    sp.weak = (flagsOf[i] & G_WEAK) !== 0
    sp.generic = (flagsOf[i] & G_GENERIC) !== 0
    sp.unk = unks[i]
    sp.brandOnly = (flagsOf[i] & G_BRAND) !== 0
    sp.kind = kinds[i]
    sp.kinds = masks[i]
    out.push(sp)
  }
}

function isSpanTok(k: number): boolean {
  return k === T_GOODS || k === T_UNK || k === T_MED
}

function pushQ(els: El[], q: Qty, ti: number, te: number): void {
  const el = mkEl(E_Q, ti, te)
  el.q = q
  els.push(el)
}

/** A negation right before 按 / 论: "嫑按斤", "不要按个卖", "唔好论斤". */
const REFUSED_BEFORE = /(?:不|别|嫑|覅|莫|勿|甭|唔好|唔要)$/
/** Words that put a limit on a sum of money ("总共别超过", "预算", "统共别超"): the `total` words of amount-changes.txt and these. */
const LIMIT_WORDS = ['超过|超出|别超|莫超|不超|预算|budget|最多|不到', ...AMOUNT_CHANGES.filter((c) => c.total).map((c) => c.word)].join(
  '|',
)
/** Before a sum of money: it bounds the whole bill ("总共别超过三十块", "预算一百块") or is paid. */
const BILL_BEFORE = new RegExp(
  `(?:以内|以下|${LIMIT_WORDS}|给你|转你|付|收|找|退|花了|用了|才|贵|便宜|多少)[^，,。；;！!？?\\n]{0,6}$`,
  'i',
)
/** After a sum of money: a price per unit ("13块一瓶", "30块/斤"), a limit ("以内"), or a question. */
const NOT_WORTH_AFTER = /^\s*(?:[一每/／]|以内|以下|之内|内|多少|够不够|吗|呢|\?|？|左右以内)/
/** After 钱: words that make it money after all ("五钱的", "五钱左右", "五钱一斤"). */
const MONEY_NEAR = /^(?:的|左右|一|每|\/)/
/** Before a price said as a limit: "不超过", "不到", "低于". */
const CAP_BEFORE = /(?:超过|不到|低于|高于|以下|以内)$/
/** After a sum of money: a limit on the whole bill. */
const BILL_LIMIT_AFTER = /^\s*(?:以内|以下|之内)/
/** A sum of money from numStart to moneyEnd that bounds the whole bill. */
const isBill = (s: string, numStart: number, moneyEnd: number): boolean =>
  LIMIT_BEFORE.test(s.slice(Math.max(0, numStart - 12), numStart)) || BILL_LIMIT_AFTER.test(s.slice(moneyEnd, moneyEnd + 4))
/** Before a sum of money: a limit on it ("总共别超过", "预算"; not 付 or 才, which a name may hold). */
const LIMIT_BEFORE = new RegExp(`(?:${LIMIT_WORDS})[^，,。；;！!？?\\n]{0,6}$`, 'i')
/** The sub of a price element that bounds the whole bill. */
const P_BILL = 1
/** A price at token i; a limit on the whole bill ("总共别超过三十块", "三十块以内") prices no amount beside it. */
function pushPrice(els: El[], i: number, bill: boolean): void {
  const el = mkEl(E_P, i)
  if (bill) el.sub = P_BILL
  els.push(el)
}
/** A buying word just before a sum of money: 称, 买, 来, 拿, 要, 整. */
const BUY_BEFORE = /[称买来拿要整带][个点些]?$/
/** After a sum of money that says how much to buy: 的 (or a word for it), 左右, 就够, or the end of the clause. */
const WORTH_AFTER = new RegExp(`^\\s*(?:${DE_WORDS.join('|')}|额|左右|上下|就够|就行|就好|就可以|够了|[，,。；;！!\\s~～]|$)`)

/**
 * "称二十块钱的猪头肉", "豆芽五块钱就够了", "肉馒头买十块洋钿": a sum of money said as how much of
 * one thing to buy — not a price per unit, not the bill's limit, not a payment.
 */
function worthOf(s: string, numStart: number, moneyEnd: number, goodsNext: boolean): boolean {
  const after = s.slice(moneyEnd, moneyEnd + 8)
  if (NOT_WORTH_AFTER.test(after) || !(goodsNext || WORTH_AFTER.test(after))) return false
  // (a bare 元 is how prices are written — "白菜 2元" on a price list — unless a buying word or 的
  // says it is how much to buy: "称十元的")
  if (/元$/.test(s.slice(numStart, moneyEnd)) && !/^\s*的/.test(after) && !BUY_BEFORE.test(s.slice(Math.max(0, numStart - 6), numStart)))
    return false
  return !BILL_BEFORE.test(s.slice(Math.max(0, numStart - 12), numStart))
}

/** After 半: the 半 of a word (半生熟, 半肥瘦, 半熟, 半透明), not a half. */
const HALF_AS_WORD = /^[生熟肥瘦透截硬软]$/

/** 用 closing a purpose: "…用", "…用的", "…用，" (not 用来, 用量, 用完). */
/** A classifier between a cooking verb and its dish: 做个, 烧一锅, 炖一锅, 来一道. */
const DISH_MEASURE = /^(?:个|锅|道|顿|盘|碗)$/
const FOR_USE = /^用(?:[的额嘅]|[^\u4e00-\u9fff]|$)/
/** After a dish, the things it needs: "的料", "嘅料", "的配菜", "配菜" (not 底料: 火锅底料 is goods). */
const INGREDIENTS_OF = /^(?:(?:的|嘅|个)(?:料|配料|配菜|材料|食材)|配菜)/

export function buildElements(s: string, toks: Tok[], a: number, b: number, info: ChunkInfo): El[] {
  const els: El[] = []
  let i = a
  while (i < b) {
    const t = toks[i]
    switch (t.k) {
      case T_NUM: {
        const prev = i > a ? toks[i - 1] : null
        const next = i + 1 < b ? toks[i + 1] : null
        if (t.f & (N_DASHED | N_BIG)) {
          info.junk += 1
          i++
          if (next && next.k === T_UNIT) i++
          break
        }
        // "奶粉得返半罐", "米只剩两斤": what is left at home, not an amount to buy
        if (prev && prev.k === T_FILL && prev.f & F_LEFT) {
          info.left = true
          i++
          if (next && next.k === T_UNIT) i++
          break
        }
        if (prev && prev.k === T_KW && prev.sub === KW_DI) {
          i++
          if (next && (next.k === T_UNIT || next.k === T_OTHER)) i++
          break
        }
        if (prev && prev.k === T_MONEY) {
          els.push(mkEl(E_P, i))
          info.price = true
          i++
          break
        }
        if (next && next.k === T_FILL && i + 2 < b && toks[i + 2].k === T_UNIT && next.f & F_APPROX) {
          // 十来个, 二十多斤: about that many
          toks[i + 1] = t
          i++
          break
        }
        if (next && next.k === T_UNIT) {
          const ti0 = i
          let v = t.v
          let unit = next.canon
          let uk = next.sub
          let j = i + 2
          const after = j < b ? toks[j] : null
          // "不超过四十一斤就来两斤": a cap on the price, 四十 a 斤 — not forty-one of them
          if (
            CAP_BEFORE.test(s.slice(Math.max(0, t.s - 4), t.s)) &&
            t.e - t.s > 1 &&
            s.charAt(t.e - 1) === '一' &&
            (uk === U_MEASURE || uk === U_COUNT || uk === U_CONTAINER)
          ) {
            pushPrice(els, i, false)
            info.price = true
            i = j
            break
          }
          // 块 as money: 5块钱, 5块一斤, 20块
          if (
            unit === '块' &&
            after &&
            (after.k === T_MONEY || after.k === T_NUM || (after.k === T_KW && (after.sub === KW_SLASH || after.sub === KW_EACH)))
          ) {
            // "二十块钱的五花肉", "豆芽五块钱就够了": how much of it to buy, by money
            if (after.k === T_MONEY && v !== null && v > 0 && worthOf(s, t.s, after.e, j + 1 < b && toks[j + 1].k === T_GOODS)) {
              pushQ(els, mkQty(v, '元', U_MEASURE), i, j)
              i = j + 1
              break
            }
            pushPrice(els, i, isBill(s, t.s, (after.k === T_MONEY ? after : next).e))
            info.price = true
            i = after.k === T_MONEY ? j + 1 : j
            break
          }
          // ("豆腐十块", "豆腐 20块": right after a name, pieces of it)
          const back = i > 0 && toks[i - 1].k === T_SEP && toks[i - 1].sub === SP_SPACE ? i - 2 : i - 1
          const afterName = back >= 0 && toks[back].k === T_GOODS && v !== null && v <= 60
          if (unit === '块' && v !== null && v >= 10 && !(after && after.k === T_GOODS) && !afterName) {
            pushPrice(els, i, isBill(s, t.s, next.e))
            info.price = true
            i = j
            break
          }
          // 一斤半, 两个半, 一打半
          // (not 半生熟, 半肥瘦: how ripe or how fat, after "木瓜一个")
          if (
            after &&
            after.k === T_NUM &&
            after.f & N_HALF &&
            v !== null &&
            Number.isInteger(v) &&
            // (but 一斤半瘦肉 is a pound and a half of lean meat: a goods word after 半 is no 半瘦)
            !(HALF_AS_WORD.test(s.charAt(after.e)) && !(j + 1 < b && toks[j + 1].k === T_GOODS && toks[j + 1].s === after.e)) &&
            // (not 半 with the same unit again: "一箱半箱也行" is a box, or half of one)
            !(j + 1 < b && toks[j + 1].k === T_UNIT && toks[j + 1].canon === unit)
          ) {
            v += 0.5
            j++
          }
          if (uk === U_DOZEN) {
            // 一打 = 12 个; "120打了" is not dozens
            if (v === null || v > 10) {
              i = j
              break
            }
            v *= 12
            unit = '个'
            uk = U_COUNT
          }
          i = j
          if (v === null || v <= 0) break // 几斤: vague
          // 3个孩子, 2个老人: not an amount of goods — but a container or a weight is one whoever
          // stands after it ("湿巾三包宝宝等着用")
          if (i < b && toks[i].k === T_NONGOODS && uk !== U_CONTAINER && uk !== U_MEASURE) {
            info.junk += 1
            break
          }
          const q = mkQty(v, unit, uk)
          if (t.f & N_MULT) q.mult = true
          if (uk === U_VOLUME) q.desc = true
          pushQ(els, q, ti0, j - 1)
          break
        }
        if (next && (next.k === T_OTHER || next.k === T_NONGOODS)) {
          info.junk += 1
          i += 2
          break
        }
        if (next && next.k === T_MONEY) {
          // "枸杞五钱", "花椒叁钱": 钱 right after a number, with nothing of money about it, is the
          // weight (a tenth of a 两), not a sum
          if (t.v !== null && t.v > 0 && t.v <= 10 && s.slice(next.s, next.e) === '钱' && !MONEY_NEAR.test(s.slice(next.e, next.e + 2))) {
            pushQ(els, mkQty(t.v, '钱', U_MEASURE), i, i + 1)
            i += 2
            break
          }
          if (t.v !== null && t.v > 0 && worthOf(s, t.s, next.e, i + 2 < b && toks[i + 2].k === T_GOODS)) {
            pushQ(els, mkQty(t.v, '元', U_MEASURE), i, i + 1)
            i += 2
            break
          }
          pushPrice(els, i, isBill(s, t.s, next.e))
          info.price = true
          i += 2
          break
        }
        if (next && next.k === T_NUM && !(next.f & N_HALF) && i + 2 < b && toks[i + 2].k === T_UNIT && !(t.f & N_MULT)) {
          // 58一份, 28一板: a price
          els.push(mkEl(E_P, i))
          info.price = true
          i++
          break
        }
        i++
        if (t.v === null || t.v <= 0) break
        if (t.f & N_MULT) {
          if (t.v >= 10000) break
          const q = mkQty(t.v, null, 0)
          q.mult = true
          pushQ(els, q, i - 1, i - 1)
          break
        }
        // house numbers; a lone 半; a Chinese numeral with no unit ("撒一小撮", "一大半")
        // ("各一": a Chinese numeral with no unit is an amount only right after 各)
        const afterEach = prev !== null && prev.k === T_KW && prev.sub === KW_GE
        // ("土豆五、洋柿子三": also right after a goods name, closing its chunk)
        const afterGoods = prev !== null && prev.k === T_GOODS && prev.e === t.s && i === b
        if (t.v >= 100 || t.f & N_HALF || (!(t.f & N_ARABIC) && !afterEach && !afterGoods)) break
        const q = mkQty(t.v, null, 0)
        q.bare = true
        pushQ(els, q, i - 1, i - 1)
        break
      }
      case T_UNIT: {
        const prev = i > a ? toks[i - 1] : null
        // "西红柿 斤2", "茄子 个3": the unit written before its number, closing the chunk
        const nx = i + 1 < b ? toks[i + 1] : null
        if (
          nx &&
          nx.k === T_NUM &&
          nx.s === t.e &&
          nx.v !== null &&
          nx.v > 0 &&
          i + 2 === b &&
          !(prev && (prev.k === T_NUM || prev.k === T_KW)) &&
          !(nx.f & (N_DASHED | N_BIG | N_MULT))
        ) {
          pushQ(els, mkQty(nx.v, t.canon, t.sub === U_DOZEN ? U_COUNT : t.sub), i, i + 1)
          i += 2
          break
        }
        if (prev && prev.k === T_KW && prev.sub === KW_SLASH) {
          els.push(mkEl(E_P, i))
          info.price = true
          i++
          break
        } // 5元/斤
        if (prev && prev.k === T_KW && prev.sub === KW_EACH) {
          // 每盒10个: a package spec
          const q = mkQty(1, t.canon, t.sub === U_DOZEN ? U_COUNT : t.sub)
          q.per = true
          pushQ(els, q, i, i)
          i++
          break
        }
        // "来袋盐" has no written number: no amount is invented (qty stays null); "单位是斤" names
        // the unit of the list's bare numbers
        if (!(prev && prev.k === T_NUM && prev.e === t.s)) info.bareUnit = t.canon
        i++
        break
      }
      case T_GOODS:
      case T_UNK:
      case T_MED: {
        let j = i
        while (j < b && isSpanTok(toks[j].k)) j++
        const spans: Span[] = []
        buildSpans(s, toks, i, j, spans, info)
        // "想做葱油饼", "熬粥": what is cooked right after a cooking verb is the dish — but not right
        // after an amount, where the verb is part of the name ("一斤炒米", "两斤蒸面条"); and in
        // "猪肉炖粉条" both sides are the dish
        // ("想做个东坡肉", "炖一锅排骨汤": a classifier may stand between the verb and the dish)
        let vi = i - 1
        if (vi > a && toks[vi].k === T_UNIT && DISH_MEASURE.test(s.slice(toks[vi].s, toks[vi].e)) && toks[vi - 1].e === toks[vi].s) {
          vi--
          if (vi > a && toks[vi].k === T_NUM && toks[vi].v === 1 && toks[vi - 1].e === toks[vi].s) vi--
        }
        const verb = vi >= a ? toks[vi] : null
        const cooked =
          verb !== null &&
          verb.k === T_FILL &&
          (verb.f & F_COOK) !== 0 &&
          (vi === i - 1 ? verb.e === toks[i].s : true) &&
          !(vi - 1 >= a && (toks[vi - 1].k === T_UNIT || toks[vi - 1].k === T_NUM) && toks[vi - 1].e === verb.s)
        if (cooked && spans.length) {
          // (every name written together after the verb is the dish: "做糖醋鱼" is 糖 醋 鱼 in one)
          for (const sp of spans) sp.dish = true
          // (not a name ordered with its own amount: "一袋小米熬粥" buys the millet; "整个猪肉炖粉条",
          // whose 个 no number stands before, makes the stew)
          const before = els.length ? els[els.length - 1] : null
          const amount = before ? els[els.length - 2] : undefined
          const ordered =
            amount !== undefined &&
            amount.t === E_Q &&
            amount.te === before!.ti - 1 &&
            !(toks[amount.ti].k === T_NUM && toks[amount.ti].s === toks[amount.ti].e)
          // (nor one a buying verb asks for: "再买点小米熬粥用的")
          const bought = before !== null && before.ti > a && toks[before.ti - 1].k === T_FILL && (toks[before.ti - 1].f & F_VERB) !== 0
          if (before && before.t === E_G && before.te === vi - 1 && toks[vi - 1].e === verb.s && !ordered && !bought) before.g!.dish = true
        }
        // "整扣肉用", "灌香肠用", "炖汤用的": what the things are for is a dish, not one more thing to
        // buy (the names right before 用, when nothing but a break or 的 follows it)
        if (spans.length && FOR_USE.test(s.slice(toks[j - 1].e, toks[j - 1].e + 2))) spans[spans.length - 1].dish = true
        // "螺蛳粉的料：", "老友粉嘅料", "酸汤鱼的配菜": the dish the things are for
        if (spans.length && INGREDIENTS_OF.test(s.slice(toks[j - 1].e, toks[j - 1].e + 4))) spans[spans.length - 1].dish = true
        for (const sp of spans) {
          if (sp.garbage && !sp.goods) continue
          const el = mkEl(E_G, sp.ta, sp.tb - 1)
          el.g = sp
          els.push(el)
        }
        i = j
        break
      }
      case T_KW: {
        // ("按公斤称，嫑按斤": a unit refused is not the list's)
        if ((t.sub === KW_UNITALL && !REFUSED_BEFORE.test(s.slice(Math.max(0, t.s - 2), t.s))) || t.sub === KW_GE) info.forAll = true
        // "都来十个", "各要两斤", "侪要一斤": an each-word with a buying verb in it asks for the things
        // — and so does one whose amount is said to be enough ("每样一斤就行")
        if (t.sub === KW_GE && (BUY_IN_EACH.test(s.slice(t.s, t.e)) || EACH_ENOUGH.test(s.slice(t.e, t.e + 12)))) {
          info.intent = true
          info.verb = true
        }
        if (t.sub === KW_UNITALL) {
          i++
          break
        }
        const el = mkEl(E_K, i)
        el.sub = t.sub
        el.text = s.slice(t.s, t.e)
        els.push(el)
        i++
        break
      }
      case T_NOTE: {
        const prev = i > a ? toks[i - 1] : null
        let text = s.slice(t.s, t.e)
        if (prev && (prev.k === T_FILL || (prev.k === T_KW && prev.sub === KW_NOTWANT))) {
          const pw = s.slice(prev.s, prev.e)
          if (pw === '要' || pw === '不要' || pw === '别' || pw === '要求') text = pw + text
        }
        // ("豆浆两杯不加糖": the note says no sugar, so its 不 goes with it — the steward must not
        // read 加糖)
        if (text === s.slice(t.s, t.e) && t.s > 0 && NOTE_NEGATION.test(s[t.s - 1])) text = s[t.s - 1] + text
        // ("肥的不要": refused after it — the note says so)
        const next = i + 1 < b ? toks[i + 1] : null
        if (next && next.k === T_KW && (next.sub === KW_NOTWANT || next.sub === KW_CANCEL) && next.s === t.e)
          text += s.slice(next.s, next.e)
        const el = mkEl(E_N, i)
        el.text = text
        els.push(el)
        i++
        break
      }
      case T_MONEY: {
        // "钱" alone ("挂面一把钱我让儿子转给你们") is talk of paying, not a price beside an amount
        const prev = i > a ? toks[i - 1] : null
        if (prev && prev.k === T_UNIT && t.e - t.s === 1 && s.charCodeAt(t.s) === 0x94b1 /* 钱 */ && prev.canon !== '块') {
          info.price = true
          i++
          break
        }
        els.push(mkEl(E_P, i))
        info.price = true
        i++
        break
      }
      case T_FILL: {
        if (t.f & F_INTENT) {
          // 买的, 买了, 送来的: past events, not requests
          const next = i + 1 < b ? toks[i + 1] : null
          const nw = next ? s.slice(next.s, next.e) : ''
          if (!(nw === '的' || nw === '了' || nw === '过' || nw === '到')) {
            info.intent = true
            if (t.f & F_VERB) info.verb = true
            // 我要, 帮我买, 给我, "我…下单": the writer's own request; 见底了, 没了: the writer's own need
            const w = s.slice(t.s, t.e)
            if (w.includes('我') || w.includes('俺') || FIRST_PERSON.test(s.slice(Math.max(toks[a].s, t.s - 4), t.s))) info.first = true
          }
        }
        if (t.f & F_QUESTION) info.question = true
        if (t.f & F_PAST) info.past = true
        if (t.f & F_ENOUGH) info.enough = true
        if (t.f & F_OFFER) info.offer = true
        if (t.f & F_OOPS) {
          info.oops = true
          info.oopsAt = t.s
        }
        if (t.f & F_NEED) info.need = true
        if (t.f & F_LEFT) info.left = true
        if (t.f & F_COOK) {
          // "做馒头", "准备蒸馒头": only filler before the cooking verb
          let lead = true
          for (let k = a; k < i; k++) if (toks[k].k !== T_FILL) lead = false
          if (lead) info.cook = true
        }
        i++
        break
      }
      case T_OTHER:
      case T_NONGOODS:
        info.junk += t.e - t.s
        i++
        break
      default:
        i++
    }
  }
  markDescriptors(els, toks, s)
  for (const e of els) if (e.q && e.q.price) info.price = true
  return els
}

const isMeasureish = (q: Qty) => q.uk === U_MEASURE || q.uk === U_COUNT || q.uk === U_VOLUME

/** Package sizes and prices are not quantities: "1袋十斤的大米", "一盒10个那种", "5块一斤". */
/** Only 的 (or nothing) between tokens a and b: "十斤装", "一盒10个那种", "两斤的那种". */
function close(toks: Tok[], a: number, b: number): boolean {
  for (let i = a + 1; i < b; i++) if (!(toks[i].k === T_KW && toks[i].sub === KW_DE)) return false
  return true
}

function markDescriptors(els: El[], toks: Tok[], s: string): void {
  let nq = 0
  for (let i = 0; i < els.length; i++) {
    const e = els[i]
    if (e.t !== E_Q || !e.q) continue
    nq++
    const q = e.q
    const prev = i > 0 ? els[i - 1] : null
    const next = i + 1 < els.length ? els[i + 1] : null
    // (a price after a count of more than one is what that many cost — "盐2包6元", "烧饼30个45元":
    // the count is the amount bought; after one it may be a unit price, "生抽1瓶12.8元")
    if (
      (prev && prev.t === E_P && prev.sub !== P_BILL) ||
      (next && next.t === E_P && next.sub !== P_BILL && !(q.v !== null && q.v > 1 && !q.bare))
    )
      q.price = true
    // ("一只勿超过四十块就买两只": one of them and its limit, then how many)
    if (next && next.t === E_P && next.sub === P_BILL && q.v === 1 && els.slice(i + 2).some((o) => o.t === E_Q)) q.price = true
    // "十斤装的", "一盒10个那种" — not "二斤要那种宽的", where 那种 describes the noodles
    if (next && next.t === E_K && (next.sub === KW_ZHUANG || next.sub === KW_NAZHONG) && close(toks, e.te, next.ti)) q.desc = true
    if (next && next.t === E_K && next.sub === KW_SLASH) q.price = true
    // pairs of amounts: 一盒10个 / 10个一盒 / 每盒10个
    if (next && next.t === E_Q && next.q) {
      const r = next.q
      // "500g×2": a multiplier after an amount counts packages of that size
      if (r.mult && !q.mult) q.desc = true
      else if (q.uk === U_CONTAINER && (q.v === 1 || q.per) && r.unit !== q.unit && !r.mult && !r.bare) {
        r.desc = true
        q.pairA = true
      } else if (
        r.uk === U_CONTAINER &&
        // ("900g两罐", "20斤两袋": a weight written right against a count of packages is their size)
        (r.v === 1 || r.per || (toks[e.te].e === toks[next.ti].s && q.uk !== U_COUNT)) &&
        isMeasureish(q) &&
        !q.mult &&
        !q.bare
      ) {
        q.desc = true
        r.pairA = true
      }
    }
  }
  if (nq < 2) {
    for (const e of els) if (e.q && e.q.per) e.q.desc = true
    return
  }
  // "一斤白菜要5块", "一个要3块": 块 after "one 斤" (or one piece) is money; "白萝卜一个豆腐两块" is not
  let kuai: Qty | null = null
  let one: Qty | null = null
  let things = 0
  for (const e of els) {
    if (e.t === E_G) things++
    if (!e.q) continue
    // (块 that bounds the bill, "别超过三十块", "三十块以内", is money but no price of the 斤 before)
    if (e.q.unit === '块' && !e.q.mult && isBill(s, toks[e.ti].s, toks[e.te].e)) e.q.price = true
    else if (e.q.unit === '块' && !e.q.mult && one) kuai = e.q
    else if (e.q.v === 1 && (e.q.uk === U_MEASURE || e.q.uk === U_COUNT) && !one) one = e.q
  }
  if (kuai && one && things <= 1) {
    kuai.price = true
    one.price = true
  }
  // amounts that are neither package sizes nor prices nor followed by 的
  let real = 0
  for (let i = 0; i < els.length; i++) {
    const e = els[i]
    if (!e.q || e.q.desc || e.q.price || e.q.pairA) continue
    const next = i + 1 < els.length ? els[i + 1] : null
    if (next && next.t === E_K && next.sub === KW_DE && next.ti === e.te + 1) continue
    real++
  }
  for (let i = 0; i < els.length; i++) {
    const e = els[i]
    if (!e.q || e.q.desc || e.q.price) continue
    const next = i + 1 < els.length ? els[i + 1] : null
    // "1袋十斤的大米": with another amount present, the one before 的 is the package size
    if (real > 0 && next && next.t === E_K && next.sub === KW_DE && next.ti === e.te + 1) e.q.desc = true
    if (real > 0 && e.q.pairA) e.q.desc = true
    if (e.q.per) e.q.desc = true
  }
}

export const usable = (q: Qty | null): q is Qty => q !== null && !q.desc && !q.price

/** Whether offset `at` is inside an open bracket: "（…", "(…" with no close before `at`. */
function inBracket(s: string, at: number): boolean {
  const before = s.slice(Math.max(0, at - 40), at)
  return Math.max(before.lastIndexOf('('), before.lastIndexOf('（')) > Math.max(before.lastIndexOf(')'), before.lastIndexOf('）'))
}

/** A letter that turns a note round when written right before it: 不加糖, 免辣, 唔要冰. */
const NOTE_NEGATION = /[不别免唔冇没勿莫嫑覅]/
