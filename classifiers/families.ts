// Word families (data/dict/families.yaml): kin, elders, children, negation, resolution, news,
// jokes, hypotheticals … one place for each, shared by the urgency cues, the need rules and the
// patterns in data/cues/. A family may name another as {name}.
import { readYaml, stringList, compileRegExp, type YamlData } from './data-file.ts'

export interface Family {
  name: string
  about: string
  /** the family's entries with references expanded, as one non-capturing alternation */
  source: string
  match: string[]
  noMatch: string[]
}

const FILE = 'dict/families.yaml'
const REF = /\{([a-z][a-z0-9-]*)\}/g

function load(): Map<string, Family> {
  const y = readYaml(FILE)
  const root = y.root
  if (!root || typeof root !== 'object' || Array.isArray(root)) throw y.error([], 'expected a map of families')
  const raw = new Map<string, { words: string[]; about: string; match: string[]; noMatch: string[] }>()
  for (const [name, v] of Object.entries(root as Record<string, unknown>)) {
    if (!/^[a-z][a-z0-9-]*$/.test(name)) throw y.error([name], `family names are lower-case words with dashes: ${name}`)
    if (!v || typeof v !== 'object') throw y.error([name], 'expected about, words, match, no_match')
    const e = v as Record<string, unknown>
    const words = stringList(y, e.words, [name, 'words'])
    if (words.length === 0) throw y.error([name], 'a family needs words')
    raw.set(name, {
      words,
      about: String(e.about ?? ''),
      match: stringList(y, e.match, [name, 'match']),
      noMatch: stringList(y, e.no_match, [name, 'no_match']),
    })
  }
  const done = new Map<string, Family>()
  const resolving = new Set<string>()
  const resolve = (name: string, from: string): string => {
    const f = done.get(name)
    if (f) return f.source
    const r = raw.get(name)
    if (!r) throw y.error([from], `unknown family {${name}}`)
    if (resolving.has(name)) throw y.error([name], `family {${name}} refers to itself`)
    resolving.add(name)
    const parts = r.words.map((w) => w.replace(REF, (_m, ref: string) => resolve(ref, name)))
    const source = `(?:${parts.join('|')})`
    compileRegExp(y, source, 'u', [name, 'words'])
    resolving.delete(name)
    done.set(name, { name, about: r.about, source, match: r.match, noMatch: r.noMatch })
    return source
  }
  for (const name of raw.keys()) resolve(name, name)
  return done
}

export const FAMILIES: ReadonlyMap<string, Family> = load()

/** The alternation source of a family, for building a pattern. */
export function family(name: string): string {
  const f = FAMILIES.get(name)
  if (!f) throw new Error(`unknown word family {${name}} (data/${FILE})`)
  return f.source
}

const cache = new Map<string, RegExp>()
/** A family as a regular expression (unanchored). */
export function familyRe(name: string): RegExp {
  let re = cache.get(name)
  if (!re) {
    re = new RegExp(family(name))
    cache.set(name, re)
  }
  return re
}

/** Expand {family} references in a pattern source; unknown names are reported through `fail`. */
export function expandFamilies(source: string, fail: (detail: string) => Error): string {
  return source.replace(REF, (_m, name: string) => {
    const f = FAMILIES.get(name)
    if (!f) throw fail(`unknown family {${name}}`)
    return f.source
  })
}

export type { YamlData }
