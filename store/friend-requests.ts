// Friend requests waiting to be accepted, and the accepts of the last hour, kept in the store:
// a restart neither loses a waiting request nor accepts one twice, and the hourly cap
// (handlers/friends.ts) counts the accepts made before it.
import { statement, type DB } from './store.ts'

/**
 * pending: waiting for the cap; accepting: an accept was tried and its outcome not yet stored
 * (after a crash it stays so: never tried twice); accepted; failed; superseded: the same person
 * asked again before this one was accepted.
 */
export type FriendRequestState = 'pending' | 'accepting' | 'accepted' | 'failed' | 'superseded'

export interface FriendRequest {
  friendshipId: string
  contactId: string
  /** The request as Wechaty gives it (Friendship.toJSON), to accept it after a restart. */
  payload: string
  state: FriendRequestState
  receivedAt: number
  acceptedAt: number | null
}

interface Row {
  friendship_id: string
  contact_id: string
  payload: string
  state: FriendRequestState
  received_at: number
  accepted_at: number | null
}

const fromRow = (r: Row): FriendRequest => ({
  friendshipId: r.friendship_id,
  contactId: r.contact_id,
  payload: r.payload,
  state: r.state,
  receivedAt: r.received_at,
  acceptedAt: r.accepted_at,
})

const HOUR = 3600_000

export class FriendRequestStore {
  constructor(private readonly db: DB) {}

  /**
   * A request arrived. 'known': this very request was seen before (the service delivered it
   * again, perhaps after a restart): nothing changes. 'stored': it waits, replacing an earlier
   * request of the same person that was still waiting.
   */
  receive(r: { friendshipId: string; contactId: string; payload: string; at: number }): 'known' | 'stored' {
    return this.db.transaction(() => {
      if (statement(this.db, `SELECT 1 FROM friend_requests WHERE friendship_id = ?`).get(r.friendshipId)) return 'known'
      statement(this.db, `UPDATE friend_requests SET state = 'superseded' WHERE contact_id = ? AND state = 'pending'`).run(r.contactId)
      statement(
        this.db,
        `INSERT INTO friend_requests (friendship_id, contact_id, payload, state, received_at) VALUES (?, ?, ?, 'pending', ?)`,
      ).run(r.friendshipId, r.contactId, r.payload, r.at)
      return 'stored' as const
    })()
  }

  /** Accepts tried in the hour before `now` (they count against the cap). */
  acceptedSince(now: number): number {
    return (
      statement(this.db, `SELECT count(*) AS n FROM friend_requests WHERE accepted_at IS NOT NULL AND accepted_at > ?`).get(now - HOUR) as {
        n: number
      }
    ).n
  }

  /**
   * Takes up to `limit` waiting requests, oldest first, marking them as being accepted at `now`
   * before anything is sent to the service: a crash after this never accepts them twice.
   */
  claimDue(now: number, limit: number): FriendRequest[] {
    if (limit <= 0) return []
    return this.claim(
      now,
      statement(this.db, `SELECT * FROM friend_requests WHERE state = 'pending' ORDER BY received_at, rowid LIMIT ?`),
      limit,
    )
  }

  /** Takes one waiting request, whatever the cap (staff are accepted at once). */
  claimOne(friendshipId: string, now: number): FriendRequest | null {
    return (
      this.claim(now, statement(this.db, `SELECT * FROM friend_requests WHERE friendship_id = ? AND state = 'pending'`), friendshipId)[0] ??
      null
    )
  }

  private claim(now: number, select: ReturnType<typeof statement>, arg: unknown): FriendRequest[] {
    return this.db.transaction(() => {
      const taken = select.all(arg) as Row[]
      const mark = statement(this.db, `UPDATE friend_requests SET state = 'accepting', accepted_at = ? WHERE friendship_id = ?`)
      for (const r of taken) mark.run(now, r.friendship_id)
      return taken.map((r) => ({ ...fromRow(r), state: 'accepting' as const, acceptedAt: now }))
    })()
  }

  /** The outcome of an accept. */
  settle(friendshipId: string, ok: boolean): void {
    statement(this.db, `UPDATE friend_requests SET state = ? WHERE friendship_id = ? AND state = 'accepting'`).run(
      ok ? 'accepted' : 'failed',
      friendshipId,
    )
  }

  countPending(): number {
    return (statement(this.db, `SELECT count(*) AS n FROM friend_requests WHERE state = 'pending'`).get() as { n: number }).n
  }

  get(friendshipId: string): FriendRequest | null {
    const r = statement(this.db, `SELECT * FROM friend_requests WHERE friendship_id = ?`).get(friendshipId) as Row | undefined
    return r ? fromRow(r) : null
  }
}
