// Grocery requests become orders: one open order per resident, updated by
// their corrections ("土豆改成5斤", "鸡蛋不要了", "再加一袋米"); a repeated
// identical list changes nothing.
import { formatLocation } from '../classifiers/location.ts'
import type { OrderItem } from '../classifiers/shopping-list/index.ts'
import type { TriageResult } from '../classifiers/triage.ts'
import type { StoredInbound } from '../store/types.ts'
import { toLine, type Order, type OrderLine } from '../store/orders.ts'
import type { Ticket } from '../store/tickets.ts'
import type { Context } from './context.ts'

export function fingerprint(lines: OrderLine[]): string {
  return lines
    .map((l) => `${l.name}|${l.qty ?? ''}|${l.unit ?? ''}`)
    .sort()
    .join(';')
}

const sameThing = (a: string, b: string) => a === b || a.includes(b) || b.includes(a)

/** "再加一袋米", "再来两斤": more of the same, on top of what was ordered. */
const MORE = /再(加|来|要|买)|追加|多加|另加|加(一|两|俩|\d)/

/**
 * Apply a message's items to an order's lines, as the resident now states them.
 * Restating an item replaces it (a repeated list is not twice the food); only
 * an explicit "再加" adds to it.
 */
export function applyItems(lines: OrderLine[], items: OrderItem[], additive = false): OrderLine[] {
  const out = lines.map((l) => ({ ...l, alternatives: [...l.alternatives] }))
  for (const item of items) {
    if (item.op === 'set' && item.replaces) {
      // "土豆换成红薯", "白菜删掉，换成两斤娃娃菜": the new product takes the old one's place (and its
      // amount when it gives none); the old one is gone even if the new one was ordered already
      const old = out.findIndex((l) => sameThing(l.name, item.replaces!))
      const same = out.findIndex((l) => sameThing(l.name, item.name))
      const line = toLine(item)
      if (old >= 0 && line.qty == null) {
        line.qty = out[old].qty
        line.unit = out[old].unit
      }
      if (old >= 0) {
        out[old] = line
        if (same >= 0 && same !== old) out.splice(same, 1)
      } else if (same >= 0) out[same] = { ...line, name: out[same].name }
      else out.push(line)
      continue
    }
    const i = out.findIndex((l) => sameThing(l.name, item.name))
    if (item.op === 'remove') {
      if (i >= 0) out.splice(i, 1)
    } else if (i >= 0 && item.qty == null) {
      // named again without an amount ("只要猫粮"): the amount already ordered stands
      out[i] = {
        ...out[i],
        alternatives: item.alternatives.length ? [...item.alternatives] : out[i].alternatives,
        note: item.note ?? out[i].note,
      }
    } else if (item.op === 'set' || i < 0) {
      if (i >= 0) out[i] = { ...toLine(item), name: out[i].name }
      else out.push(toLine(item))
    } else if (additive && out[i].unit === item.unit && out[i].qty != null && item.qty != null) {
      out[i] = { ...out[i], qty: out[i].qty! + item.qty }
    } else {
      out[i] = { ...toLine(item), name: out[i].name }
    }
  }
  return out
}

export interface OrderOutcome {
  order: Order | null
  change: 'created' | 'updated' | 'unchanged' | 'none'
}

/** Keep the resident's order in step with this message; the ticket is the grocery ticket it belongs to. */
export function recordOrder(ctx: Context, m: StoredInbound, r: TriageResult, ticket: Ticket): OrderOutcome {
  const items = r.items
  if (items.length === 0) return { order: ctx.orders.byTicket(ticket.id), change: 'none' }
  const now = ctx.clock()
  const open = ctx.orders.byTicket(ticket.id) ?? ctx.orders.openByTalker(m.talkerId)
  if (open && open.state === 'open') {
    const lines = applyItems(open.lines, items, MORE.test(r.text))
    const fp = fingerprint(lines)
    if (fp === open.fingerprint) return { order: open, change: 'unchanged' }
    const order = ctx.orders.replaceLines(open, lines, fp, now)
    ctx.tickets.event(ticket.id, now, m.talkerId, 'order-updated', fp)
    return { order, change: 'updated' }
  }
  const lines = applyItems(
    [],
    items.filter((i) => i.op !== 'remove'),
  )
  if (lines.length === 0) return { order: null, change: 'none' }
  const order = ctx.orders.create(
    {
      ticketId: ticket.id,
      talkerId: m.talkerId,
      talkerName: m.talkerName,
      roomId: m.roomId,
      building: ticket.building,
      unit: ticket.unit,
      floor: ticket.floor,
      room: ticket.room,
      fingerprint: fingerprint(lines),
      createdAt: now,
    },
    lines,
  )
  return { order, change: 'created' }
}

export function describeLine(l: OrderLine): string {
  const qty = l.qty == null ? '' : `${l.qty}${l.unit ?? ''}`
  const alt = l.alternatives.length ? `(没有可换${l.alternatives.join('/')})` : ''
  return `${l.name}${qty ? ' ' + qty : ''}${alt}${l.note ? `【${l.note}】` : ''}`
}

export function orderAck(ticket: Ticket, outcome: OrderOutcome): string {
  const n = outcome.order?.lines.length ?? 0
  const place = formatLocation(ticket)
  if (outcome.change === 'updated') return `好的,#${ticket.id} 的订单已按您说的改好,现在共 ${n} 样。`
  if (n === 0) return `收到您的买菜需求,已登记 #${ticket.id},管家会和您确认要买什么。`
  return `收到您的买菜清单,已登记 #${ticket.id},共 ${n} 样${place ? `,送到 ${place}` : ''}。`
}
