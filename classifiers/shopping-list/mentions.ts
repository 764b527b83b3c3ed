// Things named without an amount: an order or only a mention? "速冻水饺 (随便什么馅)" and "再要一点葱"
// are orders; "米也见底了", "拎米的那个王阿姨", "泡菜坛子里的水要换了" mention goods in talk around
// the list. The rules in decide.ts settle the clear cases; what they keep, a learned weighing of the
// words around the mention settles next — a logistic regression over readable features (the name's
// last letter, the characters either side, what its chunk and the message say), trained on every
// labelled list set by tools/train-mentions.ts and kept in data/model/list-mentions.tsv, one feature
// a line, so that a reader can see why a mention went.
//
// Only bare mentions are weighed: a thing with its amount is an order by the rules alone. The
// training tool watches the same features through `watchMentions`, with the weighing switched off.
import type { MessageState } from './state.ts'
import type { PItem } from './chunk.ts'
import { DataFileError, dataPath, readDataText } from '../data-file.ts'

export const MENTIONS_MODEL = 'model/list-mentions.tsv'

/** A separator either side of a name. */
const SEP = /[\s，,。；;、！!？?：:()（）]/
/** The clause a name sits in ends at these. */
const CLAUSE_END = /[，,。；;！!？?\n]/
const NUMBER = /[0-9一二两三四五六七八九十半几]/
const BUY = /[买要来带拿整訂订]/
const NOT = /[不没冇莫勿别唔]/
const ITEM_FLAGS = ['weak', 'fallback', 'unk', 'brandOnly', 'touched', 'heading', 'wholeChunk', 'lineStart', 'absorbed'] as const
const CHUNK_FLAGS = ['intent', 'verb', 'cond', 'question', 'past', 'enough', 'offer', 'first', 'cook', 'price', 'left', 'need'] as const

const bucket = (n: number) => (n <= 0 ? '0' : n === 1 ? '1' : n <= 3 ? '2-3' : n <= 6 ? '4-6' : '7+')
const isSep = (s: string, i: number) => i < 0 || i >= s.length || SEP.test(s[i])
/**
 * Text as a feature shows it: a space, tab or line break is "_" (the model file is one feature a
 * line), and half an emoji cut off by a slice is "?" (a file cannot hold it).
 */
const shown = (t: string) => t.replace(/\s/g, '_').replace(LONE_SURROGATE, '?')
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g

/** What the weighing sees of a bare mention `it` among the items `keep` the rules kept. */
export function mentionFeatures(st: MessageState, it: PItem, keep: readonly PItem[]): string[] {
  const s = st.s
  // (not the name itself: a model that learnt which names were talk in the rounds would carry
  // those writers' stories, not how talk reads)
  const f = ['bias', 'h:' + it.name.slice(-1), 'len:' + Math.min(it.name.length, 5)]
  for (const k of ITEM_FLAGS) if (it[k]) f.push('f:' + k)
  if (it.alternatives.length) f.push('alt')
  if (it.note) f.push('note')
  if (it.fewUnit) f.push('few')
  if (it.start >= 0) {
    const left = s.slice(Math.max(0, it.start - 3), it.start)
    const right = s.slice(it.end, it.end + 3)
    const l = isSep(s, it.start - 1)
    const r = isSep(s, it.end)
    f.push('l1:' + left.slice(-1), 'l2:' + left.slice(-2), 'r1:' + right.slice(0, 1), 'r2:' + right.slice(0, 2))
    f.push('lsep:' + l, 'rsep:' + r, 'seps:' + l + r)
    // the rest of its clause after it, and what of its clause comes before it
    const tail = s.slice(it.end, it.end + 12).split(CLAUSE_END)[0]
    const head =
      s
        .slice(Math.max(0, it.start - 6), it.start)
        .split(CLAUSE_END)
        .pop() ?? ''
    if (NUMBER.test(tail)) f.push('amountAfter')
    if (BUY.test(head)) f.push('verbBefore')
    if (NOT.test(head)) f.push('notBefore')
    if (NOT.test(tail.slice(0, 4))) f.push('notAfter')
  } else f.push('nospan')
  const info = st.infos[it.chunk]
  if (info) {
    for (const k of CHUNK_FLAGS) if (info[k]) f.push('c:' + k)
    f.push('cjunk:' + bucket(info.junk))
  }
  if (st.intent) f.push('m:intent')
  if (st.verb) f.push('m:verb')
  if (st.past) f.push('m:past')
  if (st.need) f.push('m:need')
  f.push('mjunk:' + bucket(Math.floor(st.junk / 5)))
  let withAmount = 0,
    bare = 0,
    first = -1,
    last = -1,
    sameWithAmount = false,
    chunkWithAmount = false
  for (let i = 0; i < keep.length; i++) {
    const x = keep[i]
    if (x.op !== 'add') continue
    if (!x.hasQty) {
      bare++
      continue
    }
    withAmount++
    if (first < 0) first = i
    last = i
    if (x !== it && (x.name.includes(it.name) || it.name.includes(x.name))) sameWithAmount = true
    if (x !== it && x.chunk === it.chunk) chunkWithAmount = true
  }
  f.push('amounts:' + bucket(withAmount), 'bare:' + bucket(bare), 'both:' + bucket(withAmount) + '/' + bucket(bare))
  const at = keep.indexOf(it)
  f.push('pos:' + (withAmount === 0 ? 'none' : at < first ? 'before' : at > last ? 'after' : 'between'))
  if (sameWithAmount) f.push('sameWithAmount')
  if (chunkWithAmount) f.push('chunkWithAmount')
  return f.map(shown)
}

export interface MentionsModel {
  weights: Map<string, number>
  /** A mention whose probability of being talk is at or above this goes. */
  threshold: number
}

/** Reads the model file: `# comments`, `@threshold 0.5`, then `feature<TAB>weight` lines. */
export function readMentionsModel(text: string, file = dataPath(MENTIONS_MODEL)): MentionsModel {
  const weights = new Map<string, number>()
  let threshold = NaN
  const lines = text.split('\n')
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]
    if (!line || line.startsWith('#')) continue
    if (line.startsWith('@threshold ')) {
      threshold = Number(line.slice(11))
      continue
    }
    const tab = line.lastIndexOf('\t')
    const w = tab > 0 ? Number(line.slice(tab + 1)) : NaN
    if (!Number.isFinite(w)) throw new DataFileError(file, i + 1, 'expected "feature<TAB>weight"')
    weights.set(line.slice(0, tab), w)
  }
  if (!(threshold > 0 && threshold < 1)) throw new DataFileError(file, null, 'needs an "@threshold p" line with 0 < p < 1')
  return { weights, threshold }
}

let MODEL = readMentionsModel(readDataText(MENTIONS_MODEL))

/** For the training tool's cross-validation: weigh with another model (null: the committed one). */
export function useMentionsModel(m: MentionsModel | null): void {
  MODEL = m ?? readMentionsModel(readDataText(MENTIONS_MODEL))
}

/** The probability that a bare mention is talk, not an order. */
export function talkProbability(model: MentionsModel, features: readonly string[]): number {
  let z = 0
  for (const k of features) z += model.weights.get(k) ?? 0
  return 1 / (1 + Math.exp(-z))
}

type Watcher = (features: string[], it: PItem) => void
let watcher: Watcher | null = null

/** For the training tool: see every bare mention's features, with the weighing off (null: back on). */
export function watchMentions(w: Watcher | null): void {
  watcher = w
}

/** The items kept, less the bare mentions the weighing reads as talk. */
export function withoutTalk(st: MessageState, keep: PItem[]): PItem[] {
  // (only beside a thing with its amount: a message of bare names — "家里没有面粉了", "要：牛奶、
  // 面包" — is all an order or none, as the rules read it; weighed, such mentions cost more orders
  // than they save)
  if (!keep.some((x) => x.hasQty && x.op === 'add')) return keep
  let talk: Set<PItem> | null = null
  for (const it of keep) {
    // (nor a category word, 水果 or 蔬菜: decide.ts keeps one only after a buying verb and after the
    // things themselves, "再随便带点时令蔬菜" — weighed too, they cost as many orders as they save)
    if (it.hasQty || it.op !== 'add' || it.generic) continue
    // (every mention is weighed against the whole list the rules kept, as in training)
    const features = mentionFeatures(st, it, keep)
    if (watcher) watcher(features, it)
    else if (talkProbability(MODEL, features) >= MODEL.threshold) (talk ??= new Set()).add(it)
  }
  return talk ? keep.filter((it) => !talk.has(it)) : keep
}
