// 接龙 by several households in the store: every participant reposts the whole list with their
// own line added; each door's line is filed once as that door's order, a changed line corrects
// it, the order belongs to the door, and the acknowledgement goes to the line's author (or, when
// nobody can tell who wrote a line, the steward digest lists it to check).
import { describe, expect, it } from 'vitest'
import { normalize } from '../classifiers/normalize.ts'
import { parseShoppingList } from '../classifiers/shopping-list/index.ts'
import { handleRequest } from '../handlers/requests.ts'
import { processInbound } from '../handlers/pipeline.ts'
import { ordersReport } from '../handlers/orders.ts'
import { nextStewardDigest } from '../handlers/digest.ts'
import { testContext, triaged, type TestContext } from './helpers/handler-context.ts'

const HEADER = '【接龙】周六宠物粮团购\n皇家猫粮2kg 158元  猫砂6L 25元/包'
const LINE1 = '1. 3-1-101 猫粮1袋 猫砂2包'
const LINE2 = '2. 3-2-702 猫砂4包'
const LINE3 = '3. 4-1-1502 猫粮2袋'

/** A 接龙 post as the group sees it, handled as a grocery request with what the parser reads in it. */
function post(ctx: TestContext, talkerId: string, talkerName: string, text: string) {
  const m = ctx.post({ text, talkerId, talkerName })
  const t = normalize(text)
  const filed = handleRequest(ctx, m, triaged({ category: 'pet', labels: ['pet'], items: parseShoppingList(t), text: t }), {
    quiet: false,
    silent: false,
  })
  ctx.advance(2 * 60_000)
  return filed
}

const openOrders = (ctx: TestContext) =>
  ctx.orders
    .open()
    .map((o) => [[o.building, o.unit, o.room].join('-'), o.lines.map((l) => `${l.name}${l.qty}${l.unit}`).join(' ')])
    .sort((a, b) => a[0].localeCompare(b[0]))

describe('接龙 reposts in the store', () => {
  it("each door's line is filed once, on first sight, however often the list is reposted", () => {
    const ctx = testContext()
    post(ctx, 'res-a', '3-1-101 张', `${HEADER}\n${LINE1}`)
    post(ctx, 'res-b', '3-2-702 李', `${HEADER}\n${LINE1}\n${LINE2}`)
    post(ctx, 'res-c', '4-1-1502 王', `${HEADER}\n${LINE1}\n${LINE2}\n${LINE3}`)
    post(ctx, 'res-b', '3-2-702 李', `${HEADER}\n${LINE1}\n${LINE2}\n${LINE3}`)
    expect(openOrders(ctx)).toEqual([
      ['3-1-101', '猫粮1袋 猫砂2包'],
      ['3-2-702', '猫砂4包'],
      ['4-1-1502', '猫粮2袋'],
    ])
    expect(ctx.db.prepare('SELECT count(*) AS n FROM tickets').get()).toEqual({ n: 3 })
  })

  it('the acknowledgement @-mentions the author of the line the message added', () => {
    const ctx = testContext()
    post(ctx, 'res-a', '3-1-101 张', `${HEADER}\n${LINE1}`)
    post(ctx, 'res-b', '3-2-702 李', `${HEADER}\n${LINE1}\n${LINE2}`)
    const acks = ctx.sent().filter((s) => s.kind === 'room')
    expect(acks.map((s) => s.mentions)).toEqual([['res-a'], ['res-b']])
    expect(acks[1].text).toContain('3-2-702')
    expect(acks[1].text).toContain('猫砂 4包')
    // a repost that adds nothing says nothing
    post(ctx, 'res-c', '路人', `${HEADER}\n${LINE1}\n${LINE2}`)
    expect(ctx.sent()).toHaveLength(2)
  })

  it("a line changed in a later repost corrects that door's order, nothing else", () => {
    const ctx = testContext()
    post(ctx, 'res-a', '3-1-101 张', `${HEADER}\n${LINE1}`)
    post(ctx, 'res-b', '3-2-702 李', `${HEADER}\n${LINE1}\n${LINE2}`)
    post(ctx, 'res-a', '3-1-101 张', `${HEADER}\n1. 3-1-101 猫粮2袋 猫砂2包\n${LINE2}`)
    expect(openOrders(ctx)).toEqual([
      ['3-1-101', '猫粮2袋 猫砂2包'],
      ['3-2-702', '猫砂4包'],
    ])
    expect(ctx.sent().at(-1)).toMatchObject({ kind: 'room', mentions: ['res-a'] })
    expect(ctx.sent().at(-1)?.text).toContain('更新')
  })

  it('lines nobody can attribute (several new at once) belong to their doors, and the steward digest lists them to check', () => {
    const ctx = testContext()
    post(ctx, 'res-x', '路人', `${HEADER}\n${LINE1}\n${LINE2}\n${LINE3}`)
    expect(openOrders(ctx).map((o) => o[0])).toEqual(['3-1-101', '3-2-702', '4-1-1502'])
    const talkers = ctx.orders
      .open()
      .map((o) => o.talkerId)
      .sort()
    expect(talkers).toEqual(['door:3-1-101', 'door:3-2-702', 'door:4-1-1502'])
    // Not a message of its own (nothing urgent in it): a line of the next digest.
    expect(ctx.sent()).toEqual([])
    const ids = ctx.orders
      .open()
      .map((o) => `#${o.ticketId}`)
      .sort()
    expect(nextStewardDigest(ctx, 'steward-wang')).toContain(`🧾 接龙待核对 3 户:${ids.join(' ')}`)
    // Listed once: the next digest has only what came since.
    ctx.advance(60 * 60_000)
    expect(nextStewardDigest(ctx, 'steward-wang')).not.toContain('接龙待核对')
    expect(ordersReport(ctx)).toContain('【4栋】')
  })

  it('"刚才接龙的…删掉" from the line\'s author changes that door\'s order', () => {
    const ctx = testContext()
    post(ctx, 'res-a', '3-1-101 张', `${HEADER}\n${LINE1}`)
    post(ctx, 'res-b', '3-2-702 李', `${HEADER}\n${LINE1}\n${LINE2}`)
    const m = ctx.post({ text: '刚才接龙的猫砂删掉，只要猫粮', talkerId: 'res-a', talkerName: '3-1-101 张' })
    processInbound(ctx, m)
    expect(openOrders(ctx)).toEqual([
      ['3-1-101', '猫粮1袋'],
      ['3-2-702', '猫砂4包'],
    ])
  })

  it('two 接龙 in one group are kept apart by their headers', () => {
    const ctx = testContext()
    post(ctx, 'res-a', '3-1-101 张', `${HEADER}\n${LINE1}`)
    post(ctx, 'res-a', '3-1-101 张', '【接龙】周日水果团 苹果6元/斤\n1. 3-1-101 苹果5斤')
    expect(ctx.orders.open()).toHaveLength(2)
  })
})
