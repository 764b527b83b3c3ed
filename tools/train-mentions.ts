// `npm run train-mentions`: train the weighing of bare mentions in shopping lists
// (classifiers/shopping-list/mentions.ts) on every labelled list set — data/eval/lists-heldout.jsonl
// and the fresh-writer rounds data/eval/rounds/lists-*.jsonl — and write
// data/model/list-mentions.tsv. A bare mention the parser's rules keep is an example: an order
// when the writer labelled an item of that name, talk when not.
//
// Deterministic: the same sets and parser give the same file (tests/train-reproducible.test.ts).
// Retrain after changing the parser or adding a round; the check says when the file is stale.
//
//   --check  train in memory and compare: exit 0 when the committed file is what training gives
//   --cv     five folds of whole rounds (a round's number mod 5): train on four, weigh the fifth
//            at several thresholds, and print orders exact against the parser without the
//            weighing — how the threshold in the file was chosen, on rounds the model never saw
import { readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { normalize } from '../classifiers/normalize.ts'
import { parseShoppingList } from '../classifiers/shopping-list/index.ts'
import {
  MENTIONS_MODEL,
  readMentionsModel,
  useMentionsModel,
  watchMentions,
  type MentionsModel,
} from '../classifiers/shopping-list/mentions.ts'
import { DATA_DIR } from '../classifiers/data-file.ts'
import { nameMatches, score, type GoldRow, type PredRow } from './score.ts'

export const THRESHOLD = 0.6
const ITERATIONS = 300
const RATE = 0.5
const L2 = 1e-4

interface Example {
  features: string[]
  talk: 0 | 1
  fold: number
}
interface ListSet {
  name: string
  fold: number
  rows: GoldRow[]
}

const EVAL = new URL('../data/eval/', import.meta.url)

/** Every labelled list set, in a fixed order, with only its grocery and pet messages. */
export function readListSets(): ListSet[] {
  const read = (url: URL) =>
    readFileSync(url, 'utf8')
      .split('\n')
      .filter((l) => l.trim())
      .map((l) => JSON.parse(l) as GoldRow)
      .filter((r) => r.category === 'grocery' || r.category === 'pet')
  const rounds = readdirSync(new URL('rounds/', EVAL))
    .map((f) => /^lists-(\d+)\.jsonl$/.exec(f))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => ({ file: m[0], n: Number(m[1]) }))
    .sort((a, b) => a.n - b.n)
  return [
    { name: 'lists-heldout', fold: 0, rows: read(new URL('lists-heldout.jsonl', EVAL)) },
    ...rounds.map((r) => ({ name: r.file.replace('.jsonl', ''), fold: r.n % 5, rows: read(new URL('rounds/' + r.file, EVAL)) })),
  ]
}

/** The bare mentions the rules keep, with the weighing off: features and whether the writer ordered it. */
export function collectExamples(sets: readonly ListSet[]): Example[] {
  const out: Example[] = []
  try {
    for (const set of sets)
      for (const row of set.rows) {
        const gold = row.items ?? []
        watchMentions((features, it) => {
          out.push({ features, talk: gold.some((g) => nameMatches(g.name, it.name)) ? 0 : 1, fold: set.fold })
        })
        parseShoppingList(normalize(row.text))
      }
  } finally {
    watchMentions(null)
  }
  return out
}

/**
 * Logistic regression with an L2 penalty, by full-batch gradient descent with per-feature step
 * sizes (AdaGrad): the objective is convex, so training goes to its one optimum whatever the
 * examples' order, and a round added or a parser change moves the weights a little, not the
 * whole model (plain stochastic descent in a fixed order flipped mentions across every set).
 */
export function train(examples: readonly Example[]): Map<string, number> {
  const index = new Map<string, number>()
  const rows = examples.map((x) => x.features.map((f) => index.get(f) ?? (index.set(f, index.size), index.size - 1)))
  const w = new Float64Array(index.size)
  const g = new Float64Array(index.size)
  const h = new Float64Array(index.size)
  for (let it = 0; it < ITERATIONS; it++) {
    g.fill(0)
    for (let i = 0; i < rows.length; i++) {
      let z = 0
      for (const f of rows[i]) z += w[f]
      const d = 1 / (1 + Math.exp(-z)) - examples[i].talk
      for (const f of rows[i]) g[f] += d
    }
    for (let f = 0; f < w.length; f++) {
      const grad = g[f] / rows.length + L2 * w[f]
      h[f] += grad * grad
      if (h[f] > 0) w[f] -= (RATE * grad) / Math.sqrt(h[f])
    }
  }
  const out = new Map<string, number>()
  for (const [f, i] of index) out.set(f, w[i])
  return out
}

/** The model file: weights to four places, sorted by feature, the zeros left out. */
export function modelText(w: Map<string, number>, examples: number, talk: number): string {
  const lines = [...w.entries()]
    .map(([f, v]) => [f, v.toFixed(4)] as const)
    .filter(([, v]) => Number(v) !== 0)
    .sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
    .map(([f, v]) => `${f}\t${v}`)
  return (
    [
      '# The weighing of bare mentions in shopping lists (classifiers/shopping-list/mentions.ts).',
      '# Written by `npm run train-mentions` from every labelled list set; do not edit by hand.',
      `# ${examples} mentions, ${talk} of them talk. A positive weight leans to talk, a negative to an order.`,
      `@threshold ${THRESHOLD}`,
      ...lines,
    ].join('\n') + '\n'
  )
}

function crossValidate(sets: readonly ListSet[], examples: readonly Example[]): void {
  const thresholds = [0.3, 0.4, 0.5, 0.6, 0.7]
  const predict = (rows: GoldRow[]) =>
    rows.map((r) => ({
      id: r.id,
      category: r.category,
      urgent: false,
      items: parseShoppingList(normalize(r.text)).filter((i) => i.op !== 'remove'),
    }))
  const rows: GoldRow[] = []
  const without: PredRow[] = []
  const withModel: PredRow[][] = thresholds.map(() => [])
  for (let k = 0; k < 5; k++) {
    const weights = train(examples.filter((x) => x.fold !== k))
    const held = sets.filter((s) => s.fold === k).flatMap((s) => s.rows)
    rows.push(...held)
    useMentionsModel({ weights, threshold: 1 })
    without.push(...predict(held))
    thresholds.forEach((threshold, i) => {
      useMentionsModel({ weights, threshold } satisfies MentionsModel)
      withModel[i].push(...predict(held))
    })
    useMentionsModel(null)
  }
  const line = (label: string, preds: PredRow[]) => {
    const f = score(rows, preds)
    const exact = Math.round(f.orderExact * f.orderMessages)
    process.stdout.write(
      `cv: ${label}: item F1 ${(100 * f.itemF1).toFixed(2)}, orders exact ${exact} of ${f.orderMessages} (${(100 * f.orderExact).toFixed(2)} %)\n`,
    )
  }
  line('without the weighing', without)
  thresholds.forEach((t, i) => line(`threshold ${t}`, withModel[i]))
}

function main(argv: string[]): number {
  const sets = readListSets()
  const examples = collectExamples(sets)
  const talk = examples.filter((x) => x.talk).length
  if (argv.includes('--cv')) {
    crossValidate(sets, examples)
    return 0
  }
  const text = modelText(train(examples), examples.length, talk)
  readMentionsModel(text) // (what is written must read back)
  const url = new URL(MENTIONS_MODEL, DATA_DIR)
  if (argv.includes('--check')) {
    let committed = ''
    try {
      committed = readFileSync(url, 'utf8')
    } catch {
      committed = ''
    }
    const fresh = committed === text
    process.stderr.write(
      fresh
        ? 'train-mentions: the committed model is what the list sets train\n'
        : 'train-mentions: data/model/list-mentions.tsv is stale: run `npm run train-mentions` and commit it\n',
    )
    return fresh ? 0 : 1
  }
  writeFileSync(url, text)
  process.stderr.write(`train-mentions: ${examples.length} mentions (${talk} talk) → ${fileURLToPath(url)}\n`)
  return 0
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) process.exitCode = main(process.argv.slice(2))
