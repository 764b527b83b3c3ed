import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { CATEGORIES, triage, type TriageResult } from '../classifiers/triage.ts'

const KINDS = new Set(['medical', 'fire', 'gas', 'flood', 'trapped', 'violence', 'suicide'])

function checkShape(r: TriageResult): void {
  expect(CATEGORIES).toContain(r.category)
  expect(r.labels.length).toBeGreaterThan(0)
  expect(r.labels[0]).toBe(r.category)
  for (const l of r.labels) expect(CATEGORIES).toContain(l)
  expect(new Set(r.labels).size).toBe(r.labels.length)
  // priority order, and other never with another label
  const idx = r.labels.map((l) => CATEGORIES.indexOf(l))
  expect([...idx].sort((a, b) => a - b)).toEqual(idx)
  if (r.labels.includes('other')) expect(r.labels).toEqual(['other'])
  expect(typeof r.urgent).toBe('boolean')
  // (an emergency only the model flagged, in a category that says nothing of its kind, has none:
  // the alert then names 120, 119 and 110 alike)
  if (r.urgent) expect(r.emergency === null || KINDS.has(r.emergency)).toBe(true)
  else expect(r.emergency).toBeNull()
  expect(r.confidence).toBeGreaterThanOrEqual(0)
  expect(r.confidence).toBeLessThanOrEqual(1)
  expect(typeof r.needsReview).toBe('boolean')
  expect(typeof r.cancels).toBe('boolean')
  if (r.cancels) expect(r.category).toBe('other')
  expect(Array.isArray(r.items)).toBe(true)
  if (!r.labels.includes('grocery') && !r.labels.includes('pet')) expect(r.items).toEqual([])
  expect(typeof r.text).toBe('string')
}

// Chinese-ish text: CJK, digits, punctuation, emoji, and some of the vocabulary the rules look for
const vocab = fc.constantFrom(
  '帮我买',
  '土豆',
  '3斤',
  '发烧',
  '晕倒了',
  '煤气味',
  '不用了',
  '已经好了',
  '猫粮',
  '好害怕',
  '电梯',
  '!!!',
  '😭',
  '3-2-502',
  '哈哈',
  '转发',
  '如果',
  '没有',
  '接龙',
  '\n',
  ' ',
  '。',
  '１２',
  '藥',
)
const cjk = fc.integer({ min: 0x4e00, max: 0x9fff }).map((c) => String.fromCharCode(c))
const mixed = fc
  .array(fc.oneof(vocab, cjk, fc.string({ maxLength: 4 }), fc.string({ unit: 'grapheme', maxLength: 3 })), { maxLength: 60 })
  .map((a) => a.join(''))

describe('triage on arbitrary input', () => {
  it('never throws and returns a valid record (short mixed text)', () => {
    fc.assert(
      fc.property(mixed, (s) => {
        checkShape(triage(s))
      }),
      { numRuns: 300 },
    )
  })
  it('never throws on arbitrary unicode, lone surrogates included', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (s) => {
        checkShape(triage(s))
      }),
      { numRuns: 200 },
    )
  })
  it('handles texts up to 100 kB', () => {
    fc.assert(
      fc.property(mixed, fc.integer({ min: 500, max: 2500 }), (s, n) => {
        const big = (s + '我家老人摔倒了 帮我买菜 ').repeat(n).slice(0, 100_000 + (n % 7))
        const t0 = performance.now()
        checkShape(triage(big))
        expect(performance.now() - t0).toBeLessThan(2000)
      }),
      { numRuns: 8 },
    )
  })
  it('survives non-string input', () => {
    for (const x of [undefined, null, 42, {}, []]) checkShape(triage(x as unknown as string))
  })
})
