// Emergency cues (data/cues/*.yaml): what an emergency looks like in words, one entry per kind
// of emergency, each with its surface forms by variety of Chinese (and English) and with cases
// that must fire and must not. The context that switches a cue off (negation, resolution,
// news, jokes …) is not here but in classifiers/urgency.ts, with its words in families.yaml.
//
// Pattern language (lower case; the text is normalised and mapped by dialect.yaml first):
//   {family}   any word of a family in data/dict/families.yaml
//   …          up to 6 characters inside the same clause
//   ……         up to 12 characters inside the same sentence
//   anything else is a regular expression (alternation, ?, character classes, lookarounds)
import { readdirSync } from 'node:fs'
import { DATA_DIR, compileRegExp, readYaml, stringList, type YamlData } from './data-file.ts'
import { expandFamilies } from './families.ts'
import { CHECKS, type CueCheck } from './cue-checks.ts'
import { RESPONSE_KINDS, type EmergencyKind } from './types.ts'

export const VARIETIES = ['mandarin', 'cantonese', 'wu', 'minnan', 'sichuan', 'northeastern', 'voice', 'english'] as const
export type Variety = (typeof VARIETIES)[number]

export interface CueCases {
  /** style → texts that must fire this cue */
  fire: Record<string, string[]>
  /** style → texts that must not be urgent at all */
  calm: Record<string, string[]>
}

export interface Cue {
  kind: string
  response: EmergencyKind
  about: string
  file: string
  line: number | null
  /** variety → compiled pattern sources */
  forms: Partial<Record<Variety, string[]>>
  /** all forms as one global expression (a never-matching one when the kind has only late forms) */
  re: RegExp
  /** forms added since the model was last trained (`late_forms`): read after the model, never
   * shown to it as a feature, so a phrasing can be added without retraining; the next retraining
   * moves them into `forms` */
  lateForms: Partial<Record<Variety, string[]>>
  /** all late forms as one global expression, or null */
  lateRe: RegExp | null
  needs: RegExp | null
  unless: RegExp | null
  /** contexts learnt since the model was last trained (`late_unless`) that switch the kind off:
   * read after the model (its features still see the hit, so the committed model is reproduced),
   * and moved into `unless` by the next retraining */
  lateUnless: RegExp | null
  /** `{joke}` in `unless`: switched off when the message is a joke, as the urgency rules judge it */
  unlessJoke: boolean
  clauseUnless: RegExp | null
  resolved: RegExp | null
  sticky: boolean
  /** the forms name a cause that is past by nature ("昨晚吃了野生菌……一直在吐"): a match is read
   * for the past only in the clause it ends in, where the harm is told */
  pastCause: boolean
  /** a hit is urgent whatever the model says (the model may veto other cues' hits: triage.ts) */
  certain: boolean
  check: CueCheck | null
  cases: CueCases
}

const CLAUSE_GAP = '[^,，。!?;；\\s]{0,6}'
const SENTENCE_GAP = '[^。!?\\n]{0,12}'

/** A pattern of the cue language as a regular-expression source. */
export function patternSource(pattern: string, fail: (detail: string) => Error): string {
  if (pattern !== pattern.toLowerCase()) throw fail(`patterns are lower case: ${pattern}`)
  return expandFamilies(pattern, fail).replace(/……/g, SENTENCE_GAP).replace(/…/g, CLAUSE_GAP)
}

function alternation(y: YamlData, list: unknown, path: (string | number)[]): RegExp | null {
  const items = stringList(y, list, path)
  if (items.length === 0) return null
  const src = items.map((p, i) => patternSource(p, (d) => y.error([...path, i], d))).join('|')
  return compileRegExp(y, src, '', path)
}

function cases(y: YamlData, v: unknown, path: (string | number)[]): Record<string, string[]> {
  if (v === undefined || v === null) return {}
  if (typeof v !== 'object' || Array.isArray(v)) throw y.error(path, 'cases are a map of style → texts')
  const out: Record<string, string[]> = {}
  for (const [style, texts] of Object.entries(v as Record<string, unknown>)) out[style] = stringList(y, texts, [...path, style])
  return out
}

function loadFile(name: string, seen: Set<string>): Cue[] {
  const y = readYaml('cues/' + name)
  if (!Array.isArray(y.root)) throw y.error([], 'expected a list of cues')
  return (y.root as unknown[]).map((raw, i) => {
    const at = (...p: (string | number)[]) => [i, ...p]
    if (!raw || typeof raw !== 'object') throw y.error(at(), 'expected a cue (kind, response, forms, cases)')
    const e = raw as Record<string, unknown>
    const kind = e.kind
    if (typeof kind !== 'string' || !/^[a-z][a-z0-9-]*$/.test(kind))
      throw y.error(at('kind'), 'a cue needs a kind: lower-case words with dashes')
    if (seen.has(kind)) throw y.error(at('kind'), `cue kind ${kind} is defined twice`)
    seen.add(kind)
    const response = e.response as EmergencyKind
    if (!RESPONSE_KINDS.includes(response)) throw y.error(at('response'), `response must be one of ${RESPONSE_KINDS.join(', ')}`)
    const readForms = (field: 'forms' | 'late_forms') => {
      const raw = e[field]
      const forms: Partial<Record<Variety, string[]>> = {}
      const all: string[] = []
      if (raw === undefined && field === 'late_forms') return { forms, all }
      if (!raw || typeof raw !== 'object' || Array.isArray(raw)) throw y.error(at(field), `${field} are a map of variety → patterns`)
      for (const [variety, list] of Object.entries(raw as Record<string, unknown>)) {
        if (!VARIETIES.includes(variety as Variety))
          throw y.error(at(field, variety), `unknown variety ${variety} (${VARIETIES.join(', ')})`)
        const srcs = stringList(y, list, at(field, variety)).map((p, j) => {
          const src = patternSource(p, (d) => y.error(at(field, variety, j), d))
          compileRegExp(y, src, '', at(field, variety, j))
          if (new RegExp(src).test('')) throw y.error(at(field, variety, j), `a pattern that matches nothing at all: ${p}`)
          return src
        })
        forms[variety as Variety] = srcs
        all.push(...srcs)
      }
      return { forms, all }
    }
    // (a kind new since the last training has late forms only: `forms: {}`)
    const { forms, all } = readForms('forms')
    const late = readForms('late_forms')
    if (all.length === 0 && late.all.length === 0) throw y.error(at('forms'), 'a cue needs at least one pattern')
    let check: CueCheck | null = null
    if (e.check !== undefined) {
      check = CHECKS[String(e.check)] ?? null
      if (!check) throw y.error(at('check'), `unknown check ${String(e.check)} (${Object.keys(CHECKS).join(', ')})`)
    }
    const unless = stringList(y, e.unless, at('unless'))
    const c = (e.cases ?? {}) as Record<string, unknown>
    return {
      kind,
      response,
      about: String(e.about ?? ''),
      file: 'data/cues/' + name,
      line: y.lineOf(at()),
      forms,
      re: all.length ? compileRegExp(y, all.join('|'), 'g', at('forms')) : NEVER,
      lateForms: late.forms,
      lateRe: late.all.length ? compileRegExp(y, late.all.join('|'), 'g', at('late_forms')) : null,
      needs: alternation(y, e.needs, at('needs')),
      unless: alternation(
        y,
        unless.filter((p) => p !== '{joke}'),
        at('unless'),
      ),
      unlessJoke: unless.includes('{joke}'),
      lateUnless: alternation(y, e.late_unless, at('late_unless')),
      clauseUnless: alternation(y, e.clause_unless, at('clause_unless')),
      resolved: alternation(y, e.resolved, at('resolved')),
      sticky: e.sticky === true,
      pastCause: e.past_cause === true,
      certain: e.certain === true,
      check,
      cases: { fire: cases(y, c.fire, at('cases', 'fire')), calm: cases(y, c.calm, at('cases', 'calm')) },
    }
  })
}

function loadAll(): Cue[] {
  const dir = new URL('cues/', DATA_DIR)
  let files: string[]
  try {
    files = readdirSync(dir)
      .filter((f) => f.endsWith('.yaml'))
      .sort()
  } catch {
    throw new Error('data/cues/: missing (the emergency cues)')
  }
  if (files.length === 0) throw new Error('data/cues/: no cue files')
  const seen = new Set<string>()
  return files.flatMap((f) => loadFile(f, seen))
}

/** The expression of a kind that has no forms the model was trained with. */
export const NEVER = /(?!)/g

export const CUES: readonly Cue[] = loadAll()

/** Each cue by its kind. */
export const CUE_BY_KIND: ReadonlyMap<string, Cue> = new Map(CUES.map((c) => [c.kind, c]))
