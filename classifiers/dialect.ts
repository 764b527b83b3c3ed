// The canonical reading of a text for classification: normalised text (normalize.ts), lower
// case, with dialect function words and voice-to-text homophones mapped to Mandarin by
// data/dict/dialect.yaml. Urgency cues and the models read this form; the parsers and what
// people see keep the normalised text.
import { compileRegExp, readYaml, stringList, type YamlData } from './data-file.ts'

export interface DialectForm {
  form: string
  means: string
  calm: string
  fire: string | null
}

export interface DialectGroup {
  name: string
  /** null: applies to every text (voice homophones) */
  markers: RegExp | null
  forms: DialectForm[]
  /** all forms, each its own capture group, longest first */
  re: RegExp
  means: string[]
}

const FILE = 'dict/dialect.yaml'

function load(): DialectGroup[] {
  const y: YamlData = readYaml(FILE)
  if (!y.root || typeof y.root !== 'object' || Array.isArray(y.root)) throw y.error([], 'expected a map of varieties')
  const groups: DialectGroup[] = []
  for (const [name, v] of Object.entries(y.root as Record<string, unknown>)) {
    const g = (v ?? {}) as Record<string, unknown>
    const markers = stringList(y, g.markers, [name, 'markers'])
    if (name !== 'voice' && markers.length === 0)
      throw y.error([name], `${name}: a variety needs markers (only voice applies to every text)`)
    if (!Array.isArray(g.forms) || g.forms.length === 0) throw y.error([name, 'forms'], 'expected a list of forms')
    const forms = (g.forms as unknown[]).map((f, i) => {
      const e = (f ?? {}) as Record<string, unknown>
      const at = [name, 'forms', i]
      if (typeof e.form !== 'string' || !e.form) throw y.error(at, 'a form needs `form`')
      if (typeof e.means !== 'string') throw y.error(at, `${e.form}: a form needs \`means\``)
      if (typeof e.calm !== 'string' || !e.calm)
        throw y.error(at, `${e.form}: every form needs a \`calm\` case (a text with it that must not be urgent)`)
      compileRegExp(y, e.form, 'u', at)
      if (new RegExp(e.form, 'u').test('')) throw y.error(at, `${e.form}: a form that matches nothing at all`)
      return { form: e.form, means: e.means, calm: e.calm, fire: typeof e.fire === 'string' ? e.fire : null }
    })
    // longest first, so 佢哋 is read before 佢
    const ordered = [...forms].sort((a, b) => b.form.length - a.form.length)
    groups.push({
      name,
      markers: markers.length ? compileRegExp(y, markers.join('|'), 'u', [name, 'markers']) : null,
      forms,
      re: compileRegExp(y, ordered.map((f) => `(${f.form})`).join('|'), 'gu', [name, 'forms']),
      means: ordered.map((f) => f.means),
    })
  }
  return groups
}

export const DIALECTS: readonly DialectGroup[] = load()

function mapGroup(text: string, g: DialectGroup): string {
  g.re.lastIndex = 0
  return text.replace(g.re, (...args: unknown[]) => {
    // args: match, group 1 … group n, offset, string
    for (let i = 0; i < g.means.length; i++) if (args[i + 1] !== undefined) return g.means[i]
    return args[0] as string
  })
}

/** The canonical reading of a normalised text (see the file comment). */
export function canonical(normalised: string): string {
  let t = normalised.toLowerCase()
  for (const g of DIALECTS) {
    if (g.markers && !g.markers.test(t)) continue
    t = mapGroup(t, g)
  }
  return t
}

/** Which varieties a text shows markers of (for tests and error analysis). */
export function varietiesOf(normalised: string): string[] {
  const t = normalised.toLowerCase()
  return DIALECTS.filter((g) => g.markers?.test(t)).map((g) => g.name)
}
