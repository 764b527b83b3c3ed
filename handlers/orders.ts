// One purchase list for the supplier and one delivery list by door, from all
// open orders.
import { formatLocation } from '../classifiers/location.ts'
import type { Order, OrderLine } from '../store/orders.ts'
import type { Context } from './context.ts'
import { describeLine } from './order-lines.ts'

/** Grams per weight unit: 斤/两/公斤/克 mix into one unit when they meet on one item. */
const GRAMS: Record<string, number> = { 斤: 500, 两: 50, 公斤: 1000, 克: 1 }

export interface PurchaseLine {
  name: string
  qty: number | null
  unit: string | null
  orders: number
  alternatives: string[]
  unquantified: number
}

/** Sum open orders by item and unit; weights of one item in mixed units are converted to 斤. */
export function consolidate(orders: Order[]): PurchaseLine[] {
  const byName = new Map<string, OrderLine[]>()
  for (const o of orders)
    for (const l of o.lines) {
      const list = byName.get(l.name) ?? []
      list.push(l)
      byName.set(l.name, list)
    }
  const out: PurchaseLine[] = []
  for (const [name, lines] of byName) {
    const weightUnits = new Set(lines.filter((l) => l.unit && GRAMS[l.unit]).map((l) => l.unit!))
    const mixWeights = weightUnits.size > 1
    const groups = new Map<string, PurchaseLine>()
    for (const l of lines) {
      const isWeight = l.unit != null && GRAMS[l.unit] != null
      const unit = mixWeights && isWeight ? '斤' : l.unit
      const key = unit ?? ''
      const g = groups.get(key) ?? { name, qty: null, unit, orders: 0, alternatives: [], unquantified: 0 }
      g.orders++
      if (l.qty == null) g.unquantified++
      else {
        const qty = mixWeights && isWeight ? (l.qty * GRAMS[l.unit!]) / GRAMS['斤'] : l.qty
        g.qty = Math.round(((g.qty ?? 0) + qty) * 100) / 100
      }
      for (const a of l.alternatives) if (!g.alternatives.includes(a)) g.alternatives.push(a)
      groups.set(key, g)
    }
    out.push(...groups.values())
  }
  return out.sort((a, b) => b.orders - a.orders || a.name.localeCompare(b.name, 'zh'))
}

export function describePurchase(p: PurchaseLine): string {
  const qty = p.qty == null ? '数量未说明' : `${p.qty}${p.unit ?? '份'}`
  const extra = p.unquantified > 0 && p.qty != null ? `+${p.unquantified}户未说数量` : ''
  const alt = p.alternatives.length ? `;缺货可换 ${p.alternatives.join('/')}` : ''
  return `${p.name} ${qty}${extra}(${p.orders}户${alt})`
}

const doorKey = (o: Order) => [o.building ?? '~', o.unit ?? '', o.room ?? ''].map((s) => s.padStart(6, '0')).join('-')

/** The steward's `订单` answer: purchase list, then deliveries grouped by building. */
export function ordersReport(ctx: Context): string {
  const open = ctx.orders.open()
  if (open.length === 0) return '目前没有待采购的订单。'
  const lines = [`📦 待采购汇总(${open.length} 户)`]
  for (const p of consolidate(open)) lines.push(`· ${describePurchase(p)}`)
  lines.push('', '🚚 送货清单')
  let building: string | null | undefined
  for (const o of [...open].sort((a, b) => doorKey(a).localeCompare(doorKey(b)))) {
    if (o.building !== building) {
      building = o.building
      lines.push(building ? `【${building}栋】` : '【位置未知,请联系确认】')
    }
    const door = formatLocation(o) || o.talkerName
    lines.push(
      `#${o.ticketId ?? o.id} ${door} ${o.talkerName && door !== o.talkerName ? `(${o.talkerName})` : ''}:${o.lines.map(describeLine).join('、')}`,
    )
  }
  lines.push('', '送达后回复「送达 编号」关闭订单。')
  return lines.join('\n')
}

const csvCell = (v: unknown) => {
  const s = v == null ? '' : String(v)
  return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s
}

/** Supplier export: a purchase section and a delivery section, UTF-8 with BOM so spreadsheet apps read the Chinese. */
export function ordersCsv(orders: Order[]): string {
  const rows: unknown[][] = [
    ['section', 'item', 'qty', 'unit', 'households', 'alternatives', 'ticket', 'building', 'unit_no', 'room', 'resident'],
  ]
  for (const p of consolidate(orders))
    rows.push(['purchase', p.name, p.qty, p.unit, p.orders, p.alternatives.join('/'), '', '', '', '', ''])
  for (const o of orders)
    for (const l of o.lines) {
      rows.push([
        'delivery',
        l.name,
        l.qty,
        l.unit,
        '',
        l.alternatives.join('/'),
        o.ticketId ?? '',
        o.building,
        o.unit,
        o.room,
        o.talkerName,
      ])
    }
  return '\ufeff' + rows.map((r) => r.map(csvCell).join(',')).join('\n') + '\n'
}

/** `送达 N`: the order of ticket N was delivered; its grocery ticket is done. */
export function markDelivered(ctx: Context, ticketId: number, actorId: string): Order | null {
  const order = ctx.orders.byTicket(ticketId)
  if (!order || order.state !== 'open') return null
  const now = ctx.clock()
  ctx.orders.setState(order.id, 'delivered', now)
  ctx.tickets.event(ticketId, now, actorId, 'delivered')
  return ctx.orders.get(order.id)
}
