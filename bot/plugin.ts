// Louguanjia as a Wechaty plugin: `bot.use(Louguanjia({ ctx }))`.
// Listens in the configured rooms, persists every message first, runs the
// handlers, and drains their outbox through Wechaty.
import { FileBox } from 'file-box'
import type { Contact, Message, Wechaty, WechatyPlugin } from 'wechaty'
import type { QueuedMessage } from '../data/outbox.ts'
import type { CommandHooks } from '../handlers/commands.ts'
import type { Context } from '../handlers/context.ts'
import { drainInbox, noteRecall } from '../handlers/pipeline.ts'
import { toInbound } from './adapter.ts'
import { Sender, type Transport } from './sender.ts'

export interface LouguanjiaOptions {
  ctx: Context
  hooks?: CommandHooks
  /** Start the real-time outbox loop (tests and the demo pump by hand). */
  autoSend?: boolean
  /** Called after each message is stored and processed. */
  onProcessed?(messageId: string): void
}

export interface LouguanjiaHandle {
  sender: Sender
  /** Resolves when every message received so far is stored and processed. */
  idle(): Promise<void>
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

export function Louguanjia(options: LouguanjiaOptions): WechatyPlugin & { handle: LouguanjiaHandle } {
  const { ctx } = options
  let chain: Promise<void> = Promise.resolve()
  // One sender for the life of the process: after a reconnect the plugin is
  // installed on a fresh Wechaty and only the transport changes.
  const sender = new Sender(ctx.outbox.store, { send: () => Promise.reject(new Error('not connected')) }, ctx.clock, ctx.config.rate, ctx.log)
  ctx.outbox.onEnqueue((urgent) => sender.wake(urgent))
  const handle: LouguanjiaHandle = { sender, idle: () => chain }

  const onMessage = async (bot: Wechaty, message: Message) => {
    // Our own messages come back as events (PuppetMock always does this): never answer them.
    if (message.self() || message.talker()?.id === ctx.selfId) return
    const inbound = await toInbound(message, bot.isLoggedIn ? bot.currentUser.name() : '')
    if (!inbound) {
      ctx.log.warn({ messageId: message.id }, 'message without a talker: ignored')
      return
    }
    if (inbound.roomId && ctx.config.rooms && !ctx.config.rooms.test(inbound.roomTopic ?? '')) return
    const result = ctx.inbox.store(inbound, ctx.clock())
    if (inbound.type === 'recalled') {
      // The recall notice is kept too; its text names the recalled message.
      noteRecall(ctx, inbound)
    }
    ctx.log.debug({ messageId: inbound.messageId, roomId: inbound.roomId, ...result }, 'stored')
    drainInbox(ctx, options.hooks)
    options.onProcessed?.(inbound.messageId)
  }

  const plugin = (bot: Wechaty) => {
    sender.setTransport(wechatyTransport(bot))
    const listener = (message: Message) => {
      // Serialise: the store and the handlers see messages one at a time, in arrival order.
      chain = chain.then(() => onMessage(bot, message)).catch((err) => ctx.log.error({ err }, 'message handling failed'))
    }
    const onLogin = (user: Contact) => {
      ctx.selfId = user.id
      ctx.log.info({ userId: user.id }, 'logged in')
      // Messages stored before a crash or restart are finished now (backlog rules apply inside).
      const n = drainInbox(ctx, options.hooks)
      if (n) ctx.log.info({ count: n }, 'processed messages stored before start-up')
      if (options.autoSend !== false) sender.start()
    }
    bot.on('message', listener)
    bot.on('login', onLogin)
    // Installed on a running bot: catch up now. (Before start() there is no puppet to ask.)
    let running = false
    try { running = bot.isLoggedIn } catch { running = false }
    if (running) onLogin(bot.currentUser)
    return () => {
      bot.off('message', listener)
      bot.off('login', onLogin)
    }
  }
  return Object.assign(plugin, { handle })
}
