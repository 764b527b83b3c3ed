// What makes a training corpus honest (issue 15): many independent writers, none dominating,
// few near-duplicates, and no line copied from an evaluation set. Pure functions over rows;
// tools/corpus.ts prints the audit and tests/corpus.test.ts holds the floors.

export interface AuditRow {
  text: string
  writer: string
}

/** Character trigrams of a text with spaces and punctuation removed (what near-duplicates share). */
export function shingles(text: string): Set<string> {
  const t = text.toLowerCase().replace(/[\s\p{P}\p{S}]+/gu, '')
  const out = new Set<string>()
  if (t.length < 3) {
    if (t) out.add(t)
    return out
  }
  for (let i = 0; i + 3 <= t.length; i++) out.add(t.slice(i, i + 3))
  return out
}

export function jaccard(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 && b.size === 0) return 1
  let inter = 0
  const [small, large] = a.size <= b.size ? [a, b] : [b, a]
  for (const x of small) if (large.has(x)) inter++
  return inter / (a.size + b.size - inter)
}

const HASHES = 48
const BANDS = 16 // 3 rows per band: pairs above ~0.6 Jaccard are nearly always candidates

function hash32(s: string, seed: number): number {
  let h = 0x811c9dc5 ^ seed
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193)
  h ^= h >>> 13
  return Math.imul(h, 0x5bd1e995) >>> 0
}

function minhash(sh: Set<string>): Uint32Array {
  const sig = new Uint32Array(HASHES).fill(0xffffffff)
  for (const s of sh)
    for (let k = 0; k < HASHES; k++) {
      const h = hash32(s, k * 0x9e3779b1)
      if (h < sig[k]) sig[k] = h
    }
  return sig
}

/**
 * Indexes of texts that have a near-duplicate earlier in the list (trigram Jaccard ≥ threshold),
 * found by MinHash with banding, then checked exactly. Short texts (under 8 characters) are
 * left out: "收到" written by ten people is not a copy.
 */
export function nearDuplicates(texts: readonly string[], threshold = 0.8): number[] {
  const sh = texts.map(shingles)
  const buckets = new Map<string, number[]>()
  const dup = new Set<number>()
  const rows = HASHES / BANDS
  texts.forEach((t, i) => {
    if (t.replace(/\s/g, '').length < 8) return
    const sig = minhash(sh[i])
    const candidates = new Set<number>()
    for (let b = 0; b < BANDS; b++) {
      const key = `${b}:${Array.from(sig.subarray(b * rows, b * rows + rows)).join(',')}`
      const list = buckets.get(key)
      if (list) {
        for (const j of list) candidates.add(j)
        list.push(i)
      } else buckets.set(key, [i])
    }
    for (const j of candidates)
      if (jaccard(sh[i], sh[j]) >= threshold) {
        dup.add(i)
        break
      }
  })
  return [...dup].sort((a, b) => a - b)
}

/** Indexes of `texts` that are near-copies (Jaccard ≥ threshold) of any of `protectedTexts`. */
export function overlaps(texts: readonly string[], protectedTexts: readonly string[], threshold = 0.8): number[] {
  const all = [...protectedTexts, ...texts]
  const n = protectedTexts.length
  const sh = all.map(shingles)
  const buckets = new Map<string, number[]>()
  const hits: number[] = []
  const rows = HASHES / BANDS
  all.forEach((t, i) => {
    if (t.replace(/\s/g, '').length < 8) return
    const sig = minhash(sh[i])
    const candidates = new Set<number>()
    for (let b = 0; b < BANDS; b++) {
      const key = `${b}:${Array.from(sig.subarray(b * rows, b * rows + rows)).join(',')}`
      const list = buckets.get(key)
      if (i >= n && list) for (const j of list) candidates.add(j)
      if (i < n) {
        if (list) list.push(i)
        else buckets.set(key, [i])
      }
    }
    if (i >= n)
      for (const j of candidates)
        if (jaccard(sh[i], sh[j]) >= threshold) {
          hits.push(i - n)
          break
        }
  })
  return hits
}

export interface Audit {
  lines: number
  writers: { writer: string; lines: number; share: number }[]
  nearDuplicates: number
  nearDuplicateRate: number
}

export function audit(rows: readonly AuditRow[]): Audit {
  const by = new Map<string, number>()
  for (const r of rows) by.set(r.writer, (by.get(r.writer) ?? 0) + 1)
  const dups = nearDuplicates(rows.map((r) => r.text))
  return {
    lines: rows.length,
    writers: [...by].map(([writer, lines]) => ({ writer, lines, share: lines / rows.length })).sort((a, b) => b.lines - a.lines),
    nearDuplicates: dups.length,
    nearDuplicateRate: dups.length / rows.length,
  }
}
