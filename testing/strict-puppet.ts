// A PuppetMock that refuses private messages to anyone who is not a friend of
// the account, as WeChat and WeCom services do (「可能是非好友」). The plain mock
// lets the bot write to anyone, which hid every private message that could
// never arrive on a real account.
import { PuppetMock } from 'wechaty-puppet-mock'
import type { FileBoxInterface } from 'file-box'

export class StrictPuppetMock extends PuppetMock {
  /** Private sends refused so far (contact ids), for the tests to assert on. */
  readonly refused: string[] = []

  private async checkFriend(conversationId: string): Promise<void> {
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
