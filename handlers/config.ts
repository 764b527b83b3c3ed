// Configuration, parsed from an environment-like record: the one place every
// WECHATY_* and TRIAGE_* variable is read. Pure, so the same parsing serves the
// bot, the CLI, the demo and the tests; bot/ passes process.env in, and a
// reload parses again. A mistake is a ConfigError naming the variable: a bot
// that starts on a typo announces emergencies to nobody.

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
  /** TRIAGE_ALERT_WEBHOOK: the alarm channel outside WeChat (a secret: it embeds a key). */
  alertWebhook: string | null
  /** TRIAGE_OFFLINE_ALERT_MIN */
  offlineAlertMin: number
  /** TRIAGE_HEALTH_PORT: GET /healthz; null = no health endpoint; 0 = any free port (tests). */
  healthPort: number | null
  /** Friend requests: members of served rooms accepted (TRIAGE_FRIENDS_FROM_ROOMS), at most perHour an hour. */
  friends: { fromRooms: boolean; perHour: number }
}

export class ConfigError extends Error {}

const DEFAULTS = {
  TRIAGE_ACK: 'all',
  TRIAGE_DIGEST_AT: '20:00',
  TRIAGE_STEWARD_DIGEST_EVERY_MIN: '240',
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
  TRIAGE_OFFLINE_ALERT_MIN: '5',
  TRIAGE_FRIENDS_PER_HOUR: '10',
} as const

/**
 * Every TRIAGE_* variable Louguanjia knows (DESIGN.md's list, .env.example, and the
 * ones the tests read). Any other TRIAGE_* name is a typo until proven otherwise.
 */
export const KNOWN_TRIAGE_VARIABLES: readonly string[] = [
  'TRIAGE_DB',
  'TRIAGE_DB_URL',
  'TRIAGE_ACCOUNT',
  'TRIAGE_STEWARDS',
  'TRIAGE_MANAGERS',
  'TRIAGE_ONDUTY',
  'TRIAGE_ROOMS',
  'TRIAGE_ACK',
  'TRIAGE_DIGEST_AT',
  'TRIAGE_STEWARD_DIGEST_EVERY_MIN',
  'TRIAGE_WORKING_HOURS',
  'TRIAGE_SLA_URGENT_MIN',
  'TRIAGE_SLA_HIGH_MIN',
  'TRIAGE_SLA_NORMAL_MIN',
  'TRIAGE_REALERT_MIN',
  'TRIAGE_ESCALATE_MIN',
  'TRIAGE_BACKLOG_MIN',
  'TRIAGE_MERGE_WINDOW_MIN',
  'TRIAGE_FLOOD_PER_MIN',
  'TRIAGE_RATE_PER_MIN',
  'TRIAGE_RATE_PER_ROOM_MS',
  'TRIAGE_ALERT_WEBHOOK',
  'TRIAGE_OFFLINE_ALERT_MIN',
  'TRIAGE_RETENTION_DAYS',
  'TRIAGE_HEALTH_PORT',
  'TRIAGE_FAQ',
  'TRIAGE_FRIENDS_FROM_ROOMS',
  'TRIAGE_FRIENDS_PER_HOUR',
  'TRIAGE_TEST_PG_URL',
]

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j)
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0]
    row[0] = i
    for (let j = 1; j <= b.length; j++) {
      const above = row[j]
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1))
      diagonal = above
    }
  }
  return row[b.length]
}

/** The known name closest to a misspelt one, when one is close enough to be meant. */
export function didYouMean(name: string, known: readonly string[] = KNOWN_TRIAGE_VARIABLES): string | null {
  let best: string | null = null
  let bestDistance = Infinity
  for (const k of known) {
    const d = editDistance(name, k)
    if (d < bestDistance) [best, bestDistance] = [k, d]
  }
  return best && bestDistance <= Math.max(2, Math.floor(best.length / 4)) ? best : null
}

/** An unknown TRIAGE_* name is an error: `TRIAGE_STEWARD=` would otherwise start a bot with no stewards. */
export function checkVariableNames(env: Record<string, string | undefined>): void {
  const unknown = Object.keys(env).filter((k) => k.startsWith('TRIAGE_') && !KNOWN_TRIAGE_VARIABLES.includes(k))
  if (unknown.length === 0) return
  const lines = unknown.sort().map((k) => {
    const guess = didYouMean(k)
    return guess ? `${k}(是不是 ${guess}?)` : k
  })
  throw new ConfigError(`不认识的变量:${lines.join(';')}`)
}

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
  if (!m || Number(m[1]) > 23 || Number(m[2]) > 59) throw new ConfigError(`${variable}:应为 HH:MM 格式的时间,实际是 "${s}"`)
  return Number(m[1]) * 60 + Number(m[2])
}

function parseRange(s: string, variable: string): { from: number; to: number } {
  const [a, b] = s.split('-')
  if (!a || !b) throw new ConfigError(`${variable}:应为 HH:MM-HH:MM 格式的时段,实际是 "${s}"`)
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
      if (!who) throw new ConfigError(`TRIAGE_ONDUTY:应为 HH:MM-HH:MM=id,id 的格式,实际是 "${s.trim()}"`)
      return { ...parseRange(range.trim(), 'TRIAGE_ONDUTY'), stewards: parsePeople(who).ids }
    })
}

function positive(env: Record<string, string | undefined>, key: keyof typeof DEFAULTS, allowZero = false): number {
  const raw = env[key] ?? DEFAULTS[key]
  const n = Number(raw)
  if (!Number.isFinite(n) || n < 0 || (!allowZero && n === 0))
    throw new ConfigError(`${key}:应为${allowZero ? '不小于 0 的' : '大于 0 的'}数字,实际是 "${raw}"`)
  return n
}

function yesNo(raw: string | undefined, variable: string): boolean {
  const v = (raw ?? '').trim().toLowerCase()
  if (v === '' || v === 'false' || v === 'no' || v === '0') return false
  if (v === 'true' || v === 'yes' || v === '1') return true
  throw new ConfigError(`${variable}:应为 true 或 false,实际是 "${raw}"`)
}

function healthPort(raw: string | undefined): number | null {
  if (!raw?.trim()) return null
  const n = Number(raw)
  if (!Number.isInteger(n) || n < 0 || n > 65535)
    throw new ConfigError(`TRIAGE_HEALTH_PORT:应为端口号(0-65535,0 表示任选一个空闲端口),实际是 "${raw}"`)
  return n
}

export function parseConfig(env: Record<string, string | undefined>): Config {
  checkVariableNames(env)
  const stewards = parsePeople(env.TRIAGE_STEWARDS)
  const managers = parsePeople(env.TRIAGE_MANAGERS)
  const ack = (env.TRIAGE_ACK ?? DEFAULTS.TRIAGE_ACK) as AckMode
  if (!['all', 'urgent', 'off'].includes(ack)) throw new ConfigError(`TRIAGE_ACK:应为 all、urgent 或 off,实际是 "${ack}"`)
  let rooms: RegExp | null = null
  if (env.TRIAGE_ROOMS?.trim()) {
    try {
      rooms = new RegExp(env.TRIAGE_ROOMS)
    } catch (err) {
      throw new ConfigError(`TRIAGE_ROOMS:不是有效的正则表达式:${(err as Error).message}`)
    }
  }
  const normal = env.TRIAGE_SLA_NORMAL_MIN ?? DEFAULTS.TRIAGE_SLA_NORMAL_MIN
  const onDuty = parseShifts(env.TRIAGE_ONDUTY)
  // A shift naming someone who is not a steward is a shift nobody is alerted in.
  for (const shift of onDuty ?? []) {
    for (const id of shift.stewards) {
      if (stewards.ids.includes(id)) continue
      const guess = didYouMean(id, stewards.ids)
      throw new ConfigError(
        `TRIAGE_ONDUTY:"${id}" 不在 TRIAGE_STEWARDS 里${guess ? `(是不是 ${guess}?)` : ''};值班表里的每个 id 都必须是已配置的管家`,
      )
    }
  }
  return {
    stewards: stewards.ids,
    stewardNames: stewards.names,
    managers: managers.ids,
    managerNames: managers.names,
    onDuty,
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
    alertWebhook: env.TRIAGE_ALERT_WEBHOOK?.trim() || null,
    offlineAlertMin: positive(env, 'TRIAGE_OFFLINE_ALERT_MIN'),
    healthPort: healthPort(env.TRIAGE_HEALTH_PORT),
    friends: {
      fromRooms: yesNo(env.TRIAGE_FRIENDS_FROM_ROOMS, 'TRIAGE_FRIENDS_FROM_ROOMS'),
      perHour: positive(env, 'TRIAGE_FRIENDS_PER_HOUR'),
    },
  }
}

// Which puppet to use, from the standard WECHATY_* variables.
export interface PuppetChoice {
  /** 'demo' when nothing is configured: the built-in mock community. */
  mode: 'demo' | 'service' | 'other'
  name: string
  token?: string
  endpoint?: string
  noTlsInsecureClient: boolean
}

export function puppetFromEnv(env: Record<string, string | undefined>): PuppetChoice {
  const token = env.WECHATY_PUPPET_SERVICE_TOKEN?.trim() || undefined
  const name = env.WECHATY_PUPPET?.trim() || (token ? 'wechaty-puppet-service' : '')
  // Only the exact string "true" counts (the puppet service reads it that way too).
  const noTlsInsecureClient = env.WECHATY_PUPPET_SERVICE_NO_TLS_INSECURE_CLIENT === 'true'
  if (!name || name === 'wechaty-puppet-mock') return { mode: 'demo', name: 'wechaty-puppet-mock', noTlsInsecureClient }
  if (name === 'wechaty-puppet-service' && !token) {
    throw new ConfigError(
      'WECHATY_PUPPET_SERVICE_TOKEN 为空,但 WECHATY_PUPPET=wechaty-puppet-service:请填入 puppet 服务商给的 token,或注释掉 WECHATY_PUPPET 改跑演示',
    )
  }
  return {
    mode: name === 'wechaty-puppet-service' ? 'service' : 'other',
    name,
    token,
    endpoint: env.WECHATY_PUPPET_SERVICE_ENDPOINT?.trim() || undefined,
    noTlsInsecureClient,
  }
}

export function dbPathFromEnv(env: Record<string, string | undefined>): string {
  return env.TRIAGE_DB?.trim() || 'var/louguanjia.db'
}

export interface Settings {
  puppet: PuppetChoice
  dbPath: string
  config: Config
}

/**
 * Everything a start needs, checked together: the business configuration, the puppet and
 * the database. Outside the demo a bot with no stewards would alert nobody, so it does not start.
 */
export function parseSettings(env: Record<string, string | undefined>): Settings {
  const config = parseConfig(env)
  const puppet = puppetFromEnv(env)
  if (puppet.mode !== 'demo' && config.stewards.length === 0) {
    throw new ConfigError('TRIAGE_STEWARDS 为空:没有管家就没有人收到紧急提醒;请列出管家的联系人 id')
  }
  return { puppet, dbPath: dbPathFromEnv(env), config }
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
