// An emergency is never announced to nobody (issue 18, item 3). The puppet refuses private
// messages to non-friends, as WeChat and WeCom services do.
import pino from 'pino'
import { afterEach, describe, expect, it } from 'vitest'
import { tick } from '../bot/scheduler.ts'
import { startMockCommunity, type MockCommunity } from '../testing/mock-community.ts'
import { until } from './helpers/wait.ts'
import { startWebhook, type Webhook } from './helpers/webhook.ts'

const log = pino({ level: 'silent' })
const FAST = { TRIAGE_RATE_PER_MIN: '1000', TRIAGE_RATE_PER_ROOM_MS: '0' }
const FLOOR = 'floor-3-5@chatroom'
let c: MockCommunity | null = null
let opened: Webhook | null = null

afterEach(async () => {
  await c?.stop()
  c = null
  await opened?.close()
  opened = null
})

const webhook = async (): Promise<Webhook> => (opened = await startWebhook())

const hhmm = (d: Date) => `${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`

describe('an emergency with no reachable steward', () => {
  it("tells the resident to call now instead of promising a steward, and calls the webhook without the resident's words", async () => {
    const hook = await webhook()
    c = await startMockCommunity({ log, env: { ...FAST, TRIAGE_ALERT_WEBHOOK: hook.url }, strangers: ['steward-wang', 'steward-li'] })
    c.say('res-01', FLOOR, '我的手受伤了,血流不止 快来人')
    await c.settle()
    const group = c.delivered.filter((d) => d.roomId === FLOOR)
    expect(group).toHaveLength(1)
    expect(group[0].text).not.toContain('已紧急通知')
    expect(group[0].text).toContain('立即拨打 120')
    // The alerts were tried, and the service refused them.
    expect(c.puppet.refused).toEqual(expect.arrayContaining(['steward-wang', 'steward-li']))
    const alarm = await until('the webhook', () => hook.texts.find((t) => t.startsWith('【楼管家】紧急求助')))
    expect(alarm).toMatch(/#\d+/)
    expect(alarm).toContain('物业小王')
    expect(alarm).not.toContain('血流不止')
    // And the start-up check had already said the day's shift could not be reached.
    expect(hook.texts.some((t) => t.includes('启动检查') && t.includes('全天值班'))).toBe(true)
  })

  it('says stewards were notified when one on-duty steward is a friend', async () => {
    c = await startMockCommunity({ log, env: FAST, strangers: ['steward-li'] })
    c.say('res-01', FLOOR, '我的手受伤了,血流不止 快来人')
    await c.settle()
    const group = c.delivered.filter((d) => d.roomId === FLOOR)
    expect(group[0].text).toContain('已紧急通知值班管家')
    expect(c.delivered.some((d) => d.toId === 'steward-wang' && d.text.includes('血流不止'))).toBe(true)
  })

  it('learns from a refused send: a steward who turns out not to be a friend no longer counts', async () => {
    c = await startMockCommunity({ log, env: { ...FAST, TRIAGE_STEWARDS: 'steward-li' } })
    // The account lost the friendship after the login check (the steward deleted the bot).
    c.contact('steward-li').payload.friend = false
    c.say('res-01', FLOOR, '我的手受伤了,血流不止 快来人')
    await c.settle()
    expect(c.puppet.refused).toContain('steward-li')
    expect(c.runtime.ctx.reach.isFriend('steward-li')).toBe(false)
    c.say('res-02', FLOOR, '着火了!楼道里全是烟')
    await c.settle()
    const last = c.delivered.filter((d) => d.roomId === FLOOR).at(-1)!
    expect(last.text).not.toContain('已紧急通知')
    expect(last.text).toContain('119')
  })
})

describe('shifts with no reachable steward', () => {
  it('raise the offline alarm at start-up and again when such a shift begins', async () => {
    const hook = await webhook()
    let now = Date.now()
    const start = new Date(now - 3600_000)
    const end = new Date(now + 3600_000)
    // This shift: steward-wang (a friend); the rest of the day: steward-li, who is not.
    const onDuty = `${hhmm(start)}-${hhmm(end)}=steward-wang;${hhmm(end)}-${hhmm(start)}=steward-li`
    c = await startMockCommunity({
      log,
      env: { ...FAST, TRIAGE_ALERT_WEBHOOK: hook.url, TRIAGE_ONDUTY: onDuty },
      strangers: ['steward-li'],
      clock: () => now,
    })
    const atStart = await until('the start-up alarm', () => hook.texts.find((t) => t.includes('启动检查')))
    expect(atStart).toContain(`值班 ${hhmm(end)}-${hhmm(start)}`)
    expect(atStart).toContain('管家李姐')
    expect(atStart).not.toContain(`值班 ${hhmm(start)}-${hhmm(end)}`)
    // Within the covered shift, ticks are quiet.
    tick(c.runtime.ctx)
    await new Promise((r) => setTimeout(r, 50))
    expect(hook.texts.filter((t) => t.includes('换班'))).toEqual([])
    // The uncovered shift begins.
    now += 2 * 3600_000
    tick(c.runtime.ctx)
    const atChange = await until('the shift-change alarm', () => hook.texts.find((t) => t.includes('换班')))
    expect(atChange).toContain('管家李姐')
    // Once per shift change, not on every tick.
    tick(c.runtime.ctx)
    await new Promise((r) => setTimeout(r, 50))
    expect(hook.texts.filter((t) => t.includes('换班'))).toHaveLength(1)
  })
})
