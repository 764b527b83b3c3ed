// One batch of `triage classify` input lines → output lines.
import { TextMemo } from '../classifiers/memo.ts'
import { triage } from '../classifiers/triage.ts'

export interface BatchResult {
  out: string
  bad: number[]
}

/** Answers computed elsewhere (a worker thread), in the order of the texts given. */
export interface Helper {
  answer(texts: string[]): Promise<string[]>
}

/** The output line for a text, without its id (serialising is part of the cost). */
export function answerText(text: string): string {
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
}

/** Answers of repeated texts, remembered. */
const memo = new TextMemo<string>(50_000, 200)

/** Below this many new texts in a batch, handing half to a helper costs more than it saves. */
const SHARE_FROM = 32

/**
 * `lineNos[i]` is the input line number of `lines[i]`, for the warning about lines that are not
 * JSON. With a helper, the batch's new texts are split: the helper answers one share while this
 * thread answers the other; the output is the same, in the same order.
 */
export async function classifyLines(
  lines: string[],
  lineNos: number[],
  helper: Helper | null = null,
  helperShare = 0.5,
): Promise<BatchResult> {
  const bad: number[] = []
  const rows: { id: unknown; text: string }[] = []
  for (let i = 0; i < lines.length; i++) {
    let row: { id?: unknown; text?: unknown }
    try {
      row = JSON.parse(lines[i])
    } catch {
      bad.push(lineNos[i])
      continue
    }
    rows.push({ id: row?.id ?? null, text: row && typeof row.text === 'string' ? row.text : '' })
  }
  // the texts not answered before, once each
  const fresh = new Map<string, string | undefined>()
  for (const r of rows) if (memo.get(r.text) === undefined) fresh.set(r.text, undefined)
  const texts = [...fresh.keys()]
  if (helper && texts.length >= SHARE_FROM) {
    const split = Math.floor(texts.length * (1 - helperShare))
    const theirs = helper.answer(texts.slice(split))
    for (let i = 0; i < split; i++) fresh.set(texts[i], answerText(texts[i]))
    const answers = await theirs
    for (let i = split; i < texts.length; i++) fresh.set(texts[i], answers[i - split])
  } else {
    for (const t of texts) fresh.set(t, answerText(t))
  }
  let out = ''
  for (const r of rows) {
    let a = memo.get(r.text)
    if (a === undefined) {
      a = fresh.get(r.text) as string
      memo.set(r.text, a)
    }
    // {"id":…, then the answer's fields: the id first, as before, without re-serialising the answer.
    out += `{"id":${JSON.stringify(r.id)},${a}\n`
  }
  return { out, bad }
}
