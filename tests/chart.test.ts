// The daily chart: a valid PNG of the documented size (1080×1350), with
// non-trivial content, rendered without a browser and with the bundled CJK font.
import { Resvg } from '@resvg/resvg-js'
import { existsSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { CHART_HEIGHT, CHART_WIDTH, chartFontFiles, chartSvg, dailyChartPng, niceScale } from '../handlers/chart.ts'
import { MESSAGE_CLASSES, type DailyStats, type HourBucket, type MessageClass } from '../handlers/digest.ts'

function stats(fill: boolean): DailyStats {
  const hourly: HourBucket[] = Array.from({ length: 24 }, (_, hour) => ({
    hour,
    opened: fill && hour >= 7 && hour <= 21 ? (hour % 5) + 1 : 0,
    resolved: fill && hour >= 8 && hour <= 22 ? hour % 4 : 0,
    emergencies: 0,
    breaches: 0,
    messages: Object.fromEntries(
      MESSAGE_CLASSES.map((c, i) => [c, fill && hour >= 6 ? (c === 'noise' ? 12 + (hour % 3) : (hour * (i + 3)) % 9) : 0]),
    ) as Record<MessageClass, number>,
  }))
  const total = hourly.reduce((n, b) => n + MESSAGE_CLASSES.reduce((m, c) => m + b.messages[c], 0), 0)
  return {
    date: '2024-04-12',
    dayStart: 0,
    dayEnd: 0,
    messages: { total, noise: 0, pending: 0, byType: {} },
    tickets: {
      opened: hourly.reduce((n, b) => n + b.opened, 0),
      media: 0,
      byCategory: { medical: 0, grocery: 0, repair: 0, pet: 0, emotional: 0, other: 0 },
      byBuilding: {},
      ids: [],
    },
    emergencies: { urgent: [], possible: [] },
    claim: { n: 0, median: null, p90: null },
    resolve: { n: hourly.reduce((n, b) => n + b.resolved, 0), median: null, p90: null },
    resolved: [],
    slaBreaches: [],
    backlog: { total: 3, byCategory: {}, oldest: [] },
    hotspots: [],
    redTier: { households: 0, tickets: [], done: 0 },
    cases: [],
    satisfaction: { satisfied: 0, unsatisfied: 0 },
    hourly,
  }
}

/** Width and height from the IHDR chunk, after checking the PNG signature. */
function ihdr(png: Buffer): { width: number; height: number; bitDepth: number; colorType: number } {
  expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])
  expect(png.subarray(12, 16).toString('ascii')).toBe('IHDR')
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20), bitDepth: png[24], colorType: png[25] }
}

describe('daily chart', () => {
  it('uses font files shipped by an npm package', () => {
    for (const f of chartFontFiles()) {
      expect(f).toMatch(/\.ttf$/)
      expect(existsSync(f)).toBe(true)
    }
  })

  it('is a valid PNG of the documented size with non-trivial content', () => {
    const { png, width, height } = dailyChartPng(stats(true))
    expect({ width, height }).toEqual({ width: CHART_WIDTH, height: CHART_HEIGHT })
    expect(ihdr(png)).toMatchObject({ width: 1080, height: 1350, bitDepth: 8 })
    expect(png.subarray(png.length - 8, png.length - 4).toString('ascii')).toBe('IEND')
    // A single-colour 1080×1350 PNG compresses to a few KB; bars, axes and text do not.
    expect(png.length).toBeGreaterThan(30_000)
  })

  it('draws bars in the category colours and renders the Chinese labels as glyphs', () => {
    const svg = chartSvg(stats(true))
    expect(svg).toContain('每小时需处理的消息(按类别)')
    expect(svg).toContain('每小时新建与办结事项')
    const render = (s: string) =>
      new Resvg(s, { font: { fontFiles: chartFontFiles(), loadSystemFonts: false, defaultFontFamily: 'Noto Sans SC' } }).render()
    const img = render(svg)
    const px = img.pixels // RGBA
    const colours = new Set<string>()
    let nonWhite = 0
    for (let i = 0; i < px.length; i += 4 * 7) {
      colours.add(`${px[i]},${px[i + 1]},${px[i + 2]}`)
      if (px[i] < 250 || px[i + 1] < 250 || px[i + 2] < 250) nonWhite++
    }
    expect(colours.size).toBeGreaterThan(8)
    expect(nonWhite / (px.length / 28)).toBeGreaterThan(0.03)
    expect(colours.has('0,158,115')).toBe(true) // grocery: Okabe–Ito bluish green
    expect(colours.has('187,187,187')).toBe(true) // noise grey

    // The title text really draws glyphs: a title-only SVG is not blank where the text is.
    const title = `<svg xmlns="http://www.w3.org/2000/svg" width="300" height="80"><rect width="300" height="80" fill="#fff"/><text x="10" y="55" font-size="40" font-family="Noto Sans SC">楼管家日报</text></svg>`
    const t = render(title).pixels
    let dark = 0
    for (let i = 0; i < t.length; i += 4) if (t[i] < 128) dark++
    expect(dark).toBeGreaterThan(500)
  })

  it('an empty day still renders (axes, no bars)', () => {
    const { png } = dailyChartPng(stats(false))
    expect(ihdr(png)).toMatchObject({ width: 1080, height: 1350 })
  })

  it('picks readable axis steps', () => {
    expect(niceScale(0)).toEqual({ max: 5, step: 1 })
    expect(niceScale(37)).toEqual({ max: 40, step: 10 })
    expect(niceScale(7, 4)).toEqual({ max: 8, step: 2 })
  })
})

/** A day like the demo's: 60 noise messages an hour, one to five requests an hour, from 7 to 20. */
function noisyDay(): DailyStats {
  const s = stats(false)
  for (const b of s.hourly) {
    if (b.hour < 7 || b.hour > 20) continue
    b.messages.noise = 60
    b.messages.grocery = 1 + (b.hour % 3)
    b.messages.repair = b.hour % 2
    b.messages.medical = b.hour === 9 ? 1 : 0
    b.opened = 2
  }
  s.hourly[9].emergencies = 1
  s.hourly[13].emergencies = 2
  s.hourly[11].breaches = 3
  return s
}

interface Drawn {
  panel: string
  series: string
  hour: number
  value: number
  height: number
  fill: string
}

/** The bars of the SVG, as drawn: panel, series, hour, value, height in px and fill. */
function bars(svg: string): Drawn[] {
  return [...svg.matchAll(/<rect [^>]*data-panel="([^"]+)"[^>]*>/g)].map((m) => {
    const attr = (name: string) => new RegExp(`${name}="([^"]+)"`).exec(m[0])![1]
    return {
      panel: m[1],
      series: attr('data-series'),
      hour: Number(attr('data-hour')),
      value: Number(attr('data-value')),
      height: Number(attr('height')),
      fill: attr('fill'),
    }
  })
}

describe('the chart reads on a phone', () => {
  it('draws the actionable categories at their own scale: noise cannot squash them', () => {
    const svg = chartSvg(noisyDay())
    const drawn = bars(svg)
    const actionable = drawn.filter((b) => b.panel === 'actionable')
    expect(new Set(actionable.map((b) => b.series))).toEqual(new Set(['grocery', 'repair', 'medical']))
    // One message is at least 40 px tall (it was 430/60 ≈ 7 px under the noise's scale).
    for (const b of actionable) expect(b.height / b.value).toBeGreaterThanOrEqual(40)
    // The busiest hour's stack fills at least half of the 430-px panel.
    const perHour = new Map<number, number>()
    for (const b of actionable) perHour.set(b.hour, (perHour.get(b.hour) ?? 0) + b.height)
    expect(Math.max(...perHour.values())).toBeGreaterThanOrEqual(215)
    // Noise is on its own small panel, never with the categories.
    const noise = drawn.filter((b) => b.series === 'noise')
    expect(noise.length).toBeGreaterThan(0)
    expect(noise.every((b) => b.panel === 'background' && b.height <= 110)).toBe(true)
  })

  it('trims the empty night hours', () => {
    const svg = chartSvg(noisyDay())
    const hours = bars(svg).map((b) => b.hour)
    expect(Math.min(...hours)).toBe(7)
    const labels = [...svg.matchAll(/data-axis-hour="(\d+)"/g)].map((m) => Number(m[1]))
    expect(Math.min(...labels)).toBe(7)
    expect(Math.max(...labels)).toBeLessThanOrEqual(20)
    // The first hour's bar starts at the left of the panel, not a third of the way in.
    const first = /<rect x="([\d.]+)"[^>]*data-panel="actionable"[^>]*data-hour="7"/.exec(svg)!
    expect(Number(first[1])).toBeLessThan(140)
  })

  it('marks emergencies and SLA breaches in the hour they happened, with their counts', () => {
    const svg = chartSvg(noisyDay())
    const marks = [...svg.matchAll(/data-mark="(\w+)" data-hour="(\d+)" data-count="(\d+)"/g)].map((m) => `${m[1]}@${m[2]}×${m[3]}`)
    expect(marks.sort()).toEqual(['breach@11×3', 'emergency@13×2', 'emergency@9×1'])
    expect(svg).toContain('紧急求助')
    expect(svg).toContain('超时未认领')
  })

  it('uses a colour-blind-safe palette in which no colour means two things', () => {
    const okabeIto = ['#E69F00', '#56B4E9', '#009E73', '#F0E442', '#0072B2', '#D55E00', '#CC79A7', '#000000']
    const fills = new Map<string, Set<string>>()
    for (const b of bars(chartSvg(noisyDay()))) fills.set(b.series, (fills.get(b.series) ?? new Set()).add(b.fill))
    for (const [series, set] of fills) {
      expect(set.size, series).toBe(1)
      if (!['noise', 'opened', 'resolved'].includes(series)) expect(okabeIto).toContain([...set][0])
    }
    const bySeries = [...fills.entries()].map(([series, set]) => [series, [...set][0]])
    const colours = bySeries.filter(([series]) => series !== 'resolved').map(([, c]) => c)
    expect(new Set(colours).size).toBe(colours.length)
  })

  it('renders the readable bars into the picture: the grocery colour fills a tall column', () => {
    const svg = chartSvg(noisyDay())
    const rect =
      /<rect x="([\d.]+)" y="([\d.]+)" width="[\d.]+" height="([\d.]+)"[^>]*data-series="grocery" data-hour="10" data-value="(\d+)"/.exec(
        svg,
      )!
    const [x, top, height, value] = rect.slice(1).map(Number)
    const img = new Resvg(svg, { font: { fontFiles: chartFontFiles(), loadSystemFonts: false } }).render()
    const px = img.pixels // a copy on every read: read it once
    let green = 0
    for (let y = Math.ceil(top) + 1; y < top + height - 1; y++) {
      const i = (y * img.width + Math.round(x + 10)) * 4
      if (px[i] === 0 && px[i + 1] === 158 && px[i + 2] === 115) green++
    }
    expect(value).toBe(2)
    expect(green).toBeGreaterThanOrEqual(40 * value - 4)
  })
})
