// Text normalisation that every classifier runs first. Pure: no I/O.
//
// Residents type on every kind of keyboard: full-width digits from pinyin IMEs,
// traditional characters from Hong Kong / Taiwan phones, zero-width characters
// pasted from other apps, "帮 我 买" letter-spaced by elderly users, "!!!!!!".
// The model and the rules only ever see the normalised form.
import * as OpenCC from 'opencc-js'

const toSimplified = OpenCC.Converter({ from: 'hk', to: 'cn' })

// Zero-width, bidi controls, BOM, and C0/C1 controls except \n and \t.
// eslint-disable-next-line no-control-regex
const INVISIBLE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u206f\ufeff\ufe00-\ufe0f]/g

// A CJK character: letter-spacing collapses only between these.
const CJK = '\\u3400-\\u9fff\\uf900-\\ufaff'
const SPACED_CJK = new RegExp(`([${CJK}]) (?=[${CJK}] [${CJK}])`, 'g')
const SPACED_TAIL = new RegExp(`(^|[^${CJK}])([${CJK}](?: [${CJK}]){2,})(?=$|[^${CJK}])`, 'g')

const FULL_WIDTH = /[\uff01-\uff5e\u3000]/
function toHalfWidth(text: string): string {
  if (!FULL_WIDTH.test(text)) return text
  let out = ''
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c >= 0xff01 && c <= 0xff5e) out += String.fromCharCode(c - 0xfee0)
    else if (c === 0x3000) out += ' '
    else out += text[i]
  }
  return out
}

// Only run the (comparatively slow) traditional→simplified pass when the text
// has a character that the converter changes. The set is computed once at load
// by converting every CJK code point (one call, newline-separated so no phrase
// spans two code points).
const CJK_FROM = 0x3400
const CJK_TO = 0xfaff
const CONVERTIBLE = (() => {
  const table = new Uint8Array(CJK_TO - CJK_FROM + 1)
  const chars: string[] = []
  for (let c = CJK_FROM; c <= CJK_TO; c++) chars.push(String.fromCharCode(c))
  const out = toSimplified(chars.join('\n')).split('\n')
  if (out.length !== chars.length) return null // unexpected: fall back to converting everything non-ASCII
  for (let i = 0; i < chars.length; i++) if (out[i] !== chars[i]) table[i] = 1
  return table
})()

function mayBeTraditional(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c <= 0x7f) continue
    if (CONVERTIBLE === null) return true
    if (c >= CJK_FROM && c <= CJK_TO) {
      if (CONVERTIBLE[c - CJK_FROM]) return true
    } else if (c >= 0xd800 && c <= 0xdbff) {
      return true // astral CJK extensions: let the converter decide
    }
  }
  return false
}

/**
 * A text typed one character at a time ("转 发 : 老 人 摔 倒", "5 栋 6 0 3"): when most of its
 * space-separated tokens are single characters, runs of them are joined. Texts that only space
 * their words ("两个 词 之间") are left alone.
 */
function joinSpacedText(text: string): string {
  if (text.length < 7 || text.indexOf(' ') < 0) return text
  // (line by line: "鸡 蛋 一 盒⏎牛 奶 两 箱" is spaced on every line, and a line break is no letter)
  if (text.indexOf('\n') >= 0) return text.split('\n').map(joinSpacedText).join('\n')
  const tokens = text.split(' ')
  if (tokens.length < 4) return text
  let single = 0
  for (const t of tokens) if (t.length === 1) single++
  if (single * 10 < tokens.length * 7) return text
  let out = tokens[0]
  for (let i = 1; i < tokens.length; i++) out += (tokens[i].length === 1 && tokens[i - 1].length === 1 ? '' : ' ') + tokens[i]
  return out
}

/** Collapse "帮 我 买 土 豆" (three or more single CJK characters separated by single spaces). */
function collapseLetterSpacing(text: string): string {
  if (!SPACED_CJK.test(text)) return text
  SPACED_CJK.lastIndex = 0
  return text.replace(SPACED_TAIL, (_m, lead: string, run: string) => lead + run.replace(/ /g, ''))
}

export function normalize(raw: string): string {
  if (typeof raw !== 'string' || raw.length === 0) return ''
  let text = raw.replace(INVISIBLE, '')
  text = toHalfWidth(text)
  if (mayBeTraditional(text)) text = toSimplified(text)
  text = text
    .replace(/\r\n?/g, '\n')
    .replace(/[ \t]+/g, ' ')
    .replace(/([!?。,、~….])\1{1,}/g, '$1')
    .replace(/([!?])[!?]+/g, '$1')
  text = collapseLetterSpacing(joinSpacedText(text))
  return text.trim()
}
