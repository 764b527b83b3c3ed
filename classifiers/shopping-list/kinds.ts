// The small closed vocabularies of the list parser: token kinds, the roles of function words,
// separator strengths, unit kinds and the flags dictionary entries carry. Numbers, not strings:
// the tokenizer runs over every message and compares these in its inner loops.

// token kinds
export const T_GOODS = 1
export const T_MED = 2
export const T_UNIT = 3
export const T_NUM = 4
export const T_FILL = 5
export const T_OTHER = 6 // a counter that makes a number not a quantity: 天, 楼, 点, 人 …
export const T_NONGOODS = 7 // nouns that are not goods: 孩子, 冰箱, 水管 …
export const T_SEP = 8
export const T_KW = 9
export const T_NOTE = 10
export const T_UNK = 11
export const T_MONEY = 12

// keyword roles (data/dict/lists/keywords.txt)
export const KW_COND = 1 // unless: 没有, 缺货 …
export const KW_SWAP = 2 // swap: 换, 换成: a switch after 没有, a correction after a name, else a verb
export const KW_SWITCH = 3 // instead: 就要, 就买, 的话, 那就 …
export const KW_OK = 4 // ok: 也行, 也可以
export const KW_CANCEL = 5 // cancel: 不要了, 算了, 不用了
export const KW_NOTWANT = 6 // notwant: 不要, 取消, 别买 (before or after a name)
export const KW_OR = 7 // or: 或者, 或, /
export const KW_SET = 8 // set: 改成, 改为, 改
export const KW_GE = 9 // each: 各, 每样
export const KW_DE = 10 // de: 的
export const KW_ZHUANG = 11 // packed: 装
export const KW_NAZHONG = 12 // kind: 那种
export const KW_EACH = 13 // per: 每
export const KW_DI = 14 // ordinal: 第
export const KW_SLASH = 15 // / (also OR)
export const KW_UNITALL = 16 // unitall: 单位是, 都按, 全部按: the unit of every bare number in the list
export const KW_SAME = 17 // same: 不变, 照旧: the item named before stays as ordered
export const KW_DOUBLE = 18 // double: 加倍, 翻倍, 双份: twice the amount ordered

export const KEYWORD_ROLES: Record<string, number> = {
  unless: KW_COND,
  swap: KW_SWAP,
  instead: KW_SWITCH,
  ok: KW_OK,
  cancel: KW_CANCEL,
  notwant: KW_NOTWANT,
  or: KW_OR,
  set: KW_SET,
  each: KW_GE,
  de: KW_DE,
  packed: KW_ZHUANG,
  kind: KW_NAZHONG,
  per: KW_EACH,
  ordinal: KW_DI,
  unitall: KW_UNITALL,
  same: KW_SAME,
  double: KW_DOUBLE,
}

// separator strengths (a run of separators keeps the strongest)
export const SP_SPACE = 1
export const SP_PUNCT = 2
export const SP_CONJ = 3
export const SP_NL = 4
export const SP_LISTEND = 5 // . 、 ) after a bare number: a list marker

// unit kinds (data/dict/units.txt)
export const U_MEASURE = 1
export const U_COUNT = 2
export const U_CONTAINER = 3
export const U_VOLUME = 4
export const U_DOZEN = 5

export const UNIT_KINDS: Record<string, number> = {
  measure: U_MEASURE,
  count: U_COUNT,
  container: U_CONTAINER,
  volume: U_VOLUME,
  dozen: U_DOZEN,
}

// goods flags (tags in data/dict/goods/*.txt)
export const G_BRAND = 1
export const G_WEAK = 2
export const G_GENERIC = 4
export const G_LINE = 8 // a brand's product line: 星飞帆 after 飞鹤

// filler flags (tags in data/dict/lists/fillers.txt)
export const F_INTENT = 1
export const F_VERB = 2
export const F_QUESTION = 4
export const F_PAST = 8
export const F_ENOUGH = 16
export const F_OFFER = 32
export const F_COOK = 64
export const F_ONE = 128 // after this verb a bare classifier means one: 买袋米
export const F_APPROX = 256 // 十来个, 二十多斤
export const F_INWORD = 512 // 菜 in 塌棵菜: a letter of an unknown name next to it
export const F_OOPS = 1024 // 哦不对, 说错了, 更正: what follows corrects what came before
export const F_NEED = 2048 // 没了, 见底了: the writer is running out of it
export const F_LEFT = 4096 // 只剩, 得返: the amount after it is what is left at home

export const FILLER_FLAGS: Record<string, number> = {
  intent: F_INTENT,
  verb: F_VERB,
  question: F_QUESTION,
  past: F_PAST,
  enough: F_ENOUGH,
  offer: F_OFFER,
  cook: F_COOK,
  one: F_ONE,
  approx: F_APPROX,
  inword: F_INWORD,
  oops: F_OOPS,
  need: F_NEED,
  left: F_LEFT,
}

// counter flags (data/dict/lists/counters.txt)
export const O_INWORD = 1
