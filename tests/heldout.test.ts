// Regression floors on the held-out set (data/eval/heldout.jsonl): messages written in styles
// unlike the training corpus (outbreak posts, thread replies, offers, resolutions, far-away
// worries, questions, notices, dialects). The floors sit slightly below the measured figures.
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { triage } from '../classifiers/triage.ts'
import type { Category } from '../classifiers/types.ts'

interface Gold {
  id: string
  text: string
  category: Category
  urgent: boolean
}
const rows: Gold[] = readFileSync(new URL('../data/eval/heldout.jsonl', import.meta.url), 'utf8')
  .split('\n')
  .filter((l) => l.trim())
  .map((l) => JSON.parse(l) as Gold)

describe('held-out set', () => {
  const preds = rows.map((g) => ({ g, p: triage(g.text) }))

  it('has a few hundred labelled lines', () => {
    expect(rows.length).toBeGreaterThanOrEqual(400)
  })
  it('category accuracy and macro-F1 stay above their floors', () => {
    const correct = preds.filter(({ g, p }) => g.category === p.category).length
    expect(correct / rows.length).toBeGreaterThanOrEqual(0.93)
    const cats: Category[] = ['medical', 'grocery', 'repair', 'pet', 'emotional', 'other']
    let f1 = 0
    for (const c of cats) {
      const tp = preds.filter(({ g, p }) => g.category === c && p.category === c).length
      const fp = preds.filter(({ g, p }) => g.category !== c && p.category === c).length
      const fn = preds.filter(({ g, p }) => g.category === c && p.category !== c).length
      const pr = tp + fp ? tp / (tp + fp) : 0,
        rc = tp + fn ? tp / (tp + fn) : 0
      f1 += pr + rc ? (2 * pr * rc) / (pr + rc) : 0
    }
    expect(f1 / cats.length).toBeGreaterThanOrEqual(0.9)
  })
  it('misses no emergency and raises few false alarms', () => {
    const tp = preds.filter(({ g, p }) => g.urgent && p.urgent).length
    const fn = preds.filter(({ g, p }) => g.urgent && !p.urgent).map(({ g }) => g.text)
    const fp = preds.filter(({ g, p }) => !g.urgent && p.urgent).length
    expect(fn, 'missed emergencies').toEqual([])
    expect(tp / (tp + fp)).toBeGreaterThanOrEqual(0.9)
  })
  it('flags few messages for review (only help-seeking ones that fit no category)', () => {
    const review = preds.filter(({ p }) => p.needsReview).length
    expect(review / rows.length).toBeLessThanOrEqual(0.04)
    const otherReviewed = preds.filter(({ g, p }) => g.category === 'other' && p.needsReview).length
    expect(otherReviewed).toBeLessThanOrEqual(8)
  })
})
