// Filing requests as tickets: exactly one ticket per request.
//   - the same resident repeating or adding to a request updates their ticket;
//   - neighbours reporting the same shared fault at the same place merge into one;
//   - a cancellation closes the resident's ticket.
import { mergeLocations, parseLocation, parseTopic, type Location } from '../classifiers/location.ts'
import { memoByText } from '../classifiers/memo.ts'
import type { TriageResult } from '../classifiers/triage.ts'
import type { StoredInbound } from '../store/types.ts'
import type { Ticket } from '../store/tickets.ts'
import type { Context } from './context.ts'
import { basePriority, claimDeadline } from './priority.ts'

// A resident's name and a group's topic come back all day: each is parsed once (frozen, shared).
const nameLocation = memoByText((name: string) => Object.freeze(parseLocation(name)), 20_000, 100)
const topicLocation = memoByText((topic: string) => Object.freeze(parseTopic(topic)), 5_000, 100)

/** DESIGN.md: the message's own location wins, then the group alias / contact name, then the room topic. */
export function resolveLocation(m: Pick<StoredInbound, 'talkerName' | 'roomTopic'>, r: Pick<TriageResult, 'location'>): Location | null {
  const fromName = m.talkerName ? nameLocation(m.talkerName) : null
  const fromTopic = m.roomTopic ? topicLocation(m.roomTopic) : null
  const loc = mergeLocations(r.location, fromName, fromTopic)
  return loc && (loc.building || loc.unit || loc.floor || loc.room) ? loc : null
}

/** Neighbours answering an emergency in the same group ("快打120", "我是护士 我下去看看") join its ticket. */
export const EMERGENCY_THREAD_MS = 30 * 60_000

function emergencyThread(ctx: Context, m: StoredInbound, r: TriageResult): Ticket | null {
  if (!m.roomId || (r.category !== 'medical' && r.category !== 'repair')) return null
  const t = ctx.tickets.openUrgentInRoom(m.roomId, r.category, ctx.clock() - EMERGENCY_THREAD_MS)
  if (!t) return null
  // A different door written in the message is a different emergency.
  const own = r.location
  if (own?.building && t.building && own.building !== t.building) return null
  if (own?.room && t.room && own.room !== t.room) return null
  return t
}

/**
 * The reporter of an open emergency raising the alarm again in its group, in words the model files
 * elsewhere (「打了 一直占线」 after 「我妈摔倒了」): news on their emergency, not a second one —
 * unless the words name an emergency of another kind.
 */
function ownEmergency(ctx: Context, m: StoredInbound, r: TriageResult): Ticket | null {
  if (!m.roomId || !(r.urgent || r.possibleUrgent)) return null
  const since = ctx.clock() - EMERGENCY_THREAD_MS
  const t = ctx.tickets
    .allOpenByTalker(m.talkerId, 'request')
    .filter((t) => t.urgent && t.roomId === m.roomId && t.createdAt >= since)
    .at(-1)
  if (!t || (r.emergency && t.emergency && r.emergency !== t.emergency)) return null
  return t
}

/** "不用买了" then "还是要买吧": the same request again, not a new ticket. */
function reopenCancelled(ctx: Context, m: StoredInbound, r: TriageResult, since: number): Ticket | null {
  const t = ctx.tickets.recentlyCancelled(m.talkerId, r.category, since)
  if (!t) return null
  const now = ctx.clock()
  ctx.tickets.event(t.id, now, m.talkerId, 'reopened', 'asked again')
  const order = ctx.orders.byTicket(t.id)
  if (order?.state === 'cancelled') ctx.orders.setState(order.id, 'open', now)
  return ctx.tickets.update(t.id, { state: 'open', resolvedAt: null, resolvedBy: null, note: null }, now, t)
}

export interface Filed {
  ticket: Ticket
  /** A new ticket (not an update or a merge). */
  created: boolean
  /** This message made the ticket urgent (it was not before). */
  becameUrgent: boolean
  /** This message made the ticket possibly urgent (it was neither before): a steward is asked to look. */
  becamePossible: boolean
  /** Another resident's report merged into an existing ticket. */
  merged: boolean
}

export interface FileOptions {
  faultKey?: string | null
  quiet: boolean
}

/** Files a request, or folds it into the ticket it belongs to. */
export function fileRequest(ctx: Context, m: StoredInbound, r: TriageResult, opts: FileOptions): Filed {
  const now = ctx.clock()
  const loc = resolveLocation(m, r)
  const since = now - ctx.config.mergeWindowMin * 60_000

  // A shared fault merges by place and fault; anything else by resident and category
  // (a leak in one's kitchen is not the corridor light one reported earlier).
  const mine = opts.faultKey ? null : ctx.tickets.openByTalker(m.talkerId, r.category)
  const existing =
    (opts.faultKey ? ctx.tickets.openByFault(opts.faultKey, since) : mine?.faultKey ? null : mine) ??
    emergencyThread(ctx, m, r) ??
    ownEmergency(ctx, m, r) ??
    reopenCancelled(ctx, m, r, since)
  if (existing) {
    const merged = existing.talkerId !== m.talkerId
    ctx.tickets.addMessage(existing.id, m.id)
    // The one who opened a ticket is its first reporter (Tickets.create): only others are new.
    const newReporter = merged && ctx.tickets.addReporter(existing.id, { talkerId: m.talkerId, talkerName: m.talkerName, roomId: m.roomId })
    const becameUrgent = r.urgent && !existing.urgent
    const becamePossible = !r.urgent && r.possibleUrgent && !existing.urgent && !existing.possibleUrgent
    const patch: Partial<Ticket> = {}
    if (becameUrgent) {
      patch.urgent = true
      patch.emergency = r.emergency
      patch.priority = 0
      patch.slaClaimDue = claimDeadline(ctx.config, 0, now)
      patch.quiet = opts.quiet
    } else if (becamePossible) {
      patch.possibleUrgent = true
      if (existing.priority > 1) {
        patch.priority = 1
        patch.slaClaimDue = claimDeadline(ctx.config, 1, now)
      }
    }
    for (const label of r.labels)
      if (!existing.labels.includes(label) && label !== 'other') patch.labels = [...(patch.labels ?? existing.labels), label]
    if (!existing.building && loc?.building)
      Object.assign(patch, { building: loc.building, unit: loc.unit, floor: loc.floor, room: loc.room })
    const ticket = Object.keys(patch).length ? ctx.tickets.update(existing.id, patch, now, existing) : existing
    ctx.tickets.event(
      existing.id,
      now,
      m.talkerId,
      merged ? 'merged' : 'updated',
      newReporter && merged ? `reporter ${m.talkerName}` : undefined,
    )
    return { ticket, created: false, becameUrgent, becamePossible, merged: merged && newReporter }
  }

  const household = ctx.households.find(loc)
  const tier = household?.tier ?? null
  const possibleUrgent = !r.urgent && r.possibleUrgent
  const priority = basePriority({ urgent: r.urgent, possibleUrgent, category: r.category, tier, needsReview: r.needsReview })
  const ticket = ctx.tickets.create(
    {
      kind: 'request',
      category: r.category,
      labels: r.labels.filter((l) => l !== 'other'),
      urgent: r.urgent,
      possibleUrgent,
      emergency: r.emergency,
      needsReview: r.needsReview,
      priority,
      roomId: m.roomId,
      roomTopic: m.roomTopic,
      talkerId: m.talkerId,
      talkerName: m.talkerName,
      building: loc?.building ?? null,
      unit: loc?.unit ?? null,
      floor: loc?.floor ?? null,
      room: loc?.room ?? null,
      tier,
      summary: m.text.slice(0, 500),
      faultKey: opts.faultKey ?? null,
      createdAt: now,
      slaClaimDue: claimDeadline(ctx.config, priority, now),
      quiet: opts.quiet,
    },
    m.id,
  )
  ctx.tickets.event(ticket.id, now, m.talkerId, 'opened', r.category)
  return { ticket, created: true, becameUrgent: r.urgent, becamePossible: possibleUrgent, merged: false }
}

/**
 * Voice, image and video in the groups: someone has to listen or look. Returns the id of the
 * resident's media ticket this message joined or opened.
 */
export function fileMedia(ctx: Context, m: StoredInbound): number {
  const now = ctx.clock()
  // Only its id is needed: found in the index, without reading the ticket (issue 7 profile).
  const existing = ctx.tickets.openIdByTalker(m.talkerId, 'media')
  if (existing != null) {
    ctx.tickets.addMessage(existing, m.id)
    return existing
  }
  const loc = resolveLocation(m, { location: null })
  const tier = ctx.households.find(loc)?.tier ?? null
  const ticket = ctx.tickets.create(
    {
      kind: 'media',
      category: 'other',
      labels: [],
      urgent: false,
      emergency: null,
      needsReview: true,
      priority: tier === 'red' ? 1 : 3,
      roomId: m.roomId,
      roomTopic: m.roomTopic,
      talkerId: m.talkerId,
      talkerName: m.talkerName,
      building: loc?.building ?? null,
      unit: loc?.unit ?? null,
      floor: loc?.floor ?? null,
      room: loc?.room ?? null,
      tier,
      summary: `[${m.type === 'voice' ? '语音' : m.type === 'video' ? '视频' : '图片'}]`,
      faultKey: null,
      createdAt: now,
      slaClaimDue: null,
      quiet: false,
    },
    m.id,
  )
  ctx.tickets.event(ticket.id, now, m.talkerId, 'opened', `media:${m.type}`)
  return ticket.id
}

/**
 * A resident withdrawing a request ("不用买了", "灯已经好了"): close their most
 * recent open ticket, preferring one whose category the message names.
 */
export function cancelRequest(ctx: Context, m: StoredInbound, hint: TriageResult['category'] | null): Ticket | null {
  const open = ctx.tickets.allOpenByTalker(m.talkerId, 'request')
  if (open.length === 0) return null
  const target = (hint ? [...open].reverse().find((t) => t.category === hint) : null) ?? open[open.length - 1]
  const now = ctx.clock()
  ctx.tickets.addMessage(target.id, m.id)
  const closed = ctx.tickets.update(
    target.id,
    { state: 'cancelled', resolvedAt: now, resolvedBy: m.talkerId, note: '居民已取消' },
    now,
    target,
  )
  ctx.tickets.event(target.id, now, m.talkerId, 'cancelled', m.text.slice(0, 200))
  const order = ctx.orders.byTicket(target.id)
  if (order && order.state === 'open') ctx.orders.setState(order.id, 'cancelled', now)
  return closed
}
