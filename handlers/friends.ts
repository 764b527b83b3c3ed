// Friend requests. On a real account only friends can be written to privately, so the staff
// must be friends at once; residents of the rooms the bot serves may be accepted too when the
// operator enables it — slowly: accepting many requests in a burst gets accounts flagged.
// The decision and the cap live here (no Wechaty); bot/ accepts and sends the greeting.
import { roleOf } from './config.ts'
import type { Context } from './context.ts'

export type FriendDecision = 'accept-now' | 'queue' | 'ignore'

/** Staff at once; with TRIAGE_FRIENDS_FROM_ROOMS, members of a served room under the cap; nobody else. */
export function decideFriendRequest(ctx: Context, contactId: string, memberOfServedRoom: boolean): FriendDecision {
  if (roleOf(ctx.config, contactId) !== 'resident') return 'accept-now'
  if (ctx.config.friends.fromRooms && memberOfServedRoom) return 'queue'
  return 'ignore'
}

export const GREETING_STAFF = '您好,我是楼管家。以后紧急求助和待办会私信提醒您;发「帮助」可以查看指令。'
export const GREETING_RESIDENT =
  '您好,我是本小区的楼管家,已通过您的好友申请。您在群里提的事项办好后会私信告诉您,也可以随时发「我的」查看进度。'

/**
 * Requests waiting to be accepted, oldest first, at most `perHour` accepted in any rolling hour.
 * In memory: a request not accepted before a restart is sent again by the person or the service.
 */
export class FriendQueue<T> {
  private readonly waiting: { contactId: string; request: T }[] = []
  private readonly accepted: number[] = []

  constructor(private readonly perHour: () => number) {}

  get length(): number {
    return this.waiting.length
  }

  add(contactId: string, request: T): void {
    if (this.waiting.some((w) => w.contactId === contactId)) return
    this.waiting.push({ contactId, request })
  }

  /** The requests that may be accepted now (each counts against the cap from `now`). */
  due(now: number): { contactId: string; request: T }[] {
    while (this.accepted.length && this.accepted[0] <= now - 3600_000) this.accepted.shift()
    const room = Math.max(0, this.perHour() - this.accepted.length)
    const out = this.waiting.splice(0, room)
    for (let i = 0; i < out.length; i++) this.accepted.push(now)
    return out
  }
}
