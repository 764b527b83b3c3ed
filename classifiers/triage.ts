// triage(text): one message in, one triage record out (LABELS.md). Pure: no I/O at call
// time, no clock; the model and dictionaries are loaded once with the modules.
//
//   normalise → noise rules → urgency rules → category model (natural NB) + rule evidence
//   → labels in priority order → cancellation → items (grocery/pet) and location
import { normalize } from './normalize.ts'
import { assessUrgency } from './urgency.ts'
import { scoreText } from './category-model.ts'
import {
  PET_SUPPLY, PEOPLE_GROCERY, GAS_CYLINDER, PET_SUBJECT, HUMAN_PATIENT, JIELONG_ENTRY,
  analyze, isCancellation, isJielong, isNoise, type Facts,
  isOffer, remoteWorry, isInfoQuestion, NEED_EVIDENCE, asksForSelf,
} from './rules.ts'
import { parseShoppingList, type OrderItem } from './shopping-list/index.ts'
import { parseLocation, type Location } from './location.ts'

export type Category = 'medical' | 'grocery' | 'repair' | 'pet' | 'emotional' | 'other'
/** Priority order: a message with several needs is filed under the first of them. */
export const CATEGORIES: readonly Category[] = Object.freeze(['medical', 'repair', 'grocery', 'pet', 'emotional', 'other'] as const)
export type EmergencyKind = 'medical' | 'fire' | 'gas' | 'flood' | 'trapped' | 'violence' | 'suicide'

export interface TriageResult {
  category: Category
  labels: Category[]
  urgent: boolean
  emergency: EmergencyKind | null
  confidence: number
  needsReview: boolean
  cancels: boolean
  items: OrderItem[]
  location: Location | null
  text: string
}

type Need = Exclude<Category, 'other'>
const NEEDS: readonly Need[] = ['medical', 'repair', 'grocery', 'pet', 'emotional']
const PRIORITY: Record<Category, number> = { medical: 0, repair: 1, grocery: 2, pet: 3, emotional: 4, other: 5 }

/** Which category an emergency belongs to, when the model has not already said so. */
const EMERGENCY_CATEGORY: Record<EmergencyKind, Need | null> = {
  medical: 'medical', fire: 'repair', gas: 'repair', flood: 'repair', trapped: null, violence: null, suicide: 'emotional',
}

// Thresholds (tuned on the corpus by cross-validation, see tests/triage.test.ts for behaviour)
/** A secondary label needs a strong cue and at least this model probability. */
const SECONDARY_MIN_PROB = 0.5
const SECONDARY_OUTRANK_PROB = 0.9
const SECONDARY_MODEL_ONLY = 0.9
const EMOTIONAL_ALONE = 0.5
const UNFILED_ASK = 0.7
/** Below this the primary guess is shaky; a help-seeking message is then flagged for review. */
const REVIEW_BELOW = 0.55
/** Long commentary with no first-person problem goes to other unless the model is this sure. */
const COMMENTARY_KEEP = 0.97

function result(text: string, partial: Partial<TriageResult>): TriageResult {
  return {
    category: 'other', labels: ['other'], urgent: false, emergency: null, confidence: 1, needsReview: false,
    cancels: false, items: [], location: null, text, ...partial,
  }
}

export function triage(input: string): TriageResult {
  let text = ''
  try {
    text = normalize(typeof input === 'string' ? input : String(input ?? ''))
    return classify(text)
  } catch {
    // never throw: a message we cannot read goes to a human
    return result(text, { confidence: 0, needsReview: text.length > 0 })
  }
}

function safeLocation(text: string): Location | null {
  try { return parseLocation(text) } catch { return null }
}

function safeItems(text: string): OrderItem[] {
  try {
    const items = parseShoppingList(text)
    return Array.isArray(items) ? items : []
  } catch {
    return []
  }
}

function classify(text: string): TriageResult {
  if (isNoise(text) || isJielong(text)) {
    return result(text, { confidence: 0.99, location: isNoise(text) ? null : safeLocation(text) })
  }
  const location = safeLocation(text)
  const urgency = assessUrgency(text)
  const facts = analyze(text)
  const scores = scoreText(text, facts)
  const prob = new Map<Category, number>()
  scores.classes.forEach((c, i) => prob.set(c, scores.probs[i]))
  const p = (c: Category) => prob.get(c) ?? 0

  // the model's primary guess
  let best: Category = 'other'
  for (const c of scores.classes) if (p(c) > p(best)) best = c

  // long commentary (news, cheering, opinion) that reports no problem of the writer's own
  const commentary = facts.commentary >= 1.5 && !facts.personal && !urgency.urgent
  if (commentary && best !== 'other' && p(best) < COMMENTARY_KEEP) best = 'other'

  // needs: the primary guess, the emergency's category, and secondary labels on clear cue evidence
  const needs = new Set<Need>()
  if (best !== 'other') needs.add(best)
  if (urgency.urgent && urgency.emergency) {
    const ec = EMERGENCY_CATEGORY[urgency.emergency]
    if (ec && !(ec === 'emotional' && needs.has('medical'))) needs.add(ec)
    if (needs.size === 0) needs.add(urgency.emergency === 'trapped' && /电梯|𨋢/.test(text) ? 'repair' : 'medical')
  }
  // talk of suicide alone (no injury or overdose cue) is the person's state of mind, not a medical case
  if (urgency.urgent && urgency.emergency === 'suicide' && urgency.cues.every((c) => c.startsWith('suicide'))) {
    needs.delete('medical')
    needs.add('emotional')
  }
  if (needs.size > 0 && !commentary) {
    for (const c of NEEDS) {
      if (needs.has(c)) continue
      const lp = scores.labelProbs.get(c) ?? 0
      // a secondary label needs the label model and cue evidence; one that would outrank
      // the model's primary needs more (it changes the category)
      const outranks = [...needs].every((x) => PRIORITY[c] < PRIORITY[x])
      const min = outranks ? SECONDARY_OUTRANK_PROB : SECONDARY_MIN_PROB
      if (lp < min) continue
      if (!(facts.strong[c] || (lp >= SECONDARY_MODEL_ONLY && facts.cue[c]))) continue
      needs.add(c)
    }
  }

  const settled = urgency.urgent ? null : applyNeedRules(text, facts, needs)
  // an explicit ask with clear cue evidence for one need, that the model filed under other
  if (needs.size === 0 && !settled && !commentary && facts.needAsk && !facts.info) {
    let bestNeed: Need | null = null
    let bestP = UNFILED_ASK
    for (const c of NEEDS) {
      const lp = scores.labelProbs.get(c) ?? 0
      if (facts.strong[c] && lp >= bestP) { bestNeed = c; bestP = lp }
    }
    if (bestNeed) needs.add(bestNeed)
  }
  // distress with no other need: the model often files it under other
  if (needs.size === 0 && !settled && !commentary && facts.strong.emotional && (scores.labelProbs.get('emotional') ?? 0) >= EMOTIONAL_ALONE) needs.add('emotional')

  const labels: Category[] = needs.size ? [...needs].sort((a, b) => PRIORITY[a] - PRIORITY[b]) : ['other']
  let category = labels[0]
  let confidence = p(category)
  if (urgency.urgent && category !== 'other') confidence = Math.max(confidence, 0.9)

  // cancellation: withdraws or resolves an earlier need
  const cancels = !urgency.urgent && isCancellation(text)
  if (cancels) {
    return result(text, { confidence: 0.9, cancels: true, location })
  }

  // review is for help-seeking messages that fit no category with confidence: not for offers,
  // information questions, notices or far-away worries
  const asks = (facts.request || facts.first) && !settled && !facts.notice && !facts.info
  const needsReview = asks && !urgency.urgent && (category === 'other'
    ? anyCue(facts) && !commentary && facts.needAsk && (facts.personal || asksForSelf(text))
    : confidence < REVIEW_BELOW)
  if (category === 'other') confidence = Math.max(confidence, 1 - maxNeedProb(p))

  const items = labels.includes('grocery') || labels.includes('pet') ? safeItems(text) : []
  return {
    category,
    labels,
    urgent: urgency.urgent,
    emergency: urgency.urgent ? urgency.emergency : null,
    confidence: clamp01(confidence),
    needsReview,
    cancels: false,
    items,
    location,
    text,
  }
}

/**
 * Rules that beat the model on who and what a need is for (each covered by tests):
 *  - pet supplies only → pet; pet supplies and people's groceries → both
 *  - a gas-cylinder refill is grocery, not repair
 *  - a medical cue about an animal is the pet's
 *  - information questions, notices, ads and 接龙 entries ask for nothing → other
 */
function applyNeedRules(text: string, facts: Facts, needs: Set<Need>): Settled {
  // a neighbour offering goods or help asks for nothing
  if (isOffer(text)) { needs.clear(); return 'offer' }
  // worry about family far away: nobody here can act on it
  const remote = remoteWorry(text)
  if (remote) {
    const felt = remote === 'emotional' || needs.has('emotional')
    needs.clear()
    if (felt) needs.add('emotional')
    return 'remote'
  }
  // schedule and policy questions are information, not needs
  if (isInfoQuestion(text, facts)) { needs.clear(); return 'info' }
  // a need needs evidence: a cue word of its category, or an order/fault/ask form
  // (short thread replies like "我家还没到" carry none)
  for (const c of [...needs]) {
    if (facts.cue[c] || facts.strong[c]) continue
    if (c === 'emotional' ? text.length < 12 : !NEED_EVIDENCE.test(text)) needs.delete(c)
  }
  if (facts.petSupply) {
    needs.add('pet')
    if (!PEOPLE_GROCERY.test(text.replace(PET_SUPPLY_ALL, ''))) needs.delete('grocery')
  }
  if (GAS_CYLINDER.test(text) && needs.has('repair') && !/味|漏|泄|坏|修/.test(text)) {
    needs.delete('repair')
    needs.add('grocery')
  }
  if (needs.has('medical') && PET_SUBJECT.test(text) && !HUMAN_PATIENT.test(text)) {
    needs.delete('medical')
    needs.add('pet')
  }
  const asksFor = facts.needAsk || facts.first
  if ((facts.info && !facts.needAsk) || (facts.notice && !asksFor) || (JIELONG_ENTRY.test(text) && !anyCue(facts))) {
    needs.clear()
  }
  return null
}
type Settled = 'offer' | 'remote' | 'info' | null
const PET_SUPPLY_ALL = new RegExp(PET_SUPPLY.source, 'g')

function anyCue(facts: Facts): boolean {
  for (const c of NEEDS) if (facts.cue[c]) return true
  return false
}

function maxNeedProb(p: (c: Category) => number): number {
  let m = 0
  for (const c of NEEDS) m = Math.max(m, p(c))
  return m
}

function clamp01(x: number): number {
  return Number.isFinite(x) ? Math.min(1, Math.max(0, x)) : 0
}
