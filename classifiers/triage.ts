// triage(text): one message in, one triage record out (LABELS.md). Pure: no I/O at call
// time, no clock; the model and dictionaries are loaded once with the modules.
//
//   normalise → noise rules → urgency rules → category model (natural NB) + rule evidence
//   → labels in priority order → cancellation → items (grocery/pet) and location
import { normalize } from './normalize.ts'
import { assessUrgency } from './urgency.ts'
import { scoreText } from './category-model.ts'
import { FeatureSet, extractFeatures } from './features.ts'
import { scoreLinear } from './linear-model.ts'
import { CUES } from './cues.ts'
import {
  PET_SUPPLY, PEOPLE_GROCERY, GAS_CYLINDER, PET_SUBJECT, HUMAN_PATIENT, JIELONG_ENTRY,
  analyze, isCancellation, isJielong, isNoise, type Facts,
  isOffer, remoteWorry, isInfoQuestion, NEED_EVIDENCE, asksForSelf,
} from './rules.ts'
import { parseShoppingList, type OrderItem } from './shopping-list.ts'
import { parseLocation, type Location } from './location.ts'

import { CATEGORIES, NEEDS, PRIORITY, type Category, type EmergencyKind, type Need } from './types.ts'
import { canonical } from './dialect.ts'
export { CATEGORIES, type Category, type EmergencyKind }

export interface TriageResult {
  category: Category
  labels: Category[]
  urgent: boolean
  /** a possible emergency below the urgent threshold: a steward should look (P1, no public reply) */
  possibleUrgent: boolean
  emergency: EmergencyKind | null
  confidence: number
  needsReview: boolean
  cancels: boolean
  items: OrderItem[]
  location: Location | null
  text: string
}


/** Which category an emergency belongs to, when the model has not already said so. */
const EMERGENCY_CATEGORY: Record<EmergencyKind, Need | null> = {
  medical: 'medical', fire: 'repair', gas: 'repair', flood: 'repair', trapped: null, violence: null, suicide: 'emotional', missing: null,
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
    category: 'other', labels: ['other'], urgent: false, possibleUrgent: false, emergency: null, confidence: 1, needsReview: false,
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
  const canon = canonical(text)
  const urgency = assessUrgency(canon)
  const facts = analyze(text)
  const scores = { ...scoreText(text, facts), pUrgent: linearScores(canon, urgency, facts).pUrgent }
  const prob = new Map<Category, number>()
  scores.classes.forEach((c, i) => prob.set(c, scores.probs[i]))
  const p = (c: Category) => prob.get(c) ?? 0

  // the model's primary guess
  let best: Category = 'other'
  for (const c of scores.classes) if (p(c) > p(best)) best = c

  // urgency: the rules for what is certain, the model for recall; below the urgent threshold a
  // second one marks a possible emergency for a steward to look at
  const pUrgent = scores.pUrgent
  const urgent = urgency.urgent || pUrgent >= URGENT_AT
  const possibleUrgent = !urgent && pUrgent >= POSSIBLE_AT
  const emergency: EmergencyKind | null = urgency.urgent ? urgency.emergency : urgent ? modelEmergency(urgency, best) : null

  // long commentary (news, cheering, opinion) that reports no problem of the writer's own
  const commentary = facts.commentary >= 1.5 && !facts.personal && !urgent
  if (commentary && best !== 'other' && p(best) < COMMENTARY_KEEP) best = 'other'

  // needs: the primary guess, the emergency's category, and secondary labels on clear cue evidence
  const needs = new Set<Need>()
  if (best !== 'other') needs.add(best)
  if (urgent && emergency) {
    const ec = EMERGENCY_CATEGORY[emergency]
    if (ec && !(ec === 'emotional' && needs.has('medical'))) needs.add(ec)
    // a lift with people inside is the building's (LABELS.md); a missing person, violence or a
    // child alone stay `other` unless the message carries another need — and are urgent all the same
    if (needs.size === 0 && emergency === 'trapped' && LIFT.test(text)) needs.add('repair')
  }
  // talk of suicide alone (no injury or overdose cue) is the person's state of mind, not a medical case
  if (urgency.urgent && urgency.emergency === 'suicide' && urgency.responses.every((k) => k === 'suicide')) {
    needs.delete('medical')
    needs.add('emotional')
  }
  // a missing person is `other` (LABELS.md): the dementia or the age that makes it urgent is not a
  // medical request of its own
  if (urgency.urgent && urgency.responses.every((k) => k === 'missing') && !facts.strong.medical) needs.delete('medical')
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

  const settled = urgent ? null : applyNeedRules(text, facts, needs)
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
  if (urgent && category !== 'other') confidence = Math.max(confidence, 0.9)

  // cancellation: withdraws or resolves an earlier need
  const cancels = !urgent && !possibleUrgent && isCancellation(text)
  if (cancels) {
    return result(text, { confidence: 0.9, cancels: true, location })
  }

  // review is for help-seeking messages that fit no category with confidence: not for offers,
  // information questions, notices or far-away worries
  const asks = (facts.request || facts.first) && !settled && !facts.notice && !facts.info
  const needsReview = asks && !urgent && (category === 'other'
    ? anyCue(facts) && !commentary && facts.needAsk && (facts.personal || asksForSelf(text))
    : confidence < REVIEW_BELOW)
  if (category === 'other') confidence = Math.max(confidence, 1 - maxNeedProb(p))

  const items = labels.includes('grocery') || labels.includes('pet') ? safeItems(text) : []
  return {
    category,
    labels,
    urgent,
    possibleUrgent,
    emergency,
    confidence: clamp01(confidence),
    needsReview,
    cancels: false,
    items,
    location,
    text,
  }
}

const LIFT = /电梯|䢂|升降机|lift|elevator/
/** Probability of urgency from the model at or above which a message is urgent / possibly urgent. */
const URGENT_AT = 0.5
const POSSIBLE_AT = 0.25

/**
 * The kind of an emergency the model found and the rules did not: the response of a cue that
 * matched but was switched off, else what the category implies (emotional → the crisis path).
 */
function modelEmergency(u: ReturnType<typeof assessUrgency>, best: Category): EmergencyKind | null {
  const off = u.suppressed[0]
  if (off) {
    const cue = CUE_BY_KIND.get(off.slice(0, off.indexOf(':')))
    if (cue) return cue.response
  }
  return best === 'medical' ? 'medical' : best === 'emotional' ? 'suicide' : null
}

const CUE_BY_KIND = new Map(CUES.map((c) => [c.kind, c]))
const FEATURES = new FeatureSet()
function linearScores(canon: string, urgency: ReturnType<typeof assessUrgency>, facts: Facts) {
  extractFeatures(canon, urgency, facts, FEATURES)
  const sc = scoreLinear(FEATURES.ids)
  FEATURES.clear()
  const cat = sc.softmax.get('category') as Map<string, number>
  const classes = [...cat.keys()] as Category[]
  const labelProbs = new Map<Category, number>()
  for (const n of NEEDS) labelProbs.set(n, sc.binary.get('label:' + n) ?? 0)
  return { classes, probs: classes.map((c) => cat.get(c) ?? 0), labelProbs, known: 0, pUrgent: sc.binary.get('urgent') ?? 0 }
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
