// One product in several sizes: "纸尿裤NB码两包，S码一包", "拉拉裤M号一包，L号两包", "奶粉1段两罐，
// 2段一罐". After the first size the writer names only the next size and its amount; each is the
// same product again (LABELS.md: one entry per thing to buy), the size a note on it. The list is
// rewritten with the product's name before every size that opens a clause, so the usual reading
// finds a thing to buy there.
import { tokenize } from './tokens.ts'
import { T_GOODS } from './kinds.ts'

/** A clothing size or a formula stage: S码, XL, M号, NB码, 2段, 三段. */
const SIZE = /(?<![A-Za-z])(?:X{0,3}L|XS|S|M|NB)(?:码|号)?(?![A-Za-z])|[1-6一二三四五六]段/g
/**
 * What opens a clause before a size written alone: a comma or a new line, or a space right after
 * the amount before ("L码2包 XL码1包"); not a space after other words ("帮宝适 pants XL 一包").
 */
const OPENS = /(?:[，,、；;\n]|(?:\d|[一两二三四五六七八九十])\s*[\u4e00-\u9fff]\s)\s*$/
/** An amount right after the size, or after 的: "S码一包", "XXL的一包", "2段 一罐". */
const AMOUNT_NEXT = /^(?:的)?\s*(?:\d+(?:\.\d+)?|[一两二三四五六七八九十半])\s*[\u4e00-\u9fff]/

export function sizesOfOne(s: string): string {
  if (!/[码号段]|[SMLX]\b/.test(s)) return s
  const sizes = [...s.matchAll(SIZE)]
  if (sizes.length < 2) return s
  const toks = tokenize(s)
  let product: string | null = null
  let out = ''
  let from = 0
  // (the sizes and the tokens are both in text order: one walk over each, never a search per size)
  let ti = 0
  for (const m of sizes) {
    const at = m.index
    while (ti < toks.length && toks[ti].e <= at) ti++
    // (the product a size is written on: the goods word right before it, a space apart at most)
    let k = ti - 1
    if (k >= 0 && s.slice(toks[k].s, toks[k].e).trim() === '') k--
    const named = k >= 0 && toks[k].k === T_GOODS && s.slice(toks[k].e, at).trim() === '' ? toks[k] : undefined
    if (named) {
      product = s.slice(named.s, named.e)
      continue
    }
    if (product && OPENS.test(s.slice(Math.max(0, at - 8), at)) && AMOUNT_NEXT.test(s.slice(at + m[0].length))) {
      out += s.slice(from, at) + product
      from = at
    }
  }
  return from === 0 ? s : out + s.slice(from)
}

/** A 接龙 line that opens with a size and its amount ("M码2包", "L码1包 XL码1包"). */
const SIZE_FIRST = /^\s*(?:(?:X{0,3}L|XS|S|M|NB)(?:码|号)?(?![A-Za-z])|[1-6一二三四五六]段)/

/**
 * Under a header that sells one product, a line that gives only sizes and amounts orders that
 * product in each size: "M码2包" under "纸尿裤团购 … S/M/L/XL" is 纸尿裤 (M码) 2 包.
 */
export function sizesOfProduct(text: string, product: string | null): string {
  if (!product || !SIZE_FIRST.test(text)) return text
  const m = SIZE_FIRST.exec(text)!
  if (!AMOUNT_NEXT.test(text.slice(m[0].length))) return text
  return sizesOfOne(product + text.trimStart())
}
