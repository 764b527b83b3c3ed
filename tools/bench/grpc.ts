// End-to-end emergency latency over real gRPC. A PuppetServer wrapping a PuppetMock listens
// on 127.0.0.1 in this process; the bot runs as its own process, a supervised PuppetService
// client built by createRuntime (WECHATY_PUPPET=wechaty-puppet-service, an `insecure_<uuid>`
// token, NO_TLS true). Background traffic from the synthetic stream (the demo day's mix, text
// only) runs at `rate` messages/s; every `urgentEveryMs` a resident posts an urgent message
// tagged "[uNNNN]". Latency: from the mocker's say() (the message entering the server) to each
// steward's private alert carrying that tag arriving back at the server (ContactMock 'message').
// The measured messages start after `warmupMs` of background traffic; one urgent message sent
// right after login is reported on its own (a cold bot). Background members never repeat the
// same words in the same room within 2 minutes (the bot drops such repeats by design).
import { join, dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Row } from './table.ts'
import { startHarness } from './grpc-harness.ts'
import { STEWARDS, loadTexts, synthCommunity, synthStream } from './stream.ts'
import { prng } from '../prng.ts'

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..')

export interface GrpcOptions {
  urgent: number
  rate: number
  urgentEveryMs: number
  residents?: number
  /** Background traffic before the first measured urgent message (a bot in service is warm). */
  warmupMs?: number
}

export interface GrpcResult {
  urgentSent: number
  alertsExpected: number
  alertsReceived: number
  /** The one urgent message sent right after login, before the warm-up: its first alert (not in the percentiles). */
  coldMs: number
  warmupMs: number
  p50: number
  p90: number
  p99: number
  max: number
  background: number
  backgroundRate: number
  seconds: number
  stored: number
  botMaxRssMB: number
  outboxPending: number
  rate: { perMinute: string; perConversationMs: string }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

/** Urgent corpus lines that still read as urgent with a tag appended, short enough to be quoted whole in an alert. */
async function urgentTexts(): Promise<string[]> {
  const { triage } = await import('../../classifiers/triage.ts')
  const texts = loadTexts(ROOT)
  const out: string[] = []
  for (const key of ['medical!', 'repair!', 'emotional!']) {
    for (const t of texts.pools.get(key) ?? []) if (t.length <= 120 && triage(`${t} [u0000]`).urgent) out.push(t)
  }
  return out
}

export async function runGrpc(o: GrpcOptions): Promise<GrpcResult> {
  const texts = loadTexts(ROOT)
  const urgentPool = await urgentTexts()
  const community = synthCommunity(o.residents ?? 600, 11, 100)
  const env = {
    TRIAGE_RATE_PER_MIN: process.env.TRIAGE_RATE_PER_MIN ?? '40',
    TRIAGE_RATE_PER_ROOM_MS: process.env.TRIAGE_RATE_PER_ROOM_MS ?? '3000',
  }
  const h = await startHarness({ community, db: join(ROOT, 'var', 'bench-grpc.db'), env, logFile: join(ROOT, 'var', 'bench-grpc-bot.log') })
  const sentAt = new Map<number, number>()
  const latencies: number[] = []
  const COLD = 9999
  let coldMs = NaN
  const seen = new Set<string>()
  h.onStaffMessage((toId, text) => {
    const t = performance.now()
    if (!STEWARDS.some((s) => s.id === toId)) return
    const m = /\[u(\d{4})\]/.exec(text)
    if (!m) return
    const key = `${toId}:${m[1]}`
    if (seen.has(key)) return
    seen.add(key)
    const t0 = sentAt.get(Number(m[1]))
    if (t0 !== undefined && Number(m[1]) === COLD) {
      if (Number.isNaN(coldMs)) coldMs = t - t0
      return
    }
    if (t0 !== undefined) {
      latencies.push(t - t0)
      if (process.env.BENCH_DEBUG) process.stderr.write(`alert u${m[1]} ${toId} ${(t - t0).toFixed(1)} ms\n`)
    }
  })

  const rnd = prng(99)
  const stream = synthStream(community, texts, { messages: Number.MAX_SAFE_INTEGER, textOnly: true, noRedelivery: true, seed: 5 })
  const t0 = performance.now()
  let background = 0
  const lastSaid = new Map<string, number>()
  let urgentSent = 0
  const warmup = o.warmupMs ?? 10_000
  let nextUrgent = t0 + warmup
  const endBy = t0 + warmup + o.urgent * o.urgentEveryMs + 2000 + 60_000 // hard bound
  const urgentText = (tag: string) => `${urgentPool[Math.floor(rnd() * urgentPool.length)]} [u${tag}]`
  {
    // one emergency straight after login, on a cold bot
    const r = community.residents[Math.floor(rnd() * community.residents.length)]
    sentAt.set(COLD, performance.now())
    h.say(r.id, r.rooms[0], urgentText(String(COLD)))
  }
  let bgStop = Infinity
  for (;;) {
    const now = performance.now()
    if (now > endBy) break
    // background: catch up to `rate` messages/s (bounded per tick)
    const due = Math.min(200, Math.floor(((Math.min(now, bgStop) - t0) / 1000) * o.rate) - background)
    for (let i = 0; i < due; i++) {
      let m = stream.next().value!
      // the bot drops a member's same words in the same room within a minute by design: draw again
      for (let k = 0; k < 20 && (lastSaid.get(`${m.talkerId}|${m.roomId}|${m.text}`) ?? -Infinity) > now - 120_000; k++)
        m = stream.next().value!
      lastSaid.set(`${m.talkerId}|${m.roomId}|${m.text}`, now)
      h.say(m.talkerId, m.roomId, m.text, m.mentionsSelf)
      background++
    }
    if (urgentSent < o.urgent && now >= nextUrgent) {
      const r = community.residents[Math.floor(rnd() * community.residents.length)]
      const room = r.rooms[Math.floor(rnd() * r.rooms.length)]
      const text = urgentText(String(urgentSent).padStart(4, '0'))
      sentAt.set(urgentSent, performance.now())
      h.say(r.id, room, text)
      urgentSent++
      nextUrgent += o.urgentEveryMs
      if (urgentSent === o.urgent) bgStop = now + 2000
    }
    if (now > bgStop) break
    await sleep(10)
  }
  const loadSeconds = (performance.now() - t0) / 1000
  const expected = urgentSent * STEWARDS.length
  const deadline = performance.now() + 30_000
  while (latencies.length < expected && performance.now() < deadline) await sleep(100)
  // let the bot finish what it was given before reading its counters
  for (let i = 0; i < 100; i++) {
    const s = await h.stats()
    if (s.pending === 0 && s.inbound >= background + urgentSent + 1) break
    await sleep(200)
  }
  const s = await h.stats()
  await h.stop()
  const sorted = [...latencies].sort((a, b) => a - b)
  const pct = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? NaN
  return {
    urgentSent,
    alertsExpected: expected,
    alertsReceived: latencies.length,
    coldMs,
    warmupMs: warmup,
    p50: pct(0.5),
    p90: pct(0.9),
    p99: pct(0.99),
    max: sorted[sorted.length - 1] ?? NaN,
    background,
    backgroundRate: background / loadSeconds,
    seconds: loadSeconds,
    stored: s.inbound,
    botMaxRssMB: s.maxRssMB,
    outboxPending: s.outboxPending,
    rate: { perMinute: env.TRIAGE_RATE_PER_MIN, perConversationMs: env.TRIAGE_RATE_PER_ROOM_MS },
  }
}

export function grpcRows(r: GrpcResult): Row[] {
  return [
    {
      name: 'gRPC: rate settings (TRIAGE_RATE_PER_MIN / _PER_ROOM_MS)',
      value: `${r.rate.perMinute}/min / ${r.rate.perConversationMs} ms (emergency alerts bypass the budget)`,
    },
    {
      name: 'gRPC: background traffic',
      value: `${r.background} messages at ${r.backgroundRate.toFixed(1)}/s over ${r.seconds.toFixed(0)} s (demo-day mix, text); bot stored ${r.stored} of ${r.background + r.urgentSent + 1}; ${r.outboxPending} replies queued behind the budget at the end`,
    },
    {
      name: 'gRPC: urgent messages / steward alerts received',
      value: `${r.urgentSent} / ${r.alertsReceived} of ${r.alertsExpected}${r.urgentSent < 200 ? ' (fewer than the 200 a full run sends)' : ''}`,
      ok: r.alertsReceived === r.alertsExpected,
    },
    {
      name: 'gRPC: urgent → steward alert p50 / p90 / max',
      value: `${r.p50.toFixed(1)} / ${r.p90.toFixed(1)} / ${r.max.toFixed(1)} ms (after ${(r.warmupMs / 1000).toFixed(0)} s of traffic)`,
    },
    { name: 'gRPC: first alert on a cold bot (right after login)', value: `${r.coldMs.toFixed(0)} ms (not in the percentiles)` },
    { name: 'gRPC: urgent → steward alert p99', value: `${r.p99.toFixed(1)} ms`, target: '≤ 300 ms', ok: r.p99 <= 300 },
    { name: 'gRPC: bot process peak RSS', value: `${r.botMaxRssMB.toFixed(0)} MB` },
  ]
}

export async function benchGrpc(o: GrpcOptions): Promise<Row[]> {
  return grpcRows(await runGrpc(o))
}

if (process.argv[1] && fileURLToPath(import.meta.url) === resolve(process.argv[1])) {
  process.env.DOTENV_CONFIG_QUIET ??= 'true'
  const argv = process.argv.slice(2)
  const arg = (name: string, d: number) => {
    const i = argv.indexOf(name)
    return i >= 0 ? Number(argv[i + 1]) : d
  }
  runGrpc({ urgent: arg('--urgent', 250), rate: arg('--rate', 50), urgentEveryMs: arg('--every', 400) })
    .then((r) => {
      process.stdout.write(JSON.stringify(r, null, 1) + '\n')
      process.exit(0)
    })
    .catch((e: unknown) => {
      process.stderr.write(`grpc: ${e instanceof Error ? e.stack : String(e)}\n`)
      process.exit(1)
    })
}
