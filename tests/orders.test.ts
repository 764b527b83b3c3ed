// Orders: corrections, cancellations, repeats, consolidation with mixed units, the supplier CSV.
import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Writable } from 'node:stream'
import { describe, expect, it } from 'vitest'
import { parseCsv, runAdmin } from '../tools/admin.ts'
import type { OrderItem } from '../classifiers/shopping-list/index.ts'
import type { Order } from '../store/orders.ts'
import { openStore } from '../store/store.ts'
import { parseConfig } from '../handlers/config.ts'
import { createContext } from '../handlers/context.ts'
import { applyItems } from '../handlers/order-lines.ts'
import { consolidate, ordersCsv, ordersReport } from '../handlers/orders.ts'
import { handleRequest } from '../handlers/requests.ts'
import { testContext, triaged } from './helpers/handler-context.ts'

const item = (name: string, qty: number | null, unit: string | null, extra: Partial<OrderItem> = {}): OrderItem => ({
  name,
  qty,
  unit,
  alternatives: [],
  ...extra,
})
const opts = { quiet: false, silent: false }

function order(lines: OrderItem[], building = '3', room = '502'): Order {
  return {
    id: 1,
    ticketId: 1,
    talkerId: 'r',
    talkerName: 'r',
    roomId: null,
    building,
    unit: '1',
    floor: null,
    room,
    state: 'open',
    fingerprint: '',
    createdAt: 0,
    updatedAt: 0,
    lines: lines.map((l) => ({ ...l, note: null })),
  }
}

describe("applying a resident's items to their order", () => {
  const base = applyItems([], [item('土豆', 3, '斤'), item('鸡蛋', 10, '个'), item('大米', 1, '袋')])
  it('sets, removes and adds as the resident says', () => {
    const set = applyItems(base, [item('土豆', 5, '斤', { op: 'set' })])
    expect(set.find((l) => l.name === '土豆')?.qty).toBe(5)
    expect(applyItems(base, [item('鸡蛋', null, null, { op: 'remove' })]).map((l) => l.name)).toEqual(['土豆', '大米'])
    expect(applyItems(base, [item('米', 1, '袋', { op: 'add' })], true).find((l) => l.name === '大米')?.qty).toBe(2)
    expect(applyItems(base, [item('土豆', 3, '斤')]).find((l) => l.name === '土豆')?.qty).toBe(3)
    expect(applyItems(base, [item('青菜', 2, '把')]).map((l) => l.name)).toEqual(['土豆', '鸡蛋', '大米', '青菜'])
  })
})

describe('orders in the store', () => {
  it('one order per request: an identical repeat later changes nothing, a correction updates it', () => {
    const ctx = testContext()
    const list = [item('土豆', 3, '斤'), item('鸡蛋', 10, '个')]
    const m1 = ctx.post({ text: '土豆3斤 鸡蛋10个' })
    const t = handleRequest(ctx, m1, triaged({ category: 'grocery', items: list, text: m1.text }), opts).ticket
    ctx.advance(10 * 60_000)
    const m2 = ctx.post({ text: '土豆3斤 鸡蛋10个' })
    expect(handleRequest(ctx, m2, triaged({ category: 'grocery', items: list, text: m2.text }), opts).ticket.id).toBe(t.id)
    expect(ctx.db.prepare('SELECT count(*) AS n FROM orders').get()).toEqual({ n: 1 })
    expect(ctx.sent()).toHaveLength(1)
    const m3 = ctx.post({ text: '刚才的土豆改成5斤' })
    handleRequest(ctx, m3, triaged({ category: 'grocery', items: [item('土豆', 5, '斤', { op: 'set' })], text: m3.text }), opts)
    expect(ctx.orders.byTicket(t.id)!.lines.map((l) => [l.name, l.qty])).toEqual([
      ['土豆', 5],
      ['鸡蛋', 10],
    ])
    expect(ctx.sent().at(-1)?.text).toContain('改好')
  })
})

describe('consolidation', () => {
  it('sums by item and unit, converts mixed weights to 斤, keeps counts as counts, notes substitutes', () => {
    const lines = consolidate([
      order([item('土豆', 3, '斤'), item('鸡蛋', 10, '个')]),
      order([item('土豆', 1, '公斤'), item('鸡蛋', 2, '盒'), item('豌豆尖', 0.5, '斤', { alternatives: ['油麦菜'] })]),
      order([item('土豆', 5, '两'), item('鸡蛋', 6, '个'), item('豌豆尖', 200, '克')]),
    ])
    const find = (name: string, unit: string | null) => lines.find((l) => l.name === name && l.unit === unit)
    expect(find('土豆', '斤')).toMatchObject({ qty: 5.5, orders: 3 })
    expect(find('鸡蛋', '个')).toMatchObject({ qty: 16, orders: 2 })
    expect(find('鸡蛋', '盒')).toMatchObject({ qty: 2, orders: 1 })
    expect(find('豌豆尖', '斤')).toMatchObject({ qty: 0.9, alternatives: ['油麦菜'] })
  })

  it('keeps one unit as written when an item is never mixed', () => {
    expect(consolidate([order([item('牛肉', 500, '克')]), order([item('牛肉', 300, '克')])])).toEqual([
      { name: '牛肉', qty: 800, unit: '克', orders: 2, alternatives: [], unquantified: 0 },
    ])
  })

  it('reports the purchase list and then deliveries grouped by building', () => {
    const ctx = testContext()
    for (const [who, name, items] of [
      ['res-01', '6-1-201 王阿姨', [item('土豆', 3, '斤')]],
      ['res-02', '3-2-502 李', [item('土豆', 2, '斤'), item('大米', 1, '袋')]],
    ] as const) {
      const m = ctx.post({ talkerId: who, talkerName: name, text: 'x', roomTopic: null })
      handleRequest(ctx, m, triaged({ category: 'grocery', items: [...items], text: 'x' }), opts)
    }
    const report = ordersReport(ctx)
    expect(report).toContain('土豆 5斤(2户)')
    expect(report.indexOf('【3栋】')).toBeLessThan(report.indexOf('【6栋】'))
    expect(report.indexOf('待采购')).toBeLessThan(report.indexOf('送货清单'))
  })
})

describe('CSV export', () => {
  it('writes purchase and delivery rows that a spreadsheet reads back', () => {
    const csv = ordersCsv([order([item('土豆', 3, '斤'), item('可乐, 大瓶', 2, '瓶', { alternatives: ['雪碧'] })])])
    const rows = parseCsv(csv)
    expect(rows[0][0]).toBe('section')
    expect(rows.filter((r) => r[0] === 'purchase').map((r) => r.slice(1, 4))).toEqual([
      ['可乐, 大瓶', '2', '瓶'],
      ['土豆', '3', '斤'],
    ])
    expect(rows.filter((r) => r[0] === 'delivery')).toHaveLength(2)
  })

  it('`triage orders --csv` exports from the DB file; --delivered closes the order', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lgj-'))
    const path = join(dir, 't.db')
    const db = openStore(path)
    const ctx = createContext(db, parseConfig({}))
    const m = ctx.inbox.store(
      {
        messageId: 'a',
        roomId: 'r@chatroom',
        roomTopic: '3栋5楼群',
        talkerId: 'res',
        talkerName: '3-1-502 王',
        text: '土豆3斤',
        type: 'text',
        mentionsSelf: false,
        at: Date.now(),
      },
      Date.now(),
    )
    const t = handleRequest(
      ctx,
      ctx.inbox.get((m as { id: number }).id)!,
      triaged({ category: 'grocery', items: [item('土豆', 3, '斤')], text: '土豆3斤' }),
      opts,
    ).ticket
    db.close()
    process.env.TRIAGE_DB = path
    let out = ''
    const sink = new Writable({
      write(chunk, _e, cb) {
        out += chunk
        cb()
      },
    })
    expect(await runAdmin('orders', ['--csv'], sink, sink)).toBe(0)
    expect(out).toContain('purchase,土豆,3,斤,1')
    expect(await runAdmin('orders', ['--delivered', String(t.id)], sink, sink)).toBe(0)
    out = ''
    await runAdmin('orders', ['--csv'], sink, sink)
    expect(out.trim().split('\n')).toHaveLength(1)
    delete process.env.TRIAGE_DB
    expect(readFileSync(path).length).toBeGreaterThan(0)
  })
})
