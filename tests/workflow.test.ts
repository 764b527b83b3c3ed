// Handler tests for the steward workflow: tickets, merges, priorities, emergencies, SLA and commands.
// Triage results are written by hand so these tests pin the workflow, not the model.
import { describe, expect, it } from 'vitest'
import { handleCommand, parseCommand } from '../handlers/commands.ts'
import { onDutyStewards, parseConfig } from '../handlers/config.ts'
import { chaseEmergencies } from '../handlers/emergency.ts'
import { basePriority, claimDeadline, effectivePriority, AGE_STEP_MS } from '../handlers/priority.ts'
import { handleRequest } from '../handlers/requests.ts'
import { checkSla } from '../handlers/sla.ts'
import { cancelRequest } from '../handlers/tickets.ts'
import { drainInbox } from '../handlers/pipeline.ts'
import { T0, testContext, triaged } from './helpers/handler-context.ts'

const loc = (building: string, unit: string | null, room: string | null) => ({
  building,
  unit,
  floor: room ? room.slice(0, -2) : null,
  room,
})
const quietly = { quiet: false, silent: false }

describe('tickets', () => {
  it('files a request once, acknowledges in the group with the number, and a repeat updates the same ticket', () => {
    const ctx = testContext()
    const m1 = ctx.post({ text: '家里水龙头一直滴水 麻烦看看' })
    const a = handleRequest(ctx, m1, triaged({ category: 'repair', text: m1.text }), quietly)
    expect(a.created).toBe(true)
    expect(ctx.sent()).toEqual([
      expect.objectContaining({
        kind: 'room',
        to: 'floor-6-2@chatroom',
        mentions: ['res-01'],
        text: expect.stringContaining(`#${a.ticket.id}`),
      }),
    ])
    const m2 = ctx.post({ text: '水龙头还在滴 今天能来吗' })
    const b = handleRequest(ctx, m2, triaged({ category: 'repair', text: m2.text }), quietly)
    expect(b.created).toBe(false)
    expect(b.ticket.id).toBe(a.ticket.id)
    expect(ctx.tickets.messages(a.ticket.id)).toHaveLength(2)
    expect(ctx.sent()).toHaveLength(1)
  })

  it('takes the location from the message first, then the group alias, then the room topic', () => {
    const ctx = testContext()
    const m = ctx.post({ text: '她住4-3-502 老人需要药', talkerName: '6-1-201 王阿姨' })
    const t = handleRequest(ctx, m, triaged({ category: 'medical', location: loc('4', '3', '502'), text: m.text }), quietly).ticket
    expect([t.building, t.unit, t.room]).toEqual(['4', '3', '502'])
    const m2 = ctx.post({ text: '要买菜', talkerId: 'res-02', talkerName: '快乐每一天' })
    const t2 = handleRequest(ctx, m2, triaged({ category: 'grocery', text: m2.text }), quietly).ticket
    expect([t2.building, t2.floor, t2.room]).toEqual(['6', '2', null])
  })

  it('merges several residents reporting the same shared fault at the same place into one ticket with every reporter', () => {
    const ctx = testContext()
    const reports = [
      { talkerId: 'res-01', talkerName: '6-1-201 王阿姨', text: '6栋1单元楼道灯不亮了' },
      { talkerId: 'res-02', talkerName: '6-1-202 李', text: '楼道的灯坏了 黑乎乎的' },
      { talkerId: 'res-03', talkerName: '6栋1单元203 陈', text: '我们单元楼道灯也不亮' },
    ]
    const ids = reports.map((r, i) => {
      ctx.advance(5 * 60_000 * i)
      const m = ctx.post(r)
      return handleRequest(ctx, m, triaged({ category: 'repair', location: i === 0 ? loc('6', '1', null) : null, text: r.text }), quietly)
        .ticket.id
    })
    expect(new Set(ids).size).toBe(1)
    expect(ctx.tickets.reporters(ids[0]).map((r) => r.talkerId)).toEqual(['res-01', 'res-02', 'res-03'])
    // A different unit's light is a different ticket.
    const other = ctx.post({ talkerId: 'res-09', talkerName: '6-2-201 赵', text: '楼道灯不亮' })
    expect(handleRequest(ctx, other, triaged({ category: 'repair', text: other.text }), quietly).ticket.id).not.toBe(ids[0])
  })

  it('a leak in one home is not merged into the corridor-light ticket of the same resident', () => {
    const ctx = testContext()
    const a = ctx.post({ text: '楼道灯不亮' })
    const t1 = handleRequest(ctx, a, triaged({ category: 'repair', text: a.text }), quietly).ticket
    const b = ctx.post({ text: '厨房水管漏水了' })
    const t2 = handleRequest(ctx, b, triaged({ category: 'repair', text: b.text }), quietly).ticket
    expect(t2.id).not.toBe(t1.id)
  })

  it("a resident's cancellation closes their ticket and its order", () => {
    const ctx = testContext()
    const m = ctx.post({ text: '土豆3斤' })
    const t = handleRequest(
      ctx,
      m,
      triaged({ category: 'grocery', text: m.text, items: [{ name: '土豆', qty: 3, unit: '斤', alternatives: [] }] }),
      quietly,
    ).ticket
    expect(ctx.orders.byTicket(t.id)?.state).toBe('open')
    const c = ctx.post({ text: '菜不用买了 邻居给了' })
    expect(cancelRequest(ctx, c, 'grocery')?.id).toBe(t.id)
    expect(ctx.tickets.get(t.id)?.state).toBe('cancelled')
    expect(ctx.orders.byTicket(t.id)?.state).toBe('cancelled')
  })

  it('asking again after a cancellation reopens the same ticket and its order', () => {
    const ctx = testContext()
    const m = ctx.post({ text: '土豆3斤' })
    const t = handleRequest(
      ctx,
      m,
      triaged({ category: 'grocery', text: m.text, items: [{ name: '土豆', qty: 3, unit: '斤', alternatives: [] }] }),
      quietly,
    ).ticket
    cancelRequest(ctx, ctx.post({ text: '不用买了' }), 'grocery')
    ctx.advance(5 * 60_000)
    const again = ctx.post({ text: '还是要买 土豆3斤' })
    const t2 = handleRequest(
      ctx,
      again,
      triaged({ category: 'grocery', text: again.text, items: [{ name: '土豆', qty: 3, unit: '斤', alternatives: [] }] }),
      quietly,
    ).ticket
    expect(t2.id).toBe(t.id)
    expect(t2.state).toBe('open')
    expect(ctx.orders.byTicket(t.id)?.state).toBe('open')
  })

  it('a backlog message is filed but alerts nobody and replies to nobody', () => {
    const ctx = testContext()
    const m = ctx.post({ text: '我妈摔倒了 头在流血', at: T0 - 3 * 3600_000 })
    const filed = handleRequest(ctx, m, triaged({ category: 'medical', urgent: true, emergency: 'medical', text: m.text }), {
      quiet: true,
      silent: false,
    })
    expect(filed.ticket.urgent).toBe(true)
    expect(ctx.sent()).toEqual([])
  })
})

describe('staff in the groups', () => {
  it("files nothing from a steward's or manager's own group messages", () => {
    const ctx = testContext()
    for (const [talkerId, text] of [
      ['steward-li', '大家千万不要开关灯 先开窗 燃气公司马上到'],
      ['manager-zhou', '6栋的电梯今天下午检修'],
      ['steward-wang', '@管家李姐 3栋有人要买菜 你那边方便吗'],
    ]) {
      const m = ctx.post({ talkerId, talkerName: talkerId, text })
      drainInbox(ctx)
      expect(ctx.inbox.get(m.id)?.state).toBe('done')
    }
    expect(ctx.tickets.queue()).toEqual([])
    expect(ctx.sent()).toEqual([])
  })
})

describe('stewards writing to the bot', () => {
  it('files a request a steward logs for a resident, with the door written in it; an unknown word gets the command list', () => {
    const ctx = testContext()
    const logged = ctx.post({
      talkerId: 'steward-li',
      talkerName: '管家李姐',
      roomId: null,
      roomTopic: null,
      text: '3-2-502 王阿姨来电 降压药吃完了 需要配药',
    })
    drainInbox(ctx)
    const [t] = ctx.tickets.queue()
    expect(t).toMatchObject({ category: 'medical', building: '3', unit: '2', room: '502' })
    expect(ctx.inbox.get(logged.id)?.ticketId).toBe(t.id)
    ctx.post({ talkerId: 'steward-wang', talkerName: '物业小王', roomId: null, roomTopic: null, text: '今天辛苦大家了' })
    drainInbox(ctx)
    expect(ctx.sent().at(-1)).toMatchObject({ to: 'steward-wang', text: expect.stringContaining('没看懂') })
    expect(ctx.tickets.queue()).toHaveLength(1)
  })
})

describe('priority', () => {
  it('ranks urgent, then health and red-tier households, then the rest, and ages tickets up but never into P0', () => {
    expect(basePriority({ urgent: true, category: 'pet', tier: null, needsReview: false })).toBe(0)
    expect(basePriority({ urgent: false, category: 'medical', tier: null, needsReview: false })).toBe(1)
    expect(basePriority({ urgent: false, category: 'grocery', tier: 'red', needsReview: false })).toBe(1)
    expect(basePriority({ urgent: false, category: 'grocery', tier: 'green', needsReview: false })).toBe(2)
    expect(basePriority({ urgent: false, category: 'pet', tier: null, needsReview: false })).toBe(3)
    expect(effectivePriority({ priority: 3, createdAt: 0 }, AGE_STEP_MS)).toBe(2)
    expect(effectivePriority({ priority: 3, createdAt: 0 }, 10 * AGE_STEP_MS)).toBe(1)
  })

  it('uses the household register tier matched through the location', () => {
    const ctx = testContext()
    ctx.households.upsert({ building: '6', unit: '1', room: '201', tier: 'red', note: '独居老人' })
    const m = ctx.post({ text: '家里没菜了', talkerName: '6-1-201 王阿姨' })
    const t = handleRequest(ctx, m, triaged({ category: 'grocery', text: m.text }), quietly).ticket
    expect(t.tier).toBe('red')
    expect(t.priority).toBe(1)
  })

  it('sets claim deadlines per priority: 5 min urgent, 1 h high, end of day otherwise', () => {
    const config = parseConfig({})
    expect(claimDeadline(config, 0, T0) - T0).toBe(5 * 60_000)
    expect(claimDeadline(config, 1, T0) - T0).toBe(3600_000)
    expect(new Date(claimDeadline(config, 2, T0)).getHours()).toBe(23)
  })
})

describe('emergencies', () => {
  it('alerts every on-duty steward privately and urgently, with text, place, tier and ticket number; tells the resident to call 120', () => {
    const ctx = testContext()
    ctx.households.upsert({ building: '6', unit: '1', room: '201', tier: 'red', note: '独居老人 高血压' })
    const m = ctx.post({ text: '我的手受伤了 血流不止' })
    const t = handleRequest(ctx, m, triaged({ category: 'medical', urgent: true, emergency: 'medical', text: m.text }), quietly).ticket
    const sent = ctx.sent()
    const alerts = sent.filter((s) => s.kind === 'contact')
    expect(alerts.map((a) => a.to).sort()).toEqual(['steward-li', 'steward-wang'])
    for (const a of alerts) {
      expect(a.urgent).toBe(true)
      expect(a.text).toContain(`#${t.id}`)
      expect(a.text).toContain('血流不止')
      expect(a.text).toContain('6栋1单元201')
      expect(a.text).toContain('红色档案')
    }
    const group = sent.find((s) => s.kind === 'room')!
    expect(group.text).toContain('120')
    expect(group.mentions).toEqual(['res-01'])
  })

  it('gives 119 for a gas smell', () => {
    const ctx = testContext()
    const m = ctx.post({ text: '楼道里好大的煤气味' })
    handleRequest(ctx, m, triaged({ category: 'repair', urgent: true, emergency: 'gas', text: m.text }), quietly)
    expect(ctx.sent().find((s) => s.kind === 'room')?.text).toContain('119')
  })

  it('handles talk of suicide privately: hotline to the resident, alert to stewards and managers, nothing in the group', () => {
    const ctx = testContext()
    const m = ctx.post({ text: '活着没意思 不想活了' })
    handleRequest(ctx, m, triaged({ category: 'emotional', urgent: true, emergency: 'suicide', text: m.text }), quietly)
    const sent = ctx.sent()
    expect(sent.filter((s) => s.kind === 'room')).toEqual([])
    expect(sent.map((s) => s.to).sort()).toEqual(['manager-zhou', 'res-01', 'steward-li', 'steward-wang'])
    expect(sent.find((s) => s.to === 'res-01')?.text).toContain('12356')
  })

  it('only alerts the stewards on duty when a schedule is set', () => {
    const ctx = testContext({ TRIAGE_ONDUTY: '08:00-20:00=steward-wang;20:00-08:00=steward-li' })
    expect(onDutyStewards(ctx.config, T0)).toEqual(['steward-wang'])
    expect(onDutyStewards(ctx.config, T0 + 12 * 3600_000)).toEqual(['steward-li'])
    const m = ctx.post({ text: '电梯困人了' })
    handleRequest(ctx, m, triaged({ category: 'repair', urgent: true, emergency: 'trapped', text: m.text }), quietly)
    expect(
      ctx
        .sent()
        .filter((s) => s.kind === 'contact')
        .map((s) => s.to),
    ).toEqual(['steward-wang'])
  })

  it('re-alerts an unclaimed emergency every few minutes and escalates to managers after the delay; a claim stops it', () => {
    const ctx = testContext({ TRIAGE_REALERT_MIN: '3', TRIAGE_ESCALATE_MIN: '10' })
    const m = ctx.post({ text: '老人晕倒了' })
    const t = handleRequest(ctx, m, triaged({ category: 'medical', urgent: true, emergency: 'medical', text: m.text }), quietly).ticket
    const count = () => ctx.sent().length
    const initial = count()
    ctx.advance(2 * 60_000)
    chaseEmergencies(ctx)
    expect(count()).toBe(initial)
    ctx.advance(60_000)
    chaseEmergencies(ctx)
    expect(
      ctx
        .sent()
        .slice(initial)
        .map((s) => s.to)
        .sort(),
    ).toEqual(['steward-li', 'steward-wang'])
    ctx.advance(7 * 60_000)
    chaseEmergencies(ctx)
    expect(ctx.sent().some((s) => s.to === 'manager-zhou' && s.text.includes('无人认领'))).toBe(true)
    handleCommand(ctx, ctx.post({ text: `认领 ${t.id}`, talkerId: 'steward-wang', roomId: null, roomTopic: null }))
    const before = count()
    ctx.advance(10 * 60_000)
    chaseEmergencies(ctx)
    expect(count()).toBe(before)
  })
})

describe('SLA', () => {
  it('reminds on-duty stewards once per overdue ticket and records the breach', () => {
    // With no periodic digest to carry it, the breach is a reminder of its own.
    const ctx = testContext({ TRIAGE_STEWARD_DIGEST_EVERY_MIN: '0' })
    const m = ctx.post({ text: '降压药快吃完了' })
    const t = handleRequest(ctx, m, triaged({ category: 'medical', text: m.text }), quietly).ticket
    ctx.advance(59 * 60_000)
    expect(checkSla(ctx)).toBe(0)
    ctx.advance(2 * 60_000)
    expect(checkSla(ctx)).toBe(1)
    expect(ctx.tickets.get(t.id)?.slaBreached).toBe(true)
    expect(
      ctx
        .sent()
        .filter((s) => s.text.includes('超时未认领'))
        .map((s) => s.to)
        .sort(),
    ).toEqual(['steward-li', 'steward-wang'])
    ctx.advance(60 * 60_000)
    expect(checkSla(ctx)).toBe(0)
  })
})

describe('commands', () => {
  const steward = { talkerId: 'steward-wang', talkerName: '物业小王', mentionsSelf: true }

  function withTicket(text = '6栋1单元楼道灯不亮') {
    const ctx = testContext()
    const m = ctx.post({ text })
    const t = handleRequest(ctx, m, triaged({ category: 'repair', text }), quietly).ticket
    return { ctx, t, acks: ctx.sent().length }
  }

  it('parses command words with @-mentions, Chinese and English', () => {
    expect(parseCommand('@楼管家\u2005认领 12')).toEqual({ name: 'claim', args: '12' })
    expect(parseCommand('@楼管家 queue repair')).toEqual({ name: 'queue', args: 'repair' })
    expect(parseCommand('完成12 已修好')).toEqual({ name: 'done', args: '12 已修好' })
    expect(parseCommand('@楼管家 我家停水了')).toBeNull()
  })

  it('answers 队列 typed in a group privately, by priority', () => {
    const { ctx, acks } = withTicket()
    const urgent = ctx.post({ text: '有人晕倒了', talkerId: 'res-05' })
    handleRequest(ctx, urgent, triaged({ category: 'medical', urgent: true, emergency: 'medical', text: urgent.text }), quietly)
    const before = ctx.sent().length
    expect(acks).toBe(1)
    handleCommand(ctx, ctx.post({ ...steward, text: '@楼管家 队列' }))
    const reply = ctx.sent().slice(before)
    expect(reply).toHaveLength(1)
    expect(reply[0]).toMatchObject({ kind: 'contact', to: 'steward-wang' })
    expect(reply[0].text.indexOf('有人晕倒了')).toBeLessThan(reply[0].text.indexOf('楼道灯'))
  })

  it('claim, done with a note: the reporter is @-mentioned back in the room where they asked; everything is recorded', () => {
    const { ctx, t, acks } = withTicket()
    handleCommand(ctx, ctx.post({ ...steward, text: `@楼管家 认领 ${t.id}` }))
    expect(ctx.tickets.get(t.id)).toMatchObject({ state: 'claimed', claimedBy: 'steward-wang' })
    handleCommand(ctx, ctx.post({ ...steward, text: `@楼管家 完成 ${t.id} 已换灯泡` }))
    expect(ctx.tickets.get(t.id)).toMatchObject({ state: 'done', resolvedBy: 'steward-wang', note: '已换灯泡' })
    const closing = ctx
      .sent()
      .slice(acks)
      .find((s) => s.kind === 'room')!
    expect(closing).toMatchObject({ to: 'floor-6-2@chatroom', mentions: ['res-01'] })
    expect(closing.text).toContain('已换灯泡')
    expect(ctx.tickets.events(t.id).map((e) => [e.action, e.actorId])).toEqual(
      expect.arrayContaining([
        ['claimed', 'steward-wang'],
        ['done', 'steward-wang'],
      ]),
    )
  })

  it('acknowledges an emotional ticket privately, and closes it in the group with a neutral line only', () => {
    const ctx = testContext()
    const m = ctx.post({ text: '一个人关在家 好孤单' })
    const t = handleRequest(ctx, m, triaged({ category: 'emotional', text: m.text }), quietly).ticket
    expect(ctx.sent().every((s) => s.kind === 'contact')).toBe(true)
    handleCommand(ctx, ctx.post({ ...steward, text: `完成 ${t.id} 已电话聊过` }))
    expect(
      ctx
        .sent()
        .filter((s) => s.kind === 'room')
        .map((s) => s.text),
    ).toEqual([`#${t.id} 已处理。`])
  })

  it('assigns to a configured steward by @name, recategorizes, dismisses and reopens', () => {
    const { ctx, t } = withTicket()
    handleCommand(ctx, ctx.post({ ...steward, text: `转派 ${t.id} @管家李姐` }))
    expect(ctx.tickets.get(t.id)?.claimedBy).toBe('steward-li')
    expect(ctx.sent().some((s) => s.to === 'steward-li' && s.text.includes(`#${t.id}`))).toBe(true)
    handleCommand(ctx, ctx.post({ ...steward, text: `转派 ${t.id} @隔壁老王` }))
    expect(ctx.tickets.get(t.id)?.claimedBy).toBe('steward-li')
    handleCommand(ctx, ctx.post({ ...steward, text: `改类 ${t.id} 就医` }))
    expect(ctx.tickets.get(t.id)?.category).toBe('medical')
    handleCommand(ctx, ctx.post({ ...steward, text: `驳回 ${t.id}` }))
    expect(ctx.tickets.get(t.id)?.state).toBe('dismissed')
    handleCommand(ctx, ctx.post({ ...steward, text: `重开 ${t.id}` }))
    expect(ctx.tickets.get(t.id)?.state).toBe('open')
  })

  it('refuses steward commands from residents, including one renamed to a steward name', () => {
    const { ctx, t, acks } = withTicket()
    handleCommand(ctx, ctx.post({ talkerId: 'res-07', talkerName: '物业小王', mentionsSelf: true, text: `@楼管家 完成 ${t.id}` }))
    handleCommand(ctx, ctx.post({ talkerId: 'res-08', talkerName: '6-1-301 孙', mentionsSelf: true, text: '@楼管家 队列' }))
    expect(ctx.tickets.get(t.id)?.state).toBe('open')
    const replies = ctx.sent().slice(acks)
    expect(replies).toHaveLength(2)
    for (const r of replies) expect(r.text).toContain('只有物业管家')
    expect(replies.some((r) => r.text.includes('楼道灯'))).toBe(false)
  })

  it('rejects malformed and injected arguments without touching anything', () => {
    const { ctx, t } = withTicket()
    handleCommand(ctx, ctx.post({ ...steward, text: `完成 ${t.id}; 删除全部` }))
    handleCommand(ctx, ctx.post({ ...steward, text: '认领 99999' }))
    handleCommand(ctx, ctx.post({ ...steward, text: '认领 abc' }))
    expect(ctx.tickets.get(t.id)?.state).toBe('open')
    const replies = ctx
      .sent()
      .filter((s) => s.to === 'steward-wang')
      .map((s) => s.text)
    expect(replies[0]).toContain('格式不对')
    expect(replies[1]).toContain('没有找到 #99999')
    expect(replies[2]).toContain('格式不对')
  })

  it('shows a resident only their own tickets with 我的', () => {
    const { ctx, acks } = withTicket()
    const other = ctx.post({ talkerId: 'res-02', talkerName: '6-1-202 李', text: '我家漏水' })
    handleRequest(ctx, other, triaged({ category: 'repair', text: other.text }), quietly)
    const before = ctx.sent().length
    expect(acks).toBe(1)
    handleCommand(ctx, ctx.post({ talkerId: 'res-01', mentionsSelf: true, text: '@楼管家 我的' }))
    const reply = ctx.sent().slice(before)
    expect(reply).toHaveLength(1)
    expect(reply[0]).toMatchObject({ kind: 'contact', to: 'res-01' })
    expect(reply[0].text).toContain('报修')
    expect(ctx.tickets.byTalker('res-01').map((t) => t.talkerId)).toEqual(['res-01'])
  })
})
