// triage() remembered for texts seen recently. A building group repeats itself —
// 收到, 谢谢, +1, the same 接龙 line copied forty times — and triage is a pure function
// of the text, so a repeated text is answered from memory. Results are frozen: a
// caller that tried to change a shared answer would throw instead of corrupting it.
import { triage, type TriageResult } from './triage.ts'

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value)
    for (const v of Object.values(value)) deepFreeze(v)
  }
  return value
}

export interface TriageMemo {
  (text: string): Readonly<TriageResult>
  readonly size: number
  readonly hits: number
}

/**
 * A bounded memo of triage(). Texts longer than `maxTextLength` (rarely repeated, costly to
 * hash) are not kept; when full, the oldest half is dropped — cheaper than an LRU per call,
 * and the texts that matter come back at once.
 */
export function memoTriage(capacity = 20_000, maxTextLength = 120): TriageMemo {
  const memo = new Map<string, TriageResult>()
  let hits = 0
  const fn = (text: string): Readonly<TriageResult> => {
    if (typeof text !== 'string' || text.length > maxTextLength) return deepFreeze(triage(text))
    const known = memo.get(text)
    if (known) {
      hits++
      return known
    }
    const r = deepFreeze(triage(text))
    if (memo.size >= capacity) {
      let drop = Math.ceil(capacity / 2)
      for (const k of memo.keys()) {
        memo.delete(k)
        if (--drop === 0) break
      }
    }
    memo.set(text, r)
    return r
  }
  return Object.defineProperties(fn, {
    size: { get: () => memo.size },
    hits: { get: () => hits },
  }) as TriageMemo
}
