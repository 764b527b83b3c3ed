// The rule both list-parser property tests hold every item name to: a name is taken from the
// text, never made up. It may be written as meant where the lexicon knows an alias ("鸡旦 =
// 鸡蛋"), where voice input misheard it (it then sounds like the text: "朱肉" → 猪肉, with an
// accent "牛乃" → 牛奶), where a look-alike letter was typed ("士豆" → 土豆), where it was
// typed in pinyin ("doufu", "dou fu" → 豆腐) or in its pinyin initials ("xhs" → 西红柿), or
// where it was said twice in a row ("豌豆尖豌豆尖" is read once).
import { goodsFiles } from '../../classifiers/shopping-list/lexicon.ts'
import { initialsGoods, pinyinGoods, soundsAlike } from '../../classifiers/shopping-list/sound.ts'
import { looksAlike } from '../../classifiers/shopping-list/shape.ts'

/** The names an alias in the goods files stands for. */
const ALIASES: Array<[string, string]> = []
for (const f of goodsFiles.values()) for (const e of f.entries) if (e.canon) ALIASES.push([e.word, e.canon])

export function nameFromText(name: string, text: string): boolean {
  // (brackets in either width: the reading writes "土豆(菜头)" as 土豆（菜头）)
  const flat = widths(text.replace(/\s+/g, ''))
  name = widths(name.replace(/\s+/g, ''))
  if (flat.includes(name)) return true
  // (84 by itself is the disinfectant: shopping-list/message.ts)
  if (name === '84消毒液' && flat.includes('84')) return true
  // (a name glossed in other words, "土豆（花生）": each word from the text (shopping-list/message.ts))
  const gloss = /^([^（）]+)（([^（）]+)）$/.exec(name)
  if (gloss) return nameFromText(gloss[1], text) && nameFromText(gloss[2], text)
  // (a brand closed by 的 before its product is one name: "蓝月亮的洗衣液" is 蓝月亮洗衣液)
  if (/[的嘅额噶]/.test(flat) && flat.replace(/[的嘅额噶]/g, '').includes(name)) return true
  // (a run written again straight after itself is read once: "鸡旦鸡旦" is 鸡旦, then 鸡蛋)
  const once = flat.replace(/(.{2,10}?)\1/gu, '$1')
  if (once !== flat && nameFromText(name, once)) return true
  // (a brand written after its product goes before it: "洗衣液蓝月亮一桶" is 蓝月亮洗衣液)
  for (let i = 2; i + 2 <= name.length; i++) {
    const brand = flat.indexOf(name.slice(0, i))
    const product = flat.indexOf(name.slice(i))
    if (brand >= 0 && product >= 0 && product < brand) return true
  }
  // write the aliases the text contains the way they are meant (all of them, or one at a time:
  // two may overlap, "整鸡旦")
  // (English aliases in any case: the parser reads "TEA" as tea)
  const lower = flat.toLowerCase()
  const found = ALIASES.filter(([alias]) => lower.includes(alias))
  const versions = [
    found.reduce((t, [alias, canon]) => t.split(alias).join(canon), lower),
    ...found.map(([alias, canon]) => lower.split(alias).join(canon)),
  ]
  // (or one occurrence only: the reading may cut "整鸡旦鸡旦" as 整鸡 旦 鸡旦)
  for (const [alias, canon] of found)
    for (let at = lower.indexOf(alias); at >= 0; at = lower.indexOf(alias, at + 1))
      versions.push(lower.slice(0, at) + canon + lower.slice(at + alias.length))
  // (and 的 between a brand and its product once the aliases are read: "石斛花的鸡旦")
  if (/[的嘅额噶]/.test(flat)) versions.push(...versions.map((v) => v.replace(/[的嘅额噶]/g, '')))
  if (versions.some((v) => v.includes(name) || v.toLowerCase().includes(name.toLowerCase()))) return true
  // (heard with an accent, or typed with a look-alike letter: 牛乃 → 牛奶, 士豆 → 土豆; in the
  // text as written or with its aliases read: "代白莱" is 代白菜, heard as 大白菜)
  for (const v of [flat, ...versions])
    for (let at = 0; at + name.length <= v.length; at++) {
      const w = v.slice(at, at + name.length)
      if (soundsAlike(w, name, true) || looksAlike(w, name)) return true
    }
  // or it was typed in pinyin ("doufu" → 豆腐), or in its initials ("xhs" → 西红柿)
  for (const w of [...(text.match(/[A-Za-z]+/g) ?? []), ...(text.match(/[a-z]+(?: [a-z]+){1,3}/g) ?? []).map((r) => r.replace(/ /g, ''))]) {
    const p = pinyinGoods(w) ?? initialsGoods(w)
    if (p && (p.canon ?? p.word) === name) return true
  }
  return false
}

const widths = (s: string): string => s.replace(/\(/g, '（').replace(/\)/g, '）')
