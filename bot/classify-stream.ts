// The `triage classify` contract (DESIGN.md "Interfaces others depend on"):
// JSON lines {"id","text"} in, one JSON line per input out, in input order.
import { createInterface } from 'node:readline'
import type { Readable, Writable } from 'node:stream'
import { triage } from '../classifiers/triage.ts'

export async function runClassify(input: Readable, output: Writable, _args: string[] = []): Promise<number> {
  const lines = createInterface({ input, crlfDelay: Infinity })
  let buffer: string[] = []
  let lineNo = 0
  let bad = 0
  const flush = async () => {
    if (buffer.length === 0) return
    const chunk = buffer.join('')
    buffer = []
    if (!output.write(chunk)) await new Promise<void>((resolve) => output.once('drain', () => resolve()))
  }
  for await (const line of lines) {
    lineNo++
    if (!line.trim()) continue
    let row: { id?: unknown; text?: unknown }
    try {
      row = JSON.parse(line)
    } catch {
      bad++
      process.stderr.write(`classify: line ${lineNo}: not JSON, skipped\n`)
      continue
    }
    const text = typeof row.text === 'string' ? row.text : ''
    const r = triage(text)
    buffer.push(JSON.stringify({
      id: row.id ?? null,
      category: r.category,
      urgent: r.urgent,
      labels: r.labels,
      items: r.items,
      confidence: r.confidence,
      needsReview: r.needsReview,
      location: r.location,
      emergency: r.emergency,
      cancels: r.cancels,
    }) + '\n')
    if (buffer.length >= 512) await flush()
  }
  await flush()
  if (bad > 0) process.stderr.write(`classify: ${bad} line(s) were not JSON and were skipped\n`)
  return 0
}
