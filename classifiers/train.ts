// `npm run train`: train the category model with natural's BayesClassifier on
// data/corpus/*.jsonl and write data/model/category.json.
//
// Deterministic: files in name order, lines in file order, keys sorted on output,
// so retraining the same corpus gives a byte-identical file (tests/train-reproducible).
// natural is only needed here, never at run time (classifiers/category-model.ts).
import { readdirSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { normalize } from './normalize.ts'
import { modelFeatures, MODEL_URL, type CategoryModelFile } from './category-model.ts'
import { trainLinear } from './train-linear.ts'
import { LINEAR_MODEL_URL } from './linear-model.ts'
import type { Category } from './triage.ts'

export const CORPUS_DIR = new URL('../data/corpus/', import.meta.url)
const CLASSES: Category[] = ['medical', 'repair', 'grocery', 'pet', 'emotional', 'other']
/** Features seen in fewer training messages than this are dropped (noise, and model size). */
const MIN_DOCS = 2
const SMOOTHING = 1

export interface CorpusRow { text: string; category: Category; labels: Category[]; urgent: boolean; file: string }

export function readCorpus(dir: URL = CORPUS_DIR): CorpusRow[] {
  const rows: CorpusRow[] = []
  const files = readdirSync(dir).filter((f) => f.endsWith('.jsonl')).sort()
  for (const file of files) {
    const lines = readFileSync(new URL(file, dir), 'utf8').split('\n')
    for (const line of lines) {
      if (!line.trim()) continue
      let r: Partial<CorpusRow>
      try { r = JSON.parse(line) } catch { continue }
      if (typeof r.text !== 'string' || !CLASSES.includes(r.category as Category)) continue
      rows.push({ text: r.text, category: r.category as Category, labels: Array.isArray(r.labels) ? r.labels : [r.category as Category], urgent: r.urgent === true, file })
    }
  }
  return rows
}

interface ApparatusBayes {
  classFeatures: Record<string, Record<string, number>>
  classTotals: Record<string, number>
  totalExamples: number
  smoothing: number
  addExample(observation: Record<string, string>, label: string): void
}

type NaturalModule = { BayesClassifier: new (stemmer?: unknown, smoothing?: number) => unknown }

async function loadNatural(): Promise<NaturalModule> {
  process.env.DOTENV_CONFIG_QUIET ??= 'true'
  const mod = (await import('natural')) as unknown as NaturalModule & { default?: NaturalModule }
  return mod.default ?? mod
}

/**
 * One natural BayesClassifier. Its train() builds a dense vocabulary-sized vector per
 * document; the underlying apparatus classifier takes sparse observations directly, so
 * examples go there. Apparatus counts examples only on its dense path: the totals are set
 * to what that path would have produced (one extra per class and overall, for smoothing).
 */
function trainBayes(natural: NaturalModule, docs: { feats: string[]; label: string }[]): ApparatusBayes {
  const nb = new natural.BayesClassifier(undefined, SMOOTHING)
  const inner = (nb as unknown as { classifier: ApparatusBayes }).classifier
  const perClass = new Map<string, number>()
  for (const d of docs) {
    inner.addExample({ ...d.feats } as unknown as Record<string, string>, d.label)
    perClass.set(d.label, (perClass.get(d.label) ?? 0) + 1)
  }
  inner.totalExamples = 1 + docs.length
  for (const [c, k] of perClass) inner.classTotals[c] = 1 + k
  return inner
}

export async function trainModel(rows: CorpusRow[]): Promise<CategoryModelFile> {
  const natural = await loadNatural()
  const docs = rows.map((r) => ({ row: r, feats: modelFeatures(normalize(r.text)) })).filter((d) => d.feats.length > 0)
  // the primary category
  const inner = trainBayes(natural, docs.map((d) => ({ feats: d.feats, label: d.row.category })))
  // one-vs-rest per need: does the message carry this label at all (secondary labels)
  const labelModels = CLASSES.filter((c) => c !== 'other').map((c) =>
    trainBayes(natural, docs.map((d) => ({ feats: d.feats, label: d.row.labels.includes(c) ? 'yes' : 'no' }))))
  const docFreq = new Map<string, number>()
  for (const c of CLASSES) {
    const cf = inner.classFeatures[c] ?? {}
    for (const [f, n] of Object.entries(cf)) docFreq.set(f, (docFreq.get(f) ?? 0) + n - inner.smoothing)
  }
  const features: Record<string, number[]> = {}
  for (const f of [...docFreq.keys()].sort()) {
    if ((docFreq.get(f) ?? 0) < MIN_DOCS) continue
    // the primary counts, then for each need the count among messages carrying that label
    features[f] = CLASSES.map((c) => inner.classFeatures[c]?.[f] ?? 0)
      .concat(labelModels.map((m) => m.classFeatures.yes?.[f] ?? 0))
  }
  return {
    format: 'louguanjia-nb/1',
    trainer: 'natural.BayesClassifier (apparatus sparse observations)',
    classes: CLASSES,
    smoothing: inner.smoothing,
    totalExamples: inner.totalExamples,
    classTotals: CLASSES.map((c) => inner.classTotals[c] ?? 1),
    labelTotals: labelModels.map((m) => m.classTotals.yes ?? 1),
    features,
  }
}

/** Stable serialisation: one feature per line keeps diffs readable. */
export function serialise(model: CategoryModelFile): string {
  const head = { ...model, features: undefined }
  const lines = Object.entries(model.features).map(([f, c]) => `${JSON.stringify(f)}:${JSON.stringify(c)}`)
  const h = JSON.stringify(head, null, 1).replace(/\n}$/, '')
  return `${h},\n"features":{\n${lines.join(',\n')}\n}}\n`
}

async function main(): Promise<void> {
  const rows = readCorpus()
  const t0 = performance.now()
  const model = await trainModel(rows)
  mkdirSync(new URL('.', MODEL_URL), { recursive: true })
  writeFileSync(MODEL_URL, serialise(model))
  const t1 = performance.now()
  const linear = trainLinear(rows)
  writeFileSync(LINEAR_MODEL_URL, linear)
  process.stderr.write(`linear model: ${linear.length} bytes; ${(performance.now() - t1).toFixed(0)} ms → ${fileURLToPath(LINEAR_MODEL_URL)}\n`)
  const counts = CLASSES.map((c) => `${c} ${rows.filter((r) => r.category === c).length}`).join(', ')
  process.stderr.write(`trained on ${rows.length} messages (${counts}); ${Object.keys(model.features).length} features; ${(performance.now() - t0).toFixed(0)} ms → ${fileURLToPath(MODEL_URL)}\n`)
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  main().catch((e: unknown) => { process.stderr.write(String(e instanceof Error ? e.stack : e) + '\n'); process.exitCode = 1 })
}
