// The demo community (春江天境) and one replayed day of its group traffic.
//
// Pure data plus a typed loader: `npm start` with no puppet configured builds these rooms
// and contacts on wechaty-puppet-mock and replays `day.jsonl` on a simulated clock.
// The loader validates the files and throws a clear error on the first inconsistency.
import { readFileSync } from 'node:fs'

export type RoomKind = 'floor' | 'building'
export type MessageType = 'text' | 'image' | 'voice' | 'video' | 'file'
export type HouseholdTier = 'red' | 'yellow' | 'green'

/** A person in the community: resident, steward, manager or the bot. */
export interface DemoContact {
  id: string
  /** Contact name as residents set it (often with the address: "3-2-502 王阿姨"). */
  name: string
  /** Ids of the rooms this contact is a member of. */
  rooms: string[]
}

export type DemoResident = DemoContact

export interface DemoRoom {
  /** Contains "@" so wechaty-puppet-mock treats it as a room ("floor-3-5@chatroom"). */
  id: string
  topic: string
  kind: RoomKind
  /** Contact ids of every member (bot, stewards, residents), computed on load. */
  memberIds: string[]
}

/** 三色档案: one household's risk tier (red = needs most attention). */
export interface DemoHousehold {
  id: string
  building: string
  unit: string
  room: string
  tier: HouseholdTier
  note: string
  /** Resident contact ids living there. */
  residents: string[]
}

export interface Community {
  name: string
  /** The replayed day, YYYY-MM-DD. */
  date: string
  bot: DemoContact
  rooms: DemoRoom[]
  stewards: DemoContact[]
  managers: DemoContact[]
  residents: DemoResident[]
  households: DemoHousehold[]
}

export interface DemoMessage {
  /** Stable id for this line of the day ("day-001"); a duplicate delivery gets its own id. */
  id: string
  /** Time of day, HH:MM:SS, sorted. */
  at: string
  /** Room id, or null for a private message to the bot. */
  room: string | null
  /** Contact id of the sender. */
  from: string
  /** Message text ("" for image / voice / video / file messages). */
  text: string
  type: MessageType
  /** The message @-mentions the bot; its text then starts with "@楼管家 ". */
  mention: boolean
}

const COMMUNITY_URL = new URL('../data/demo/community.json', import.meta.url)
const DAY_URL = new URL('../data/demo/day.jsonl', import.meta.url)

const TIME = /^([01]\d|2[0-3]):[0-5]\d:[0-5]\d$/
const DATE = /^\d{4}-\d{2}-\d{2}$/
const TYPES: readonly MessageType[] = ['text', 'image', 'voice', 'video', 'file']
const TIERS: readonly HouseholdTier[] = ['red', 'yellow', 'green']
const KINDS: readonly RoomKind[] = ['floor', 'building']

export class DemoDataError extends Error {
  constructor(file: string, detail: string) {
    super(`demo data ${file}: ${detail}`)
    this.name = 'DemoDataError'
  }
}

type Json = Record<string, unknown>

function isObject(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}

function str(file: string, where: string, v: unknown, allowEmpty = false): string {
  if (typeof v !== 'string' || (!allowEmpty && v.trim() === '')) {
    throw new DemoDataError(file, `${where} must be a non-empty string, got ${JSON.stringify(v)}`)
  }
  return v
}

function strArray(file: string, where: string, v: unknown): string[] {
  if (!Array.isArray(v)) throw new DemoDataError(file, `${where} must be an array`)
  return v.map((x, i) => str(file, `${where}[${i}]`, x))
}

function list(file: string, where: string, v: unknown): Json[] {
  if (!Array.isArray(v)) throw new DemoDataError(file, `${where} must be an array`)
  return v.map((x, i) => {
    if (!isObject(x)) throw new DemoDataError(file, `${where}[${i}] must be an object`)
    return x
  })
}

function contact(file: string, where: string, v: unknown): DemoContact {
  if (!isObject(v)) throw new DemoDataError(file, `${where} must be an object`)
  return {
    id: str(file, `${where}.id`, v.id),
    name: str(file, `${where}.name`, v.name),
    rooms: v.rooms === undefined ? [] : strArray(file, `${where}.rooms`, v.rooms),
  }
}

/** Parse and validate a community document (exported for tests and tools). */
export function parseCommunity(raw: unknown, file = 'community.json'): Community {
  if (!isObject(raw)) throw new DemoDataError(file, 'top level must be an object')
  const name = str(file, 'name', raw.name)
  const date = str(file, 'date', raw.date)
  if (!DATE.test(date)) throw new DemoDataError(file, `date must be YYYY-MM-DD, got ${date}`)

  const rooms: DemoRoom[] = list(file, 'rooms', raw.rooms).map((r, i) => {
    const id = str(file, `rooms[${i}].id`, r.id)
    if (!id.includes('@')) throw new DemoDataError(file, `room id ${id} must contain "@" (puppet-mock rule)`)
    const kind = r.kind as RoomKind
    if (!KINDS.includes(kind)) throw new DemoDataError(file, `room ${id} kind must be floor|building, got ${String(r.kind)}`)
    return { id, topic: str(file, `rooms[${i}].topic`, r.topic), kind, memberIds: [] }
  })
  const bot = contact(file, 'bot', raw.bot)
  // The bot is in every room unless the file says otherwise.
  if (!isObject(raw.bot) || raw.bot.rooms === undefined) bot.rooms = rooms.map((r) => r.id)
  const stewards = list(file, 'stewards', raw.stewards).map((c, i) => contact(file, `stewards[${i}]`, c))
  const managers = list(file, 'managers', raw.managers).map((c, i) => contact(file, `managers[${i}]`, c))
  const residents = list(file, 'residents', raw.residents).map((c, i) => contact(file, `residents[${i}]`, c))

  const roomById = new Map<string, DemoRoom>()
  for (const r of rooms) {
    if (roomById.has(r.id)) throw new DemoDataError(file, `duplicate room id ${r.id}`)
    roomById.set(r.id, r)
  }
  const contactIds = new Set<string>()
  for (const c of [bot, ...stewards, ...managers, ...residents]) {
    if (contactIds.has(c.id)) throw new DemoDataError(file, `duplicate contact id ${c.id}`)
    if (roomById.has(c.id)) throw new DemoDataError(file, `contact id ${c.id} is also a room id`)
    contactIds.add(c.id)
    const seen = new Set<string>()
    for (const roomId of c.rooms) {
      const room = roomById.get(roomId)
      if (!room) throw new DemoDataError(file, `contact ${c.id} is in unknown room ${roomId}`)
      if (seen.has(roomId)) throw new DemoDataError(file, `contact ${c.id} lists room ${roomId} twice`)
      seen.add(roomId)
      room.memberIds.push(c.id)
    }
  }
  for (const r of rooms) {
    if (!r.memberIds.includes(bot.id)) throw new DemoDataError(file, `the bot is not a member of room ${r.id}`)
  }

  const residentIds = new Set(residents.map((r) => r.id))
  const householdIds = new Set<string>()
  const households: DemoHousehold[] = list(file, 'households', raw.households).map((h, i) => {
    const where = `households[${i}]`
    const id = str(file, `${where}.id`, h.id)
    if (householdIds.has(id)) throw new DemoDataError(file, `duplicate household id ${id}`)
    householdIds.add(id)
    const tier = h.tier as HouseholdTier
    if (!TIERS.includes(tier)) throw new DemoDataError(file, `household ${id} tier must be red|yellow|green`)
    const members = strArray(file, `${where}.residents`, h.residents)
    for (const m of members) {
      if (!residentIds.has(m)) throw new DemoDataError(file, `household ${id} names unknown resident ${m}`)
    }
    const out: DemoHousehold = {
      id,
      building: str(file, `${where}.building`, h.building),
      unit: str(file, `${where}.unit`, h.unit),
      room: str(file, `${where}.room`, h.room),
      tier,
      note: str(file, `${where}.note`, h.note, true),
      residents: members,
    }
    for (const k of ['building', 'unit', 'room'] as const) {
      if (!/^[0-9A-Za-z]+$/.test(out[k])) throw new DemoDataError(file, `household ${id} ${k} must be digits/letters`)
    }
    return out
  })

  return { name, date, bot, rooms, stewards, managers, residents, households }
}

/** Parse and validate the day's JSON lines against a community (exported for tests and tools). */
export function parseDemoDay(jsonl: string, community: Community, file = 'day.jsonl'): DemoMessage[] {
  const rooms = new Map(community.rooms.map((r) => [r.id, new Set(r.memberIds)]))
  const contacts = new Set([community.bot, ...community.stewards, ...community.managers, ...community.residents].map((c) => c.id))
  const botName = community.bot.name
  const out: DemoMessage[] = []
  let previous = ''
  const lines = jsonl.split('\n')
  for (let n = 0; n < lines.length; n++) {
    const line = lines[n].trim()
    if (line === '') continue
    const where = `line ${n + 1}`
    let raw: unknown
    try {
      raw = JSON.parse(line)
    } catch (e) {
      throw new DemoDataError(file, `${where}: invalid JSON (${(e as Error).message})`)
    }
    if (!isObject(raw)) throw new DemoDataError(file, `${where}: must be an object`)
    const at = str(file, `${where}.at`, raw.at)
    if (!TIME.test(at)) throw new DemoDataError(file, `${where}: at must be HH:MM:SS, got ${at}`)
    if (at < previous) throw new DemoDataError(file, `${where}: ${at} is earlier than the line before (${previous})`)
    previous = at
    const from = str(file, `${where}.from`, raw.from)
    if (!contacts.has(from)) throw new DemoDataError(file, `${where}: unknown sender ${from}`)
    if (from === community.bot.id) throw new DemoDataError(file, `${where}: the bot's own messages are not part of the replay`)
    let room: string | null = null
    if (raw.room !== null) {
      room = str(file, `${where}.room`, raw.room)
      const members = rooms.get(room)
      if (!members) throw new DemoDataError(file, `${where}: unknown room ${room}`)
      if (!members.has(from)) throw new DemoDataError(file, `${where}: ${from} is not a member of ${room}`)
    }
    const type = (raw.type ?? 'text') as MessageType
    if (!TYPES.includes(type)) throw new DemoDataError(file, `${where}: unknown type ${String(raw.type)}`)
    let text = ''
    if (type === 'text') text = str(file, `${where}.text`, raw.text)
    else if (raw.text !== undefined && raw.text !== '') {
      throw new DemoDataError(file, `${where}: a ${type} message carries no text`)
    }
    if (raw.mention !== undefined && typeof raw.mention !== 'boolean') {
      throw new DemoDataError(file, `${where}: mention must be a boolean`)
    }
    const mention = raw.mention === true
    const mentionPrefix = `@${botName} `
    if (mention !== text.startsWith(mentionPrefix)) {
      throw new DemoDataError(
        file,
        mention
          ? `${where}: a mention must start with "${mentionPrefix}"`
          : `${where}: text starts with "${mentionPrefix}" but mention is not true`,
      )
    }
    out.push({ id: '', at, room, from, text, type, mention })
  }
  const width = Math.max(3, String(out.length).length)
  out.forEach((m, i) => {
    m.id = `day-${String(i + 1).padStart(width, '0')}`
  })
  return out
}

function readJson(url: URL, file: string): unknown {
  let text: string
  try {
    text = readFileSync(url, 'utf8')
  } catch (e) {
    throw new DemoDataError(file, `cannot read ${url.pathname}: ${(e as Error).message}`)
  }
  try {
    return JSON.parse(text)
  } catch (e) {
    throw new DemoDataError(file, `invalid JSON (${(e as Error).message})`)
  }
}

/** The demo community (rooms, contacts, households), validated. */
export function loadCommunity(): Community {
  return parseCommunity(readJson(COMMUNITY_URL, 'community.json'))
}

/** The demo day's messages in time order, validated against the community. */
export function loadDemoDay(community: Community = loadCommunity()): DemoMessage[] {
  let text: string
  try {
    text = readFileSync(DAY_URL, 'utf8')
  } catch (e) {
    throw new DemoDataError('day.jsonl', `cannot read ${DAY_URL.pathname}: ${(e as Error).message}`)
  }
  return parseDemoDay(text, community)
}

/** Seconds since midnight of an "HH:MM:SS" time (for the simulated clock). */
export function secondsOfDay(at: string): number {
  const [h, m, s] = at.split(':').map(Number)
  return h * 3600 + m * 60 + s
}
