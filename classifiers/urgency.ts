// Urgency rules: does a minute matter, and why? Pure: no I/O at call time.
//
// The cues (what an emergency looks like) are data: data/cues/*.yaml, loaded by cues.ts. This
// file holds the context that switches a cue off, with its words in data/dict/families.yaml:
//   - negation right before the cue            "没有流血", "没闻到煤气味"
//   - resolution after the cue                 "摔了一跤 还好没事", "已经送医了 谢谢", "阀门关了"
//   - hypotheticals, prevention notices and policy questions
//                                               "如果半夜心脏病发作怎么办", "提醒大家楼道充电容易起火"
//   - past events                               "去年我爸中风过"
//   - news, forwards and commentary about strangers  "转发: 某地一小区起火"
//   - jokes and hyperbole                       "热得想死", "笑死 救命"
// Input is the canonical text (dialect.ts): normalised, lower case, dialect words mapped.
import { charCount } from './char-frequency.ts'
import { CharIndex } from './prefilter.ts'
import { CUES, CUE_BY_KIND, NEVER, type Cue } from './cues.ts'
import { family, familyRe } from './families.ts'
import type { EmergencyKind } from './types.ts'

export interface UrgencyResult {
  urgent: boolean
  emergency: EmergencyKind | null
  /** the cue kinds that fired (for tests and error analysis) */
  cues: string[]
  /** the response kind of each cue that fired, in the same order */
  responses: EmergencyKind[]
  /** cue kinds that matched but were switched off by their context, with the reason */
  suppressed: string[]
}

// --- context, built from the word families ---------------------------------------------------
const NEGATION_BEFORE = new RegExp(`(?:${family('negation')}|(?:^|[并也都还就可倒])不)[^,。!?\\s]{0,2}$`)
const UNCERTAIN_BEFORE = new RegExp(`${family('uncertain')}[^,。!?\\s]{0,3}$`)
const HYPOTHETICAL = familyRe('hypothetical')
const HYPOTHETICAL_STRONG = familyRe('hypothetical-strong')
const POLICY_Q = familyRe('policy-question')
const PROCEDURE_Q = familyRe('procedure-question')
const PRESENT = familyRe('present')
const NOW_AFTER_PAST = familyRe('now-after-past')
const PAST = familyRe('past')
const NEWS = familyRe('news')
const LOCAL = familyRe('local')
const STRONG_LOCAL = familyRe('strong-local')
const ADVICE = familyRe('advice')
const JOKE = familyRe('joke')
/** "这次是真的", "不是开玩笑": the writer says the message is no joke, whatever its emoji */
const EARNEST = familyRe('earnest')
const TOPIC_SWITCH_G = new RegExp(family('topic-switch'), 'g')
const HYPERBOLE = familyRe('hyperbole')
const MOURNING = familyRe('mourning')
const FICTION = familyRe('fiction')
const FICTION_FRAME = familyRe('fiction-frame')
const REMOTE = familyRe('remote-place')
const NEARBY = familyRe('nearby')
const RESOLVED = familyRe('resolution')
const RESOLVED_STRONG = familyRe('resolution-strong')
const BUT_STILL = familyRe('but-still')
const ANIMAL_G = new RegExp(family('animal'), 'g')
// (人 of 别人 / 主人 / 人家 is not the patient: "我家狗…误吃了别人放的老鼠药")
const HUMAN_NEAR = /我(?!家)|(?<![别主])人(?!家)|爸|妈|老人|孩子|宝宝|老公|老婆|爷|奶|外公|外婆/
/** An animal attacking a person (a bite is then the person's emergency, not the pet's illness). */
const ANIMAL_ATTACK = new RegExp(
  [
    // "被一只没拴绳的big dog咬了": the animal may be described, and named in English
    '(?:^|[^猫狗兔鸟])被[^。,]{0,12}(?:狗|犬|猫|蛇|dog|cat|snake)[^。]{0,4}(?:咬|扑|抓)',
    '\\bbitten by (?:a |the |an )?[^.。,]{0,20}(?:dog|cat|snake)',
    '(?:狗|犬)[^。]{0,6}把[^。]{0,6}(?:咬|扑)',
    // the person, not their dog ("我家狗被大狗咬了" is the pet's)
    `${family('person')}[^。,猫狗]{0,4}被[^。]{0,8}(?:狗|猫)`,
    `(?:狗|犬|猫)[^。]{0,6}(?:咬|扑|抓)[^。]{0,3}(?:了)?(?:${family('person')}|${family('child')}|快递员|路人|的脖子)`,
  ].join('|'),
)
/** Soft families: a joke anywhere in the message switches them off; fire and gas are never jokes. */
const NEVER_A_JOKE = new Set<EmergencyKind>(['fire', 'gas'])

function isStop(c: number): boolean {
  return c === 0x3002 || c === 0x21 || c === 0x3f || c === 0x0a
}
function isBreak(c: number): boolean {
  // 。!?;；\n space , ，
  return (
    c === 0x3002 ||
    c === 0x21 ||
    c === 0x3f ||
    c === 0x3b ||
    c === 0xff1b ||
    c === 0x0a ||
    c === 0x20 ||
    c === 0x2c ||
    c === 0xff0c ||
    c === 0x09
  )
}
function hasBreak(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (isBreak(s.charCodeAt(i))) return true
  return false
}
function span(text: string, start: number, end: number, stop: (c: number) => boolean): string {
  let s = start
  while (s > 0 && !stop(text.charCodeAt(s - 1))) s--
  let e = end
  while (e < text.length && !stop(text.charCodeAt(e))) e++
  return text.slice(s, e)
}

/** A character normalised text never holds: an entry of an index that is never a candidate. */
const NO_TEXT = '\uffff'

/**
 * Which cues a text could fire, from the characters it contains: one pass over the text rules
 * out most messages (greetings, orders) and most cues of the rest (classifiers/prefilter.ts).
 */
export const CUE_INDEX = new CharIndex(
  CUES.map((c) => (c.re === NEVER ? NO_TEXT : c.re.source)),
  charCount,
)
/** The same for the forms added since the last training (`late_forms`), read after the model. */
export const LATE_INDEX = new CharIndex(
  CUES.map((c) => (c.lateRe === null ? NO_TEXT : c.lateRe.source)),
  charCount,
)

/** Texts longer than this are checked at their start and end only, so a 100 kB paste stays bounded. */
const MAX_SCAN = 20000

const SPACED_PAIR = /([\u3400-\u9fff]) (?=[\u3400-\u9fff])/g

/** The cues the model was trained with: what the model's features see (classifiers/features.ts). */
export function assessUrgency(text: string): UrgencyResult {
  return assessWith(text, false)
}

/**
 * The forms added to the cues since the model was last trained (`late_forms` in data/cues/):
 * read after the model and never shown to it, so that a phrasing can be added without a retraining
 * (which moves the model's other answers too); the next retraining moves them into `forms`.
 */
export function assessLate(text: string): UrgencyResult {
  return assessWith(text, true)
}

/**
 * The rules' answer once the contexts learnt since the training (`late_unless`) are applied: a
 * kind that fired in such a context is switched off. Triage gives the model the answer before this
 * (its features are what it was trained on) and decides with the answer after it.
 */
export function withLateUnless(u: UrgencyResult, text: string): UrgencyResult {
  if (!u.urgent) return u
  const off = u.cues.filter((k) => CUE_BY_KIND.get(k)?.lateUnless?.test(text))
  if (off.length === 0) return u
  const cues: string[] = []
  const responses: EmergencyKind[] = []
  u.cues.forEach((k, i) => {
    if (off.includes(k)) return
    cues.push(k)
    responses.push(u.responses[i])
  })
  // (marked apart: a kind switched off by what was learnt since says nothing of what the emergency is)
  const suppressed = [...u.suppressed, ...off.map((k) => `${k}:late-unless`)]
  if (cues.length === 0) return { urgent: false, emergency: null, cues, responses, suppressed }
  return { urgent: true, emergency: pickKind(new Set(responses)), cues, responses, suppressed }
}

function assessWith(text: string, late: boolean): UrgencyResult {
  const r = assessOnce(text, late)
  if (r.urgent || !text) return r
  // "我弟弟 头撞到 暖气片 上 流 好多 血": residents who space every word; read it once more without the spaces
  const spaces = (text.match(/ /g) ?? []).length
  if (spaces >= 3 && spaces * 5 >= text.length) {
    const again = assessOnce(text.replace(SPACED_PAIR, '$1'), late)
    if (again.urgent) return again
  }
  return r
}

function assessOnce(text: string, late: boolean): UrgencyResult {
  const fired: string[] = []
  const responses: EmergencyKind[] = []
  const suppressed: string[] = []
  if (!text) return { urgent: false, emergency: null, cues: fired, responses, suppressed }
  const t = text.length > MAX_SCAN ? text.slice(0, MAX_SCAN / 2) + '\n' + text.slice(-MAX_SCAN / 2) : text
  const candidates = (late ? LATE_INDEX : CUE_INDEX).candidates(t)
  if (candidates.length === 0) return { urgent: false, emergency: null, cues: fired, responses, suppressed }

  // the context that switches hits off, read once a cue has matched
  let context: { news: boolean; joke: boolean; remote: boolean; fiction: boolean } | null = null
  const readContext = () => ({
    // news about strangers, or advice to everyone (家里有老人的要当心…: "家里" there is anyone's home)
    news: (NEWS.test(t) && !LOCAL.test(t)) || (ADVICE.test(t) && !STRONG_LOCAL.test(t)),
    joke: JOKE.test(t) && !EARNEST.test(t),
    // a relative far away: nobody in this building can act (they are told to call locally)
    remote: REMOTE.test(t) && !NEARBY.test(t),
    fiction: FICTION.test(t) && !STRONG_LOCAL.test(t),
  })
  const kinds = new Set<EmergencyKind>()
  for (const at of candidates) {
    const cue = CUES[at]
    const re = (late ? cue.lateRe : cue.re) ?? NEVER
    re.lastIndex = 0
    if (!re.test(t)) continue
    const { news, joke, remote, fiction } = (context ??= readContext())
    if (cue.needs && !cue.needs.test(t)) {
      suppressed.push(`${cue.kind}:needs`)
      continue
    }
    if ((cue.unless && cue.unless.test(t)) || (cue.unlessJoke && joke) || (late && cue.lateUnless && cue.lateUnless.test(t))) {
      suppressed.push(`${cue.kind}:unless`)
      continue
    }
    re.lastIndex = 0
    let m: RegExpExecArray | null
    let hits = 0
    let why: string | null = null
    while ((m = re.exec(t)) !== null && hits < 50) {
      hits++
      if (m[0].length === 0) {
        re.lastIndex++
        continue
      }
      why = offReason(cue, m, t, news || fiction, joke, remote)
      if (why === null) break
    }
    if (why === null && hits > 0) {
      kinds.add(cue.response)
      fired.push(cue.kind)
      responses.push(cue.response)
    } else if (why) {
      suppressed.push(`${cue.kind}:${why}`)
    }
  }
  if (kinds.size === 0) return { urgent: false, emergency: null, cues: fired, responses, suppressed }
  return { urgent: true, emergency: pickKind(kinds), cues: fired, responses, suppressed }
}

/** Why this match of a cue does not count, or null when it does. */
function offReason(cue: Cue, m: RegExpExecArray, t: string, news: boolean, joke: boolean, remote: boolean): string | null {
  const start = m.index
  const end = start + m[0].length
  if (cue.check && !cue.check(m, t)) return 'check'
  const clause = span(t, start, end, isBreak)
  if (cue.clauseUnless && cue.clauseUnless.test(clause)) return 'clause'
  // negation right before the cue, inside its clause
  const before = clause.slice(0, Math.max(0, clause.indexOf(m[0])))
  if (NEGATION_BEFORE.test(before) && !UNCERTAIN_BEFORE.test(before)) return 'negated'
  // hypothetical / notice / policy question in the same clause (safety cues said as happening now stay)
  if (
    cue.response !== 'suicide' &&
    HYPOTHETICAL.test(clause) &&
    !(cue.sticky && /现在|正在|刚刚|刚才|快来|了/.test(clause) && !HYPOTHETICAL_STRONG.test(clause))
  )
    return 'hypothetical'
  if (POLICY_Q.test(clause) && !PRESENT.test(clause)) return 'policy'
  // a hypothetical earlier in the same sentence ("要是半夜有人生病, 是直接打120还是…")
  const sentence = span(t, start, end, isStop)
  const sentenceBefore = sentence.slice(0, Math.max(0, sentence.indexOf(m[0])))
  if (cue.response !== 'suicide' && HYPOTHETICAL_STRONG.test(sentenceBefore)) return 'hypothetical'
  if (PROCEDURE_Q.test(sentence)) return 'policy'
  if (remote && cue.response !== 'suicide') return 'remote'
  // animals: a pet's illness or injury is not a person's emergency
  if ((cue.response === 'medical' || cue.response === 'trapped') && aboutAnimal(t, start, end)) return 'animal'
  // mourning: the person has died, a medical cue tells how (葬礼, 上周走了)
  if (cue.response === 'medical' && MOURNING.test(t)) return 'mourning'
  // a past event: a word of the past in the clause, and after it no word that something is
  // happening now (现在 alone does not count: 这个习惯到现在还有). A match that runs across clauses
  // (化疗……出不去) is read in the clause it starts in and the one it ends in: a past word between
  // them tells why, not when (化疗，今天上午十点……因为昨天有阳性被封，出不去).
  const across = m[0].length > 1 && hasBreak(m[0])
  const ends = span(t, end - 1, end, isBreak)
  for (const c of across ? (cue.pastCause ? [ends] : [span(t, start, start + 1, isBreak), ends]) : [clause]) {
    const pi = c.search(PAST)
    if (pi >= 0 && !NOW_AFTER_PAST.test(c.slice(pi))) return 'past'
  }
  // …or earlier in the same sentence (我小时候在河边玩 掉进水里过), or said with 过 (中风过)
  const si = sentenceBefore.search(PAST)
  if (si >= 0 && !NOW_AFTER_PAST.test(sentence.slice(si))) return 'past'
  if (t.charCodeAt(end) === 0x8fc7 /* 过 */ && t.charCodeAt(end + 1) !== 0x53bb /* 去 */ && t.charCodeAt(end + 1) !== 0x6765 /* 来 */)
    return 'past'
  // news and forwards about strangers: in the whole message, or in the cue's own sentence
  if (news) return 'news'
  if (NEWS.test(sentence) && !STRONG_LOCAL.test(sentence)) return 'news'
  if (FICTION.test(sentence) && !STRONG_LOCAL.test(sentence)) return 'fiction'
  if (FICTION_FRAME.test(sentenceBefore)) return 'fiction'
  if (joke && !NEVER_A_JOKE.has(cue.response) && jokeReaches(t, start)) return 'joke'
  if (HYPERBOLE.test(clause) || HYPERBOLE.test(t.slice(Math.max(0, start - 20), end + 6))) return 'hyperbole'
  // resolution later in the message
  const after = t.slice(end)
  if (isResolved(after, cue.resolved ?? RESOLVED) || (cue.resolved && isResolved(after, RESOLVED_STRONG))) return 'resolved'
  return null
}

/**
 * The message's laugh reaches the cue: no new subject begins between them. A reply that laughs
 * along and then, "by the way", reports a child on the road is not joking about the child.
 */
function jokeReaches(t: string, start: number): boolean {
  TOPIC_SWITCH_G.lastIndex = 0
  let from = -1
  let m: RegExpExecArray | null
  while ((m = TOPIC_SWITCH_G.exec(t)) !== null && m.index < start) {
    from = m.index + m[0].length
    if (m[0].length === 0) TOPIC_SWITCH_G.lastIndex++
  }
  return from < 0 || (JOKE.test(t.slice(from)) && !EARNEST.test(t.slice(from)))
}

/** A resolution marker after the cue, not followed by "but" (缓过来一点但呼吸还是很急). */
const GLOBAL_CACHE = new Map<RegExp, RegExp>()
function isResolved(after: string, re: RegExp): boolean {
  if (!re.test(after)) return false
  let g = GLOBAL_CACHE.get(re)
  if (!g) {
    g = new RegExp(re.source, re.flags.includes('g') ? re.flags : re.flags + 'g')
    GLOBAL_CACHE.set(re, g)
  }
  g.lastIndex = 0
  let m: RegExpExecArray | null
  while ((m = g.exec(after)) !== null) {
    if (m[0].length === 0) {
      g.lastIndex++
      continue
    }
    const tail = after.slice(m.index + m[0].length, m.index + m[0].length + 16)
    if (!BUT_STILL.test(tail)) return true
  }
  return false
}

/**
 * The cue is about an animal: one is named shortly before or inside the match, with no person
 * after it, and no animal attacks a person. ("我家的狗…趴在窝里一动不动": the match begins at 我.)
 */
function aboutAnimal(t: string, start: number, end: number): boolean {
  const w = t.slice(Math.max(0, start - 24), end)
  ANIMAL_G.lastIndex = 0
  let last = -1
  let m: RegExpExecArray | null
  while ((m = ANIMAL_G.exec(w)) !== null) last = m.index + m[0].length
  if (last < 0) return false
  if (HUMAN_NEAR.test(w.slice(last))) return false
  return !ANIMAL_ATTACK.test(t)
}

const KIND_ORDER: EmergencyKind[] = ['fire', 'gas', 'medical', 'violence', 'suicide', 'missing', 'trapped', 'flood']
function pickKind(kinds: Set<EmergencyKind>): EmergencyKind {
  for (const k of KIND_ORDER) if (kinds.has(k)) return k
  return 'medical'
}
