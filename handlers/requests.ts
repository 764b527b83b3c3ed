// A classified request: file it once, keep orders in step, raise the alarm if
// minutes matter, and acknowledge the resident where they asked.
import type { TriageResult } from '../classifiers/triage.ts'
import type { Category } from '../classifiers/types.ts'
import type { StoredInbound } from '../store/types.ts'
import type { CategoryHandler } from './category-handler.ts'
import type { Context } from './context.ts'
import { reply } from './reply.ts'
import { askToLook, raiseEmergency, relayUpdate } from './emergency.ts'
import { emotional } from './emotional.ts'
import { grocery } from './grocery.ts'
import { recordJielong } from './jielong.ts'
import { medical } from './medical.ts'
import { orderAck, recordOrder } from './order-lines.ts'
import { other } from './other.ts'
import { pet } from './pet.ts'
import { repair } from './repair.ts'
import { fileRequest, resolveLocation, type Filed } from './tickets.ts'
import { reviewAck } from './wording.ts'

export const HANDLERS: Record<Category, CategoryHandler> = { medical, repair, grocery, pet, emotional, other }

export interface RequestOptions {
  /** Old (backlog) message: file it, but no alert and no reply. */
  quiet: boolean
  /** The resident is flooding: file, but do not acknowledge or relay again (a first emergency still alerts). */
  silent: boolean
}

export function handleRequest(ctx: Context, m: StoredInbound, r: TriageResult, opts: RequestOptions): Filed {
  // a 接龙 by several households: each door's line is its own order (jielong.ts)
  if (r.category === 'grocery' || r.category === 'pet') {
    const filed = recordJielong(ctx, m, r, { quiet: opts.quiet || opts.silent })
    if (filed) return filed
  }
  const handler = HANDLERS[r.category]
  const faultKey = handler.faultKey?.(r, resolveLocation(m, r)) ?? null
  const filed = fileRequest(ctx, m, r, { faultKey, quiet: opts.quiet })
  const { ticket } = filed
  // What happened, at info level: ids and categories, never the resident's words.
  if (filed.created) ctx.log.info({ ticketId: ticket.id, category: ticket.category, urgent: ticket.urgent }, 'ticket filed')

  // A low-confidence guess is not told a category or a hotline it may not need (「我家有水啊」
  // is not a medical emergency): a neutral word, and the ticket waits in the queue for a steward.
  let ack = r.needsReview && !ticket.urgent ? reviewAck(ticket) : handler.ack(filed)
  if (r.labels.includes('grocery') || r.labels.includes('pet')) {
    const outcome = recordOrder(ctx, m, r, ticket)
    if (r.category === 'grocery' || r.category === 'pet') {
      if (outcome.change === 'unchanged') ack = ''
      else if (r.category === 'grocery') ack = orderAck(ticket, outcome)
    }
  }

  if (opts.quiet) return filed
  if (filed.becameUrgent) {
    raiseEmergency(ctx, ticket, m)
    return filed
  }
  // More news on an emergency already raised — an alarm or a possible one from a neighbour in its
  // group: relayed at once (it is on the ticket either way; a flood of "救命" from one member must
  // not become a flood of alerts outside the budget).
  if ((r.urgent || r.possibleUrgent) && ticket.urgent && !filed.created) {
    if (opts.silent) return filed
    relayUpdate(ctx, ticket, m, r.urgent)
    return filed
  }
  // A possible emergency: every on-duty steward is asked to look, ahead of the everyday traffic,
  // and nothing is said in public — a false alarm in the group would frighten the neighbours, and
  // whether it is one is the steward's call.
  if (filed.becamePossible) {
    askToLook(ctx, ticket, m)
    return filed
  }
  if (opts.silent || !ack) return filed
  const mode = ctx.config.ack
  if (mode === 'off' || (mode === 'urgent' && !ticket.urgent)) return filed
  // Repeats of an open request are acknowledged once, not every time.
  if (!filed.created && !filed.merged && !r.items.length) return filed
  reply(ctx, m, ack, {
    privately: handler.private,
    category: r.category,
    purpose: 'acknowledgement',
    fallback: { ticketIds: [ticket.id], talkerName: m.talkerName || m.talkerId },
  })
  return filed
}
