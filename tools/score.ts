// The figures of ../shared/eval/score.mjs, computed in-repo so that tests can hold floors on
// the evaluation sets on any clone (tests/score-agrees.test.ts checks that both agree when the
// shared scorer is present). Same matching rules: a name matches when one contains the other,
// quantities and units exactly, items matched greedily one to one.
import { CATEGORIES } from '../classifiers/types.ts'

export interface GoldItem {
  name: string
  qty: number | null
  unit: string | null
}
export interface GoldRow {
  id: string
  text: string
  category: string
  urgent: boolean
  labels?: string[]
  items?: GoldItem[]
}
export interface PredRow {
  id: string
  category: string
  urgent: boolean
  possibleUrgent?: boolean
  labels?: string[]
  items?: GoldItem[]
}

export interface Figures {
  messages: number
  accuracy: number
  macroF1: number
  urgentRecall: number
  urgentPrecision: number
  urgentSupport: number
  urgentOrPossibleRecall: number
  possibleRate: number
  /** calm messages flagged urgent, as a share of calm messages */
  falseAlarmRate: number
  itemF1: number
  orderExact: number
  orderMessages: number
}

/** The shared scorer's name rule: one name contains the other. */
export const nameMatches = (a: unknown, b: unknown) => {
  const x = String(a ?? '').trim(),
    y = String(b ?? '').trim()
  return x !== '' && y !== '' && (x.includes(y) || y.includes(x))
}
const qtyMatches = (a: unknown, b: unknown) =>
  (a == null && b == null) || (typeof a === 'number' && typeof b === 'number' && Math.abs(a - b) < 1e-9)
const itemMatches = (g: GoldItem, p: GoldItem) =>
  nameMatches(g.name, p.name) && qtyMatches(g.qty, p.qty) && (g.unit ?? null) === (p.unit ?? null)

function matchItems(gold: readonly GoldItem[], pred: readonly GoldItem[]): number {
  const used = new Set<number>()
  let hit = 0
  for (const g of gold) {
    const j = pred.findIndex((p, k) => !used.has(k) && itemMatches(g, p))
    if (j >= 0) {
      used.add(j)
      hit++
    }
  }
  return hit
}

export function score(gold: readonly GoldRow[], preds: readonly PredRow[]): Figures {
  const byId = new Map(preds.map((p) => [String(p.id), p]))
  const confusion = new Map<string, Map<string, number>>(CATEGORIES.map((c) => [c, new Map(CATEGORIES.map((d) => [d, 0]))]))
  let correct = 0,
    tp = 0,
    fp = 0,
    fn = 0,
    soft = 0,
    calm = 0,
    softFlagged = 0,
    calmUrgent = 0
  let itemsGold = 0,
    itemsPred = 0,
    itemsHit = 0,
    orders = 0,
    exact = 0
  for (const g of gold) {
    const p = byId.get(String(g.id))
    const pc = p && (CATEGORIES as readonly string[]).includes(p.category) ? p.category : 'other'
    const row = confusion.get(g.category)
    if (row) row.set(pc, (row.get(pc) ?? 0) + 1)
    if (p && pc === g.category) correct++
    const pu = p?.urgent === true
    if (g.urgent && (pu || p?.possibleUrgent === true)) soft++
    if (!g.urgent) {
      calm++
      if (!pu && p?.possibleUrgent === true) softFlagged++
      if (pu) calmUrgent++
    }
    if (g.urgent && pu) tp++
    else if (g.urgent) fn++
    else if (pu) fp++
    const gi = g.items ?? [],
      pi = Array.isArray(p?.items) ? p.items : []
    if (gi.length || pi.length) {
      orders++
      const hit = matchItems(gi, pi)
      itemsGold += gi.length
      itemsPred += pi.length
      itemsHit += hit
      if (hit === gi.length && gi.length === pi.length) exact++
    }
  }
  let f1sum = 0,
    f1n = 0
  for (const c of CATEGORIES) {
    const ctp = confusion.get(c)?.get(c) ?? 0
    let cfp = 0,
      cfn = 0
    for (const d of CATEGORIES)
      if (d !== c) {
        cfp += confusion.get(d)?.get(c) ?? 0
        cfn += confusion.get(c)?.get(d) ?? 0
      }
    const pr = ctp + cfp ? ctp / (ctp + cfp) : 0,
      rc = ctp + cfn ? ctp / (ctp + cfn) : 0
    if (ctp + cfn > 0) {
      f1sum += pr + rc ? (2 * pr * rc) / (pr + rc) : 0
      f1n++
    }
  }
  const ip = itemsPred ? itemsHit / itemsPred : 0,
    ir = itemsGold ? itemsHit / itemsGold : 0
  return {
    messages: gold.length,
    accuracy: gold.length ? correct / gold.length : 1,
    macroF1: f1n ? f1sum / f1n : 0,
    urgentRecall: tp + fn ? tp / (tp + fn) : 1,
    urgentPrecision: tp + fp ? tp / (tp + fp) : 1,
    urgentSupport: tp + fn,
    urgentOrPossibleRecall: tp + fn ? soft / (tp + fn) : 1,
    possibleRate: calm ? softFlagged / calm : 0,
    falseAlarmRate: calm ? calmUrgent / calm : 0,
    itemF1: ip + ir ? (2 * ip * ir) / (ip + ir) : 0,
    orderExact: orders ? exact / orders : 1,
    orderMessages: orders,
  }
}
