// 「队列」: the open tickets, most pressing first, one phone screen at a time. The first screen
// is what a steward reads between two calls; 「队列 更多」 turns the page (the position is kept
// per steward, with the filter it was asked with), and 「队列 报修」「队列 6栋」 narrow it down.
import type { Category } from '../classifiers/types.ts'
import type { Ticket } from '../store/tickets.ts'
import type { Context } from './context.ts'
import { PRIORITY_NAMES, byQueueOrder, effectivePriority } from './priority.ts'
import { getKv, setKv } from '../store/store.ts'
import { SCREEN_LINES, PHONE_LINE_WIDTH, chatLines, clipWidth } from './screen.ts'
import { CATEGORY_NAMES, CATEGORY_WORDS, displayName, hhmm, where } from './wording.ts'

/** The queue report counts open tickets up to this many; past it, it says "超过 9999 件". */
export const QUEUE_COUNT_UP_TO = 9999

/** At most this many tickets on one screen, however short their lines. */
export const QUEUE_PAGE_MAX = 12

/** The words that turn the page. */
const MORE = /^(更多|下一页|下页|more|next)$/i

interface Filter {
  category?: Category
  building?: string
}

/** Where a steward is in the queue: the filter they asked with and how many they have seen. */
interface Position {
  filter: Filter
  seen: number
}

const positionKey = (stewardId: string) => `queue:page:${stewardId}`

function parseArgs(args: string): { filter: Filter; more: boolean } {
  const filter: Filter = {}
  let more = false
  for (const word of args.split(/\s+/).filter(Boolean)) {
    if (MORE.test(word)) more = true
    else if (CATEGORY_WORDS[word]) filter.category = CATEGORY_WORDS[word]
    else if (/^\d+(栋|号楼|幢)?$/.test(word)) filter.building = word.replace(/\D/g, '')
  }
  return { filter, more }
}

/**
 * One ticket in two short lines: number, priority, what and where; then the resident's words
 * (or who sent the voice or picture), clipped to one chat line.
 */
export function queueItem(ctx: Context, t: Ticket, now: number): string {
  const kind = t.kind === 'media' ? `待查看${t.summary}` : CATEGORY_NAMES[t.category]
  const owner = t.claimedBy ? ` · ${displayName(ctx.config, t.claimedBy)}处理中` : ''
  const head = `#${t.id} [${PRIORITY_NAMES[effectivePriority(t, now)]}] ${kind} ${where(t)} ${hhmm(t.createdAt)}${owner}`
  // Indented by two spaces (one full-width character): the rest of the chat line is the words.
  const words = clipWidth(t.kind === 'media' ? t.talkerName : t.summary, PHONE_LINE_WIDTH - 1)
  return words ? `${head}\n  ${words}` : head
}

/**
 * The queue for a steward: a screen of at most SCREEN_LINES chat lines. `args` may name a
 * category or a building, and 「更多」 for the next screen after the last one this steward saw.
 */
export function queueReport(ctx: Context, args: string, stewardId?: string): string {
  const now = ctx.clock()
  const parsed = parseArgs(args)
  let filter = parsed.filter
  let seen = 0
  if (parsed.more && stewardId) {
    const saved = getKv(ctx.db, positionKey(stewardId))
    const pos = saved ? (JSON.parse(saved) as Position) : null
    if (pos && (Object.keys(filter).length === 0 || JSON.stringify(filter) === JSON.stringify(pos.filter))) {
      filter = pos.filter
      seen = pos.seen
    }
  }
  const { category, building } = filter
  const total = ctx.tickets.countQueue(filter, QUEUE_COUNT_UP_TO)
  if (total === 0) return category || building ? '这个范围内没有待办事项。' : '目前没有待办事项 👍'
  if (seen >= total) seen = 0 // the end was reached (or tickets were closed since): start again
  const over = total > QUEUE_COUNT_UP_TO
  const scope = `${category ? `(${CATEGORY_NAMES[category]})` : ''}${building ? `(${building}栋)` : ''}`
  const head = `📋 待办 ${over ? `超过 ${QUEUE_COUNT_UP_TO}` : total} 件${scope}${seen ? `,第 ${seen + 1} 件起` : ''}`
  const keys = ctx.tickets
    .queueHead(filter, seen + QUEUE_PAGE_MAX)
    .sort(byQueueOrder(now))
    .slice(seen, seen + QUEUE_PAGE_MAX)
  const candidates = ctx.tickets.byIds(keys.map((k) => k.id))

  // Fill the screen: as many tickets as fit with the head and the closing line.
  const items: string[] = []
  const rest = (shown: number) => total - seen - shown
  const footer = (shown: number) =>
    rest(shown) > 0
      ? `还有${over ? '很多' : ` ${rest(shown)} 件`}:回复「队列 更多」看下一屏;也可「队列 报修」「队列 6栋」`
      : seen
        ? '已到最后。'
        : ''
  for (const t of candidates) {
    const next = [head, ...items, queueItem(ctx, t, now), footer(items.length + 1)].filter(Boolean).join('\n')
    if (items.length > 0 && chatLines(next) > SCREEN_LINES) break
    items.push(queueItem(ctx, t, now))
  }
  if (stewardId) {
    const pos: Position = { filter, seen: seen + items.length }
    setKv(ctx.db, positionKey(stewardId), JSON.stringify(pos))
  }
  return [head, ...items, footer(items.length)].filter(Boolean).join('\n')
}
