// `npm run train`: train the network (classifiers/network-model.ts) on data/corpus/ and write
// data/model/network.bin. Deterministic: the same corpus gives the same bytes
// (tests/train-reproducible.test.ts). After training, run `npm run crossval` to check the
// urgency thresholds in data/model/urgency.yaml against the new model's calibration.
//
// `npm run train -- --check` trains in memory and only compares: exit 0 when the committed model
// is what the committed corpus trains, 1 when it is stale.
import { readFileSync, writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { readCorpusLines } from './corpus.ts'
import { trainNetwork } from './train-network.ts'
import { NETWORK_MODEL_URL } from '../classifiers/network-model.ts'
import { CATEGORIES } from '../classifiers/types.ts'

function main(argv: string[]): number {
  const check = argv.includes('--check')
  const rows = readCorpusLines()
  const t0 = performance.now()
  const model = trainNetwork(rows)
  if (check) {
    const same = model.equals(readFileSync(NETWORK_MODEL_URL))
    process.stderr.write(
      same
        ? 'train: the committed model is what the corpus trains\n'
        : 'train: data/model/network.bin is stale: run `npm run train` and commit it\n',
    )
    return same ? 0 : 1
  }
  writeFileSync(NETWORK_MODEL_URL, model)
  const counts = CATEGORIES.map((c) => `${c} ${rows.filter((r) => r.category === c).length}`).join(', ')
  process.stderr.write(
    `trained on ${rows.length} messages (${counts}; urgent ${rows.filter((r) => r.urgent).length}); ` +
      `${model.length} bytes in ${(performance.now() - t0).toFixed(0)} ms → ${fileURLToPath(NETWORK_MODEL_URL)}\n`,
  )
  return 0
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) process.exitCode = main(process.argv.slice(2))
