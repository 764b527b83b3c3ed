// The 三色档案 register: which households need the most care.
import type { Location } from '../classifiers/location.ts'
import { rows, statement, type DB } from './store.ts'
import type { Tier } from './tickets.ts'

export interface Household {
  building: string
  unit: string
  room: string
  tier: Tier
  note: string
}

export const TIERS: readonly Tier[] = ['red', 'yellow', 'green']

export class Households {
  constructor(private readonly db: DB) {}

  upsert(h: Household): void {
    statement(
      this.db,
      `INSERT INTO households (building, unit, room, tier, note) VALUES (?, ?, ?, ?, ?)
      ON CONFLICT(building, unit, room) DO UPDATE SET tier = excluded.tier, note = excluded.note`,
    ).run(h.building, h.unit, h.room, h.tier, h.note)
  }

  /** The household at a location; a register row without a unit matches any unit of that building and room. */
  find(loc: Location | null): Household | null {
    if (!loc?.building || !loc.room) return null
    const found = rows(this.db, 'SELECT building, unit, room, tier, note FROM households WHERE building = ? AND room = ?').all(
      loc.building,
      loc.room,
    ) as unknown as Household[]
    const exact = found.find((h) => h.unit === (loc.unit ?? ''))
    if (exact) return exact
    // Without a unit on one side we cannot tell two households apart unless there is only one.
    const loose = found.filter((h) => h.unit === '' || !loc.unit)
    return loose.length === 1 ? loose[0] : null
  }

  all(): Household[] {
    return statement(this.db, 'SELECT * FROM households ORDER BY building, unit, room').all() as Household[]
  }
}
