import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { readCorpus, serialise, trainModel } from '../classifiers/train.ts'
import { MODEL_URL } from '../classifiers/category-model.ts'
import { trainLinear } from '../classifiers/train-linear.ts'
import { LINEAR_MODEL_URL } from '../classifiers/linear-model.ts'

describe('category model training', () => {
  it('retraining the corpus gives the committed model, byte for byte', async () => {
    const model = await trainModel(readCorpus())
    const committed = readFileSync(MODEL_URL, 'utf8')
    expect(serialise(model) === committed, 'data/model/category.json is stale: run `npm run train` and commit it').toBe(true)
  }, 120_000)

  it('retraining the corpus gives the committed linear model, byte for byte', () => {
    const model = trainLinear(readCorpus())
    const committed = readFileSync(LINEAR_MODEL_URL)
    expect(model.equals(committed), 'data/model/linear.bin is stale: run `npm run train` and commit it').toBe(true)
  }, 240_000)

  it('is deterministic between two runs', async () => {
    const rows = readCorpus().slice(0, 400)
    const a = serialise(await trainModel(rows))
    const b = serialise(await trainModel(rows))
    expect(a).toBe(b)
  }, 120_000)
})
