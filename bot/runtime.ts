// Assembles one running Louguanjia: store, configuration, handlers, Wechaty
// with its puppet, the plugin, the scheduler. main.ts, the demo and the tests
// all build the bot here, so they run the same code.
//
// With wechaty-puppet-service the connection is supervised: PuppetService does
// not recover from a dropped gRPC stream by itself (DESIGN.md pitfalls), so on
// a broken stream we tear the client down and connect a fresh one, with backoff.
import type { Logger } from 'pino'
import { WechatyBuilder, type Wechaty } from 'wechaty'
import type * as PUPPET from 'wechaty-puppet'
import { warmUp } from './warm-up.ts'
import { startCheckpointer } from '../store/checkpointer.ts'
import { openStore, type DB } from '../store/store.ts'
import type { CommandHooks } from '../handlers/commands.ts'
import { parseConfig } from '../handlers/config.ts'
import { createContext, type Clock, type Context } from '../handlers/context.ts'
import { OfflineAlarm } from './alarm.ts'
import { abandon, neverStopServer } from './service-client.ts'
import { dbPathFromEnv, puppetFromEnv } from './env.ts'
import { Louguanjia, type LouguanjiaHandle } from './plugin.ts'
import { Scheduler, type DigestHooks } from './scheduler.ts'
import { startupChecks, type CheckReport } from './startup-checks.ts'

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
  /** Where a reload reads the environment from (main.ts re-reads .env). */
  reloadEnv?: () => NodeJS.ProcessEnv
  /** Reconnect backoff, first and longest wait (ms). */
  backoff?: { initialMs: number; maxMs: number }
}

export interface Runtime {
  /** The current Wechaty (a new one after each reconnect). */
  readonly bot: Wechaty
  ctx: Context
  handle: LouguanjiaHandle
  scheduler: Scheduler
  alarm: OfflineAlarm
  /** How many times the connection was re-established. */
  readonly reconnects: number
  /** The last start-up check (null until the first login's check finished). */
  readonly lastCheck: CheckReport | null
  /** Re-read the configuration (TRIAGE_*) without a restart. */
  reload(): string
  start(): Promise<void>
  stop(): Promise<void>
}

export async function puppetFor(env: NodeJS.ProcessEnv): Promise<PUPPET.Puppet> {
  const choice = puppetFromEnv(env)
  if (choice.mode === 'service') {
    const { PuppetService } = await import('wechaty-puppet-service')
    return neverStopServer(
      new PuppetService({
        token: choice.token,
        endpoint: choice.endpoint,
        ...(choice.noTlsInsecureClient ? { tls: { disable: true } } : {}),
      }),
    )
  }
  if (choice.mode === 'other') {
    throw new Error(
      `WECHATY_PUPPET=${choice.name} is not supported here; use wechaty-puppet-service (with a token) or leave it empty for the demo`,
    )
  }
  const { PuppetMock } = await import('wechaty-puppet-mock')
  return new PuppetMock()
}

/** How long after login the start-up checks run. */
export const STARTUP_CHECKS_AFTER_MS = 3000

/** gRPC status codes that mean the stream to the puppet service is gone. */
const BROKEN_STREAM = /\b(CANCELLED|UNAVAILABLE|DEADLINE_EXCEEDED|Call cancelled|No connection established|stream)\b/i

export async function createRuntime(o: RuntimeOptions): Promise<Runtime> {
  const env = o.env ?? process.env
  const config = parseConfig(env)
  const db = o.db ?? openStore(dbPathFromEnv(env))
  const ctx = createContext(db, config, o.clock ?? Date.now, o.log)
  const checkpointer = startCheckpointer(db, { onError: (reason) => o.log.warn({ reason }, 'WAL checkpoints off the main thread') })
  const warmStart = performance.now()
  const warmed = warmUp()
  if (warmed) o.log.debug({ ...warmed, ms: Math.round(performance.now() - warmStart) }, 'classifier and pipeline warmed up')
  const reload = (): string => {
    try {
      const next = parseConfig(o.reloadEnv?.() ?? env)
      ctx.setConfig(next)
      plugin.handle.sender.setRate(next.rate)
      o.log.info({ stewards: next.stewards.length, managers: next.managers.length }, 'configuration reloaded')
      return `配置已重载:管家 ${next.stewards.length} 位,经理 ${next.managers.length} 位。`
    } catch (err) {
      o.log.error({ err: { message: (err as Error).message } }, 'reload failed; keeping the old configuration')
      return `配置有误,未重载(仍用原配置):${(err as Error).message}`
    }
  }
  const plugin = Louguanjia({ ctx, hooks: { ...o.hooks, reload }, autoSend: o.autoSend })
  const alarm = new OfflineAlarm(ctx, { webhook: env.TRIAGE_ALERT_WEBHOOK, afterMs: Number(env.TRIAGE_OFFLINE_ALERT_MIN ?? 5) * 60_000 })
  const supervised = !o.puppet && puppetFromEnv(env).mode === 'service'
  const backoff = o.backoff ?? { initialMs: 1000, maxMs: 60_000 }

  let lastCheck: CheckReport | null = null
  let stopping = false
  let reconnecting = false
  let reconnects = 0
  // Bots we tore down: their local logout and the errors of their cancelled calls are expected.
  const retired = new WeakSet<Wechaty>()
  const retire = (b: Wechaty) => {
    retired.add(b)
    return abandon(b)
  }
  // Connections tried during a reconnect whose event stream broke before they logged in.
  const broken = new WeakSet<Wechaty>()

  const build = (puppet: PUPPET.Puppet): Wechaty => {
    const b = WechatyBuilder.build({ name: 'louguanjia', puppet })
    b.use(plugin)
    b.on('scan', (qrcode, status) => {
      o.log.info({ status, qrcodeUrl: `https://wechaty.js.org/qrcode/${encodeURIComponent(qrcode)}` }, 'scan the QR code to log in')
      alarm.needsScan()
    })
    b.on('login', () => {
      alarm.online()
      // The checks fetch every steward and every room over the link: let the messages waiting at
      // login (a backlog, an emergency) go first instead of queueing behind hundreds of payloads.
      const checks = setTimeout(() => {
        if (retired.has(b) || stopping) return
        void startupChecks(b, ctx).then(
          (report) => {
            lastCheck = report
            if (report.problems.length === 0) return o.log.info({ roomsMatched: report.roomsMatched }, 'start-up checks passed')
            o.log.warn({ problems: report.problems }, 'start-up checks found problems')
            alarm.report(`【楼管家】启动自检发现问题:\n${report.problems.map((p) => `· ${p}`).join('\n')}`)
          },
          (err: Error) => o.log.warn({ err: { message: err.message } }, 'start-up checks failed'),
        )
      }, STARTUP_CHECKS_AFTER_MS)
      checks.unref?.()
    })
    b.on('logout', (user) => {
      // A connection we tore down, or our own shutdown, logs out locally only: the account is still in.
      if (retired.has(b) || stopping) return
      o.log.warn({ userId: user.id }, 'logged out')
      alarm.offline('logout')
    })
    b.on('error', (err) => {
      const message = (err as Error).message ?? String(err)
      if (retired.has(b)) return o.log.debug({ err: { message } }, 'error from a connection already torn down')
      o.log.error({ err: { message } }, 'wechaty error')
      if (!supervised || !BROKEN_STREAM.test(message)) return
      // A connection being tried (not yet `bot`) that breaks fails its attempt; see reconnect().
      if (b === bot) void reconnect(message)
      else broken.add(b)
    })
    return b
  }

  let bot = build(o.puppet ?? (await puppetFor(env)))

  async function reconnect(reason: string): Promise<void> {
    if (reconnecting || stopping) return
    reconnecting = true
    o.log.warn({ reason }, 'connection to the puppet service lost; reconnecting')
    alarm.offline('connection lost')
    await plugin.handle.sender.stop()
    await retire(bot)
    let wait = backoff.initialMs
    while (!stopping) {
      await new Promise((r) => setTimeout(r, wait))
      if (stopping) break
      const next = build(await puppetFor(env))
      try {
        await next.start()
        // Wait for the login the server sends to a new stream, unless the stream is already
        // dead (the server was still down when it was opened): then try again at once.
        await new Promise<void>((resolve, reject) => {
          if (next.isLoggedIn) return resolve()
          const done = (err?: Error) => {
            clearTimeout(timer)
            clearInterval(poll)
            next.off('login', onLogin)
            if (err) reject(err)
            else resolve()
          }
          const onLogin = () => done()
          const timer = setTimeout(() => done(new Error('no login after reconnect')), 30_000)
          const poll = setInterval(() => {
            if (broken.has(next)) done(new Error('the new event stream broke'))
          }, 100)
          next.once('login', onLogin)
        })
        bot = next
        reconnects++
        o.log.info({ reconnects }, 'reconnected to the puppet service')
        break
      } catch (err) {
        o.log.warn({ err: { message: (err as Error).message }, retryInMs: wait }, 'reconnect failed')
        // The server may be up but without a login yet: leave its puppet running.
        await retire(next)
        wait = Math.min(backoff.maxMs, wait * 2)
      }
    }
    reconnecting = false
  }

  const scheduler = new Scheduler(ctx, o.hooks)
  if (o.schedulerIntervalMs !== 0) scheduler.start(o.schedulerIntervalMs)
  return {
    get bot() {
      return bot
    },
    ctx,
    handle: plugin.handle,
    scheduler,
    alarm,
    get reconnects() {
      return reconnects
    },
    get lastCheck() {
      return lastCheck
    },
    reload,
    async start() {
      await bot.start()
    },
    async stop() {
      stopping = true
      scheduler.stop()
      alarm.stop()
      await plugin.handle.sender.stop().catch(() => {})
      await Promise.race([
        bot.stop().catch((err: Error) => o.log.warn({ err: { message: err.message } }, 'wechaty stop failed')),
        new Promise((r) => setTimeout(r, 5000)),
      ])
      await checkpointer?.stop()
      if (!o.db) db.close()
    },
  }
}
