// A steward's own notification settings, set by command (「设置 简报 每3小时」「设置 免打扰
// 22:00-07:00」). They shape the periodic digest and the SLA reminders only, and only while the
// steward is off shift: on duty, a steward gets everything; emergencies, their re-alerts and
// possible emergencies (「请看一眼」) always go, whatever the settings.
import type { StewardPrefs } from '../store/settings.ts'
import { minuteOfDay, onDutyStewards } from './config.ts'
import type { Context } from './context.ts'

/** On a configured shift right now (with no shift schedule, nobody is: the settings always apply). */
export function onShift(ctx: Context, stewardId: string, at: number): boolean {
  return ctx.config.onDuty != null && onDutyStewards(ctx.config, at).includes(stewardId)
}

/** The settings in force for a steward at a time: none while on shift. */
export function prefsInForce(ctx: Context, stewardId: string, at: number): StewardPrefs {
  return onShift(ctx, stewardId, at) ? {} : ctx.settings.get(stewardId)
}

function inRange(minute: number, r: { from: number; to: number }): boolean {
  return r.from <= r.to ? minute >= r.from && minute < r.to : minute >= r.from || minute < r.to
}

/** In the steward's quiet hours now (and off shift): no digest, no SLA reminder. */
export function inQuietHours(ctx: Context, stewardId: string, at: number): boolean {
  const quiet = prefsInForce(ctx, stewardId, at).quiet
  return !!quiet && inRange(minuteOfDay(at), quiet)
}

/** Minutes between a steward's periodic digests now (0: none). */
export function digestEveryMin(ctx: Context, stewardId: string, at: number): number {
  return prefsInForce(ctx, stewardId, at).digestEveryMin ?? ctx.config.stewardDigestEveryMin
}

const hm = (minute: number) => `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`

function describe(ctx: Context, prefs: StewardPrefs): string {
  const every = prefs.digestEveryMin ?? ctx.config.stewardDigestEveryMin
  const digest = every === 0 ? '不发' : every % 60 === 0 ? `每${every / 60}小时(有变化才发)` : `每${every}分钟(有变化才发)`
  const quiet = prefs.quiet ? `${hm(prefs.quiet.from)}-${hm(prefs.quiet.to)}` : '未设'
  return `定时简报:${digest}\n免打扰:${quiet}\n值班时不受这些设置影响;紧急求助和「请看一眼」随时都会发给您。`
}

const USAGE = '格式:设置 简报 每3小时 / 设置 简报 关 / 设置 免打扰 22:00-07:00 / 设置 免打扰 关'

function clock(s: string): number | null {
  const m = /^(\d{1,2})(?:[:：](\d{2}))?$/.exec(s)
  if (!m || Number(m[1]) > 23 || Number(m[2] ?? 0) > 59) return null
  return Number(m[1]) * 60 + Number(m[2] ?? 0)
}

/** 「设置 …」: shows or changes the steward's own settings; returns the answer. */
export function settingsCommand(ctx: Context, stewardId: string, args: string): string {
  const prefs = ctx.settings.get(stewardId)
  const text = args.normalize('NFKC').trim()
  if (!text) return `您的提醒设置:\n${describe(ctx, prefs)}\n${USAGE}`
  const [what, ...rest] = text.split(/\s+/)
  const value = rest.join('')
  if (/^(简报|汇总|digest)$/i.test(what)) {
    if (/^(关|关闭|不要|off|0)$/i.test(value)) prefs.digestEveryMin = 0
    else if (/^(默认|恢复|default)$/i.test(value)) delete prefs.digestEveryMin
    else {
      const m = /^每?(\d{1,2})(个)?(小时|h)?$/i.exec(value)
      const hours = m ? Number(m[1]) : NaN
      if (!(hours >= 1 && hours <= 24)) return USAGE
      prefs.digestEveryMin = hours * 60
    }
  } else if (/^(免打扰|勿扰|quiet)$/i.test(what)) {
    if (/^(关|关闭|off|无)$/i.test(value)) delete prefs.quiet
    else {
      const [a, b] = value.split(/[-–~～到至]/)
      const from = a ? clock(a) : null
      const to = b ? clock(b) : null
      if (from == null || to == null || from === to) return USAGE
      prefs.quiet = { from, to }
    }
  } else return USAGE
  ctx.settings.set(stewardId, prefs)
  return `已更新。\n${describe(ctx, prefs)}`
}
