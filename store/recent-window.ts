// The last few minutes of stored messages, by talker, in memory.
//
// Two checks run on every message: is this a re-delivery of something the same person
// just said in the same room, and is this person flooding. Both look only at the last
// minute or two. Answering them from an index on (talker, room, time) made every stored
// message pay for a random insert into a large b-tree — half the cost of storing it
// (docs/performance.md). So the recent messages are kept here, and only a question about
// older times (a backlog delivered late) goes to SQLite.
//
// The window holds every committed row whose time is at or after `coveredFrom`. Callers
// add rows only after their transaction commits: a rolled-back burst must not make its
// own retry look like a re-delivery.
import type { MessageKind } from './types.ts'

export interface RecentEntry {
  id: number
  at: number
  roomId: string | null
  text: string
  type: MessageKind
}

/** How far back the window reaches behind the newest clock it has seen. */
export const WINDOW_KEEP_MS = 5 * 60_000
/** Pruning runs when the clock has moved this far since the last prune. */
const PRUNE_EVERY_MS = 60_000

export class RecentWindow {
  private readonly byTalker = new Map<string, RecentEntry[]>()
  /** Every stored row with at >= coveredFrom is in memory. Infinity: not started yet. */
  private coveredFrom = Infinity
  private lastPrune = -Infinity

  /** Start covering from `from`, with the rows stored since then (read from the DB by the caller). */
  start(from: number, rows: Iterable<RecentEntry & { talkerId: string }>): void {
    this.byTalker.clear()
    this.coveredFrom = from
    this.lastPrune = from + WINDOW_KEEP_MS
    for (const r of rows) this.add(r.talkerId, r)
  }

  get started(): boolean {
    return this.coveredFrom !== Infinity
  }

  /** Can a question about times from `from` on be answered from memory? */
  covers(from: number): boolean {
    return from >= this.coveredFrom
  }

  add(talkerId: string, e: RecentEntry): void {
    if (e.at < this.coveredFrom) return
    const list = this.byTalker.get(talkerId)
    if (list) list.push(e)
    else this.byTalker.set(talkerId, [e])
  }

  /** Forget what is older than the window behind `now` (the store's clock). */
  advance(now: number): void {
    if (!this.started || now - this.lastPrune < PRUNE_EVERY_MS) return
    this.lastPrune = now
    const floor = now - WINDOW_KEEP_MS
    if (floor <= this.coveredFrom) return
    this.coveredFrom = floor
    for (const [talker, list] of this.byTalker) {
      const kept = list.filter((e) => e.at >= floor)
      if (kept.length === 0) this.byTalker.delete(talker)
      else if (kept.length !== list.length) this.byTalker.set(talker, kept)
    }
  }

  /** A row from this talker in this room with this text and type, sent between lo and hi. */
  findSame(talkerId: string, roomId: string | null, text: string, type: MessageKind, lo: number, hi: number): boolean {
    const list = this.byTalker.get(talkerId)
    if (!list) return false
    for (const e of list) {
      if (e.at >= lo && e.at <= hi && e.text === text && e.type === type && e.roomId === roomId) return true
    }
    return false
  }

  /** Rows from this talker sent since `since`; with `upTo`, only those up to that row (by time, then id). */
  countFrom(talkerId: string, since: number, upTo?: { at: number; id: number }): number {
    const list = this.byTalker.get(talkerId)
    if (!list) return 0
    let n = 0
    for (const e of list) {
      if (e.at < since) continue
      if (upTo && !(e.at < upTo.at || (e.at === upTo.at && e.id <= upTo.id))) continue
      n++
    }
    return n
  }

  /** For tests and the benchmark: how many rows are held. */
  get size(): number {
    let n = 0
    for (const list of this.byTalker.values()) n += list.length
    return n
  }
}
