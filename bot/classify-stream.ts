// The `triage classify` contract (DESIGN.md "Interfaces others depend on"):
// JSON lines {"id","text"} in, one JSON line per input out, in input order.
//
// Small inputs are answered on the main thread. A large file (a day of a
// region's traffic) is cut into batches answered by worker threads, one per
// core, and written back in input order: classification is CPU-bound and the
// machine has more than one core.
import { availableParallelism } from 'node:os'
import { createInterface } from 'node:readline'
import type { Readable, Writable } from 'node:stream'
import { Worker } from 'node:worker_threads'
import { classifyLines, type BatchResult } from './classify-lines.ts'

const BATCH = 1000

export interface ClassifyOptions { workers?: number }

class Pool {
  private readonly workers: Worker[]
  private next = 0
  private readonly waiting = new Map<number, { resolve(r: BatchResult): void; reject(e: Error): void }>()
  constructor(size: number) {
    // Module hooks are per thread: each worker registers tsx itself to load the .ts modules.
    this.workers = Array.from({ length: size }, () => {
      const w = new Worker(new URL('./classify-worker.mjs', import.meta.url))
      w.on('message', (m: BatchResult & { seq: number }) => {
        this.waiting.get(m.seq)?.resolve(m)
        this.waiting.delete(m.seq)
      })
      // A worker that dies fails every batch still waiting: the command exits non-zero rather than lose lines.
      w.on('error', (err) => {
        for (const p of this.waiting.values()) p.reject(err)
        this.waiting.clear()
      })
      return w
    })
  }
  run(seq: number, lines: string[], lineNos: number[]): Promise<BatchResult> {
    return new Promise((resolve, reject) => {
      this.waiting.set(seq, { resolve, reject })
      this.workers[this.next++ % this.workers.length].postMessage({ seq, lines, lineNos })
    })
  }
  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()))
  }
}

export async function runClassify(input: Readable, output: Writable, _args: string[] = [], options: ClassifyOptions = {}): Promise<number> {
  const lines = createInterface({ input, crlfDelay: Infinity })
  const size = options.workers ?? (Number(process.env.TRIAGE_CLASSIFY_WORKERS) || availableParallelism())
  let pool: Pool | null = null
  const inFlight: Promise<BatchResult>[] = []
  let bad = 0
  let seq = 0

  const write = async (r: BatchResult) => {
    for (const n of r.bad) process.stderr.write(`classify: line ${n}: not JSON, skipped\n`)
    bad += r.bad.length
    if (r.out && !output.write(r.out)) await new Promise<void>((resolve) => output.once('drain', () => resolve()))
  }
  const submit = async (batch: string[], lineNos: number[]) => {
    if (seq === 0 || size <= 1) {
      // The first batch on this thread: a short input never pays for starting workers.
      seq++
      await write(classifyLines(batch, lineNos))
      return
    }
    pool ??= new Pool(size)
    inFlight.push(pool.run(seq++, batch, lineNos))
    // Keep a few batches per worker in flight; write finished ones in order.
    while (inFlight.length >= size * 3) await write(await inFlight.shift()!)
  }

  let batch: string[] = []
  let lineNos: number[] = []
  let lineNo = 0
  try {
    for await (const line of lines) {
      lineNo++
      if (!line.trim()) continue
      batch.push(line)
      lineNos.push(lineNo)
      if (batch.length >= BATCH) {
        await submit(batch, lineNos)
        batch = []
        lineNos = []
      }
    }
    if (batch.length) await submit(batch, lineNos)
    while (inFlight.length) await write(await inFlight.shift()!)
  } finally {
    await (pool as Pool | null)?.close()
  }
  if (bad > 0) process.stderr.write(`classify: ${bad} line(s) were not JSON and were skipped\n`)
  return 0
}
