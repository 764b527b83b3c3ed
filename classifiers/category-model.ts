// The category model at run time: a naive Bayes model trained with natural
// (classifiers/train.ts) and exported as per-class feature counts to
// data/model/category.json. Scoring here is natural's own formula
// (apparatus BayesClassifier: log P(c) + Σ log(count(f,c) / total(c)) over the
// features present), computed sparsely in log space so long posts do not
// underflow and a call costs O(features in the message), not O(vocabulary).
// Pure at call time; the JSON is read once, at module load.
import { readFileSync } from 'node:fs'
import type { Category } from './triage.ts'
import { emitFeatures, features, isBigramFeature } from './segment.ts'
import { analyze, factFeatures, type Facts } from './rules.ts'

export interface CategoryModelFile {
  format: 'louguanjia-nb/1'
  trainer: string
  classes: Category[]
  smoothing: number
  totalExamples: number
  classTotals: number[]
  /** per need (classes without other, in order): messages carrying that label, + smoothing */
  labelTotals: number[]
  /**
   * feature → natural's counts (document frequency + smoothing, 0 where unseen): first per
   * primary class, then per need among the messages that carry that label
   */
  features: Record<string, number[]>
}

/** Feature tokens the model sees for a normalised text (segmentation + rule features). */
export function modelFeatures(text: string, facts?: Facts): string[] {
  if (!facts || typeof facts !== 'object') facts = analyze(text)
  const f = features(text)
  for (const x of factFeatures(facts)) f.push(x)
  return f
}

export const MODEL_URL = new URL('../data/model/category.json', import.meta.url)

/**
 * Open-addressing hash table from a CJK bigram (two UTF-16 code units) to a table row:
 * the hot lookup of the scorer, with no strings and no heap numbers.
 */
class BigramTable {
  private readonly keys: Int32Array
  private readonly rows: Int32Array
  private readonly mask: number
  constructor(capacity: number) {
    let size = 16
    while (size < capacity * 2) size <<= 1
    this.mask = size - 1
    this.keys = new Int32Array(size * 2).fill(-1)
    this.rows = new Int32Array(size)
  }
  private slot(a: number, b: number): number {
    return (Math.imul(a, 0x9e3779b1) ^ Math.imul(b, 0x85ebca6b)) >>> 0 & this.mask
  }
  set(a: number, b: number, row: number): void {
    let i = this.slot(a, b)
    while (this.keys[2 * i] !== -1 && !(this.keys[2 * i] === a && this.keys[2 * i + 1] === b)) i = (i + 1) & this.mask
    this.keys[2 * i] = a
    this.keys[2 * i + 1] = b
    this.rows[i] = row
  }
  /** the row, or -1 */
  get(a: number, b: number): number {
    let i = this.slot(a, b)
    for (;;) {
      const k = this.keys[2 * i]
      if (k === -1) return -1
      if (k === a && this.keys[2 * i + 1] === b) return this.rows[i]
      i = (i + 1) & this.mask
    }
  }
}

interface LoadedModel {
  classes: Category[]
  prior: Float64Array
  /** feature → row in table (words, shapes, rule features) */
  index: Map<string, number>
  /** CJK bigram → row in table */
  bigrams: BigramTable
  /** per row: k class weights (log-likelihood of the feature being present), then n label log-odds */
  table: Float64Array
  stride: number
  /** one-vs-rest per need: log prior odds, and per feature log P(f|yes) - log P(f|no) */
  needs: Category[]
  labelPrior: Float64Array
}

export type Scoring = 'natural' | 'multinomial' | 'bernoulli'
/**
 * How counts become feature weights.
 *  - natural: apparatus's own formula, log((df+1)/(N_c+1)), unseen → log(1/(N_c+1)): it
 *    penalises unseen features more in bigger classes, which pulls short texts towards the
 *    smallest class;
 *  - multinomial: the same counts as a multinomial NB over feature occurrences,
 *    log((df+α)/(Σdf_c + αV)): each class's feature mass sums to one;
 *  - bernoulli: the full Bernoulli NB, with absent features folded into a per-class constant.
 */
export const SCORING: Scoring = 'multinomial'

function load(file: CategoryModelFile, scoring: Scoring = SCORING): LoadedModel {
  const k = file.classes.length
  const a = file.smoothing
  const entries = Object.entries(file.features)
  const V = entries.length
  // natural stores df + smoothing (0 when unseen)
  const df = (counts: number[], c: number) => (counts[c] > 0 ? counts[c] - a : 0)
  const mass = new Float64Array(k)
  for (const [, counts] of entries) for (let c = 0; c < k; c++) mass[c] += df(counts, c)
  const prior = Float64Array.from(file.classTotals, (t) => Math.log(t / file.totalExamples))
  const docs = file.classTotals.map((t) => t - 1)
  const weights = new Map<string, Float64Array>()
  const absent = new Float64Array(k) // bernoulli: Σ_f log(1 - p(f|c))
  for (const [f, counts] of entries) {
    const w = new Float64Array(k)
    for (let c = 0; c < k; c++) {
      const d = df(counts, c)
      if (scoring === 'natural') w[c] = Math.log(d > 0 ? d + a : a) - Math.log(file.classTotals[c])
      else if (scoring === 'multinomial') w[c] = Math.log((d + a) / (mass[c] + a * V))
      else {
        const pf = (d + a) / (docs[c] + 2 * a)
        w[c] = Math.log(pf) - Math.log(1 - pf)
        absent[c] += Math.log(1 - pf)
      }
    }
    weights.set(f, w)
  }
  if (scoring === 'bernoulli') for (let c = 0; c < k; c++) prior[c] += absent[c]

  // one-vs-rest label models (multinomial over the same features): "no" counts are all
  // documents minus "yes" documents
  const needs = file.classes.filter((c) => c !== 'other')
  const n = needs.length
  const allDocs = file.totalExamples - 1
  const yesMass = new Float64Array(n), noMass = new Float64Array(n)
  const total = (counts: number[]) => { let t = 0; for (let c = 0; c < k; c++) t += df(counts, c); return t }
  for (const [, counts] of entries) {
    const t = total(counts)
    for (let j = 0; j < n; j++) { const y = df(counts, k + j); yesMass[j] += y; noMass[j] += t - y }
  }
  const labelPrior = Float64Array.from(needs, (_c, j) => {
    const yes = (file.labelTotals?.[j] ?? 1) - 1
    return Math.log((yes + 1) / (allDocs - yes + 1))
  })
  const stride = k + n
  const table = new Float64Array(V * stride)
  const index = new Map<string, number>()
  const bigrams = new BigramTable(entries.length)
  entries.forEach(([f, counts], row) => {
    if (isBigramFeature(f)) bigrams.set(f.charCodeAt(0), f.charCodeAt(1), row)
    else index.set(f, row)
    const base = row * stride
    const w = weights.get(f) as Float64Array
    for (let c = 0; c < k; c++) table[base + c] = w[c]
    const t = total(counts)
    for (let j = 0; j < n; j++) {
      const y = df(counts, k + j)
      table[base + k + j] = Math.log((y + a) / (yesMass[j] + a * V)) - Math.log((t - y + a) / (noMass[j] + a * V))
    }
  })
  return { classes: file.classes, prior, index, bigrams, table, stride, needs, labelPrior }
}

/** Replace the model in memory (cross-validation and tests); null reloads the file. */
export function useModel(file: CategoryModelFile | null, scoring: Scoring = SCORING): void {
  model = file ? load(file, scoring) : null
  if (!file) getModel()
}

let model: LoadedModel | null = null
function getModel(): LoadedModel | null {
  if (model) return model
  try {
    model = load(JSON.parse(readFileSync(MODEL_URL, 'utf8')) as CategoryModelFile)
  } catch {
    model = null
  }
  return model
}
// load eagerly, so start-up cost is paid once and measured as model load
getModel()

export interface CategoryScores {
  classes: readonly Category[]
  /** per need: probability that the message carries that label (one-vs-rest) */
  labelProbs: Map<Category, number>
  /** posterior-like probabilities (softmax of the log scores, tempered for long texts) */
  probs: number[]
  /** number of known features that contributed */
  known: number
}

function uniform(): CategoryScores {
  const classes: Category[] = ['medical', 'repair', 'grocery', 'pet', 'emotional', 'other']
  return { classes, probs: classes.map(() => 1 / classes.length), labelProbs: new Map(), known: 0 }
}

/** Score a feature list (strings, as `modelFeatures` gives them). With no model every class is equally likely. */
export function scoreFeatures(feats: string[]): CategoryScores {
  const m = getModel()
  if (!m) return uniform()
  const rows = new Set<number>()
  for (const f of feats) {
    const row = isBigramFeature(f) ? m.bigrams.get(f.charCodeAt(0), f.charCodeAt(1)) : (m.index.get(f) ?? -1)
    if (row >= 0) rows.add(row)
  }
  return scoreRows(m, rows)
}

/** Collects table rows for the current text; one instance, so the hot path allocates no closures. */
class RowSink {
  model: LoadedModel | null = null
  readonly rows = new Set<number>()
  word(f: string): void {
    const r = (this.model as LoadedModel).index.get(f)
    if (r !== undefined) this.rows.add(r)
  }
  bigram(a: number, b: number): void {
    const r = (this.model as LoadedModel).bigrams.get(a, b)
    if (r >= 0) this.rows.add(r)
  }
}
const SINK = new RowSink()

/**
 * Score a normalised text directly: the same features as `modelFeatures(text, facts)`,
 * looked up without building feature strings for the bigrams (the hot path of triage).
 */
export function scoreText(text: string, facts?: Facts): CategoryScores {
  const m = getModel()
  if (!m) return uniform()
  if (!facts || typeof facts !== 'object') facts = analyze(text)
  SINK.model = m
  SINK.rows.clear()
  emitFeatures(text, SINK)
  for (const f of factFeatures(facts)) SINK.word(f)
  return scoreRows(m, SINK.rows)
}

function scoreRows(m: LoadedModel, rows: Set<number>): CategoryScores {
  const k = m.classes.length
  const n = m.needs.length
  const s = Float64Array.from(m.prior)
  const ls = Float64Array.from(m.labelPrior)
  const { table, stride } = m
  const known = rows.size
  for (const row of rows) {
    const base = row * stride
    for (let c = 0; c < k; c++) s[c] += table[base + c]
    for (let j = 0; j < n; j++) ls[j] += table[base + k + j]
  }
  // natural's scores are extreme for long texts: temper by the number of features so
  // that confidence stays comparable between a 5-character and a 500-character message
  const temper = 1 + known / 12
  let max = -Infinity
  for (let c = 0; c < k; c++) if (s[c] > max) max = s[c]
  let sum = 0
  const probs = new Array<number>(k)
  for (let c = 0; c < k; c++) { probs[c] = Math.exp((s[c] - max) / temper); sum += probs[c] }
  for (let c = 0; c < k; c++) probs[c] /= sum
  const labelProbs = new Map<Category, number>()
  for (let j = 0; j < n; j++) labelProbs.set(m.needs[j], 1 / (1 + Math.exp(-ls[j] / temper)))
  return { classes: m.classes, probs, labelProbs, known }
}


export function modelLoaded(): boolean {
  return getModel() !== null
}
