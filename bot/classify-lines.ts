// One batch of `triage classify` input lines → output lines. Shared by the
// main thread and the worker threads so both answer exactly alike.
import { triage } from '../classifiers/triage.ts'

export interface BatchResult { out: string; bad: number[] }

/** `lineNos[i]` is the input line number of `lines[i]`, for the warning about lines that are not JSON. */
export function classifyLines(lines: string[], lineNos: number[]): BatchResult {
  let out = ''
  const bad: number[] = []
  for (let i = 0; i < lines.length; i++) {
    let row: { id?: unknown; text?: unknown }
    try {
      row = JSON.parse(lines[i])
    } catch {
      bad.push(lineNos[i])
      continue
    }
    const text = row && typeof row.text === 'string' ? row.text : ''
    const r = triage(text)
    out += JSON.stringify({
      id: row?.id ?? null,
      category: r.category,
      urgent: r.urgent,
      labels: r.labels,
      items: r.items,
      confidence: r.confidence,
      needsReview: r.needsReview,
      location: r.location,
      emergency: r.emergency,
      cancels: r.cancels,
    }) + '\n'
  }
  return { out, bad }
}
