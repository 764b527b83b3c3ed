// natural's naive Bayes, kept only to be measured against the logistic regression that replaced
// it at run time (tools/compare-models.ts). Features as the old category model had them: jieba
// words, character bigrams and the rule facts; natural's BayesClassifier is trained through the
// apparatus classifier it wraps (sparse observations: its own train() builds a dense vector the
// size of the vocabulary for every message) and scored here as a multinomial model in log space.
import { normalize } from '../classifiers/normalize.ts'
import { features } from '../classifiers/segment.ts'
import { analyze, factFeatures } from '../classifiers/rules.ts'
import { CATEGORIES } from '../classifiers/types.ts'
import type { CorpusLine } from './corpus.ts'

interface Apparatus {
  classFeatures: Record<string, Record<string, number>>
  classTotals: Record<string, number>
  totalExamples: number
  addExample(observation: Record<string, string>, label: string): void
}
type NaturalModule = { BayesClassifier: new (stemmer?: unknown, smoothing?: number) => { classifier: Apparatus } }

async function loadNatural(): Promise<NaturalModule> {
  process.env.DOTENV_CONFIG_QUIET ??= 'true'
  const mod = (await import('natural')) as unknown as NaturalModule & { default?: NaturalModule }
  return mod.default ?? mod
}

function featuresOf(text: string): string[] {
  const t = normalize(text)
  return [...features(t), ...factFeatures(analyze(t))]
}

/** A multinomial scorer over natural's counts (the counts include its smoothing of 1). */
function scorer(a: Apparatus, classes: readonly string[]) {
  const vocab = new Set<string>()
  for (const c of classes) for (const f of Object.keys(a.classFeatures[c] ?? {})) vocab.add(f)
  const mass = new Map(classes.map((c) => [c, Object.values(a.classFeatures[c] ?? {}).reduce((s, n) => s + n, 0)]))
  return (feats: string[]) => {
    const out = new Map<string, number>()
    for (const c of classes) {
      let s = Math.log((a.classTotals[c] ?? 1) / a.totalExamples)
      const cf = a.classFeatures[c] ?? {}
      const denom = Math.log((mass.get(c) ?? 0) + vocab.size)
      for (const f of feats) if (vocab.has(f)) s += Math.log((cf[f] ?? 0) + 1) - denom
      out.set(c, s)
    }
    return out
  }
}

export interface NaiveBayes {
  score(text: string): { category: string; urgent: number }
}

export async function trainNaiveBayes(rows: readonly CorpusLine[]): Promise<NaiveBayes> {
  const natural = await loadNatural()
  const train = (label: (r: CorpusLine) => string) => {
    const a = new natural.BayesClassifier(undefined, 1).classifier
    const per = new Map<string, number>()
    for (const r of rows) {
      const l = label(r)
      a.addExample({ ...featuresOf(r.text) } as unknown as Record<string, string>, l)
      per.set(l, (per.get(l) ?? 0) + 1)
    }
    a.totalExamples = 1 + rows.length
    for (const [c, k] of per) a.classTotals[c] = 1 + k
    return a
  }
  const cat = scorer(
    train((r) => r.category),
    CATEGORIES,
  )
  const urg = scorer(
    train((r) => (r.urgent ? 'yes' : 'no')),
    ['yes', 'no'],
  )
  return {
    score(text) {
      const f = featuresOf(text)
      const c = [...cat(f)].sort((x, y) => y[1] - x[1])[0][0]
      const u = urg(f)
      const d = (u.get('yes') ?? 0) - (u.get('no') ?? 0)
      return { category: c, urgent: 1 / (1 + Math.exp(-d)) }
    },
  }
}
