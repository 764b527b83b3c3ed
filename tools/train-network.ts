// Training the network (classifiers/network-model.ts) on corpus lines. Deterministic: lines in the
// order given, weights initialised and examples shuffled by a seeded generator, the same float32
// arithmetic in the same order — so the same corpus gives a byte-identical file
// (tests/train-reproducible.test.ts). Adagrad; buckets seen in fewer than `minDocs` messages get
// no weight (noise, and model size).
import { normalize } from '../classifiers/normalize.ts'
import { canonical } from '../classifiers/dialect.ts'
import { assessUrgency } from '../classifiers/urgency.ts'
import { analyze } from '../classifiers/rules.ts'
import { BUCKETS, FeatureSet, extractFeatures } from '../classifiers/features.ts'
import { K, encodeNetwork, forward } from '../classifiers/network-model.ts'
import { CATEGORIES, NEEDS, type Category } from '../classifiers/types.ts'
import { prng } from './prng.ts'

export interface TrainRow {
  text: string
  category: Category
  labels: readonly Category[]
  urgent: boolean
}

export interface TrainOptions {
  hidden: number
  epochs: number
  rate: number
  l2: number
  /** how much more the urgency output's error counts than the others' */
  urgentWeight: number
  minDocs: number
  seed: number
}
export const DEFAULT_OPTIONS: TrainOptions = { hidden: 64, epochs: 8, rate: 0.05, l2: 1e-5, urgentWeight: 2, minDocs: 3, seed: 20261206 }
/**
 * The seed of each network of the ensemble (classifiers/network-model.ts NETWORK_FILES), in its
 * order: the first is the seed the single network always had; the others were the next two tried
 * when measuring how much one network's false alarms depend on its seed (docs/performance.md).
 */
export const ENSEMBLE_SEEDS = [DEFAULT_OPTIONS.seed, 1, 2] as const

/** The features of a text exactly as triage computes them at run time. */
export function featuresOf(text: string): number[] {
  const set = new FeatureSet()
  const norm = normalize(text)
  const canon = canonical(norm)
  extractFeatures(canon, assessUrgency(canon), analyze(norm), set)
  const ids = [...set.ids].sort((a, b) => a - b)
  set.clear()
  return ids
}

/** Train on rows; returns the encoded model file. `features` may pass precomputed feature lists. */
export function trainNetwork(
  rows: readonly TrainRow[],
  opts: TrainOptions = DEFAULT_OPTIONS,
  features?: (text: string) => number[],
): Buffer {
  const H = opts.hidden
  const all = rows.map((r) => ({ ids: (features ?? featuresOf)(r.text), r }))
  const df = new Uint32Array(BUCKETS)
  for (const d of all) for (const b of d.ids) df[b]++
  const docs = all.map((d) => ({ ids: d.ids.filter((b) => df[b] >= opts.minDocs), r: d.r }))
  const rnd = prng(opts.seed)
  const w1 = new Float32Array(BUCKETS * H)
  for (let b = 0; b < BUCKETS; b++) {
    if (df[b] < opts.minDocs) continue
    for (let j = 0; j < H; j++) w1[b * H + j] = (rnd() - 0.5) * 0.02
  }
  const b1 = new Float32Array(H),
    w2 = new Float32Array(H * K),
    b2 = new Float32Array(K)
  for (let i = 0; i < w2.length; i++) w2[i] = (rnd() - 0.5) * 0.2
  const g1 = new Float32Array(BUCKETS * H),
    gb1 = new Float32Array(H),
    g2 = new Float32Array(H * K),
    gb2 = new Float32Array(K)
  const net = { hidden: H, w1, b1, w2, b2 }
  const h = new Float32Array(H),
    dh = new Float32Array(H),
    out = new Float32Array(K),
    dout = new Float32Array(K)
  const target = new Float32Array(K)
  const order = docs.map((_d, i) => i)
  const eps = 1e-8
  for (let ep = 0; ep < opts.epochs; ep++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(rnd() * (i + 1))
      const t = order[i]
      order[i] = order[j]
      order[j] = t
    }
    for (const di of order) {
      const { ids, r } = docs[di]
      forward(net, ids, h, out)
      // targets: urgency, the category (one-hot), each need label
      target.fill(0)
      target[0] = r.urgent ? 1 : 0
      target[1 + CATEGORIES.indexOf(r.category)] = 1
      NEEDS.forEach((n, i) => {
        if (r.labels.includes(n)) target[1 + CATEGORIES.length + i] = 1
      })
      dout[0] = opts.urgentWeight * (1 / (1 + Math.exp(-out[0])) - target[0])
      let max = -Infinity
      for (let c = 1; c <= CATEGORIES.length; c++) max = Math.max(max, out[c])
      let sum = 0
      for (let c = 1; c <= CATEGORIES.length; c++) sum += Math.exp(out[c] - max)
      for (let c = 1; c <= CATEGORIES.length; c++) dout[c] = Math.exp(out[c] - max) / sum - target[c]
      for (let k = 1 + CATEGORIES.length; k < K; k++) dout[k] = 1 / (1 + Math.exp(-out[k])) - target[k]
      // back through the hidden layer
      for (let j = 0; j < H; j++) {
        let s = 0
        for (let k = 0; k < K; k++) s += dout[k] * w2[j * K + k]
        dh[j] = h[j] > 0 ? s : 0
      }
      for (let j = 0; j < H; j++) {
        for (let k = 0; k < K; k++) {
          const g = dout[k] * h[j]
          const idx = j * K + k
          g2[idx] += g * g
          w2[idx] -= (opts.rate * g) / Math.sqrt(g2[idx] + eps)
        }
      }
      for (let k = 0; k < K; k++) {
        gb2[k] += dout[k] * dout[k]
        b2[k] -= (opts.rate * dout[k]) / Math.sqrt(gb2[k] + eps)
      }
      for (let j = 0; j < H; j++) {
        gb1[j] += dh[j] * dh[j]
        b1[j] -= (opts.rate * dh[j]) / Math.sqrt(gb1[j] + eps)
      }
      const scale = 1 / Math.sqrt(ids.length + 1)
      for (const b of ids) {
        const base = b * H
        for (let j = 0; j < H; j++) {
          const g = dh[j] * scale + opts.l2 * w1[base + j]
          if (g === 0) continue
          g1[base + j] += g * g
          w1[base + j] -= (opts.rate * g) / Math.sqrt(g1[base + j] + eps)
        }
      }
    }
  }
  return encodeNetwork({ hidden: H, training: { examples: rows.length, ...opts } }, w1, b1, w2, b2)
}
