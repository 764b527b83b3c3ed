// A logistic regression over the same hashed features as the network (classifiers/features.ts),
// kept only to be measured against it (tools/compare-models.ts). It was the run-time model for a
// while: trained in-house (tools/train-linear.ts) because natural's logistic regression keeps
// dense matrices and cannot hold a vocabulary of character n-grams. One weight row per hash
// bucket, one column per output; outputs are grouped into independent binary outputs (urgent,
// each need label) and one softmax (the primary category).
//
// File (data/model/linear.bin): the magic line, a JSON header, the used bucket ids, then int16
// weights scaled per output. Read once, at module load; a missing or malformed file is an error
// that names it.
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { DataFileError, DATA_DIR } from '../classifiers/data-file.ts'
import { BUCKETS, HASH_BITS } from '../classifiers/features.ts'

export const LINEAR_MODEL_URL = new URL('model/linear.bin', DATA_DIR)
const MAGIC = 'louguanjia-linear/1\n'

export interface OutputGroup {
  name: string
  kind: 'binary' | 'softmax'
  /** output names, in column order */
  outputs: string[]
}

export interface LinearHeader {
  format: 'louguanjia-linear/1'
  hashBits: number
  groups: OutputGroup[]
  /** per output column: int16 weight × scale = weight */
  scales: number[]
  /** what the model was trained on and how (for people; not read at run time) */
  training: Record<string, unknown>
}

export interface LinearModel {
  header: LinearHeader
  /** all output names in column order */
  columns: string[]
  /** dense weights: bucket × columns */
  weights: Float32Array
}

/** Serialise dense weights (bucket × columns) as the file format, keeping only used buckets. */
export function encodeLinear(header: Omit<LinearHeader, 'scales'>, weights: Float64Array | Float32Array): Buffer {
  const columns = header.groups.flatMap((g) => g.outputs)
  const k = columns.length
  const used: number[] = []
  for (let b = 0; b < BUCKETS; b++) {
    for (let o = 0; o < k; o++)
      if (weights[b * k + o] !== 0) {
        used.push(b)
        break
      }
  }
  const scales = columns.map((_c, o) => {
    let max = 0
    for (const b of used) max = Math.max(max, Math.abs(weights[b * k + o]))
    return max > 0 ? max / 32767 : 1
  })
  const q = new Int16Array(used.length * k)
  used.forEach((b, i) => {
    for (let o = 0; o < k; o++) q[i * k + o] = Math.round(weights[b * k + o] / scales[o])
  })
  const head = Buffer.from(JSON.stringify({ ...header, scales }), 'utf8')
  const ids = Int32Array.from(used)
  const lens = Buffer.alloc(8)
  lens.writeUInt32LE(head.length, 0)
  lens.writeUInt32LE(used.length, 4)
  return Buffer.concat([Buffer.from(MAGIC, 'utf8'), lens, head, Buffer.from(ids.buffer), Buffer.from(q.buffer)])
}

export function decodeLinear(buf: Buffer, name = 'data/model/linear.bin'): LinearModel {
  const fail = (d: string) => new DataFileError(name, null, d)
  if (buf.length < MAGIC.length + 8 || buf.toString('utf8', 0, MAGIC.length) !== MAGIC)
    throw fail('not a louguanjia linear model (bad magic); run `npm run train`')
  let at = MAGIC.length
  const headLen = buf.readUInt32LE(at)
  const n = buf.readUInt32LE(at + 4)
  at += 8
  let header: LinearHeader
  try {
    header = JSON.parse(buf.toString('utf8', at, at + headLen)) as LinearHeader
  } catch {
    throw fail('header is not JSON')
  }
  at += headLen
  if (header.hashBits !== HASH_BITS) throw fail(`trained with ${header.hashBits} hash bits, the code uses ${HASH_BITS}; retrain`)
  const columns = header.groups.flatMap((g) => g.outputs)
  const k = columns.length
  if (header.scales.length !== k) throw fail('scales do not match the outputs')
  if (buf.length !== at + n * 4 + n * k * 2) throw fail(`truncated or padded: ${buf.length} bytes, expected ${at + n * 4 + n * k * 2}`)
  const ids = new Int32Array(buf.buffer.slice(buf.byteOffset + at, buf.byteOffset + at + n * 4))
  at += n * 4
  const q = new Int16Array(buf.buffer.slice(buf.byteOffset + at, buf.byteOffset + at + n * k * 2))
  const weights = new Float32Array(BUCKETS * k)
  for (let i = 0; i < n; i++) {
    const b = ids[i]
    if (b < 0 || b >= BUCKETS) throw fail(`bucket ${b} out of range`)
    for (let o = 0; o < k; o++) weights[b * k + o] = q[i * k + o] * header.scales[o]
  }
  return { header, columns, weights }
}

function loadFile(): LinearModel {
  let buf: Buffer
  try {
    buf = readFileSync(LINEAR_MODEL_URL)
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code
    throw new DataFileError(
      'data/model/linear.bin',
      null,
      code === 'ENOENT' ? `missing (expected at ${fileURLToPath(LINEAR_MODEL_URL)}); run \`npm run train\`` : `unreadable: ${code}`,
    )
  }
  return decodeLinear(buf)
}

// Loaded on first use (triage's module load uses it), so the trainer can import this file
// before a model exists.
let model: LinearModel | null = null

/** Replace the model in memory (training and tests); null reloads the file. */
export function useLinearModel(m: LinearModel | null): void {
  model = m ?? loadFile()
}

export function linearModel(): LinearModel {
  return (model ??= loadFile())
}

export interface LinearScores {
  /** probability per binary output */
  binary: Map<string, number>
  /** per softmax group: output → probability */
  softmax: Map<string, Map<string, number>>
}

const scratch = { buf: new Float64Array(64) }

/** Score a set of feature buckets. */
export function scoreLinear(ids: readonly number[], m: LinearModel = linearModel()): LinearScores {
  const k = m.columns.length
  if (scratch.buf.length < k) scratch.buf = new Float64Array(k)
  const s = scratch.buf
  s.fill(0, 0, k)
  const w = m.weights
  for (const b of ids) {
    const base = b * k
    for (let o = 0; o < k; o++) s[o] += w[base + o]
  }
  const binary = new Map<string, number>()
  const softmax = new Map<string, Map<string, number>>()
  let col = 0
  for (const g of m.header.groups) {
    if (g.kind === 'binary') {
      for (const name of g.outputs) binary.set(name, 1 / (1 + Math.exp(-s[col++])))
    } else {
      let max = -Infinity
      for (let o = 0; o < g.outputs.length; o++) max = Math.max(max, s[col + o])
      let sum = 0
      const e = g.outputs.map((_n, o) => {
        const v = Math.exp(s[col + o] - max)
        sum += v
        return v
      })
      softmax.set(g.name, new Map(g.outputs.map((n, o) => [n, e[o] / sum])))
      col += g.outputs.length
    }
  }
  return { binary, softmax }
}
