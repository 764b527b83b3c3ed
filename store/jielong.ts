// 接龙 lines already filed (migrations.ts, 6): by room, header and door.
import { rows, statement, type DB } from './store.ts'

export interface JielongLine {
  roomKey: string
  headerKey: string
  door: string
  /** The line as the resident wrote it (its last version). */
  line: string
  /** The items of the line, as orders fingerprint them: a repost that changes none changes nothing. */
  fingerprint: string
  orderId: number
  ticketId: number
  /** Who wrote the line, when one message added it alone; null when several lines came at once. */
  authorId: string | null
  createdAt: number
  updatedAt: number
}

interface Row {
  room_key: string
  header_key: string
  door: string
  line: string
  fingerprint: string
  order_id: number
  ticket_id: number
  author_id: string | null
  created_at: number
  updated_at: number
}

const toLine = (r: Row): JielongLine => ({
  roomKey: r.room_key,
  headerKey: r.header_key,
  door: r.door,
  line: r.line,
  fingerprint: r.fingerprint,
  orderId: r.order_id,
  ticketId: r.ticket_id,
  authorId: r.author_id,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
})

export class JielongLines {
  constructor(private readonly db: DB) {}

  /** The lines of one 接龙 already filed, by door. */
  byDoor(roomKey: string, headerKey: string): Map<string, JielongLine> {
    const found = rows(this.db, 'SELECT * FROM jielong_lines WHERE room_key = ? AND header_key = ?').all(
      roomKey,
      headerKey,
    ) as unknown as Row[]
    return new Map(found.map((r) => [r.door, toLine(r)]))
  }

  insert(l: JielongLine): void {
    statement(
      this.db,
      `INSERT INTO jielong_lines (room_key, header_key, door, line, fingerprint, order_id, ticket_id, author_id, created_at, updated_at)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(l.roomKey, l.headerKey, l.door, l.line, l.fingerprint, l.orderId, l.ticketId, l.authorId, l.createdAt, l.updatedAt)
  }

  /** A line changed in a repost: its new text and fingerprint. */
  update(l: JielongLine, line: string, fingerprint: string, at: number): void {
    statement(
      this.db,
      'UPDATE jielong_lines SET line = ?, fingerprint = ?, updated_at = ? WHERE room_key = ? AND header_key = ? AND door = ?',
    ).run(line, fingerprint, at, l.roomKey, l.headerKey, l.door)
  }
}
