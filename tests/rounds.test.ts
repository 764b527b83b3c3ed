// Regression floors on every fresh-writer triage round and calm proxy (data/eval/rounds/,
// data/eval/calm/). First-sight figures are history (docs/rounds.md); these floors keep what was
// reached afterwards from sliding back. A floor may only rise; a new set without one fails.
import { readFileSync, readdirSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import { triage } from '../classifiers/triage.ts'
import { score, type GoldRow } from '../tools/score.ts'

const ROUNDS = new URL('../data/eval/rounds/', import.meta.url)
const CALM = new URL('../data/eval/calm/', import.meta.url)
const FLOORS = parse(readFileSync(new URL('floors.yaml', ROUNDS), 'utf8')) as Record<string, Record<string, number>>
/** Figures where lower is better: the floor is a ceiling. */
const CEILINGS = new Set(['possibleRate', 'falseAlarmsPer5000'])

const read = (url: URL): GoldRow[] =>
  readFileSync(url, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as GoldRow)
const sets: [string, URL][] = [
  ...readdirSync(ROUNDS)
    .filter((f) => /^triage-\d+\.jsonl$/.test(f))
    .sort()
    .map((f): [string, URL] => [f.replace('.jsonl', ''), new URL(f, ROUNDS)]),
  ...readdirSync(CALM)
    .filter((f) => f.endsWith('.jsonl'))
    .sort()
    .map((f): [string, URL] => [f.replace('.jsonl', ''), new URL(f, CALM)]),
]

describe('fresh-writer rounds and calm proxies', () => {
  it('every set has floors', () => {
    for (const [name] of sets) expect(FLOORS[name], `add floors for ${name} in data/eval/rounds/floors.yaml`).toBeDefined()
  })
  for (const [name, url] of sets) {
    it(`${name} stays at or above its floors`, () => {
      const gold = read(url)
      const preds = gold.map((g) => {
        const r = triage(g.text)
        return { id: g.id, category: r.category, urgent: r.urgent, possibleUrgent: r.possibleUrgent, labels: r.labels, items: r.items }
      })
      const f = score(gold, preds)
      const figures: Record<string, number> = { ...f, falseAlarmsPer5000: f.falseAlarmRate * 5000 }
      for (const [key, floor] of Object.entries(FLOORS[name] ?? {})) {
        if (CEILINGS.has(key)) expect(figures[key], `${name} ${key}`).toBeLessThanOrEqual(floor)
        else expect(figures[key], `${name} ${key}`).toBeGreaterThanOrEqual(floor)
      }
    }, 60_000)
  }
})
