// Assembles one running Louguanjia: store, configuration, handlers, Wechaty
// with its puppet, the plugin, the scheduler. main.ts, the demo and the tests
// all build the bot here, so they run the same code.
import type { Logger } from 'pino'
import { WechatyBuilder, type WechatyInterface } from 'wechaty'
import type * as PUPPET from 'wechaty-puppet'
import { openStore, type DB } from '../data/store.ts'
import type { CommandHooks } from '../handlers/commands.ts'
import { parseConfig } from '../handlers/config.ts'
import { createContext, type Clock, type Context } from '../handlers/context.ts'
import { dbPathFromEnv, puppetFromEnv } from './env.ts'
import { Louguanjia, type LouguanjiaHandle } from './plugin.ts'
import { Scheduler, type DigestHooks } from './scheduler.ts'

export interface RuntimeOptions {
  env?: NodeJS.ProcessEnv
  /** A ready puppet (tests, demo); otherwise one is chosen from WECHATY_PUPPET*. */
  puppet?: PUPPET.Puppet
  db?: DB
  clock?: Clock
  log: Logger
  autoSend?: boolean
  schedulerIntervalMs?: number
  hooks?: CommandHooks & DigestHooks
}

export interface Runtime {
  bot: WechatyInterface
  ctx: Context
  handle: LouguanjiaHandle
  scheduler: Scheduler
  stop(): Promise<void>
}

export async function puppetFor(env: NodeJS.ProcessEnv): Promise<PUPPET.Puppet> {
  const choice = puppetFromEnv(env)
  if (choice.mode === 'service') {
    const { PuppetService } = await import('wechaty-puppet-service')
    return new PuppetService({
      token: choice.token,
      endpoint: choice.endpoint,
      ...(choice.noTlsInsecureClient ? { tls: { disable: true } } : {}),
    })
  }
  if (choice.mode === 'other') {
    throw new Error(`WECHATY_PUPPET=${choice.name} is not supported here; use wechaty-puppet-service (with a token) or leave it empty for the demo`)
  }
  const { PuppetMock } = await import('wechaty-puppet-mock')
  return new PuppetMock()
}

export async function createRuntime(o: RuntimeOptions): Promise<Runtime> {
  const env = o.env ?? process.env
  const config = parseConfig(env)
  const db = o.db ?? openStore(dbPathFromEnv(env))
  const ctx = createContext(db, config, o.clock ?? Date.now, o.log)
  const puppet = o.puppet ?? (await puppetFor(env))
  const bot = WechatyBuilder.build({ name: 'louguanjia', puppet })
  const plugin = Louguanjia({ ctx, hooks: o.hooks, autoSend: o.autoSend })
  bot.use(plugin)
  bot.on('scan', (qrcode, status) => {
    o.log.info({ status, qrcodeUrl: `https://wechaty.js.org/qrcode/${encodeURIComponent(qrcode)}` }, 'scan the QR code to log in')
  })
  bot.on('logout', (user) => o.log.warn({ userId: user.id }, 'logged out'))
  bot.on('error', (err) => o.log.error({ err: { message: (err as Error).message } }, 'wechaty error'))
  const scheduler = new Scheduler(ctx, o.hooks)
  if (o.schedulerIntervalMs !== 0) scheduler.start(o.schedulerIntervalMs)
  return {
    bot,
    ctx,
    handle: plugin.handle,
    scheduler,
    async stop() {
      scheduler.stop()
      await plugin.handle.sender.stop().catch(() => {})
      await bot.stop().catch((err: Error) => o.log.warn({ err: { message: err.message } }, 'wechaty stop failed'))
      if (!o.db) db.close()
    },
  }
}
