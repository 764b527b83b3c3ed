// The one import module for the 三色档案 register: decoding (Chinese Excel saves GBK/GB18030
// by default; others save UTF-8, often with a BOM), reading every row before anything is
// written, and the CSV the export and the template write. All or nothing: a register with a
// bad row imports no row, so a half-garbled file never lands in the database.
import { parseLocation } from '../classifiers/location.ts'
import { TIERS, type Household } from '../store/households.ts'
import type { Tier } from '../store/tickets.ts'

const TIER_WORDS: Record<string, Tier> = {
  red: 'red',
  yellow: 'yellow',
  green: 'green',
  红: 'red',
  黄: 'yellow',
  绿: 'green',
  红色: 'red',
  黄色: 'yellow',
  绿色: 'green',
}

/** One register row: "3-2-502,red,独居老人" or "3,2,502,红,独居老人". Returns an error string for a bad row. */
export function parseHouseholdRow(cells: string[]): Household | string {
  const clean = cells.map((c) => c.trim())
  const tierAt = clean.findIndex((c) => TIER_WORDS[c.toLowerCase()] ?? TIER_WORDS[c])
  if (tierAt < 1) return '缺少档案颜色(红/黄/绿,或 red/yellow/green)'
  const place = clean.slice(0, tierAt).join('-')
  const loc = parseLocation(/^\d+-\d+-\d+$|^\d+-\d+$/.test(place) ? place : clean.slice(0, tierAt).join(''))
  if (!loc?.building || !loc.room) return `从「${place}」读不出楼栋和房号`
  const tier = TIER_WORDS[clean[tierAt].toLowerCase()] ?? TIER_WORDS[clean[tierAt]]
  if (!TIERS.includes(tier)) return '档案颜色无效'
  return { building: loc.building, unit: loc.unit ?? '', room: loc.room, tier, note: clean.slice(tierAt + 1).join(',') }
}

/** Minimal CSV: quoted cells with doubled quotes, commas, CRLF or LF. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = []
  let row: string[] = []
  let cell = ''
  let quoted = false
  const src = text.replace(/^\ufeff/, '')
  for (let i = 0; i < src.length; i++) {
    const ch = src[i]
    if (quoted) {
      if (ch === '"' && src[i + 1] === '"') {
        cell += '"'
        i++
      } else if (ch === '"') quoted = false
      else cell += ch
    } else if (ch === '"') quoted = true
    else if (ch === ',' || ch === ',') {
      row.push(cell)
      cell = ''
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && src[i + 1] === '\n') i++
      row.push(cell)
      rows.push(row)
      row = []
      cell = ''
    } else cell += ch
  }
  if (cell !== '' || row.length) {
    row.push(cell)
    rows.push(row)
  }
  return rows.filter((r) => r.some((c) => c.trim() !== ''))
}

export type Encoding = 'UTF-8' | 'UTF-8 (BOM)' | 'GB18030'

/** UTF-8 when the bytes are valid UTF-8 (BOM or not); otherwise GB18030, a superset of GBK. */
export function decodeText(bytes: Uint8Array): { text: string; encoding: Encoding } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'UTF-8 (BOM)' }
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'UTF-8' }
  } catch {
    return { text: new TextDecoder('gb18030').decode(bytes), encoding: 'GB18030' }
  }
}

export interface ImportPlan {
  encoding: Encoding
  households: Household[]
  /** "第 N 行:…" for every row that cannot be read; any of them means nothing is imported. */
  problems: string[]
}

const HEADER = /楼|栋|building|room|房/i

export function planHouseholdImport(bytes: Uint8Array): ImportPlan {
  const { text, encoding } = decodeText(bytes)
  const households: Household[] = []
  const problems: string[] = []
  parseCsv(text).forEach((cells, i) => {
    const h = parseHouseholdRow(cells)
    if (typeof h !== 'string') return void households.push(h)
    // A header line is expected; anything else is reported, never silently skipped.
    if (i === 0 && HEADER.test(cells.join(''))) return
    problems.push(`第 ${i + 1} 行:${h}(${cells.join(',').slice(0, 40)})`)
  })
  if (households.length === 0 && problems.length === 0) problems.push('文件里没有可导入的住户')
  return { encoding, households, problems }
}

const TIER_CN = { red: '红', yellow: '黄', green: '绿' } as const

const cell = (v: string) => (/[",\n\r]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v)

/** The register as CSV (UTF-8 with a BOM, so Excel opens it): the import reads it back unchanged. */
export function householdsCsv(list: readonly Household[]): string {
  const lines = ['楼栋-单元-房号,档案,备注']
  for (const h of list) lines.push([[h.building, h.unit, h.room].filter(Boolean).join('-'), TIER_CN[h.tier], h.note].map(cell).join(','))
  return '\ufeff' + lines.join('\n') + '\n'
}

/** What `households template` prints: the header and two example rows. */
export const HOUSEHOLDS_TEMPLATE = '\ufeff楼栋-单元-房号,档案,备注\n3-2-502,红,独居老人\n6-1-201,黄,透析\n'
