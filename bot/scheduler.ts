// Fires the periodic work by calling handlers: emergency re-alerts and
// escalation, SLA reminders, the daily retention purge, the hourly steward digest and the daily manager
// digest at TRIAGE_DIGEST_AT (local time). Times come from the context clock,
// so the demo and the tests replay a day on a simulated clock.
import { purgeOlderThan } from '../store/privacy.ts'
import { getKv, setKv } from '../store/store.ts'
import { isWorkingTime, minuteOfDay, onDutyStewards } from '../handlers/config.ts'
import type { Context } from '../handlers/context.ts'
import { chaseEmergencies, uncoveredShifts } from '../handlers/emergency.ts'
import { DUTY_KEY, dutyKey } from './startup-checks.ts'
import { checkSla } from '../handlers/sla.ts'
import { stewardDigestChanged } from '../handlers/digest.ts'
import { digestEveryMin, inQuietHours } from '../handlers/settings.ts'

export interface DigestHooks {
  /** Send the steward digest to one steward (through the outbox). */
  stewardDigest?(ctx: Context, stewardId: string): void
  /** Send the daily digest to one manager (through the outbox). */
  managerDaily?(ctx: Context, managerId: string): void
}

const localDate = (at: number) => {
  const d = new Date(at)
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`
}

export function tick(ctx: Context, hooks: DigestHooks = {}): void {
  const now = ctx.clock()
  chaseEmergencies(ctx)
  checkSla(ctx)

  // A shift change (set by the login check first): a shift nobody can be reached in raises the alarm.
  const lastDuty = getKv(ctx.db, DUTY_KEY)
  if (lastDuty !== null) {
    const current = dutyKey(ctx, now)
    if (current !== lastDuty) {
      setKv(ctx.db, DUTY_KEY, current)
      const problems = uncoveredShifts(ctx, now)
      if (problems.length) ctx.reach.alarm(`【楼管家】换班提醒:${problems.join(' ')}`)
    }
  }

  if (hooks.stewardDigest && isWorkingTime(ctx.config, now)) {
    for (const id of onDutyStewards(ctx.config, now)) {
      // Each steward's own rhythm (「设置 简报」, off shift only), and only when something changed.
      const every = digestEveryMin(ctx, id, now) * 60_000
      const key = `digest:steward:tick:${id}`
      const last = Number(getKv(ctx.db, key) ?? 0)
      if (every <= 0 || now - last < every) continue
      setKv(ctx.db, key, String(now))
      // The first tick after start-up only sets the mark: a restart must not spam a digest.
      if (last > 0 && !inQuietHours(ctx, id, now) && stewardDigestChanged(ctx, id)) hooks.stewardDigest(ctx, id)
    }
  }

  // Residents' data is kept no longer than TRIAGE_RETENTION_DAYS: once a day, purge what is older.
  const purgeKey = `retention:${localDate(now)}`
  if (!getKv(ctx.db, purgeKey)) {
    setKv(ctx.db, purgeKey, String(now))
    const purged = purgeOlderThan(ctx.db, now - ctx.config.retentionDays * 86_400_000)
    if (purged.messages || purged.tickets) ctx.log.info({ ...purged }, 'retention: purged old data')
  }

  if (hooks.managerDaily && minuteOfDay(now) >= ctx.config.digestAt) {
    const key = `digest:daily:${localDate(now)}`
    if (!getKv(ctx.db, key)) {
      setKv(ctx.db, key, String(now))
      for (const id of ctx.config.managers) hooks.managerDaily(ctx, id)
    }
  }
}

export class Scheduler {
  private timer: NodeJS.Timeout | null = null
  constructor(
    private readonly ctx: Context,
    private readonly hooks: DigestHooks = {},
  ) {}

  start(intervalMs = 30_000): void {
    this.stop()
    this.timer = setInterval(() => {
      try {
        tick(this.ctx, this.hooks)
      } catch (err) {
        this.ctx.log.error({ err }, 'scheduled work failed')
      }
    }, intervalMs)
    this.timer.unref()
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer)
    this.timer = null
  }
}
