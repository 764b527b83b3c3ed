// Emergencies: alert every on-duty steward privately at once, tell the resident
// help is coming (with the right number), re-alert until someone claims it and
// escalate to managers. Talk of suicide never goes to the group.
import type { Fallback, QueuedMessage } from '../store/outbox.ts'
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

/** Alerts each contact once, at once; returns who was alerted and the outbox rows queued. */
function notify(ctx: Context, ids: Iterable<string>, text: string, fallback?: Fallback): { to: string[]; rows: number[] } {
  const to = [...new Set(ids)]
  const rows = to.map((id) =>
    ctx.outbox.send({ to: { kind: 'contact', id }, text, urgent: true, purpose: 'alert', ...(fallback ? { fallback } : {}) }),
  )
  return { to, rows }
}

/** A ticket event: the outbox rows of the first alert, which the resident was told about. */
const ALERT_ROWS = 'alert-rows'
/** A ticket event: every first alert failed, and the resident was told to call for help themselves. */
const ALERTS_UNDELIVERED = 'alerts-undelivered'

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
  const { to: alerted, rows } = notify(ctx, suicide ? [...recipients, ...ctx.config.managers] : recipients, alertText(ctx, t, m.text), {
    ticketIds: [t.id],
  })
  ctx.tickets.update(t.id, { alertedAt: now, alertCount: t.alertCount + 1 }, now, t)
  ctx.tickets.event(t.id, now, 'bot', 'alerted', alerted.join(','))
  // Which rows these are: if every one of them fails its retries, the reply below was a promise
  // nobody keeps, and alertsUndelivered() corrects it.
  ctx.tickets.event(t.id, now, 'bot', ALERT_ROWS, rows.join(','))
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
    reply(ctx, m, `收到!#${t.id} 已记录,但值班管家此刻可能联系不上。情况危急请不要等待,${callNow(t)}。我们也在继续设法联系物业。`, {
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

/** The number the resident should call themselves when no steward is coming. */
function callNow(t: Ticket): string {
  const number = t.emergency ? EMERGENCY_NUMBERS[t.emergency] : null
  return number && t.emergency !== 'suicide' ? `立即拨打 ${number}` : '立即拨打 120(急救)、119(火警)或 110(报警)'
}

/** For the operator channel outside WeChat: the ticket, its kind and place, never the resident's words. */
function unreachableAlarm(ctx: Context, t: Ticket, ids: string[]): string {
  const kind = t.emergency ? EMERGENCY_NAMES[t.emergency] : CATEGORY_NAMES[t.category]
  const who = ids.length ? ids.map((id) => staffLabel(ctx, id)).join('、') : '(无人值班)'
  return `【楼管家】紧急求助 #${t.id}(${kind},${where(t)})无法私信送达任何值班人员(${who} 不是机器人的好友或联系不上)。请立即电话联系值班管家处理,并让对方加机器人为好友。`
}

/**
 * An alert of an emergency failed its last retry. When it was the last of the first alert's
 * sends and none of them arrived, the resident has been told 「已紧急通知值班管家」 by a bot
 * that reached nobody: the resident is told to call for help now (in the group where they were
 * told; privately for a crisis, which the group never heard of), the operator alarm goes off
 * (TRIAGE_ALERT_WEBHOOK and the log) and the managers get the alert. Once per emergency;
 * nothing when the resident was already told no steward could be reached, or when a steward
 * has taken the ticket meanwhile. Returns how many messages were queued.
 */
export function alertsUndelivered(ctx: Context, m: QueuedMessage): number {
  const ticketId = m.fallback?.ticketIds?.[0]
  const t = ticketId == null ? null : ctx.tickets.get(ticketId)
  if (!t) return 0
  const events = ctx.tickets.events(t.id)
  const rows = (events.find((e) => e.action === ALERT_ROWS)?.detail ?? '').split(',').filter(Boolean).map(Number)
  // A re-alert or a neighbour's update: not the alert the resident was told about.
  if (!rows.includes(m.id)) return 0
  if (events.some((e) => e.action === 'unreachable' || e.action === ALERTS_UNDELIVERED)) return 0
  // One arrived, or one is still being tried: the promise may yet hold.
  const states = ctx.outbox.store.states(rows)
  if (rows.some((id) => states.get(id) === 'sent' || states.get(id) === 'pending')) return 0
  if (t.state !== 'open') return 0
  const now = ctx.clock()
  const recipients =
    events
      .find((e) => e.action === 'alerted')
      ?.detail?.split(',')
      .filter(Boolean) ?? []
  ctx.tickets.event(t.id, now, 'bot', ALERTS_UNDELIVERED, recipients.join(','))
  ctx.log.warn(
    { ticketId: t.id, emergency: t.emergency, recipients: recipients.length },
    'emergency: every alert failed; the resident is told to call',
  )
  const who = recipients.length ? recipients.join('、') : '(无人值班)'
  ctx.reach.alarm(
    `【楼管家】紧急求助 #${t.id}(${t.emergency ? EMERGENCY_NAMES[t.emergency] : CATEGORY_NAMES[t.category]},${where(t)})的提醒多次发送失败,没有送达任何值班人员(${who})。已请居民自行拨打求助电话。请立即电话联系值班管家处理。`,
  )
  const asker = { talkerId: t.talkerId, roomId: t.roomId }
  let queued = 1
  if (t.emergency === 'suicide' || t.category === 'emotional') {
    reply(
      ctx,
      asker,
      '抱歉,刚才说管家马上会联系您,可我们暂时还没能联系上管家。如果现在很难受,请拨打心理援助热线 12356(24小时);有危险请直接打 120。您不是一个人,我们也在继续想办法。',
      { privately: true, urgent: true, purpose: 'crisis', fallback: { ticketIds: [t.id], talkerName: t.talkerName || t.talkerId } },
    )
  } else {
    reply(
      ctx,
      asker,
      `非常抱歉,需要更正:#${t.id} 的紧急通知没能送到值班管家。情况危急请不要等待,${callNow(t)}。我们也在继续设法联系物业。`,
      { urgent: true },
    )
  }
  // The managers, who coordinate, hear at once rather than at the escalation.
  const managers = ctx.config.managers.filter((id) => !recipients.includes(id))
  if (managers.length) {
    const text = ctx.tickets.messages(t.id)[0]?.text ?? t.summary
    const note = `提醒没能送达任何值班管家(${who} 多次发送失败),已请居民自行拨打求助电话。请立即电话联系值班管家或居民。`
    queued += notify(ctx, managers, alertText(ctx, t, text, { mark: '⚠️', note })).to.length
  }
  return queued
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

/**
 * News on an unclaimed emergency within this long of the last message about it waits for the
 * next one (a re-alert, at most one re-alert interval away) instead of buzzing the phones twice
 * in a minute.
 */
export const RELAY_GAP_MS = 60_000

/** What a push about an emergency records, so the next one knows what was already said. */
const PUSHED = new Set(['alerted', 'realerted', 'relayed', 'held-sent'])

/** Neighbours' words held back since the last push about the ticket (「平安是福:快打120」). */
function heldNews(ctx: Context, ticketId: number): string[] {
  const held: string[] = []
  for (const e of ctx.tickets.events(ticketId)) {
    if (PUSHED.has(e.action)) held.length = 0
    else if (e.action === 'update-held' && e.detail) held.push(e.detail)
  }
  return held
}

const withNews = (text: string, held: string[]) => (held.length ? `${text}\n补充:${held.join(';')}` : text)

/**
 * A neighbour's new detail on an emergency already alerted, heard at once by whoever needs it: the
 * steward who claimed it (the others have handed it over), or, while nobody has, every on-duty
 * steward — then it is also a reminder, so the next re-alert counts from it. A possible alarm
 * within RELAY_GAP_MS of the last push waits for the next re-alert (or, if the ticket is claimed
 * first, goes to the claimer on the next tick); an urgent one never waits.
 */
export function relayUpdate(ctx: Context, t: Ticket, m: StoredInbound, urgent = false): void {
  const now = ctx.clock()
  const who = m.talkerName || '邻居'
  const detail = `🆘 #${t.id} 补充(${who}):${clip(m.text, 200)}`
  if (t.state === 'claimed' && t.claimedBy) {
    notify(ctx, [t.claimedBy], withNews(detail, heldNews(ctx, t.id)))
    ctx.tickets.event(t.id, now, 'bot', 'relayed', t.claimedBy)
    return
  }
  // (an alarm of its own — 「他不呼吸了」 — never waits: minutes matter; only a possible one does)
  if (!urgent && t.state === 'open' && t.alertedAt != null && now - t.alertedAt < RELAY_GAP_MS) {
    ctx.tickets.event(t.id, now, m.talkerId, 'update-held', `${who}:${clip(m.text, 60)}`)
    return
  }
  const { to } = notify(ctx, onDutyStewards(ctx.config, now), `${withNews(detail, heldNews(ctx, t.id))}\n仍无人认领,回复「认领 ${t.id}」`)
  ctx.tickets.event(t.id, now, 'bot', 'relayed', to.join(','))
  if (t.state === 'open' && t.alertedAt != null) ctx.tickets.update(t.id, { alertedAt: now }, now, t)
}

/** Held news on an emergency claimed before its next re-alert: to the steward who claimed it. */
function sendHeldToClaimers(ctx: Context, now: number): void {
  for (const t of ctx.reports.urgentSince(now - EMERGENCY_NEWS_MS, now)) {
    if (t.state !== 'claimed' || !t.claimedBy) continue
    const held = heldNews(ctx, t.id)
    if (held.length === 0) continue
    notify(ctx, [t.claimedBy], `🆘 #${t.id} 补充:${held.join(';')}`)
    ctx.tickets.event(t.id, now, 'bot', 'held-sent', t.claimedBy)
  }
}

/** How far back a claimed emergency's held news is looked for (claims come within minutes). */
const EMERGENCY_NEWS_MS = 24 * 3600_000

/**
 * Periodic: re-alert unclaimed emergencies and escalate them to managers after the configured
 * delay. A re-alert is one line for whoever already has the full alert; a steward who came on
 * shift since gets the full alert.
 */
export function chaseEmergencies(ctx: Context): void {
  const now = ctx.clock()
  const realert = ctx.config.realertMin * 60_000
  const escalate = ctx.config.escalateMin * 60_000
  sendHeldToClaimers(ctx, now)
  for (const t of ctx.tickets.unclaimedUrgent()) {
    const text = ctx.tickets.messages(t.id)[0]?.text ?? t.summary
    if (!t.escalatedAt && now - t.createdAt >= escalate && ctx.config.managers.length > 0) {
      const note = `${Math.round((now - t.createdAt) / 60_000)} 分钟无人认领,请协调。`
      const { to } = notify(ctx, ctx.config.managers, alertText(ctx, t, text, { mark: '⚠️', note }))
      ctx.tickets.update(t.id, { escalatedAt: now }, now)
      ctx.tickets.event(t.id, now, 'bot', 'escalated', to.join(','))
    }
    if (t.alertedAt != null && now - t.alertedAt >= realertInterval(realert, t.alertCount)) {
      const had = fullAlertRecipients(ctx, t.id)
      const recipients = [...new Set(onDutyStewards(ctx.config, now))]
      const fresh = recipients.filter((id) => !had.has(id))
      const held = heldNews(ctx, t.id)
      notify(
        ctx,
        recipients.filter((id) => had.has(id)),
        withNews(realertLine(t), held),
      )
      notify(ctx, fresh, withNews(alertText(ctx, t, text, { note: `${hhmm(t.createdAt)} 起无人认领(第${t.alertCount + 1}次提醒)` }), held))
      ctx.tickets.update(t.id, { alertedAt: now, alertCount: t.alertCount + 1 }, now)
      ctx.tickets.event(t.id, now, 'bot', 'realerted', fresh.join(','))
    }
  }
}
