// Operator commands on the DB (`npm run --silent triage -- <command>`):
// orders, households import, forget, backup.
import { readFileSync } from 'node:fs'
import { parseLocation } from '../classifiers/location.ts'
import { TIERS, type Household } from '../store/households.ts'
import { forgetContact } from '../store/privacy.ts'
import { openStore } from '../store/store.ts'
import type { Tier } from '../store/tickets.ts'
import { parseConfig } from '../handlers/config.ts'
import { createContext } from '../handlers/context.ts'
import { markDelivered, ordersCsv, ordersReport } from '../handlers/orders.ts'
import { dbPathFromEnv } from '../bot/env.ts'

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
  if (tierAt < 1) return 'no tier (red/yellow/green or 红/黄/绿)'
  const place = clean.slice(0, tierAt).join('-')
  const loc = parseLocation(/^\d+-\d+-\d+$|^\d+-\d+$/.test(place) ? place : clean.slice(0, tierAt).join(''))
  if (!loc?.building || !loc.room) return `cannot read building and room from "${place}"`
  const tier = TIER_WORDS[clean[tierAt].toLowerCase()] ?? TIER_WORDS[clean[tierAt]]
  if (!TIERS.includes(tier)) return 'bad tier'
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

export async function runAdmin(
  command: string,
  args: string[],
  out: NodeJS.WritableStream = process.stdout,
  err: NodeJS.WritableStream = process.stderr,
): Promise<number> {
  const db = openStore(dbPathFromEnv())
  try {
    const ctx = createContext(db, parseConfig(process.env))
    switch (command) {
      case 'orders': {
        const d = args.indexOf('--delivered')
        if (d >= 0) {
          const id = Number(args[d + 1])
          if (!Number.isInteger(id)) {
            err.write('orders --delivered needs a ticket number\n')
            return 2
          }
          const order = markDelivered(ctx, id, 'cli')
          if (!order) {
            err.write(`#${id} has no open order\n`)
            return 1
          }
          const t = ctx.tickets.get(id)
          if (t && (t.state === 'open' || t.state === 'claimed'))
            ctx.tickets.update(id, { state: 'done', resolvedAt: ctx.clock(), resolvedBy: 'cli', note: '已送达' }, ctx.clock())
          out.write(`#${id} delivered\n`)
          return 0
        }
        out.write(args.includes('--csv') ? ordersCsv(ctx.orders.open()) : ordersReport(ctx) + '\n')
        return 0
      }
      case 'households': {
        if (args[0] !== 'import' || !args[1]) {
          err.write('usage: households import FILE.csv\n')
          return 2
        }
        const rows = parseCsv(readFileSync(args[1], 'utf8'))
        let imported = 0
        const problems: string[] = []
        db.transaction(() => {
          rows.forEach((cells, i) => {
            const h = parseHouseholdRow(cells)
            if (typeof h === 'string') {
              // A header line is expected; anything else is reported, never silently skipped.
              if (i > 0 || !/楼|栋|building|room|房/i.test(cells.join(''))) problems.push(`line ${i + 1}: ${h}`)
              return
            }
            ctx.households.upsert(h)
            imported++
          })
        })()
        out.write(`imported ${imported} households\n`)
        for (const p of problems) err.write(`${p}\n`)
        return problems.length ? 1 : 0
      }
      case 'forget': {
        if (!args[0]) {
          err.write('usage: forget CONTACT_ID\n')
          return 2
        }
        const removed = forgetContact(db, args[0])
        out.write(
          `forgot ${args[0]}: ${Object.entries(removed)
            .map(([k, v]) => `${v} ${k}`)
            .join(', ')}\n`,
        )
        return 0
      }
      case 'backup': {
        if (!args[0]) {
          err.write('usage: backup FILE\n')
          return 2
        }
        await db.backup(args[0])
        out.write(`backup written to ${args[0]}\n`)
        return 0
      }
      default:
        err.write(`unknown command: ${command}\n`)
        return 2
    }
  } finally {
    db.close()
  }
}
