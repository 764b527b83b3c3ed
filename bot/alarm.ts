// Telling people the bot is deaf, through a channel that does not depend on
// the WeChat account: a webhook (JSON POST, the shape WeCom group robots
// accept) and the log. When it is back, the stewards hear how long it was away.
import type { Context } from '../handlers/context.ts'

export interface AlarmOptions {
  /** TRIAGE_ALERT_WEBHOOK; no webhook means log only. */
  webhook?: string
  /** Raise the alarm when a lost connection has not come back within this time. */
  afterMs: number
}

export async function postWebhook(url: string, text: string): Promise<boolean> {
  try {
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ msgtype: 'text', text: { content: text } }),
      signal: AbortSignal.timeout(5000),
    })
    return res.ok
  } catch {
    return false
  }
}

export class OfflineAlarm {
  private since: number | null = null
  private raised = false
  private timer: NodeJS.Timeout | null = null
  /** Webhook posts in flight (tests await them). */
  readonly pending = new Set<Promise<unknown>>()

  constructor(
    private readonly ctx: Context,
    private readonly options: AlarmOptions,
  ) {}

  private post(text: string): void {
    this.ctx.log.warn({ alarm: text }, 'offline alarm')
    if (!this.options.webhook) return
    const p = postWebhook(this.options.webhook, text).then((ok) => {
      if (!ok) this.ctx.log.error({}, 'offline alarm webhook failed')
    })
    this.pending.add(p)
    void p.finally(() => this.pending.delete(p))
  }

  private raise(reason: string): void {
    if (this.raised) return
    this.raised = true
    this.post(
      `【楼管家】机器人已离线(${reason}),居民群消息暂时收不到,请尽快处理。离线开始于 ${new Date(this.since ?? this.ctx.clock()).toLocaleString('zh-CN', { hour12: false })}`,
    )
  }

  /** The connection is gone. A logout needs a person at once; a dropped link gets time to come back. */
  offline(reason: 'logout' | 'connection lost'): void {
    if (this.since == null) this.since = this.ctx.clock()
    if (reason === 'logout') return this.raise('账号已退出登录,需要重新扫码')
    if (this.timer || this.raised) return
    this.timer = setTimeout(() => {
      this.timer = null
      if (this.since != null) this.raise('与消息服务断开,重连未成功')
    }, this.options.afterMs)
    this.timer.unref()
  }

  needsScan(): void {
    if (this.since == null) this.since = this.ctx.clock()
    this.raise('需要扫码登录')
  }

  /** Logged in again: tell the stewards how long the bot was away and what came in meanwhile. */
  online(): void {
    if (this.timer) clearTimeout(this.timer)
    this.timer = null
    if (this.since == null) return
    const since = this.since
    const now = this.ctx.clock()
    this.since = null
    const wasRaised = this.raised
    this.raised = false
    const minutes = Math.max(1, Math.round((now - since) / 60_000))
    const arrived = this.ctx.inbox.countSince(since)
    const text = `楼管家已恢复在线:离线约 ${minutes} 分钟,期间已收到 ${arrived} 条消息;断线期间的消息由消息服务补发,补到后会照常处理。`
    for (const id of this.ctx.config.stewards) this.ctx.outbox.send({ to: { kind: 'contact', id }, text })
    if (wasRaised) this.post(`【楼管家】已恢复在线,离线约 ${minutes} 分钟。`)
  }

  /** A problem worth an operator's attention that is not an outage (start-up checks). */
  report(text: string): void {
    this.post(text)
  }

  stop(): void {
    if (this.timer) clearTimeout(this.timer)
    this.timer = null
  }
}
