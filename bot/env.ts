// Reading the environment as the bot does: the process environment, with a local
// .env (see .env.example) filling in what it does not set. Parsing lives in
// handlers/config.ts, the one place every variable is read.
import { existsSync, readFileSync } from 'node:fs'
import { parseEnv } from 'node:util'

export { dbPathFromEnv, puppetFromEnv, type PuppetChoice } from '../handlers/config.ts'

/** process.env over the .env file at `path` (when there is one). */
export function readEnv(path = '.env', env: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  if (!existsSync(path)) return env
  const file = parseEnv(readFileSync(path, 'utf8')) as NodeJS.ProcessEnv
  return { ...file, ...env }
}
