// What a chunk does to the items already read: corrections ("土豆改成5斤", "土豆换成红薯"),
// removals ("鸡蛋不要了"), substitutes for an earlier item ("没有的话换西芹"), and notes and
// brands that belong to the item before ("要瘦的", "奶粉 飞鹤").
import { addNote, emptyItem, setQty, takeAmount, type ChunkOut, type PItem } from './chunk.ts'
import type { Qty } from './elements.ts'
import { NUMBER_AHEAD } from './tokens.ts'
import { UNIT_WORDS, matchAt } from './lexicon.ts'
import { T_GOODS } from './kinds.ts'
import { eachFollows, findItem, sameThing, type MessageState } from './state.ts'

/**
 * "不是A，是B" — "黄瓜不是2根，是4根", "不是白菜是包菜", "不是二斤排骨 是五斤", 闽 "毋是一盒是两盒" — says "A改成B".
 * The idiom spans two chunks, so it is restated in the text before it is read, as the
 * correction the reader already knows: one way to read every correction. A and B are short runs
 * with no separator; "是不是" is a question, not this.
 */
const NOT_A_BUT_B =
  /(?<!是)(?:不是|唔系|唔是|毋是)([^，,。；;！!？?\n\s]{1,12}?)[，,、\s…]*(?:而是|(?<![都就还也只要])是|系)(?!不是)(?=[^，,。；;！!？?\n\s])/g

/**
 * "不要两瓶要一瓶", "不是两桶，一桶": an amount turned down, then the amount meant — with no 是
 * before the second, the first idiom does not see it. Both are amounts (a number and a unit of
 * units.txt), so it reads as nothing but a correction of the amount.
 */
const CJK_UNITS = UNIT_WORDS.filter((u) => /^[\u3400-\u9fff]+$/.test(u)).sort((a, b) => b.length - a.length)
const AMOUNT = `(?:[0-9]+(?:\\.[0-9]+)?|[一二两三四五六七八九十半俩仨]{1,3})\\s*(?:${CJK_UNITS.join('|')})`
// ("我要的是二十个，不是十个": the amount meant first, then the one written by mistake)
const M_NOT_N = new RegExp(`(?:是|系)\\s*(${AMOUNT})[，,、\\s]*(?:不是|而不是|唔系)\\s*${AMOUNT}`, 'g')
// ("鸡蛋上回是一盒这回要两盒": the amount last time, then this time's)
const LAST_TIME_THIS_TIME = new RegExp(
  `(?:上回|上次)(?:是|买的|要的|买了)?\\s*${AMOUNT}[，,、\\s]*(?:这回|这次)(?:要|就要|改成|来)?(?=\\s*${AMOUNT})`,
  'g',
)
const NOT_N_BUT_M = new RegExp(`(?<!是)(?:不是|不要|唔要|唔系|毋是)\\s*${AMOUNT}[，,、\\s…]*(?:要|就要|只要)?(?=${AMOUNT})`, 'g')

/**
 * "口罩不用，家里还有", "溢奶巾 不用，家里有": a bare 不用 also closes a list ("多的不用"), but with
 * the household's own stock named as the reason it takes the thing before it off, like 不要了.
 */
/** Where the household keeps what it has: 家里, 屋里, 屋头 (川), 屋企 (粤), 阿拉屋里 (沪) … */
export const AT_HOME = '(?:家里|屋里|家裡|屋头|屋企|我家|阿拉屋里)'
const NOT_NEEDED_HAVE = new RegExp(`(?:不用|唔使|唔洗)(?:了|啦|咯|喇)?(?=[，,、\\s]*${AT_HOME}(?:面|里)?(?:还|仲|也|都)?(?:有|剩))`, 'g')

/**
 * "屋里一根菜都冇得了", "一个鸡蛋都没有了": not even one — what ran out, and no amount of anything.
 */
const NOT_EVEN_ONE = /一(?:根|个|点|滴|粒|把|颗|块|口|片)(?=[\u4e00-\u9fff]{0,3}都(?:没|冇|莫|无|不剩))/g

/**
 * "…就要那个油麦菜都没有就算了": "if there is none of them at all, forget it", run on with no comma
 * after the last substitute, was read as withdrawing it; a comma before it makes it the condition it
 * is. (Not 也没有: "扁豆也没有的话那就算了" opens its own clause.)
 */
const NONE_THEN_FORGET_GLUED = /(?<=[\u4e00-\u9fff])(?=都(?:没有|没得|冇得|莫得|冇)(?:的话)?(?:就|那就)?(?:算了|不要了|别买了))/g

/**
 * "大米还有，缺的是酱油", "米还有一眼", "奶粉还有莫得问题": a thing that there is still some of, said
 * so and no more, is the household's stock — read as "大米有", which takes it off the list. Not
 * 还有 between two things ("苹果还有香蕉"), after an amount ("苹果两斤还有，", "1土豆还有") or a person ("我还有", said
 * of the thing before), nor 还有没有 (a question).
 */
const STILL_HAVE =
  /(?<=[\u4e00-\u9fff])(?<![斤两个把包袋盒瓶箱桶罐根颗棵条只块份提板串卷，,我你他她俺侬们])还有(?:一眼|一点|点儿|些)?(?:莫得问题|没问题|冇问题)?(?=\s*(?:[，,。；;！!]|$))/g

/** (an amount just before the name: "1土豆还有", "half香还有" order it and go on, they say nothing of stock) */
const AMOUNT_JUST_BEFORE = /[\dA-Za-z一二两三四五六七八九十廿半俩仨][^，,。；;！!？?\s]{0,3}$/

export function restate(s: string): string {
  if (s.indexOf('还有') >= 0) s = s.replace(STILL_HAVE, (m, at: number) => (AMOUNT_JUST_BEFORE.test(s.slice(0, at)) ? m : '有'))
  if (s.indexOf('算了') >= 0 || s.indexOf('不要了') >= 0) s = s.replace(NONE_THEN_FORGET_GLUED, '，')
  if (s.indexOf('都') >= 0) s = s.replace(NOT_EVEN_ONE, '')
  if (s.indexOf('不') >= 0 || s.indexOf('唔') >= 0 || s.indexOf('毋') >= 0) s = s.replace(NOT_N_BUT_M, ' 改成').replace(M_NOT_N, ' 改成$1')
  if (s.indexOf('回') >= 0 || s.indexOf('次') >= 0) s = s.replace(LAST_TIME_THIS_TIME, ' 改成')
  if (s.indexOf('不用') >= 0 || s.indexOf('唔') >= 0) s = s.replace(NOT_NEEDED_HAVE, '不要了')
  if (s.indexOf('是') < 0 && s.indexOf('系') < 0) return s
  // (a space where 不是 was: what stood before it does not run into A)
  return s.replace(NOT_A_BUT_B, ' $1改成').replace(NOT_THIS_ONE, ' ')
}

/**
 * "鸡翅一盒 鸡翅中啊 不是鸡翅根", "买点鸡蛋，不是鸭蛋哈": 不是 a thing, closing the clause with no 是 after
 * it, says which one is not meant — it orders nothing and takes nothing off, and goes.
 */
// (a name only: no verb that asks and no amount in it — "不是蒜要两头" corrects the amount)
const NOT_THIS_ONE =
  /(?<!是)(?:不是|唔系|唔是|毋是)[^，,。；;！!？?\n\s是系\d要来买拿一二两三四五六七八九十半几]{1,8}?[啊哈呀哦喔嘛啦咯的]*(?=\s*(?:[，,。；;！!？?\n]|$))/g

/**
 * A removal or a correction of an item listed earlier in the message changes it in place;
 * returns false when there is nothing to change (the item then stands on its own: a correction
 * of an order sent before).
 */
/** Something taken off between an oops and the new name: what the new name replaces is that. */
const TAKEN_OFF_BETWEEN = /不要|别要|唔要|覅|勿要|莫要|删|取消|算了|免了|划掉/

/** Right before a name: "别的牌子的", "其他", "别家的" — what is not wanted is every other kind of it. */
const OTHER_KINDS = /(?:别的|其他|其它|别家|别个|第二种)[^，,。；;!！\n]{0,5}$/

/** Right before a name: a word or two that describe it, closed by 的 (沪 额, 粤 嘅, 湘 个, 川 滴). */
const KIND_BEFORE = /([\u4e00-\u9fff]{1,3})(?:的|额|嘅|个|滴)$/
/** …but naming one thing already meant, not a kind: 刚才的, 上次的, 我的, 那个. */
const THAT_ONE = /刚才|刚刚|上次|上回|之前|原来|昨天|前天|早上|那|这|我|你|他|她|阿拉|俺|伊/

export function applyOp(st: MessageState, it: PItem): boolean {
  const items = st.items
  // medicine is never an item, so it changes none ("土豆改成…退烧药" leaves the potatoes alone)
  if (it.med) return false
  if (it.op === 'remove') {
    st.removed = { name: it.name, chunk: it.chunk, ordered: null }
    // "鸡蛋唔要一盒啦，要两盒": wait for the amount that replaces the one taken back
    if (it.notAmount) return false
    // "卫龙辣条两包，别的牌子的辣条不要": other kinds are not wanted — a wish, the item stays
    if (it.start > 0 && OTHER_KINDS.test(st.s.slice(Math.max(0, it.start - 8), it.start))) return true
    // "春笋三四根…老额春笋勿要", "香蕉一把，太熟的香蕉不要": a kind of a thing this message orders in
    // an amount, described before its name, is not wanted — a wish about which to bring; the item
    // stays, with the wish as its note (not 刚才的 / 上次的 / 我的: that one, taken off)
    const kind = it.start > 0 ? KIND_BEFORE.exec(st.s.slice(Math.max(0, it.start - 6), it.start)) : null
    if (kind && !THAT_ONE.test(kind[0])) {
      const j = findItem(items, it.name)
      if (j >= 0 && items[j].op === 'add' && items[j].hasQty && items[j].chunk < it.chunk) {
        addNote(items[j], '不要' + kind[1] + '的')
        return true
      }
    }
    // "米 1袋（不要泰国香米）": taking off 泰国香米 does not take off the rice; "鸡蛋不要了" takes off 土鸡蛋
    const k = findItem(items, it.name)
    if (k >= 0 && items[k].op === 'add' && items[k].name.includes(it.name)) {
      const [gone] = items.splice(k, 1)
      if (gone.hasQty) st.removed.ordered = { qty: gone.qty, unit: gone.unit, bareQty: gone.bareQty }
      return true
    }
    return false
  }
  // "白菜删掉，换成两斤娃娃菜": the new item takes the place of the one just taken off
  // (but "梨不要了，苹果改三斤" corrects the apples already listed: a thing of its own)
  if (
    !it.replaces &&
    st.removed &&
    st.removed.chunk >= it.chunk - 1 &&
    !sameThing(st.removed.name, it.name) &&
    findItem(items, it.name) < 0
  )
    it.replaces = st.removed.name
  // "金龙鱼调和油5L一桶，不对，换成鲁花花生油": after an oops, a new name put in the place of the
  // thing said just before it
  if (it.op === 'set' && !it.replaces && st.oopsChunk >= 0 && findItem(items, it.name) < 0) {
    const p = items.length ? items[items.length - 1] : null
    // (the oops after it, and right before the new name: "百菜要一颗不对两颗…那个分条不要了换成粉丝"
    // corrected the cabbage's amount; what the noodles replace is the thing taken off)
    if (
      p &&
      p.op === 'add' &&
      !p.med &&
      p.chunk < it.chunk &&
      p.chunk >= it.chunk - 2 &&
      st.oopsChunk >= p.chunk &&
      st.oopsChunk >= it.chunk - 1 &&
      !TAKEN_OFF_BETWEEN.test(st.s.slice(st.oopsAt, Math.max(st.oopsAt, it.start))) &&
      !sameThing(p.name, it.name)
    )
      it.replaces = p.name
  }
  const k = findItem(items, it.replaces ?? it.name)
  // "可乐2瓶 … 可乐不要了，换成雪碧": what replaces a thing ordered in this message is ordered in
  // its amount, unless it gives one of its own
  const gone = st.removed
  if (k < 0 && it.replaces && gone?.ordered && gone.name === it.replaces && gone.chunk >= it.chunk - 1) {
    if (!it.hasQty) {
      it.qty = gone.ordered.qty
      it.unit = gone.ordered.unit
      it.bareQty = gone.ordered.bareQty
      it.hasQty = true
    }
    it.op = 'add'
    it.replaces = null
    return false
  }
  if (k < 0 || items[k].op === 'remove') return false
  const old = items[k]
  // an item ordered with its amount in this message stays an order; one only named before
  // ("刚才订的牛奶 … 牛奶改成两箱") is a correction of an order sent earlier
  if (!old.hasQty || st.infos[old.chunk]?.past) old.op = 'set'
  old.touched = true
  if (it.hasQty) {
    takeAmount(old, it)
  }
  if (it.replaces) old.name = it.name
  if (it.note) old.note = it.note
  return true
}

/** "奶粉 飞鹤 两罐", "猫粮一袋 要皇家的": a brand after its product is a note on it. */
export function brandOfPrevious(st: MessageState, it: PItem, ci: number, r: ChunkOut): boolean {
  const items = st.items
  if (it.brandOnly && !it.hasQty && it.start >= 0 && items.length && !r.geQty) {
    const p = items[items.length - 1]
    if (
      p.op === 'add' &&
      !p.hasQty &&
      !p.brandOnly &&
      !p.med &&
      p.chunk === ci - 1 &&
      p.end >= 0 &&
      st.s.slice(p.end, it.start).trim() === '' &&
      // (not after a category heading, nor on the next line: "饮料⏎可口可乐 2瓶" orders the cola)
      !p.generic &&
      !st.s.slice(p.end, it.start).includes('\n') &&
      // (nor in a run that one amount is for: "可乐 雪碧 王老吉 各1箱" is three drinks)
      !eachFollows(st, it)
    ) {
      addNote(p, it.name)
      return true
    }
  }
  if (it.kindNote && !it.brandNote && items.length) {
    // "方便面一箱康师傅红烧牛肉的", "猫砂两袋要那个豆腐的": which one the item before is, once it
    // has its amount (in the same sentence)
    const p = items[items.length - 1]
    if (p.op === 'add' && p.hasQty && !p.med && p.end >= 0 && !/[\n。.!?！？]/.test(st.s.slice(p.end, it.start))) {
      addNote(p, it.name + '的')
      return true
    }
  }
  if (it.brandNote && items.length) {
    const p = items[items.length - 1]
    // ("一箱矿泉水农夫山泉的", "洗衣粉一袋立白的": written on to the thing or its amount, a brand of
    // its kind says which one it is — 农夫山泉矿泉水; after a comma it stays a wish, "鸡蛋一盒，伊利的")
    // (not a brand of what follows its 的: "一箱牛奶蒙牛的纯牛奶", "狗粮皇家的中型犬" — after it the
    // message goes on, or a size, a filler or a verb follows)
    const ofNext = matchAt(st.s, it.end + 1)
    const goesOn = /^(?:$|[\s，,。；;！!？?、)）])/.test(st.s.slice(it.end + 1, it.end + 2)) || (ofNext !== null && ofNext.k !== T_GOODS)
    if (p.op === 'add' && p.end >= 0 && it.start >= 0 && p.kinds & it.kinds && BRAND_ON.test(st.s.slice(p.end, it.start)) && goesOn) {
      if (!p.name.includes(it.name)) p.name = it.name + p.name
      return true
    }
    const note = it.name + '的'
    addNote(p, note)
    return true
  }
  return false
}

/** Between a thing and its brand written on: nothing, a space, or the thing's own amount. */
const BRAND_ON = /^[ \t]*(?:(?:\d+(?:\.\d+)?|[一两二三四五六七八九十半]{1,3})[^\s\d，,。；;、的]{1,2}[ \t]*)?$/

/** Substitutes the chunk names, on the item they are for. */
export function applyAlternatives(st: MessageState, r: ChunkOut, ci: number, chunkTarget: number): void {
  if (!r.altNeedTarget || !(r.alts.length || r.altRefs.length)) return
  const items = st.items
  let k = -1
  for (const ref of r.altRefs) {
    k = findItem(items, ref)
    if (k >= 0) break
  }
  if (k < 0 && r.altRefs.length && items.length === 0) {
    // 没有豌豆尖可以换油麦菜, with no 豌豆尖 before: the item is the one named
    items.push(emptyItem(r.altRefs[0], ci))
    k = items.length - 1
    st.lastItemsChunk = ci
  }
  if (k < 0) k = chunkTarget >= 0 ? chunkTarget : items.length - 1
  // (an unknown word alone is no item to give substitutes to)
  while (k >= 0 && items[k].fallback && !items[k].hasQty) k--
  if (k < 0 && r.alts.length && !r.altRefs.length) {
    // "青菜冬瓜豆腐都行" with nothing before: not substitutes, the things themselves
    for (const al of r.alts) items.push(emptyItem(al, ci))
    st.lastItemsChunk = ci
    return
  }
  if (k >= 0) {
    const p = items[k]
    for (const al of r.alts) if (!p.alternatives.includes(al) && !sameThing(al, p.name)) p.alternatives.push(al)
  }
}

/** "不要了", "改成5斤", "要瘦的" in a chunk of their own: about the item just before. */
export function applyToPrevious(st: MessageState, r: ChunkOut, ci: number): void {
  const items = st.items
  const k = items.length - 1
  if (r.cancelPrev && k >= 0 && st.lastItemsChunk === ci - 1) {
    // ordered in this message ("白菜一颗 … 不要了"): drop it; only named ("土豆 不要了"): a removal
    if (items[k].op === 'add' && items[k].hasQty) items.splice(k, 1)
    else {
      items[k].op = 'remove'
      items[k].qty = null
      items[k].unit = null
      items[k].hasQty = false
    }
  }
  if (r.setPrev && items.length) {
    // "土豆 改成5斤": a correction, unless the item was ordered with an amount in this message
    const p = items[items.length - 1]
    if (!p.hasQty || p.op !== 'add') p.op = 'set'
    setQty(p, r.setPrev)
  }
  if (r.notePrev && items.length && st.lastItemsChunk >= ci - 1) {
    const p = items[items.length - 1]
    addNote(p, r.notePrev)
  }
}

/**
 * An amount on its own after "鸡蛋唔要一盒啦" replaces the amount taken back; after "哦不对" it
 * corrects the item just ordered ("要五个土豆，哦不对，六个"). Returns whether it was used.
 */
export function correctAmount(st: MessageState, q: Qty, ci: number, oopsFirst = false): boolean {
  const items = st.items
  const k = items.length - 1
  if (k < 0) return false
  const p = items[k]
  if (p.op === 'remove' && p.notAmount && p.chunk === ci - 1) {
    p.op = 'set'
    p.notAmount = false
    setQty(p, q)
    items.pop()
    if (!applyOp(st, p)) items.push(p)
    return true
  }
  // (the oops in an earlier chunk, or opening this one: "鸡蛋一板…不对要两板")
  const oops = st.oopsChunk >= 0 && (st.oopsChunk < ci || (st.oopsChunk === ci && oopsFirst))
  if (oops && st.oopsChunk >= p.chunk && p.chunk < ci && p.hasQty && p.op !== 'remove' && !p.fallback) {
    setQty(p, q)
    return true
  }
  return false
}

/** A removal of an amount that no new amount followed is a removal of the item after all. */
export function settleRemovals(st: MessageState, ci: number): void {
  const items = st.items
  const k = items.length - 1
  if (k < 0) return
  const p = items[k]
  if (p.op === 'remove' && p.notAmount && p.chunk < ci) {
    p.notAmount = false
    items.pop()
    if (!applyOp(st, p)) items.push(p)
  }
}

/** After 哦不对 / 说错了, an item said again with an amount corrects the one said before. */
export function restatedAfterOops(st: MessageState, it: PItem): boolean {
  if (st.oopsChunk < 0 || !it.hasQty || it.op !== 'add' || it.med || it.fallback) return false
  // (the oops in an earlier chunk, or earlier in the same one: "鸡翅1斤，哦不对鸡翅要2斤")
  if (st.oopsChunk > it.chunk || (st.oopsChunk === it.chunk && !(it.start > st.oopsAt))) return false
  const k = findItem(st.items, it.name)
  if (k < 0) return false
  const p = st.items[k]
  if (p.chunk > st.oopsChunk || (p.chunk === st.oopsChunk && !(p.end >= 0 && p.end <= st.oopsAt)) || p.op !== 'add') return false
  takeAmount(p, it)
  return true
}

/** What may stand between an item and the oops that takes it back: its amount (要 two 斤 of it), a
 * particle, a pause (a dash too: "老抽一瓶——不对不对，是生抽"). */
const OOPS_GAP = /^[\s\d.一二两三四五六七八九十半,，。、…!！?？~～—–-啊呀哦噢诶哎吧呢嘛啦了的个条斤两只颗把袋盒瓶箱包罐根块要来]*$/

/** An amount in a unit, nothing else of a number, right before a name: "要一整块", "来两斤". */
const OWN_AMOUNT_BEFORE = /^[^\d一二两三四五六七八九十半]*[\d一二两三四五六七八九十半]{1,3}[整大小]?[^\s\d,，。、;；!！?？]{1,2}$/

/** Words that add to the list after an oops ("哦不对，还要两斤洋葱"): what follows is more, not a swap. */
const ADDS_AFTER_OOPS = /(?:再|另外|另|加|还要|还有|多)[^，,。；;！!？?\n]{0,4}$/

/**
 * "草鱼一条啊不对不对，鲫鱼一条", "一斤芥兰……啊唔系，系菜心": right after an oops, a different thing
 * takes the place of the one said just before it — in its own amount, or in the one said.
 */
export function swappedAfterOops(st: MessageState, it: PItem): boolean {
  if (st.oopsChunk < 0 || it.op !== 'add' || it.med || it.fallback || it.start < 0) return false
  if (!(st.oopsChunk === it.chunk - 1 || (st.oopsChunk === it.chunk && it.start > st.oopsAt))) return false
  const p = st.items.length ? st.items[st.items.length - 1] : null
  if (!p || p.op !== 'add' || p.med || p.fallback || p.end < 0 || p.end > st.oopsAt) return false
  if (sameThing(p.name, it.name)) return false
  // (the oops right after that item — its amount and a particle between at most — and nothing
  // but the oops before the new one: "大葱两捆，不对一捆就够，酸菜一袋" corrected an amount, and
  // "蚝油1瓶 将油 不对 酱油1瓶" took back a word that was no item)
  if (!OOPS_GAP.test(st.s.slice(p.end, st.oopsAt))) return false
  // (nor an amount between them, unless it is the new thing's own, right before its name: "哦不，
  // 直接要一整块前腿肉")
  const between = st.s.slice(st.oopsAt, it.start)
  if (NUMBER_AHEAD.test(between) && !(it.hasQty && OWN_AMOUNT_BEFORE.test(between))) return false
  if (ADDS_AFTER_OOPS.test(st.s.slice(Math.max(0, it.start - 8), it.start))) return false
  p.name = it.name
  if (it.hasQty) {
    takeAmount(p, it)
  }
  // (the item now stands where it was said: one more after it is an item of its own)
  p.start = it.start
  p.end = it.end
  p.chunk = it.chunk
  p.touched = true
  return true
}
