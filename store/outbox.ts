// The persistent outbox: every reply and alert is a row here before it is sent,
// so a restart sends what was pending exactly once.
import { rows, statement, type DB } from './store.ts'

export interface OutgoingFile {
  name: string
  base64: string
}

/**
 * What a message is for: decides, at send time, what happens when it cannot arrive privately
 * (handlers/fallback.ts). On a real account only the bot's friends can be written to.
 */
export type Purpose =
  | 'crisis'
  | 'alert'
  | 'ticket-list'
  | 'done-notice'
  | 'acknowledgement'
  | 'digest'
  | 'notice'
  | 'greeting'
  | 'reply'
  /** To a resident who is a friend, and to nobody else if it cannot arrive: a closed matter's details, the satisfaction question. */
  | 'followup'

/** What the fallback needs to know that the message text does not say. */
export interface Fallback {
  /** The group the person asked in (a ticket list falls back there). */
  roomId?: string | null
  ticketIds?: number[]
  /** How the staff know the person (the group alias or contact name). */
  talkerName?: string
}

export interface OutgoingMessage {
  to: { kind: 'room' | 'contact'; id: string }
  text: string
  /** Contacts to @-mention in a room message. */
  mentions?: string[]
  file?: OutgoingFile
  /** Emergency alerts: sent at once, ahead of the queue and outside its rate budget. */
  urgent?: boolean
  /** Ahead of every non-urgent row, but inside the rate budget (a possible emergency's 「请看一眼」). */
  ahead?: boolean
  /** Default 'reply'. */
  purpose?: Purpose
  fallback?: Fallback
}

export interface QueuedMessage extends OutgoingMessage {
  id: number
  createdAt: number
  attempts: number
}

interface Row {
  id: number
  created_at: number
  to_kind: 'room' | 'contact'
  to_id: string
  text: string
  mentions: string
  file: string | null
  urgent: number
  ahead: number
  attempts: number
  purpose: Purpose
  fallback: string | null
}

const fromRow = (r: Row): QueuedMessage => ({
  id: r.id,
  createdAt: r.created_at,
  to: { kind: r.to_kind, id: r.to_id },
  text: r.text,
  mentions: r.mentions === '[]' ? [] : (JSON.parse(r.mentions) as string[]),
  file: r.file ? (JSON.parse(r.file) as OutgoingFile) : undefined,
  urgent: r.urgent === 1,
  ahead: r.ahead === 1,
  attempts: r.attempts,
  purpose: r.purpose,
  fallback: r.fallback ? (JSON.parse(r.fallback) as Fallback) : undefined,
})

/** Give up on a message after this many failed sends (it stays in the table as 'failed' for the operator). */
export const MAX_ATTEMPTS = 5

export class OutboxStore {
  constructor(private readonly db: DB) {}

  enqueue(m: OutgoingMessage, at: number): number {
    return Number(
      statement(
        this.db,
        `INSERT INTO outbox (created_at, to_kind, to_id, text, mentions, file, urgent, ahead, purpose, fallback)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ).run(
        at,
        m.to.kind,
        m.to.id,
        m.text,
        JSON.stringify(m.mentions ?? []),
        m.file ? JSON.stringify(m.file) : null,
        m.urgent ? 1 : 0,
        !m.urgent && m.ahead ? 1 : 0,
        m.purpose ?? 'reply',
        m.fallback ? JSON.stringify(m.fallback) : null,
      ).lastInsertRowid,
    )
  }

  /** Pending messages, urgent first, then those that go ahead, then in the order they were queued. */
  pending(limit = 100): QueuedMessage[] {
    // rows(): read on every pass of the sender, as arrays (store.ts).
    return (
      rows(this.db, `SELECT * FROM outbox WHERE state = 'pending' ORDER BY urgent DESC, ahead DESC, id LIMIT ?`).all(
        limit,
      ) as unknown as Row[]
    ).map(fromRow)
  }

  /** Mark messages sent, all in one transaction (one commit for a pass of sends). */
  markSent(sent: readonly { id: number; at: number }[]): void {
    const mark = statement(this.db, `UPDATE outbox SET state = 'sent', sent_at = ?, attempts = attempts + 1 WHERE id = ?`)
    this.markSentTx ??= this.db.transaction((all: readonly { id: number; at: number }[]) => {
      for (const s of all) mark.run(s.at, s.id)
    })
    this.markSentTx(sent)
  }

  private markSentTx: ((sent: readonly { id: number; at: number }[]) => void) | undefined

  /** Counts a failed send; true when that was the last attempt (the row is now 'failed'). */
  markFailed(id: number, error: string): boolean {
    statement(
      this.db,
      `UPDATE outbox SET attempts = attempts + 1, error = ?,
      state = CASE WHEN attempts + 1 >= ? THEN 'failed' ELSE 'pending' END WHERE id = ?`,
    ).run(error.slice(0, 500), MAX_ATTEMPTS, id)
    const row = statement(this.db, `SELECT state FROM outbox WHERE id = ?`).get(id) as { state: string } | undefined
    return row?.state === 'failed'
  }

  /** Not sent because it could not arrive (not a friend): its purpose's fallback went instead. */
  markDiverted(id: number, reason: string): void {
    statement(this.db, `UPDATE outbox SET state = 'diverted', error = ? WHERE id = ?`).run(reason.slice(0, 500), id)
  }

  /** The state of each row asked for ('pending', 'sent', 'failed', 'diverted'); rows no longer stored are absent. */
  states(ids: readonly number[]): Map<number, string> {
    const out = new Map<number, string>()
    const get = statement(this.db, `SELECT state FROM outbox WHERE id = ?`)
    for (const id of ids) {
      const row = get.get(id) as { state: string } | undefined
      if (row) out.set(id, row.state)
    }
    return out
  }

  countPending(): number {
    return (statement(this.db, `SELECT count(*) AS n FROM outbox WHERE state = 'pending'`).get() as { n: number }).n
  }

  sentTo(id: string): QueuedMessage[] {
    return (statement(this.db, `SELECT * FROM outbox WHERE to_id = ? ORDER BY id`).all(id) as Row[]).map(fromRow)
  }

  all(): (QueuedMessage & { state: string })[] {
    return (statement(this.db, `SELECT * FROM outbox ORDER BY id`).all() as (Row & { state: string })[]).map((r) => ({
      ...fromRow(r),
      state: r.state,
    }))
  }
}
