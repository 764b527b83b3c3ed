// A list written as a table ("品名｜数量", "| 粽子 | 40个 | 不要肉粽 |", or under a header "品名 数量
// 备注" with spaces between the cells): pasted from a spreadsheet or a notes app. Each row is one item — its name cell, its amount cell, and the rest of the row a
// note — so an amount never crosses into the next row and a remark in a cell is not a second
// item. Pure; the caller parses each row.

/** A row of a table: its name and amount cells, its note (the other cells and what was in brackets). */
export interface TableRow {
  /** offset of the row's line in the message */
  at: number
  name: string
  amount: string
  note: string | null
}

/** A message split into the lines around its table and the table's rows, in order. */
export type TablePart = { kind: 'text'; text: string } | { kind: 'row'; row: TableRow }

const BAR = /[|｜]/
/** A header cell: what a column is called. */
/** An amount column named for the unit it counts in: 斤数, 箱数, 袋数. */
const COUNTED_IN = '[斤个箱袋包盒瓶桶罐只根把条块提板]数'
const HEADER_CELL = new RegExp(
  `^(?:品名|名称|商品|物品|东西|名字|菜名|品类|数量|数目|份数|重量|规格|单位|备注|说明|要求|单价|价格|金额|小计|${COUNTED_IN})$`,
)
/** A cell that is an amount: a number (or 半, 几) first, a unit or nothing after. */
const AMOUNT_CELL = /^(?:约|大概|大约)?\s*(?:\d+(?:\.\d+)?(?:[~～\-到至]\d+(?:\.\d+)?)?|[一二两三四五六七八九十百半几俩]+)\s*[^\s\d]{0,3}$/
/** A cell that is a price, not an amount ("2元/斤", "¥15", "3蚊"): a price list is not an order. */
const PRICE_CELL = /[元块¥￥蚊钱/／]/
const isAmount = (c: string) => AMOUNT_CELL.test(c) && !PRICE_CELL.test(c)
/**
 * A header row: every cell names a column — or every cell after the first, which names what the
 * rows are ("饮料｜数量｜单位"), when one of them is the amount's column.
 */
function headerRow(c: string[]): boolean {
  const named = (x: string) => HEADER_CELL.test(x) || x === ''
  return c.every(named) || (c.slice(1).every(named) && c.slice(1).some((x) => AMOUNT_COLUMN.test(x)))
}
const AMOUNT_COLUMN = new RegExp(`^(?:数量|数目|份数|重量|${COUNTED_IN})$`)
/** A unit cell under a 单位 header: a short word with no number ("斤", "盒", "kg"). */
const UNIT_CELL = /^[^\s\d]{1,3}$/
const RULE_ROW = /^[\s|｜:：\-—–=+]*$/
const BRACKETS = /[（(]([^（()）]*)[)）]/g

function cells(line: string): string[] {
  return line
    .split(BAR)
    .map((c) => c.trim())
    .filter((c, i, all) => c !== '' || (i > 0 && i < all.length - 1))
}

/** The cells of a table written with spaces between them, under a header such as "品名 数量 备注". */
function spacedCells(line: string): string[] {
  return line.trim().split(/\s+/)
}

/** Is the line a header of a table written with spaces ("品名 数量 备注")? */
function spacedHeader(line: string): boolean {
  const c = spacedCells(line)
  return c.length >= 2 && headerRow(c)
}

/**
 * The parts of a message with a table in it, or null when it has none: at least two rows whose
 * second cell is an amount. A header row and a rule row (---) are left out.
 */
export function readTable(s: string): TablePart[] | null {
  const lines = s.split('\n')
  // (or, under a header, with spaces between the cells: "品名 数量 备注⏎荔枝 2~3斤 妃子笑")
  const spaced = !BAR.test(s) && lines.some(spacedHeader)
  if (!BAR.test(s) && !spaced) return null
  const split = (l: string) => (spaced ? spacedCells(l) : BAR.test(l) ? cells(l) : [])
  let rows = 0
  for (const l of lines) {
    const c = split(l)
    if (c.length >= 2 && isAmount(c[1])) rows++
  }
  if (rows < 2) return null
  const parts: TablePart[] = []
  let text: string[] = []
  let at = 0
  const flush = () => {
    if (text.length) parts.push({ kind: 'text', text: text.join('\n') })
    text = []
  }
  let header = !spaced
  // ("品名｜数量｜单位｜备注": a header that names a unit column — that cell is the amount's unit)
  let unitCol = -1
  let countedIn = ''
  for (const l of lines) {
    if (spaced && !header) header = spacedHeader(l)
    const c = header ? split(l) : []
    if (c.length >= 2 && isAmount(c[1])) {
      flush()
      const notes: string[] = []
      const name = c[0].replace(BRACKETS, (_m, inner: string) => {
        if (inner.trim()) notes.push(inner.trim())
        return ''
      })
      const bare = !/[^\d.\s]$/.test(c[1])
      const unit = unitCol >= 2 && UNIT_CELL.test(c[unitCol] ?? '') && bare ? c[unitCol] : bare ? countedIn : ''
      // (the other cells are notes; the unit cell too when it gave no unit)
      for (const [i, extra] of c.slice(2).entries()) if (extra && !(i + 2 === unitCol && unit)) notes.push(extra)
      parts.push({ kind: 'row', row: { at, name: name.trim(), amount: c[1] + unit, note: notes.length ? notes.join('；') : null } })
    } else if (RULE_ROW.test(l) && BAR.test(l)) {
      /* a rule under the header */
    } else if ((c.length >= 2 && headerRow(c)) || (spaced && spacedHeader(l))) {
      /* the header */
      const named = spaced ? spacedCells(l) : c
      unitCol = named.indexOf('单位')
      // ("菜名 | 斤数", "饮料⇥箱数": the amount column counts in a unit)
      countedIn = /^(.)数$/.exec(named[1] ?? '')?.[1] ?? ''
      if (countedIn === '份') countedIn = ''
    } else text.push(l)
    at += l.length + 1
  }
  flush()
  return parts
}
