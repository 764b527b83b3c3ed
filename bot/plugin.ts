// Louguanjia as a Wechaty plugin: `bot.use(Louguanjia({ ctx }))`.
// Listens in the configured rooms, persists every message first, runs the
// handlers, and drains their outbox through Wechaty.
import { FileBox } from 'file-box'
import type { Contact, Message, Wechaty, WechatyPlugin } from 'wechaty'
import type { QueuedMessage } from '../store/outbox.ts'
import { assertWritable, classify } from '../store/store.ts'
import type { CommandHooks } from '../handlers/commands.ts'
import type { Context } from '../handlers/context.ts'
import { Ingest, STORE_BATCH } from '../handlers/ingest.ts'
import { toInbound } from './adapter.ts'
import { MissedMessages, type MissedOptions } from './missed-messages.ts'
import { Sender, type Transport } from './sender.ts'

export interface LouguanjiaOptions {
  ctx: Context
  hooks?: CommandHooks
  /** Start the real-time outbox loop (tests and the demo pump by hand). */
  autoSend?: boolean
  /** Called after each message is stored and processed. */
  onProcessed?(messageId: string): void
  /** How messages announced but never read are fetched again (tests shorten the wait). */
  missed?: MissedOptions
}

export interface LouguanjiaHandle {
  sender: Sender
  /** Resolves when every message received so far is stored and processed. */
  idle(): Promise<void>
  /** Messages announced by the puppet but not yet read (fetched again later). */
  missed: MissedMessages
}

export function wechatyTransport(bot: Wechaty): Transport {
  return {
    async send(m: QueuedMessage) {
      const target = m.to.kind === 'room' ? await bot.Room.find({ id: m.to.id }) : await bot.Contact.find({ id: m.to.id })
      if (!target) throw new Error(`${m.to.kind} ${m.to.id} not found`)
      if (m.file) await target.say(FileBox.fromBase64(m.file.base64, m.file.name))
      if (m.text) {
        if (m.to.kind === 'room' && m.mentions?.length) {
          const contacts = (await Promise.all(m.mentions.map((id) => bot.Contact.find({ id })))).filter((c): c is Contact => !!c)
          await (target as { say(text: string, ...mentions: Contact[]): Promise<unknown> }).say(m.text, ...contacts)
        } else {
          await target.say(m.text)
        }
      }
    },
  }
}

/** Before start() there is no puppet to ask. */
function safeLoggedIn(bot: Wechaty): boolean {
  try {
    return bot.isLoggedIn
  } catch {
    return false
  }
}

/** The longest a received message waits in the queue for others to share its commit. */
export const BURST_WAIT_MS = 5

/** After a storage fault, processing is retried after this long, doubling up to the maximum. */
export const DRAIN_RETRY_MS = { first: 500, max: 60_000 }

export function Louguanjia(options: LouguanjiaOptions): WechatyPlugin & { handle: LouguanjiaHandle } {
  const { ctx } = options
  // A store the bot cannot write would lose every message it hears: refuse to start (StoreError).
  assertWritable(ctx.db)
  let chain: Promise<void> = Promise.resolve()
  let retryTimer: NodeJS.Timeout | null = null
  let retryMs = DRAIN_RETRY_MS.first
  const ingest = new Ingest(ctx, options.hooks)
  /** Listener calls whose message has not reached the ingest queue yet. */
  let arriving = 0
  /**
   * Store what is queued, then process what is stored (group commit: handlers/ingest.ts). A
   * storage fault (locked past the busy timeout, full, read-only) keeps the messages — in
   * memory if they could not be stored, pending if they were: say so, and try again with
   * backoff — an emergency heard during a quiet night must not wait for the next resident to speak.
   */
  let burstTimer: NodeJS.Timeout | null = null
  const flush = (): number | null => {
    if (burstTimer) {
      clearTimeout(burstTimer)
      burstTimer = null
    }
    try {
      const r = ingest.flush()
      retryMs = DRAIN_RETRY_MS.first
      for (const { inbound, result } of r.stored) {
        ctx.log.debug({ messageId: inbound.messageId, roomId: inbound.roomId, ...result }, 'stored')
        options.onProcessed?.(inbound.messageId)
      }
      // A long backlog (after a restart) goes in slices, letting new messages in between.
      if (r.more)
        setImmediate(() => {
          chain = chain.then(() => {
            flush()
          })
        })
      return r.processed
    } catch (err) {
      // Loud, with what an operator needs to act (never the residents' text).
      ctx.log.error(
        { err: classify(err), queued: ingest.queued, retryInMs: retryMs },
        ingest.queued > 0
          ? 'could not store messages: kept in memory, retrying'
          : 'processing paused: stored messages stay queued until the database works again',
      )
      if (!retryTimer) {
        retryTimer = setTimeout(() => {
          retryTimer = null
          chain = chain.then(() => {
            flush()
          })
        }, retryMs)
        retryTimer.unref?.()
        retryMs = Math.min(DRAIN_RETRY_MS.max, retryMs * 2)
      }
      return null
    }
  }
  // One sender for the life of the process: after a reconnect the plugin is
  // installed on a fresh Wechaty and only the transport changes.
  const sender = new Sender(
    ctx.outbox.store,
    { send: () => Promise.reject(new Error('not connected')) },
    ctx.clock,
    ctx.config.rate,
    ctx.log,
  )
  ctx.outbox.onEnqueue((urgent) => sender.wake(urgent))
  const missed = new MissedMessages(options.missed)
  const handle: LouguanjiaHandle = { sender, idle: () => chain, missed }

  /** Turn a Message into an Inbound and queue it, unless it is our own or from a room we do not serve. */
  const accept = async (bot: Wechaty, message: Message): Promise<void> => {
    // Our own messages come back as events (PuppetMock always does this): never answer them.
    if (message.self() || message.talker()?.id === ctx.selfId) return
    const inbound = await toInbound(message, bot.isLoggedIn ? bot.currentUser.name() : '')
    if (!inbound) {
      ctx.log.warn({ messageId: message.id }, 'message without a talker: ignored')
      return
    }
    if (inbound.roomId && ctx.config.rooms && !ctx.config.rooms.test(inbound.roomTopic ?? '')) return
    ingest.push(inbound)
  }

  const plugin = (bot: Wechaty) => {
    sender.setTransport(wechatyTransport(bot))
    const listener = (message: Message) => {
      missed.delivered(message.id)
      arriving++
      // Serialise: messages reach the queue in arrival order. The last of a burst (nothing
      // else arriving behind it) stores and processes the whole burst: one commit for all.
      chain = chain
        .then(() => accept(bot, message))
        .catch((err) => ctx.log.error({ err }, 'message handling failed'))
        .then(() => {
          arriving--
          if (arriving === 0 || ingest.queued >= STORE_BATCH) flush()
          // Under steady traffic the chain is rarely empty (each message waits on its payloads):
          // nothing queued waits more than BURST_WAIT_MS for the messages behind it.
          else if (ingest.queued > 0 && !burstTimer)
            burstTimer = setTimeout(() => {
              burstTimer = null
              flush()
            }, BURST_WAIT_MS)
        })
    }
    let tracking = false
    const recover = () => {
      void missed.recover(bot, listener).then((n) => {
        if (n) ctx.log.warn({ count: n }, 'fetched messages again that an earlier connection announced but could not read')
      })
    }
    const onLogin = (user: Contact) => {
      ctx.setSelfId(user.id)
      ctx.log.info({ userId: user.id }, 'logged in')
      if (!tracking) {
        tracking = true
        bot.puppet.on('message', ({ messageId }) => missed.announced(bot, messageId))
      }
      recover()
      // Messages stored before a crash or restart are finished now (backlog rules apply inside).
      const n = flush()
      if (n) ctx.log.info({ count: n }, 'processed messages stored before start-up')
      if (options.autoSend !== false) sender.start()
    }
    bot.on('message', listener)
    bot.on('login', onLogin)
    const sweep = setInterval(() => {
      if (safeLoggedIn(bot)) recover()
    }, options.missed?.staleMs ?? 30_000)
    sweep.unref?.()
    // Installed on a running bot: catch up now. (Before start() there is no puppet to ask.)
    if (safeLoggedIn(bot)) onLogin(bot.currentUser)
    return () => {
      clearInterval(sweep)
      if (burstTimer) clearTimeout(burstTimer)
      burstTimer = null
      if (retryTimer) clearTimeout(retryTimer)
      retryTimer = null
      bot.off('message', listener)
      bot.off('login', onLogin)
    }
  }
  return Object.assign(plugin, { handle })
}
