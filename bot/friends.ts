// Friend requests through Wechaty: staff accepted at once; members of served rooms queued and
// accepted under the hourly cap when TRIAGE_FRIENDS_FROM_ROOMS is on (handlers/friends.ts
// decides); the greeting goes through the outbox like every other message. Every request is
// stored before it is acted on (store/friend-requests.ts): one waiting at a restart is accepted
// afterwards from its stored payload, and one the service delivers again is not accepted twice.
import type { Contact, Friendship, Wechaty } from 'wechaty'
import * as PUPPET from 'wechaty-puppet'
import type { Context } from '../handlers/context.ts'
import { GREETING_RESIDENT, GREETING_STAFF, decideFriendRequest, dueFriendRequests } from '../handlers/friends.ts'
import type { FriendRequest } from '../store/friend-requests.ts'

export interface FriendRequests {
  /** Requests waiting for the cap (stored: they outlive a restart). */
  readonly queued: number
  onFriendship(bot: Wechaty, friendship: Friendship): Promise<void>
  /** Accept what the cap allows now (through `via`, default the Wechaty in use); returns how many were accepted. */
  drain(via?: Wechaty): Promise<number>
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

/** The request as Wechaty serialises it, to be accepted after a restart (Friendship.fromJSON). */
function payloadOf(friendship: Friendship): string {
  try {
    return friendship.toJSON()
  } catch {
    return JSON.stringify({ id: friendship.id, contactId: friendship.contact().id, type: friendship.type() })
  }
}

function safeLoggedIn(bot: Wechaty): boolean {
  try {
    return bot.isLoggedIn
  } catch {
    return false
  }
}

/** `currentBot`: the Wechaty in use now (a reconnect builds a new one). */
export function friendRequests(ctx: Context, currentBot: () => Wechaty): FriendRequests {
  let timer: NodeJS.Timeout | null = null
  /** Requests received by this process, ready to accept without restoring them from the store. */
  const live = new Map<string, Friendship>()

  const accept = async (bot: Wechaty, request: FriendRequest, greeting: string): Promise<boolean> => {
    const { friendshipId, contactId } = request
    let ok = false
    try {
      const friendship = live.get(friendshipId) ?? (await bot.Friendship.fromJSON(request.payload))
      await friendship.accept()
      ok = true
    } catch (err) {
      ctx.log.warn({ contactId, err: { message: (err as Error).message } }, 'friend request: accept failed')
    }
    live.delete(friendshipId)
    ctx.friendRequests.settle(friendshipId, ok)
    if (!ok) return false
    ctx.reach.set(contactId, true)
    ctx.outbox.send({ to: { kind: 'contact', id: contactId }, text: greeting, purpose: 'greeting' })
    ctx.log.info({ contactId }, 'friend request accepted')
    return true
  }

  const drain = async (via?: Wechaty): Promise<number> => {
    const bot = via ?? currentBot()
    // Accepting needs a logged-in account; what waits stays stored until then.
    if (!safeLoggedIn(bot)) return 0
    let n = 0
    for (const request of dueFriendRequests(ctx)) if (await accept(bot, request, GREETING_RESIDENT)) n++
    return n
  }

  return {
    get queued() {
      return ctx.friendRequests.countPending()
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
      if (decision === 'ignore') return
      const stored = ctx.friendRequests.receive({
        friendshipId: friendship.id,
        contactId: contact.id,
        payload: payloadOf(friendship),
        at: ctx.clock(),
      })
      if (stored === 'known') {
        ctx.log.info({ contactId: contact.id }, 'friend request delivered again: already handled or waiting')
        return
      }
      // An earlier request of the same person was superseded in the store: forget it here too.
      for (const [id, f] of live) if (f.contact().id === contact.id) live.delete(id)
      live.set(friendship.id, friendship)
      if (decision === 'accept-now') {
        const request = ctx.friendRequests.claimOne(friendship.id, ctx.clock())
        if (request) await accept(bot, request, GREETING_STAFF)
      } else await drain(bot)
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
