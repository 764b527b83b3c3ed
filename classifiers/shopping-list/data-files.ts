// Reading the word files the list parser is built from (data/dict/goods/*.txt,
// data/dict/lists/*.txt, data/dict/units.txt). Read once, when the module is loaded; never at
// call time.
//
// A missing or malformed file is an error that names the file and the line: a parser that fell
// back to an empty dictionary would quietly drop every order, and nobody would know why.
//
// The format (README.md in each folder):
//   word [tag …]            one entry; the tags a file allows are fixed by its reader
//   alias = word [tag …]    the alias is read as word (a misspelling, a homophone)
//   > text => name qty unit; name qty unit …    an example the tests check
//   # comment               (also after an entry)
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

export const DICT_DIR = new URL('../../data/dict/', import.meta.url)

export class LexiconFileError extends Error {
  constructor(
    readonly file: string,
    readonly line: number | null,
    detail: string,
  ) {
    super(`${file}${line ? `:${line}` : ''}: ${detail}`)
    this.name = 'LexiconFileError'
  }
}

export interface WordEntry {
  word: string
  /** The word it stands for ("白莱 = 白菜"), or null. */
  canon: string | null
  tags: string[]
  line: number
}

export interface Example {
  text: string
  /** [name, qty, unit] of each item the text must parse to. */
  items: Array<[string, number | null, string | null]>
  line: number
}

export interface WordFile {
  /** The path as errors and tests name it: data/dict/… */
  file: string
  entries: WordEntry[]
  examples: Example[]
}

/** The path of a dictionary file relative to the project. */
export const dictPath = (rel: string): string => 'data/dict/' + rel

function readText(rel: string, dir: URL): string {
  const url = new URL(rel, dir)
  try {
    return readFileSync(url, 'utf8')
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code
    throw new LexiconFileError(
      dictPath(rel),
      null,
      code === 'ENOENT' ? `missing (expected at ${fileURLToPath(url)})` : `unreadable: ${code ?? String(err)}`,
    )
  }
}

const NUMBER = /^(?:\d+(?:\.\d+)?|null)$/

function parseExample(file: string, line: number, body: string): Example {
  const at = body.indexOf('=>')
  if (at < 0) throw new LexiconFileError(file, line, 'an example needs "=>" between the text and its items')
  // (\n in an example is a line break: a list of several lines is one example line)
  const text = body.slice(0, at).trim().replace(/\\n/g, '\n')
  if (!text) throw new LexiconFileError(file, line, 'an example needs a text before "=>"')
  const items: Example['items'] = []
  for (const part of body.slice(at + 2).split(';')) {
    const f = part.trim().split(/\s+/).filter(Boolean)
    if (f.length === 0) continue
    if (f.length !== 3 || !NUMBER.test(f[1]))
      throw new LexiconFileError(
        file,
        line,
        `an example item is "name qty unit" (qty a number or null, unit a word or null), not "${part.trim()}"`,
      )
    items.push([f[0], f[1] === 'null' ? null : Number(f[1]), f[2] === 'null' ? null : f[2]])
  }
  return { text, items, line }
}

/**
 * Read one word file. `tags` are the tags its lines may carry; `aliases` whether "alias = word"
 * lines are allowed; `dir` is data/dict/ but for tests. Every malformed line is an error naming
 * the file and the line.
 */
export function readWordFile(rel: string, tags: readonly string[], aliases = false, dir: URL = DICT_DIR): WordFile {
  const file = dictPath(rel)
  const text = readText(rel, dir)
  const allowed = new Set(tags)
  const entries: WordEntry[] = []
  const examples: Example[] = []
  const seen = new Map<string, number>()
  const lines = text.split('\n')
  for (let i = 0; i < lines.length; i++) {
    const no = i + 1
    let raw = lines[i].replace(/\r$/, '')
    if (raw.trimStart().startsWith('>')) {
      examples.push(parseExample(file, no, raw.trimStart().slice(1)))
      continue
    }
    // a comment runs from a "#" at the start or after white space ("洋芋  # 西南"), so "#" may not start a word
    const hash = raw.search(/(^|\s)#/)
    if (hash >= 0) raw = raw.slice(0, hash)
    const f = raw.trim().split(/\s+/).filter(Boolean)
    if (f.length === 0) continue
    const word = f[0]
    let canon: string | null = null
    let rest = f.slice(1)
    if (rest[0] === '=') {
      if (!aliases) throw new LexiconFileError(file, no, '"alias = word" lines are not allowed in this file')
      if (!rest[1]) throw new LexiconFileError(file, no, `"${word} =" needs the word it stands for`)
      canon = rest[1]
      rest = rest.slice(2)
    }
    if (word.includes('=')) throw new LexiconFileError(file, no, `"${word}": write "alias = word" with spaces around "="`)
    for (const t of rest) {
      if (!allowed.has(t)) {
        const known = tags.length ? `; known tags: ${tags.join(', ')}` : '; this file has no tags'
        throw new LexiconFileError(file, no, `unknown tag "${t}" after "${word}"${known}`)
      }
    }
    const dup = seen.get(word)
    if (dup !== undefined) throw new LexiconFileError(file, no, `"${word}" is already on line ${dup}`)
    seen.set(word, no)
    entries.push({ word, canon, tags: rest, line: no })
  }
  if (entries.length === 0) throw new LexiconFileError(file, null, 'has no entries')
  return { file, entries, examples }
}

export interface TableRow {
  cells: string[]
  line: number
}

/** A file of rows with `min`..`max` white-space separated cells (comments as above). */
export function readTable(rel: string, min: number, max: number, dir: URL = DICT_DIR): { file: string; rows: TableRow[] } {
  const file = dictPath(rel)
  const rows: TableRow[] = []
  const lines = readText(rel, dir).split('\n')
  for (let i = 0; i < lines.length; i++) {
    let raw = lines[i].replace(/\r$/, '')
    const hash = raw.search(/(^|\s)#/)
    if (hash >= 0) raw = raw.slice(0, hash)
    const cells = raw.trim().split(/\s+/).filter(Boolean)
    if (cells.length === 0) continue
    if (cells.length < min || cells.length > max)
      throw new LexiconFileError(file, i + 1, `expected ${min === max ? min : `${min} to ${max}`} columns, found ${cells.length}`)
    rows.push({ cells, line: i + 1 })
  }
  if (rows.length === 0) throw new LexiconFileError(file, null, 'has no entries')
  return { file, rows }
}
