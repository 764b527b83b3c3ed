// One batch of `triage classify` input lines → output lines.
import { TextMemo } from '../classifiers/memo.ts'
import { triage } from '../classifiers/triage.ts'

export interface BatchResult {
  out: string
  bad: number[]
}

/** Answers computed elsewhere (worker threads), in the order of the texts given. */
export interface Helper {
  /** can take work now: a worker still loading its model cannot, and this thread goes on alone */
  readonly ready: boolean
  /** the share of a batch's new texts to hand over (0–1), sized to how fast each side answers */
  share: number
  /**
   * the answers, and how many texts a millisecond the helper answered; null for a text (or for
   * all of them) the helper could not answer, which this thread then answers itself
   */
  answer(texts: string[]): Promise<{ answers: (string | null)[]; perMs: number } | null>
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
const memo = new TextMemo<string>(100_000, 200)

/** Below this many new texts in a batch, handing half to a helper costs more than it saves. */
const SHARE_FROM = 32

/**
 * The next share for the helper: its speed over both sides' speeds, halfway from the last share
 * (one batch's timing is noisy), never all or nothing, so each side keeps being measured.
 */
export function nextShare(last: number, minePerMs: number, theirsPerMs: number): number {
  if (!(minePerMs > 0) || !(theirsPerMs >= 0)) return last
  const fair = theirsPerMs / (theirsPerMs + minePerMs)
  return Math.min(0.9, Math.max(0.1, (last + fair) / 2))
}

/**
 * `lineNos[i]` is the input line number of `lines[i]`: the id of a plain-text line, and of the
 * error object answering a `{` line that is not JSON. With a helper that is ready, the batch's
 * new texts are split: the helper answers one share while this thread answers the other; the
 * output is the same, in the same order.
 */
export async function classifyLines(lines: string[], lineNos: number[], helper: Helper | null = null): Promise<BatchResult> {
  const bad: number[] = []
  // One output line per input line, in place: a line that does not start with `{` is a text
  // (its id is its line number); a `{` line that does not parse gets an error object.
  const rows: ({ id: unknown; text: string } | { id: number; error: string })[] = []
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]
    if (!line.trimStart().startsWith('{')) {
      rows.push({ id: lineNos[i], text: line.trim() })
      continue
    }
    let row: { id?: unknown; text?: unknown }
    try {
      row = JSON.parse(line)
    } catch {
      bad.push(lineNos[i])
      rows.push({ id: lineNos[i], error: 'not valid JSON' })
      continue
    }
    rows.push({ id: row?.id ?? null, text: row && typeof row.text === 'string' ? row.text : '' })
  }
  // the texts not answered before, once each
  const fresh = new Map<string, string | undefined>()
  for (const r of rows) if ('text' in r && memo.get(r.text) === undefined) fresh.set(r.text, undefined)
  const texts = [...fresh.keys()]
  if (helper?.ready && texts.length >= SHARE_FROM) {
    const split = Math.floor(texts.length * (1 - helper.share))
    const theirs = helper.answer(texts.slice(split))
    const t0 = performance.now()
    for (let i = 0; i < split; i++) fresh.set(texts[i], answerText(texts[i]))
    const mine = performance.now() - t0
    const got = await theirs
    for (let i = split; i < texts.length; i++) fresh.set(texts[i], got?.answers[i - split] ?? answerText(texts[i]))
    helper.share = nextShare(helper.share, split / Math.max(mine, 0.001), got?.perMs ?? 0)
  } else {
    for (const t of texts) fresh.set(t, answerText(t))
  }
  let out = ''
  for (const r of rows) {
    if (!('text' in r)) {
      out += `${JSON.stringify({ id: r.id, error: r.error })}\n`
      continue
    }
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
