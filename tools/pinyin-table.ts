// Writes data/dict/pinyin.txt: every common CJK character under each of its readings, without
// tones. The list parser uses it to repair what voice input misheard ("朱肉" for 猪肉, "两关" for
// 两罐): two words sound alike when their syllables match. The table is a data file so the
// runtime needs no pinyin library; tests/pinyin-table.test.ts checks it matches this generator.
//
//   npm run pinyin-table            write the file
//   npm run pinyin-table -- --check exit 1 when the file differs from what would be written
import { readFileSync, writeFileSync } from 'node:fs'
import { pinyin } from 'pinyin-pro'

export const PINYIN_FILE = new URL('../data/dict/pinyin.txt', import.meta.url)

/** The table's text: one line per syllable, its characters in code-point order. */
export function pinyinTable(): string {
  const bySyllable = new Map<string, string[]>()
  // the CJK Unified Ideographs block as GB 18030 and Unicode 1.1 have it (一 … 龥)
  for (let c = 0x4e00; c <= 0x9fa5; c++) {
    const ch = String.fromCharCode(c)
    const readings = pinyin(ch, { toneType: 'none', type: 'array', multiple: true, v: true })
    for (const r of new Set(readings)) {
      if (!/^[a-z]+$/.test(r)) continue // no reading known
      const list = bySyllable.get(r) ?? []
      list.push(ch)
      bySyllable.set(r, list)
    }
  }
  const lines = [...bySyllable.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([syllable, chars]) => `${syllable}\t${chars.join('')}`)
  return (
    '# syllable<TAB>characters read so (toneless pinyin, ü as v); written by `npm run pinyin-table`\n' +
    '# from pinyin-pro. Used by the list parser to match what voice input misheard.\n' +
    lines.join('\n') +
    '\n'
  )
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const text = pinyinTable()
  if (process.argv.includes('--check')) {
    const same = readFileSync(PINYIN_FILE, 'utf8') === text
    process.stderr.write(same ? 'pinyin.txt 与生成结果一致\n' : 'pinyin.txt 与生成结果不一致:请运行 npm run pinyin-table\n')
    process.exit(same ? 0 : 1)
  }
  writeFileSync(PINYIN_FILE, text)
  process.stderr.write(`已写入 ${PINYIN_FILE.pathname}\n`)
}
