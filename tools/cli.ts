// `npm run --silent triage -- <command>`: the operator's command line.
//
// natural 8 loads dotenv, which prints tips to stdout on import; the classify
// command's stdout is a JSON-lines contract, so quieten dotenv before any
// module that could pull natural in is evaluated (hence dynamic imports below).
process.env.DOTENV_CONFIG_QUIET ??= 'true'
import { existsSync } from 'node:fs'

// The same configuration as the bot: a local .env fills in what the environment does not set.
if (existsSync('.env')) process.loadEnvFile('.env')

const USAGE = `用法:npm run --silent triage -- <命令>
  classify [--threads N]    从标准输入读取 {"id","text"} JSON 行,每行输出一行分诊结果(JSON,供程序读取);
                            不以 { 开头的行当作文本(id 为行号),解析不了的 { 行在原位置输出错误对象;
                            N 为主线程之外的工作线程数,默认 0
  digest --date YYYY-MM-DD [--png 文件]
                            输出某一天(本地日期)的日报;--png 同时把图表写成 PNG
  orders [--csv [--with-names]]   待采购汇总和送货清单;--csv 输出给供应商的表格(默认不含居民姓名)
  orders --delivered 编号          把某个事项的订单标记为送达
  households import [--dry-run] 文件.csv
                            导入三色档案(楼栋-单元-房号,档案,备注;GBK 或 UTF-8 均可);
                            --dry-run 只预览、不写入;有一行读不懂就整份不导入
  households export         导出三色档案(CSV)
  households template       输出三色档案的 CSV 模板
  forget 联系人ID            删除一位居民的消息、事项、订单和好友申请
  backup 文件                在机器人运行时也能做的一致性在线备份(仅所有者可读写)
  contacts                  列出已登录账号的群和联系人:ID、从群名或昵称读出的位置、是否好友

数据库由 TRIAGE_DB 指定(默认 var/louguanjia.db);和机器人一样,会读取当前目录的 .env。
`

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv
  switch (command) {
    case 'classify': {
      // the workers start loading their model first, while this thread loads its own
      const { WorkerPool, threadsArg, defaultThreads } = await import('./classify-pool.ts')
      const threads = threadsArg(rest) ?? defaultThreads()
      const pool = threads > 0 ? new WorkerPool(threads) : null
      const { runClassify } = await import('./classify-stream.ts')
      return runClassify(process.stdin, process.stdout, rest, threads, pool)
    }
    case 'digest': {
      const { parseArgs } = await import('node:util')
      let values: { date?: string; png?: string }
      try {
        values = parseArgs({ args: rest, options: { date: { type: 'string' }, png: { type: 'string' } } }).values
      } catch {
        process.stderr.write(`digest:参数有误(${rest.join(' ')})\n${USAGE}`)
        return 2
      }
      const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(values.date ?? '')
      if (!m) {
        process.stderr.write(`digest:请用 --date YYYY-MM-DD 指定日期,例如 --date 2022-04-18\n${USAGE}`)
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
      const { openExistingStore, describeError, exitCode } = await import('./admin.ts')
      const { dbPathFromEnv } = await import('../bot/env.ts')
      let db: import('../store/store.ts').DB
      try {
        db = openExistingStore(process.env, { readonly: true })
      } catch (err) {
        process.stderr.write(`${describeError(err, dbPathFromEnv(process.env))}\n`)
        return exitCode(err)
      }
      try {
        const ctx = createContext(db, parseConfig(process.env))
        const { text, stats } = dailyDigest(ctx, dayStart, dayEnd)
        process.stdout.write(text + '\n')
        if (values.png) {
          const { dailyChartPng } = await import('../handlers/chart.ts')
          const { writeFileSync } = await import('node:fs')
          writeFileSync(values.png, dailyChartPng(stats).png)
          process.stderr.write(`图表已写入 ${values.png}\n`)
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
      process.stderr.write(`未知命令:${command}\n${USAGE}`)
      return 2
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code
  },
  async (err: unknown) => {
    // A configuration mistake, a storage fault or anything else: said in Chinese, with what to fix.
    const [{ describeError, exitCode }, { dbPathFromEnv }] = await Promise.all([import('./admin.ts'), import('../bot/env.ts')])
    process.stderr.write(`triage:${describeError(err, dbPathFromEnv(process.env))}\n`)
    process.exitCode = exitCode(err)
  },
)
