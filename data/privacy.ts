// Residents' data on request and by age: forget one person, purge what is
// older than the retention period. Counts that digests need are kept
// anonymised in `daily_counts` before rows are deleted.
import type { DB } from './store.ts'

export interface Removed { messages: number; tickets: number; orders: number; outbox: number; reporters: number; events: number }

/** Deletes one contact's messages, tickets, orders and personal data everywhere. */
export function forgetContact(db: DB, contactId: string): Removed {
  return db.transaction((): Removed => {
    const tickets = (db.prepare('SELECT id FROM tickets WHERE talker_id = ?').all(contactId) as { id: number }[]).map((r) => r.id)
    const inList = (ids: number[]) => `(${ids.map(() => '?').join(',') || 'NULL'})`
    const orders = (db.prepare(`SELECT id FROM orders WHERE talker_id = ?`).all(contactId) as { id: number }[]).map((r) => r.id)
    const removed: Removed = { messages: 0, tickets: 0, orders: 0, outbox: 0, reporters: 0, events: 0 }
    db.prepare(`DELETE FROM order_lines WHERE order_id IN ${inList(orders)}`).run(...orders)
    removed.orders = db.prepare(`DELETE FROM orders WHERE talker_id = ?`).run(contactId).changes
    // Their messages, also where they were attached to someone else's (merged) ticket.
    db.prepare(`DELETE FROM ticket_messages WHERE inbound_id IN (SELECT id FROM inbound WHERE talker_id = ?) OR ticket_id IN ${inList(tickets)}`).run(contactId, ...tickets)
    removed.reporters = db.prepare(`DELETE FROM ticket_reporters WHERE talker_id = ? OR ticket_id IN ${inList(tickets)}`).run(contactId, ...tickets).changes
    removed.events = db.prepare(`DELETE FROM ticket_events WHERE actor_id = ? OR ticket_id IN ${inList(tickets)}`).run(contactId, ...tickets).changes
    removed.tickets = db.prepare(`DELETE FROM tickets WHERE talker_id = ?`).run(contactId).changes
    removed.messages = db.prepare('DELETE FROM inbound WHERE talker_id = ?').run(contactId).changes
    removed.outbox = db.prepare(`DELETE FROM outbox WHERE to_id = ? OR mentions LIKE ?`).run(contactId, `%${JSON.stringify(contactId)}%`).changes
    return removed
  })()
}
