// Who the bot can write to privately. On a real WeChat/WeCom account a private
// message reaches only the account's friends (contacts); anyone else's fails
// (「可能是非好友」). bot/ learns friendship from Wechaty (at login, from each
// talker, from friend requests and from failed sends) and records it here, so
// handlers can decide synchronously where a message can arrive.

export class Reachability {
  private readonly friends = new Map<string, boolean>()
  private readonly listeners: ((text: string) => void)[] = []

  /** What Wechaty says about a contact; undefined (the puppet does not know) changes nothing. */
  set(contactId: string, friend: boolean | undefined | null): void {
    if (friend === true || friend === false) this.friends.set(contactId, friend)
  }

  /** true: a friend; false: not one (or a private send to them failed as a non-friend); null: unknown. */
  isFriend(contactId: string): boolean | null {
    return this.friends.get(contactId) ?? null
  }

  /** The ids a private message can reach now. Unknown counts as unreachable: an alert must not be assumed. */
  reachable(ids: Iterable<string>): string[] {
    return [...new Set(ids)].filter((id) => this.friends.get(id) === true)
  }

  /** An operator alarm outside WeChat (bot/ posts it to TRIAGE_ALERT_WEBHOOK and the log). */
  alarm(text: string): void {
    for (const l of this.listeners) l(text)
  }

  onAlarm(listener: (text: string) => void): void {
    this.listeners.push(listener)
  }
}
