// Privacy: no token in any log line; at info level no resident's words in the logs; and no
// resident ever reads another resident's name, door or household note in a reply.
import { afterEach, describe, expect, it } from 'vitest'
import { formatLocation, parseLocation } from '../classifiers/location.ts'
import { createLogger } from '../bot/logger.ts'
import { startMockCommunity, type MockCommunity } from '../testing/mock-community.ts'
import { loadCommunity } from '../store/demo-community.ts'

const TOKEN = 'puppet_secret_123'

function capture() {
  const lines: string[] = []
  return {
    lines,
    destination: {
      write: (s: string) => {
        lines.push(s)
      },
    },
    text: () => lines.join(''),
  }
}

describe('logs carry no token', () => {
  it('redacts the token from an error a library raised with the token in its message and stack', () => {
    const out = capture()
    const log = createLogger({ env: { WECHATY_PUPPET_SERVICE_TOKEN: TOKEN }, destination: out.destination })
    const err = new Error(`IO error: lock /root/.wechaty/${TOKEN}.memory-card.json/LOCK: Resource temporarily unavailable`)
    log.error({ err }, 'puppet service failed to start')
    log.warn({ endpoint: 'grpc.example.com:8788', detail: { nested: [`token=${TOKEN}`] } }, `retrying with ${TOKEN}`)
    expect(out.lines).toHaveLength(2)
    expect(out.text()).not.toContain(TOKEN)
    expect(out.text()).toContain('[REDACTED]')
    // Still useful: the rest of the message and the stack survive.
    const first = JSON.parse(out.lines[0]) as { err: { message: string; stack: string } }
    expect(first.err.message).toBe('IO error: lock /root/.wechaty/[REDACTED].memory-card.json/LOCK: Resource temporarily unavailable')
    expect(first.err.stack).toContain('privacy.test.ts')
  })
})

// ---------------------------------------------------------------------------------------------
// A morning in the 3栋5楼 group, with every kind of reply a resident can get.

const FLOOR = 'floor-3-5@chatroom'
const FAST = { TRIAGE_RATE_PER_MIN: '1000', TRIAGE_RATE_PER_ROOM_MS: '0' }

const SAID: { from: string; text: string; mention?: boolean }[] = [
  { from: 'res-01', text: '我的手受伤了,血流不止 快来人' },
  { from: 'res-02', text: '3栋1单元楼道灯不亮了 黑乎乎的 麻烦修一下' },
  { from: 'res-03', text: '我们单元楼道的灯坏了 好几天了' },
  { from: 'res-05', text: '我要土豆3斤、萝卜3根、鸡蛋10个' },
  { from: 'res-06', text: '一个人关在家 好孤单 每天都睡不着' },
  { from: 'res-07', text: '卫生间水管漏水了 麻烦来看看' },
  { from: 'res-07', text: '@楼管家 我的', mention: true },
  { from: 'res-05', text: '@楼管家 队列', mention: true },
]

async function morning(c: MockCommunity): Promise<void> {
  for (const s of SAID) {
    c.say(s.from, FLOOR, s.text, { mentionBot: s.mention })
    await c.settle()
  }
  const ctx = c.runtime.ctx
  const emergency = ctx.tickets.byTalker('res-01')[0]
  const fault = ctx.tickets.byTalker('res-02')[0]
  c.say('steward-wang', FLOOR, `@楼管家 认领 ${emergency.id}`, { mentionBot: true })
  c.say('steward-wang', FLOOR, `@楼管家 完成 ${emergency.id} 已包扎 送社区医院`, { mentionBot: true })
  c.say('steward-li', FLOOR, `@楼管家 完成 ${fault.id} 已换灯泡`, { mentionBot: true })
  await c.settle()
  c.say('res-01', FLOOR, '@楼管家 我的', { mentionBot: true })
  c.say('res-03', FLOOR, '@楼管家 我的', { mentionBot: true })
  await c.settle()
  // Last, a puppet glitch: a message whose room cannot be loaded (its reply cannot be sent).
  c.emitRaw({ id: 'ghost-1', talkerId: 'res-09', roomId: 'ghost@chatroom', text: '停水了 家里老人要喝水 ghost', timestamp: Date.now() })
  await c.settle()
}

let c: MockCommunity | null = null
afterEach(async () => {
  await c?.stop()
  c = null
})

describe('logs carry no resident text at info level', () => {
  it('runs a morning of messages through the bot and logs none of their words', async () => {
    const out = capture()
    const log = createLogger({ level: 'info', env: { WECHATY_PUPPET_SERVICE_TOKEN: TOKEN }, destination: out.destination })
    c = await startMockCommunity({ log, env: FAST })
    await morning(c)
    expect(c.runtime.ctx.db.prepare(`SELECT count(*) AS n FROM inbound`).get()).toEqual({ n: SAID.length + 6 })
    expect(out.lines.length).toBeGreaterThan(0)
    const logged = out.text()
    for (const s of SAID) {
      expect(logged).not.toContain(s.text.replace(/^@楼管家 /, ''))
      // Not even a fragment of a request.
      expect(logged).not.toContain(s.text.slice(0, 6))
    }
    for (const fragment of ['停水了', '老人要喝水', '血流不止', '土豆', '孤单', '已包扎', '已换灯泡'])
      expect(logged).not.toContain(fragment)
    // Nor who said it or where they live.
    for (const r of loadCommunity().residents) expect(logged).not.toContain(r.name)
  })
})

describe("residents' replies carry only their own details", () => {
  /** What identifies a resident: display name, door (both ways of writing it) and household note. */
  function identities() {
    const community = loadCommunity()
    return community.residents.map((r) => {
      const loc = parseLocation(r.name)
      const household = community.households.find((h) => h.residents.includes(r.id))
      const doors = loc?.room ? [formatLocation(loc), `${loc.building}-${loc.unit}-${loc.room}`] : []
      return {
        id: r.id,
        name: r.name,
        marks: [r.name, ...doors, ...(household?.note ? [household.note] : [])].filter((m) => m.length >= 3),
      }
    })
  }

  it('no reply in a group or to a resident names another resident, their door or their household', async () => {
    c = await startMockCommunity({ env: FAST, log: createLogger({ level: 'silent', env: {} }) })
    await morning(c)
    const people = identities()
    const staff = new Set([...c.community.stewards, ...c.community.managers].map((p) => p.id))
    const toResidents = c.delivered.filter((d) => d.roomId !== null || (d.toId !== null && !staff.has(d.toId)))
    expect(toResidents.length).toBeGreaterThan(8)
    for (const d of toResidents) {
      let text = d.text
      const addressees = new Set<string>(d.toId ? [d.toId] : [])
      if (d.roomId) {
        // In a group, Wechaty writes the addressees' @-mentions first. A merged ticket's done
        // notice mentions everyone who reported it in that room (issue 19): each of them asked
        // there, in front of the same neighbours, so only they may be mentioned.
        for (;;) {
          const mentioned = people.find((p) => text.trimStart().startsWith(`@${p.name}`))
          if (!mentioned) break
          text = text.trimStart().slice(mentioned.name.length + 1)
          addressees.add(mentioned.id)
        }
        if (addressees.size > 1) {
          const id = Number(/#(\d+)/.exec(text)?.[1])
          const askedHere = c.runtime.ctx.tickets
            .reporters(id)
            .filter((r) => r.roomId === d.roomId)
            .map((r) => r.talkerId)
          for (const a of addressees) expect(askedHere, `${a} is mentioned on #${id} in ${d.roomId}`).toContain(a)
        }
      }
      for (const p of people) {
        if (addressees.has(p.id)) continue
        for (const mark of p.marks)
          expect(text, `a reply to ${[...addressees].join(',') || d.roomId} shows ${p.id}'s "${mark}"`).not.toContain(mark)
      }
    }
    // Stewards did get the details they need, privately.
    expect(c.delivered.some((d) => d.toId === 'steward-wang' && d.text.includes('3栋2单元502') && d.text.includes('独居老人'))).toBe(true)
    // The resident's 队列 was refused and showed no queue.
    expect(toResidents.some((d) => d.text.includes('📋'))).toBe(false)
  })

  it('我的 shows a resident only their own tickets, privately', async () => {
    c = await startMockCommunity({ env: FAST, log: createLogger({ level: 'silent', env: {} }) })
    await morning(c)
    const ctx = c.runtime.ctx
    const all = ctx.db.prepare('SELECT id FROM tickets').all() as { id: number }[]
    expect(all.length).toBeGreaterThanOrEqual(5)
    for (const who of ['res-01', 'res-03', 'res-07']) {
      const replies = c.delivered.filter((d) => d.toId === who && d.text.startsWith('您登记的事项'))
      expect(replies.length, who).toBeGreaterThan(0)
      const own = new Set(ctx.tickets.byTalker(who).map((t) => t.id))
      expect(own.size).toBeGreaterThan(0)
      for (const r of replies) {
        const shown = [...r.text.matchAll(/#(\d+)/g)].map((m) => Number(m[1]))
        expect(shown.length).toBeGreaterThan(0)
        for (const id of shown) expect(own.has(id), `${who} sees #${id}`).toBe(true)
      }
      // Never in the group.
      expect(c.delivered.some((d) => d.roomId && d.text.includes('您登记的事项'))).toBe(false)
    }
  })
})
