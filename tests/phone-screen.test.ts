// Digests and the queue on one phone screen (issue 19, item 4): measured in chat lines as a
// WeChat bubble wraps them, with the rest one command away (「队列 更多」, 「日报 详细」).
import { describe, expect, it } from 'vitest'
import { digestHooks } from '../bot/digest-hooks.ts'
import { handleCommand } from '../handlers/commands.ts'
import { dailyDigestNow } from '../handlers/digest.ts'
import { chaseEmergencies } from '../handlers/emergency.ts'
import { checkSla } from '../handlers/sla.ts'
import { processInbound } from '../handlers/pipeline.ts'
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

describe("the manager's daily digest", () => {
  /** A busy day: 120 requests of every kind in three buildings, emergencies, breaches, shared faults and notes. */
  function busyDay() {
    const ctx = testContext({ TRIAGE_SLA_HIGH_MIN: '30', TRIAGE_SLA_NORMAL_MIN: '120' })
    const hooks = digestHooks()
    const categories = ['repair', 'grocery', 'medical', 'pet', 'emotional', 'other'] as const
    const opened: number[] = []
    for (let i = 0; i < 120; i++) {
      ctx.advance(4 * 60_000)
      const b = 3 + (i % 3)
      const category = categories[i % 6]
      const urgent = i % 25 === 0
      const text = `${b}-${1 + (i % 2)}-${501 + i} 王阿姨家 第${i}件事 情况比较复杂 麻烦管家尽快过来看一下 谢谢`
      const m = ctx.post({ text, talkerId: `res-${i}`, talkerName: `${b}-${1 + (i % 2)}-${501 + i} 王阿姨` })
      const r = triaged({
        category,
        urgent,
        emergency: urgent ? 'medical' : null,
        possibleUrgent: i % 9 === 0 && !urgent,
        location: { building: String(b), unit: String(1 + (i % 2)), floor: null, room: String(501 + i) },
        text,
      })
      opened.push(handleRequest(ctx, m, r, quietly).ticket.id)
      // Every third one is done, some minutes and some hours after it came in.
      const t = i % 3 === 0 ? opened[Math.max(0, i - (i % 5) * 4)] : null
      if (t != null && ctx.tickets.get(t)!.state === 'open') {
        const note = '已请师傅上门处理好了,居民表示满意,明天再回访一次确认情况'
        handleCommand(ctx, ctx.post({ text: `完成 ${t} ${note}`, talkerId: 'steward-wang', roomId: null, roomTopic: null }), hooks)
      }
      chaseEmergencies(ctx)
      checkSla(ctx)
    }
    return { ctx, hooks }
  }

  it('fits one phone screen on a busy day, and says no count twice', () => {
    const { ctx } = busyDay()
    const { text, stats } = dailyDigestNow(ctx)
    expect(stats.tickets.opened).toBe(120)
    expect(stats.slaBreaches.length).toBeGreaterThan(10)
    expect(stats.hotspots.length).toBeGreaterThan(0)
    expect(chatLines(text)).toBeLessThanOrEqual(SCREEN_LINES)
    expect(text).toContain(`⏰ 超时未认领 ${stats.slaBreaches.length} 件:`)
    expect(text).not.toMatch(/等\d+件/)
    expect(text).not.toMatch(/P90|p90/)
    expect(text).toMatch(/九成在.+内/)
    expect(text).toContain('📝 办结案例')
    expect(text).toContain('「日报 详细」')
  })

  it('says how satisfied residents were, once some answered, in the screen and the details', () => {
    const ctx = testContext()
    expect(dailyDigestNow(ctx).text).not.toContain('居民评价')
    for (const [i, answer] of ['1', '1', '不满意'].entries()) {
      const id = `res-s${i}`
      ctx.reach.set(id, true)
      const text = `${i + 1}楼楼道灯不亮了`
      const t = handleRequest(
        ctx,
        ctx.post({ text, talkerId: id, talkerName: `6-1-20${i} 住户` }),
        triaged({ category: 'repair', text }),
        quietly,
      ).ticket
      ctx.advance(60_000)
      handleCommand(ctx, ctx.post({ text: `完成 ${t.id} 换了灯泡`, talkerId: 'steward-wang', roomId: null, roomTopic: null }))
      ctx.advance(60_000)
      processInbound(ctx, ctx.post({ text: answer, talkerId: id, roomId: null, roomTopic: null }))
    }
    const { text, detail } = dailyDigestNow(ctx)
    expect(text).toContain('😊 居民评价:满意 2 · 不满意 1')
    expect(detail).toContain('😊 居民评价:满意 2 · 不满意 1')
  })

  it('「日报」 sends the screen with its chart; 「日报 详细」 sends the details, without the chart again', () => {
    const { ctx, hooks } = busyDay()
    const askDaily = (words: string) => {
      ctx.advance(5 * 60_000)
      handleCommand(ctx, ctx.post({ text: words, talkerId: 'manager-zhou', roomId: null, roomTopic: null }), hooks)
      return ctx
        .sent()
        .filter((s) => s.to === 'manager-zhou')
        .at(-1)!
    }
    const daily = askDaily('日报')
    expect(daily.hasFile).toBe(true)
    expect(chatLines(daily.text)).toBeLessThanOrEqual(SCREEN_LINES)
    const detail = askDaily('日报 详细')
    expect(detail.hasFile).toBe(false)
    expect(detail.text.split('\n')[0]).toMatch(/^📊 楼管家日报\(详细\)/)
    expect(detail.text).toContain('按楼栋:')
    expect(detail.text.length).toBeGreaterThan(daily.text.length)
  })
})
