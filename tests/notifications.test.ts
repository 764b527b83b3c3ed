// Notifications a steward will not mute (issue 19, item 1): alerts whose first line says what and
// where, one-line re-alerts, no SLA reminder doubling a re-alert, silence after 「好的」, digests
// only when something changed, and each steward's own settings. Simulated clock throughout.
import { describe, expect, it } from 'vitest'
import { digestHooks } from '../bot/digest-hooks.ts'
import { tick } from '../bot/scheduler.ts'
import { handleCommand } from '../handlers/commands.ts'
import { chaseEmergencies } from '../handlers/emergency.ts'
import { drainInbox } from '../handlers/pipeline.ts'
import { handleRequest } from '../handlers/requests.ts'
import { checkSla } from '../handlers/sla.ts'
import { testContext, triaged } from './helpers/handler-context.ts'

const quietly = { quiet: false, silent: false }
const loc = { building: '3', unit: '1', floor: '3', room: '302' }
const FALL = '快来人帮帮忙 我妈在卫生间摔倒了 起不来 流了好多血'

function emergency(ctx: ReturnType<typeof testContext>) {
  const m = ctx.post({ text: FALL, talkerName: '3-1-302 吴奶奶家' })
  return handleRequest(ctx, m, triaged({ category: 'medical', urgent: true, emergency: 'medical', location: loc, text: m.text }), quietly)
    .ticket
}

const toSteward = (ctx: ReturnType<typeof testContext>, id: string) => ctx.sent().filter((s) => s.to === id)

describe('alerts', () => {
  it("puts where and what in the alert's first line, with the number", () => {
    const ctx = testContext()
    const t = emergency(ctx)
    const alert = toSteward(ctx, 'steward-wang')[0]
    const first = alert.text.split('\n')[0]
    expect(first).toMatch(/^🆘 3栋1单元302 急救:快来人帮帮忙 我妈在卫生间/)
    expect(first.endsWith(`#${t.id}`)).toBe(true)
    expect(first.length).toBeLessThanOrEqual(40)
    expect(alert.text).toContain(`认领 ${t.id}`)
    expect(alert.urgent).toBe(true)
  })

  it('keeps the words of a person in crisis off the first line', () => {
    const ctx = testContext()
    const m = ctx.post({ text: '活着真没意思 不想撑下去了', talkerName: '岁月静好' })
    const t = handleRequest(ctx, m, triaged({ category: 'emotional', urgent: true, emergency: 'suicide', text: m.text }), quietly).ticket
    const first = toSteward(ctx, 'steward-wang')[0].text.split('\n')[0]
    expect(first).toBe(`🆘 6栋2楼 心理危机,请尽快联系本人 #${t.id}`)
  })

  it('re-alerts in one line to whoever had the full alert, and in full to a steward who came on shift', () => {
    const ctx = testContext({ TRIAGE_ONDUTY: '08:00-09:05=steward-wang;09:05-20:00=steward-wang,steward-li', TRIAGE_REALERT_MIN: '3' })
    const t = emergency(ctx)
    expect(
      ctx
        .sent()
        .filter((s) => s.kind === 'contact')
        .map((s) => s.to),
    ).toEqual(['steward-wang'])
    ctx.advance(3 * 60_000)
    chaseEmergencies(ctx)
    expect(toSteward(ctx, 'steward-wang').at(-1)!.text).toBe(
      `🆘 #${t.id} 仍无人认领(09:00起,第2次提醒)3栋1单元302 急救,回复「认领 ${t.id}」`,
    )
    ctx.advance(3 * 60_000) // 09:06: steward-li has come on shift
    chaseEmergencies(ctx)
    const li = toSteward(ctx, 'steward-li')
    expect(li).toHaveLength(1)
    expect(li[0].text.split('\n')).toHaveLength(5)
    expect(li[0].text).toContain(`原话:${FALL}`)
    expect(toSteward(ctx, 'steward-wang').at(-1)!.text.split('\n')).toHaveLength(1)
    ctx.advance(3 * 60_000)
    chaseEmergencies(ctx)
    // Now both have the full alert: one line each.
    for (const id of ['steward-wang', 'steward-li']) expect(toSteward(ctx, id).at(-1)!.text).toMatch(/^🆘 #\d+ 仍无人认领.*第4次提醒/)
    for (const s of ctx.sent().filter((x) => x.kind === 'contact')) expect(s.urgent).toBe(true)
  })

  it('sends no SLA reminder about an emergency that is being re-alerted, but still records the breach', () => {
    // No periodic digest: SLA reminders go on their own (otherwise the digest carries them).
    const ctx = testContext({
      TRIAGE_REALERT_MIN: '3',
      TRIAGE_SLA_URGENT_MIN: '5',
      TRIAGE_SLA_NORMAL_MIN: '60',
      TRIAGE_STEWARD_DIGEST_EVERY_MIN: '0',
    })
    const t = emergency(ctx)
    const m = ctx.post({ text: '家里水管漏了', talkerId: 'res-09' })
    const repair = handleRequest(ctx, m, triaged({ category: 'repair', text: m.text }), quietly).ticket
    for (let i = 0; i < 6; i++) {
      ctx.advance(60_000)
      chaseEmergencies(ctx)
      checkSla(ctx)
    }
    expect(ctx.tickets.get(t.id)!.slaBreached).toBe(true)
    expect(ctx.sent().filter((s) => s.text.includes('超时未认领'))).toHaveLength(0)
    expect(ctx.sent().filter((s) => s.to === 'steward-wang' && s.text.includes(`#${t.id} 仍无人认领`))).toHaveLength(2)
    // An everyday ticket past its deadline is still reminded.
    ctx.advance(60 * 60_000)
    checkSla(ctx)
    const reminders = ctx.sent().filter((s) => s.text.startsWith('⏰ 超时未认领'))
    expect(reminders.length).toBe(2)
    expect(reminders[0].text).toContain(`#${repair.id}`)
    expect(reminders[0].text).not.toContain(`#${t.id} `)
  })
})

describe('acknowledgements from stewards', () => {
  it.each(['好的', '收到', '谢谢', 'ok', 'OK!', '好的 谢谢', '收到👌', '辛苦了'])('「%s」 gets no reply', (text) => {
    const ctx = testContext()
    ctx.post({ text: `@楼管家 ${text}`, talkerId: 'steward-wang', talkerName: '物业小王', mentionsSelf: true })
    ctx.post({ text, talkerId: 'steward-li', talkerName: '管家李姐', roomId: null, roomTopic: null })
    drainInbox(ctx)
    expect(ctx.sent()).toEqual([])
  })

  it('something it does not understand still gets the help', () => {
    const ctx = testContext()
    ctx.post({ text: '删除全部', talkerId: 'steward-li', talkerName: '管家李姐', roomId: null, roomTopic: null })
    drainInbox(ctx)
    expect(ctx.sent()[0].text).toContain('没看懂')
  })
})

describe('the periodic steward digest', () => {
  const file = (ctx: ReturnType<typeof testContext>, text = '家里水管漏了') =>
    handleRequest(ctx, ctx.post({ text, talkerId: `res-${text.length}-${ctx.clock()}` }), triaged({ category: 'repair', text }), quietly)
      .ticket

  it('goes out only when something changed since the last one', () => {
    const ctx = testContext({
      TRIAGE_STEWARDS: 'steward-wang=物业小王',
      TRIAGE_SLA_NORMAL_MIN: '600',
      TRIAGE_SLA_HIGH_MIN: '600',
      TRIAGE_STEWARD_DIGEST_EVERY_MIN: '60',
    })
    const hooks = digestHooks()
    const digests = () => ctx.sent().filter((s) => s.text.startsWith('📋 管家简报'))
    tick(ctx, hooks) // 09:00: the first tick only sets the mark
    file(ctx)
    ctx.advance(60 * 60_000)
    tick(ctx, hooks)
    expect(digests()).toHaveLength(1)
    ctx.advance(60 * 60_000)
    tick(ctx, hooks) // nothing happened in the hour
    expect(digests()).toHaveLength(1)
    const t = file(ctx, '楼道灯坏了')
    ctx.advance(60 * 60_000)
    tick(ctx, hooks)
    expect(digests()).toHaveLength(2)
    expect(digests()[1].text).toContain(`#${t.id}`)
    // A claim is a change too.
    ctx.advance(60_000)
    handleCommand(ctx, ctx.post({ text: `认领 ${t.id}`, talkerId: 'steward-wang', roomId: null, roomTopic: null }))
    ctx.advance(59 * 60_000)
    tick(ctx, hooks)
    expect(digests()).toHaveLength(3)
  })

  it("follows a steward's own settings only off shift", () => {
    const ctx = testContext({
      TRIAGE_ONDUTY: '08:00-14:00=steward-wang;14:00-20:00=steward-li',
      TRIAGE_WORKING_HOURS: '08:00-20:00',
      TRIAGE_STEWARD_DIGEST_EVERY_MIN: '60',
    })
    const hooks = digestHooks()
    const ask = (id: string, text: string) => {
      handleCommand(ctx, ctx.post({ text, talkerId: id, roomId: null, roomTopic: null }))
      return ctx.sent().at(-1)!.text
    }
    expect(ask('steward-li', '设置 简报 每3小时')).toContain('每3小时')
    expect(ask('steward-li', '设置 免打扰 ２２:００-０７:００')).toContain('22:00-07:00')
    expect(ask('steward-wang', '设置 简报 关')).toContain('定时简报:不发')
    expect(ask('steward-wang', '设置 免打扰 25点')).toContain('格式')
    expect(ask('steward-li', '设置')).toMatch(/每3小时[\s\S]*22:00-07:00/)
    // On shift, steward-wang still gets the hourly digest (the configured one): his 「简报 关」 applies off shift only.
    const digests = (id: string) => ctx.sent().filter((s) => s.to === id && s.text.startsWith('📋 管家简报'))
    tick(ctx, hooks)
    for (let h = 0; h < 4; h++) {
      ctx.advance(60_000)
      file(ctx, `水管漏了${h}`)
      ctx.advance(59 * 60_000)
      tick(ctx, hooks)
    }
    expect(digests('steward-wang')).toHaveLength(4)
  })

  it('with no shift schedule, quiet hours hold back digests and SLA reminders, never an emergency or a 「请看一眼」', () => {
    const ctx = testContext({ TRIAGE_SLA_HIGH_MIN: '30' })
    const hooks = digestHooks()
    handleCommand(ctx, ctx.post({ text: '设置 免打扰 9:30-12:00', talkerId: 'steward-li', roomId: null, roomTopic: null }))
    handleCommand(ctx, ctx.post({ text: '设置 简报 每2小时', talkerId: 'steward-wang', roomId: null, roomTopic: null }))
    const count = (id: string, re: RegExp) => ctx.sent().filter((s) => s.to === id && re.test(s.text)).length
    tick(ctx, hooks) // 09:00, the mark
    const m = ctx.post({ text: '降压药吃完了', talkerId: 'res-08' })
    handleRequest(ctx, m, triaged({ category: 'medical', text: m.text }), quietly)
    for (let i = 0; i < 12; i++) {
      ctx.advance(10 * 60_000)
      tick(ctx, hooks)
    }
    // 11:00: steward-li is in quiet hours, steward-wang wants a digest every two hours, and the
    // breach of 09:00's request (10:00) is in it rather than in a message of its own.
    expect(count('steward-li', /^📋 管家简报/)).toBe(0)
    expect(count('steward-li', /^⏰ 超时未认领/)).toBe(0)
    expect(count('steward-wang', /^⏰ 超时未认领/)).toBe(0)
    expect(count('steward-wang', /^📋 管家简报/)).toBe(1)
    expect(
      ctx
        .sent()
        .find((s) => s.to === 'steward-wang' && s.text.startsWith('📋 管家简报'))!
        .text.split('\n')[1],
    ).toMatch(/^⏰ 超时未认领 1 件\(新 1 件\):#\d+$/)
    const e = ctx.post({ text: FALL, talkerId: 'res-07' })
    handleRequest(ctx, e, triaged({ category: 'medical', urgent: true, emergency: 'medical', location: loc, text: e.text }), quietly)
    const p = ctx.post({ text: '隔壁老人好像一天没动静了', talkerId: 'res-06' })
    handleRequest(ctx, p, triaged({ category: 'other', possibleUrgent: true, text: p.text }), quietly)
    expect(count('steward-li', /^🆘 3栋1单元302/)).toBe(1)
    expect(count('steward-li', /^👀 请看一眼/)).toBe(1)
  })
})

describe('news on an emergency already alerted', () => {
  const neighbour = (ctx: ReturnType<typeof testContext>, text: string, over: Partial<Parameters<typeof triaged>[0]> = {}) => {
    const m = ctx.post({ text, talkerId: 'res-12', talkerName: '3-1-303 邻居' })
    return handleRequest(ctx, m, triaged({ category: 'medical', text, ...over }), quietly)
  }

  it('while nobody has claimed it, goes to every on-duty steward with the claim prompt', () => {
    const ctx = testContext()
    const t = emergency(ctx)
    ctx.advance(60_000)
    const filed = neighbour(ctx, '快打120 她说头晕', { urgent: true, emergency: 'medical' })
    expect(filed.ticket.id).toBe(t.id)
    for (const id of ['steward-wang', 'steward-li']) {
      const last = toSteward(ctx, id).at(-1)!
      expect(last.text).toBe(`🆘 #${t.id} 补充(3-1-303 邻居):快打120 她说头晕\n仍无人认领,回复「认领 ${t.id}」`)
      expect(last.urgent).toBe(true)
    }
  })

  it('a possible emergency joining it is relayed too, with no 「请看一眼」 and no reply in the group', () => {
    const ctx = testContext()
    const t = emergency(ctx)
    ctx.advance(60_000)
    const rooms = ctx.sent().filter((s) => s.kind === 'room').length
    neighbour(ctx, '好像没动静了 快来人看看', { possibleUrgent: true })
    expect(toSteward(ctx, 'steward-li').at(-1)!.text).toContain(`🆘 #${t.id} 补充(3-1-303 邻居):好像没动静了`)
    expect(ctx.sent().some((s) => s.text.startsWith('👀'))).toBe(false)
    expect(ctx.sent().filter((s) => s.kind === 'room')).toHaveLength(rooms)
  })

  it('goes only to the steward who claimed it, once someone has', () => {
    const ctx = testContext()
    const t = emergency(ctx)
    ctx.advance(60_000)
    handleCommand(ctx, ctx.post({ text: `认领 ${t.id}`, talkerId: 'steward-li', roomId: null, roomTopic: null }))
    const before = toSteward(ctx, 'steward-wang').length
    ctx.advance(60_000)
    neighbour(ctx, '120还没到 她说头晕', { urgent: true, emergency: 'medical' })
    expect(toSteward(ctx, 'steward-wang')).toHaveLength(before)
    expect(toSteward(ctx, 'steward-li').at(-1)!.text).toBe(`🆘 #${t.id} 补充(3-1-303 邻居):120还没到 她说头晕`)
  })

  it('while nobody has claimed it, a relay is a reminder: the next re-alert counts from it', () => {
    const ctx = testContext({ TRIAGE_REALERT_MIN: '3' })
    const t = emergency(ctx)
    ctx.advance(2 * 60_000)
    neighbour(ctx, '快打120', { urgent: true, emergency: 'medical' })
    ctx.advance(60_000) // 3 minutes after the alert, 1 after the relay: no re-alert yet
    chaseEmergencies(ctx)
    const about = () => toSteward(ctx, 'steward-wang').filter((s) => s.text.includes(`#${t.id}`))
    expect(about()).toHaveLength(2)
    ctx.advance(2 * 60_000) // 3 minutes after the relay
    chaseEmergencies(ctx)
    expect(about()).toHaveLength(3)
    expect(about().at(-1)!.text).toMatch(/仍无人认领.*第2次提醒/)
  })
})

describe('news within a minute of the last message about an emergency', () => {
  const say = (
    ctx: ReturnType<typeof testContext>,
    text: string,
    over: Partial<Parameters<typeof triaged>[0]> = {},
    talkerId = 'res-12',
  ) => {
    const m = ctx.post({ text, talkerId, talkerName: talkerId === 'res-01' ? '3-1-302 吴奶奶家' : '3-1-303 邻居' })
    return handleRequest(ctx, m, triaged({ category: 'medical', urgent: true, emergency: 'medical', text, ...over }), quietly)
  }
  const about = (ctx: ReturnType<typeof testContext>, id: number) => toSteward(ctx, 'steward-wang').filter((s) => s.text.includes(`#${id}`))

  it('waits for the next re-alert, which carries it', () => {
    const ctx = testContext({ TRIAGE_REALERT_MIN: '3' })
    const t = emergency(ctx)
    ctx.advance(70_000)
    say(ctx, '快打120')
    ctx.advance(20_000)
    say(ctx, '她说腿好像动不了', { urgent: false, possibleUrgent: true, emergency: null })
    expect(about(ctx, t.id)).toHaveLength(2) // the alert and the first relay
    ctx.advance(160_000) // three minutes after the relay
    chaseEmergencies(ctx)
    expect(about(ctx, t.id)).toHaveLength(3)
    expect(about(ctx, t.id).at(-1)!.text).toBe(
      `🆘 #${t.id} 仍无人认领(09:00起,第2次提醒)3栋1单元302 急救,回复「认领 ${t.id}」\n补充:3-1-303 邻居:她说腿好像动不了`,
    )
    // Said once: the re-alert after that has no 补充.
    ctx.advance(3 * 60_000)
    chaseEmergencies(ctx)
    expect(about(ctx, t.id).at(-1)!.text).not.toContain('补充')
  })

  it('goes to the steward who claims the emergency before its re-alert', () => {
    const ctx = testContext({ TRIAGE_REALERT_MIN: '3' })
    const t = emergency(ctx)
    ctx.advance(20_000)
    say(ctx, '好像还在流血', { urgent: false, possibleUrgent: true, emergency: null })
    expect(about(ctx, t.id)).toHaveLength(1)
    ctx.advance(30_000)
    handleCommand(ctx, ctx.post({ text: `认领 ${t.id}`, talkerId: 'steward-li', roomId: null, roomTopic: null }))
    ctx.advance(30_000)
    chaseEmergencies(ctx)
    expect(toSteward(ctx, 'steward-li').at(-1)!.text).toBe(`🆘 #${t.id} 补充:3-1-303 邻居:好像还在流血`)
    expect(about(ctx, t.id)).toHaveLength(1)
    ctx.advance(60_000)
    chaseEmergencies(ctx)
    expect(toSteward(ctx, 'steward-li').filter((s) => s.text.includes('好像还在流血'))).toHaveLength(1)
  })

  it('never holds back an alarm of its own: minutes matter', () => {
    const ctx = testContext({ TRIAGE_REALERT_MIN: '3' })
    const t = emergency(ctx)
    ctx.advance(20_000)
    say(ctx, '她不呼吸了 快来人')
    const relayed = about(ctx, t.id)
    expect(relayed).toHaveLength(2)
    expect(relayed.at(-1)!.text).toContain('她不呼吸了')
  })

  it("the reporter's own alarm in other words is news on their emergency, not a second one", () => {
    const ctx = testContext()
    const t = emergency(ctx) // res-01
    ctx.advance(90_000)
    const filed = say(ctx, '打了 一直占线', { category: 'other', urgent: false, emergency: null, possibleUrgent: true }, 'res-01')
    expect(filed.ticket.id).toBe(t.id)
    expect(ctx.sent().some((s) => s.text.startsWith('👀'))).toBe(false)
    expect(toSteward(ctx, 'steward-wang').at(-1)!.text).toContain(`🆘 #${t.id} 补充(3-1-302 吴奶奶家):打了 一直占线`)
    // An emergency of another kind from the same person is a new one.
    ctx.advance(60_000)
    const fire = say(ctx, '厨房着火了', { category: 'other', emergency: 'fire' }, 'res-01')
    expect(fire.created).toBe(true)
  })
})

describe('SLA breaches', () => {
  it('go into the next steward digest, listed first, instead of a message of their own', () => {
    const ctx = testContext({ TRIAGE_SLA_HIGH_MIN: '60' }) // the default digest: every 4 hours
    const hooks = digestHooks()
    tick(ctx, hooks) // 09:00, the mark
    const m = ctx.post({ text: '降压药吃完了', talkerId: 'res-08' })
    const t = handleRequest(ctx, m, triaged({ category: 'medical', text: m.text }), quietly).ticket
    for (let i = 0; i < 4 * 12; i++) {
      ctx.advance(5 * 60_000)
      tick(ctx, hooks)
    }
    expect(ctx.tickets.get(t.id)!.slaBreached).toBe(true)
    for (const id of ['steward-wang', 'steward-li']) {
      const mine = toSteward(ctx, id)
      expect(mine.map((s) => s.text.split('\n')[0])).toEqual(['📋 管家简报 00:00–13:00'])
      expect(mine[0].text.split('\n')[1]).toBe(`⏰ 超时未认领 1 件(新 1 件):#${t.id}`)
    }
  })

  it('still come as a reminder to a steward who gets no digest now: digests off, or outside working hours', () => {
    const ctx = testContext({ TRIAGE_SLA_HIGH_MIN: '60', TRIAGE_WORKING_HOURS: '08:00-20:00' })
    handleCommand(ctx, ctx.post({ text: '设置 简报 关', talkerId: 'steward-li', roomId: null, roomTopic: null }))
    const m = ctx.post({ text: '降压药吃完了', talkerId: 'res-08' })
    const t = handleRequest(ctx, m, triaged({ category: 'medical', text: m.text }), quietly).ticket
    ctx.advance(61 * 60_000)
    checkSla(ctx)
    const reminders = (id: string) => toSteward(ctx, id).filter((s) => s.text.startsWith('⏰ 超时未认领'))
    expect(reminders('steward-li')).toHaveLength(1)
    expect(reminders('steward-li')[0].text).toContain(`#${t.id}`)
    expect(reminders('steward-wang')).toHaveLength(0)
    // At night nobody gets a digest: the reminder goes to whoever is on duty.
    ctx.setNow(new Date(2022, 3, 18, 21, 0).getTime())
    const n = ctx.post({ text: '家里没有药了 很难受', talkerId: 'res-09' })
    handleRequest(ctx, n, triaged({ category: 'medical', text: n.text }), quietly)
    ctx.advance(61 * 60_000)
    checkSla(ctx)
    expect(reminders('steward-wang')).toHaveLength(1)
  })
})
