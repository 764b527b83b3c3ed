// Was the resident satisfied? After a repair, grocery or pet ticket is done, each reporter who
// is a friend of the account gets one private line (「#12 办得怎么样?回复 1 满意,2 不满意。」);
// their private 1/2 (or 满意/不满意) soon after is recorded on the ticket, and the daily digest
// counts the day's answers (satisfactionCounts). Nobody who is not a friend is asked — the
// question would only come back to a steward's phone — and staff are never asked.
import type { Reporter, Satisfaction, Ticket } from '../store/tickets.ts'
import type { StoredInbound } from '../store/types.ts'
import { roleOf } from './config.ts'
import type { Context } from './context.ts'
import { SATISFACTION_THANKS, satisfactionQuestion } from './wording.ts'

/** An answer counts for the latest question asked within this long; later, a 「1」 is just a message. */
export const SATISFACTION_WINDOW_MS = 12 * 3600_000

/** Asks each resident reporter who is a friend, once per ticket. Returns how many were asked. */
export function askSatisfaction(ctx: Context, t: Pick<Ticket, 'id'>, reporters: readonly Reporter[]): number {
  const now = ctx.clock()
  let asked = 0
  for (const r of reporters) {
    if (roleOf(ctx.config, r.talkerId) !== 'resident' || ctx.reach.isFriend(r.talkerId) !== true) continue
    if (!ctx.tickets.askSatisfaction(t.id, r.talkerId, now)) continue
    ctx.outbox.send({ to: { kind: 'contact', id: r.talkerId }, text: satisfactionQuestion(t), purpose: 'followup' })
    asked++
  }
  return asked
}

/** 「1」「2」「满意」「不满意」 (full-width digits, a trailing 「!」 or 「。」 and the like are fine); anything else: null. */
export function parseSatisfaction(text: string): Satisfaction | null {
  const body = text.normalize('NFKC').replace(/[\s。.,,!!~～、]+/g, '')
  if (/^(1|1?满意|很满意|非常满意|挺满意)$/.test(body)) return 'satisfied'
  if (/^(2|2?不满意|不太满意|不怎么满意)$/.test(body)) return 'unsatisfied'
  return null
}

/**
 * A resident's private message that answers the question asked last (within the window):
 * recorded on that ticket and thanked. Returns the ticket's id, or null when the message is
 * not such an answer (it then goes through the pipeline like any other).
 */
export function answerSatisfaction(ctx: Context, m: StoredInbound): number | null {
  if (m.roomId || roleOf(ctx.config, m.talkerId) !== 'resident') return null
  const answer = parseSatisfaction(m.text)
  if (!answer) return null
  const now = ctx.clock()
  const ticketId = ctx.tickets.awaitingSatisfaction(m.talkerId, now - SATISFACTION_WINDOW_MS)
  if (ticketId == null) return null
  ctx.tickets.recordSatisfaction(ticketId, m.talkerId, answer, now)
  ctx.tickets.event(ticketId, now, m.talkerId, 'satisfaction', answer)
  ctx.outbox.send({ to: { kind: 'contact', id: m.talkerId }, text: SATISFACTION_THANKS[answer], purpose: 'followup' })
  return ticketId
}

/** For the daily digest: how many answered 满意 and 不满意 in [dayStart, dayEnd), by when they answered. */
export function satisfactionCounts(ctx: Context, dayStart: number, dayEnd: number): { satisfied: number; unsatisfied: number } {
  return ctx.tickets.satisfactionBetween(dayStart, dayEnd)
}
