// Commands typed to the bot (@-mention in a group, or a private chat).
// Stewards and managers drive the queue; answers go to them privately,
// wherever they typed. Residents get help and their own tickets only.
// Authorisation is by contact id, never by display name.
import type { Category } from '../classifiers/types.ts'
import type { StoredInbound } from '../store/types.ts'
import type { Ticket } from '../store/tickets.ts'
import { roleOf, type Role } from './config.ts'
import type { Context } from './context.ts'
import { markDelivered, ordersReport } from './orders.ts'
import { reply, replyPrivately } from './reply.ts'
import { PRIORITY_NAMES, byQueueOrder, effectivePriority } from './priority.ts'
import { CATEGORY_NAMES, CATEGORY_WORDS, RESIDENT_HELP, STATE_NAMES, STEWARD_HELP, clip, hhmm, where } from './wording.ts'

export type CommandName = 'help' | 'queue' | 'claim' | 'done' | 'assign' | 'recategorize' | 'dismiss' | 'reopen' | 'orders'
  | 'delivered' | 'digest' | 'daily' | 'mine' | 'whoami' | 'reload'

const WORDS: Record<string, CommandName> = {
  帮助: 'help', help: 'help', '?': 'help',
  队列: 'queue', queue: 'queue', 待办: 'queue',
  认领: 'claim', claim: 'claim', 接单: 'claim',
  完成: 'done', done: 'done', 办结: 'done',
  转派: 'assign', assign: 'assign',
  改类: 'recategorize', recategorize: 'recategorize',
  驳回: 'dismiss', dismiss: 'dismiss',
  重开: 'reopen', reopen: 'reopen',
  订单: 'orders', orders: 'orders',
  送达: 'delivered', delivered: 'delivered',
  汇总: 'digest', digest: 'digest',
  日报: 'daily', daily: 'daily',
  我的: 'mine', mine: 'mine',
  我的id: 'whoami', whoami: 'whoami',
  重载: 'reload', reload: 'reload',
}

const STAFF_ONLY = new Set<CommandName>(['queue', 'claim', 'done', 'assign', 'recategorize', 'dismiss', 'reopen', 'orders', 'delivered', 'digest', 'daily', 'reload'])
const MANAGER_ONLY = new Set<CommandName>(['reload'])

export interface ParsedCommand { name: CommandName; args: string }

/** Strip @-mentions at the start, then read the command word. Unknown words give null. */
export function parseCommand(text: string): ParsedCommand | null {
  const body = text.replace(/^(\s*@[^\s\u2005]+[\s\u2005]*)+/, '').trim()
  const m = /^([^\s\d]+?)(?=\s|\d|$)\s*([\s\S]*)$/.exec(body)
  if (!m) return null
  const word = m[1].toLowerCase()
  const name = WORDS[word] ?? WORDS[m[1]]
  return name ? { name, args: m[2].trim() } : null
}

/** Hooks for work that lives in other handlers (digests) or in bot/ (reload). */
export interface CommandHooks {
  digest?(ctx: Context, stewardId: string): string
  daily?(ctx: Context, managerId: string): void
  reload?(): string
}

/** "12", "#12", "12号" — and nothing else: "1; 删除全部" is not a ticket number. */
function ticketArg(args: string): { id: number; rest: string } | null {
  const m = /^#?(\d{1,9})号?(?:\s+([\s\S]*))?$/.exec(args.trim())
  return m ? { id: Number(m[1]), rest: (m[2] ?? '').trim() } : null
}

function line(t: Ticket, now: number): string {
  const p = PRIORITY_NAMES[effectivePriority(t, now)]
  const owner = t.claimedBy ? ` · ${t.claimedBy}处理中` : ''
  const kind = t.kind === 'media' ? `待查看${t.summary}` : CATEGORY_NAMES[t.category]
  return `#${t.id} [${p}] ${kind} ${where(t)} ${hhmm(t.createdAt)}${owner}\n   ${t.kind === 'media' ? t.talkerName : clip(t.summary, 40)}`
}

/** The queue report counts open tickets up to this many; past it, it says "超过 9999 件". */
export const QUEUE_COUNT_UP_TO = 9999

export function queueReport(ctx: Context, args: string): string {
  const now = ctx.clock()
  let category: Category | undefined
  let building: string | undefined
  for (const word of args.split(/\s+/).filter(Boolean)) {
    if (CATEGORY_WORDS[word]) category = CATEGORY_WORDS[word]
    else if (/^\d+(栋|号楼|幢)?$/.test(word)) building = word.replace(/\D/g, '')
  }
  const SHOWN = 15
  const total = ctx.tickets.countQueue({ category, building }, QUEUE_COUNT_UP_TO)
  if (total === 0) return category || building ? '这个范围内没有待办事项。' : '目前没有待办事项 👍'
  const shown = ctx.tickets.byIds(ctx.tickets.queueHead({ category, building }, SHOWN).sort(byQueueOrder(now)).slice(0, SHOWN).map((k) => k.id))
  const over = total > QUEUE_COUNT_UP_TO
  const head = `📋 待办 ${over ? `超过 ${QUEUE_COUNT_UP_TO}` : total} 件${category ? `(${CATEGORY_NAMES[category]})` : ''}${building ? `(${building}栋)` : ''}`
  const more = total > shown.length ? [`……还有${over ? '很多' : ` ${total - shown.length} 件`},可按类别或楼栋筛选,如「队列 报修」「队列 6栋」`] : []
  return [head, ...shown.map((t) => line(t, now)), ...more].join('\n')
}

function closeLoop(ctx: Context, t: Ticket, note: string): void {
  const text = note ? `您反映的 #${t.id} 已处理:${note}。如还有问题,随时在群里说。` : `您反映的 #${t.id} 已处理完毕。如还有问题,随时在群里说。`
  for (const r of ctx.tickets.reporters(t.id)) reply(ctx, r, text, { category: t.category })
}

function stewardByName(ctx: Context, name: string): string | null {
  const clean = name.replace(/^@/, '').trim()
  if (!clean) return null
  if (ctx.config.stewards.includes(clean)) return clean
  for (const [id, n] of ctx.config.stewardNames) if (n === clean) return id
  return null
}

function mustExist(ctx: Context, args: string, usage: string): { ticket: Ticket; rest: string } | string {
  const a = ticketArg(args)
  if (!a) return `格式不对,应为:${usage}`
  const ticket = ctx.tickets.get(a.id)
  if (!ticket) return `没有找到 #${a.id},请用「队列」查看现有编号。`
  return { ticket, rest: a.rest }
}

const isOpen = (t: Ticket) => t.state === 'open' || t.state === 'claimed'

function staffCommand(ctx: Context, m: StoredInbound, cmd: ParsedCommand, role: Role, hooks: CommandHooks): string | null {
  const now = ctx.clock()
  const actor = m.talkerId
  const record = (t: Ticket, action: string, detail?: string) => ctx.tickets.event(t.id, now, actor, action, detail)
  switch (cmd.name) {
    case 'queue': return queueReport(ctx, cmd.args)
    case 'orders': return ordersReport(ctx)
    case 'claim': {
      const r = mustExist(ctx, cmd.args, '认领 编号')
      if (typeof r === 'string') return r
      if (!isOpen(r.ticket)) return `#${r.ticket.id} 已${STATE_NAMES[r.ticket.state]},不能认领。`
      if (r.ticket.claimedBy && r.ticket.claimedBy !== actor) return `#${r.ticket.id} 已由 ${r.ticket.claimedBy} 认领。如需接手,请用「转派 ${r.ticket.id} @自己」。`
      ctx.tickets.update(r.ticket.id, { state: 'claimed', claimedBy: actor, claimedAt: r.ticket.claimedAt ?? now }, now, r.ticket)
      record(r.ticket, 'claimed')
      return `已认领 #${r.ticket.id}:${where(r.ticket)} ${clip(r.ticket.summary, 80)}\n办完后回复「完成 ${r.ticket.id} 备注」。`
    }
    case 'done': {
      const r = mustExist(ctx, cmd.args, '完成 编号 备注')
      if (typeof r === 'string') return r
      if (!isOpen(r.ticket)) return `#${r.ticket.id} 已${STATE_NAMES[r.ticket.state]},无需再次完成。`
      const note = r.rest.slice(0, 200)
      const t = ctx.tickets.update(r.ticket.id, {
        state: 'done', resolvedBy: actor, resolvedAt: now, note, claimedBy: r.ticket.claimedBy ?? actor, claimedAt: r.ticket.claimedAt ?? now,
        repliedAt: r.ticket.category === 'emotional' ? now : r.ticket.repliedAt,
      }, now, r.ticket)
      record(t, 'done', note)
      const order = ctx.orders.byTicket(t.id)
      if (order?.state === 'open') markDelivered(ctx, t.id, actor)
      closeLoop(ctx, t, note)
      return `#${t.id} 已完成,已通知居民。`
    }
    case 'assign': {
      const a = /^#?(\d{1,9})号?[\s\u2005]+(\S+)$/.exec(cmd.args)
      const target = a ? stewardByName(ctx, a[2]) : null
      if (!a || !target) return '格式不对,应为:转派 编号 @管家名(须是已配置的管家)'
      const t = ctx.tickets.get(Number(a[1]))
      if (!t) return `没有找到 #${a[1]}。`
      if (!isOpen(t)) return `#${t.id} 已${STATE_NAMES[t.state]},不能转派。`
      ctx.tickets.update(t.id, { state: 'claimed', claimedBy: target, claimedAt: now }, now, t)
      record(t, 'assigned', target)
      if (target !== actor) replyPrivately(ctx, target, `${ctx.config.stewardNames.get(actor) ?? actor} 把 #${t.id} 转给了您:\n${line(t, now)}\n办完后回复「完成 ${t.id} 备注」。`)
      return `#${t.id} 已转派给 ${ctx.config.stewardNames.get(target) ?? target}。`
    }
    case 'recategorize': {
      const r = mustExist(ctx, cmd.args, '改类 编号 类别')
      if (typeof r === 'string') return r
      const category = CATEGORY_WORDS[r.rest.trim()]
      if (!category) return '类别请用:就医、买菜、报修、宠物、心理、其他'
      const labels = [category, ...r.ticket.labels.filter((l) => l !== category)]
      ctx.tickets.update(r.ticket.id, { category, labels, needsReview: false }, now, r.ticket)
      record(r.ticket, 'recategorized', `${r.ticket.category}->${category}`)
      return `#${r.ticket.id} 已改为「${CATEGORY_NAMES[category]}」。`
    }
    case 'dismiss': {
      const r = mustExist(ctx, cmd.args, '驳回 编号')
      if (typeof r === 'string') return r
      if (!isOpen(r.ticket)) return `#${r.ticket.id} 已${STATE_NAMES[r.ticket.state]}。`
      ctx.tickets.update(r.ticket.id, { state: 'dismissed', resolvedBy: actor, resolvedAt: now, note: r.rest || '误报' }, now, r.ticket)
      record(r.ticket, 'dismissed', r.rest)
      const order = ctx.orders.byTicket(r.ticket.id)
      if (order?.state === 'open') ctx.orders.setState(order.id, 'cancelled', now)
      return `#${r.ticket.id} 已关闭(误报,不通知居民)。`
    }
    case 'reopen': {
      const r = mustExist(ctx, cmd.args, '重开 编号')
      if (typeof r === 'string') return r
      if (isOpen(r.ticket)) return `#${r.ticket.id} 本来就是${STATE_NAMES[r.ticket.state]}。`
      ctx.tickets.update(r.ticket.id, { state: 'open', claimedBy: null, claimedAt: null, resolvedAt: null, resolvedBy: null }, now, r.ticket)
      record(r.ticket, 'reopened', r.rest)
      return `#${r.ticket.id} 已重新打开。`
    }
    case 'delivered': {
      const a = ticketArg(cmd.args)
      if (!a) return '格式不对,应为:送达 编号'
      const order = markDelivered(ctx, a.id, actor)
      if (!order) return `#${a.id} 没有待送的订单。`
      const t = ctx.tickets.get(a.id)
      if (t && isOpen(t)) {
        const done = ctx.tickets.update(t.id, { state: 'done', resolvedBy: actor, resolvedAt: now, note: '已送达', claimedBy: t.claimedBy ?? actor, claimedAt: t.claimedAt ?? now }, now, t)
        closeLoop(ctx, done, '东西已送到门口,请及时取')
      }
      return `#${a.id} 的订单已送达,已通知居民。`
    }
    case 'digest': return hooks.digest ? hooks.digest(ctx, actor) : '简报功能尚未启用。'
    case 'daily': {
      if (!hooks.daily) return '日报功能尚未启用。'
      hooks.daily(ctx, actor)
      return null
    }
    case 'reload': {
      if (role !== 'manager') return '只有经理可以重载配置。'
      return hooks.reload ? hooks.reload() : '当前运行方式不支持重载。'
    }
    default: return null
  }
}

function mine(ctx: Context, talkerId: string): string {
  const own = ctx.tickets.byTalker(talkerId, 10)
  if (own.length === 0) return '您目前没有登记中的事项。需要帮忙直接在群里说就行。'
  return ['您登记的事项:', ...own.map((t) => `#${t.id} ${CATEGORY_NAMES[t.category]} · ${STATE_NAMES[t.state]}${t.note && t.state === 'done' ? `(${t.note})` : ''}`)].join('\n')
}

/** A steward wrote to the bot something that is neither a command nor a request. */
export function replyUnknownCommand(ctx: Context, stewardId: string): void {
  replyPrivately(ctx, stewardId, `没看懂这条指令。\n${STEWARD_HELP}`)
}

/**
 * Handles a message addressed to the bot. Returns false when it is not a
 * command, so the pipeline triages it like any other message (a resident
 * writing "@楼管家 我家停水了" is asking for help, not typing a command).
 */
export function handleCommand(ctx: Context, m: StoredInbound, hooks: CommandHooks = {}): boolean {
  const cmd = parseCommand(m.text)
  const role = roleOf(ctx.config, m.talkerId)
  const staff = role !== 'resident'
  if (!cmd) {
    if (!staff) return false
    // A bare @-mention from a steward: say what exists, privately. Anything else may be a
    // request they are logging for a resident; the pipeline decides (replyUnknownCommand).
    if (m.text.replace(/^(\s*@[^\s\u2005]+[\s\u2005]*)+/, '').trim() === '') { replyPrivately(ctx, m.talkerId, STEWARD_HELP); return true }
    return false
  }
  const now = ctx.clock()
  ctx.tickets.event(null, now, m.talkerId, `command:${cmd.name}`, clip(cmd.args, 100))
  if (cmd.name === 'whoami') {
    replyPrivately(ctx, m.talkerId, `您的 ID 是 ${m.talkerId}(${role === 'manager' ? '经理' : role === 'steward' ? '管家' : '居民'})`)
    return true
  }
  if (cmd.name === 'help') {
    if (staff) replyPrivately(ctx, m.talkerId, STEWARD_HELP)
    else reply(ctx, m, RESIDENT_HELP)
    return true
  }
  if (cmd.name === 'mine') {
    replyPrivately(ctx, m.talkerId, mine(ctx, m.talkerId))
    return true
  }
  if (STAFF_ONLY.has(cmd.name) && !staff) {
    reply(ctx, m, '抱歉,这个指令只有物业管家可以使用。您可以 @我 发「我的」查看自己登记的事项。')
    return true
  }
  if (MANAGER_ONLY.has(cmd.name) && role !== 'manager') {
    replyPrivately(ctx, m.talkerId, '只有经理可以使用这个指令。')
    return true
  }
  const answer = staffCommand(ctx, m, cmd, role, hooks)
  if (answer) replyPrivately(ctx, m.talkerId, answer)
  return true
}
