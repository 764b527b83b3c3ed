// `npm run train`: train the ensemble (classifiers/network-model.ts) on data/corpus/ and write
// data/model/network.bin, network-2.bin and network-3.bin, one network per seed of
// ENSEMBLE_SEEDS. Deterministic: the same corpus gives the same bytes
// (tests/train-reproducible.test.ts). After training, run `npm run crossval` to check the
// urgency thresholds in data/model/urgency.yaml against the new model's calibration.
//
// `npm run train -- --check` trains in memory and only compares: exit 0 when the committed models
// are what the committed corpus trains, 1 when one is stale.
import { readFileSync, writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { readCorpusLines } from './corpus.ts'
import { DEFAULT_OPTIONS, ENSEMBLE_SEEDS, featuresOf, trainNetwork } from './train-network.ts'
import { NETWORK_MODEL_URLS } from '../classifiers/network-model.ts'
import { CATEGORIES } from '../classifiers/types.ts'

function main(argv: string[]): number {
  const check = argv.includes('--check')
  const rows = readCorpusLines()
  const t0 = performance.now()
  // (the features once for all three networks: they are most of a network's training time)
  const cache = new Map<string, number[]>()
  const cached = (text: string) => {
    let f = cache.get(text)
    if (!f) cache.set(text, (f = featuresOf(text)))
    return f
  }
  let stale = 0
  for (let m = 0; m < ENSEMBLE_SEEDS.length; m++) {
    const model = trainNetwork(rows, { ...DEFAULT_OPTIONS, seed: ENSEMBLE_SEEDS[m] }, cached)
    const url = NETWORK_MODEL_URLS[m]
    if (check) {
      let committed: Buffer | null = null
      try {
        committed = readFileSync(url)
      } catch {
        committed = null
      }
      if (!committed || !model.equals(committed)) stale++
      continue
    }
    writeFileSync(url, model)
    process.stderr.write(`${model.length} bytes → ${fileURLToPath(url)}\n`)
  }
  if (check) {
    process.stderr.write(
      stale === 0
        ? 'train: the committed models are what the corpus trains\n'
        : `train: ${stale} of the models in data/model/ are stale: run \`npm run train\` and commit them\n`,
    )
    return stale === 0 ? 0 : 1
  }
  const counts = CATEGORIES.map((c) => `${c} ${rows.filter((r) => r.category === c).length}`).join(', ')
  process.stderr.write(
    `trained ${ENSEMBLE_SEEDS.length} networks on ${rows.length} messages (${counts}; urgent ${rows.filter((r) => r.urgent).length}) ` +
      `in ${(performance.now() - t0).toFixed(0)} ms\n`,
  )
  return 0
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) process.exitCode = main(process.argv.slice(2))
