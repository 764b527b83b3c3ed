// 接龙 by several households. In WeChat each participant reposts the whole list with their own
// line added, so the same lines arrive again and again, posted by whoever added the last one:
//   - a 接龙 is known by its room and its header;
//   - each door's line is filed once, on first sight, as that door's order (with a ticket, so
//     the steward can 送达 it like any other);
//   - a line that comes back changed in a later repost is a correction of that door's order;
//   - the order belongs to the door; the line's author is the one who posted the message that
//     added it alone. The acknowledgement @-mentions the author; when a message brings several
//     new lines at once (the bot first sees the list half-way), nobody can tell who wrote which,
//     and the on-duty stewards get one private note instead.
import { parseLocation } from '../classifiers/location.ts'
import { parseJielong, type Jielong } from '../classifiers/shopping-list/index.ts'
import type { TriageResult } from '../classifiers/triage.ts'
import type { StoredInbound } from '../store/types.ts'
import type { JielongLine } from '../store/jielong.ts'
import type { OrderLine } from '../store/orders.ts'
import type { Ticket } from '../store/tickets.ts'
import type { Context } from './context.ts'
import { reply } from './reply.ts'
import { applyItems, describeLine, fingerprint } from './order-lines.ts'
import { basePriority, claimDeadline } from './priority.ts'
import type { Filed } from './tickets.ts'

/** The header a 接龙 is known by: its words, without spaces, emoji and punctuation. */
export function jielongKey(header: string): string {
  return header.replace(/[\s\p{P}\p{S}\p{Extended_Pictographic}]+/gu, '').slice(0, 200)
}

interface Entry {
  door: string
  line: string
  lines: OrderLine[]
  fp: string
}

/** The door lines of a message's 接龙 that order something, or null when it has none. */
function doorEntries(list: Jielong | null): Entry[] | null {
  if (!list) return null
  const out: Entry[] = []
  const seen = new Set<string>()
  for (const e of list.entries) {
    if (!e.door || seen.has(e.door)) continue
    const lines = applyItems(
      [],
      e.items.filter((i) => i.op !== 'remove'),
    )
    if (lines.length === 0) continue
    seen.add(e.door)
    out.push({ door: e.door, line: e.line, lines, fp: fingerprint(lines) })
  }
  return out.length ? out : null
}

/**
 * File what a 接龙 message adds or changes; null when the message is not a multi-household 接龙
 * (it is then an ordinary request).
 */
export function recordJielong(ctx: Context, m: StoredInbound, r: TriageResult, opts: { quiet: boolean }): Filed | null {
  if (!r.items.some((i) => i.door)) return null
  const list = parseJielong(r.text)
  const entries = doorEntries(list)
  if (!list || !entries) return null
  const now = ctx.clock()
  const roomKey = m.roomId ?? `contact:${m.talkerId}`
  const headerKey = jielongKey(list.header)
  const known = ctx.jielong.byDoor(roomKey, headerKey)
  const fresh = entries.filter((e) => !known.has(e.door))
  const changed = entries.filter((e) => {
    const k = known.get(e.door)
    return k !== undefined && k.fingerprint !== e.fp
  })
  // one new or changed line: the one who posted it wrote it
  const author = fresh.length + changed.length === 1 ? m : null
  const touched: Array<{ ticket: Ticket; entry: Entry; created: boolean }> = []

  for (const e of fresh) {
    const ticket = fileLine(ctx, m, r, e, author, opts.quiet)
    const order = ctx.orders.create(
      {
        ticketId: ticket.id,
        talkerId: ticket.talkerId,
        talkerName: ticket.talkerName,
        roomId: m.roomId,
        building: ticket.building,
        unit: ticket.unit,
        floor: ticket.floor,
        room: ticket.room,
        fingerprint: e.fp,
        createdAt: now,
      },
      e.lines,
    )
    ctx.jielong.insert({
      roomKey,
      headerKey,
      door: e.door,
      line: e.line,
      fingerprint: e.fp,
      orderId: order.id,
      ticketId: ticket.id,
      authorId: author ? author.talkerId : null,
      createdAt: now,
      updatedAt: now,
    })
    touched.push({ ticket, entry: e, created: true })
  }
  for (const e of changed) {
    const row = known.get(e.door) as JielongLine
    const order = ctx.orders.get(row.orderId)
    ctx.jielong.update(row, e.line, e.fp, now)
    const ticket = ctx.tickets.get(row.ticketId)
    if (!order || !ticket) continue
    // a delivered or cancelled order is history: the change is for the steward to see, not to apply
    if (order.state === 'open') ctx.orders.replaceLines(order, e.lines, e.fp, now)
    ctx.tickets.addMessage(ticket.id, m.id)
    ctx.tickets.event(ticket.id, now, m.talkerId, 'order-updated', e.fp)
    touched.push({ ticket, entry: e, created: false })
  }

  if (!opts.quiet && touched.length) acknowledge(ctx, m, touched, author !== null)
  const first = touched[0]?.ticket ?? anyTicket(ctx, known)
  if (!first) return null
  return { ticket: first, created: touched.some((t) => t.created), becameUrgent: false, becamePossible: false, merged: false }
}

/** A ticket for one door's line: the author's when known, else the door's own. */
function fileLine(ctx: Context, m: StoredInbound, r: TriageResult, e: Entry, author: StoredInbound | null, quiet: boolean): Ticket {
  const now = ctx.clock()
  const loc = parseLocation(e.door)
  const household = ctx.households.find(loc)
  const tier = household?.tier ?? null
  const category = r.category === 'pet' ? 'pet' : 'grocery'
  const priority = basePriority({ urgent: false, category, tier, needsReview: false })
  const ticket = ctx.tickets.create(
    {
      kind: 'request',
      category,
      labels: [category],
      urgent: false,
      emergency: null,
      needsReview: false,
      priority,
      roomId: m.roomId,
      roomTopic: m.roomTopic,
      // the order belongs to the door: with no known author, the door stands for its household
      talkerId: author ? author.talkerId : `door:${e.door}`,
      talkerName: author ? author.talkerName : e.door,
      building: loc?.building ?? null,
      unit: loc?.unit ?? null,
      floor: loc?.floor ?? null,
      room: loc?.room ?? null,
      tier,
      summary: e.line.slice(0, 500),
      faultKey: null,
      createdAt: now,
      slaClaimDue: claimDeadline(ctx.config, priority, now),
      quiet,
    },
    m.id,
  )
  ctx.tickets.event(ticket.id, now, m.talkerId, 'opened', `${category} 接龙`)
  return ticket
}

function anyTicket(ctx: Context, known: Map<string, JielongLine>): Ticket | null {
  for (const row of known.values()) {
    const t = ctx.tickets.get(row.ticketId)
    if (t) return t
  }
  return null
}

function acknowledge(
  ctx: Context,
  m: StoredInbound,
  touched: Array<{ ticket: Ticket; entry: Entry; created: boolean }>,
  byAuthor: boolean,
): void {
  const say = (t: { ticket: Ticket; entry: Entry }) => `#${t.ticket.id} ${t.entry.door}:${t.entry.lines.map(describeLine).join('、')}`
  if (byAuthor && m.roomId) {
    if (ctx.config.ack === 'off') return
    const t = touched[0]
    const text = t.created ? `收到您的接龙,已登记 ${say(t)}。` : `好的,您在接龙里改的已更新:${say(t)}。`
    reply(ctx, m, text)
    return
  }
  // Several lines at once, or a private chat: nobody to thank in the group; the steward checks
  // them. Not urgent, so not a message of its own: the steward digest lists them (digest.ts), and
  // 「订单」 shows every line.
  const now = ctx.clock()
  for (const t of touched) ctx.tickets.event(t.ticket.id, now, m.talkerId, 'jielong-check', t.created ? 'new' : 'changed')
}
