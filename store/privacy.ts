// Residents' data on request and by age: forget one person, purge what is
// older than the retention period. Counts that digests need are kept
// anonymised in `daily_counts` before rows are deleted.
import type { DB } from './store.ts'

export interface Removed {
  messages: number
  tickets: number
  orders: number
  outbox: number
  reporters: number
  events: number
  friendRequests: number
}

/** Deletes one contact's messages, tickets, orders and personal data everywhere. */
export function forgetContact(db: DB, contactId: string): Removed {
  return db.transaction((): Removed => {
    const tickets = (db.prepare('SELECT id FROM tickets WHERE talker_id = ?').all(contactId) as { id: number }[]).map((r) => r.id)
    const inList = (ids: number[]) => `(${ids.map(() => '?').join(',') || 'NULL'})`
    const orders = (db.prepare(`SELECT id FROM orders WHERE talker_id = ?`).all(contactId) as { id: number }[]).map((r) => r.id)
    const removed: Removed = { messages: 0, tickets: 0, orders: 0, outbox: 0, reporters: 0, events: 0, friendRequests: 0 }
    db.prepare(`DELETE FROM order_lines WHERE order_id IN ${inList(orders)}`).run(...orders)
    // 接龙 lines they wrote, or that were filed as their orders
    db.prepare(`DELETE FROM jielong_lines WHERE author_id = ? OR order_id IN ${inList(orders)}`).run(contactId, ...orders)
    removed.orders = db.prepare(`DELETE FROM orders WHERE talker_id = ?`).run(contactId).changes
    // Their messages, also where they were attached to someone else's (merged) ticket.
    db.prepare(
      `DELETE FROM ticket_messages WHERE inbound_id IN (SELECT id FROM inbound WHERE talker_id = ?) OR ticket_id IN ${inList(tickets)}`,
    ).run(contactId, ...tickets)
    removed.reporters = db
      .prepare(`DELETE FROM ticket_reporters WHERE talker_id = ? OR ticket_id IN ${inList(tickets)}`)
      .run(contactId, ...tickets).changes
    removed.events = db
      .prepare(`DELETE FROM ticket_events WHERE actor_id = ? OR ticket_id IN ${inList(tickets)}`)
      .run(contactId, ...tickets).changes
    removed.tickets = db.prepare(`DELETE FROM tickets WHERE talker_id = ?`).run(contactId).changes
    removed.messages = db.prepare('DELETE FROM inbound WHERE talker_id = ?').run(contactId).changes
    removed.outbox = db
      .prepare(`DELETE FROM outbox WHERE to_id = ? OR mentions LIKE ?`)
      .run(contactId, `%${JSON.stringify(contactId)}%`).changes
    // A request carries the person's greeting: it goes too (a waiting one with it).
    removed.friendRequests = db.prepare('DELETE FROM friend_requests WHERE contact_id = ?').run(contactId).changes
    return removed
  })()
}

export interface Purged {
  messages: number
  tickets: number
  orders: number
  outbox: number
  days: number
}

const localDay = (at: number) => {
  const d = new Date(at)
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`
}

/**
 * Deletes message text, tickets and orders older than the cutoff. Closed
 * tickets only: an open request is still work. Per-day counts by category are
 * kept first, anonymised, in daily_counts.
 */
export function purgeOlderThan(db: DB, cutoff: number): Purged {
  return db.transaction((): Purged => {
    const counts = new Map<string, { messages: number; tickets: number }>()
    const bump = (day: string, category: string, field: 'messages' | 'tickets') => {
      const key = `${day}\u0000${category}`
      const c = counts.get(key) ?? { messages: 0, tickets: 0 }
      c[field]++
      counts.set(key, c)
    }
    for (const r of db.prepare('SELECT at, category FROM inbound WHERE at < ?').iterate(cutoff) as Iterable<{
      at: number
      category: string | null
    }>)
      bump(localDay(r.at), r.category ?? 'other', 'messages')
    const closed = `state NOT IN ('open', 'claimed') AND created_at < ?`
    for (const r of db.prepare(`SELECT created_at, category FROM tickets WHERE ${closed}`).iterate(cutoff) as Iterable<{
      created_at: number
      category: string
    }>)
      bump(localDay(r.created_at), r.category, 'tickets')
    const add = db.prepare(`INSERT INTO daily_counts (day, category, messages, tickets) VALUES (?, ?, ?, ?)
      ON CONFLICT(day, category) DO UPDATE SET messages = messages + excluded.messages, tickets = tickets + excluded.tickets`)
    for (const [key, c] of counts) {
      const [day, category] = key.split('\u0000')
      add.run(day, category, c.messages, c.tickets)
    }

    const old = `(SELECT id FROM tickets WHERE ${closed})`
    db.prepare(
      `DELETE FROM order_lines WHERE order_id IN (SELECT id FROM orders WHERE ticket_id IN ${old} OR (state != 'open' AND updated_at < ?))`,
    ).run(cutoff, cutoff)
    const orders = db
      .prepare(`DELETE FROM orders WHERE ticket_id IN ${old} OR (state != 'open' AND updated_at < ?)`)
      .run(cutoff, cutoff).changes
    db.prepare('DELETE FROM jielong_lines WHERE order_id NOT IN (SELECT id FROM orders)').run()
    db.prepare(`DELETE FROM ticket_messages WHERE ticket_id IN ${old} OR inbound_id IN (SELECT id FROM inbound WHERE at < ?)`).run(
      cutoff,
      cutoff,
    )
    db.prepare(`DELETE FROM ticket_reporters WHERE ticket_id IN ${old}`).run(cutoff)
    db.prepare(`DELETE FROM ticket_events WHERE ticket_id IN ${old} OR at < ?`).run(cutoff, cutoff)
    const tickets = db.prepare(`DELETE FROM tickets WHERE ${closed}`).run(cutoff).changes
    const messages = db.prepare('DELETE FROM inbound WHERE at < ?').run(cutoff).changes
    const outbox = db.prepare(`DELETE FROM outbox WHERE state != 'pending' AND created_at < ?`).run(cutoff).changes
    // Settled requests matter only for the last hour's cap; waiting ones are still work.
    db.prepare(`DELETE FROM friend_requests WHERE state != 'pending' AND received_at < ?`).run(cutoff)
    return { messages, tickets, orders, outbox, days: new Set([...counts.keys()].map((k) => k.split('\u0000')[0])).size }
  })()
}
