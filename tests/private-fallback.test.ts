// Private only where it can arrive (issue 18, item 1): with a puppet that refuses private
// messages to non-friends, each kind of message takes its own way round, and a send that
// fails after its retries becomes a notice to a steward.
import pino from 'pino'
import { afterEach, describe, expect, it } from 'vitest'
import { MAX_ATTEMPTS } from '../store/outbox.ts'
import { startMockCommunity, type MockCommunity } from '../testing/mock-community.ts'
import { databaseBefore } from './helpers/old-schema.ts'

const log = pino({ level: 'silent' })
const FAST = { TRIAGE_RATE_PER_MIN: '1000', TRIAGE_RATE_PER_ROOM_MS: '0' }
const FLOOR = 'floor-3-5@chatroom'
let c: MockCommunity | null = null

afterEach(async () => {
  await c?.stop()
  c = null
})

const outbox = () => c!.runtime.ctx.outbox.store.all()

describe("a private message to someone who is not the bot's friend", () => {
  it("a resident's crisis: the on-duty stewards and managers are asked to reach the person, nothing goes to the group", async () => {
    c = await startMockCommunity({ log, env: FAST, strangers: ['res-05'] })
    c.say('res-05', FLOOR, '撑不下去了 活着没意思 不想活了')
    await c.settle()
    await c.settle()
    expect(c.delivered.filter((d) => d.roomId)).toEqual([])
    // Held back before sending (unknown or not a friend counts as unreachable for a crisis).
    expect(c.delivered.some((d) => d.toId === 'res-05')).toBe(false)
    expect(outbox().find((r) => r.purpose === 'crisis')).toMatchObject({ state: 'diverted', to: { id: 'res-05' } })
    for (const id of ['steward-wang', 'steward-li', 'manager-zhou']) {
      const notice = c.delivered.find((d) => d.toId === id && d.text.includes('未能私信到本人,请电话或上门联系'))
      expect(notice, id).toBeDefined()
      expect(notice!.text).toContain('12356')
      expect(notice!.text).toContain('可以这样开口')
    }
  })

  it('「我的」: answered in the group with ticket numbers only, never a medical or emotional one', async () => {
    c = await startMockCommunity({ log, env: FAST, strangers: ['res-01'] })
    c.say('res-01', FLOOR, '我家厨房水管漏水了,麻烦来修一下')
    c.say('res-01', FLOOR, '家里老人降压药吃完了,能帮忙买点吗')
    await c.settle()
    const tickets = c.runtime.ctx.tickets.byTalker('res-01', 10)
    const repair = tickets.find((t) => t.category === 'repair')!
    const medical = tickets.find((t) => t.category === 'medical')!
    expect(repair && medical).toBeTruthy()
    c.say('res-01', FLOOR, '我的', { mentionBot: true })
    await c.settle()
    await c.settle()
    const answer = c.delivered.filter((d) => d.roomId === FLOOR).at(-1)!
    expect(answer.text).toContain(`#${repair.id}`)
    expect(answer.text).not.toContain(`#${medical.id}`)
    expect(answer.text).not.toMatch(/漏水|降压药|报修|医疗/)
    expect(c.delivered.some((d) => d.toId === 'res-01')).toBe(false)
  })

  it('a private done notice is handed to the steward who closed the ticket', async () => {
    c = await startMockCommunity({ log, env: FAST, strangers: ['res-01'] })
    c.say('res-01', null, '我家厨房水管漏水了,麻烦来修一下')
    await c.settle()
    const t = c.runtime.ctx.tickets.byTalker('res-01', 10)[0]
    c.say('steward-wang', null, `认领 ${t.id}`)
    c.say('steward-wang', null, `完成 ${t.id} 已换新水管`)
    await c.settle()
    await c.settle()
    expect(c.delivered.some((d) => d.toId === 'res-01')).toBe(false)
    const handed = c.delivered.find((d) => d.toId === 'steward-wang' && d.text.includes('完成通知'))
    expect(handed?.text).toContain(`#${t.id}`)
    expect(handed?.text).toContain('已换新水管')
    expect(handed?.text).toContain('请您转告')
    // Its acknowledgement, private too, was handed on as well.
    expect(c.delivered.some((d) => d.toId === 'steward-wang' && d.text.includes('的回复未能私信送达'))).toBe(true)
  })
})

describe('a send that keeps failing', () => {
  it('becomes a notice to a steward after its last retry, never only a log line', async () => {
    c = await startMockCommunity({ log, env: FAST })
    // steward-li removed the bot after the login check: alerts to her fail at the service.
    c.contact('steward-li').payload.friend = false
    c.say('res-01', FLOOR, '我的手受伤了,血流不止 快来人')
    for (let i = 0; i < MAX_ATTEMPTS + 1; i++) await c.settle()
    expect(c.puppet.refused.filter((id) => id === 'steward-li')).toHaveLength(MAX_ATTEMPTS)
    expect(outbox().find((r) => r.to.id === 'steward-li' && r.purpose === 'alert')?.state).toBe('failed')
    const notice = c.delivered.find((d) => d.toId === 'steward-wang' && d.text.includes('管家李姐') && d.text.includes('未能送达'))
    expect(notice).toBeDefined()
  })
})

describe('the outbox purpose column', () => {
  it('a database of the previous schema gains it, pending rows counting as plain replies', async () => {
    const { SCHEMA_VERSION } = await import('../store/migrations.ts')
    const { openStore } = await import('../store/store.ts')
    const { OutboxStore } = await import('../store/outbox.ts')
    // The schema just before the purpose column, whatever came after it.
    const { path, db: old } = databaseBefore('ADD COLUMN purpose')
    old
      .prepare(
        `INSERT INTO outbox (created_at, to_kind, to_id, text, mentions, urgent, ahead) VALUES (1, 'contact', 'res-01', '您好', '[]', 0, 0)`,
      )
      .run()
    old.close()
    const db = openStore(path)
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION)
    expect(new OutboxStore(db).pending()).toEqual([expect.objectContaining({ to: { kind: 'contact', id: 'res-01' }, purpose: 'reply' })])
    db.close()
  })
})
