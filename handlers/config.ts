// Business configuration, parsed from an environment-like record. Pure, so the
// same parsing serves the bot, the CLI, the demo and the tests; bot/ passes
// process.env in, and a reload parses again.

export type AckMode = 'all' | 'urgent' | 'off'

export interface Shift {
  from: number
  to: number
  stewards: string[]
}

export interface Config {
  stewards: string[]
  /** Display names stewards are known by, for `转派 N 小王`. Authorisation never uses these. */
  stewardNames: Map<string, string>
  managers: string[]
  managerNames: Map<string, string>
  /** Day/night shifts; null means every steward is always on duty. */
  onDuty: Shift[] | null
  ack: AckMode
  rooms: RegExp | null
  /** Minutes after midnight, local time. */
  digestAt: number
  /** Steward digest every N minutes inside working hours (0 disables). */
  stewardDigestEveryMin: number
  workingHours: { from: number; to: number }
  sla: { urgentMin: number; highMin: number; normalMin: number | 'eod' }
  realertMin: number
  escalateMin: number
  backlogMin: number
  mergeWindowMin: number
  /** Messages per minute from one member above which the bot stops acknowledging them. */
  floodPerMin: number
  rate: { perMinute: number; perConversationMs: number }
  retentionDays: number
}

export class ConfigError extends Error {}

const DEFAULTS = {
  TRIAGE_ACK: 'all',
  TRIAGE_DIGEST_AT: '20:00',
  TRIAGE_STEWARD_DIGEST_EVERY_MIN: '60',
  TRIAGE_WORKING_HOURS: '08:00-20:00',
  TRIAGE_SLA_URGENT_MIN: '5',
  TRIAGE_SLA_HIGH_MIN: '60',
  TRIAGE_SLA_NORMAL_MIN: 'eod',
  TRIAGE_REALERT_MIN: '3',
  TRIAGE_ESCALATE_MIN: '10',
  TRIAGE_BACKLOG_MIN: '60',
  TRIAGE_MERGE_WINDOW_MIN: '120',
  TRIAGE_FLOOD_PER_MIN: '20',
  TRIAGE_RATE_PER_MIN: '40',
  TRIAGE_RATE_PER_ROOM_MS: '3000',
  TRIAGE_RETENTION_DAYS: '180',
} as const

/** "steward-wang=物业小王, steward-li" → ids and optional names. */
function parsePeople(raw: string | undefined): { ids: string[]; names: Map<string, string> } {
  const ids: string[] = []
  const names = new Map<string, string>()
  for (const part of (raw ?? '').split(/[,，;\s]+/)) {
    if (!part) continue
    const [id, name] = part.split('=')
    if (!id) continue
    ids.push(id)
    if (name) names.set(id, name)
  }
  return { ids, names }
}

export function parseClock(s: string, variable: string): number {
  const m = /^(\d{1,2}):(\d{2})$/.exec(s.trim())
  if (!m || Number(m[1]) > 23 || Number(m[2]) > 59) throw new ConfigError(`${variable}: expected HH:MM, got "${s}"`)
  return Number(m[1]) * 60 + Number(m[2])
}

function parseRange(s: string, variable: string): { from: number; to: number } {
  const [a, b] = s.split('-')
  if (!a || !b) throw new ConfigError(`${variable}: expected HH:MM-HH:MM, got "${s}"`)
  return { from: parseClock(a, variable), to: parseClock(b, variable) }
}

/** "08:00-20:00=steward-wang,steward-li; 20:00-08:00=steward-li" */
function parseShifts(raw: string | undefined): Shift[] | null {
  if (!raw?.trim()) return null
  return raw
    .split(';')
    .filter((s) => s.trim())
    .map((s) => {
      const [range, who] = s.split('=')
      if (!who) throw new ConfigError(`TRIAGE_ONDUTY: expected HH:MM-HH:MM=id,id; got "${s.trim()}"`)
      return { ...parseRange(range.trim(), 'TRIAGE_ONDUTY'), stewards: parsePeople(who).ids }
    })
}

function positive(env: Record<string, string | undefined>, key: keyof typeof DEFAULTS, allowZero = false): number {
  const raw = env[key] ?? DEFAULTS[key]
  const n = Number(raw)
  if (!Number.isFinite(n) || n < 0 || (!allowZero && n === 0))
    throw new ConfigError(`${key}: expected a ${allowZero ? 'non-negative' : 'positive'} number, got "${raw}"`)
  return n
}

export function parseConfig(env: Record<string, string | undefined>): Config {
  const stewards = parsePeople(env.TRIAGE_STEWARDS)
  const managers = parsePeople(env.TRIAGE_MANAGERS)
  const ack = (env.TRIAGE_ACK ?? DEFAULTS.TRIAGE_ACK) as AckMode
  if (!['all', 'urgent', 'off'].includes(ack)) throw new ConfigError(`TRIAGE_ACK: expected all, urgent or off, got "${ack}"`)
  let rooms: RegExp | null = null
  if (env.TRIAGE_ROOMS?.trim()) {
    try {
      rooms = new RegExp(env.TRIAGE_ROOMS)
    } catch (err) {
      throw new ConfigError(`TRIAGE_ROOMS: not a regular expression: ${(err as Error).message}`)
    }
  }
  const normal = env.TRIAGE_SLA_NORMAL_MIN ?? DEFAULTS.TRIAGE_SLA_NORMAL_MIN
  return {
    stewards: stewards.ids,
    stewardNames: stewards.names,
    managers: managers.ids,
    managerNames: managers.names,
    onDuty: parseShifts(env.TRIAGE_ONDUTY),
    ack,
    rooms,
    digestAt: parseClock(env.TRIAGE_DIGEST_AT ?? DEFAULTS.TRIAGE_DIGEST_AT, 'TRIAGE_DIGEST_AT'),
    stewardDigestEveryMin: positive(env, 'TRIAGE_STEWARD_DIGEST_EVERY_MIN', true),
    workingHours: parseRange(env.TRIAGE_WORKING_HOURS ?? DEFAULTS.TRIAGE_WORKING_HOURS, 'TRIAGE_WORKING_HOURS'),
    sla: {
      urgentMin: positive(env, 'TRIAGE_SLA_URGENT_MIN'),
      highMin: positive(env, 'TRIAGE_SLA_HIGH_MIN'),
      normalMin: normal === 'eod' ? 'eod' : positive(env, 'TRIAGE_SLA_NORMAL_MIN'),
    },
    realertMin: positive(env, 'TRIAGE_REALERT_MIN'),
    escalateMin: positive(env, 'TRIAGE_ESCALATE_MIN'),
    backlogMin: positive(env, 'TRIAGE_BACKLOG_MIN'),
    mergeWindowMin: positive(env, 'TRIAGE_MERGE_WINDOW_MIN'),
    floodPerMin: positive(env, 'TRIAGE_FLOOD_PER_MIN'),
    rate: { perMinute: positive(env, 'TRIAGE_RATE_PER_MIN'), perConversationMs: positive(env, 'TRIAGE_RATE_PER_ROOM_MS', true) },
    retentionDays: positive(env, 'TRIAGE_RETENTION_DAYS'),
  }
}

/** Minutes after local midnight for a timestamp (process TZ). */
export function minuteOfDay(at: number): number {
  const d = new Date(at)
  return d.getHours() * 60 + d.getMinutes()
}

function inRange(minute: number, r: { from: number; to: number }): boolean {
  return r.from <= r.to ? minute >= r.from && minute < r.to : minute >= r.from || minute < r.to
}

export function isWorkingTime(config: Config, at: number): boolean {
  return inRange(minuteOfDay(at), config.workingHours)
}

/** Stewards on duty at a time; with no schedule (or nobody scheduled) every steward is. */
export function onDutyStewards(config: Config, at: number): string[] {
  if (!config.onDuty) return config.stewards
  const minute = minuteOfDay(at)
  const ids = new Set(config.onDuty.filter((s) => inRange(minute, s)).flatMap((s) => s.stewards))
  return ids.size > 0 ? [...ids] : config.stewards
}

export type Role = 'steward' | 'manager' | 'resident'

// Asked several times for every message, and a region's config lists a hundred stewards: each
// config's roles are looked up in a map built once (issue 7 profile).
const roles = new WeakMap<Config, Map<string, Role>>()

/** Roles come from contact ids only: a display name proves nothing. */
export function roleOf(config: Config, contactId: string): Role {
  let known = roles.get(config)
  if (!known) {
    known = new Map()
    for (const id of config.stewards) known.set(id, 'steward')
    // A manager listed as a steward too is a manager.
    for (const id of config.managers) known.set(id, 'manager')
    roles.set(config, known)
  }
  return known.get(contactId) ?? 'resident'
}
