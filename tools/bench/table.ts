// The benchmark's rows and table, and the seeded PRNG its inputs are drawn with: shared by
// tools/bench.ts, tools/soak.ts and the measurements in tools/bench/.
export interface Row {
  name: string
  value: string
  target?: string
  ok?: boolean
}

/** mulberry32: a small seeded PRNG, so the bench file is the same on every machine. */
export function prng(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

export function printTable(rows: Row[]): void {
  const w = Math.max(...rows.map((r) => r.name.length))
  for (const r of rows) {
    const mark = r.ok === undefined ? ' ' : r.ok ? '✓' : '✗'
    process.stdout.write(`${mark} ${r.name.padEnd(w)}  ${r.value}${r.target ? `   (target ${r.target})` : ''}\n`)
  }
}
