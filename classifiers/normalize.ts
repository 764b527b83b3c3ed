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

function toHalfWidth(text: string): string {
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
// has a character that could be traditional: anything outside ASCII.
function hasNonAscii(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 0x7f) return true
  return false
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
  if (hasNonAscii(text)) text = toSimplified(text)
  text = text
    .replace(/\r\n?/g, '\n')
    .replace(/[ \t]+/g, ' ')
    .replace(/([!?。,、~….])\1{1,}/g, '$1')
    .replace(/([!?])[!?]+/g, '$1')
  text = collapseLetterSpacing(text)
  return text.trim()
}
