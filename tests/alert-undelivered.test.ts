// An emergency is never announced to nobody, even when the stewards are friends (issue 18,
// item 3): the group read 「已紧急通知值班管家」 because the on-duty stewards were friends, but
// every alert then failed its retries. The resident is told to call for help now, the operator
// alarm goes off, and the managers hear at once. The puppet refuses or fails the sends.
import pino from 'pino'
import { afterEach, describe, expect, it } from 'vitest'
import { MAX_ATTEMPTS } from '../store/outbox.ts'
import { startMockCommunity, type MockCommunity } from '../testing/mock-community.ts'
import { until } from './helpers/wait.ts'
import { startWebhook, type Webhook } from './helpers/webhook.ts'

const log = pino({ level: 'silent' })
const FAST = { TRIAGE_RATE_PER_MIN: '1000', TRIAGE_RATE_PER_ROOM_MS: '0' }
const FLOOR = 'floor-3-5@chatroom'
const STEWARDS = ['steward-wang', 'steward-li']
let c: MockCommunity | null = null
let opened: Webhook | null = null

afterEach(async () => {
  await c?.stop()
  c = null
  await opened?.close()
  opened = null
})

const webhook = async (): Promise<Webhook> => (opened = await startWebhook())

/** Every retry of every failing send, and what their fallbacks queue. */
async function retryAll(): Promise<void> {
  for (let i = 0; i < MAX_ATTEMPTS + 2; i++) await c!.settle()
}

const group = () => c!.delivered.filter((d) => d.roomId === FLOOR)
const alertRows = () => c!.runtime.ctx.outbox.store.all().filter((r) => r.purpose === 'alert' && STEWARDS.includes(r.to.id))

describe('every alert of an emergency fails although the stewards are friends', () => {
  it('the group is told to call 120 now, the webhook is called without the words, the manager is alerted', async () => {
    const hook = await webhook()
    c = await startMockCommunity({ log, env: { ...FAST, TRIAGE_ALERT_WEBHOOK: hook.url } })
    // Friends at login, so the group is promised a steward; then the service fails every send to them.
    for (const id of STEWARDS) c.puppet.failing.add(id)
    c.say('res-01', FLOOR, '我的手受伤了,血流不止 快来人')
    await c.settle()
    expect(group()).toHaveLength(1)
    expect(group()[0].text).toContain('已紧急通知值班管家')
    const t = c.runtime.ctx.tickets.byTalker('res-01', 10)[0]

    await retryAll()
    expect(alertRows().map((r) => r.state)).toEqual(['failed', 'failed'])
    const correction = group().slice(1)
    expect(correction).toHaveLength(1)
    expect(correction[0].text).toContain(`#${t.id}`)
    expect(correction[0].text).toContain('没能送到值班管家')
    expect(correction[0].text).toContain('立即拨打 120')
    expect(correction[0].text).not.toContain('血流不止')

    const alarm = await until('the webhook', () => hook.texts.find((x) => x.includes(`#${t.id}`) && x.includes('发送失败')))
    expect(alarm).toContain('steward-wang')
    expect(alarm).not.toContain('血流不止')
    const manager = c.delivered.find((d) => d.toId === 'manager-zhou' && d.text.includes(`#${t.id}`))
    expect(manager?.text).toContain('没能送达任何值班管家')

    // Once per emergency: more passes add nothing.
    await retryAll()
    expect(group()).toHaveLength(2)
  })

  it('refused as non-friends after the login check: the same correction, once', async () => {
    c = await startMockCommunity({ log, env: FAST })
    // Both stewards deleted the bot after the login check: the service refuses each send.
    for (const id of STEWARDS) c.contact(id).payload.friend = false
    c.say('res-02', FLOOR, '着火了!楼道里全是烟')
    await c.settle()
    expect(group()[0].text).toContain('已紧急通知值班管家')
    await retryAll()
    expect(alertRows().map((r) => [r.state, r.attempts])).toEqual([
      ['failed', MAX_ATTEMPTS],
      ['failed', MAX_ATTEMPTS],
    ])
    expect(c.puppet.refused).toEqual(expect.arrayContaining(STEWARDS))
    const after = group().slice(1)
    expect(after).toHaveLength(1)
    expect(after[0].text).toContain('立即拨打 119')
  })

  it('no correction when one on-duty steward received the alert', async () => {
    const hook = await webhook()
    c = await startMockCommunity({ log, env: { ...FAST, TRIAGE_ALERT_WEBHOOK: hook.url } })
    c.puppet.failing.add('steward-li')
    c.say('res-01', FLOOR, '我的手受伤了,血流不止 快来人')
    await retryAll()
    expect(alertRows().map((r) => [r.to.id, r.state])).toEqual([
      ['steward-wang', 'sent'],
      ['steward-li', 'failed'],
    ])
    expect(group()).toHaveLength(1)
    expect(group()[0].text).toContain('已紧急通知值班管家')
    // The failed send still becomes a notice to a steward.
    expect(c.delivered.some((d) => d.toId === 'steward-wang' && d.text.includes('李姐') && d.text.includes('未能送达'))).toBe(true)
    await new Promise((r) => setTimeout(r, 50))
    expect(hook.texts.filter((x) => x.includes('发送失败'))).toEqual([])
  })

  it('no second correction when the resident was already told that no steward could be reached', async () => {
    c = await startMockCommunity({ log, env: FAST, strangers: STEWARDS })
    c.say('res-01', FLOOR, '我的手受伤了,血流不止 快来人')
    await retryAll()
    expect(alertRows().every((r) => r.state === 'failed')).toBe(true)
    expect(group()).toHaveLength(1)
    expect(group()[0].text).toContain('可能联系不上')
  })

  it('a crisis: corrected privately with 12356, and nothing at all in the group', async () => {
    const hook = await webhook()
    c = await startMockCommunity({ log, env: { ...FAST, TRIAGE_ALERT_WEBHOOK: hook.url } })
    // A crisis is alerted to the on-duty stewards and the managers: every one of them fails.
    for (const id of [...STEWARDS, 'manager-zhou']) c.puppet.failing.add(id)
    c.say('res-05', FLOOR, '撑不下去了 活着没意思 不想活了')
    await c.settle()
    const promise = c.delivered.filter((d) => d.toId === 'res-05')
    expect(promise).toHaveLength(1)
    expect(promise[0].text).toContain('管家马上会联系您')
    await retryAll()
    expect(group()).toEqual([])
    const correction = c.delivered.filter((d) => d.toId === 'res-05').slice(1)
    expect(correction).toHaveLength(1)
    expect(correction[0].text).toContain('还没能联系上管家')
    expect(correction[0].text).toContain('12356')
    const alarm = await until('the webhook', () => hook.texts.find((x) => x.includes('发送失败')))
    expect(alarm).toContain('心理危机')
    expect(alarm).not.toMatch(/不想活|活着没意思|撑不下去/)
  })
})
