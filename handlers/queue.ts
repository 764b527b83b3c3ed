// 「队列」: the open tickets, most pressing first (moved here from commands.ts: the queue is its
// own job, and the command table only calls it).
import type { Category } from '../classifiers/types.ts'
import type { Ticket } from '../store/tickets.ts'
import type { Context } from './context.ts'
import { PRIORITY_NAMES, byQueueOrder, effectivePriority } from './priority.ts'
import { CATEGORY_NAMES, CATEGORY_WORDS, clip, hhmm, where } from './wording.ts'

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
  const shown = ctx.tickets.byIds(
    ctx.tickets
      .queueHead({ category, building }, SHOWN)
      .sort(byQueueOrder(now))
      .slice(0, SHOWN)
      .map((k) => k.id),
  )
  const over = total > QUEUE_COUNT_UP_TO
  const head = `📋 待办 ${over ? `超过 ${QUEUE_COUNT_UP_TO}` : total} 件${category ? `(${CATEGORY_NAMES[category]})` : ''}${building ? `(${building}栋)` : ''}`
  const more =
    total > shown.length ? [`……还有${over ? '很多' : ` ${total - shown.length} 件`},可按类别或楼栋筛选,如「队列 报修」「队列 6栋」`] : []
  return [head, ...shown.map((t) => line(t, now)), ...more].join('\n')
}
