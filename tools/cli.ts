// `npm run --silent triage -- <command>`: the operator's command line.
//
// natural 8 loads dotenv, which prints tips to stdout on import; the classify
// command's stdout is a JSON-lines contract, so quieten dotenv before any
// module that could pull natural in is evaluated (hence dynamic imports below).
process.env.DOTENV_CONFIG_QUIET ??= 'true'
import { existsSync } from 'node:fs'

// The same configuration as the bot: a local .env fills in what the environment does not set.
if (existsSync('.env')) process.loadEnvFile('.env')

const USAGE = `usage: triage <command>
  classify [--threads N]   read {"id","text"} JSON lines on stdin, write one triage line each
                           (N worker threads besides the main one; default 0)
  digest --date YYYY-MM-DD [--png FILE]
                           print the daily digest for a local date from TRIAGE_DB
                           (default var/louguanjia.db) and write the chart PNG
  orders [--csv] [--delivered N]   purchase and delivery lists of open orders; mark #N delivered
  households import FILE.csv        import the 三色档案 register (building-unit-room, tier, note)
  forget CONTACT_ID                 delete one resident's messages, tickets and orders
  backup FILE                       consistent online backup of the DB while the bot runs
  contacts                          rooms and contacts of the logged-in account, with ids and parsed locations
`

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv
  switch (command) {
    case 'classify': {
      const { runClassify, threadsArg, defaultThreads } = await import('./classify-stream.ts')
      return runClassify(process.stdin, process.stdout, rest, threadsArg(rest) ?? defaultThreads())
    }
    case 'digest': {
      const { parseArgs } = await import('node:util')
      const { values } = parseArgs({ args: rest, options: { date: { type: 'string' }, png: { type: 'string' } } })
      const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(values.date ?? '')
      if (!m) {
        process.stderr.write(`digest: --date YYYY-MM-DD is required\n${USAGE}`)
        return 2
      }
      // 2022-13-45 must not quietly become another day.
      const asked = new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]))
      if (asked.getFullYear() !== Number(m[1]) || asked.getMonth() !== Number(m[2]) - 1 || asked.getDate() !== Number(m[3])) {
        process.stderr.write(`digest: 日期无效:${values.date}(格式 YYYY-MM-DD,如 2022-04-18)\n`)
        return 2
      }
      const [{ parseConfig }, { createContext }, { dailyDigest }] = await Promise.all([
        import('../handlers/config.ts'),
        import('../handlers/context.ts'),
        import('../handlers/digest.ts'),
      ])
      const dayStart = new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3])).getTime()
      const dayEnd = new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]) + 1).getTime()
      const { openExistingStore, CliError } = await import('./admin.ts')
      let db: import('../store/store.ts').DB
      try {
        db = openExistingStore(process.env, { readonly: true })
      } catch (err) {
        process.stderr.write(`${(err as Error).message}\n`)
        return err instanceof CliError ? err.code : 1
      }
      try {
        const ctx = createContext(db, parseConfig(process.env))
        const { text, stats } = dailyDigest(ctx, dayStart, dayEnd)
        process.stdout.write(text + '\n')
        if (values.png) {
          const { dailyChartPng } = await import('../handlers/chart.ts')
          const { writeFileSync } = await import('node:fs')
          writeFileSync(values.png, dailyChartPng(stats).png)
          process.stderr.write(`chart written to ${values.png}\n`)
        }
      } finally {
        db.close()
      }
      return 0
    }
    case undefined:
    case 'help':
    case '--help':
      process.stdout.write(USAGE)
      return command ? 0 : 2
    case 'contacts': {
      const { runContacts } = await import('./contacts.ts')
      return runContacts(process.env, process.stdout)
    }
    case 'orders':
    case 'households':
    case 'forget':
    case 'backup': {
      const { runAdmin } = await import('./admin.ts')
      return runAdmin(command, rest)
    }
    default:
      process.stderr.write(`unknown command: ${command}\n${USAGE}`)
      return 2
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code
  },
  (err: unknown) => {
    process.stderr.write(`triage: ${err instanceof Error ? err.message : String(err)}\n`)
    process.exitCode = 1
  },
)
