// The `triage classify` contract (DESIGN.md "Interfaces others depend on"):
// JSON lines {"id","text"} in, one JSON line per input out, in input order. A line that does
// not start with `{` is a text (id = its line number); a `{` line that does not parse is
// answered with {"id": lineNo, "error": …}: output line N always answers input line N.
//
// `--threads N` worker threads answer a share of each batch's new texts while the main thread
// answers the rest (default 0: one thread). Repeated texts are answered from memory
// (tools/classify-lines.ts). Measured on the 2-vCPU machines (bench file, idle host): one
// thread 9.8 s, one worker more 10.6 s wall and 48 % more CPU — each worker loads its own model
// and the batches wait for the slower share — so threads are opt-in, for larger machines.
import { createInterface } from 'node:readline'
import type { Readable, Writable } from 'node:stream'
import { Worker } from 'node:worker_threads'
import { answerText, classifyLines, type BatchResult, type Helper } from './classify-lines.ts'

const BATCH = 512

export function defaultThreads(): number {
  return 0
}

/** `--threads N` from the arguments, or null when absent; an invalid value is an error. */
export function threadsArg(args: string[]): number | null {
  const at = args.indexOf('--threads')
  if (at < 0) return null
  const n = Number(args[at + 1])
  if (!Number.isInteger(n) || n < 0 || n > 16) throw new Error('classify:--threads 需要 0 到 16 之间的整数')
  return n
}

/**
 * Worker threads that answer texts. A worker that cannot start or fails hands its share back to
 * this thread: the answers are the same, only slower — never a lost line.
 */
class WorkerPool implements Helper {
  private readonly workers: { w: Worker; ok: boolean; pending: Map<number, (a: string[] | null) => void> }[] = []
  private seq = 0
  private closing = false

  constructor(n: number) {
    for (let i = 0; i < n; i++) {
      const w = new Worker(new URL('./classify-worker.mjs', import.meta.url))
      const entry = { w, ok: true, pending: new Map<number, (a: string[] | null) => void>() }
      w.on('message', (m: { seq: number; answers: string[] }) => {
        entry.pending.get(m.seq)?.(m.answers)
        entry.pending.delete(m.seq)
      })
      const fail = (why: string) => {
        if (entry.ok) process.stderr.write(`classify:一个工作线程停止了(${why}),它那份改由主线程回答\n`)
        entry.ok = false
        for (const resolve of entry.pending.values()) resolve(null)
        entry.pending.clear()
      }
      w.on('error', (e) => fail(e instanceof Error ? e.message : String(e)))
      w.on('exit', (code) => {
        if (!this.closing) fail(`exit ${code}`)
      })
      this.workers.push(entry)
    }
  }

  get size(): number {
    return this.workers.filter((e) => e.ok).length
  }

  async answer(texts: string[]): Promise<string[]> {
    const live = this.workers.filter((e) => e.ok)
    if (live.length === 0) return texts.map(answerText)
    const per = Math.ceil(texts.length / live.length)
    const parts = await Promise.all(
      live.map((e, k) => {
        const share = texts.slice(k * per, (k + 1) * per)
        if (share.length === 0) return Promise.resolve([] as string[])
        const seq = ++this.seq
        return new Promise<string[]>((resolve) => {
          e.pending.set(seq, (answers) => resolve(answers ?? share.map(answerText)))
          e.w.postMessage({ seq, texts: share })
        })
      }),
    )
    return parts.flat()
  }

  async close(): Promise<void> {
    this.closing = true
    await Promise.all(this.workers.map((e) => e.w.terminate()))
  }
}

export async function runClassify(
  input: Readable,
  output: Writable,
  args: string[] = [],
  threads = threadsArg(args) ?? 0,
): Promise<number> {
  const pool = threads > 0 ? new WorkerPool(threads) : null
  // each thread, this one included, takes an equal share of the new texts
  const share = pool ? threads / (threads + 1) : 0
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
        await write(await classifyLines(batch, lineNos, pool, share))
        batch = []
        lineNos = []
      }
    }
    if (batch.length) await write(await classifyLines(batch, lineNos, pool, share))
  } finally {
    await pool?.close()
  }
  if (bad > 0) process.stderr.write(`classify:共 ${bad} 行不是有效的 JSON,每行都在原位置输出了错误对象\n`)
  return 0
}
