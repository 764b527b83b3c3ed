// Message events the bot heard but could not read. Wechaty turns a puppet
// `message` event (an id) into a Message by fetching its payload; when the link
// drops between the two, Wechaty reports "message not found" and the message is
// gone. We note every id the puppet announces, cross it off when the Message
// reaches the plugin, and fetch what is left again — on the new connection after
// a reconnect, or after a while on the same one.
import type { Message, Wechaty } from 'wechaty'

interface Entry {
  bot: Wechaty
  since: number
  tries: number
}

export interface MissedOptions {
  /** On the same connection, an id not delivered after this long is fetched again. */
  staleMs?: number
  /** Attempts before an id is given up (and logged). */
  maxTries?: number
  /** At most this many ids are remembered (a flood must not grow memory without bound). */
  capacity?: number
  now?: () => number
}

export class MissedMessages {
  private readonly entries = new Map<string, Entry>()
  private readonly staleMs: number
  private readonly maxTries: number
  private readonly capacity: number
  private readonly now: () => number
  /** Ids given up on, for the operator (and the tests). */
  readonly abandoned: string[] = []

  constructor(o: MissedOptions = {}) {
    this.staleMs = o.staleMs ?? 30_000
    this.maxTries = o.maxTries ?? 3
    this.capacity = o.capacity ?? 10_000
    this.now = o.now ?? Date.now
  }

  /** The puppet announced a message on this connection. */
  announced(bot: Wechaty, messageId: string): void {
    if (this.entries.has(messageId)) return
    if (this.entries.size >= this.capacity) {
      const oldest = this.entries.keys().next().value as string
      this.entries.delete(oldest)
      this.abandoned.push(oldest)
    }
    this.entries.set(messageId, { bot, since: this.now(), tries: 0 })
  }

  /** The Message reached the plugin. */
  delivered(messageId: string): void {
    this.entries.delete(messageId)
  }

  get size(): number {
    return this.entries.size
  }

  /**
   * Ids worth fetching again through `bot`: every id announced on an earlier connection, and
   * ids on this one that have waited longer than staleMs. Each call counts as one try.
   */
  due(bot: Wechaty): string[] {
    const out: string[] = []
    const now = this.now()
    for (const [id, e] of this.entries) {
      if (e.bot === bot && now - e.since < this.staleMs) continue
      if (e.tries >= this.maxTries) {
        this.entries.delete(id)
        this.abandoned.push(id)
        continue
      }
      e.tries++
      e.bot = bot
      e.since = now
      out.push(id)
    }
    return out
  }

  /** Fetch the due ids through `bot` and hand each Message found to `deliver`. */
  async recover(bot: Wechaty, deliver: (m: Message) => void): Promise<number> {
    let n = 0
    for (const id of this.due(bot)) {
      const m = await bot.Message.find({ id }).catch(() => undefined)
      if (!m) continue
      this.delivered(id)
      deliver(m)
      n++
    }
    return n
  }
}
