// The committed model is what the committed corpus trains: retraining gives it byte for byte.
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { readCorpusLines } from '../tools/corpus.ts'
import { trainNetwork } from '../tools/train-network.ts'
import { NETWORK_MODEL_URL, OUTPUTS, decodeNetwork } from '../classifiers/network-model.ts'

describe('network training', () => {
  it('retraining the corpus gives the committed model, byte for byte', () => {
    const model = trainNetwork(readCorpusLines())
    const committed = readFileSync(NETWORK_MODEL_URL)
    expect(model.equals(committed), 'data/model/network.bin is stale: run `npm run train` and commit it').toBe(true)
  }, 600_000)

  it('is deterministic between two runs, and the file reads back', () => {
    const rows = readCorpusLines().slice(0, 400)
    const a = trainNetwork(rows)
    expect(trainNetwork(rows).equals(a)).toBe(true)
    const m = decodeNetwork(a)
    expect(m.header.outputs).toEqual([...OUTPUTS])
    expect(m.hidden).toBe(64)
  }, 120_000)
})
