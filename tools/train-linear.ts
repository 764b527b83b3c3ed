// Training the linear model (linear-model.ts) on data/corpus/. Deterministic: the corpus is
// read in file and line order, shuffled by a seeded generator, and trained by Adagrad with the
// same arithmetic in the same order, so retraining the same corpus gives a byte-identical file
// (tests/train-reproducible.test.ts).
import { BUCKETS, HASH_BITS } from '../classifiers/features.ts'
import { encodeLinear, type LinearHeader, type OutputGroup } from './linear-model.ts'
import { CATEGORIES, NEEDS, type Category } from '../classifiers/types.ts'
import { prng } from './prng.ts'
import { featuresOf } from './train-network.ts'

export interface TrainRow {
  text: string
  category: Category
  labels: Category[]
  urgent: boolean
}

export interface TrainOptions {
  epochs: number
  /** Adagrad base learning rate */
  rate: number
  /** L2 penalty per update on the weights an example touches */
  l2: number
  seed: number
  /** a bucket seen in fewer training messages than this gets no weight (noise, and model size) */
  minDocs: number
}
export const DEFAULT_OPTIONS: TrainOptions = { epochs: 12, rate: 0.2, l2: 1e-5, seed: 20261206, minDocs: 3 }

export const GROUPS: OutputGroup[] = [
  { name: 'urgent', kind: 'binary', outputs: ['urgent'] },
  { name: 'category', kind: 'softmax', outputs: [...CATEGORIES] },
  { name: 'labels', kind: 'binary', outputs: NEEDS.map((n) => 'label:' + n) },
]

/** Train on rows; returns the encoded model file. */
export function trainLinear(
  rows: readonly TrainRow[],
  opts: TrainOptions = DEFAULT_OPTIONS,
  training: Record<string, unknown> = {},
): Buffer {
  const columns = GROUPS.flatMap((g) => g.outputs)
  const k = columns.length
  const all = rows.map((r) => ({ ids: featuresOf(r.text), r }))
  const df = new Uint32Array(BUCKETS)
  for (const d of all) for (const b of d.ids) df[b]++
  const docs = all.map((d) => ({ ids: d.ids.filter((b) => df[b] >= opts.minDocs), r: d.r }))
  const w = new Float64Array(BUCKETS * k)
  const g2 = new Float64Array(BUCKETS * k)
  const order = docs.map((_d, i) => i)
  const rnd = prng(opts.seed)
  const s = new Float64Array(k)
  const grad = new Float64Array(k)
  for (let epoch = 0; epoch < opts.epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(rnd() * (i + 1))
      const t = order[i]
      order[i] = order[j]
      order[j] = t
    }
    for (const di of order) {
      const { ids, r } = docs[di]
      s.fill(0)
      for (const b of ids) for (let o = 0; o < k; o++) s[o] += w[b * k + o]
      // binary outputs: gradient p - y
      let col = 0
      for (const g of GROUPS) {
        if (g.kind === 'binary') {
          for (const name of g.outputs) {
            const y = name === 'urgent' ? (r.urgent ? 1 : 0) : r.labels.includes(name.slice(6) as Category) ? 1 : 0
            grad[col] = 1 / (1 + Math.exp(-s[col])) - y
            col++
          }
        } else {
          let max = -Infinity
          for (let o = 0; o < g.outputs.length; o++) max = Math.max(max, s[col + o])
          let sum = 0
          for (let o = 0; o < g.outputs.length; o++) sum += Math.exp(s[col + o] - max)
          for (let o = 0; o < g.outputs.length; o++)
            grad[col + o] = Math.exp(s[col + o] - max) / sum - (g.outputs[o] === r.category ? 1 : 0)
          col += g.outputs.length
        }
      }
      for (const b of ids) {
        const base = b * k
        for (let o = 0; o < k; o++) {
          const gr = grad[o] + opts.l2 * w[base + o]
          if (gr === 0) continue
          g2[base + o] += gr * gr
          w[base + o] -= (opts.rate * gr) / Math.sqrt(g2[base + o])
        }
      }
    }
  }
  const header: Omit<LinearHeader, 'scales'> = {
    format: 'louguanjia-linear/1',
    hashBits: HASH_BITS,
    groups: GROUPS,
    training: { examples: rows.length, ...opts, ...training },
  }
  return encodeLinear(header, w)
}
