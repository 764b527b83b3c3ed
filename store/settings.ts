// Each steward's own notification settings (「设置」): how often the periodic digest comes, and
// quiet hours. Kept in the kv table, one JSON value per steward.
import { getKv, setKv, type DB } from './store.ts'

export interface StewardPrefs {
  /** Minutes between periodic digests; 0 turns them off; absent: the configured default. */
  digestEveryMin?: number
  /** Quiet hours, minutes after local midnight (may wrap past midnight); absent: none. */
  quiet?: { from: number; to: number }
}

const key = (stewardId: string) => `settings:steward:${stewardId}`

export class StewardSettings {
  constructor(private readonly db: DB) {}

  get(stewardId: string): StewardPrefs {
    const raw = getKv(this.db, key(stewardId))
    if (!raw) return {}
    try {
      return JSON.parse(raw) as StewardPrefs
    } catch {
      return {}
    }
  }

  set(stewardId: string, prefs: StewardPrefs): void {
    setKv(this.db, key(stewardId), JSON.stringify(prefs))
  }
}
