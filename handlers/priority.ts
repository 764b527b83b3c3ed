// Priority levels and claim deadlines. 0 is the most pressing.
//   P0 urgent (minutes matter) · P1 high (health, a possible emergency, or a red-tier household)
//   P2 normal · P3 low (pets, things to review)
// A ticket waiting long moves up one level per `AGE_STEP_MS`, but never into P0:
// only a real emergency is P0.
import type { Category } from '../classifiers/types.ts'
import type { QueueKey, Ticket, Tier } from '../store/tickets.ts'
import type { Config } from './config.ts'

export const PRIORITY_NAMES = ['紧急', '高', '普通', '低'] as const
export const AGE_STEP_MS = 4 * 3600_000

export function basePriority(t: {
  urgent: boolean
  possibleUrgent?: boolean
  category: Category
  tier: Tier | null
  needsReview: boolean
}): number {
  if (t.urgent) return 0
  if (t.possibleUrgent || t.category === 'medical' || t.tier === 'red') return 1
  if (t.category === 'pet' || (t.category === 'other' && t.needsReview)) return t.tier === 'yellow' ? 2 : 3
  return 2
}

export function effectivePriority(t: Pick<Ticket, 'priority' | 'createdAt'>, now: number): number {
  if (t.priority === 0) return 0
  const bump = Math.floor(Math.max(0, now - t.createdAt) / AGE_STEP_MS)
  return Math.max(1, t.priority - bump)
}

/** Queue order: effective priority, then oldest first. */
export function byQueueOrder(now: number) {
  return (a: QueueKey, b: QueueKey) => effectivePriority(a, now) - effectivePriority(b, now) || a.createdAt - b.createdAt || a.id - b.id
}

/** When the ticket must be claimed by. */
export function claimDeadline(config: Config, priority: number, createdAt: number): number {
  if (priority === 0) return createdAt + config.sla.urgentMin * 60_000
  if (priority === 1) return createdAt + config.sla.highMin * 60_000
  if (config.sla.normalMin !== 'eod') return createdAt + config.sla.normalMin * 60_000
  const eod = new Date(createdAt)
  eod.setHours(23, 59, 59, 999)
  return eod.getTime()
}
