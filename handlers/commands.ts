// Commands typed to the bot (@-mention in a group, or a private chat).
// Stewards and managers drive the queue; answers go to them privately,
// wherever they typed. Residents get help and their own tickets only.
// Authorisation is by contact id, never by display name.
import type { StoredInbound } from '../store/types.ts'
import type { Ticket } from '../store/tickets.ts'
import { roleOf, type Role } from './config.ts'
import type { Context } from './context.ts'
import { closeLoop } from './closing.ts'
import { markDelivered, ordersReport } from './orders.ts'
import { queueItem, queueReport } from './queue.ts'
import { reply, replyAll, replyPrivately } from './reply.ts'
import { settingsCommand } from './settings.ts'
import {
  CATEGORY_NAMES,
  CATEGORY_WORDS,
  RESIDENT_HELP,
  STATE_NAMES,
  clip,
  displayName,
  sayableInGroup,
  stewardAnswer,
  where,
} from './wording.ts'

export type CommandName =
  | 'help'
  | 'queue'
  | 'claim'
  | 'answer'
  | 'note'
  | 'done'
  | 'assign'
  | 'recategorize'
  | 'dismiss'
  | 'reopen'
  | 'orders'
  | 'delivered'
  | 'digest'
  | 'daily'
  | 'settings'
  | 'mine'
  | 'whoami'
  | 'reload'

export interface ParsedCommand {
  name: CommandName
  args: string
}

/**
 * Full-width digits, 「#」 and spaces as ASCII: a phone's Chinese keyboard types 「认领 １」 and
 * 「设置 简报 每３小时」, and every command reads its numbers from the ASCII ones.
 */
export function asciiDigits(text: string): string {
  return text.replace(/[\uff10-\uff19\uff03\u3000]/g, (c) => (c === '\u3000' ? ' ' : String.fromCharCode(c.charCodeAt(0) - 0xfee0)))
}

/** Strip @-mentions at the start, then read the command word. Unknown words give null. */
export function parseCommand(text: string): ParsedCommand | null {
  const body = asciiDigits(text.replace(/^(\s*@[^\s\u2005]+[\s\u2005]*)+/, '')).trim()
  const m = /^([^\s\d]+?)(?=\s|\d|$)\s*([\s\S]*)$/.exec(body)
  if (!m) return null
  const word = m[1].toLowerCase()
  const name = WORDS[word] ?? WORDS[m[1]]
  return name ? { name, args: m[2].trim() } : null
}

/** Hooks for work that lives in other handlers (digests) or in bot/ (reload). */
export interface CommandHooks {
  digest?(ctx: Context, stewardId: string): string
  /** `args`: what followed 「日报」 (「详细」 asks for the details). */
  daily?(ctx: Context, managerId: string, args?: string): void
  reload?(): string
}

/** "12", "#12", "12号" — and nothing else: "1; 删除全部" is not a ticket number. */
function ticketArg(args: string): { id: number; rest: string } | null {
  const m = /^#?(\d{1,9})号?(?:\s+([\s\S]*))?$/.exec(args.trim())
  return m ? { id: Number(m[1]), rest: (m[2] ?? '').trim() } : null
}

/** Words for oneself in 「转派 N @自己」 (the bot suggests it when someone else has claimed the ticket). */
const SELF = new Set(['自己', '我', '我自己', '本人', 'me', 'myself'])

function stewardByName(ctx: Context, name: string, actor: string): string | null {
  const clean = name.replace(/^@/, '').trim()
  if (!clean) return null
  if (SELF.has(clean.toLowerCase())) return ctx.config.stewards.includes(actor) ? actor : null
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

/** 「回复 N 文本」, 「备注 N 文本」: an existing ticket and some words (at most 500 characters). */
function ticketAndText(ctx: Context, args: string, usage: string): { ticket: Ticket; text: string } | string {
  const r = mustExist(ctx, args, usage)
  if (typeof r === 'string') return r
  const text = r.rest.slice(0, 500)
  return text ? { ticket: r.ticket, text } : `格式不对,应为:${usage}`
}

const isOpen = (t: Ticket) => t.state === 'open' || t.state === 'claimed'

function mine(ctx: Context, talkerId: string): string {
  const own = ctx.tickets.byTalker(talkerId, 10)
  if (own.length === 0) return '您目前没有登记中的事项。需要帮忙直接在群里说就行。'
  return [
    '您登记的事项:',
    ...own.map(
      (t) => `#${t.id} ${CATEGORY_NAMES[t.category]} · ${STATE_NAMES[t.state]}${t.note && t.state === 'done' ? `(${t.note})` : ''}`,
    ),
  ].join('\n')
}

/**
 * 「回复 N 文本」: the steward's words to the resident, through the bot. A repair, grocery or pet
 * ticket's reporters read them where they asked (one post per room, with their @); anything
 * else goes only to the resident who asked, privately, and only where a private message can
 * arrive — a medical or emotional matter is never answered in the group.
 */
function answerResident(ctx: Context, t: Ticket, actor: string, text: string, c: Invocation): string {
  const words = () => stewardAnswer(t, displayName(ctx.config, actor), text)
  const fallback = { ticketIds: [t.id], talkerName: t.talkerName || displayName(ctx.config, t.talkerId) }
  // A request a steward logged for a resident has no resident to answer through the bot.
  const reporters = ctx.tickets.reporters(t.id).filter((r) => roleOf(ctx.config, r.talkerId) === 'resident')
  if (reporters.length === 0) return `#${t.id} 是工作人员代为登记的,楼管家联系不到居民本人,请直接联系。`
  if (sayableInGroup(t)) {
    replyAll(ctx, reporters, words, { purpose: 'acknowledgement', fallback })
    c.record(t, 'answered', text)
    return `已回复 #${t.id} 的居民${reporters.some((r) => r.roomId) ? '(在原群@了本人)' : '(私信)'}。`
  }
  if (!reporters.some((r) => r.talkerId === t.talkerId) || ctx.reach.isFriend(t.talkerId) !== true)
    return `#${t.id} 是${t.kind === 'media' ? '语音/图片' : CATEGORY_NAMES[t.category]}事项,不便在群里回复;${fallback.talkerName} 不是楼管家的好友,私信发不到,请直接电话或上门联系。`
  // A friend: the message should arrive; if it fails after its retries, the steward is told (fallback.ts).
  reply(ctx, { talkerId: t.talkerId, roomId: null }, words(), { purpose: 'acknowledgement', fallback })
  c.record(t, 'answered', text)
  if (t.category === 'emotional' && t.repliedAt == null) ctx.tickets.update(t.id, { repliedAt: c.now }, c.now, t)
  return `已私信回复 #${t.id} 的居民。`
}

/** A steward wrote to the bot something that is neither a command nor a request. */
export function replyUnknownCommand(ctx: Context, stewardId: string): void {
  replyPrivately(ctx, stewardId, `没看懂这条指令。\n${STEWARD_HELP}`)
}

/** What a command's run() gets besides the context and the message. */
interface Invocation {
  args: string
  role: Role
  hooks: CommandHooks
  now: number
  /** Writes the command's act on a ticket to the audit trail. */
  record(t: Ticket, action: string, detail?: string): void
}

/** One command: the words that call it, who may use it, its line in the help, and what it does. */
interface Command {
  name: CommandName
  /** Command words, Chinese and English; matched case-insensitively. */
  words: readonly string[]
  /** anyone; staff (stewards and managers); manager only. */
  role: 'anyone' | 'staff' | 'manager'
  /** The help line (STEWARD_HELP); commands that share a `helpGroup` share a line. */
  usage?: string
  helpGroup?: string
  /**
   * Staff commands return the answer, sent privately to whoever typed the command (null: no
   * answer). Commands for anyone send their own reply and return null.
   */
  run(ctx: Context, m: StoredInbound, c: Invocation): string | null
}

/** The commands, in the order the help lists them. */
export const COMMANDS: readonly Command[] = [
  {
    name: 'queue',
    words: ['队列', 'queue', '待办'],
    role: 'staff',
    usage: '队列 [类别/楼栋] — 待办事项,按紧急程度排序;「队列 更多」看下一屏',
    run: (ctx, m, c) => queueReport(ctx, c.args, m.talkerId),
  },
  {
    name: 'claim',
    words: ['认领', 'claim', '接单'],
    role: 'staff',
    usage: '认领 N — 认领 #N',
    run: (ctx, m, c) => {
      const r = mustExist(ctx, c.args, '认领 编号')
      if (typeof r === 'string') return r
      if (!isOpen(r.ticket)) return `#${r.ticket.id} 已${STATE_NAMES[r.ticket.state]},不能认领。`
      if (r.ticket.claimedBy && r.ticket.claimedBy !== m.talkerId)
        return `#${r.ticket.id} 已由 ${displayName(ctx.config, r.ticket.claimedBy)} 认领。如需接手,请用「转派 ${r.ticket.id} @自己」。`
      ctx.tickets.update(r.ticket.id, { state: 'claimed', claimedBy: m.talkerId, claimedAt: r.ticket.claimedAt ?? c.now }, c.now, r.ticket)
      c.record(r.ticket, 'claimed')
      return `已认领 #${r.ticket.id}:${where(r.ticket)} ${clip(r.ticket.summary, 80)}\n办完后回复「完成 ${r.ticket.id} 处理说明」。`
    },
  },
  {
    name: 'answer',
    words: ['回复', 'reply', '答复'],
    role: 'staff',
    usage: '回复 N 文本 — 通过楼管家回复居民(报修/买菜/宠物在原群@本人,其他私信本人)',
    run: (ctx, m, c) => {
      const r = ticketAndText(ctx, c.args, '回复 编号 文本')
      return typeof r === 'string' ? r : answerResident(ctx, r.ticket, m.talkerId, r.text, c)
    },
  },
  {
    name: 'note',
    words: ['备注', 'note'],
    role: 'staff',
    usage: '备注 N 文本 — 给 #N 记一笔(不办结,居民看不到)',
    run: (ctx, _m, c) => {
      const r = ticketAndText(ctx, c.args, '备注 编号 文本')
      if (typeof r === 'string') return r
      c.record(r.ticket, 'noted', r.text)
      // Someone has been in touch: the emotional ticket is no longer 「未回复」 in the digests.
      const cleared = r.ticket.category === 'emotional' && r.ticket.repliedAt == null
      if (cleared) ctx.tickets.update(r.ticket.id, { repliedAt: c.now }, c.now, r.ticket)
      return `已给 #${r.ticket.id} 记下备注${cleared ? ',心理关怀已标为已回复' : ''}。`
    },
  },
  {
    name: 'done',
    words: ['完成', 'done', '办结'],
    role: 'staff',
    usage: '完成 N 说明 — 办结 #N;报修/买菜/宠物的说明发到原群,就医/心理等只私信本人',
    run: (ctx, m, c) => {
      const actor = m.talkerId
      const now = c.now
      const r = mustExist(ctx, c.args, '完成 编号 备注')
      if (typeof r === 'string') return r
      if (!isOpen(r.ticket)) return `#${r.ticket.id} 已${STATE_NAMES[r.ticket.state]},无需再次完成。`
      const note = r.rest.slice(0, 200)
      const t = ctx.tickets.update(
        r.ticket.id,
        {
          state: 'done',
          resolvedBy: actor,
          resolvedAt: now,
          note,
          claimedBy: r.ticket.claimedBy ?? actor,
          claimedAt: r.ticket.claimedAt ?? now,
          repliedAt: r.ticket.category === 'emotional' ? now : r.ticket.repliedAt,
        },
        now,
        r.ticket,
      )
      c.record(t, 'done', note)
      const order = ctx.orders.byTicket(t.id)
      if (order?.state === 'open') markDelivered(ctx, t.id, actor)
      return `#${t.id} 已完成,${closeLoop(ctx, t, note)}。`
    },
  },
  {
    name: 'assign',
    words: ['转派', 'assign'],
    role: 'staff',
    usage: '转派 N @某人 — 转给其他管家',
    run: (ctx, m, c) => {
      const actor = m.talkerId
      const a = /^#?(\d{1,9})号?[\s\u2005]+(\S+)$/.exec(c.args)
      const target = a ? stewardByName(ctx, a[2], actor) : null
      if (!a || !target) return '格式不对,应为:转派 编号 @管家名(须是已配置的管家)'
      const t = ctx.tickets.get(Number(a[1]))
      if (!t) return `没有找到 #${a[1]}。`
      if (!isOpen(t)) return `#${t.id} 已${STATE_NAMES[t.state]},不能转派。`
      ctx.tickets.update(t.id, { state: 'claimed', claimedBy: target, claimedAt: c.now }, c.now, t)
      c.record(t, 'assigned', target)
      if (target !== actor)
        replyPrivately(
          ctx,
          target,
          `${displayName(ctx.config, actor)} 把 #${t.id} 转给了您:\n${queueItem(ctx, t, c.now)}\n办完后回复「完成 ${t.id} 处理说明」。`,
        )
      return target === actor ? `#${t.id} 已转给您自己。` : `#${t.id} 已转派给 ${displayName(ctx.config, target)}。`
    },
  },
  {
    name: 'recategorize',
    words: ['改类', 'recategorize'],
    role: 'staff',
    usage: '改类 N 类别 — 改分类(就医/买菜/报修/宠物/心理/其他)',
    run: (ctx, _m, c) => {
      const r = mustExist(ctx, c.args, '改类 编号 类别')
      if (typeof r === 'string') return r
      const category = CATEGORY_WORDS[r.rest.trim()]
      if (!category) return '类别请用:就医、买菜、报修、宠物、心理、其他'
      const labels = [category, ...r.ticket.labels.filter((l) => l !== category)]
      ctx.tickets.update(r.ticket.id, { category, labels, needsReview: false }, c.now, r.ticket)
      c.record(r.ticket, 'recategorized', `${r.ticket.category}->${category}`)
      return `#${r.ticket.id} 已改为「${CATEGORY_NAMES[category]}」。`
    },
  },
  {
    name: 'dismiss',
    words: ['驳回', 'dismiss'],
    role: 'staff',
    usage: '驳回 N — 误报,关闭 #N',
    run: (ctx, m, c) => {
      const r = mustExist(ctx, c.args, '驳回 编号')
      if (typeof r === 'string') return r
      if (!isOpen(r.ticket)) return `#${r.ticket.id} 已${STATE_NAMES[r.ticket.state]}。`
      ctx.tickets.update(
        r.ticket.id,
        { state: 'dismissed', resolvedBy: m.talkerId, resolvedAt: c.now, note: r.rest || '误报' },
        c.now,
        r.ticket,
      )
      c.record(r.ticket, 'dismissed', r.rest)
      const order = ctx.orders.byTicket(r.ticket.id)
      if (order?.state === 'open') ctx.orders.setState(order.id, 'cancelled', c.now)
      return `#${r.ticket.id} 已关闭(误报,不通知居民)。`
    },
  },
  {
    name: 'reopen',
    words: ['重开', 'reopen'],
    role: 'staff',
    usage: '重开 N — 重新打开 #N',
    run: (ctx, _m, c) => {
      const r = mustExist(ctx, c.args, '重开 编号')
      if (typeof r === 'string') return r
      if (isOpen(r.ticket)) return `#${r.ticket.id} 本来就是${STATE_NAMES[r.ticket.state]}。`
      ctx.tickets.update(
        r.ticket.id,
        { state: 'open', claimedBy: null, claimedAt: null, resolvedAt: null, resolvedBy: null },
        c.now,
        r.ticket,
      )
      c.record(r.ticket, 'reopened', r.rest)
      return `#${r.ticket.id} 已重新打开。`
    },
  },
  {
    name: 'orders',
    words: ['订单', 'orders'],
    role: 'staff',
    usage: '订单 — 采购汇总和送货清单',
    helpGroup: 'orders',
    run: (ctx) => ordersReport(ctx),
  },
  {
    name: 'delivered',
    words: ['送达', 'delivered'],
    role: 'staff',
    usage: '送达 N — 订单 #N 已送达',
    helpGroup: 'orders',
    run: (ctx, m, c) => {
      const actor = m.talkerId
      const a = ticketArg(c.args)
      if (!a) return '格式不对,应为:送达 编号'
      const order = markDelivered(ctx, a.id, actor)
      if (!order) return `#${a.id} 没有待送的订单。`
      const t = ctx.tickets.get(a.id)
      if (t && isOpen(t)) {
        const done = ctx.tickets.update(
          t.id,
          {
            state: 'done',
            resolvedBy: actor,
            resolvedAt: c.now,
            note: '已送达',
            claimedBy: t.claimedBy ?? actor,
            claimedAt: t.claimedAt ?? c.now,
          },
          c.now,
          t,
        )
        return `#${a.id} 的订单已送达,${closeLoop(ctx, done, '', 'delivered')}。`
      }
      return `#${a.id} 的订单已送达。`
    },
  },
  {
    name: 'digest',
    words: ['汇总', 'digest'],
    role: 'staff',
    usage: '汇总 — 管家简报',
    helpGroup: 'digest',
    run: (ctx, m, c) => (c.hooks.digest ? c.hooks.digest(ctx, m.talkerId) : '简报功能尚未启用。'),
  },
  {
    name: 'daily',
    words: ['日报', 'daily'],
    role: 'staff',
    usage: '日报 [详细] — 今日日报',
    helpGroup: 'digest',
    run: (ctx, m, c) => {
      if (!c.hooks.daily) return '日报功能尚未启用。'
      c.hooks.daily(ctx, m.talkerId, c.args)
      return null
    },
  },
  {
    name: 'settings',
    words: ['设置', 'settings'],
    role: 'staff',
    usage: '设置 — 我的提醒:简报频率、免打扰时段',
    run: (ctx, m, c) => settingsCommand(ctx, m.talkerId, c.args),
  },
  {
    name: 'whoami',
    words: ['我的id', 'whoami'],
    role: 'anyone',
    usage: '我的ID — 查看自己的 ID',
    run: (ctx, m, c) => {
      replyPrivately(ctx, m.talkerId, `您的 ID 是 ${m.talkerId}(${c.role === 'manager' ? '经理' : c.role === 'steward' ? '管家' : '居民'})`)
      return null
    },
  },
  {
    name: 'help',
    words: ['帮助', 'help', '?'],
    role: 'anyone',
    run: (ctx, m, c) => {
      if (c.role !== 'resident') replyPrivately(ctx, m.talkerId, STEWARD_HELP)
      else reply(ctx, m, RESIDENT_HELP)
      return null
    },
  },
  {
    name: 'mine',
    words: ['我的', 'mine'],
    role: 'anyone',
    run: (ctx, m) => {
      // Privately; a resident who is not the bot's friend gets the numbers in the group instead.
      reply(ctx, { talkerId: m.talkerId, roomId: null }, mine(ctx, m.talkerId), {
        purpose: 'ticket-list',
        fallback: { roomId: m.roomId, talkerName: m.talkerName },
      })
      return null
    },
  },
  {
    name: 'reload',
    words: ['重载', 'reload'],
    role: 'manager',
    run: (_ctx, _m, c) => (c.hooks.reload ? c.hooks.reload() : '当前运行方式不支持重载。'),
  },
]

const BY_NAME = new Map(COMMANDS.map((c) => [c.name, c]))
const WORDS: Record<string, CommandName> = Object.fromEntries(COMMANDS.flatMap((c) => c.words.map((w) => [w, c.name])))

/** The stewards' help: the usage lines of the table, in its order (a help group shares a line). */
export const STEWARD_HELP = [
  '楼管家指令(@我 或私聊发送,回复都私信给您):',
  ...COMMANDS.reduce<{ group?: string; text: string }[]>((lines, c) => {
    if (!c.usage) return lines
    const last = lines.at(-1)
    if (c.helpGroup && last?.group === c.helpGroup) last.text += `;${c.usage}`
    else lines.push({ group: c.helpGroup, text: c.usage })
    return lines
  }, []).map((l) => l.text),
].join('\n')

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
    if (m.text.replace(/^(\s*@[^\s\u2005]+[\s\u2005]*)+/, '').trim() === '') {
      replyPrivately(ctx, m.talkerId, STEWARD_HELP)
      return true
    }
    return false
  }
  const now = ctx.clock()
  ctx.tickets.event(null, now, m.talkerId, `command:${cmd.name}`, clip(cmd.args, 100))
  const command = BY_NAME.get(cmd.name)
  if (!command) return true
  if (command.role === 'staff' && !staff) {
    reply(ctx, m, '抱歉,这个指令只有物业管家可以使用。您可以 @我 发「我的」查看自己登记的事项。')
    return true
  }
  if (command.role === 'manager' && role !== 'manager') {
    replyPrivately(ctx, m.talkerId, '只有经理可以使用这个指令。')
    return true
  }
  const record = (t: Ticket, action: string, detail?: string) => ctx.tickets.event(t.id, now, m.talkerId, action, detail)
  const answer = command.run(ctx, m, { args: cmd.args, role, hooks, now, record })
  if (answer) replyPrivately(ctx, m.talkerId, answer)
  return true
}
