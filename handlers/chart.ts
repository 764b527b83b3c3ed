// The daily digest's chart: one PNG, 1080×1350 (4:5 portrait, full width on a
// phone), two panels over the 24 hours of the day:
//   1. messages per hour, stacked by category (plus noise and unprocessed);
//   2. tickets opened vs resolved per hour (two bars side by side per hour).
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

const COLORS: Record<MessageClass, string> = {
  medical: '#d62728',
  grocery: '#2ca02c',
  repair: '#1f77b4',
  pet: '#ff7f0e',
  emotional: '#9467bd',
  other: '#8c564b',
  noise: '#c7c7c7',
  pending: '#f2c94c',
}
const OPENED = '#e4572e'
const RESOLVED = '#29a36a'

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')

/** A "nice" axis maximum and tick step for values up to `max`. */
export function niceScale(max: number, ticks = 5): { max: number; step: number } {
  if (max <= 0) return { max: ticks, step: 1 }
  const raw = max / ticks
  const mag = 10 ** Math.floor(Math.log10(raw))
  const step = [1, 2, 5, 10].map((m) => m * mag).find((s) => s >= raw) ?? 10 * mag
  return { max: Math.ceil(max / step) * step, step }
}

interface Panel {
  x: number
  y: number
  w: number
  h: number
}

function axes(p: Panel, scale: { max: number; step: number }, out: string[]): void {
  for (let v = 0; v <= scale.max + 1e-9; v += scale.step) {
    const y = p.y + p.h - (v / scale.max) * p.h
    out.push(
      `<line x1="${p.x}" y1="${y.toFixed(1)}" x2="${p.x + p.w}" y2="${y.toFixed(1)}" stroke="${v === 0 ? '#555' : '#e3e3e3'}" stroke-width="${v === 0 ? 2 : 1}"/>`,
    )
    out.push(`<text x="${p.x - 12}" y="${(y + 9).toFixed(1)}" font-size="26" text-anchor="end" fill="#555">${Math.round(v)}</text>`)
  }
  const slot = p.w / 24
  for (let h = 0; h < 24; h += 3) {
    out.push(
      `<text x="${(p.x + slot * h + slot / 2).toFixed(1)}" y="${p.y + p.h + 36}" font-size="26" text-anchor="middle" fill="#555">${h}时</text>`,
    )
  }
}

/** The chart as SVG text. */
export function chartSvg(stats: DailyStats): string {
  const W = CHART_WIDTH
  const H = CHART_HEIGHT
  const out: string[] = []
  out.push(`<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family="${CHART_FONT_FAMILY}">`)
  out.push(`<rect width="${W}" height="${H}" fill="#ffffff"/>`)
  out.push(
    `<text x="${W / 2}" y="70" font-size="44" font-weight="bold" text-anchor="middle" fill="#222">楼管家日报 ${esc(stats.date)}</text>`,
  )
  out.push(
    `<text x="${W / 2}" y="118" font-size="28" text-anchor="middle" fill="#555">消息 ${stats.messages.total} 条 · 新事项 ${stats.tickets.opened} 件 · 办结 ${stats.resolve.n} 件 · 积压 ${stats.backlog.total} 件</text>`,
  )

  // Panel 1: messages per hour, stacked by category.
  const p1: Panel = { x: 110, y: 210, w: W - 160, h: 470 }
  out.push(`<text x="60" y="180" font-size="34" font-weight="bold" fill="#222">每小时消息量(按类别)</text>`)
  const totals = stats.hourly.map((b) => MESSAGE_CLASSES.reduce((n, c) => n + b.messages[c], 0))
  const s1 = niceScale(Math.max(...totals))
  axes(p1, s1, out)
  const slot = p1.w / 24
  const barW = slot * 0.72
  for (const b of stats.hourly) {
    let y = p1.y + p1.h
    for (const c of MESSAGE_CLASSES) {
      const v = b.messages[c]
      if (!v) continue
      const h = (v / s1.max) * p1.h
      y -= h
      out.push(
        `<rect x="${(p1.x + slot * b.hour + (slot - barW) / 2).toFixed(1)}" y="${y.toFixed(1)}" width="${barW.toFixed(1)}" height="${h.toFixed(1)}" fill="${COLORS[c]}"/>`,
      )
    }
  }
  // Legend for panel 1: only the classes that occur, in two rows of four.
  const present = MESSAGE_CLASSES.filter((c) => stats.hourly.some((b) => b.messages[c] > 0))
  const legend = present.length ? present : MESSAGE_CLASSES.slice(0, 6)
  legend.forEach((c, i) => {
    const x = 110 + (i % 4) * 235
    const y = p1.y + p1.h + 80 + Math.floor(i / 4) * 46
    out.push(`<rect x="${x}" y="${y - 24}" width="28" height="28" rx="4" fill="${COLORS[c]}"/>`)
    out.push(`<text x="${x + 40}" y="${y}" font-size="28" fill="#333">${MESSAGE_CLASS_NAMES[c]}</text>`)
  })

  // Panel 2: tickets opened vs resolved per hour.
  const p2: Panel = { x: 110, y: 940, w: W - 160, h: 300 }
  out.push(`<text x="60" y="910" font-size="34" font-weight="bold" fill="#222">每小时新建与办结事项</text>`)
  const s2 = niceScale(Math.max(...stats.hourly.map((b) => Math.max(b.opened, b.resolved))), 4)
  axes(p2, s2, out)
  const half = slot * 0.36
  for (const b of stats.hourly) {
    const x0 = p2.x + slot * b.hour + slot / 2 - half
    for (const [i, v, color] of [
      [0, b.opened, OPENED],
      [1, b.resolved, RESOLVED],
    ] as const) {
      if (!v) continue
      const h = (v / s2.max) * p2.h
      out.push(
        `<rect x="${(x0 + i * half).toFixed(1)}" y="${(p2.y + p2.h - h).toFixed(1)}" width="${(half - 2).toFixed(1)}" height="${h.toFixed(1)}" fill="${color}"/>`,
      )
    }
  }
  const ly = p2.y + p2.h + 80
  out.push(
    `<rect x="110" y="${ly - 24}" width="28" height="28" rx="4" fill="${OPENED}"/><text x="150" y="${ly}" font-size="28" fill="#333">新建 ${stats.tickets.opened}</text>`,
  )
  out.push(
    `<rect x="345" y="${ly - 24}" width="28" height="28" rx="4" fill="${RESOLVED}"/><text x="385" y="${ly}" font-size="28" fill="#333">办结 ${stats.resolve.n}</text>`,
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
