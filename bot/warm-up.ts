// The first triage after start-up costs ~50 ms and the next few hundred twice what they
// will (regexes compiled, dictionaries touched, code not yet optimised) — and the first
// message a bot hears after a restart at 3 a.m. may be the emergency. So a starting bot
// triages the demo day's lines once, about a tenth of a second, before it listens.
//
// Then it rehearses: the demo day goes once through the whole pipeline (store, triage,
// tickets, orders, outbox) into a throwaway in-memory store, so that filing a ticket and
// queueing an alert are compiled too. Nothing of it reaches the bot's own store or anyone.
import { readFileSync } from 'node:fs'
import { triage } from '../classifiers/triage.ts'
import { loadCommunity, loadDemoDay, secondsOfDay } from '../store/demo-community.ts'
import type { Inbound } from '../store/types.ts'
import { openStore } from '../store/store.ts'
import { parseConfig } from '../handlers/config.ts'
import { createContext, silentLog } from '../handlers/context.ts'
import { Ingest } from '../handlers/ingest.ts'

const DAY = new URL('../data/demo/day.jsonl', import.meta.url)

// If the demo day is missing (a trimmed install), a few lines of each kind still do most of it.
const FALLBACK = [
  '我的手受伤了,血流不止',
  '我要土豆3斤、萝卜3根、鸡蛋10个',
  '6栋1单元外路灯不亮',
  '我的猫被封在家没人照看',
  '担心家人在外地',
  '收到',
  '谢谢',
]

/** Messages stored per flush in the rehearsal: bursts, as a busy bot stores them. */
const REHEARSAL_BURST = 20

let warmed = false

export interface WarmUp {
  /** Lines triaged. */
  triaged: number
  /** Demo messages put through the whole pipeline in memory (0 if the demo data is missing). */
  rehearsed: number
}

/** Triage a day's worth of sample lines and rehearse the demo day, once per process; null if already done. */
export function warmUp(): WarmUp | null {
  if (warmed) return null
  warmed = true
  let lines = FALLBACK
  try {
    lines = readFileSync(DAY, 'utf8')
      .split('\n')
      .flatMap((l) => {
        const text = l.trim() ? (JSON.parse(l) as { text?: unknown }).text : undefined
        return typeof text === 'string' && text ? [text] : []
      })
  } catch {
    /* keep the fallback lines */
  }
  for (const text of lines) triage(text)
  let rehearsed = 0
  try {
    rehearsed = rehearse()
  } catch {
    /* a trimmed install without the demo data: the triage warm-up still did most of it */
  }
  return { triaged: lines.length, rehearsed }
}

function rehearse(): number {
  const community = loadCommunity()
  const day = loadDemoDay(community)
  const people = (cs: { id: string; name: string }[]) => cs.map((c) => `${c.id}=${c.name}`).join(',')
  const config = parseConfig({ TRIAGE_STEWARDS: people(community.stewards), TRIAGE_MANAGERS: people(community.managers) })
  const names = new Map([community.bot, ...community.stewards, ...community.managers, ...community.residents].map((c) => [c.id, c.name]))
  const topics = new Map(community.rooms.map((r) => [r.id, r.topic]))
  const dayStart = new Date(`${community.date}T00:00:00`).getTime()
  const db = openStore(':memory:')
  try {
    let now = dayStart
    const ctx = createContext(db, config, () => now, silentLog)
    ctx.setSelfId(community.bot.id)
    const ingest = new Ingest(ctx)
    for (const [i, m] of day.entries()) {
      now = dayStart + secondsOfDay(m.at) * 1000
      const inbound: Inbound = {
        messageId: `warm-up-${i}`,
        roomId: m.room,
        roomTopic: m.room ? (topics.get(m.room) ?? null) : null,
        talkerId: m.from,
        talkerName: names.get(m.from) ?? '',
        text: m.text,
        type: m.type,
        mentionsSelf: m.mention,
        at: now,
      }
      ingest.push(inbound)
      if ((i + 1) % REHEARSAL_BURST === 0) ingest.flush()
    }
    ingest.flush()
    return day.length
  } finally {
    db.close()
  }
}
