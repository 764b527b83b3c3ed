// One batch of `triage classify` input lines → output lines. Shared by the
// main thread and the worker threads so both answer exactly alike.
import { triage } from '../classifiers/triage.ts'

export interface BatchResult { out: string; bad: number[] }

/**
 * Answers by text. Group traffic repeats itself ("收到", "谢谢", "1", the same 接龙 line
 * forwarded), and triage is a pure function of the text, so a repeated text is answered
 * from memory. Bounded: the oldest half is dropped when it is full.
 */
const MEMO_MAX = 50_000
const MEMO_TEXT_MAX = 200
const memo = new Map<string, string>()

function answer(text: string): string {
  const hit = text.length <= MEMO_TEXT_MAX ? memo.get(text) : undefined
  if (hit !== undefined) return hit
  const r = triage(text)
  const json = JSON.stringify({
    category: r.category,
    urgent: r.urgent,
    labels: r.labels,
    items: r.items,
    confidence: r.confidence,
    needsReview: r.needsReview,
    location: r.location,
    emergency: r.emergency,
    cancels: r.cancels,
  }).slice(1)
  if (text.length <= MEMO_TEXT_MAX) {
    if (memo.size >= MEMO_MAX) {
      let drop = MEMO_MAX / 2
      for (const k of memo.keys()) { memo.delete(k); if (--drop === 0) break }
    }
    memo.set(text, json)
  }
  return json
}

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
    // {"id":…, then the answer's fields: the id first, as before, without re-serialising the answer.
    out += `{"id":${JSON.stringify(row?.id ?? null)},${answer(text)}\n`
  }
  return { out, bad }
}
