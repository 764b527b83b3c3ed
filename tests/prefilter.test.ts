// The character prefilter may only skip an expression that could not have matched: a skipped
// emergency cue is a missed emergency.
import { readFileSync, readdirSync } from 'node:fs'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { CUES } from '../classifiers/cues.ts'
import { canonical } from '../classifiers/dialect.ts'
import { normalize } from '../classifiers/normalize.ts'
import { CharIndex, requiredChars } from '../classifiers/prefilter.ts'
import { CUE_INDEX, LATE_INDEX } from '../classifiers/urgency.ts'

const sorted = (s: Set<string> | null) => (s ? [...s].sort().join('') : null)

describe('requiredChars', () => {
  it.each([
    ['着火', '着火'],
    ['(?:冒|有|浓)(?:的)?烟', '烟'],
    ['(?:流血|出血)', '流出血'],
    ['晕倒|昏迷', '晕倒昏迷'],
    ['火[^,，。]{0,6}烧', '火烧'],
    ['(?<!打不|点不)着火', '着火'],
    ['a?b', 'b'],
    ['[ab]c', 'c'],
    ['(?:a|b)', 'ab'],
    ['x|.y', 'xy'],
    ['救+命', '救命'],
  ])('%s needs one of %s', (src, chars) => {
    expect(sorted(requiredChars(src))?.length).toBeGreaterThan(0)
    // every character named must be one that all matches of its alternative contain
    for (const ch of requiredChars(src) ?? []) expect(chars).toContain(ch)
  })

  it.each(['.*', 'a{0,2}', '\\d+', '[火烟]', 'a|\\s', '(?=火)', '火?', '(?:火|)'])('%s proves nothing', (src) => {
    expect(requiredChars(src)).toBeNull()
  })
})

describe('the cue index', () => {
  // the text triage hands to the cues: normalised, then mapped by dialect.yaml
  const prepared = (text: string) => canonical(normalize(text))

  function missed(texts: Iterable<string>): string[] {
    const out: string[] = []
    for (const raw of texts) {
      const t = prepared(raw)
      const cands = new Set(CUE_INDEX.candidates(t))
      const late = new Set(LATE_INDEX.candidates(t))
      CUES.forEach((cue, i) => {
        cue.re.lastIndex = 0
        if (cue.re.test(t) && !cands.has(i)) out.push(`${cue.kind}: ${raw}`)
        if (cue.lateRe) {
          cue.lateRe.lastIndex = 0
          if (cue.lateRe.test(t) && !late.has(i)) out.push(`${cue.kind} (late): ${raw}`)
        }
      })
    }
    return out
  }

  it('skips no cue that matches any of the cues’ own cases', () => {
    const texts = CUES.flatMap((c) => [...Object.values(c.cases.fire), ...Object.values(c.cases.calm)].flat())
    expect(texts.length).toBeGreaterThan(300)
    expect(missed(texts)).toEqual([])
  })

  it('skips no cue that matches a line of the training corpus', () => {
    const dir = new URL('../data/corpus/', import.meta.url)
    const texts: string[] = []
    for (const f of readdirSync(dir)
      .filter((f) => f.endsWith('.jsonl'))
      .sort()) {
      for (const l of readFileSync(new URL(f, dir), 'utf8').split('\n')) if (l.trim()) texts.push(JSON.parse(l).text)
    }
    expect(missed(texts)).toEqual([])
  })

  it('skips no cue on random text made of the cues’ own characters', () => {
    const alphabet = [...new Set(CUES.flatMap((c) => [...c.re.source]).filter((ch) => !'()[]{}|?*+\\^$.'.includes(ch)))]
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...alphabet, ' ', '，'), { maxLength: 40 }), (chars) => {
        const t = chars.join('')
        const cands = new Set(CUE_INDEX.candidates(t))
        CUES.forEach((cue, i) => {
          cue.re.lastIndex = 0
          if (cue.re.test(t)) expect(cands.has(i)).toBe(true)
        })
      }),
      { numRuns: 3000 },
    )
  })

  it('lets calm traffic skip every cue, and keeps the expressions it cannot index few', () => {
    for (const t of ['收到', '谢谢管家', '好的', '+1', '土豆3斤']) expect(CUE_INDEX.candidates(prepared(t))).toEqual([])
    expect(CUE_INDEX.unfiltered).toBeLessThanOrEqual(2)
  })

  it('answers in ascending order, once per expression', () => {
    const idx = new CharIndex(['火', '烟', '火|烟', '.'])
    expect(idx.candidates('烟火烟火')).toEqual([0, 1, 2, 3])
    expect(idx.candidates('')).toEqual([3])
  })
})
