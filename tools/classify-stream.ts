// The `triage classify` contract (DESIGN.md "Interfaces others depend on"):
// JSON lines {"id","text"} in, one JSON line per input out, in input order.
//
// One thread: worker threads were measured here and lost (each pays the
// TypeScript loader and the model again, and the answers must be re-ordered);
// repeated texts are answered from memory instead (tools/classify-lines.ts).
import { createInterface } from 'node:readline'
import type { Readable, Writable } from 'node:stream'
import { classifyLines, type BatchResult } from './classify-lines.ts'

const BATCH = 512

export async function runClassify(input: Readable, output: Writable, _args: string[] = []): Promise<number> {
  const lines = createInterface({ input, crlfDelay: Infinity })
  let bad = 0
  const write = async (r: BatchResult) => {
    for (const n of r.bad) process.stderr.write(`classify: line ${n}: not JSON, skipped\n`)
    bad += r.bad.length
    if (r.out && !output.write(r.out)) await new Promise<void>((resolve) => output.once('drain', () => resolve()))
  }
  let batch: string[] = []
  let lineNos: number[] = []
  let lineNo = 0
  for await (const line of lines) {
    lineNo++
    if (!line.trim()) continue
    batch.push(line)
    lineNos.push(lineNo)
    if (batch.length >= BATCH) {
      await write(classifyLines(batch, lineNos))
      batch = []
      lineNos = []
    }
  }
  if (batch.length) await write(classifyLines(batch, lineNos))
  if (bad > 0) process.stderr.write(`classify: ${bad} line(s) were not JSON and were skipped\n`)
  return 0
}
