import { describe, expect, it } from 'vitest'
import { normalize } from '../classifiers/normalize.ts'

describe('normalize', () => {
  it('turns full-width letters, digits and punctuation into half-width', () => {
    expect(normalize('ＡＢＣ１２３，我要土豆！')).toBe('ABC123,我要土豆!')
    expect(normalize('３－２－５０２　要米')).toBe('3-2-502 要米')
  })
  it('converts traditional characters to simplified', () => {
    expect(normalize('我媽媽發燒了 請幫忙買藥')).toBe('我妈妈发烧了 请帮忙买药')
    expect(normalize('電梯壞了')).toBe('电梯坏了')
  })
  it('leaves simplified text as it is', () => {
    expect(normalize('后来干净的头发')).toBe('后来干净的头发')
  })
  it('removes zero-width, bidi and BOM characters', () => {
    expect(normalize('帮\u200b我\u202e买\ufeff菜\u2060')).toBe('帮我买菜')
  })
  it('collapses letter-spaced Chinese', () => {
    expect(normalize('帮 我 买 土 豆 3斤')).toBe('帮我买土豆 3斤')
    expect(normalize('两个 词 之间')).toBe('两个 词 之间')
  })
  it('collapses letter-spacing line by line, keeping the line breaks', () => {
    expect(normalize('鸡 蛋 一 盒\n牛 奶 两 箱\n面 包 三 个')).toBe('鸡蛋一盒\n牛奶两箱\n面包三个')
    expect(normalize('我 妈 摔 倒 了\n在 5 栋 6 0 3')).toBe('我妈摔倒了\n在5栋603')
    expect(normalize('两个 词 之间\n还有 一行')).toBe('两个 词 之间\n还有 一行')
  })
  it('collapses repeated punctuation', () => {
    expect(normalize('好的。。。。谢谢～～～')).toBe('好的。谢谢~')
    expect(normalize('急急急???!!!')).toBe('急急急?')
  })
  it('keeps emoji', () => {
    expect(normalize('😭😭 救命 🆘')).toBe('😭😭 救命 🆘')
  })
  it('squeezes spaces and trims', () => {
    expect(normalize('  多  空格\t\t ')).toBe('多 空格')
  })
  it('returns an empty string for empty or non-string input', () => {
    expect(normalize('')).toBe('')
    expect(normalize(undefined as unknown as string)).toBe('')
  })
})
