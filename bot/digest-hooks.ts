// The command and scheduler hooks that produce digests: `汇总`/`digest` answers a
// steward privately, `日报`/`daily` sends a manager the daily digest with its
// chart, and the scheduler sends both on time (see bot/scheduler.ts).
import type { CommandHooks } from '../handlers/commands.ts'
import type { Context } from '../handlers/context.ts'
import { dailyChartPng } from '../handlers/chart.ts'
import { dailyDigestNow, nextStewardDigest } from '../handlers/digest.ts'
import type { DigestHooks } from './scheduler.ts'

/** The words after 「日报」 that ask for the details instead of the one-screen digest. */
export const DAILY_DETAIL = /^(详细|详情|明细|全部|detail|details|more)$/i

/** Queue the daily digest (one screen of text, with the chart as daily.png) to one contact. */
export function sendDaily(ctx: Context, to: string): void {
  const { text, stats } = dailyDigestNow(ctx)
  let file: { name: string; base64: string } | undefined
  try {
    file = { name: 'daily.png', base64: dailyChartPng(stats).png.toString('base64') }
  } catch (err) {
    // The text matters more than the picture: send it anyway.
    ctx.log.error({ err: { message: (err as Error).message } }, 'daily chart failed')
  }
  // One outgoing message: the sender says the image, then the text.
  ctx.outbox.send({ to: { kind: 'contact', id: to }, text, ...(file ? { file } : {}), purpose: 'digest' })
  ctx.log.info({ to, kind: 'daily', chart: !!file }, 'digest queued')
}

export function digestHooks(): CommandHooks & DigestHooks {
  return {
    digest: (ctx, stewardId) => nextStewardDigest(ctx, stewardId),
    daily: (ctx, managerId, args = '') => {
      // 「日报 详细」: the details behind the one-screen digest, as text only (the chart came with the digest).
      if (DAILY_DETAIL.test(args.trim()))
        ctx.outbox.send({ to: { kind: 'contact', id: managerId }, text: dailyDigestNow(ctx).detail, purpose: 'digest' })
      else sendDaily(ctx, managerId)
    },
    stewardDigest: (ctx, stewardId) => {
      ctx.outbox.send({ to: { kind: 'contact', id: stewardId }, text: nextStewardDigest(ctx, stewardId), purpose: 'digest' })
      ctx.log.info({ to: stewardId, kind: 'steward' }, 'digest queued')
    },
    managerDaily: (ctx, managerId) => sendDaily(ctx, managerId),
  }
}
