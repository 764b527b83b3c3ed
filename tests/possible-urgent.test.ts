// Issue 15, items 5 and 6: an urgent message is filed and alerted whatever its category (a
// missing elder is `other`), and a possibly urgent one becomes a P1 ticket with one short
// private 「请看一眼」 to each on-duty steward — inside the send budget, ahead of the everyday
// rows, and nothing in the group.
import { describe, expect, it } from 'vitest'
import { drainInbox } from '../handlers/pipeline.ts'
import { handleRequest } from '../handlers/requests.ts'
import { stewardDigest } from '../handlers/digest.ts'
import { triage, triageWith } from '../classifiers/triage.ts'
import { assessLate, assessUrgency } from '../classifiers/urgency.ts'
import { canonical } from '../classifiers/dialect.ts'
import { normalize } from '../classifiers/normalize.ts'
import { T0, testContext, triaged } from './helpers/handler-context.ts'

const quietly = { quiet: false, silent: false }

describe('an emergency whatever its category', () => {
  it('a missing elder (other + urgent) opens a P0 ticket, alerts the stewards at once and tells the family to call 110', () => {
    const text = '我妈有老年痴呆 早上自己出门 到现在还没回来 穿蓝色外套 大家帮忙看看'
    const r = triage(text)
    expect(r).toMatchObject({ category: 'other', urgent: true, emergency: 'missing' })
    const ctx = testContext()
    ctx.post({ text })
    expect(drainInbox(ctx)).toBe(1)
    const [t] = ctx.tickets.queue({})
    expect(t).toMatchObject({ urgent: true, priority: 0, category: 'other', emergency: 'missing' })
    const sent = ctx.sent()
    const alerts = sent.filter((s) => s.urgent && s.kind === 'contact')
    expect(alerts.map((a) => a.to).sort()).toEqual(['steward-li', 'steward-wang'])
    expect(alerts[0].text).toContain('走失')
    expect(alerts[0].text).toContain('穿着')
    const reply = sent.find((s) => s.kind === 'room')
    expect(reply?.text).toContain('110')
    expect(reply?.mentions).toEqual(['res-01'])
  })

  it('plain chatter in `other` is still not filed', () => {
    const ctx = testContext()
    ctx.post({ text: '大家早上好' })
    drainInbox(ctx)
    expect(ctx.tickets.queue({})).toEqual([])
    expect(ctx.sent()).toEqual([])
  })
})

describe('a possible emergency', () => {
  it('becomes P1 and asks every on-duty steward to look, ahead of the queue but inside the budget; nothing in the group', () => {
    const ctx = testContext()
    const m = ctx.post({ text: '楼上一直有咚咚的声音 然后突然没动静了 有点担心' })
    const filed = handleRequest(ctx, m, triaged({ category: 'other', possibleUrgent: true, text: m.text }), quietly)
    expect(filed.ticket).toMatchObject({ priority: 1, urgent: false, possibleUrgent: true })
    const sent = ctx.sent()
    expect(sent.filter((s) => s.kind === 'room')).toEqual([])
    expect(sent.map((s) => s.to).sort()).toEqual(['steward-li', 'steward-wang'])
    for (const s of sent) {
      expect(s.urgent).toBe(false)
      expect(s.text).toMatch(/^👀 请看一眼 #\d+/)
      expect(s.text).not.toMatch(/120|119|110/)
    }
    const rows = ctx.outbox.store.all()
    expect(rows.every((r) => r.ahead === true && r.urgent === false)).toBe(true)
  })

  it('is asked about once: a second message on the same ticket does not ask again', () => {
    const ctx = testContext()
    const m1 = ctx.post({ text: '隔壁老人好像在喊什么 听不清' })
    handleRequest(ctx, m1, triaged({ category: 'other', possibleUrgent: true, text: m1.text }), quietly)
    ctx.advance(60_000)
    const m2 = ctx.post({ text: '还是听不清 不知道是不是在喊人' })
    handleRequest(ctx, m2, triaged({ category: 'other', possibleUrgent: true, text: m2.text }), quietly)
    expect(ctx.sent()).toHaveLength(2)
  })

  it('is counted apart from emergencies in the steward digest', () => {
    const ctx = testContext()
    const m = ctx.post({ text: '我爸说头有点晕 走路不太稳' })
    const { ticket } = handleRequest(ctx, m, triaged({ category: 'medical', possibleUrgent: true, text: m.text }), quietly)
    const digest = stewardDigest(ctx, T0 - 1, T0 + 60_000)
    expect(digest).toContain(`👀 可能紧急 1:#${ticket.id}`)
    expect(digest).not.toContain('🚨 紧急')
  })
})

// Forms added to data/cues/ since the model was trained (`late_forms`) are read after the model:
// the model never saw them, so it is not asked to agree, and they leave its features alone (a
// retraining moves its other answers: docs/rounds.md, "Tried and not kept").
describe('cue forms added since the model was trained', () => {
  it('a late form of a certain kind makes the message urgent, with its response', () => {
    const r = triageWith('后山的山火往我们小区这边烧过来了，烟很大，物业能不能组织一下大家撤')
    expect(r.late).toBe('certain')
    expect(r.result.urgent).toBe(true)
    expect(r.result.emergency).toBe('fire')
  })
  it('a late form of a kind that is not certain is a possible emergency at least', () => {
    const r = triageWith('her waters have just broken, 我们在9楼 电梯坏了 没车')
    expect(r.late).toBe('possible')
    expect(r.result.urgent || r.result.possibleUrgent).toBe(true)
  })
  it('is switched off like any form: a fire already put out is no alarm', () => {
    const r = triageWith('后山的山火往我们小区这边烧过来了一阵，现在已经扑灭了，虚惊一场')
    expect(r.late).toBe(null)
    expect(r.result.urgent).toBe(false)
  })
  it('the model is not shown them: its features are those of the trained forms only', () => {
    const text = '后头坡上的山火往我们这边烧过来了'
    expect(assessLate(canonical(normalize(text))).cues).toContain('wildfire-approaching')
    expect(assessUrgency(canonical(normalize(text))).cues).not.toContain('wildfire-approaching')
  })
})
