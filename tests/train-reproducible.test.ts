// The committed model is what the committed corpus trains: retraining gives it byte for byte.
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { readCorpusLines } from '../tools/corpus.ts'
import { trainLinear } from '../tools/train-linear.ts'
import { LINEAR_MODEL_URL, decodeLinear } from '../classifiers/linear-model.ts'

describe('linear model training', () => {
  it('retraining the corpus gives the committed model, byte for byte', () => {
    const model = trainLinear(readCorpusLines())
    const committed = readFileSync(LINEAR_MODEL_URL)
    expect(model.equals(committed), 'data/model/linear.bin is stale: run `npm run train` and commit it').toBe(true)
  }, 240_000)

  it('is deterministic between two runs, and the file reads back', () => {
    const rows = readCorpusLines().slice(0, 400)
    const a = trainLinear(rows)
    expect(trainLinear(rows).equals(a)).toBe(true)
    const m = decodeLinear(a)
    expect(m.columns).toEqual(['urgent', 'medical', 'repair', 'grocery', 'pet', 'emotional', 'other',
      'label:medical', 'label:repair', 'label:grocery', 'label:pet', 'label:emotional'])
  }, 120_000)
})
