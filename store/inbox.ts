// The persisted inbox: every message the bot hears, written before anything
// else happens to it, so a crash after this point loses nothing.
import type { Statement } from 'better-sqlite3'
import { RecentWindow, WINDOW_KEEP_MS, type RecentEntry } from './recent-window.ts'
import type { DB } from './store.ts'
import type { InboundState, Inbound, MessageKind, Processed, StoredInbound } from './types.ts'

export type StoreResult = { stored: true; id: number } | { stored: false; reason: 'same-id' | 'redelivery' }

/**
 * A group's `last_seen` is written at most this often (a new topic at once): the list of known
 * groups needs the minute, not every message (an upsert per group per burst, issue 7 profile).
 */
export const ROOM_SEEN_EVERY_MS = 60_000

/** A re-delivery of the same text by the same person in the same room within this window is dropped. */
export const REDELIVERY_WINDOW_MS = 60_000

// Texts longer than this are kept truncated: a 1 MB paste must not bloat every query that reads the inbox.
export const MAX_TEXT = 20_000

const keptText = (text: string) => (text.length > MAX_TEXT ? text.slice(0, MAX_TEXT) : text)

/** The row storeMany writes for a message, as pending() reads it back. */
export function storedRow(m: Inbound, id: number, receivedAt: number): StoredInbound {
  return {
    messageId: m.messageId,
    roomId: m.roomId,
    roomTopic: m.roomTopic,
    talkerId: m.talkerId,
    talkerName: m.talkerName,
    text: keptText(m.text),
    type: m.type,
    mentionsSelf: m.mentionsSelf,
    at: m.at,
    id,
    receivedAt,
    state: 'new',
    ticketId: null,
    recalled: false,
  }
}

interface Row {
  id: number
  message_id: string
  room_id: string | null
  room_topic: string | null
  talker_id: string
  talker_name: string
  text: string
  type: MessageKind
  mentions_self: number
  at: number
  received_at: number
  state: InboundState
  ticket_id: number | null
  recalled: number
}

const fromRow = (r: Row): StoredInbound => ({
  id: r.id,
  messageId: r.message_id,
  roomId: r.room_id,
  roomTopic: r.room_topic,
  talkerId: r.talker_id,
  talkerName: r.talker_name,
  text: r.text,
  type: r.type,
  mentionsSelf: r.mentions_self === 1,
  at: r.at,
  receivedAt: r.received_at,
  state: r.state,
  ticketId: r.ticket_id,
  recalled: r.recalled === 1,
})

export class Inbox {
  private readonly insert
  private readonly findRedelivery
  private readonly touchRoom
  /** Transaction functions built once (building one per call showed in the issue 7 profile). */
  private readonly storeManyTx
  /** Prepared statements by SQL text: preparing one costs more than running it (issue 7 profile). */
  private readonly statements = new Map<string, Statement>()
  /** The last minutes of messages: re-delivery and flood checks look here first. */
  private readonly recent = new RecentWindow()
  /** What this process last wrote to `rooms` for each group (topic, and when). */
  private readonly roomsSeen = new Map<string, { topic: string; at: number }>()
  constructor(private readonly db: DB) {
    this.insert =
      db.prepare(`INSERT INTO inbound (message_id, room_id, room_topic, talker_id, talker_name, text, type, mentions_self, at, received_at)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(message_id) DO NOTHING`)
    // Through the time index: without a talker index, a window of two minutes is a short scan.
    this.findRedelivery = db.prepare(
      `SELECT 1 FROM inbound WHERE at BETWEEN ? AND ? AND talker_id = ? AND room_id IS ? AND text = ? AND type = ? LIMIT 1`,
    )
    this.touchRoom = db.prepare(`INSERT INTO rooms(room_id, topic, first_seen, last_seen) VALUES (?, ?, ?, ?)
      ON CONFLICT(room_id) DO UPDATE SET topic = excluded.topic, last_seen = excluded.last_seen`)
    this.storeManyTx = db.transaction((ms: readonly Inbound[], receivedAt: number) => {
      const staged: { talkerId: string; entry: RecentEntry }[] = []
      const rooms = new Map<string, string>()
      const results = ms.map((m): StoreResult => {
        const text = keptText(m.text)
        // Empty texts (images, voice) are never "the same message": each picture counts.
        if (text !== '' && this.seenRecently(m, text, staged)) {
          const exists = this.sql('SELECT 1 FROM inbound WHERE message_id = ?').get(m.messageId)
          return { stored: false, reason: exists ? 'same-id' : 'redelivery' }
        }
        const info = this.insert.run(
          m.messageId,
          m.roomId,
          m.roomTopic,
          m.talkerId,
          m.talkerName,
          text,
          m.type,
          m.mentionsSelf ? 1 : 0,
          m.at,
          receivedAt,
        )
        if (info.changes === 0) return { stored: false, reason: 'same-id' }
        const id = Number(info.lastInsertRowid)
        staged.push({ talkerId: m.talkerId, entry: { id, at: m.at, roomId: m.roomId, text, type: m.type } })
        if (m.roomId) rooms.set(m.roomId, m.roomTopic ?? '')
        return { stored: true, id }
      })
      const touched: [string, string][] = []
      for (const [roomId, topic] of rooms) {
        const seen = this.roomsSeen.get(roomId)
        if (seen && seen.topic === topic && receivedAt - seen.at < ROOM_SEEN_EVERY_MS) continue
        this.touchRoom.run(roomId, topic, receivedAt, receivedAt)
        touched.push([roomId, topic])
      }
      return { results, staged, touched }
    })
  }

  private sql(source: string): Statement {
    let s = this.statements.get(source)
    if (!s) this.statements.set(source, (s = this.db.prepare(source)))
    return s
  }

  /** The same talker said the same thing in the same room within the re-delivery window (committed, or earlier in this burst). */
  private seenRecently(m: Inbound, text: string, staged: readonly { talkerId: string; entry: RecentEntry }[]): boolean {
    const lo = m.at - REDELIVERY_WINDOW_MS
    const hi = m.at + REDELIVERY_WINDOW_MS
    for (const s of staged) {
      const e = s.entry
      if (s.talkerId === m.talkerId && e.roomId === m.roomId && e.text === text && e.type === m.type && e.at >= lo && e.at <= hi)
        return true
    }
    if (this.recent.covers(lo)) return this.recent.findSame(m.talkerId, m.roomId, text, m.type, lo, hi)
    return !!this.findRedelivery.get(lo, hi, m.talkerId, m.roomId, text, m.type)
  }

  /** Start the recent window at `now`, from what the DB holds of the last minutes (after a restart too). */
  private startWindow(now: number): void {
    const from = now - WINDOW_KEEP_MS
    const rows = this.sql('SELECT id, at, room_id, talker_id, text, type FROM inbound WHERE at >= ?').all(from) as {
      id: number
      at: number
      room_id: string | null
      talker_id: string
      text: string
      type: MessageKind
    }[]
    this.recent.start(
      from,
      rows.map((r) => ({ id: r.id, at: r.at, roomId: r.room_id, talkerId: r.talker_id, text: r.text, type: r.type })),
    )
  }

  /** Idempotent on message id; drops a re-delivery of the same (room, talker, text) within the window. */
  store(m: Inbound, receivedAt: number): StoreResult {
    return this.storeMany([m], receivedAt)[0]
  }

  /**
   * A burst in one transaction: one commit for all of it (group commit). All or nothing — if
   * the store fails, none of the burst is stored and the caller still holds every message.
   */
  storeMany(ms: readonly Inbound[], receivedAt: number): StoreResult[] {
    if (ms.length === 0) return []
    if (!this.recent.started) this.startWindow(receivedAt)
    else this.recent.advance(receivedAt)
    const { results, staged, touched } = this.storeManyTx.immediate(ms, receivedAt)
    // Committed: only now may these rows count as "seen".
    for (const s of staged) this.recent.add(s.talkerId, s.entry)
    for (const [roomId, topic] of touched) this.roomsSeen.set(roomId, { topic, at: receivedAt })
    return results
  }

  get(id: number): StoredInbound | null {
    const r = this.sql('SELECT * FROM inbound WHERE id = ?').get(id) as Row | undefined
    return r ? fromRow(r) : null
  }

  byMessageId(messageId: string): StoredInbound | null {
    const r = this.sql('SELECT * FROM inbound WHERE message_id = ?').get(messageId) as Row | undefined
    return r ? fromRow(r) : null
  }

  /** Stored but not yet processed, oldest first (a restart resumes here; out-of-order arrivals sort by time). */
  pending(limit = 1000): StoredInbound[] {
    return (this.sql(`SELECT * FROM inbound WHERE state = 'new' ORDER BY at, id LIMIT ?`).all(limit) as Row[]).map(fromRow)
  }

  /**
   * One UPDATE per message: measured against one statement for a whole batch (a JSON array of
   * outcomes) and one per distinct outcome, it was the cheapest — the cost is in rewriting each
   * row, not in the statements (issue 7).
   */
  markDone(id: number, result: Processed): void {
    this.sql(`UPDATE inbound SET state = 'done', category = ?, urgent = ?, labels = ?, ticket_id = ? WHERE id = ?`).run(
      result.category,
      result.urgent ? 1 : 0,
      JSON.stringify(result.labels),
      result.ticketId,
      id,
    )
  }

  markRecalled(messageId: string): StoredInbound | null {
    this.sql('UPDATE inbound SET recalled = 1 WHERE message_id = ?').run(messageId)
    return this.byMessageId(messageId)
  }

  /**
   * Messages from one talker sent since `since`: flood control looks here. With `upTo`, only
   * those sent up to that message (by time, then arrival) — when a backlog is drained, the
   * resident's later messages are already stored and must not count against their first one.
   */
  countFrom(talkerId: string, since: number, upTo?: Pick<StoredInbound, 'at' | 'id'>): number {
    if (this.recent.covers(since)) return this.recent.countFrom(talkerId, since, upTo)
    // Older than the window (a backlog delivered late): the time index bounds the scan.
    if (!upTo)
      return (this.sql('SELECT count(*) AS n FROM inbound WHERE at >= ? AND talker_id = ?').get(since, talkerId) as { n: number }).n
    return (
      this.sql('SELECT count(*) AS n FROM inbound WHERE at BETWEEN ? AND ? AND talker_id = ? AND (at < ? OR id <= ?)').get(
        since,
        upTo.at,
        talkerId,
        upTo.at,
        upTo.id,
      ) as { n: number }
    ).n
  }

  /** Messages sent at or after `since`, from anyone (the offline alarm's "meanwhile"). */
  countSince(since: number): number {
    return (this.sql('SELECT count(*) AS n FROM inbound WHERE at >= ?').get(since) as { n: number }).n
  }

  knownRooms(): { roomId: string; topic: string; lastSeen: number }[] {
    return (
      this.sql('SELECT room_id, topic, last_seen FROM rooms ORDER BY room_id').all() as {
        room_id: string
        topic: string
        last_seen: number
      }[]
    ).map((r) => ({ roomId: r.room_id, topic: r.topic, lastSeen: r.last_seen }))
  }
}
