// Group commit: messages that arrive together are stored together, then processed.
//
// Each message must be in SQLite before anything else happens to it, and each commit
// costs far more than the work of storing one row. So the bot queues what arrives while
// it is busy, stores the whole burst in one transaction, and only then processes what
// is stored (drainInbox, one transaction per batch). A message alone — the usual case
// at 3 a.m. — is a burst of one and goes through at once.
import { storedRow, type StoreResult } from '../store/inbox.ts'
import type { Inbound, StoredInbound } from '../store/types.ts'
import { classify } from '../store/store.ts'
import type { CommandHooks } from './commands.ts'
import type { Context } from './context.ts'
import { PROCESS_BATCH, drainInbox, noteRecall, processStored } from './pipeline.ts'

/** At most this many messages are stored per transaction. */
export const STORE_BATCH = 500

/** At most this many stored messages are processed per flush, so a long backlog does not hold the event loop. */
export const PROCESS_PER_FLUSH = 1000

/**
 * Messages held in memory while the store cannot take them (full disk, locked DB). Beyond
 * this the oldest are dropped, loudly: memory is finite and the operator has been told.
 */
export const MAX_QUEUED = 100_000

export interface FlushResult {
  /** Each stored-or-dropped message with its outcome, in arrival order. */
  stored: { inbound: Inbound; result: StoreResult }[]
  /** How many stored messages were processed. */
  processed: number
  /** More stored messages wait to be processed: flush again soon. */
  more: boolean
}

export class Ingest {
  private queue: Inbound[] = []
  private dropped = 0
  /**
   * Nothing was left pending by the last flush: what this flush stores is all there is to
   * process, and it is processed as stored, without reading it back. Unknown (false) at
   * start-up and after a storage fault, when the inbox is read instead.
   */
  private caughtUp = false

  constructor(
    private readonly ctx: Context,
    private readonly hooks: CommandHooks = {},
  ) {}

  /** Queue a message; nothing is stored until flush(). */
  push(m: Inbound): void {
    if (this.queue.length >= MAX_QUEUED) {
      const lost = this.queue.shift()!
      this.dropped++
      this.ctx.log.error(
        { messageId: lost.messageId, roomId: lost.roomId, droppedSoFar: this.dropped },
        'store unavailable too long: queue full, oldest message dropped',
      )
    }
    this.queue.push(m)
  }

  get queued(): number {
    return this.queue.length
  }

  /**
   * Store everything queued (a transaction per STORE_BATCH), then process everything stored.
   * A storage fault throws (a StoreError) after keeping the unstored messages queued and
   * the stored ones pending: the next flush carries on where this one stopped.
   */
  flush(): FlushResult {
    const out: FlushResult = { stored: [], processed: 0, more: false }
    const fresh: StoredInbound[] = []
    let recalls = false
    while (this.queue.length > 0) {
      const burst = this.queue.slice(0, STORE_BATCH)
      const receivedAt = this.ctx.clock()
      let results: StoreResult[]
      try {
        results = this.ctx.inbox.storeMany(burst, receivedAt)
      } catch (err) {
        // What was stored by an earlier burst of this flush is pending in the DB: read it next time.
        this.caughtUp = false
        throw classify(err)
      }
      this.queue.splice(0, burst.length)
      for (let i = 0; i < burst.length; i++) {
        const inbound = burst[i]
        const result = results[i]
        out.stored.push({ inbound, result })
        if (!result.stored) continue
        fresh.push(storedRow(inbound, result.id, receivedAt))
        // The recall notice is kept too; its text names the recalled message.
        if (inbound.type === 'recalled') {
          recalls = true
          noteRecall(this.ctx, inbound)
        }
      }
    }
    // A recall may have changed a row of this burst: then read the rows back.
    if (this.caughtUp && !recalls && fresh.length <= PROCESS_BATCH) {
      this.caughtUp = false
      fresh.sort((a, b) => a.at - b.at || a.id - b.id)
      if (fresh.length > 0) processStored(this.ctx, fresh, this.hooks)
      this.caughtUp = true
      out.processed = fresh.length
      return out
    }
    this.caughtUp = false
    out.processed = drainInbox(this.ctx, this.hooks, PROCESS_PER_FLUSH)
    out.more = out.processed >= PROCESS_PER_FLUSH
    this.caughtUp = !out.more
    return out
  }
}
