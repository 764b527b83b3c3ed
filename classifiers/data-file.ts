// Reading the files in data/ that the classifiers are built from (word families, cues,
// dialect forms, lexicons, models). Read once, at module load; never at call time.
//
// A missing or malformed file is an error that names the file and the line, thrown at start-up:
// a classifier that silently fell back to an empty dictionary would miss emergencies without
// anyone noticing.
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { LineCounter, parseDocument, isMap, isSeq, isScalar, type Node as YamlNode } from 'yaml'

export const DATA_DIR = new URL('../data/', import.meta.url)

export class DataFileError extends Error {
  constructor(
    readonly file: string,
    readonly line: number | null,
    detail: string,
  ) {
    super(`${file}${line ? `:${line}` : ''}: ${detail}`)
    this.name = 'DataFileError'
  }
}

/** The path of a data file relative to the project, as errors and tests name it. */
export function dataPath(rel: string): string {
  return 'data/' + rel
}

export function readDataText(rel: string): string {
  const url = new URL(rel, DATA_DIR)
  try {
    return readFileSync(url, 'utf8')
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code
    throw new DataFileError(
      dataPath(rel),
      null,
      code === 'ENOENT' ? `missing (expected at ${fileURLToPath(url)})` : `unreadable: ${code ?? String(err)}`,
    )
  }
}

/** A parsed YAML file that can say on which line any value sits. */
export class YamlData {
  readonly root: unknown
  private readonly lines: LineCounter
  private readonly doc: ReturnType<typeof parseDocument>
  constructor(
    readonly file: string,
    text: string,
  ) {
    this.lines = new LineCounter()
    this.doc = parseDocument(text, { lineCounter: this.lines, uniqueKeys: true })
    const first = this.doc.errors[0]
    if (first) throw new DataFileError(file, this.lines.linePos(first.pos[0]).line, first.message.split('\n')[0])
    this.root = this.doc.toJS()
  }
  /** The line of the value at a path (keys and indexes), or null. */
  lineOf(path: readonly (string | number)[]): number | null {
    const node = this.doc.getIn(path, true) as YamlNode | undefined
    const range = node && (isMap(node) || isSeq(node) || isScalar(node)) ? node.range : undefined
    return range ? this.lines.linePos(range[0]).line : null
  }
  error(path: readonly (string | number)[], detail: string): DataFileError {
    // the nearest enclosing value that has a line
    for (let n = path.length; n >= 0; n--) {
      const line = this.lineOf(path.slice(0, n))
      if (line) return new DataFileError(this.file, line, detail)
    }
    return new DataFileError(this.file, null, detail)
  }
}

export function readYaml(rel: string): YamlData {
  return new YamlData(dataPath(rel), readDataText(rel))
}

/** A list of strings at a path, or an error naming the line. */
export function stringList(y: YamlData, value: unknown, path: readonly (string | number)[]): string[] {
  if (value === undefined || value === null) return []
  if (!Array.isArray(value)) throw y.error(path, 'expected a list')
  return value.map((v, i) => {
    if (typeof v === 'number') return String(v)
    if (typeof v !== 'string' || v === '') throw y.error([...path, i], 'expected a non-empty text')
    return v
  })
}

/** A regular expression from a data file, or an error naming the line. */
export function compileRegExp(y: YamlData, source: string, flags: string, path: readonly (string | number)[]): RegExp {
  try {
    return new RegExp(source, flags)
  } catch (err) {
    throw y.error(path, `not a valid pattern (${(err as Error).message}): ${source.slice(0, 120)}`)
  }
}
