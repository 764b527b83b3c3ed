// Where an answer to a person goes (DESIGN.md, "Privacy"): where they asked — their group, with
// an @ — or privately when they wrote privately, when the matter is emotional, or when the answer
// is for staff. Every reply to a resident or steward is built here, not by hand.
import type { Category } from '../classifiers/types.ts'
import type { Context } from './context.ts'

/** Who asked, and where: a stored message, or one of a ticket's reporters. */
export interface Asker {
  talkerId: string
  roomId: string | null
}

export interface ReplyOptions {
  /** Privately, whatever the room: answers to staff, categories that are never answered in public. */
  privately?: boolean
  /** The matter's category: an emotional one is acknowledged and closed privately, never in the group. */
  category?: Category
  /** An emergency's answer: sent at once, outside the rate budget. */
  urgent?: boolean
}

/** Reply to the person who asked, where the privacy rule says. Returns the outbox row's id. */
export function reply(ctx: Context, to: Asker, text: string, opts: ReplyOptions = {}): number {
  const urgent = opts.urgent ? { urgent: true } : {}
  if (opts.privately || opts.category === 'emotional' || !to.roomId)
    return ctx.outbox.send({ to: { kind: 'contact', id: to.talkerId }, text, ...urgent })
  return ctx.outbox.send({ to: { kind: 'room', id: to.roomId }, text, mentions: [to.talkerId], ...urgent })
}

/** A private message to one contact (a steward's answer, a note to staff). */
export function replyPrivately(ctx: Context, contactId: string, text: string): number {
  return reply(ctx, { talkerId: contactId, roomId: null }, text)
}
