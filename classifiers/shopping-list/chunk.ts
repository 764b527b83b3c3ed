// Reading one chunk (the text between two separators): pair its names and amounts into items,
// and read the function words that change what they mean — substitutes (没有X换Y, X或者Y),
// corrections (改成), removals (不要了) and notes that belong to the item before.
import type { ItemOp } from './types.ts'
import { Tok } from './tokens.ts'
import { E_G, E_Q, E_K, E_N, usable, type El, type Qty, type Span, type ChunkInfo } from './elements.ts'
import { GOODS_KINDS } from './goods-kinds.ts'
import {
  T_UNK,
  T_NOTE,
  T_KW,
  T_FILL,
  T_NUM,
  T_UNIT,
  T_SEP,
  T_GOODS,
  T_NONGOODS,
  T_OTHER,
  KW_SAME,
  KW_COND,
  KW_SWAP,
  KW_SWITCH,
  KW_OK,
  KW_CANCEL,
  KW_NOTWANT,
  KW_OR,
  KW_SET,
  KW_GE,
  KW_DE,
  KW_ZHUANG,
  KW_NAZHONG,
  KW_SLASH,
  U_COUNT,
  F_OOPS,
  F_VERB,
  F_INTENT,
  SP_SPACE,
} from './kinds.ts'
export interface PItem {
  name: string
  qty: number | null
  unit: string | null
  alternatives: string[]
  note: string | null
  op: ItemOp
  replaces: string | null
  med: boolean
  weak: boolean
  generic: boolean
  unk: boolean
  fallback: boolean
  garbage: boolean
  brandOnly: boolean
  brandNote: boolean // "要皇家的": a brand wish for the item before
  kindNote: boolean // "方便面一箱康师傅红烧牛肉的": which one, for the item with an amount before
  fromEach: boolean // its amount is a heading's ("以下都是两包："): its own, said after it, wins
  hasQty: boolean
  bareQty: boolean // the amount has no unit and no x ("土豆 3")
  chunk: number
  lineStart: boolean // the name's chunk starts a line (or the message)
  heading: boolean // the name that ends a line before a colon, with no amount: "鱼：⏎鲫鱼 两条⏎草鱼 1条" heads the lines under it
  wholeChunk: boolean // the name is all its chunk says
  notAmount: boolean // a removal of an amount, not of the item ("鸡蛋唔要一盒啦"): the next amount replaces it
  touched: boolean // a later correction changed it
  kind: number // goods kind of its head word, 0 when unknown
  kinds: number // every goods kind among its words, as bits
  absorbed: boolean // the order that a need before it ("奶粉快没了") was about
  dish: boolean // named right after a cooking verb: the dish, not a thing to buy
  fewUnit: string | null // "葱 几根": a few, in this unit, with no number
  start: number // offsets of the name in the text (-1 when not one span)
  end: number
}

export interface ChunkOut {
  items: PItem[]
  qtyOnly: Qty | null
  qtyOnlyDescOnly: boolean
  geQty: Qty | null
  geSpread: boolean // 各 with a single name before it: spread back to earlier chunks
  altRefs: string[]
  alts: string[]
  altNeedTarget: boolean
  cancelPrev: boolean
  setPrev: Qty | null
  notePrev: string | null
}

function newOut(): ChunkOut {
  return {
    items: [],
    qtyOnly: null,
    qtyOnlyDescOnly: false,
    geQty: null,
    geSpread: false,
    altRefs: [],
    alts: [],
    altNeedTarget: false,
    cancelPrev: false,
    setPrev: null,
    notePrev: null,
  }
}

export function emptyItem(name: string, chunk: number): PItem {
  return {
    name,
    qty: null,
    unit: null,
    alternatives: [],
    note: null,
    op: 'add',
    replaces: null,
    med: false,
    weak: false,
    generic: false,
    unk: false,
    fallback: false,
    garbage: false,
    brandOnly: false,
    brandNote: false,
    kindNote: false,
    fromEach: false,
    hasQty: false,
    bareQty: false,
    chunk,
    lineStart: false,
    heading: false,
    wholeChunk: false,
    notAmount: false,
    touched: false,
    kind: 0,
    kinds: 0,
    absorbed: false,
    dish: false,
    fewUnit: null,
    start: -1,
    end: -1,
  }
}

export function setQty(it: PItem, q: Qty): void {
  it.qty = q.v
  it.unit = q.unit
  it.hasQty = true
  it.bareQty = q.bare
}

/** The amount of one item given to another (a kind, a filling, a replacement said with it). */
export function takeAmount(to: PItem, from: PItem): void {
  to.qty = from.qty
  to.unit = from.unit
  to.hasQty = true
  to.bareQty = from.bareQty
}

/** A note added after the item's notes so far. */
export function addNote(it: PItem, note: string): void {
  it.note = it.note ? it.note + ' ' + note : note
}

function toItem(g: Span, chunk: number): PItem {
  const it = emptyItem(g.name, chunk)
  it.med = g.med
  it.weak = g.weak
  it.generic = g.generic
  it.unk = g.unk
  it.fallback = g.fallback
  it.garbage = g.garbage
  it.brandOnly = g.brandOnly
  it.kind = g.kind
  it.kinds = g.kinds
  it.dish = g.dish
  if (g.qty) setQty(it, g.qty)
  return it
}

/** Does the amount starting at token ti follow span g directly ("土豆3斤")? */
function adjacentAfter(g: Span, ti: number): boolean {
  return g.tb === ti
}

/**
 * els[k] is a brand or a name the lexicon does not know; when 的 and a product follow it directly,
 * the product is the item, named with the brand ("网易严选猫粮"), and the brand span goes.
 * Returns the index of the span that takes the amount.
 */
function brandOfProduct(toks: Tok[], els: El[], k: number): number {
  const g = els[k].g!
  if (!(g.fallback || g.brandOnly) || k + 2 >= els.length) return k
  const de = els[k + 1]
  const p = els[k + 2]
  if (de.t !== E_K || de.sub !== KW_DE || de.ti !== g.tb || p.t !== E_G || p.ti !== de.te + 1) return k
  const pg = p.g!
  if (!pg.goods || pg.fallback || pg.brandOnly || pg.med || pg.qty !== null || pg.dish) return k
  pg.name = g.name + pg.name
  g.garbage = true
  return k + 2
}

/** Is span els[k] a goods name of two letters or more ("面的" is mealy) with no amount that 的 joins to the goods name right after it? */
function modifiesNext(els: El[], k: number): boolean {
  const g = els[k].g!
  const de = els[k + 1]
  const p = els[k + 2]
  if (!g.goods || g.fallback || g.brandOnly || g.med || g.qty !== null || g.name.length < 2 || !de || !p) return false
  if (de.t !== E_K || de.sub !== KW_DE || de.ti !== g.tb || p.t !== E_G || p.ti !== de.te + 1) return false
  return p.g!.goods && !p.g!.med && !p.g!.fallback && !p.g!.generic
}

/** Counters that count goods, not people, animals, videos or messages: "一块老腊排" is an order. */
const GOODS_COUNTERS = new Set(['块', '根', '把', '颗', '棵', '串', '捆', '瓣', '节', '头', '片', '株', '穗', '盘', '碗'])

/** Only one buying verb between span g and token ti: "黏豆包来两袋", "柿饼要三个". */
function verbBetween(toks: Tok[], g: Span, ti: number): boolean {
  if (g.tb + 1 !== ti) return false
  const t = toks[g.tb]
  return t.k === T_FILL && (t.f & F_VERB) !== 0 && t.e - t.s === 1 && t.s === toks[g.tb - 1].e && t.e === toks[ti].s
}

/** Does span g follow amount q directly, or after one 的 ("两斤的土豆")? */
function adjacentBefore(toks: Tok[], q: El, g: Span): boolean {
  if (q.te + 1 === g.ta) return true
  const mid = toks[q.te + 1]
  return q.te + 2 === g.ta && mid !== undefined && mid.k === T_KW && mid.sub === KW_DE
}

/**
 * Is the token right before toks[ti] a verb that asks for goods ("再买", "再来", "捎"), with nothing
 * between? Not one that takes people and plans as well: "带两个细伢子", "搞个联欢", "拿个羊肚子也行"
 * (a substitute), nor 整 with no number, "整个火锅" (a whole hotpot, a meal to make).
 */
function askedRightBefore(s: string, toks: Tok[], ti: number): boolean {
  const t = ti > 0 ? toks[ti - 1] : undefined
  if (t === undefined || (t.f & F_INTENT) === 0 || t.e !== toks[ti].s || (t.k !== T_SEP && t.k !== T_FILL)) return false
  const verb = s.slice(t.s, t.e)
  return !NOT_ONLY_GOODS.test(verb) && !(verb.endsWith('整') && toks[ti].s === toks[ti].e)
}
const NOT_ONLY_GOODS = /[带搞拿]$/

/** Does the clause of toks[ta] open by adding something ("，还要点青菜的", "再来个大的")? */
function addsBefore(toks: Tok[], ta: number): boolean {
  let i = ta - 1
  while (i >= 0 && toks[i].k !== T_SEP) i--
  return i >= 0 && (toks[i].f & F_INTENT) !== 0
}

/** Pair the goods spans and amounts of els[from..to) into items. */
function pairRange(s: string, toks: Tok[], els: El[], from: number, to: number, chunk: number, out: ChunkOut, op: ItemOp = 'add'): PItem[] {
  const gIdx: number[] = []
  let firstKind = 0
  for (let i = from; i < to; i++) {
    const e = els[i]
    if (e.t === E_G) {
      gIdx.push(i)
      if (!firstKind && !e.g!.fallback) firstKind = E_G
    } else if (e.t === E_Q && usable(e.q)) {
      if (!firstKind) firstKind = E_Q
    }
  }
  for (const gi of gIdx) els[gi].g!.qty = null
  // a dish takes no amount: "中筋面粉…想做葱油饼 一斤左右" is a pound of flour
  const pre = firstKind === E_Q
  let loose: Qty | null = null
  let lastSet = -1
  let lastSetAt = -1
  let looseDescOnly = true
  let sawQ = false
  for (let i = from; i < to; i++) {
    const e = els[i]
    if (e.t !== E_Q || !e.q) continue
    sawQ = true
    if (!usable(e.q)) continue
    looseDescOnly = false
    const q = e.q
    if (i > from && els[i - 1].t === E_K && els[i - 1].sub === KW_GE) q.ge = true
    if (q.ge) {
      // 西红柿黄瓜各2斤: every name before it without an amount
      let named = 0
      for (const gi of gIdx)
        if (gi < i && els[gi].g!.qty === null && !els[gi].g!.fallback && !els[gi].g!.generic) {
          els[gi].g!.qty = q
          named++
        }
      // "都是一斤的…菠菜黄豆芽胡萝卜": with no name before it, the amount is for the names after it
      if (named === 0)
        for (const gi of gIdx)
          if (gi > i && els[gi].g!.qty === null && !els[gi].g!.fallback && !els[gi].g!.generic && !els[gi].g!.dish) {
            els[gi].g!.qty = q
            named++
          }
      if (!out.geQty) {
        out.geQty = q
        out.geSpread = named <= 1
      }
      continue
    }
    // the name written right next to the amount wins: "两袋米", "土豆3斤"
    let before = -1
    let after = -1
    for (const gi of gIdx) {
      const g = els[gi].g!
      if (g.qty !== null || g.dish) continue
      if (gi < i && (adjacentAfter(g, e.ti) || verbBetween(toks, g, e.ti))) before = gi
      // "一个视频", "一只橘猫": a general counter before an unknown word is a sentence, not an order
      // ("一块老腊排", "两根山药棍": a counter that only goods take is one)
      // ("再买一个东瓜", "再来两个白薯": a verb asking for goods right before the amount makes it one)
      if (
        gi > i &&
        after < 0 &&
        adjacentBefore(toks, e, g) &&
        !(g.fallback && q.uk === U_COUNT && !GOODS_COUNTERS.has(q.unit ?? '') && !askedRightBefore(s, toks, e.ti))
      )
        after = gi
    }
    // The name written right next to the amount wins ("两袋米", "土豆3斤") — but a chunk keeps the
    // order it started in: after "卷心菜要一颗", the next "胡萝卜要三根" is name-then-amount again,
    // so in a chunk that opened with a name, an amount first goes back to a name still waiting.
    let target = before >= 0 && after >= 0 ? (pre ? after : before) : before >= 0 ? before : -1
    if (target < 0 && after >= 0) target = pre || !waitingBefore(els, gIdx, i) ? after : -1
    if (target < 0) {
      // otherwise the nearest goods name in the reading direction ("土豆要3斤")
      const ok = (gi: number) => els[gi].g!.qty === null && !els[gi].g!.fallback && !els[gi].g!.dish
      if (pre) {
        for (const gi of gIdx)
          if (gi > i && ok(gi)) {
            target = gi
            break
          }
        if (target < 0)
          for (let k = gIdx.length - 1; k >= 0; k--)
            if (gIdx[k] < i && ok(gIdx[k])) {
              target = gIdx[k]
              break
            }
      } else {
        for (let k = gIdx.length - 1; k >= 0; k--)
          if (gIdx[k] < i && ok(gIdx[k])) {
            target = gIdx[k]
            break
          }
        if (target < 0)
          for (const gi of gIdx)
            if (gi > i && ok(gi)) {
              target = gi
              break
            }
      }
    }
    // "尖椒两斤不对是两根": an amount after an oops, with no name of its own, replaces the one before it
    if (target < 0 && lastSet >= 0 && oopsBetween(toks, lastSetAt, e.ti)) {
      els[lastSet].g!.qty = q
      continue
    }
    // "一袋网易严选的猫粮", "一罐爱他美的奶粉": a brand or unknown name, 的, then the product — one item
    if (target >= 0 && target > i) target = brandOfProduct(toks, els, target)
    if (target >= 0) {
      els[target].g!.qty = q
      lastSet = target
      lastSetAt = e.te
    } else if (!loose) loose = q
  }
  // "鸡蛋再加一盒我是老李": an amount no name takes, beside only unknown words that take none, is
  // the amount of the item before (unknown words with no amount are never items)
  if (loose && gIdx.length && gIdx.every((gi) => els[gi].g!.fallback && els[gi].g!.qty === null)) gIdx.length = 0
  if (gIdx.length === 0) {
    if (loose && !out.qtyOnly) out.qtyOnly = loose
    if (sawQ && looseDescOnly) out.qtyOnlyDescOnly = true
    return []
  }
  const items: PItem[] = []
  const kept: number[] = []
  let modifier = ''
  for (const gi of gIdx) {
    const g = els[gi].g!
    // "草莓的酸奶两盒", "热干面的碱面两斤": a goods name with no amount, 的, then another — the
    // first says which one, or what it is for (a note), and is no item of its own
    if (modifiesNext(els, gi)) {
      modifier = g.name + '的'
      continue
    }
    const it = toItem(g, chunk)
    kept.push(gi)
    if (modifier) it.note = modifier
    modifier = ''
    it.op = op
    it.start = toks[g.ta].s
    it.end = toks[g.tb - 1].e
    const nt = toks[g.tb]
    if (g.brandOnly && !g.qty && !g.garbage && nt && nt.k === T_KW && nt.sub === KW_DE) it.brandNote = true
    // a name and 的 that close a clause, with no amount of their own ("要桥头的", "老坛酸菜的")
    let after = g.tb + 1
    while (after < toks.length && toks[after].k === T_FILL && !(toks[after].f & (F_VERB | F_INTENT))) after++
    if (!g.qty && nt && nt.k === T_KW && nt.sub === KW_DE && (after === toks.length || toks[after].k === T_SEP) && !addsBefore(toks, g.ta))
      it.kindNote = true
    items.push(it)
  }
  // notes go to the nearest name before them (or the first)
  for (let i = from; i < to; i++) {
    const e = els[i]
    if (e.t !== E_N) continue
    let best = 0
    for (let k = 0; k < kept.length; k++) if (kept[k] < i) best = k
    const it = items[best]
    if (it) addNote(it, e.text)
  }
  return items
}

/** Does the next chunk, across a space, open with 各 ("黄瓜/西红柿 各要三根")? */
function geNext(toks: Tok[], b: number): boolean {
  return b + 1 < toks.length && toks[b].k === T_SEP && toks[b].sub === SP_SPACE && toks[b + 1].k === T_KW && toks[b + 1].sub === KW_GE
}

/** An oops word (不对, 说错了) between tokens a and b. */
function oopsBetween(toks: Tok[], a: number, b: number): boolean {
  for (let i = a + 1; i < b; i++) if (toks[i].k === T_FILL && toks[i].f & F_OOPS) return true
  return false
}

/**
 * Only filler, an amount, a note or 的 between tokens a and b (exclusive): "可乐一箱 … 不要了"
 * reaches the cola; "橘子两斤如果太贵了就算了" does not reach the tangerines.
 */
/** After goods written on together: words that close them as a list of their own. */
const RUN_CLOSED = /^(?:这些|这类|之类|这种|那些|啥的|什么的|等)/
/** Are the goods elements from..to (inclusive) each one seasoning of one character (葱, 姜, 蒜)? */
function allSingle(toks: Tok[], els: El[], from: number, to: number): boolean {
  for (let i = from; i <= to; i++)
    if (toks[els[i].te].e - toks[els[i].ti].s !== 1 || (els[i].g!.kind !== PRODUCE && els[i].g!.kind !== CONDIMENTS)) return false
  return true
}
/**
 * "别买香蕉葡萄": goods written together at the end of the chunk, each a whole product of the same
 * kind, are each not wanted ("唔要香水柠檬" is one lemon: 香水 is not a fruit).
 */
function sameKindRun(toks: Tok[], els: El[], from: number, to: number, b: number): boolean {
  const next = els[to].te + 1
  if (next < b && toks[next].k !== T_SEP) return false
  const kind = els[from].g!.kind
  for (let i = from; i <= to; i++) {
    const g = els[i].g!
    if (g.kind === 0 || g.kind !== kind || g.generic || g.weak || g.unk || g.tb - g.ta !== 1) return false
    if (toks[g.ta].e - toks[g.ta].s < 2) return false
  }
  return true
}

/** 不要 / 别买 / 勿要 …: a refusal of the thing itself (not "别放辣", a remark about how). */
function refuses(s: string, t: Tok): boolean {
  return /^(?:不要|别买|不买|别要|勿要|唔要|莫要|莫买|不用买|别拿|不需要)$/.test(s.slice(t.s, t.e))
}

/** After els[k]: an amount, a note or a kind closed by 的 ("不要青的一串", "莫要太老的") — which one, not whether. */
function saysWhichAfter(s: string, toks: Tok[], els: El[], k: number, b: number): boolean {
  for (let i = k + 1; i < els.length; i++) if (els[i].t === E_Q || els[i].t === E_N) return true
  for (let i = els[k].te + 1; i < b; i++) {
    const t = toks[i]
    if (t.k === T_NOTE || (t.k === T_KW && t.sub === KW_DE) || (t.k === T_FILL && /^[的嘅额]/.test(s.slice(t.s, t.e)))) return true
  }
  return false
}

/**
 * After token a in the chunk: a number, a counter or a kind closed by 的 ("不要3段", "唔要蒸嘅") —
 * which one, not whether.
 */
function specAfter(toks: Tok[], a: number, b: number): boolean {
  for (let i = a + 1; i < b; i++) {
    const t = toks[i]
    // (or how it is packed or of which kind: "不要盒装的", "不要那种散装的")
    if (t.k === T_NUM || t.k === T_OTHER || (t.k === T_KW && (t.sub === KW_DE || t.sub === KW_ZHUANG || t.sub === KW_NAZHONG))) return true
  }
  return false
}

/** A goods name before els[k] in the chunk. */
function anyGBefore(els: El[], k: number): boolean {
  for (let i = 0; i < k; i++) if (els[i].t === E_G && els[i].g!.goods) return true
  return false
}

/** A goods name after els[k] in the chunk. */
function goodsAfter(els: El[], k: number): boolean {
  for (let i = k + 1; i < els.length; i++) if (els[i].t === E_G && els[i].g!.goods) return true
  return false
}

/**
 * The goods name just before els[k] when it has no amount and only a few words stand between
 * them ("葡萄太贵了不要"), and it is the chunk's only goods name before k; else -1.
 */
function bareNameBefore(s: string, toks: Tok[], els: El[], k: number): number {
  if (k === 0 || els[k - 1].t !== E_G || !els[k - 1].g!.goods || els[k - 1].g!.med) return -1
  for (let i = 0; i < k - 1; i++) if (els[i].t === E_G && els[i].g!.goods) return -1
  const g = els[k - 1]
  let between = 0
  for (let i = g.te + 1; i < els[k].ti; i++) {
    const t = toks[i]
    if (t.k !== T_FILL && t.k !== T_UNK) return -1
    between += t.e - t.s
  }
  return between <= 4 ? k - 1 : -1
}

const PRODUCE = 1 + GOODS_KINDS.indexOf('produce')
const CONDIMENTS = 1 + GOODS_KINDS.indexOf('condiments')

function reaches(toks: Tok[], a: number, b: number, s = ''): boolean {
  for (let i = a + 1; i < b; i++) {
    const t = toks[i]
    if (t.k === T_FILL || t.k === T_NUM || t.k === T_UNIT || t.k === T_NOTE) continue
    if (t.k === T_KW && t.sub === KW_DE) continue
    // (given the text: a bare 就 right after the name, before what refuses it, "苹果就覅了",
    // "花胶就唔好啦" — not after a condition, "拖鞋不方便买就skip")
    if (s && i === a + 1 && t.k === T_KW && t.sub === KW_SWITCH && s.slice(t.s, t.e) === '就') continue
    return false
  }
  return true
}

/** Right before token ti: a kind closed by 的 ("肥的", "大号额", "冷冻嘅"), with no goods name in it. */
function kindBefore(s: string, toks: Tok[], ti: number): boolean {
  const p = ti > 0 ? toks[ti - 1] : null
  if (!p || p.k === T_SEP) return false
  if (p.k === T_NOTE) return /[的额嘅]$/.test(s.slice(p.s, p.e))
  // (客家, 粤 个 for 的 after a describing word: "幼个毋爱", "细个唔要")
  const geAsDe = p.k === T_UNIT && s.slice(p.s, p.e) === '个' && ti > 1 && toks[ti - 2].k === T_UNK && toks[ti - 2].e === p.s
  if (!((p.k === T_KW && p.sub === KW_DE) || (p.k === T_FILL && /^[额嘅]$/.test(s.slice(p.s, p.e))) || geAsDe)) return false
  const q = ti > 1 ? toks[ti - 2] : null
  return q !== null && q.k !== T_SEP && q.k !== T_GOODS && q.k !== T_NUM && q.k !== T_UNIT
}

/** Cancel words that, right after an amount, settle on it: 算了, 就算了, 得了. */
const SETTLED_BY = /^(?:就)?(?:算了|得了)$/

/** The goods name nearest before els[k] that reaches it, or -1. */
function nameBefore(toks: Tok[], els: El[], k: number, s = ''): number {
  for (let i = k - 1; i >= 0; i--) {
    const e = els[i]
    if (e.t === E_G) return e.g!.goods && !e.g!.med && reaches(toks, e.te, els[k].ti, s) ? i : -1
  }
  return -1
}

/**
 * Is what toks[ti] refuses something that is not goods, named right before it ("甜的物件拢毋通买",
 * "孩子的零花钱别给")? Not a reason said before it: "伊血压高覅买" refuses the wine.
 */
function otherThingBefore(toks: Tok[], ti: number): boolean {
  for (let i = ti - 1; i >= Math.max(0, ti - 2); i--) {
    if (toks[i].k === T_NONGOODS) return true
    if (toks[i].k !== T_KW) return false
  }
  return false
}

/**
 * A chunk with 不要 / 不要了 / 删掉 / 算了: each removes the one name it belongs to — the name
 * right after 不要 ("不要鸡蛋"), or the name just before ("鸡蛋不要了") when nothing else stands
 * between them — and the other names of the chunk are read as usual ("苹果三斤不要面的香蕉一串").
 * "不要太熟的" is a wish about the item (a note), "不要超了" a remark (nothing), "唔要一盒" takes
 * back an amount.
 */
function readRemovals(s: string, toks: Tok[], b: number, els: El[], chunk: number, info: ChunkInfo, out: ChunkOut): ChunkOut {
  const n = els.length
  const removed = new Set<number>()
  const notAmount = new Set<number>()
  const reset = new Map<number, Qty>()
  let anyG = false
  for (let i = 0; i < n; i++) if (els[i].t === E_G && els[i].g!.goods) anyG = true
  const same = new Set<number>()
  const flavour = new Set<number>()
  for (let k = 0; k < n; k++) {
    const e = els[k]
    if (e.t === E_K && e.sub === KW_SAME) {
      // "西红柿不变": the item stands as ordered; it is not ordered again
      const g = nameBefore(toks, els, k)
      if (g >= 0) same.add(g)
      continue
    }
    if (e.t !== E_K || (e.sub !== KW_CANCEL && e.sub !== KW_NOTWANT)) continue
    const nx = k + 1 < n ? els[k + 1] : null
    if (e.sub === KW_NOTWANT && nx) {
      if (nx.t === E_G && nx.g!.goods && reaches(toks, e.te, nx.ti)) {
        // "鲈鱼不要虾要一斤": a bare name right before 不要 and an amount after the name that
        // follows it — the one not wanted is the bare one; nobody gives an amount of what they refuse
        const pv = k > 0 ? els[k - 1] : null
        const after = k + 2 < n ? els[k + 2] : null
        if (
          pv !== null &&
          pv.t === E_G &&
          pv.g!.goods &&
          pv.te + 1 === e.ti &&
          after !== null &&
          after.t === E_Q &&
          usable(after.q) &&
          reaches(toks, nx.te, after.ti)
        ) {
          removed.add(k - 1)
          info.intent = true
          continue
        }
        // "不要鱼肉味的": a flavour not wanted is a wish about the item before, not a product
        let f = k + 1
        while (f + 1 < n && els[f + 1].t === E_G && els[f + 1].ti === els[f].te + 1) f++
        if (els[f].g!.name.endsWith('味') && !goodsAfter(els, f)) {
          for (let i = k + 1; i <= f; i++) flavour.add(i)
          if (!anyGBefore(els, k)) out.notePrev = s.slice(toks[e.ti].s, toks[b - 1].e)
          continue
        }
        removed.add(k + 1)
        // "不要葱蒜", "莫买腊肉咸菜这些": the goods written on together after it are all not wanted —
        // when they are single seasonings or the run is closed as a list ("这些", "之类"); "不要肉鸡",
        // "唔要香水柠檬" name one kind of the thing
        let j = k + 1
        while (j + 1 < n && els[j + 1].t === E_G && els[j + 1].g!.goods && els[j + 1].ti === els[j].te + 1) j++
        if (
          j > k + 1 &&
          (RUN_CLOSED.test(s.slice(toks[els[j].te].e, toks[els[j].te].e + 4)) ||
            allSingle(toks, els, k + 1, j) ||
            sameKindRun(toks, els, k + 1, j, b))
        )
          for (let i = k + 2; i <= j; i++) removed.add(i)
        info.intent = true
        continue
      }
      if (nx.t === E_N) {
        // 不要太肥的: a note on the item before (or, alone in its chunk, on the item just said)
        if (!anyG) out.notePrev = nx.text.startsWith('不要') ? nx.text : '不要' + nx.text
        continue
      }
      if (nx.t === E_Q && usable(nx.q)) {
        const g = nameBefore(toks, els, k)
        // "苹果不要五斤了要三斤", "二荆条不要10斤了要15斤": the amount taken back, then in the same
        // breath the new one — a change of amount, not a removal
        const m = g >= 0 ? newAmountAfter(els, k + 1) : -1
        if (m >= 0) {
          reset.set(g, els[m].q!)
          info.intent = true
          continue
        }
        if (g >= 0) {
          removed.add(g)
          notAmount.add(g)
          info.intent = true
        }
        continue
      }
    }
    // at the end of what it says: the name just before it ("鸡蛋不要了", "挂面就算了")
    let words = false
    for (let i = e.te + 1; i < (nx ? nx.ti : b); i++) if (toks[i].k === T_UNK) words = true
    // "雪糕别买化了", "葡萄太贵了不要": the one bare name of the chunk, right before a refusal to buy
    // it (with at most a short reason between them), is not wanted, whatever is said after
    const bare = bareNameBefore(s, toks, els, k)
    if (bare >= 0 && refuses(s, toks[e.ti]) && !goodsAfter(els, k) && !saysWhichAfter(s, toks, els, k, b)) {
      removed.add(bare)
      info.intent = true
      continue
    }
    if (e.sub === KW_NOTWANT && (words || (nx && nx.t !== E_K))) {
      // "不要超了", "别放辣": a remark about how, not a removal
      if (!anyG && words) out.notePrev = s.slice(toks[e.ti].s, toks[b - 1].e)
      continue
    }
    const named = nameBefore(toks, els, k, s)
    // ("洋芋莫要那种发了芽的", "土豆不要那种太小的": 不要 and which kind — 那种 … 的 — after the thing is
    // a wish about it; the thing stays ordered)
    if (e.sub === KW_NOTWANT && named >= 0 && nx && nx.t === E_K && nx.sub === KW_NAZHONG && specAfter(toks, e.te, b)) continue
    // ("土豆三斤算了", "米豆腐还是两斤算了": 算了 right after an amount settles on it — "let it be
    // that much" — it takes nothing off; but "葱要一把算了葱要两把" takes the amount back, the
    // thing named again)
    const prevTok = e.ti > 0 ? toks[e.ti - 1] : null
    const namedAgain = named >= 0 && k + 1 < n && els[k + 1].t === E_G && els[k + 1].g!.name === els[named].g!.name
    if (
      e.sub === KW_CANCEL &&
      prevTok &&
      (prevTok.k === T_UNIT || prevTok.k === T_NUM) &&
      SETTLED_BY.test(s.slice(toks[e.ti].s, toks[e.te].e)) &&
      !namedAgain
    )
      continue
    // ("猪肉一斤半要瘦的那个肥的不要": a kind closed by 的 right before the refusal is the kind
    // refused, not the thing named further back — "鱼味的莫买" refuses the flavour it names)
    const g = named >= 0 && els[named].te < e.ti - 2 && kindBefore(s, toks, e.ti) ? -1 : named
    if (g >= 0) {
      removed.add(g)
      info.intent = true
    } else if (!anyG && kindBefore(s, toks, e.ti)) {
      // "肥的不要", "大号额勿要": which kind is not wanted — a wish about the item, not its removal
      let a = e.ti - 1
      while (a > 0 && toks[a - 1].k !== T_SEP) a--
      out.notePrev = s.slice(toks[a].s, toks[e.te].e)
    } else if (!anyG && !(e.sub === KW_NOTWANT && specAfter(toks, e.te, b)) && !otherThingBefore(toks, e.ti)) {
      // ("不要3段", "唔要蒸嘅": which one it is not, a wish about the item, not its removal)
      // ("甜的物件拢毋通买": what is refused is named, and it is not the item before)
      out.cancelPrev = true
      info.intent = true
    }
  }
  const items = pairRange(s, toks, els, 0, n, chunk, out)
  const keep: PItem[] = []
  let j = 0
  for (let i = 0; i < n; i++) {
    if (els[i].t !== E_G) continue
    const it = items[j++]
    if (!it || same.has(i) || flavour.has(i)) continue
    keep.push(it)
    const q = reset.get(i)
    if (q) {
      it.op = 'set'
      setQty(it, q)
    }
    if (!removed.has(i)) continue
    it.op = 'remove'
    if (notAmount.has(i)) it.notAmount = true
  }
  if (removed.size || reset.size) out.qtyOnly = null
  out.items = keep
  return out
}

/**
 * After "不要五斤" (els[from] the amount taken back): the next amount in the chunk, with no other
 * thing named before it ("了要三斤", "了，要15斤"), or -1.
 */
function newAmountAfter(els: El[], from: number): number {
  for (let i = from + 1; i < els.length; i++) {
    if (els[i].t === E_G) return -1
    if (els[i].t === E_Q && usable(els[i].q)) return i
  }
  return -1
}

/** 拿, 用: what follows, before 换, is given in exchange ("拿我多的冬瓜换"). */
function isGiveVerb(s: string, t: Tok): boolean {
  if (t.k !== T_FILL && t.k !== T_KW) return false
  const w = s.slice(t.s, t.e)
  return w === '拿' || w === '用' || w === '拿我' || w === '用我' || w === '我拿' || w === '我用'
}

/** The last goods name in els[from..to), or -1. */
function lastG(els: El[], from: number, to: number): number {
  for (let i = to - 1; i >= from; i--) if (els[i].t === E_G && els[i].g!.goods && !els[i].g!.med) return i
  return -1
}

/**
 * A chunk with corrections: each 改成 / 换成 changes the last name before it (X) into what
 * follows it — a new amount ("改成5斤"), or a new product that takes X's place ("换成红薯",
 * with X's amount when it gives none). Items written before X are ordered as usual, and a name
 * right before the next 改成 is that correction's X ("鸡蛋改成一盒牛奶改成两箱"); after the last
 * correction, the rest of the chunk is ordered as usual ("…改成鲜面条两斤小米一斤").
 */
function readCorrections(s: string, toks: Tok[], els: El[], sets: number[], chunk: number, out: ChunkOut): PItem[] {
  const items: PItem[] = []
  let from = 0
  for (let k = 0; k < sets.length; k++) {
    const at = sets[k]
    const next = k + 1 < sets.length ? sets[k + 1] : els.length
    const x = lastG(els, from, at)
    let xItem: PItem | null = null
    if (x >= 0) {
      const left = pairRange(s, toks, els, from, x + 1, chunk, out)
      xItem = left.length ? left[left.length - 1] : null
      for (let i = 0; i < left.length - 1; i++) items.push(left[i])
    }
    // the part after 改成 that belongs to this correction: up to the next correction's name
    const nextX = k + 1 < sets.length ? lastG(els, at + 1, next) : -1
    const to = nextX >= 0 && hasG(els, at + 1, nextX) ? nextX : nextX >= 0 ? nextX : next
    const yFrom = at + 1
    if (hasG(els, yFrom, to)) {
      const right = pairRange(s, toks, els, yFrom, to, chunk, out)
      const y = right[0]
      y.op = 'set'
      if (xItem) {
        y.replaces = xItem.name
        if (!y.hasQty && xItem.hasQty) {
          takeAmount(y, xItem)
        }
      }
      items.push(y)
      for (let i = 1; i < right.length; i++) items.push(right[i])
    } else if (xItem) {
      const q = firstUsableQ(els, yFrom, to)
      xItem.op = 'set'
      if (q) setQty(xItem, q)
      items.push(xItem)
    }
    from = to
  }
  out.qtyOnly = null
  return items
}

/** Is there a goods name before els[i] in this chunk that has no amount yet? */
function waitingBefore(els: El[], gIdx: number[], i: number): boolean {
  for (const gi of gIdx) if (gi < i && els[gi].g!.qty === null && !els[gi].g!.fallback && !els[gi].g!.garbage) return true
  return false
}

/** After 没有: a name, a verb that takes (拿, 买, 要, 来, 整, 用), and another name, with no amount. */
function takeInstead(s: string, toks: Tok[], els: El[], from: number, n: number): boolean {
  if (from + 1 >= n || els[from].t !== E_G || els[from + 1].t !== E_G || firstUsableQ(els, from, n)) return false
  const a = els[from].g,
    b = els[from + 1].g
  if (!a || !b || !a.goods || !b.goods || a.med || b.med) return false
  return TAKE_VERB.test(s.slice(toks[els[from].te].e, toks[els[from + 1].ti].s))
}
const TAKE_VERB = /^\s*(?:就|便)?(?:拿|买|要|来|整|用|搞|换)(?:点|些|个)?\s*$/

function goodsNames(els: El[], from: number, to: number): string[] {
  const out: string[] = []
  for (let i = from; i < to; i++) {
    const g = els[i].g
    if (els[i].t === E_G && g && !g.med && !g.garbage && g.goods) out.push(g.name)
  }
  return out
}

/**
 * The first element from `from` on, if it is a usable amount with no name before it, followed
 * directly by a goods name that has its own amount right after it ("一袋猫砂两包"): the amount then
 * belongs to something before. Returns its index, or -1.
 */
function amountBeforeCounted(els: El[], from: number, to: number): number {
  let i = from
  while (i < to && els[i].t !== E_Q && els[i].t !== E_G) i++
  if (i + 2 >= to || els[i].t !== E_Q || !usable(els[i].q)) return -1
  const g = els[i + 1]
  const q = els[i + 2]
  if (g.t !== E_G || g.ti !== els[i].te + 1 || g.g!.fallback || q.t !== E_Q || !usable(q.q) || q.ti !== g.te + 1) return -1
  return i
}

function findK(els: El[], from: number, to: number, sub: number): number {
  for (let i = from; i < to; i++) if (els[i].t === E_K && els[i].sub === sub) return i
  return -1
}

function hasG(els: El[], from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (els[i].t === E_G && els[i].g!.goods) return true
  return false
}

function firstUsableQ(els: El[], from: number, to: number): Qty | null {
  for (let i = from; i < to; i++) if (els[i].t === E_Q && usable(els[i].q)) return els[i].q
  return null
}

export function readChunk(s: string, toks: Tok[], b: number, els: El[], chunk: number, info: ChunkInfo): ChunkOut {
  const out = newOut()
  const n = els.length
  // substitutions: 没有X(可以)换Y / X没有就要Y / 没有的话Y也行 / 没有就算了
  const cond = findK(els, 0, n, KW_COND)
  if (cond >= 0) {
    info.intent = true
    info.cond = true
    // "辅食没了": running out of the name before it
    if (cond > 0 && els[cond - 1].t === E_G && els[cond - 1].te + 1 === els[cond].ti) info.need = true
    // "都没油了要一桶花生油…": 没X了 is a need, said before the order; the chunk is read as usual
    const g = cond + 1 < n && els[cond + 1].t === E_G ? els[cond + 1] : null
    const after = g ? toks[g.te + 1] : undefined
    if (g && after && after.k === T_FILL && /^[了啦喇咯]$/.test(s.slice(after.s, after.e)) && firstUsableQ(els, cond + 2, n)) {
      out.items = pairRange(s, toks, els, 0, n, chunk, out)
      return out
    }
    out.items = pairRange(s, toks, els, 0, cond, chunk, out)
    const from = cond + 1
    // "垃圾袋冇得哒也要两卷", "兔子粮没了帮我带一袋": what ran out, then how much of it to bring
    const last = out.items.length ? out.items[out.items.length - 1] : null
    if (info.need && last && !last.hasQty && !last.fallback && !hasG(els, from, n) && findK(els, from, n, KW_CANCEL) < 0) {
      const q = firstUsableQ(els, from, n)
      if (q) {
        setQty(last, q)
        return out
      }
    }
    // "猫粮没了帮买一袋猫砂两包": how much of it, then the next thing with its own amount after it
    const q1 = info.need && last && !last.hasQty && !last.fallback ? amountBeforeCounted(els, from, n) : -1
    if (q1 >= 0 && last) {
      setQty(last, els[q1].q!)
      for (const it of pairRange(s, toks, els, q1 + 1, n, chunk, out)) out.items.push(it)
      return out
    }
    if (findK(els, from, n, KW_CANCEL) >= 0 || findK(els, from, n, KW_NOTWANT) >= 0) {
      // "鲜肉买不到就算了": a name with no amount before 没有…就算了 is what the condition is about,
      // not a thing to buy (one already listed is still matched by its name)
      out.items = out.items.filter((it) => it.hasQty)
      return out
    }
    let sw = -1
    for (let i = from; i < n; i++) {
      const e = els[i]
      if (e.t === E_K && (e.sub === KW_SWITCH || e.sub === KW_SWAP || e.sub === KW_SET || e.sub === KW_OR)) {
        sw = i
        break
      }
    }
    const ok = findK(els, from, n, KW_OK)
    let refs: string[] = []
    let alts: string[] = []
    if (sw >= 0) {
      refs = goodsNames(els, from, sw)
      alts = goodsNames(els, sw + 1, ok >= 0 ? ok : n)
    } else if (ok >= 0) {
      const gs = goodsNames(els, from, ok)
      if (gs.length) {
        alts = [gs[gs.length - 1]]
        refs = gs.slice(0, -1)
      }
    } else if (takeInstead(s, toks, els, from, n)) {
      // "没韭菜拿蒜苗", "冇腩排买肋排": no word for "instead", only a verb between the two names
      refs = goodsNames(els, from, from + 1)
      alts = goodsNames(els, from + 1, n)
    } else if (!out.items.some((it) => !it.fallback)) {
      // 家里没有米了: a need, not a substitution (an unknown word before 没有 is not an item it replaces)
      out.items = pairRange(s, toks, els, from, n, chunk, out)
      return out
    } else if (firstUsableQ(els, from, n)) {
      // "酱油没了谁家有酱油先借我一瓶": what follows with its own amount is the order, not a substitute
      for (const it of pairRange(s, toks, els, from, n, chunk, out)) out.items.push(it)
      return out
    } else {
      alts = goodsNames(els, from, n)
    }
    if (refs.length === 0 && alts.length === 0) return out
    out.altRefs = refs
    out.alts = alts
    out.altNeedTarget = true
    return out
  }
  // X或者Y
  const or = findK(els, 0, n, KW_OR)
  const slash = or < 0 ? findK(els, 0, n, KW_SLASH) : -1
  // ("醋/酱油各1瓶": with 各 after them, names joined by / are a list, not a choice)
  const geAfter = slash >= 0 && (findK(els, slash + 1, n, KW_GE) >= 0 || geNext(toks, b))
  // ("大米/面粉/食用油/盐": names joined by / are a list; a choice only when what will do is said,
  // "可乐/雪碧都行")
  // (a slash between letters is part of a name, "希尔斯k/d": left as it was read)
  const slashTok = slash >= 0 ? toks[els[slash].ti] : null
  const inLetters = slashTok !== null && /[A-Za-z]/.test(s[slashTok.s - 1] ?? '') && /[A-Za-z]/.test(s[slashTok.e] ?? '')
  // (two names and one slash, no amount between: "醋/酱油 一瓶" is one bottle of either)
  const oneOfTwo = slash >= 0 && findK(els, slash + 1, n, KW_SLASH) < 0 && !firstUsableQ(els, 0, slash)
  const slashChoice = slash >= 0 && (inLetters || oneOfTwo || findK(els, slash + 1, n, KW_OK) >= 0)
  const orAt = or >= 0 ? or : slash >= 0 && hasG(els, 0, slash) && hasG(els, slash + 1, n) && !geAfter && slashChoice ? slash : -1
  if (orAt >= 0) {
    // "（伊利或者蒙牛都行）": a choice of brand for the item before
    let brands = 0
    let others = 0
    for (let i = 0; i < n; i++) {
      const e = els[i]
      if (e.t === E_G) {
        if (e.g!.brandOnly) brands++
        else others++
      } else if (e.t === E_Q && usable(e.q)) others++
    }
    if (brands >= 2 && others === 0) {
      let first = -1
      for (let i = 0; i < n; i++)
        if (els[i].t === E_G) {
          first = i
          break
        }
      out.notePrev = s.slice(toks[els[first].ti].s, toks[b - 1].e)
      return out
    }
    // "芥兰或者菜远都得", in a chunk of its own after an item: both are what will do instead of it
    const okAfter = findK(els, orAt + 1, n, KW_OK)
    if (okAfter > 0 && chunk > 0 && !firstUsableQ(els, 0, n) && findK(els, 0, n, KW_GE) < 0) {
      const alts = goodsNames(els, 0, okAfter)
      if (alts.length) {
        out.alts = alts
        out.altNeedTarget = true
        return out
      }
    }
    const before = pairRange(s, toks, els, 0, orAt, chunk, out)
    const alts = goodsNames(els, orAt + 1, n)
    if (before.length) {
      const prim = before[before.length - 1]
      for (const al of alts) if (al !== prim.name && !prim.alternatives.includes(al)) prim.alternatives.push(al)
      if (!prim.hasQty) {
        const q = firstUsableQ(els, orAt + 1, n)
        if (q) setQty(prim, q)
      }
      out.items = before
      return out
    }
    // "或者油麦菜": a substitute for the item before; "好心人或者管家帮我买一袋猫粮": the choice was
    // between people, and what follows is the order
    const opens = els[orAt].ti === 0 || toks[els[orAt].ti - 1].k === T_SEP
    if (alts.length && (opens || !firstUsableQ(els, orAt + 1, n))) {
      out.alts = alts
      out.altNeedTarget = true
      return out
    }
    out.items = pairRange(s, toks, els, orAt + 1, n, chunk, out)
    return out
  }
  // "（猪肉两斤） 排骨也行": a name offered instead of the item before, in a chunk of its own
  const okAt = findK(els, 0, n, KW_OK)
  if (okAt > 0 && chunk > 0 && hasG(els, 0, okAt) && !firstUsableQ(els, 0, n) && findK(els, 0, okAt, KW_GE) < 0) {
    const alts = goodsNames(els, 0, okAt)
    if (alts.length) {
      out.alts = alts
      out.altNeedTarget = true
      return out
    }
  }
  // "可以拿可乐换", "我拿两包辣条换一包": what the writer gives in exchange is not ordered; an
  // amount after 换 is how much of the thing asked for
  const swapAt = findK(els, 0, n, KW_SWAP)
  if (swapAt > 0 && hasG(els, 0, swapAt)) {
    let give = -1
    for (let t = els[0].ti - 1; t >= 0 && toks[t].k !== T_SEP; t--) if (isGiveVerb(s, toks[t])) give = t
    for (let t = els[0].ti; t < els[swapAt].ti; t++)
      if (isGiveVerb(s, toks[t])) {
        give = t
        break
      }
    if (give >= 0) {
      let from = 0
      while (from < swapAt && els[from].ti < give) from++
      const asked = pairRange(s, toks, els, 0, from, chunk, out)
      const after = pairRange(s, toks, els, swapAt + 1, n, chunk, out)
      const wanted = firstUsableQ(els, swapAt + 1, n)
      if (after.length === 0 && wanted) out.qtyOnly = wanted
      out.items = [...asked, ...after]
      return out
    }
  }
  // corrections: 土豆改成5斤 / 刚才的土豆改5斤 / 土豆换成红薯 / 鸡蛋改成一盒牛奶改成两箱
  const sets: number[] = []
  for (let i = 0; i < n; i++) {
    const e = els[i]
    if (e.t !== E_K) continue
    // 换 alone is a buying verb ("换一袋饺子皮") unless a name stands before it ("土豆换红薯")
    if (e.sub === KW_SET || (e.sub === KW_SWAP && (e.text !== '换' || hasG(els, sets.length ? sets[sets.length - 1] + 1 : 0, i))))
      sets.push(i)
  }
  if (sets.length) {
    const first = sets[0]
    const afterHasG = hasG(els, first + 1, n)
    const qAfter = firstUsableQ(els, first + 1, n)
    if (!hasG(els, 0, first) && !afterHasG) {
      if (qAfter) out.setPrev = qAfter
      return out
    }
    // "猫粮要换一种": no new amount, no new name — not a correction
    if (afterHasG || qAfter) {
      info.intent = true
      out.items = readCorrections(s, toks, els, sets, chunk, out)
      return out
    }
  }
  // removals: 鸡蛋不要了 / 不要鸡蛋了 / 要土豆不要红薯; and 西红柿不变
  if (findK(els, 0, n, KW_CANCEL) >= 0 || findK(els, 0, n, KW_NOTWANT) >= 0 || findK(els, 0, n, KW_SAME) >= 0)
    return readRemovals(s, toks, b, els, chunk, info, out)
  out.items = pairRange(s, toks, els, 0, n, chunk, out)
  if (out.items.length === 0) {
    for (let i = 0; i < n; i++) if (els[i].t === E_N) out.notePrev = out.notePrev ? out.notePrev + ' ' + els[i].text : els[i].text
  }
  return out
}
