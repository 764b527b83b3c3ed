// Storage faults: a read-only DB, a full disk, a locked DB, a DB from a newer schema, and the
// file's permissions. Each one must give a clear error at start-up or a bounded retry — never a
// message silently lost. (CI runs as root: file permissions cannot make a file read-only, so the
// read-only cases open it read-only; a full disk is simulated with PRAGMA max_page_count.)
import Database from 'better-sqlite3'
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync, statSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import pino from 'pino'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { startMockCommunity, type MockCommunity } from '../testing/mock-community.ts'
import { Inbox } from '../store/inbox.ts'
import type { Inbound } from '../store/types.ts'
import { SCHEMA_VERSION } from '../store/migrations.ts'
import { StoreError, assertWritable, classify, openStore, type DB } from '../store/store.ts'
import { parseConfig } from '../handlers/config.ts'
import { createContext, type Context } from '../handlers/context.ts'
import { drainInbox } from '../handlers/pipeline.ts'

const ROOT = fileURLToPath(new URL('..', import.meta.url))
const SQLITE = createRequire(import.meta.url).resolve('better-sqlite3')
const log = pino({ level: 'silent' })
const NOW = Date.now()

let dir = ''
let open: DB[] = []
let children: ChildProcess[] = []
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'louguanjia-faults-'))
})
afterEach(async () => {
  for (const c of children) if (c.exitCode === null) await new Promise((r) => c.once('exit', r))
  for (const db of open) if (db.open) db.close()
  open = []
  children = []
  rmSync(dir, { recursive: true, force: true })
})

const track = (db: DB): DB => {
  open.push(db)
  return db
}
const dbPath = (name = 'louguanjia.db') => join(dir, name)

function message(i: number, over: Partial<Inbound> = {}): Inbound {
  return {
    messageId: `m-${i}`,
    roomId: 'floor-6-2@chatroom',
    roomTopic: '春江天境6栋2楼业主群',
    talkerId: `res-${i}`,
    talkerName: `6-1-${200 + i} 住户`,
    text: '家里没菜了 帮忙买点青菜',
    type: 'text',
    mentionsSelf: false,
    at: NOW,
    ...over,
  }
}

function context(db: DB): Context {
  return createContext(db, parseConfig({ TRIAGE_STEWARDS: 'steward-wang', TRIAGE_MANAGERS: 'manager-zhou' }), () => NOW)
}

function caught(fn: () => unknown): unknown {
  try {
    fn()
  } catch (err) {
    return err
  }
  throw new Error('expected an error')
}

/** Another process takes the write lock (BEGIN IMMEDIATE plus a write) and holds it for `ms`. */
async function holdLockElsewhere(path: string, ms: number): Promise<ChildProcess> {
  const script = `
    const Database = require(${JSON.stringify(SQLITE)})
    const db = new Database(process.argv[1])
    db.exec('BEGIN IMMEDIATE')
    db.prepare("INSERT INTO kv(key, value) VALUES ('other-process', '1') ON CONFLICT(key) DO UPDATE SET value = '2'").run()
    process.stdout.write('locked\\n')
    setTimeout(() => { db.exec('COMMIT'); db.close(); process.exit(0) }, ${ms})
  `
  const child = spawn(process.execPath, ['-e', script, path], { stdio: ['ignore', 'pipe', 'inherit'] })
  children.push(child)
  await new Promise<void>((resolve, reject) => {
    child.stdout!.once('data', () => resolve())
    child.once('exit', (code) => reject(new Error(`lock holder exited early (${code})`)))
  })
  return child
}

/** The same, in this process: the lock stays until the returned function is called. */
function holdLockHere(path: string): () => void {
  const other = track(new Database(path))
  other.exec('BEGIN IMMEDIATE')
  other.prepare(`INSERT INTO kv(key, value) VALUES ('other-connection', '1') ON CONFLICT(key) DO UPDATE SET value = '2'`).run()
  return () => other.exec('COMMIT')
}

describe('a read-only database', () => {
  it('a write fails with SQLITE_READONLY, mapped to a clear StoreError; reads still work', () => {
    const path = dbPath()
    const rw = openStore(path)
    new Inbox(rw).store(message(1), NOW)
    rw.close()
    const db = track(openStore(path, { readonly: true }))
    const inbox = new Inbox(db)
    const err = caught(() => inbox.store(message(2), NOW)) as { code: string }
    expect(err.code).toBe('SQLITE_READONLY')
    const clear = classify(err, path)
    expect(clear).toBeInstanceOf(StoreError)
    expect(clear).toMatchObject({ code: 'READONLY', message: expect.stringMatching(/read-only/) })
    expect(clear.message).toContain(path)
    expect(inbox.byMessageId('m-1')?.text).toBe('家里没菜了 帮忙买点青菜')
    expect(() => assertWritable(db)).toThrow(expect.objectContaining({ name: 'StoreError', code: 'READONLY' }))
  })

  it('the bot refuses to start on it, with a clear message, instead of losing every message', async () => {
    const path = dbPath()
    openStore(path).close()
    const db = track(openStore(path, { readonly: true }))
    await expect(startMockCommunity({ db, log })).rejects.toMatchObject({
      name: 'StoreError',
      code: 'READONLY',
      message: expect.stringContaining(`database ${path} is read-only`),
    })
  })
})

describe('a full disk', () => {
  it('storing fails with SQLITE_FULL, mapped to FULL; nothing already stored is lost', () => {
    const path = dbPath()
    const db = track(openStore(path))
    const inbox = new Inbox(db)
    db.pragma(`max_page_count = ${(db.pragma('page_count', { simple: true }) as number) + 16}`)
    const stored: Inbound[] = []
    let failure: unknown = null
    for (let i = 0; i < 1000 && !failure; i++) {
      const m = message(i, { text: `${i} 家里没菜了 ${'帮忙买点青菜'.repeat(100)}` })
      try {
        if (inbox.store(m, NOW).stored) stored.push(m)
      } catch (err) {
        failure = err
      }
    }
    expect(stored.length).toBeGreaterThan(5)
    expect((failure as { code: string }).code).toBe('SQLITE_FULL')
    expect(classify(failure, path)).toMatchObject({
      name: 'StoreError',
      code: 'FULL',
      message: expect.stringContaining(`database ${path} is full`),
    })
    // The failed message left nothing half-written; every earlier one is intact, also after a reopen.
    expect(db.prepare('SELECT count(*) AS n FROM inbound').get()).toEqual({ n: stored.length })
    db.close()
    const again = track(openStore(path))
    expect(again.pragma('integrity_check', { simple: true })).toBe('ok')
    const reread = new Inbox(again)
    for (const m of stored) expect(reread.byMessageId(m.messageId)?.text).toBe(m.text)
  })

  it('processing on a full disk stops with FULL and leaves the messages pending — none marked done without its ticket', () => {
    const db = track(openStore(dbPath()))
    const ctx = context(db)
    for (let i = 0; i < 30; i++) ctx.inbox.store(message(i), NOW)
    db.pragma(`max_page_count = ${db.pragma('page_count', { simple: true }) as number}`)
    expect(() => drainInbox(ctx)).toThrow(expect.objectContaining({ name: 'StoreError', code: 'FULL' }))
    const lost = () => db.prepare(`SELECT count(*) AS n FROM inbound WHERE state = 'done' AND ticket_id IS NULL`).get()
    expect(lost()).toEqual({ n: 0 })
    expect(ctx.inbox.pending().length).toBeGreaterThan(0)
    // Space again (an operator freed the disk): everything is processed, each request filed once.
    db.pragma('max_page_count = 1073741823')
    drainInbox(ctx)
    expect(ctx.inbox.pending()).toEqual([])
    expect(lost()).toEqual({ n: 0 })
    expect(db.prepare('SELECT count(DISTINCT ticket_id) AS n FROM inbound').get()).toEqual({ n: 30 })
  })
})

describe('a locked database', () => {
  it('storing waits up to busy_timeout, then fails with BUSY; the message is not half-stored', () => {
    const path = dbPath()
    openStore(path).close()
    const db = track(openStore(path, { busyTimeoutMs: 200 }))
    const inbox = new Inbox(db)
    const release = holdLockHere(path)
    const started = Date.now()
    const err = caught(() => inbox.store(message(1), NOW))
    const waited = Date.now() - started
    expect(waited).toBeGreaterThanOrEqual(150)
    expect(waited).toBeLessThan(3000)
    expect(classify(err, path)).toMatchObject({
      name: 'StoreError',
      code: 'BUSY',
      message: expect.stringContaining('locked by another process'),
    })
    release()
    expect(inbox.byMessageId('m-1')).toBeNull()
    expect(inbox.store(message(1), NOW).stored).toBe(true)
  })

  it('storing succeeds when another process releases its lock within the wait', async () => {
    const path = dbPath()
    openStore(path).close()
    const db = track(openStore(path, { busyTimeoutMs: 5000 }))
    const inbox = new Inbox(db)
    await holdLockElsewhere(path, 300)
    const started = Date.now()
    expect(inbox.store(message(1), NOW)).toMatchObject({ stored: true })
    const waited = Date.now() - started
    expect(waited).toBeGreaterThanOrEqual(150)
    expect(waited).toBeLessThan(5000)
  })

  it('processing waits for a lock released within the wait, and files the request', async () => {
    const path = dbPath()
    const db = track(openStore(path, { busyTimeoutMs: 5000 }))
    const ctx = context(db)
    ctx.inbox.store(message(1), NOW)
    await holdLockElsewhere(path, 300)
    expect(drainInbox(ctx)).toBe(1)
    expect(ctx.inbox.byMessageId('m-1')).toMatchObject({ state: 'done', ticketId: expect.any(Number) })
  })

  it('processing under a lock held past the wait fails with BUSY and keeps the message pending; it is processed after the release', () => {
    const path = dbPath()
    const db = track(openStore(path, { busyTimeoutMs: 100 }))
    const ctx = context(db)
    ctx.inbox.store(message(1, { text: '救命 我妈晕倒了 头在流血' }), NOW)
    const release = holdLockHere(path)
    expect(() => drainInbox(ctx)).toThrow(expect.objectContaining({ name: 'StoreError', code: 'BUSY' }))
    expect(ctx.inbox.byMessageId('m-1')?.state).toBe('new')
    release()
    expect(drainInbox(ctx)).toBe(1)
    const t = ctx.tickets.get(ctx.inbox.byMessageId('m-1')!.ticketId!)!
    expect(t).toMatchObject({ urgent: true, category: 'medical' })
    expect(ctx.outbox.store.all().some((m) => m.to.id === 'steward-wang' && m.urgent)).toBe(true)
  })

  it('opening a DB locked past the wait fails at start-up with BUSY', () => {
    const path = dbPath()
    openStore(path).close()
    const release = holdLockHere(path)
    expect(() => openStore(path, { busyTimeoutMs: 100 })).toThrow(expect.objectContaining({ name: 'StoreError', code: 'BUSY' }))
    release()
    track(openStore(path, { busyTimeoutMs: 100 }))
  })
})

describe('the bot on storage faults', () => {
  let c: MockCommunity | null = null
  afterEach(async () => {
    await c?.stop()
    c = null
  })
  const FAST = { TRIAGE_RATE_PER_MIN: '1000', TRIAGE_RATE_PER_ROOM_MS: '0' }

  it('a message that cannot be stored (DB locked past the wait) is reported loudly, kept in memory, and stored and filed after the release', async () => {
    const path = dbPath()
    const lines: string[] = []
    c = await startMockCommunity({
      db: track(openStore(path, { busyTimeoutMs: 50 })),
      env: FAST,
      log: pino(
        { level: 'info' },
        {
          write: (s: string) => {
            lines.push(s)
          },
        },
      ),
    })
    const release = holdLockHere(path)
    c.emitRaw({
      id: 'while-locked',
      talkerId: 'res-01',
      roomId: 'floor-3-5@chatroom',
      text: '家里没菜了 帮忙买点青菜',
      timestamp: Date.now(),
    })
    await c.settle()
    const errors = lines
      .map((l) => JSON.parse(l) as { level: number; msg: string; queued?: number; err?: { code?: string; message?: string } })
      .filter((l) => l.level >= 50)
    expect(errors).toContainEqual(
      expect.objectContaining({
        msg: 'could not store messages: kept in memory, retrying',
        queued: 1,
        err: expect.objectContaining({ code: 'BUSY' }),
      }),
    )
    // The operator is told how many wait, never what they say.
    expect(lines.join('\n')).not.toContain('青菜')
    expect(c.runtime.ctx.inbox.byMessageId('while-locked')).toBeNull()
    release()
    // The retry stores it; a message arriving meanwhile goes through too.
    c.say('res-02', 'floor-3-5@chatroom', '我家水龙头坏了 麻烦来修一下')
    for (let i = 0; i < 40 && !c.runtime.ctx.inbox.byMessageId('while-locked'); i++) {
      await new Promise((r) => setTimeout(r, 100))
      await c.settle()
    }
    expect(c.runtime.ctx.inbox.byMessageId('while-locked')?.state).toBe('done')
    expect(c.runtime.ctx.tickets.byTalker('res-01')).toHaveLength(1)
    expect(c.runtime.ctx.tickets.byTalker('res-02')).toHaveLength(1)
  })

  it('processing that hits a storage fault is retried with backoff until the emergency is filed and alerted', async () => {
    c = await startMockCommunity({ env: FAST, log })
    const ctx = c.runtime.ctx
    const create = ctx.tickets.create.bind(ctx.tickets)
    const busy = () => {
      throw Object.assign(new Error('database is locked'), { code: 'SQLITE_BUSY' })
    }
    const spy = vi.spyOn(ctx.tickets, 'create').mockImplementationOnce(busy).mockImplementationOnce(busy).mockImplementation(create)
    c.say('res-01', 'floor-3-5@chatroom', '救命 我妈晕倒了 头在流血')
    await c.settle()
    expect(ctx.inbox.pending()).toHaveLength(1)
    const alerted = () => c!.delivered.some((d) => d.toId === 'steward-wang' && d.text.includes('🆘'))
    for (let i = 0; i < 40 && !alerted(); i++) {
      await new Promise((r) => setTimeout(r, 100))
      await c.settle()
    }
    expect(spy).toHaveBeenCalledTimes(3)
    expect(ctx.inbox.pending()).toEqual([])
    expect(alerted()).toBe(true)
    expect(ctx.db.prepare('SELECT count(*) AS n FROM tickets').get()).toEqual({ n: 1 })
  })
})

describe('a database from a newer schema', () => {
  function newerDb(): string {
    const path = dbPath()
    openStore(path).close()
    const raw = new Database(path)
    raw.pragma('journal_mode = DELETE')
    raw.pragma(`user_version = ${SCHEMA_VERSION + 3}`)
    raw.close()
    return path
  }

  it('is refused at open with NEWER_SCHEMA, and left untouched', () => {
    const path = newerDb()
    const err = caught(() => openStore(path)) as StoreError
    expect(err).toBeInstanceOf(StoreError)
    expect(err.code).toBe('NEWER_SCHEMA')
    expect(err.message).toContain(`schema version ${SCHEMA_VERSION + 3}`)
    expect(err.message).toContain(`(${SCHEMA_VERSION})`)
    expect(() => openStore(path, { readonly: true })).toThrow(expect.objectContaining({ code: 'NEWER_SCHEMA' }))
    const raw = new Database(path, { readonly: true })
    expect(raw.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION + 3)
    expect(raw.pragma('journal_mode', { simple: true })).toBe('delete')
    raw.close()
  })

  it('stops the bot at start-up with a clear message and a non-zero exit', () => {
    const path = newerDb()
    const r = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'bot/main.ts')], {
      cwd: ROOT,
      encoding: 'utf8',
      timeout: 20_000,
      env: {
        ...process.env,
        TRIAGE_DB: path,
        WECHATY_PUPPET: 'wechaty-puppet-service',
        WECHATY_PUPPET_SERVICE_TOKEN: 'faults_test_token',
        WECHATY_PUPPET_SERVICE_ENDPOINT: '127.0.0.1:1',
        LOG_LEVEL: 'info',
        LOG_FORMAT: 'json',
      },
    })
    expect(r.status).toBe(1)
    const out = r.stdout + r.stderr
    expect(out).toContain('cannot start')
    expect(out).toContain('newer than this Louguanjia understands')
    expect(out).not.toContain('faults_test_token')
  })
})

describe('file permissions', () => {
  it('creates the DB file (and its WAL and shared-memory files) owner-only, 0600, whatever the umask', () => {
    const path = join(dir, 'nested', 'var', 'louguanjia.db')
    const umask = process.umask(0)
    try {
      const db = track(openStore(path))
      new Inbox(db).store(message(1), NOW)
      for (const f of [path, `${path}-wal`, `${path}-shm`]) expect((statSync(f).mode & 0o777).toString(8), f).toBe('600')
    } finally {
      process.umask(umask)
    }
  })
})
