// The persisted inbox: every message the bot hears, written before anything
// else happens to it, so a crash after this point loses nothing.
import type { Statement } from 'better-sqlite3'
import type { DB } from './store.ts'

export type MessageKind = 'text' | 'image' | 'voice' | 'video' | 'file' | 'link' | 'miniprogram' | 'emoticon' | 'recalled' | 'other'

/** One message as the bot heard it, free of Wechaty types. */
export interface Inbound {
  messageId: string
  roomId: string | null
  roomTopic: string | null
  talkerId: string
  talkerName: string
  text: string
  type: MessageKind
  mentionsSelf: boolean
  /** When the message was sent (ms since epoch), as the puppet reports it. */
  at: number
}

export type InboundState = 'new' | 'done'

export interface StoredInbound extends Inbound {
  id: number
  receivedAt: number
  state: InboundState
  ticketId: number | null
  recalled: boolean
}

export type StoreResult = { stored: true; id: number } | { stored: false; reason: 'same-id' | 'redelivery' }

/** A re-delivery of the same text by the same person in the same room within this window is dropped. */
export const REDELIVERY_WINDOW_MS = 60_000

// Texts longer than this are kept truncated: a 1 MB paste must not bloat every query that reads the inbox.
export const MAX_TEXT = 20_000

interface Row {
  id: number; message_id: string; room_id: string | null; room_topic: string | null; talker_id: string; talker_name: string
  text: string; type: MessageKind; mentions_self: number; at: number; received_at: number; state: InboundState
  ticket_id: number | null; recalled: number
}

const fromRow = (r: Row): StoredInbound => ({
  id: r.id, messageId: r.message_id, roomId: r.room_id, roomTopic: r.room_topic, talkerId: r.talker_id,
  talkerName: r.talker_name, text: r.text, type: r.type, mentionsSelf: r.mentions_self === 1, at: r.at,
  receivedAt: r.received_at, state: r.state, ticketId: r.ticket_id, recalled: r.recalled === 1,
})

export class Inbox {
  private readonly insert
  private readonly findRedelivery
  private readonly touchRoom
  /** One transaction function for every store() (building one per call showed in the issue 7 profile). */
  private readonly storeTx
  /** Prepared statements by SQL text: preparing one costs more than running it (issue 7 profile). */
  private readonly statements = new Map<string, Statement>()
  constructor(private readonly db: DB) {
    this.insert = db.prepare(`INSERT INTO inbound (message_id, room_id, room_topic, talker_id, talker_name, text, type, mentions_self, at, received_at)
      VALUES (@messageId, @roomId, @roomTopic, @talkerId, @talkerName, @text, @type, @mentionsSelf, @at, @receivedAt)
      ON CONFLICT(message_id) DO NOTHING`)
    this.findRedelivery = db.prepare(`SELECT 1 FROM inbound WHERE talker_id = ? AND room_id IS ? AND text = ? AND type = ?
      AND at BETWEEN ? AND ? LIMIT 1`)
    this.touchRoom = db.prepare(`INSERT INTO rooms(room_id, topic, first_seen, last_seen) VALUES (?, ?, ?, ?)
      ON CONFLICT(room_id) DO UPDATE SET topic = excluded.topic, last_seen = excluded.last_seen`)
    this.storeTx = db.transaction((m: Inbound, receivedAt: number): StoreResult => {
      const text = m.text.length > MAX_TEXT ? m.text.slice(0, MAX_TEXT) : m.text
      // Empty texts (images, voice) are never "the same message": each picture counts.
      if (text !== '' && this.findRedelivery.get(m.talkerId, m.roomId, text, m.type, m.at - REDELIVERY_WINDOW_MS, m.at + REDELIVERY_WINDOW_MS)) {
        const exists = this.sql('SELECT 1 FROM inbound WHERE message_id = ?').get(m.messageId)
        return { stored: false, reason: exists ? 'same-id' : 'redelivery' }
      }
      const info = this.insert.run({ ...m, text, mentionsSelf: m.mentionsSelf ? 1 : 0, receivedAt })
      if (info.changes === 0) return { stored: false, reason: 'same-id' }
      if (m.roomId) this.touchRoom.run(m.roomId, m.roomTopic ?? '', receivedAt, receivedAt)
      return { stored: true, id: Number(info.lastInsertRowid) }
    })
  }

  private sql(source: string): Statement {
    let s = this.statements.get(source)
    if (!s) this.statements.set(source, (s = this.db.prepare(source)))
    return s
  }

  /** Idempotent on message id; drops a re-delivery of the same (room, talker, text) within the window. */
  store(m: Inbound, receivedAt: number): StoreResult {
    return this.storeTx.immediate(m, receivedAt)
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

  markDone(id: number, result: { category: string; urgent: boolean; labels: string[]; ticketId: number | null }): void {
    this.sql(`UPDATE inbound SET state = 'done', category = ?, urgent = ?, labels = ?, ticket_id = ? WHERE id = ?`)
      .run(result.category, result.urgent ? 1 : 0, JSON.stringify(result.labels), result.ticketId, id)
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
    if (!upTo) return (this.sql('SELECT count(*) AS n FROM inbound WHERE talker_id = ? AND at >= ?').get(talkerId, since) as { n: number }).n
    return (this.sql('SELECT count(*) AS n FROM inbound WHERE talker_id = ? AND at >= ? AND (at < ? OR (at = ? AND id <= ?))')
      .get(talkerId, since, upTo.at, upTo.at, upTo.id) as { n: number }).n
  }

  knownRooms(): { roomId: string; topic: string; lastSeen: number }[] {
    return (this.sql('SELECT room_id, topic, last_seen FROM rooms ORDER BY room_id').all() as { room_id: string; topic: string; last_seen: number }[])
      .map((r) => ({ roomId: r.room_id, topic: r.topic, lastSeen: r.last_seen }))
  }
}
