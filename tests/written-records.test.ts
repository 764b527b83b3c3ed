// Writes that return the record without reading it back (issue 7: a read of a wide row cost
// more than the write). What they return must be exactly what a read gives, or a handler
// acting on it would act on a ticket or an order that is not the one stored.
import { describe, expect, it } from 'vitest'
import { Orders, type OrderLine } from '../store/orders.ts'
import { openStore } from '../store/store.ts'
import { Tickets, type NewTicket, type Ticket } from '../store/tickets.ts'

const T0 = Date.UTC(2026, 10, 22, 2, 0, 0)

function newTicket(p: Partial<NewTicket> = {}): NewTicket {
  return {
    kind: 'request',
    category: 'medical',
    labels: ['medical', 'grocery'],
    urgent: true,
    emergency: 'medical',
    needsReview: false,
    priority: 0,
    roomId: 'room-1',
    roomTopic: '3栋2单元',
    talkerId: 'res-1',
    talkerName: '3-2-502 王阿姨',
    building: '3',
    unit: '2',
    floor: '5',
    room: '502',
    tier: 'red',
    summary: '我的手受伤了,血流不止',
    faultKey: null,
    createdAt: T0,
    slaClaimDue: T0 + 60_000,
    quiet: false,
    ...p,
  }
}

describe('a ticket as written', () => {
  const cases: [string, Partial<NewTicket>][] = [
    ['urgent, with a place', {}],
    [
      'plain, without a place, nothing optional set',
      {
        category: 'repair',
        labels: [],
        urgent: false,
        emergency: null,
        priority: 2,
        roomId: null,
        roomTopic: null,
        building: null,
        unit: null,
        floor: null,
        room: null,
        tier: null,
        slaClaimDue: null,
        quiet: true,
        needsReview: true,
        faultKey: '6--elevator',
      },
    ],
  ]
  for (const [name, p] of cases) {
    it(`create() returns what get() reads: ${name}`, () => {
      const tickets = new Tickets(openStore(':memory:'))
      const made = tickets.create(newTicket(p), null)
      expect(made).toEqual(tickets.get(made.id))
    })
  }

  it('does not share arrays with the caller', () => {
    const tickets = new Tickets(openStore(':memory:'))
    const t = newTicket()
    const made = tickets.create(t, null)
    t.labels.push('pet')
    expect(made.labels).toEqual(['medical', 'grocery'])
  })

  const patches: [string, Partial<Ticket>][] = [
    ['became urgent', { urgent: true, emergency: 'gas', priority: 0, slaClaimDue: T0 + 5_000, quiet: false }],
    ['new labels', { labels: ['repair', 'medical'] }],
    ['cancelled', { state: 'cancelled', resolvedAt: T0 + 9_000, resolvedBy: 'res-1', note: '居民已取消' }],
    ['reopened', { state: 'open', resolvedAt: null, resolvedBy: null, note: null }],
    ['a field that is not a column is ignored', { reporters: 3 } as unknown as Partial<Ticket>],
  ]
  for (const [name, patch] of patches) {
    it(`update() with the current ticket returns what get() reads: ${name}`, () => {
      const tickets = new Tickets(openStore(':memory:'))
      const current = tickets.create(newTicket({ urgent: false, emergency: null, priority: 2, labels: ['repair'] }), null)
      const updated = tickets.update(current.id, patch, T0 + 10_000, current)
      expect(updated).toEqual(tickets.get(current.id))
    })
  }

  it('update() reads the row back when the ticket it was given is another one', () => {
    const tickets = new Tickets(openStore(':memory:'))
    const a = tickets.create(newTicket(), null)
    const b = tickets.create(newTicket({ talkerId: 'res-2' }), null)
    expect(tickets.update(b.id, { note: 'x' }, T0 + 1, a)).toEqual(tickets.get(b.id))
  })
})

describe('an order as written', () => {
  const lines: OrderLine[] = [
    { name: '土豆', qty: 3, unit: '斤', alternatives: ['红薯'], note: null },
    { name: '鸡蛋', qty: null, unit: null, alternatives: [], note: '要土鸡蛋' },
  ]
  const base = {
    ticketId: null as number | null,
    talkerId: 'res-1',
    talkerName: '王阿姨',
    roomId: 'room-1',
    building: '3',
    unit: '2',
    floor: '5',
    room: '502',
    fingerprint: 'fp-1',
    createdAt: T0,
  }

  it('create() returns what get() reads', () => {
    const db = openStore(':memory:')
    const ticket = new Tickets(db).create(newTicket({ category: 'grocery', labels: ['grocery'] }), null)
    const orders = new Orders(db)
    const made = orders.create({ ...base, ticketId: ticket.id }, lines)
    expect(made).toEqual(orders.get(made.id))
    lines[0].alternatives.push('山药')
    expect(made.lines[0].alternatives).toEqual(['红薯'])
    lines[0].alternatives.pop()
  })

  it('replaceLines() returns what get() reads, fingerprint and time included', () => {
    const orders = new Orders(openStore(':memory:'))
    const made = orders.create({ ...base, ticketId: null, building: null, unit: null, floor: null, room: null, roomId: null }, lines)
    const next = orders.replaceLines(made, [{ name: '萝卜', qty: 3, unit: '根', alternatives: [], note: null }], 'fp-2', T0 + 60_000)
    expect(next).toEqual(orders.get(made.id))
    expect(next).toMatchObject({ fingerprint: 'fp-2', updatedAt: T0 + 60_000 })
    expect(next.lines).toHaveLength(1)
  })
})

describe('lookups that read only what they need', () => {
  it('openIdByTalker finds the same ticket as openByTalker, from the index alone', () => {
    const tickets = new Tickets(openStore(':memory:'))
    expect(tickets.openIdByTalker('res-1', 'media')).toBeNull()
    const older = tickets.create(newTicket({ kind: 'media', category: 'other', createdAt: T0 }), null)
    const newer = tickets.create(newTicket({ kind: 'media', category: 'other', createdAt: T0 + 1_000 }), null)
    tickets.create(newTicket({ kind: 'request', category: 'other', createdAt: T0 + 2_000 }), null)
    tickets.create(newTicket({ kind: 'media', category: 'other', talkerId: 'res-2', createdAt: T0 + 3_000 }), null)
    expect(tickets.openIdByTalker('res-1', 'media')).toBe(newer.id)
    expect(tickets.openIdByTalker('res-1', 'media')).toBe(tickets.openByTalker('res-1', undefined, 'media')?.id)
    // Closed tickets are not open ones; a claimed one is.
    tickets.update(newer.id, { state: 'done' }, T0 + 4_000)
    expect(tickets.openIdByTalker('res-1', 'media')).toBe(older.id)
    tickets.update(older.id, { state: 'claimed' }, T0 + 5_000)
    expect(tickets.openIdByTalker('res-1', 'media')).toBe(older.id)
    expect(tickets.openIdByTalker('res-1', 'request', 'other')).toBe(tickets.openByTalker('res-1', 'other')?.id)
    expect(tickets.openIdByTalker('res-1', 'request', 'medical')).toBeNull()
  })

  it('queueHead gives the queue keys of the tickets it would have read', () => {
    const tickets = new Tickets(openStore(':memory:'))
    const made = [0, 1, 2, 3, 2].map((priority, i) => tickets.create(newTicket({ priority, createdAt: T0 + i }), null))
    const keys = tickets.queueHead({}, 15)
    expect(keys.map((k) => k.id).sort()).toEqual(made.map((t) => t.id).sort())
    for (const k of keys) expect(k).toEqual({ id: k.id, priority: tickets.get(k.id)!.priority, createdAt: tickets.get(k.id)!.createdAt })
    expect(tickets.byIds([made[3].id, 999, made[0].id]).map((t) => t.id)).toEqual([made[3].id, made[0].id])
  })
})
