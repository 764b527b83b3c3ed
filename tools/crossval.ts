// `npm run crossval`: leave one writer out. For each briefed writer of data/corpus/, the linear
// model is trained on every other writer and the whole triage (rules and model) is scored on the
// writer it never saw: the nearest thing to a fresh round that the corpus itself can give. The
// urgency thresholds are read off these figures (and checked on fresh rounds), never off dev.
//
//   npm run crossval [-- --writers w01,w02] [-- --json FILE]
import { writeFileSync } from 'node:fs'
import { readCorpusLines, type CorpusLine } from './corpus.ts'
import { trainLinear } from './train-linear.ts'
import { decodeLinear, useLinearModel } from '../classifiers/linear-model.ts'
import { triageWith, type UrgencyThresholds } from '../classifiers/triage.ts'

interface Scored { writer: string; urgent: boolean; category: string; predCategory: string; rulesUrgent: boolean; pUrgent: number }

const GRID = [0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7, 0.8]

function figures(rows: Scored[], t: UrgencyThresholds) {
  let tp = 0, fp = 0, fn = 0, soft = 0, calm = 0, possible = 0
  for (const r of rows) {
    const urgent = r.rulesUrgent || r.pUrgent >= t.urgentAt
    const maybe = !urgent && r.pUrgent >= t.possibleAt
    if (r.urgent) { if (urgent) tp++; else fn++; if (urgent || maybe) soft++ } else { calm++; if (urgent) fp++; if (maybe) possible++ }
  }
  return { recall: tp / (tp + fn), precision: tp / (tp + fp || 1), soft: soft / (tp + fn), possibleRate: possible / calm, falseAlarms: fp / calm }
}

function main(argv: string[]): void {
  const lines = readCorpusLines()
  const wi = argv.indexOf('--writers')
  const writers = wi >= 0 ? argv[wi + 1].split(',') : [...new Set(lines.map((l) => l.writer))].filter((w) => w !== 'team').sort()
  const scored: Scored[] = []
  for (const w of writers) {
    const train = lines.filter((l) => l.writer !== w)
    const test = lines.filter((l) => l.writer === w)
    useLinearModel(decodeLinear(trainLinear(train)))
    for (const l of test) {
      const r = triageWith(l.text)
      scored.push({ writer: w, urgent: l.urgent, category: l.category, predCategory: r.result.category, rulesUrgent: r.rulesUrgent, pUrgent: r.pUrgent })
    }
    const acc = scored.filter((s) => s.writer === w && s.category === s.predCategory).length / test.length
    process.stderr.write(`${w}: ${test.length} lines, accuracy ${(100 * acc).toFixed(1)} %\n`)
  }
  useLinearModel(null)
  const pct = (x: number) => (100 * x).toFixed(1).padStart(5)
  process.stdout.write(`leave-one-writer-out over ${writers.length} writers, ${scored.length} lines\n`)
  process.stdout.write(`accuracy ${pct(scored.filter((s) => s.category === s.predCategory).length / scored.length)} %\n`)
  process.stdout.write(`rules alone: recall ${pct(figures(scored, { urgentAt: 2, possibleAt: 2 }).recall)} %\n`)
  process.stdout.write('urgentAt possibleAt  recall  +possible  precision  possibleRate  falseAlarms\n')
  for (const u of GRID) for (const p of GRID.filter((x) => x < u)) {
    const f = figures(scored, { urgentAt: u, possibleAt: p })
    process.stdout.write(`${u.toFixed(2).padStart(8)} ${p.toFixed(2).padStart(10)}  ${pct(f.recall)}  ${pct(f.soft)}     ${pct(f.precision)}      ${pct(f.possibleRate)}       ${pct(f.falseAlarms)}\n`)
  }
  const ji = argv.indexOf('--json')
  if (ji >= 0) writeFileSync(argv[ji + 1], JSON.stringify(scored))
}

main(process.argv.slice(2))
export type { CorpusLine }
