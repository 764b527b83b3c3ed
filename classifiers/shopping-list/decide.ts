// The last steps of a message: join a brand written apart from its product, replace a total by
// its parts, keep only what reads as an order, and drop repeats.
import type { OrderItem } from './types.ts'
import { scanNumber } from '../numerals.ts'
import { AMOUNT_CHANGES, BOTTLED, GOODS_KINDS, SORT_WORDS, matchAt } from './lexicon.ts'
import { T_GOODS, T_UNIT } from './kinds.ts'
import { family } from '../families.ts'
import { addNote, takeAmount, type PItem } from './chunk.ts'
import { LOOKBACK, sameThing, type MessageState } from './state.ts'

/** "伊利 纯牛奶 2箱": a brand written apart from its product is part of its name. */
export function joinBrands(st: MessageState): void {
  const items = st.items
  for (let k = 0; k + 1 < items.length; k++) {
    const p = items[k]
    const nx = items[k + 1]
    if (
      p.brandOnly &&
      !p.hasQty &&
      nx.chunk === p.chunk + 1 &&
      !nx.brandOnly &&
      !nx.med &&
      !nx.fallback &&
      nx.op === p.op &&
      !nx.name.includes(p.name) &&
      p.end >= 0 &&
      nx.start > p.end &&
      st.s.slice(p.end, nx.start).trim() === ''
    ) {
      nx.name = p.name + nx.name
      items.splice(k, 1)
      k--
    }
  }
}

/**
 * A product named bare, then which one it is with the amount: "酸奶要安慕希一箱" (a brand: 安慕希酸奶),
 * "苹果要红富士，六只", "洗衣液蓝月亮一桶", "老汉儿要喝啤酒，雪花的两件"; "豉油要李锦记生抽一樽",
 * "泡面我要维力炸酱面一袋", "猪肉就是瘦肉吧两斤" (the same kind of goods, said exactly: that one). One
 * item, not a bare one and an exact one. A plain list ("葱，姜一块") names two things: a brand
 * alone may follow a comma, anything else needs 要 / 是 / 就是 between.
 */
export function specificAfterGeneric(st: MessageState): void {
  const items = st.items
  for (let k = 0; k + 1 < items.length; k++) {
    const p = items[k]
    const nx = items[k + 1]
    if (p.op !== 'add' || nx.op !== 'add' || p.hasQty || !nx.hasQty || p.med || nx.med || p.brandOnly || p.end < 0) continue
    if (nx.start < p.end || nx.name.includes(p.name) || p.name.includes(nx.name)) continue
    const gap = st.s.slice(p.end, nx.start)
    // (after a comma, a brand is the product's only as "雪花的": "鸡蛋，伊利两箱" is two things)
    // (nor under a heading: "饮料 可口可乐2瓶")
    const brandAfter = nx.brandOnly && !p.generic && BRAND_AFTER.test(gap) && (/^[ \t]*$/.test(gap) || st.s[nx.end] === '的')
    if (!SAID_EXACTLY.test(gap) && !brandAfter) continue
    // (goods of one kind: "土豆农夫山泉1" is potatoes and water — unless the brand is written on
    // to the word and closed by 的, "奶粉飞鹤星飞帆的", which says which one whatever shelf it sits on)
    if (!(p.kinds & nx.kinds) && !(brandAfter && gap === '' && st.s[nx.end] === '的')) continue
    // (not under a heading: "猫粮：皇家K36 一包" is named as the line names it)
    if (nx.brandOnly && !p.generic && !/[:：]/.test(gap)) nx.name += p.name
    items.splice(k, 1)
    k--
  }
}
/**
 * "不是莴笋是儿菜，儿菜两斤", "菜心改做芥蘭啊…芥蘭一斤就得": a thing put bare in place of another,
 * then named again with its amount — one item, in that amount, where it was first named; not a
 * bare one and a second one. (Only a thing put in place: one named bare in talk before the order,
 * "上次团的苹果一半是烂的…苹果5斤", is talk, and goes.)
 */
export function bareThenAmount(st: MessageState): void {
  const items = st.items
  for (let j = 1; j < items.length; j++) {
    const it = items[j]
    if (it.op !== 'add' || !it.hasQty || it.med || it.fallback) continue
    let k = j - 1
    while (k >= 0 && items[k].name !== it.name) k--
    if (k < 0) continue
    const p = items[k]
    if (p.hasQty || p.op !== 'set' || p.med) continue
    takeAmount(p, it)
    if (it.note) addNote(p, it.note)
    items.splice(j, 1)
    j--
  }
}

/**
 * "买一条鱼最好是鲫鱼", "要两斤肉，要五花肉": a thing ordered with its amount, then right after it
 * the kind of it that is meant, bare (its name ends in the thing's: 鲫鱼 is a 鱼) — that kind, in
 * that amount; not a second order.
 */
export function kindNamedAfter(st: MessageState): void {
  const items = st.items
  for (let k = 0; k + 1 < items.length; k++) {
    const p = items[k]
    const nx = items[k + 1]
    if (p.op !== 'add' || nx.op !== 'add' || !p.hasQty || nx.hasQty || p.med || nx.med || p.end < 0 || nx.start < p.end) continue
    if (nx.name === p.name || !nx.name.endsWith(p.name) || nx.alternatives.length) continue
    if (!KIND_MEANT.test(st.s.slice(p.end, nx.start))) continue
    p.name = nx.name
    items.splice(k + 1, 1)
  }
}
/**
 * "猫砂两包，豆腐砂", "猫砂 豆腐砂 3包": a thing, then bare and right after it a sort of it by
 * another word with the same head letter (豆腐砂, tagged `sort` in the goods files, is a 猫砂 — but
 * 鸭蛋 after 鸡蛋 is another thing, and stays an order). The sort is which one: the thing's note,
 * the thing keeping the resident's first word and the amount (said before the sort or after it);
 * not a second order. Not a sort turned down ("豆腐砂它们不爱用").
 */
export function kindOfSameHead(st: MessageState): void {
  const items = st.items
  for (let k = 0; k + 1 < items.length; k++) {
    const p = items[k]
    const nx = items[k + 1]
    if (p.op !== 'add' || nx.op !== 'add' || p.med || nx.med || p.end < 0 || nx.start < p.end || nx.end < 0) continue
    if (p.hasQty === nx.hasQty || nx.alternatives.length || p.name.length < 2 || nx.name.length < 2) continue
    if (nx.name === p.name || nx.name.endsWith(p.name) || p.name.endsWith(nx.name) || nx.name.slice(-1) !== p.name.slice(-1)) continue
    if (!SORT_WORDS.has(nx.name) || !(p.kinds & nx.kinds)) continue
    const gap = st.s.slice(p.end, nx.start)
    if (p.hasQty ? !SAME_HEAD_GAP.test(gap) : !/^[ \t]+$/.test(gap)) continue
    if (!nx.hasQty && !SAME_HEAD_AFTER.test(st.s.slice(nx.end, nx.end + 6))) continue
    if (!p.hasQty) {
      takeAmount(p, nx)
    }
    addNote(p, nx.name)
    items.splice(k + 1, 1)
  }
}
/** Between the thing and its kind: its amount, a break, perhaps 要 ("猫砂两包，要豆腐砂"). */
const SAME_HEAD_GAP = /^[^，,。；;！!？?\n]{0,6}?[\s，,、]*(?:要|就要|是)?$/
/**
 * After a bare sort: the clause ends (a break or a space), perhaps after 的 / 那种 / 就得 / 可以; or
 * 那个 opens the next thing ("豆腐砂那个罐头也来六个"); or another sort turned down after it
 * ("豆腐砂的别买那个膨润土的", "豆腐砂不要混合砂") — not "豆腐砂伊弗欢喜", "豆腐砂不要了".
 */
const SAME_HEAD_AFTER =
  /^(?:(?:的|额|嘅|那种|就得|就行|就好|可以|也行)?\s*(?:[，,。；;！!\n]|$|[ \t])|那个|[的额嘅]?(?:别|莫|不要|唔要)(?:买|卖|拿)?(?:那个)?(?![了啦咯喇嘞])[\u4e00-\u9fff])/

/** Between the thing and the kind meant: "最好是", "，要", "就要". */
const KIND_MEANT = /^[\s，,]*(?:最好是|最好要|最好|就要|要|是)(?:那种|那个)?$/

/** Between a product and which one it is: "要", "是", "就是", "我要", "要那种", "，要"; or a colon ("奶粉：美素佳儿两罐"). */
const SAID_EXACTLY = /^[\s，,]*(?:(?:我|俺|就)?(?:要|是|就是|就要|只要|要买|只喝|只吃|就买)(?:那个|那种|个)?[\s:：]*|\s*[:：]\s*)$/
/** Between a product and its brand: nothing, a space, a comma, perhaps after a particle (not a new line or sentence). */
const BRAND_AFTER = /^[ \t]*(?:吧|啊|呀|哈|嘛|哦|呢)?[ \t，,]*$/

/**
 * "宝宝的尿布帮我买帮宝适M号一包", "牛奶啊特仑苏的一箱": a kind of goods named bare, then, in the same
 * clause and with words between, a brand of that kind with its amount — the brand is which one
 * (and takes the kind's name); the bare word is no second order. Only with words between and no
 * separator: "鸡蛋，伊利两箱" is two things, "湿巾随便，再来一罐君乐宝" too; a need said before its
 * order is needsToOrders'.
 */
export function brandForKind(st: MessageState): void {
  const items = st.items
  for (let k = 0; k + 1 < items.length; k++) {
    const p = items[k]
    const o = items[k + 1]
    if (p.op !== 'add' || p.hasQty || p.brandOnly || p.med || p.unk || p.kind === 0 || p.end < 0) continue
    if (o.op !== 'add' || !o.hasQty || !o.brandOnly || o.med || o.start <= p.end || !meets(o.kinds, p.kind)) continue
    if (!BRAND_GAP.test(st.s.slice(p.end, o.start))) continue
    // (the brand takes the kind's name, as after a need: 好奇 → 好奇尿不湿)
    // (before a size in letters, which becomes its note: 帮宝适M → 帮宝适尿布M)
    if (!o.name.includes(p.name)) o.name = o.name.replace(/(?=[A-Za-z]*$)/, p.name)
    items.splice(k, 1)
    k--
  }
}
/** Between a kind and its brand: words (a request, a particle, its amount), no separator or colon (a heading). */
const BRAND_GAP = /^[^。！？!?\n\s，,、；;:：]{1,16}$/

/**
 * "花甲一斤，花甲啊就是那个蛤蜊", "折耳根半斤（奶奶说的折耳根就是鱼腥草）", "绿茶两盒，是茶叶那种":
 * a bare name the writer says a thing just ordered *is* — the thing named again and 就是 / 是 / 又叫
 * before it, or 是 before it and 那种 after — explains the order; it is no second order. A bare
 * name after 就是 alone ("鸡蛋一盒，就是面包也要") is left alone: that is "and also" as often.
 */
export function glosses(st: MessageState): void {
  const items = st.items
  for (let k = 1; k < items.length; k++) {
    const it = items[k]
    if (it.op !== 'add' || it.hasQty || it.alternatives.length || it.start < 0 || it.med) continue
    const before = st.s.slice(Math.max(0, it.start - 16), it.start)
    const clause = before.slice(Math.max(before.lastIndexOf('\n'), before.lastIndexOf('。')) + 1)
    const namedAgain = items.some(
      (p, j) =>
        j < k &&
        p.op === 'add' &&
        p.hasQty &&
        p.name.length >= 2 &&
        p.end >= 0 &&
        p.end <= it.start &&
        clause.includes(p.name) &&
        GLOSS_AFTER_NAME.test(clause.slice(clause.lastIndexOf(p.name) + p.name.length)),
    )
    const p = items[k - 1]
    const described =
      p.op === 'add' &&
      p.hasQty &&
      p.end >= 0 &&
      p.end <= it.start &&
      GLOSS_BEFORE_KIND.test(st.s.slice(p.end, it.start)) &&
      /^(?:那种|这种|那样)/.test(st.s.slice(it.end, it.end + 3))
    if (!namedAgain && !described) continue
    items.splice(k, 1)
    k--
  }
}
/**
 * "油馕要2个，芝麻多的那种", "牛杂一斤，牛肚少点的": a bare name with 多的 / 少点的 after it says how
 * the thing ordered before should be — a note on it, not an order of its own.
 */
export function describedBy(st: MessageState): void {
  const items = st.items
  for (let k = 1; k < items.length; k++) {
    const it = items[k]
    if (it.op !== 'add' || it.hasQty || it.start < 0 || it.end < 0 || it.med) continue
    const m = MORE_OR_LESS.exec(st.s.slice(it.end, it.end + 8))
    if (!m) continue
    const p = items[k - 1]
    if (p.op !== 'add' || !p.hasQty || p.end < 0 || /[\n。!?！？]/.test(st.s.slice(p.end, it.start))) continue
    const note = it.name + m[0]
    addNote(p, note)
    items.splice(k, 1)
    k--
  }
}
const MORE_OR_LESS = /^(?:要)?(?:多|少)(?:一)?(?:点|些)?(?:的|滴|嘅)(?:那种|那款)?/

/** After the name said again: a particle, then "is" ("花甲啊就是那个", "折耳根就是", "土豆又叫"). */
const GLOSS_AFTER_NAME = /^(?:啊|呀|呢|嘛|哦|么)?[，, ]?(?:其实|也)?(?:就是|是|又叫|也叫|叫做|就叫)(?:那个|那种)?$/
/** After the thing (and its amount), before a kind described: "，是", "两盒，是那个" ("绿茶两盒，是茶叶那种"). */
const GLOSS_BEFORE_KIND = /^[^\s，,。；;\n]{0,6}[\s，,]*(?:要|就)?是(?:那个)?$/

/**
 * "香蕉勿要，熟透个香蕉老早坏了": a thing just turned down, named again bare in a later chunk, is
 * the reason being given, not an order of it — an order again would carry an amount or a 要.
 */
export function talkOfRemoved(st: MessageState): void {
  const items = st.items
  for (let k = 1; k < items.length; k++) {
    const it = items[k]
    if (it.op !== 'add' || it.hasQty || it.alternatives.length || it.start < 0) continue
    let gone = false
    for (let j = 0; j < k && !gone; j++) {
      const r = items[j]
      if (r.op === 'remove' && r.chunk < it.chunk && r.name.length >= 2 && it.name.startsWith(r.name)) gone = true
    }
    if (!gone || WANT_BEFORE.test(st.s.slice(Math.max(0, it.start - 3), it.start))) continue
    items.splice(k, 1)
    k--
  }
}
const WANT_BEFORE = /(?:要|买|换|来|拿|带|整)[点些个]?$/

/**
 * "黄鸭叫两斤，冒得的话刁子鱼也行，刁子鱼就要一斤半": a substitute named again with its own amount
 * says how much of it to take instead — it is still the substitute, not a second order.
 */
export function restatedSubstitutes(st: MessageState): void {
  const items = st.items
  for (let k = 1; k < items.length; k++) {
    const it = items[k]
    if (it.op !== 'add' || it.med) continue
    // (named as the substitute before it is named again: "猪肉、鱼丸各一斤，冇猪肉就换鱼丸" keeps 鱼丸)
    const said = it.start > 0 ? st.s.lastIndexOf(it.name, it.start - 1) : -1
    let alt = false
    for (let j = 0; j < k && !alt; j++)
      if (items[j].op === 'add' && items[j].alternatives.includes(it.name) && said >= 0 && said >= items[j].end) alt = true
    if (!alt) continue
    items.splice(k, 1)
    k--
  }
}

/**
 * "猫罐头要鸡肉的十罐", "狗罐头，要鸡肉的，六罐", "螺蛳粉要好欢螺的 两包": a product named bare, then
 * a flavour or a brand of another kind closed by 的, with the amount after it. The amount is the
 * product's, and the flavour or brand its note: the product keeps the resident's own word for it,
 * which is what a purchase list sorts by. (The same kind of goods said exactly is
 * specificAfterGeneric's.)
 */
export function flavourThenAmount(st: MessageState): void {
  const items = st.items
  for (let k = 0; k + 1 < items.length; k++) {
    const p = items[k]
    const nx = items[k + 1]
    if (p.op !== 'add' || nx.op !== 'add' || p.med || nx.med || p.brandOnly || p.generic) continue
    if (p.end < 0 || nx.start <= p.end || nx.end < 0) continue
    const gap = st.s.slice(p.end, nx.start)
    const flavour = isFlavour(nx)
    // "薯片两包，要番茄味的": a flavour with no amount of its own after the product's is its note
    if (p.hasQty && !nx.hasQty && flavour && FLAVOUR_AFTER_AMOUNT.test(gap)) {
      addNote(p, nx.name)
      items.splice(k + 1, 1)
      k--
      continue
    }
    // ("出前一丁 麻油味 x5", "乐事薯片 黄瓜味 2包": a flavour after the bare product, a space between)
    // (longer there too: "康师傅方便面 红烧牛肉味 一箱")
    const spaced = /^[ \t]+$/.test(gap) && nx.name.endsWith('味') && nx.name.length <= 6 && !nx.brandOnly
    if (p.hasQty || !nx.hasQty || !(FLAVOUR_GAP.test(gap) || spaced)) continue
    // (a flavour said as one, "麻油味一箱", needs no 的 and may share the product's kind)
    if (!flavour && !spaced && (!DE_AFTER.test(st.s.slice(nx.end, nx.end + 1)) || (p.kinds & nx.kinds) !== 0)) continue
    takeAmount(p, nx)
    const said = DE_AFTER.test(st.s.slice(nx.end, nx.end + 1)) ? nx.name + '的' : nx.name
    addNote(p, said)
    items.splice(k + 1, 1)
  }
}

/**
 * "帮我带锅盔，红糖的5个、梅干菜的5个", "包子：香菇的3个，白菜的2个": a product named bare, then two kinds
 * of it or more, each closed by 的 with an amount of its own. Each is that product in that amount,
 * the kind its note — not a thing called 红糖 or 香菇. (A kind the lexicon does not know, 豆沙的5个,
 * names no item, and the run stops there.)
 */
export function kindsOfBare(st: MessageState): void {
  const items = st.items
  for (let k = 0; k + 2 < items.length; k++) {
    const p = items[k]
    if (p.op !== 'add' || p.hasQty || p.med || p.brandOnly || p.end < 0) continue
    let n = 0
    for (let j = k + 1; j < items.length; j++) {
      const q = items[j]
      const prevEnd = j === k + 1 ? p.end : items[j - 1].end
      if (q.op !== 'add' || !q.hasQty || q.med || q.start < prevEnd || q.end < 0) break
      const gap = st.s.slice(prevEnd, q.start)
      if (!DE_AFTER.test(st.s.slice(q.end, q.end + 1)) || !(j === k + 1 ? FIRST_KIND_GAP : NEXT_KIND_GAP).test(gap)) break
      n++
    }
    if (n < 2) continue
    for (let j = k + 1; j <= k + n; j++) {
      const q = items[j]
      q.note = q.note ? q.name + '的 ' + q.note : q.name + '的'
      q.name = p.name
    }
    items.splice(k, 1)
    k += n - 1
  }
}
/** Between a bare product and its first kind: a break, perhaps 要两种 ("粽子要两种，肉的…"). */
const FIRST_KIND_GAP = /^[\s，,、:：；;]*(?:要(?:[两二三四几]种|[两二三四几]样)?[\s，,、:：；;]*)?$/
/** Between one kind and the next: its 的, its amount, a break ("的5个、"). */
const NEXT_KIND_GAP = /^[的嘅哩额个]\s*(?:\d+(?:\.\d+)?|[一两二三四五六七八九十半]{1,3})\s*[\u4e00-\u9fff]?[\s，,、；;]*$/

/** Between the product and its flavour or brand: 要 / 是 / 就要, perhaps after a comma or a question. */
const FLAVOUR_GAP = /^(?:吗|嘛|么|冇|没有)?[\s，,？?。]*(?:我|俺)?(?:要|是|就要|只要)(?:那个|那种)?[\s:：]*$/
/** After a product and its amount, before its flavour: "两包要", "，要那种", "两包，". */
const FLAVOUR_AFTER_AMOUNT = /^[^，,。；;！!？?\n]{0,5}?[\s，,]*(?:要|是|就要|只要)?(?:那个|那种)?\s*$/
/** "番茄味", "原味": a flavour said as one word, not a product (元气森林白桃味 names its brand). */
const isFlavour = (it: PItem) => it.name.length <= 4 && it.name.length >= 2 && it.name.endsWith('味') && !it.brandOnly
const DE_AFTER = /^[的嘅哩额个]$/

/**
 * "阮兜六个人，土笋冻每人一个", "屋头六个人 … 鹌鹑蛋每人5个": an amount for each person, in a message
 * that says how many people there are (one number only), is that many times the amount — unless
 * the writer sums it up right after ("毛肚每人二两，就是一斤": the total words have done it).
 */
export function perPerson(st: MessageState): void {
  // (most lists say nothing per person: a look for the words before any expression)
  if (st.s.indexOf('每') < 0 && st.s.indexOf('一人') < 0 && st.s.indexOf('人均') < 0 && !PER_HEAD_EN.test(st.s)) return
  sumsAfterHeads(st)
  let heads = 0
  for (const m of st.s.matchAll(HEAD_COUNT)) {
    const v = m[1] === '仨' ? 3 : m[1] === '俩' ? 2 : (scanNumber(m[1], 0)?.value ?? null)
    if (v === null || v < 2 || v > 50 || (heads && heads !== v)) return
    heads = v
  }
  if (!heads) return
  let chain: PItem | null = null
  for (const it of st.items) {
    if (it.op !== 'add' || !it.hasQty || it.qty === null || it.end < 0) continue
    const after = st.s.slice(it.end, it.end + 28)
    // (or said before the amount and the name: "一人一瓶酸奶", and for the things enumerated
    // after it: "每人一瓶酸奶、一根香肠")
    const lead = it.start >= 0 ? st.s.slice(Math.max(0, it.start - 8), it.start) : ''
    const chained = chain !== null && chain.end >= 0 && it.start >= 0 && ENUMERATED_AMOUNT.test(st.s.slice(chain.end, it.start))
    const before = it.start >= 0 && (PER_HEAD_BEFORE.test(lead) || chained)
    chain = null
    if (!(PER_HEAD.test(after) || before) || SUMMED.test(after)) continue
    it.qty *= heads
    if (before) chain = it
  }
}
/**
 * "旺仔牛奶每人一罐，班上38个娃娃，就是38罐", "奶嚼口每个孩子一袋，全班36人，共36袋": an amount per
 * person, then how many people, then the sum in the same unit, in the same sentence — the sum is
 * the order (the run-on sum straight after the amount is the chunks' own).
 */
function sumsAfterHeads(st: MessageState): void {
  for (const it of st.items) {
    if (it.op !== 'add' || !it.hasQty || it.qty === null || it.unit === null || it.end < 0) continue
    const rest = st.s.slice(it.end, it.end + 40)
    if (!PER_HEAD.test(rest)) continue
    const sentence = rest.slice(0, rest.search(/[。；;！!？?\n]|$/))
    const m = SUM_LATER.exec(sentence)
    if (!m || !sentence.slice(0, m.index).match(/[，,]/)) continue
    const n = scanNumber(m[1], 0)
    if (!n || n.value === null || n.end !== m[1].length || m[2] !== it.unit || n.value < it.qty) continue
    it.qty = n.value
    it.touched = true
  }
}
/** A sum later in the sentence: a `total` word of amount-changes.txt, then a number and a unit. */
const SUM_LATER = new RegExp(
  `(?:${AMOUNT_CHANGES.filter((c) => c.total)
    .map((c) => c.word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .sort((x, y) => y.length - x.length)
    .join('|')})\\s*(\\d{1,4}|[一二两三四五六七八九十百]{1,4})\\s*([\\u4e00-\\u9fff])`,
)
/** Between two things enumerated with 、: only the next one's amount. */
const ENUMERATED_AMOUNT = /^[、\s]*、[\s]*(?:\d{1,3}|[一两二三四五六七八九十半])[^\s\d，,。；;、]{0,2}$/
const PER_HEAD_EN = /each person|per person/i
/** "六个人", "四口人", "8 ppl": how many people the order is for. */
// (北方 仨人, 俩人: three, two people)
// (个 and who they are: the `guests` family of data/dict/families.yaml)
const HEAD_COUNT = new RegExp(
  `(\\d{1,2}|[两二三四五六七八九十]{1,3}|仨|俩)\\s*(?:(?<=[仨俩]\\s*)人|个人|口人|位客人|个${family('guests')}|ppl|people|persons)`,
  'g',
)
/** Just before a thing's amount and name: each person's ("一人一瓶酸奶", "每人两个苹果", "每人准备一个小蛋糕"). */
const PER_HEAD_BEFORE = new RegExp(
  `(?:每人|每个人|每位|一人|人均|每个${family('guests')})\\s*(?:准备|发|要|来|买)?\\s*(?:\\d{1,3}|[一两二三四五六七八九十半])[^\\s\\d，,。；;、]{0,2}$`,
)
/** Right after the name: each person's amount ("每人一个", "要每人五只", "each person 半斤"). */
const PER_HEAD = new RegExp(`^\\s*(?:要|来|买|整)?\\s*(?:每人|每个人|每位|一人|人均|每个${family('guests')}|each person|per person)`, 'i')
/** A sum written after the per-person amount, in the same clause or the next (the `total` words of amount-changes.txt). */
const SUMMED = new RegExp(
  `^[^。；;\\n]*?(?:就是|所以|也是|${AMOUNT_CHANGES.filter((c) => c.total)
    .map((c) => c.word)
    .join('|')})`,
)

/**
 * "羊排 3斤 要肋排", "排骨整三斤，要肋排", "生姜半斤要老姜": right after a thing and its amount, 要
 * and a bare name that shares a letter with it says which cut or kind of it — a note, not a second
 * item ("猪肉一斤，还要猪蹄" adds one: 还, 再, 另, 也, 加 before 要). With a substitute named for the
 * kind, the kind is the thing bought.
 */
export function kindAfterAmount(st: MessageState): void {
  const items = st.items
  for (let k = 0; k + 1 < items.length; k++) {
    const p = items[k]
    const nx = items[k + 1]
    if (p.op !== 'add' || nx.op !== 'add' || !p.hasQty || nx.hasQty || p.med || nx.med || nx.brandOnly || p.end < 0) continue
    if (nx.start < p.end || !WANT_KIND.test(st.s.slice(p.end, nx.start))) continue
    if (![...nx.name].some((c) => c.charCodeAt(0) >= 0x3400 && p.name.includes(c))) continue
    items.splice(k + 1, 1)
    if (nx.alternatives.length) {
      // "猪肉 1斤 要五花肉，没有就前腿肉": a kind with a substitute named for it is what is bought —
      // the thing takes its name, and the substitute (a note would have lost it)
      p.name = nx.name
      for (const al of nx.alternatives) if (!p.alternatives.includes(al)) p.alternatives.push(al)
      if (nx.note) addNote(p, nx.note)
      continue
    }
    addNote(p, '要' + nx.name)
  }
}
/** Between a thing's name and a kind of it: its amount, then 要 / 挑 / 选 (no 还, 再, 另, 也, 加). */
const WANT_KIND = /^[^。；;\n！!？?还再另也加和跟]{0,10}?[，,\s]*(?:要|挑|选|只要|就要)(?:那种|那个)?\s*$/

/** "🌶️二荆条 1斤": an emoji used as the bullet of the name written after it is no item of its own. */
export function emojiBullets(st: MessageState): void {
  const items = st.items
  for (let k = 0; k + 1 < items.length; k++) {
    const p = items[k]
    const nx = items[k + 1]
    if (p.op !== 'add' || p.hasQty || p.start < 0 || nx.start < p.end || WRITTEN.test(st.s.slice(p.start, p.end))) continue
    if (!/^[\s\uFE0F]*$/.test(st.s.slice(p.end, nx.start))) continue
    items.splice(k, 1)
    k--
  }
}
/** Letters of a written name (an emoji-only span is a picture, not a name). */
const WRITTEN = /[\u4e00-\u9fffA-Za-z]/

/** Units a count of things may be given in, one by one: 份, 个, 盒. */
const PORTIONS = new Set(['份', '个', '盒'])

/** A total and then its parts: "买两箱牛奶 一箱纯牛奶一箱酸奶", "两只鸡 一只乌鸡一只土鸡". */
export function totalsToParts(st: MessageState): void {
  const items = st.items
  for (let k = 0; k < items.length; k++) {
    const t = items[k]
    if (!t.hasQty || t.op !== 'add' || t.med || t.qty === null) continue
    let sum = 0
    // ("买两个盒饭，一份辣椒炒肉一份回锅肉": a word the lexicon does not know, counted, then as many
    // named one by one — the parts, whatever they are counted in)
    const counted = t.fallback && (t.unit === '个' || t.unit === null)
    let related = counted
    for (let j = k + 1; j < items.length && j - k <= 8; j++) {
      const p = items[j]
      const sameUnit = p.unit === t.unit || (counted && PORTIONS.has(p.unit ?? ''))
      if (counted && !p.hasQty && p.op === 'add') continue
      if (!p.hasQty || p.op !== 'add' || !sameUnit || p.chunk <= t.chunk || p.qty === null) break
      sum += p.qty
      if (sameThing(p.name, t.name)) related = true
      if (j - k >= 2 && related && Math.abs(sum - t.qty) < 1e-9) {
        items.splice(k, 1)
        k--
        break
      }
      if (sum > t.qty) break
    }
  }
}

/** Kinds of goods one need can be met by: the same kind, or milk powder for a baby (dairy, baby). */
const DAIRY = GOODS_KINDS.indexOf('dairy-eggs') + 1
const BABY = GOODS_KINDS.indexOf('baby') + 1
/** Can an order (its kinds as bits) meet a need of kind k? */
const meets = (kinds: number, k: number) =>
  (kinds & (1 << k)) !== 0 || (k === DAIRY && (kinds & (1 << BABY)) !== 0) || (k === BABY && (kinds & (1 << DAIRY)) !== 0)

/**
 * "宝宝奶粉快没了，帮我买两罐飞鹤", "辅食没了：嘉宝米粉一盒…": what is running out is the reason, and
 * what follows with amounts, of the same kind, is the order. A brand alone takes the need's name
 * (飞鹤 → 飞鹤奶粉); a product of its own replaces it.
 */
export function needsToOrders(st: MessageState): void {
  const items = st.items
  for (let k = 0; k < items.length; k++) {
    const need = items[k]
    const info = st.infos[need.chunk]
    if (need.hasQty || need.op !== 'add' || need.kind === 0 || need.med || !info || !info.need || info.verb) continue
    let j = k + 1
    // (a name the lexicon does not know, asked for with its amount right after the need, is the
    // brand that meets it: "饲料欲无矣，拜托买一包耐吉斯")
    const unknownNext = (o: PItem) => o.kinds === 0 && o.chunk <= need.chunk + 2 && o.unit !== null
    const fits = (o: PItem) =>
      o.chunk > need.chunk && o.hasQty && o.op === 'add' && (meets(o.kinds, need.kind) || unknownNext(o)) && !o.weak && !o.absorbed
    while (j < items.length && !fits(items[j])) j++
    if (j >= items.length) continue
    const order = items[j]
    // each order stands for one need ("奶粉和尿不湿都快没了：飞鹤…2罐，帮宝适…1包")
    order.absorbed = true
    if (order.brandOnly && !order.name.includes(need.name)) order.name = order.name + need.name
    items.splice(k, 1)
    k--
  }
}

/**
 * Are there two or more items with amounts, none of them in a chunk that reports what happened?
 * Then the report is a remark around the list ("卫生纸一提、拖把一个，旧的那个坏了"; "一个人吃不了
 * 多少。小白菜、菠菜各一把，绿豆芽一斤"), not what the list is.
 */
function remarkAroundList(st: MessageState): boolean {
  let listed = 0
  for (const it of st.items) {
    if (!(it.hasQty && !it.med && it.op === 'add')) continue
    if (st.infos[it.chunk]?.past) return false
    listed++
  }
  return listed >= 2
}

/** Which of the items read are orders: those in a request, next to an amount, or in a plain list. */
export function keepOrders(st: MessageState): PItem[] {
  const items = st.items
  let anyQty = false
  for (const it of items) if (it.hasQty && !it.bareQty && !it.med && !it.fallback && it.op === 'add') anyQty = true
  // ("x4", "*2": amounts written as multipliers, the mark of a list)
  let multipliers = 0
  for (const it of items) if (it.hasQty && it.unit === null && !it.bareQty && it.op === 'add') multipliers++
  // a category word beside the things themselves is their heading: "买点水果 … 苹果香蕉各两斤"
  let specific = false
  const medNames: string[] = []
  for (const it of items) if (it.med && medNames.length < 50) medNames.push(it.name)
  for (const it of items) if (!it.generic && !it.med && !it.garbage && !it.fallback && it.op === 'add') specific = true
  // "今天抢到了10斤米": a report, not an order; but a list of amounts that a remark follows or comes
  // before ("卫生纸一提、拖把一个，旧的那个坏了") is the list, and the remark its reason
  if (st.past && !st.intent && !remarkAroundList(st)) return []
  // "明天团购 蔬菜包 39元一份 需要的私聊": an organiser's call, unless the writer orders too, or says
  // they are running out ("调料侪见底了：料酒两瓶… 阿有人一道拼单")
  if (st.offer && !st.first && !st.need) return []
  let solid = 0
  for (const it of items) if (!it.weak && !it.med && !it.garbage && !it.fallback && it.op === 'add') solid++
  // the first chunk that asks for something: a chunk before it with no request of its own and
  // words the lexicon does not know is the story around the list ("孩子连着三天吃挂面。…需要：")
  let firstAsk = -1
  for (let c = 0; c < st.infos.length; c++)
    if (st.infos[c].intent) {
      firstAsk = c
      break
    }
  const setOut = setOutAfterColon(st)
  const keep: PItem[] = []
  for (const it of items) {
    if (it.med || it.garbage || (it.dish && !it.hasQty)) continue
    if (it.brandOnly && !it.hasQty && it.op === 'add') {
      // "皇家、冠能、比瑞吉都行", "宝矿力、外星人什么牌子都行": brands alone are a wish about the item
      // before them, not things to buy
      const p = keep.length ? keep[keep.length - 1] : null
      if (p) addNote(p, it.name)
      continue
    }
    if (!it.hasQty && it.op === 'add') {
      // 家里糖吃完了 … 有葡萄糖吗: the medicine is what was meant
      let inMed = false
      for (const m of medNames)
        if (m.includes(it.name)) {
          inMed = true
          break
        }
      if (inMed) continue
    }
    const info = st.infos[it.chunk]
    // a chunk that reports what happened, with no request in it or just before it, names no order
    // ("冰箱里的肉全坏了 … 帮我买点菜"); "帮我弄点东西吧 大米一袋 … 一个人吃不了多少" is still one
    const prev = it.chunk > 0 ? st.infos[it.chunk - 1] : undefined
    if (info && info.past && !info.intent && !(prev && prev.intent) && it.op === 'add' && !info.cond && !it.touched) continue
    if (it.fallback) {
      // an unknown word is an item only right next to an amount with a unit, in a request: "豆角3斤";
      // or with a multiplier in a list of several ("乌饭麻糍 x4 青草糊 x2")
      const multiplied = it.hasQty && it.unit === null && !it.bareQty && multipliers >= 2
      if (!it.hasQty || (it.unit === null && !multiplied) || !(st.intent || anyQty || multiplied)) continue
    }
    if (it.weak && it.op === 'add' && (!it.hasQty || it.bareQty)) {
      // "米，油，盐": a bare weak word is kept only as one entry of a plain list — or, with a bare
      // number of its own, as one entry of a terse list beside other things ("米1袋 油1 盐1")
      const plain = st.intent && solid >= 1 && info && info.junk === 0 && !info.cond && !it.hasQty && !it.unk
      const terse = it.hasQty && it.bareQty && solid >= 2 && info && info.junk === 0 && !info.cond && !it.unk
      if (!plain && !terse) continue
    }
    // (a heading comes before the things it heads; a category word after them, or one entry of an
    // enumeration "坚果、海苔、果冻", is a thing to buy: "鸡蛋十个，再随便来点绿叶菜")
    if (it.generic && it.op === 'add' && !it.hasQty && (!st.verb || (specific && specificAfter(items, it) && !enumerated(st.s, it))))
      continue
    if (!it.hasQty && it.op === 'add' && firstAsk > it.chunk && info && !info.intent && !info.left && info.junk > 0) continue
    if (!it.hasQty && it.op === 'add' && headsTheList(st, it)) continue
    if (!it.hasQty && it.op === 'add') {
      // without an amount, only a plain list or a request counts
      if (!st.intent && !anyQty && st.junk > 2 && !setOut.has(it)) continue
      if (
        info &&
        ((info.junk > 6 && !info.intent) || info.price || info.enough || info.cook || (info.question && !info.intent && !st.intent))
      )
        continue
    }
    keep.push(it)
  }
  return keep
}

/**
 * "今天的单：⏎1. 鸡蛋⏎2. 牛奶⏎…", "一百块钱以内：腊肉、莲藕、藕带（有的话）、青椒": two or more
 * things the lexicon knows, set out after a colon with nothing between them but separators, line
 * numbers and a short remark in brackets, are a list the writer wrote out — whatever talk is around
 * it ("数量你看着拿，两个人吃三天的"), and though none has an amount.
 */
function setOutAfterColon(st: MessageState): Set<PItem> {
  const out = new Set<PItem>()
  const s = st.s
  if (s.indexOf(':') < 0 && s.indexOf('：') < 0) return out
  let run: PItem[] = []
  let end = -1
  const flush = () => {
    if (run.length >= 2 && run.every((it) => !it.fallback && !it.weak && !it.generic && !it.unk)) for (const it of run) out.add(it)
    run = []
  }
  for (const it of st.items) {
    if (it.op !== 'add' || it.start < 0 || it.hasQty || it.med) {
      flush()
      end = -1
      continue
    }
    const gap = end >= 0 && it.start >= end ? s.slice(end, it.start).replace(REMARK_IN_BRACKETS, '') : null
    if (gap !== null && run.length && BETWEEN_ENTRIES.test(gap)) run.push(it)
    else {
      flush()
      const before = s.slice(Math.max(0, it.start - 8), it.start)
      if (COLON_THEN_ENTRY.test(before)) run = [it]
    }
    end = it.end
  }
  flush()
  return out
}
const REMARK_IN_BRACKETS = /[(（][^)）\n]{0,10}[)）]/g
const BETWEEN_ENTRIES = /^[ \t]*(?:[、,，;；/]|\n[ \t]*(?:\d{1,2}[ \t]*[.．、)）][ \t]*|[-*•·][ \t]*)?)[ \t]*$/
const COLON_THEN_ENTRY = /[:：][ \t]*(?:\n[ \t]*(?:\d{1,2}[ \t]*[.．、)）][ \t]*|[-*•·][ \t]*)?)?$/

/**
 * "凉拌菜要用的：黄瓜两根 木耳一包", "宝宝吃的东西：…": a name with no amount, closed a few words later by
 * a colon, with things and their amounts after it, says what the list is for — a heading, not one
 * more thing to buy. (A product said exactly after its heading, "奶粉：美素佳儿两罐", is merged by
 * specificAfterGeneric before this.)
 */
function headsTheList(st: MessageState, it: PItem): boolean {
  if (it.end < 0 || !HEADING_TAIL.test(st.s.slice(it.end, it.end + 8))) return false
  for (const o of st.items) if (o !== it && o.start > it.end && o.hasQty && o.op === 'add' && !o.med) return true
  return false
}
/** After a heading's name: a few words with no separator or number, then a colon. */
const HEADING_TAIL = /^[^，,。；;！!？?\n\d０-９一二两三四五六七八九十]{0,6}[:：]/

/** Is a specific thing to buy named after item it? */
function specificAfter(items: PItem[], it: PItem): boolean {
  for (let k = items.indexOf(it) + 1; k < items.length; k++) {
    const p = items[k]
    if (!p.generic && !p.med && !p.garbage && !p.fallback && p.op === 'add') return true
  }
  return false
}

/** Is item it one entry of an enumeration: a 、 right after its name ("蔬菜、水果、肉")? */
export function enumerated(s: string, it: PItem): boolean {
  return it.end >= 0 && (s[it.end] === '、' || s[it.end] === '/')
}

/** A clothing size after or before a name of two letters or more: "纸尿裤L码", "XL尿不湿", "拉拉裤 XXL". */
const SIZE_AFTER = /(?<=[\u4e00-\u9fff]{2})\s*(X{0,3}L|M|S|NB)(?:码|号)?$/
const SIZE_BEFORE = /^(X{0,3}L|M|S|NB)(?:码|号)?\s*(?=[\u4e00-\u9fff]{2})/

/** "纸尿裤L码", "XL码尿不湿": the size is how the resident wants it, not part of the product — its note. */
function sizeToNote(it: PItem): string {
  const size = SIZE_AFTER.exec(it.name) ?? SIZE_BEFORE.exec(it.name)
  if (!size) return it.name
  it.note = it.note ? size[1] + '码 ' + it.note : size[1] + '码'
  return it.name.replace(size[0], '')
}

/** The same thing named twice ("盐和酱油没了 … 盐一包 酱油一瓶", "土豆 土豆") is one item. */
export function withoutRepeats(keep: PItem[]): OrderItem[] {
  const out: OrderItem[] = []
  const firstByName = new Map<string, number>()
  if (keep.length > LOOKBACK) {
    for (let k = 0; k < keep.length; k++) {
      const it = keep[k]
      if (it.op !== 'add') continue
      const f = firstByName.get(it.name)
      if (f === undefined || (it.hasQty && !keep[f].hasQty)) firstByName.set(it.name, k)
    }
  }
  for (let k = 0; k < keep.length; k++) {
    const it = keep[k]
    if (it.op === 'add' && !it.hasQty) {
      let dup = false
      if (keep.length <= LOOKBACK) {
        for (let m = 0; m < keep.length && !dup; m++) {
          const o = keep[m]
          if (m !== k && o.op === 'add' && sameThing(o.name, it.name) && (o.hasQty || m < k)) dup = true
          // "三文鱼冇得就买鲈鱼，鲈鱼要活滴": said again of a substitute, it is a remark on it
          else if (m < k && o.op === 'add' && o.alternatives.some((a) => sameThing(a, it.name))) dup = true
        }
      } else {
        // a very long post: exact repeats only
        const first = firstByName.get(it.name)
        dup = first !== undefined && (first < k || keep[first].hasQty)
      }
      if (dup) continue
    }
    const name = sizeToNote(it)
    const o: OrderItem = {
      name,
      qty: it.hasQty ? it.qty : null,
      unit: it.hasQty ? it.unit : null,
      alternatives: it.alternatives,
      op: it.op,
    }
    if (o.qty === null) o.unit = it.fewUnit
    // "两支水", "一支豉油": a bottle, written as 支 in Cantonese
    if (o.unit === '支' && BOTTLED.some((end) => o.name.endsWith(end))) o.unit = '瓶'
    // "花生油一筒": oil comes by the bucket (桶), which voice input writes 筒 (a roll of biscuits)
    if (o.unit === '筒' && o.name.endsWith('油')) o.unit = '桶'
    if (it.note) o.note = it.note
    if (it.replaces) o.replaces = it.replaces
    out.push(o)
  }
  return out
}

/** 几 right after a name, or a verb after it ("葱 几根", "土豆买几个"). */
// ("咸鸭蛋也拿几个", "葱再来几根": 也, 再, 还 before the verb)
const FEW_AFTER = /^\s{0,2}(?:[也再还]?[买要来拿带整]\s?)?几(?=\S)/

/**
 * "葱 几根", "来几包薯片": a few, counted in a unit — no number to take (LABELS.md: qty null),
 * but the unit is what the steward buys in, so it stays.
 */
export function fewOfUnit(st: MessageState): void {
  const s = st.s
  for (const it of st.items) {
    if (it.op !== 'add' || it.hasQty || it.start < 0 || it.med) continue
    const after = FEW_AFTER.exec(s.slice(it.end, it.end + 6))
    let at = after ? it.end + after[0].length : -1
    // (before the name: "来几包辣条" — not "十几个", a number the amount already took)
    if (at < 0 && it.start >= 2 && s.charAt(it.start - 2) === '几') at = it.start - 1
    if (at < 0) continue
    const u = matchAt(s, at)
    if (!u || u.k !== T_UNIT || !u.canon || (at === it.start - 1 && u.word.length !== 1)) continue
    // (not a question of weight, "几斤重")
    if (s.charAt(at + u.word.length) === '重') continue
    it.fewUnit = u.canon
  }
}

/** One of the unit, then which kind: "一袋三鲜的", "一排草莓的", "1盒原味嘅". */
const ONE_OF =
  /^[，,、\s]*(?:一|1)(\S)((?![一两二半要给挑选不别])[^\s，,、。；;！!？?\n\d]{1,6}?)(的|嘅|噶|个)?(?=[，,、\s。；;！!？?]|一|1|$)/

/**
 * "饺子两袋，一袋三鲜的一袋韭菜的", "酸奶要两排，一排草莓的一排黄桃的": a count shared out
 * one by one over kinds is one item of each kind, when the kinds add up to the count.
 */
export function sharedOut(st: MessageState): void {
  const items = st.items
  for (let k = 0; k < items.length; k++) {
    const it = items[k]
    if (it.op !== 'add' || !it.hasQty || it.unit === null || it.end < 0 || it.med) continue
    const n = it.qty
    if (n === null || !Number.isInteger(n) || n < 2 || n > 6) continue
    // (the count may come after the name and a verb: "饺子买两袋，一袋…"; the first kind starts
    // after a pause)
    let at = -1
    for (let j = it.end + 1; j < it.end + 10 && j < st.s.length && at < 0; j++)
      if (/[，,、\s]/.test(st.s.charAt(j - 1)) && /[一1]/.test(st.s.charAt(j))) at = j
    if (at < 0) continue
    const kinds: string[] = []
    for (let m = ONE_OF.exec(st.s.slice(at)); m && kinds.length < n; m = ONE_OF.exec(st.s.slice(at))) {
      const u = matchAt(st.s, at + m[0].indexOf(m[1]))
      if (!u || u.k !== T_UNIT || u.canon !== it.unit) break
      // (a whole product of another kind, not closed by 的, is a thing of its own: "土豆2个、1个鸡蛋")
      const w = m[3] ? null : matchAt(m[2], 0)
      if (w && w.k === T_GOODS && w.word.length === m[2].length && w.sub !== it.kind) break
      kinds.push(m[2].replace(/味儿$/, '味'))
      at += m[0].length
    }
    if (kinds.length !== n) continue
    // (what the parse made of the kinds — "三鲜 1袋" — gives way to them)
    let drop = 0
    while (k + 1 + drop < items.length && items[k + 1 + drop].start >= it.end && items[k + 1 + drop].start < at) drop++
    // (a kind that already names the thing stands alone: "牛奶两箱，一箱纯牛奶一箱…")
    const named = (kind: string) => (kind.endsWith(it.name) ? kind : kind + it.name)
    const each = kinds.map((kind) => ({ ...it, name: named(kind), qty: 1, alternatives: [...it.alternatives] }))
    items.splice(k, 1 + drop, ...each)
    k += n - 1
  }
}
