// Friend requests through Wechaty: staff accepted at once; members of served rooms queued and
// accepted under the hourly cap when TRIAGE_FRIENDS_FROM_ROOMS is on (handlers/friends.ts
// decides); the greeting goes through the outbox like every other message.
import type { Contact, Friendship, Wechaty } from 'wechaty'
import * as PUPPET from 'wechaty-puppet'
import type { Context } from '../handlers/context.ts'
import { FriendQueue, GREETING_RESIDENT, GREETING_STAFF, decideFriendRequest } from '../handlers/friends.ts'

export interface FriendRequests {
  /** Requests waiting for the cap. */
  readonly queued: number
  onFriendship(bot: Wechaty, friendship: Friendship): Promise<void>
  /** Accept what the cap allows now; returns how many were accepted. */
  drain(): Promise<number>
  start(intervalMs?: number): void
  stop(): void
}

async function inServedRoom(bot: Wechaty, ctx: Context, contact: Contact): Promise<boolean> {
  const rooms = await bot.Room.findAll().catch(() => [])
  for (const room of rooms) {
    const topic = await room.topic().catch(() => '')
    if (ctx.config.rooms && !ctx.config.rooms.test(topic)) continue
    if (await room.has(contact).catch(() => false)) return true
  }
  return false
}

export function friendRequests(ctx: Context): FriendRequests {
  const queue = new FriendQueue<Friendship>(() => ctx.config.friends.perHour)
  let timer: NodeJS.Timeout | null = null

  const accept = async (friendship: Friendship, contactId: string, greeting: string): Promise<boolean> => {
    try {
      await friendship.accept()
    } catch (err) {
      ctx.log.warn({ contactId, err: { message: (err as Error).message } }, 'friend request: accept failed')
      return false
    }
    ctx.reach.set(contactId, true)
    ctx.outbox.send({ to: { kind: 'contact', id: contactId }, text: greeting, purpose: 'greeting' })
    ctx.log.info({ contactId }, 'friend request accepted')
    return true
  }

  const drain = async (): Promise<number> => {
    let n = 0
    for (const { contactId, request } of queue.due(ctx.clock())) if (await accept(request, contactId, GREETING_RESIDENT)) n++
    return n
  }

  return {
    get queued() {
      return queue.length
    },
    async onFriendship(bot, friendship) {
      const contact = friendship.contact()
      if (friendship.type() === PUPPET.types.Friendship.Confirm) {
        ctx.reach.set(contact.id, true)
        return
      }
      if (friendship.type() !== PUPPET.types.Friendship.Receive) return
      const member = ctx.config.friends.fromRooms ? await inServedRoom(bot, ctx, contact) : false
      const decision = decideFriendRequest(ctx, contact.id, member)
      ctx.log.info({ contactId: contact.id, decision }, 'friend request')
      if (decision === 'accept-now') await accept(friendship, contact.id, GREETING_STAFF)
      else if (decision === 'queue') {
        queue.add(contact.id, friendship)
        await drain()
      }
    },
    drain,
    start(intervalMs = 60_000) {
      if (timer) return
      timer = setInterval(() => void drain().catch(() => {}), intervalMs)
      timer.unref()
    },
    stop() {
      if (timer) clearInterval(timer)
      timer = null
    },
  }
}
