// A PuppetMock that refuses private messages to anyone who is not a friend of
// the account, as WeChat and WeCom services do (「可能是非好友」). The plain mock
// lets the bot write to anyone, which hid every private message that could
// never arrive on a real account.
import { PuppetMock } from 'wechaty-puppet-mock'
import type { FileBoxInterface } from 'file-box'
import * as PUPPET from 'wechaty-puppet'

export class StrictPuppetMock extends PuppetMock {
  /** Private sends refused so far (contact ids), for the tests to assert on. */
  readonly refused: string[] = []
  /** Friend requests accepted (contact ids), in order. */
  readonly acceptedFriends: string[] = []
  /**
   * Conversations whose sends fail whatever the friendship, as a service error does (a timeout,
   * 「操作过于频繁」): the bot still believes they are friends, and only the send tells.
   */
  readonly failing = new Set<string>()
  /** The friend requests the service has delivered, by friendship id. */
  readonly friendships = new Map<string, PUPPET.payloads.Friendship>()
  private friendshipSeq = 0

  /**
   * The service of an earlier run: a restarted bot talks to the same service, which still knows
   * the requests it delivered and who is a friend now.
   */
  continueFrom(earlier: StrictPuppetMock): void {
    for (const [id, f] of earlier.friendships) this.friendships.set(id, f)
    this.friendshipSeq = earlier.friendshipSeq
  }

  /** The service delivers a request again (after a reconnect or a restart), with the same id. */
  redeliverFriendship(friendshipId: string): void {
    this.emit('friendship', { friendshipId })
  }

  /** Someone asks to become the account's friend (the service emits a Receive friendship). */
  requestFriendship(contactId: string, hello = '你好'): void {
    const id = `friendship-${++this.friendshipSeq}`
    this.friendships.set(id, {
      id,
      contactId,
      hello,
      type: PUPPET.types.Friendship.Receive,
      timestamp: Date.now(),
    } as PUPPET.payloads.Friendship)
    this.emit('friendship', { friendshipId: id })
  }

  override async friendshipRawPayload(id: string): Promise<PUPPET.payloads.Friendship> {
    return this.friendships.get(id) ?? ({ id } as PUPPET.payloads.Friendship)
  }

  override async friendshipAccept(friendshipId: string): Promise<void> {
    const f = this.friendships.get(friendshipId)
    if (!f) throw new Error(`no friendship ${friendshipId}`)
    this.acceptedFriends.push(f.contactId)
    this.mocker.ContactMock.load(f.contactId).payload.friend = true
  }

  private async checkFriend(conversationId: string): Promise<void> {
    if (this.failing.has(conversationId)) throw new Error(`send failed: ${conversationId} 操作过于频繁,请稍后再试`)
    if (conversationId.includes('@')) return // a room
    const payload = await this.contactRawPayload(conversationId).catch(() => undefined)
    if (payload?.friend === true) return
    this.refused.push(conversationId)
    throw new Error(`send failed: ${conversationId} 可能是非好友 (not a friend of this account)`)
  }

  override async messageSendText(conversationId: string, text: string): Promise<void> {
    await this.checkFriend(conversationId)
    return super.messageSendText(conversationId, text)
  }

  override async messageSendFile(conversationId: string, file: FileBoxInterface): Promise<void> {
    await this.checkFriend(conversationId)
    return super.messageSendFile(conversationId, file)
  }
}
