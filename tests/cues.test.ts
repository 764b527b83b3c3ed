// The data the urgency rules are made of, checked entry by entry (the uap-core way: each entry of
// data/cues/*.yaml, data/dict/families.yaml and data/dict/dialect.yaml carries its own cases).
// A domain expert who adds a phrasing adds a case next to it; this runner checks it.
import { describe, expect, it } from 'vitest'
import { CUES } from '../classifiers/cues.ts'
import { FAMILIES } from '../classifiers/families.ts'
import { DIALECTS, canonical } from '../classifiers/dialect.ts'
import { assessLate, assessUrgency, withLateUnless } from '../classifiers/urgency.ts'
import { normalize } from '../classifiers/normalize.ts'
import { RESPONSE_KINDS } from '../classifiers/types.ts'

const read = (t: string) => canonical(normalize(t))
/** The rules as triage reads them: the forms the model was trained with (less the contexts learnt
 * since, `late_unless`), then the late ones. */
const urgency = (t: string) => {
  const a = withLateUnless(assessUrgency(read(t)), read(t))
  const b = assessLate(read(t))
  return { urgent: a.urgent || b.urgent, cues: [...a.cues, ...b.cues], suppressed: [...a.suppressed, ...b.suppressed] }
}

describe('emergency cues (data/cues/*.yaml)', () => {
  it('cover at least 35 kinds of emergency, every response kind, each kind in at least four styles', () => {
    expect(CUES.length).toBeGreaterThanOrEqual(35)
    for (const k of RESPONSE_KINDS)
      expect(
        CUES.some((c) => c.response === k),
        `a cue for ${k}`,
      ).toBe(true)
    for (const c of CUES) {
      expect(Object.keys(c.cases.fire).length, `${c.kind} (${c.file}:${c.line}): fire cases in ≥ 4 styles`).toBeGreaterThanOrEqual(4)
      expect(Object.values(c.cases.calm).flat().length, `${c.kind}: at least one calm case`).toBeGreaterThanOrEqual(1)
    }
  })
  for (const c of CUES) {
    describe(`${c.kind} (${c.file}:${c.line})`, () => {
      for (const [style, texts] of Object.entries(c.cases.fire)) {
        for (const t of texts) {
          it(`fires [${style}] ${t}`, () => {
            const r = urgency(t)
            expect(r.cues, `${read(t)} — switched off: ${r.suppressed.join(', ')}`).toContain(c.kind)
            expect(r.urgent).toBe(true)
          })
        }
      }
      for (const [style, texts] of Object.entries(c.cases.calm)) {
        for (const t of texts) {
          it(`stays calm [${style}] ${t}`, () => {
            const r = urgency(t)
            expect(r.urgent, `${read(t)} — fired: ${r.cues.join(', ')}`).toBe(false)
          })
        }
      }
    })
  }
})

describe('dialect forms (data/dict/dialect.yaml)', () => {
  for (const g of DIALECTS) {
    for (const f of g.forms) {
      it(`${g.name} ${f.form} → ${f.means}: its calm case raises no alarm`, () => {
        const r = urgency(f.calm)
        expect(r.urgent, `${read(f.calm)} — fired: ${r.cues.join(', ')}`).toBe(false)
      })
      if (f.fire) {
        const fire = f.fire
        it(`${g.name} ${f.form} → ${f.means}: its emergency case is read`, () => {
          const r = urgency(fire)
          expect(r.urgent, `${read(fire)} — switched off: ${r.suppressed.join(', ')}`).toBe(true)
        })
      }
    }
  }
  it('maps only where a variety is marked', () => {
    // 伊利 is a brand, 勿 in a notice is not Wu, 俺 alone marks the north
    expect(canonical('伊利牛奶两箱')).toBe('伊利牛奶两箱')
    expect(canonical('佢喺度')).toBe('他在度')
    expect(canonical('侬好 伊讲明朝来')).toBe('你好 他讲明朝来')
    expect(canonical('请勿在楼道堆放杂物')).toBe('请勿在楼道堆放杂物')
  })
})

describe('word families (data/dict/families.yaml)', () => {
  for (const f of FAMILIES.values()) {
    const re = new RegExp(f.source)
    it(`${f.name}: matches its cases and not its counter-cases`, () => {
      expect(f.match.length + f.noMatch.length, `${f.name} needs cases`).toBeGreaterThan(0)
      for (const t of f.match) expect(re.test(t) || re.test(read(t)), `${f.name} should match: ${t}`).toBe(true)
      for (const t of f.noMatch) expect(re.test(read(t)), `${f.name} should not match: ${t}`).toBe(false)
    })
  }
})
