// Ingest throughput through the whole pipeline, as the bot runs it: handlers/ingest.ts stores a
// burst in one transaction (persist first, dedupe), then processes it (triage, tickets, orders,
// outbox) in the next, into a file-backed SQLite DB in WAL mode under var/, on a simulated clock
// (each message's own time). Messages come faster than they can be handled, so every burst is
// full: `--burst N` (default 100) messages.
//
// The outbox is drained by the bot's real Sender (bot/sender.ts) with a transport that does
// nothing, pumped every 5 simulated seconds and at once after an emergency, as the production
// loop does. By default it has no rate budget, so every reply is marked sent and the outbox
// does not grow without bound in the measurement (one WeChat account's 40 a minute cannot
// acknowledge a region's requests: at 750,000 messages a day most replies would wait).
// `--rate-limited` measures it as is instead: the configured budget (TRIAGE_RATE_PER_MIN,
// TRIAGE_RATE_PER_ROOM_MS) on the simulated clock, with what is left over reported as pending.
//
// Runs in a child process (`node --import tsx tools/bench/ingest.ts --messages N`) so that the
// peak RSS printed is the pipeline's own; benchIngest() spawns it and turns its JSON into rows.
import { spawn } from 'node:child_process'
import { existsSync, readFileSync, rmSync, statSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Row } from './table.ts'

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..')

export interface IngestResult {
  messages: number
  stored: number
  duplicatesDropped: number
  seconds: number
  rate: number
  p50: number
  p90: number
  p99: number
  p999: number
  max: number
  rssStartMB: number
  maxRssMB: number
  heapUsedEndMB: number
  residents: number
  staff: number
  rooms: number
  tickets: number
  urgentTickets: number
  orders: number
  outboxSent: number
  outboxPending: number
  urgentSent: number
  pumpSeconds: number
  dbMB: number
  rateSettings: { perMinute: number; perConversationMs: number }
  rateLimited: boolean
  /** Messages stored per transaction and processed per batch (group commit). */
  burst: number
  /**
   * CPU time of the process (all its threads) over the timed run. On a shared host the wall time
   * also counts the minutes other guests took the cores; this moves less (though it moves too).
   */
  cpuSeconds: number
  /** CPU time of the main thread alone over the timed run (Linux; null elsewhere): the pipeline's own work. */
  mainThreadCpuSeconds: number | null
}

const mb = (bytes: number) => bytes / 1024 / 1024

/** CPU seconds the main thread has used (utime + stime, in clock ticks of 1/100 s), or null off Linux. */
function mainThreadCpu(): number | null {
  try {
    const fields = readFileSync(`/proc/self/task/${process.pid}/stat`, 'utf8').split(') ')[1].split(' ')
    return (Number(fields[11]) + Number(fields[12])) / 100
  } catch {
    return null
  }
}

function percentile(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return NaN
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]
}

export async function runIngest(o: {
  messages: number
  db: string
  seed?: number
  residents?: number
  progress?: boolean
  rateLimited?: boolean
  burst?: number
}): Promise<IngestResult> {
  const { openStore } = await import('../../store/store.ts')
  const { startCheckpointer } = await import('../../store/checkpointer.ts')
  const { parseConfig } = await import('../../handlers/config.ts')
  const { createContext, silentLog } = await import('../../handlers/context.ts')
  const { Ingest } = await import('../../handlers/ingest.ts')
  const { Sender } = await import('../../bot/sender.ts')
  const { BOT, loadTexts, staffEnv, synthCommunity, synthStream } = await import('./stream.ts')

  for (const suffix of ['', '-wal', '-shm']) rmSync(o.db + suffix, { force: true })
  const db = openStore(o.db)
  // As the bot runs (bot/runtime.ts): WAL checkpoints on the second core.
  const checkpointer = startCheckpointer(db)
  let now = 0
  const residents = o.residents ?? Math.min(40_000, Math.max(600, Math.round(o.messages / 25)))
  const community = synthCommunity(residents)
  const config = parseConfig({
    ...staffEnv(community),
    ...pick(process.env, ['TRIAGE_RATE_PER_MIN', 'TRIAGE_RATE_PER_ROOM_MS', 'TRIAGE_FLOOD_PER_MIN']),
  })
  const ctx = createContext(db, config, () => now, silentLog)
  ctx.setSelfId(BOT.id)
  for (const h of community.households) ctx.households.upsert(h)
  const texts = loadTexts(ROOT)
  // As the bot does before it listens (bot/runtime.ts).
  const { warmUp } = await import('../../bot/warm-up.ts')
  warmUp()

  let urgentQueued = false
  ctx.outbox.onEnqueue((urgent) => {
    if (urgent) urgentQueued = true
  })
  const sendRate = o.rateLimited ? config.rate : { perMinute: Infinity, perConversationMs: 0 }
  const sender = new Sender(ctx.outbox.store, { send: async () => {} }, () => now, sendRate, silentLog)
  const PUMP_EVERY_MS = 5_000

  const lat = new Float64Array(o.messages)
  let stored = 0
  let dropped = 0
  let nextPump = 0
  let pumpMs = 0
  const rssStart = process.memoryUsage().rss
  const cpu0 = process.cpuUsage()
  const main0 = mainThreadCpu()
  const t0 = performance.now()
  let i = 0
  // The bot stores what arrived while it was busy in one transaction, then processes it
  // (handlers/ingest.ts). Fed as fast as it can take them, a burst is `burst` messages;
  // each message's latency runs from its arrival in the queue to the end of its burst.
  const burst = Math.min(1000, Math.max(1, o.burst ?? 100))
  const ingest = new Ingest(ctx)
  const arrived = new Float64Array(burst)
  let inBurst = 0
  let burstFirst = 0
  const flush = async () => {
    const r = ingest.flush()
    const end = performance.now()
    for (let k = 0; k < inBurst; k++) lat[burstFirst + k] = end - arrived[k]
    for (const s of r.stored) {
      if (s.result.stored) stored++
      else dropped++
    }
    burstFirst += inBurst
    inBurst = 0
    if (urgentQueued || now >= nextPump) {
      const p = performance.now()
      urgentQueued = false
      await sender.pump()
      pumpMs += performance.now() - p
      if (now >= nextPump) nextPump = now + PUMP_EVERY_MS
    }
  }
  for (const m of synthStream(community, texts, { messages: o.messages, seed: o.seed })) {
    now = Math.max(now, m.at)
    arrived[inBurst++] = performance.now()
    ingest.push(m)
    i++
    if (inBurst === burst) await flush()
    if (o.progress && i % 50_000 === 0) {
      process.stderr.write(
        `  ingest: ${i} messages, ${(i / ((performance.now() - t0) / 1000)).toFixed(0)}/s, rss ${mb(process.memoryUsage().rss).toFixed(0)} MB\n`,
      )
    }
  }
  if (inBurst > 0) await flush()
  const seconds = (performance.now() - t0) / 1000
  const cpu = process.cpuUsage(cpu0)
  const main1 = mainThreadCpu()
  const sorted = lat.subarray(0, i).sort()
  const one = <T>(sql: string) => db.prepare(sql).get() as T
  const tickets = one<{ n: number; u: number }>('SELECT count(*) AS n, coalesce(sum(urgent), 0) AS u FROM tickets')
  const outbox = one<{
    sent: number
    pending: number
    urgent: number
  }>(`SELECT coalesce(sum(state = 'sent'), 0) AS sent, coalesce(sum(state = 'pending'), 0) AS pending,
    coalesce(sum(state = 'sent' AND urgent = 1), 0) AS urgent FROM outbox`)
  const orders = one<{ n: number }>('SELECT count(*) AS n FROM orders')
  await checkpointer?.stop()
  db.pragma('wal_checkpoint(TRUNCATE)')
  db.close()
  const size = (p: string) => (existsSync(p) ? statSync(p).size : 0)
  return {
    messages: i,
    stored,
    duplicatesDropped: dropped,
    seconds,
    rate: i / seconds,
    p50: percentile(sorted, 0.5),
    p90: percentile(sorted, 0.9),
    p99: percentile(sorted, 0.99),
    p999: percentile(sorted, 0.999),
    max: sorted[sorted.length - 1] ?? NaN,
    rssStartMB: mb(rssStart),
    // resourceUsage().maxRSS is in kilobytes
    maxRssMB: process.resourceUsage().maxRSS / 1024,
    heapUsedEndMB: mb(process.memoryUsage().heapUsed),
    residents,
    staff: community.staff.length,
    rooms: community.rooms.length,
    tickets: tickets.n,
    urgentTickets: tickets.u,
    orders: orders.n,
    outboxSent: outbox.sent,
    outboxPending: outbox.pending,
    urgentSent: outbox.urgent,
    pumpSeconds: pumpMs / 1000,
    dbMB: mb(size(o.db) + size(o.db + '-wal')),
    rateSettings: config.rate,
    rateLimited: !!o.rateLimited,
    burst,
    cpuSeconds: (cpu.user + cpu.system) / 1e6,
    mainThreadCpuSeconds: main0 === null || main1 === null ? null : main1 - main0,
  }
}

function pick(env: NodeJS.ProcessEnv, keys: string[]): Record<string, string> {
  const out: Record<string, string> = {}
  for (const k of keys) if (env[k] !== undefined) out[k] = env[k]!
  return out
}

/** Run the ingest in a fresh child process and read back its result. */
export async function ingestInChild(messages: number, extraArgs: string[] = []): Promise<IngestResult> {
  const db = join(ROOT, 'var', `bench-ingest-${messages}.db`)
  const out = await new Promise<string>((res, rej) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', fileURLToPath(import.meta.url), '--messages', String(messages), '--db', db, ...extraArgs],
      { cwd: ROOT, env: { ...process.env, DOTENV_CONFIG_QUIET: 'true' }, stdio: ['ignore', 'pipe', 'inherit'] },
    )
    let buf = ''
    child.stdout.on('data', (b: Buffer) => {
      buf += b.toString()
    })
    child.on('error', rej)
    child.on('close', (code) => (code === 0 ? res(buf) : rej(new Error(`ingest child exited ${code}`))))
  })
  const line = out.split('\n').find((l) => l.startsWith('RESULT '))
  if (!line) throw new Error(`ingest child printed no result: ${out.slice(0, 500)}`)
  return JSON.parse(line.slice('RESULT '.length)) as IngestResult
}

export function ingestRows(r: IngestResult): Row[] {
  const n = r.messages >= 1000 ? `${Math.round(r.messages / 1000)}k` : String(r.messages)
  const rows: Row[] = [
    // The target is set for 100,000 and 750,000 messages; a --quick run of 10,000 is mostly the code warming up.
    {
      name: `ingest ${n}: messages/s (store→triage→tickets→orders→outbox)`,
      value: `${r.rate.toFixed(0)} (${r.messages} in ${r.seconds.toFixed(1)} s)`,
      ...(r.messages >= 100_000 ? { target: '≥ 10000', ok: r.rate >= 10_000 } : {}),
    },
    {
      name: `ingest ${n}: CPU seconds, main thread / whole process`,
      value: `${r.mainThreadCpuSeconds?.toFixed(1) ?? 'n/a'} / ${r.cpuSeconds.toFixed(1)} s (a shared host's slow minutes lengthen the wall time, less these)`,
    },
    {
      name: `ingest ${n}: per-message latency p50 / p99 / max`,
      value: `${r.p50.toFixed(1)} / ${r.p99.toFixed(1)} / ${r.max.toFixed(1)} ms (queued → its burst of ${r.burst} stored and processed)`,
    },
    {
      name: `ingest ${n}: peak RSS (child process)`,
      value: `${r.maxRssMB.toFixed(0)} MB (${r.rssStartMB.toFixed(0)} MB after loading)`,
      ...(r.messages >= 750_000 ? { target: '≤ 400 MB', ok: r.maxRssMB <= 400 } : {}),
    },
    { name: `ingest ${n}: stored / dropped re-deliveries`, value: `${r.stored} / ${r.duplicatesDropped}` },
    { name: `ingest ${n}: tickets (urgent) / orders`, value: `${r.tickets} (${r.urgentTickets}) / ${r.orders}` },
    {
      name: `ingest ${n}: outbox sent (urgent) / pending at end`,
      value: `${r.outboxSent} (${r.urgentSent}) / ${r.outboxPending} — ${r.rateLimited ? `Sender at ${r.rateSettings.perMinute}/min, ${r.rateSettings.perConversationMs} ms per conversation, simulated clock` : 'Sender without a budget: every reply marked sent'}`,
    },
    {
      name: `ingest ${n}: residents / stewards / rooms / DB size`,
      value: `${r.residents} / ${r.staff + 2} / ${r.rooms} / ${r.dbMB.toFixed(0)} MB`,
    },
  ]
  if (r.messages >= 750_000)
    rows.push({ name: `ingest ${n}: wall time`, value: `${r.seconds.toFixed(1)} s`, target: '< 120 s', ok: r.seconds < 120 })
  return rows
}

export async function benchIngest(messages: number): Promise<Row[]> {
  return ingestRows(await ingestInChild(messages, ['--progress']))
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2)
  const arg = (name: string) => {
    const i = argv.indexOf(name)
    return i >= 0 ? argv[i + 1] : undefined
  }
  const messages = Number(arg('--messages') ?? 100_000)
  const db = resolve(arg('--db') ?? join(ROOT, 'var', `bench-ingest-${messages}.db`))
  const r = await runIngest({
    messages,
    db,
    progress: argv.includes('--progress'),
    rateLimited: argv.includes('--rate-limited'),
    burst: arg('--burst') ? Number(arg('--burst')) : undefined,
  })
  process.stdout.write(`RESULT ${JSON.stringify(r)}\n`)
}

if (process.argv[1] && fileURLToPath(import.meta.url) === resolve(process.argv[1])) {
  process.env.DOTENV_CONFIG_QUIET ??= 'true'
  main().catch((e: unknown) => {
    process.stderr.write(`ingest: ${e instanceof Error ? e.stack : String(e)}\n`)
    process.exitCode = 1
  })
}
