// Secrets never reach a log line: not from our logger, not from a library writing to stderr.
import { spawnSync } from 'node:child_process'
import { describe, expect, it } from 'vitest'
import { createLogger, redact } from '../bot/logger.ts'

const TOKEN = 'puppet_service_abcdef123456'

describe('secret redaction', () => {
  it('replaces token values in our log lines, including error messages that quote them', () => {
    const lines: string[] = []
    const log = createLogger({ env: { WECHATY_PUPPET_SERVICE_TOKEN: TOKEN }, destination: { write: (s: string) => lines.push(s) } })
    log.error({ err: { message: `IO error: lock /root/.wechaty/${TOKEN}/LOCK: already held by process` } }, `cannot start ${TOKEN}`)
    expect(lines.join('')).not.toContain(TOKEN)
    expect(lines.join('')).toContain('[REDACTED]')
    expect(redact('a b a', ['a'])).toBe('[REDACTED] b [REDACTED]')
  })

  it('scrubs what libraries print on their own to stdout and stderr', () => {
    const script = `
      const { redactProcessOutput } = await import(${JSON.stringify(new URL('../bot/logger.ts', import.meta.url).pathname)})
      redactProcessOutput()
      console.log('token is ${TOKEN}')
      console.error(new Error('grpc failed for ${TOKEN}').message)
      process.stderr.write(Buffer.from('buffer ${TOKEN}'))
    `
    const r = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
      env: { ...process.env, WECHATY_PUPPET_SERVICE_TOKEN: TOKEN },
      encoding: 'utf8',
    })
    expect(r.status).toBe(0)
    expect(r.stdout + r.stderr).not.toContain(TOKEN)
    expect(r.stdout).toContain('token is [REDACTED]')
    expect(r.stderr).toContain('grpc failed for [REDACTED]')
  })
})
