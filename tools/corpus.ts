// `npm run corpus -- <command>`: bring a writer's lines into the training corpus, and audit it.
//
//   import FILE --writer wNN   validate FILE (JSON lines by a briefed writer), drop lines that
//                              copy an evaluation set (dev, held-out, every round) or repeat an
//                              earlier line, and write data/corpus/wNN.jsonl
//   audit                      lines per writer and share, near-duplicate rate, overlap with the
//                              evaluation sets (tests/corpus.test.ts holds the floors)
//   char-frequency             write data/dict/char-frequency.txt: how often each character occurs
//                              in the corpus, which the cue prefilter uses to index each pattern by
//                              its rarest character (classifiers/prefilter.ts)
import { readFileSync, readdirSync, writeFileSync, existsSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { audit, overlaps } from './corpus-audit.ts'
import { CATEGORIES, type Category } from '../classifiers/types.ts'
import { canonical } from '../classifiers/dialect.ts'
import { normalize } from '../classifiers/normalize.ts'

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..')
export const CORPUS = join(ROOT, 'data', 'corpus')

export interface CorpusLine {
  text: string
  category: Category
  labels: Category[]
  urgent: boolean
  items?: unknown[]
  writer: string
  style?: string
  kind?: string
}

function readJsonl(path: string): unknown[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l, i) => {
      try {
        return JSON.parse(l)
      } catch {
        throw new Error(`${path}:${i + 1}: not JSON`)
      }
    })
}

/** Every text of every evaluation set: training must never see them. */
export function evaluationTexts(): string[] {
  const sets = [
    join(ROOT, '..', 'shared', 'eval', 'dev.jsonl'),
    join(ROOT, 'data', 'eval', 'heldout.jsonl'),
    join(ROOT, 'data', 'eval', 'lists-heldout.jsonl'),
  ]
  const rounds = join(ROOT, 'data', 'eval', 'rounds')
  if (existsSync(rounds)) for (const f of readdirSync(rounds)) if (f.endsWith('.jsonl')) sets.push(join(rounds, f))
  const out: string[] = []
  for (const p of sets)
    if (existsSync(p))
      for (const r of readJsonl(p)) {
        const t = (r as { text?: unknown }).text
        if (typeof t === 'string') out.push(t)
      }
  return out
}

/** A line as a writer wrote it, checked against LABELS.md's shape; a reason when it cannot be used. */
export function checkLine(raw: unknown, writer: string): CorpusLine | string {
  if (!raw || typeof raw !== 'object') return 'not an object'
  const r = raw as Record<string, unknown>
  if (typeof r.text !== 'string' || !r.text.trim()) return 'no text'
  if (!CATEGORIES.includes(r.category as Category)) return `unknown category ${String(r.category)}`
  const labels = Array.isArray(r.labels) && r.labels.length ? (r.labels as Category[]) : [r.category as Category]
  if (labels[0] !== r.category) return 'labels[0] is not the category'
  if (labels.some((l) => !CATEGORIES.includes(l))) return 'unknown label'
  if (labels.includes('other') && labels.length > 1) return 'other with another label'
  if (typeof r.urgent !== 'boolean') return 'urgent is not a boolean'
  const line: CorpusLine = { text: r.text, category: r.category as Category, labels, urgent: r.urgent, writer }
  if (Array.isArray(r.items) && r.items.length) line.items = r.items
  if (typeof r.style === 'string') line.style = r.style
  if (typeof r.kind === 'string') line.kind = r.kind
  return line
}

function importFile(file: string, writer: string): void {
  if (!/^w\d{2}$/.test(writer)) throw new Error('--writer wNN')
  const rows = readJsonl(file)
  const kept: CorpusLine[] = []
  const reasons = new Map<string, number>()
  for (const raw of rows) {
    const c = checkLine(raw, writer)
    if (typeof c === 'string') reasons.set(c, (reasons.get(c) ?? 0) + 1)
    else kept.push(c)
  }
  const copies = new Set(
    overlaps(
      kept.map((r) => r.text),
      evaluationTexts(),
    ),
  )
  const seen = new Set<string>()
  const out = kept.filter((r, i) => {
    if (copies.has(i)) {
      reasons.set('copies an evaluation line', (reasons.get('copies an evaluation line') ?? 0) + 1)
      return false
    }
    if (seen.has(r.text)) {
      reasons.set('repeats a line', (reasons.get('repeats a line') ?? 0) + 1)
      return false
    }
    seen.add(r.text)
    return true
  })
  writeFileSync(join(CORPUS, `${writer}.jsonl`), out.map((r) => JSON.stringify(r)).join('\n') + '\n')
  process.stdout.write(
    `${writer}: ${rows.length} lines read, ${out.length} kept${[...reasons].map(([k, n]) => `; ${n} dropped (${k})`).join('')}\n`,
  )
}

/** Every corpus line with its writer: the writer field, else the file name (the team's first corpus). */
export function readCorpusLines(): CorpusLine[] {
  const out: CorpusLine[] = []
  for (const f of readdirSync(CORPUS)
    .filter((f) => f.endsWith('.jsonl'))
    .sort()) {
    for (const raw of readJsonl(join(CORPUS, f))) {
      const r = raw as Partial<CorpusLine>
      out.push({ ...(r as CorpusLine), writer: r.writer ?? 'team' })
    }
  }
  return out
}

function printAudit(): void {
  const rows = readCorpusLines()
  const a = audit(rows)
  const pct = (x: number) => (100 * x).toFixed(1) + ' %'
  process.stdout.write(
    `${a.lines} lines from ${a.writers.length} writers; near-duplicates ${a.nearDuplicates} (${pct(a.nearDuplicateRate)})\n`,
  )
  for (const w of a.writers) process.stdout.write(`  ${w.writer.padEnd(6)} ${String(w.lines).padStart(6)}  ${pct(w.share)}\n`)
  const copies = overlaps(
    rows.map((r) => r.text),
    evaluationTexts(),
  )
  process.stdout.write(`lines that copy an evaluation set: ${copies.length}\n`)
  const urgent = rows.filter((r) => r.urgent).length
  process.stdout.write(
    `urgent ${urgent} (${pct(urgent / rows.length)}); ${CATEGORIES.map((c) => `${c} ${rows.filter((r) => r.category === c).length}`).join(', ')}\n`,
  )
}

/** The most frequent characters of the corpus as the classifiers see it, with their counts. */
export function writeCharFrequency(top = 3000): string {
  const counts = new Map<string, number>()
  for (const r of readCorpusLines()) {
    for (const ch of canonical(normalize(r.text))) if (ch !== '\n') counts.set(ch, (counts.get(ch) ?? 0) + 1)
  }
  const rows = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, top)
  const out = join(ROOT, 'data', 'dict', 'char-frequency.txt')
  const head =
    '# character<TAB>count in the training corpus (normalised, dialect-mapped); written by\n# `npm run corpus -- char-frequency`. Used to index each emergency cue by its rarest character.\n'
  writeFileSync(out, head + rows.map(([c, n]) => `${c === '\t' ? '\\t' : c}\t${n}`).join('\n') + '\n')
  return out
}

function main(argv: string[]): number {
  const [cmd, ...rest] = argv
  if (cmd === 'import') {
    const file = rest.find((a) => !a.startsWith('--'))
    const wi = rest.indexOf('--writer')
    if (!file || wi < 0) {
      process.stderr.write('usage: corpus import FILE --writer wNN\n')
      return 2
    }
    importFile(resolve(file), rest[wi + 1])
    return 0
  }
  if (cmd === 'audit') {
    printAudit()
    return 0
  }
  if (cmd === 'char-frequency') {
    process.stdout.write(`wrote ${writeCharFrequency()}\n`)
    return 0
  }
  process.stderr.write('usage: corpus import FILE --writer wNN | corpus audit | corpus char-frequency\n')
  return 2
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) process.exitCode = main(process.argv.slice(2))
