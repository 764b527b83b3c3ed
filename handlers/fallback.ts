// What happens to a message that cannot arrive. On a real account a private message reaches
// only the bot's friends; bot/'s sender asks here, at send time, when a contact is not one (or
// a send failed after its retries), and each purpose has its own way round (DESIGN.md,
// "Private only where it can arrive"). Nothing here reveals a resident's matter to the group.
import type { QueuedMessage } from '../store/outbox.ts'
import { onDutyStewards } from './config.ts'
import type { Context } from './context.ts'
import { alertsUndelivered } from './emergency.ts'
import { clip, displayName } from './wording.ts'

/** Purposes the sender holds back from a contact who is not a friend; `strict`: unknown counts as not one. */
export function divertBeforeSending(m: QueuedMessage, friend: boolean | null): boolean {
  if (m.to.kind !== 'contact') return false
  // A follow-up is only ever meant for a friend: unknown counts as not one.
  if (m.purpose === 'crisis' || m.purpose === 'followup') return friend !== true
  if (m.purpose === 'ticket-list' || m.purpose === 'done-notice' || m.purpose === 'acknowledgement') return friend === false
  // Alerts, digests and notices to staff are tried: a failure comes back here after the retries.
  return false
}

/** Categories whose ticket numbers are never listed in a group (a neighbour could tell what they are). */
const NEVER_IN_GROUP = new Set(['medical', 'emotional'])

function staffFor(ctx: Context, exclude: string, ticketIds: number[] = []): string[] {
  const claimed = ticketIds.map((id) => ctx.tickets.get(id)?.claimedBy).filter((id): id is string => !!id)
  const ids = claimed.length ? claimed : onDutyStewards(ctx.config, ctx.clock())
  return [...new Set(ids)].filter((id) => id !== exclude)
}

/** The fallback for a message that could not arrive: returns how many messages went instead. */
export function divertUndeliverable(ctx: Context, m: QueuedMessage, reason: 'not-a-friend' | 'failed'): number {
  // Staff read this on a phone: a name, never a contact id.
  const person = m.fallback?.talkerName || displayName(ctx.config, m.to.id)
  const tickets = (m.fallback?.ticketIds ?? []).map((id) => `#${id}`).join('、')
  const why = reason === 'not-a-friend' ? '对方不是机器人的好友' : '多次发送失败'
  const send = (to: string[], text: string, urgent = false) => {
    for (const id of to) ctx.outbox.send({ to: { kind: 'contact', id }, text, urgent, purpose: 'notice' })
    return to.length
  }
  ctx.log.warn({ outboxId: m.id, purpose: m.purpose, reason }, 'private message could not arrive: fallback')
  switch (m.purpose) {
    case 'crisis':
      // The person in crisis never got the hotline: the staff must reach them in person.
      return send(
        [...new Set([...onDutyStewards(ctx.config, ctx.clock()), ...ctx.config.managers])].filter((id) => id !== m.to.id),
        [
          `🆘 ${tickets ? `${tickets} ` : ''}未能私信到本人,请电话或上门联系:${person}(${why})。`,
          '可以这样开口:「您好,我是物业管家,看到您的消息很担心您,想听听您现在怎么样。您不是一个人,我们一直在。」',
          '请告诉对方心理援助热线 12356(24小时);有危险请直接拨打 120。',
        ].join('\n'),
        true,
      )
    case 'ticket-list': {
      const roomId = m.fallback?.roomId
      if (!roomId) break
      const shown = ctx.tickets
        .byTalker(m.to.id, 10)
        .filter((t) => !NEVER_IN_GROUP.has(t.category))
        .map((t) => `#${t.id}`)
      const text = shown.length
        ? `您登记的事项编号:${shown.join('、')}。详情不便在群里说,加楼管家为好友后再发「我的」,就能私信看到进度。`
        : '抱歉,这里不便列出您的事项。加楼管家为好友后再发「我的」,就能私信看到进度;也可以直接找管家。'
      ctx.outbox.send({ to: { kind: 'room', id: roomId }, text, mentions: [m.to.id], purpose: 'reply' })
      return 1
    }
    case 'done-notice':
    case 'acknowledgement':
      return send(
        staffFor(ctx, m.to.id, m.fallback?.ticketIds),
        `📨 ${tickets ? `${tickets} ` : ''}给居民 ${person} 的${m.purpose === 'done-notice' ? '完成通知' : '回复'}未能私信送达(${why}),请您转告:\n「${clip(m.text, 200)}」`,
      )
    case 'followup':
      // The details of a closed medical or emotional matter, a satisfaction question: the group
      // had its neutral notice and the steward wrote the details, so nobody else needs them —
      // and a steward's phone must not fill up with them (issue 19).
      return 0
    case 'notice':
      // A notice to staff that failed has nowhere further to go: the log says so loudly.
      ctx.log.error({ outboxId: m.id, to: m.to.id }, 'a notice to staff could not be delivered')
      return 0
  }
  // An emergency's alert: when no on-duty recipient got the first one, the resident was promised
  // a steward who is not coming, and is told to call for help now (handlers/emergency.ts).
  const corrected = m.purpose === 'alert' && reason === 'failed' ? alertsUndelivered(ctx, m) : 0
  return (
    corrected +
    send(
      staffFor(ctx, m.to.id, m.fallback?.ticketIds),
      `⚠️ 一条发给 ${m.to.kind === 'room' ? '群' : ''}${person} 的消息未能送达(${why}),请留意:\n「${clip(m.text, 200)}」`,
    )
  )
}
