// Drains the persistent outbox through a transport (Wechaty in production),
// within WeChat's tolerance for bursts: a global budget per minute and a
// minimum gap per conversation. Emergencies go first and outside the budget.
import type { OutboxStore, QueuedMessage } from '../store/outbox.ts'
import type { Clock, Log } from '../handlers/context.ts'

export interface Transport {
  send(m: QueuedMessage): Promise<void>
}

export interface RateSettings {
  perMinute: number
  perConversationMs: number
}

/** Pending messages read at a time. */
const PENDING_READ = 200
/** Sends marked in one commit at most (noteSent). */
const MARK_BATCH = 200
/** A mark waits at most this long (real time) for others to share its commit. */
const MARK_WAIT_MS = 5

export class Sender {
  private readonly recent: number[] = []
  /** Sent, not yet marked in the store (noteSent). */
  private unmarked: { id: number; at: number }[] = []
  private unmarkedSince = 0
  private readonly lastTo = new Map<string, number>()
  private pumping: Promise<number> | null = null
  private timer: NodeJS.Timeout | null = null
  private stopped = true
  private again = false
  /** Something was queued since the pending list was last read. */
  private dirty = false

  constructor(
    private readonly store: OutboxStore,
    private transport: Transport,
    private readonly clock: Clock,
    private rate: RateSettings,
    private readonly log: Log,
  ) {}

  setTransport(t: Transport): void {
    this.transport = t
  }
  setRate(rate: RateSettings): void {
    this.rate = rate
  }

  /** Send everything that may go now. Concurrent calls share one pass (and trigger one more after it). */
  pump(): Promise<number> {
    if (this.pumping) {
      this.again = true
      return this.pumping
    }
    this.pumping = this.pass().finally(() => {
      this.pumping = null
    })
    return this.pumping.then(async (n) => {
      if (this.again) {
        this.again = false
        return n + (await this.pump())
      }
      return n
    })
  }

  private allowed(m: QueuedMessage, now: number): boolean {
    if (m.urgent) return true
    while (this.recent.length && this.recent[0] <= now - 60_000) this.recent.shift()
    if (this.recent.length >= this.rate.perMinute) return false
    return (this.lastTo.get(m.to.id) ?? -Infinity) + this.rate.perConversationMs <= now
  }

  /**
   * Marks a message sent. Marks are committed together when sends come back faster than
   * MARK_WAIT_MS apart (a commit per mark was most of the cost of draining a long outbox,
   * issue 7 profile); a real WeChat send takes longer than that, so each is marked at once
   * and a crash re-sends at most what was sent in the last few milliseconds.
   */
  private noteSent(id: number, at: number): void {
    if (this.unmarked.length === 0) this.unmarkedSince = performance.now()
    this.unmarked.push({ id, at })
    if (this.unmarked.length >= MARK_BATCH || performance.now() - this.unmarkedSince >= MARK_WAIT_MS) this.flushSent()
  }

  private flushSent(): void {
    if (this.unmarked.length === 0) return
    // Cleared only once stored: a failed mark is tried again with the next one.
    this.store.markSent(this.unmarked)
    this.unmarked = []
  }

  private async pass(): Promise<number> {
    let sent = 0
    // A conversation that failed is skipped for the rest of the pass, so one
    // unknown room does not hold up everything queued behind it.
    const failed = new Set<string>()
    // The pending list is read once and re-read only when something was queued meanwhile (an
    // emergency goes first), or before giving up on a list already partly sent — not after
    // every send: reading it costs more than the send when the outbox is long (issue 7 profile).
    const handled = new Set<number>()
    let batch: QueuedMessage[] = []
    let fresh = false
    /** The last read stopped at the limit: more may be pending behind it. */
    let more = false
    for (;;) {
      const now = this.clock()
      if (this.dirty || (!fresh && batch.length === 0)) {
        this.flushSent()
        this.dirty = false
        batch = this.store.pending(PENDING_READ)
        fresh = true
        more = batch.length >= PENDING_READ
      }
      const next = batch.find((m) => !handled.has(m.id) && !failed.has(m.to.id) && this.allowed(m, now))
      if (!next) {
        // Nothing queued since the read, and the read had everything pending: what is left must wait.
        if (fresh || !more) {
          this.flushSent()
          return sent
        }
        batch = []
        continue
      }
      fresh = false
      handled.add(next.id)
      try {
        await this.transport.send(next)
      } catch (err) {
        this.store.markFailed(next.id, (err as Error).message ?? String(err))
        this.log.warn({ outboxId: next.id, err: (err as Error).message }, 'send failed')
        failed.add(next.to.id)
        if (!next.urgent) this.recent.push(now)
        continue
      }
      sent++
      this.noteSent(next.id, this.clock())
      this.lastTo.set(next.to.id, now)
      if (!next.urgent) this.recent.push(now)
    }
  }

  /** Real-time loop for production: pump, then sleep until a send could be allowed. */
  start(intervalMs = 1000): void {
    if (!this.stopped) return
    this.stopped = false
    const loop = async () => {
      if (this.stopped) return
      await this.pump().catch((err) => this.log.error({ err }, 'outbox pump failed'))
      if (!this.stopped) this.timer = setTimeout(loop, intervalMs)
    }
    void loop()
  }

  /** An enqueue happened: emergencies go now; the rest wait for the next pass. */
  wake(urgent: boolean): void {
    this.dirty = true
    if (this.stopped) return
    // Enqueues happen inside the handlers' transaction: send once it is committed (after the
    // synchronous drain returns), never a row that a rollback could take back.
    if (urgent)
      queueMicrotask(() => {
        void this.pump().catch((err) => this.log.error({ err }, 'urgent send failed'))
      })
  }

  async stop(): Promise<void> {
    this.stopped = true
    if (this.timer) clearTimeout(this.timer)
    await this.pumping
  }
}
