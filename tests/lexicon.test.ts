// The list parser's word files (data/dict/goods/, data/dict/lists/): every kind of goods is read
// as items, every example a file carries parses as it says, and a missing or malformed file
// stops loading with an error that names the file and the line.
import { mkdtempSync, writeFileSync, mkdirSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { describe, expect, it } from 'vitest'
import { normalize } from '../classifiers/normalize.ts'
import { parseShoppingList } from '../classifiers/shopping-list/index.ts'
import { readTable, readWordFile, LexiconFileError } from '../classifiers/shopping-list/data-files.ts'
import { GOODS_KINDS, goodsFiles, listFiles } from '../classifiers/shopping-list/lexicon.ts'

const parse = (text: string) => parseShoppingList(normalize(text))
// (what is bought: a withdrawal of a thing never ordered, "辣椒就别买了", stays out of the list as it does in triage)
const brief = (text: string) =>
  parse(text)
    .filter((i) => i.op !== 'remove')
    .map((i) => [i.name, i.qty, i.unit])

describe('goods by kind', () => {
  it('has one file per kind', () => {
    expect([...goodsFiles.keys()]).toEqual([...GOODS_KINDS])
  })

  for (const kind of GOODS_KINDS) {
    it(`${kind}: every name is one item, with the amount before or after it`, () => {
      const f = goodsFiles.get(kind)!
      expect(f.entries.length).toBeGreaterThan(20)
      const wrong: string[] = []
      for (const e of f.entries) {
        const want = e.canon ?? e.word
        // (a name of English words is written with _ for the space between them: "cat_litter")
        const word = e.word.replace(/_/g, ' ')
        // (an emoji stands for the thing only with its amount right after it: "🍉一个")
        const emoji = /^\p{Extended_Pictographic}/u.test(word)
        for (const text of emoji ? [`${word}两份`] : [`${word}两份`, `帮我买3份${word}`]) {
          const got = parseShoppingList(text)
          if (got.length !== 1 || got[0].name !== want) wrong.push(`${text} → ${JSON.stringify(got.map((i) => i.name))}`)
        }
      }
      expect(wrong).toEqual([])
    })
  }
})

describe('examples carried by the word files', () => {
  const files = [...goodsFiles.values(), ...listFiles.values()]
  const examples = files.flatMap((f) => f.examples.map((x) => ({ ...x, file: f.file })))
  it.each(examples.map((x) => [`${x.file}:${x.line} ${x.text}`, x] as const))('%s', (_name, x) => {
    expect(brief(x.text)).toEqual(x.items)
  })
})

describe('loading', () => {
  const dir = mkdtempSync(join(tmpdir(), 'lgj-dict-'))
  mkdirSync(join(dir, 'goods'))
  const url = pathToFileURL(dir + '/')
  const write = (name: string, text: string) => writeFileSync(join(dir, name), text)
  const error = (fn: () => unknown): LexiconFileError => {
    try {
      fn()
    } catch (err) {
      if (err instanceof LexiconFileError) return err
      throw err
    }
    throw new Error('no error')
  }

  it('a missing file is an error naming it', () => {
    const err = error(() => readWordFile('goods/nowhere.txt', [], false, url))
    expect(err.message).toMatch(/^data\/dict\/goods\/nowhere\.txt: missing/)
  })

  it('an unknown tag, a repeated word, a broken alias or example names the file and line', () => {
    write('goods/bad-tag.txt', '# x\n土豆\n西红柿 fruit\n')
    expect(error(() => readWordFile('goods/bad-tag.txt', ['brand'], true, url)).message).toMatch(
      /^data\/dict\/goods\/bad-tag\.txt:3: unknown tag "fruit"/,
    )
    write('goods/dup.txt', '土豆\n\n土豆 brand\n')
    expect(error(() => readWordFile('goods/dup.txt', ['brand'], true, url)).message).toMatch(
      /^data\/dict\/goods\/dup\.txt:3: "土豆" is already on line 1/,
    )
    write('goods/alias.txt', '鸡蛋\n鸡旦 =\n')
    expect(error(() => readWordFile('goods/alias.txt', [], true, url)).message).toMatch(/alias\.txt:2:/)
    expect(error(() => readWordFile('goods/alias.txt', [], false, url)).message).toMatch(/alias\.txt:2:/)
    write('goods/example.txt', '土豆\n> 土豆三斤 => 土豆 three 斤\n')
    expect(error(() => readWordFile('goods/example.txt', [], false, url)).message).toMatch(/example\.txt:2: an example item/)
    write('goods/arrow.txt', '土豆\n> 土豆三斤\n')
    expect(error(() => readWordFile('goods/arrow.txt', [], false, url)).message).toMatch(/arrow\.txt:2:/)
  })

  it('an empty file is an error, not an empty dictionary', () => {
    write('goods/empty.txt', '# nothing yet\n\n')
    expect(error(() => readWordFile('goods/empty.txt', [], false, url)).message).toMatch(/empty\.txt: has no entries/)
  })

  it('a table row with the wrong number of columns names the line', () => {
    write('units.txt', '斤 斤 measure\n两 两\n')
    expect(error(() => readTable('units.txt', 3, 3, url)).message).toMatch(/^data\/dict\/units\.txt:2: expected 3 columns, found 2/)
  })

  it('reads comments after entries, aliases, tags and examples', () => {
    write('goods/ok.txt', '# produce\n洋芋   # 西南\n白莱 = 白菜 weak\n金龙鱼 brand\n> 洋芋三斤 => 洋芋 3 斤\n> 停水了 =>\n')
    const f = readWordFile('goods/ok.txt', ['brand', 'weak'], true, url)
    expect(f.entries.map((e) => [e.word, e.canon, e.tags])).toEqual([
      ['洋芋', null, []],
      ['白莱', '白菜', ['weak']],
      ['金龙鱼', null, ['brand']],
    ])
    expect(f.examples.map((x) => [x.text, x.items])).toEqual([
      ['洋芋三斤', [['洋芋', 3, '斤']]],
      ['停水了', []],
    ])
  })
})

describe('lexicon coverage (tools/lexicon-coverage.ts)', () => {
  it('a name is known when goods words cover it end to end', async () => {
    const { knownName } = await import('../tools/lexicon-coverage.ts')
    expect(knownName('猪肉')).toBe(true)
    expect(knownName('飞鹤星飞帆3段')).toBe(true)
    // an unknown word anywhere leaves it unknown (it must still parse: tests/lists-rounds)
    expect(knownName('冷吃蛙')).toBe(false)
    expect(knownName('雪花勇闯天涯')).toBe(false)
  })
})
