// triage() remembered for texts seen recently (classifiers/memo.ts). Results are frozen:
// a caller that tried to change a shared answer would throw instead of corrupting it.
import { memoByText } from './memo.ts'
import { triage, type TriageResult } from './triage.ts'

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value)
    for (const v of Object.values(value)) deepFreeze(v)
  }
  return value
}

export function memoTriage(capacity = 20_000, maxTextLength = 120): (text: string) => Readonly<TriageResult> {
  return memoByText((text) => deepFreeze(triage(text)), capacity, maxTextLength)
}
