// Word segmentation and model features. Pure at call time: the dictionaries
// are read once, when the module is loaded.
//
// jieba (via @node-rs/jieba) with its default dictionary, plus the project's
// community vocabulary (data/dict/community.txt) and, when present, the
// shopping-list colleague's goods dictionary (data/dict/goods.txt). Both use
// jieba's "word freq tag" line format.
import { readFileSync } from 'node:fs'
import { Jieba } from '@node-rs/jieba'
import { dict } from '@node-rs/jieba/dict.js'

const DICT_DIR = new URL('../data/dict/', import.meta.url)

function readDict(name: string): Buffer | null {
  try {
    const buf = readFileSync(new URL(name, DICT_DIR))
    // jieba rejects lines without a frequency; keep only well-formed "word freq [tag]" lines
    const lines = buf.toString('utf8').split('\n').map((l) => l.trim())
      .filter((l) => l && !l.startsWith('#') && /^\S+\s+\d+(\s+\S+)?$/.test(l))
    return Buffer.from(lines.join('\n') + '\n')
  } catch {
    return null
  }
}

const jieba = Jieba.withDict(dict)
for (const name of ['community.txt', 'goods.txt']) {
  const d = readDict(name)
  if (d) jieba.loadDict(d)
}

/** jieba words without whitespace and punctuation. */
export function segment(text: string): string[] {
  if (!text) return []
  const out: string[] = []
  for (const w of jieba.cut(text, false)) {
    if (WORDLIKE.test(w)) out.push(w)
  }
  return out
}

const WORDLIKE = /[\p{L}\p{N}]/u
const CJK_RUN = /[\u3400-\u9fff\uf900-\ufaff]+/g
const EMOJI = /\p{Extended_Pictographic}/u
const DIGITS = /^\d+$/

/** Cap on text analysed for features: long posts are scored on their opening and closing parts. */
export const FEATURE_TEXT_LIMIT = 4000

function clip(text: string): string {
  if (text.length <= FEATURE_TEXT_LIMIT) return text
  const half = FEATURE_TEXT_LIMIT / 2
  return text.slice(0, half) + '\n' + text.slice(text.length - half)
}

/**
 * Feature tokens of a normalised text for the category model: jieba words
 * ("w:…"), character bigrams of CJK runs (the two characters, unprefixed: robust to
 * typos and dialect),
 * plus a few shape features ("s:"). Duplicates are removed (the model uses
 * presence, not counts). Extra features (e.g. lexicon hits) may be appended by the caller.
 */
export function features(text: string): string[] {
  const t = clip(text)
  const seen = new Set<string>()
  for (const w of segment(t)) {
    if (DIGITS.test(w)) seen.add(w === '120' || w === '119' || w === '110' ? 'w:' + w : w.length >= 3 ? 'w:<num3>' : 'w:<num>')
    else seen.add('w:' + w.toLowerCase())
  }
  const runs = t.match(CJK_RUN)
  let cjk = 0
  if (runs) {
    for (const r of runs) {
      cjk += r.length
      for (let i = 0; i + 1 < r.length; i++) seen.add(r.slice(i, i + 2))
    }
  }
  if (EMOJI.test(t)) seen.add('s:emoji')
  seen.add(cjk === 0 ? 's:nocjk' : cjk <= 4 ? 's:len1' : cjk <= 15 ? 's:len2' : cjk <= 60 ? 's:len3' : cjk <= 200 ? 's:len4' : 's:len5')
  return [...seen]
}
