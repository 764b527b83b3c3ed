// Goods heard alike (classifiers/shopping-list/sound.ts): a name voice input misheard is read
// as the goods it sounds like, and ordinary words, goods written side by side and names the
// lexicon knows are left alone. Also: data/dict/pinyin.txt is what its generator writes.
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { normalize } from '../classifiers/normalize.ts'
import { parseShoppingList } from '../classifiers/shopping-list/index.ts'
import { isCommonWord } from '../classifiers/shopping-list/sound.ts'
import { PINYIN_FILE, pinyinTable } from '../tools/pinyin-table.ts'

const brief = (text: string) => parseShoppingList(normalize(text)).map((i) => [i.name, i.qty, i.unit])

describe('names voice input misheard', () => {
  it.each([
    ['帮我买两斤朱肉要前腿的', [['猪肉', 2, '斤']]],
    ['然后洗结精也要一瓶', [['洗洁精', 1, '瓶']]],
    ['我要买一点水果就是相交一把', [['香蕉', 1, '把']]],
    [
      '一箱克乐一箱雪比还有冰红差一箱',
      [
        ['可乐', 1, '箱'],
        ['雪碧', 1, '箱'],
        ['冰红茶', 1, '箱'],
      ],
    ],
    [
      '一瓶老抽还有一代白堂',
      [
        ['老抽', 1, '瓶'],
        ['白糖', 1, '袋'],
      ],
    ],
  ])('%s', (text, want) => {
    expect(brief(text)).toEqual(want)
  })
})

describe('misheard names that start on another word', () => {
  it('a noun that is no goods (猫), a filler next to an amount (够), a place name (东瓜)', () => {
    expect(brief('猫傻两袋 猫凉一袋')).toEqual([
      ['猫砂', 2, '袋'],
      ['猫粮', 1, '袋'],
    ])
    expect(brief('够粮一袋')).toEqual([['狗粮', 1, '袋']])
    expect(brief('东瓜半个')).toEqual([['冬瓜', 0.5, '个']])
  })

  it('but a filler away from an amount, or a unit after a number and a size, stays as written', () => {
    // 要划 (yao hua) is not 腰花, 以里 (yi li) not 伊利, 一小袋米 not 一小 + 大米
    expect(brief('武昌鱼买一条，鳝鱼半斤，要划好了的').map((i) => i[0])).not.toContain('腰花')
    expect(brief('帮买一袋狗粮，一百块以里的').map((i) => i[0])).not.toContain('伊利')
    expect(brief('再要一小袋米')).toEqual([['米', 1, '袋']])
  })
})

describe('what is not a mishearing', () => {
  it('a common word that sounds like goods (打算, da suan: not 大蒜)', () => {
    expect(isCommonWord('打算')).toBe(true)
    expect(brief('我打算买两斤土豆').map((i) => i[0])).toEqual(['土豆'])
  })

  it('goods written side by side (米油 is not 蜜柚)', () => {
    expect(brief('米油盐酱油都要').map((i) => i[0])).not.toContain('蜜柚')
  })

  it('a window that would cut a known word or leave a stray letter', () => {
    // 张飞牛肉: not 肥牛 + 肉; 朱古力 (粤 chocolate): not 猪骨 + 力
    expect(brief('带五包张飞牛肉').map((i) => i[0])).not.toContain('肥牛')
    expect(brief('朱古力雪糕一盒').map((i) => i[0])).not.toContain('猪骨')
  })

  it('a rarer real word only next to an amount (好友: not 蚝油 in talk)', () => {
    expect(brief('帮我好友买一斤土豆').map((i) => i[0])).toEqual(['土豆'])
  })
})

describe('goods typed in pinyin', () => {
  it('reads the syllables as the lexicon name, with pinyin numerals and units', () => {
    expect(brief('xihongshi 2jin, doufu 2 kuai, 鸡蛋 yi he, 还要一瓶 laoganma')).toEqual([
      ['西红柿', 2, '斤'],
      ['豆腐', 2, '块'],
      ['鸡蛋', 1, '盒'],
      ['老干妈', 1, '瓶'],
    ])
  })

  it('leaves English words and lone pinyin numerals alone', () => {
    expect(brief('please help, shi ge ren wo yao')).toEqual([])
  })
})

describe('data/dict/pinyin.txt', () => {
  it('is what `npm run pinyin-table` writes', () => {
    expect(readFileSync(PINYIN_FILE, 'utf8') === pinyinTable()).toBe(true)
  })
})

describe('names heard with a southern accent (n/l, zh/z, -ng/-n)', () => {
  it.each([
    [
      'n as l',
      '牛乃两箱 面包一袋',
      [
        ['牛奶', 2, '箱'],
        ['面包', 1, '袋'],
      ],
    ],
    ['-ng as -n', '宝宝用的婴儿诗经两包', [['婴儿湿巾', 2, '包']]],
  ])('%s', (_kind, text, want) => {
    expect(brief(text)).toEqual(want)
  })
  it.each([
    ['a verb with its aspect', '冰箱里还冻着一块 这次买鸡蛋一盒', [['鸡蛋', 1, '盒']]],
    ['after a number, not before one', '对着四面墙发呆 帮我买土豆两斤', [['土豆', 2, '斤']]],
  ])('not %s', (_kind, text, want) => {
    expect(brief(text)).toEqual(want)
  })
})
