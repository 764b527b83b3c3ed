// A cheap test that lets most messages skip a large regular expression: the characters one of
// which every match must contain. Most group traffic (收到, 谢谢, a list of vegetables) contains
// none of the characters an emergency cue needs, and looking each character up in a table is
// far cheaper than running an alternation of hundreds of patterns at every position.
//
// The analysis is conservative: where it cannot prove that every match contains one of a few
// characters (a character class, `.`, an escape, an optional atom), it gives up (`null`) and
// the expression is always run. It never claims a character is needed when it is not, so a
// skipped expression could not have matched (tests/prefilter.test.ts checks that on every cue
// case and on the corpus).

/** Index of the `)` closing the `(` at `open`, or -1. */
function closeParen(src: string, open: number): number {
  let depth = 0
  for (let i = open; i < src.length; i++) {
    const c = src[i]
    if (c === '\\') {
      i++
      continue
    }
    if (c === '[') {
      i = closeBracket(src, i)
      if (i < 0) return -1
      continue
    }
    if (c === '(') depth++
    else if (c === ')' && --depth === 0) return i
  }
  return -1
}

/** Index of the `]` closing the class opened at `open`, or -1. */
function closeBracket(src: string, open: number): number {
  for (let i = open + 1; i < src.length; i++) {
    if (src[i] === '\\') {
      i++
      continue
    }
    if (src[i] === ']' && i > open + 1) return i
  }
  return -1
}

/** The alternatives of `src` at its top level. */
function splitAlternatives(src: string): string[] | null {
  const out: string[] = []
  let start = 0
  for (let i = 0; i < src.length; i++) {
    const c = src[i]
    if (c === '\\') {
      i++
      continue
    }
    if (c === '[') {
      i = closeBracket(src, i)
      if (i < 0) return null
      continue
    }
    if (c === '(') {
      i = closeParen(src, i)
      if (i < 0) return null
      continue
    }
    if (c === '|') {
      out.push(src.slice(start, i))
      start = i + 1
    }
  }
  out.push(src.slice(start))
  return out
}

/** Whether the atom ending before `i` is optional (`?`, `*`, `{0…}`), and where it ends. */
function quantifier(src: string, i: number): { optional: boolean; next: number } {
  const c = src[i]
  if (c === '?' || c === '*') return { optional: true, next: src[i + 1] === '?' ? i + 2 : i + 1 }
  if (c === '+') return { optional: false, next: src[i + 1] === '?' ? i + 2 : i + 1 }
  if (c === '{') {
    const m = /^\{(\d+)(?:,\d*)?\}\??/.exec(src.slice(i))
    if (m) return { optional: Number(m[1]) === 0, next: i + m[0].length }
  }
  return { optional: false, next: i }
}

const SPECIAL = new Set(['.', '|', ')', '?', '*', '+', '{', '}'])

/** How often a character occurs in the texts the index will see; rarer is cheaper. */
export type CharCost = (ch: string) => number

/** Without counts: a CJK character is taken as rarer than a letter, a digit or a sign. */
const byScript: CharCost = (ch) => (ch.charCodeAt(0) > 0x2e80 ? 1 : 10)

/** The cheapest set of characters one of which every match of one alternative contains. */
function alternativeNeeds(alt: string, cost: CharCost): Set<string> | null {
  let best: Set<string> | null = null
  let bestCost = Infinity
  const consider = (s: Set<string> | null) => {
    if (!s || s.size === 0) return
    let c = 0
    for (const ch of s) c += cost(ch) + 1
    if (c < bestCost) {
      best = s
      bestCost = c
    }
  }
  let i = 0
  while (i < alt.length) {
    const c = alt[i]
    let atom: Set<string> | null = null
    let end: number
    if (c === '\\') {
      end = i + 2
      if (alt[i + 1] === 'p' || alt[i + 1] === 'P' || alt[i + 1] === 'u') {
        const m = /^\\[pPu]\{[^}]*\}|^\\u[0-9a-fA-F]{4}/.exec(alt.slice(i))
        if (m) end = i + m[0].length
      }
    } else if (c === '[') {
      const close = closeBracket(alt, i)
      if (close < 0) return null
      end = close + 1
    } else if (c === '(') {
      const close = closeParen(alt, i)
      if (close < 0) return null
      end = close + 1
      const look = /^\(\?<?[=!]/.test(alt.slice(i))
      if (look) {
        i = end
        continue
      } // zero-width: needs nothing, and no quantifier applies
      const inner = alt.slice(i + 1, close).replace(/^\?(?::|<[A-Za-z_$][\w$]*>)/, '')
      atom = requiredChars(inner, cost)
    } else if (c === '^' || c === '$') {
      i++
      continue
    } else if (SPECIAL.has(c)) {
      end = i + 1 // `.`, or a stray brace taken literally: no character is certain
    } else {
      end = i + 1
      atom = new Set([c])
    }
    const q = quantifier(alt, end)
    if (!q.optional) consider(atom)
    i = q.next
  }
  return best
}

/**
 * Characters one of which every match of `source` contains, or null when that cannot be shown.
 * Only for expressions without the `i` flag (the cues are lower case and run on lower-cased text).
 */
export function requiredChars(source: string, cost: CharCost = byScript): Set<string> | null {
  const alts = splitAlternatives(source)
  if (!alts) return null
  const out = new Set<string>()
  for (const alt of alts) {
    const needs = alternativeNeeds(alt, cost)
    if (!needs) return null
    for (const ch of needs) out.add(ch)
  }
  return out
}

/**
 * A set of expressions indexed by the characters they need: `candidates(text)` returns the
 * indices of the expressions that could match the text (those that need nothing always can).
 */
export class CharIndex {
  private readonly byChar = new Map<number, number[]>()
  private readonly always: number[] = []
  private readonly seen: Uint32Array
  private stamp = 0

  constructor(sources: readonly string[], cost?: CharCost) {
    this.seen = new Uint32Array(sources.length)
    sources.forEach((src, i) => {
      const needs = requiredChars(src, cost)
      if (!needs) {
        this.always.push(i)
        return
      }
      for (const ch of needs) {
        const code = ch.charCodeAt(0)
        const list = this.byChar.get(code)
        if (list) list.push(i)
        else this.byChar.set(code, [i])
      }
    })
  }

  /** How many expressions the index cannot skip (for tests and the bench). */
  get unfiltered(): number {
    return this.always.length
  }

  /** Indices, in ascending order, of the expressions that may match `text`. */
  candidates(text: string): number[] {
    const stamp = ++this.stamp
    if (stamp === 0xffffffff) {
      this.seen.fill(0)
      this.stamp = 1
    }
    const out = this.always.slice()
    for (const i of out) this.seen[i] = this.stamp
    for (let k = 0; k < text.length; k++) {
      const list = this.byChar.get(text.charCodeAt(k))
      if (!list) continue
      for (const i of list) {
        if (this.seen[i] !== this.stamp) {
          this.seen[i] = this.stamp
          out.push(i)
        }
      }
    }
    return out.length > 1 ? out.sort((a, b) => a - b) : out
  }
}
