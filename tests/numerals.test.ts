import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { isChineseNumeralChar, parseChineseNumber, scanNumber } from '../classifiers/numerals.ts'

const DIGITS = '零一二三四五六七八九'

/** The standard Chinese reading of 0 … 99,999 (一万二千三百零五), as a reference for the parser. */
function toChinese(n: number): string {
  if (n === 0) return '零'
  const units = ['', '十', '百', '千']
  const below10k = (m: number): string => {
    let out = ''
    let zero = false
    for (let p = 3; p >= 0; p--) {
      const d = Math.floor(m / 10 ** p) % 10
      if (d === 0) {
        if (out) zero = true
        continue
      }
      if (zero) {
        out += '零'
        zero = false
      }
      out += DIGITS[d] + units[p]
    }
    return out
  }
  const wan = Math.floor(n / 10000)
  const rest = n % 10000
  let s = wan ? below10k(wan) + '万' : ''
  if (rest) s += (wan && rest < 1000 ? '零' : '') + below10k(rest)
  // 一十二 is written 十二
  return s.startsWith('一十') ? s.slice(1) : s
}

describe('parseChineseNumber', () => {
  it.each([
    ['一', 1],
    ['两', 2],
    ['二', 2],
    ['三', 3],
    ['十', 10],
    ['十二', 12],
    ['二十', 20],
    ['二十五', 25],
    ['一百', 100],
    ['一百零五', 105],
    ['两百', 200],
    ['一千零一', 1001],
    ['一万', 10000],
    ['两万五', 25000],
    ['一百五', 150],
    ['两千三', 2300],
    ['三万五', 35000],
  ])('%s → %d', (s, n) => {
    expect(parseChineseNumber(s)).toBe(n)
  })

  it('reads halves and decimals', () => {
    expect(parseChineseNumber('半')).toBe(0.5)
    expect(parseChineseNumber('一半')).toBe(0.5)
    expect(parseChineseNumber('三点五')).toBe(3.5)
    expect(parseChineseNumber('1.5')).toBe(1.5)
    expect(parseChineseNumber('0.25')).toBe(0.25)
  })

  it('takes the first number of a range', () => {
    expect(parseChineseNumber('两三')).toBe(2)
    expect(parseChineseNumber('三四')).toBe(3)
    expect(parseChineseNumber('七八')).toBe(7)
    expect(parseChineseNumber('十七八')).toBe(17)
    expect(parseChineseNumber('二三十')).toBe(20)
    expect(parseChineseNumber('十几')).toBe(10)
    expect(parseChineseNumber('2-3')).toBe(2)
  })

  it('reads 一打 as twelve', () => {
    expect(parseChineseNumber('一打')).toBe(12)
    expect(parseChineseNumber('半打')).toBe(6)
  })

  it('gives null for vague amounts and for non-numbers', () => {
    expect(parseChineseNumber('几')).toBeNull()
    expect(parseChineseNumber('几十')).toBeNull()
    expect(parseChineseNumber('')).toBeNull()
    expect(parseChineseNumber('   ')).toBeNull()
    expect(parseChineseNumber('土豆')).toBeNull()
    expect(parseChineseNumber('三斤')).toBeNull()
    expect(parseChineseNumber('3-2-502')).toBeNull()
    expect(parseChineseNumber(undefined as unknown as string)).toBeNull()
  })

  it('reads Arabic numbers, half-width only (the text is normalised first)', () => {
    expect(parseChineseNumber('0')).toBe(0)
    expect(parseChineseNumber('12')).toBe(12)
    expect(parseChineseNumber(' 7 ')).toBe(7)
  })

  it('agrees with the standard reading of every number up to 99,999 (sampled)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 99999 }), (n) => {
        expect(parseChineseNumber(toChinese(n))).toBe(n)
        expect(parseChineseNumber(String(n))).toBe(n)
      }),
      { numRuns: 2000 },
    )
  })

  it('never throws, and returns null or a finite number, on arbitrary strings', () => {
    const numeralish = fc
      .array(fc.constantFrom(...'零〇一二两三四五六七八九十百千万半几点打.-123 '.split('')), { maxLength: 20 })
      .map((a) => a.join(''))
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 200 }), fc.string({ unit: 'grapheme', maxLength: 50 }), numeralish), (s) => {
        const r = parseChineseNumber(s)
        expect(r === null || Number.isFinite(r)).toBe(true)
      }),
      { numRuns: 1000 },
    )
  })
})

describe('scanNumber', () => {
  const unitAt = (s: string, i: number) => (i < s.length && '斤个袋克'.includes(s[i])) || s.startsWith('千克', i)

  it('reads a number inside a text and says where it ends', () => {
    const r = scanNumber('土豆12斤', 2, { unitAt })
    expect(r).toMatchObject({ value: 12, end: 4, arabic: true })
    expect(scanNumber('土豆', 0)).toBeNull()
    expect(scanNumber('', 0)).toBeNull()
    expect(scanNumber('12', 5)).toBeNull()
  })

  it('reads no number in 百, 千 or 万 with no digit before them (names: 百色, 千岛湖, 万州); 十 alone is ten', () => {
    expect(scanNumber('百色芒果', 0)).toBeNull()
    expect(scanNumber('千岛湖鱼头', 0)).toBeNull()
    expect(scanNumber('万州烤鱼', 0)).toBeNull()
    expect(scanNumber('十个', 0)).toMatchObject({ value: 10 })
    expect(scanNumber('一百斤', 0)).toMatchObject({ value: 100 })
    expect(scanNumber('肆伍', 0)).toMatchObject({ value: 4 })
  })

  it('leaves 千克 to the unit', () => {
    expect(scanNumber('五千克', 0, { unitAt })).toMatchObject({ value: 5, end: 1 })
    expect(scanNumber('五千', 0, { unitAt })).toMatchObject({ value: 5000, end: 2 })
  })

  it('reads 两 after a numeral as the unit liang unless a unit follows', () => {
    expect(scanNumber('三两肉', 0, { unitAt })).toMatchObject({ value: 3, liangUnit: true, end: 2 })
    expect(scanNumber('一两斤', 0, { unitAt })).toMatchObject({ value: 1, liangUnit: false, range: true })
    expect(scanNumber('两斤', 0, { unitAt })).toMatchObject({ value: 2, liangUnit: false })
  })

  it('tells ranges from addresses', () => {
    expect(scanNumber('2-3斤', 0, { unitAt })).toMatchObject({ value: 2, range: true, dashed: false })
    expect(scanNumber('2~3个', 0, { unitAt })).toMatchObject({ value: 2, range: true })
    expect(scanNumber('7-1102', 0, { unitAt })).toMatchObject({ dashed: true })
    expect(scanNumber('3-2-502', 0, { unitAt })).toMatchObject({ dashed: true, end: 7 })
  })

  it('marks vague amounts', () => {
    expect(scanNumber('几斤', 0, { unitAt })?.value).toBeNull()
    expect(scanNumber('十几个', 0, { unitAt })?.value).toBe(10)
  })

  it('knows the numeral characters', () => {
    for (const c of '一二两三十百千万半几') expect(isChineseNumeralChar(c.charCodeAt(0))).toBe(true)
    for (const c of '土斤a1 ') expect(isChineseNumeralChar(c.charCodeAt(0))).toBe(false)
  })
})
