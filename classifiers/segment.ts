// Word segmentation and model features. Pure at call time: the dictionaries
// are read once, when the module is loaded.
//
// jieba (via @node-rs/jieba) with its default dictionary, plus the project's
// community vocabulary (data/dict/community.txt, jieba's "word freq tag" lines) and the
// shopping-list parser's goods lexicon (data/dict/goods/*.txt, one name a line).
//
// Two segmenters: `segment` uses every dictionary; the category model's features use
// the default and community dictionaries only, so the committed model depends on
// nothing but the corpus and data/dict/community.txt (tests/train-reproducible) and a
// change to the goods list cannot silently shift the model.
import { Jieba } from '@node-rs/jieba'
import { dict } from '@node-rs/jieba/dict.js'
import { DataFileError, dataPath, readDataText } from './data-file.ts'
import { readWordFile } from './shopping-list/data-files.ts'
import { GOODS_KINDS, GOODS_TAGS } from './shopping-list/goods-kinds.ts'

/** A jieba dictionary of ours: "word freq [tag]" lines; a missing file or a bad line stops the start-up. */
function readDict(name: string): Buffer {
  const rel = `dict/${name}`
  const lines: string[] = []
  readDataText(rel)
    .split('\n')
    .forEach((raw, i) => {
      const l = raw.trim()
      if (!l || l.startsWith('#')) return
      // jieba rejects lines without a frequency, and would do so without saying which
      if (!/^\S+\s+\d+(\s+\S+)?$/.test(l)) throw new DataFileError(dataPath(rel), i + 1, 'expected "word frequency [tag]"')
      lines.push(l)
    })
  return Buffer.from(lines.join('\n') + '\n')
}

/**
 * The goods lexicon as a jieba dictionary. Single characters get no entry, so that jieba keeps
 * its own frequencies for them (a frequency of our own would glue 米, 油, 面 to their neighbours).
 */
function goodsDict(): Buffer {
  const lines: string[] = []
  for (const kind of GOODS_KINDS) {
    for (const e of readWordFile(`goods/${kind}.txt`, GOODS_TAGS, true).entries) {
      if (e.word.length > 1) lines.push(`${e.word} 2000`)
    }
  }
  return Buffer.from(lines.join('\n') + '\n')
}

const community = readDict('community.txt')
const goods = goodsDict()
const modelJieba = Jieba.withDict(dict)
modelJieba.loadDict(community)
let fullJieba: Jieba | null = null
function full(): Jieba {
  if (!fullJieba) {
    fullJieba = Jieba.withDict(dict)
    fullJieba.loadDict(community)
    fullJieba.loadDict(goods)
  }
  return fullJieba
}

function cutWords(j: Jieba, text: string): string[] {
  if (!text) return []
  const out: string[] = []
  for (const w of j.cut(text, false)) {
    if (WORDLIKE.test(w)) out.push(w)
  }
  return out
}

/** jieba words, with every project dictionary, without whitespace and punctuation. */
export function segment(text: string): string[] {
  return cutWords(full(), text)
}

/** jieba words as the category model sees them (default and community dictionaries). */
export function modelSegment(text: string): string[] {
  return cutWords(modelJieba, text)
}

const WORDLIKE = /[\p{L}\p{N}]/u
const EMOJI = /\p{Extended_Pictographic}/u
const DIGITS = /^\d+$/

/** Cap on text analysed for features: long posts are scored on their opening and closing parts. */
export const FEATURE_TEXT_LIMIT = 4000

function clip(text: string): string {
  if (text.length <= FEATURE_TEXT_LIMIT) return text
  const half = FEATURE_TEXT_LIMIT / 2
  return text.slice(0, half) + '\n' + text.slice(text.length - half)
}

const isCjk = (c: number) => (c >= 0x3400 && c <= 0x9fff) || (c >= 0xf900 && c <= 0xfaff)

/** Is this feature string a CJK bigram (the form `features` gives them)? */
export function isBigramFeature(f: string): boolean {
  return f.length === 2 && isCjk(f.charCodeAt(0)) && isCjk(f.charCodeAt(1))
}

export interface FeatureSink {
  /** a word or shape feature ("w:…", "s:…"), possibly repeated */
  word(f: string): void
  /** a CJK bigram, as its two UTF-16 code units (no string built), possibly repeated */
  bigram(a: number, b: number): void
}

/**
 * The features of a normalised text for the category model: jieba words ("w:…"),
 * character bigrams of CJK runs (robust to typos and dialect; as strings they are the
 * two characters, unprefixed) and a few shape features ("s:…"). Callers dedupe: the
 * model uses presence, not counts.
 */
/** Code units that can start an Extended_Pictographic character (a superset; EMOJI confirms). */
function mayBePictographic(c: number): boolean {
  return (
    c === 0xa9 ||
    c === 0xae ||
    (c >= 0x203c && c <= 0x2bff) ||
    c === 0x3030 ||
    c === 0x303d ||
    c === 0x3297 ||
    c === 0x3299 ||
    (c >= 0xd83c && c <= 0xd83e)
  )
}

export function emitFeatures(text: string, sink: FeatureSink): void {
  const t = clip(text)
  for (const w of modelSegment(t)) {
    if (DIGITS.test(w)) sink.word(w === '120' || w === '119' || w === '110' ? 'w:' + w : w.length >= 3 ? 'w:<num3>' : 'w:<num>')
    else sink.word('w:' + w.toLowerCase())
  }
  let cjk = 0
  let prev = -1
  let hasEmoji = false
  for (let i = 0; i < t.length; i++) {
    const c = t.charCodeAt(i)
    if (isCjk(c)) {
      cjk++
      if (prev >= 0) sink.bigram(prev, c)
      prev = c
    } else {
      prev = -1
      if (c >= 0xa9 && mayBePictographic(c)) hasEmoji = true // candidate only: EMOJI decides below
    }
  }
  if (hasEmoji && EMOJI.test(t)) sink.word('s:emoji')
  sink.word(cjk === 0 ? 's:nocjk' : cjk <= 4 ? 's:len1' : cjk <= 15 ? 's:len2' : cjk <= 60 ? 's:len3' : cjk <= 200 ? 's:len4' : 's:len5')
}

/** The same features as strings, deduplicated (training, tests). */
export function features(text: string): string[] {
  const seen = new Set<string>()
  emitFeatures(text, {
    word: (f) => {
      seen.add(f)
    },
    bigram: (a, b) => {
      seen.add(String.fromCharCode(a, b))
    },
  })
  return [...seen]
}
