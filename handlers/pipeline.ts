// What happens to one stored message. The message is already in SQLite
// (persist first); this decides what it means and what work it makes.
import type { ParserError, TriageResult } from '../classifiers/triage.ts'
import { memoTriage } from '../classifiers/triage-memo.ts'
import type { Processed, StoredInbound } from '../store/types.ts'
import { StoreError, classify } from '../store/store.ts'
import { handleCommand, parseCommand, replyUnknownCommand, type CommandHooks } from './commands.ts'
import { roleOf } from './config.ts'
import type { Context } from './context.ts'
import { reply } from './reply.ts'
import { handleRequest } from './requests.ts'
import { answerSatisfaction } from './satisfaction.ts'
import { cancelRequest, fileMedia } from './tickets.ts'

const MEDIA = new Set(['image', 'voice', 'video'])

/** Parser errors triage caught (it returns them; classifiers do not log), over the process's life. */
export const parserErrors = { count: 0 }

/** Counted, and logged at warn with the parsers' and errors' names: never the message's text. */
function noteParserErrors(ctx: Context, m: StoredInbound, errors: readonly ParserError[]): void {
  parserErrors.count += errors.length
  ctx.log.warn(
    { inboundId: m.id, parsers: errors.map((e) => e.parser), errors: errors.map((e) => e.error), total: parserErrors.count },
    'triage caught parser errors',
  )
}

/** Shared by every context: triage is a pure function of the text. */
const triage = memoTriage()

/** What processing made of a message, as the inbox records it. */
export type Outcome = Processed

function isBacklog(ctx: Context, m: StoredInbound): boolean {
  return ctx.clock() - m.at > ctx.config.backlogMin * 60_000
}

/** More than floodPerMin messages from this member in the minute up to this one. */
function isFlooding(ctx: Context, m: StoredInbound): boolean {
  return ctx.inbox.countFrom(m.talkerId, m.at - 60_000, m) > ctx.config.floodPerMin
}

/** The category a cancellation talks about ("菜不用买了" → grocery), to pick which ticket it closes. */
function cancelHint(text: string): TriageResult['category'] | null {
  if (/菜|买|订单|东西|物资/.test(text)) return 'grocery'
  if (/灯|水|电|修|电梯|门/.test(text)) return 'repair'
  if (/药|医|病|烧/.test(text)) return 'medical'
  if (/猫|狗|宠物/.test(text)) return 'pet'
  return null
}

/** A short acknowledgement (好的, 收到, 谢谢, ok, 👌), after any @-mentions. */
export function isAcknowledgement(text: string): boolean {
  const body = text.replace(/^(\s*@[^\s\u2005]+[\s\u2005]*)+/, '').trim()
  return /^(好的?|好嘞|好滴|行|嗯+|哦+|收到了?|知道了|明白了?|了解|谢谢|多谢|谢了|感谢|辛苦了?|ok|okay|thx|thanks|👌|👍|🙏)([,，\s]*(好的?|收到|谢谢|辛苦了?|ok|👌|👍|🙏))*[!！。.~～\s]*$/i.test(
    body,
  )
}

export function processInbound(ctx: Context, m: StoredInbound, hooks: CommandHooks = {}): Outcome {
  const none: Outcome = { category: 'other', urgent: false, labels: ['other'], ticketId: null }
  if (m.talkerId === ctx.selfId) return none
  const backlog = isBacklog(ctx, m)

  if (MEDIA.has(m.type)) {
    // A steward's screenshot to the bot is not a resident's request.
    if (!m.roomId && roleOf(ctx.config, m.talkerId) !== 'resident') return none
    return { ...none, ticketId: fileMedia(ctx, m) }
  }
  if (m.type !== 'text' || m.text.trim() === '') return none

  // A resident's private 「1」 or 「不满意」 after the question 「办得怎么样?」: recorded on that ticket.
  if (!m.roomId && !backlog) {
    const answered = answerSatisfaction(ctx, m)
    if (answered != null) return { ...none, ticketId: answered }
  }

  const addressed = m.mentionsSelf || m.roomId === null
  // A resident flooding the bot with commands ("@楼管家 帮助" × 1000) gets no more answers.
  const flooding = isFlooding(ctx, m)
  const muted = flooding && roleOf(ctx.config, m.talkerId) === 'resident'
  if (addressed && !backlog) {
    if (muted ? parseCommand(m.text) : handleCommand(ctx, m, hooks)) return none
  }

  const r = triage(m.text)
  if (r.parserErrors) noteParserErrors(ctx, m, r.parserErrors)
  const outcome: Outcome = { category: r.category, urgent: r.urgent, labels: r.labels, ticketId: null }
  // Stewards and managers talking in the groups ("燃气公司到了 在查") are doing the work, not
  // asking for it. Written to the bot, a request is one they log for a resident ("@楼管家
  // 3-2-502 王阿姨来电 降压药没了"): it is filed like any other.
  if (roleOf(ctx.config, m.talkerId) !== 'resident') {
    const logged = addressed && !backlog && (r.category !== 'other' || r.needsReview) && !r.cancels
    if (!logged) {
      // 「好的」「收到」「谢谢」 close a conversation: answering them with the help would start another.
      if (addressed && !backlog && !isAcknowledgement(m.text)) replyUnknownCommand(ctx, m.talkerId)
      return outcome
    }
  }
  if (r.cancels) {
    const closed = cancelRequest(ctx, m, cancelHint(r.text))
    if (closed && !backlog && !flooding && ctx.config.ack !== 'off') {
      const text = `好的,#${closed.id} 已为您取消。`
      reply(ctx, m, text, { category: closed.category })
    }
    return { ...outcome, ticketId: closed?.id ?? null }
  }
  // `other` is filed only when someone must act on it: a request to review, or an emergency or a
  // possible one whatever its category (a missing elder is `other` and urgent, LABELS.md).
  if (r.category === 'other' && !r.needsReview && !r.urgent && !r.possibleUrgent) return outcome
  // A flood still files (nothing is lost) but gets no more replies; a new emergency always gets through.
  const filed = handleRequest(ctx, m, r, { quiet: backlog, silent: flooding })
  return { ...outcome, ticketId: filed.ticket.id }
}

/** Messages processed per transaction: one commit per batch (group commit), and a bounded wait for the first of them. */
export const PROCESS_BATCH = 100

const NO_HOOKS: CommandHooks = {}

/**
 * Process everything stored but not yet processed, oldest first. Returns how many.
 *
 * A batch is one IMMEDIATE transaction — it takes the write lock first, so a lock held by
 * another process is waited for (busy_timeout) instead of failing at once with SQLITE_BUSY. A
 * message is marked done together with its work, and a message that fails rolls back alone
 * (processStored). One commit per batch instead of one per message is what lets a region's
 * day go through in minutes (docs/performance.md).
 */
export function drainInbox(ctx: Context, hooks: CommandHooks = NO_HOOKS, limit = 1000): number {
  let n = 0
  for (;;) {
    const want = Math.min(PROCESS_BATCH, limit - n)
    const batch = ctx.inbox.pending(want)
    if (batch.length === 0) return n
    processStored(ctx, batch, hooks)
    n += batch.length
    // A short batch was everything pending (nothing is stored while this runs): no need to ask again.
    if (n >= limit || batch.length < want) return n
  }
}

/**
 * Process stored messages, in the order given, as one transaction (see drainInbox). Throws a
 * StoreError on a storage fault, with nothing of the batch done: the messages stay pending.
 */
export function processStored(ctx: Context, batch: readonly StoredInbound[], hooks: CommandHooks = NO_HOOKS): void {
  const tx = processBatchTx(ctx, hooks)
  try {
    tx.optimistic.immediate(batch)
  } catch (err) {
    // A storage fault is not a message's fault: nothing of the batch is done, it all stays pending.
    const fault = classify(err)
    if (fault instanceof StoreError) throw fault
    // A message failed and took the whole batch back with it. Do the batch again, each message
    // on its own savepoint, so only the bad one is rolled back (rare: it takes a bug).
    try {
      tx.careful.immediate(batch)
    } catch (again) {
      throw classify(again)
    }
  }
}

// The transaction functions of a context, built once: building them per batch showed in the profile.
const batchTx = new WeakMap<Context, { hooks: CommandHooks; tx: ReturnType<typeof buildBatchTx> }>()
function processBatchTx(ctx: Context, hooks: CommandHooks) {
  const known = batchTx.get(ctx)
  if (known && known.hooks === hooks) return known.tx
  const tx = buildBatchTx(ctx, hooks)
  batchTx.set(ctx, { hooks, tx })
  return tx
}

// Processing touches only the store and the outbox (both in this transaction), so doing a batch
// again after a rollback repeats nothing the world has seen. That is what lets the usual batch
// run without a savepoint per message: a savepoint copies every page it changes into a
// sub-journal, which cost a tenth of the ingest (issue 7 profile).
function buildBatchTx(ctx: Context, hooks: CommandHooks) {
  const processOne = (m: StoredInbound) => ctx.inbox.markDone(m.id, processInbound(ctx, m, hooks))
  const optimistic = ctx.db.transaction((batch: readonly StoredInbound[]) => {
    for (const m of batch) processOne(m)
  })
  const isolated = ctx.db.transaction(processOne)
  const careful = ctx.db.transaction((batch: readonly StoredInbound[]) => {
    for (const m of batch) {
      try {
        isolated(m)
      } catch (err) {
        // A storage fault (full, read-only, locked) is not the message's fault: give up the whole
        // batch, which leaves it and everything after it pending until the store works again.
        const fault = classify(err)
        if (fault instanceof StoreError) throw fault
        // One bad message must not block the inbox: record it as processed-with-error and go on.
        ctx.log.error({ err, inboundId: m.id }, 'processing failed')
        ctx.inbox.markDone(m.id, { category: 'other', urgent: false, labels: ['other'], ticketId: null })
      }
    }
  })
  return { optimistic, careful }
}

/**
 * A resident recalled (撤回) a message. The ticket keeps it, marked recalled, so
 * the steward knows — a recalled "救命" may still be an emergency.
 */
export function noteRecall(ctx: Context, recall: Pick<StoredInbound, 'text' | 'talkerId'>): number | null {
  // Only the author can recall a message: a notice naming someone else's message changes nothing.
  const original = ctx.inbox.byMessageId(recall.text.trim())
  if (!original || original.talkerId !== recall.talkerId) return null
  ctx.inbox.markRecalled(original.messageId)
  if (original.ticketId != null) {
    ctx.tickets.event(original.ticketId, ctx.clock(), recall.talkerId, 'recalled', original.text.slice(0, 200))
  }
  return original.ticketId
}
