// Properties of the list parser on generated text in the styles residents write: dialect
// function words, voice-to-text fillers and heard-alike units, regional and unknown names,
// numerals of every kind, 接龙 lines with doors, corrections.
//   - it never throws, whatever it is given;
//   - every quantity derives from a numeral in the text, by LABELS.md's rules;
//   - no name is made only of function words, and every name comes from the text.
// The seed changes every run; PROP_RUNS=20000 runs the two reading properties that many times,
// to look for the rare counterexample before CI meets it.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { normalize } from '../classifiers/normalize.ts'
import { scanNumber } from '../classifiers/numerals.ts'
import { parseShoppingList, type OrderItem } from '../classifiers/shopping-list/index.ts'
import { UNIT_WORDS, goodsFiles, listFiles } from '../classifiers/shopping-list/lexicon.ts'
import { nameFromText } from './helpers/names-from-text.ts'

const GOODS = [
  '土豆',
  '鸡蛋',
  '猫粮',
  '豆腐猫砂',
  '落苏',
  '薯仔',
  '洋柿子',
  '儿菜',
  '菜头',
  '出前一丁',
  '金龙鱼花生油',
  '纸尿裤',
  '塌棵菜',
  '石斛花',
  '鸡旦',
  '白莱',
  'rice',
  'tudou',
]
const DIALECT = [
  '同',
  '仲有',
  '同埋',
  '莫得',
  '冇',
  '冇得',
  '整',
  '也要得',
  '也中',
  '都得',
  '伐',
  '阿拉',
  '侬',
  '俺',
  '唔要',
  '伐要了',
  '若无',
  '嘅话',
  '噻',
  '哈',
  '啊',
  '嗯',
  '那个',
  '就是',
  '然后',
  '还有',
  '再要',
  '帮我买',
  '想卖',
  '想麦',
]
const NUMS = [
  '1',
  '2',
  '3',
  '12',
  '1.5',
  '一',
  '两',
  '三',
  '十',
  '二十',
  '半',
  '两三',
  '三到四',
  '七八',
  '俩',
  '仨',
  '廿',
  '一斤半',
  '斤半',
  'one',
  'half',
  '几',
]
const UNITS = [
  '斤',
  '个',
  '袋',
  '盒',
  '瓶',
  '箱',
  '包',
  '把',
  '两',
  'kg',
  'g',
  '打',
  '代',
  '和',
  '今',
  '平',
  '题',
  '同',
  '相',
  'jin',
  'bag',
  '',
]
const SEPS = ['、', '，', ' ', '\n', '；', '。', '/', '：', '(', ')', '1. ', '2、', '①', '']
const WORDS = [
  '不要',
  '不要了',
  '删掉',
  '换成',
  '改成',
  '不是',
  '是',
  '哦不对',
  '各',
  '每样',
  '都是',
  '单位是',
  '按',
  '的',
  '那种',
  '装',
  '没有',
  '的话',
  '也行',
  '或者',
  '接龙',
  '3-2-502',
  '七栋一单元601',
  '5座12楼A',
  '王姐',
  '139****2741',
  '@团长',
  '😭',
  '谢谢',
  '\u200b',
  'x',
  '*',
]

const token = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...GOODS) },
  { weight: 3, arbitrary: fc.constantFrom(...DIALECT) },
  { weight: 3, arbitrary: fc.constantFrom(...NUMS) },
  { weight: 3, arbitrary: fc.constantFrom(...UNITS) },
  { weight: 3, arbitrary: fc.constantFrom(...SEPS) },
  { weight: 2, arbitrary: fc.constantFrom(...WORDS) },
  { weight: 1, arbitrary: fc.integer({ min: 0x4e00, max: 0x9fff }).map((c) => String.fromCharCode(c)) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 3 }) },
)
const listish = fc.array(token, { maxLength: 60 }).map((a) => a.join(''))
/** A 接龙: a header, then numbered lines with doors. */
const jielong = fc
  .tuple(
    fc.array(token, { maxLength: 8 }),
    fc.array(fc.tuple(fc.constantFrom('3-1-101', '12栋2单元302', '7#1-201', '5座8楼D', '801'), fc.array(token, { maxLength: 8 })), {
      maxLength: 6,
    }),
  )
  .map(([h, lines]) => ['【接龙】' + h.join(''), ...lines.map(([door, t], i) => `${i + 1}. ${door} ${t.join('')}`)].join('\n'))

// ---------------------------------------------------------------------------
// Which amounts a text can give, by LABELS.md

// (a buying word then a bare unit of the units file, "买坛", "来袋", "买嚿", "送斤": one of it — the
// verbs tagged `one` in fillers.txt, and the heard ones)
const BARE_UNITS = UNIT_WORDS.filter((u) => /^[\u4e00-\u9fff]$/.test(u))
const ONE_VERBS = listFiles
  .get('fillers')!
  .entries.filter((e) => e.tags.includes('one'))
  .map((e) => e.word)
const BARE_CLASSIFIER = new RegExp(
  `(?:${[...ONE_VERBS, '购', '整', '称', '捎', '搞', '弄', '来', '要', '想卖', '想麦', '再麦', '要麦'].join('|')})(?:${[...BARE_UNITS, '尾', '株', '大', '小', '整'].join('|')})`,
)
const ENGLISH: Record<string, number> = Object.fromEntries(listFiles.get('number-words')!.entries.map((e) => [e.word, Number(e.canon)]))
const SPECIAL: Array<[RegExp, number]> = [
  [/俩/, 2],
  [/仨/, 3],
  [/廿/, 20],
  [/[斤个只根颗把条块份袋盒瓶包]半/, 1.5],
  [/[斤两个][把几]/, 1], // 斤把: about one 斤
  [/\u{1f51f}/u, 10], // the keycap emoji 🔟 inside a line is the number it shows
]
/** After a word that asks for more ("再加一盒"), an amount may be the sum of two. */
const MORE_WORDS = listFiles
  .get('amount-changes')!
  .entries.filter((e) => e.tags.includes('more'))
  .map((e) => e.word)

/** Every amount the numerals of a text can stand for: n, n + ½ (一斤半), n × 12 (一打), ½ (半) … */
function derivable(text: string): Set<number> {
  const out = new Set<number>([0.5])
  const add = (v: number) => {
    for (const x of [v, v + 0.5, v * 12, (v + 0.5) * 12]) out.add(x)
  }
  if (BARE_CLASSIFIER.test(text)) out.add(1)
  for (const [re, v] of SPECIAL) if (re.test(text)) add(v)
  for (const w of text.toLowerCase().split(/[^a-z]+/)) if (w in ENGLISH) add(ENGLISH[w])
  for (let i = 0; i < text.length; i++) {
    const r = scanNumber(text, i)
    if (!r || r.value === null) continue
    add(r.value)
    // a Chinese run may be read shorter when a unit or 两 cuts it: every prefix of it counts too
    for (let j = i + 1; j < r.end; j++) {
      const p = scanNumber(text.slice(i, j), 0)
      if (p && p.value !== null) add(p.value)
    }
  }
  if (MORE_WORDS.some((w) => text.includes(w))) {
    const values = [...out]
    for (const a of values) for (const b of values) out.add(a + b)
  }
  // "一斤二两", "斤半三两": a weight in 斤 and 两 is one amount in 斤 (tokens.ts jinAndLiang)
  // "1/3斤": a fraction written with a slash
  for (const m of text.matchAll(/(\d+)\s*\/\s*(\d+)/g)) if (Number(m[2]) > 0) add(Number(m[1]) / Number(m[2]))
  if (JIN_THEN_LIANG.test(text)) {
    const values = [...out]
    for (const a of values) for (const b of values) out.add(Math.round((a + b / 10) * 1000) / 1000)
  }
  return out
}
// (斤 typed in pinyin too: "十jin两两")
const JIN_THEN_LIANG = /(?:斤|jin)[半]?\s*[\d一二三四五六七八九十两俩]+\s*两/i

// ---------------------------------------------------------------------------
// Function words: a name must not be made only of them

const FUNCTION_WORDS = new Set<string>()
for (const name of ['fillers', 'separators', 'keywords', 'notes', 'counters', 'money'])
  for (const e of listFiles.get(name)!.entries) FUNCTION_WORDS.add(e.word)
const GOODS_WORDS = new Set<string>()
for (const f of goodsFiles.values()) for (const e of f.entries) GOODS_WORDS.add(e.word)

/** Can the name be cut entirely into function words (none of which is also a goods word)? */
function onlyFunctionWords(name: string): boolean {
  // (a goods word whole is a name, whatever its letters are on their own: 大白菜, not 大 白 菜)
  if (GOODS_WORDS.has(name)) return false
  const ok: boolean[] = new Array(name.length + 1).fill(false)
  ok[0] = true
  for (let i = 0; i < name.length; i++) {
    if (!ok[i]) continue
    for (let j = i + 1; j <= name.length && j - i <= 8; j++) {
      const w = name.slice(i, j)
      if (FUNCTION_WORDS.has(w) && !GOODS_WORDS.has(w)) ok[j] = true
    }
  }
  return ok[name.length]
}

/** Names come from the text (tests/helpers/names-from-text.ts). */
const fromText = nameFromText

function check(text: string, items: OrderItem[]): void {
  const amounts = derivable(text)
  for (const it of items) {
    expect(typeof it.name).toBe('string')
    expect(it.name.trim().length, JSON.stringify(it)).toBeGreaterThan(0)
    expect(fromText(it.name, text), `${it.name} in ${JSON.stringify(text)}`).toBe(true)
    expect(onlyFunctionWords(it.name), `${it.name} is only function words in ${JSON.stringify(text)}`).toBe(false)
    // (a few in a unit, "丝瓜几根", keeps the unit with no number)
    if (it.qty === null) expect(it.unit === null || text.includes('几')).toBe(true)
    else {
      expect(Number.isFinite(it.qty)).toBe(true)
      expect(amounts.has(it.qty), `${it.qty} from ${JSON.stringify(text)}`).toBe(true)
    }
    for (const a of it.alternatives) expect(fromText(a, text)).toBe(true)
  }
}

describe('list parser properties', () => {
  it('never throws, on anything (unicode, emoji, lone surrogates, very long text)', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ maxLength: 5000 }),
          fc.string({ unit: 'grapheme', maxLength: 1000 }),
          fc.string({ unit: 'binary', maxLength: 1000 }),
          listish,
          jielong,
        ),
        (s) => {
          expect(Array.isArray(parseShoppingList(s))).toBe(true)
          expect(Array.isArray(parseShoppingList(normalize(s)))).toBe(true)
        },
      ),
      { numRuns: 400 },
    )
  })

  it('dialect and voice-to-text lists: amounts from numerals, names from the text, never only function words', () => {
    fc.assert(
      fc.property(listish, (raw) => {
        const text = normalize(raw)
        check(text, parseShoppingList(text))
      }),
      { numRuns: Number(process.env.PROP_RUNS ?? 1500) },
    )
  })

  it('接龙 by several households: the same, line by line', () => {
    fc.assert(
      fc.property(jielong, (raw) => {
        const text = normalize(raw)
        check(text, parseShoppingList(text))
      }),
      { numRuns: Number(process.env.PROP_RUNS ?? 500) },
    )
  })

  it('is deterministic', () => {
    fc.assert(
      fc.property(fc.oneof(listish, jielong), (text) => {
        expect(parseShoppingList(text)).toEqual(parseShoppingList(text))
      }),
      { numRuns: 200 },
    )
  })
})
