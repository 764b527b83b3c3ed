// Grocery orders: one per resident request, with lines as the resident last stated them.
import type { OrderItem } from '../classifiers/shopping-list/index.ts'
import { rows, statement, type DB } from './store.ts'

export type OrderState = 'open' | 'delivered' | 'cancelled'

export interface OrderLine {
  name: string
  qty: number | null
  unit: string | null
  alternatives: string[]
  note: string | null
}

export interface Order {
  id: number
  ticketId: number | null
  talkerId: string
  talkerName: string
  roomId: string | null
  building: string | null
  unit: string | null
  floor: string | null
  room: string | null
  state: OrderState
  fingerprint: string
  createdAt: number
  updatedAt: number
  lines: OrderLine[]
}

export type NewOrder = Omit<Order, 'id' | 'state' | 'updatedAt' | 'lines'>

interface OrderRow {
  id: number
  ticket_id: number | null
  talker_id: string
  talker_name: string
  room_id: string | null
  building: string | null
  unit: string | null
  floor: string | null
  room: string | null
  state: OrderState
  fingerprint: string
  created_at: number
  updated_at: number
}

// Spelled out rather than spread: see copyTicket in tickets.ts.
const copyLines = (lines: readonly OrderLine[]): OrderLine[] =>
  lines.map((l) => ({ name: l.name, qty: l.qty, unit: l.unit, alternatives: [...l.alternatives], note: l.note }))

export const toLine = (i: OrderItem): OrderLine => ({
  name: i.name,
  qty: i.qty,
  unit: i.unit,
  alternatives: [...i.alternatives],
  note: i.note ?? null,
})

export class Orders {
  constructor(private readonly db: DB) {}

  create(o: NewOrder, lines: OrderLine[]): Order {
    const id = Number(
      statement(
        this.db,
        `INSERT INTO orders (ticket_id, talker_id, talker_name, room_id, building, unit, floor, room, fingerprint, created_at, updated_at)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ).run(o.ticketId, o.talkerId, o.talkerName, o.roomId, o.building, o.unit, o.floor, o.room, o.fingerprint, o.createdAt, o.createdAt)
        .lastInsertRowid,
    )
    this.insertLines(id, lines)
    // As written, not read back: the caller holds everything the row has.
    return {
      id,
      ticketId: o.ticketId,
      talkerId: o.talkerId,
      talkerName: o.talkerName,
      roomId: o.roomId,
      building: o.building,
      unit: o.unit,
      floor: o.floor,
      room: o.room,
      state: 'open',
      fingerprint: o.fingerprint,
      createdAt: o.createdAt,
      updatedAt: o.createdAt,
      lines: copyLines(lines),
    }
  }

  get(id: number): Order | null {
    const r = rows(this.db, 'SELECT * FROM orders WHERE id = ?').get(id) as unknown as OrderRow | undefined
    return r ? this.hydrate(r) : null
  }

  openByTalker(talkerId: string): Order | null {
    const r = rows(this.db, `SELECT * FROM orders WHERE talker_id = ? AND state = 'open' ORDER BY created_at DESC, id DESC LIMIT 1`).get(
      talkerId,
    ) as unknown as OrderRow | undefined
    return r ? this.hydrate(r) : null
  }

  byTicket(ticketId: number): Order | null {
    const r = rows(this.db, 'SELECT * FROM orders WHERE ticket_id = ? ORDER BY id DESC LIMIT 1').get(ticketId) as unknown as
      OrderRow | undefined
    return r ? this.hydrate(r) : null
  }

  open(): Order[] {
    return (
      rows(this.db, `SELECT * FROM orders WHERE state = 'open' ORDER BY building, unit, room, id`).all() as unknown as OrderRow[]
    ).map((r) => this.hydrate(r))
  }

  /** The order's lines as the resident now states them, and the fingerprint of those lines. */
  replaceLines(order: Order, lines: OrderLine[], fingerprint: string, at: number): Order {
    statement(this.db, 'DELETE FROM order_lines WHERE order_id = ?').run(order.id)
    this.insertLines(order.id, lines)
    statement(this.db, 'UPDATE orders SET fingerprint = ?, updated_at = ? WHERE id = ?').run(fingerprint, at, order.id)
    return {
      id: order.id,
      ticketId: order.ticketId,
      talkerId: order.talkerId,
      talkerName: order.talkerName,
      roomId: order.roomId,
      building: order.building,
      unit: order.unit,
      floor: order.floor,
      room: order.room,
      state: order.state,
      fingerprint,
      createdAt: order.createdAt,
      updatedAt: at,
      lines: copyLines(lines),
    }
  }

  private insertLines(orderId: number, lines: readonly OrderLine[]): void {
    const ins = statement(
      this.db,
      'INSERT INTO order_lines (order_id, seq, name, qty, unit, alternatives, note) VALUES (?, ?, ?, ?, ?, ?, ?)',
    )
    lines.forEach((l, seq) => ins.run(orderId, seq, l.name, l.qty, l.unit, JSON.stringify(l.alternatives), l.note))
  }

  setState(orderId: number, state: OrderState, at: number): void {
    statement(this.db, 'UPDATE orders SET state = ?, updated_at = ? WHERE id = ?').run(state, at, orderId)
  }

  private hydrate(r: OrderRow): Order {
    const lines = (
      rows(this.db, 'SELECT name, qty, unit, alternatives, note FROM order_lines WHERE order_id = ? ORDER BY seq').all(r.id) as unknown as {
        name: string
        qty: number | null
        unit: string | null
        alternatives: string
        note: string | null
      }[]
    ).map((l) => ({ ...l, alternatives: JSON.parse(l.alternatives) as string[] }))
    return {
      id: r.id,
      ticketId: r.ticket_id,
      talkerId: r.talker_id,
      talkerName: r.talker_name,
      roomId: r.room_id,
      building: r.building,
      unit: r.unit,
      floor: r.floor,
      room: r.room,
      state: r.state,
      fingerprint: r.fingerprint,
      createdAt: r.created_at,
      updatedAt: r.updated_at,
      lines,
    }
  }
}
