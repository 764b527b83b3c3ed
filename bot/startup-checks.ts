// After login: can the bot reach every configured steward and manager, and
// does the room pattern match any room? What is wrong is logged and sent to
// the webhook; the bot keeps running.
import type { Wechaty } from 'wechaty'
import type { Context } from '../handlers/context.ts'

export interface CheckReport {
  missingContacts: string[]
  roomsMatched: number
  roomsSeen: number
  problems: string[]
}

export async function startupChecks(bot: Wechaty, ctx: Context): Promise<CheckReport> {
  const problems: string[] = []
  const missingContacts: string[] = []
  for (const [role, ids] of [
    ['管家', ctx.config.stewards],
    ['经理', ctx.config.managers],
  ] as const) {
    for (const id of ids) {
      const contact = await bot.Contact.find({ id }).catch(() => undefined)
      if (!contact) {
        missingContacts.push(id)
        problems.push(`${role} ${id} 找不到对应的联系人(请让对方私聊机器人发「我的ID」核对,或先加好友)`)
      } else if (contact.friend() === false) {
        // The mock does not check friendship, a real account does: private alerts would fail.
        problems.push(`${role} ${id} 还不是机器人的好友,私信提醒会发不出去`)
      }
    }
  }
  if (ctx.config.stewards.length === 0) problems.push('没有配置管家(TRIAGE_STEWARDS),紧急提醒无人接收')
  const rooms = await bot.Room.findAll().catch(() => [])
  const topics = await Promise.all(rooms.map((r) => r.topic().catch(() => '')))
  // Room lists can miss quiet groups: rooms learnt from traffic count too.
  for (const r of ctx.inbox.knownRooms()) if (!rooms.some((x) => x.id === r.roomId)) topics.push(r.topic)
  const pattern = ctx.config.rooms
  const roomsMatched = pattern ? topics.filter((t) => pattern.test(t)).length : topics.length
  if (pattern && roomsMatched === 0) problems.push(`TRIAGE_ROOMS=${pattern.source} 没有匹配到任何群(已知 ${topics.length} 个群)`)
  return { missingContacts, roomsMatched, roomsSeen: topics.length, problems }
}
