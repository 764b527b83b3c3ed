// The message: chunk by chunk (the text between separators), items are collected, and the
// chunks that only carry an amount, a 各, a substitute, a correction or a note are applied to
// the items they belong to; at the end only what reads as a request is kept (decide.ts), so that
// commentary ("停电了冰箱里的肉都坏了") gives no order.
import type { OrderItem } from './types.ts'
import { scanNumber } from '../numerals.ts'
import { AMOUNT_CHANGES, CANONICAL_UNITS, EAT_WORDS, NOTICE_HEADER, NOTICE_LEAD, NOTICE_WORDS, SHORT_WORDS, matchAt } from './lexicon.ts'
import { productKey, readDoorList, type DoorList } from './jielong.ts'
import { readTable, type TablePart } from './table.ts'
import { withoutTalk } from './mentions.ts'
import { HAS_CJK, N_MULT, NUMBER_AHEAD, tokenize, type Tok } from './tokens.ts'
import { isCommonWord } from './sound.ts'
import { buildElements, newInfo, E_K, E_P, E_Q, type Qty } from './elements.ts'
import { addNote, readChunk, setQty, type ChunkOut, type PItem } from './chunk.ts'
import {
  AT_HOME,
  applyAlternatives,
  applyOp,
  applyToPrevious,
  brandOfPrevious,
  correctAmount,
  restate,
  restatedAfterOops,
  swappedAfterOops,
  settleRemovals,
} from './corrections.ts'
import {
  emojiBullets,
  enumerated,
  flavourThenAmount,
  kindsOfBare,
  bareThenAmount,
  kindOfSameHead,
  restatedSubstitutes,
  talkOfRemoved,
  glosses,
  describedBy,
  brandForKind,
  joinBrands,
  keepOrders,
  kindAfterAmount,
  perPerson,
  fewOfUnit,
  sharedOut,
  needsToOrders,
  specificAfterGeneric,
  kindNamedAfter,
  totalsToParts,
  withoutRepeats,
} from './decide.ts'
import { doubled } from './doubling.ts'
import { fillings } from './fillings.ts'
import { settledAmounts } from './settled.ts'
import { parseCart, readCart } from './app-cart.ts'
import { sizesOfOne, sizesOfProduct } from './sizes.ts'
import { rejoined } from './transcribed.ts'
import { eachFollows, findItem, newState, sameThing, type MessageState } from './state.ts'
import {
  T_SEP,
  T_GOODS,
  T_UNK,
  T_FILL,
  T_MED,
  T_NONGOODS,
  T_NUM,
  SP_SPACE,
  SP_CONJ,
  SP_NL,
  SP_LISTEND,
  U_MEASURE,
  U_CONTAINER,
  F_INTENT,
  KW_OK,
  KW_NOTWANT,
  KW_CANCEL,
  T_KW,
} from './kinds.ts'

export function parseShoppingList(text: string): OrderItem[] {
  try {
    // (a list typed back from a screenshot is made whole first)
    return parse(typeof text === 'string' ? soldForBought(rejoined(text)) : '')
  } catch {
    return []
  }
}

/**
 * "卖一箱农夫山泉一箱那个可乐…": voice input writes 卖 for 买 (mǎi / mài). A message that opens with
 * 卖 and an amount, and names no price, buys: a seller would say what it costs. Only inside list
 * parsing — elsewhere 卖 is what a neighbour offers.
 */
function soldForBought(text: string): string {
  return NO_PRICE.test(text) ? text.replace(SOLD_FIRST, '$1买') : text
}
const SOLD_FIRST =
  /^(\s*(?:(?:喂|嗯|啊|哎|那个|我|我要|你好|管家|小[\u4e00-\u9fff])[\s，,、。!！]*){0,4})卖(?=\s*(?:[一二两三四五六七八九十半几俩仨]|\d))/
/** No price in it: no 元, 块钱, 块一, ¥ or 价. */
const NO_PRICE = /^(?![\s\S]*(?:元|块钱|\d\s*块|块一|[¥￥]|价))/

function parse(text: string): OrderItem[] {
  if (!text) return []
  // (read before the rewrites below: they would take a title's sizes and words for amounts)
  const cart = readCart(text)
  if (cart) return parseCart(cart, parse)
  const s = inlineMarkers(
    unitLast(
      allInUnit(
        eachFirst(
          withoutSums(
            splitTotals(
              restate(
                multipliersFirst(
                  sizesOfOne(
                    unspace(
                      notesUnder(
                        withoutTicked(
                          unrepeated(
                            refusedUnder(
                              sizeThenCount(
                                keycaps(oneOfEach(disinfectant84(petFoodHeard(dialectDe(pricesAside(fromTo(struckOut(text)))))))),
                              ),
                            ),
                          ),
                        ),
                      ),
                    ),
                  ),
                ),
              ),
            ),
          ),
        ),
      ),
    ),
  )
  const list = readDoorList(s)
  if (list) return parseDoorList(list)
  const header = NOTICE_HEADER.exec(s)
  if (header && NOTICE_WORDS.test(header[1])) return []
  if (NOTICE_LEAD.test(s)) return []
  const table = readTable(s)
  if (table) return parseTable(table)
  const quoted = QUOTED_REPLY.exec(s)
  if (quoted) return parseQuotedReply(quoted[1], quoted[2])
  const prices = priceList(s)
  if (prices) return parseChoice(prices)
  return parseBody(byPosition(s))
}

/**
 * "~~燕麦片~~ 划掉了", "~~啤酒~~ 想都别想": a list kept in a notes app strikes out what is no
 * longer wanted; struck-out text is taken off (a removal the message keeps), not ordered.
 */
// (the normalisation has made the markdown's ~~ one ~ by then, so a pair of them around a line's
// words: "~啤酒~ 想都别想"; not a range, "3~5斤", nor a wave after a word, "好的~")
function struckOut(s: string): string {
  if (s.indexOf('~') < 0) return s
  return s.replace(STRUCK, (_m, lead: string, what: string) => `${lead}${what.trim()}，不要了，`)
}
const STRUCK = /(^|[\s(（【])~([^~\n\d][^~\n]{0,39}?)~(?=$|[\s，,。)）】])/gm

/**
 * "鸡蛋 from 3 盒 to 2 盒", "鸡胸肉 from 2斤 to 3斤": a change written in English is read as
 * "改成" the new amount.
 */
function fromTo(s: string): string {
  if (!/from/i.test(s)) return s
  return s.replace(FROM_TO, ' 改成$1')
}
const FROM_TO = /\bfrom\s*\d+(?:\.\d+)?\s*[\u4e00-\u9fffA-Za-z]{1,3}\s*to\s*(\d+(?:\.\d+)?\s*[\u4e00-\u9fffA-Za-z]{1,3})/gi

/**
 * "牛排 2 块 (大概 40 一块), 芦笋 1 把": a price per piece in brackets is how much one costs, and
 * its "一块" no amount of anything — left in, it was taken for the next thing's amount.
 */
function pricesAside(s: string): string {
  if (PRICE_PER_WORD.test(s)) s = s.replace(PRICE_LIMIT, ' ').replace(PRICE_PER_UNIT, ' ')
  if (s.indexOf('(') < 0 && s.indexOf('（') < 0) return s
  return s.replace(PRICE_IN_BRACKETS, ' ')
}
/**
 * "黄花鱼十五以内一斤的来二斤", "桃子五块左右一斤的，两斤", "西瓜要八毛一斤以内的": the price the
 * writer will pay for a unit — a figure with money or a limit (以内, 上下, 左右), then the unit it is
 * paid for — is no amount. Not money alone ("十块钱的藜蒿", "二十块钱左右的就行" order that much
 * money's worth) nor an amount about so much ("赤小豆二两左右").
 */
const PRICE_NUM = '(?:\\d+(?:\\.\\d+)?|[一二两三四五六七八九十百]{1,4})'
const PRICE_MONEY = '(?:块钱?|元|毛钱?|蚊)'
const PRICE_LIMITS = '(?:以内|以下|之内|上下|左右|出头)'
const PRICE_UNIT = '(?:一|每)\\s*(?:斤|个|两|公斤|只|条|盒|袋)'
const PRICE_PER_WORD = /[一每]\s*(?:斤|个|两|公斤|只|条|盒|袋)/
const PRICE_LIMIT = new RegExp(
  `${PRICE_NUM}[ \\t]*${PRICE_MONEY}?[ \\t]*${PRICE_LIMITS}[ \\t]*${PRICE_UNIT}[ \\t]*${PRICE_LIMITS}?[ \\t]*的?`,
  'g',
)
const PRICE_PER_UNIT = new RegExp(`${PRICE_NUM}[ \\t]*${PRICE_MONEY}[ \\t]*${PRICE_UNIT}[ \\t]*${PRICE_LIMITS}?[ \\t]*的`, 'g')
const PRICE_IN_BRACKETS =
  /[（(][^)）\n]{0,6}?\d+(?:\.\d+)?\s*(?:元|块钱|块|蚊|rmb|RMB)?\s*(?:一|每|\/)\s*[\u4e00-\u9fff]{1,2}[^)）\n]{0,6}[)）]/g

/**
 * "两斤重滴", "有滴话带两斤", "刚才报滴红安苕", "猫子恰滴猫粮": in Hubei, Hunan and Sichuan speech
 * 滴 is 的 (and 恰 is 吃, before it or after 要 / 想). Read so inside list parsing only; not after a number ("一滴")
 * nor in the names that begin with it (滴露, 滴眼液, 滴鸡精).
 */
function dialectDe(s: string): string {
  if (s.indexOf('个') >= 0) s = s.replace(GE_AS_DE, '的')
  if (s.indexOf('滴') < 0 && s.indexOf('恰') < 0) return s
  return s
    .replace(/恰滴/g, '吃的')
    .replace(/(?<=[要想去来])恰(?=[\u4e00-\u9fff])/g, '吃')
    .replace(DIALECT_DE, '的')
}
/**
 * "龙游个，白个弗要", "要活个", "十块钱个藜蒿", "冇得个话": in Wu, Gan, Hakka and Hunan speech 个 is
 * 的 — after money, before 话, and closing a clause or before a refusal. Not the counter: after a
 * number, a demonstrative or a verb ("三个，", "这个", "再来个，" stay as they are).
 */
const GE_AS_DE =
  /(?<=钱)个|(?<=[\u4e00-\u9fff])(?<![这那哪一二两三四五六七八九十百千几半每各壹贰叁肆伍陆柒捌玖拾佰蜀是来要买拿整带弄称搞给做吃有没冇啥])个(?=\s*(?:[，,。；;！!？?\n]|$|话|弗要|不要|莫要|勿要|覅|也好|也行|就好|就行))/g
// (nor 滴子, a little: "买滴子豆豉")
const DIALECT_DE = /(?<![一二两三四五六七八九十几\d滴])滴(?![露眼鸡滴水管灌子])/g

/**
 * "猫两没了", "狗两快没了", "还有猫两一包": voice input writes 粮 (liáng) as 两 (liǎng) — a pet's
 * food, when what follows is no unit that 两 would count ("猫两代", "狗两袋" are 两 bags of it, the
 * 粮 unsaid). Read so inside list parsing only.
 */
function petFoodHeard(s: string): string {
  if (s.indexOf('两') < 0) return s
  return s.replace(PET_FOOD_HEARD, '$1粮')
}
const PET_FOOD_HEARD = /([猫狗])两(?=\s*(?:[没快也还要的了就吃都，,。；;！!？?\n]|$|[一二三四五六七八九十\d]))/g

/**
 * "84两瓶", "一瓶84，", "84" on a line of its own: 84 by itself is 84消毒液, the disinfectant every
 * household buys by that number — read as its name when nothing makes it a number (a unit, a price,
 * a digit run, a door: "84个", "84元", "1-2-84").
 */
function disinfectant84(s: string): string {
  if (s.indexOf('84') < 0) return s
  return s.replace(BARE_84, '84消毒液')
}
const BARE_84 = /(?<=^|[\s，,、。；;：:]|[瓶桶袋壶])84(?=\s*(?:[一两二三四五六七八九十]+\s*[瓶桶袋壶]|\d+\s*[瓶桶袋壶]|[，,、。；;\n]|$))/gm

/**
 * "米、油、盐各来一样", "洗洁精 卫生纸 洗衣粉 各一样": one of each, in no unit — read as "各1", the
 * bare amount every one of them takes (LABELS.md: a bare count has no unit).
 */
function oneOfEach(s: string): string {
  // ("猫粮/猫砂/罐头 x2 each": English puts each after the amount — read as 各 before it)
  if (/each/i.test(s)) s = s.replace(AMOUNT_EACH, '各$1')
  if (s.indexOf('一样') < 0) return s
  // (not when the amounts follow, each its own: "各来一样：垃圾袋两卷，抽纸一提")
  return s.replace(ONE_OF_EACH, (m, at: number) => (AMOUNT_LATER.test(s.slice(at + m.length)) ? m : '各1'))
}
const AMOUNT_LATER = /[\d一两二三四五六七八九十半]/
const AMOUNT_EACH = /((?:[xX×*]\s*)?\d+(?:\.\d+)?\s*[\u4e00-\u9fff]?)\s*each\b/gi
const ONE_OF_EACH = /各(?:来|要|买|拿|整|带)?一样(?![的东])/g

/**
 * "1️⃣ 5-1-301 糍粑2斤", "🔟 …": a 接龙's lines numbered with keycap emoji (a digit, the emoji
 * selector the normalisation drops, and U+20E3). At a line's start the keycap is the line's
 * number, read as "1."; inside a line it is the digit it shows ("要2⃣斤").
 */
function keycaps(s: string): string {
  if (s.indexOf('\u20e3') < 0 && s.indexOf('\u{1f51f}') < 0) return s
  return (
    s
      .replace(/^([ \t]*)(?:(\d)\u20e3|\u{1f51f})/gmu, (_m, lead: string, d?: string) => `${lead}${d ?? '10'}. `)
      // (apart from a number just before it: "1.5🔟" is not 1.510)
      .replace(/(?<=[\d.])(?=\d\u20e3|\u{1f51f})/gu, ' ')
      .replace(/(\d)\u20e3/g, '$1')
      .replace(/\u{1f51f}/gu, '10')
  )
}

/**
 * "猫砂（膨润土的）20斤 一袋", "皇家猫粮 2kg 一袋": a weight, then across a space one package
 * that ends the clause — the weight is the package's size and the package the order, as when they
 * are written together ("20斤一袋"); the space is dropped so that they are read together.
 */
const SIZE_SPACE_COUNT =
  /(\d+(?:\.\d+)?\s*(?:斤|公斤|千克|kg|KG|Kg|克|g|升|L|ml|毫升))[ \t]+((?:1|一)\s*(?:袋|包|箱|桶|瓶|盒|罐))(?=[\s，,。；;！!]|$)/g
function sizeThenCount(s: string): string {
  return s.replace(SIZE_SPACE_COUNT, '$1$2').replace(CLOTHING_SIZE_COUNT, '$1 ')
}
/** "尿不湿XL1包", "纸尿裤L2包": a nappy size written on to the count is no part of the number. */
const CLOTHING_SIZE_COUNT = /(?<=[\u4e00-\u9fff])(X{0,3}L|M|S|XS|NB)(?=\d{1,2}\s?(?:包|袋|片|盒|箱|提|条|pack))/g

/**
 * "不要的：⏎香菜⏎葱⏎要的：⏎冬瓜 2斤": a heading that turns things down rules the lines under it,
 * up to a heading that asks for things (or a blank line); each is read as "不要" that line. A
 * heading that lists them on its own line ("不要：香蕉、葡萄") rules that line only.
 */
function refusedUnder(s: string): string {
  if (s.indexOf('\n') < 0 || !REFUSAL_HEADING.test(s)) return s
  const lines = s.split('\n')
  let refusing = false
  for (let i = 0; i < lines.length; i++) {
    const heading = REFUSAL_HEADING_LINE.exec(lines[i])
    if (heading) {
      // (a heading that lists them on its own line, "不要：香蕉、葡萄", rules that line only)
      refusing = !heading[1].trim()
      lines[i] = refusing ? '' : `不要${heading[1].trim()}`
    } else if (!lines[i].trim() || WANT_HEADING.test(lines[i])) refusing = false
    else if (refusing) lines[i] = `不要${lines[i].trim()}`
  }
  return lines.join('\n')
}
const REFUSAL_HEADING = /(?:不要|别买|不用买|勿买|唔要|不需要)(?:的|了)?\s*[:：]/
const REFUSAL_HEADING_LINE = /^\s*(?:以下|下面|这些)?(?:不要|别买|不用买|勿买|唔要|不需要)(?:的|了)?\s*[:：](.*)$/
const WANT_HEADING = /^\s*(?:以下|下面)?(?:要|要买|需要|买)(?:的)?\s*[:：]/

/**
 * "还有那个豌豆尖豌豆尖半斤", "吐豆五斤吐豆五斤啊": voice input (or a resident thinking aloud)
 * says a name, or a name and its amount, twice in a row; it is one thing, written once. A run of
 * two to ten letters with no space, written again straight after itself, is kept once when it
 * ends in a goods word of two letters or more or in an amount ("一个一个" and "谢谢谢谢" stay as
 * written; so does "牛肉2斤 羊肉2斤 羊排", whose repeat "肉2斤 羊" is no unit of its own).
 */
function unrepeated(s: string): string {
  let out = ''
  let from = 0
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i)
    if (c < 0x3400 || c > 0x9fff) continue
    for (let len = 2; len <= 10 && i + 2 * len <= s.length; len++) {
      if (s.charCodeAt(i + len) !== c) continue
      const run = s.slice(i, i + len)
      if (run !== s.slice(i + len, i + 2 * len) || !sayOnce(run)) continue
      out += s.slice(from, i + len)
      from = i + 2 * len
      i = from - 1
      break
    }
  }
  return from ? out + s.slice(from) : s
}
function sayOnce(run: string): boolean {
  if (/[\s，,。；;、]/.test(run)) return false
  if (run.length >= 3 && AMOUNT_ENDS.test(run)) return true
  for (let j = 0; j < run.length - 1; j++) {
    const e = matchAt(run, j)
    if (e && e.k === T_GOODS && e.word.length >= 2 && j + e.word.length === run.length) return true
  }
  return false
}
const AMOUNT_ENDS = /[\d一二两三四五六七八九十半俩仨][\u4e00-\u9fff]$/

/**
 * "楼下水果店今天的价：⏎蒙自石榴 8元/斤⏎软籽石榴 12元/斤⏎…⏎我要软籽的3斤，苹果5斤，其他不要": a
 * shop's price list copied in, then the writer's choice. The priced lines are what is for sale,
 * not orders; the choice is read on its own, its short names standing for the priced names.
 * (块 alone is a piece as often as a yuan: "豆腐 2块" is an amount, "2块/斤" a price.)
 */
const PRICE_ONLY_LINE =
  /^\s*([\u4e00-\u9fffA-Za-z][^\n\d]{0,14}?)[\s:：]*[¥￥$]?\d+(?:\.\d+)?\s*(?:(?:元|块钱|蚊)(?:\s*[/／每]\s*[\u4e00-\u9fffA-Za-z]{1,2})?|[/／每]\s*[\u4e00-\u9fffA-Za-z]{1,2})\s*$/
function priceList(s: string): { names: string[]; rest: string } | null {
  if (s.indexOf('\n') < 0) return null
  const names: string[] = []
  const rest: string[] = []
  for (const line of s.split('\n')) {
    const m = PRICE_ONLY_LINE.exec(line)
    if (m) names.push(m[1].trim())
    else rest.push(line)
  }
  if (names.length < 2 || !rest.some((l) => NUMBER_AHEAD.test(l))) return null
  return { names, rest: rest.join('\n') }
}

function parseChoice(p: { names: string[]; rest: string }): OrderItem[] {
  // ("软籽的3斤" under "软籽石榴 12元/斤": the start of a priced name, then 的 and an amount)
  let rest = p.rest
  for (const name of p.names)
    for (let len = name.length - 1; len >= 2; len--) {
      const head = name.slice(0, len)
      if (p.names.filter((n) => n.startsWith(head)).length !== 1) continue
      const at = rest.indexOf(head + '的')
      if (at >= 0 && NUMBER_AHEAD.test(rest.slice(at + len + 1, at + len + 3))) {
        rest = rest.slice(0, at) + name + rest.slice(at + len + 1)
        break
      }
    }
  const items = parseBody(byPosition(rest))
  if (items.length === 0) return items
  for (const it of items) {
    const full = headerNameFor(it.name, p.names)
    if (full) it.name = full
  }
  return items
}

/**
 * "第二样覅了，最后一样改成两盒", "第三个换成四季豆", "第五个不要": a correction that names an
 * item by its place in the list. The list (before or after the corrections) is read without the
 * clauses that name places, each place becomes the name of that item, and the corrections are read
 * after the list, as if written by name.
 */
const BY_PLACE = /第\s*([一二三四五六七八九十]|\d{1,2})\s*(?:个|样|项|种|行|条)|最后(?:一|那)?\s*(?:个|样|项|种|行)/g
const PLACE_CHANGE = /不要|覅|勿要|唔要|别|莫|删|去掉|取消|改|换|整成|算了/
const CLAUSE = /[^，,。；;！!？?\n\s—]+[，,。；;！!？?\n\s—]*/g
function byPosition(s: string): string {
  if (s.indexOf('第') < 0 && s.indexOf('最后') < 0) return s
  const clauses = s.match(CLAUSE) ?? []
  const base: string[] = []
  const refs: string[] = []
  // (the items the places count: those listed before the first correction, or else those after
  // the last — "更正：第二个改成…，另外加一斤空心菜" does not count the spinach)
  let before = ''
  let after = ''
  for (const c of clauses) {
    BY_PLACE.lastIndex = 0
    if (BY_PLACE.test(c) && PLACE_CHANGE.test(c)) {
      refs.push(c)
      after = ''
    } else {
      base.push(c)
      if (refs.length === 0) before += c
      else after += c
    }
  }
  if (refs.length === 0) return s
  const adds = (t: string) => parseBody(t).filter((it) => it.op === 'add')
  let listed = adds(before)
  if (listed.length < 2) listed = adds(after)
  if (listed.length < 2) return s
  let ok = true
  const named = refs.map((c) =>
    c.replace(BY_PLACE, (ref: string, n?: string) => {
      const k = n === undefined ? listed.length - 1 : (scanNumber(n, 0)?.value ?? 0) - 1
      if (k < 0 || k >= listed.length) {
        ok = false
        return ref
      }
      return listed[k].name
    }),
  )
  const text = base.join('')
  // (a place the list does not have withdraws nothing: not the last item either)
  if (!ok) return text
  return text + (/[，,。；;！!？?\n]$/.test(text) ? '' : '。') + named.join('')
}

/**
 * "每个人要两桶泡面那就是十二桶": a sum written straight after the amount it multiplies, with no
 * comma, is read as a clause of its own, so that it replaces that amount: the `total` words of
 * data/dict/lists/amount-changes.txt, after four letters of the same clause ("，搿能一共两袋" is a
 * clause already) and before a number.
 */
const TOTAL_WORDS = AMOUNT_CHANGES.filter((c) => c.total)
  .map((c) => c.word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
  .sort((a, b) => b.length - a.length)
const RUN_ON_TOTAL = new RegExp(`(?<=[^，,。；;、！!？?\\s]{4})(${TOTAL_WORDS.join('|')})(?=\\s*(?:\\d|[一二两三四五六七八九十]))`, 'g')
function splitTotals(s: string): string {
  return s.replace(RUN_ON_TOTAL, '，$1')
}

/**
 * "2、菜籽油 一桶⏎   注：五升的，不要调和油", "二、小米 二斤⏎  要新米" (indented with full-width spaces): a line indented (or opened
 * with 注：) under a numbered item is a remark on that item, read as a bracket after it — not a
 * line that is numbered or bulleted itself. (Normalising leaves one space of any indent.)
 */
const NOTE_UNDER =
  /(^|\n)([ \t]*(?:\d{1,2}|[一二三四五六七八九十]{1,3})\s*[、.．)）][^\n]*)\n(?![ \t]*(?:(?:\d{1,2}|[一二三四五六七八九十]{1,3})\s*[、.．)）]|[\u2460-\u2473\u2776-\u277f•·*\-–—]))(?:[ \t\u3000]+|[ \t\u3000]*(?:注|备注)\s*[:：])\s*(?:(?:注|备注)\s*[:：]\s*)?([^\n]+)/g
function notesUnder(s: string): string {
  if (s.indexOf('\n') < 0) return s
  // (twice: a note under every item, the lines overlapping)
  return s.replace(NOTE_UNDER, '$1$2（$3）').replace(NOTE_UNDER, '$1$2（$3）')
}

/**
 * A checklist pasted from a phone's notes: "⬜ 牛奶×2 … ✅ 洗洁精（勾了的家里还有）", "[ ] 猫粮 1袋 …
 * [x] 面包". Where both kinds of box are used, the ticked lines are done or at home: not ordered.
 */
// (a markdown bullet may stand before the box: "- [x] 大米")
const UNTICKED = /(?:^|\n)\s*(?:[-*•·]\s*)?(?:[⬜☐□▢]|\[\s\])/
const TICKED_LINE = /(^|\n)\s*(?:[-*•·]\s*)?(?:[✅☑✔✓]|\[[xX√✓]\])[^\n]*/g
function withoutTicked(s: string): string {
  if (!UNTICKED.test(s)) return s
  return s.replace(TICKED_LINE, '$1')
}

/**
 * "1羊肉3斤 2粉条1把 3白菜1颗": items numbered 1, 2, 3 … with the number run into the name. The
 * numbers are list markers, not amounts; read as "1、羊肉3斤".
 */
/** The canonical units written in Chinese (data/dict/units.txt), longest first. */
const CHINESE_UNITS = [...CANONICAL_UNITS].filter((u) => /^[\u4e00-\u9fff]+$/.test(u)).sort((a, b) => b.length - a.length)
// (not before a unit, "1罐", nor a door's building or floor, "3栋", "5楼")
const RUN_IN_MARKER = new RegExp(
  `(^|[\\s:：,，;；])(\\d{1,2})(?=[\\u4e00-\\u9fff])(?!${CHINESE_UNITS.join('|')}|[栋号楼单座幢层室户])`,
  'g',
)
const RUN_IN_HINT = /\d[\u4e00-\u9fff]/
function inlineMarkers(s: string): string {
  if (!RUN_IN_HINT.test(s)) return s
  const marks = [...s.matchAll(RUN_IN_MARKER)]
  if (marks.length < 3) return s
  // (only a run counting up from 1: "1…2…3…")
  for (let k = 0; k < marks.length; k++) if (Number(marks[k][2]) !== k + 1) return s
  return s.replace(RUN_IN_MARKER, '$1$2、')
}

/**
 * "牛肉 斤×3", "AD钙奶 板×2": a unit written before its count, as a form's column would; read in
 * the usual order, 3斤.
 */
const UNIT_THEN_COUNT = new RegExp(`(^|[\\s:：,，、])(${CHINESE_UNITS.join('|')})\\s*[×xX*]\\s*(\\d{1,3})(?![\\d.])`, 'g')
function unitLast(s: string): string {
  if (!/[×xX*]\s*\d/.test(s)) return s
  return s.replace(UNIT_THEN_COUNT, '$1$3$2')
}

/** "all in 斤:", "all in kg": English for 都按斤, the unit of every bare number after it. */
const ALL_IN_UNIT = /\ball (?:in|by)\s*(?=[\u4e00-\u9fff]|kg\b|g\b)/gi
function allInUnit(s: string): string {
  if (!/all (?:in|by)/i.test(s)) return s
  return s.replace(ALL_IN_UNIT, '都按')
}

/**
 * "All 1 kg each: 鸡翅中, 鸡腿", "1 pack each pls": English puts "each" after the amount, with a
 * space the reader would take for a break; read as the Chinese says it, 各 before the amount.
 */
const EACH_AFTER_AMOUNT = /(\d+(?:\.\d+)?\s*(?:[A-Za-z]{1,6}|[\u4e00-\u9fff]))\s+each\b/gi
function eachFirst(s: string): string {
  if (s.indexOf('都') >= 0) s = s.replace(ALL_THEN_AMOUNT, '各')
  if (!/each/i.test(s)) return s
  return s.replace(EACH_AFTER_AMOUNT, '各$1')
}
/**
 * "小米、绿豆、红豆、薏米，都一斤": a bare 都 opening a clause, straight before an amount, is 各 — one
 * amount for every thing before it. (Elsewhere a bare 都 is too often "already" or "also".)
 */
// (a verb between is part of it: "白菜、土豆、大萝卜，都给整五斤")
const ALL_THEN_AMOUNT = new RegExp(
  `(?<=[，,、；;\\s])都(?:给[我俺]?)?(?:整|来|要|买|称|拿)?(?=[ \\t]*(?:\\d+(?:\\.\\d+)?|[一二两三四五六七八九十半])[ \\t]*(?:${[
    ...CANONICAL_UNITS,
  ]
    .filter((u) => u.length <= 2)
    .join('|')}))`,
  'g',
)

/**
 * "五花肉 2斤×26=52", "鸡蛋 2盒 2×16=32", "52+24+13.5+6=95.5": a writer who checks the bill
 * writes the price sums beside the amounts; the figures of a sum are money, never an amount.
 */
const PRODUCT_SUM = /(?:\d+(?:\.\d+)?\s*)?[×xX*]\s*\d+(?:\.\d+)?\s*[=＝]\s*\d+(?:\.\d+)?/g
const ADDED_SUM = /\d+(?:\.\d+)?(?:\s*[+＋]\s*\d+(?:\.\d+)?)+\s*[=＝]\s*\d+(?:\.\d+)?/g
const BARE_RESULT = /\s[=＝]\s*\d+(?:\.\d+)?/g
function withoutSums(s: string): string {
  if (s.indexOf('=') < 0 && s.indexOf('＝') < 0) return s
  return s.replace(ADDED_SUM, ' ').replace(PRODUCT_SUM, ' ').replace(BARE_RESULT, ' ')
}

/**
 * A reply that quotes an earlier message, as WeChat copies it: 「name：the quoted text」, a line of
 * dashes, then the reply.
 */
const QUOTED_REPLY = /^\s*「([^」]{1,2000})」[ \t]*\n[ \t\-—–_=·.]{3,}\n([\s\S]+)$/

/**
 * "「大姐：鸡蛋一板 白菜两棵」 ---- 白菜一棵就够了": the quoted list was ordered before; the reply
 * changes it. The reply is read as corrections of the quoted list, and what comes out is what the
 * reply changed or added — an item the quote had and the reply left as it was ("米没错") is not
 * ordered again (LABELS.md: a correction carries the item as it now stands).
 */
function parseQuotedReply(quote: string, reply: string): OrderItem[] {
  const before = parseBody(quote, true)
  const after = parseBody(quote + '\n' + reply)
  // ("上周订单…」⏎——⏎这周还照这个来，改两处…": the quoted order is ordered again, as changed)
  if (ORDER_AGAIN.test(reply)) return after.filter((it) => it.op !== 'remove')
  const same = (a: OrderItem, b: OrderItem) => a.name === b.name && a.qty === b.qty && a.unit === b.unit && a.op === b.op
  const out: OrderItem[] = []
  for (const it of after) {
    if (before.some((b) => same(b, it))) continue
    // a quoted item the reply changed is a correction of the order, not more of it
    if (it.op === 'add' && before.some((b) => sameThing(b.name, it.name))) it.op = 'set'
    out.push(it)
  }
  // a quoted item the reply took off ("鸡翼唔要喇") comes out as a removal, for the order it is in
  for (const b of before)
    if (b.op !== 'remove' && !after.some((it) => sameThing(b.name, it.name))) out.push({ ...b, op: 'remove', qty: null, unit: null })
  return out
}

/** A chunk that is only an amount: "330ml*6罐", "x1", "半篮子", "3斤~~". */
const AMOUNT_ONLY =
  /^[\s~]*(?:(?:\d+(?:\.\d+)?\s*[A-Za-z]{0,3}\s*)?[*×xX]\s*)?(?:\d+(?:\.\d+)?|[一两二三四五六七八九十半几]{1,3})\s*[\u4e00-\u9fffA-Za-z]{0,3}[\s~]*$/

/** A chunk that only strikes the thing before out: "（删掉，不要了）", "划掉". */
const STRIKE_ONLY = /^[\s(（【]*(?:删掉|删了|删除|划掉|去掉|拿掉|取消|cancel|delete)[\s)）】]*$/i

/** A condition opening a clause: if, in case. */
const IF_BEFORE = /^[\s，,。]*(?:如果|要是|假如|假若|万一|若是|倘若|if\b)/i

/** A reply that orders the quoted list again: "还照这个来", "照上周的买", "跟上次一样", "照旧", "同上". */
const ORDER_AGAIN =
  /(?:照|按|跟|和)(?:着)?(?:这个|这张|这单|上周|上次|上回|上面|原来)(?:的|那样)?(?:来|买|订|下单|要|一样)|照旧|同上|还是这些|再来一(?:份|单)/

/**
 * A list written as a table: each row on its own (a row is an order by being there), the lines
 * around it as a message of their own ("另外再要一袋米").
 */
/** "单位都是斤", "都按斤": the unit of a table's bare amounts. */
const TABLE_UNIT = new RegExp(
  `(?:单位(?:都|全)?(?:是|[:：])|都是|都按|全按)\\s*(${[...CANONICAL_UNITS].filter((u) => u.length <= 2).join('|')})`,
)
const BARE_NUMBER = /^\d+(?:\.\d+)?$/

function parseTable(parts: TablePart[]): OrderItem[] {
  const out: OrderItem[] = []
  // "单位都是斤哈⏎品名 数量 备注⏎土豆 3": a unit said once for the whole table
  let unit: string | null = null
  for (const p of parts) {
    if (p.kind === 'text') {
      unit = TABLE_UNIT.exec(p.text)?.[1] ?? unit
      out.push(...parseBody(p.text))
      continue
    }
    const amount = unit && BARE_NUMBER.test(p.row.amount) ? p.row.amount + unit : p.row.amount
    const items = parseBody(`${p.row.name} ${amount}`, true)
    for (const it of items) if (p.row.note) it.note = it.note ? `${it.note} ${p.row.note}` : p.row.note
    out.push(...items)
  }
  return out
}

/**
 * "2x 莜面", "×2 五花肉（一斤一块的）×1 豆瓣", "3× 酸奶 1× 面包": a multiplier written before each
 * name. When the message's first multiplier opens its line (nothing but spaces before it) and a
 * Chinese name follows it, every multiplier goes with the name after it: each pair is rewritten
 * name first, as the rest of the parser reads lists ("五花肉 ×2 豆瓣 ×1" is left as it is).
 */
const MULT_ANY = /(?:[×✕*]\s*\d+(?:\.\d+)?|\d+(?:\.\d+)?\s*[xX×✕*])(?![\dA-Za-z])/
const MULT_OPENS_LINE = new RegExp(`(?:^|\\n)[ \\t]*${MULT_ANY.source}[ \\t]*[\\u3400-\\u9fff]`)
const MULT_THEN_NAME =
  /(?:[×✕*][ \t]*(\d+(?:\.\d+)?)|(\d+(?:\.\d+)?)[ \t]*[xX×✕*])(?![\dA-Za-z])[ \t]*([\u3400-\u9fff][^\s×✕*\d，,、;；\n（(]*)([（(][^）)\n]*[)）])?/g
function multipliersFirst(text: string): string {
  const first = MULT_ANY.exec(text)
  if (!first) return text
  const open = MULT_OPENS_LINE.exec(text)
  // (the first multiplier of the message must be the one that opens a line)
  if (!open || open.index + open[0].search(/\S/) > first.index + (text[first.index] === '\n' ? 1 : 0)) return text
  // (the count before what the bracket says of the package: "莜面×2（五斤一袋的）" is 2, not 一袋)
  return text.replace(
    MULT_THEN_NAME,
    (_, a: string | undefined, b: string | undefined, name: string, bracket: string | undefined) => `${name}×${a ?? b}${bracket ?? ''}，`,
  )
}

/**
 * "可 乐 x 2 ， 雪 碧 x 2": typed a letter at a time with spaces between. When most of a line's
 * pieces are single characters, the spaces are not separators and go (inside list parsing only).
 */
function unspace(text: string): string {
  if (text.indexOf(' ') < 0) return text
  return text
    .split('\n')
    .map((line) => {
      const pieces = line.split(' ').filter(Boolean)
      if (pieces.length < 6) return line
      let single = 0
      for (const p of pieces) if (p.length === 1) single++
      return single / pieces.length >= 0.75 ? pieces.join('') : line
    })
    .join('\n')
}

/** A 接龙 as the store needs it: the header it is known by, and each line's door and items. */
export interface Jielong {
  header: string
  entries: Array<{ door: string | null; line: string; items: OrderItem[] }>
}

/** The 接龙 in a (normalised) message, or null when it is not one. Never throws. */
export function parseJielong(text: string): Jielong | null {
  try {
    const list = typeof text === 'string' && text ? readDoorList(restate(text)) : null
    return list ? { header: list.header, entries: readEntries(list) } : null
  } catch {
    return null
  }
}

/** A 接龙: each door line on its own, its items with its door (jielong.ts). */
function parseDoorList(list: DoorList): OrderItem[] {
  const out: OrderItem[] = []
  for (const e of readEntries(list)) for (const it of e.items) out.push(it)
  return out
}

function readEntries(list: DoorList): Jielong['entries'] {
  return mergeDoors(readLines(list))
}

/**
 * "烩面 8块一份，一人一份，报人数就中" ⏎ "3单元501 烩面 俺家三口人": a 接龙 that sells by the head asks
 * each line for how many people; a line that gives a head count orders that many of the amount each.
 */
function perHeadAsked(about: string): { qty: number; unit: string } | null {
  const m = PER_HEAD_ASKED.exec(about)
  if (!m) return null
  const q = m[1] === '半' ? 0.5 : (scanNumber(m[1], 0)?.value ?? null)
  return q === null ? null : { qty: q, unit: m[2] }
}
const PER_HEAD_ASKED = /(?:一人|每人|每个人|一个人)\s*(半|一|两|二|三|\d+(?:\.\d+)?)\s*(份|斤|两|个|碗|袋|盒|瓶|包|只)/
function headsCounted(text: string, each: { qty: number; unit: string } | null): string {
  if (!each) return text
  return text.replace(HEADS_IN_LINE, (whole, n: string) => {
    const v = n === '仨' ? 3 : n === '俩' ? 2 : (scanNumber(n, 0)?.value ?? null)
    return v === null || v > 50 ? whole : ` ${v * each.qty}${each.unit}`
  })
}
const HEADS_IN_LINE = /(\d{1,2}|[一两二三四五六七八九十]{1,3}|仨|俩)\s*(?:个人|口人|口|位|人)(?![份斤])/g

/** A running total in brackets on a 接龙 line: "（目前共2箱）", "(共10箱，够起送了)", "（累计15斤）". */
// (the sum may have been set apart by a comma already: "(目前,共2箱)")
const RUNNING_TOTAL = /[（(][\s，,]*(?:目前|现在|已经|已|一)?[\s，,]*(?:共|总共|合计|累计|总计|已接)[^)）]{0,30}[)）]/g

/** Words in a 接龙 line that add to what its door ordered before ("4. 3座502 再加桂味3斤"): the
 * `more` words of data/dict/lists/amount-changes.txt. */
const ADDS_TO_DOOR = AMOUNT_CHANGES.filter((c) => !c.total && !c.less).map((c) => c.word)

/**
 * A door that writes a second line in the same 接龙 changes its order (LABELS.md: a correction
 * carries the item as it now stands): "龙眼改成4斤" and a restated amount replace the first,
 * "再加桂味3斤" adds, a withdrawal takes the item off. The door keeps one entry, its first.
 */
function mergeDoors(entries: Jielong['entries']): Jielong['entries'] {
  const out: Jielong['entries'] = []
  const byDoor = new Map<string, Jielong['entries'][number]>()
  for (const e of entries) {
    const key = e.door ? e.door.replace(/\s+/g, '') : null
    const first = key ? byDoor.get(key) : undefined
    if (!key || !first) {
      if (key) byDoor.set(key, e)
      out.push(e)
      continue
    }
    const adds = ADDS_TO_DOOR.some((w) => e.line.includes(w))
    for (const it of e.items) {
      const k = first.items.findIndex((b) => b.op !== 'remove' && sameThing(b.name, it.name))
      if (it.op === 'remove') {
        if (k >= 0) first.items.splice(k, 1)
        continue
      }
      if (k < 0) {
        first.items.push({ ...it, op: 'add' })
        continue
      }
      const b = first.items[k]
      if (adds && it.op !== 'set' && b.qty !== null && it.qty !== null && b.unit === it.unit) b.qty += it.qty
      else if (it.qty !== null) {
        b.qty = it.qty
        b.unit = it.unit
      }
    }
  }
  return out
}

function readLines(list: DoorList): Jielong['entries'] {
  // (a header "product" with no name in it — a unit and a stray letter, "把成" — sells nothing)
  const named = headerProduct(list.header)
  const product = named && nameLike(named) ? named : null
  // (what the organiser adds between the lines prices more products: "——补充：桂味 13元/斤——")
  const about = list.remarks ? list.header + '\n' + list.remarks : list.header
  const perUnit = headerUnits(about)
  // ("微辣/特辣两种": how many kinds there are is not part of a name)
  const sold = [
    ...new Set(
      [...(product ? [product] : []), ...perUnit.map((p) => p.name), ...headerNames(about)].map((n) => n.replace(KINDS_COUNTED, '')),
    ),
  ].filter(Boolean)
  const askedUnit = unitAskedFor(about)
  const byNumber = numberedNames(list.numbered)
  const tiers = sizeTiers(about)
  // ("翁源三华李 大份(5斤)55 小份30；枇杷 18蚊斤": the product sold in sizes is the one named before them)
  const tiered = tiers ? (tierProduct(about) ?? product) : null
  const nicknames = NICKNAME_ASKED.test(about)
  const perHead = perHeadAsked(about)
  const codes = productCodes(list.header)
  const byPrice = productsByPrice(about)
  const digitLed = digitLedNames(about)
  // (no other goods sold beside the product)
  const onlyProduct = product !== null && sold.every((p) => p.includes(product) || product.includes(p) || !namesSomething(p, true))
  const done: Jielong['entries'] = []
  for (const e of list.entries) {
    done.push(readLine(e, done))
  }
  return done

  function readLine(e: DoorList['entries'][number], before: Jielong['entries']): Jielong['entries'][number] {
    // a line of a 接龙 is an order by being there: it needs no 帮我买
    // ("大1份 中2份" under a header that prices 大份 / 中份 / 小份: each size is the product, with its size as the note)
    // ("2-1803 阿珠 馅饼3筒", "5号1202室 阿拉宝宝 1箱": a WeChat name after the door is nobody's goods)
    // ("3-1-202 特级2箱（目前共2箱）": the organiser's running total is nobody's order)
    const own = withoutNickname(headsCounted(e.text.replace(RUNNING_TOTAL, ' '), perHead), nicknames, product, about)
    const sized = tiered ? tiersWritten(own, tiered) : null
    const coded = codes.size ? codesWritten(sized ? sized.text : own, codes) : null
    const base = pricesWritten(coded ?? (sized ? sized.text : own), byPrice)
    const written = base ? shortNamesWritten(sizesOfProduct(byNumber.size ? numbersWritten(base, byNumber) : base, product), sold) : ''
    // ("99草莓2箱", "8424两个": a product whose name opens with a figure is read without it, then named in full)
    const text = digitLed.size ? digitLedWritten(written, digitLed) : written
    let items = text ? parseBody(text, true) : []
    if (text !== written) for (const it of items) it.name = digitLed.get(it.name) ?? it.name
    if (sized) {
      // (in the order written; "中0 小0": none of that size)
      let k = 0
      items = items.filter((it) => it.qty !== 0)
      for (const it of items) if (it.name === tiered && k < sized.sizes.length) it.note = sized.sizes[k++]
    }
    // "2. 7栋1101 五包": the header's product, in the amount the line gives (when the line names
    // nothing); "3. 5座3楼D 一盒,另加一盒咸蛋": an amount that opens the line is the header's
    // product, and the rest of the line orders more
    // ("+1": one more household wants one)
    // ("1箱 没有妃子笑的话桂味也行": what to take instead, said after the amount, is said of the
    // header's product — read as one list with it)
    const remark = product && AMOUNT_FIRST.test(text) ? text.search(/(?<=\S)[ \t,，]/) : -1
    const insteadOf = remark > 0 && SUBSTITUTE_AFTER.test(text.slice(remark + 1)) ? parseBody(product + text, true) : null
    if (insteadOf && insteadOf.some((i) => i.name === product && i.qty !== null)) items = insteadOf
    else if (product && AMOUNT_FIRST.test(text)) {
      let cut = text.search(/[,，;；、+＋]|另|再|加|还/)
      // ("3箱 不要气泡的": a remark after a space, too, when it names no goods)
      const space = cut < 0 ? text.search(/(?<=\S)[ \t]/) : -1
      if (space > 0 && !namesSomething(text.slice(space), true)) cut = space
      // ("要3，挑熟点的": a remark after the amount orders nothing more)
      const head = cut > 0 ? text.slice(0, cut) : text
      if (!namesSomething(head)) {
        const own = parseBody(product + head, true).filter((i) => i.qty !== null && i.name === product)
        items = head === text ? own : [...own, ...parseBody(text.slice(cut), true)]
      }
    }
    // "微辣的×3" under "冷吃兔接龙 微辣/特辣两种": a line that names nothing, only how it should be
    // and how much, orders the header's product — when the header sells that one product
    // (the product written where its name would stand: before the first amount)
    const firstAmount = text.search(/[xX×✕*]\s*\d|\d|[一二两三四五六七八九十半俩仨]/)
    if (product && onlyProduct && items.length === 0 && firstAmount >= 0 && !namesSomething(text)) {
      // ("斤2": a unit written before its number is the unit of that number, not part of the name)
      const before = text.slice(0, firstAmount).trim()
      const n = CANONICAL_UNITS.has(before) ? scanNumber(text, firstAmount) : null
      items = n
        ? parseBody(product + text.slice(firstAmount, n.end) + before + text.slice(n.end), true)
        : // (apart from what stands before it: "整1" is 整 then 鸡旦, not 整鸡 then 旦)
          // (and from its amount: "土豆g" then 1, not 土豆g1)
          parseBody(text.slice(0, firstAmount) + ' ' + product + ' ' + text.slice(firstAmount), true)
    }
    // "芝麻馕3个" under "芝麻馕 6元": two goods words the header names as one product are that product
    for (let k = 0; k + 1 < items.length; k++) {
      const joined = items[k].name + items[k + 1].name
      if (items[k].qty !== null || items[k].op !== 'add' || !list.header.includes(joined) || !text.includes(joined)) continue
      items[k + 1].name = joined
      items.splice(k, 1)
    }
    // "瓜一个 桃子两箱" under "麒麟瓜 2.8元/斤 … 水蜜桃 一箱5斤": a line's short name for one of the
    // header's products is that product
    for (const it of items) {
      const full = headerNameFor(it.name, sold)
      if (full) it.name = full
    }
    if (e.door) for (const it of items) it.door = e.door
    // (a line for two doors orders the same for each)
    for (const d of e.also ?? [])
      for (const it of items.filter((i) => i.door === e.door)) items.push({ ...it, alternatives: [...it.alternatives], door: d })
    // "后腿3 排骨2" under "后腿肉18/斤 排骨28/斤": a bare amount is in the unit the header prices by
    // (a multiplier, "欧包 x2", stays without a unit: LABELS.md)
    // ("写斤数", "直接写包数": the unit the organiser asks every line to count in)
    if (!/[x×*✕✖]\s*\d/i.test(text))
      for (const it of items) {
        if (it.qty === null || it.unit !== null) continue
        const priced = perUnit.find((p) => p.name.includes(it.name) || it.name.includes(p.name))
        if (priced) it.unit = priced.unit
        else if (askedUnit) it.unit = askedUnit
      }
    // "跟402一样，就是二锅头换成牛栏山1箱，再加北冰洋1箱": the same as another door, with changes
    const same = SAME_AS_DOOR.exec(e.text)
    // ("5. 1-2-602 同上", "跟楼上一样": the line before)
    const ref = same
      ? before.find((b) => b.door !== null && b.door.replace(/\s+/g, '').endsWith(same[1]))
      : SAME_AS_ABOVE.test(e.text)
        ? before[before.length - 1]
        : undefined
    if (ref) items = sameAsDoor(ref.items, items, e.door)
    return { door: e.door, line: e.line, items }
  }
}

/** "跟402一样", "同602", "和3-1-502一样": a line that orders what another door ordered. */
const SAME_AS_DOOR = /^\s*(?:跟|和|同|照|按)\s*([0-9A-Za-z-]{2,10})(?:号|室|家)?\s*(?:一样|的一样|一模一样|那样|的)?/
/** "同上", "跟楼上一样", "照上面": what the line before ordered. */
const SAME_AS_ABOVE = /^\s*(?:同上|(?:跟|和|同|照)(?:楼上|上面|上一家|上家)(?:一样|的一样|那样)?)/

/**
 * Another door's items for this door, changed as the line says: a replacement takes the place of
 * what it replaces (换成), anything else is added or sets the amount of the same thing.
 */
function sameAsDoor(theirs: OrderItem[], changes: OrderItem[], door: string | null): OrderItem[] {
  const out: OrderItem[] = theirs
    .filter((t) => t.op !== 'remove')
    .map((t) => ({ ...t, alternatives: [...t.alternatives], op: 'add', door: door ?? undefined }))
  for (const c of changes) {
    const k = out.findIndex((o) => (c.replaces && sameThing(o.name, c.replaces)) || sameThing(o.name, c.name))
    if (c.op === 'remove') {
      if (k >= 0) out.splice(k, 1)
      continue
    }
    const item: OrderItem = { ...c, op: 'add', door: door ?? undefined }
    delete item.replaces
    if (k >= 0) out[k] = item
    else out.push(item)
  }
  if (!door) for (const o of out) delete o.door
  return out
}

/** A remark that opens with what is missing: "没有妃子笑的话…", "冇嘅话…", "要是没有…". */
const SUBSTITUTE_AFTER = /^\s*(?:要是|如果|若是?|万一)?(?:没有|没得|莫得|没|冇|无)/

/** What may stand between a product and its price: a note in brackets, a package size, a comma. */
const BETWEEN = '(?:\\s*[(（][^)）\\n]{0,20}[)）])?(?:\\s*\\d+(?:\\.\\d+)?\\s*(?:kg|KG|g|ml|ML|L|l|斤|克|公斤|升|毫升))?(?:\\s*[，,])?'
/** "后腿肉18/斤", "卷纸 32元/提", "冷吃兔 35一斤", "皇氏水牛奶（200ml×10盒）55元一提", "洗衣液 3kg 39元一瓶":
 * a name and the unit its price is per. */
const PRICE_PER = new RegExp(
  `([\\u4e00-\\u9fff]{1,8})${BETWEEN}\\s*[:：]?\\s*[¥￥]?\\d+(?:\\.\\d+)?\\s*(?:元|块|蚊)?\\s*(?:[/／每]|一)([\\u4e00-\\u9fff])`,
  'g',
)
/** "土鸡蛋 30个一板 45元", "大米 25斤一袋 68元": the package a price is for, after what it holds. */
const SIZE_THEN_PRICE =
  /([\u4e00-\u9fff]{1,8})\s*\d+\s*[\u4e00-\u9fffA-Za-z]{1,2}\s*(?:一|[/／])\s*([\u4e00-\u9fff])\s*[,，]?\s*[¥￥]?\d+(?:\.\d+)?\s*(?:元|块|蚊)/g
/**
 * "写斤数", "直接写包数", "按斤报", "都按斤称", "按个卖", "格式：楼号+序号+袋数", "写门牌和斤数": the one unit
 * the organiser asks every line to count in. ("门牌+品名+份数" asks how many of the priced portions,
 * which writers label with no unit as often as with 份: left to the line.)
 */
const ASKED_UNIT =
  /(?:写|填|报|按|[+＋和、]\s*(?!份))\s*([\u4e00-\u9fff])\s*数(?![量字目])|按\s*([\u4e00-\u9fff])\s*(?:写|填|报|接|称|算|计|卖)/g

function unitAskedFor(header: string): string | null {
  let unit: string | null = null
  for (const m of header.matchAll(ASKED_UNIT)) {
    const u = m[1] ?? m[2]
    if (!CANONICAL_UNITS.has(u)) continue
    // ("数量按袋、瓶写": one unit for each product, not one for every line)
    if (unit && unit !== u) return null
    unit = u
  }
  return unit
}

/**
 * "蛋1 米1" under "土鸡蛋 30个一板 45元；大米 25斤一袋 68元", "纸2 液1" under "维达抽纸 … 蓝月亮洗衣液":
 * a line that calls a header product by a part of its name, right before its amount. The part
 * becomes the product's name when it is in exactly one of them and is not a product of its own.
 */
function shortNamesWritten(text: string, sold: string[]): string {
  if (sold.length === 0) return text
  return text.replace(SHORT_BEFORE_AMOUNT, (all, lead: string, part: string) => {
    // (a product's own name stays as written: 猫粮 under 皇家猫粮)
    if (sold.includes(part) || (part.length > 1 && namesSomething(part, true))) return all
    let hit: string | null = null
    for (const p of sold) {
      if (p.length <= part.length || !p.includes(part)) continue
      // (the same product found twice, once cut short: "月亮洗衣液", "蓝月亮洗衣液")
      if (hit && !hit.includes(p) && !p.includes(hit)) return all
      if (!hit || p.length > hit.length) hit = p
    }
    return hit ? lead + hit : all
  })
}
/** The organiser asks each line for a name: "格式：楼-室 昵称 品名数量", "门牌+微信名+数量". */
const NICKNAME_ASKED = /昵称|微信名|群昵称|名字|称呼|姓名/

/**
 * The words a line starts with when they are a name, not goods: under a header that asks for a
 * name, the first word before a space; with or without one, a first word with no figure that is
 * followed by goods with their amount ("阿珠 馅饼3筒"), or by an amount alone when the header
 * sells one product and the word is not it ("老克勒 2箱"; "塌棵菜 2斤" under 塌棵菜 orders it).
 */
function withoutNickname(text: string, asked: boolean, product: string | null, about = ''): string {
  const m = LEADING_WORD.exec(text)
  // (a name is letters that say nothing to the parser: no goods, no amount, no "唔要", no pinyin
  // initials — "xhs 2斤", "尿不湿XL 2包", "花甲唔要喇 换做鱿鱼1斤" are orders)
  if (!m || !(asked || /^[\u4e00-\u9fff]{2,5}$/.test(m[1])) || !nameOnly(m[1])) return text
  const rest = text.slice(m[0].length)
  if (asked || GOODS_THEN_AMOUNT.test(rest)) return rest
  // ("老克勒 2箱" under "大闸蟹接龙": the amount is the header product's, so the word before it is a name)
  // (not a word the header offers: "后腿 3公斤" under "羊肉接龙 … 后腿前腿排骨都有")
  if (product && AMOUNT_FIRST.test(rest) && !product.includes(m[1]) && !m[1].includes(product) && !about.includes(m[1])) return rest
  return text
}
const LEADING_WORD = /^((?:(?![一二两三四五六七八九十半几])[\u4e00-\u9fffA-Za-z]){1,8})\s+(?=\S)/
const GOODS_THEN_AMOUNT = /^[\u4e00-\u9fffA-Za-z]{1,10}\s*[\d一二两三四五六七八九十半]/

function nameOnly(w: string): boolean {
  const toks = tokenize(w)
  return toks.length > 0 && toks.every((t) => t.k === T_UNK || t.k === T_FILL) && !/[A-Za-z]{1,4}$/.test(w.replace(/[\u4e00-\u9fff]+/, ''))
}

/**
 * A header that sells one product in sizes, each with its price: "大份 鹅肉一斤 68 ⏎ 中份 半斤 36",
 * "大 38/斤 中 30/斤 小 20/斤", "大个 8元/斤 ⏎ 中个 6元/斤". Two sizes or more make it one.
 */
/** A size or a grade a seller prices apart: 大 / 中 / 小, or 特级 / 一等 / 二等 … ("特级果 68元/箱"). */
const TIER = '(?:[大中小]|特级|特等|一等|二等|三等|一级|二级|三级|优等|精品)'

function sizeTiers(header: string): boolean {
  const seen = new Set<string>()
  for (const m of header.matchAll(TIER_PRICED)) seen.add(m[1])
  return seen.size >= 2
}
const TIER_PRICED = new RegExp(
  `(?:^|[\\s，,、】\\]:：;；])(${TIER})(?:份|个|号|杯|果|只|盒)?(?:\\s+|\\s*[(（][^)）\\n]{0,12}[)）]\\s*)[^\\n\\d]{0,8}?\\d+(?:\\.\\d+)?\\s*(?:元|块|蚊)?(?=\\s*(?:[/／每]|$|\\s|[，,;；]))`,
  'gm',
)

/** The product a header sells in sizes when it sells other things too: what it names before the first size. */
function tierProduct(header: string): string | null {
  TIER_PRICED.lastIndex = 0
  const first = TIER_PRICED.exec(header)
  TIER_PRICED.lastIndex = 0
  if (!first) return null
  const before =
    header
      .slice(0, first.index)
      .split(/[;；\n]/)
      .pop() ?? ''
  // (or the title: "【蔬菜包接龙】大份(8斤)38元")
  return headerProduct(before) ?? TITLE_PRODUCT.exec(before)?.[1] ?? null
}
const TITLE_PRODUCT = /([\u4e00-\u9fff]{2,6}?)(?:接龙|团购|拼团)/

/** "大1份 中2份", "大3斤", "三华李大份1份": a size, then how much of the header's product in it. */
function tiersWritten(text: string, product: string): { text: string; sizes: string[] } | null {
  const sizes: string[] = []
  // (the product's name run into its size is the size: "三华李大份1份")
  const bare = text.split(product).join(' ')
  const out = bare.replace(TIER_IN_LINE, (_all, lead: string, size: string, word: string | undefined) => {
    sizes.push(size + (word ?? ''))
    return lead + product
  })
  return sizes.length ? { text: out, sizes } : null
}
const SIZE_WORD = new RegExp(`^${TIER}(?:份|个|号|杯|果|只|盒)?$`)
const TIER_IN_LINE = new RegExp(`(^|[\\s，,、])(${TIER})(份|个|号|杯|果|只|盒)?(?=\\s*[\\d一二两三四五六七八九十半])`, 'g')

/**
 * Products the header gives a letter code ("A 金华火腿切片 200g/盒 35元", "代码：K1 辣烤饼 3元/个；
 * K2 弗辣烤饼 …"), two or more of them: code → name. A code is a capital letter, perhaps with a
 * figure, then a space, then the name — or a letter written into the name of a set (A套餐, 蔬菜包B).
 */
function productCodes(header: string): Map<string, string> {
  const out = new Map<string, string>()
  for (const m of header.matchAll(CODE_DEF)) if (!out.has(m[1])) out.set(m[1], m[2])
  for (const m of header.matchAll(CODE_COLON)) if (!out.has(m[1])) out.set(m[1], m[2])
  if (out.size >= 2) return out
  // "A套餐：苹果3斤+橘子3斤 39元", "蔬菜包A 50元/份": sets the organiser lettered, each sold as
  // one thing, named as written
  const sets = new Map<string, string>()
  for (const m of header.matchAll(SET_DEF)) {
    const [letter, name] = m[1] ? [m[1], m[1] + m[2]] : [m[4], m[3] + m[4]]
    if (!sets.has(letter)) sets.set(letter, name)
  }
  return sets.size >= 2 ? sets : new Map()
}
const CODE_DEF = /(?:^|[\s；;，,：:]|\p{Extended_Pictographic})([A-Z][0-9]?)(?:款|套|号)?\s+([\u4e00-\u9fff][\u4e00-\u9fffA-Za-z]{1,11})/gmu
/** "A套：蔬菜包（8-10斤）88元": a code, a colon and one product (not "A套餐：苹果3斤+橘子3斤", a set's contents). */
const CODE_COLON =
  /(?:^|[\s；;，,：:]|\p{Extended_Pictographic})([A-Z][0-9]?)(?:款|套餐|套|号)?\s*[:：]\s*([\u4e00-\u9fff][\u4e00-\u9fffA-Za-z]{1,11})(?=[\s（(]|$)/gmu
const SET_DEF = /(?<![A-Za-z])([A-Z])(套餐|款|套)|((?:[\u4e00-\u9fff]{1,4})?(?:套餐|包|款|套))([A-Z])(?![A-Za-z0-9])/g

/**
 * What each price in the header sells: "卤鹅 一只 168元", "菜头粿 15元/条" — 168 → 卤鹅, 15 → 菜头粿.
 * A price two products share names neither.
 */
function productsByPrice(header: string): Map<string, string> {
  const out = new Map<string, string | null>()
  for (const line of header.split('\n')) {
    const prices = [...line.matchAll(HEADER_PRICE)].map((m) => String(Number(m[1])))
    if (prices.length !== 1) continue
    // (the name written first: "泰国榴梿（金枕）35蚊/斤" sells 榴梿, whatever its bracket says)
    const at = (n: string) => (line.indexOf(n) < 0 ? Infinity : line.indexOf(n))
    const name = parseBody(line, true)
      .filter((it) => it.op === 'add')
      .sort((a, b) => at(a.name) - at(b.name))[0]?.name
    if (!name) continue
    out.set(prices[0], out.has(prices[0]) && out.get(prices[0]) !== name ? null : name)
  }
  const named = new Map<string, string>()
  for (const [p, n] of out) if (n) named.set(p, n)
  return named
}
const HEADER_PRICE = /(\d+(?:\.\d+)?)\s*(?:元|蚊|块钱)/g

/** "要那个168的一只", "15的两条", "要嗰個35嘅一個": a line that names a header product by its price. */
function pricesWritten(text: string, byPrice: Map<string, string>): string {
  if (byPrice.size === 0) return text
  return text.replace(PRICE_REF, (all, price: string) => {
    const name = byPrice.get(String(Number(price)))
    return name ? name : all
  })
}
const PRICE_REF = /(?:要)?(?:那个|嗰个|嗰個|个)?\s*(\d+(?:\.\d+)?)\s*(?:元|块|蚊)?\s*(?:的|嘅)/g

/** "A1 B2", "K1×6 M1": a line that orders coded products by code and count. */
function codesWritten(text: string, codes: Map<string, string>): string | null {
  let hit = false
  const out = text.replace(CODE_REF, (all, letter: string, set: string | undefined, digit: string) => {
    // (a code with its figure, "K1×6", before a letter then a count, "A1")
    if (digit && codes.has(letter + digit)) {
      hit = true
      return ' ' + codes.get(letter + digit)
    }
    const name = codes.get(letter)
    // ("A套餐1份" under "套餐A …": the line names the set its own way, and keeps it)
    if (!name || (set && name.includes(letter))) return all
    hit = true
    // ("套餐A1份": a space keeps the set's own letter apart from the count)
    return ' ' + name + (/[A-Z]$/.test(name) ? ' ' : '') + digit
  })
  return hit ? out : null
}
const CODE_REF = /(?<![A-Za-z])([A-Z])(款|套餐|套)?(\d?)(?=\s*(?:[×xX*]\s*)?[\d一二两三四五六七八九十]|\s|$)/g

/**
 * Products the header names with a figure first — a variety or a size sold as its name, "99草莓",
 * "8424西瓜" — by their name without it: 草莓 → 99草莓. Only goods the lexicon knows after the figure,
 * and no unit between ("3斤草莓" is an amount).
 */
function digitLedNames(header: string): Map<string, string> {
  const out = new Map<string, string>()
  for (const m of header.matchAll(DIGIT_LED)) {
    // ("8424西瓜接龙": the goods word the figure opens, not the words after it)
    const e = matchAt(m[2], 0)
    if (!e || e.k !== T_GOODS || e.word.length < 2) continue
    if (!out.has(e.word)) out.set(e.word, m[1] + e.word)
  }
  return out
}
const DIGIT_LED = /(?<![\d.])(\d{2,5})([\u4e00-\u9fff]{2,8})/g

/** A line with those names written as the lexicon reads them: "99草莓2箱" → "草莓2箱", "99的1箱" and "8424两个" → the name too. */
function digitLedWritten(text: string, names: Map<string, string>): string {
  let out = text
  for (const [rest, full] of names) {
    const figure = full.slice(0, full.length - rest.length)
    out = out.split(full).join(' ' + rest)
    // (the figure alone for the name: "99的1箱", "8424两个")
    out = out.replace(new RegExp(`(?<![\\d.])${figure}(?:的)?(?=\\s*(?:[×xX*]\\s*)?[\\d一二两三四五六七八九十半])`, 'g'), ' ' + rest)
  }
  return out
}

/** The name of each product the header numbers: "伊利纯牛奶 250ml×24 整箱 52元" is 伊利纯牛奶. */
function numberedNames(numbered: Map<string, string>): Map<string, string> {
  const out = new Map<string, string>()
  for (const [no, line] of numbered) {
    // (the words before the first space or figure, as the organiser wrote them: 草莓老酸奶, not 草莓)
    const run = NAME_RUN.exec(line)?.[0]
    const name = run && run.length <= 10 ? run : parseBody(line, true).find((i) => i.op === 'add')?.name
    if (name) out.set(no, name)
  }
  return out
}

/** "①2箱 ⑤×4", "1号*2 4号*1": a line that orders the header's products by their numbers. */
function numbersWritten(text: string, byNumber: Map<string, string>): string {
  return text.replace(NUMBER_REF, (all, mark: string) => {
    const name = byNumber.get(productKey(mark))
    return name ? ' ' + name : all
  })
}
const NAME_RUN = /^[\u4e00-\u9fffA-Za-z]{2,}/
const NUMBER_REF = /([\u2460-\u2473]|(?<![\d\-#])\d{1,2}\s*号(?![楼栋幢院门单])|(?<![\d\-#.])\d{1,2}(?=\s*[*×xX✕]\s*\d))/g

/** One or two letters after a break and before an amount: "蛋1", " 米2袋", "、液1". */
const SHORT_BEFORE_AMOUNT = /(^|[\s,，、;；+＋/／\d])([\u4e00-\u9fff]{1,2})(?=\s*[\d一二两三四五六七八九十半])/g
/** "鸡卵 一盒65", "高丽菜 一颗50": a unit and its price after the name. */
const ONE_UNIT_PRICED = /([\u4e00-\u9fff]{1,8})\s*一([\u4e00-\u9fff])\s*[¥￥]?\d/g

function headerUnits(header: string): Array<{ name: string; unit: string }> {
  const out: Array<{ name: string; unit: string }> = []
  for (const re of [PRICE_PER, ONE_UNIT_PRICED, SIZE_THEN_PRICE])
    for (const m of header.matchAll(re)) if (CANONICAL_UNITS.has(m[2])) out.push({ name: m[1], unit: m[2] })
  return out
}

/** The goods named on the header's lines that give a price or a size ("水蜜桃 一箱5斤 45元"). */
const KINDS_COUNTED = /(?:\d+|[一二两三四五六七八九十几])(?:种|样|款)$/
function headerNames(header: string): string[] {
  const out: string[] = []
  for (const line of header.split('\n')) {
    if (!/\d/.test(line)) continue
    for (const it of parseBody(line, true)) if (it.name && !out.includes(it.name)) out.push(it.name)
  }
  return out
}

/**
 * The header product a line's short name stands for, written differently (桃子 → 水蜜桃): the only
 * one that contains its core; null when it is a product of its own, could be several, or is a part
 * of the header's name as written (猫粮 under 皇家猫粮 stays as the line wrote it).
 */
function headerNameFor(name: string, sold: string[]): string | null {
  if (!name || sold.some((p) => p.includes(name))) return null
  const core = name.length > 1 && /[子儿]$/.test(name) ? name.slice(0, -1) : name
  // (one letter says too little: 柚子 under "沙田柚 8蚊一个", 兔子 under "鲜兔38一只" stay as written)
  if (core.length < 2) return null
  let hit: string | null = null
  for (const p of sold) {
    if (p.length <= core.length || !p.includes(core)) continue
    if (hit && hit !== p) return null
    hit = p
  }
  return hit
}

/** A line that starts with its amount ("五包", "2箱（要大的）"). */
// (a multiplier too: "7栋1802 x2" under "蔬菜包接龙")
const AMOUNT_FIRST = /^[+＋]?\s*(?:要|来|订|拿)?\s*(?:[xX×✕*]\s*\d|[\d一二两三四五六七八九十半几俩仨])/

/** A goods word, or an unknown run of two letters or more that are not each a word of their own (把 成). */
function nameLike(text: string): boolean {
  return tokenize(text).some((t) => t.k === T_GOODS || (t.k === T_UNK && t.e - t.s >= 2 && !eachLetterAWord(text, t.s, t.e)))
}
const eachLetterAWord = (s: string, a: number, b: number): boolean => {
  for (let i = a; i < b; i++) {
    const m = matchAt(s, i, i + 1)
    if (!m || m.k === T_GOODS) return false
  }
  return true
}

/** Whether the text holds a name: goods the lexicon knows, or (unless `knownOnly`) a word it does not. */
function namesSomething(text: string, knownOnly = false): boolean {
  for (const t of tokenize(text)) if (t.k === T_GOODS || (!knownOnly && t.k === T_UNK)) return true
  return false
}

/**
 * The product a 接龙 header sells: the first name written in the same clause as its price or
 * size ("…猪肉接龙，前腿肉5斤一份，98元" sells 前腿肉; "五常稻花香 10斤一袋 75元" sells 五常稻花香,
 * a name the lexicon need not know), else the name right before 接龙, else its first goods name
 * (a name the lexicon knows before an unknown one).
 */
function headerProduct(text: string): string | null {
  if (!text) return null
  // ("生活物资包 每份100元（含：大米5斤 食用油1桶…）": what a pack holds is not what is sold)
  const header = text.replace(CONTENTS, ' ')
  const toks = tokenize(header)
  let priced: string | null = null
  let pricedUnknown: string | null = null
  let known: string | null = null
  let unknown: string | null = null
  let a = 0
  while (a < toks.length) {
    // a clause: up to the next punctuation or line break (spaces only part its chunks)
    let end = a
    while (end < toks.length && !(toks[end].k === T_SEP && toks[end].sub !== SP_SPACE)) end++
    let withPrice = false
    const names: Array<{ name: string; goods: boolean; generic: boolean; fallback: boolean }> = []
    for (let c = a; c < end;) {
      if (toks[c].k === T_SEP) {
        c++
        continue
      }
      let b = c
      while (b < end && toks[b].k !== T_SEP) b++
      const els = buildElements(header, toks, c, b, newInfo())
      if (els.some((e) => e.t === E_P || e.t === E_Q)) withPrice = true
      for (const e of els) {
        const g = e.g
        if (g && !g.med && !g.garbage) names.push(g)
      }
      c = b
    }
    for (const g of names) {
      if (withPrice && !g.generic) {
        if (g.goods && !priced) priced = g.name
        // an unknown name, unless it is an ordinary word ("楼长发起 牛奶接龙 …": not 发起)
        else if (g.fallback && !pricedUnknown && !isCommonWord(g.name)) pricedUnknown = g.name
      }
      if (g.goods && !g.generic) {
        if (!known) known = g.name
      } else if (!unknown) unknown = g.name
    }
    a = end + 1
  }
  const named = namedForList(header)
  // "柳州螺蛳粉团购（好欢螺 400g/包）": goods named before 团购 come before a name priced in a note
  // after them (a brand, a size)
  // (a size the header prices, "大果 12元/斤", is no product: the product is named elsewhere)
  if (priced && SIZE_WORD.test(priced)) priced = null
  if (pricedUnknown && SIZE_WORD.test(pricedUnknown)) pricedUnknown = null
  const pricedName = priced ?? pricedUnknown
  if (pricedName && named && namesSomething(named, true) && inBrackets(header, pricedName)) return named
  // ("【沙茶面料包接龙】厦门老字号 15元/包": a priced word the lexicon does not know is no product
  // when the title names goods before 接龙)
  if (!priced && pricedUnknown && named && namesSomething(named, true)) return named
  return priced ?? pricedUnknown ?? named ?? known ?? unknown
}

/** Whether the first time the header writes the name, it is inside brackets. */
function inBrackets(header: string, name: string): boolean {
  const at = header.indexOf(name)
  if (at < 0) return false
  const before = header.slice(0, at)
  return Math.max(before.lastIndexOf('('), before.lastIndexOf('（')) > Math.max(before.lastIndexOf(')'), before.lastIndexOf('）'))
}

/** A note in brackets that lists what a pack contains: "（含：大米5斤 …）", "(包括 …)". */
// (also after the pack's price, "（38元一份，每份含土豆2斤…）")
const CONTENTS =
  /[（(](?:[^)）]*?[，,、\s])?\s*(?:每(?:份|包|袋|盒|箱|套))?(?:含|包含|包括|内含|内有)[:：]?[^)）]*[)）]|(?:每(?:份|包|袋|盒|箱|套)(?:含|有|包括)|内含|内有|包含)[:：]?[^。；;！!\n]*|(?:[\u4e00-\u9fff]{1,6}[、，,]\s*){2,}[\u4e00-\u9fff]{1,6}等/g

/** "团购冷吃兔接龙", "东北大米接龙了": the words right before 接龙 name what the list sells. */
const BEFORE_JIELONG = /([^\s,，。!！:：()（）【】[\]#]{1,12})(?:接龙|拼团|团购)/g

function namedForList(header: string): string | null {
  // ("#接龙\n柳州螺蛳粉团购": the first 接龙 word may have nothing before it)
  for (const m of header.replace(/^\s*(?:团购|拼团)/, '').matchAll(BEFORE_JIELONG)) {
    // ("周三蔬菜接龙": the day the list is for is no part of what it sells)
    const name = nameBefore(m[1].replace(/^(?:团购|拼团|今天|今日|明天|本周|周末|(?:周|星期|礼拜)[一二三四五六日天])+/, ''))
    if (name) return name
  }
  return null
}

function nameBefore(text: string): string | null {
  const toks = tokenize(text)
  if (toks.length === 0) return null
  let name: string | null = null
  for (const e of buildElements(text, toks, 0, toks.length, newInfo())) {
    const g = e.g
    if (g && !g.med && !g.garbage && !g.generic) name = g.name
  }
  // a name the lexicon cannot cut ("冷吃兔") is the words themselves
  return name ?? (/^[\u4e00-\u9fff]{2,6}$/.test(text) ? text : null)
}

function parseBody(s: string, asked = false): OrderItem[] {
  const toks = tokenize(s)
  if (toks.length === 0) return []
  const st = newState(s)
  st.intent = asked
  // (the contingency test below runs only on a message that talks of a budget at all)
  const budgetTalk = BUDGET_WORD.test(s)
  let chunkNo = 0
  let a = 0
  const n = toks.length
  // (the text of the chunk before, for what a bare 不要了 withdraws)
  let lastChunkText = ''
  while (a < n) {
    if (toks[a].k === T_SEP) {
      a++
      continue
    }
    let b = a
    while (b < n && toks[b].k !== T_SEP) b++
    const chunkTok = a
    const sepBefore = a > 0 ? toks[a - 1].sub : 0
    const sepBeforeText = a > 0 ? s.slice(toks[a - 1].s, toks[a - 1].e) : ''
    // "(5kg)" describes the item before it; "帮忙带一份：" introduces the list after it
    const aside = a > 0 && /[(（]/.test(s.slice(toks[a - 1].s, toks[a - 1].e))
    // (a colon on the next line opens that line, "⏎加：小葱 1把", not this chunk)
    const intro = b < n && /^[^\n]*[:：]/.test(s.slice(toks[b].s, toks[b].e))
    const chunkStart = toks[a].s
    const chunkText = s.slice(chunkStart, toks[b - 1].e)
    // (a clause on a condition: what it takes off is still ordered, bought unless it comes true)
    const onCondition = IF_BEFORE.test(chunkText)
    // (with the join before it: "，再加一盒")
    const chunkFrom = a > 0 ? toks[a - 1].s : chunkStart
    const sepAfter = b < n ? toks[b].sub : 0
    const info = newInfo()
    // "…，再要两包蝴蝶酥": the join asks for what follows
    if (a > 0 && toks[a - 1].f & F_INTENT) {
      info.intent = true
      info.verb = true
    }
    const els = buildElements(s, toks, a, b, info)
    const r = readChunk(s, toks, b, els, chunkNo, info)
    removeGluedNames(s, r, toks[b - 1].e)
    if (!info.verb && !info.question && ALREADY_HAVE.test(chunkText) && !ASKED.test(s.slice(toks[b - 1].e, toks[b - 1].e + 2)))
      alreadyHave(st, r)
    if (NOT_NEEDED_END.test(chunkText)) notNeeded(r)
    if (aside) bracketNote(st, r, chunkText, chunkStart)
    st.infos.push(info)
    if (info.intent) st.intent = true
    if (info.verb) st.verb = true
    if (info.past) st.past = true
    if (info.offer) st.offer = true
    if (info.first) st.first = true
    if (info.need) st.need = true
    st.junk += info.junk
    const ci = chunkNo++
    a = b
    if (info.oops) {
      st.oopsChunk = ci
      st.oopsAt = info.oopsAt
    }
    if (sepBefore === SP_NL || ci === 0) st.lineChunk = ci
    if (sepBefore === SP_NL || sepBefore === SP_LISTEND || ci === 0) for (const it of r.items) it.lineStart = true
    // the name is all the chunk says ("石斛花" on its own, before "1包")
    if (r.items.length === 1 && r.items[0].start === chunkStart && r.items[0].end === toks[b - 1].e) r.items[0].wholeChunk = true
    // "鱼：⏎鲫鱼 两条⏎草鱼 1条", "周末想做鱼：⏎鲈鱼 1条": the name that ends a line before a colon,
    // with no amount, is the heading of the lines under it
    const named = r.items.length ? r.items[r.items.length - 1] : null
    if (named && named.lineStart && !named.hasQty && named.end >= 0 && HEADING_END.test(st.s.slice(named.end))) named.heading = true
    // "别买榴莲和菠萝": a removal reaches the names joined to it by 和 / 同 / 跟
    // — and an enumeration with 、 ("千万别买花生油、花生酱")
    // (not a word that asks for more, "不要香菜，再买点姜": a new request, the removal ends)
    const joinedBefore =
      (sepBefore === SP_CONJ && !(chunkTok > 0 && toks[chunkTok - 1].f & F_INTENT)) ||
      (chunkTok > 0 && s.slice(toks[chunkTok - 1].s, toks[chunkTok - 1].e) === '、')
    if (st.removeJoined === ci - 1 && joinedBefore) for (const it of r.items) if (it.op === 'add' && !it.hasQty) it.op = 'remove'
    const lastOut = r.items.length ? r.items[r.items.length - 1] : null
    const joinedAfter = sepAfter === SP_CONJ || (b < n && s.slice(toks[b].s, toks[b].e) === '、')
    st.removeJoined = lastOut && lastOut.op === 'remove' && !lastOut.hasQty && joinedAfter ? ci : -2
    // "想做回锅肉和麻婆豆腐": a dish reaches the names joined to it by 和 / 跟 / 同, without amounts
    if (st.dishJoined === ci - 1 && sepBefore === SP_CONJ) for (const it of r.items) if (it.op === 'add' && !it.hasQty) it.dish = true
    // (not across a comma: "他最爱吃虾，还有葱姜各一点" buys the onions)
    st.dishJoined =
      lastOut && lastOut.dish && !lastOut.hasQty && sepAfter === SP_CONJ && DISH_AND.test(s.slice(toks[b].s, toks[b].e)) ? ci : -2
    if (budgetTalk && st.items.length && CONTINGENCY.test(s.slice(sentenceStart(s, chunkStart), toks[b - 1].e))) {
      r.items = r.items.filter((it) => !listedBefore(st, it.name))
      r.cancelPrev = false
      r.setPrev = null
    }
    // a new heading ("肉类：", "其他：") ends the reach of "以下各2斤："
    // ("各1包 pls:": a filler before the colon is no heading)
    // (but not talk before the list it has not reached yet: "每样都是一斤，麻烦记一下：土豆、茄子")
    if (
      intro &&
      !r.geQty &&
      st.eachAfter &&
      ci > st.eachChunk &&
      (r.items.length > 0 || (HAS_CJK.test(chunkText) && st.items.some((it) => it.chunk > st.eachChunk)))
    )
      st.eachAfter = null
    // "水果各来两斤：苹果、梨": a category word with an each-word heads the list after it — or a
    // word the lexicon does not know, with no amount of its own ("速冻的都要一包：荠菜馄饨、…")
    if (intro && r.geQty && r.items.length > 0 && r.items.every((it) => it.generic || (it.fallback && !it.hasQty))) {
      st.eachAfter = r.geQty
      st.eachChunk = ci
      r.items = []
      r.geQty = null
    }
    // "没河虾的话，就拿一斤蛤蜊": the chunk after a condition with no substitute names it
    // — or that closes with a word that accepts it ("要是没有基围虾，冻虾仁买1袋也行"), or names
    // it with no amount ("高丽菜若无，买大白菜")
    const cond = st.altFor
    if (
      cond &&
      cond.chunk === ci - 1 &&
      r.items.length &&
      (INSTEAD_FIRST.test(s.slice(chunkStart, chunkStart + 3)) ||
        (els.length > 1 && els[els.length - 1].t === E_K && els[els.length - 1].sub === KW_OK) ||
        r.items.every((it) => !it.hasQty))
    ) {
      const p = st.items[cond.k]
      if (p && p.op === 'add')
        for (const it of r.items)
          if (it.op === 'add' && !it.med && !sameThing(it.name, p.name) && !p.alternatives.includes(it.name)) p.alternatives.push(it.name)
      r.items = []
    }
    st.altFor = null
    // "基围虾1斤；要是没有基围虾，…": a condition on an item already listed, not a need of its own
    if (info.cond && !r.altNeedTarget && r.items.length === 1 && r.items[0].op === 'add' && !r.items[0].hasQty) {
      const k = findItem(st.items, r.items[0].name)
      if (k >= 0 && st.items[k].op === 'add' && st.items[k].hasQty) {
        r.items = []
        st.altFor = { k, chunk: ci }
      }
    }
    // "米还有半袋", "猫粮还有半袋先不买": 还有 straight after a name, then an amount with no name of
    // its own, is what is left at home — the name is not wanted, and the amount is not to buy
    if (r.qtyOnly && !r.items.length && leftAtHome(st, s, toks, chunkTok)) r.qtyOnly = null
    // "菜都按斤：土豆 3 茄子 2": a heading that names what the lines are and the unit they count in
    if (info.forAll && info.bareUnit !== null && intro && !r.qtyOnly && r.items.every((it) => !it.hasQty)) r.items = []
    // "要：…⏎不要：葡萄（屋里还有）": a heading of things not wanted takes back what its line names,
    // not the item before it
    if (intro && b - chunkTok === 1 && notWantWord(toks[chunkTok]) && !r.items.length) {
      r.cancelPrev = false
      st.notWantLine = st.lineChunk
    } else if (st.notWantLine >= 0 && st.notWantLine !== st.lineChunk) st.notWantLine = -1
    if (st.notWantLine >= 0 && !intro) for (const it of r.items) if (!it.hasQty) it.op = 'remove'
    // ("如果超咗预算白鳝就唔要", "要是太贵排骨就不要了": taken off on a condition, the thing is still
    // ordered — bought unless the condition comes true — so the removal is not applied)
    if (onCondition) r.items = r.items.filter((it) => it.op !== 'remove')
    let chunkTarget = -1
    if (r.items.length && describesPrevious(st, r, ci, chunkStart, toks[b - 1].e)) {
      /* a note on the item before */
    } else if (r.items.length) {
      chunkTarget = addItems(st, r, ci, sepBefore)
      st.lastNamed = chunkTarget >= 0 ? st.items[chunkTarget] : null
      st.lastNamedChunk = ci
    } else if (r.geQty) spreadEach(st, r, ci, intro || sepBefore === SP_NL)
    else if (info.forAll && info.bareUnit !== null && !r.qtyOnly) st.listUnit = info.bareUnit
    else if (
      r.qtyOnly &&
      beforeItsName(
        st,
        r.qtyOnly,
        ci,
        sepBeforeText,
        b + 1 < n && /^[ \t]+$/.test(s.slice(toks[b].s, toks[b].e)) && toks[b + 1].k === T_GOODS,
      )
    ) {
      /* "香蕉, 500g 牛肉末": the amount waits for the name after it */
    } else if (
      r.qtyOnly &&
      (r.qtyOnly.mult || packedCount(st, r.qtyOnly, lineUpTo(s, toks[b - 1].e))) &&
      countAfterSize(st, s, r.qtyOnly, ci, chunkStart)
    ) {
      /* "上海青 500g ×1", "皇家猫粮 2kg 一袋": the count after a weight is how many; the weight was the package */
    } else if (r.qtyOnly && !r.qtyOnlyDescOnly && changeAmount(st, s.slice(chunkFrom, toks[b - 1].e), r.qtyOnly, ci)) {
      /* "…，一共两斤": the item before now has its new amount */
    }
    // ("够炒两个菜就行": an amount in talk about cooking is not one to buy, nor one said to be more
    // than is needed: "哪用得了一斤", "米还够吃三天")
    else if (r.qtyOnly && !r.qtyOnlyDescOnly && respectively(st, r.qtyOnly, toks, chunkTok, ci)) {
      /* "冬瓜、咸蛋、瘦肉，一斤、两只、半斤": the amounts go to the names in order */
    } else if (
      r.qtyOnly &&
      !r.qtyOnlyDescOnly &&
      !info.cook &&
      !info.enough &&
      !intro &&
      !correctAmount(st, r.qtyOnly, ci, info.oops && !NUMBER_AHEAD.test(s.slice(chunkStart, info.oopsAt)))
    )
      amountOnly(st, r, ci, sepBefore, sepAfter, aside, chunkText, {
        after: s.slice(toks[b - 1].e, toks[b - 1].e + 4),
        sentence: s.slice(sentenceStart(s, chunkStart), toks[b - 1].e),
      })
    applyAlternatives(st, r, ci, chunkTarget)
    if (r.altNeedTarget && !r.alts.length) {
      // (named, "没河虾的话"; or not, "没有的话", after the item just listed)
      const k = r.altRefs.length ? findItem(st.items, r.altRefs[0]) : st.lastItemsChunk === ci - 1 ? st.items.length - 1 : -1
      if (k >= 0) st.altFor = { k, chunk: ci }
    }
    // ("橙子2斤，如果太贵就不要了", "要是还烂我就再也不买了": a cancel on a condition leaves the
    // order standing — it is bought unless the condition comes true)
    // (so is one on there being none: "有的话来两斤，没有的话就不要了", "阳澄湖的最好，没就算了")
    if (r.cancelPrev && (info.cond || onCondition)) r.cancelPrev = false
    // (a bare 不要了 withdraws the thing the chunk before it spoke of — named again, or given its amount
    // there: "可乐 330ml*6罐 不要了", "鸡蛋家里还有半篮，不要了". After "牛肉划掉" it is the beef, off
    // already, not the mutton ordered chunks earlier and last on the list now; after "老板要是给你硬的"
    // or "红酒我们自己有" it is nothing on the list)
    const last = st.items[st.items.length - 1]
    if (
      r.cancelPrev &&
      last &&
      last.chunk < ci - 1 &&
      !lastChunkText.includes(last.name) &&
      !AMOUNT_ONLY.test(lastChunkText) &&
      !STRIKE_ONLY.test(lastChunkText)
    )
      r.cancelPrev = false
    applyToPrevious(st, r, ci)
    if (ALL_OF_THESE_NOT.test(chunkText)) withdrawEnumeration(st, chunkStart)
    settleRemovals(st, ci)
    lastChunkText = chunkText
  }
  settleRemovals(st, chunkNo)
  talkOfRemoved(st)
  glosses(st)
  describedBy(st)
  restatements(st)
  settledAmounts(st)
  doubled(st)
  if (st.listUnit !== null) unitForAll(st, st.listUnit)
  joinBrands(st)
  emojiBullets(st)
  specificAfterGeneric(st)
  bareThenAmount(st)
  kindNamedAfter(st)
  kindOfSameHead(st)
  fillings(st)
  flavourThenAmount(st)
  kindsOfBare(st)
  restatedSubstitutes(st)
  kindAfterAmount(st)
  perPerson(st)
  fewOfUnit(st)
  totalsToParts(st)
  sharedOut(st)
  needsToOrders(st)
  brandForKind(st)
  const out = withoutRepeats(withoutTalk(st, keepOrders(st)))
  // a message of Latin letters only ("tea", "ok milk") orders nothing it does not ask for or count
  return st.intent || HAS_CJK.test(s) ? out : out.filter((it) => it.qty !== null)
}

/**
 * Names in brackets right after a thing to buy, with no amount of their own, say which one or how
 * it should be; they are not more things: a brand joins the name ("生抽（海天）1瓶" is 海天生抽), a
 * fuller name of it — or the product by its own name, with the same head ("泡面两包（维力炸酱面）") —
 * replaces it ("牛奶 2箱（蒙牛纯牛奶）"), a wish or a kind after its amount is its
 * note ("白蟹 3只（要膏蟹）", "运动饮料两瓶（宝矿力）"). After a category word they are the things
 * ("水果（苹果、香蕉）"); before the amount, another name may be the product said another way
 * ("cherry tomato（小番茄）一盒"), and stays the item.
 */
function bracketNote(st: MessageState, r: ChunkOut, text: string, at: number): void {
  const p = st.items[st.items.length - 1]
  if (!p || p.op !== 'add' || p.generic || p.med || !r.items.length || p.end < 0) return
  if (!r.items.every((it) => it.op === 'add' && !it.hasQty && !it.med)) return
  // (right after it: nothing but its amount between the name and the bracket)
  if (/[，,。；;、！!？?\n]/.test(st.s.slice(p.end, at))) return
  const brand = r.items.every((it) => it.brandOnly) ? r.items.map((it) => it.name).join('') : ''
  // (the brand alone: "（海天）", "（李锦记的）" — not a remark, "（白象的就有清真的）")
  if (brand && /^\s*(?:的|牌|的就行|就行)?\s*[)）]?\s*$/.test(text.replace(brand, ''))) {
    if (!p.name.includes(brand)) p.name = brand + p.name
  } else if (
    r.items.length === 1 &&
    !r.items[0].dish &&
    r.items[0].name.length > p.name.length &&
    // (or, after its amount, one of it by its own name, the same head last: "泡麵兩包（維力炸醬麵）";
    // not a kind of it in a word or two, "猫砂 2袋（混合砂）")
    (r.items[0].name.includes(p.name) ||
      (p.hasQty && r.items[0].name.endsWith(p.name.slice(-1)) && r.items[0].name.length >= p.name.length + 2))
  ) {
    p.name = r.items[0].name
  } else if (
    !p.hasQty &&
    r.items.length === 1 &&
    !r.items[0].dish &&
    AMOUNT_AFTER_BRACKET.test(st.s.slice(at + text.length, at + text.length + 6))
  ) {
    // "土豆（花生）一斤", "方便面（泡面）一包", "宝路狗粮（牛肉味）一包": before the amount, the bracket
    // says the same thing in other words (a gloss in another dialect, which one) — one thing to buy,
    // named in both words so the supplier reads the resident's word and the gloss; a flavour, or a
    // word the lexicon does not know as goods ("陈酿"), is a note
    const it = r.items[0]
    if (it.name.endsWith('味') || it.fallback || it.unk) addNote(p, it.name)
    else if (!p.name.includes(it.name)) p.name = `${p.name}（${it.name}）`
  } else if (p.hasQty || r.items.every((it) => it.dish) || /^\s*(?:要|只要|最好|不要|别)/.test(text)) {
    const note = r.items.map((it) => it.name).join(' ')
    addNote(p, note)
  } else return
  r.items = []
}

/** Right after a bracket's contents: its close, then an amount ("）一斤", ") 2袋"). */
const AMOUNT_AFTER_BRACKET = /^\s*[)）]\s*(?:[0-9０-９]|[一二两三四五六七八九十半俩仨几])/

/** After a heading's name: a colon ending its line, with more lines after it. */
const HEADING_END = /^[ \t]*[:：][ \t]*\n\s*\S/

/** A word of keywords.txt that takes things back ("不要", "别买", "唔使"): alone before a colon, a heading. */
const notWantWord = (t: Tok): boolean => t.k === T_KW && (t.sub === KW_NOTWANT || t.sub === KW_CANCEL)

/** Is the separator before toks[at] 还有 (after a comma or not), right after a name with no amount? Withdraws that name. */
function leftAtHome(st: MessageState, s: string, toks: Tok[], at: number): boolean {
  const sep = at > 0 ? toks[at - 1] : null
  const p = st.items[st.items.length - 1]
  if (!sep || !p || !/^[\s，,]*还有$/.test(s.slice(sep.s, sep.e))) return false
  if (p.op !== 'add' || p.hasQty || p.end !== sep.s) return false
  p.op = 'remove'
  return true
}

/** "葱、蒜、韭菜这些都不要", "葱蒜韭菜都不沾": a withdrawal of everything just enumerated. */
const ALL_OF_THESE_NOT =
  /(?:这些|这几样|这几个|全|都|统统|一律|侪)[也]?(?:不要|不沾|不吃|别买|莫买|莫要|唔要|不用|勿要|覅|甭买|别要|别带|莫带|别拿|(?:别|莫|不要)给(?:我|他|她|我们)(?:买|带|拿))/

/**
 * The names enumerated right before such a withdrawal, in its sentence and without an amount of
 * their own, are withdrawn with the last of them (which the withdrawal itself took back).
 */
function withdrawEnumeration(st: MessageState, chunkStart: number): void {
  const from = sentenceStart(st.s, chunkStart)
  for (let k = st.items.length - 1; k >= 0; k--) {
    const it = st.items[k]
    if (it.start < from || it.start < 0) break
    if (it.op === 'remove') continue
    if (it.op !== 'add' || it.hasQty) break
    it.op = 'remove'
  }
}

/** A word that withdraws what is named before it ("别买", "不要了", "唔要", "覅", "毋要"). */
const WITHDRAWS = /别|不要|不用|不买|唔|莫|勿|覅|毋|免|甭/

/**
 * "米有，油也有", "汤底跟青菜家里都有了": what the household has already, said before what it
 * lacks — the names of such a chunk (with no amount and no buying word) are not things to buy.
 */
const ALREADY_HAVE = new RegExp(`(?<![没给可伐冇无莫阿勿])${AT_HOME}?(?:也|还|都|倒)?有(?:了|咧|嘞|啦|哒|咯)?\\s*$`)
/** (a question after it: "鸡枞给有？", "海肠有没有？"; before it, 没 / 伐 / 冇 say there is none, 阿 / 给 / 可 ask) */
const ASKED = /^\s*[?？吗嘛么]/
/**
 * "茶叶不用", "蕉就唔使": a bare 不用 closes a list too ("多的不用", so it is no keyword), but right
 * after the chunk's one name, with nothing else in the chunk, it turns that thing down.
 */
const NOT_NEEDED_END = /^[^\s，,。的]{1,10}?(?:就|也|都)?(?:不用|唔使|唔洗)(?:了|啦|咯|喇|嘞)?\s*$/
function notNeeded(r: ChunkOut): void {
  if (r.items.length === 1 && r.items[0].op === 'add' && !r.items[0].hasQty) r.items[0].op = 'remove'
}

/** The chunk's names are had, not wanted (one ordered before, "土豆家里还有，不要了", is the removal's to take off). */
function alreadyHave(st: MessageState, r: ChunkOut): void {
  if (r.items.length && r.items.every((it) => it.op === 'add' && !it.hasQty && findItem(st.items, it.name) < 0))
    for (const it of r.items) it.op = 'remove'
}

/**
 * "香菜芹菜别买": names written together with nothing between them, then a word that withdraws
 * the last, are withdrawn together — the words after them are about all of them.
 */
function removeGluedNames(s: string, r: ChunkOut, chunkEnd: number): void {
  const items = r.items
  const k = items.length - 1
  if (k < 1) return
  const last = items[k]
  if (last.op !== 'remove' || last.hasQty || last.end < 0 || !WITHDRAWS.test(s.slice(last.end, chunkEnd))) return
  for (let j = k - 1; j >= 0; j--) {
    const it = items[j]
    if (it.op !== 'add' || it.hasQty || it.med || it.fallback || it.end < 0 || it.end !== items[j + 1].start) break
    it.op = 'remove'
  }
}

/**
 * "超了就把瘦肉减到半斤", "超脱了黄酒就买一瓶", "太贵的话排骨就一斤": what to do if the budget is
 * passed is a contingency for the steward, not an order — the items it names stand as first
 * ordered.
 */
const CONTINGENCY =
  /(?:超[了过出脱咗]|超预算|超\s*budget|over\s*budget|超支|超额|太贵|贵了|不够钱|钱不够|唔够钱|too\s+expensive)[^，,。；;]*?(?:就|的话)/i

const BUDGET_WORD = /超|贵|不够钱|钱不够|唔够钱|budget|expensive/i

/** A chunk that opens with the substitute's word: 就, 那就, 换 ("…的话，就拿一斤蛤蜊"). */
const INSTEAD_FIRST = /^(?:那就|就|换成|换|改拿|改买)/

/** Where the sentence holding offset i starts (after the last punctuation or line break before it). */
function sentenceStart(s: string, i: number): number {
  let j = i
  while (j > 0 && i - j < 40 && !/[，,。.;；!！?？\n]/.test(s[j - 1])) j--
  return j
}

/** An item already listed whose name this one starts with or is ("瘦肉减" after 瘦肉). */
function listedBefore(st: MessageState, name: string): boolean {
  for (const p of st.items) if (p.op === 'add' && (sameThing(p.name, name) || name.startsWith(p.name))) return true
  return false
}

/** "…的", "…额", "…嘅", "…味" closing a chunk: it says which kind, not what else to buy. */
const KIND_OF = /^(?:的|额|嘅|個|口味|味|馅|味道)(?:那种|那款|就行|就好|就可以|哦|哈|啊|呀|喔|噢|吧)?[!！~～。.]*$/
const NOT_THIS = /不要|别|勿|莫|唔要|冇要|甭/

/**
 * "汤圆两袋 黑芝麻的", "肉糜半斤，要夹心肉额", "出前一丁一包，麻油味": a chunk that only names a kind
 * (its names closed by 的 or a flavour), with no amount of its own, right after an item that has
 * one, describes that item: it becomes the item's note, not a second thing to buy.
 */
/** A word that asks for one kind of a thing: 要, 买, 拿 ("猫粮要皇家的"; not "奶粉是亚培的", a fact). */
const ASKS_FOR = /[要买拿来]/

function describesPrevious(st: MessageState, r: ChunkOut, ci: number, chunkStart: number, chunkEnd: number): boolean {
  if (r.qtyOnly || r.alts.length || r.altRefs.length || r.geQty) return false
  for (const it of r.items) if (it.hasQty || it.op !== 'add' || it.med) return false
  // (a brand alone, "要皇家的", is already a wish about the item before)
  if (r.items.every((it) => it.brandOnly)) return false
  const text = st.s.slice(chunkStart, chunkEnd)
  // (nor a product named with the brand it should be, "猫粮要皇家的": a thing to buy of its own)
  if (r.items.length > 1 && !r.items[0].brandOnly && r.items.slice(1).some((it) => it.brandOnly || it.brandNote) && ASKS_FOR.test(text))
    return false
  // the names are closed by 的 ("黑芝麻的"), not followed by a wish of their own ("米粉要湿的")
  const end = r.items[r.items.length - 1].end
  const flavour = /(?:味|馅)$/.test(r.items[r.items.length - 1].name) && /^[!！~～。.]*$/.test(st.s.slice(end, chunkEnd))
  if (end < 0 || !(flavour || KIND_OF.test(st.s.slice(end, chunkEnd))) || NOT_THIS.test(text)) return false
  const last = st.items.length ? st.items[st.items.length - 1] : null
  if (!last || last.chunk !== ci - 1 || !last.hasQty || last.op === 'remove' || last.med) return false
  addNote(last, text)
  st.lastItemsChunk = ci
  return true
}

/** The chunk's items join the message; returns the item the chunk named (new or already listed), or -1. */
const RESTATE_MAX_ITEMS = 30
/** A line that opens with its number ("3. ", "4、"). */
const NUMBERED_LINE = /^\s*\d{1,3}\s*[.、)）]/

/** Words right before a name that ask for more of it ("再来两斤土豆", "另外加一盒鸡蛋"). */
const MORE_BEFORE = /(?:再|另外|另|加|多|还要|还有)[^，,。；;！!？?\n]{0,4}$/

/**
 * "老公：猪肉两斤 … 我：猪肉一斤就够", "橙子5斤 … 家里还有橙子，橙子三斤吧": the same thing named
 * again with an amount in a later sentence restates its amount (LABELS.md: a correction carries
 * the item as it now stands), unless the words before it ask for more. Run once the message is
 * read, so corrections aimed at the later mention ("豆干三块 改五块") have landed on it.
 */
/**
 * A later name that restates an earlier one: the same, or a shorter way of saying it (猪排骨 … 排骨);
 * after the end of a sentence also a longer one (豆干三块。…说豆干三块改五块). Lines of a list are
 * not sentences of talk: "鸭蛋 10个⏎咸鸭蛋 6个" are two things.
 */
const restates = (earlier: string, later: string, talk: boolean): boolean =>
  earlier === later || earlier.endsWith(later) || (talk && later.endsWith(earlier))

function restatements(st: MessageState): void {
  const items = st.items
  // (a long list that names a thing twice, or a numbered line, lists it twice: not talk)
  if (items.length > RESTATE_MAX_ITEMS) return
  for (let k = items.length - 1; k > 0; k--) {
    const it = items[k]
    if (it.op !== 'add' || !it.hasQty || it.med || it.fallback || it.start < 0) continue
    let j = -1
    // (排骨 restates 猪排骨; but 牛肉丸 is not 牛肉 said again, nor 咸鸭蛋 鸭蛋)
    for (let m = 0; m < k && j < 0; m++) {
      const o = items[m]
      if (o.op !== 'add' || !o.hasQty || o.end < 0 || o.end > it.start) continue
      const between = st.s.slice(o.end, it.start)
      // (a pause in dictation, "嗯……洋柿子整两斤得了", ends a sentence too)
      if (!/[\n。！!？?；;…]/.test(between)) continue
      if (restates(o.name, it.name, /[。！!？?；;…]/.test(between))) j = m
    }
    if (j < 0) continue
    const old = items[j]
    if (MORE_BEFORE.test(st.s.slice(Math.max(0, it.start - 8), it.start))) continue
    if (NUMBERED_LINE.test(st.s.slice(st.s.lastIndexOf('\n', it.start - 1) + 1, it.start))) continue
    old.qty = it.qty
    old.unit = it.unit
    old.bareQty = it.bareQty
    old.touched = true
    items.splice(k, 1)
  }
}

/** The words that ask for more of a thing (amount-changes.txt, `more`): 再加, 再来, 追加 …. */
const MORE_WORDS = AMOUNT_CHANGES.filter((c) => !c.total && !c.less).map((c) => c.word)

/**
 * "鸡蛋两盒 … 再加一盒鸡蛋", "土豆三斤，再来两斤土豆", "苹果再多来两斤": more of a thing already on the
 * list, in the same unit, is added to it (LABELS.md: the item as it now stands), not ordered a
 * second time.
 */
function moreOfListed(st: MessageState, it: PItem): PItem | null {
  if (it.op !== 'add' || !it.hasQty || it.qty === null || it.med || it.fallback || it.start < 0) return null
  const before = st.s.slice(Math.max(0, it.start - 8), it.start)
  // (or between the name and its amount: "苹果再多来两斤", "排骨多买一斤")
  const after = it.end >= 0 ? st.s.slice(it.end, it.end + 6).replace(/^[ \t]*(?:给我|给俺|也|就)?/, '') : ''
  const more = !/[，,。；;！!？?\n]/.test(before.slice(-4)) && MORE_WORDS.some((w) => before.includes(w))
  if (!more && !MORE_WORDS.some((w) => after.startsWith(w))) return null
  // (the same thing, or a shorter way of saying it; not 小杂鱼 after 鱼, another kind of fish)
  const old = st.items.find(
    (o) =>
      o.op === 'add' && o.hasQty && o.qty !== null && o.unit === it.unit && !o.fallback && (o.name === it.name || o.name.endsWith(it.name)),
  )
  if (!old || old.qty === null) return null
  old.qty += it.qty
  old.touched = true
  st.lastItemsChunk = it.chunk
  return old
}

function addItems(st: MessageState, r: ChunkOut, ci: number, sepBefore: number): number {
  const items = st.items
  const firstNew = items.length
  let chunkTarget = -1
  for (const it of r.items) {
    if (it.op !== 'add') {
      if (!applyOp(st, it)) items.push(it)
      continue
    }
    if (brandOfPrevious(st, it, ci, r)) continue
    // (the thing more was added to is the one the chunk spoke of: "排骨再多来1斤吧，一共3斤")
    const more = moreOfListed(st, it)
    if (more) {
      chunkTarget = items.indexOf(more)
      continue
    }
    if (restatedAfterOops(st, it)) continue
    if (swappedAfterOops(st, it)) continue
    // (a name the lexicon does not know too, as one entry of the enumeration: "以下全部一盒：车厘茄、蓝莓")
    if (!it.hasQty && st.eachAfter && !it.med && (!it.fallback || inEnumeration(st.s, it))) {
      setQty(it, st.eachAfter)
      it.fromEach = true
    }
    if (!it.hasQty && st.pending && st.pendingChunk === ci - 1 && !it.med && !it.fallback && !it.dish) {
      setQty(it, st.pending)
      st.pending = null
    }
    if (!it.hasQty && !it.med && !it.fallback) {
      // a name said again without an amount refers to the item already listed ("鲫鱼没有就要草鱼");
      // not on a line of its own after a line that gave that item its amount: "牛肉 2斤⏎牛肉丸 1袋",
      // "鸭蛋 10个⏎咸鸭蛋 6个" are second things (a repeat without an amount is dropped later)
      const found = findItem(items, it.name)
      // (nor the heading over the lines: "鱼：⏎鲫鱼 两条⏎草鱼 1条" names two fish, and no 鱼)
      const ownLine =
        sepBefore === SP_NL && found >= 0 && (items[found].hasQty || items[found].heading) && items[found].chunk < st.lineChunk
      const k = found >= 0 && !ownLine ? found : -1
      // (but a longer name after a bare one is a sibling in a plain list, not the same thing said
      // again: "鸡蛋 鸭蛋 咸鸭蛋 都来十个")
      const sibling =
        k >= 0 &&
        !items[k].hasQty &&
        it.name.length > items[k].name.length &&
        // (anywhere earlier on the line: "米 油 盐 酱油 醋 各一样")
        items[k].chunk >= Math.min(ci - 1, st.lineChunk) &&
        items[k].wholeChunk &&
        (it.wholeChunk || eachFollows(st, it)) &&
        !st.infos[items[k].chunk]?.need
      if (k >= 0 && items[k].op === 'add' && !items[k].fallback && !sibling) {
        // "猫砂一袋 要豆腐猫砂": the fuller name wins
        // (not a dish made of it: "绿豆 5斤（熬绿豆汤）" buys 绿豆)
        if (!it.dish && it.name.length > items[k].name.length && it.name.includes(items[k].name)) items[k].name = it.name
        if (it.note) items[k].note = items[k].note ? items[k].note + ' ' + it.note : it.note
        for (const al of it.alternatives) if (!items[k].alternatives.includes(al)) items[k].alternatives.push(al)
        // "洗洁精、草纸侪用光了。洗洁精白猫额一瓶": a thing only named before (what ran out, what is
        // wanted), named again to say which one, now stands where it was named again — next to what
        // it says of it
        // (first in its chunk: "一瓶千禾零添加酱油" named the brand before it, with the amount)
        // (with which one and its amount said there: "奶粉没飞鹤个话" is a condition, not which one)
        if (
          !items[k].hasQty &&
          items[k].name === it.name &&
          k < items.length - 1 &&
          it.start > items[k].end &&
          r.items[0] === it &&
          !st.infos[ci]?.cond &&
          r.items.some((o) => o !== it && o.hasQty && o.op === 'add')
        ) {
          const [moved] = items.splice(k, 1)
          moved.start = it.start
          moved.end = it.end
          moved.chunk = it.chunk
          items.push(moved)
          chunkTarget = items.length - 1
          continue
        }
        chunkTarget = k
        continue
      }
    }
    items.push(it)
    chunkTarget = items.length - 1
  }
  // 各 spreads back over a list: 西红柿、黄瓜各2斤
  if (r.geQty && r.geSpread && sepBefore !== SP_NL) {
    for (let k = firstNew - 1; k >= 0; k--) {
      const p = items[k]
      // (a category word before the things is their heading: "水果要苹果和梨各两斤"; an unknown name
      // counts when it is one entry of an enumeration: "扎肉、醉鸡、香糕，以上各一份")
      if (p.hasQty || p.op !== 'add' || (p.fallback && !inEnumeration(st.s, p)) || p.med || p.generic || p.chunk < ci - 8) break
      setQty(p, r.geQty)
    }
  }
  st.lastItemsChunk = ci
  st.pending = null
  return chunkTarget
}

/**
 * "西红柿 黄瓜 各2斤": the amount after 各 goes to every item before it that has none; with none
 * before it ("以下每样要两斤：薯仔、洋葱"), or as a heading of its own line, to every item after it
 * that has none.
 */
function spreadEach(st: MessageState, r: ChunkOut, ci: number, heading: boolean): void {
  if (!r.geQty) return
  let n = 0
  const each = r.geQty
  for (let k = st.items.length - 1; k >= 0; k--) {
    const p = st.items[k]
    // ("生抽1⏎老抽1⏎蚝油1⏎都是一瓶": the bare numbers were counts of the unit said after them;
    // "酱油2 醋1 都是一瓶" names the unit, one of it being the way to say so)
    if (p.hasQty && p.bareQty && p.op === 'add' && (p.qty === each.v || each.v === 1) && each.unit !== null && !p.med) {
      p.unit = each.unit
      p.bareQty = false
      n++
      continue
    }
    // (an unknown word between the names and 各 is talk, not an item: "洗洁精同洗衣液！碗堆到成座山 各一支";
    // one entry of an enumeration is a thing: "扎肉、醉鸡、香糕，以上各一份")
    const entry = p.fallback && !p.hasQty && p.op === 'add' && !p.med && inEnumeration(st.s, p)
    if (p.fallback && !p.hasQty && !entry) continue
    // ("不是鲜奶是豆浆，一样两瓶": the thing a correction put in, in the amount said after it)
    const swappedIn = p.op === 'set' && n === 0 && k === st.items.length - 1
    if (p.hasQty || (p.op !== 'add' && !swappedIn) || (p.fallback && !entry) || p.med || p.generic) break
    // (nor back over a colon: "想煮清补凉，要：⏎红豆、绿豆、薏米各半斤" — what is before it heads the list)
    const next = k + 1 < st.items.length ? st.items[k + 1] : null
    if (next && p.end >= 0 && next.start > p.end && /[:：]/.test(st.s.slice(p.end, next.start))) break
    setQty(p, r.geQty)
    n++
    if (swappedIn) break
  }
  // (or a heading of its own line, "以下各1斤：" after the list under "以下各2斤：")
  if (n === 0 && (st.items.length === 0 || heading)) {
    st.eachAfter = r.geQty
    st.eachChunk = ci
  }
}

/** "苹果5 梨3 单位是斤", "以下都按斤：土豆5 白菜3": the unit of every bare number in the list. */
function unitForAll(st: MessageState, unit: string): void {
  for (const it of st.items) {
    if (it.hasQty && it.bareQty && it.qty !== null) {
      it.unit = unit
      it.bareQty = false
    }
  }
}

/** Weights a package is sold by (LABELS.md: "1袋十斤的大米" is 1 袋). */
/** The line of s that ends at `end`, from its start. */
function lineUpTo(s: string, end: number): string {
  return s.slice(s.lastIndexOf('\n', end - 1) + 1, end)
}

/** What a package holds, as an app's product title gives it: a weight, a volume, sheets or leaves. */
const PACKAGE_WEIGHTS = new Set(['斤', '公斤', '克', '两', '升', '毫升', '片', '抽'])

/**
 * "皇家猫粮 2kg 一袋", "纸尿裤 L码 58片 2包", "三文鱼刺身 200g 2份": a count in a container (or in
 * portions) right after an item given by what its package holds, on the same line; and in a line
 * copied with its price, the bare number that ends it ("澳洲牛肋条 1.2kg ¥159 1").
 */
function packedCount(st: MessageState, q: Qty, line: string): boolean {
  const it = st.items[st.items.length - 1]
  if (it === undefined || it.unit === null || !PACKAGE_WEIGHTS.has(it.unit) || q.price) return false
  if (q.bare) return /[¥￥]\s*\d+(?:\.\d+)?\s+\d{1,3}\s*$/.test(line)
  return q.uk === U_CONTAINER || q.unit === '份'
}

/**
 * A line copied from a shopping app ("精品五花肉 约 400g ×2", "狗粮 成犬 10kg 数量:1"): a
 * multiplier after the item's amount on the same line is how many to buy, and the amount before
 * it was the package size (LABELS.md: a package size is not a quantity).
 */
/** Only a size in brackets between a name and the count after it: " (85g) ", "（2kg）". */
const SIZE_IN_BRACKETS = /^\s*[(（]\s*[\d.]+\s*(?:kg|KG|g|ml|ML|L|l|斤|克|公斤|升|毫升)\s*[)）]\s*$/

function countAfterSize(st: MessageState, s: string, q: Qty, ci: number, chunkStart: number): boolean {
  const it = st.items[st.items.length - 1]
  if (!it || !it.hasQty || it.op === 'remove' || it.chunk < ci - 4 || q.v === null) return false
  // (not a description in brackets: "2箱 (250ml x 12 那种)"; but a size in brackets before the count
  // is the package: "主食罐 (85g) 4箱")
  const between = it.end < 0 ? '' : s.slice(it.end, chunkStart)
  const sizeInBrackets = SIZE_IN_BRACKETS.test(between) && it.unit !== null && PACKAGE_WEIGHTS.has(it.unit) && q.uk !== U_MEASURE
  if (it.end < 0 || (/[\n(（]/.test(between) && !sizeInBrackets)) return false
  setQty(it, q)
  st.lastItemsChunk = ci
  return true
}

/** An entry of an enumeration: "、" or "/" after it, or the amount for all of them ("，以上各一份"). */
function inEnumeration(s: string, it: PItem): boolean {
  return enumerated(s, it) || (it.end >= 0 && EACH_CLOSES.test(s.slice(it.end, it.end + 8)))
}
const EACH_CLOSES = /^(?:[，,]\s*(?:以上|上面|这些|这几样)?|\s*(?:以上|上面|这些|这几样))(?:都|各|每样)/

/** Is a dish `it` named right after a word that wishes to eat it ("想吃", "爱吃", "要食")? */
function wishedFor(st: MessageState, it: PItem): boolean {
  if (it.start < 0) return false
  const before = st.s.slice(Math.max(0, it.start - 4), it.start)
  return EAT_WORDS.some((w) => before.endsWith(w))
}

/** What joins two dishes: 和, 跟, 同, 与 on their own. */
const DISH_AND = /^\s*(?:和|跟|同|与)\s*$/

/** How many times the item's count a bare total may be before it is read as money. */
const TOTAL_AT_MOST = 5

/**
 * "…再加半斤，一共一斤半", "鸡蛋一盒，再加一盒": an amount with no name after 一共 (or 再加) is the
 * new total of the item just named (or is added to it, in the same unit).
 */
function changeAmount(st: MessageState, text: string, q: Qty, ci: number): boolean {
  // (the thing the chunk before named, though it was listed earlier: "羊肉五斤，土豆三斤，羊肉再加两斤")
  const named = st.lastNamed && st.lastNamedChunk === ci - 1 && st.items.includes(st.lastNamed) ? st.lastNamed : null
  let it = named ?? st.items[st.items.length - 1]
  const change = AMOUNT_CHANGES.find((c) => text.includes(c.word)) ?? (it && saidShort(st, it, text) ? SHORT_CHANGE : undefined)
  if (!change || q.v === null || q.price || q.desc) return false
  // ("鸡蛋3盒…上面那个鸡蛋写多了，多写了一盒": named again with no amount, the item ordered before)
  if (named && named.hasQty) {
    /* said again just now: that one, however long ago it was listed */
  } else if (it && !it.hasQty && it.op === 'add' && it.chunk >= ci - 2) {
    const bare = it
    const k = st.items.findIndex((o) => o !== bare && o.op === 'add' && o.hasQty && sameThing(o.name, bare.name))
    if (k < 0) return false
    it = st.items[k]
  } else if (!it || it.chunk < ci - 2) return false
  // ("…牛奶1箱。那个鸡蛋写多了，多写了一盒": taken off the thing just named again, in the same unit)
  if (change.less && it.unit !== q.unit) {
    const at = st.s.indexOf(text)
    const before = st.s.slice(Math.max(0, at - 16), Math.max(0, at))
    let k = st.items.length - 1
    while (k >= 0 && !(st.items[k].op === 'add' && st.items[k].hasQty && st.items[k].unit === q.unit && before.includes(st.items[k].name)))
      k--
    if (k < 0) return false
    it = st.items[k]
  }
  if (it.op === 'remove' || !it.hasQty || it.qty === null) return false
  if (change.less) {
    if (q.unit !== it.unit || q.v >= it.qty) return false
    it.qty -= q.v
    st.lastItemsChunk = ci
    return true
  }
  if (change.total) {
    if (q.unit !== null && it.unit !== null && q.unit !== it.unit && q.uk !== U_MEASURE) return false
    // "小馄饨一袋15，合计66": a bare total many times the item's own count is the bill, not an amount
    if (q.unit === null && it.unit !== null && q.v > TOTAL_AT_MOST * it.qty) return false
    setQty(it, q)
  } else {
    if (q.unit !== it.unit) return false
    it.qty += q.v
  }
  st.lastItemsChunk = ci
  return true
}

/**
 * "米一包唔够，要两包", "羊肉二斤不够，孩儿们都回来了，弄三斤吧": the amount just ordered was said
 * to be too little (a `short` word of amount-changes.txt between the item and this clause), so
 * this amount is its new total.
 */
const SHORT_CHANGE = { word: '', total: true, less: false }
function saidShort(st: MessageState, it: PItem, text: string): boolean {
  if (it.end < 0) return false
  const at = st.s.indexOf(text, it.end)
  const between = st.s.slice(it.end, at < 0 ? it.end : at)
  return between.length <= 24 && SHORT_WORDS.some((w) => between.includes(w))
}

/** How many chunks from toks[a] on carry an amount and no name ("一斤、两只、半斤")? */
function amountChunks(s: string, toks: Tok[], a: number): number {
  let n = 0
  let num = false
  for (let i = a; i <= toks.length; i++) {
    const t = toks[i]
    if (i === toks.length || t.k === T_SEP) {
      if (!num) break
      n++
      num = false
      // (written as an enumeration, "一斤、两只、半斤": a space, a bracket or the end of a sentence
      // ends the run — "1.8kg x1", "一罐（700g）" are a size and a count)
      if (i < toks.length && !/^\s*[、，,;；]\s*$/.test(s.slice(t.s, t.e))) break
      continue
    }
    if (t.k === T_GOODS || t.k === T_UNK || t.k === T_MED || t.k === T_NONGOODS) break
    if (t.k === T_NUM) {
      if (num || t.f & N_MULT) return 0
      num = true
    }
  }
  return n
}

/**
 * "帮我买冬瓜、咸蛋、瘦肉，一斤、两只、半斤", "土豆 洋葱 胡萝卜 牛腩，分别要2斤、1斤、3根、2斤":
 * the names first, then as many amounts, each in a chunk of its own, in the same order. Returns
 * whether the amount went to its name.
 */
function respectively(st: MessageState, q: Qty, toks: Tok[], a: number, ci: number): boolean {
  const items = st.items
  const r = st.respectively
  if (r && r.left > 0) {
    setQty(items[r.next], q)
    r.next++
    r.left--
    st.lastItemsChunk = ci
    return true
  }
  st.respectively = null
  // the names waiting for an amount at the end of what was read
  let first = items.length
  while (first > 0) {
    const p = items[first - 1]
    if (p.hasQty || p.op !== 'add' || p.med || p.fallback || p.generic || p.dish) break
    first--
  }
  const waiting = items.length - first
  if (waiting < 2 || amountChunks(st.s, toks, a) !== waiting || items[first].chunk < st.lineChunk) return false
  setQty(items[first], q)
  st.respectively = { next: first + 1, left: waiting - 1 }
  st.lastItemsChunk = ci
  return true
}

/** An amount that describes the size of the one just named: "…的", "…的样子", "…来沉的", "…那么大". */
const SIZE_TAIL = /(?:的|额|嘅)(?:样子|那种|左右)?$|样子$|来沉|那么(?:大|重)/

/** "就五斤", "只要两斤": an amount settled on. */
const SETTLED_BEFORE = /^(?:就|只要|只买|那就)/
/** A size or a condition in the sentence: the amount is not settled on. */
const SETTLED_NOT = /每|样子|左右的|的话|若|如果|要是|假如|超过|太贵|贵的话|没有/
/** "五斤够了", "两斤就行", "就五斤吧": an amount said to be enough. */
const SETTLED_AFTER = /(?:^|[^不])(?:够了|就够|就行|就好|就可以|吧)\s*$|^\s*(?:够了|就够|就行|就好|就可以|吧)/

/** A chunk with an amount and no name: "土豆 三斤", "猫粮快吃完了 … 两袋就够". */
function amountOnly(
  st: MessageState,
  r: ChunkOut,
  ci: number,
  sepBefore: number,
  sepAfter: number,
  aside: boolean,
  text: string,
  around: { after: string; sentence: string } = { after: '', sentence: '' },
): void {
  const q = r.qtyOnly
  if (!q) return
  const items = st.items
  // "老公说要买十斤排骨，我说五斤够了 … 就五斤": an amount said to be enough, or settled on with
  // 就, for the thing just ordered in that unit, is its amount now
  const last = items.length ? items[items.length - 1] : null
  if (
    last &&
    last.hasQty &&
    last.op === 'add' &&
    !q.bare &&
    q.unit === last.unit &&
    q.v !== last.qty &&
    !q.price &&
    !q.desc &&
    // (not the first of a package size, "大米3袋（一袋十斤的就行）": how much one bag holds)
    !q.pairA &&
    (SETTLED_BEFORE.test(text) || SETTLED_AFTER.test(text) || SETTLED_AFTER.test(around.after)) &&
    // (not a size, "每条半斤左右的样子就行", nor a condition, "若超过六十箍就买一斤就好")
    !SETTLED_NOT.test(around.sentence)
  ) {
    setQty(last, q)
    st.lastItemsChunk = ci
    return
  }
  // "煤球 2箱（蜂窝煤 一箱30个的）": a package size on the line of a thing already counted says
  // how big its packages are; it is no amount waiting for the next line's name
  if (q.pairA && last && last.hasQty && last.op === 'add' && last.chunk >= st.lineChunk) return
  // "草鱼一条 三斤来的", "面粉 一袋 5kg的": a weight closed by 的 after a thing counted in pieces
  // or packages says how big each is — it waits for no name after it
  if (
    last &&
    last.hasQty &&
    last.op === 'add' &&
    last.unit !== q.unit &&
    q.uk === U_MEASURE &&
    !q.bare &&
    SIZE_TAIL.test(text) &&
    st.lastItemsChunk >= ci - 2 &&
    last.chunk >= st.lineChunk
  )
    return
  // "折耳根、儿菜，再来点老腊肉，五十块钱的样子就够了": a sum of money on its own after several
  // things is what the whole list may cost, not how much of the last one to buy
  if (q.unit === '元') {
    let open = 0
    for (const it of items) if (it.op === 'add' && !it.hasQty && !it.med) open++
    if (open > 1) return
  }
  // unknown words take an amount written right next to them, or beside them on a line of their
  // own ("石斛花 1包" in a list of one item a line), not one from further away
  let k = items.length - 1
  // (a dish is passed over — but not a thing wished for, "孩子想吃小排，帮我买两斤": the amount is of it)
  while (k >= 0 && items[k].dish && !items[k].hasQty && !wishedFor(st, items[k])) k--
  const ownLine =
    k >= 0 &&
    items[k].fallback &&
    !items[k].hasQty &&
    items[k].chunk === ci - 1 &&
    sepBefore === SP_SPACE &&
    items[k].lineStart &&
    items[k].wholeChunk &&
    // (or with a note in brackets after it: "春韭 1斤（头刀的）")
    (sepAfter === SP_NL || sepAfter === 0 || /^\s*[（(]/.test(around.after))
  // …or in a line that pairs every name with the amount after it, a space apart ("鸡翅 5斤 牛板筋
  // 30串 纸杯 2包"): the unknown word stands where a name stands
  const inRhythm =
    k > 0 &&
    items[k].fallback &&
    !items[k].hasQty &&
    items[k].chunk === ci - 1 &&
    items[k].wholeChunk &&
    sepBefore === SP_SPACE &&
    (sepAfter === SP_SPACE || sepAfter === SP_NL || sepAfter === 0) &&
    !q.bare &&
    items[k - 1].hasQty &&
    items[k - 1].op === 'add' &&
    items[k - 1].chunk >= ci - 3 &&
    items[k - 1].chunk >= st.lineChunk
  if (!ownLine && !inRhythm) while (k >= 0 && items[k].fallback && !items[k].hasQty) k--
  // a bare number starting a line or closed by a list mark is the line's number ("1.", "2、"); at
  // the end of a line after a name it is that item's amount ("土豆 2⏎洋葱 1")
  const listMarker = q.bare && (sepAfter === SP_LISTEND || sepBefore === SP_NL || k < 0)
  if (listMarker) return
  // (not a size: "一个西瓜 八九斤的样子", "狗粮一份，二十斤的" say how big the one is)
  const vague =
    k >= 0 &&
    items[k].hasQty &&
    items[k].qty === 1 &&
    (items[k].unit === '份' || items[k].unit === '个') &&
    items[k].op === 'add' &&
    !SIZE_TAIL.test(text)
  if (vague && q.uk === U_MEASURE && !q.bare && st.lastItemsChunk === ci - 1 && items[k].chunk === ci - 1) {
    // "团一份猪肉 两斤左右": the weight says how much the portion is
    setQty(items[k], q)
    st.lastItemsChunk = ci
  } else if (k >= 0 && items[k].fromEach && !q.bare && items[k].chunk === ci - 1) {
    // "以下都是两包：乖乖、仙贝⏎养乐多另外十瓶": the item's own amount, not the heading's
    setQty(items[k], q)
    items[k].fromEach = false
    st.lastItemsChunk = ci
  } else if (k >= 0 && !items[k].hasQty && items[k].op !== 'remove' && (!q.bare || st.lastItemsChunk === ci - 1)) {
    setQty(items[k], q)
    st.lastItemsChunk = ci
  } else if (!q.bare && !aside && !endsLineOfItem(st, k, sepAfter) && !(SIZE_TAIL.test(text) && k >= 0 && items[k].hasQty)) {
    // (a size closed by 的 after a counted thing, "一袋狗粮，啥牌子都行，二十斤左右的，再来点鸡肉干",
    // says how big it is: it waits for no next name)
    st.pending = q
    st.pendingChunk = ci
  }
}

const CLAUSE_MARK = /[,，、;；。.]/
/**
 * "香蕉（别太熟）, 500g 牛肉末", "bananas, 1 bottle olive oil": an amount after a comma and before a
 * name a space away goes with that name — the nearer side, as English writes it ("500g beef") —
 * not with the thing the comma closed.
 */
// (a comma or a full stop before it: not a bracket alone, "白菜（大的）五颗 土豆一袋", whose amount is
// the name's before the note, nor a dash, "芒果-3个 荔枝-2斤")
function beforeItsName(st: MessageState, q: Qty, ci: number, sepBefore: string, nameAfterSpace: boolean): boolean {
  if (!nameAfterSpace || !CLAUSE_MARK.test(sepBefore) || q.bare || q.price || q.desc) return false
  st.pending = q
  st.pendingChunk = ci
  return true
}

/**
 * "成猫粮 4袋 10kg⏎猫条 100根": an amount that ends a line whose item already has one describes
 * that item (its package); it is not waiting for the next line's name — taken so, every amount
 * after it slid one line down.
 */
function endsLineOfItem(st: MessageState, k: number, sepAfter: number): boolean {
  return (sepAfter === SP_NL || sepAfter === 0) && k >= 0 && st.items[k].hasQty && st.items[k].chunk >= st.lineChunk
}
