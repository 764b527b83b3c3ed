// Goods typed with a character that looks like the right one: "士豆" for 土豆, "冬爪" for 冬瓜,
// "方便而" for 方便面 — a small keyboard's neighbour, handwriting input's first guess, an old
// reader's eyes. The pairs are data (data/dict/lists/look-alike.txt); a run of two to five
// characters that becomes a goods name once such characters are swapped is read as that name.
//
// Only inside list parsing, only where the run is no word the lexicon knows, and only right next
// to an amount: the caller checks the amount (a look-alike of goods in talk stays talk).
import { LexiconFileError } from './data-files.ts'
import { indexUnique, listFiles, matchAt, repairableGoods, type Entry } from './lexicon.ts'

const MIN = 2
const MAX = 5

/** Each paired character → the character its class is keyed by. */
const CLASS = new Map<string, string>()

function loadPairs(): void {
  const file = listFiles.get('look-alike')
  for (const e of file?.entries ?? []) {
    if ([...e.word].length !== 1 || !e.canon || [...e.canon].length !== 1)
      throw new LexiconFileError(file!.file, null, `"${e.word} = ${e.canon}": pair one character with one character`)
    const a = CLASS.get(e.word) ?? e.word
    const b = CLASS.get(e.canon) ?? e.canon
    const key = a < b ? a : b
    for (const [c, k] of CLASS) if (k === a || k === b) CLASS.set(c, key)
    CLASS.set(e.word, key)
    CLASS.set(e.canon, key)
  }
}

function keyOf(s: string, a: number, b: number): string | null {
  let key = ''
  let swapped = false
  for (let i = a; i < b; i++) {
    const k = CLASS.get(s[i])
    if (k !== undefined) swapped = true
    key += k ?? s[i]
  }
  return swapped ? key : null
}

/** Key → the goods name it stands for; null where two names share a key. */
const BY_SHAPE = new Map<string, Entry | null>()
/** The first two letters of every key, as char codes: most positions stop here. */
const OPENINGS = new Set<number>()

/** Each paired character's code → its class's code. */
const CLASS_CODE = new Map<number, number>()

function opening(s: string, at: number): number {
  const a = s.charCodeAt(at)
  const b = s.charCodeAt(at + 1)
  return (CLASS_CODE.get(a) ?? a) * 0x10000 + (CLASS_CODE.get(b) ?? b)
}

function indexGoods(): void {
  for (const entry of repairableGoods(MIN, MAX)) {
    const key = keyOf(entry.word, 0, entry.word.length)
    if (key === null) continue
    OPENINGS.add(opening(entry.word, 0))
    indexUnique(BY_SHAPE, key, entry)
  }
}

loadPairs()
for (const [c, k] of CLASS) CLASS_CODE.set(c.charCodeAt(0), k.charCodeAt(0))
indexGoods()

/** Does a look like b, letter by letter (the same, or a pair of look-alike.txt)? */
export function looksAlike(a: string, b: string): boolean {
  if (a.length !== b.length) return false
  for (let i = 0; i < a.length; i++)
    if (a[i] !== b[i] && (CLASS.get(a[i]) === undefined || CLASS.get(a[i]) !== CLASS.get(b[i]))) return false
  return true
}

/** The goods name s[at..) looks like, longest first, or null; the run must not be a lexicon word itself. */
export function lookAlikeGoodsAt(s: string, at: number): { entry: Entry; end: number } | null {
  if (at + MIN > s.length || !OPENINGS.has(opening(s, at))) return null
  for (let end = Math.min(s.length, at + MAX); end - at >= MIN; end--) {
    const key = keyOf(s, at, end)
    if (key === null) continue
    const entry = BY_SHAPE.get(key)
    if (!entry || s.slice(at, end) === entry.word) continue
    const known = matchAt(s, at, end)
    if (known && known.word.length === end - at) continue
    return { entry, end }
  }
  return null
}
