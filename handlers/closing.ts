// Closing the loop when a ticket is done (「完成」, 「送达」): what its reporters are told, and
// where (issue 19). A repair, grocery or pet ticket's note is said in the group, one post per
// room @-mentioning everyone who reported it there, and the residents who are friends are asked
// whether they were satisfied. A medical, emotional or other ticket gets a neutral 「#N 已处理」 in
// the group and the steward's note privately to the resident who asked, where they are a friend;
// a crisis (an urgent emotional ticket) is never mentioned in the group: the person hears
// privately, or not at all.
// Nothing here writes to a steward: their answer to the command says what went where.
import type { Ticket } from '../store/tickets.ts'
import { roleOf } from './config.ts'
import type { Context } from './context.ts'
import { replyAll } from './reply.ts'
import { askSatisfaction } from './satisfaction.ts'
import {
  displayName,
  doneNotice,
  emotionalDoneNote,
  neutralDoneNotice,
  privateDoneDetails,
  sayableInGroup,
  type Closing,
} from './wording.ts'

const LOGGED_BY_STAFF = '这件事是工作人员代为登记的,没有另行通知本人,需要的话请告诉居民'

/** Tells a done ticket's reporters; returns what was done, for the steward's answer. */
export function closeLoop(ctx: Context, t: Ticket, note: string, closing: Closing = 'done'): string {
  // A steward who logged a request for a resident (「@楼管家 3-2-502 王阿姨来电 …」) is its
  // reporter, but is staff: they learn from the queue, not from another private message.
  const reporters = ctx.tickets.reporters(t.id).filter((r) => roleOf(ctx.config, r.talkerId) === 'resident')
  if (reporters.length === 0) return LOGGED_BY_STAFF
  const fallback = { ticketIds: [t.id], talkerName: t.talkerName || displayName(ctx.config, t.talkerId) }
  const opener = reporters.some((r) => r.talkerId === t.talkerId)
  const friend = opener && ctx.reach.isFriend(t.talkerId) === true

  if (sayableInGroup(t)) {
    replyAll(ctx, reporters, (many) => doneNotice(t, note, closing, many), { purpose: 'done-notice', fallback })
    askSatisfaction(ctx, t, reporters)
    return reporters.some((r) => r.roomId) ? '已在群里通知居民' : '已私信通知居民'
  }

  if (t.category === 'emotional') {
    // A worry said in the group is closed there with a neutral 「#N 已处理」 (issue 19), which says
    // no more than the group already read; a crisis never is: the group is not where the person
    // is answered, and a public closing line would read as the matter being dismissed.
    const inGroup = t.urgent ? [] : reporters.filter((r) => r.roomId)
    replyAll(ctx, inGroup, () => neutralDoneNotice(t, closing), { purpose: 'done-notice', fallback })
    const group = inGroup.length ? '群里只说了「已处理」;' : ''
    if (!opener) return group || LOGGED_BY_STAFF
    if (!friend) return `${group}居民不是楼管家的好友,没有私信本人`
    ctx.outbox.send({ to: { kind: 'contact', id: t.talkerId }, text: emotionalDoneNote(t, note), purpose: 'followup' })
    return `${group}已私信告诉本人`
  }

  // Medical, and whatever the model could not place (it may be as private): neutral wherever
  // each reporter asked; the details only to the one who asked, privately. A delivery says all
  // there is to say (where to pick it up), privately too where they asked privately.
  if (closing === 'delivered') {
    replyAll(ctx, reporters, () => neutralDoneNotice(t, closing), { purpose: 'done-notice', fallback })
    return reporters.some((r) => r.roomId) ? '群里只说了已送到,没有提是什么' : '已私信通知居民'
  }
  const inGroup = reporters.filter((r) => r.roomId)
  replyAll(ctx, inGroup, () => neutralDoneNotice(t, closing), { purpose: 'done-notice', fallback })
  const group = inGroup.length ? '群里只说了「已处理」' : ''
  if (!opener) return group || LOGGED_BY_STAFF
  // Without a note, 「已处理」 said it all — unless the resident asked privately and has heard nothing.
  const askedPrivately = reporters.some((r) => r.talkerId === t.talkerId && !r.roomId)
  if (!note && !askedPrivately) return group
  if (!friend) return `${group ? `${group};` : ''}居民不是楼管家的好友,详情没有发出,需要的话请您直接告诉本人`
  ctx.outbox.send({ to: { kind: 'contact', id: t.talkerId }, text: privateDoneDetails(t, note), purpose: 'followup' })
  return `${group ? `${group},` : ''}详情已私信居民`
}
