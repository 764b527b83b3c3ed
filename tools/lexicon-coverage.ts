// How much of a round's goods vocabulary the lexicon knows: the share of gold item names that the
// list tokenizer reads as known goods words end to end (a misheard or pinyin name repaired by
// sound counts as known; an unknown word anywhere in the name does not). The target is
// at most 10 % unknown at first sight; an unknown name must still parse (tests/lists-rounds).
//
//   npx tsx tools/lexicon-coverage.ts data/eval/rounds/lists-07.jsonl …
import { readFileSync } from 'node:fs'
import { normalize } from '../classifiers/normalize.ts'
import { T_GOODS } from '../classifiers/shopping-list/kinds.ts'
import { STAGE, tokenize } from '../classifiers/shopping-list/tokens.ts'

/** Is every letter of the name covered by goods tokens (or a formula stage: 3段)? */
export function knownName(name: string): boolean {
  const s = normalize(name).replace(/\s+/g, '')
  if (!s) return false
  const toks = tokenize(s)
  let covered = 0
  for (const t of toks) {
    if (t.k === T_GOODS || t.f & STAGE) covered += t.e - t.s
    else return false
  }
  return covered === s.length
}

export function coverage(file: string): { names: number; unknown: number; examples: string[] } {
  let names = 0
  const unknown: string[] = []
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (!line.trim()) continue
    const r = JSON.parse(line) as { category: string; items?: Array<{ name: string }> }
    if (r.category !== 'grocery' && r.category !== 'pet') continue
    for (const it of r.items ?? []) {
      names++
      if (!knownName(it.name)) unknown.push(it.name)
    }
  }
  return { names, unknown: unknown.length, examples: unknown.slice(0, 12) }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const f of process.argv.slice(2)) {
    const c = coverage(f)
    process.stdout.write(
      `${f.split('/').pop()}: ${c.names} 个商品名,词表不认识 ${c.unknown} 个 (${((100 * c.unknown) / c.names).toFixed(1)} %);例如 ${c.examples.join('、')}\n`,
    )
  }
}
