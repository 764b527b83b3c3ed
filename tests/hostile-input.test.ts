// Hostile and broken input, run through the whole pipeline: store (Inbox.store, as the plugin
// does; a recall notice also goes through noteRecall) and then drainInbox. Every case states its
// outcome and the runner checks it, together with what must hold for any input: nothing throws,
// every message is stored exactly once and marked done, replies go only where they should (each
// outgoing message is accounted for) and nothing a resident did not ask for reaches a group.
//
// The puppet-level cases (payloads a puppet should never send) run on the mock community below.
import pino from 'pino'
import { afterEach, describe, expect, it } from 'vitest'
import { startMockCommunity, type MockCommunity } from '../testing/mock-community.ts'
import type { Category } from '../classifiers/types.ts'
import { MAX_TEXT, type StoreResult } from '../store/inbox.ts'
import type { Inbound } from '../store/types.ts'
import type { Ticket } from '../store/tickets.ts'
import { drainInbox, noteRecall } from '../handlers/pipeline.ts'
import { T0, testContext, type TestContext } from './helpers/handler-context.ts'

// ---------------------------------------------------------------------------------------------
// The catalogue

type Msg = Partial<Inbound> & { text: string }

const FLOOR = 'floor-6-2@chatroom'
const STEWARDS = ['steward-wang', 'steward-li']
const STAFF = [...STEWARDS, 'manager-zhou']
const steward = (text: string, over: Partial<Inbound> = {}): Msg => ({
  talkerId: 'steward-wang',
  talkerName: '物业小王',
  mentionsSelf: true,
  text,
  ...over,
})
const privately = { roomId: null, roomTopic: null } as const
const stranger = (text: string): Msg => ({ ...privately, talkerId: 'wxid_stranger9', talkerName: '陌生人', text })
const REPAIR = '我家水龙头坏了 麻烦来修一下'
const GROCERY = '家里没菜了 帮忙买点青菜'
const EMERGENCY = '救命 我妈晕倒了 头在流血'

/**
 * Before every case, a neighbour (res-02, 6-1-202) has an open repair ticket, #1. Cases that
 * name "ticket 1" aim at it; unless a case says it changes it, the runner checks it is untouched.
 */
const NEIGHBOUR = { talkerId: 'res-02', talkerName: '6-1-202 李', text: '6栋1单元202 卫生间水管漏水 麻烦来修一下' }

interface Expect {
  /** Tickets the input creates (beyond ticket 1); 'any' when the case checks them itself. */
  tickets: number | 'any'
  category?: Category
  kind?: 'media'
  urgent?: boolean
  /** The new ticket was filed from a backlog message: no alert, no group reply. */
  quiet?: boolean
  /** Outgoing messages after the input, by where they go; each defaults to 0 (exact counts). */
  room?: number | { max: number }
  /** Private messages to whoever sent the input. */
  talker?: number | { max: number }
  /** Private messages to stewards and managers other than the sender (alerts). */
  staff?: number | { max: number }
  /** Every reply contains this (e.g. the refusal or the format message). */
  says?: RegExp
  /** No reply contains this. */
  never?: RegExp
  /** Input messages the store drops (same id, or a re-delivery within the window). */
  dropped?: number
  /** The case is allowed to change ticket 1 (otherwise its state, owner and note must not move). */
  changesTicket1?: boolean
  /** Who room replies may @-mention (default: the sender). */
  mentions?: string[]
  then?(ctx: TestContext, run: Run): void
}

interface Case {
  name: string
  input: Msg | Msg[] | (() => Msg[])
  /** Messages stored and processed before the input (after ticket 1), replies not counted. */
  before?: Msg[]
  env?: Record<string, string>
  expect: Expect
}

interface Run {
  inputs: Inbound[]
  newTickets: Ticket[]
  replies: ReturnType<TestContext['sent']>
}

const MB = 1_000_000
const HOUR = 3600_000

/** A member posting 1,000 messages in one minute: noise, repeats, requests, commands. */
const FLOOD: Msg[] = Array.from({ length: 1000 }, (_, i) => {
  const texts = [
    `收到 ${i}`,
    `${GROCERY} ${i}`,
    REPAIR,
    `哈哈 ${i}`,
    `${REPAIR} ${i}`,
    `@楼管家 帮助 ${i}`,
    '一个人关在家 好孤单 每天都睡不着',
  ]
  const text = texts[i % texts.length]
  return { messageId: `flood-${i}`, text, mentionsSelf: text.startsWith('@'), at: T0 - 60_000 + i * 60 }
})

const CASES: Case[] = [
  // --- nothing to read ---------------------------------------------------------------------
  { name: 'empty text', input: { text: '' }, expect: { tickets: 0 } },
  { name: 'whitespace only (incl. ideographic space and tabs)', input: { text: '  \t\n\u3000 \r\n ' }, expect: { tickets: 0 } },
  { name: 'zero-width characters only', input: { text: '\u200b\u200c\u200d\u2060\ufeff'.repeat(50) }, expect: { tickets: 0 } },
  { name: 'bidi control characters only', input: { text: '\u202e\u202d\u2066\u2067\u2068\u2069\u200e\u200f' }, expect: { tickets: 0 } },
  { name: 'NUL characters only', input: { text: '\u0000'.repeat(100) }, expect: { tickets: 0 } },
  { name: 'invalid UTF-16 only (lone surrogates)', input: { text: '\udfff\ud800\udc00\ud800' }, expect: { tickets: 0 } },
  { name: 'a newline flood (100k newlines)', input: { text: '\n'.repeat(100_000) }, expect: { tickets: 0, then: storedWithin } },
  { name: 'emoji-only', input: { text: '😭😭😭' }, expect: { tickets: 0 } },
  { name: 'an emoji flood (100k emoji)', input: { text: '😀'.repeat(100_000) }, expect: { tickets: 0, then: storedWithin } },
  { name: 'ZWJ emoji sequences', input: { text: '👨‍👩‍👧‍👦🏳️‍🌈'.repeat(2000) }, expect: { tickets: 0, then: storedWithin } },
  {
    name: 'a 1 MB message of junk: stored truncated, no ticket',
    input: { text: 'x'.repeat(MB) },
    expect: { tickets: 0, then: (ctx, r) => expect(ctx.inbox.byMessageId(r.inputs[0].messageId)!.text).toHaveLength(MAX_TEXT) },
  },
  {
    name: 'a 1 MB message that starts with a request: filed once, stored truncated',
    input: { text: `${REPAIR} ${'啊'.repeat(MB)}` },
    expect: {
      tickets: 1,
      category: 'repair',
      room: 1,
      says: /#2/,
      then: (ctx, r) => {
        storedWithin(ctx, r)
        expect(r.newTickets[0].summary.length).toBeLessThanOrEqual(500)
      },
    },
  },

  // --- a request wrapped in noise ------------------------------------------------------------
  {
    name: 'zero-width characters inside a request',
    input: { text: '我家\u200b水龙头\u200d坏了\u2060 麻烦来修一下' },
    expect: { tickets: 1, category: 'repair', room: 1 },
  },
  {
    name: 'bidi overrides around a request',
    input: { text: `\u202e${REPAIR}\u202c` },
    expect: { tickets: 1, category: 'repair', room: 1, never: /[\u202a-\u202e\u2066-\u2069]/ },
  },
  { name: 'emoji around a request', input: { text: `🙏🙏🙏${GROCERY}🙏🙏🙏` }, expect: { tickets: 1, category: 'grocery', room: 1 } },
  {
    name: 'lone surrogates around a request',
    input: { text: `\ud800${GROCERY}\udfff` },
    expect: { tickets: 1, category: 'grocery', room: 1 },
  },
  {
    name: 'NUL characters inside a request',
    input: { text: `a\u0000b ${REPAIR}` },
    // eslint-disable-next-line no-control-regex -- the case is about NUL characters
    expect: { tickets: 1, category: 'repair', room: 1, never: /\u0000/ },
  },
  {
    name: 'a request followed by a newline flood',
    input: { text: `${GROCERY}${'\n'.repeat(50_000)}` },
    expect: { tickets: 1, category: 'grocery', room: 1 },
  },
  { name: 'mixed scripts', input: { text: `Hello ${REPAIR} привет مرحبا שלום` }, expect: { tickets: 1, category: 'repair', room: 1 } },
  { name: 'traditional characters', input: { text: '家裡沒菜了 幫忙買點青菜' }, expect: { tickets: 1, category: 'grocery', room: 1 } },
  {
    name: 'a text with only a URL',
    input: { text: 'https://mp.weixin.qq.com/s/AbC-dEf_123?scene=1#wechat_redirect' },
    expect: { tickets: 0 },
  },
  {
    name: 'a request with a URL',
    input: { text: `${REPAIR} https://example.com/photo.jpg` },
    expect: { tickets: 1, category: 'repair', room: 1 },
  },
  {
    name: 'HTML/script tags',
    input: { text: '<script>alert(document.cookie)</script><img src=x onerror=alert(1)>' },
    expect: { tickets: 0 },
  },
  {
    name: 'HTML tags around a request (not echoed back)',
    input: { text: `<b>${GROCERY}</b><script>x()</script>` },
    expect: { tickets: 1, category: 'grocery', room: 1, never: /<script|<b>/ },
  },
  {
    name: 'raw WeChat app-message XML as text',
    input: { text: '<msg><appmsg appid="" sdkver="0"><title>团购接龙</title><type>5</type><url>https://x.y/z</url></appmsg></msg>' },
    expect: { tickets: 0 },
  },
  {
    name: 'a very long shopping list (the same three items 300 times): one order of three lines',
    input: { text: '土豆3斤、萝卜3根、鸡蛋10个、'.repeat(300) },
    expect: {
      tickets: 1,
      category: 'grocery',
      room: 1,
      then: (ctx, r) => {
        const order = ctx.orders.byTicket(r.newTickets[0].id)!
        expect(order.lines.map((l) => l.name).sort()).toEqual(['土豆', '萝卜', '鸡蛋'].sort())
      },
    },
  },
  {
    name: 'a long numbered shopping list (ten lines, 200 times over): one order, each item once',
    input: {
      text: Array.from(
        { length: 200 },
        () => '1.土豆2斤\n2.西红柿3个\n3.鸡蛋10个\n4.大米10斤\n5.青菜2把\n6.猪肉1斤\n7.牛奶2箱\n8.面条2包\n9.黄瓜3根\n10.苹果2斤',
      ).join('\n'),
    },
    expect: {
      tickets: 1,
      category: 'grocery',
      room: 1,
      then: (ctx, r) => {
        const lines = ctx.orders.byTicket(r.newTickets[0].id)!.lines
        expect(lines.length).toBeGreaterThan(0)
        expect(lines.length).toBeLessThanOrEqual(10)
        expect(new Set(lines.map((l) => l.name)).size).toBe(lines.length)
      },
    },
  },

  // --- SQL injection: text is data, never SQL --------------------------------------------------
  { name: 'an SQL-injection string', input: { text: "'; DROP TABLE tickets; --" }, expect: { tickets: 0 } },
  {
    name: 'an SQL-injection string in "OR 1=1" form',
    input: { text: "' OR '1'='1'; DELETE FROM inbound WHERE '1'='1" },
    expect: { tickets: 0 },
  },
  {
    name: 'SQL injection inside a request: filed with the text verbatim',
    input: { text: "我家水龙头坏了'; DROP TABLE tickets; --" },
    expect: {
      tickets: 1,
      category: 'repair',
      room: 1,
      then: (_ctx, r) => expect(r.newTickets[0].summary).toBe("我家水龙头坏了'; DROP TABLE tickets; --"),
    },
  },
  {
    name: 'SQL injection in the display name',
    input: { talkerName: "Robert'); DROP TABLE inbound;--", text: REPAIR },
    expect: {
      tickets: 1,
      category: 'repair',
      room: 1,
      then: (_ctx, r) => expect(r.newTickets[0].talkerName).toBe("Robert'); DROP TABLE inbound;--"),
    },
  },
  {
    name: 'SQL injection in the message id and room topic',
    input: { messageId: "1' OR '1'='1", roomTopic: "x'); DELETE FROM tickets;--", text: GROCERY },
    expect: { tickets: 1, category: 'grocery', room: 1 },
  },

  // --- steward commands: injection, unknown words, bad numbers ---------------------------------
  {
    name: 'command injection: 完成 1; 删除全部 → format message, ticket unchanged',
    input: steward('@楼管家 完成 1; 删除全部'),
    expect: { tickets: 0, talker: 1, says: /格式不对/ },
  },
  {
    name: 'command injection without a space: 完成 1;删除全部',
    input: steward('@楼管家 完成 1;删除全部'),
    expect: { tickets: 0, talker: 1, says: /格式不对/ },
  },
  {
    name: 'command injection with backticks: 认领 1`reboot`',
    input: steward('@楼管家 认领 1`reboot`'),
    expect: { tickets: 0, talker: 1, says: /格式不对/ },
  },
  {
    name: 'command injection with $(): 驳回 $(rm -rf /)',
    input: steward('@楼管家 驳回 $(rm -rf /)'),
    expect: { tickets: 0, talker: 1, says: /格式不对/ },
  },
  {
    name: "SQL inside a steward command: 队列 '; DROP TABLE tickets; --",
    input: steward("@楼管家 队列 '; DROP TABLE tickets; --"),
    expect: { tickets: 0, talker: 1, says: /📋 待办 1 件/ },
  },
  {
    name: "SQL as a category: 改类 1 '; DROP…",
    input: steward("@楼管家 改类 1 '; DROP TABLE tickets; --"),
    expect: { tickets: 0, talker: 1, says: /类别请用/ },
  },
  {
    name: 'an unknown steward as assignee',
    input: steward("@楼管家 转派 1 @'; DROP TABLE--"),
    expect: { tickets: 0, talker: 1, says: /格式不对/ },
  },
  {
    name: 'an unknown command word from a steward (in a group: answered privately)',
    input: steward('@楼管家 删除全部'),
    expect: { tickets: 0, talker: 1, says: /没看懂/ },
  },
  {
    name: 'an unknown command word from a steward, privately',
    input: steward('sudo rm -rf /', privately),
    expect: { tickets: 0, talker: 1, says: /没看懂/ },
  },
  {
    name: 'a bare @-mention from a steward → help, privately',
    input: steward('@楼管家\u2005'),
    expect: { tickets: 0, talker: 1, says: /楼管家指令/ },
  },
  {
    name: 'a ticket number that does not exist',
    input: steward('@楼管家 认领 99999'),
    expect: { tickets: 0, talker: 1, says: /没有找到 #99999/ },
  },
  { name: 'ticket #0', input: steward('@楼管家 完成 #0'), expect: { tickets: 0, talker: 1, says: /没有找到 #0/ } },
  { name: 'a negative ticket number', input: steward('@楼管家 完成 -1'), expect: { tickets: 0, talker: 1, says: /格式不对/ } },
  {
    name: 'a huge ticket number',
    input: steward('@楼管家 认领 99999999999999999999'),
    expect: { tickets: 0, talker: 1, says: /格式不对/ },
  },
  { name: 'a number in exponent form', input: steward('@楼管家 认领 1e3'), expect: { tickets: 0, talker: 1, says: /格式不对/ } },
  {
    name: 'delivered for an order that does not exist',
    input: steward('@楼管家 送达 424242'),
    expect: { tickets: 0, talker: 1, says: /没有待送的订单/ },
  },
  {
    name: "control: a well-formed 完成 1 from a steward closes the loop in the reporter's room",
    input: steward('@楼管家 完成 1 已换水管'),
    expect: {
      tickets: 0,
      talker: 1,
      room: 1,
      changesTicket1: true,
      mentions: ['res-02'],
      then: (ctx) => {
        expect(ctx.tickets.get(1)).toMatchObject({ state: 'done', resolvedBy: 'steward-wang', note: '已换水管' })
      },
    },
  },

  // --- impersonation and fake mentions ---------------------------------------------------------
  {
    name: 'a fake @-mention of the bot typed as text (the puppet reports no mention): not a command',
    input: { text: '@楼管家 完成 1', mentionsSelf: false },
    expect: { tickets: 0 },
  },
  {
    name: 'a steward @-mentioning another steward by name (not the bot): not a command, nothing happens',
    input: steward('@物业小王 完成 1', { talkerId: 'steward-li', talkerName: '管家李姐', mentionsSelf: false }),
    expect: { tickets: 0 },
  },
  {
    name: 'a resident @-mentioning the bot with a steward command → refused in the group',
    input: { text: '@楼管家 完成 1', mentionsSelf: true },
    expect: { tickets: 0, room: 1, says: /只有物业管家/ },
  },
  {
    name: "a resident renamed to a steward's name (物业小王) → refused, ticket unchanged",
    input: { talkerId: 'res-07', talkerName: '物业小王', text: '@楼管家 完成 1', mentionsSelf: true },
    expect: { tickets: 0, room: 1, says: /只有物业管家/ },
  },
  {
    name: "a resident renamed to a steward's name asking for the queue → refused, nothing leaks",
    input: { talkerId: 'res-07', talkerName: '物业小王', text: '@楼管家 队列', mentionsSelf: true },
    expect: { tickets: 0, room: 1, says: /只有物业管家/, never: /📋|卫生间|202/ },
  },
  {
    name: "a resident renamed to a steward's name, privately → refused privately",
    input: { talkerId: 'res-07', talkerName: '物业小王', text: '驳回 1', ...privately },
    expect: { tickets: 0, talker: 1, says: /只有物业管家/ },
  },
  {
    name: "a resident whose display name is a steward's contact id → refused",
    input: { talkerId: 'res-07', talkerName: 'steward-wang', text: '@楼管家 认领 1', mentionsSelf: true },
    expect: { tickets: 0, room: 1, says: /只有物业管家/ },
  },
  {
    name: "a contact id that only looks like a steward's (zero-width suffix) → refused",
    input: { talkerId: 'steward-wang\u200b', talkerName: '物业小王', text: '@楼管家 完成 1', mentionsSelf: true },
    expect: { tickets: 0, room: 1, says: /只有物业管家/ },
  },

  // --- private chats ---------------------------------------------------------------------------
  { name: 'a stranger says hello privately: stored, nothing else', input: stranger('你好'), expect: { tickets: 0 } },
  {
    name: 'a stranger asks for the queue privately → refused privately',
    input: stranger('队列'),
    expect: { tickets: 0, talker: 1, says: /只有物业管家/, never: /📋/ },
  },
  {
    name: 'a stranger tries to close a ticket privately → refused privately',
    input: stranger('完成 1 已处理'),
    expect: { tickets: 0, talker: 1, says: /只有物业管家/ },
  },
  {
    name: 'a stranger asks for help privately: filed, acknowledged privately',
    input: stranger(REPAIR),
    expect: { tickets: 1, category: 'repair', talker: 1 },
  },
  {
    name: '我的 typed in a group is answered privately',
    input: { text: '@楼管家 我的', mentionsSelf: true },
    expect: { tickets: 0, talker: 1, never: /#1\b|卫生间/ },
  },
  {
    name: 'loneliness in a group: acknowledged privately, nothing in the group',
    input: { text: '一个人关在家 好孤单 每天都睡不着' },
    expect: { tickets: 1, category: 'emotional', talker: 1 },
  },
  {
    name: 'talk of suicide: hotline privately, stewards and manager alerted, nothing in the group',
    input: { text: '活着没意思 不想活了' },
    expect: { tickets: 1, category: 'emotional', urgent: true, talker: 1, staff: 3 },
  },

  // --- non-text messages -----------------------------------------------------------------------
  { name: 'an image in a group: a media ticket, no reply', input: { type: 'image', text: '' }, expect: { tickets: 1, kind: 'media' } },
  {
    name: 'a voice message in a group: a media ticket, no reply',
    input: { type: 'voice', text: '' },
    expect: { tickets: 1, kind: 'media' },
  },
  { name: 'a video in a group: a media ticket, no reply', input: { type: 'video', text: '' }, expect: { tickets: 1, kind: 'media' } },
  {
    name: 'ten pictures in a row: one media ticket',
    input: () => Array.from({ length: 10 }, () => ({ type: 'image' as const, text: '' })),
    expect: { tickets: 1, kind: 'media' },
  },
  { name: 'a file', input: { type: 'file', text: '体检报告.pdf' }, expect: { tickets: 0 } },
  { name: 'a link card', input: { type: 'link', text: 'https://mp.weixin.qq.com/s/abc' }, expect: { tickets: 0 } },
  { name: 'a mini-program card', input: { type: 'miniprogram', text: '美团买菜' }, expect: { tickets: 0 } },
  { name: 'a sticker', input: { type: 'emoticon', text: '' }, expect: { tickets: 0 } },
  { name: 'an unknown message type', input: { type: 'other', text: '<sysmsg>?</sysmsg>' }, expect: { tickets: 0 } },

  // --- time ------------------------------------------------------------------------------------
  {
    name: 'an emergency older than the backlog window: filed urgent, no alert, no group reply',
    input: { text: EMERGENCY, at: T0 - 2 * HOUR },
    expect: { tickets: 1, category: 'medical', urgent: true, quiet: true },
  },
  {
    name: 'a request older than the backlog window: filed, no reply',
    input: { text: GROCERY, at: T0 - 2 * HOUR },
    expect: { tickets: 1, category: 'grocery' },
  },
  {
    name: 'a timestamp of 0 (1970): treated as backlog',
    input: { text: REPAIR, at: 0 },
    expect: { tickets: 1, category: 'repair', quiet: true },
  },
  {
    name: 'control: an emergency 59 minutes old is inside the window: alerts and replies',
    input: { text: EMERGENCY, at: T0 - 59 * 60_000 },
    expect: { tickets: 1, category: 'medical', urgent: true, staff: 2, room: 1, says: /#2/ },
  },
  {
    name: 'a timestamp a day in the future (clock skew): processed normally',
    input: { text: REPAIR, at: T0 + 24 * HOUR },
    expect: { tickets: 1, category: 'repair', room: 1 },
  },
  {
    name: 'out-of-order: a cancellation arriving before the request it cancels is processed after it',
    input: [
      { messageId: 'later', text: '菜不用买了 邻居给了', at: T0 - 60_000 },
      { messageId: 'earlier', text: GROCERY, at: T0 - 120_000 },
    ],
    expect: {
      tickets: 1,
      category: 'grocery',
      room: 2,
      then: (ctx, r) => {
        expect(ctx.tickets.get(r.newTickets[0].id)!.state).toBe('cancelled')
        const order = ctx.db.prepare(`SELECT message_id FROM inbound WHERE message_id IN ('later', 'earlier') ORDER BY at`).all()
        expect(order).toEqual([{ message_id: 'earlier' }, { message_id: 'later' }])
      },
    },
  },

  // --- duplicates ------------------------------------------------------------------------------
  {
    name: 'the same message id delivered twice',
    input: [
      { messageId: 'dup-1', text: REPAIR },
      { messageId: 'dup-1', text: REPAIR },
    ],
    expect: { tickets: 1, category: 'repair', room: 1, dropped: 1 },
  },
  {
    name: 'the same id with a different text (a puppet bug): the first wins',
    input: [
      { messageId: 'dup-2', text: REPAIR },
      { messageId: 'dup-2', text: EMERGENCY },
    ],
    expect: { tickets: 1, category: 'repair', room: 1, dropped: 1 },
  },
  {
    name: 'a re-delivery with a new id seconds later',
    input: [
      { messageId: 'r-1', text: GROCERY },
      { messageId: 'r-2', text: GROCERY, at: T0 + 5000 },
    ],
    expect: { tickets: 1, category: 'grocery', room: 1, dropped: 1 },
  },
  {
    name: 'a repeat of the same request after the re-delivery window: the same ticket, acknowledged once',
    input: [{ text: REPAIR }, { text: REPAIR, at: T0 + 5 * 60_000 }],
    expect: { tickets: 1, category: 'repair', room: 1 },
  },

  // --- recalls ---------------------------------------------------------------------------------
  {
    name: "a recalled request (撤回): the ticket's events note it with the original text",
    before: [{ messageId: 'orig-1', text: GROCERY }],
    input: { type: 'recalled', text: 'orig-1' },
    expect: {
      tickets: 0,
      then: (ctx) => {
        const original = ctx.inbox.byMessageId('orig-1')!
        expect(original.recalled).toBe(true)
        expect(ctx.tickets.events(original.ticketId!)).toContainEqual(
          expect.objectContaining({ action: 'recalled', actorId: 'res-01', detail: GROCERY }),
        )
      },
    },
  },
  {
    name: "a recall notice naming someone else's message: not noted, not flagged",
    before: [{ messageId: 'orig-2', text: GROCERY }],
    input: { type: 'recalled', text: 'orig-2', talkerId: 'res-03', talkerName: '6-1-203 陈' },
    expect: {
      tickets: 0,
      then: (ctx) => {
        const original = ctx.inbox.byMessageId('orig-2')!
        expect(original.recalled).toBe(false)
        expect(ctx.tickets.events(original.ticketId!).map((e) => e.action)).not.toContain('recalled')
      },
    },
  },
  { name: 'a recall notice naming a message never seen', input: { type: 'recalled', text: 'no-such-message' }, expect: { tickets: 0 } },

  // --- floods ----------------------------------------------------------------------------------
  {
    name: 'a member posting 1,000 messages in a minute: filed, at most one ticket per category, a bounded number of replies',
    input: () => FLOOD,
    // The same text again within a minute is a re-delivery: dropped at the door.
    expect: {
      tickets: 3,
      room: { max: 21 },
      talker: { max: 21 },
      dropped: FLOOD.length - new Set(FLOOD.map((m) => m.text)).size,
      then: (ctx, r) => {
        const byCategory = new Map<string, number>()
        for (const t of r.newTickets) byCategory.set(t.category, (byCategory.get(t.category) ?? 0) + 1)
        expect(Object.fromEntries(byCategory)).toEqual({ grocery: 1, repair: 1, emotional: 1 })
        // The resident is not ignored: their first request was acknowledged before the flood limit hit.
        expect(r.replies[0]?.text).toMatch(/#\d+/)
        // Nothing was lost: every stored message is linked to its ticket or processed as noise.
        expect(ctx.db.prepare(`SELECT count(*) AS n FROM inbound WHERE state != 'done'`).get()).toEqual({ n: 0 })
      },
    },
  },
  {
    name: 'a member posting 300 distinct cries for help in a minute: one emergency, alerts bounded',
    input: () => Array.from({ length: 300 }, (_, i) => ({ text: `救命 我爸摔倒了 头在流血 第${i}次`, at: T0 - 60_000 + i * 200 })),
    // The first alert goes to both stewards at once; later cries join the ticket, relayed only until the flood limit.
    expect: {
      tickets: 1,
      category: 'medical',
      urgent: true,
      room: 1,
      staff: { max: 2 * 22 },
      then: (ctx, r) => {
        expect(r.newTickets[0].state).toBe('open')
        expect(ctx.tickets.messages(r.newTickets[0].id)).toHaveLength(300)
      },
    },
  },
  {
    name: 'a member sending @bot 帮助 1,000 times: a bounded number of help replies',
    input: () => Array.from({ length: 1000 }, (_, i) => ({ text: `@楼管家 帮助 ${i}`, mentionsSelf: true, at: T0 - 60_000 + i * 60 })),
    expect: { tickets: 0, room: { max: 21 } },
  },
  {
    name: 'a member toggling a request and its cancellation 500 times: bounded replies, at most one open ticket',
    input: () =>
      Array.from({ length: 1000 }, (_, i) => ({ text: i % 2 ? `菜不用买了 ${i}` : `${GROCERY} ${i}`, at: T0 - 60_000 + i * 60 })),
    expect: {
      tickets: 'any',
      room: { max: 21 },
      then: (ctx) => {
        expect(ctx.tickets.allOpenByTalker('res-01').length).toBeLessThanOrEqual(1)
      },
    },
  },
]

// ---------------------------------------------------------------------------------------------
// The runner

function storedWithin(ctx: TestContext, r: Run): void {
  for (const m of r.inputs) expect(ctx.inbox.byMessageId(m.messageId)!.text.length).toBeLessThanOrEqual(MAX_TEXT)
}

function inputsOf(c: Case): Msg[] {
  return typeof c.input === 'function' ? c.input() : Array.isArray(c.input) ? c.input : [c.input]
}

function toInbound(ctx: TestContext, m: Msg, n: number): Inbound {
  return {
    messageId: m.messageId ?? `in-${n}`,
    roomId: m.roomId === undefined ? FLOOR : m.roomId,
    roomTopic: m.roomTopic === undefined ? '春江天境6栋2楼业主群' : m.roomTopic,
    talkerId: m.talkerId ?? 'res-01',
    talkerName: m.talkerName ?? '6-1-201 王阿姨',
    text: m.text,
    type: m.type ?? 'text',
    mentionsSelf: m.mentionsSelf ?? false,
    at: m.at ?? ctx.clock(),
  }
}

/** Store as the plugin does (a recall notice also marks its message), then drain. */
function deliver(ctx: TestContext, messages: Inbound[]): StoreResult[] {
  const results = messages.map((m) => {
    const r = ctx.inbox.store(m, ctx.clock())
    if (m.type === 'recalled') noteRecall(ctx, m)
    return r
  })
  drainInbox(ctx)
  return results
}

function exactly(actual: number, expected: number | { max: number } | undefined, what: string): void {
  if (typeof expected === 'object') expect(actual, what).toBeLessThanOrEqual(expected.max)
  else expect(actual, what).toBe(expected ?? 0)
}

function runCase(c: Case): void {
  const ctx = testContext(c.env)
  const e = c.expect
  // Ticket 1, and whatever the case needs before its input, processed and out of the way.
  deliver(ctx, [toInbound(ctx, { messageId: 'neighbour-1', ...NEIGHBOUR }, 0)])
  expect(ctx.tickets.get(1)?.talkerId).toBe('res-02')
  deliver(
    ctx,
    (c.before ?? []).map((m, i) => toInbound(ctx, { messageId: `before-${i}`, at: T0 - 10 * 60_000, ...m }, i)),
  )
  const ticket1 = ctx.tickets.get(1)!
  const ticketsBefore = ctx.db.prepare('SELECT max(id) AS n FROM tickets').get() as { n: number }
  const repliesBefore = ctx.sent().length

  const inputs = inputsOf(c).map((m, i) => toInbound(ctx, m, i + 1))
  let results: StoreResult[] = []
  expect(() => {
    results = deliver(ctx, inputs)
  }).not.toThrow()

  // Stored exactly once each (or dropped as a duplicate, as stated), and all of it processed.
  expect(results.filter((r) => !r.stored).length, 'dropped as duplicates').toBe(e.dropped ?? 0)
  const count = (sql: string, ...args: unknown[]) => (ctx.db.prepare(sql).get(...args) as { n: number }).n
  inputs.forEach((m, i) => {
    const r = results[i]
    if (r.stored || r.reason === 'same-id') {
      expect(count('SELECT count(*) AS n FROM inbound WHERE message_id = ?', m.messageId), `stored once: ${m.messageId}`).toBe(1)
    } else {
      // A re-delivery under a new id: the same text from the same person is already stored.
      expect(count('SELECT count(*) AS n FROM inbound WHERE message_id = ?', m.messageId)).toBe(0)
      expect(
        count('SELECT count(*) AS n FROM inbound WHERE talker_id = ? AND text = ?', m.talkerId, m.text.slice(0, MAX_TEXT)),
        `re-delivery of ${m.messageId}`,
      ).toBe(1)
    }
  })
  expect(ctx.inbox.pending()).toEqual([])
  expect(ctx.db.prepare(`SELECT count(*) AS n FROM inbound WHERE state != 'done'`).get()).toEqual({ n: 0 })
  // The store survived whatever the text said.
  expect(ctx.db.pragma('integrity_check', { simple: true })).toBe('ok')
  for (const table of ['inbound', 'tickets', 'orders', 'outbox', 'ticket_events']) {
    expect(() => ctx.db.prepare(`SELECT count(*) FROM ${table}`).get(), table).not.toThrow()
  }

  // Tickets: as many as stated, of the stated kind.
  const newTickets = ctx.db
    .prepare('SELECT id FROM tickets WHERE id > ? ORDER BY id')
    .all(ticketsBefore.n)
    .map((r) => ctx.tickets.get((r as { id: number }).id)!)
  if (e.tickets !== 'any')
    expect(
      newTickets.map((t) => `${t.kind}:${t.category}`),
      'new tickets',
    ).toHaveLength(e.tickets)
  if (e.tickets === 1) {
    const t = newTickets[0]
    if (e.kind) expect(t.kind).toBe(e.kind)
    if (e.category) expect(t.category).toBe(e.category)
    expect(t.urgent).toBe(e.urgent ?? false)
    if (e.quiet !== undefined) expect(t.quiet).toBe(e.quiet)
  }
  if (!e.changesTicket1) {
    expect(ctx.tickets.get(1), 'ticket 1 untouched').toMatchObject({
      state: ticket1.state,
      claimedBy: ticket1.claimedBy,
      note: ticket1.note,
      category: ticket1.category,
      resolvedBy: ticket1.resolvedBy,
    })
  }

  // Replies: every outgoing message accounted for, by where it goes.
  const replies = ctx.sent().slice(repliesBefore)
  const talkers = new Set(inputs.map((m) => m.talkerId))
  const rooms = replies.filter((s) => s.kind === 'room')
  const toTalker = replies.filter((s) => s.kind === 'contact' && talkers.has(s.to))
  const toStaff = replies.filter((s) => s.kind === 'contact' && !talkers.has(s.to) && STAFF.includes(s.to))
  const elsewhere = replies.filter((s) => s.kind === 'contact' && !talkers.has(s.to) && !STAFF.includes(s.to))
  exactly(rooms.length, e.room, 'replies in a group')
  exactly(toTalker.length, e.talker, 'private replies to the sender')
  exactly(toStaff.length, e.staff, 'private messages to stewards and managers')
  expect(elsewhere, 'messages to anyone else').toEqual([])
  for (const r of rooms) {
    expect(r.to, 'group replies go to the room the message came from').toBe(FLOOR)
    expect(r.mentions, 'group replies mention only the sender').toEqual(e.mentions ?? [...talkers])
  }
  if (e.urgent) for (const a of toStaff) expect(a.urgent).toBe(true)
  const residentFacing = [...rooms, ...toTalker]
  if (e.says) for (const r of residentFacing) expect(r.text).toMatch(e.says)
  for (const r of residentFacing) {
    if (e.never) expect(r.text).not.toMatch(e.never)
    // Never another resident's name or door in what a resident reads.
    if (!STAFF.some((s) => talkers.has(s))) expect(r.text).not.toMatch(/李|6-1-202|卫生间/)
  }

  e.then?.(ctx, { inputs, newTickets, replies })
  ctx.db.close()
}

describe('hostile and broken input through the whole pipeline', () => {
  it('has at least 50 cases, each named once', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(50)
    expect(new Set(CASES.map((c) => c.name)).size).toBe(CASES.length)
  })

  it.each(CASES.map((c) => [c.name, c] as const))('%s', (_name, c) => runCase(c))
})

// ---------------------------------------------------------------------------------------------
// Payloads a puppet should never send, through Wechaty (PuppetMock) and the plugin

const log = pino({ level: 'silent' })
const FAST = { TRIAGE_RATE_PER_MIN: '1000', TRIAGE_RATE_PER_ROOM_MS: '0' }
const MOCK_FLOOR = 'floor-3-5@chatroom'

interface PuppetCase {
  name: string
  payload: Parameters<MockCommunity['emitRaw']>[0]
  /** stored: the row the message leaves (null: not stored at all). */
  expect: { stored: null | { type?: string; roomId?: string | null; text?: string; ticket: boolean }; check?(c: MockCommunity): void }
}

const PUPPET_CASES: PuppetCase[] = [
  { name: 'no talker id', payload: { id: 'p-no-talker', roomId: MOCK_FLOOR, text: '我家停水了' }, expect: { stored: null } },
  {
    name: 'an empty talker id',
    payload: { id: 'p-empty-talker', talkerId: '', roomId: MOCK_FLOOR, text: '我家停水了' },
    expect: { stored: null },
  },
  {
    name: 'a room the puppet cannot load: stored and filed; the reply fails to send without harm',
    payload: { id: 'p-ghost-room', talkerId: 'res-01', roomId: 'ghost@chatroom', text: REPAIR },
    expect: { stored: { roomId: 'ghost@chatroom', ticket: true } },
  },
  {
    name: 'no room and no listener: taken as a private message',
    payload: { id: 'p-no-room', talkerId: 'res-02', text: GROCERY },
    expect: {
      stored: { roomId: null, ticket: true },
      check: (c) => expect(c.delivered.some((d) => d.toId === 'res-02' && d.text.includes('#'))).toBe(true),
    },
  },
  {
    name: 'a talker the puppet cannot load',
    payload: { id: 'p-ghost-talker', talkerId: 'wxid_nobody', roomId: MOCK_FLOOR, text: REPAIR },
    expect: { stored: { ticket: true } },
  },
  {
    name: 'no text at all',
    payload: { id: 'p-no-text', talkerId: 'res-03', roomId: MOCK_FLOOR, text: undefined },
    expect: { stored: { text: '', ticket: false } },
  },
  {
    name: 'an unknown message type',
    payload: { id: 'p-type', talkerId: 'res-04', roomId: MOCK_FLOOR, type: 999 as never, text: 'x' },
    expect: { stored: { type: 'other', ticket: false } },
  },
  {
    name: 'a timestamp in seconds',
    payload: { id: 'p-seconds', talkerId: 'res-05', roomId: MOCK_FLOOR, text: REPAIR, timestamp: Math.floor(Date.now() / 1000) },
    expect: {
      stored: { ticket: true },
      check: (c) => expect(Math.abs(c.runtime.ctx.inbox.byMessageId('p-seconds')!.at - Date.now())).toBeLessThan(60_000),
    },
  },
  {
    name: 'a NaN timestamp',
    payload: { id: 'p-nan', talkerId: 'res-06', roomId: MOCK_FLOOR, text: '楼上漏水了 麻烦来看看', timestamp: Number.NaN },
    expect: { stored: { ticket: true } },
  },
  {
    name: 'a mention list that is not a list',
    payload: { id: 'p-mentions', talkerId: 'res-08', roomId: MOCK_FLOOR, text: '@楼管家 帮助', mentionIdList: 'bot-louguanjia' as never },
    expect: { stored: { ticket: false } },
  },
  {
    name: 'a recall of a message never seen',
    payload: { id: 'p-recall', talkerId: 'res-09', roomId: MOCK_FLOOR, type: 13 as never, text: 'never-seen' },
    expect: { stored: { type: 'recalled', ticket: false } },
  },
  {
    name: "a private message with an empty room id (as gRPC sends it): a steward's command still works",
    payload: { id: 'p-empty-room', talkerId: 'steward-li', roomId: '', listenerId: 'bot-louguanjia', text: '队列' },
    expect: {
      stored: { roomId: null, ticket: false },
      check: (c) => expect(c.delivered.some((d) => d.toId === 'steward-li' && d.text.includes('待办'))).toBe(true),
    },
  },
]

describe('malformed payloads from the puppet', () => {
  let c: MockCommunity | null = null
  afterEach(async () => {
    await c?.stop()
    c = null
  })

  it.each(PUPPET_CASES.map((p) => [p.name, p] as const))('%s: no crash, and later messages still work', async (_name, p) => {
    c = await startMockCommunity({ log, env: FAST })
    c.emitRaw(p.payload)
    await c.settle()
    const row = c.runtime.ctx.inbox.byMessageId(p.payload.id)
    if (p.expect.stored === null) {
      expect(row).toBeNull()
    } else {
      expect(row).not.toBeNull()
      expect(row!.state).toBe('done')
      const s = p.expect.stored
      if (s.type) expect(row!.type).toBe(s.type)
      if (s.roomId !== undefined) expect(row!.roomId).toBe(s.roomId)
      if (s.text !== undefined) expect(row!.text).toBe(s.text)
      expect(row!.ticketId != null).toBe(s.ticket)
    }
    p.expect.check?.(c)
    // The bot is still listening.
    c.say('res-01', MOCK_FLOOR, GROCERY)
    await c.settle()
    expect(c.runtime.ctx.orders.openByTalker('res-01')).not.toBeNull()
    // (A reply to a room that cannot be found is retried a few times before the queue moves on.)
    const acked = () => c!.delivered.some((d) => d.roomId === MOCK_FLOOR && d.text.includes('买菜清单'))
    for (let i = 0; i < 6 && !acked(); i++) await c.settle()
    expect(acked()).toBe(true)
  })
})
