// The `triage classify` contract (DESIGN.md "Interfaces others depend on"):
// JSON lines {"id","text"} in, one JSON line per input out, in input order. A line that does
// not start with `{` is a text (id = its line number); a `{` line that does not parse is
// answered with {"id": lineNo, "error": …}: output line N always answers input line N.
//
// `--threads N` worker threads answer a share of each batch's new texts while the main thread
// answers the rest (tools/classify-pool.ts; default: one worker where there are two cores).
// Repeated texts are answered from memory (tools/classify-lines.ts). A worker shares only once it
// has loaded its model, and its share follows how fast each side answered the last batch: when
// the main thread waited for a worker still loading, one worker on the 2-vCPU machines was slower
// than none (10.6 s against 9.8 s); sharing from readiness it is faster (5.97 s against 6.32 s on
// the bench file, mean of three), at about 30 % more CPU, since the two vCPUs share a core.
import { createInterface } from 'node:readline'
import type { Readable, Writable } from 'node:stream'
import { classifyLines, type BatchResult } from './classify-lines.ts'
import { WorkerPool, threadsArg } from './classify-pool.ts'

const BATCH = 512

export async function runClassify(
  input: Readable,
  output: Writable,
  args: string[] = [],
  threads = threadsArg(args) ?? 0,
  pool: WorkerPool | null = threads > 0 ? new WorkerPool(threads) : null,
): Promise<number> {
  const lines = createInterface({ input, crlfDelay: Infinity })
  let bad = 0
  const write = async (r: BatchResult) => {
    for (const n of r.bad) process.stderr.write(`classify:第 ${n} 行不是有效的 JSON,已在原位置输出错误对象\n`)
    bad += r.bad.length
    if (r.out && !output.write(r.out)) await new Promise<void>((resolve) => output.once('drain', () => resolve()))
  }
  let batch: string[] = []
  let lineNos: number[] = []
  let lineNo = 0
  try {
    for await (const line of lines) {
      lineNo++
      // A blank line is answered too (as an empty text), so output line N answers input line N.
      batch.push(line)
      lineNos.push(lineNo)
      if (batch.length >= BATCH) {
        await write(await classifyLines(batch, lineNos, pool))
        batch = []
        lineNos = []
      }
    }
    if (batch.length) await write(await classifyLines(batch, lineNos, pool))
  } finally {
    await pool?.close()
  }
  if (bad > 0) process.stderr.write(`classify:共 ${bad} 行不是有效的 JSON,每行都在原位置输出了错误对象\n`)
  return 0
}
