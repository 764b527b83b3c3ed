// `npm start`: with a puppet configured (WECHATY_PUPPET / WECHATY_PUPPET_SERVICE_TOKEN)
// runs the bot (bot/main.ts) until SIGINT/SIGTERM; with none, replays the demo
// community's day (tools/demo.ts). The choice lives here because bot/ may not import
// tools/ or testing/, and the demo runs on the mock community.
process.env.DOTENV_CONFIG_QUIET ??= 'true'
import { existsSync } from 'node:fs'

// A local .env (see .env.example) fills in what the environment does not set.
if (existsSync('.env')) process.loadEnvFile('.env')

const { puppetFromEnv } = await import('../bot/env.ts')

if (puppetFromEnv().mode === 'demo') {
  const { createLogger, redactProcessOutput } = await import('../bot/logger.ts')
  redactProcessOutput()
  const { runDemo } = await import('./demo.ts')
  const code = await runDemo({ log: createLogger(), out: process.stdout })
  process.exit(code)
}

await import('../bot/main.ts')
