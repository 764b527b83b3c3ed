// `npm start`: with a puppet configured (WECHATY_PUPPET / WECHATY_PUPPET_SERVICE_TOKEN)
// runs the bot (bot/main.ts) until SIGINT/SIGTERM; with none, replays the demo
// community's day (tools/demo.ts). The choice lives here because bot/ may not import
// tools/ or testing/, and the demo runs on the mock community.
process.env.DOTENV_CONFIG_QUIET ??= 'true'
import { existsSync } from 'node:fs'

// A local .env (see .env.example) fills in what the environment does not set.
if (existsSync('.env')) process.loadEnvFile('.env')

const { parseSettings } = await import('../handlers/config.ts')

let mode: string
try {
  mode = parseSettings(process.env).puppet.mode
} catch (err) {
  process.stderr.write(`配置有误,未启动 (configuration error): ${(err as Error).message}\n`)
  process.exit(2)
}

if (mode === 'demo') {
  const { createLogger, redactProcessOutput } = await import('../bot/logger.ts')
  redactProcessOutput()
  const { runDemo } = await import('./demo.ts')
  const code = await runDemo({ log: createLogger(), out: process.stdout })
  process.exit(code)
}

await import('../bot/main.ts')
