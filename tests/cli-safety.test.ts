// An operator CLI that cannot do harm by accident (issue 18, item 5): it reads .env as the bot
// does, never creates a database, and an unknown id or an invalid date is an error.
import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { Writable } from 'node:stream'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { Inbox } from '../store/inbox.ts'
import { SCHEMA_VERSION } from '../store/migrations.ts'
import { openStore } from '../store/store.ts'
import { runAdmin } from '../tools/admin.ts'

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..')
const TSX = join(ROOT, 'node_modules', '.bin', 'tsx')
/** Three English words in a row: a sentence the operator would have to read in English. */
const ENGLISH = /\b[a-z]+ [a-z]+ [a-z]+\b/i

function sink(): { stream: Writable; text: () => string } {
  let text = ''
  const stream = new Writable({
    write(chunk, _e, cb) {
      text += chunk
      cb()
    },
  })
  return { stream, text: () => text }
}

function existingDb(): string {
  const dir = mkdtempSync(join(tmpdir(), 'lgj-cli-'))
  const path = join(dir, 'louguanjia.db')
  const db = openStore(path)
  new Inbox(db).store(
    {
      messageId: 'm1',
      roomId: 'floor-3-5@chatroom',
      roomTopic: '3栋5楼',
      talkerId: 'res-01',
      talkerName: '王阿姨',
      text: '您好',
      type: 'text',
      mentionsSelf: false,
      at: 1,
    },
    1,
  )
  db.close()
  return path
}

describe('the operator CLI', () => {
  it('never creates a database: a missing one is an error naming TRIAGE_DB, exit 2', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'lgj-cli-')), 'typo.db')
    for (const [command, args] of [
      ['forget', ['res-01']],
      ['backup', [join(tmpdir(), 'never.db')]],
      ['orders', []],
      ['households', ['import', 'x.csv']],
    ] as const) {
      const err = sink()
      expect(await runAdmin(command, [...args], sink().stream, err.stream, { TRIAGE_DB: path }), command).toBe(2)
      expect(err.text()).toContain('TRIAGE_DB')
      expect(err.text()).toContain(path)
      expect(existsSync(path)).toBe(false)
    }
  })

  it('forget with an unknown id is an error, not a success that deleted nothing', async () => {
    const path = existingDb()
    const err = sink()
    expect(await runAdmin('forget', ['res-99'], sink().stream, err.stream, { TRIAGE_DB: path })).toBe(1)
    expect(err.text()).toContain('res-99')
    const out = sink()
    expect(await runAdmin('forget', ['res-01'], out.stream, sink().stream, { TRIAGE_DB: path })).toBe(0)
    expect(out.text()).toContain('已删除 res-01 的记录:消息 1')
  })

  it('orders --delivered with an unknown ticket number is an error', async () => {
    const err = sink()
    expect(await runAdmin('orders', ['--delivered', '4242'], sink().stream, err.stream, { TRIAGE_DB: existingDb() })).toBe(1)
    expect(err.text()).toContain('#4242')
  })

  it('writes backups owner-only (0600), whatever the umask', async () => {
    const path = existingDb()
    const backup = join(dirname(path), 'backup.db')
    const umask = process.umask(0)
    try {
      expect(await runAdmin('backup', [backup], sink().stream, sink().stream, { TRIAGE_DB: path })).toBe(0)
    } finally {
      process.umask(umask)
    }
    expect((statSync(backup).mode & 0o777).toString(8)).toBe('600')
    // An existing, world-readable file is tightened too.
    writeFileSync(backup, '', { mode: 0o644 })
    expect(await runAdmin('backup', [backup], sink().stream, sink().stream, { TRIAGE_DB: path })).toBe(0)
    expect((statSync(backup).mode & 0o777).toString(8)).toBe('600')
  })

  it('reads .env like the bot, and an invalid date is an error rather than another day', () => {
    const path = existingDb()
    const dir = dirname(path)
    const env = { PATH: process.env.PATH, HOME: process.env.HOME, TZ: 'Asia/Shanghai' }
    const run = (...args: string[]) =>
      spawnSync(TSX, [join(ROOT, 'tools/cli.ts'), ...args], { cwd: dir, encoding: 'utf8', env, timeout: 60_000 })
    writeFileSync(join(dir, '.env'), `TRIAGE_DB=${join(dir, 'missing.db')}\n`)
    const missing = run('digest', '--date', '2022-04-18')
    expect(missing.status).toBe(2)
    expect(missing.stderr).toContain('missing.db')
    writeFileSync(join(dir, '.env'), `TRIAGE_DB=${path}\n`)
    const bad = run('digest', '--date', '2022-13-45')
    expect(bad.status).toBe(2)
    expect(bad.stderr).toContain('日期无效')
    expect(bad.stdout).toBe('')
    const good = run('digest', '--date', '2022-04-18')
    expect(good.status, good.stderr).toBe(0)
  }, 120_000)

  it('says what went wrong in Chinese: a misspelt variable (exit 2), a database from a newer version', async () => {
    const path = existingDb()
    const err = sink()
    expect(await runAdmin('orders', [], sink().stream, err.stream, { TRIAGE_DB: path, TRIAGE_STEWARD: 'steward-wang' })).toBe(2)
    expect(err.text()).toContain('配置有误')
    expect(err.text()).toContain('TRIAGE_STEWARDS')
    const db = openStore(path)
    db.pragma(`user_version = ${SCHEMA_VERSION + 1}`)
    db.close()
    const newer = sink()
    expect(await runAdmin('forget', ['res-01'], sink().stream, newer.stream, { TRIAGE_DB: path })).toBe(1)
    expect(newer.text()).toContain('更新版本的楼管家')
    expect(newer.text()).toContain(path)
    expect(newer.text()).not.toMatch(ENGLISH)
  })

  it('answers usage, an unknown command and a missing argument in Chinese', async () => {
    const path = existingDb()
    for (const [command, args] of [
      ['forget', []],
      ['backup', []],
      ['orders', ['--delivered', 'x']],
      ['households', ['import']],
      ['frobnicate', []],
    ] as const) {
      const err = sink()
      expect(await runAdmin(command, [...args], sink().stream, err.stream, { TRIAGE_DB: path }), command).toBe(2)
      expect(err.text(), command).toMatch(/[\u4e00-\u9fff]/)
      expect(err.text(), command).not.toMatch(ENGLISH)
    }
    const env = { PATH: process.env.PATH, HOME: process.env.HOME, TRIAGE_DB: path }
    const run = (...args: string[]) =>
      spawnSync(TSX, [join(ROOT, 'tools/cli.ts'), ...args], { cwd: dirname(path), encoding: 'utf8', env, timeout: 60_000 })
    const help = run('help')
    expect(help.status).toBe(0)
    expect(help.stdout).toContain('用法')
    expect(help.stdout).toContain('households import [--dry-run]')
    expect(help.stdout).not.toMatch(ENGLISH)
    const unknown = run('frobnicate')
    expect(unknown.status).toBe(2)
    expect(unknown.stderr).toContain('未知命令:frobnicate')
    expect(unknown.stderr).not.toMatch(ENGLISH)
  }, 120_000)
})
