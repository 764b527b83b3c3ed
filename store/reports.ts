// The queries behind the steward digest and the daily report (handlers/digest.ts). Each is one
// statement, prepared once per database, that returns whole tickets: the reports used to prepare
// about fourteen statements on every call and then read each ticket with a query of its own.
import { getKv, rows, setKv, statement, type DB } from './store.ts'
import { fromRow as ticketFromRow, type Ticket } from './tickets.ts'
import type { MessageKind } from './types.ts'

/** One stored message as the reports count it. */
export interface ReportMessage {
  at: number
  type: MessageKind
  category: string | null
  state: string
  ticket_id: number | null
  talker_id: string
}

export class Reports {
  constructor(private readonly db: DB) {}

  private tickets(source: string, ...params: unknown[]): Ticket[] {
    return rows(this.db, source)
      .all(...params)
      .map(ticketFromRow)
  }

  private count(source: string, ...params: unknown[]): number {
    return (statement(this.db, source).get(...params) as { n: number }).n
  }

  /** Messages (not recalled) sent in [from, to), or [from, to] with `inclusiveEnd`. */
  messages(from: number, to: number, inclusiveEnd = false): ReportMessage[] {
    return statement(
      this.db,
      `SELECT at, type, category, state, ticket_id, talker_id FROM inbound WHERE at >= ? AND at ${inclusiveEnd ? '<=' : '<'} ? AND recalled = 0`,
    ).all(from, to) as ReportMessage[]
  }

  /** Tickets created in (since, now]. */
  createdSince(since: number, now: number): Ticket[] {
    return this.tickets(`SELECT * FROM tickets WHERE created_at > ? AND created_at <= ? ORDER BY id`, since, now)
  }

  /** Urgent requests created in (since, now] or still open or claimed; open ones first. */
  urgentSince(since: number, now: number): Ticket[] {
    return this.tickets(
      `SELECT * FROM tickets WHERE urgent = 1 AND kind = 'request'
    AND ((created_at > ? AND created_at <= ?) OR state IN ('open', 'claimed')) ORDER BY state = 'open' DESC, created_at`,
      since,
      now,
    )
  }

  /** Possible (not urgent) emergencies created in (since, now] or still open. */
  possibleSince(since: number, now: number): Ticket[] {
    return this.tickets(
      `SELECT * FROM tickets WHERE possible_urgent = 1 AND urgent = 0 AND kind = 'request'
    AND ((created_at > ? AND created_at <= ?) OR state = 'open') ORDER BY created_at`,
      since,
      now,
    )
  }

  /** The oldest unclaimed requests. */
  oldestUnclaimed(limit: number): Ticket[] {
    return this.tickets(`SELECT * FROM tickets WHERE state = 'open' AND kind = 'request' ORDER BY created_at, id LIMIT ?`, limit)
  }

  unclaimedCount(): number {
    return this.count(`SELECT count(*) AS n FROM tickets WHERE state = 'open' AND kind = 'request'`)
  }

  /** Pictures, voice and files nobody has looked at yet. */
  openMedia(): Ticket[] {
    return this.tickets(`SELECT * FROM tickets WHERE kind = 'media' AND state = 'open' ORDER BY created_at`)
  }

  /** Emotional requests not yet answered privately. */
  emotionalUnanswered(): Ticket[] {
    return this.tickets(`SELECT * FROM tickets WHERE category = 'emotional' AND kind = 'request'
    AND state IN ('open', 'claimed') AND replied_at IS NULL ORDER BY created_at`)
  }

  /** Open tickets past their SLA. */
  breachedOpen(): Ticket[] {
    return this.tickets(`SELECT * FROM tickets WHERE sla_breached = 1 AND state = 'open' ORDER BY created_at`)
  }

  /** Tickets that went past their SLA in (since, now]. */
  newBreachCount(since: number, now: number): number {
    return this.count(
      `SELECT count(DISTINCT ticket_id) AS n FROM ticket_events WHERE action = 'sla-breached' AND at > ? AND at <= ?`,
      since,
      now,
    )
  }

  /** Requests claimed in [from, to). */
  claimedBetween(from: number, to: number): Ticket[] {
    return this.tickets(`SELECT * FROM tickets WHERE kind = 'request' AND claimed_at >= ? AND claimed_at < ? ORDER BY id`, from, to)
  }

  /** Requests done in [from, to). */
  doneBetween(from: number, to: number): Ticket[] {
    return this.tickets(
      `SELECT * FROM tickets WHERE kind = 'request' AND state = 'done' AND resolved_at >= ? AND resolved_at < ? ORDER BY resolved_at, id`,
      from,
      to,
    )
  }

  /** Ids of the tickets that went past their SLA in [from, to). */
  breachedBetween(from: number, to: number): number[] {
    return (
      statement(
        this.db,
        `SELECT DISTINCT ticket_id FROM ticket_events WHERE action = 'sla-breached' AND at >= ? AND at < ? AND ticket_id IS NOT NULL`,
      ).all(from, to) as { ticket_id: number }[]
    ).map((r) => r.ticket_id)
  }

  /**
   * Open tickets from 接龙 lines the bot could not tie to their author, marked in (since, now]
   * (handlers/jielong.ts): the steward digest lists them to check.
   */
  jielongChecks(since: number, now: number): number[] {
    return (
      statement(
        this.db,
        `SELECT DISTINCT e.ticket_id FROM ticket_events e JOIN tickets t ON t.id = e.ticket_id
        WHERE e.action = 'jielong-check' AND e.at > ? AND e.at <= ? AND t.state IN ('open', 'claimed') ORDER BY e.ticket_id`,
      ).all(since, now) as { ticket_id: number }[]
    ).map((r) => r.ticket_id)
  }

  /** Requests created before `end` that were still open then (or closed only at or after it). */
  backlogAt(end: number): Ticket[] {
    return this.tickets(
      `SELECT * FROM tickets WHERE kind = 'request' AND created_at < ?
    AND (state IN ('open', 'claimed') OR (resolved_at IS NOT NULL AND resolved_at >= ?)) ORDER BY created_at, id`,
      end,
      end,
    )
  }

  /** Requests of red-tier households created, or done, in [from, to). */
  redTierBetween(from: number, to: number): Ticket[] {
    return this.tickets(
      `SELECT * FROM tickets WHERE tier = 'red' AND kind = 'request'
    AND ((created_at >= ? AND created_at < ?) OR (state = 'done' AND resolved_at >= ? AND resolved_at < ?)) ORDER BY id`,
      from,
      to,
      from,
      to,
    )
  }

  /**
   * Changes to tickets in (since, now] a steward's digest would report: events other than the
   * bot's own alerts and re-alerts (claims, closes, merges, new breaches …).
   */
  changesSince(since: number, now: number): number {
    return this.count(
      `SELECT count(*) AS n FROM ticket_events WHERE ticket_id IS NOT NULL AND at > ? AND at <= ?
    AND action NOT IN ('alerted', 'realerted', 'escalated', 'asked-to-look')`,
      since,
      now,
    )
  }

  /** When a steward's digest was last sent (ms), or null. */
  lastDigest(key: string): string | null {
    return getKv(this.db, key)
  }

  markDigest(key: string, at: number): void {
    setKv(this.db, key, String(at))
  }
}
