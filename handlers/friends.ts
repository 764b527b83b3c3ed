// Friend requests. On a real account only friends can be written to privately, so the staff
// must be friends at once; residents of the rooms the bot serves may be accepted too when the
// operator enables it — slowly: accepting many requests in a burst gets accounts flagged.
// The decision and the cap live here (no Wechaty); bot/ accepts and sends the greeting.
import type { FriendRequest } from '../store/friend-requests.ts'
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
 * Waiting requests that may be accepted now, oldest first: at most `perHour` accepts in any
 * rolling hour, counting those made before a restart (the store keeps them). Each is marked as
 * being accepted before bot/ asks the service, so none is ever accepted twice.
 */
export function dueFriendRequests(ctx: Context): FriendRequest[] {
  const now = ctx.clock()
  return ctx.friendRequests.claimDue(now, ctx.config.friends.perHour - ctx.friendRequests.acceptedSince(now))
}
