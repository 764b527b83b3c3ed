// Bot-level tests: Wechaty + PuppetMock + the demo community fixture.
import pino from 'pino'
import { FileBox } from 'file-box'
import { afterEach, describe, expect, it } from 'vitest'
import { startMockCommunity, type MockCommunity } from '../testing/mock-community.ts'

const log = pino({ level: 'silent' })
const FAST = { TRIAGE_RATE_PER_MIN: '1000', TRIAGE_RATE_PER_ROOM_MS: '0' }
const FLOOR = 'floor-3-5@chatroom'
let c: MockCommunity | null = null

afterEach(async () => {
  await c?.stop()
  c = null
})

const rows = (sql: string, ...args: unknown[]) => c!.runtime.ctx.db.prepare(sql).all(...args) as Record<string, unknown>[]

describe('listening and persisting', () => {
  it("stores each message exactly once: text, a duplicate delivery with the same id, an image; not the bot's own", async () => {
    c = await startMockCommunity({ log, env: FAST })
    c.say('res-01', FLOOR, '大家早上好')
    await c.settle()
    const [first] = rows('SELECT message_id, talker_name, room_topic, state FROM inbound')
    expect(first).toMatchObject({ talker_name: '3-2-502 王阿姨', room_topic: '春江天境3栋5楼业主群', state: 'done' })
    // The same payload delivered again (puppets do this) is not stored twice.
    c.emitRaw({ id: String(first.message_id), talkerId: 'res-01', roomId: FLOOR, text: '大家早上好', timestamp: Date.now() })
    // Same person, same text, new id, seconds later: a re-delivery, dropped.
    c.emitRaw({ id: 'redelivered-1', talkerId: 'res-01', roomId: FLOOR, text: '大家早上好', timestamp: Date.now() })
    c.contact('res-02')
      .say(FileBox.fromBase64(Buffer.from('fake').toString('base64'), 'photo.jpg'))
      .to(c.room(FLOOR))
    await c.settle()
    const all = rows('SELECT talker_id, type, text FROM inbound ORDER BY id')
    expect(all).toEqual([
      { talker_id: 'res-01', type: 'text', text: '大家早上好' },
      { talker_id: 'res-02', type: 'image', text: '' },
    ])
    // The bot's own messages come back from the mock as events but are never stored.
    c.say('res-01', FLOOR, '帮助', { mentionBot: true })
    await c.settle()
    expect(rows(`SELECT count(*) AS n FROM inbound WHERE talker_id = 'bot-louguanjia'`)[0].n).toBe(0)
  })

  it('ignores rooms outside TRIAGE_ROOMS', async () => {
    c = await startMockCommunity({ log, env: { ...FAST, TRIAGE_ROOMS: '3栋5楼' } })
    c.say('res-10', 'floor-9-11@chatroom', '我家停水了')
    c.say('res-01', FLOOR, '我家停水了')
    await c.settle()
    expect(rows('SELECT room_id FROM inbound')).toEqual([{ room_id: FLOOR }])
  })

  it('answers @bot 帮助 in the group with the help text', async () => {
    c = await startMockCommunity({ log, env: FAST })
    c.say('res-01', FLOOR, '@楼管家 帮助', { mentionBot: true })
    await c.settle()
    const reply = c.delivered.find((d) => d.roomId === FLOOR)
    expect(reply?.text).toContain('楼管家')
    expect(reply?.text).toContain('我的')
  })

  it("files a shopping list as an order with the location from the resident's name", async () => {
    c = await startMockCommunity({ log, env: FAST })
    c.say('res-01', FLOOR, '我要土豆3斤、萝卜3根、鸡蛋10个')
    await c.settle()
    const order = c.runtime.ctx.orders.openByTalker('res-01')
    expect(order).toMatchObject({ building: '3', unit: '2', room: '502' })
    expect(order!.lines.map((l) => [l.name, l.qty, l.unit])).toEqual([
      ['土豆', 3, '斤'],
      ['萝卜', 3, '根'],
      ['鸡蛋', 10, '个'],
    ])
    expect(c.delivered.find((d) => d.roomId === FLOOR)?.text).toMatch(/#\d+/)
  })
})

describe('the steward loop', () => {
  it('alerts stewards privately about an emergency; a steward claims and resolves it by @-mention; the resident is @-mentioned back in the same room', async () => {
    c = await startMockCommunity({ log, env: FAST })
    c.say('res-01', FLOOR, '我的手受伤了,血流不止 快来人')
    await c.settle()
    const alerts = c.delivered.filter((d) => d.toId === 'steward-wang' || d.toId === 'steward-li')
    expect(alerts.map((a) => a.toId).sort()).toEqual(['steward-li', 'steward-wang'])
    const id = /#(\d+)/.exec(alerts[0].text)![1]
    expect(alerts[0].text).toContain('血流不止')
    const groupAck = c.delivered.find((d) => d.roomId === FLOOR)!
    expect(groupAck.text).toContain('120')
    // Wechaty writes the @-mention into the text (the mock drops the id list).
    expect(groupAck.text.startsWith('@3-2-502 王阿姨')).toBe(true)

    c.say('steward-wang', FLOOR, `@楼管家 认领 ${id}`, { mentionBot: true })
    c.say('steward-wang', FLOOR, `@楼管家 完成 ${id} 已包扎,送社区医院`, { mentionBot: true })
    await c.settle()
    expect(c.runtime.ctx.tickets.get(Number(id))).toMatchObject({ state: 'done', claimedBy: 'steward-wang' })
    const closing = c.delivered.filter((d) => d.roomId === FLOOR).at(-1)!
    // A medical matter: the group reads that it is done, and nothing of what was done.
    expect(closing.text).toContain(`#${id} 已处理`)
    expect(closing.text).not.toContain('已包扎')
    expect(closing.text.startsWith('@3-2-502 王阿姨')).toBe(true)
    // The resident, a friend of the account, reads the steward's note privately.
    expect(c.delivered.find((d) => d.toId === 'res-01' && d.text.includes('已包扎'))?.text).toContain(`#${id}`)
    // The steward's confirmations came privately, not in the group.
    expect(c.delivered.filter((d) => d.toId === 'steward-wang').some((d) => d.text.includes('已认领'))).toBe(true)
  })

  it('keeps talk of suicide out of the group', async () => {
    c = await startMockCommunity({ log, env: FAST })
    c.say('res-05', FLOOR, '撑不下去了 活着没意思 不想活了')
    await c.settle()
    expect(c.delivered.filter((d) => d.roomId)).toEqual([])
    expect(c.delivered.find((d) => d.toId === 'res-05')?.text).toContain('12356')
    expect(c.delivered.some((d) => d.toId === 'manager-zhou')).toBe(true)
  })

  it('refuses steward commands from a resident and from a resident renamed as a steward', async () => {
    c = await startMockCommunity({ log, env: FAST })
    c.say('res-01', FLOOR, '3栋楼道的灯坏了 麻烦来修一下')
    await c.settle()
    const id = /#(\d+)/.exec(c.delivered[0].text)![1]
    c.say('res-02', FLOOR, '@楼管家 队列', { mentionBot: true })
    c.contact('res-03').payload.name = '物业小王'
    c.say('res-03', FLOOR, `@楼管家 完成 ${id}`, { mentionBot: true })
    await c.settle()
    expect(c.runtime.ctx.tickets.get(Number(id))?.state).toBe('open')
    const refusals = c.delivered.filter((d) => d.text.includes('只有物业管家'))
    expect(refusals).toHaveLength(2)
    expect(c.delivered.some((d) => d.text.includes('📋'))).toBe(false)
  })

  it("answers a steward's 队列 typed in a group privately", async () => {
    c = await startMockCommunity({ log, env: FAST })
    c.say('res-01', FLOOR, '家里没菜了 帮忙买点青菜')
    c.say('steward-li', FLOOR, '@楼管家 队列', { mentionBot: true })
    await c.settle()
    const queue = c.delivered.find((d) => d.text.includes('📋'))!
    expect(queue.toId).toBe('steward-li')
    expect(queue.roomId).toBeNull()
  })
})
