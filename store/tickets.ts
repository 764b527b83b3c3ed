// Tickets: one per real request, with its reporters, source messages and an
// audit trail of every state change (who and when).
import type { Category, EmergencyKind } from '../classifiers/types.ts'
import type { Statement } from 'better-sqlite3'
import { rows, type DB, type RowQuery } from './store.ts'

export type TicketState = 'open' | 'claimed' | 'done' | 'dismissed' | 'cancelled'
export type TicketKind = 'request' | 'media'
export type Tier = 'red' | 'yellow' | 'green'

export interface Ticket {
  id: number
  kind: TicketKind
  category: Category
  labels: Category[]
  urgent: boolean
  /** Triage saw a possible emergency below the urgent threshold (P1; a steward was asked to look). */
  possibleUrgent: boolean
  emergency: EmergencyKind | null
  needsReview: boolean
  priority: number
  state: TicketState
  roomId: string | null
  roomTopic: string | null
  talkerId: string
  talkerName: string
  building: string | null
  unit: string | null
  floor: string | null
  room: string | null
  tier: Tier | null
  summary: string
  faultKey: string | null
  createdAt: number
  updatedAt: number
  claimedBy: string | null
  claimedAt: number | null
  resolvedBy: string | null
  resolvedAt: number | null
  note: string | null
  slaClaimDue: number | null
  slaBreached: boolean
  remindedAt: number | null
  alertedAt: number | null
  alertCount: number
  escalatedAt: number | null
  repliedAt: number | null
  /** Filed from a backlog message: no alert, no group reply. */
  quiet: boolean
}

/** A resident's answer to 「办得怎么样?」 after a ticket is done. */
export type Satisfaction = 'satisfied' | 'unsatisfied'

export interface Reporter {
  talkerId: string
  talkerName: string
  roomId: string | null
}

export type NewTicket = Partial<Pick<Ticket, 'possibleUrgent'>> &
  Pick<
    Ticket,
    | 'kind'
    | 'category'
    | 'labels'
    | 'urgent'
    | 'emergency'
    | 'needsReview'
    | 'priority'
    | 'roomId'
    | 'roomTopic'
    | 'talkerId'
    | 'talkerName'
    | 'building'
    | 'unit'
    | 'floor'
    | 'room'
    | 'tier'
    | 'summary'
    | 'faultKey'
    | 'createdAt'
    | 'slaClaimDue'
    | 'quiet'
  >

const COLUMNS: Record<string, string> = {
  kind: 'kind',
  category: 'category',
  labels: 'labels',
  urgent: 'urgent',
  possibleUrgent: 'possible_urgent',
  emergency: 'emergency',
  needsReview: 'needs_review',
  priority: 'priority',
  state: 'state',
  roomId: 'room_id',
  roomTopic: 'room_topic',
  talkerId: 'talker_id',
  talkerName: 'talker_name',
  building: 'building',
  unit: 'unit',
  floor: 'floor',
  room: 'room',
  tier: 'tier',
  summary: 'summary',
  faultKey: 'fault_key',
  createdAt: 'created_at',
  updatedAt: 'updated_at',
  claimedBy: 'claimed_by',
  claimedAt: 'claimed_at',
  resolvedBy: 'resolved_by',
  resolvedAt: 'resolved_at',
  note: 'note',
  slaClaimDue: 'sla_claim_due',
  slaBreached: 'sla_breached',
  remindedAt: 'reminded_at',
  alertedAt: 'alerted_at',
  alertCount: 'alert_count',
  escalatedAt: 'escalated_at',
  repliedAt: 'replied_at',
  quiet: 'quiet',
}
const BOOLEAN = new Set(['urgent', 'possibleUrgent', 'needsReview', 'slaBreached', 'quiet'])

// An object literal of one fixed shape: building the ticket key by key from COLUMNS showed in
// the issue 7 profile (every request reads several tickets).
export function fromRow(r: Record<string, unknown>): Ticket {
  const n = (v: unknown) => v as number
  const ns = (v: unknown) => v as string | null
  return {
    id: n(r.id),
    kind: r.kind as TicketKind,
    category: r.category as Category,
    labels: JSON.parse(String(r.labels)) as Category[],
    urgent: r.urgent === 1,
    possibleUrgent: r.possible_urgent === 1,
    emergency: r.emergency as EmergencyKind | null,
    needsReview: r.needs_review === 1,
    priority: n(r.priority),
    state: r.state as TicketState,
    roomId: ns(r.room_id),
    roomTopic: ns(r.room_topic),
    talkerId: r.talker_id as string,
    talkerName: r.talker_name as string,
    building: ns(r.building),
    unit: ns(r.unit),
    floor: ns(r.floor),
    room: ns(r.room),
    tier: r.tier as Tier | null,
    summary: r.summary as string,
    faultKey: ns(r.fault_key),
    createdAt: n(r.created_at),
    updatedAt: n(r.updated_at),
    claimedBy: ns(r.claimed_by),
    claimedAt: r.claimed_at as number | null,
    resolvedBy: ns(r.resolved_by),
    resolvedAt: r.resolved_at as number | null,
    note: ns(r.note),
    slaClaimDue: r.sla_claim_due as number | null,
    slaBreached: r.sla_breached === 1,
    remindedAt: r.reminded_at as number | null,
    alertedAt: r.alerted_at as number | null,
    alertCount: n(r.alert_count),
    escalatedAt: r.escalated_at as number | null,
    repliedAt: r.replied_at as number | null,
    quiet: r.quiet === 1,
  }
}

// Spelled out, not `{ ...t }`: on Node 20 spreading a 35-key object costs tens of microseconds (issue 7 profile).
function copyTicket(t: Ticket): Ticket {
  return {
    id: t.id,
    kind: t.kind,
    category: t.category,
    labels: [...t.labels],
    urgent: t.urgent,
    possibleUrgent: t.possibleUrgent,
    emergency: t.emergency,
    needsReview: t.needsReview,
    priority: t.priority,
    state: t.state,
    roomId: t.roomId,
    roomTopic: t.roomTopic,
    talkerId: t.talkerId,
    talkerName: t.talkerName,
    building: t.building,
    unit: t.unit,
    floor: t.floor,
    room: t.room,
    tier: t.tier,
    summary: t.summary,
    faultKey: t.faultKey,
    createdAt: t.createdAt,
    updatedAt: t.updatedAt,
    claimedBy: t.claimedBy,
    claimedAt: t.claimedAt,
    resolvedBy: t.resolvedBy,
    resolvedAt: t.resolvedAt,
    note: t.note,
    slaClaimDue: t.slaClaimDue,
    slaBreached: t.slaBreached,
    remindedAt: t.remindedAt,
    alertedAt: t.alertedAt,
    alertCount: t.alertCount,
    escalatedAt: t.escalatedAt,
    repliedAt: t.repliedAt,
    quiet: t.quiet,
  }
}

function toColumn(field: string, value: unknown): unknown {
  if (BOOLEAN.has(field)) return value ? 1 : 0
  if (field === 'labels') return JSON.stringify(value)
  return value
}

/** A patched value as reading it back would give it. */
function fromColumn(field: string, value: unknown): unknown {
  if (BOOLEAN.has(field)) return !!value
  if (field === 'labels') return [...(value as Category[])]
  return value ?? null
}

export const OPEN_STATES: readonly TicketState[] = ['open', 'claimed']

/** A talker's most recent open ticket of a kind (and category), with the columns asked for. */
const openOfTalker = (columns: string, category?: Category) => `SELECT ${columns} FROM tickets WHERE talker_id = ? AND kind = ?
  AND state IN ('open', 'claimed') ${category ? 'AND category = ?' : ''} ORDER BY created_at DESC, id DESC LIMIT 1`

export interface QueueFilter {
  category?: Category
  building?: string
  limit?: number
}

/** What places a ticket in the queue (handlers/priority.ts), without the rest of it. */
export type QueueKey = Pick<Ticket, 'id' | 'priority' | 'createdAt'>

export class Tickets {
  /** Prepared statements by SQL text: preparing one costs more than running it (issue 7 profile). */
  private readonly statements = new Map<string, Statement>()
  constructor(private readonly db: DB) {}

  private rows(source: string): RowQuery {
    return rows(this.db, source)
  }

  private sql(source: string): Statement {
    let s = this.statements.get(source)
    if (!s) this.statements.set(source, (s = this.db.prepare(source)))
    return s
  }

  create(t: NewTicket, inboundId: number | null): Ticket {
    // One statement for every ticket, its values in a fixed order: building the SQL from the
    // fields given, per ticket, cost more than the insert (issue 7 profile).
    const info = this.sql(
      `INSERT INTO tickets (kind, category, labels, urgent, possible_urgent, emergency, needs_review, priority, room_id, room_topic, talker_id,
      talker_name, building, unit, floor, room, tier, summary, fault_key, created_at, sla_claim_due, quiet, updated_at)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      t.kind,
      t.category,
      JSON.stringify(t.labels),
      t.urgent ? 1 : 0,
      t.possibleUrgent ? 1 : 0,
      t.emergency ?? null,
      t.needsReview ? 1 : 0,
      t.priority,
      t.roomId ?? null,
      t.roomTopic ?? null,
      t.talkerId,
      t.talkerName,
      t.building ?? null,
      t.unit ?? null,
      t.floor ?? null,
      t.room ?? null,
      t.tier ?? null,
      t.summary,
      t.faultKey ?? null,
      t.createdAt,
      t.slaClaimDue ?? null,
      t.quiet ? 1 : 0,
      t.createdAt,
    )
    const id = Number(info.lastInsertRowid)
    this.addReporter(id, { talkerId: t.talkerId, talkerName: t.talkerName, roomId: t.roomId })
    if (inboundId != null) this.addMessage(id, inboundId)
    // The row as written, without reading it back (a read of a 35-column row costs more than the insert).
    return {
      id,
      kind: t.kind,
      category: t.category,
      labels: [...t.labels],
      urgent: !!t.urgent,
      possibleUrgent: !!t.possibleUrgent,
      emergency: t.emergency ?? null,
      needsReview: !!t.needsReview,
      priority: t.priority,
      state: 'open',
      roomId: t.roomId ?? null,
      roomTopic: t.roomTopic ?? null,
      talkerId: t.talkerId,
      talkerName: t.talkerName,
      building: t.building ?? null,
      unit: t.unit ?? null,
      floor: t.floor ?? null,
      room: t.room ?? null,
      tier: t.tier ?? null,
      summary: t.summary,
      faultKey: t.faultKey ?? null,
      createdAt: t.createdAt,
      updatedAt: t.createdAt,
      claimedBy: null,
      claimedAt: null,
      resolvedBy: null,
      resolvedAt: null,
      note: null,
      slaClaimDue: t.slaClaimDue ?? null,
      slaBreached: false,
      remindedAt: null,
      alertedAt: null,
      alertCount: 0,
      escalatedAt: null,
      repliedAt: null,
      quiet: !!t.quiet,
    }
  }

  get(id: number): Ticket | null {
    const r = this.rows('SELECT * FROM tickets WHERE id = ?').get(id)
    return r ? fromRow(r) : null
  }

  /**
   * Change a ticket. Given `current` — the ticket as read in this same transaction — the result
   * is built from it and the patch instead of being read back.
   */
  update(id: number, patch: Partial<Omit<Ticket, 'id'>>, at: number, current?: Ticket): Ticket {
    const fields = Object.keys(patch).filter((f) => f in COLUMNS)
    if (fields.length > 0) {
      this.sql(`UPDATE tickets SET ${fields.map((f) => `${COLUMNS[f]} = ?`).join(', ')}, updated_at = ? WHERE id = ?`).run(
        ...fields.map((f) => toColumn(f, (patch as Record<string, unknown>)[f])),
        at,
        id,
      )
    }
    if (!current || current.id !== id) return this.get(id)!
    const next = copyTicket(current)
    for (const f of fields) (next as unknown as Record<string, unknown>)[f] = fromColumn(f, (patch as Record<string, unknown>)[f])
    if (fields.length > 0) next.updatedAt = at
    return next
  }

  addReporter(ticketId: number, r: Reporter): boolean {
    return (
      this.sql('INSERT OR IGNORE INTO ticket_reporters (ticket_id, talker_id, talker_name, room_id) VALUES (?, ?, ?, ?)').run(
        ticketId,
        r.talkerId,
        r.talkerName,
        r.roomId,
      ).changes > 0
    )
  }

  reporters(ticketId: number): Reporter[] {
    return (
      this.sql('SELECT talker_id, talker_name, room_id FROM ticket_reporters WHERE ticket_id = ? ORDER BY rowid').all(ticketId) as {
        talker_id: string
        talker_name: string
        room_id: string | null
      }[]
    ).map((r) => ({ talkerId: r.talker_id, talkerName: r.talker_name, roomId: r.room_id }))
  }

  /** The satisfaction question went to this reporter of the ticket (they had not been asked yet: true). */
  askSatisfaction(ticketId: number, talkerId: string, at: number): boolean {
    return (
      this.sql(
        `UPDATE ticket_reporters SET satisfaction_asked_at = ? WHERE ticket_id = ? AND talker_id = ? AND satisfaction_asked_at IS NULL`,
      ).run(at, ticketId, talkerId).changes > 0
    )
  }

  /** The ticket whose satisfaction question to this person, asked since `since`, is still unanswered (the latest). */
  awaitingSatisfaction(talkerId: string, since: number): number | null {
    const r = this.sql(
      `SELECT ticket_id FROM ticket_reporters WHERE talker_id = ? AND satisfaction_asked_at >= ? AND satisfaction IS NULL
      ORDER BY satisfaction_asked_at DESC, ticket_id DESC LIMIT 1`,
    ).get(talkerId, since) as { ticket_id: number } | undefined
    return r?.ticket_id ?? null
  }

  recordSatisfaction(ticketId: number, talkerId: string, answer: Satisfaction, at: number): void {
    this.sql(`UPDATE ticket_reporters SET satisfaction = ?, satisfaction_at = ? WHERE ticket_id = ? AND talker_id = ?`).run(
      answer,
      at,
      ticketId,
      talkerId,
    )
  }

  /** A reporter's answer to the satisfaction question on a ticket (null: not asked, or no answer yet). */
  satisfactionOf(ticketId: number, talkerId: string): Satisfaction | null {
    const r = this.sql(`SELECT satisfaction FROM ticket_reporters WHERE ticket_id = ? AND talker_id = ?`).get(ticketId, talkerId) as
      { satisfaction: Satisfaction | null } | undefined
    return r?.satisfaction ?? null
  }

  /** Answers that came in [from, to), by answer. */
  satisfactionBetween(from: number, to: number): Record<Satisfaction, number> {
    const counts: Record<Satisfaction, number> = { satisfied: 0, unsatisfied: 0 }
    for (const r of this.sql(
      `SELECT satisfaction, count(*) AS n FROM ticket_reporters WHERE satisfaction_at >= ? AND satisfaction_at < ? GROUP BY satisfaction`,
    ).all(from, to) as { satisfaction: Satisfaction; n: number }[])
      if (r.satisfaction in counts) counts[r.satisfaction] = r.n
    return counts
  }

  addMessage(ticketId: number, inboundId: number): void {
    this.sql('INSERT OR IGNORE INTO ticket_messages (ticket_id, inbound_id) VALUES (?, ?)').run(ticketId, inboundId)
  }

  messages(ticketId: number): { id: number; text: string; type: string; at: number; talkerName: string; recalled: boolean }[] {
    return (
      this.sql(
        `SELECT i.id, i.text, i.type, i.at, i.talker_name, i.recalled FROM ticket_messages tm JOIN inbound i ON i.id = tm.inbound_id
      WHERE tm.ticket_id = ? ORDER BY i.at, i.id`,
      ).all(ticketId) as { id: number; text: string; type: string; at: number; talker_name: string; recalled: number }[]
    ).map((r) => ({ id: r.id, text: r.text, type: r.type, at: r.at, talkerName: r.talker_name, recalled: r.recalled === 1 }))
  }

  event(ticketId: number | null, at: number, actorId: string, action: string, detail?: string): void {
    this.sql('INSERT INTO ticket_events (ticket_id, at, actor_id, action, detail) VALUES (?, ?, ?, ?, ?)').run(
      ticketId,
      at,
      actorId,
      action,
      detail ?? null,
    )
  }

  events(ticketId: number): { at: number; actorId: string; action: string; detail: string | null }[] {
    return (
      this.sql('SELECT at, actor_id, action, detail FROM ticket_events WHERE ticket_id = ? ORDER BY id').all(ticketId) as {
        at: number
        actor_id: string
        action: string
        detail: string | null
      }[]
    ).map((r) => ({ at: r.at, actorId: r.actor_id, action: r.action, detail: r.detail }))
  }

  /** The talker's most recent open ticket of a category (a repeat or an addition updates it). */
  openByTalker(talkerId: string, category?: Category, kind: TicketKind = 'request'): Ticket | null {
    const r = this.rows(openOfTalker('*', category)).get(...(category ? [talkerId, kind, category] : [talkerId, kind]))
    return r ? fromRow(r) : null
  }

  /** The id of the talker's most recent open ticket of a kind (and category): as openByTalker, from the index alone. */
  openIdByTalker(talkerId: string, kind: TicketKind, category?: Category): number | null {
    const r = this.sql(openOfTalker('id', category)).get(...(category ? [talkerId, kind, category] : [talkerId, kind])) as
      { id: number } | undefined
    return r?.id ?? null
  }

  /** The talker's ticket of a category they cancelled since `since` (asking again reopens it). */
  recentlyCancelled(talkerId: string, category: Category, since: number): Ticket | null {
    const r = this.rows(
      `SELECT * FROM tickets WHERE talker_id = ? AND category = ? AND kind = 'request' AND state = 'cancelled'
      AND resolved_at >= ? ORDER BY resolved_at DESC LIMIT 1`,
    ).get(talkerId, category, since)
    return r ? fromRow(r) : null
  }

  /** The talker's open tickets, oldest first; of one kind if given. */
  allOpenByTalker(talkerId: string, kind?: TicketKind): Ticket[] {
    return this.rows(
      `SELECT * FROM tickets WHERE talker_id = ? AND state IN ('open', 'claimed') ${kind ? 'AND kind = ?' : ''} ORDER BY created_at, id`,
    )
      .all(...(kind ? [talkerId, kind] : [talkerId]))
      .map(fromRow)
  }

  byTalker(talkerId: string, limit = 10): Ticket[] {
    return this.rows(
      `SELECT t.* FROM tickets t WHERE t.id IN (SELECT ticket_id FROM ticket_reporters WHERE talker_id = ?)
      ORDER BY t.created_at DESC, t.id DESC LIMIT ?`,
    )
      .all(talkerId, limit)
      .map(fromRow)
  }

  /** An open ticket for the same fault at the same place, reported since `since`. */
  openByFault(faultKey: string, since: number): Ticket | null {
    const r = this.rows(
      `SELECT * FROM tickets WHERE fault_key = ? AND state IN ('open', 'claimed') AND created_at >= ?
      ORDER BY created_at LIMIT 1`,
    ).get(faultKey, since)
    return r ? fromRow(r) : null
  }

  /** The open emergency of a category raised in a room since `since` (neighbours chiming in on it). */
  openUrgentInRoom(roomId: string, category: Category, since: number): Ticket | null {
    // Through tickets_urgent_room (urgent tickets only, by group and time): the group's last minutes,
    // not every emergency of the region (issue 7 profile).
    const r = this.rows(
      `SELECT * FROM tickets WHERE urgent = 1 AND room_id = ? AND created_at >= ?
      AND state IN ('open', 'claimed') AND category = ? ORDER BY created_at DESC LIMIT 1`,
    ).get(roomId, since, category)
    return r ? fromRow(r) : null
  }

  /** Open tickets by priority (0 is the most pressing), then age. */
  queue(filter: QueueFilter = {}): Ticket[] {
    const where = [`state IN ('open', 'claimed')`]
    const args: unknown[] = []
    if (filter.category) {
      where.push('category = ?')
      args.push(filter.category)
    }
    if (filter.building) {
      where.push('building = ?')
      args.push(filter.building)
    }
    const limit = filter.limit ?? 50
    // Per state, tickets_state(state, priority, created_at) yields rows already in queue order, so
    // SQLite merges the two ordered halves and stops at the limit; with `state IN (...)` it sorted
    // every open ticket on each call (issue 7 profile). Same rows, same order.
    const part = (state: string) => `SELECT * FROM (SELECT * FROM tickets WHERE state = '${state}'${where
      .slice(1)
      .map((w) => ` AND ${w}`)
      .join('')}
      ORDER BY priority, created_at, id LIMIT ?)`
    return this.rows(`${part('open')} UNION ALL ${part('claimed')} ORDER BY priority, created_at, id LIMIT ?`)
      .all(...args, limit, ...args, limit, limit)
      .map(fromRow)
  }

  /**
   * The oldest `n` open or claimed tickets of each priority level, as their queue keys. Waiting
   * moves a ticket up (handlers/priority.ts) but never past an older one of its own level, so
   * the first n of the whole queue in effective order are always among these — without reading
   * the rest. Unfiltered, the keys come from tickets_state alone, without reading a row.
   */
  queueHead(filter: Omit<QueueFilter, 'limit'>, n: number): QueueKey[] {
    const where: string[] = []
    const args: unknown[] = []
    if (filter.category) {
      where.push('category = ?')
      args.push(filter.category)
    }
    if (filter.building) {
      where.push('building = ?')
      args.push(filter.building)
    }
    const extra = where.map((w) => ` AND ${w}`).join('')
    const part = (
      state: string,
    ) => `SELECT * FROM (SELECT id, priority, created_at FROM tickets WHERE state = '${state}' AND priority = ?${extra}
      ORDER BY created_at, id LIMIT ?)`
    const stmt = this.sql(`${part('open')} UNION ALL ${part('claimed')}`).raw(true)
    const out: QueueKey[] = []
    for (const priority of [0, 1, 2, 3]) {
      for (const [id, p, createdAt] of stmt.all(priority, ...args, n, priority, ...args, n) as [number, number, number][])
        out.push({ id, priority: p, createdAt })
    }
    return out
  }

  /** Tickets by id, in the order asked (ids not found are left out). */
  byIds(ids: readonly number[]): Ticket[] {
    const out: Ticket[] = []
    for (const id of ids) {
      const t = this.get(id)
      if (t) out.push(t)
    }
    return out
  }

  /**
   * How many tickets are open or claimed, within the filter — counted up to `upTo`: past that,
   * `upTo + 1`. Counting reads every open ticket's index entry, which in a region's backlog is a
   * hundred thousand of them on every 「队列」 (issue 7 profile); nobody needs that number exact.
   */
  countQueue(filter: Omit<QueueFilter, 'limit'> = {}, upTo = Number.MAX_SAFE_INTEGER - 1): number {
    const where = [`state IN ('open', 'claimed')`]
    const args: unknown[] = []
    if (filter.category) {
      where.push('category = ?')
      args.push(filter.category)
    }
    if (filter.building) {
      where.push('building = ?')
      args.push(filter.building)
    }
    return (
      this.sql(`SELECT count(*) AS n FROM (SELECT 1 FROM tickets WHERE ${where.join(' AND ')} LIMIT ?)`).get(...args, upTo + 1) as {
        n: number
      }
    ).n
  }

  countOpen(): number {
    return (this.sql(`SELECT count(*) AS n FROM tickets WHERE state IN ('open', 'claimed')`).get() as { n: number }).n
  }

  /** Urgent tickets nobody has claimed yet, for re-alerts and escalation. */
  unclaimedUrgent(): Ticket[] {
    return this.rows(`SELECT * FROM tickets WHERE urgent = 1 AND state = 'open' AND quiet = 0 ORDER BY created_at`).all().map(fromRow)
  }

  /** Unclaimed tickets whose claim deadline has passed. */
  overdue(now: number): Ticket[] {
    return this.rows(
      `SELECT * FROM tickets WHERE state = 'open' AND sla_claim_due IS NOT NULL AND sla_claim_due <= ? ORDER BY priority, created_at`,
    )
      .all(now)
      .map(fromRow)
  }

  between(from: number, to: number): Ticket[] {
    return this.rows('SELECT * FROM tickets WHERE created_at >= ? AND created_at < ? ORDER BY id').all(from, to).map(fromRow)
  }
}
