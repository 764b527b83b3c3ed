// Where an answer to a person goes (DESIGN.md, "Privacy"): where they asked — their group, with
// an @ — or privately when they wrote privately, when the matter is emotional, or when the answer
// is for staff. Every reply to a resident or steward is built here, not by hand.
import type { Category } from '../classifiers/types.ts'
import type { Fallback, Purpose } from '../store/outbox.ts'
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
  /** What the message is for, and what its fallback needs when it cannot arrive privately. */
  purpose?: Purpose
  fallback?: Fallback
}

/** Reply to the person who asked, where the privacy rule says. Returns the outbox row's id. */
export function reply(ctx: Context, to: Asker, text: string, opts: ReplyOptions = {}): number {
  const urgent = {
    ...(opts.urgent ? { urgent: true } : {}),
    ...(opts.purpose ? { purpose: opts.purpose } : {}),
    ...(opts.fallback ? { fallback: opts.fallback } : {}),
  }
  if (opts.privately || opts.category === 'emotional' || !to.roomId)
    return ctx.outbox.send({ to: { kind: 'contact', id: to.talkerId }, text, ...urgent })
  return ctx.outbox.send({ to: { kind: 'room', id: to.roomId }, text, mentions: [to.talkerId], ...urgent })
}

/**
 * The same answer to several people (a merged ticket's reporters): one post per room that
 * @-mentions everyone who asked there — not one post per person, 3 s apart — and a private
 * message to each who asked privately. `text` is given whether the post speaks to several.
 * Returns the outbox rows' ids.
 */
export function replyAll(
  ctx: Context,
  to: readonly (Asker & { talkerName?: string })[],
  text: (many: boolean) => string,
  opts: ReplyOptions = {},
): number[] {
  const rooms = new Map<string, string[]>()
  const privately = new Map<string, string | undefined>()
  for (const a of to) {
    if (opts.privately || opts.category === 'emotional' || !a.roomId) {
      if (!privately.has(a.talkerId)) privately.set(a.talkerId, a.talkerName)
      continue
    }
    const ids = rooms.get(a.roomId) ?? []
    if (!ids.includes(a.talkerId)) ids.push(a.talkerId)
    rooms.set(a.roomId, ids)
  }
  const extra = {
    ...(opts.urgent ? { urgent: true } : {}),
    ...(opts.purpose ? { purpose: opts.purpose } : {}),
  }
  return [
    ...[...rooms].map(([roomId, mentions]) =>
      ctx.outbox.send({ to: { kind: 'room', id: roomId }, text: text(mentions.length > 1), mentions, ...extra }),
    ),
    // Each private message's fallback names its own person (the steward who is to pass it on).
    ...[...privately].map(([id, name]) =>
      ctx.outbox.send({
        to: { kind: 'contact', id },
        text: text(false),
        ...extra,
        ...(opts.fallback ? { fallback: { ...opts.fallback, talkerName: name || opts.fallback.talkerName } } : {}),
      }),
    ),
  ]
}

/** A private message to one contact (a steward's answer, a note to staff). */
export function replyPrivately(ctx: Context, contactId: string, text: string): number {
  return reply(ctx, { talkerId: contactId, roomId: null }, text)
}
