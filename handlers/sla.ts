// Claim deadlines: record the breach when a ticket is overdue, for the digests; the steward
// digest tells the on-duty stewards (a reminder of its own only reaches those who get no digest).
import { isWorkingTime, onDutyStewards } from './config.ts'
import type { Context } from './context.ts'
import { PRIORITY_NAMES } from './priority.ts'
import { digestEveryMin, inQuietHours } from './settings.ts'
import { CATEGORY_NAMES, hhmm, where } from './wording.ts'

export function checkSla(ctx: Context): number {
  const now = ctx.clock()
  const overdue = ctx.tickets.overdue(now).filter((t) => !t.slaBreached && !t.quiet)
  if (overdue.length === 0) return 0
  for (const t of overdue) {
    ctx.tickets.update(t.id, { slaBreached: true, remindedAt: now }, now)
    ctx.tickets.event(t.id, now, 'bot', 'sla-breached')
  }
  // An unclaimed emergency is re-alerted on its own schedule (emergency.ts): a reminder about it
  // too would only say the same thing twice.
  const remind = overdue.filter((t) => !(t.urgent && t.alertedAt != null))
  if (remind.length === 0) return overdue.length
  // A breach is news for the steward digest, which lists it first (digest.ts): a steward who gets
  // periodic digests hears of it there, with everything else, instead of in a message of its own.
  // Only a steward who gets none now (digests off, or outside the working hours they go out in)
  // is reminded on the spot.
  const noDigest = (id: string) => !isWorkingTime(ctx.config, now) || digestEveryMin(ctx, id, now) <= 0
  const to = onDutyStewards(ctx.config, now).filter((s) => noDigest(s) && !inQuietHours(ctx, s, now))
  if (to.length === 0) return overdue.length
  // One reminder listing them all: WeChat punishes bursts.
  const lines = remind
    .slice(0, 10)
    .map((t) => `#${t.id} [${PRIORITY_NAMES[t.priority]}] ${CATEGORY_NAMES[t.category]} ${where(t)} ${hhmm(t.createdAt)} 起未认领`)
  const more = remind.length > 10 ? [`……共 ${remind.length} 件超时`] : []
  // A steward off shift in their quiet hours (「设置 免打扰」) is not reminded.
  for (const id of to) {
    ctx.outbox.send({ to: { kind: 'contact', id }, text: ['⏰ 超时未认领:', ...lines, ...more, '回复「认领 编号」认领。'].join('\n') })
  }
  return overdue.length
}
