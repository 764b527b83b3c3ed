// One batch of `triage classify` input lines → output lines.
import { memoByText } from '../classifiers/memo.ts'
import { triage } from '../classifiers/triage.ts'

export interface BatchResult { out: string; bad: number[] }

/** The output line for a text, remembered for repeated texts (serialising is part of the cost). */
const answer = memoByText((text: string): string => {
  const r = triage(text)
  // `items` are the things to buy (LABELS.md); what the resident takes off an earlier list
  // ("鸡蛋不要了") is not one of them, and goes out beside them for whoever applies corrections.
  const items = r.items.filter((i) => i.op !== 'remove')
  const removed = items.length === r.items.length ? [] : r.items.filter((i) => i.op === 'remove')
  return JSON.stringify({
    category: r.category,
    urgent: r.urgent,
    ...(r.possibleUrgent ? { possibleUrgent: true } : {}),
    labels: r.labels,
    items,
    removed,
    confidence: r.confidence,
    needsReview: r.needsReview,
    location: r.location,
    emergency: r.emergency,
    cancels: r.cancels,
  }).slice(1)
}, 50_000, 200)

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
