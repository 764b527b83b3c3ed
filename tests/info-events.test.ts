// At info level an operator sees what happens — tickets, alerts, digests — by id and category,
// never the residents' words.
import { Writable } from 'node:stream'
import pino from 'pino'
import { afterEach, describe, expect, it } from 'vitest'
import { digestHooks } from '../bot/digest-hooks.ts'
import { startMockCommunity, type MockCommunity } from '../testing/mock-community.ts'

const FAST = { TRIAGE_RATE_PER_MIN: '1000', TRIAGE_RATE_PER_ROOM_MS: '0' }
const FLOOR = 'floor-3-5@chatroom'
let c: MockCommunity | null = null

afterEach(async () => {
  await c?.stop()
  c = null
})

describe('info-level events', () => {
  it('logs tickets, alerts and digests with ids and categories, without text', async () => {
    const lines: Record<string, unknown>[] = []
    const log = pino(
      { level: 'info' },
      new Writable({
        write(chunk, _e, cb) {
          for (const l of String(chunk).split('\n').filter(Boolean)) lines.push(JSON.parse(l))
          cb()
        },
      }),
    )
    c = await startMockCommunity({ log, env: FAST })
    c.say('res-02', FLOOR, '我家厨房水管漏水了,麻烦来修一下')
    c.say('res-01', FLOOR, '我的手受伤了,血流不止 快来人')
    await c.settle()
    digestHooks().stewardDigest!(c.runtime.ctx, 'steward-wang')
    const filed = lines.filter((l) => l.msg === 'ticket filed')
    expect(filed.map((l) => l.category).sort()).toEqual(expect.arrayContaining(['repair']))
    expect(filed.every((l) => typeof l.ticketId === 'number')).toBe(true)
    expect(lines.find((l) => l.msg === 'emergency alert sent')).toMatchObject({ ticketId: expect.any(Number), recipients: 2 })
    expect(lines.find((l) => l.msg === 'digest queued')).toMatchObject({ to: 'steward-wang', kind: 'steward' })
    const all = JSON.stringify(lines)
    for (const words of ['漏水', '血流不止']) expect(all).not.toContain(words)
  })
})
