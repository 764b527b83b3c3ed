// The parser's vocabulary: every word file in data/dict/goods/ and data/dict/lists/ plus
// data/dict/units.txt, loaded once into one trie (longest match first). A word listed under two
// kinds keeps the kind that matters more to the reading (medicine over keywords over separators …
// over goods over units over filler: PRIORITY).
import { readTable, readWordFile, LexiconFileError, type WordFile } from './data-files.ts'
import { GOODS_KINDS, GOODS_TAGS, type GoodsKind } from './goods-kinds.ts'
import {
  T_GOODS,
  T_MED,
  T_UNIT,
  T_FILL,
  T_OTHER,
  T_NONGOODS,
  T_SEP,
  T_KW,
  T_NOTE,
  T_MONEY,
  G_LINE,
  SP_CONJ,
  SP_SPACE,
  UNIT_KINDS,
  F_INTENT,
  G_BRAND,
  G_WEAK,
  G_GENERIC,
  FILLER_FLAGS,
  KEYWORD_ROLES,
  O_INWORD,
} from './kinds.ts'

export interface Entry {
  word: string
  k: number
  sub: number
  canon: string | null
  flags: number
}

class TrieNode {
  next: Map<number, TrieNode> | null = null
  entry: Entry | null = null
}

const PRIORITY: Record<number, number> = {
  [T_MED]: 9,
  [T_KW]: 8,
  [T_SEP]: 7,
  [T_NOTE]: 6,
  [T_MONEY]: 6,
  [T_OTHER]: 5,
  [T_NONGOODS]: 5,
  [T_GOODS]: 4,
  [T_UNIT]: 3,
  [T_FILL]: 2,
}

const ROOT = new TrieNode()

/** Goods named in English words ("oat milk", "spring onion"), lower-cased, one space apart. */
const LATIN_PHRASES = new Map<string, Entry>()

/** The goods entry of an English phrase ("Oat  milk" reads as "oat milk"), or null. */
export function latinPhrase(words: string): Entry | null {
  return LATIN_PHRASES.get(words.toLowerCase()) ?? null
}

function addWord(word: string, k: number, sub = 0, canon: string | null = null, flags = 0): void {
  if (!word) return
  // "oat_milk = 燕麦奶": a name of English words, written with _ for the space between them, is
  // looked up by the words the tokenizer joins (tokens.ts), not in the trie
  if (k === T_GOODS && /^[A-Za-z]+(?:_[A-Za-z]+)+$/.test(word)) {
    const phrase = word.replace(/_/g, ' ')
    LATIN_PHRASES.set(phrase.toLowerCase(), { word: phrase, k, sub, canon, flags })
    return
  }
  let node = ROOT
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i)
    if (!node.next) node.next = new Map()
    let nx = node.next.get(c)
    if (!nx) {
      nx = new TrieNode()
      node.next.set(c, nx)
    }
    node = nx
  }
  const old = node.entry
  if (old && old.k === k) {
    old.flags |= flags
    if (sub) old.sub = sub
    if (canon) old.canon = canon
    return
  }
  if (old && (PRIORITY[old.k] ?? 0) >= (PRIORITY[k] ?? 0)) return
  node.entry = { word, k, sub, canon, flags }
}

/** Words made only of ASCII letters, lower-cased: matched as whole words, whatever their case. */
const ASCII_WORDS = new Map<string, Entry>()

/** The dictionary entry for a whole ASCII word ("pls", "Thanks"), or null. */
export function asciiWord(w: string): Entry | null {
  return ASCII_WORDS.get(w.toLowerCase()) ?? null
}

// The trie is built of Maps (above), then read from flat arrays: matchAt runs at nearly every
// letter of a list (and again inside function words, wordAt), and a step through typed arrays
// costs a fraction of a Map look-up. Nodes are numbered from 1 (0 is "none"); an edge from node
// p by letter c is found in an open-addressed table keyed by (p, c).

/** The root's children by letter (the first step of every look-up), as node numbers. */
const ROOT_KIDS = new Int32Array(65536)
/** Each node's entry, and whether it has children, by node number. */
const NODE_ENTRY: Array<Entry | null> = [null]
let NODE_HAS_KIDS = new Uint8Array(0)
/** The edges below the root: parent, letter and child, at slots found by hashing (parent, letter). */
let EDGE_PARENT = new Int32Array(0)
let EDGE_CHAR = new Uint16Array(0)
let EDGE_CHILD = new Int32Array(0)
let EDGE_SHIFT = 32

const edgeSlot = (p: number, c: number): number => (Math.imul(p, 0x9e3779b1) + Math.imul(c, 0x85ebca6b)) >>> EDGE_SHIFT

/** Number the nodes of the Map trie and fill the flat tables from it (once, when every word is in). */
function flattenTrie(): void {
  const kids: Array<[number, number, TrieNode]> = [] // (parent, letter, child) below the root
  const ids = new Map<TrieNode, number>()
  const number = (node: TrieNode): number => {
    const id = NODE_ENTRY.length
    ids.set(node, id)
    NODE_ENTRY.push(node.entry)
    return id
  }
  const queue: TrieNode[] = []
  for (const [c, nx] of ROOT.next ?? []) {
    ROOT_KIDS[c] = number(nx)
    queue.push(nx)
  }
  for (let q = 0; q < queue.length; q++) {
    const node = queue[q]
    for (const [c, nx] of node.next ?? []) {
      kids.push([ids.get(node)!, c, nx])
      number(nx)
      queue.push(nx)
    }
  }
  NODE_HAS_KIDS = new Uint8Array(NODE_ENTRY.length)
  for (const [p] of kids) NODE_HAS_KIDS[p] = 1
  let bits = 4
  while (1 << bits < kids.length * 2) bits++
  EDGE_SHIFT = 32 - bits
  EDGE_PARENT = new Int32Array(1 << bits)
  EDGE_CHAR = new Uint16Array(1 << bits)
  EDGE_CHILD = new Int32Array(1 << bits)
  const mask = (1 << bits) - 1
  for (const [p, c, nx] of kids) {
    let h = edgeSlot(p, c)
    while (EDGE_PARENT[h] !== 0) h = (h + 1) & mask
    EDGE_PARENT[h] = p
    EDGE_CHAR[h] = c
    EDGE_CHILD[h] = ids.get(nx)!
  }
}

/** Longest dictionary word starting at s[i] (and ending at or before `end`). */
export function matchAt(s: string, i: number, end = s.length): Entry | null {
  if (i >= end) return null
  let node = ROOT_KIDS[s.charCodeAt(i)]
  if (node === 0) return null
  let best: Entry | null = NODE_ENTRY[node]
  const mask = EDGE_PARENT.length - 1
  for (let j = i + 1; j < end; j++) {
    if (NODE_HAS_KIDS[node] === 0) break
    const c = s.charCodeAt(j)
    let h = edgeSlot(node, c)
    let p = EDGE_PARENT[h]
    while (p !== 0 && (p !== node || EDGE_CHAR[h] !== c)) {
      h = (h + 1) & mask
      p = EDGE_PARENT[h]
    }
    if (p === 0) break
    node = EDGE_CHILD[h]
    const e = NODE_ENTRY[node]
    if (e !== null) best = e
  }
  return best
}

// ---------------------------------------------------------------------------
// The files

export { GOODS_KINDS, type GoodsKind } from './goods-kinds.ts'

export const goodsFiles: ReadonlyMap<GoodsKind, WordFile> = new Map(
  GOODS_KINDS.map((k) => [k, readWordFile(`goods/${k}.txt`, GOODS_TAGS, true)]),
)

/**
 * Every goods name of data/dict/goods/ of `min` to `max` letters (an alias by the name it stands
 * for) that the lexicon reads back as itself and that is no category word (水果, 蔬菜): the names a
 * repair (heard, typed with a look-alike letter, written as initials) may turn text into.
 */
export function* repairableGoods(min: number, max: number): Generator<Entry> {
  for (const f of goodsFiles.values()) {
    for (const e of f.entries) {
      const word = e.canon ?? e.word
      if (word.length < min || word.length > max) continue
      const entry = matchAt(word, 0)
      if (entry && entry.k === T_GOODS && entry.word === word && !(entry.flags & G_GENERIC)) yield entry
    }
  }
}

/** Index `entry` under `key`, or mark the key ambiguous (null) when another name holds it. */
export function indexUnique<K>(index: Map<K, Entry | null>, key: K, entry: Entry): void {
  const old = index.get(key)
  if (old === undefined) index.set(key, entry)
  else if (old !== null && old.word !== entry.word) index.set(key, null)
}

/** The word files of data/dict/lists/, by name. */
export const listFiles: ReadonlyMap<string, WordFile> = new Map([
  ['medicine', readWordFile('lists/medicine.txt', [])],
  ['separators', readWordFile('lists/separators.txt', ['soft', 'intent'])],
  ['fillers', readWordFile('lists/fillers.txt', Object.keys(FILLER_FLAGS))],
  ['notes', readWordFile('lists/notes.txt', [])],
  ['counters', readWordFile('lists/counters.txt', ['inword'])],
  ['money', readWordFile('lists/money.txt', [])],
  ['non-goods', readWordFile('lists/non-goods.txt', [])],
  ['keywords', readWordFile('lists/keywords.txt', Object.keys(KEYWORD_ROLES))],
  ['heads', readWordFile('lists/heads.txt', ['any', 'lead', 'alone', 'filled'])],
  ['notices', readWordFile('lists/notices.txt', ['lead', 'header'])],
  ['heard-units', readWordFile('lists/heard-units.txt', ['spoken'], true)],
  ['number-words', readWordFile('lists/number-words.txt', ['beforeunit'], true)],
  ['bottled', readWordFile('lists/bottled.txt', [])],
  ['amount-changes', readWordFile('lists/amount-changes.txt', ['total', 'more', 'short', 'less', 'settle'])],
  ['initials', readWordFile('lists/initials.txt', [], true)],
  ['look-alike', readWordFile('lists/look-alike.txt', [], true)],
  ['shop-labels', readWordFile('lists/shop-labels.txt', [])],
  ['transcribed', readWordFile('lists/transcribed.txt', [])],
  ['english-small', readWordFile('lists/english-small.txt', [])],
])
/** "截图", "ocr": the list was typed back from a picture (transcribed.txt). */
export const TRANSCRIBED_WORDS: readonly string[] = list('transcribed').entries.map((e) => e.word)
/** English words that never start or join a goods name written in English (english-small.txt). */
export const ENGLISH_SMALL: ReadonlySet<string> = new Set(list('english-small').entries.map((e) => e.word))

function list(name: string): WordFile {
  const f = listFiles.get(name)
  if (!f) throw new Error(`no word file ${name}`)
  return f
}

/** ASCII unit surfaces (lower-cased) → [canonical, kind]; matched only right after a number. */
export const ASCII_UNITS = new Map<string, [string, number]>()
/** The canonical units: the second column of data/dict/units.txt. */
export const CANONICAL_UNITS = new Set<string>()
/** Units that "X半" with no number before makes one and a half of: 斤半, 个半. */
export const UNIT_AND_A_HALF = new Set<string>()
/** Canonical unit → its kind (measure, count, container …). */
const UNIT_KIND_OF = new Map<string, number>()

export interface HeardUnit {
  canon: string
  kind: number
  spoken: boolean
}
/** A character voice input writes for a classifier, by its code: 代 → 袋 (heard-units.txt). */
export const HEARD_UNITS = new Map<number, HeardUnit>()

function loadUnits(): void {
  const { file, rows } = readTable('units.txt', 3, 4)
  for (const {
    cells: [w, canon, kind, half],
    line,
  } of rows) {
    const uk = UNIT_KINDS[kind]
    if (!uk) throw new LexiconFileError(file, line, `unknown unit kind "${kind}"; known kinds: ${Object.keys(UNIT_KINDS).join(', ')}`)
    if (half !== undefined && half !== 'half') throw new LexiconFileError(file, line, `the fourth column can only be "half", not "${half}"`)
    if (half) UNIT_AND_A_HALF.add(w)
    CANONICAL_UNITS.add(canon)
    if (!UNIT_KIND_OF.has(canon)) UNIT_KIND_OF.set(canon, uk)
    if (/^[A-Za-z]+$/.test(w)) ASCII_UNITS.set(w.toLowerCase(), [canon, uk])
    else addWord(w, T_UNIT, uk, canon)
    UNIT_WORDS.push(w)
  }
}

/** Every unit as written in data/dict/units.txt (斤, 公斤, kg, jin …), for a quick test of amounts. */
export const UNIT_WORDS: string[] = []

function flagsOf(tags: readonly string[], table: Record<string, number>): number {
  let f = 0
  for (const t of tags) f |= table[t] ?? 0
  return f
}

const GOODS_FLAGS: Record<string, number> = { brand: G_BRAND, line: G_BRAND | G_LINE, variety: G_BRAND, weak: G_WEAK, generic: G_GENERIC }
/** Counters that also occur inside product names ("折叠凳", "台灯", "门帘"). */
export const IN_WORD_OTHER = new Set<string>()
/** A multi-word name ending in one of these is one product ("猪肉白菜饺子"), not several. */
export const HEAD_SUFFIX: readonly string[] = list('heads')
  .entries.filter((e) => !e.tags.includes('alone'))
  .map((e) => e.word)
/** The words of a word file that carry a tag (or, in keywords.txt, a role). */
const tagged = (file: string, tag: string): string[] =>
  list(file)
    .entries.filter((e) => e.tags.includes(tag))
    .map((e) => e.word)
/** Words that make one product with the goods word written right after them (冻干鸡肉): tagged `lead`. */
export const LEAD_WORDS: ReadonlySet<string> = new Set(tagged('heads', 'lead'))
/** Heads that join the words before them whatever their kind (青稞饼干, 花生糖): tagged `any`. */
export const ANY_KIND_HEADS: readonly string[] = tagged('heads', 'any')
/** Heads only as a word of their own, never as the end of a longer one (肉: 鲮鱼肉, not 红烧牛肉): tagged `alone`. */
export const ALONE_HEADS: ReadonlySet<string> = new Set(tagged('heads', 'alone'))

/** Goods tagged `sort`: a sort of the product with the same head letter (豆腐砂 of 猫砂), said after it as which one. */
export const SORT_WORDS: ReadonlySet<string> = new Set(
  [...goodsFiles.values()].flatMap((f) => f.entries.filter((e) => e.tags.includes('sort')).map((e) => e.word)),
)
/** Heads of goods made with a filling (饺子, 包子, 汤圆): "三鲜馅的" after one is which, not a thing to buy. */
export const FILLED_HEADS: readonly string[] = tagged('heads', 'filled')

function loadVocabulary(): void {
  for (const [kind, f] of goodsFiles) {
    // brands and varieties (金龙鱼, 红富士) name the product that follows them: one item, not two;
    // a goods entry's sub is its kind (1 + its index in GOODS_KINDS)
    for (const e of f.entries) addWord(e.word, T_GOODS, GOODS_KINDS.indexOf(kind) + 1, e.canon, flagsOf(e.tags, GOODS_FLAGS))
  }
  loadUnits()
  for (const e of list('medicine').entries) addWord(e.word, T_MED)
  for (const e of list('separators').entries)
    addWord(e.word, T_SEP, e.tags.includes('soft') ? SP_SPACE : SP_CONJ, null, e.tags.includes('intent') ? F_INTENT : 0)
  for (const e of list('fillers').entries) addWord(e.word, T_FILL, 0, null, flagsOf(e.tags, FILLER_FLAGS))
  for (const e of list('notes').entries) addWord(e.word, T_NOTE)
  for (const e of list('counters').entries) {
    addWord(e.word, T_OTHER, 0, null, e.tags.includes('inword') ? O_INWORD : 0)
    if (e.tags.includes('inword')) IN_WORD_OTHER.add(e.word)
  }
  for (const e of list('money').entries) addWord(e.word, T_MONEY)
  for (const e of list('non-goods').entries) addWord(e.word, T_NONGOODS)
  const kw = list('keywords')
  for (const e of kw.entries) {
    // a keyword has exactly one role: the reading it steers
    if (e.tags.length !== 1)
      throw new LexiconFileError(kw.file, e.line, `"${e.word}" needs exactly one role (${Object.keys(KEYWORD_ROLES).join(', ')})`)
    addWord(e.word, T_KW, KEYWORD_ROLES[e.tags[0]])
  }
}
loadVocabulary()
loadHeardUnits()

/** Name endings of things sold in bottles: 支 of them is 瓶 (bottled.txt). */
export const BOTTLED: readonly string[] = list('bottled').entries.map((e) => e.word)

/** Numbers written as English words, lower-cased: "half" → 0.5 (number-words.txt). */
export const NUMBER_WORDS = new Map<string, number>()
/** Those that are numbers only right before a unit: pinyin "yi he" is 一盒, a lone "shi" is not 十. */
export const NUMBER_WORDS_BEFORE_UNIT = new Set<string>()
for (const e of list('number-words').entries) {
  const v = e.canon === null ? NaN : Number(e.canon)
  if (!Number.isFinite(v) || v <= 0 || !/^[a-z]+$/.test(e.word))
    throw new LexiconFileError(list('number-words').file, e.line, `"${e.word}" must be a lower-case word "= number"`)
  NUMBER_WORDS.set(e.word, v)
  if (e.tags.includes('beforeunit')) NUMBER_WORDS_BEFORE_UNIT.add(e.word)
}

function loadHeardUnits(): void {
  const f = list('heard-units')
  for (const e of f.entries) {
    const kind = e.canon === null ? undefined : UNIT_KIND_OF.get(e.canon)
    if (e.word.length !== 1 || e.canon === null || kind === undefined) {
      throw new LexiconFileError(f.file, e.line, `"${e.word}" must be one character "= unit", with a unit of data/dict/units.txt`)
    }
    HEARD_UNITS.set(e.word.charCodeAt(0), { canon: e.canon, kind, spoken: e.tags.includes('spoken') })
  }
}
// ASCII words are looked up whole ("a" must not match inside "Oatly"), and in any case
collectAscii(ROOT, '')
flattenTrie()

function collectAscii(node: TrieNode, prefix: string): void {
  if (node.entry && prefix) {
    const key = prefix.toLowerCase()
    const old = ASCII_WORDS.get(key)
    if (!old || (PRIORITY[node.entry.k] ?? 0) > (PRIORITY[old.k] ?? 0)) ASCII_WORDS.set(key, node.entry)
  }
  if (!node.next) return
  for (const [c, nx] of node.next) if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122)) collectAscii(nx, prefix + String.fromCharCode(c))
}

/**
 * The word to read at s[i]: the longest match, unless it is a function word whose end cuts a
 * goods word in two ("买菜心": 买菜 would leave 心 — read 买, then 菜心).
 */
export function wordAt(s: string, i: number): Entry | null {
  const m = matchAt(s, i)
  if (!m || m.word.length < 2 || m.k === T_GOODS || m.k === T_MED) return m
  const end = i + m.word.length
  for (let j = i + 1; j < end; j++) {
    // (not at the 儿 of 儿化: "整点儿菜" is 整点儿 + 菜, not 整点 + 儿菜)
    if (j === end - 1 && s.charCodeAt(j) === 0x513f /* 儿 */) break
    const g = matchAt(s, j)
    if (g && (g.k === T_GOODS || g.k === T_MED) && j + g.word.length > end) {
      // (unless the rest is a goods word of its own: "改成猫粮" is 改成 + 猫粮, not 改 + 成猫粮)
      const rest = matchAt(s, end)
      if (rest && (rest.k === T_GOODS || rest.k === T_MED) && end + rest.word.length >= j + g.word.length) return m
      return matchAt(s, i, j)
    }
  }
  return m
}

const escape = (w: string) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
/** Words of a word file as one regular-expression alternation, escaped, the longest first. */
export const wordsPattern = (words: readonly string[]): string =>
  [...words]
    .sort((a, b) => b.length - a.length)
    .map(escape)
    .join('|')
const noticeWords = (tag: string) => tagged('notices', tag).map(escape)

/** A post that opens with a 【…】 header of this kind is a notice or an advert, not an order. */
export const NOTICE_HEADER = /^\s*[【[]([^】\]]{0,12})[】\]]/
export const NOTICE_WORDS = new RegExp(noticeWords('header').join('|'))
/** "通知：…", "统计一下：…", "提醒大家：…": a notice, a tally or advice to everyone, not the writer's order. */
export const NOTICE_LEAD = new RegExp(`^\\s*(${noticeWords('lead').join('|')})[一下]*\\s*[:：]`)

/** "想吃", "爱吃", "要食": the cooking words that wish to eat a thing (fillers.txt, `cook`, with 吃 / 食 / 呷 / 喝, not 不吃). */
export const EAT_WORDS: readonly string[] = tagged('fillers', 'cook').filter((w) => /[吃食呷喝]/.test(w) && !/^[不唔]/.test(w))

/** "一共", "再加", "减掉": words before a nameless amount that make it the item's total, or add it, or take it off. */
export const AMOUNT_CHANGES: ReadonlyArray<{ word: string; total: boolean; less: boolean }> = list('amount-changes')
  .entries.filter((e) => !e.tags.includes('short') && !e.tags.includes('settle'))
  .map((e) => ({ word: e.word, total: e.tags.includes('total'), less: e.tags.includes('less') }))
  .sort((a, b) => b.word.length - a.word.length)
/** "加倍", "翻倍", "双份": twice the amount ordered (the `double` role of keywords.txt). */
/** Words that change an order (keywords.txt `set`, `cancel`, `notwant`): "改成", "不要了", "删掉". */
export const CHANGE_WORDS: readonly string[] = ['set', 'cancel', 'notwant'].flatMap((tag) => tagged('keywords', tag))

export const DOUBLING_WORDS: readonly string[] = tagged('keywords', 'double')
/** "全部", "统统", "侪": every one of them (the `each` role of keywords.txt). */
export const EACH_WORDS: readonly string[] = tagged('keywords', 'each')
/** The words that do the work of 的 (的, 粤 嘅, 豫 哩): the `de` role of keywords.txt. */
export const DE_WORDS: readonly string[] = tagged('keywords', 'de')
/** "那就", "就": opening a clause of only an amount, they settle the last thing's amount (settled.ts). */
export const SETTLE_WORDS: readonly string[] = tagged('amount-changes', 'settle')
/** "不够", "太少": said of an item's amount, they make the next nameless amount its new total. */
export const SHORT_WORDS: readonly string[] = tagged('amount-changes', 'short')
