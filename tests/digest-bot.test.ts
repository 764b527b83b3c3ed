// Bot level: a manager sends 日报 to the bot (Wechaty + PuppetMock) and receives
// the daily digest privately, as text and as the chart image.
import pino from 'pino'
import { afterEach, describe, expect, it } from 'vitest'
import { digestHooks } from '../bot/digest-hooks.ts'
import { startMockCommunity, type MockCommunity } from '../testing/mock-community.ts'

const log = pino({ level: 'silent' })
const FAST = { TRIAGE_RATE_PER_MIN: '1000', TRIAGE_RATE_PER_ROOM_MS: '0' }
const FLOOR = 'floor-3-5@chatroom'
const IMAGE = 6 // PUPPET.types.Message.Image
let c: MockCommunity | null = null

afterEach(async () => {
  await c?.stop()
  c = null
})

describe('日报 through Wechaty', () => {
  it('a manager asks for 日报 privately and receives the text and the PNG; nothing goes to the group', async () => {
    c = await startMockCommunity({ log, env: FAST, hooks: digestHooks() })
    c.say('res-01', FLOOR, '家里水管漏水了 麻烦来看看')
    await c.settle()
    const manager = c.community.managers[0].id
    const before = c.delivered.length
    c.say(manager, null, '日报')
    await c.settle()
    const mine = c.delivered.slice(before).filter((d) => d.toId === manager)
    expect(mine.some((d) => d.type === IMAGE)).toBe(true)
    const text = mine.find((d) => d.text.includes('楼管家日报'))
    expect(text?.text).toContain('新事项 1 件')
    expect(c.delivered.slice(before).filter((d) => d.roomId)).toEqual([])
    const row = c.runtime.ctx.db.prepare(`SELECT file FROM outbox WHERE to_id = ? AND file IS NOT NULL`).get(manager) as { file: string }
    const png = Buffer.from((JSON.parse(row.file) as { base64: string }).base64, 'base64')
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1080, 1350])
  })

  it('a steward @-mentions 汇总 in a group and gets the digest privately', async () => {
    c = await startMockCommunity({ log, env: FAST, hooks: digestHooks() })
    c.say('res-01', FLOOR, '家里水管漏水了 麻烦来看看')
    await c.settle()
    const steward = c.community.stewards[0].id
    const before = c.delivered.length
    c.say(steward, FLOOR, '@楼管家 汇总', { mentionBot: true })
    await c.settle()
    const out = c.delivered.slice(before)
    expect(out.find((d) => d.toId === steward)?.text).toMatch(/^📋 管家简报[\s\S]*新事项 1 件/)
    expect(out.filter((d) => d.roomId)).toEqual([])
  })
})
