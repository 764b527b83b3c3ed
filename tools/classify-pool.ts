// The worker threads of `triage classify` (tools/classify-stream.ts). Kept apart from the
// classifier so that the workers start loading their model before this thread loads its own: on
// a 2-vCPU machine the two loads overlap instead of one waiting for the other.
import { availableParallelism } from 'node:os'
import { Worker } from 'node:worker_threads'
import type { Helper } from './classify-lines.ts'

/** One worker beside this thread where there is a second core: the worker shares from when it is ready. */
export function defaultThreads(): number {
  return availableParallelism() >= 2 ? 1 : 0
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
 * Worker threads that answer texts. A worker takes work once it has loaded its model — until then
 * this thread goes on alone rather than wait for it. A worker that cannot start or fails hands
 * its share back to this thread (null answers): the answers are the same, only slower — never a lost line.
 */
export class WorkerPool implements Helper {
  private readonly workers: {
    w: Worker
    ok: boolean
    ready: boolean
    pending: Map<number, (a: { answers: string[]; ms: number } | null) => void>
  }[] = []
  private seq = 0
  private closing = false
  share: number

  constructor(n: number) {
    // each thread, this one included, starts with an equal share; classifyLines resizes it
    this.share = n / (n + 1)
    for (let i = 0; i < n; i++) {
      const w = new Worker(new URL('./classify-worker.mjs', import.meta.url))
      const entry = { w, ok: true, ready: false, pending: new Map<number, (a: { answers: string[]; ms: number } | null) => void>() }
      w.on('message', (m: { ready: true } | { seq: number; answers: string[]; ms: number }) => {
        if ('ready' in m) {
          entry.ready = true
          return
        }
        entry.pending.get(m.seq)?.(m)
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

  private live() {
    return this.workers.filter((e) => e.ok && e.ready)
  }

  get ready(): boolean {
    return this.live().length > 0
  }

  async answer(texts: string[]): Promise<{ answers: (string | null)[]; perMs: number } | null> {
    const live = this.live()
    if (live.length === 0) return null
    const per = Math.ceil(texts.length / live.length)
    let perMs = 0
    const parts = await Promise.all(
      live.map((e, k) => {
        const share = texts.slice(k * per, (k + 1) * per)
        if (share.length === 0) return Promise.resolve([] as (string | null)[])
        const seq = ++this.seq
        return new Promise<(string | null)[]>((resolve) => {
          e.pending.set(seq, (a) => {
            if (a) perMs += share.length / Math.max(a.ms, 0.001)
            resolve(a?.answers ?? share.map(() => null))
          })
          e.w.postMessage({ seq, texts: share })
        })
      }),
    )
    return { answers: parts.flat(), perMs }
  }

  async close(): Promise<void> {
    this.closing = true
    await Promise.all(this.workers.map((e) => e.w.terminate()))
  }
}
