// The committed model is what the committed corpus trains: retraining gives it byte for byte.
//
// The full retraining runs in a child process: minutes of synchronous training inside a test
// worker would starve its messages to vitest, which then fails the run with a timeout of its own.
import { execFile } from 'node:child_process'
import { describe, expect, it } from 'vitest'
import { readCorpusLines } from '../tools/corpus.ts'
import { trainNetwork } from '../tools/train-network.ts'
import { OUTPUTS, decodeNetwork } from '../classifiers/network-model.ts'

/** A training tool run with --check in a child process: its exit code and what it said. */
function check(tool: string): Promise<{ code: number; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, ['--import', 'tsx', tool, '--check'], { maxBuffer: 1 << 20 }, (err, _out, stderr) =>
      resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stderr }),
    )
  })
}

describe('the weighing of bare mentions in lists', () => {
  it('retraining on the labelled list sets gives the committed data/model/list-mentions.tsv', async () => {
    const r = await check('tools/train-mentions.ts')
    expect(r.stderr).toContain('train-mentions:')
    expect(r.code, r.stderr).toBe(0)
  }, 300_000)
})

describe('network training', () => {
  it('retraining the corpus gives the committed model, byte for byte', async () => {
    const r = await check('tools/train.ts')
    expect(r.stderr).toContain('train:')
    expect(r.code, r.stderr).toBe(0)
  }, 900_000)

  it('is deterministic between two runs, and the file reads back', () => {
    const rows = readCorpusLines().slice(0, 400)
    const a = trainNetwork(rows)
    expect(trainNetwork(rows).equals(a)).toBe(true)
    const m = decodeNetwork(a)
    expect(m.header.outputs).toEqual([...OUTPUTS])
    expect(m.hidden).toBe(64)
  }, 120_000)
})
