// Digests and the queue on one phone screen (issue 19, item 4): measured in chat lines as a
// WeChat bubble wraps them, with the rest one command away (「队列 更多」, 「日报 详细」).
import { describe, expect, it } from 'vitest'
import { handleCommand } from '../handlers/commands.ts'
import { handleRequest } from '../handlers/requests.ts'
import { PHONE_LINE_WIDTH, SCREEN_LINES, chatLines, clipWidth, textWidth } from '../handlers/screen.ts'
import { testContext, triaged, type TestContext } from './helpers/handler-context.ts'

const quietly = { quiet: false, silent: false }

/** What the steward was sent last (answers to staff commands go privately). */
const lastTo = (ctx: TestContext, id: string) =>
  ctx
    .sent()
    .filter((s) => s.to === id)
    .at(-1)!.text
const ask = (ctx: TestContext, text: string, id = 'steward-wang') => {
  ctx.advance(5 * 60_000) // the same words again a little later: a new command, not a redelivery
  handleCommand(ctx, ctx.post({ text, talkerId: id, talkerName: '物业小王', roomId: null, roomTopic: null }))
  return lastTo(ctx, id)
}
const numbers = (text: string) => [...text.matchAll(/^#(\d+) /gm)].map((m) => Number(m[1]))

/** `n` requests from different households, with the long messages residents really write. */
function fill(ctx: TestContext, n: number) {
  const categories = ['repair', 'grocery', 'medical', 'pet'] as const
  const ids: number[] = []
  for (let i = 0; i < n; i++) {
    ctx.advance(60_000)
    const text = `${3 + (i % 3)}-2-${1201 + i} 家里厨房的水管从昨天晚上开始一直在漏水 地上全是水 楼下邻居也说天花板在滴 麻烦尽快安排师傅来看看 谢谢`
    const m = ctx.post({ text, talkerId: `res-${i}`, talkerName: `${3 + (i % 3)}-2-${1201 + i} 住户${i}` })
    ids.push(handleRequest(ctx, m, triaged({ category: categories[i % 4], text }), quietly).ticket.id)
  }
  return ids
}

describe('measuring a chat line', () => {
  it('counts Chinese characters full width and digits and Latin letters half width', () => {
    expect(textWidth('楼管家')).toBe(3)
    expect(textWidth('#12 ok')).toBe(3)
    expect(chatLines('一'.repeat(PHONE_LINE_WIDTH))).toBe(1)
    expect(chatLines('一'.repeat(PHONE_LINE_WIDTH + 1))).toBe(2)
    expect(chatLines('a\n\nb')).toBe(3)
    expect(clipWidth('快来人帮帮忙 我妈在卫生间摔倒了 起不来', 10)).toBe('快来人帮帮忙 我妈…')
    expect(textWidth(clipWidth('快来人帮帮忙 我妈在卫生间摔倒了 起不来', 10))).toBeLessThanOrEqual(10)
  })
})

describe('the queue', () => {
  it('fits its first screen in 25 chat lines with fifteen long requests open', () => {
    const ctx = testContext()
    fill(ctx, 15)
    const first = ask(ctx, '队列')
    expect(chatLines(first)).toBeLessThanOrEqual(SCREEN_LINES)
    expect(first.split('\n')[0]).toBe('📋 待办 15 件')
    expect(numbers(first).length).toBeGreaterThanOrEqual(6)
    expect(first).toMatch(/还有 \d+ 件:回复「队列 更多」看下一屏/)
  })

  it('turns the page with 「队列 更多」 until every ticket has been shown once, most pressing first', () => {
    const ctx = testContext()
    const all = fill(ctx, 30)
    const seen: number[] = []
    let page = ask(ctx, '队列')
    for (let i = 0; i < 10; i++) {
      expect(chatLines(page)).toBeLessThanOrEqual(SCREEN_LINES)
      seen.push(...numbers(page))
      if (!page.includes('队列 更多')) break
      page = ask(ctx, '队列 更多')
    }
    expect(page).toContain('已到最后')
    expect([...seen].sort((a, b) => a - b)).toEqual(all)
    // Medical requests are high priority: they come first.
    const firstPage = numbers(ask(ctx, '队列'))
    expect(firstPage.slice(0, 3)).toEqual([all[2], all[6], all[10]])
  })

  it('keeps the filter a page was asked with, and each steward their own place', () => {
    const ctx = testContext()
    fill(ctx, 40)
    const repairs = ctx.tickets.queue({ category: 'repair', limit: 100 }).map((t) => t.id)
    const first = numbers(ask(ctx, '队列 报修'))
    const li = numbers(ask(ctx, '队列', 'steward-li'))
    const second = numbers(ask(ctx, '队列 更多'))
    expect([...first, ...second].every((id) => repairs.includes(id))).toBe(true)
    expect(second[0]).toBeGreaterThan(first.at(-1)!)
    expect(new Set([...first, ...second]).size).toBe(first.length + second.length)
    // steward-li's 「更多」 continues her own, unfiltered queue.
    const liNext = numbers(ask(ctx, '队列 更多', 'steward-li'))
    expect(liNext.some((id) => !repairs.includes(id))).toBe(true)
    expect(liNext.filter((id) => li.includes(id))).toEqual([])
  })

  it('names the steward who is handling a ticket, never their id', () => {
    const ctx = testContext()
    const [id] = fill(ctx, 1)
    ask(ctx, `认领 ${id}`, 'steward-li')
    const page = ask(ctx, '队列')
    expect(page).toContain('管家李姐处理中')
    expect(page).not.toContain('steward-li')
  })
})
