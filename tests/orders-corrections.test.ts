// Corrections end in the store as the resident meant them: the whole path, from the message as
// the resident typed it (triage and the list parser included) to the order's lines.
import { describe, expect, it } from 'vitest'
import { processInbound } from '../handlers/pipeline.ts'
import { testContext, type TestContext } from './helpers/handler-context.ts'

function say(ctx: TestContext, text: string, talkerId = 'res-01'): void {
  const m = ctx.post({ text, talkerId })
  processInbound(ctx, m)
  ctx.advance(5 * 60_000)
}

const lines = (ctx: TestContext, talkerId = 'res-01') =>
  (ctx.orders.openByTalker(talkerId)?.lines ?? [])
    .map((l) => [l.name, l.qty, l.unit])
    .sort((a, b) => String(a[0]).localeCompare(String(b[0]), 'zh'))
const sorted = (rows: Array<[string, number | null, string | null]>) => [...rows].sort((a, b) => a[0].localeCompare(b[0], 'zh'))

describe('corrections in the store', () => {
  it('a reply quoting the list changes it: a new amount replaces, a thing taken off goes, one added joins', () => {
    const ctx = testContext()
    say(ctx, '帮我买：狗粮1袋，狗罐头6个，鸡胸肉一盒')
    say(ctx, '「小王：狗粮1袋 狗罐头6个 鸡胸肉一盒」\n- - - - - - - - - - - - - - -\n罐头改成12个，鸡胸肉不要了，再加一包磨牙棒')
    expect(lines(ctx)).toEqual(
      sorted([
        ['狗粮', 1, '袋'],
        ['狗罐头', 12, '个'],
        ['磨牙棒', 1, '包'],
      ]),
    )
  })

  it('"X删掉，换成Y": Y takes X\'s place', () => {
    const ctx = testContext()
    say(ctx, '麻烦帮我买：白菜一颗，土豆三斤，鸡蛋一盒')
    say(ctx, '白菜删掉，换成两斤娃娃菜')
    expect(lines(ctx)).toEqual(
      sorted([
        ['娃娃菜', 2, '斤'],
        ['土豆', 3, '斤'],
        ['鸡蛋', 1, '盒'],
      ]),
    )
    expect(ctx.sent().at(-1)?.text).toContain('改好')
  })

  it('"X不是2根，是4根": the amount is corrected, nothing added', () => {
    const ctx = testContext()
    say(ctx, '帮忙带黄瓜2根、西红柿3个，谢谢')
    say(ctx, '黄瓜不是2根，是4根')
    expect(lines(ctx)).toEqual(
      sorted([
        ['黄瓜', 4, '根'],
        ['西红柿', 3, '个'],
      ]),
    )
  })

  it('"不是白菜是包菜 一颗": the product is replaced', () => {
    const ctx = testContext()
    say(ctx, '我要白菜一颗 豆腐两块')
    say(ctx, '更正：不是白菜是包菜 一颗')
    expect(lines(ctx)).toEqual(
      sorted([
        ['包菜', 1, '颗'],
        ['豆腐', 2, '块'],
      ]),
    )
  })

  it('a product replaced without an amount keeps the old amount', () => {
    const ctx = testContext()
    say(ctx, '帮我买土豆三斤 洋葱两个')
    say(ctx, '刚才的土豆换成红薯')
    expect(lines(ctx)).toEqual(
      sorted([
        ['红薯', 3, '斤'],
        ['洋葱', 2, '个'],
      ]),
    )
  })

  it('"唔要一盒啦，要两盒" and "哦不对": the new amount replaces the old', () => {
    const ctx = testContext()
    say(ctx, '唔该帮我买鸡蛋一盒同菜心一斤')
    say(ctx, '鸡蛋唔要一盒啦，要两盒')
    expect(lines(ctx)).toEqual(
      sorted([
        ['鸡蛋', 2, '盒'],
        ['菜心', 1, '斤'],
      ]),
    )
    const ctx2 = testContext()
    say(ctx2, '要五个土豆，哦不对，六个')
    expect(lines(ctx2)).toEqual([['土豆', 6, '个']])
  })

  it("a removal takes the item off, other residents' orders are untouched", () => {
    const ctx = testContext()
    say(ctx, '帮我买牛奶一箱 面包两袋', 'res-01')
    say(ctx, '帮我买牛奶两箱', 'res-02')
    say(ctx, '刚才的单子：面包不要了，再加两斤土豆', 'res-01')
    expect(lines(ctx, 'res-01')).toEqual(
      sorted([
        ['牛奶', 1, '箱'],
        ['土豆', 2, '斤'],
      ]),
    )
    expect(lines(ctx, 'res-02')).toEqual([['牛奶', 2, '箱']])
  })
})
