// What each category's handler (medical.ts, repair.ts, grocery.ts, pet.ts, emotional.ts,
// other.ts) tells requests.ts: how to merge shared faults and how to acknowledge.
import type { Location } from '../classifiers/location.ts'
import type { TriageResult } from '../classifiers/triage.ts'
import type { Filed } from './tickets.ts'

export interface CategoryHandler {
  /** Shared-fault key: reports with the same key merge into one ticket. */
  faultKey?(r: TriageResult, loc: Location | null): string | null
  /** Acknowledge privately, never in the group. */
  private?: boolean
  ack(filed: Filed): string
}
