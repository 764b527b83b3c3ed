// How common each character is in residents' messages (data/dict/char-frequency.txt, written by
// `npm run corpus -- char-frequency`). The cue prefilter indexes each pattern by its rarest
// character, so that a message full of 了/我/不 does not wake every cue.
import { DataFileError, dataPath, readDataText } from './data-file.ts'

const FILE = 'dict/char-frequency.txt'

function load(): Map<string, number> {
  const out = new Map<string, number>()
  readDataText(FILE)
    .split('\n')
    .forEach((line, i) => {
      if (!line || line.startsWith('#')) return
      const m = /^(.|\\t|[\ud800-\udbff][\udc00-\udfff])\t(\d+)$/.exec(line)
      if (!m) throw new DataFileError(dataPath(FILE), i + 1, 'expected a character, a tab and a count')
      out.set(m[1] === '\\t' ? '\t' : m[1], Number(m[2]))
    })
  if (out.size === 0) throw new DataFileError(dataPath(FILE), null, 'no characters')
  return out
}

const COUNTS = load()

/** How often a character occurs in the corpus (0 when it is not among the most frequent). */
export function charCount(ch: string): number {
  return COUNTS.get(ch) ?? 0
}
