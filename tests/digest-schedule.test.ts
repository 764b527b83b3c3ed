// The scheduler sends the daily digest (with its PNG) to every manager at
// TRIAGE_DIGEST_AT local time, once a day, and the steward digest every N
// minutes in working hours; the commands answer privately. Injected clock.
import { describe, expect, it } from 'vitest'
import { digestHooks } from '../bot/digest-hooks.ts'
import { tick } from '../bot/scheduler.ts'
import { openStore } from '../store/store.ts'
import { handleCommand } from '../handlers/commands.ts'
import { parseConfig } from '../handlers/config.ts'
import { createContext } from '../handlers/context.ts'

const at = (h: number, m = 0, dayOffset = 0) => new Date(2024, 3, 12 + dayOffset, h, m).getTime()

function setup(env: Record<string, string> = {}) {
  let now = at(7)
  const ctx = createContext(
    openStore(':memory:'),
    parseConfig({
      TRIAGE_STEWARDS: 'st-wang=小王',
      TRIAGE_MANAGERS: 'mgr-zhao,mgr-qian',
      TRIAGE_DIGEST_AT: '20:00',
      TRIAGE_STEWARD_DIGEST_EVERY_MIN: '60',
      TRIAGE_WORKING_HOURS: '08:00-20:00',
      ...env,
    }),
    () => now,
  )
  const hooks = digestHooks()
  const run = (t: number) => {
    now = t
    tick(ctx, hooks)
  }
  const to = (id: string) => ctx.outbox.store.sentTo(id)
  return {
    ctx,
    hooks,
    run,
    to,
    setNow: (t: number) => {
      now = t
    },
  }
}

let seq = 0
function file(ctx: ReturnType<typeof setup>['ctx'], at: number) {
  return ctx.tickets.create(
    {
      kind: 'request',
      category: 'repair',
      labels: ['repair'],
      urgent: false,
      emergency: null,
      needsReview: false,
      priority: 2,
      roomId: null,
      roomTopic: null,
      talkerId: `res-${++seq}`,
      talkerName: '3-2-502 王阿姨',
      building: '3',
      unit: '2',
      floor: '5',
      room: '502',
      tier: null,
      summary: '水管漏水',
      faultKey: null,
      createdAt: at,
      slaClaimDue: null,
      quiet: false,
    },
    null,
  )
}

describe('scheduled digests', () => {
  it('sends the daily digest with its chart to each manager at the configured local time, once', () => {
    const { ctx, run, to } = setup()
    file(ctx, at(9))
    run(at(19, 59))
    expect(to('mgr-zhao')).toHaveLength(0)
    run(at(20, 0))
    for (const id of ['mgr-zhao', 'mgr-qian']) {
      const sent = to(id)
      expect(sent).toHaveLength(1)
      expect(sent[0].to).toEqual({ kind: 'contact', id })
      expect(sent[0].text).toContain('📊 楼管家日报 2024-04-12(截至 20:00)')
      expect(sent[0].text).toContain('新事项 1 件')
      expect(sent[0].file?.name).toBe('daily.png')
      const png = Buffer.from(sent[0].file!.base64, 'base64')
      expect(png.subarray(1, 4).toString('ascii')).toBe('PNG')
      expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1080, 1350])
    }
    run(at(20, 30))
    run(at(23, 59))
    expect(to('mgr-zhao')).toHaveLength(1)
    // The next day fires again at its own 20:00, not before.
    run(at(19, 0, 1))
    expect(to('mgr-zhao')).toHaveLength(1)
    run(at(20, 1, 1))
    expect(to('mgr-zhao')).toHaveLength(2)
  })

  it('honours another TRIAGE_DIGEST_AT', () => {
    const { run, to } = setup({ TRIAGE_DIGEST_AT: '18:30' })
    run(at(18, 29))
    expect(to('mgr-qian')).toHaveLength(0)
    run(at(18, 30))
    expect(to('mgr-qian')).toHaveLength(1)
  })

  it('sends the steward digest every hour in working hours, not on the first tick after start-up', () => {
    const { ctx, run, to } = setup()
    run(at(8, 0))
    expect(to('st-wang')).toHaveLength(0)
    const t = file(ctx, at(8, 20))
    run(at(8, 30))
    expect(to('st-wang')).toHaveLength(0)
    run(at(9, 0))
    const sent = to('st-wang')
    expect(sent).toHaveLength(1)
    expect(sent[0].text).toContain(`新事项 1 件(#${t.id})`)
    run(at(21, 0)) // outside working hours
    expect(to('st-wang').filter((m) => m.text.startsWith('📋'))).toHaveLength(1)
  })
})

describe('digest commands', () => {
  const post = (ctx: ReturnType<typeof setup>['ctx'], talkerId: string, text: string, roomId: string | null = 'floor-3@chatroom') => {
    const r = ctx.inbox.store(
      {
        messageId: `c-${++seq}`,
        roomId,
        roomTopic: '3栋',
        talkerId,
        talkerName: 'x',
        text,
        type: 'text',
        mentionsSelf: true,
        at: ctx.clock(),
      },
      ctx.clock(),
    )
    if (!r.stored) throw new Error('not stored')
    return ctx.inbox.get(r.id)!
  }

  it('汇总 answers the steward privately, even when typed in a group', () => {
    const { ctx, hooks, setNow } = setup()
    setNow(at(10))
    file(ctx, at(9))
    expect(handleCommand(ctx, post(ctx, 'st-wang', '@楼管家 汇总'), hooks)).toBe(true)
    const sent = ctx.outbox.store.all()
    expect(sent).toHaveLength(1)
    expect(sent[0].to).toEqual({ kind: 'contact', id: 'st-wang' })
    expect(sent[0].text).toMatch(/^📋 管家简报/)
  })

  it('日报 from a manager sends the text and the image privately; residents cannot ask', () => {
    const { ctx, hooks, setNow } = setup()
    setNow(at(15))
    file(ctx, at(9))
    handleCommand(ctx, post(ctx, 'mgr-zhao', '日报', null), hooks)
    const sent = ctx.outbox.store.sentTo('mgr-zhao')
    expect(sent).toHaveLength(1)
    expect(sent[0].text).toContain('(截至 15:00)')
    expect(sent[0].file?.name).toBe('daily.png')
    handleCommand(ctx, post(ctx, 'res-9', '@楼管家 日报'), hooks)
    expect(ctx.outbox.store.all().filter((m) => m.file)).toHaveLength(1)
  })
})
