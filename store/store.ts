// The one SQLite file that holds everything (better-sqlite3, WAL).
//
// Opening is where storage faults must surface loudly: a read-only file, a DB
// from a newer Louguanjia, a locked file. Everything after opening is
// synchronous and short, so a busy timeout gives a bounded retry for free.
import Database from 'better-sqlite3'
import { chmodSync, closeSync, existsSync, mkdirSync, openSync, statSync } from 'node:fs'
import { dirname } from 'node:path'
import { MIGRATIONS, SCHEMA_VERSION } from './migrations.ts'

export type DB = Database.Database

export class StoreError extends Error {
  constructor(
    message: string,
    readonly code: 'READONLY' | 'NEWER_SCHEMA' | 'BUSY' | 'FULL' | 'OPEN',
  ) {
    super(message)
    this.name = 'StoreError'
  }
}

export interface OpenOptions {
  /** Wait this long for a lock held by another process before failing (SQLITE_BUSY). */
  busyTimeoutMs?: number
  readonly?: boolean
}

export function openStore(path: string, options: OpenOptions = {}): DB {
  const memory = path === ':memory:' || path === ''
  if (!memory && !options.readonly) {
    if (!existsSync(path)) {
      mkdirSync(dirname(path), { recursive: true })
      // Residents' messages and health data: owner-only from the first byte.
      closeSync(openSync(path, 'a', 0o600))
    } else if ((statSync(path).mode & 0o077) !== 0) {
      // An older or copied file readable by others is tightened too (SQLite gives -wal/-shm the same mode).
      try {
        chmodSync(path, 0o600)
      } catch {
        /* not ours to change: opening still works */
      }
    }
  }
  let db: DB
  try {
    db = new Database(memory ? ':memory:' : path, { readonly: options.readonly ?? false, fileMustExist: options.readonly ?? false })
  } catch (err) {
    throw new StoreError(`cannot open database ${path}: ${(err as Error).message}`, 'OPEN')
  }
  db.pragma(`busy_timeout = ${Math.max(0, Math.floor(options.busyTimeoutMs ?? 5000))}`)
  if (options.readonly) return checkVersion(db, path)
  try {
    // A DB from a newer Louguanjia is refused before anything is written to it (not even WAL mode).
    checkVersion(db, path)
    if (!memory) db.pragma('journal_mode = WAL')
    db.pragma('synchronous = NORMAL')
    db.pragma('foreign_keys = ON')
    migrate(db, path)
  } catch (err) {
    db.close()
    throw classify(err, path)
  }
  return db
}

function checkVersion(db: DB, path: string): DB {
  const version = db.pragma('user_version', { simple: true }) as number
  if (version > SCHEMA_VERSION) {
    db.close()
    throw new StoreError(
      `database ${path} has schema version ${version}, newer than this Louguanjia understands (${SCHEMA_VERSION}); upgrade Louguanjia or use another TRIAGE_DB`,
      'NEWER_SCHEMA',
    )
  }
  return db
}

function migrate(db: DB, path: string): void {
  checkVersion(db, path)
  const version = db.pragma('user_version', { simple: true }) as number
  for (let v = version; v < SCHEMA_VERSION; v++) {
    db.transaction(() => {
      db.exec(MIGRATIONS[v])
      db.pragma(`user_version = ${v + 1}`)
    })()
  }
  // Probe a write now so a read-only or full file fails at start-up, not on the first resident's message.
  probeWrite(db)
}

function probeWrite(db: DB): void {
  db.prepare(`INSERT INTO kv(key, value) VALUES ('opened', '1') ON CONFLICT(key) DO UPDATE SET value = excluded.value`).run()
}

/**
 * Throws a StoreError now if the store cannot be written (opened read-only, full, locked past
 * the busy timeout): the bot refuses to start rather than lose every message it hears.
 */
export function assertWritable(db: DB, path: string = db.name): void {
  try {
    probeWrite(db)
  } catch (err) {
    throw classify(err, path)
  }
}

/** Map SQLite's error codes to errors an operator can act on. */
export function classify(err: unknown, path = ''): Error {
  if (err instanceof StoreError) return err
  const code = (err as { code?: string } | null)?.code ?? ''
  const message = (err as Error | null)?.message ?? String(err)
  const db = path ? `database ${path}` : 'the database'
  if (code.startsWith('SQLITE_READONLY')) return new StoreError(`${db} is read-only: ${message}`, 'READONLY')
  if (code === 'SQLITE_FULL') return new StoreError(`${db} is full (disk or size limit): ${message}`, 'FULL')
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED'))
    return new StoreError(`${db} is locked by another process: ${message}`, 'BUSY')
  return err instanceof Error ? err : new Error(message)
}

const STATEMENTS = new WeakMap<DB, Map<string, Database.Statement>>()

/**
 * A prepared statement, compiled once per connection: preparing costs more than
 * running most of these queries, and the pipeline runs them for every message.
 */
export function statement(db: DB, source: string): Database.Statement {
  let cache = STATEMENTS.get(db)
  if (!cache) STATEMENTS.set(db, (cache = new Map()))
  let s = cache.get(source)
  if (!s) cache.set(source, (s = db.prepare(source)))
  return s
}

/** A SELECT whose rows come back as plain objects. */
export interface RowQuery {
  get(...args: unknown[]): Record<string, unknown> | undefined
  all(...args: unknown[]): Record<string, unknown>[]
}

const ROW_QUERIES = new WeakMap<DB, Map<string, RowQuery>>()

/**
 * Like statement(), for wide rows read on every message (a ticket has 35 columns): the rows are
 * fetched as arrays and turned into objects by an object literal compiled once per query, which
 * costs about half of better-sqlite3 building each object key by key (issue 7 profile).
 */
export function rows(db: DB, source: string): RowQuery {
  let cache = ROW_QUERIES.get(db)
  if (!cache) ROW_QUERIES.set(db, (cache = new Map()))
  let q = cache.get(source)
  if (!q) {
    const stmt = db.prepare(source).raw(true)
    // Column names come from our own schema; JSON.stringify quotes them all the same.
    const literal = stmt
      .columns()
      .map((c, i) => `${JSON.stringify(c.name)}: a[${i}]`)
      .join(', ')
    const toObject = new Function('a', `return { ${literal} }`) as (a: unknown[]) => Record<string, unknown>
    q = {
      get: (...args) => {
        const a = stmt.get(...args) as unknown[] | undefined
        return a ? toObject(a) : undefined
      },
      all: (...args) => (stmt.all(...args) as unknown[][]).map(toObject),
    }
    cache.set(source, q)
  }
  return q
}

export function getKv(db: DB, key: string): string | null {
  const row = statement(db, 'SELECT value FROM kv WHERE key = ?').get(key) as { value: string } | undefined
  return row?.value ?? null
}

export function setKv(db: DB, key: string, value: string): void {
  statement(db, 'INSERT INTO kv(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(key, value)
}
