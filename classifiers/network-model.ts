// The learned model at run time: a network with one hidden layer over hashed features
// (features.ts). Each feature bucket has a row of H input weights; a message's hidden layer is
// the ReLU of the sum of its buckets' rows (scaled by 1/√(n+1), so long posts and short replies
// live on one scale) plus a bias; the outputs are one urgency probability, one softmax over the
// categories and one probability per need label. Measured against natural's naive Bayes and a
// logistic regression over the same features (docs/design-notes.md): the hidden layer learns
// combinations ("someone" and "not moving"; a cue and what switched it off) that a linear model
// cannot, and ranks emergencies by writers it never saw clearly better.
//
// Trained in-house (tools/train-network.ts), deterministically. File (data/model/network.bin):
// the magic line, a JSON header, the used bucket ids, their int8 input rows (one scale per
// hidden unit), then float32 hidden biases, output weights and output biases. Read once, on
// first use; a missing or malformed file is an error that names it.
//
// Three such networks, trained alike from three seeds (network.bin, network-2.bin,
// network-3.bin), score every message together: their outputs are averaged before the
// sigmoid and softmax. One network's false alarms on calm text moved with its seed alone (calm-10:
// 17 to 39 per 5,000 over five seeds of the same corpus), so every retraining was a draw; the
// average of three keeps what they agree on (docs/performance.md).
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { DataFileError, DATA_DIR } from './data-file.ts'
import { BUCKETS, HASH_BITS } from './features.ts'
import { CATEGORIES, NEEDS, type Category, type Need } from './types.ts'

/** The ensemble's files, in the order tools/train.ts trains them (its seeds: ENSEMBLE_SEEDS). */
export const NETWORK_FILES = ['network.bin', 'network-2.bin', 'network-3.bin'] as const
export const NETWORK_MODEL_URLS = NETWORK_FILES.map((f) => new URL('model/' + f, DATA_DIR))
export const NETWORK_MODEL_URL = NETWORK_MODEL_URLS[0]
const MAGIC = 'louguanjia-network/1\n'
const FILE = 'data/model/network.bin'

/** Output layout: urgency, the categories (softmax), then one probability per need label. */
export const OUTPUTS = ['urgent', ...CATEGORIES, ...NEEDS.map((n) => 'label:' + n)] as const
export const K = OUTPUTS.length
const CAT0 = 1
const LAB0 = 1 + CATEGORIES.length

export interface NetworkHeader {
  format: 'louguanjia-network/1'
  hashBits: number
  hidden: number
  outputs: readonly string[]
  /** what the model was trained on and how (for people; not read at run time) */
  training: Record<string, unknown>
}

export interface Network {
  header: NetworkHeader
  hidden: number
  /**
   * bucket × hidden input weights as stored, int8, dense over all buckets (unused ones zero): a
   * bucket's row is one 64-byte cache line, where float32 rows took four — the forward pass is
   * mostly memory reads. Held in offset binary (weight + 128, a byte 0–255) and read four bytes
   * at a time, so the sums run two lanes to an integer (forwardStored).
   */
  rows: Int32Array
  /** per hidden unit: int8 weight × scale = weight */
  scales: Float32Array
  b1: Float32Array
  /** hidden × outputs */
  w2: Float32Array
  b2: Float32Array
}

export function encodeNetwork(
  header: Omit<NetworkHeader, 'format' | 'hashBits' | 'outputs'>,
  w1: Float32Array,
  b1: Float32Array,
  w2: Float32Array,
  b2: Float32Array,
): Buffer {
  const H = header.hidden
  const used: number[] = []
  for (let b = 0; b < BUCKETS; b++) {
    for (let j = 0; j < H; j++)
      if (w1[b * H + j] !== 0) {
        used.push(b)
        break
      }
  }
  const scales = new Float32Array(H)
  for (let j = 0; j < H; j++) {
    let max = 0
    for (const b of used) max = Math.max(max, Math.abs(w1[b * H + j]))
    scales[j] = max > 0 ? max / 127 : 1
  }
  const q = new Int8Array(used.length * H)
  used.forEach((b, i) => {
    for (let j = 0; j < H; j++) q[i * H + j] = Math.round(w1[b * H + j] / scales[j])
  })
  const head = Buffer.from(JSON.stringify({ format: 'louguanjia-network/1', hashBits: HASH_BITS, outputs: OUTPUTS, ...header }), 'utf8')
  const lens = Buffer.alloc(8)
  lens.writeUInt32LE(head.length, 0)
  lens.writeUInt32LE(used.length, 4)
  const f32 = (a: Float32Array) => Buffer.from(a.buffer, a.byteOffset, a.byteLength)
  return Buffer.concat([
    Buffer.from(MAGIC, 'utf8'),
    lens,
    head,
    Buffer.from(Int32Array.from(used).buffer),
    Buffer.from(q.buffer),
    f32(scales),
    f32(b1),
    f32(w2),
    f32(b2),
  ])
}

export function decodeNetwork(buf: Buffer, name = FILE): Network {
  const fail = (d: string) => new DataFileError(name, null, d)
  if (buf.length < MAGIC.length + 8 || buf.toString('utf8', 0, MAGIC.length) !== MAGIC)
    throw fail('not a louguanjia network model (bad magic); run `npm run train`')
  let at = MAGIC.length
  const headLen = buf.readUInt32LE(at)
  const n = buf.readUInt32LE(at + 4)
  at += 8
  let header: NetworkHeader
  try {
    header = JSON.parse(buf.toString('utf8', at, at + headLen)) as NetworkHeader
  } catch {
    throw fail('header is not JSON')
  }
  at += headLen
  if (header.hashBits !== HASH_BITS) throw fail(`trained with ${header.hashBits} hash bits, the code uses ${HASH_BITS}; retrain`)
  if (JSON.stringify(header.outputs) !== JSON.stringify(OUTPUTS)) throw fail('its outputs are not the ones the code reads; retrain')
  const H = header.hidden
  if (!Number.isInteger(H) || H <= 0 || H > 1024) throw fail(`bad hidden size ${H}`)
  const expected = at + n * 4 + n * H + 4 * (H + H + H * K + K)
  if (buf.length !== expected) throw fail(`truncated or padded: ${buf.length} bytes, expected ${expected}`)
  const slice = (len: number) => {
    const b = buf.subarray(at, at + len)
    at += len
    return new Uint8Array(b).buffer
  }
  const ids = new Int32Array(slice(n * 4))
  const q = new Int8Array(slice(n * H))
  const scales = new Float32Array(slice(4 * H))
  const b1 = new Float32Array(slice(4 * H))
  const w2 = new Float32Array(slice(4 * H * K))
  const b2 = new Float32Array(slice(4 * K))
  // the forward pass reads four 32-bit words (sixteen units) at a time
  if (H % 16 !== 0) throw fail(`hidden size ${H} is not a multiple of 16`)
  // every weight 0 (byte 128) where no bucket is stored
  const bytes = new Uint8Array(BUCKETS * H).fill(128)
  for (let i = 0; i < n; i++) {
    const b = ids[i]
    if (b < 0 || b >= BUCKETS) throw fail(`bucket ${b} out of range`)
    for (let j = 0; j < H; j++) bytes[b * H + j] = q[i * H + j] + 128
  }
  return { header, hidden: H, rows: new Int32Array(bytes.buffer), scales, b1, w2, b2 }
}

function loadFile(url: URL): Network {
  const name = 'data/model/' + fileURLToPath(url).split(/[\\/]/).pop()
  let buf: Buffer
  try {
    buf = readFileSync(url)
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code
    throw new DataFileError(
      name,
      null,
      code === 'ENOENT' ? `missing (expected at ${fileURLToPath(url)}); run \`npm run train\`` : `unreadable: ${code}`,
    )
  }
  return decodeNetwork(buf, name)
}

// Loaded on first use (triage's warm-up at start-up uses it), so the trainer can import this file
// before a model exists.
let models: Network[] | null = null

/** Replace the ensemble in memory (training and tests) by one network or several; null reloads the files. */
export function useNetwork(m: Network | Network[] | null): void {
  models = m === null ? NETWORK_MODEL_URLS.map(loadFile) : Array.isArray(m) ? m : [m]
}

/** The first network of the ensemble. */
export function network(): Network {
  return ensemble()[0]
}

export function ensemble(): Network[] {
  return (models ??= NETWORK_MODEL_URLS.map(loadFile))
}

export interface NetworkScores {
  pUrgent: number
  categories: Map<Category, number>
  labels: Map<Need, number>
}

/** The float weights training works on. */
export interface FloatNetwork {
  hidden: number
  w1: Float32Array
  b1: Float32Array
  w2: Float32Array
  b2: Float32Array
}

/** The hidden layer and raw outputs of a set of buckets, on float weights (training). */
export function forward(net: FloatNetwork, ids: readonly number[], h: Float32Array, out: Float32Array): void {
  const H = net.hidden
  const scale = 1 / Math.sqrt(ids.length + 1)
  for (let j = 0; j < H; j++) h[j] = 0
  for (const b of ids) {
    const base = b * H
    for (let j = 0; j < H; j++) h[j] += net.w1[base + j]
  }
  for (let j = 0; j < H; j++) {
    const v = h[j] * scale + net.b1[j]
    h[j] = v > 0 ? v : 0
  }
  for (let k = 0; k < K; k++) {
    let s = net.b2[k]
    for (let j = 0; j < H; j++) s += h[j] * net.w2[j * K + k]
    out[k] = s
  }
}

/** Rows summed into the 16-bit lanes before they are emptied: 257 × 255 < 65,536. */
const LANE_ROWS = 257

/**
 * The same on the stored int8 weights (run time): integer sums, scaled once per hidden unit.
 * Four offset-binary weights come in one 32-bit read; the even and the odd bytes are summed two to
 * an integer (16-bit lanes, masked apart), and every LANE_ROWS rows the lanes are emptied into
 * the per-unit sums, less the 128 each row added. Exact.
 *
 * The lanes are local variables, four words (sixteen hidden units) per pass over the buckets,
 * not typed-array cells: V8 keeps locals in registers as 32-bit integers, where a Uint32Array
 * cell above 2³¹ went through a double on every add. Four passes over ~90 rows that sit in the
 * L1 cache after the first cost less than the stores: 24 µs a text became ~6–10 µs
 * (`forwardStored` was the largest single cost of a distinct text, 15 % of it).
 */
function forwardStored(net: Network, ids: readonly number[], acc: Int32Array, h: Float32Array, out: Float32Array): void {
  const H = net.hidden
  const W = H >> 2
  const rows = net.rows
  const n = ids.length
  const scale = 1 / Math.sqrt(n + 1)
  acc.fill(0, 0, H)
  for (let from = 0; from < n; from += LANE_ROWS) {
    const to = Math.min(n, from + LANE_ROWS)
    const bias = 128 * (to - from)
    for (let k = 0; k < W; k += 4) {
      let e0 = 0,
        e1 = 0,
        e2 = 0,
        e3 = 0,
        o0 = 0,
        o1 = 0,
        o2 = 0,
        o3 = 0
      for (let i = from; i < to; i++) {
        const at = ids[i] * W + k
        const x0 = rows[at],
          x1 = rows[at + 1],
          x2 = rows[at + 2],
          x3 = rows[at + 3]
        e0 = (e0 + (x0 & 0x00ff00ff)) | 0
        o0 = (o0 + ((x0 >>> 8) & 0x00ff00ff)) | 0
        e1 = (e1 + (x1 & 0x00ff00ff)) | 0
        o1 = (o1 + ((x1 >>> 8) & 0x00ff00ff)) | 0
        e2 = (e2 + (x2 & 0x00ff00ff)) | 0
        o2 = (o2 + ((x2 >>> 8) & 0x00ff00ff)) | 0
        e3 = (e3 + (x3 & 0x00ff00ff)) | 0
        o3 = (o3 + ((x3 >>> 8) & 0x00ff00ff)) | 0
      }
      // word w holds units 4w..4w+3: its even lanes units 4w and 4w+2, its odd lanes 4w+1 and 4w+3
      const j = 4 * k
      acc[j] += (e0 & 0xffff) - bias
      acc[j + 1] += (o0 & 0xffff) - bias
      acc[j + 2] += (e0 >>> 16) - bias
      acc[j + 3] += (o0 >>> 16) - bias
      acc[j + 4] += (e1 & 0xffff) - bias
      acc[j + 5] += (o1 & 0xffff) - bias
      acc[j + 6] += (e1 >>> 16) - bias
      acc[j + 7] += (o1 >>> 16) - bias
      acc[j + 8] += (e2 & 0xffff) - bias
      acc[j + 9] += (o2 & 0xffff) - bias
      acc[j + 10] += (e2 >>> 16) - bias
      acc[j + 11] += (o2 >>> 16) - bias
      acc[j + 12] += (e3 & 0xffff) - bias
      acc[j + 13] += (o3 & 0xffff) - bias
      acc[j + 14] += (e3 >>> 16) - bias
      acc[j + 15] += (o3 >>> 16) - bias
    }
  }
  for (let j = 0; j < H; j++) {
    const v = acc[j] * net.scales[j] * scale + net.b1[j]
    h[j] = v > 0 ? v : 0
  }
  for (let k = 0; k < K; k++) {
    let s = net.b2[k]
    for (let j = 0; j < H; j++) s += h[j] * net.w2[j * K + k]
    out[k] = s
  }
}

const scratch = { acc: new Int32Array(64), h: new Float32Array(64), out: new Float32Array(K), sum: new Float32Array(K) }

/** The scores of a message's buckets: by one network when given, else by the ensemble's average. */
export function scoreNetwork(ids: readonly number[], net?: Network): NetworkScores {
  const nets = net ? [net] : ensemble()
  for (const n of nets)
    if (scratch.h.length < n.hidden) {
      scratch.h = new Float32Array(n.hidden)
      scratch.acc = new Int32Array(n.hidden)
    }
  const { acc, h } = scratch
  const total = scratch.sum
  let out = scratch.out
  forwardStored(nets[0], ids, acc, h, out)
  if (nets.length > 1) {
    total.set(out)
    for (let m = 1; m < nets.length; m++) {
      forwardStored(nets[m], ids, acc, h, out)
      for (let k = 0; k < K; k++) total[k] += out[k]
    }
    for (let k = 0; k < K; k++) total[k] /= nets.length
    out = total
  }
  let max = -Infinity
  for (let c = 0; c < CATEGORIES.length; c++) max = Math.max(max, out[CAT0 + c])
  let sum = 0
  for (let c = 0; c < CATEGORIES.length; c++) sum += Math.exp(out[CAT0 + c] - max)
  const categories = new Map<Category, number>()
  CATEGORIES.forEach((c, i) => categories.set(c, Math.exp(out[CAT0 + i] - max) / sum))
  const labels = new Map<Need, number>()
  NEEDS.forEach((n, i) => labels.set(n, 1 / (1 + Math.exp(-out[LAB0 + i]))))
  return { pUrgent: 1 / (1 + Math.exp(-out[0])), categories, labels }
}
