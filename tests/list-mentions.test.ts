// The weighing of bare mentions in shopping lists (classifiers/shopping-list/mentions.ts): a thing
// named without an amount in talk around the list goes, one asked for stays; the model file reads
// back or names what is wrong with it; the training tool sees what the parser weighs.
import { describe, expect, it } from 'vitest'
import { normalize } from '../classifiers/normalize.ts'
import { parseShoppingList } from '../classifiers/shopping-list/index.ts'
import { readMentionsModel, talkProbability, useMentionsModel, watchMentions } from '../classifiers/shopping-list/mentions.ts'
import { DataFileError } from '../classifiers/data-file.ts'

const brief = (text: string) => parseShoppingList(normalize(text)).map((i) => [i.name, i.qty, i.unit])

describe('bare mentions: talk goes, orders stay', () => {
  it.each([
    // voice input: a sort of the thing described after its amount is no second thing
    [
      '我要买猫粮一带还有猫沙三代就是豆腐的那种然后猫条两和',
      [
        ['猫粮', 1, '袋'],
        ['猫砂', 3, '袋'],
        ['猫条', 2, '盒'],
      ],
    ],
    // English mixed in: the thing replaced is not bought
    ['Sorry 改下：not 土豆 but 红薯, 还是3斤', [['红薯', 3, '斤']]],
    // a word that heads the kinds listed after it
    [
      '粽子帮我带点，鲜肉粽四只，豆沙粽两只',
      [
        ['鲜肉粽', 4, '只'],
        ['豆沙粽', 2, '只'],
      ],
    ],
  ])('%s', (text, want) => {
    expect(brief(text)).toEqual(want)
  })

  it.each([
    [
      '鸡蛋一盒，再来点葱',
      [
        ['鸡蛋', 1, '盒'],
        ['葱', null, null],
      ],
    ],
    [
      '米线两包，酸菜一袋，泡椒也要一点',
      [
        ['米线', 2, '包'],
        ['酸菜', 1, '袋'],
        ['泡椒', null, null],
      ],
    ],
    [
      '要：牛奶、面包、鸡蛋',
      [
        ['牛奶', null, null],
        ['面包', null, null],
        ['鸡蛋', null, null],
      ],
    ],
    [
      '五花肉两斤，豆腐一块，再随便带点时令蔬菜',
      [
        ['五花肉', 2, '斤'],
        ['豆腐', 1, '块'],
        ['时令蔬菜', null, null],
      ],
    ],
  ])('%s keeps what it asks for without an amount', (text, want) => {
    expect(brief(text)).toEqual(want)
  })

  it('a thing with its amount is never weighed', () => {
    const seen: string[] = []
    watchMentions((_f, it) => seen.push(it.name))
    try {
      parseShoppingList(normalize('鸡蛋一盒，再来点葱'))
    } finally {
      watchMentions(null)
    }
    expect(seen).toEqual(['葱'])
  })

  it('with the weighing switched off by a model that leans nowhere, the rules alone decide', () => {
    const text = '粽子帮我带点，鲜肉粽四只，豆沙粽两只'
    useMentionsModel({ weights: new Map(), threshold: 0.6 })
    try {
      expect(brief(text)).toEqual([
        ['粽子', null, null],
        ['鲜肉粽', 4, '只'],
        ['豆沙粽', 2, '只'],
      ])
    } finally {
      useMentionsModel(null)
    }
    expect(brief(text)).toEqual([
      ['鲜肉粽', 4, '只'],
      ['豆沙粽', 2, '只'],
    ])
  })
})

describe('the features of a mention', () => {
  it('show no line breaks, tabs or halves of an emoji (the model file is one feature a line)', () => {
    const all: string[] = []
    watchMentions((f) => all.push(...f))
    try {
      parseShoppingList(normalize('🍉\t西瓜\n🥬青菜 再来点\t香菜🌿\n鸡蛋一盒'))
    } finally {
      watchMentions(null)
    }
    expect(all.length).toBeGreaterThan(0)
    for (const f of all) {
      expect(f).not.toMatch(/[\t\n\r]/)
      expect(f).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/)
    }
  })

  it('are weighed as a logistic regression: unknown features weigh nothing', () => {
    const model = readMentionsModel('@threshold 0.5\nbias\t2\nn:葱\t-5\n')
    expect(talkProbability(model, ['bias'])).toBeCloseTo(1 / (1 + Math.exp(-2)), 12)
    expect(talkProbability(model, ['bias', 'n:葱', 'unknown'])).toBeCloseTo(1 / (1 + Math.exp(3)), 12)
  })
})

describe('the model file', () => {
  it('reads comments, the threshold and feature lines', () => {
    const m = readMentionsModel('# a comment\n@threshold 0.6\nr2:的那\t2.0213\nl1:_\t-0.5\n')
    expect(m.threshold).toBe(0.6)
    expect(m.weights.get('r2:的那')).toBe(2.0213)
    expect(m.weights.get('l1:_')).toBe(-0.5)
  })

  it('names the file and line of a malformed weight', () => {
    expect(() => readMentionsModel('@threshold 0.6\nbias\t0.1\nn:葱 oops\n', 'data/model/x.tsv')).toThrow(DataFileError)
    expect(() => readMentionsModel('@threshold 0.6\nbias\t0.1\nn:葱 oops\n', 'data/model/x.tsv')).toThrow('data/model/x.tsv:3')
  })

  it('refuses a file without a threshold between 0 and 1', () => {
    expect(() => readMentionsModel('bias\t0.1\n', 'data/model/x.tsv')).toThrow(/@threshold/)
    expect(() => readMentionsModel('@threshold 1.5\nbias\t0.1\n', 'data/model/x.tsv')).toThrow(/@threshold/)
  })
})
