// The benchmark's rows and table: shared by tools/bench.ts, tools/soak.ts and the measurements
// in tools/bench/ (their inputs are drawn with tools/prng.ts).
export interface Row {
  name: string
  value: string
  target?: string
  ok?: boolean
}

export function printTable(rows: Row[]): void {
  const w = Math.max(...rows.map((r) => r.name.length))
  for (const r of rows) {
    const mark = r.ok === undefined ? ' ' : r.ok ? '✓' : '✗'
    process.stdout.write(`${mark} ${r.name.padEnd(w)}  ${r.value}${r.target ? `   (target ${r.target})` : ''}\n`)
  }
}
