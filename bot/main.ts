// The bot: with a puppet configured (WECHATY_PUPPET / WECHATY_PUPPET_SERVICE_TOKEN) runs
// until SIGINT/SIGTERM. `npm start` (tools/start.ts) comes here when a puppet is configured
// and replays the demo community's day (tools/demo.ts) when none is.
process.env.DOTENV_CONFIG_QUIET ??= 'true'
import { existsSync, readFileSync } from 'node:fs'
import { parseEnv } from 'node:util'

// A local .env (see .env.example) fills in what the environment does not set.
if (existsSync('.env')) process.loadEnvFile('.env')

const { parseSettings } = await import('../handlers/config.ts')
const { createLogger, redactProcessOutput } = await import('./logger.ts')

redactProcessOutput()

const log = createLogger()
let choice: ReturnType<typeof parseSettings>['puppet']
try {
  choice = parseSettings(process.env).puppet
} catch (err) {
  // A configuration mistake: say which variable, and do not start a bot that would alert nobody.
  log.fatal({ err: { message: (err as Error).message } }, 'configuration error')
  process.exit(2)
}

if (choice.mode === 'demo') {
  log.fatal('no puppet configured (WECHATY_PUPPET / WECHATY_PUPPET_SERVICE_TOKEN); `npm start` replays the demo instead')
  process.exit(2)
}

const { createRuntime } = await import('./runtime.ts')
const { digestHooks } = await import('./digest-hooks.ts')
let runtime: Awaited<ReturnType<typeof createRuntime>>
try {
  // A reload (manager's 重载, or SIGHUP) reads .env again on top of the environment.
  const reloadEnv = () => (existsSync('.env') ? { ...process.env, ...parseEnv(readFileSync('.env', 'utf8')) } : process.env)
  runtime = await createRuntime({ log, hooks: digestHooks(), reloadEnv })
} catch (err) {
  log.fatal({ err: { message: (err as Error).message } }, 'cannot start')
  process.exit(1)
}
log.info({ puppet: choice.name, endpoint: choice.endpoint ?? null, tls: !choice.noTlsInsecureClient }, 'starting Louguanjia')

let stopping = false
const shutdown = async (signal: string) => {
  if (stopping) return
  stopping = true
  log.info({ signal }, 'shutting down')
  await runtime.stop()
  log.info('stopped; database closed')
  process.exit(0)
}
process.on('SIGINT', () => void shutdown('SIGINT'))
process.on('SIGTERM', () => void shutdown('SIGTERM'))
process.on('SIGHUP', () => log.info({ result: runtime.reload() }, 'SIGHUP'))

try {
  await runtime.start()
} catch (err) {
  log.fatal({ err: { message: (err as Error).message } }, 'wechaty failed to start')
  await runtime.stop()
  process.exit(1)
}
