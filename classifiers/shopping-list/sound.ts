// Goods heard alike. Voice input writes a name with characters that sound like it: "朱肉" for
// 猪肉, "洗结精" for 洗洁精, "相交一把" for 香蕉一把, "冰红差" for 冰红茶. Listing every such
// misspelling as an alias would never end (each speaker and engine makes new ones), so the
// parser compares sounds instead: a run of two to five characters whose toneless syllables
// (data/dict/pinyin.txt) are those of a goods name in the lexicon is read as that name.
//
// Only inside list parsing, and only where the text itself is not a word: a common word that
// happens to sound like goods ("打算" da suan, 大蒜) is never repaired, and a rarer one ("相交",
// "好友") only right next to an amount ("相交一把"), where nothing but goods can stand.
import { readFileSync } from 'node:fs'
import { dict as jiebaDict } from '@node-rs/jieba/dict.js'
import { DICT_DIR, LexiconFileError, dictPath } from './data-files.ts'
import { T_GOODS } from './kinds.ts'
import { indexUnique, listFiles, matchAt, repairableGoods, type Entry } from './lexicon.ts'

/** Names shorter or longer than this are not compared (one syllable matches far too much). */
export const SOUND_MIN = 2
export const SOUND_MAX = 5
/** A word jieba counts at least this often is ordinary language, never a misheard name. */
const COMMON_WORD = 1000
/** jieba's tags of a common noun (n, nz, ng): a thing of its own. A place or person's name (ns, nr)
 * written where goods belong is more likely a mishearing ("东瓜" for 冬瓜). */
const COMMON_NOUN = /^n[zg]?$/
const SYLLABLE_BITS = 512 // more than the ~420 syllables of Mandarin
const MAX_READINGS = 8 // readings combined per window (polyphonic characters multiply them)

/** Each syllable's id ("zhu" → 417), from data/dict/pinyin.txt. */
const SYLLABLES = new Map<string, number>()
/** Each syllable by its id (the inverse of SYLLABLES). */
const SYLLABLE_NAMES: string[] = ['']
/** Each character's syllables (ids), from data/dict/pinyin.txt. */
const READINGS = new Map<number, number[]>()

function loadPinyin(): void {
  const rel = 'pinyin.txt'
  let text: string
  try {
    text = readFileSync(new URL(rel, DICT_DIR), 'utf8')
  } catch {
    throw new LexiconFileError(dictPath(rel), null, 'missing: run `npm run pinyin-table`')
  }
  let id = 0
  text.split('\n').forEach((line, i) => {
    if (!line || line.startsWith('#')) return
    const tab = line.indexOf('\t')
    if (tab <= 0) throw new LexiconFileError(dictPath(rel), i + 1, 'expected "syllable<TAB>characters"')
    id++
    SYLLABLES.set(line.slice(0, tab), id)
    SYLLABLE_NAMES[id] = line.slice(0, tab)
    if (id >= SYLLABLE_BITS) throw new LexiconFileError(dictPath(rel), i + 1, 'too many syllables')
    for (let k = tab + 1; k < line.length; k++) {
      const c = line.charCodeAt(k)
      const list = READINGS.get(c)
      if (list) list.push(id)
      else READINGS.set(c, [id])
    }
  })
}

/**
 * Do a and b sound alike, character by character (the test of what a repaired name may be)? With
 * `accent`, by accent class (n/l, zh/z, -ng/-n).
 */
export function soundsAlike(a: string, b: string, accent = false): boolean {
  if (a.length !== b.length) return false
  for (let i = 0; i < a.length; i++) {
    if (a[i] === b[i]) continue
    const x = READINGS.get(a.charCodeAt(i))
    const y = READINGS.get(b.charCodeAt(i))
    if (!x || !y) return false
    if (accent ? !x.some((r) => y.some((q) => ACCENT[r] === ACCENT[q])) : !x.some((r) => y.includes(r))) return false
  }
  return true
}

/**
 * Each syllable's accent class: the syllables a speaker of the south, and the recogniser that
 * hears them, do not tell apart (n and l, zh/ch/sh and z/c/s, -ng and -n): "牛来" for 牛奶, "诗经"
 * for 湿巾. The class is the id of the first syllable of the class.
 */
const ACCENT: number[] = []

function accentOf(syllable: string): string {
  return syllable
    .replace(/^([zcs])h/, '$1')
    .replace(/^n(?=[aeiouü])/, 'l')
    .replace(/ng$/, 'n')
}

/** Each character's accent classes (READINGS by class, without repeats). */
const ACCENT_READINGS = new Map<number, number[]>()

function indexAccents(): void {
  const first = new Map<string, number>()
  for (let id = 1; id < SYLLABLE_NAMES.length; id++) {
    const a = accentOf(SYLLABLE_NAMES[id])
    if (!first.has(a)) first.set(a, id)
    ACCENT[id] = first.get(a)!
  }
  for (const [c, ids] of READINGS) ACCENT_READINGS.set(c, [...new Set(ids.map((id) => ACCENT[id]))])
}

/**
 * Every sound key of s[a..b) (one per combination of readings, up to MAX_READINGS), or []; by
 * accent class when `accent` is set.
 */
function keysOf(s: string, a: number, b: number, accent = false): number[] {
  const readings = accent ? ACCENT_READINGS : READINGS
  let keys = [b - a] // the length leads, so names of different lengths never collide
  for (let i = a; i < b; i++) {
    const r = readings.get(s.charCodeAt(i))
    if (!r) return []
    const next: number[] = []
    for (const k of keys) for (const id of r) if (next.length < MAX_READINGS) next.push(k * SYLLABLE_BITS + id)
    keys = next
  }
  return keys
}

/**
 * READINGS and ACCENT_READINGS as tables by character code: the repair asks for most letters of
 * a list, and an array look-up costs a fraction of a Map's.
 */
const READING_TABLE: Array<number[] | undefined> = new Array(65536)
const ACCENT_TABLE: Array<number[] | undefined> = new Array(65536)

function tableReadings(): void {
  for (const [c, ids] of READINGS) READING_TABLE[c] = ids
  for (const [c, ids] of ACCENT_READINGS) ACCENT_TABLE[c] = ids
}

/**
 * The first entry of `index` that a key of s[a..b) names (keysOf's keys, in keysOf's order), or
 * null: keysOf without its arrays, for the repair's inner loop.
 */
function firstByKey(s: string, a: number, b: number, table: Array<number[] | undefined>, index: Map<number, Entry | null>): Entry | null {
  let keys = KEYS_A
  let next = KEYS_B
  keys[0] = b - a // the length leads, as in keysOf
  let n = 1
  for (let i = a; i < b; i++) {
    const r = table[s.charCodeAt(i)]
    if (r === undefined) return null
    let m = 0
    for (let k = 0; k < n; k++) for (let q = 0; q < r.length && m < MAX_READINGS; q++) next[m++] = keys[k] * SYLLABLE_BITS + r[q]
    const t = keys
    keys = next
    next = t
    n = m
  }
  for (let k = 0; k < n; k++) {
    const e = index.get(keys[k])
    if (e) return e
  }
  return null
}
const KEYS_A = new Float64Array(MAX_READINGS)
const KEYS_B = new Float64Array(MAX_READINGS)

/**
 * The openings (keysOf's keys of a name's first two letters) as a bit per pair of syllables, row
 * by first syllable: a test of a few bits, not of a Set, at nearly every letter of a list.
 */
const OPENING_BITS = new Uint32Array((SYLLABLE_BITS * SYLLABLE_BITS) / 32)
const ACCENT_OPENING_BITS = new Uint32Array((SYLLABLE_BITS * SYLLABLE_BITS) / 32)

function openingBits(bits: Uint32Array, set: Set<number>): void {
  for (const key of set) {
    // key = (SOUND_MIN * SYLLABLE_BITS + a) * SYLLABLE_BITS + b
    const pair = key - SOUND_MIN * SYLLABLE_BITS * SYLLABLE_BITS
    bits[pair >>> 5] |= 1 << (pair & 31)
  }
}

/**
 * The opening test by pairs of letters' readings: a character's readings (one of some two
 * thousand different lists) are numbered, and what a pair of lists gives is worked out once, then
 * kept as a bit — most letters of a list are asked about, and over and over the same pairs.
 */
interface OpeningMemo {
  /** Each character's list of readings, numbered from 1 (0: none), by character code. */
  sig: Uint16Array
  /** Each numbered list. */
  lists: number[][]
  /** Pairs of lists worked out, and those that make an opening: a bit per (first, second). */
  known: Uint32Array
  hit: Uint32Array
  bits: Uint32Array
}

function openingMemo(table: Array<number[] | undefined>, bits: Uint32Array): OpeningMemo {
  const sig = new Uint16Array(65536)
  const lists: number[][] = [[]]
  const ids = new Map<string, number>()
  for (let c = 0; c < 65536; c++) {
    const r = table[c]
    if (r === undefined) continue
    const key = r.join(',')
    let id = ids.get(key)
    if (id === undefined) {
      id = lists.length
      ids.set(key, id)
      lists.push(r)
    }
    sig[c] = id
  }
  const size = Math.ceil((lists.length * lists.length) / 32)
  return { sig, lists, known: new Uint32Array(size), hit: new Uint32Array(size), bits }
}

/** Is the key of some reading of s[at..at+2) an opening (keysOf's keys for two letters, without the arrays)? */
function openingHit(s: string, at: number, memo: OpeningMemo): boolean {
  const a = memo.sig[s.charCodeAt(at)]
  const b = memo.sig[s.charCodeAt(at + 1)]
  if (a === 0 || b === 0) return false
  const p = a * memo.lists.length + b
  const w = p >>> 5
  const bit = 1 << (p & 31)
  if (memo.known[w] & bit) return (memo.hit[w] & bit) !== 0
  memo.known[w] |= bit
  const x = memo.lists[a]
  const y = memo.lists[b]
  for (let i = 0; i < x.length; i++) {
    const row = x[i] * SYLLABLE_BITS
    for (let j = 0; j < y.length; j++) {
      const pair = row + y[j]
      if (memo.bits[pair >>> 5] & (1 << (pair & 31))) {
        memo.hit[w] |= bit
        return true
      }
    }
  }
  return false
}

/** Sound key → the goods entry it names; null where two different names sound the same. */
const BY_SOUND = new Map<number, Entry | null>()
/** The keys of the first two syllables of every indexed name: most positions stop here. */
const OPENINGS = new Set<number>()
/** The same by accent class (keysOf with `accent`). */
const BY_ACCENT = new Map<number, Entry | null>()
const ACCENT_OPENINGS = new Set<number>()

function indexGoods(): void {
  // (a category word, 水果 or 蔬菜, is never what someone misheard)
  for (const entry of repairableGoods(SOUND_MIN, SOUND_MAX)) {
    const word = entry.word
    for (const key of keysOf(word, 0, word.length)) indexUnique(BY_SOUND, key, entry)
    for (const key of keysOf(word, 0, 2)) OPENINGS.add(key)
    for (const key of keysOf(word, 0, word.length, true)) indexUnique(BY_ACCENT, key, entry)
    for (const key of keysOf(word, 0, 2, true)) ACCENT_OPENINGS.add(key)
  }
}

loadPinyin()
indexAccents()
indexGoods()
tableReadings()
openingBits(OPENING_BITS, OPENINGS)
openingBits(ACCENT_OPENING_BITS, ACCENT_OPENINGS)
const OPENING_MEMO = openingMemo(READING_TABLE, OPENING_BITS)
const ACCENT_OPENING_MEMO = openingMemo(ACCENT_TABLE, ACCENT_OPENING_BITS)

interface JiebaWord {
  freq: number
  tag: string
}

/**
 * The words of jieba's dictionary that sound like a goods name (打算 like 大蒜, 梨子 like 李子):
 * the only ones the repair ever asks about. Read once at load, so a window is looked up in a
 * small map, not searched for in the five-megabyte dictionary text.
 */
const SOUNDING_WORDS = new Map<string, JiebaWord>()

/** jieba's dictionary as text, decoded once. */
const JIEBA_TEXT = jiebaDict.toString()

function indexSoundingWords(): void {
  const text = JIEBA_TEXT
  let at = 0
  while (at < text.length) {
    let end = text.indexOf('\n', at)
    if (end < 0) end = text.length
    const sp = text.indexOf(' ', at)
    const len = sp - at
    if (len === 1) CHAR_FREQ.set(text[at], parseInt(text.slice(sp + 1, end), 10) || 0)
    if (sp > at && sp < end && len >= SOUND_MIN && len <= SOUND_MAX) {
      if (keysOf(text, at, at + SOUND_MIN).some((k) => OPENINGS.has(k)) && keysOf(text, at, sp).some((k) => BY_SOUND.get(k))) {
        const [, freq, tag] = text.slice(sp, end).trim() === '' ? [] : [null, ...text.slice(sp + 1, end).split(' ')]
        SOUNDING_WORDS.set(text.slice(at, sp), { freq: parseInt(freq ?? '0', 10) || 0, tag: tag ?? '' })
      }
      if (
        keysOf(text, at, at + SOUND_MIN, true).some((k) => ACCENT_OPENINGS.has(k)) &&
        keysOf(text, at, sp, true).some((k) => BY_ACCENT.get(k))
      )
        ACCENT_WORDS.add(text.slice(at, sp))
    }
    at = end + 1
  }
}
/** The words of jieba's dictionary that sound like a goods name heard with an accent: never repaired. */
const ACCENT_WORDS = new Set<string>()
/** How often jieba counts each character as a word of its own (read in the same pass). */
const CHAR_FREQ = new Map<string, number>()
indexSoundingWords()

const frequencies = new Map<string, number>()
/** How often jieba's dictionary counts any word (0 when it is none): a search, cached; rare callers. */
function commonFrequency(w: string): number {
  let f = frequencies.get(w)
  if (f !== undefined) return f
  const text = JIEBA_TEXT
  const at = text.startsWith(w + ' ') ? 0 : text.indexOf('\n' + w + ' ')
  f = at < 0 ? 0 : parseInt(text.slice(text.indexOf(' ', at + 1) + 1), 10) || 0
  frequencies.set(w, f)
  return f
}

/** The word as jieba's dictionary has it (how often, which part of speech), when it sounds like goods. */
function jiebaWord(w: string): JiebaWord | null {
  return SOUNDING_WORDS.get(w) ?? null
}

/** Does a lexicon word start inside s[at..end) and run past its end? */
function cutsWord(s: string, at: number, end: number): boolean {
  for (let j = at + 1; j < end; j++) {
    const m = matchAt(s, j)
    if (m && j + m.word.length > end) return true
  }
  return false
}

/** Is s[at..end) made of lexicon goods words end to end? */
function allGoods(s: string, at: number, end: number): boolean {
  for (let j = at; j < end;) {
    const m = matchAt(s, j, end)
    if (!m || m.k !== T_GOODS) return false
    j += m.word.length
  }
  return true
}

/** A word of ordinary language (jieba counts it often): never taken for an unknown product name. */
export function isCommonWord(w: string): boolean {
  return commonFrequency(w) >= COMMON_WORD
}

/** Aspect particles: a name heard with an accent never ends with one. */
const ASPECT = /[着了]/

/** A number somewhere in these letters. */
const NUMBER_SOON = /[\d一二两三四五六七八九十半]/

/** A number starts here (after a space at most). */
const NUMBER_NEXT = /^\s?[\d一二两三四五六七八九十半]/

/** A letter this much rarer than the one it would stand for, and rare in itself (jieba's count of
 * it as a word), was chosen, not misheard. Voice input does write 蜜 (429) for 米 and 布 for 不. */
const RARER = 0.1
const RARE_LETTER = 300

/**
 * Is a letter of `written` far rarer in ordinary language than the letter of `name` it would stand
 * for? Voice input and a phone's first candidate write the common character of a sound, never a
 * rare one: "花家" is 花甲 misheard, but 茭瓜 (Shandong for courgette) and 茨菰 are names their
 * writers chose, not 角瓜 or 慈姑.
 */
function rarerThanHeard(written: string, name: string): boolean {
  for (let i = 0; i < written.length; i++) {
    if (written[i] === name[i]) continue
    const f = CHAR_FREQ.get(written[i]) ?? 0
    if (f < RARE_LETTER && f < RARER * (CHAR_FREQ.get(name[i]) ?? 0)) return true
  }
  return false
}

export interface HeardGoods {
  entry: Entry
  end: number
}

/**
 * The goods name s[at..) sounds like, longest first, or null. `canStart(j)` says whether the
 * character at j may belong to a name at all (no unit, keyword or filler starts there; the
 * caller does not ask in the middle of an unknown word: "嘉顿梳打饼" holds no 大饼);
 * `nextToAmount(end)` whether an amount stands right before `at` or right after `end`;
 * `weakAt(j)` whether the character at j, a one-letter filler, may end a name next to an amount
 * ("两斤花家一斤" is 花甲, "土都两斤" 土豆; "我家" alone stays my home).
 */
export function heardGoodsAt(
  s: string,
  at: number,
  minLength: number,
  canStart: (j: number) => boolean,
  nextToAmount: (end: number) => boolean,
  /** Only next to an amount (the run starts with a filler: "够粮一袋", not "要划好的"). */
  needAmount = false,
  weakAt: (j: number) => boolean = () => false,
  /** May the name have been heard with an accent (no lexicon word starts at `at`)? */
  accentAllowed = false,
): HeardGoods | null {
  if (at + SOUND_MIN > s.length) return null
  const exact = openingHit(s, at, OPENING_MEMO)
  // (heard with an accent only where no word of the lexicon starts, a few letters before a
  // number: most positions stop here)
  if (!exact && !(accentAllowed && NUMBER_SOON.test(s.slice(at + SOUND_MIN, at + SOUND_MAX + 2)) && openingHit(s, at, ACCENT_OPENING_MEMO)))
    return null
  let limit = at
  while (limit < s.length && limit - at < SOUND_MAX && (limit === at || canStart(limit))) limit++
  // (a filler as the last letter: 家 of "花家", 都 of "土都")
  let weakEnd = -1
  if (limit < s.length && limit - at < SOUND_MAX && limit - at >= SOUND_MIN - 1 && weakAt(limit)) weakEnd = ++limit
  for (let end = limit; end - at >= Math.max(SOUND_MIN, minLength + 1); end--) {
    let entry: Entry | null = exact ? firstByKey(s, at, end, READING_TABLE, BY_SOUND) : null
    // heard with an accent ("牛乃两箱", "婴儿诗经两包"): only before an amount, and never a word of
    // jieba's ("四面墙" holds no 棉签)
    let accent = false
    if (!entry && NUMBER_NEXT.test(s.slice(end, end + 2)) && nextToAmount(end)) {
      entry = firstByKey(s, at, end, ACCENT_TABLE, BY_ACCENT)
      accent = entry !== null
    }
    if (!entry) continue
    // (nor a verb with its aspect: "冻着一块" is frozen, not 冬枣)
    if (accent && (ACCENT_WORDS.has(s.slice(at, end)) || ASPECT.test(s[end - 1]))) continue
    // the window must not cut a word the lexicon knows ("张飞牛肉" is not 肥牛 + 肉), nor leave a
    // stray letter glued to the name ("朱古力" is not 猪骨 + 力)
    if (end === weakEnd && !nextToAmount(end)) continue
    if (cutsWord(s, at, end) || (end < s.length && canStart(end) && matchAt(s, end) === null)) continue
    // goods written side by side ("米油盐" once its spaces are gone) are those goods, not 蜜柚
    if (allGoods(s, at, end)) continue
    const written = s.slice(at, end)
    if (written === entry.word) continue
    if (rarerThanHeard(written, entry.word)) continue
    // a real word: a common one, or a common noun ("梨子" is pears, not 李子), is what it says; a rarer
    // verb or phrase ("相交") is a mishearing only right next to an amount
    const word = jiebaWord(written)
    if (word && (word.freq >= COMMON_WORD || COMMON_NOUN.test(word.tag))) continue
    if ((word || needAmount) && !nextToAmount(end)) continue
    return { entry, end }
  }
  return null
}

/** Is the word one pinyin syllable ("mai", "he", "wo")? Typed pinyin, not an English word. */
export function isPinyinSyllable(word: string): boolean {
  return SYLLABLES.has(word.toLowerCase())
}

/**
 * A goods name typed in pinyin when the input method fails ("doufu 2 kuai", "jidan", "laoganma"):
 * the lexicon name whose syllables these letters spell, or null. Every way of cutting the letters
 * into syllables is tried (xian is xian or xi an); two syllables at least.
 */
export function pinyinGoods(word: string): Entry | null {
  const w = word.toLowerCase()
  if (w.length < 4 || w.length > 30 || !/^[a-z]+$/.test(w)) return null
  let found: Entry | null = null
  const cut = (at: number, key: number, n: number): void => {
    if (found || n > SOUND_MAX) return
    if (at === w.length) {
      if (n >= SOUND_MIN) found = BY_SOUND.get(n * Math.pow(SYLLABLE_BITS, n) + key) ?? null
      return
    }
    for (let len = Math.min(6, w.length - at); len >= 1 && !found; len--) {
      const id = SYLLABLES.get(w.slice(at, at + len))
      if (id !== undefined) cut(at + len, key * SYLLABLE_BITS + id, n + 1)
    }
  }
  cut(0, 0, 0)
  return found
}

/** Initials → the goods they stand for: data/dict/lists/initials.txt, then every goods name whose
 * initials (three letters or more) no other name shares. Built on first use. */
let INITIALS: Map<string, Entry | null> | null = null

function initialsOf(word: string): string[] {
  let keys = ['']
  for (let i = 0; i < word.length; i++) {
    const r = READINGS.get(word.charCodeAt(i))
    if (!r) return []
    const next = new Set<string>()
    for (const k of keys) for (const id of r) if (next.size < MAX_READINGS) next.add(k + SYLLABLE_NAMES[id][0])
    keys = [...next]
  }
  return keys
}

function indexInitials(): Map<string, Entry | null> {
  const out = new Map<string, Entry | null>()
  for (const entry of repairableGoods(3, 5)) for (const key of initialsOf(entry.word)) indexUnique(out, key, entry)
  const file = listFiles.get('initials')
  for (const e of file?.entries ?? []) {
    const entry = e.canon ? matchAt(e.canon, 0) : null
    if (!entry || entry.k !== T_GOODS || entry.word !== e.canon)
      throw new LexiconFileError(file!.file, null, `"${e.word} = ${e.canon}": ${e.canon} is not a goods name of data/dict/goods/`)
    out.set(e.word, entry)
  }
  return out
}

/**
 * "xhs" → 西红柿, "jd" → 鸡蛋: goods typed as the initials of their syllables. The caller checks
 * that an amount follows: only there is a bare pair of letters a thing to buy.
 */
export function initialsGoods(word: string): Entry | null {
  const w = word.toLowerCase()
  if (w !== word || w.length < 2 || w.length > 5 || !/^[a-z]+$/.test(w)) return null
  INITIALS ??= indexInitials()
  return INITIALS.get(w) ?? null
}
