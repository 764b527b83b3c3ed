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
    expect(svg).toContain('每小时消息量(按类别)')
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
    expect(colours.has('44,160,44')).toBe(true) // grocery green
    expect(colours.has('199,199,199')).toBe(true) // noise grey

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
