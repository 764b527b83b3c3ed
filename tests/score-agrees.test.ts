// tools/score.ts computes the shared scorer's figures in-repo (so floors hold on any clone).
// Where ../shared/eval/score.mjs is present, both must agree on the same predictions.
import { existsSync, readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { score, type GoldRow, type PredRow } from '../tools/score.ts'

const SHARED = new URL('../../shared/eval/score.mjs', import.meta.url)
const gold: GoldRow[] = readFileSync(new URL('../data/eval/rounds/lists-01.jsonl', import.meta.url), 'utf8')
  .split('\n')
  .filter((l) => l.trim())
  .map((l) => JSON.parse(l))

// Predictions that exercise every rule: right and wrong categories, urgent and possibly
// urgent flags, items with a name contained in the gold one, a wrong unit, a missing item.
const preds: PredRow[] = gold.map((g, i) => ({
  id: g.id,
  category: i % 7 === 0 ? 'other' : g.category,
  urgent: i % 11 === 0,
  possibleUrgent: i % 13 === 0,
  items: (g.items ?? [])
    .filter((_x, k) => (i + k) % 9 !== 0)
    .map((it, k) => ({ ...it, unit: (i + k) % 5 === 0 ? '个' : it.unit, name: k % 3 === 0 ? it.name.slice(0, 2) : it.name })),
}))

describe('in-repo scorer', () => {
  it('agrees with ../shared/eval/score.mjs', async (t) => {
    if (!existsSync(SHARED)) {
      t.skip()
      return
    }
    const shared = (await import(SHARED.href)) as { score: (g: unknown[], p: unknown[]) => Record<string, number> }
    const a = shared.score(gold, preds)
    const b = score(gold, preds)
    for (const k of [
      'accuracy',
      'macroF1',
      'urgentRecall',
      'urgentPrecision',
      'urgentOrPossibleRecall',
      'possibleRate',
      'itemF1',
      'orderExact',
    ] as const) {
      expect(b[k], k).toBeCloseTo(a[k], 10)
    }
  })
})
