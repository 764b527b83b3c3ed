// Help-desk basics (issue 19, item 3) and the command fixes of item 2: 回复 (answering a resident
// through the bot), 备注 (a note that does not close), the satisfaction question and its answer,
// 转派 N @自己, full-width digits. Handler level, on the simulated clock.
import { describe, expect, it } from 'vitest'
import type { Category } from '../classifiers/types.ts'
import type { TriageResult } from '../classifiers/triage.ts'
import { STEWARD_HELP, handleCommand, parseCommand } from '../handlers/commands.ts'
import { processInbound } from '../handlers/pipeline.ts'
import { handleRequest } from '../handlers/requests.ts'
import { SATISFACTION_WINDOW_MS, parseSatisfaction, satisfactionCounts } from '../handlers/satisfaction.ts'
import type { Ticket } from '../store/tickets.ts'
import { T0, testContext, triaged, type TestContext } from './helpers/handler-context.ts'
import { databaseBefore } from './helpers/old-schema.ts'

const quietly = { quiet: false, silent: false }
const FLOOR = 'floor-6-2@chatroom'
const wang = { talkerId: 'steward-wang', talkerName: '物业小王', roomId: null, roomTopic: null }

function file(ctx: TestContext, category: Category, text: string, over: Partial<TriageResult> = {}, who: object = {}): Ticket {
  const m = ctx.post({ text, ...who })
  return handleRequest(ctx, m, triaged({ category, text, ...over }), quietly).ticket
}

function command(ctx: TestContext, text: string, who: object = wang) {
  const before = ctx.outbox.store.all().length
  handleCommand(ctx, ctx.post({ ...wang, ...who, text }))
  return ctx.outbox.store.all().slice(before)
}

const toStaff = (rows: ReturnType<typeof command>, id = 'steward-wang') => rows.filter((r) => r.to.id === id).map((r) => r.text)

/** A resident's private message through the whole pipeline; returns the rows it added. */
function privately(ctx: TestContext, talkerId: string, text: string) {
  const before = ctx.outbox.store.all().length
  processInbound(ctx, ctx.post({ talkerId, roomId: null, roomTopic: null, text }))
  return ctx.outbox.store.all().slice(before)
}

describe('回复 N 文本', () => {
  it('answers a repair ticket in the resident’s group with their @, signed with the steward’s name', () => {
    const ctx = testContext()
    const t = file(ctx, 'repair', '6栋1单元楼道灯不亮')
    const rows = command(ctx, `@楼管家 回复 ${t.id} 师傅下午两点上门。`)
    const group = rows.filter((r) => r.to.kind === 'room')
    expect(group).toHaveLength(1)
    expect(group[0]).toMatchObject({ to: { id: FLOOR }, mentions: ['res-01'] })
    expect(group[0].text).toBe(`#${t.id} 物业小王回复:师傅下午两点上门。`)
    expect(toStaff(rows)).toEqual([`已回复 #${t.id} 的居民(在原群@了本人)。`])
    expect(ctx.tickets.events(t.id).find((e) => e.action === 'answered')).toMatchObject({
      actorId: 'steward-wang',
      detail: '师傅下午两点上门。',
    })
    expect(ctx.tickets.get(t.id)?.state).toBe('open')
  })

  it('answers a medical ticket only privately, and only where it can arrive', () => {
    const ctx = testContext()
    ctx.reach.set('res-01', true)
    const t = file(ctx, 'medical', '降压药吃完了 能帮忙买吗')
    const rows = command(ctx, `回复 ${t.id} 药下午送到`)
    expect(rows.filter((r) => r.to.kind === 'room')).toEqual([])
    expect(rows.filter((r) => r.to.id === 'res-01').map((r) => r.text)).toEqual([`#${t.id} 物业小王回复:药下午送到。`])

    const other = testContext()
    other.reach.set('res-01', false)
    const s = file(other, 'medical', '降压药吃完了 能帮忙买吗')
    const refused = command(other, `回复 ${s.id} 药下午送到`)
    expect(refused.filter((r) => r.to.id !== 'steward-wang')).toEqual([])
    expect(toStaff(refused)[0]).toContain('请直接电话或上门联系')
    expect(other.tickets.events(s.id).some((e) => e.action === 'answered')).toBe(false)
  })

  it('an answer to an emotional ticket clears 「未回复」', () => {
    const ctx = testContext()
    ctx.reach.set('res-01', true)
    const t = file(ctx, 'emotional', '一个人关在家 好孤单')
    expect(ctx.reports.emotionalUnanswered().map((x) => x.id)).toEqual([t.id])
    command(ctx, `回复 ${t.id} 阿姨,我晚点给您打电话`)
    expect(ctx.reports.emotionalUnanswered()).toEqual([])
  })

  it('needs a text, and is for staff only', () => {
    const ctx = testContext()
    const t = file(ctx, 'repair', '6栋1单元楼道灯不亮')
    expect(toStaff(command(ctx, `回复 ${t.id}`))[0]).toContain('格式不对')
    const resident = command(ctx, `@楼管家 回复 ${t.id} 我自己修好了`, {
      talkerId: 'res-02',
      talkerName: '6-1-202 李',
      roomId: FLOOR,
      mentionsSelf: true,
    })
    expect(resident.map((r) => r.text).join()).toContain('只有物业管家')
    expect(resident.some((r) => r.text.includes('我自己修好了'))).toBe(false)
  })
})

describe('备注 N 文本', () => {
  it('is kept on the ticket, closes nothing and tells no resident', () => {
    const ctx = testContext()
    const t = file(ctx, 'repair', '6栋1单元楼道灯不亮')
    command(ctx, `认领 ${t.id}`)
    const rows = command(ctx, `备注 ${t.id} 灯泡型号不对,明天再来`)
    expect(rows.map((r) => r.to.id)).toEqual(['steward-wang'])
    expect(ctx.tickets.get(t.id)).toMatchObject({ state: 'claimed', note: null })
    expect(ctx.tickets.events(t.id).find((e) => e.action === 'noted')?.detail).toBe('灯泡型号不对,明天再来')
  })

  it('clears 「未回复」 on an emotional ticket without closing it', () => {
    const ctx = testContext()
    const t = file(ctx, 'emotional', '一个人关在家 好孤单')
    const rows = command(ctx, `备注 ${t.id} 已电话聊过,明天再打`)
    expect(toStaff(rows)[0]).toContain('已标为已回复')
    expect(rows.filter((r) => r.to.id === 'res-01')).toEqual([])
    expect(ctx.reports.emotionalUnanswered()).toEqual([])
    expect(ctx.tickets.get(t.id)?.state).toBe('open')
  })

  it('is in the steward help, with 回复', () => {
    expect(STEWARD_HELP).toMatch(/回复 N 文本/)
    expect(STEWARD_HELP).toMatch(/备注 N 文本/)
  })
})

describe('转派 N @自己', () => {
  it('works when the bot itself suggests it', () => {
    const ctx = testContext()
    const t = file(ctx, 'repair', '6栋1单元楼道灯不亮')
    command(ctx, `认领 ${t.id}`, { talkerId: 'steward-li', talkerName: '李姐' })
    const refusal = toStaff(command(ctx, `认领 ${t.id}`))[0]
    const suggested = /「(转派 \d+ @自己)」/.exec(refusal)![1]
    const rows = command(ctx, `@楼管家 ${suggested}`)
    expect(ctx.tickets.get(t.id)?.claimedBy).toBe('steward-wang')
    expect(toStaff(rows)).toEqual([`#${t.id} 已转给您自己。`])
  })

  it('tells the steward it goes to who passed it, by name, never by contact id', () => {
    const ctx = testContext()
    const t = file(ctx, 'repair', '6栋1单元楼道灯不亮')
    command(ctx, `认领 ${t.id}`)
    const rows = command(ctx, `转派 ${t.id} @管家李姐`)
    const notice = rows.filter((r) => r.to.id === 'steward-li').map((r) => r.text)
    expect(notice).toHaveLength(1)
    expect(notice[0]).toContain(`#${t.id}`)
    expect(notice[0]).not.toMatch(/steward-|manager-|wxid_/)
  })

  it('is refused to a manager, who is not a steward who could take it', () => {
    const ctx = testContext()
    const t = file(ctx, 'repair', '6栋1单元楼道灯不亮')
    command(ctx, `转派 ${t.id} @自己`, { talkerId: 'manager-zhou', talkerName: '周总' })
    expect(ctx.tickets.get(t.id)?.claimedBy).toBeNull()
  })
})

describe('full-width digits', () => {
  it('are read in every command: 认领 １, ＃１, 完成 １, 设置 简报 每３小时, 队列 ６栋', () => {
    expect(parseCommand('认领 １')).toEqual({ name: 'claim', args: '1' })
    expect(parseCommand('@楼管家\u2005认领１２')).toEqual({ name: 'claim', args: '12' })
    const ctx = testContext()
    const t = file(ctx, 'repair', '6栋1单元楼道灯不亮', { location: { building: '6', unit: '1', floor: null, room: null } })
    expect(t.id).toBe(1)
    command(ctx, '认领 １')
    expect(ctx.tickets.get(1)).toMatchObject({ state: 'claimed', claimedBy: 'steward-wang' })
    command(ctx, '备注 ＃１ 明天上午')
    expect(ctx.tickets.events(1).some((e) => e.action === 'noted')).toBe(true)
    const queue = toStaff(command(ctx, '队列 ６栋'))[0]
    expect(queue).toContain('#1')
    command(ctx, '设置 简报 每３小时')
    expect(ctx.settings.get('steward-wang').digestEveryMin).toBe(180)
    command(ctx, '完成 １ 已换灯泡')
    expect(ctx.tickets.get(1)?.state).toBe('done')
  })
})

describe('satisfaction', () => {
  function doneRepair(ctx: TestContext, friend = true) {
    ctx.reach.set('res-01', friend)
    const t = file(ctx, 'repair', '6栋1单元楼道灯不亮')
    command(ctx, `完成 ${t.id} 已换灯泡`)
    return t
  }

  it('a resident who is a friend is asked privately, once, after the done notice', () => {
    const ctx = testContext()
    const t = doneRepair(ctx)
    const rows = ctx.outbox.store.all()
    const asked = rows.filter((r) => r.to.id === 'res-01')
    expect(asked).toHaveLength(1)
    expect(asked[0]).toMatchObject({ purpose: 'followup', text: `#${t.id} 办得怎么样?回复 1 满意,2 不满意。` })
    expect(rows.findIndex((r) => r.to.kind === 'room' && r.text.includes('已处理好'))).toBeLessThan(rows.indexOf(asked[0]))
    // Reopened and done again: not asked twice.
    command(ctx, `重开 ${t.id}`)
    command(ctx, `完成 ${t.id} 又换了一次`)
    expect(ctx.outbox.store.all().filter((r) => r.to.id === 'res-01')).toHaveLength(1)
  })

  it('nobody is asked who is not a friend, nor a steward, nor about a medical or emotional ticket', () => {
    const ctx = testContext()
    doneRepair(ctx, false)
    expect(ctx.outbox.store.all().filter((r) => r.to.kind === 'contact' && r.to.id !== 'steward-wang')).toEqual([])

    const logged = testContext()
    const t = file(logged, 'repair', '3-2-502 王阿姨来电 水管漏水', {}, { ...wang, mentionsSelf: true })
    const rows = command(logged, `完成 ${t.id} 已修好`)
    // The steward who logged it gets the answer to the command, and nothing else.
    expect(rows.map((r) => r.to.id)).toEqual(['steward-wang'])
    expect(rows[0].text).toContain('工作人员代为登记')

    const medical = testContext()
    medical.reach.set('res-01', true)
    const m = file(medical, 'medical', '降压药吃完了')
    expect(command(medical, `完成 ${m.id} 已送药`).filter((r) => r.text.includes('办得怎么样'))).toEqual([])
  })

  it('a private 1 or 不满意 soon after is recorded on the ticket, thanked, and counted for the day', () => {
    const ctx = testContext()
    const t = doneRepair(ctx)
    ctx.advance(20 * 60_000)
    const rows = privately(ctx, 'res-01', '１')
    expect(rows.map((r) => [r.to.id, r.text])).toEqual([['res-01', '收到,谢谢您的反馈!']])
    expect(ctx.tickets.satisfactionOf(t.id, 'res-01')).toBe('satisfied')
    expect(ctx.tickets.events(t.id).find((e) => e.action === 'satisfaction')?.detail).toBe('satisfied')
    // A second 「2」 has no question left to answer: it is an ordinary message.
    privately(ctx, 'res-01', '2')
    expect(ctx.tickets.satisfactionOf(t.id, 'res-01')).toBe('satisfied')

    ctx.reach.set('res-02', true)
    const u = file(ctx, 'pet', '家里猫粮没了', {}, { talkerId: 'res-02', talkerName: '6-1-202 李' })
    command(ctx, `完成 ${u.id} 送了猫粮`)
    privately(ctx, 'res-02', '不满意!')
    expect(ctx.tickets.satisfactionOf(u.id, 'res-02')).toBe('unsatisfied')

    const day = new Date(T0)
    const start = new Date(day.getFullYear(), day.getMonth(), day.getDate()).getTime()
    expect(satisfactionCounts(ctx, start, start + 86_400_000)).toEqual({ satisfied: 1, unsatisfied: 1 })
    expect(satisfactionCounts(ctx, start + 86_400_000, start + 2 * 86_400_000)).toEqual({ satisfied: 0, unsatisfied: 0 })
  })

  it('an answer long after the question, in a group, or with no question asked is not recorded', () => {
    const ctx = testContext()
    const t = doneRepair(ctx)
    processInbound(ctx, ctx.post({ talkerId: 'res-01', text: '1' }))
    expect(ctx.tickets.satisfactionOf(t.id, 'res-01')).toBeNull()
    ctx.advance(SATISFACTION_WINDOW_MS + 60_000)
    privately(ctx, 'res-01', '1')
    expect(ctx.tickets.satisfactionOf(t.id, 'res-01')).toBeNull()
    expect(satisfactionCounts(ctx, 0, Number.MAX_SAFE_INTEGER)).toEqual({ satisfied: 0, unsatisfied: 0 })

    const fresh = testContext()
    fresh.reach.set('res-05', true)
    privately(fresh, 'res-05', '满意')
    expect(fresh.outbox.store.all().some((r) => r.text.includes('谢谢您的反馈'))).toBe(false)
  })

  it('reads the answers a phone sends', () => {
    for (const s of ['1', '１', '1 满意', '满意', '非常满意!', '满意。']) expect(parseSatisfaction(s)).toBe('satisfied')
    for (const s of ['2', '２', '2不满意', '不满意', '不太满意']) expect(parseSatisfaction(s)).toBe('unsatisfied')
    for (const s of ['12', '1201', '满意吗', '3', '灯又坏了']) expect(parseSatisfaction(s)).toBeNull()
  })
})

describe('the satisfaction columns', () => {
  it('a database of the previous schema gains them; one newer than the code is refused', async () => {
    const { SCHEMA_VERSION } = await import('../store/migrations.ts')
    const { openStore } = await import('../store/store.ts')
    const { Tickets } = await import('../store/tickets.ts')
    // The schema just before the satisfaction columns, whatever came after them.
    const { path, db: old } = databaseBefore('satisfaction_asked_at')
    old
      .prepare(`INSERT INTO tickets (id, category, priority, talker_id, created_at, updated_at) VALUES (7, 'repair', 3, 'res-01', 1, 1)`)
      .run()
    old.prepare(`INSERT INTO ticket_reporters (ticket_id, talker_id, room_id) VALUES (7, 'res-01', NULL)`).run()
    old.close()
    const db = openStore(path)
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION)
    const tickets = new Tickets(db)
    expect(tickets.satisfactionOf(7, 'res-01')).toBeNull()
    expect(tickets.askSatisfaction(7, 'res-01', 10)).toBe(true)
    expect(tickets.awaitingSatisfaction('res-01', 0)).toBe(7)
    db.close()

    const n = openStore(path)
    n.pragma(`user_version = ${SCHEMA_VERSION + 1}`)
    n.close()
    expect(() => openStore(path)).toThrow(/newer/)
  })
})
