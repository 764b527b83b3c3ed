// What residents read when a ticket is done, or when the bot is unsure (issue 19, item 2): the
// steward's note in the group only for repair, grocery and pet; medical and emotional matters
// neutral in the group and in detail privately to a friend; a crisis never in the group nor
// invited back to it; a low-confidence guess with no category or hotline; one post per room for
// a merged ticket; names, never contact ids. Triage results are written by hand.
import { describe, expect, it } from 'vitest'
import type { Category } from '../classifiers/types.ts'
import { handleCommand } from '../handlers/commands.ts'
import { divertBeforeSending, divertUndeliverable } from '../handlers/fallback.ts'
import { handleRequest } from '../handlers/requests.ts'
import type { TriageResult } from '../classifiers/triage.ts'
import type { Ticket } from '../store/tickets.ts'
import { testContext, triaged, type TestContext } from './helpers/handler-context.ts'

const quietly = { quiet: false, silent: false }
const FLOOR = 'floor-6-2@chatroom'
const wang = { talkerId: 'steward-wang', talkerName: '物业小王', roomId: null, roomTopic: null }

function file(
  ctx: TestContext,
  category: Category,
  text: string,
  over: Partial<TriageResult> = {},
  who: Parameters<TestContext['post']>[0] | object = {},
): Ticket {
  const m = ctx.post({ text, ...who })
  return handleRequest(ctx, m, triaged({ category, text, ...over }), quietly).ticket
}

/** Runs a steward's command; returns every outbox row it added (with purpose). */
function command(ctx: TestContext, text: string) {
  const before = ctx.outbox.store.all().length
  handleCommand(ctx, ctx.post({ ...wang, text }))
  return ctx.outbox.store.all().slice(before)
}

const toResidents = (rows: ReturnType<typeof command>) => rows.filter((r) => r.to.id !== 'steward-wang')
const answer = (rows: ReturnType<typeof command>) => rows.filter((r) => r.to.id === 'steward-wang').map((r) => r.text)

describe('done notices, by category', () => {
  it('repair: the note in the group with the reporter @-mentioned, and no 「。。」 after a note ending in 。', () => {
    const ctx = testContext()
    const t = file(ctx, 'repair', '6栋1单元楼道灯不亮')
    const rows = toResidents(command(ctx, `完成 ${t.id} 已换灯泡。`))
    const group = rows.filter((r) => r.to.kind === 'room')
    expect(group).toHaveLength(1)
    expect(group[0]).toMatchObject({ to: { kind: 'room', id: FLOOR }, mentions: ['res-01'], purpose: 'done-notice' })
    expect(group[0].text).toBe(`您反映的 #${t.id} 已处理好:已换灯泡。如还有问题,随时在群里说。`)
    expect(group[0].text).not.toContain('。。')
  })

  it('grocery: a delivery reads as a delivery (送达), and a done note as things bought, not as a complaint closed', () => {
    const ctx = testContext()
    const potatoes = [{ name: '土豆', qty: 3, unit: '斤', alternatives: [] }]
    const t = file(ctx, 'grocery', '帮忙买3斤土豆', { items: potatoes })
    const delivered = toResidents(command(ctx, `送达 ${t.id}`)).filter((r) => r.to.kind === 'room')
    expect(delivered).toHaveLength(1)
    expect(delivered[0].text).toBe(`#${t.id} 您要的东西已送到门口,请及时取回。缺了什么或不对的,在群里说一声就行。`)
    expect(delivered[0].text).not.toMatch(/已处理|反映/)
    expect(ctx.tickets.get(t.id)?.state).toBe('done')

    const other = file(ctx, 'grocery', '帮忙买一箱牛奶', {}, { talkerId: 'res-02', talkerName: '6-1-202 李' })
    const done = toResidents(command(ctx, `完成 ${other.id} 牛奶买到了,放在门卫。`)).filter((r) => r.to.kind === 'room')
    expect(done[0].text).toBe(`#${other.id} 您要的东西已办好:牛奶买到了,放在门卫。缺了什么或不对的,在群里说一声就行。`)
  })

  it('pet: the note in the group, in its own words', () => {
    const ctx = testContext()
    const t = file(ctx, 'pet', '家里猫粮没了 出不去')
    const group = toResidents(command(ctx, `完成 ${t.id} 志愿者送了两袋猫粮`)).filter((r) => r.to.kind === 'room')
    expect(group.map((r) => r.text)).toEqual([`#${t.id} 宠物的事已办好:志愿者送了两袋猫粮。还有需要,随时在群里说。`])
  })

  it('medical: a neutral 「已处理」 in the group, the note privately to the resident who is a friend', () => {
    const ctx = testContext()
    ctx.reach.set('res-01', true)
    const t = file(ctx, 'medical', '我妈发烧39度 怎么办')
    const rows = command(ctx, `完成 ${t.id} 已叫120送医,女儿陪同。`)
    const group = rows.filter((r) => r.to.kind === 'room')
    expect(group.map((r) => r.text)).toEqual([`#${t.id} 已处理。`])
    expect(group[0].mentions).toEqual(['res-01'])
    const privately = rows.filter((r) => r.to.id === 'res-01')
    expect(privately).toHaveLength(1)
    expect(privately[0]).toMatchObject({ purpose: 'followup' })
    expect(privately[0].text).toBe(`您好,#${t.id} 管家已处理:已叫120送医,女儿陪同。身体还有不舒服,请随时告诉我们;情况紧急请直接拨打 120。`)
    expect(answer(rows)).toEqual([`#${t.id} 已完成,群里只说了「已处理」,详情已私信居民。`])
  })

  it('medical, resident not a friend: the details go to nobody — not the group, not the steward', () => {
    const ctx = testContext()
    ctx.reach.set('res-01', false)
    const t = file(ctx, 'medical', '我妈发烧39度 怎么办')
    const rows = command(ctx, `完成 ${t.id} 已叫120送医,女儿陪同`)
    expect(rows.filter((r) => r.text.includes('女儿陪同'))).toEqual([])
    expect(rows.filter((r) => r.to.kind === 'room').map((r) => r.text)).toEqual([`#${t.id} 已处理。`])
    // The steward's only message is the answer to the command, which says what happened.
    expect(answer(rows)).toHaveLength(1)
    expect(answer(rows)[0]).toContain('不是楼管家的好友')
  })

  it('emotional: a neutral 「已处理」 in the group; privately to a friend, warmly, with the hotline; to nobody otherwise', () => {
    const ctx = testContext()
    ctx.reach.set('res-01', true)
    const t = file(ctx, 'emotional', '一个人关在家 好孤单')
    const rows = command(ctx, `完成 ${t.id} 已电话聊过`)
    // the group reads that it is handled, never how (the note stays private)
    expect(rows.filter((r) => r.to.kind === 'room').map((r) => r.text)).toEqual([`#${t.id} 已处理。`])
    const note = rows.filter((r) => r.to.id === 'res-01')
    expect(note).toHaveLength(1)
    expect(note[0].purpose).toBe('followup')
    expect(note[0].text).toContain('12356')
    expect(note[0].text).not.toContain('群')

    const stranger = testContext()
    stranger.reach.set('res-01', false)
    const s = file(stranger, 'emotional', '一个人关在家 好孤单')
    const none = command(stranger, `完成 ${s.id} 已电话聊过`)
    expect(toResidents(none).filter((r) => r.to.kind === 'contact')).toEqual([])
    expect(none.filter((r) => r.text.includes('已电话聊过'))).toEqual([])
    expect(answer(none)).toHaveLength(1)
  })

  it('other: neutral in the group like medical, whatever the steward wrote', () => {
    const ctx = testContext()
    const t = file(ctx, 'other', '我家的事 麻烦管家看看', { needsReview: true })
    const rows = command(ctx, `完成 ${t.id} 帮忙联系了居委会`)
    expect(rows.filter((r) => r.to.kind === 'room').map((r) => r.text)).toEqual([`#${t.id} 已处理。`])
  })

  it('a follow-up that cannot arrive is handed to nobody (no steward notice)', () => {
    const ctx = testContext()
    const row = {
      id: 1,
      createdAt: 0,
      attempts: 5,
      to: { kind: 'contact' as const, id: 'res-01' },
      text: '您好,#1 管家已处理',
      purpose: 'followup' as const,
    }
    expect(divertBeforeSending(row, null)).toBe(true)
    expect(divertBeforeSending(row, true)).toBe(false)
    expect(divertUndeliverable(ctx, row, 'not-a-friend')).toBe(0)
    expect(divertUndeliverable(ctx, row, 'failed')).toBe(0)
    expect(ctx.sent()).toEqual([])
  })
})

describe('the crisis path', () => {
  it('from the first reply to the close, says nothing in the group and never invites the person back to it', () => {
    const ctx = testContext()
    ctx.reach.set('res-01', true)
    const t = file(ctx, 'emotional', '活着没意思 不想活了', { urgent: true, emergency: 'suicide' })
    command(ctx, `认领 ${t.id}`)
    command(ctx, `回复 ${t.id} 王阿姨,我是小王,我现在就过来看您`)
    command(ctx, `完成 ${t.id} 已上门陪伴,联系了女儿`)
    const all = ctx.outbox.store.all()
    expect(all.filter((r) => r.to.kind === 'room')).toEqual([])
    const toPerson = all.filter((r) => r.to.id === 'res-01')
    expect(toPerson.length).toBe(3)
    for (const r of toPerson) expect(r.text).not.toMatch(/群/)
    expect(toPerson.at(-1)?.text).toContain('12356')
  })
})

describe('a low-confidence guess (needsReview)', () => {
  it('gets a neutral acknowledgement without category or hotline, and waits in the queue', () => {
    const ctx = testContext()
    const t = file(ctx, 'medical', '我家有水啊 1201', { needsReview: true, confidence: 0.3 })
    const acks = ctx.sent()
    expect(acks).toHaveLength(1)
    expect(acks[0]).toMatchObject({ kind: 'room', to: FLOOR, mentions: ['res-01'] })
    expect(acks[0].text).toBe(`收到,管家会看一下(#${t.id})。`)
    expect(acks[0].text).not.toMatch(/就医|120|12356|报修|已登记/)
    expect(ctx.tickets.queue().map((q) => q.id)).toContain(t.id)
    expect(ctx.tickets.get(t.id)?.needsReview).toBe(true)
  })

  it('a confident guess keeps its category and hotline', () => {
    const ctx = testContext()
    file(ctx, 'medical', '我妈发烧39度 怎么办')
    expect(ctx.sent()[0].text).toContain('120')
  })
})

describe('a merged ticket', () => {
  it('is closed with one post per room that @-mentions all its reporters there', () => {
    const ctx = testContext()
    const loc = { building: '6', unit: '1', floor: null, room: null }
    const reports = [
      { talkerId: 'res-01', talkerName: '6-1-201 王阿姨', roomId: FLOOR, text: '6栋1单元楼道灯不亮了' },
      { talkerId: 'res-02', talkerName: '6-1-202 李', roomId: FLOOR, text: '6栋1单元楼道的灯坏了' },
      { talkerId: 'res-03', talkerName: '6-1-301 陈', roomId: 'building-6@chatroom', text: '6栋1单元楼道灯也不亮' },
      { talkerId: 'res-04', talkerName: '6-1-302 孙', roomId: FLOOR, text: '6栋1单元楼道灯不亮 黑乎乎' },
    ]
    const ids = reports.map((r) => file(ctx, 'repair', r.text, { location: loc }, r).id)
    expect(new Set(ids).size).toBe(1)
    const rooms = command(ctx, `完成 ${ids[0]} 已换灯泡`).filter((r) => r.to.kind === 'room')
    expect(rooms).toHaveLength(2)
    const floor = rooms.find((r) => r.to.id === FLOOR)!
    expect(floor.mentions).toEqual(['res-01', 'res-02', 'res-04'])
    expect(floor.text).toBe(`大家反映的 #${ids[0]} 已处理好:已换灯泡。如还有问题,随时在群里说。`)
    expect(rooms.find((r) => r.to.id === 'building-6@chatroom')).toMatchObject({ mentions: ['res-03'] })
  })
})

describe('names, not contact ids', () => {
  it('a claimed ticket is named by who has it, and the steward sees no contact id', () => {
    const ctx = testContext()
    const t = file(ctx, 'repair', '6栋1单元楼道灯不亮')
    handleCommand(ctx, ctx.post({ talkerId: 'steward-li', talkerName: '李姐', roomId: null, text: `认领 ${t.id}` }))
    const refusal = answer(command(ctx, `认领 ${t.id}`))[0]
    expect(refusal).toContain('管家李姐')
    expect(refusal).not.toContain('steward-li')
  })

  it('a notice about a message that could not arrive names the person, not their id', () => {
    const ctx = testContext()
    const row = {
      id: 9,
      createdAt: 0,
      attempts: 5,
      to: { kind: 'contact' as const, id: 'steward-li' },
      text: '🆘 #3',
      purpose: 'alert' as const,
    }
    divertUndeliverable(ctx, row, 'failed')
    const notices = ctx.sent().map((s) => s.text)
    expect(notices.length).toBeGreaterThan(0)
    for (const n of notices) {
      expect(n).toContain('管家李姐')
      expect(n).not.toContain('steward-li')
    }
  })
})
