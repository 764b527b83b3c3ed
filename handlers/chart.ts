// The daily digest's chart: one PNG, 1080×1350 (4:5 portrait, full width on a
// phone), three panels over the hours that had anything in them (the empty night is
// trimmed):
//   1. messages someone must act on, per hour, stacked by category at their own scale
//      (noise at 60 an hour no longer squashes them to 1–5 px), with emergencies
//      (black triangles) and missed claim deadlines (black rings) marked above the bars;
//   2. a small panel for chatter (「无需处理」) and unprocessed messages;
//   3. tickets opened (filled) vs resolved (hollow) per hour.
// Drawn as SVG by hand (no browser, no canvas) and rasterised with
// @resvg/resvg-js. Chinese labels use Noto Sans SC (OFL), shipped as TTF by the
// npm package @expo-google-fonts/noto-sans-sc and loaded by file path with
// system fonts off, so the output is the same on every machine and nothing is
// downloaded at run time.
import { Resvg } from '@resvg/resvg-js'
import { createRequire } from 'node:module'
import { MESSAGE_CLASSES, MESSAGE_CLASS_NAMES, type DailyStats, type MessageClass } from './digest.ts'

export const CHART_WIDTH = 1080
export const CHART_HEIGHT = 1350
export const CHART_FONT_FAMILY = 'Noto Sans SC'

const require = createRequire(import.meta.url)

/** The TTF files the chart uses (regular and bold Noto Sans SC). */
export function chartFontFiles(): string[] {
  return [
    require.resolve('@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf'),
    require.resolve('@expo-google-fonts/noto-sans-sc/700Bold/NotoSansSC_700Bold.ttf'),
  ]
}

/**
 * Okabe–Ito, the palette made for colour-blind readers: each colour means one thing only. The six
 * categories take six of its colours, unprocessed messages its yellow; noise is a neutral grey on
 * its own panel. Opened/resolved and the marks use black shapes (filled, hollow, triangle, ring),
 * so no colour on the chart carries two meanings.
 */
export const COLORS: Record<MessageClass, string> = {
  medical: '#D55E00', // vermillion
  grocery: '#009E73', // bluish green
  repair: '#0072B2', // blue
  pet: '#E69F00', // orange
  emotional: '#CC79A7', // reddish purple
  other: '#56B4E9', // sky blue
  noise: '#BBBBBB',
  pending: '#F0E442', // yellow
}
const INK = '#222222'

/** The series someone must act on: drawn on the big panel, at their own scale. */
export const ACTIONABLE: readonly MessageClass[] = MESSAGE_CLASSES.filter((c) => c !== 'noise' && c !== 'pending')
/** Chatter and not-yet-processed messages: their own small panel, so they never set the big one's scale. */
export const BACKGROUND: readonly MessageClass[] = ['noise', 'pending']

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')

/** A "nice" axis maximum and tick step for values up to `max`. */
export function niceScale(max: number, ticks = 5): { max: number; step: number } {
  if (max <= 0) return { max: ticks, step: 1 }
  const raw = max / ticks
  const mag = 10 ** Math.floor(Math.log10(raw))
  const step = [1, 2, 5, 10].map((m) => m * mag).find((s) => s >= raw) ?? 10 * mag
  return { max: Math.ceil(max / step) * step, step }
}

/** The fewest hours the chart shows, so a quiet day still reads as a stretch of time. */
const MIN_HOURS = 8

/**
 * The hours worth drawing: from the first to the last with anything in it (a message, a ticket, a
 * mark), widened to MIN_HOURS. The empty night is left out; an empty day shows 8–20.
 */
export function activeHours(stats: DailyStats): { from: number; to: number } {
  const busy = stats.hourly
    .filter((b) => b.opened || b.resolved || b.emergencies || b.breaches || MESSAGE_CLASSES.some((c) => b.messages[c] > 0))
    .map((b) => b.hour)
  let from = busy.length ? Math.min(...busy) : 8
  let to = busy.length ? Math.max(...busy) : 20
  while (to - from + 1 < MIN_HOURS) {
    if (to < 23) to++
    if (to - from + 1 < MIN_HOURS && from > 0) from--
  }
  return { from, to }
}

interface Panel {
  x: number
  y: number
  w: number
  h: number
}

interface Hours {
  from: number
  to: number
  slot: number
}

function hourX(p: Panel, hours: Hours, hour: number): number {
  return p.x + hours.slot * (hour - hours.from)
}

function axes(p: Panel, hours: Hours, scale: { max: number; step: number }, out: string[], labels = true): void {
  for (let v = 0; v <= scale.max + 1e-9; v += scale.step) {
    const y = p.y + p.h - (v / scale.max) * p.h
    out.push(
      `<line x1="${p.x}" y1="${y.toFixed(1)}" x2="${p.x + p.w}" y2="${y.toFixed(1)}" stroke="${v === 0 ? '#555' : '#e3e3e3'}" stroke-width="${v === 0 ? 2 : 1}"/>`,
    )
    out.push(`<text x="${p.x - 12}" y="${(y + 9).toFixed(1)}" font-size="26" text-anchor="end" fill="#555">${Math.round(v)}</text>`)
  }
  if (!labels) return
  const span = hours.to - hours.from + 1
  const every = span <= 12 ? 1 : span <= 18 ? 2 : 3
  for (let h = hours.from; h <= hours.to; h += every) {
    out.push(
      `<text x="${(hourX(p, hours, h) + hours.slot / 2).toFixed(1)}" y="${p.y + p.h + 34}" font-size="24" text-anchor="middle" fill="#555" data-axis-hour="${h}">${h}时</text>`,
    )
  }
}

function stackedBars(
  p: Panel,
  hours: Hours,
  stats: DailyStats,
  series: readonly MessageClass[],
  max: number,
  panel: string,
  out: string[],
) {
  const barW = hours.slot * 0.72
  const tops: Record<number, number> = {}
  for (const b of stats.hourly) {
    if (b.hour < hours.from || b.hour > hours.to) continue
    let y = p.y + p.h
    for (const c of series) {
      const v = b.messages[c]
      if (!v) continue
      const h = (v / max) * p.h
      y -= h
      out.push(
        `<rect x="${(hourX(p, hours, b.hour) + (hours.slot - barW) / 2).toFixed(1)}" y="${y.toFixed(1)}" width="${barW.toFixed(1)}" height="${h.toFixed(1)}" fill="${COLORS[c]}" data-panel="${panel}" data-series="${c}" data-hour="${b.hour}" data-value="${v}"/>`,
      )
    }
    tops[b.hour] = y
  }
  return tops
}

/** A legend entry: `swatch(x, top)` draws a 28-px sign whose top-left corner is (x, top). */
function legendItem(x: number, y: number, swatch: (x: number, top: number) => string, label: string, out: string[]): void {
  out.push(swatch(x, y - 24))
  out.push(`<text x="${x + 40}" y="${y}" font-size="26" fill="#333">${esc(label)}</text>`)
}

const box = (fill: string) => (x: number, top: number) => `<rect x="${x}" y="${top}" width="28" height="28" rx="4" fill="${fill}"/>`

/** A filled black triangle (an emergency) or a black ring (a missed claim deadline), with its count. */
function mark(kind: 'emergency' | 'breach', cx: number, cy: number, n: number, hour: number, out: string[]): void {
  const shape =
    kind === 'emergency'
      ? `<path d="M ${cx - 13} ${cy - 22} L ${cx + 13} ${cy - 22} L ${cx} ${cy} Z" fill="${INK}"/>`
      : `<circle cx="${cx}" cy="${cy - 11}" r="10" fill="#ffffff" stroke="${INK}" stroke-width="4"/>`
  out.push(`<g data-mark="${kind}" data-hour="${hour}" data-count="${n}">${shape}`)
  if (n > 1) out.push(`<text x="${cx}" y="${cy - 28}" font-size="22" text-anchor="middle" fill="${INK}">${n}</text>`)
  out.push('</g>')
}

/** The chart as SVG text. */
export function chartSvg(stats: DailyStats): string {
  const W = CHART_WIDTH
  const H = CHART_HEIGHT
  const out: string[] = []
  out.push(`<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family="${CHART_FONT_FAMILY}">`)
  out.push(`<rect width="${W}" height="${H}" fill="#ffffff"/>`)
  out.push(
    `<text x="${W / 2}" y="64" font-size="44" font-weight="bold" text-anchor="middle" fill="#222">楼管家日报 ${esc(stats.date)}</text>`,
  )
  out.push(
    `<text x="${W / 2}" y="110" font-size="28" text-anchor="middle" fill="#555">消息 ${stats.messages.total} 条 · 新事项 ${stats.tickets.opened} 件 · 办结 ${stats.resolve.n} 件 · 积压 ${stats.backlog.total} 件</text>`,
  )
  const { from, to } = activeHours(stats)
  const x0 = 100
  const w = W - x0 - 40
  const hours: Hours = { from, to, slot: w / (to - from + 1) }

  // Panel 1: what needs doing, per hour, stacked by category, at its own scale; the marks above.
  const p1: Panel = { x: x0, y: 220, w, h: 430 }
  out.push(`<text x="40" y="172" font-size="34" font-weight="bold" fill="#222">每小时需处理的消息(按类别)</text>`)
  const need = stats.hourly.map((b) => ACTIONABLE.reduce((n, c) => n + b.messages[c], 0))
  // Head-room above the tallest bar for its marks (a triangle and a ring, with their counts).
  const s1 = niceScale(Math.max(...need) * 1.3)
  axes(p1, hours, s1, out)
  const tops = stackedBars(p1, hours, stats, ACTIONABLE, s1.max, 'actionable', out)
  for (const b of stats.hourly) {
    if (b.hour < from || b.hour > to) continue
    const cx = hourX(p1, hours, b.hour) + hours.slot / 2
    let cy = (tops[b.hour] ?? p1.y + p1.h) - 6
    if (b.emergencies) {
      mark('emergency', cx, cy, b.emergencies, b.hour, out)
      cy -= b.emergencies > 1 ? 50 : 28
    }
    if (b.breaches) mark('breach', cx, cy, b.breaches, b.hour, out)
  }
  // Legend: the categories that occur (all six on an empty day), then the two marks.
  const present = ACTIONABLE.filter((c) => stats.hourly.some((b) => b.messages[c] > 0))
  const legend = present.length ? present : ACTIONABLE
  const ly = p1.y + p1.h + 84
  legend.forEach((c, i) => legendItem(40 + (i % 4) * 250, ly + Math.floor(i / 4) * 42, box(COLORS[c]), MESSAGE_CLASS_NAMES[c], out))
  const my = ly + Math.ceil(legend.length / 4) * 42
  legendItem(40, my, (x, top) => `<path d="M ${x} ${top + 2} l 28 0 l -14 24 Z" fill="${INK}"/>`, '紧急求助', out)
  legendItem(
    290,
    my,
    (x, top) => `<circle cx="${x + 14}" cy="${top + 14}" r="10" fill="#fff" stroke="${INK}" stroke-width="4"/>`,
    '超时未认领(认领时限已过)',
    out,
  )

  // Panel 2, small: chatter and unprocessed messages, at their own scale.
  const p2: Panel = { x: x0, y: 900, w, h: 110 }
  out.push(
    `<text x="40" y="870" font-size="30" font-weight="bold" fill="#222">闲聊/无需处理${stats.messages.pending ? '与未处理' : ''}</text>`,
  )
  const s2 = niceScale(Math.max(...stats.hourly.map((b) => BACKGROUND.reduce((n, c) => n + b.messages[c], 0))), 2)
  axes(p2, hours, s2, out, false)
  stackedBars(p2, hours, stats, BACKGROUND, s2.max, 'background', out)
  legendItem(620, 870, box(COLORS.noise), '无需处理', out)
  if (stats.messages.pending) legendItem(820, 870, box(COLORS.pending), '未处理', out)

  // Panel 3: tickets opened (filled) vs resolved (hollow) per hour.
  const p3: Panel = { x: x0, y: 1100, w, h: 170 }
  out.push(`<text x="40" y="1072" font-size="30" font-weight="bold" fill="#222">每小时新建与办结事项</text>`)
  const s3 = niceScale(Math.max(...stats.hourly.map((b) => Math.max(b.opened, b.resolved))), 2)
  axes(p3, hours, s3, out)
  const half = hours.slot * 0.36
  for (const b of stats.hourly) {
    if (b.hour < from || b.hour > to) continue
    const bx = hourX(p3, hours, b.hour) + hours.slot / 2 - half
    for (const [i, v, series] of [
      [0, b.opened, 'opened'],
      [1, b.resolved, 'resolved'],
    ] as const) {
      if (!v) continue
      const h = (v / s3.max) * p3.h
      const style = series === 'opened' ? `fill="${INK}"` : `fill="#ffffff" stroke="${INK}" stroke-width="3"`
      out.push(
        `<rect x="${(bx + i * half + 1.5).toFixed(1)}" y="${(p3.y + p3.h - h + 1.5).toFixed(1)}" width="${(half - 5).toFixed(1)}" height="${Math.max(0, h - 1.5).toFixed(1)}" ${style} data-panel="tickets" data-series="${series}" data-hour="${b.hour}" data-value="${v}"/>`,
      )
    }
  }
  legendItem(560, 1072, (x, top) => `<rect x="${x}" y="${top}" width="28" height="28" fill="${INK}"/>`, `新建 ${stats.tickets.opened}`, out)
  legendItem(
    790,
    1072,
    (x, top) => `<rect x="${x + 1.5}" y="${top + 1.5}" width="25" height="25" fill="#fff" stroke="${INK}" stroke-width="3"/>`,
    `办结 ${stats.resolve.n}`,
    out,
  )
  out.push('</svg>')
  return out.join('\n')
}

export interface RenderedChart {
  png: Buffer
  width: number
  height: number
}

/** Rasterise an SVG with the bundled CJK font only (no system fonts: deterministic). */
export function renderSvg(svg: string): RenderedChart {
  const resvg = new Resvg(svg, {
    fitTo: { mode: 'original' },
    background: '#ffffff',
    font: { fontFiles: chartFontFiles(), loadSystemFonts: false, defaultFontFamily: CHART_FONT_FAMILY, sansSerifFamily: CHART_FONT_FAMILY },
  })
  const img = resvg.render()
  return { png: img.asPng(), width: img.width, height: img.height }
}

/** The daily chart as a PNG (CHART_WIDTH × CHART_HEIGHT). */
export function dailyChartPng(stats: DailyStats): RenderedChart {
  return renderSvg(chartSvg(stats))
}
