// WAL checkpoints on the second core.
//
// In WAL mode every commit appends pages to the -wal file, and by default the commit that
// takes the WAL past 1,000 pages also copies them back into the database file and fsyncs
// it — on the thread that is handling the residents' messages. At a region's volume that
// was a fifth of the ingest's time (docs/performance.md). Here a worker thread with its own
// connection runs PASSIVE checkpoints, which never block the writer, every `everyMs`; the
// main connection keeps a far larger automatic checkpoint as a safety net, should the
// worker fall behind or die.
//
// Once a second, not more often: each time a checkpoint has copied everything, the next commit
// starts the WAL over and (synchronous = NORMAL) fsyncs its header — on the main thread, behind
// the checkpoint's own fsync of the database file. Every 250 ms that was four such waits a second,
// some of them 40 ms long; once a second it is one, and the ingest ran ~9% faster (issue 7).
import { createRequire } from 'node:module'
import { Worker } from 'node:worker_threads'
import type { DB } from './store.ts'

/** The main connection checkpoints by itself only past this many WAL pages (~160 MB; a second at full load is ~12,000). */
export const SAFETY_NET_PAGES = 40_000

/** How often the worker checkpoints. */
export const CHECKPOINT_EVERY_MS = 1000

export interface Checkpointer {
  /** One last checkpoint, then the worker's connection is closed. */
  stop(): Promise<void>
}

const WORKER = `
const { parentPort, workerData } = require('node:worker_threads')
const Database = require(workerData.sqlite)
const db = new Database(workerData.path, { fileMustExist: true })
db.pragma('busy_timeout = 1000')
const checkpoint = () => {
  try { db.pragma('wal_checkpoint(PASSIVE)') } catch (err) { parentPort.postMessage({ error: String(err && err.message) }) }
}
const timer = setInterval(checkpoint, workerData.everyMs)
parentPort.on('message', (m) => {
  if (m !== 'stop') return
  clearInterval(timer)
  checkpoint()
  db.close()
  parentPort.postMessage({ stopped: true })
})
`

/**
 * Start checkpointing `db` (a file database in WAL mode) from a worker thread. Returns null for
 * an in-memory or read-only database, where there is nothing to checkpoint.
 */
export function startCheckpointer(db: DB, o: { everyMs?: number; onError?(message: string): void } = {}): Checkpointer | null {
  if (db.memory || db.readonly || String(db.pragma('journal_mode', { simple: true })).toLowerCase() !== 'wal') return null
  db.pragma(`wal_autocheckpoint = ${SAFETY_NET_PAGES}`)
  const sqlite = createRequire(import.meta.url).resolve('better-sqlite3')
  const worker = new Worker(WORKER, { eval: true, workerData: { path: db.name, sqlite, everyMs: o.everyMs ?? CHECKPOINT_EVERY_MS } })
  worker.unref()
  let alive = true
  let reported = false
  const fallBack = (why: string) => {
    if (!alive) return
    alive = false
    // Without the worker the main connection checkpoints as SQLite does by default.
    if (db.open) db.pragma('wal_autocheckpoint = 1000')
    o.onError?.(why)
  }
  worker.on('message', (m: { error?: string }) => {
    // A busy or failed checkpoint is retried on the next tick; say so once.
    if (m.error && !reported) {
      reported = true
      o.onError?.(`checkpoint failed: ${m.error}`)
    }
  })
  worker.on('error', (err) => fallBack(`checkpoint worker failed: ${err.message}`))
  worker.on('exit', () => fallBack('checkpoint worker exited'))
  return {
    async stop() {
      if (!alive) return
      alive = false
      await new Promise<void>((resolve) => {
        const done = () => resolve()
        worker.once('exit', done)
        worker.on('message', (m: { stopped?: boolean }) => {
          if (m.stopped) void worker.terminate().then(done, done)
        })
        worker.postMessage('stop')
        setTimeout(() => {
          void worker.terminate().then(done, done)
        }, 2000).unref()
      })
      if (db.open) db.pragma('wal_autocheckpoint = 1000')
    },
  }
}
