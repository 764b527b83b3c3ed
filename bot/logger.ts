// pino, JSON by default and pretty in a TTY, with secret values redacted from
// every line — including library error messages that quote a token.
import pino, { type Logger } from 'pino'
import pretty from 'pino-pretty'

const SECRET_VARS = ['WECHATY_PUPPET_SERVICE_TOKEN', 'WECHATY_TOKEN', 'TRIAGE_ALERT_WEBHOOK']

/** The secret strings to scrub: the token values themselves, not the field names. */
export function secretValues(env: NodeJS.ProcessEnv = process.env): string[] {
  return SECRET_VARS.map((k) => env[k]).filter((v): v is string => typeof v === 'string' && v.length >= 4)
}

export function redact(text: string, secrets: string[]): string {
  let out = text
  for (const s of secrets) if (out.includes(s)) out = out.split(s).join('[REDACTED]')
  return out
}

/** Scrubs secrets from each serialised line before it reaches the real destination. */
function scrubbing(secrets: string[], target: { write(s: string): unknown }) {
  return {
    write: (line: string) => {
      target.write(secrets.length ? redact(line, secrets) : line)
    },
  }
}

/**
 * Libraries log on their own (Wechaty's brolog, gRPC, LevelDB errors that quote
 * the token in a path): scrub secret values from everything the process writes
 * to stdout and stderr, whoever writes it.
 */
export function redactProcessOutput(secrets: string[] = secretValues()): void {
  if (secrets.length === 0) return
  for (const stream of [process.stdout, process.stderr]) {
    const write = stream.write.bind(stream) as (chunk: unknown, ...rest: unknown[]) => boolean
    stream.write = ((chunk: unknown, ...rest: unknown[]) => {
      const text = typeof chunk === 'string' ? chunk : Buffer.isBuffer(chunk) ? chunk.toString('utf8') : null
      return write(text === null ? chunk : redact(text, secrets), ...rest)
    }) as typeof stream.write
  }
}

export function createLogger(
  options: { level?: string; env?: NodeJS.ProcessEnv; destination?: { write(s: string): unknown } } = {},
): Logger {
  const env = options.env ?? process.env
  const level = options.level ?? env.LOG_LEVEL ?? 'info'
  const secrets = secretValues(env)
  if (!options.destination && process.stderr.isTTY && env.LOG_FORMAT !== 'json') {
    const prettyStream = pretty({ colorize: true, translateTime: 'HH:MM:ss', ignore: 'pid,hostname', destination: 2, sync: true })
    return pino({ level }, scrubbing(secrets, prettyStream))
  }
  return pino(
    { level, base: undefined, timestamp: pino.stdTimeFunctions.isoTime },
    scrubbing(secrets, options.destination ?? process.stderr),
  )
}
