// The kinds of failure the list parser showed on writers it had never seen (issue 16), each in
// several styles. The sentences are written for these tests; none is copied from an evaluation
// set. brief() is the scored part of an item: [name, qty, unit].
import { describe, expect, it } from 'vitest'
import { normalize } from '../classifiers/normalize.ts'
import { parseShoppingList, type OrderItem } from '../classifiers/shopping-list/index.ts'

const parse = (text: string): OrderItem[] => parseShoppingList(normalize(text))
const brief = (text: string) => parse(text).filter((i) => i.op !== 'remove').map((i) => [i.name, i.qty, i.unit])

describe('regional names of goods are items', () => {
  it.each([
    ['wu', '阿拉要两只落苏 一斤草头 再来半斤米苋', [['落苏', 2, '只'], ['草头', 1, '斤'], ['米苋', 0.5, '斤']]],
    ['cantonese', '帮我买菜远一斤，通菜两扎，仲有粟米两条', [['菜远', 1, '斤'], ['通菜', 2, '扎'], ['粟米', 2, '条']]],
    ['northeastern', '洋柿子四个 窝瓜一个 毛嗑二斤', [['洋柿子', 4, '个'], ['窝瓜', 1, '个'], ['毛嗑', 2, '斤']]],
    ['sichuan', '儿菜三斤 红苕五个 折耳根半斤', [['儿菜', 3, '斤'], ['红苕', 5, '个'], ['折耳根', 0.5, '斤']]],
    ['minnan', '菜头一条 地瓜叶两把 高丽菜一粒', [['菜头', 1, '条'], ['地瓜叶', 2, '把'], ['高丽菜', 1, '粒']]],
  ])('%s', (_style, text, want) => {
    expect(brief(text)).toEqual(want)
  })

  it('a misspelling or homophone of a product is named the way it is meant', () => {
    expect(brief('鸡旦十个 白莱一颗')).toEqual([['鸡蛋', 10, '个'], ['白菜', 1, '颗']])
    expect(brief('我要猪内两斤还有耗油一瓶')).toEqual([['猪肉', 2, '斤'], ['蚝油', 1, '瓶']])
    expect(brief('猫沙两袋 毛粮一袋')).toEqual([['猫砂', 2, '袋'], ['猫粮', 1, '袋']])
  })
})
