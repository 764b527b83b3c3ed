// Emergencies: alert every on-duty steward privately at once, tell the resident
// help is coming (with the right number), re-alert until someone claims it and
// escalate to managers. Talk of suicide never goes to the group.
import type { StoredInbound } from '../store/types.ts'
import type { Ticket } from '../store/tickets.ts'
import { onDutyStewards } from './config.ts'
import type { Context } from './context.ts'
import { reply } from './reply.ts'
import type { EmergencyKind } from '../classifiers/types.ts'
import { CATEGORY_NAMES, EMERGENCY_NAMES, EMERGENCY_NUMBERS, TIER_NAMES, clip, hhmm, where } from './wording.ts'

function household(ctx: Context, t: Ticket): string {
  if (!t.tier) return ''
  const h = ctx.households.find({ building: t.building, unit: t.unit, floor: t.floor, room: t.room })
  return ` · ${TIER_NAMES[t.tier]}${h?.note ? `(${h.note})` : ''}`
}

/** What the emergency needs, in a word or two: the head of a lock-screen line. */
const NEEDS: Record<EmergencyKind, string> = {
  medical: '急救',
  fire: '火情',
  gas: '燃气泄漏',
  flood: '漏水',
  trapped: '有人被困',
  violence: '暴力求助',
  suicide: '心理危机',
  missing: '有人走失',
}

/** The first clause of what was said, short enough for a lock screen. */
function gist(text: string, max = 14): string {
  const first =
    text
      .replace(/\s+/g, ' ')
      .trim()
      .split(/[。!！?？;；\n]/)[0] ?? ''
  return clip(first, max)
}

/**
 * The alert's first line, which is all a phone's lock screen shows: where, what, and the number
 * (「🆘 3栋1单元302 急救:我妈在卫生间摔倒了… #8」). A crisis shows no words of the person's own.
 */
export function alertHeadline(t: Ticket, text: string, mark = '🆘'): string {
  const need = t.emergency ? NEEDS[t.emergency] : '紧急求助'
  const what = t.emergency === 'suicide' ? `${need},请尽快联系本人` : `${need}:${gist(text)}`
  return `${mark} ${where(t)} ${what} #${t.id}`
}

/** The full alert: the headline, then who, what they said, and how to claim it. */
export function alertText(ctx: Context, t: Ticket, text: string, opts: { mark?: string; note?: string } = {}): string {
  const lines = [
    alertHeadline(t, text, opts.mark),
    ...(opts.note ? [opts.note] : []),
    `居民:${t.talkerName || '未留名'}${t.roomTopic ? ` · ${t.roomTopic}` : ' · 私聊'}${household(ctx, t)}`,
    `原话:${clip(text, 200)}`,
  ]
  // A missing person is found by many eyes, fast: the steward needs who, where last seen, what
  // they wear, and knows the family was told to call 110.
  if (t.emergency === 'missing')
    lines.push('请向报告人问清:走失的是谁、最后在哪里和什么时候见到、穿着打扮;已请报告人同时拨打 110。请通知门岗留意各出口。')
  lines.push(`请立即处理,回复「认领 ${t.id}」认领。`)
  return lines.join('\n')
}

/** A re-alert for someone who already has the full alert: one line pointing to it. */
export function realertLine(t: Ticket): string {
  const need = t.emergency ? NEEDS[t.emergency] : '紧急求助'
  return `🆘 #${t.id} 仍无人认领(${hhmm(t.createdAt)}起,第${t.alertCount + 1}次提醒)${where(t)} ${need},回复「认领 ${t.id}」`
}

function notify(ctx: Context, ids: Iterable<string>, text: string): string[] {
  const to = [...new Set(ids)]
  for (const id of to) ctx.outbox.send({ to: { kind: 'contact', id }, text, urgent: true, purpose: 'alert' })
  return to
}

/** Everyone who has had this ticket's full alert (recorded on its alert, re-alert and escalation events). */
export function fullAlertRecipients(ctx: Context, ticketId: number): Set<string> {
  const had = new Set<string>()
  for (const e of ctx.tickets.events(ticketId)) {
    if ((e.action === 'alerted' || e.action === 'realerted' || e.action === 'escalated') && e.detail)
      for (const id of e.detail.split(',')) if (id) had.add(id)
  }
  return had
}

/** First response to an urgent message: alerts out of band, then the resident. */
export function raiseEmergency(ctx: Context, t: Ticket, m: StoredInbound): void {
  const now = ctx.clock()
  const suicide = t.emergency === 'suicide'
  const recipients = onDutyStewards(ctx.config, now)
  const alerted = notify(ctx, suicide ? [...recipients, ...ctx.config.managers] : recipients, alertText(ctx, t, m.text))
  ctx.tickets.update(t.id, { alertedAt: now, alertCount: t.alertCount + 1 }, now, t)
  ctx.tickets.event(t.id, now, 'bot', 'alerted', alerted.join(','))
  ctx.log.info({ ticketId: t.id, category: t.category, emergency: t.emergency, recipients: alerted.length }, 'emergency alert sent')
  // Nobody is told "the steward is coming" unless a private alert can reach one: on a real
  // account only the bot's friends can be written to.
  const reached = ctx.reach.reachable(alerted).length > 0
  if (!reached) {
    ctx.tickets.event(t.id, now, 'bot', 'unreachable', alerted.join(','))
    ctx.log.warn({ ticketId: t.id, emergency: t.emergency, onDuty: recipients.length }, 'emergency: no on-duty recipient is reachable')
    ctx.reach.alarm(unreachableAlarm(ctx, t, alerted))
  }

  if (suicide) {
    // Privately, warmly, with the hotline; nothing in the group.
    const promise = reached ? '您不是一个人,管家马上会联系您。' : '您不是一个人。'
    reply(
      ctx,
      m,
      `您好,看到您的消息我们很担心您。${promise}\n如果现在很难受,请拨打心理援助热线 12356(24小时),或者直接打 120。我们一直在。`,
      {
        privately: true,
        urgent: true,
        purpose: 'crisis',
        fallback: { ticketIds: [t.id], talkerName: m.talkerName || m.talkerId },
      },
    )
    return
  }
  const number = t.emergency ? EMERGENCY_NUMBERS[t.emergency] : null
  if (!reached) {
    const call = number ? `立即拨打 ${number}` : '立即拨打 120(急救)、119(火警)或 110(报警)'
    reply(ctx, m, `收到!#${t.id} 已记录,但值班管家此刻可能联系不上。情况危急请不要等待,${call}。我们也在继续设法联系物业。`, {
      urgent: true,
    })
    return
  }
  const advice =
    t.emergency === 'missing'
      ? '请同时拨打 110 报警,说清楚走失者的样子、穿着和最后出现的地方;管家会通知门岗留意各出口。'
      : number
        ? `情况危急请立即拨打 ${number}。`
        : ''
  const text = `收到!#${t.id} 已紧急通知值班管家,马上有人过来。${advice}`
  reply(ctx, m, text, { urgent: true })
}

/**
 * A staff member as the operator alarm names them: the configured name, which a manager reading
 * the alarm on a phone knows; the contact id only when no name is configured, since it is then
 * the one thing that tells which TRIAGE_STEWARDS entry to fix.
 */
function staffLabel(ctx: Context, id: string): string {
  return ctx.config.stewardNames.get(id) ?? ctx.config.managerNames.get(id) ?? id
}

/** For the operator channel outside WeChat: the ticket, its kind and place, never the resident's words. */
function unreachableAlarm(ctx: Context, t: Ticket, ids: string[]): string {
  const kind = t.emergency ? EMERGENCY_NAMES[t.emergency] : CATEGORY_NAMES[t.category]
  const who = ids.length ? ids.map((id) => staffLabel(ctx, id)).join('、') : '(无人值班)'
  return `【楼管家】紧急求助 #${t.id}(${kind},${where(t)})无法私信送达任何值班人员(${who} 不是机器人的好友或联系不上)。请立即电话联系值班管家处理,并让对方加机器人为好友。`
}

/**
 * Shifts in which no steward can be reached privately (not a friend of the account, or
 * unknown): an emergency then would be announced to nobody. `at` given: only the shift in
 * force then; otherwise every configured shift (start-up).
 */
export function uncoveredShifts(ctx: Context, at?: number): string[] {
  const config = ctx.config
  const shifts =
    at !== undefined
      ? [{ label: `当前值班(${hhmm(at)})`, ids: onDutyStewards(config, at) }]
      : config.onDuty
        ? config.onDuty.map((s) => ({ label: `值班 ${clock(s.from)}-${clock(s.to)}`, ids: s.stewards }))
        : [{ label: '全天值班', ids: config.stewards }]
  return shifts
    .filter((s) => ctx.reach.reachable(s.ids).length === 0)
    .map(
      (s) =>
        `${s.label}没有能私信到的管家(${s.ids.map((id) => staffLabel(ctx, id)).join('、') || '无人'}):紧急求助会无人接收,请让值班管家加机器人为好友。`,
    )
}

const clock = (minute: number) => `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`

/**
 * Every `realert` for the first three re-alerts, then doubling up to an hour:
 * an unanswered alarm stays audible without burying a steward's phone.
 */
export function realertInterval(realert: number, alertCount: number): number {
  return Math.min(3600_000, realert * 2 ** Math.max(0, alertCount - 3))
}

/**
 * A possible emergency (below the urgent threshold): one short private line to each on-duty
 * steward, ahead of the everyday traffic but inside the send budget, and nothing public.
 */
export function askToLook(ctx: Context, t: Ticket, m: StoredInbound): void {
  const now = ctx.clock()
  const recipients = onDutyStewards(ctx.config, now)
  const text = `👀 请看一眼 #${t.id}(可能紧急)${where(t)}:${clip(m.text, 60)}`
  for (const id of new Set(recipients)) ctx.outbox.send({ to: { kind: 'contact', id }, text, ahead: true })
  ctx.tickets.event(t.id, now, 'bot', 'asked-to-look', recipients.join(','))
}

/** A neighbour's new detail on an emergency already alerted: stewards hear it at once. */
export function relayUpdate(ctx: Context, t: Ticket, m: StoredInbound): void {
  const text = `🆘 #${t.id} 补充(${m.talkerName || '邻居'}):${clip(m.text, 200)}`
  notify(ctx, onDutyStewards(ctx.config, ctx.clock()), text)
}

/**
 * Periodic: re-alert unclaimed emergencies and escalate them to managers after the configured
 * delay. A re-alert is one line for whoever already has the full alert; a steward who came on
 * shift since gets the full alert.
 */
export function chaseEmergencies(ctx: Context): void {
  const now = ctx.clock()
  const realert = ctx.config.realertMin * 60_000
  const escalate = ctx.config.escalateMin * 60_000
  for (const t of ctx.tickets.unclaimedUrgent()) {
    const text = ctx.tickets.messages(t.id)[0]?.text ?? t.summary
    if (!t.escalatedAt && now - t.createdAt >= escalate && ctx.config.managers.length > 0) {
      const note = `${Math.round((now - t.createdAt) / 60_000)} 分钟无人认领,请协调。`
      const to = notify(ctx, ctx.config.managers, alertText(ctx, t, text, { mark: '⚠️', note }))
      ctx.tickets.update(t.id, { escalatedAt: now }, now)
      ctx.tickets.event(t.id, now, 'bot', 'escalated', to.join(','))
    }
    if (t.alertedAt != null && now - t.alertedAt >= realertInterval(realert, t.alertCount)) {
      const had = fullAlertRecipients(ctx, t.id)
      const recipients = [...new Set(onDutyStewards(ctx.config, now))]
      const fresh = recipients.filter((id) => !had.has(id))
      notify(
        ctx,
        recipients.filter((id) => had.has(id)),
        realertLine(t),
      )
      notify(ctx, fresh, alertText(ctx, t, text, { note: `${hhmm(t.createdAt)} 起无人认领(第${t.alertCount + 1}次提醒)` }))
      ctx.tickets.update(t.id, { alertedAt: now, alertCount: t.alertCount + 1 }, now)
      ctx.tickets.event(t.id, now, 'bot', 'realerted', fresh.join(','))
    }
  }
}
