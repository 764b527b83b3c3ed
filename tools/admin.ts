// Operator commands on the DB (`npm run --silent triage -- <command>`):
// orders, households import, forget, backup.
import { chmodSync, closeSync, existsSync, openSync, readFileSync } from 'node:fs'
import { forgetContact, type Removed } from '../store/privacy.ts'
import { openStore, StoreError, type DB } from '../store/store.ts'
import { ConfigError, parseConfig } from '../handlers/config.ts'
import { createContext } from '../handlers/context.ts'
import { markDelivered, ordersCsv, ordersReport } from '../handlers/orders.ts'
import { HOUSEHOLDS_TEMPLATE, householdsCsv, planHouseholdImport } from './household-import.ts'
import { dbPathFromEnv } from '../bot/env.ts'
import { TIER_NAMES } from '../handlers/wording.ts'

// The register's parsing lives in the one import module; tests and callers find it here too.
export { parseCsv, parseHouseholdRow } from './household-import.ts'

/** An operator's mistake: the message says what to fix; `code` is the exit status. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly code = 2,
  ) {
    super(message)
  }
}

/** What the operator reads when a command fails: in Chinese, naming what to fix. */
export function describeError(e: unknown, dbPath: string): string {
  if (e instanceof CliError) return e.message
  const detail = e instanceof Error ? e.message : String(e)
  // The detail names the variable and its value; it is shared with the bot's start-up.
  if (e instanceof ConfigError) return `配置有误(环境变量或 .env),未执行:${detail}`
  if (e instanceof StoreError) {
    switch (e.code) {
      case 'NEWER_SCHEMA':
        return `数据库 ${dbPath} 由更新版本的楼管家写入,当前版本读不懂:请升级楼管家,或检查 TRIAGE_DB 是否指错了文件。`
      case 'READONLY':
        return `数据库 ${dbPath} 是只读的,无法写入:请检查文件和所在目录的权限。`
      case 'FULL':
        return `数据库 ${dbPath} 写满了(磁盘空间或大小上限):请先腾出空间。`
      case 'BUSY':
        return `数据库 ${dbPath} 正被其他进程锁定:请稍后再试。`
      case 'OPEN':
        return `无法打开数据库 ${dbPath}(${detail})。`
    }
  }
  return `出错了:${detail}`
}

/** The exit status for an error: 2 for what the operator must fix in the command or the configuration. */
export function exitCode(e: unknown): number {
  if (e instanceof CliError) return e.code
  return e instanceof ConfigError ? 2 : 1
}

const REMOVED_NAMES: Record<keyof Removed, string> = {
  messages: '消息',
  tickets: '事项',
  orders: '订单',
  outbox: '待发和已发消息',
  reporters: '报告人记录',
  events: '事项日志',
  friendRequests: '好友申请',
}

/**
 * The bot's database, which must already exist: only the bot creates one. A mistyped
 * TRIAGE_DB would otherwise give a fresh empty database, and `forget` would report success.
 */
export function openExistingStore(env: Record<string, string | undefined>, options: { readonly?: boolean } = {}): DB {
  const path = dbPathFromEnv(env)
  if (!existsSync(path)) {
    throw new CliError(
      `数据库不存在:${path}(由 TRIAGE_DB 指定${env.TRIAGE_DB ? '' : ',未设置时为默认值'})。请检查 TRIAGE_DB 是否与机器人一致;数据库只由机器人首次启动时创建。`,
    )
  }
  return openStore(path, options)
}

export async function runAdmin(
  command: string,
  args: string[],
  out: NodeJS.WritableStream = process.stdout,
  err: NodeJS.WritableStream = process.stderr,
  env: Record<string, string | undefined> = process.env,
): Promise<number> {
  let db: DB
  try {
    db = openExistingStore(env)
  } catch (e) {
    err.write(`${describeError(e, dbPathFromEnv(env))}\n`)
    return exitCode(e)
  }
  try {
    const ctx = createContext(db, parseConfig(env))
    switch (command) {
      case 'orders': {
        const d = args.indexOf('--delivered')
        if (d >= 0) {
          const id = Number(args[d + 1])
          if (!Number.isInteger(id)) {
            err.write('orders --delivered 后面请写事项编号,例如:orders --delivered 12\n')
            return 2
          }
          if (!ctx.tickets.get(id)) {
            err.write(`没有编号为 #${id} 的事项\n`)
            return 1
          }
          const order = markDelivered(ctx, id, 'cli')
          if (!order) {
            err.write(`#${id} 没有待送达的订单\n`)
            return 1
          }
          const t = ctx.tickets.get(id)
          if (t && (t.state === 'open' || t.state === 'claimed'))
            ctx.tickets.update(id, { state: 'done', resolvedAt: ctx.clock(), resolvedBy: 'cli', note: '已送达' }, ctx.clock())
          out.write(`#${id} 已标记为送达\n`)
          return 0
        }
        out.write(
          args.includes('--csv') ? ordersCsv(ctx.orders.open(), { withNames: args.includes('--with-names') }) : ordersReport(ctx) + '\n',
        )
        return 0
      }
      case 'households': {
        if (args[0] === 'export') {
          out.write(householdsCsv(ctx.households.all()))
          return 0
        }
        if (args[0] === 'template') {
          out.write(HOUSEHOLDS_TEMPLATE)
          return 0
        }
        const dryRun = args.includes('--dry-run')
        const file = args.slice(1).find((a) => a !== '--dry-run')
        if (args[0] !== 'import' || !file) {
          err.write('用法:households import [--dry-run] FILE.csv | households export | households template\n')
          return 2
        }
        if (!existsSync(file)) {
          err.write(`找不到文件:${file}\n`)
          return 2
        }
        const plan = planHouseholdImport(readFileSync(file))
        const tiers = { red: 0, yellow: 0, green: 0 }
        for (const h of plan.households) tiers[h.tier]++
        out.write(`文件编码 ${plan.encoding};可导入 ${plan.households.length} 户(红 ${tiers.red}、黄 ${tiers.yellow}、绿 ${tiers.green})\n`)
        for (const p of plan.problems) err.write(`${p}\n`)
        if (plan.problems.length) {
          err.write(`有 ${plan.problems.length} 行无法读取:未导入任何住户。请改正后重新导入。\n`)
          return 1
        }
        if (dryRun) {
          for (const h of plan.households.slice(0, 20))
            out.write(`  ${[h.building, h.unit, h.room].filter(Boolean).join('-')} ${TIER_NAMES[h.tier]} ${h.note}\n`)
          if (plan.households.length > 20) out.write(`  ……共 ${plan.households.length} 户\n`)
          out.write('(试运行:未写入数据库)\n')
          return 0
        }
        db.transaction(() => {
          for (const h of plan.households) ctx.households.upsert(h)
        })()
        out.write(`已导入 ${plan.households.length} 户\n`)
        return 0
      }
      case 'forget': {
        if (!args[0]) {
          err.write('用法:forget 联系人ID(ID 可用 contacts 命令查看)\n')
          return 2
        }
        const removed = forgetContact(db, args[0])
        if (Object.values(removed).every((n) => n === 0)) {
          // A deletion request that found nothing is not a success: a wrong id, or a wrong database.
          err.write(`未找到联系人 ${args[0]} 的任何记录(数据库 ${dbPathFromEnv(env)}),没有删除任何内容。请核对 ID 和 TRIAGE_DB。\n`)
          return 1
        }
        out.write(
          `已删除 ${args[0]} 的记录:${(Object.keys(REMOVED_NAMES) as (keyof Removed)[])
            .map((k) => `${REMOVED_NAMES[k]} ${removed[k]}`)
            .join('、')}\n`,
        )
        return 0
      }
      case 'backup': {
        if (!args[0]) {
          err.write('用法:backup 备份文件路径\n')
          return 2
        }
        // The backup holds what the database holds: owner-only, like the database, from the first byte.
        if (!existsSync(args[0])) closeSync(openSync(args[0], 'w', 0o600))
        chmodSync(args[0], 0o600)
        await db.backup(args[0])
        chmodSync(args[0], 0o600)
        out.write(`备份已写入 ${args[0]}(仅所有者可读写)\n`)
        return 0
      }
      default:
        err.write(`未知命令:${command}\n`)
        return 2
    }
  } catch (e) {
    // A configuration or storage fault: said in Chinese, with what to fix.
    err.write(`${describeError(e, dbPathFromEnv(env))}\n`)
    return exitCode(e)
  } finally {
    db.close()
  }
}
