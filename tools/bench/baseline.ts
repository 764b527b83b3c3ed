// The plain baseline, side by side with ours in the same run: natural's BayesClassifier over
// jieba tokens (@node-rs/jieba, default dictionary), trained on the same corpus
// (data/corpus/*.jsonl via tools/corpus.ts), category only — no urgency, no
// items. Scored on ../shared/eval/dev.jsonl with the shared scorer's `score` export, and timed
// in process on the same lines as our triage().
//
//   plain  — natural's documented API: addDocument(tokens) / train() / classify(tokens). Its
//            dense feature vector (one entry per vocabulary word, per message) sets its speed.
//   sparse — the same Bayes fed sparse observations (the apparatus classifier natural wraps),
//            the way tools/naive-bayes.ts trains it for comparison: what natural can do at best.
import { existsSync, readFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import type { Row } from './table.ts'

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..')
const SHARED = resolve(ROOT, '..', 'shared')

interface Gold {
  id: string
  text: string
  category: string
  urgent: boolean
  labels: string[]
  items: unknown[]
}
interface Pred {
  id: string
  category: string
  urgent: boolean
  labels: string[]
  items: unknown[]
}
interface Score {
  accuracy: number
  macroF1: number
  urgentRecall: number
  itemF1: number
}

type Bayes = {
  addDocument(tokens: string[], label: string): void
  train(): void
  classify(tokens: string[]): string
  classifier: {
    addExample(o: Record<string, string>, l: string): void
    getClassifications(o: Record<string, string>): { label: string; value: number }[]
    totalExamples: number
    classTotals: Record<string, number>
  }
}
type Natural = { BayesClassifier: new () => Bayes }

function timeIt(texts: string[], f: (t: string) => unknown): number {
  const t0 = performance.now()
  for (const t of texts) f(t)
  return texts.length / ((performance.now() - t0) / 1000)
}

export async function benchBaseline(benchFile: string, maxLines = 100_000): Promise<Row[]> {
  if (!existsSync(join(SHARED, 'eval', 'dev.jsonl')) || !existsSync(join(SHARED, 'eval', 'score.mjs'))) {
    return [
      {
        name: 'baseline: natural Bayes + jieba',
        value: `skipped: no ${join(SHARED, 'eval')}/dev.jsonl and score.mjs next to the repository`,
        ok: false,
      },
    ]
  }
  // natural 8 loads dotenv, which prints to stdout unless told not to (DESIGN.md pitfalls).
  process.env.DOTENV_CONFIG_QUIET = 'true'
  const mod = (await import('natural')) as unknown as Natural & { default?: Natural }
  const natural = mod.default ?? mod
  const { Jieba } = await import('@node-rs/jieba')
  const { dict } = await import('@node-rs/jieba/dict.js')
  const { readCorpusLines: readCorpus } = await import('../corpus.ts')
  const { triage } = await import('../../classifiers/triage.ts')
  const { score } = (await import(pathToFileURL(join(SHARED, 'eval', 'score.mjs')).href)) as { score(g: Gold[], p: Pred[]): Score }

  const jieba = Jieba.withDict(dict)
  const tokens = (t: string) => jieba.cut(t.toLowerCase(), false).filter((w) => !/^[\s\p{P}\p{S}]*$/u.test(w))
  const corpus = readCorpus()
  const vocabulary = new Set(corpus.flatMap((r) => tokens(r.text)))
  // each known token once, as the dense vector has it (a vocabulary word is present or not)
  const sparse = (t: string): Record<string, string> =>
    Object.fromEntries([...new Set(tokens(t).filter((w) => vocabulary.has(w)))].map((w, i) => [i, w]))

  let t0 = performance.now()
  const plain = new natural.BayesClassifier()
  for (const r of corpus) plain.addDocument(tokens(r.text), r.category)
  plain.train()
  const plainTrainS = (performance.now() - t0) / 1000
  t0 = performance.now()
  const sp = new natural.BayesClassifier().classifier
  const perClass = new Map<string, number>()
  for (const r of corpus) {
    sp.addExample(sparse(r.text), r.category)
    perClass.set(r.category, (perClass.get(r.category) ?? 0) + 1)
  }
  // apparatus counts examples only on its dense path: set the totals that path would have (as tools/naive-bayes.ts does)
  sp.totalExamples = 1 + corpus.length
  for (const [c, k] of perClass) sp.classTotals[c] = 1 + k
  const sparseTrainS = (performance.now() - t0) / 1000
  const classifySparse = (t: string) => sp.getClassifications(sparse(t))[0]?.label ?? 'other'

  const gold = readFileSync(join(SHARED, 'eval', 'dev.jsonl'), 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as Gold)
  const only = (id: string, category: string): Pred => ({ id, category, urgent: false, labels: [category], items: [] })
  const sPlain = score(
    gold,
    gold.map((g) => only(g.id, plain.classify(tokens(g.text)))),
  )
  const sSparse = score(
    gold,
    gold.map((g) => only(g.id, classifySparse(g.text))),
  )
  const sOurs = score(
    gold,
    gold.map((g) => {
      const r = triage(g.text)
      return { id: g.id, category: r.category, urgent: r.urgent, labels: r.labels, items: r.items }
    }),
  )

  const lines = readFileSync(benchFile, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .slice(0, maxLines)
    .map((l) => (JSON.parse(l) as { text: string }).text)
  // The plain classifier is slow (a vocabulary-sized vector per message): time it on a slice.
  const plainLines = lines.slice(0, Math.min(lines.length, 2_000))
  const rPlain = timeIt(plainLines, (t) => plain.classify(tokens(t)))
  const rSparse = timeIt(lines, classifySparse)
  const rOurs = timeIt(lines, triage)

  const pts = (d: number) => `${d >= 0 ? '+' : ''}${(100 * d).toFixed(1)}`
  const q = (s: Score) =>
    `acc ${(100 * s.accuracy).toFixed(1)}%  macro-F1 ${(100 * s.macroF1).toFixed(1)}%  urgent recall ${(100 * s.urgentRecall).toFixed(1)}%  item F1 ${(100 * s.itemF1).toFixed(1)}%`
  return [
    { name: `dev set (${gold.length} lines): ours — triage()`, value: `${rOurs.toFixed(0)} msg/s in process · ${q(sOurs)}` },
    {
      name: 'baseline: natural Bayes + jieba, plain API',
      value: `${rPlain.toFixed(0)} msg/s (${plainLines.length} lines) · ${q(sPlain)} · trained in ${plainTrainS.toFixed(1)} s`,
    },
    {
      name: 'baseline: natural Bayes + jieba, sparse',
      value: `${rSparse.toFixed(0)} msg/s · ${q(sSparse)} · trained in ${sparseTrainS.toFixed(2)} s`,
    },
    {
      name: 'ours ÷ baseline: speed (plain / sparse)',
      value: `${(rOurs / rPlain).toFixed(2)}× / ${(rOurs / rSparse).toFixed(2)}×; macro-F1 ${pts(sOurs.macroF1 - sPlain.macroF1)} / ${pts(sOurs.macroF1 - sSparse.macroF1)} points`,
    },
  ]
}
