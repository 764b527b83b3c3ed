// triage(text): one message in, one triage record out (LABELS.md). Pure: no I/O at call
// time, no clock; the model, cues and dictionaries are loaded once with the modules.
//
//   normalise → canonical reading (dialect.ts) → emergency cues (urgency.ts)
//   → learned model (category, labels, urgency probability) → urgent / possibly urgent
//   → labels in priority order → cancellation → items (grocery/pet) and location
//
// The model decides the category: the hand-written need rules it replaced (offers, far-away
// worries, commentary, secondary-label gates) cost 2.5 points of accuracy on writers the model
// never saw (tools/crossval.ts, docs/design-notes.md). What stays are rules a model cannot
// learn from examples: noise, cancellations, and what LABELS.md says an emergency is filed under.
import { normalize } from './normalize.ts'
import { familyRe } from './families.ts'
import { canonical } from './dialect.ts'
import { assessLate, assessUrgency, withLateUnless, type UrgencyResult } from './urgency.ts'
import { FeatureSet, extractFeatures } from './features.ts'
import { scoreNetwork } from './network-model.ts'
import { CUE_BY_KIND } from './cues.ts'
import { DataFileError, readYaml } from './data-file.ts'
import {
  analyze,
  asksForSelf,
  isCancellation,
  isInfoQuestion,
  isJielong,
  isNoise,
  isOffer,
  JIELONG_ENTRY,
  PEOPLE_GROCERY,
  PET_SUPPLY,
  remoteWorry,
  type Facts,
} from './rules.ts'
import { parseShoppingList, UNIT_WORDS, type OrderItem } from './shopping-list/index.ts'
import { parseLocation, type Location } from './location.ts'
import { CATEGORIES, NEEDS, PRIORITY, type Category, type EmergencyKind, type Need } from './types.ts'

export { CATEGORIES, type Category, type EmergencyKind }

export interface TriageResult {
  category: Category
  labels: Category[]
  urgent: boolean
  /** a possible emergency below the urgent threshold: a steward should look (P1, nothing public) */
  possibleUrgent: boolean
  emergency: EmergencyKind | null
  confidence: number
  needsReview: boolean
  cancels: boolean
  items: OrderItem[]
  location: Location | null
  text: string
  /** Parsers that threw on this message (caught: the message still goes to a human). Absent when none did. */
  parserErrors?: ParserError[]
}

/** A parser's exception, caught by triage. Names the parser and the error, never the text. */
export interface ParserError {
  parser: 'triage' | 'location' | 'items'
  error: string
}

/** How triage decided a message's urgency, for the thresholds' tools (tools/crossval.ts). */
export interface TriageDetail {
  result: TriageResult
  rulesUrgent: boolean
  certain: boolean
  pUrgent: number
  cues: string[]
  /** a hit of the forms added since the model was trained (`late_forms`): urgent when its kind is
   * certain, else possibly urgent, whatever the model says (it never saw them) */
  late: 'certain' | 'possible' | null
}

/**
 * Model probabilities of urgency: at or above `urgentAt` a message is urgent, at or above
 * `possibleAt` possibly urgent; a cue that fired on a message the model gives less than
 * `vetoBelow` does not count (the model has learnt which cue hits writers meant as calm: minor
 * injuries, drills, figures of speech the rules did not see), unless the cue is `certain`.
 */
export interface UrgencyThresholds {
  urgentAt: number
  possibleAt: number
  vetoBelow: number
}

/** A need other than the primary category is a label when the model gives it at least this. */
const LABEL_AT = 0.5
/** Below this the primary guess is shaky; a help-seeking message is then flagged for review. */
const REVIEW_BELOW = 0.7

const LIFT = /电梯|䢂|升降机|lift|elevator/
const PET_SUPPLY_ALL = new RegExp(PET_SUPPLY.source, 'g')
/** Written to the steward or a volunteer: a vague ask ("麻烦管家帮我看一下") is one for a person to read. */
const ASKS_STAFF = /管家|物业|楼长|网格员|志愿者/

/** data/model/urgency.yaml: the thresholds, chosen by leaving writers out (tools/crossval.ts). */
function readThresholds(): UrgencyThresholds {
  const y = readYaml('model/urgency.yaml')
  const r = (y.root ?? {}) as Record<string, unknown>
  const num = (k: string) => {
    const v = r[k]
    if (typeof v !== 'number' || !(v > 0 && v <= 1)) throw y.error([k], `${k} must be a probability in (0, 1]`)
    return v
  }
  const veto = r.veto_below
  if (veto !== undefined && (typeof veto !== 'number' || veto < 0 || veto >= 1))
    throw y.error(['veto_below'], 'veto_below must be a probability in [0, 1)')
  const t = { urgentAt: num('urgent_at'), possibleAt: num('possible_at'), vetoBelow: typeof veto === 'number' ? veto : 0 }
  if (t.possibleAt > t.urgentAt) throw y.error(['possible_at'], 'possible_at must not be above urgent_at')
  return t
}
const THRESHOLDS: UrgencyThresholds = readThresholds()

function result(text: string, partial: Partial<TriageResult>): TriageResult {
  return {
    category: 'other',
    labels: ['other'],
    urgent: false,
    possibleUrgent: false,
    emergency: null,
    confidence: 1,
    needsReview: false,
    cancels: false,
    items: [],
    location: null,
    text,
    ...partial,
  }
}

export function triage(input: string): TriageResult {
  return triageWith(input).result
}

export function triageWith(input: string, thresholds: UrgencyThresholds = THRESHOLDS): TriageDetail {
  let text = ''
  caught = []
  let detail: TriageDetail
  try {
    text = normalize(typeof input === 'string' ? input : String(input ?? ''))
    detail = classify(text, thresholds)
  } catch (err) {
    // A broken data file is a start-up error, not a message's: let it stop the process.
    if (err instanceof DataFileError) throw err
    // never throw: a message we cannot read goes to a human
    caught.push(parserError('triage', err))
    detail = {
      result: result(text, { confidence: 0, needsReview: text.length > 0 }),
      rulesUrgent: false,
      certain: false,
      pUrgent: 0,
      cues: [],
      late: null,
    }
  }
  if (caught.length) detail = { ...detail, result: { ...detail.result, parserErrors: caught } }
  caught = []
  return detail
}

/** The parser errors of the message being triaged (triage is synchronous: one message at a time). */
let caught: ParserError[] = []

function parserError(parser: ParserError['parser'], err: unknown): ParserError {
  return { parser, error: err instanceof Error ? err.name : typeof err }
}

function safeLocation(text: string): Location | null {
  try {
    return parseLocation(text)
  } catch (err) {
    caught.push(parserError('location', err))
    return null
  }
}

function safeItems(text: string): OrderItem[] {
  try {
    const items = parseShoppingList(text)
    return Array.isArray(items) ? items : []
  } catch (err) {
    caught.push(parserError('items', err))
    return []
  }
}

interface Scores {
  probs: Map<Category, number>
  labelProbs: Map<Need, number>
  pUrgent: number
}

const FEATURES = new FeatureSet()
function modelScores(canon: string, urgency: UrgencyResult, facts: Facts): Scores {
  extractFeatures(canon, urgency, facts, FEATURES)
  const sc = scoreNetwork(FEATURES.ids)
  FEATURES.clear()
  return { probs: sc.categories, labelProbs: sc.labels, pUrgent: sc.pUrgent }
}

/**
 * The kind of an emergency the model found and the rules did not: the response of a cue that
 * matched but was switched off, else what the category implies (emotional → the crisis path).
 */
/**
 * The kind of an emergency only the model flagged (no cue fired): a suppressed cue's, else the
 * category's; null when the category says nothing about it (the alert then names every number,
 * 120/119/110).
 */
function modelEmergency(u: UrgencyResult, best: Category, text: string): EmergencyKind | null {
  const off = u.suppressed.find((s) => !s.endsWith(':late-unless'))
  if (off) {
    const cue = CUE_BY_KIND.get(off.slice(0, off.indexOf(':')))
    if (cue) return cue.response
  }
  if (best === 'repair' && LIFT.test(text)) return 'trapped'
  return best === 'medical' ? 'medical' : best === 'emotional' ? 'suicide' : null
}

/** A 接龙 that raises no emergency, by the cues the model knows or the ones added since. */
const calmJielong = (canon: string) => !withLateUnless(assessUrgency(canon), canon).urgent && !assessLate(canon).urgent

function classify(text: string, thresholds: UrgencyThresholds): TriageDetail {
  if (isNoise(text))
    return { result: result(text, { confidence: 0.99 }), rulesUrgent: false, certain: false, pUrgent: 0, cues: [], late: null }
  // a 接龙 by several households is an order of each door that wrote a line (LABELS.md); a 接龙 of
  // names or of tests orders nothing — unless a line raises an emergency ("3. 2-301 先不接了！孩子
  // 被鱼丸卡住了"), which goes the whole way below like any other message
  if (isJielong(text) && calmJielong(canonical(text))) {
    const items = safeItems(text)
    const location = safeLocation(text)
    if (!items.some((i) => i.door))
      return { result: result(text, { confidence: 0.99, location }), rulesUrgent: false, certain: false, pUrgent: 0, cues: [], late: null }
    const pet = PET_SUPPLY.test(text),
      people = PEOPLE_GROCERY.test(text.replace(PET_SUPPLY_ALL, ''))
    const labels: Category[] = pet && !people ? ['pet'] : pet ? ['grocery', 'pet'] : ['grocery']
    return {
      result: result(text, { category: labels[0], labels, confidence: 0.95, items, location }),
      rulesUrgent: false,
      certain: false,
      pUrgent: 0,
      cues: [],
      late: null,
    }
  }
  const location = safeLocation(text)
  const canon = canonical(text)
  const urgency = assessUrgency(canon)
  const facts = analyze(text)
  const { probs, labelProbs, pUrgent } = modelScores(canon, urgency, facts)
  // (the model is given the rules' answer it was trained on; the decision reads the contexts learnt
  // since, `late_unless`)
  const rules = withLateUnless(urgency, canon)
  const p = (c: Category) => probs.get(c) ?? 0
  let best: Category = 'other'
  for (const c of CATEGORIES) if (p(c) > p(best)) best = c

  // urgency: the rules for what is certain, the model for recall; below the urgent threshold a
  // second one marks a possible emergency for a steward to look at
  const vetoed = rules.urgent && pUrgent < thresholds.vetoBelow && !rules.cues.some((k) => CUE_BY_KIND.get(k)?.certain)
  // forms added since the model was trained: it never saw them, so it is not asked to agree
  const lateHit = assessLate(canon)
  const late = !lateHit.urgent ? null : lateHit.cues.some((k) => CUE_BY_KIND.get(k)?.certain) ? 'certain' : 'possible'
  const urgent = (rules.urgent && !vetoed) || pUrgent >= thresholds.urgentAt || late === 'certain'
  const possibleUrgent = !urgent && (pUrgent >= thresholds.possibleAt || late === 'possible')
  const emergency: EmergencyKind | null = !urgent
    ? null
    : rules.urgent && !vetoed
      ? rules.emergency
      : late === 'certain'
        ? lateHit.emergency
        : rules.urgent
          ? rules.emergency
          : modelEmergency(rules, best, text)

  // needs: the primary guess and every other need the model gives at least LABEL_AT
  const needs = new Set<Need>()
  // what LABELS.md files under `other` whatever words it uses: a neighbour offering goods or help,
  // a question about prices, hours or rules, a bare 接龙 line with nothing to buy (leaving each
  // writer out, these cost the model nothing; the other need rules cost it 2.5 points and went)
  // ("想团点：五花肉两斤，肉丝一斤… 多少钱跟我讲": what it costs, asked beside a list the parser reads
  // as an order, is about paying for it)
  const notOrder =
    isOffer(text) ||
    isInfoQuestion(text, facts) ||
    (facts.info && !facts.needAsk && !(facts.request && readsAsOrder(text))) ||
    (JIELONG_ENTRY.test(text) && !anyCue(facts))
  if (!urgent && notOrder) best = 'other'
  // a list the parser reads as an order — things, each with its amount — is one, whatever the model
  // makes of its words (pinyin, an app's product titles, dialect, emoji bullets)
  else if (best === 'other' && !urgent && mayBeOrder(text, facts, p('grocery') + p('pet')) && readsAsOrder(text))
    best = PET_SUPPLY.test(text) && !PEOPLE_GROCERY.test(text.replace(PET_SUPPLY_ALL, '')) ? 'pet' : 'grocery'
  if (best !== 'other') {
    needs.add(best)
    // a second need also needs a word of its own in the text (medicine bought is not groceries)
    for (const c of NEEDS) if ((labelProbs.get(c) ?? 0) >= LABEL_AT && facts.cue[c]) needs.add(c)
  }
  if (urgent && rules.urgent) {
    // talk of suicide alone (no injury or overdose cue) is the person's state of mind, not a medical case
    if (rules.responses.every((k) => k === 'suicide')) {
      needs.delete('medical')
      needs.add('emotional')
    }
    // a missing person is `other` (LABELS.md): the dementia or age that makes it urgent is not a need of its own
    if (rules.responses.every((k) => k === 'missing') && !facts.strong.medical) needs.delete('medical')
  }
  // a lift with people inside is the building's (LABELS.md)
  if (urgent && needs.size === 0 && emergency === 'trapped' && LIFT.test(text)) needs.add('repair')

  const labels: Category[] = needs.size ? [...needs].sort((a, b) => PRIORITY[a] - PRIORITY[b]) : ['other']
  const category = labels[0]
  let confidence = category === 'other' ? p('other') : Math.max(p(category), labelProbs.get(category) ?? 0)
  if (urgent && category !== 'other') confidence = Math.max(confidence, 0.9)

  // cancellation: withdraws or resolves an earlier need (not a list that withdraws one thing and
  // orders others: "大白菜两棵 胡萝卜三根 香菜就不要了")
  if (!urgent && !possibleUrgent && isCancellation(text) && !ordersSomething(text)) {
    return {
      result: result(text, { confidence: 0.9, cancels: true, location }),
      rulesUrgent: false,
      certain: false,
      pUrgent,
      cues: rules.cues,
      late: null,
    }
  }

  // review is for help-seeking messages that fit no category with confidence: not for offers,
  // information questions, notices or far-away worries
  const asks = (facts.request || facts.first) && !facts.notice && !facts.info && !isOffer(text) && !remoteWorry(text)
  const needsReview =
    asks &&
    !urgent &&
    (category === 'other'
      ? (anyCue(facts) && facts.needAsk && (facts.personal || asksForSelf(text))) || (asksForSelf(text) && ASKS_STAFF.test(text))
      : confidence < REVIEW_BELOW)

  const items = labels.includes('grocery') || labels.includes('pet') ? safeItems(text) : []
  return {
    result: {
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
    },
    rulesUrgent: rules.urgent,
    certain: rules.cues.some((k) => CUE_BY_KIND.get(k)?.certain),
    pUrgent,
    cues: rules.cues,
    late,
  }
}

/** An amount in the text: a number and a unit of data/dict/units.txt, or a multiplier ("2斤", "两包", "3 jin", "x3"). */
const AMOUNT = new RegExp(
  `[\\d一二两三四五六七八九十半俩仨]\\s?(?:${[...UNIT_WORDS]
    .sort((x, y) => y.length - x.length)
    .map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('|')})|[x×*]\\s?\\d`,
  'i',
)

/**
 * The least the model must give groceries and pet supplies together before a list the parser reads
 * files as an order, where the text also tells of goods (a thing done, a price, a shop, a memory:
 * `told-not-asked`): there, amounts belong to a recipe, an inventory or a story as often. Chosen on
 * the list and triage rounds and the calm proxies: with the cancellation check beside it, lists-26
 * and -27 went from 89.2 and 90.8 % category accuracy to 94.8 %, and the calm sets (18,000 lines)
 * gained three wrong orders.
 */
const ORDER_MODEL_AT = 0.03

/**
 * May a list the parser reads be filed as an order: it is no hearsay, advice, stock count, recipe,
 * or notice that asks for nothing, and either nothing in it tells of goods rather than asks for
 * them, or the model gives it a chance (or cannot read the letters). The model alone missed bare
 * lists ("冻柿子七八个 黏豆包两袋"), dialect and corrections by writers it never saw — 13 orders of
 * the 520 in lists-137 to -139 at first sight; over every labelled set (66,639 lines) the told-words
 * test filed 113 messages right that the model had lost, and 12 wrong (talk of food, a relayed line).
 */
function mayBeOrder(text: string, f: Facts, pOrder: number): boolean {
  if (f.hearsay || f.advice || (f.notice && !f.request) || STOCK_REPORT.test(text) || RECIPE.test(text)) return false
  // (the model reads little in a message of letters: "bang wo mai 3 jin tudou")
  return !TOLD_NOT_ASKED.test(text) || pOrder >= ORDER_MODEL_AT || mostlyLatin(text)
}

const STOCK_REPORT = familyRe('stock-report')
const RECIPE = familyRe('recipe')
const TOLD_NOT_ASKED = familyRe('told-not-asked')

/** Are there more than twice as many Latin letters as Chinese characters (pinyin, English)? */
function mostlyLatin(text: string): boolean {
  let latin = 0
  let cjk = 0
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122)) latin++
    else if (c >= 0x4e00 && c <= 0x9fff) cjk++
  }
  return latin > 2 * cjk
}

/** Things the parser reads as ordered, each with its amount: at least this many make an order. */
const ORDER_ITEMS = 2

/**
 * Does the list parser read an order in the text: two things or more, each with its amount, or
 * one with its amount where the message is shaped like an order — it corrects one ("锅盔改成五个",
 * "不是甜粿是菜头粿 同样三块") or names what to take instead ("土鸡蛋三十个，没有就拿鸭蛋").
 */
function readsAsOrder(text: string): boolean {
  if (!AMOUNT.test(text)) return false
  let n = 0
  let shaped = false
  for (const it of safeItems(text)) {
    if (it.op !== 'add' || it.alternatives.length > 0) shaped = true
    if (it.op !== 'remove' && it.qty !== null && !it.door) n++
  }
  return n >= ORDER_ITEMS || (n >= 1 && shaped)
}

/** Does the parser find anything still ordered, with its amount? */
function ordersSomething(text: string): boolean {
  if (!AMOUNT.test(text)) return false
  return safeItems(text).some((it) => it.op !== 'remove' && it.qty !== null)
}

function anyCue(facts: Facts): boolean {
  for (const c of NEEDS) if (facts.cue[c]) return true
  return false
}

function clamp01(x: number): number {
  return Number.isFinite(x) ? Math.min(1, Math.max(0, x)) : 0
}
