// Hashed features of a message for the learned models (classifiers/network-model.ts). Pure.
//
// What generalises to writers the team never met is not a phrase but its pieces: characters and
// character n-grams (robust to dialect, typos and homophones), jieba words, and concepts the
// rules already know — which emergency cues matched and what switched them off (news, a joke, the
// past), which word families appear (kin, elders, children, negation, remote places). Every
// feature is hashed into a fixed number of buckets, so the model file does not carry a
// vocabulary and an unseen feature costs nothing.
import { modelSegment } from './segment.ts'
import { familyRe } from './families.ts'
import { CharIndex } from './prefilter.ts'
import type { UrgencyResult } from './urgency.ts'
import { factFeatures, type Facts } from './rules.ts'

/** log2 of the number of buckets (the model file says which it was trained with). */
export const HASH_BITS = 18
export const BUCKETS = 1 << HASH_BITS
const MASK = BUCKETS - 1

/** Texts are read up to this many characters at their start and their end. */
const TEXT_LIMIT = 1500

// FNV-1a over UTF-16 code units, with a tag per feature family so that the bigram 出血 and the
// word 出血 land in different buckets.
const FNV_OFFSET = 0x811c9dc5
const FNV_PRIME = 0x01000193
function mix(h: number, c: number): number {
  return Math.imul(h ^ c, FNV_PRIME)
}
function finish(h: number): number {
  h ^= h >>> 15
  h = Math.imul(h, 0x2c1b3c6d)
  h ^= h >>> 12
  return (h >>> 0) & MASK
}
export function hashString(tag: number, s: string): number {
  let h = mix(FNV_OFFSET, tag)
  for (let i = 0; i < s.length; i++) h = mix(h, s.charCodeAt(i))
  return finish(h)
}

const TAG_UNI = 1,
  TAG_BI = 2,
  TAG_TRI = 3,
  TAG_WORD = 4,
  TAG_CONCEPT = 5,
  TAG_ASCII = 6

const isCjk = (c: number) => (c >= 0x3400 && c <= 0x9fff) || (c >= 0xf900 && c <= 0xfaff)
const isAsciiWord = (c: number) => (c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39)

/** Word families whose presence is a feature (names from data/dict/families.yaml). */
const CONCEPT_FAMILIES = [
  'kin',
  'elder',
  'young-child',
  'infant',
  'vulnerable',
  'animal',
  'injury',
  'minor-bleed',
  'mourning',
  'negation',
  'uncertain',
  'resolution',
  'hypothetical',
  'policy-question',
  'past',
  'now',
  'news',
  'local',
  'nearby',
  'advice',
  'joke',
  'hyperbole',
  'fiction',
  'remote-place',
] as const
const CONCEPT_RES = CONCEPT_FAMILIES.map((f) => familyRe(f))
/** Which families a text could contain, from its characters: one pass instead of 24 expressions. */
const CONCEPT_INDEX = new CharIndex(CONCEPT_RES.map((re) => re.source))

function clip(text: string): string {
  if (text.length <= TEXT_LIMIT * 2) return text
  return text.slice(0, TEXT_LIMIT) + '\n' + text.slice(text.length - TEXT_LIMIT)
}

/** Collects distinct bucket ids. One instance is reused: the hot path allocates little. */
export class FeatureSet {
  readonly ids: number[] = []
  private readonly seen = new Uint8Array(BUCKETS)
  add(id: number): void {
    if (this.seen[id]) return
    this.seen[id] = 1
    this.ids.push(id)
  }
  clear(): void {
    for (const id of this.ids) this.seen[id] = 0
    this.ids.length = 0
  }
}

/**
 * The features of a message: `canon` is its canonical reading (dialect.ts), `urgency` what the
 * cue rules made of it, `facts` what the need rules made of it.
 */
export function extractFeatures(canon: string, urgency: UrgencyResult, facts: Facts, out: FeatureSet): void {
  const t = clip(canon)
  // characters and character n-grams of CJK runs; lower-case ASCII words (English, pinyin, sos)
  let p1 = -1,
    p2 = -1
  let cjk = 0
  let word = FNV_OFFSET,
    wordLen = 0
  for (let i = 0; i <= t.length; i++) {
    const c = i < t.length ? t.charCodeAt(i) : 0
    if (isAsciiWord(c)) {
      word = mix(wordLen === 0 ? mix(FNV_OFFSET, TAG_ASCII) : word, c)
      wordLen++
    } else if (wordLen > 0) {
      if (wordLen > 1) out.add(finish(word))
      wordLen = 0
    }
    if (isCjk(c)) {
      cjk++
      out.add(finish(mix(mix(FNV_OFFSET, TAG_UNI), c)))
      if (p1 >= 0) out.add(finish(mix(mix(mix(FNV_OFFSET, TAG_BI), p1), c)))
      if (p2 >= 0) out.add(finish(mix(mix(mix(mix(FNV_OFFSET, TAG_TRI), p2), p1), c)))
      p2 = p1
      p1 = c
    } else {
      p1 = p2 = -1
    }
  }
  for (const w of modelSegment(t)) if (w.length > 1) out.add(hashString(TAG_WORD, w))
  // concepts the rules know
  const concept = (name: string) => out.add(hashString(TAG_CONCEPT, name))
  for (const k of urgency.cues) concept('cue:' + k)
  for (const k of urgency.responses) concept('resp:' + k)
  for (const s of urgency.suppressed) {
    const i = s.indexOf(':')
    concept('off:' + s.slice(i + 1))
    concept('offcue:' + s.slice(0, i))
  }
  if (urgency.urgent) concept('rules:urgent')
  for (const i of CONCEPT_INDEX.candidates(t)) if (CONCEPT_RES[i].test(t)) concept('fam:' + CONCEPT_FAMILIES[i])
  for (const f of factFeatures(facts)) concept('fact:' + f)
  // shape
  concept(cjk <= 4 ? 'len:1' : cjk <= 15 ? 'len:2' : cjk <= 40 ? 'len:3' : cjk <= 120 ? 'len:4' : 'len:5')
  if (/!/.test(t)) concept('shape:bang')
  if (/\?/.test(t)) concept('shape:question')
  if (/\d+\s*(?:栋|号楼|幢|单元|室|座)|\d+-\d+/.test(t)) concept('shape:door')
  if (/\p{Extended_Pictographic}/u.test(t)) concept('shape:emoji')
  concept('bias')
}
