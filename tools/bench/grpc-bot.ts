// The bot as its own process for the gRPC benchmark and the soak run: createRuntime with
// WECHATY_PUPPET=wechaty-puppet-service (a supervised PuppetService client), configured only
// through the environment the parent passes, talking to the parent over IPC:
//   → {type:'ready'} once logged in, {type:'stats', ...} every second and on request
//   ← {type:'stats'} (reply with stats now), {type:'stop'} (stop the runtime, reply, exit)
// Households to import come as a JSON file named by BENCH_HOUSEHOLDS.
import { readFileSync } from 'node:fs'
import pino from 'pino'
import type { Household } from '../../store/households.ts'
import { createRuntime } from '../../bot/runtime.ts'

export interface BotStats {
  type: 'stats' | 'ready' | 'stopped'
  at: number
  rssMB: number
  heapUsedMB: number
  maxRssMB: number
  reconnects: number
  loggedIn: boolean
  inbound: number
  pending: number
  outboxPending: number
  outboxSent: number
}

async function main(): Promise<void> {
  const log = pino({ level: process.env.LOG_LEVEL ?? 'warn' }, pino.destination(2))
  const runtime = await createRuntime({
    log,
    schedulerIntervalMs: Number(process.env.BENCH_SCHEDULER_MS ?? 0),
  })
  if (process.env.BENCH_HOUSEHOLDS) {
    for (const h of JSON.parse(readFileSync(process.env.BENCH_HOUSEHOLDS, 'utf8')) as Household[]) runtime.ctx.households.upsert(h)
  }
  const db = runtime.ctx.db
  const countInbound = db.prepare('SELECT count(*) AS n FROM inbound')
  const countPending = db.prepare(`SELECT count(*) AS n FROM inbound WHERE state = 'new'`)
  const countOutbox = db.prepare(
    `SELECT coalesce(sum(state = 'pending'), 0) AS pending, coalesce(sum(state = 'sent'), 0) AS sent FROM outbox`,
  )
  const stats = (type: BotStats['type']): BotStats => {
    const mem = process.memoryUsage()
    let loggedIn = false
    try {
      loggedIn = runtime.bot.isLoggedIn
    } catch {
      loggedIn = false
    }
    const o = countOutbox.get() as { pending: number; sent: number }
    return {
      type,
      at: Date.now(),
      rssMB: mem.rss / 1048576,
      heapUsedMB: mem.heapUsed / 1048576,
      maxRssMB: process.resourceUsage().maxRSS / 1024,
      reconnects: runtime.reconnects,
      loggedIn,
      inbound: (countInbound.get() as { n: number }).n,
      pending: (countPending.get() as { n: number }).n,
      outboxPending: o.pending,
      outboxSent: o.sent,
    }
  }
  const send = (m: unknown) => {
    if (process.connected) process.send?.(m)
  }
  process.on('message', (m: { type?: string }) => {
    if (m?.type === 'stats') send(stats('stats'))
    if (m?.type === 'stop') {
      clearInterval(timer)
      void (async () => {
        const last = stats('stopped')
        await runtime.stop()
        send(last)
        setTimeout(() => process.exit(0), 200)
      })()
    }
  })
  // The parent going away must not leave a bot behind.
  process.on('disconnect', () => process.exit(0))
  const timer = setInterval(() => send(stats('stats')), 1000)
  await runtime.start()
  const deadline = Date.now() + 60_000
  while (!runtime.bot.isLoggedIn) {
    if (Date.now() > deadline) throw new Error('no login within 60 s')
    await new Promise((r) => setTimeout(r, 50))
  }
  send(stats('ready'))
}

main().catch((e: unknown) => {
  process.stderr.write(`grpc-bot: ${e instanceof Error ? e.stack : String(e)}\n`)
  process.exit(1)
})
