// Regression floors for the list parser on every labelled list set: data/eval/lists-heldout.jsonl
// and each fresh-writer round data/eval/rounds/lists-*.jsonl. Item F1 and orders exact are
// computed with the item rules of the shared scorer (../shared/eval/score.mjs: a name matches when
// one contains the other, qty and unit exactly, items matched one to one in order), on the
// messages labelled grocery or pet — the parser's part: which messages are lists at all is the
// category model's, scored by `npm run eval`. The floors sit a little below what the parser
// reaches, and may only rise (docs/rounds.md has the first-sight figures of each round).
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { normalize } from '../classifiers/normalize.ts'
import { parseShoppingList, type OrderItem } from '../classifiers/shopping-list/index.ts'

interface GoldItem {
  name: string
  qty: number | null
  unit: string | null
}
interface Gold {
  id: string
  text: string
  category: string
  items?: GoldItem[]
}

/** Floors per set: item F1 and the share of orders whose items are all exactly right. */
const FLOORS: Record<string, { itemF1: number; orderExact: number }> = {
  // (lowered on purpose with lists-44 and -48, by one order each: "几根", "几个" now keep their unit
  // with no number; these writers labelled no unit, while of the items the parser now reads so in
  // every round the writers gave 17 their unit and 3 none, and eleven other rounds rose)
  // (item F1 lowered on purpose on lists-16, -30 and -44 by one or two items each, and lists-16's
  // orders exact by one order: a 接龙 line's 桃子, 柚子, 皮子 now stays as the line writes it
  // instead of taking the header's 水蜜桃, 沙田柚, 手擀饺子皮; these writers labelled the header's
  // name, while in six other rounds the writers kept the line's own word — 柚子 under 沙田柚, 兔子
  // under 鲜兔 — and those rose by an order each)
  'lists-heldout.jsonl': { itemF1: 0.985, orderExact: 0.975 },
  'lists-01.jsonl': { itemF1: 0.98, orderExact: 0.95 },
  'lists-02.jsonl': { itemF1: 0.975, orderExact: 0.905 },
  'lists-03.jsonl': { itemF1: 0.95, orderExact: 0.87 },
  'lists-04.jsonl': { itemF1: 0.96, orderExact: 0.845 },
  'lists-05.jsonl': { itemF1: 0.95, orderExact: 0.87 },
  'lists-06.jsonl': { itemF1: 0.96, orderExact: 0.885 },
  'lists-07.jsonl': { itemF1: 0.955, orderExact: 0.88 },
  'lists-08.jsonl': { itemF1: 0.97, orderExact: 0.875 },
  'lists-09.jsonl': { itemF1: 0.96, orderExact: 0.88 },
  // (lowered on purpose from 0.97 / 0.87, by one order: English names of two words are kept as
  // written, "Coke zero", where this writer gave 零度可乐; with that reading the list sets as a whole
  // rose by 21 orders, the writers of the rounds keeping such names as written more often than not)
  'lists-10.jsonl': { itemF1: 0.965, orderExact: 0.865 },
  'lists-11.jsonl': { itemF1: 0.975, orderExact: 0.89 },
  'lists-12.jsonl': { itemF1: 0.97, orderExact: 0.915 },
  'lists-13.jsonl': { itemF1: 0.94, orderExact: 0.8 },
  'lists-14.jsonl': { itemF1: 0.97, orderExact: 0.885 },
  'lists-15.jsonl': { itemF1: 0.955, orderExact: 0.845 },
  'lists-16.jsonl': { itemF1: 0.955, orderExact: 0.85 },
  'lists-17.jsonl': { itemF1: 0.95, orderExact: 0.845 },
  'lists-18.jsonl': { itemF1: 0.975, orderExact: 0.9 },
  'lists-19.jsonl': { itemF1: 0.965, orderExact: 0.87 },
  'lists-20.jsonl': { itemF1: 0.95, orderExact: 0.815 },
  'lists-21.jsonl': { itemF1: 0.965, orderExact: 0.89 },
  'lists-22.jsonl': { itemF1: 0.955, orderExact: 0.88 },
  'lists-23.jsonl': { itemF1: 0.96, orderExact: 0.875 },
  'lists-24.jsonl': { itemF1: 0.965, orderExact: 0.87 },
  'lists-25.jsonl': { itemF1: 0.96, orderExact: 0.86 },
  'lists-26.jsonl': { itemF1: 0.945, orderExact: 0.865 },
  'lists-27.jsonl': { itemF1: 0.96, orderExact: 0.86 },
  'lists-28.jsonl': { itemF1: 0.955, orderExact: 0.83 },
  'lists-29.jsonl': { itemF1: 0.96, orderExact: 0.865 },
  'lists-30.jsonl': { itemF1: 0.905, orderExact: 0.73 },
  'lists-31.jsonl': { itemF1: 0.96, orderExact: 0.875 },
  // (item F1 lowered from 0.945 to 0.94, on purpose: since 接龙 of lettered sets are read, the one
  // there gives its seven orders as "A1" with no unit, where its writer wrote 份 and lists-26's
  // writer, in the same format, none; the orders exact floor is kept)
  'lists-32.jsonl': { itemF1: 0.95, orderExact: 0.87 },
  'lists-33.jsonl': { itemF1: 0.965, orderExact: 0.855 },
  'lists-34.jsonl': { itemF1: 0.96, orderExact: 0.89 },
  'lists-35.jsonl': { itemF1: 0.96, orderExact: 0.89 },
  'lists-36.jsonl': { itemF1: 0.96, orderExact: 0.885 },
  'lists-37.jsonl': { itemF1: 0.945, orderExact: 0.85 },
  'lists-38.jsonl': { itemF1: 0.945, orderExact: 0.82 },
  'lists-39.jsonl': { itemF1: 0.96, orderExact: 0.855 },
  'lists-40.jsonl': { itemF1: 0.89, orderExact: 0.735 },
  'lists-41.jsonl': { itemF1: 0.975, orderExact: 0.9 },
  'lists-42.jsonl': { itemF1: 0.955, orderExact: 0.855 },
  'lists-43.jsonl': { itemF1: 0.945, orderExact: 0.835 },
  // (lowered with lists-heldout's: a few in a unit)
  'lists-44.jsonl': { itemF1: 0.93, orderExact: 0.81 },
  'lists-45.jsonl': { itemF1: 0.935, orderExact: 0.865 },
  'lists-46.jsonl': { itemF1: 0.95, orderExact: 0.865 },
  'lists-47.jsonl': { itemF1: 0.95, orderExact: 0.79 },
  // (lowered with lists-heldout's: a few in a unit)
  'lists-48.jsonl': { itemF1: 0.95, orderExact: 0.82 },
  'lists-49.jsonl': { itemF1: 0.95, orderExact: 0.845 },
  'lists-50.jsonl': { itemF1: 0.955, orderExact: 0.85 },
  'lists-51.jsonl': { itemF1: 0.96, orderExact: 0.835 },
  'lists-52.jsonl': { itemF1: 0.925, orderExact: 0.8 },
  'lists-53.jsonl': { itemF1: 0.97, orderExact: 0.845 },
  'lists-54.jsonl': { itemF1: 0.96, orderExact: 0.855 },
  'lists-55.jsonl': { itemF1: 0.935, orderExact: 0.77 },
  'lists-56.jsonl': { itemF1: 0.965, orderExact: 0.865 },
  'lists-57.jsonl': { itemF1: 0.97, orderExact: 0.895 },
  'lists-58.jsonl': { itemF1: 0.945, orderExact: 0.81 },
  'lists-59.jsonl': { itemF1: 0.94, orderExact: 0.825 },
  'lists-60.jsonl': { itemF1: 0.93, orderExact: 0.78 },
  'lists-61.jsonl': { itemF1: 0.945, orderExact: 0.79 },
  'lists-62.jsonl': { itemF1: 0.96, orderExact: 0.865 },
  'lists-63.jsonl': { itemF1: 0.955, orderExact: 0.87 },
  'lists-64.jsonl': { itemF1: 0.965, orderExact: 0.875 },
  'lists-65.jsonl': { itemF1: 0.945, orderExact: 0.86 },
  'lists-66.jsonl': { itemF1: 0.94, orderExact: 0.8 },
  'lists-67.jsonl': { itemF1: 0.955, orderExact: 0.88 },
  'lists-68.jsonl': { itemF1: 0.945, orderExact: 0.86 },
  'lists-69.jsonl': { itemF1: 0.925, orderExact: 0.75 },
  'lists-70.jsonl': { itemF1: 0.945, orderExact: 0.83 },
  'lists-71.jsonl': { itemF1: 0.935, orderExact: 0.765 },
  'lists-72.jsonl': { itemF1: 0.935, orderExact: 0.825 },
  'lists-73.jsonl': { itemF1: 0.95, orderExact: 0.845 },
  'lists-74.jsonl': { itemF1: 0.96, orderExact: 0.87 },
  'lists-75.jsonl': { itemF1: 0.96, orderExact: 0.92 },
  'lists-76.jsonl': { itemF1: 0.94, orderExact: 0.845 },
  'lists-77.jsonl': { itemF1: 0.965, orderExact: 0.875 },
  'lists-78.jsonl': { itemF1: 0.95, orderExact: 0.87 },
  'lists-79.jsonl': { itemF1: 0.945, orderExact: 0.885 },
  'lists-80.jsonl': { itemF1: 0.95, orderExact: 0.86 },
  'lists-81.jsonl': { itemF1: 0.97, orderExact: 0.905 },
  'lists-82.jsonl': { itemF1: 0.94, orderExact: 0.845 },
  'lists-83.jsonl': { itemF1: 0.94, orderExact: 0.82 },
  'lists-84.jsonl': { itemF1: 0.94, orderExact: 0.87 },
  'lists-85.jsonl': { itemF1: 0.945, orderExact: 0.82 },
  'lists-86.jsonl': { itemF1: 0.97, orderExact: 0.905 },
  'lists-87.jsonl': { itemF1: 0.96, orderExact: 0.835 },
  'lists-88.jsonl': { itemF1: 0.945, orderExact: 0.85 },
  'lists-89.jsonl': { itemF1: 0.95, orderExact: 0.84 },
  'lists-90.jsonl': { itemF1: 0.945, orderExact: 0.835 },
  'lists-91.jsonl': { itemF1: 0.955, orderExact: 0.86 },
  'lists-92.jsonl': { itemF1: 0.91, orderExact: 0.76 },
  'lists-93.jsonl': { itemF1: 0.94, orderExact: 0.825 },
  'lists-94.jsonl': { itemF1: 0.935, orderExact: 0.815 },
  'lists-95.jsonl': { itemF1: 0.965, orderExact: 0.885 },
  'lists-96.jsonl': { itemF1: 0.955, orderExact: 0.845 },
  'lists-97.jsonl': { itemF1: 0.965, orderExact: 0.85 },
  'lists-98.jsonl': { itemF1: 0.96, orderExact: 0.87 },
  'lists-99.jsonl': { itemF1: 0.955, orderExact: 0.865 },
  'lists-100.jsonl': { itemF1: 0.95, orderExact: 0.865 },
  'lists-101.jsonl': { itemF1: 0.96, orderExact: 0.875 },
  'lists-102.jsonl': { itemF1: 0.97, orderExact: 0.91 },
  'lists-103.jsonl': { itemF1: 0.97, orderExact: 0.9 },
  'lists-104.jsonl': { itemF1: 0.98, orderExact: 0.955 },
  'lists-105.jsonl': { itemF1: 0.975, orderExact: 0.915 },
  'lists-106.jsonl': { itemF1: 0.96, orderExact: 0.9 },
  'lists-107.jsonl': { itemF1: 0.965, orderExact: 0.91 },
  'lists-108.jsonl': { itemF1: 0.97, orderExact: 0.935 },
  'lists-109.jsonl': { itemF1: 0.97, orderExact: 0.89 },
  'lists-110.jsonl': { itemF1: 0.925, orderExact: 0.805 },
  'lists-111.jsonl': { itemF1: 0.915, orderExact: 0.755 },
  'lists-112.jsonl': { itemF1: 0.965, orderExact: 0.905 },
  'lists-113.jsonl': { itemF1: 0.955, orderExact: 0.85 },
  'lists-114.jsonl': { itemF1: 0.945, orderExact: 0.85 },
  'lists-115.jsonl': { itemF1: 0.935, orderExact: 0.82 },
  'lists-116.jsonl': { itemF1: 0.965, orderExact: 0.875 },
  'lists-117.jsonl': { itemF1: 0.945, orderExact: 0.82 },
  'lists-118.jsonl': { itemF1: 0.95, orderExact: 0.855 },
  'lists-119.jsonl': { itemF1: 0.96, orderExact: 0.865 },
  'lists-120.jsonl': { itemF1: 0.965, orderExact: 0.89 },
  'lists-121.jsonl': { itemF1: 0.945, orderExact: 0.86 },
  'lists-122.jsonl': { itemF1: 0.96, orderExact: 0.885 },
  'lists-123.jsonl': { itemF1: 0.95, orderExact: 0.84 },
  'lists-124.jsonl': { itemF1: 0.97, orderExact: 0.87 },
  'lists-125.jsonl': { itemF1: 0.935, orderExact: 0.8 },
  'lists-126.jsonl': { itemF1: 0.915, orderExact: 0.765 },
  'lists-127.jsonl': { itemF1: 0.945, orderExact: 0.83 },
  'lists-128.jsonl': { itemF1: 0.94, orderExact: 0.81 },
  'lists-129.jsonl': { itemF1: 0.945, orderExact: 0.845 },
  'lists-130.jsonl': { itemF1: 0.96, orderExact: 0.865 },
  'lists-131.jsonl': { itemF1: 0.95, orderExact: 0.87 },
  'lists-132.jsonl': { itemF1: 0.905, orderExact: 0.805 },
  'lists-133.jsonl': { itemF1: 0.955, orderExact: 0.865 },
  'lists-134.jsonl': { itemF1: 0.945, orderExact: 0.835 },
  'lists-135.jsonl': { itemF1: 0.95, orderExact: 0.87 },
  'lists-136.jsonl': { itemF1: 0.925, orderExact: 0.825 },
  'lists-137.jsonl': { itemF1: 0.92, orderExact: 0.69 },
  'lists-138.jsonl': { itemF1: 0.945, orderExact: 0.825 },
  'lists-139.jsonl': { itemF1: 0.965, orderExact: 0.87 },
  'lists-140.jsonl': { itemF1: 0.94, orderExact: 0.82 },
  'lists-141.jsonl': { itemF1: 0.96, orderExact: 0.855 },
  'lists-142.jsonl': { itemF1: 0.935, orderExact: 0.795 },
  'lists-143.jsonl': { itemF1: 0.93, orderExact: 0.81 },
  'lists-144.jsonl': { itemF1: 0.915, orderExact: 0.785 },
  'lists-145.jsonl': { itemF1: 0.955, orderExact: 0.86 },
  'lists-146.jsonl': { itemF1: 0.975, orderExact: 0.9 },
  'lists-147.jsonl': { itemF1: 0.97, orderExact: 0.895 },
  'lists-148.jsonl': { itemF1: 0.95, orderExact: 0.825 },
  'lists-149.jsonl': { itemF1: 0.95, orderExact: 0.825 },
}

const EVAL = new URL('../data/eval/', import.meta.url)
const ROUNDS = new URL('rounds/', EVAL)
const SETS: Array<[string, URL]> = [
  ['lists-heldout.jsonl', new URL('lists-heldout.jsonl', EVAL)],
  ...readdirSync(ROUNDS)
    .filter((f) => /^lists-\d+\.jsonl$/.test(f))
    .sort()
    .map((f): [string, URL] => [f, new URL(f, ROUNDS)]),
]

const read = (url: URL): Gold[] =>
  readFileSync(url, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as Gold)

// the shared scorer's item rules
const nameMatches = (a: string, b: string) => {
  const x = a.trim(),
    y = b.trim()
  return x !== '' && y !== '' && (x.includes(y) || y.includes(x))
}
const qtyMatches = (a: number | null, b: number | null) =>
  (a == null && b == null) || (typeof a === 'number' && typeof b === 'number' && Math.abs(a - b) < 1e-9)
const itemMatches = (g: GoldItem, p: GoldItem) =>
  nameMatches(g.name, p.name) && qtyMatches(g.qty, p.qty) && (g.unit ?? null) === (p.unit ?? null)
function hits(gold: GoldItem[], pred: GoldItem[]): number {
  const used = new Set<number>()
  let n = 0
  for (const g of gold) {
    const j = pred.findIndex((p, k) => !used.has(k) && itemMatches(g, p))
    if (j >= 0) {
      used.add(j)
      n++
    }
  }
  return n
}

/** The things to buy, as `triage classify` gives them (removals go apart). */
const toBuy = (text: string): OrderItem[] => parseShoppingList(normalize(text)).filter((i) => i.op !== 'remove')

export function scoreLists(rows: Gold[]): { itemF1: number; orderExact: number; orders: number } {
  let gold = 0,
    pred = 0,
    hit = 0,
    orders = 0,
    exact = 0
  for (const r of rows) {
    if (r.category !== 'grocery' && r.category !== 'pet') continue
    const g = r.items ?? []
    const p = toBuy(r.text)
    if (g.length === 0 && p.length === 0) continue
    const h = hits(g, p)
    gold += g.length
    pred += p.length
    hit += h
    orders++
    if (h === g.length && g.length === p.length) exact++
  }
  const precision = pred ? hit / pred : 0
  const recall = gold ? hit / gold : 0
  return {
    itemF1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0,
    orderExact: orders ? exact / orders : 1,
    orders,
  }
}

describe('list sets', () => {
  it('every list round has a floor', () => {
    for (const [name] of SETS) expect(FLOORS[name], `add a floor for ${name}`).toBeDefined()
  })

  for (const [name, url] of SETS) {
    it(`${name}: item F1 and orders exact stay above their floors`, () => {
      const r = scoreLists(read(url))
      expect(r.orders).toBeGreaterThan(100)
      expect(r.itemF1).toBeGreaterThanOrEqual(FLOORS[name].itemF1)
      expect(r.orderExact).toBeGreaterThanOrEqual(FLOORS[name].orderExact)
    })
  }

  it("the item rules are the shared scorer's (checked against it when it is beside the project)", async () => {
    const shared = new URL('../../shared/eval/score.mjs', import.meta.url)
    if (!existsSync(shared)) return
    const { score } = (await import(shared.href)) as { score: (g: object[], p: object[]) => { itemF1: number; orderExact: number } }
    const rows = read(SETS[0][1]).filter((r) => r.category === 'grocery' || r.category === 'pet')
    const theirs = score(
      rows,
      rows.map((r) => ({ id: r.id, category: r.category, urgent: false, items: toBuy(r.text) })),
    )
    const ours = scoreLists(rows)
    expect(ours.itemF1).toBeCloseTo(theirs.itemF1, 9)
    expect(ours.orderExact).toBeCloseTo(theirs.orderExact, 9)
  })
})
