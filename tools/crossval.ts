// `npm run crossval`: leave one writer out. For each briefed writer of data/corpus/, the network
// is trained on every other writer and the whole triage (rules and model) is scored on the
// writer it never saw: the nearest thing to a fresh round that the corpus itself can give. The
// urgency thresholds are read off these figures (and checked on fresh rounds), never off dev.
//
//   npm run crossval [-- --writers w01,w02] [-- --json FILE] [-- --options '{"hidden":64}']
import { writeFileSync } from 'node:fs'
import { readCorpusLines, type CorpusLine } from './corpus.ts'
import { trainNetwork, featuresOf, DEFAULT_OPTIONS } from './train-network.ts'
import { decodeNetwork, useNetwork } from '../classifiers/network-model.ts'
import { triageWith, type UrgencyThresholds } from '../classifiers/triage.ts'

interface Scored {
  writer: string
  urgent: boolean
  category: string
  predCategory: string
  rulesUrgent: boolean
  certain: boolean
  pUrgent: number
  cues: string[]
  late: 'certain' | 'possible' | null
}

const GRID = [0.08, 0.1, 0.15, 0.2, 0.25, 0.3, 0.4, 0.5, 0.6, 0.7]
const VETO = [0, 0.002, 0.005, 0.01, 0.02]

/** The same decision as classifiers/triage.ts, for other thresholds. */
function figures(rows: Scored[], t: UrgencyThresholds) {
  let tp = 0,
    fp = 0,
    fn = 0,
    soft = 0,
    calm = 0,
    possible = 0
  for (const r of rows) {
    const vetoed = r.rulesUrgent && !r.certain && r.pUrgent < t.vetoBelow
    const urgent = (r.rulesUrgent && !vetoed) || r.pUrgent >= t.urgentAt || r.late === 'certain'
    const maybe = !urgent && (r.pUrgent >= t.possibleAt || r.late === 'possible')
    if (r.urgent) {
      if (urgent) tp++
      else fn++
      if (urgent || maybe) soft++
    } else {
      calm++
      if (urgent) fp++
      if (maybe) possible++
    }
  }
  return {
    recall: tp / (tp + fn),
    precision: tp / (tp + fp || 1),
    soft: soft / (tp + fn),
    possibleRate: possible / calm,
    falseAlarms: fp / calm,
  }
}

const featureCache = new Map<string, number[]>()
/** Features depend on the text only: computed once for all folds. */
function cachedFeatures(text: string): number[] {
  let f = featureCache.get(text)
  if (!f) {
    f = featuresOf(text)
    featureCache.set(text, f)
  }
  return f
}

function main(argv: string[]): void {
  const lines = readCorpusLines()
  const wi = argv.indexOf('--writers')
  const writers = wi >= 0 ? argv[wi + 1].split(',') : [...new Set(lines.map((l) => l.writer))].filter((w) => w !== 'team').sort()
  // --options '{"hidden":64}': train other than the defaults, to compare
  const oi = argv.indexOf('--options')
  const options = { ...DEFAULT_OPTIONS, ...(oi >= 0 ? (JSON.parse(argv[oi + 1]) as Partial<typeof DEFAULT_OPTIONS>) : {}) }
  const scored: Scored[] = []
  for (const w of writers) {
    const train = lines.filter((l) => l.writer !== w)
    const test = lines.filter((l) => l.writer === w)
    useNetwork(decodeNetwork(trainNetwork(train, options, cachedFeatures)))
    for (const l of test) {
      const r = triageWith(l.text)
      scored.push({
        writer: w,
        urgent: l.urgent,
        category: l.category,
        predCategory: r.result.category,
        rulesUrgent: r.rulesUrgent,
        certain: r.certain,
        pUrgent: r.pUrgent,
        cues: r.cues,
        late: r.late,
      })
    }
    const acc = scored.filter((s) => s.writer === w && s.category === s.predCategory).length / test.length
    process.stderr.write(`${w}: ${test.length} lines, accuracy ${(100 * acc).toFixed(1)} %\n`)
  }
  useNetwork(null)
  const pct = (x: number) => (100 * x).toFixed(1).padStart(5)
  process.stdout.write(`leave-one-writer-out over ${writers.length} writers, ${scored.length} lines\n`)
  process.stdout.write(`accuracy ${pct(scored.filter((s) => s.category === s.predCategory).length / scored.length)} %\n`)
  const rules = figures(scored, { urgentAt: 2, possibleAt: 2, vetoBelow: 0 })
  process.stdout.write(`rules alone: recall ${pct(rules.recall)} %, precision ${pct(rules.precision)} %\n`)
  // every combination, best first by recall counting possibly urgent, then by precision; those
  // that keep possibleRate ≤ 1.5 % and precision ≥ 0.88 are marked
  const rowsOut: { u: number; p: number; v: number; f: ReturnType<typeof figures> }[] = []
  for (const u of GRID)
    for (const p of GRID.filter((x) => x <= u))
      for (const v of VETO) rowsOut.push({ u, p, v, f: figures(scored, { urgentAt: u, possibleAt: p, vetoBelow: v }) })
  rowsOut.sort((a, b) => b.f.soft - a.f.soft || b.f.recall - a.f.recall || b.f.precision - a.f.precision)
  process.stdout.write('  urgentAt possibleAt vetoBelow  recall  +possible  precision  possibleRate  falseAlarms\n')
  for (const r of rowsOut
    .filter((x) => argv.includes('--all') || (x.f.possibleRate <= 0.015 && x.f.precision >= 0.85))
    .slice(0, argv.includes('--all') ? 1e9 : 25)) {
    process.stdout.write(
      `  ${r.u.toFixed(2).padStart(8)} ${r.p.toFixed(2).padStart(10)} ${r.v.toFixed(2).padStart(9)}  ${pct(r.f.recall)}  ${pct(r.f.soft)}     ${pct(r.f.precision)}      ${pct(r.f.possibleRate)}       ${pct(r.f.falseAlarms)}\n`,
    )
  }
  const ji = argv.indexOf('--json')
  if (ji >= 0) writeFileSync(argv[ji + 1], JSON.stringify(scored))
}

main(process.argv.slice(2))
export type { CorpusLine }
