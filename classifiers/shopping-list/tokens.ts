// Tokens: the text as a stream of dictionary words, numbers, separators and unknown runs.
// Longest dictionary match first; numbers (Arabic and Chinese) are read by numerals.ts; anything
// unknown becomes an UNK run. Addresses (7栋1102, 3-2-502), phone numbers, times, prices and
// @mentions are recognised so that their numbers are never taken for quantities.
import { isAsciiDigit, isChineseNumeralChar, scanNumber, type ScanContext } from '../numerals.ts'
import { heardGoodsAt, initialsGoods, isPinyinSyllable, pinyinGoods } from './sound.ts'
import { lookAlikeGoodsAt } from './shape.ts'
import {
  ASCII_UNITS,
  ENGLISH_SMALL,
  latinPhrase,
  HEARD_UNITS,
  IN_WORD_OTHER,
  NUMBER_WORDS,
  NUMBER_WORDS_BEFORE_UNIT,
  UNIT_AND_A_HALF,
  asciiWord,
  matchAt,
  wordAt,
  type Entry,
} from './lexicon.ts'
import {
  T_GOODS,
  T_UNIT,
  T_NUM,
  T_FILL,
  T_OTHER,
  T_NONGOODS,
  T_SEP,
  T_KW,
  T_UNK,
  T_MONEY,
  KW_SLASH,
  KW_EACH,
  KW_GE,
  KW_NOTWANT,
  KW_SET,
  KW_SWAP,
  SP_SPACE,
  SP_PUNCT,
  SP_CONJ,
  SP_NL,
  SP_LISTEND,
  U_MEASURE,
  U_COUNT,
  U_CONTAINER,
  F_VERB,
  F_INTENT,
  F_ONE,
  F_INWORD,
  F_COOK,
  G_BRAND,
} from './kinds.ts'

export class Tok {
  constructor(
    public k: number,
    public s: number,
    public e: number,
    public sub: number,
    public v: number | null,
    public f: number,
    public canon: string | null,
    public ent: Entry | null,
  ) {}
}

// NUM flags
export const N_RANGE = 1
export const N_DASHED = 2
export const N_BIG = 4
export const N_MULT = 8
export const N_HALF = 16 // the token is a lone 半
export const N_ARABIC = 32

export const isSpace = (c: number) =>
  c === 32 ||
  c === 9 ||
  c === 0x2005 ||
  c === 0xa0 ||
  c === 0x3000 ||
  c === 0x2002 ||
  c === 0x2003 ||
  c === 0x2009 ||
  c === 0x200a ||
  c === 0x202f
export const isAsciiLetter = (c: number) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122)
export const isCJK = (c: number) => (c >= 0x3400 && c <= 0x9fff) || (c >= 0xf900 && c <= 0xfaff)
const isEmojiStart = (c: number) => c >= 0xd83c && c <= 0xd83e
const isMultChar = (c: number) => c === 120 || c === 88 || c === 42 || c === 0xd7 || c === 0x2716 || c === 43 || c === 0x2715

// punctuation that separates; LISTEND ones can close a list marker ("1." "1、" "1)")
const PUNCT_TABLE = new Uint8Array(65536)
for (const ch of ',，、;；。.!！?？:：~～…()（）[]【】「」『』"\'“”‘’<>《》|#&=_-—^\\{}·•●◆■□▪★☆→=》%') PUNCT_TABLE[ch.charCodeAt(0)] = 1
for (const c of ['.', '、', ')', '）', '．']) PUNCT_TABLE[c.charCodeAt(0)] = 2
const isPunct = (c: number) => PUNCT_TABLE[c] !== 0
const isListEnd = (c: number) => PUNCT_TABLE[c] === 2

function unitAt(s: string, i: number): boolean {
  if (i >= s.length) return false
  const c = s.charCodeAt(i)
  if (isAsciiLetter(c)) return asciiUnitAt(s, i) !== null
  const m = matchAt(s, i)
  return m !== null && m.k === T_UNIT
}
function counterAt(s: string, i: number): boolean {
  const m = matchAt(s, i)
  return m !== null && m.k === T_OTHER
}
const SCAN_CTX: ScanContext = { unitAt, counterAt }

/** An ASCII unit (kg, g, ml, L) at s[i], not followed by another letter. */
function asciiUnitAt(s: string, i: number): { canon: string; kind: number; len: number } | null {
  let j = i
  const n = s.length
  while (j < n && j - i < 8 && isAsciiLetter(s.charCodeAt(j))) j++
  if (j === i || (j < n && isAsciiLetter(s.charCodeAt(j)))) return null
  const u = ASCII_UNITS.get(s.slice(i, j).toLowerCase())
  return u ? { canon: u[0], kind: u[1], len: j - i } : null
}

function pushSep(toks: Tok[], sub: number, s: number, e: number, flags = 0): void {
  const last = toks.length ? toks[toks.length - 1] : null
  if (last && last.k === T_SEP) {
    // merge runs of separators, keeping the strongest kind (a list end stays visible) and what
    // any of them says ("，再要")
    if (sub === SP_LISTEND || (last.sub !== SP_LISTEND && sub > last.sub)) last.sub = sub
    last.f |= flags
    last.e = e
    return
  }
  toks.push(new Tok(T_SEP, s, e, sub, null, flags, null, null))
}

export function tokenize(s: string): Tok[] {
  const toks: Tok[] = []
  const n = s.length
  let i = 0
  while (i < n) {
    const c = s.charCodeAt(i)
    if (c === 10 || c === 13) {
      pushSep(toks, SP_NL, i, i + 1)
      i++
      continue
    }
    if (isSpace(c)) {
      pushSep(toks, SP_SPACE, i, i + 1)
      i++
      continue
    }
    if (c === 64 /* @ */) {
      // @团长 / @物业王姐: a mention runs to the next space (WeChat puts U+2005 after it)
      let j = i + 1
      while (j < n && j - i <= 16) {
        const d = s.charCodeAt(j)
        if (isSpace(d) || d === 10 || d === 13 || d === 64 || isPunct(d)) break
        j++
      }
      pushSep(toks, SP_SPACE, i, j)
      i = j
      continue
    }
    if (c === 56 /* 8 */ && disinfectantAt(s, i)) {
      // "84 1瓶", "84来一瓶": the disinfectant everyone calls by its number
      const m = matchAt(s, i)
      const e = m && m.k === T_GOODS ? i + m.word.length : i + 2
      toks.push(new Tok(T_GOODS, i, e, DISINFECTANT.sub, null, DISINFECTANT.flags, DISINFECTANT.canon ?? DISINFECTANT.word, DISINFECTANT))
      i = e
      continue
    }
    if ((c === 42 || isAsciiDigit(c)) && maskedNumber(s, i) > i) {
      // a phone number with its middle hidden ("155****0719"): no digit of it is an amount
      const e = maskedNumber(s, i)
      toks.push(new Tok(T_OTHER, i, e, 0, null, 0, null, null))
      i = e
      continue
    }
    if (isMultChar(c)) {
      // 土豆x3, 土豆*3, 土豆×3, 蔬菜包+1
      let k = i + 1
      while (k < n && isSpace(s.charCodeAt(k))) k++
      const prev = i > 0 ? s.charCodeAt(i - 1) : 0
      if (k < n && isAsciiDigit(s.charCodeAt(k)) && !((c === 120 || c === 88) && isAsciiLetter(prev))) {
        const num = scanNumber(s, k, SCAN_CTX)
        // "3 cans 可乐 + 1 pack 辣条": a plus set apart by a space, before an amount with its unit,
        // joins two items; "蔬菜包+1" is one more
        if (num && c === 43 && isSpace(prev) && unitAfter(s, num.end)) {
          pushSep(toks, SP_PUNCT, i, i + 1)
          i++
          continue
        }
        if (num) {
          let f = N_MULT
          if (num.dashed) f |= N_DASHED
          if (num.end - k >= 6) f |= N_BIG
          toks.push(new Tok(T_NUM, i, num.end, 0, num.value, f, null, null))
          i = afterNumber(s, num.end, toks)
          continue
        }
      }
      if (c === 43 || c === 42 || c === 0xd7 || c === 0x2716 || c === 0x2715) {
        pushSep(toks, SP_PUNCT, i, i + 1)
        i++
        continue
      }
    }
    if (c === 0x6570 /* 数 */ && s.charCodeAt(i + 1) === 0x91cf /* 量 */) {
      // "狗粮 成犬 10kg 数量:1": a shopping app's count is a multiplier
      let k = i + 2
      while (k < n && (isSpace(s.charCodeAt(k)) || s.charCodeAt(k) === 58 || s.charCodeAt(k) === 0xff1a)) k++
      const num = k < n && isAsciiDigit(s.charCodeAt(k)) ? scanNumber(s, k, SCAN_CTX) : null
      if (num && num.arabic) {
        toks.push(new Tok(T_NUM, i, num.end, 0, num.value, N_MULT | N_ARABIC, null, null))
        i = num.end
        continue
      }
    }
    if (c === 0x4fe9 /* 俩 */ || c === 0x4ee8 /* 仨 */ || c === 0x5eff /* 廿 */) {
      // 俩 = 两个, 仨 = 三个 (a count with its classifier built in), 廿 = 二十
      const m = matchAt(s, i)
      if (!m || m.word.length === 1) {
        toks.push(new Tok(T_NUM, i, i + 1, 0, c === 0x4fe9 ? 2 : c === 0x4ee8 ? 3 : 20, 0, null, null))
        const next = matchAt(s, i + 1)
        // (not before a counter: "俩人", "仨口子" are people, not goods)
        if (c !== 0x5eff && !(next && (next.k === T_UNIT || next.k === T_OTHER)))
          toks.push(new Tok(T_UNIT, i + 1, i + 1, U_COUNT, null, 0, '个', null))
        i++
        continue
      }
    }
    if (c === 0x8700 /* 蜀 */ && i + 1 < n) {
      // 福州 蜀 is 一 ("虾油蜀瓶", "红糟蜀罐", "蜀斤章鱼"): a number only right before a unit
      const u = matchAt(s, i + 1)
      const self = matchAt(s, i)
      if (u && u.k === T_UNIT && !(self && self.word.length > 1)) {
        toks.push(new Tok(T_NUM, i, i + 1, 0, 1, 0, null, null))
        i++
        continue
      }
    }
    if (c === 0xa5 || c === 0xffe5) {
      toks.push(new Tok(T_MONEY, i, i + 1, 0, null, 0, null, null))
      i++
      continue
    }
    if (c === 0x4e24 /* 两 */ && toks.length > 0) {
      // "猪肝1两", "苔条2两": after a written figure 两 is the weight, not a second number
      const prev = toks[toks.length - 1]
      const next = i + 1 < n ? matchAt(s, i + 1) : null
      if (prev.k === T_NUM && prev.e === i && prev.f & N_ARABIC && !(next && next.k === T_UNIT)) {
        toks.push(new Tok(T_UNIT, i, i + 1, U_MEASURE, null, 0, '两', null))
        i++
        continue
      }
    }
    if (isAsciiDigit(c) || isChineseNumeralChar(c)) {
      const m = matchAt(s, i)
      const num = scanNumber(s, i, SCAN_CTX)
      if (num && num.end > i && (!m || num.end - i >= m.word.length)) {
        let f = num.arabic ? N_ARABIC : 0
        if (num.range) f |= N_RANGE
        if (num.dashed) f |= N_DASHED
        if (num.arabic) {
          let d = i
          while (d < n && isAsciiDigit(s.charCodeAt(d))) d++
          if (d - i >= 5) f |= N_BIG // phone numbers, ids, room numbers
        }
        if (c === 0x534a /* 半 */ && num.end === i + 1) f |= N_HALF
        if (
          num.arabic &&
          num.end + 1 < n &&
          (s.charCodeAt(num.end) === 58 || s.charCodeAt(num.end) === 0xff1a) &&
          isAsciiDigit(s.charCodeAt(num.end + 1))
        ) {
          // 9:00, 8:00-17:00: a clock time
          let k = num.end + 1
          while (k < n && (isAsciiDigit(s.charCodeAt(k)) || s.charCodeAt(k) === 58 || s.charCodeAt(k) === 45 || s.charCodeAt(k) === 126))
            k++
          toks.push(new Tok(T_OTHER, i, k, 0, null, 0, null, null))
          i = k
          continue
        }
        let tokEnd = num.liangUnit ? num.end - 1 : num.end
        const to = num.liangUnit || num.arabic ? null : rangeEnd(s, num.end)
        if (to !== null) {
          tokEnd = to
          f |= N_RANGE
          num.end = to
        }
        toks.push(new Tok(T_NUM, i, tokEnd, 0, num.value, f, null, null))
        if (num.liangUnit) toks.push(new Tok(T_UNIT, tokEnd, num.end, U_MEASURE, null, 0, '两', null))
        const start = i
        i = num.liangUnit ? num.end : afterNumber(s, num.end, toks)
        // (not after a number read digit by digit, "五零一": a room, not an amount)
        if (i === num.end && !num.liangUnit && num.value !== null && num.value < 100 && !hasZero(s, start, tokEnd))
          i = heardUnit(s, i, toks, !num.arabic)
        continue
      }
      if (m) {
        pushEntry(toks, m, i, s)
        i += m.word.length
        continue
      }
    }
    if (isAsciiLetter(c)) {
      i = asciiToken(s, i, toks)
      continue
    }
    const m = wordAt(s, i)
    if (m && m.k === T_GOODS && afterNum(toks, i)) {
      // "三罐罐头", "一瓶瓶装水": after a number, a unit that opens a longer word (罐罐, 瓶装水)
      // is the unit when the goods word after it reaches as far ("两包子" stays 包子)
      const u = matchAt(s, i, i + 1)
      const rest = u && u.k === T_UNIT ? matchAt(s, i + 1) : null
      if (rest && rest.k === T_GOODS && i + 1 + rest.word.length >= i + m.word.length) {
        toks.push(new Tok(T_UNIT, i, i + 1, u!.sub, null, u!.flags, u!.canon, u))
        i++
        continue
      }
    }
    if (
      isCJK(c) &&
      !isChineseNumeralChar(c) &&
      !afterUnknown(toks, i) &&
      (!m || m.k !== T_GOODS || m.word.length < 2) &&
      (afterNum(toks, i) || numberAhead(s, i + 2, i + 8))
    ) {
      // "士豆三斤", "冬爪一块", "牛餐肉两罐": a name typed with a look-alike character (shape.ts),
      // right next to an amount
      const l = lookAlikeGoodsAt(s, i)
      if (l && (!m || m.word.length < l.end - i) && (afterNum(toks, i) || amountAt(s, l.end))) {
        toks.push(new Tok(T_GOODS, i, l.end, l.entry.sub, null, l.entry.flags, l.entry.canon ?? l.entry.word, l.entry))
        i = l.end
        continue
      }
    }
    if (isCJK(c) && heardMayStart(toks, m, i) && !isChineseNumeralChar(c) && !afterUnknown(toks, i)) {
      // "朱肉两斤", "洗结精一瓶": a name voice input misheard (sound.ts)
      // (a classifier right after a buying verb is one of it — "买袋米 十斤装的" is a bag of rice,
      // not 大米 — unless an amount is written on to the name: "买只尿裤两包" is 纸尿裤)
      const classifier = m !== null && m.k === T_UNIT && afterBuyingVerb(toks, i)
      const h = heardGoodsAt(
        s,
        i,
        m ? m.word.length : 0,
        (j) => mayBeInName(s, j),
        (end) =>
          classifier ? !isSpace(s.charCodeAt(end)) && amountAt(s, end) : afterNum(toks, i) || amountAt(s, end) || amountAskedAt(s, end),
        m !== null && (m.k === T_FILL || classifier),
        (j) => {
          const w = wordAt(s, j)
          // (a plain filler or a letter of names, never a verb: "帮我好友买一斤" has no 油麦)
          return w !== null && w.k === T_FILL && w.word.length === 1 && (w.flags & ~F_INWORD) === 0
        },
        m === null,
      )
      if (h) {
        toks.push(new Tok(T_GOODS, i, h.end, h.entry.sub, null, h.entry.flags, h.entry.canon ?? h.entry.word, h.entry))
        i = h.end
        continue
      }
    }
    if (
      m &&
      m.k === T_UNIT &&
      UNIT_AND_A_HALF.has(m.word) &&
      s.charCodeAt(i + 1) === 0x534a /* 半 */ &&
      !afterNum(toks, i) &&
      // (not "来个半斤": 个 then half a 斤)
      !isMeasureAt(s, i + 2)
    ) {
      // "番茄斤半", "猪肉两半": a unit and a half with no number before it is one and a half
      toks.push(new Tok(T_NUM, i, i, 0, 1.5, 0, null, null))
      toks.push(new Tok(T_UNIT, i, i + 2, m.sub, null, 0, m.canon, m))
      i += 2
      continue
    }
    if (
      m &&
      m.k === T_UNIT &&
      ABOUT_ONE.has(m.word) &&
      ABOUT_AFTER.has(s.charCodeAt(i + 1)) &&
      s.charCodeAt(i + 2) !== 0x91cd /* 重: "斤几重" says how heavy one is, not how much to buy */ &&
      !afterNum(toks, i)
    ) {
      // "每样斤把就够了", "个把就行", "每样斤几" (粤: a jin and a bit): about one of the unit, read as one
      toks.push(new Tok(T_NUM, i, i, 0, 1, 0, null, null))
      toks.push(new Tok(T_UNIT, i, i + 2, m.sub, null, 0, m.canon, m))
      i += 2
      continue
    }
    if (m && m.k === T_GOODS && isEmojiStart(c)) {
      // "🍉一个 🍌一把": an emoji with its amount right after it stands for the thing; anywhere
      // else ("🥔土豆 2斤", "🥩 牛腩", "两个就好🥚") it is decoration
      const d = i + m.word.length < n ? s.charCodeAt(i + m.word.length) : 0
      // (and as a letter of a name the lexicon does not finish, "🐟丸1袋"; and what a correction
      // names, "的🍎改成🍐")
      const next = d && isCJK(d) && !isChineseNumeralChar(d) ? matchAt(s, i + m.word.length) : null
      const inName =
        d !== 0 &&
        isCJK(d) &&
        !isChineseNumeralChar(d) &&
        (!next || next.k === T_UNK) &&
        AMOUNT_SOON.test(s.slice(i + m.word.length, i + m.word.length + 6))
      const last = toks.length ? toks[toks.length - 1] : null
      const named = last !== null && last.k === T_KW && (last.sub === KW_SET || last.sub === KW_NOTWANT || last.sub === KW_SWAP)
      // ("🍊x5", "🥫 x6": a multiplier counts the thing too)
      const counted = MULT_AFTER.test(s.slice(i + m.word.length, i + m.word.length + 5))
      // ("🍇 两串", "🍎🍎🍎 三斤": the amount after a space, or after the same emoji again — one item)
      let run = i + m.word.length
      while (s.startsWith(m.word, run)) run += m.word.length
      // ("🍒 不要": the thing the writer withdraws, not a decoration before the withdrawal)
      const spaced = AMOUNT_AFTER_SPACE.test(s.slice(run, run + 4)) || WITHDRAWN_AFTER.test(s.slice(run, run + 5))
      if (spaced && !(isAsciiDigit(d) || isChineseNumeralChar(d))) {
        toks.push(new Tok(m.k, i, run, m.sub, null, m.flags, m.canon, m))
        i = run
        continue
      }
      if (!(isAsciiDigit(d) || isChineseNumeralChar(d) || inName || named || counted)) {
        pushSep(toks, SP_SPACE, i, i + m.word.length)
        i += m.word.length
        continue
      }
    }
    if (m && m.word === '只要' && afterNum(toks, i)) {
      // "番茄四只要红透个": right after a number 只 is its unit (Wu and Cantonese count fruit, eggs
      // and fish by 只), not the first letter of 只要
      const u = matchAt(s, i, i + 1)
      if (u && u.k === T_UNIT) {
        pushEntry(toks, u, i, s)
        i += 1
        continue
      }
    }
    if (m) {
      pushEntry(toks, m, i, s)
      i += m.word.length
      continue
    }
    if (c === 47 /* / */) {
      // "狗粮1袋/狗罐头5个": between two items a slash separates; "5元/斤", "2斤/盒" are prices and sizes
      const last = toks.length ? toks[toks.length - 1] : null
      const next = matchAt(s, i + 1)
      const num = toks.length > 1 ? toks[toks.length - 2] : null
      // ("土豆3/胡萝卜2/洋葱1": after a bare number too, a slash before a name separates; after a
      // multiplier, before goods: "可乐x2/雪碧x2")
      const amountBefore =
        last !== null &&
        last.e === i &&
        ((last.k === T_UNIT && num !== null && num.k === T_NUM && num.e === last.s) ||
          (last.k === T_NUM && (!(last.f & N_MULT) || (next !== null && next.k === T_GOODS))))
      if (amountBefore && i + 1 < n && isCJK(s.charCodeAt(i + 1)) && !(next && next.k === T_UNIT)) {
        pushSep(toks, SP_PUNCT, i, i + 1)
      } else toks.push(new Tok(T_KW, i, i + 1, KW_SLASH, null, 0, null, null))
      i++
      continue
    }
    if (isPunct(c)) {
      pushSep(toks, isListEnd(c) ? SP_LISTEND : SP_PUNCT, i, i + 1)
      i++
      continue
    }
    if ((c >= 0x2460 && c <= 0x249b) || (c >= 0x2776 && c <= 0x2793) || (c >= 0x3251 && c <= 0x325f)) {
      pushSep(toks, SP_PUNCT, i, i + 1)
      i++
      continue
    }
    if (isAsciiLetter(c) || isCJK(c)) {
      const last = toks.length ? toks[toks.length - 1] : null
      if (last && last.k === T_UNK && last.e === i) last.e = i + 1
      else toks.push(new Tok(T_UNK, i, i + 1, 0, null, 0, null, null))
      i++
      continue
    }
    // emoji, symbols, anything else: a soft separator
    pushSep(toks, SP_SPACE, i, i + 1)
    i++
  }
  jinAndLiang(toks)
  articleYields(s, toks)
  bindAcrossSpaces(s, toks)
  latinPhrases(s, toks)
  markStages(s, toks)
  markGlosses(s, toks)
  glueUnknown(toks)
  markShops(s, toks)
  markAllergens(s, toks)
  markBoughtWrong(s, toks)
  markLeftovers(s, toks)
  markNoneAtAll(s, toks)
  return toks
}

/**
 * Where the writer sends the buyer: "去门口水果摊买2斤橙子", "到楼下老李豆腐坊买两块千张",
 * "去东门盒马买：" — the words between going (去, 到, 在; 克 is 去 in Wuhan) and buying are a
 * shop, never an item, and the amount after 买 belongs to what follows it.
 */
const GO_TO_SHOP =
  /(?<![见看收听想得遇找等直迟送达做来回报拿买提感受])(?:去|到|在|克)([^\s\d，,。；;：:、！!？?一二两三四五六七八九十半几买带拿有]{2,10}?)(?=(?:帮我|给我|帮忙)?(?:买|带|拿|购))/g

/**
 * What someone must not eat is no order: "孩子花生过敏", "对牛奶蛋白过敏", "不要任何带花生的",
 * "含奶的零食" — the goods named before 过敏, or after 含 / 任何带 and before 的, are a
 * description.
 */
const ALLERGEN =
  /(?:对)?([^\s\d，,。；;：:、！!？?]{1,6}?)(?:蛋白)?过敏|(?:含有|含|任何带|任何含)([^\s\d，,。；;：:、！!？?]{1,6}?)(?:的|成分)/g

function markAllergens(s: string, toks: Tok[]): void {
  if (s.indexOf('过敏') < 0 && s.indexOf('含') < 0 && s.indexOf('任何') < 0) return
  for (const m of s.matchAll(ALLERGEN)) {
    const word = m[1] ?? m[2]
    const from = m.index! + m[0].indexOf(word)
    const to = from + word.length
    describes(toks, (t) => t.s >= from && t.e <= to, GOODS_ONLY)
  }
}

/**
 * What the buyer must not bring by mistake: "你莫又买成韭菜哒", "莫买成榨菜了" — the goods after
 * 买成 are the wrong thing, named only to be avoided.
 */
const BOUGHT_WRONG = /(?:莫|别|不要|勿|覅|千万别)?又?(?:买|拿|整|搞)错?成([^\s\d，,。；;：:、！!？?]{1,6})/g

function markBoughtWrong(s: string, toks: Tok[]): void {
  if (s.indexOf('成') < 0) return
  for (const m of s.matchAll(BOUGHT_WRONG)) {
    const from = m.index!
    const to = from + m[0].length
    // (the warning word with it: "莫买" here withdraws nothing listed before it)
    describes(toks, (t) => t.s >= from && t.s < to, WORDS_AND_WARNING)
  }
}

function markShops(s: string, toks: Tok[]): void {
  if (!/[去到在克]/.test(s)) return
  for (const m of s.matchAll(GO_TO_SHOP)) {
    const from = m.index! + 1
    const to = from + m[1].length
    describes(toks, (t) => t.e > from && t.s < to && t.e <= to, PLACE_WORDS)
  }
}

/** The kinds of token a span may turn into a description: goods; names and a warning; a place. */
const GOODS_ONLY = new Set([T_GOODS])
const WORDS_AND_WARNING = new Set([T_GOODS, T_UNK, T_KW])
const PLACE_WORDS = new Set([T_GOODS, T_UNK, T_NONGOODS, T_MONEY])

/** A span of the text that describes (an allergen, a shop, a wrong buy) orders nothing: its tokens become no goods. */
function describes(toks: Tok[], inSpan: (t: Tok) => boolean, kinds: ReadonlySet<number>): void {
  for (const t of toks)
    if (kinds.has(t.k) && inSpan(t)) {
      t.k = T_NONGOODS
      t.canon = null
    }
}

export const STAGE = 1 // flag of an unknown token: a formula stage, "3段", "2号", part of a name

/**
 * "飞鹤星飞帆3段奶粉", "美素佳儿2号": a stage right after a brand (or an unknown name) is part of
 * the name, not an amount.
 */
function markStages(s: string, toks: Tok[]): void {
  for (let r = 1; r + 1 < toks.length; r++) {
    const t = toks[r]
    const u = toks[r + 1]
    const p = toks[r - 1]
    if (t.k !== T_NUM || t.s !== p.e || u.s !== t.e || u.e - u.s !== 1) continue
    const c = s.charCodeAt(u.s)
    if (c !== 0x6bb5 /* 段 */ && c !== 0x53f7 /* 号 */) continue
    if (!((p.k === T_GOODS && p.f & G_BRAND) || p.k === T_UNK)) continue
    toks[r] = new Tok(T_UNK, t.s, u.e, 0, null, STAGE, null, null)
    toks.splice(r + 1, 1)
  }
}

/**
 * "remove 洋葱", "不要 香菜", "each 2 斤", "各 2 斤": a space after a word that opens its chunk and
 * governs what follows it (a removal, an each-word, a change) does not part them, as residents who
 * type English or space every word write them; the space is dropped from the separators.
 */
function bindAcrossSpaces(s: string, toks: Tok[]): void {
  let w = 0
  for (let r = 0; r < toks.length; r++) {
    const t = toks[r]
    if (t.k === T_SEP && t.sub === SP_SPACE && w > 0 && r + 1 < toks.length) {
      const prev = toks[w - 1]
      const next = toks[r + 1]
      // (only a word that opens its chunk: "味精不要 生抽1瓶" withdraws the 味精 before it)
      const opens = w < 2 || toks[w - 2].k === T_SEP
      const governs =
        prev.k === T_KW &&
        opens &&
        (((prev.sub === KW_NOTWANT || prev.sub === KW_SET) && (next.k === T_GOODS || next.k === T_UNK || next.k === T_NUM)) ||
          (prev.sub === KW_GE && next.k === T_NUM))
      if (governs) continue
      // "林凤营鲜乳 x2", "饵块粑 两袋": a word the lexicon does not know, opening its chunk, then
      // across a space an amount with a unit or an x — the list's shape says it is the name of the
      // thing counted (an unknown name still parses); not a name with a counter such as 栋 or 楼
      // (or a brand in Latin letters: "Aptamil 一罐", "QQ星 一箱")
      const name = isCJK(s.charCodeAt(prev.s)) || LATIN_BRAND.test(s.slice(prev.s, prev.e))
      if (prev.k === T_UNK && startsItem(toks, w - 1) && name && next.k === T_NUM && counted(toks, r + 1)) continue
    }
    toks[w++] = t
  }
  toks.length = w
}

/**
 * "oat milk x2", "1 bottle olive oil", "spring onion 一把": English words a space apart that name
 * one thing are one name. A known phrase (oat_milk = 燕麦奶 in the goods files) reads as its entry;
 * otherwise a goods word with the words of its phrase is kept as written ("beef mince" is not 牛肉
 * alone, nor "oat milk" 牛奶: the phrase names more than its goods word does).
 */
function latinPhrases(s: string, toks: Tok[]): void {
  let w = 0
  for (let r = 0; r < toks.length; r++) {
    const t = toks[r]
    if (!latinWord(s, t)) {
      toks[w++] = t
      continue
    }
    let last = r
    while (last + 2 < toks.length && last - r < 6 && oneSpace(s, toks[last + 1]) && latinWord(s, toks[last + 2])) last += 2
    let end = -1
    let merged: Tok | null = null
    for (let e = last; e > r && !merged; e -= 2) {
      const entry = latinPhrase(s.slice(t.s, toks[e].e))
      if (entry) {
        merged = new Tok(T_GOODS, t.s, toks[e].e, entry.sub, null, entry.flags, entry.canon ?? entry.word, entry)
        end = e
      }
    }
    if (!merged && last > r) {
      // (an English goods word among them, the last one's kind and flags, and no word of typed
      // pinyin — "bang wo mai tudou" is 帮我买土豆: the words as written)
      let head: Tok | null = null
      let pinyin = false
      for (let e = r; e <= last; e += 2) {
        const x = toks[e]
        if (x.k === T_GOODS && x.ent && isAsciiLetter(x.ent.word.charCodeAt(0))) head = x
        else if (x.k === T_GOODS || isPinyinSyllable(s.slice(x.s, x.e))) pinyin = true
      }
      if (head && !pinyin) {
        const text = s.slice(t.s, toks[last].e)
        // (a gloss of a thing named before it in Chinese, of the same head, its last word:
        // "泰国香米…Thai jasmine rice 10kg 那种" says again which rice)
        const gloss = head === toks[last] && namedBefore(s, toks, w, head.canon)
        merged = new Tok(gloss ? T_FILL : T_GOODS, t.s, toks[last].e, head.sub, null, head.f, text, head.ent)
        end = last
      }
    }
    if (merged) {
      toks[w++] = merged
      r = end
    } else toks[w++] = t
  }
  toks.length = w
}
/** Chinese goods among toks[0..w) whose name ends in the letter `canon` ends in (米 for 大米)? */
function namedBefore(s: string, toks: Tok[], w: number, canon: string | null): boolean {
  if (!canon) return false
  const last = canon.charCodeAt(canon.length - 1)
  for (let k = 0; k < w; k++) {
    const x = toks[k]
    if (x.k === T_GOODS && isCJK(s.charCodeAt(x.s)) && x.e - x.s >= 2 && (x.canon ?? s.slice(x.s, x.e)).endsWith(String.fromCharCode(last)))
      return true
  }
  return false
}
/** An English word of a name: goods or unknown, letters only, not a word of the small list. */
function latinWord(s: string, t: Tok): boolean {
  if (t.k !== T_GOODS && t.k !== T_UNK) return false
  if (t.e - t.s < 2 || !/^[A-Za-z]+$/.test(s.slice(t.s, t.e))) return false
  return !ENGLISH_SMALL.has(s.slice(t.s, t.e).toLowerCase())
}
const oneSpace = (s: string, t: Tok) => t.k === T_SEP && t.sub === SP_SPACE && t.e - t.s === 1 && s.charCodeAt(t.s) === 32

/** A brand written in Latin letters: a capital, then letters or digits, perhaps a Chinese letter or two ("QQ星"). */
// (not a size: XL, NB码, S号)
export const LATIN_BRAND = /^(?!(?:X{0,4}[SML]|XS|NB)(?:码|号)?$)[A-Z][A-Za-z0-9'&+-]{1,15}[\u4e00-\u9fff]{0,2}$/

/**
 * Nothing but spaces before toks[i] back to a comma, a line, a buying verb or the start ("麻烦买
 * 稀豆粉 两袋"; but "鲜奶 林凤营 两瓶" is one item, named twice).
 */
function startsItem(toks: Tok[], i: number): boolean {
  let verb = false
  for (let j = i - 1; j >= 0; j--) {
    const t = toks[j]
    // (a buying verb that opens its clause: "麻烦买 稀豆粉 两袋", not "花椒要汉源嘞 二两")
    if (t.k === T_FILL && (verb || t.f & F_VERB)) {
      verb = true
      continue
    }
    if (t.k !== T_SEP) return false
    if (verb || t.sub !== SP_SPACE) return true
  }
  return true
}

/** The number at toks[i] counts goods: a multiplier ("x2"), or a unit right after it ("2瓶"). */
function counted(toks: Tok[], i: number): boolean {
  if (toks[i].f & N_MULT) return true
  const u = i + 1 < toks.length ? toks[i + 1] : null
  return u !== null && u.k === T_UNIT && u.s === toks[i].e
}

/**
 * "beef 牛腱子 2斤", "芝士片 cheese slices 1包": an English name beside the Chinese one is a gloss
 * of it, not a second item.
 */
function markGlosses(s: string, toks: Tok[]): void {
  for (let r = 0; r < toks.length; r++) {
    const t = toks[r]
    // (an English word: not pinyin or initials, which stand for the Chinese name itself)
    if (t.k !== T_GOODS || t.canon === null || !isAsciiLetter(s.charCodeAt(t.s)) || !t.ent || !isAsciiLetter(t.ent.word.charCodeAt(0)))
      continue
    // the neighbours across a separator (a space is one too); not across a word that joins two
    // things, "toilet paper 跟洗洁精"
    const prev = r >= 2 && toks[r - 1].k === T_SEP ? (seeThrough(toks[r - 1]) ? toks[r - 2] : undefined) : toks[r - 1]
    const next = r + 2 < toks.length && toks[r + 1].k === T_SEP ? (seeThrough(toks[r + 1]) ? toks[r + 2] : undefined) : toks[r + 1]
    if (cjkGoods(s, prev) || cjkGoods(s, next)) t.k = T_FILL
  }
}

/** A separator a gloss is read across: any but a word that joins two things (跟, 和). */
const seeThrough = (t: Tok) => t.sub !== SP_CONJ

/** Chinese goods (not an English gloss). Not a closure in markGlosses: tsx names each one it makes. */
function cjkGoods(s: string, t: Tok | undefined): boolean {
  return t !== undefined && t.k === T_GOODS && isCJK(s.charCodeAt(t.s))
}

/**
 * "一粒米都没有了", "一卷卫生纸都冇": "one … at all" says there is none; the one is not an amount.
 */
function markNoneAtAll(s: string, toks: Tok[]): void {
  for (let r = 0; r + 1 < toks.length; r++) {
    const t = toks[r]
    if (t.k !== T_NUM || t.v !== 1 || toks[r + 1].k !== T_UNIT) continue
    let q = r + 2
    while (q < toks.length && (toks[q].k === T_GOODS || toks[q].k === T_UNK)) q++
    const end = q < toks.length ? toks[q].s : s.length
    if (/^[都也](?:没|冇|无|唔|未)/.test(s.slice(end, end + 3))) {
      t.k = T_OTHER
      toks[r + 1].k = T_OTHER
    }
  }
}

/** The end of a masked number starting at s[i] (digits, then ** or more, then digits), or i. */
function maskedNumber(s: string, i: number): number {
  let j = i
  while (j < s.length && isAsciiDigit(s.charCodeAt(j))) j++
  let stars = 0
  while (j < s.length && (s.charCodeAt(j) === 42 || s.charCodeAt(j) === 120 || s.charCodeAt(j) === 88)) {
    j++
    stars++
  }
  if (stars < 2) return i
  const k = j
  while (j < s.length && isAsciiDigit(s.charCodeAt(j))) j++
  return j > k || k - stars > i ? j : i
}

/** Does a number end right at s[i] (the last token)? */
function afterNum(toks: Tok[], i: number): boolean {
  const last = toks.length ? toks[toks.length - 1] : null
  return last !== null && last.k === T_NUM && last.e === i
}

/** Does a text hold any Chinese character? */
export const HAS_CJK = /[\u3400-\u9fff]/
const LATIN_WORD_G = /[a-z]{4,}/gi
/** Does the message spell some goods in full pinyin ("dami", "jidan")? */
function spellsGoods(s: string): boolean {
  for (const m of s.matchAll(LATIN_WORD_G)) if (pinyinGoods(m[0])) return true
  return false
}

/** An amount within a few letters: "🐟丸1袋". */
const AMOUNT_SOON = /^[^\s,，。、;；]{1,3}(?:\d|[一二两三四五六七八九十半俩])/

/** An amount right after a word: "xhs 2斤", "mb ×2", "jd 一盒". */
const AMOUNT_NEXT = /^\s?(?:[x×*]\s?)?(?:\d|[一二两三四五六七八九十半俩仨])/

/** What follows a letter that names a pack: A包, B套餐, C餐, D款. */
const PACK_AFTER_LETTER = /^(?:套餐|包|餐|款|套)/

const isWordChar = (c: number) => isAsciiLetter(c) || isAsciiDigit(c) || c === 39 /* ' */ || c === 38 /* & */

/** A goods word spelt in letters (pinyin, its initials) from s[i] to s[end]: the goods it stands for. */
function pushSpelt(toks: Tok[], p: Entry, i: number, end: number): number {
  toks.push(new Tok(T_GOODS, i, end, p.sub, null, p.flags, p.canon ?? p.word, p))
  return end
}

/**
 * Two to four lower-case words of letters from s[i], one space apart, that spell one goods name in
 * pinyin when run together ("jiang you", "xi yi fen"; the longest that does) and stand right
 * before an amount: its entry and end.
 */
function spacedPinyin(s: string, i: number): { entry: Entry; end: number } | null {
  const ends: number[] = []
  let k = i
  while (ends.length < 4) {
    let e = k
    while (e < s.length && s.charCodeAt(e) >= 97 && s.charCodeAt(e) <= 122) e++
    if (e === k || e - k > 6 || (e < s.length && isWordChar(s.charCodeAt(e)))) break
    ends.push(e)
    if (s.charCodeAt(e) !== 32 || !isAsciiLetter(s.charCodeAt(e + 1))) break
    k = e + 1
  }
  for (let n = ends.length; n >= 2; n--) {
    // (only with an amount soon after: "ni hao" is a greeting, "an jia" is 俺家, not goods)
    if (!AMOUNT_AFTER_SPACED.test(s.slice(ends[n - 1], ends[n - 1] + 6))) continue
    const entry = pinyinGoods(s.slice(i, ends[n - 1]).replace(/ /g, ''))
    if (entry) return { entry, end: ends[n - 1] }
  }
  return null
}
/**
 * An amount right after spaced pinyin, or after a word or two of Chinese ("hu la tang 料 2 袋"), or
 * typed in pinyin too ("xi fa shui yi ping": a pinyin numeral of number-words.txt, which it reads
 * only before a unit, then a word).
 */
const AMOUNT_AFTER_SPACED = new RegExp(
  `^\\s?(?:(?:[\\u4e00-\\u9fff]{1,2}\\s?)?(?:[x×*]\\s?)?[\\d一二两三四五六七八九十半俩仨]|(?:${[...NUMBER_WORDS_BEFORE_UNIT].join('|')})\\s[a-z])`,
)

/**
 * An ASCII word is read whole: a dictionary word only when it is the whole word ("pls",
 * "Thanks"), or a name that runs on into Chinese ("N95口罩"); "a" inside "Oatly" is nothing.
 */
function asciiToken(s: string, i: number, toks: Tok[]): number {
  let j = i
  while (j < s.length && isWordChar(s.charCodeAt(j))) j++
  // "jiang you 1 瓶", "xi yi fen 1 袋": goods typed in pinyin a syllable at a time
  const spaced = s.charCodeAt(j) === 32 ? spacedPinyin(s, i) : null
  if (spaced) return pushSpelt(toks, spaced.entry, i, spaced.end)
  const m = matchAt(s, i)
  if (m && m.word.length >= j - i) {
    pushEntry(toks, m, i, s)
    // ("cancel 掉", "delete掉": the Chinese ending after an English verb is part of it)
    const off = m.k === T_KW ? /^\s?掉/.exec(s.slice(i + m.word.length, i + m.word.length + 2)) : null
    if (off) toks[toks.length - 1].e += off[0].length
    return i + m.word.length + (off ? off[0].length : 0)
  }
  const word = s.slice(i, j).toLowerCase()
  const v = NUMBER_WORDS.get(word)
  if (v !== undefined) {
    // "half 斤", "one dozen": a number, with the unit that follows it
    const at = toks.length
    toks.push(new Tok(T_NUM, i, j, 0, v, N_ARABIC, null, null))
    const k = afterNumber(s, j, toks)
    if (k > j) return k
    const u = wordAt(s, k)
    if (u && u.k === T_UNIT) {
      pushEntry(toks, u, k, s)
      return k + u.word.length
    }
    // (a pinyin numeral with no unit after it is only a word: "shi" is 是 as often as 十)
    if (!NUMBER_WORDS_BEFORE_UNIT.has(word)) return j
    toks.length = at
  }
  // "A包1份", "B套餐两份": a letter naming one of a seller's packs is a product
  if (j - i === 1 && s.charCodeAt(i) >= 65 && s.charCodeAt(i) <= 90) {
    const pack = PACK_AFTER_LETTER.exec(s.slice(j, j + 2))
    if (pack) {
      toks.push(new Tok(T_GOODS, i, j + pack[0].length, 0, null, 0, null, null))
      return j + pack[0].length
    }
  }
  // ("蔬菜包A×1": a capital written onto a name is its letter, not the English word "a")
  const lettered = j - i === 1 && i > 0 && s.charCodeAt(i) <= 90 && isCJK(s.charCodeAt(i - 1))
  const w = lettered ? null : asciiWord(s.slice(i, j))
  if (w) {
    pushEntry(toks, w, i, s)
    return j
  }
  // "doufu 2 kuai", "laoganma": goods typed in pinyin; "xhs 2斤", "jd 一盒": in its initials, with
  // the amount right after them (sound.ts)
  // (initials only in a message with Chinese in it, or with goods spelt in pinyin beside them: "hg*2"
  // alone is letters and a number, not 黄瓜; "jd 30ge, dami 10jin" is a list)
  const p =
    pinyinGoods(s.slice(i, j)) ??
    (AMOUNT_NEXT.test(s.slice(j, j + 4)) && (HAS_CJK.test(s) || spellsGoods(s)) ? initialsGoods(s.slice(i, j)) : null)
  if (p) return pushSpelt(toks, p, i, j)
  const last = toks.length ? toks[toks.length - 1] : null
  if (last && last.k === T_UNK && last.e === i) last.e = j
  else toks.push(new Tok(T_UNK, i, j, 0, null, 0, null, null))
  return j
}

/**
 * A name the lexicon does not know is still a name: a single character that is also a letter of
 * names (菜, a classifier like 棵 or 头 that no number stands before) joins the unknown letters it
 * touches, so "塌棵菜两把" reads as 塌棵菜, not as 塌 + 棵 + filler.
 */
function glueUnknown(toks: Tok[]): void {
  let w = 0
  for (let r = 0; r < toks.length; r++) {
    const t = toks[r]
    if (t.k === T_UNK || gluable(toks, r)) {
      // the run of touching unknown and gluable tokens from r
      let e = r
      let unk = t.k === T_UNK
      while (e + 1 < toks.length && toks[e + 1].s === toks[e].e && (toks[e + 1].k === T_UNK || gluable(toks, e + 1))) {
        e++
        if (toks[e].k === T_UNK) unk = true
      }
      if (unk && e > r) {
        toks[w++] = new Tok(T_UNK, t.s, toks[e].e, 0, null, 0, null, null)
        r = e
        continue
      }
    }
    toks[w++] = t
  }
  toks.length = w
}

function gluable(toks: Tok[], r: number): boolean {
  const t = toks[r]
  if (t.e - t.s !== 1) return false
  if (t.k === T_FILL) return (t.f & F_INWORD) !== 0
  // 个 and 只 end no name; after a word they are the Wu 的 ("豆沙个") or a count, not a letter
  if (t.k !== T_UNIT || t.canon === '个' || t.canon === '只') return false
  // a classifier after a number, 每 or / is an amount ("两棵", "每盒", "5元/斤"), not a letter
  const p = r > 0 ? toks[r - 1] : null
  return !(p && p.e === t.s && (p.k === T_NUM || (p.k === T_KW && (p.sub === KW_EACH || p.sub === KW_SLASH))))
}

/**
 * "只剩三片了", "冰箱里就剩两个土豆半颗白菜": what is left is not what to buy. From a 剩 word to
 * the next separator or buying verb, amounts are not quantities and names are not items.
 */
function markLeftovers(s: string, toks: Tok[]): void {
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i]
    if (t.k !== T_FILL || !t.ent || !t.ent.word.endsWith('剩')) continue
    for (let j = i + 1; j < toks.length; j++) {
      const u = toks[j]
      // ("只剩半袋挂面和几个土豆": the leftovers go on across 和, 跟, 同)
      if (u.k === T_SEP && u.sub === SP_CONJ && !(u.f & F_INTENT) && s.slice(u.s, u.e).length === 1) continue
      if (u.k === T_SEP || (u.k === T_FILL && u.f & F_VERB) || u.k === T_KW) break
      if (u.k === T_NUM || u.k === T_UNIT) u.k = T_OTHER
      else if (u.k === T_GOODS) u.k = T_NONGOODS
    }
  }
}

/** A letter of a name may stand at j: a CJK character that starts no unit, keyword or filler. */
function mayBeInName(s: string, j: number): boolean {
  const c = s.charCodeAt(j)
  if (!isCJK(c) || isChineseNumeralChar(c)) return false
  const w = wordAt(s, j)
  // (a one-letter money word is a letter of names too, not after a number: 角 of 豆角, 八角)
  return !w || w.k === T_GOODS || (w.k === T_MONEY && w.word.length === 1 && j > 0 && !/[\d一二两三四五六七八九十百半几]/.test(s[j - 1]))
}

/**
 * "斗角来半今", "算苗也来一今": 要 or 来 between a name and its amount — a misheard name is as sure
 * there as right next to the amount.
 */
function amountAskedAt(s: string, j: number): boolean {
  const m = ASK_BEFORE_AMOUNT.exec(s.slice(j, j + 4))
  if (m === null) return false
  const k = j + m[0].length
  if (amountAt(s, k)) return true
  // (a unit as voice input writes it counts here too: "一今", "半今")
  const num = isChineseNumeralChar(s.charCodeAt(k)) ? scanNumber(s, k, SCAN_CTX) : null
  return num !== null && num.end > k && HEARD_UNITS.has(s.charCodeAt(num.end))
}
// (only 要 and 来, bare or after 也 / 就 / 再: after "帮我买" a person's name is as likely as goods —
// "老王帮我买一袋" is no 捞网, "给咱买两斤" no 鸡杂)
const ASK_BEFORE_AMOUNT = /^(?:也|就|再)?(?:要|来)/

/** Units that say "about one" with 把 or 几 after them and no number before: 斤把, 个把, 斤几. */
/** A multiplier right after an emoji: "x5", " ×2", "*3". */
const MULT_AFTER = /^\s*[xX×*✕]\s*\d/
/** An amount after the emoji and a space (or the emoji repeated): "🍇 两串", "🥭 3斤". */
const AMOUNT_AFTER_SPACE = /^\s*(?:\d|[一二两三四五六七八九十半俩])/
const WITHDRAWN_AFTER = /^\s*(?:不要|别买|不用|唔要|覅)/

const ABOUT_ONE = new Set(['斤', '两', '个'])

/** A unit starts at s[i], after spaces ("1 pack", "2袋"). */
function unitAfter(s: string, i: number): boolean {
  while (i < s.length && isSpace(s.charCodeAt(i))) i++
  if (i >= s.length) return false
  if (isAsciiLetter(s.charCodeAt(i))) return asciiUnitAt(s, i) !== null
  const m = matchAt(s, i)
  return m !== null && m.k === T_UNIT
}

/** A weight unit starts at s[i] ("半斤" after 个: the half is of the 斤). */
function isMeasureAt(s: string, i: number): boolean {
  const m = i < s.length ? matchAt(s, i) : null
  return m !== null && m.k === T_UNIT && m.sub === U_MEASURE
}
/** 把, 几 after such a unit. */
const ABOUT_AFTER = new Set([0x628a, 0x51e0])

/** Does an unknown word run up to s[i]? */
function afterUnknown(toks: Tok[], i: number): boolean {
  const last = toks.length ? toks[toks.length - 1] : null
  return last !== null && last.k === T_UNK && last.e === i
}

/**
 * May a misheard name start at s[i], given the word the lexicon reads there? Nothing, goods or a
 * noun that is no goods ("猫傻" for 猫砂: 猫 alone is the pet); a one-letter filler, next to an
 * amount only ("够粮一袋" for 狗粮; not "要划好的"); a one-letter unit where no number stands before it ("挂念2把"
 * for 挂面; "一箱克乐": after a unit, 克 is a letter of 可乐).
 */
function heardMayStart(toks: Tok[], m: Entry | null, i: number): boolean {
  if (!m || m.k === T_GOODS || m.k === T_NONGOODS) return true
  if (m.word.length !== 1) return false
  if (m.k === T_FILL) return true
  // (nor after a number and a size word: "一小袋米" is a bag of rice, not 大米)
  const last = toks.length ? toks[toks.length - 1] : null
  return m.k === T_UNIT && !(last !== null && last.k === T_NUM && last.e >= i - 1)
}

/** Does a buying verb after which a bare classifier means one (fillers tagged `one`) end right at i? */
function afterBuyingVerb(toks: Tok[], i: number): boolean {
  const last = toks.length ? toks[toks.length - 1] : null
  return last !== null && last.k === T_FILL && (last.f & F_ONE) !== 0 && last.e === i
}

/** An amount starts at j (after spaces): a number with a unit, or Arabic digits. */
function amountAt(s: string, j: number): boolean {
  while (j < s.length && isSpace(s.charCodeAt(j))) j++
  if (j >= s.length) return false
  const c = s.charCodeAt(j)
  if (isAsciiDigit(c)) return true
  if (!isChineseNumeralChar(c)) return false
  const num = scanNumber(s, j, SCAN_CTX)
  return num !== null && num.end > j && unitAt(s, num.end)
}

function pushEntry(toks: Tok[], m: Entry, i: number, s: string): void {
  if (m.k === T_SEP) {
    pushSep(toks, m.sub, i, i + m.word.length, m.flags)
    return
  }
  if (m.k === T_OTHER && m.word.length === 1 && IN_WORD_OTHER.has(m.word)) {
    // 天, 楼, 人, 折 … only classify a number ("3天"); elsewhere they are letters of a word ("折叠凳")
    const last = toks.length ? toks[toks.length - 1] : null
    if (!(last && last.k === T_NUM && last.e === i)) {
      if (last && last.k === T_UNK && last.e === i) last.e = i + 1
      else toks.push(new Tok(T_UNK, i, i + 1, 0, null, 0, null, null))
      return
    }
  }
  if (m.k === T_UNIT && (m.sub === U_CONTAINER || m.sub === U_COUNT || (m.sub === U_MEASURE && m.word === '斤'))) {
    // "买袋大米", "帮手买包米", "买个西瓜", "再拿块豆腐", "买斤豌豆尖": a classifier right after a
    // buying verb (a filler tagged `one`) reads as 一 ("带个七八罐", "买个一斤多": the number after
    // the classifier is the amount)
    const last = toks.length ? toks[toks.length - 1] : null
    const after = i + m.word.length < s.length ? s.charCodeAt(i + m.word.length) : 0
    const buys =
      last !== null &&
      ((last.k === T_FILL && (last.f & F_ONE) !== 0) ||
        (last.k === T_SEP && (last.f & F_INTENT) !== 0 && JOIN_THAT_BUYS.test(s.slice(last.s, last.e))))
    // (and in an enumeration of such: "带盒牛奶、把葱、块豆腐" — the one before was a bare classifier too)
    const n = toks.length
    const listed =
      last !== null &&
      last.k === T_SEP &&
      /^[、，,]$/.test(s.slice(last.s, last.e)) &&
      n >= 4 &&
      toks[n - 2].k === T_GOODS &&
      toks[n - 3].k === T_UNIT &&
      toks[n - 4].k === T_NUM &&
      toks[n - 4].s === toks[n - 4].e
    if (
      last &&
      (buys || listed) &&
      last.e === i &&
      !isAsciiDigit(after) &&
      !isChineseNumeralChar(after) &&
      !dishAhead(s, i + m.word.length)
    ) {
      toks.push(new Tok(T_NUM, i, i, 0, 1, 0, null, null))
    }
  }
  toks.push(new Tok(m.k, i, i + m.word.length, m.sub, null, m.flags, m.canon, m))
}

/**
 * "帮忙带个 Dettol洗手液补充装 2 包": the classifier after a buying verb reads as 一 ("买个西瓜"),
 * but when the name right after it carries an amount of its own, that amount is the order and the
 * 个 was only "a" — left standing, it took the name and pushed the real amount on to the next one.
 * (Not before a size: "买袋大米十斤装", "买个西瓜五斤重的" keep the bag and the melon.)
 */
function articleYields(s: string, toks: Tok[]): void {
  for (let k = 0; k + 4 < toks.length; k++) {
    const t = toks[k]
    if (t.k !== T_NUM || t.s !== t.e || t.v !== 1 || toks[k + 1].k !== T_UNIT || toks[k + 1].s !== t.s) continue
    // (only the 一 a classifier after a buying verb stands for, not "斤把" about a 斤)
    if (toks[k + 1].e - toks[k + 1].s !== 1) continue
    const blank = (t: Tok) => t.k === T_SEP && s.slice(t.s, t.e).trim() === ''
    let j = k + 2
    if (blank(toks[j])) j++
    let goods = false
    while (
      j < toks.length &&
      (toks[j].k === T_GOODS || toks[j].k === T_UNK) &&
      (j === k + 2 || toks[j].s === toks[j - 1].e || toks[j - 1].k === T_SEP)
    ) {
      if (toks[j].k === T_GOODS) goods = true
      j++
    }
    if (!goods) continue
    if (j < toks.length && blank(toks[j])) j++
    const n = toks[j]
    const u = toks[j + 1]
    if (!n || !u || n.k !== T_NUM || n.s === n.e || u.k !== T_UNIT || (u.s !== n.e && s.slice(n.e, u.s).trim() !== '')) continue
    // (a weight or a volume after a package is its size: "买包皇家猫粮 2kg", "买个西瓜 五斤")
    if (u.sub === U_MEASURE || SIZE_AFTER.test(s.slice(u.e, u.e + 2))) continue
    // (the amount ends its clause: "带瓶立白洗洁精 一桶蓝月亮洗衣液" is the next thing's amount)
    if (j + 2 < toks.length && toks[j + 2].k !== T_SEP) continue
    toks.splice(k, 2)
  }
}
// ("三斤来的", "两斤多": about that much — a size too)
const SIZE_AFTER = /^(?:装|的|重|左|上下|大|规|来|多|往|朝|以|那|这|嗰|个|嘅)/

/**
 * "一斤二两瘦肉", "两斤三两": a weight in 斤 and 两 said together is one amount in 斤 (ten 两 to the
 * 斤), as market sellers weigh it.
 */
function jinAndLiang(toks: Tok[]): void {
  for (let k = 0; k + 3 < toks.length; k++) {
    const [n1, u1, n2, u2] = [toks[k], toks[k + 1], toks[k + 2], toks[k + 3]]
    if (n1.k !== T_NUM || u1.k !== T_UNIT || u1.canon !== '斤' || n2.k !== T_NUM || u2.k !== T_UNIT || u2.canon !== '两') continue
    if (n1.v === null || n2.v === null || n2.v >= 10 || n1.e !== u1.s || u1.e !== n2.s || n2.e !== u2.s || n1.f || n2.f) continue
    n1.v = Math.round((n1.v + n2.v / 10) * 10) / 10
    u1.e = u2.e
    toks.splice(k + 2, 2)
  }
}

/** A number a few letters ahead (a repaired name must stand next to an amount). */
/** A figure or a Chinese numeral: an amount is near (or was written) where one stands. */
export const NUMBER_AHEAD = /[\d一二两三四五六七八九十半俩仨]/
/** The letters of NUMBER_AHEAD, by code. */
const NUMBER_AHEAD_CHAR = new Uint8Array(65536)
for (const ch of '0123456789一二两三四五六七八九十半俩仨') NUMBER_AHEAD_CHAR[ch.charCodeAt(0)] = 1
/** NUMBER_AHEAD.test(s.slice(from, to)) without the slice: the scanner asks at most CJK letters. */
function numberAhead(s: string, from: number, to: number): boolean {
  const end = Math.min(to, s.length)
  for (let j = from; j < end; j++) if (NUMBER_AHEAD_CHAR[s.charCodeAt(j)] === 1) return true
  return false
}
/** Does s[from..to) hold 零 or 〇 (a number read digit by digit)? */
function hasZero(s: string, from: number, to: number): boolean {
  for (let j = from; j < to; j++) {
    const c = s.charCodeAt(j)
    if (c === 0x96f6 /* 零 */ || c === 0x3007 /* 〇 */) return true
  }
  return false
}

/** Is a cooking verb ahead in the clause ("整个猪肉炖粉条": making a dish, not one of something)? */
function dishAhead(s: string, from: number): boolean {
  for (let j = from; j < s.length && j < from + 12; j++) {
    if (/[\s,，。;；!！?？\n]/.test(s[j])) return false
    const w = matchAt(s, j)
    // (a flavour is no dish: "买包烧烤味薯片")
    if (w && w.k === T_FILL && w.flags & F_COOK && s[j + w.word.length] !== '味') return true
  }
  return false
}

/** The goods entry of 84消毒液, which residents write as "84". */
const DISINFECTANT = (() => {
  const m = matchAt('84消毒液', 0)
  if (!m || m.k !== T_GOODS) throw new Error('the goods lexicon must know 84消毒液')
  return m
})()

/**
 * "84" on its own — not part of a longer number, no unit after it — followed by 消毒, by an
 * amount, or by a buying word ("84 1瓶", "84来一瓶", "84消毒液两瓶").
 */
function disinfectantAt(s: string, i: number): boolean {
  if (s.charCodeAt(i + 1) !== 52 /* 4 */ || (i > 0 && (isAsciiDigit(s.charCodeAt(i - 1)) || s.charCodeAt(i - 1) === 46))) return false
  const c = s.charCodeAt(i + 2)
  if (isAsciiDigit(c) || c === 46 /* . */ || unitAt(s, i + 2)) return false
  let k = i + 2
  while (k < s.length && isSpace(s.charCodeAt(k))) k++
  return /^(?:消毒|[\d一两二三来要买拿带]|x\s*\d|×)/i.test(s.slice(k, k + 3))
}

/** A join that buys (再买, 再拿, 再带): a bare classifier after it is one, as after 买. */
export const JOIN_THAT_BUYS = /[买拿带捎来要整]$/

const isRangeMark = (c: number) => c === 0x5230 /* 到 */ || c === 0x81f3 /* 至 */ || c === 126 || c === 0xff5e || c === 45
/**
 * "三到四斤", "五至六个": a range of Chinese numerals takes its first number (LABELS.md); returns
 * where the second number ends when a unit follows it, else null.
 */
function rangeEnd(s: string, j: number): number | null {
  if (j + 1 >= s.length || !isRangeMark(s.charCodeAt(j)) || !isChineseNumeralChar(s.charCodeAt(j + 1))) return null
  const second = scanNumber(s, j + 1, SCAN_CTX)
  if (!second || second.arabic || second.liangUnit) return null
  return unitAt(s, second.end) ? second.end : null
}

/**
 * Right after a number, a character voice input writes for a classifier is that classifier
 * ("一代米" is 一袋米, "三今" 三斤), unless a longer word starts there ("两香蕉").
 */
function heardUnit(s: string, at: number, toks: Tok[], chinese: boolean): number {
  if (at >= s.length) return at
  // ("两大代", "一小和": a size between the number and the unit, as in 两大袋)
  const sized = (s.charCodeAt(at) === 0x5927 /* 大 */ || s.charCodeAt(at) === 0x5c0f) /* 小 */ && HEARD_UNITS.has(s.charCodeAt(at + 1))
  const i = sized ? at + 1 : at
  const h = HEARD_UNITS.get(s.charCodeAt(i))
  // (after an Arabic numeral only where nothing follows but a break: "土豆3今 洋葱1各", typed on a
  // phone; in "苹果5同梨3" the 同 joins two items)
  if (!h || (h.spoken && !chinese && !breakAt(s, i + 1))) return at
  const m = matchAt(s, i)
  if (m && m.word.length > 1) return at
  // not inside a word ("统一同…": the numeral is a letter of 统一) nor before another numeral ("三合一")
  const num = toks[toks.length - 1]
  const before = toks.length > 1 ? toks[toks.length - 2] : null
  if (before && before.k === T_UNK && before.e === num.s) return at
  const after = i + 1 < s.length ? s.charCodeAt(i + 1) : 0
  // ("要五香的", "五香味": a flavour, not a heard 箱; "两公斤一代的" is still a bag)
  if (s.charCodeAt(i) === 0x9999 /* 香 */ && (after === 0x7684 /* 的 */ || after === 0x5473) /* 味 */) return at
  // ("一今半": a unit and a half, as "一斤半")
  if (after === 0x534a /* 半 */ && !unitAt(s, i + 2)) {
    toks.push(new Tok(T_UNIT, at, i + 1, h.kind, null, 0, h.canon, null))
    return i + 1
  }
  if (isAsciiDigit(after) || isChineseNumeralChar(after)) {
    // "一代十斤的": a package size follows the unit; "三合一": a number with nothing after it;
    // "两金五花肉": goods whose name starts with a numeral; "一题一共不要超过五十块": a word of
    // talk that starts with a numeral letter
    const next = scanNumber(s, i + 1, SCAN_CTX)
    const word = matchAt(s, i + 1)
    if ((!next || !unitAt(s, next.end)) && !(word && (word.k === T_GOODS || (word.k === T_FILL && word.word.length > 1)))) return at
  }
  toks.push(new Tok(T_UNIT, at, i + 1, h.kind, null, 0, h.canon, null))
  return i + 1
}

/** 小, 大, 细 (粤: small), 整 (a whole one). */
const SIZE_WORDS = new Set([0x5c0f, 0x5927, 0x7ec6, 0x6574])

/** Does a break (end, white space, punctuation) come at s[j]? */
function breakAt(s: string, j: number): boolean {
  if (j >= s.length) return true
  const c = s.charCodeAt(j)
  return isSpace(c) || c === 10 || c === 13 || isPunct(c)
}

/** After a number: read an ASCII unit, or skip spaces before a unit ("3 斤"). */
function afterNumber(s: string, j: number, toks: Tok[]): number {
  let k = j
  const n = s.length
  while (k < n && isSpace(s.charCodeAt(k))) k++
  if (k < n && isAsciiLetter(s.charCodeAt(k))) {
    const u = asciiUnitAt(s, k)
    if (u) {
      toks.push(new Tok(T_UNIT, k, k + u.len, u.kind, null, 0, u.canon, null))
      // "2 boxes of 牛奶": the English "of" joins the unit to its goods
      let e = k + u.len
      while (e < n && isSpace(s.charCodeAt(e))) e++
      if (
        e + 1 < n &&
        (s.charCodeAt(e) | 32) === 111 &&
        (s.charCodeAt(e + 1) | 32) === 102 &&
        !(e + 2 < n && isAsciiLetter(s.charCodeAt(e + 2)))
      ) {
        e += 2
        while (e < n && isSpace(s.charCodeAt(e))) e++
        return e
      }
      return k + u.len
    }
    return j
  }
  if (k > j && k < n) {
    const m = matchAt(s, k)
    if (m && m.k === T_UNIT) return k
  }
  // "两包馄饨": right after a number, 包 is the unit, not the start of 包馄饨 (making wontons)
  // (a weekday's numeral is no number: 礼拜一 is a word of fillers.txt)
  if (k === j && k + 1 < n) {
    const w = matchAt(s, k)
    if (w && w.k === T_FILL && w.word.length > 1) {
      const u = matchAt(s, k, k + 1)
      const g = matchAt(s, k + 1)
      if (u && u.k === T_UNIT && g && g.k === T_GOODS) {
        toks.push(new Tok(T_UNIT, k, k + 1, u.sub, null, 0, u.canon, null))
        return k + 1
      }
    }
  }
  // "一小把香菜", "两大袋米", "一小块豆腐", "一细樽" (粤 small), "一整箱": a size between the number
  // and its unit is no part of the name
  if (k === j && k + 1 < n && SIZE_WORDS.has(s.charCodeAt(k))) {
    const m = matchAt(s, k + 1)
    if (m && m.k === T_UNIT && m.word.length === 1 && m.sub !== U_MEASURE) {
      const w = matchAt(s, k)
      if (!w || w.word.length <= 2) return k + 1
    }
  }
  return j
}
