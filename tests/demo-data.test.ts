import { describe, expect, it } from 'vitest'
import { readFileSync } from 'node:fs'
import {
  DemoDataError,
  loadCommunity,
  loadDemoDay,
  parseCommunity,
  parseDemoDay,
  secondsOfDay,
  type Community,
} from '../store/demo-community.ts'
import { compatibleLocations, parseLocation, parseTopic } from '../classifiers/location.ts'

const community = loadCommunity()
const day = loadDemoDay(community)
const rawCommunity = JSON.parse(readFileSync(new URL('../data/demo/community.json', import.meta.url), 'utf8'))

const contact = (id: string) =>
  [community.bot, ...community.stewards, ...community.managers, ...community.residents].find((c) => c.id === id)

describe('demo community', () => {
  it('loads and validates', () => {
    expect(community.name).toBe('春江天境')
    expect(community.bot).toMatchObject({ id: 'bot-louguanjia', name: '楼管家' })
  })

  it('has at least three floor groups and a building group, all with "@" ids', () => {
    const floors = community.rooms.filter((r) => r.kind === 'floor')
    const buildings = community.rooms.filter((r) => r.kind === 'building')
    expect(floors.length).toBeGreaterThanOrEqual(3)
    expect(buildings.length).toBeGreaterThanOrEqual(1)
    for (const r of community.rooms) {
      expect(r.id).toContain('@')
      const t = parseTopic(r.topic)
      expect(t?.building, r.topic).toMatch(/^\d+$/)
      if (r.kind === 'floor') expect(t?.floor, r.topic).toMatch(/^\d+$/)
      else expect(t?.floor, r.topic).toBeNull()
    }
  })

  it('has about thirty residents, some with no address in their name', () => {
    expect(community.residents.length).toBeGreaterThanOrEqual(25)
    expect(community.residents.length).toBeLessThanOrEqual(40)
    const noAddress = community.residents.filter((r) => parseLocation(r.name) === null)
    expect(noAddress.length).toBeGreaterThanOrEqual(3)
    for (const r of community.residents) {
      expect(r.rooms.length, r.id).toBeGreaterThanOrEqual(1)
      expect(r.rooms.length, r.id).toBeLessThanOrEqual(2)
    }
  })

  it('has both stewards in every room, the manager, and the bot in every room', () => {
    const ids = community.rooms.map((r) => r.id).sort()
    for (const [id, name] of [
      ['steward-wang', '物业小王'],
      ['steward-li', '管家李姐'],
    ]) {
      const s = community.stewards.find((c) => c.id === id)
      expect(s?.name).toBe(name)
      expect([...(s?.rooms ?? [])].sort()).toEqual(ids)
    }
    expect(community.managers.find((c) => c.id === 'manager-zhou')?.name).toBe('经理周总')
    for (const r of community.rooms) {
      expect(r.memberIds).toContain('bot-louguanjia')
      expect(r.memberIds).toContain('steward-wang')
      expect(r.memberIds).toContain('steward-li')
    }
  })

  it("every resident's address is consistent with their rooms' topics", () => {
    let checked = 0
    for (const r of community.residents) {
      const addr = parseLocation(r.name)
      if (!addr) continue
      for (const roomId of r.rooms) {
        const room = community.rooms.find((x) => x.id === roomId)!
        const topic = parseTopic(room.topic)!
        if (addr.building !== null) {
          expect(addr.building, `${r.name} in ${room.topic}`).toBe(topic.building)
        }
        expect(compatibleLocations(addr, topic), `${r.name} in ${room.topic}`).toBe(true)
        checked++
      }
    }
    expect(checked).toBeGreaterThanOrEqual(20)
  })

  it('has households (三色档案) matching their residents, some red', () => {
    expect(community.households.length).toBeGreaterThanOrEqual(8)
    expect(community.households.filter((h) => h.tier === 'red').length).toBeGreaterThanOrEqual(2)
    for (const h of community.households) {
      for (const id of h.residents) {
        const r = community.residents.find((x) => x.id === id)!
        const addr = parseLocation(r.name)
        const home = { building: h.building, unit: h.unit, floor: String(Number(h.room.slice(0, -2))), room: h.room }
        expect(compatibleLocations(addr, home), `${h.id} / ${r.name}`).toBe(true)
      }
    }
  })
})

describe('demo day', () => {
  it('has at least 350 messages between 07:00 and 21:00, in time order with unique ids', () => {
    expect(day.length).toBeGreaterThanOrEqual(350)
    expect(day[0].at >= '07:00:00').toBe(true)
    expect(day[day.length - 1].at <= '21:00:00').toBe(true)
    for (let i = 1; i < day.length; i++) expect(day[i].at >= day[i - 1].at).toBe(true)
    expect(new Set(day.map((m) => m.id)).size).toBe(day.length)
  })

  it('every message comes from a member of its room; private ones from a known contact', () => {
    for (const m of day) {
      if (m.room === null) {
        expect(contact(m.from), m.id).toBeDefined()
        continue
      }
      const room = community.rooms.find((r) => r.id === m.room)
      expect(room, m.id).toBeDefined()
      expect(room!.memberIds, m.id).toContain(m.from)
    }
  })

  it('every room has traffic', () => {
    for (const r of community.rooms) expect(day.filter((m) => m.room === r.id).length, r.id).toBeGreaterThanOrEqual(50)
  })

  it('every non-text message has a type and no text; every text message has text', () => {
    const nonText = day.filter((m) => m.type !== 'text')
    expect(nonText.length).toBeGreaterThanOrEqual(5)
    for (const t of ['image', 'voice'] as const) expect(nonText.some((m) => m.type === t)).toBe(true)
    for (const m of nonText) expect(m.text).toBe('')
    for (const m of day.filter((x) => x.type === 'text')) expect(m.text.length).toBeGreaterThan(0)
    // The raw file marks every message without text with a type.
    const raw = readFileSync(new URL('../data/demo/day.jsonl', import.meta.url), 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l))
    for (const r of raw) if (r.text === undefined || r.text === '') expect(r.type, JSON.stringify(r)).toMatch(/^(image|voice|video|file)$/)
  })

  it('has a duplicate delivery: same room, sender and text within seconds', () => {
    const dups = day.filter((m, i) =>
      day
        .slice(0, i)
        .some(
          (p) =>
            p.type === 'text' &&
            p.room === m.room &&
            p.from === m.from &&
            p.text === m.text &&
            secondsOfDay(m.at) - secondsOfDay(p.at) <= 10,
        ),
    )
    expect(dups.length).toBeGreaterThanOrEqual(1)
  })

  it('has the stewards\' commands, mentions that start with "@楼管家 ", and the manager\'s 日报', () => {
    const mentions = day.filter((m) => m.mention)
    for (const m of mentions) expect(m.text.startsWith('@楼管家 ')).toBe(true)
    for (const m of day.filter((x) => !x.mention)) expect(m.text.startsWith('@楼管家')).toBe(false)
    const commands = mentions.filter((m) => m.from.startsWith('steward-')).map((m) => m.text.slice('@楼管家 '.length))
    for (const c of ['队列', '订单', '汇总']) expect(commands).toContain(c)
    // Ticket numbers depend on the run, so commands name their ticket by a snippet of the
    // message that opened it: "认领 #{摔倒了}". Each snippet names an earlier message.
    const refs = mentions.filter((m) => /#\{[^}]+\}/.test(m.text))
    expect(refs.length).toBeGreaterThanOrEqual(8)
    for (const r of refs) {
      const snippet = /#\{([^}]+)\}/.exec(r.text)![1]
      const opened = day.findIndex((m) => !m.mention && m.text.includes(snippet))
      expect(opened, snippet).toBeGreaterThan(-1)
      expect(opened).toBeLessThan(day.indexOf(r))
    }
    const claim = day.findIndex((m) => m.text.startsWith('@楼管家 认领 #{'))
    const done = day.findIndex((m) => m.text.startsWith('@楼管家 完成 #{'))
    expect(done).toBeGreaterThan(claim)
    const report = day.find((m) => m.room === null && m.from === 'manager-zhou')
    expect(report?.text).toBe('日报')
    expect(report!.at >= '19:30:00' && report!.at <= '20:30:00').toBe(true)
  })

  it('has a correction and a cancellation by residents who ordered earlier', () => {
    const correction = day.find((m) => m.text.includes('改成'))!
    expect(day.some((m) => m.from === correction.from && m.at < correction.at && /[斤个把盒]/.test(m.text))).toBe(true)
    const cancel = day.find((m) => m.text.includes('不用买了'))!
    expect(day.some((m) => m.from === cancel.from && m.at < cancel.at && /帮买|买/.test(m.text))).toBe(true)
  })

  it('has the corridor light of 6栋1单元 reported by three residents within half an hour', () => {
    const reports = day.filter((m) => m.room === 'floor-6-2@chatroom' && m.text.includes('楼道灯') && m.from.startsWith('res-'))
    const senders = new Set(reports.map((m) => m.from))
    expect(senders.size).toBeGreaterThanOrEqual(3)
    expect(secondsOfDay(reports[reports.length - 1].at) - secondsOfDay(reports[0].at)).toBeLessThanOrEqual(30 * 60)
  })
})

describe('validation errors', () => {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the tests break the file's shape on purpose
  const clone = (): Record<string, any> => JSON.parse(JSON.stringify(rawCommunity))

  it('rejects a room id without "@"', () => {
    const c = clone()
    c.rooms[0].id = 'floor-3-5'
    expect(() => parseCommunity(c)).toThrow(DemoDataError)
  })

  it('rejects duplicate contact ids', () => {
    const c = clone()
    c.residents[1].id = c.residents[0].id
    expect(() => parseCommunity(c)).toThrow(/duplicate contact id res-01/)
  })

  it('rejects membership of an unknown room', () => {
    const c = clone()
    c.residents[0].rooms = ['nowhere@chatroom']
    expect(() => parseCommunity(c)).toThrow(/unknown room nowhere@chatroom/)
  })

  const good: Community = parseCommunity(rawCommunity)
  const line = (o: Record<string, unknown>) => JSON.stringify(o)

  it('rejects a sender who is not a member of the room', () => {
    const text = line({ at: '07:00:00', room: 'floor-6-2@chatroom', from: 'res-01', text: '你好' })
    expect(() => parseDemoDay(text, good)).toThrow(/res-01 is not a member of floor-6-2@chatroom/)
  })

  it('rejects an unknown room, unsorted or malformed times, and bad mentions', () => {
    expect(() => parseDemoDay(line({ at: '07:00:00', room: 'x@chatroom', from: 'res-01', text: 'a' }), good)).toThrow(/unknown room/)
    const unsorted = [
      line({ at: '08:00:00', room: 'floor-3-5@chatroom', from: 'res-01', text: 'a' }),
      line({ at: '07:59:59', room: 'floor-3-5@chatroom', from: 'res-01', text: 'b' }),
    ].join('\n')
    expect(() => parseDemoDay(unsorted, good)).toThrow(/earlier than/)
    expect(() => parseDemoDay(line({ at: '7:00', room: 'floor-3-5@chatroom', from: 'res-01', text: 'a' }), good)).toThrow(/HH:MM:SS/)
    expect(() =>
      parseDemoDay(line({ at: '07:00:00', room: 'floor-3-5@chatroom', from: 'steward-wang', text: '队列', mention: true }), good),
    ).toThrow(/must start with/)
    expect(() => parseDemoDay(line({ at: '07:00:00', room: 'floor-3-5@chatroom', from: 'res-01' }), good)).toThrow(/text/)
    expect(() => parseDemoDay(line({ at: '07:00:00', room: null, from: 'nobody', text: '日报' }), good)).toThrow(/unknown sender/)
    expect(() => parseDemoDay('{not json', good)).toThrow(/invalid JSON/)
  })
})
