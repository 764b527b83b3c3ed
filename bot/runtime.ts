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
import { parseSettings } from '../handlers/config.ts'
import { createContext, type Clock, type Context } from '../handlers/context.ts'
import { OfflineAlarm } from './alarm.ts'
import { startHealth, type HealthServer } from './health.ts'
import { drawQr, qrcodeUrl } from './qr.ts'
import { friendRequests, type FriendRequests } from './friends.ts'
import { abandon, neverStopServer } from './service-client.ts'
import { puppetFromEnv } from './env.ts'
import { Louguanjia, type LouguanjiaHandle } from './plugin.ts'
import { Scheduler, type DigestHooks } from './scheduler.ts'
import { refreshStaff, startupChecks, type CheckReport } from './startup-checks.ts'

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
  /** Draw the login QR code on stderr (default true). */
  drawQr?: boolean
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
  /** Friend requests: staff at once, members of served rooms under the hourly cap. */
  friends: FriendRequests
  /** The health endpoint (TRIAGE_HEALTH_PORT), once started. */
  readonly health: HealthServer | null
  /** Resolves when the last login's check of the staff's friendship is done. */
  staffChecked(): Promise<void>
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

/**
 * `14 UNAVAILABLE` loops say nothing about why: most often the endpoint is wrong or unreachable,
 * or TLS does not match the service (a LAN service without TLS needs NO_TLS_INSECURE_CLIENT=true).
 */
export function unavailableHint(message: string, puppet: { endpoint?: string; noTlsInsecureClient: boolean }): string | null {
  if (!/\bUNAVAILABLE\b/.test(message)) return null
  const where = puppet.endpoint ? `WECHATY_PUPPET_SERVICE_ENDPOINT=${puppet.endpoint}` : 'the endpoint discovered from the token'
  const tls = puppet.noTlsInsecureClient
    ? 'TLS is off (WECHATY_PUPPET_SERVICE_NO_TLS_INSECURE_CLIENT=true): the service may require TLS'
    : 'TLS is on: a service on your own LAN without TLS needs WECHATY_PUPPET_SERVICE_NO_TLS_INSECURE_CLIENT=true'
  return `the puppet service is unreachable: check ${where} (host:port reachable from here, service running) and TLS — ${tls}`
}

/** How long after login the start-up checks run. */
export const STARTUP_CHECKS_AFTER_MS = 3000

/** gRPC status codes that mean the stream to the puppet service is gone. */
const BROKEN_STREAM = /\b(CANCELLED|UNAVAILABLE|DEADLINE_EXCEEDED|Call cancelled|No connection established|stream)\b/i

export async function createRuntime(o: RuntimeOptions): Promise<Runtime> {
  const env = o.env ?? process.env
  const settings = parseSettings(env)
  const config = settings.config
  const db = o.db ?? openStore(settings.dbPath)
  const ctx = createContext(db, config, o.clock ?? Date.now, o.log)
  const checkpointer = startCheckpointer(db, { onError: (reason) => o.log.warn({ reason }, 'WAL checkpoints off the main thread') })
  const warmStart = performance.now()
  const warmed = warmUp()
  if (warmed) o.log.debug({ ...warmed, ms: Math.round(performance.now() - warmStart) }, 'classifier and pipeline warmed up')
  const reload = (): string => {
    try {
      const next = parseSettings(o.reloadEnv?.() ?? env).config
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
  const alarm = new OfflineAlarm(ctx, { webhook: config.alertWebhook ?? undefined, afterMs: config.offlineAlertMin * 60_000 })
  ctx.reach.onAlarm((text) => alarm.report(text))
  const supervised = !o.puppet && settings.puppet.mode === 'service'
  const backoff = o.backoff ?? { initialMs: 1000, maxMs: 60_000 }

  let lastCheck: CheckReport | null = null
  let staffChecked: Promise<void> = Promise.resolve()
  let health: HealthServer | null = null
  // Reads `bot` when it drains: by then the first Wechaty is built (and a reconnect's replaces it).
  const friends = friendRequests(ctx, () => bot)
  let lastMessageAt: number | null = null
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
    b.on('message', (m) => {
      if (!m.self()) lastMessageAt = Date.now()
    })
    b.on('friendship', (f) => {
      void friends.onFriendship(b, f).catch((err: Error) => o.log.warn({ err: { message: err.message } }, 'friend request failed'))
    })
    b.on('scan', (qrcode, status) => {
      o.log.info({ status, qrcodeUrl: qrcodeUrl(qrcode) }, 'scan the QR code to log in')
      // Drawn on stderr, beside the log: whoever runs the bot sees it without opening the URL.
      if (qrcode && o.drawQr !== false)
        void drawQr(qrcode).then((art) => {
          if (art) process.stderr.write(`\n请用机器人账号的微信/企业微信扫码登录:\n${art}\n`)
        })
      alarm.needsScan()
    })
    b.on('login', () => {
      alarm.online()
      // Requests stored before a restart or a lost connection go on under the cap.
      void friends.drain(b).catch((err: Error) => o.log.warn({ err: { message: err.message } }, 'friend requests: drain failed'))
      staffChecked = refreshStaff(b, ctx).then(
        (problems) => {
          if (problems.length === 0) return
          o.log.warn({ shifts: problems.length }, 'a shift has no steward the bot can write to')
          alarm.report(`【楼管家】启动检查:${problems.join(' ')}`)
        },
        (err: Error) => o.log.warn({ err: { message: err.message } }, "could not check the stewards' friendship"),
      )
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
      const hint = unavailableHint(message, settings.puppet)
      o.log.error({ err: { message }, ...(hint ? { hint } : {}) }, 'wechaty error')
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
    staffChecked: () => staffChecked,
    get lastCheck() {
      return lastCheck
    },
    reload,
    get health() {
      return health
    },
    friends,
    async start() {
      if (config.healthPort !== null && !health) {
        health = await startHealth(
          config.healthPort,
          {
            loggedIn: () => {
              try {
                return bot.isLoggedIn
              } catch {
                return false
              }
            },
            lastMessageAt: () => lastMessageAt,
            outboxDepth: () => ctx.outbox.store.countPending(),
          },
          o.log,
        )
      }
      if (o.schedulerIntervalMs !== 0) friends.start()
      await bot.start()
    },
    async stop() {
      stopping = true
      friends.stop()
      await health?.close()
      health = null
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
