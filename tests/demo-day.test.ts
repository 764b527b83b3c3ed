// The demo day through the real bot on a simulated clock (tools/demo.ts), counted as a steward's
// phone sees it (issue 19, item 1): at most 15 private messages of the bot's own per steward,
// every emergency alerted at once and re-alerted until someone claims it. Everything the bot
// pushes counts, false alarms included; answers to the commands a steward types (认领, 完成,
// 队列 …) are counted apart: one per command, asked for.
import pino from 'pino'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { parseCommand } from '../handlers/commands.ts'
import { realertInterval } from '../handlers/emergency.ts'
import { openStore } from '../store/store.ts'
import type { Ticket } from '../store/tickets.ts'
import { privateMessages, replayDemoDay, type PrivateMessage, type ReplayedDay } from '../tools/demo.ts'

/** At most this many private messages of the bot's own per steward on the demo day. */
const CAP = 15

let day: ReplayedDay
let messages: PrivateMessage[]

beforeAll(async () => {
  day = await replayDemoDay({ log: pino({ level: 'silent' }), db: openStore(':memory:') })
  messages = privateMessages(day)
}, 120_000)

afterAll(async () => {
  await day?.c.stop()
  day?.db.close()
})

const stewards = () => day.community.stewards.map((s) => s.id)
const tickets = () => day.c.runtime.ctx.tickets

/** The commands a person typed to the bot on the demo day (mentioning it in a group, or privately). */
const commandsBy = (id: string) =>
  day.day.filter((l) => l.from === id && (l.room === null || l.mention) && parseCommand(l.text.replace(/#\{[^}]+\}/g, '1')) !== null)

describe('a steward’s phone on the demo day', () => {
  it(`gets at most ${CAP} messages of the bot's own per steward`, () => {
    for (const id of stewards()) {
      const pushed = messages.filter((m) => m.to === id && m.kind !== 'answer')
      expect(pushed.filter((m) => m.kind === 'other').map((m) => m.text)).toEqual([])
      expect(pushed.length, `${id}: ${pushed.map((m) => `${m.kind} ${m.text.split('\n')[0]}`).join(' | ')}`).toBeLessThanOrEqual(CAP)
      // The periodic digest is part of it, not gone.
      expect(pushed.filter((m) => m.kind === 'digest').length).toBeGreaterThanOrEqual(1)
    }
  })

  it('answers each command a steward types exactly once, and nothing else comes as an answer', () => {
    for (const id of stewards()) {
      const answers = messages.filter((m) => m.to === id && m.kind === 'answer')
      expect(answers.length).toBe(commandsBy(id).length)
      for (const a of answers) {
        const cause = a.cause as { line: number }
        expect(parseCommand(day.day[cause.line].text.replace(/#\{[^}]+\}/g, '1')), a.text).not.toBeNull()
      }
    }
  })

  it('alerts every emergency to every steward at once, and re-alerts it until someone claims it', () => {
    const ctx = day.c.runtime.ctx
    const emergencies = ctx.db
      .prepare(`SELECT id FROM tickets WHERE urgent = 1 ORDER BY id`)
      .all()
      .map((r) => tickets().get((r as { id: number }).id)!)
    expect(emergencies.length).toBeGreaterThan(0)
    const realert = ctx.config.realertMin * 60_000
    let reAlerted = 0
    for (const t of emergencies as Ticket[]) {
      expect(t.state, `#${t.id}`).not.toBe('dismissed')
      expect(t.claimedAt, `#${t.id} is claimed in the demo`).not.toBeNull()
      for (const id of stewards()) {
        const about = messages.filter((m) => m.to === id && m.ticketId === t.id && ['alert', 'realert', 'update'].includes(m.kind))
        const full = about.find((m) => m.kind === 'alert')
        expect(full?.at, `#${t.id} to ${id}`).toBe(t.createdAt)
        expect(full!.text).toContain('原话:')
        // Until the claim, never longer without a word about it than the re-alert interval allows.
        const times = [...about.filter((m) => m.at < t.claimedAt!).map((m) => m.at), t.claimedAt!]
        for (let i = 1; i < times.length; i++)
          expect(times[i] - times[i - 1], `#${t.id} to ${id}, gap ${i}`).toBeLessThanOrEqual(realertInterval(realert, i) + 60_000)
        reAlerted = Math.max(reAlerted, about.filter((m) => m.kind === 'realert').length)
      }
    }
    // One of them waited long enough to be re-alerted (the fall at 07:18, claimed at 07:31).
    expect(reAlerted).toBeGreaterThanOrEqual(3)
  })
})
