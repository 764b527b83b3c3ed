// `npm run train`: train the network (classifiers/network-model.ts) on data/corpus/ and write
// data/model/network.bin. Deterministic: the same corpus gives the same bytes
// (tests/train-reproducible.test.ts). After training, run `npm run crossval` to check the
// urgency thresholds in data/model/urgency.yaml against the new model's calibration.
import { writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { readCorpusLines } from './corpus.ts'
import { trainNetwork } from './train-network.ts'
import { NETWORK_MODEL_URL } from '../classifiers/network-model.ts'
import { CATEGORIES } from '../classifiers/types.ts'

function main(): void {
  const rows = readCorpusLines()
  const t0 = performance.now()
  const model = trainNetwork(rows)
  writeFileSync(NETWORK_MODEL_URL, model)
  const counts = CATEGORIES.map((c) => `${c} ${rows.filter((r) => r.category === c).length}`).join(', ')
  process.stderr.write(
    `trained on ${rows.length} messages (${counts}; urgent ${rows.filter((r) => r.urgent).length}); ` +
      `${model.length} bytes in ${(performance.now() - t0).toFixed(0)} ms → ${fileURLToPath(NETWORK_MODEL_URL)}\n`,
  )
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main()
