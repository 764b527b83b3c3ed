// The bot process is killed with SIGKILL in the middle of a stream and started
// again on the same DB: everything stored is processed, no ticket is
// duplicated, and at most the one message in flight at the kill is sent twice.
import { spawn } from 'node:child_process'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createInterface } from 'node:readline'
import { describe, expect, it } from 'vitest'

const CHILD = join(process.cwd(), 'tests', 'fixtures', 'crash-child.ts')

function run(mode: 'stream' | 'resume', db: string, killAfterPosts?: number) {
  return new Promise<{ lines: Record<string, unknown>[]; signal: NodeJS.Signals | null }>((resolve, reject) => {
    // node itself, with tsx as a loader: the tsx CLI would fork, and SIGKILL must hit the bot's own process.
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD, mode, db], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, LOG_LEVEL: 'silent' },
    })
    const lines: Record<string, unknown>[] = []
    let err = ''
    child.stderr.on('data', (d) => {
      err += d
    })
    createInterface({ input: child.stdout }).on('line', (l) => {
      try {
        lines.push(JSON.parse(l))
      } catch {
        return
      }
      const posted = lines.at(-1)?.posted
      if (killAfterPosts && typeof posted === 'number' && posted >= killAfterPosts) child.kill('SIGKILL')
    })
    const timer = setTimeout(() => {
      child.kill('SIGKILL')
      reject(new Error(`child timed out: ${err.slice(-500)}`))
    }, 60_000)
    child.on('exit', (code, signal) => {
      clearTimeout(timer)
      if (signal === 'SIGKILL' || code === 0) resolve({ lines, signal })
      else reject(new Error(`child exited ${code}: ${err.slice(-1000)}`))
    })
  })
}

describe('crash and restart', () => {
  it('finishes what was stored, duplicates no ticket, and repeats at most one message', async () => {
    const db = join(mkdtempSync(join(tmpdir(), 'lgj-crash-')), 'bot.db')
    const first = await run('stream', db, 40)
    expect(first.signal).toBe('SIGKILL')
    const deliveredBefore = Math.max(0, ...first.lines.map((l) => (typeof l.delivered === 'number' ? l.delivered : 0)))
    const second = await run('resume', db)
    const report = second.lines.find((l) => l.done) as Record<string, { n: number } | unknown>
    expect(report).toBeTruthy()
    expect((report.unprocessed as { n: number }).n).toBe(0)
    expect((report.pendingOutbox as { n: number }).n).toBe(0)
    expect((report.duplicateTickets as { n: number }).n).toBe(0)
    for (const r of report.ticketsPerRequest as { n: number }[]) expect(r.n).toBe(1)
    const sent = (report.sentOutbox as { n: number }).n
    const deliveredTotal = deliveredBefore + (report.delivered as number)
    // Every outbox row went out; at most the one in flight at the kill went out twice.
    expect(deliveredTotal).toBeGreaterThanOrEqual(sent)
    expect(deliveredTotal - sent).toBeLessThanOrEqual(1)
  }, 120_000)
})
