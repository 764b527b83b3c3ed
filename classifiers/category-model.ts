// The category model at run time: a naive Bayes model trained with natural
// (classifiers/train.ts) and exported as per-class feature counts to
// data/model/category.json. Scoring here is natural's own formula
// (apparatus BayesClassifier: log P(c) + Σ log(count(f,c) / total(c)) over the
// features present), computed sparsely in log space so long posts do not
// underflow and a call costs O(features in the message), not O(vocabulary).
// Pure at call time; the JSON is read once, at module load.
import { readFileSync } from 'node:fs'
import type { Category } from './triage.ts'
import { features } from './segment.ts'
import { ruleFeatures } from './rules.ts'

export interface CategoryModelFile {
  format: 'louguanjia-nb/1'
  trainer: string
  classes: Category[]
  smoothing: number
  totalExamples: number
  classTotals: number[]
  /** feature → natural's per-class count (document frequency + smoothing), 0 where unseen */
  features: Record<string, number[]>
}

/** Feature tokens the model sees for a normalised text (segmentation + rule features). */
export function modelFeatures(text: string): string[] {
  return features(text).concat(ruleFeatures(text))
}

export const MODEL_URL = new URL('../data/model/category.json', import.meta.url)

interface LoadedModel {
  classes: Category[]
  prior: Float64Array
  unseen: Float64Array // log(smoothing / total(c))
  weights: Map<string, Float64Array> // log(count(f,c) / total(c))
}

function load(file: CategoryModelFile): LoadedModel {
  const k = file.classes.length
  const logTotal = file.classTotals.map((t) => Math.log(t))
  const prior = Float64Array.from(file.classTotals, (t) => Math.log(t / file.totalExamples))
  const unseen = Float64Array.from(logTotal, (lt) => Math.log(file.smoothing) - lt)
  const weights = new Map<string, Float64Array>()
  for (const [f, counts] of Object.entries(file.features)) {
    const w = new Float64Array(k)
    for (let c = 0; c < k; c++) w[c] = counts[c] > 0 ? Math.log(counts[c]) - logTotal[c] : unseen[c]
    weights.set(f, w)
  }
  return { classes: file.classes, prior, unseen, weights }
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
  /** posterior-like probabilities (softmax of the log scores, tempered for long texts) */
  probs: number[]
  /** number of known features that contributed */
  known: number
}

/** Score a feature list. With no model on disk every class is equally likely. */
export function scoreFeatures(feats: string[]): CategoryScores {
  const m = getModel()
  if (!m) {
    const classes: Category[] = ['medical', 'repair', 'grocery', 'pet', 'emotional', 'other']
    return { classes, probs: classes.map(() => 1 / classes.length), known: 0 }
  }
  const k = m.classes.length
  const s = Float64Array.from(m.prior)
  let known = 0
  for (const f of feats) {
    const w = m.weights.get(f)
    if (!w) continue
    known++
    for (let c = 0; c < k; c++) s[c] += w[c]
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
  return { classes: m.classes, probs, known }
}

export function scoreText(text: string): CategoryScores {
  return scoreFeatures(modelFeatures(text))
}

export function modelLoaded(): boolean {
  return getModel() !== null
}
