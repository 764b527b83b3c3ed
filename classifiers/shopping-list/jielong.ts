// 接龙: a group-buy list that several households write together. The organiser posts a header
// (what is sold, often with prices: "苹果 6元/斤"), then every participant reposts the whole
// list with one line of their own added: a door, sometimes a name, and that household's items
// ("3. 2-1-301 苹果5斤 砂糖橘3斤"). LABELS.md: every line's items, in order, each with its door;
// prices in the header are not items. A line that gives only an amount ("2. 7栋1101 五包")
// orders the header's product.
//
// Read by lines, before the usual reading: each door line is read on its own, as a small list.
import { matchAt } from './lexicon.ts'
import { T_FILL, T_GOODS, T_KW } from './kinds.ts'

export interface DoorLine {
  /** The door as written ("2-1-301", "七栋一单元601", "3座15楼A"). */
  door: string | null
  /** More doors the same line orders for ("A栋601 / A栋701 鸡蛋各30个"): each gets the items too. */
  also?: string[]
  /** The line's own words: what that household orders, without the marker, door or name. */
  text: string
  /** The whole line as written (the store compares reposts line by line). */
  line: string
}

export interface DoorList {
  /** The lines before the first door line: what is sold, prices, rules. */
  header: string
  /** The organiser's lines between the door lines ("——补充：桂味到货 13元/斤——"): more of the header. */
  remarks: string
  /** Products the header numbers ("① 伊利纯牛奶 …", "2号 北冰洋 一箱 50"), by number: lines order by them. */
  numbered: Map<string, string>
  entries: DoorLine[]
  /** The one product the header sells, for lines that give only an amount; null when it names several. */
  product: string | null
}

const CN = '[一二三四五六七八九十]'
const NUM = `(?:\\d{1,3}|${CN}{1,3})`
const ROOM = `(?:\\d{1,4}|[零〇一二三四五六七八九]{3,4})[A-Za-z]?(?:室|号|房)?`
/** 7-1-302, 2-502, 7#1-201, 12#1单元501, A2-1603, B-903 (a lettered block), B-3F (台: block B, third floor) */
const DASHED = '(?:[A-Za-z]?\\d{1,3}|[A-Za-z])(?:#|[-—])\\d{1,4}(?:[-—]\\d{1,4}|单元\\d{1,4}|[Ff](?![A-Za-z]))?'
/** 十二栋二单元302, A栋1502 (a lettered block), A栋5楼之2 and B栋12F-1 (台: a flat of the fifth or twelfth floor), 3号楼2门501, 3座15楼A, 12号楼东单元301, 16幢2单元501, 2栋3-1, 6栋-2-303, 8座-2101, 3号101室 */
const BUILDING = `(?:${NUM}|[A-Za-z])(?:号楼|号栋|号幢|栋|幢|座|号)(?:[东西南北中]?${NUM}?(?:单元|门|梯))?(?:(?:${NUM}(?:楼|层)|\\d{1,2}[Ff])(?:[东西南北左右中](?:边|侧|户)?|之\\d{1,2})?)?(?:\\s?(?:[-—]?\\d{1,2}[-—]\\d{1,4}|[-—]?${ROOM}|[A-Za-z]))?`
/** 1单元1203, 2门101 */
const UNIT = `${NUM}(?:单元|门)\\s?${ROOM}`
/** A courtyard house (北京, 天津 胡同): 前院1号, 中院东厢房, 后院西屋, 北房, 东屋 */
const COURT =
  '(?:[东西南北前中后]院(?:\\d{1,3}号)?(?:[东西](?:厢房|屋)|[东西南北正]房|[东西南北]屋)?|[东西](?:厢房|屋)|[东西南北正]房|[东西南北]屋)'
/** A Shanghai lane house: 58弄3号前楼, 62弄后厢房, 22号亭子间 */
const LANE = `(?:\\d{1,4}弄(?:\\d{1,3}号)?|\\d{1,3}号)(?:前楼|后楼|亭子间|[前后]厢房|三层阁|客堂间|灶披间)?`
/** 12楼H, 5楼 */
const FLOOR = '\\d{1,2}(?:楼|层)[A-Za-z]?'
/** 101, 1103 (a room alone, in a building's own list) */
const ROOM_ONLY = '\\d{3,4}(?:室)?'
/** A whole stairway, in a volunteer's tally one line a unit: "东单元：", "3-1单元：", "2单元：" */
const STAIRWAY = '(?:[东西南北中]|\\d{1,2}(?:[-—]\\d{1,2})?|[一二三四五六七八九十]{1,2})单元(?=\\s*[:：])'
const DOOR = `(?:${DASHED}|${BUILDING}|${UNIT}|${FLOOR}|${LANE}|${COURT}|${STAIRWAY}|${ROOM_ONLY})`
/** What may follow a door: white space, a colon, a bracket, a comma, the end of the line, or the
 * mark before a second door ("A-301、A-302 …"), or a person run into it ("北房老刘 腊肠3斤"). */
const AFTER = '(?=[\\s:：(（,，、/／]|$|[老小阿][\\u4e00-\\u9fff](?:[\\s:：,，]|$))'
/**
 * A line's number: "1.", "2、", "3)", "(4)", "⑤", "6 ", and "1.1-1-101", "1.2号楼1门301" (the
 * number run into a door); a decimal point is not one: "2.5斤".
 */
const MARKER =
  /^\s*(?:[(（]\d{1,3}[)）]|[\u2460-\u2473\u2776-\u277f]|\d{1,3}\s*(?:[、)）:：]|[.．](?!\d)|[.．](?=\d{1,3}[-—#]\d)|[.．](?=\d{1,3}(?:号楼|号栋|栋|幢|座)))|\d{1,2}(?=\s))\s*/
const NAME = '[\\u4e00-\\u9fff]{1,4}'
const DOOR_AT_START = new RegExp(`^(?:(${NAME})\\s*[(（](${DOOR})[)）]|(?:(${NAME})\\s+)?(${DOOR})${AFTER})`)
/** A header line that numbers a product: "① 伊利纯牛奶 …", "3号 冰红茶1L 一箱 36" (not 3号楼). */
const PRODUCT_NO = /^\s*([\u2460-\u2473]|\d{1,2}\s*号(?![楼栋幢院门]))\s*[:：.、]?\s*([\u4e00-\u9fffA-Za-z].*)$/
/** The same with a bare number: "1 抽纸（24包/提）39", "01 东坡肉 500g/盒 48" — a product only when priced. */
const PRODUCT_BARE_NO = /^\s*(\d{1,2})\s*[.、:：]?\s+([\u4e00-\u9fffA-Za-z].*)$/
/** A price at the end of a header line, with or without 元: "… 39", "… 45元", "… ¥16". */
const PRICE_LAST = /(?:\s|[)）])[¥￥$]?\d{1,4}(?:\.\d{1,2})?\s*(?:元|块|蚊)?\s*$/
/** Several circled products on one header line: "①带鱼段 2斤/袋 ②冻虾仁 1斤/袋 ③牛肉卷". */
const CIRCLED_RUN = /([\u2460-\u2473])\s*([^\u2460-\u2473]+)/g
const CIRCLED = /^[\u2460-\u2473]$/
/** The organiser asks lines to order by number: "按编号下单", "门牌+编号+数量", "序号". */
const BY_NUMBER = /编号|序号|按号/

/** "①" and "1号" are the same number: the key a line's reference is looked up by. */
export function productKey(mark: string): string {
  const c = mark.codePointAt(0) ?? 0
  if (c >= 0x2460 && c <= 0x2473) return String(c - 0x2460 + 1)
  // ("01" and "1" are the same number)
  return String(Number(mark.replace(/\D/g, '')))
}

/** A price on a line: "55元", "¥12", "9.9元", "12元/斤", "18蚊". */
const PRICED = /\d\s*(?:元|块钱|蚊)|[¥￥$]\s*\d/
/** A door written last on a numbered line, after a space or a mark ("腊肉五斤 7-2-802", "米1（3栋1单元502）"). */
const DOOR_AT_END = new RegExp(`[\\s,，、/／(（]\\s*(${DASHED}|${BUILDING}|${UNIT})\\s*[)）]?\\s*$`)
/** A person written after the door ("3-1-402 王 1箱", "5-2-701 李姐 …"). */
const PERSON =
  /^(?:[老小阿][\u4e00-\u9fff]|[\u4e00-\u9fff]{1,2}(?:姐|哥|姨|叔|奶奶|爷爷|阿姨|太|生|总|伯|婆|公|嫂|妹|弟|家)|[\u4e00-\u9fff])$/
const ALSO_DOOR = new RegExp(`^\\s*[/／、&＆和跟]\\s*(${DOOR})${AFTER}`)
const EXAMPLE_LINE = /^\s*(?:例|例如|比如|示例|样例|举例|格式|e\.?g\.?)\s*[:：.、]?\s*/i
const JIELONG_WORD = /接龙|团购|拼团|统计|汇总|报名|往下接|格式/

/**
 * A line of the list: the door it starts with (after its number), a person's name before or
 * after the door, and the rest. Null when the line starts with neither a door nor a number.
 */
function entryLine(line: string): DoorLine | null {
  const marker = MARKER.exec(line)
  let rest = marker ? line.slice(marker[0].length) : line.trimStart()
  let door: string | null = null
  const m = DOOR_AT_START.exec(rest)
  // a goods word is not a person ("腊肠 2斤" must not read as a name before a door)
  const name = m ? (m[1] ?? m[3]) : undefined
  const atStart = m !== null && !(name && isGoods(name))
  const end = atStart || !marker ? null : DOOR_AT_END.exec(rest)
  if (m && atStart) {
    door = (m[2] ?? m[4]).replace(/\s+/g, '')
    rest = rest.slice(m[0].length).replace(/^[\s:：,，]+/, '')
  } else if (end && end.index > 0) {
    // "4. 腊肉五斤 7-2-802": the door signed at the end of the line
    door = end[1].replace(/\s+/g, '')
    rest = rest.slice(0, end.index)
  } else if (!marker) {
    return null
  }
  // "（代李奶奶）", a person's name after the door or instead of one ("1. 王姐 2箱")
  // "A栋601 / A栋701 鸡蛋各30个": one line for two households
  const also: string[] = []
  for (let more = door ? ALSO_DOOR.exec(rest) : null; more; more = ALSO_DOOR.exec(rest)) {
    also.push(more[1].replace(/\s+/g, ''))
    rest = rest.slice(more[0].length).replace(/^[\s:：,，]+/, '')
  }
  rest = rest.replace(/^[(（][^)）]{0,8}[)）]\s*/, '')
  const sp = /^([\u4e00-\u9fff]{1,3})\s+/.exec(rest)
  if (sp && PERSON.test(sp[1]) && !isGoods(sp[1])) rest = rest.slice(sp[0].length)
  return also.length ? { door, also, text: rest.trim(), line: line.trim() } : { door, text: rest.trim(), line: line.trim() }
}

function isGoods(w: string): boolean {
  // (read as the tokens read it, longest word first: 张奶奶家 is 张 + 奶奶家, a household, not 奶)
  for (let i = 0; i < w.length;) {
    const e = matchAt(w, i)
    if (e && e.k === T_GOODS) return true
    i += e ? e.word.length : 1
  }
  return false
}

/**
 * The door lines of a 接龙, or null when the text is not one: at least two lines that start with
 * a door, or one under a header that says it is a group list (接龙, 团购, 统计 …).
 */
export function readDoorList(text: string): DoorList | null {
  const s = text.indexOf('\n') < 0 ? roomsOnOneLine(text) : text
  if (s === null) return null
  const lines = s.split('\n')
  const entries: DoorLine[] = []
  const remarks: string[] = []
  const numbered = new Map<string, string>()
  let first = -1
  let doors = 0
  for (let i = 0; i < lines.length; i++) {
    if (!lines[i].trim()) continue
    // "例 1栋1单元101 荔枝3斤", "格式：楼号+数量": the organiser's example is nobody's order
    if (EXAMPLE_LINE.test(lines[i])) continue
    // "① 伊利纯牛奶 250ml×24 52元", "2号 北冰洋 一箱 50" under "按编号下单": a product the lines
    // order by its number, part of the header
    // ("1号 蔬菜包（…）58元/份", "1 抽纸（24包/提）39": priced, a product too)
    const no = doors === 0 ? (PRODUCT_NO.exec(lines[i]) ?? PRODUCT_BARE_NO.exec(lines[i])) : null
    const priced = no !== null && (PRICED.test(lines[i]) || PRICE_LAST.test(lines[i]))
    if (no && (CIRCLED.test(no[1]) || priced || (BY_NUMBER.test(s) && /号|[\u2460-\u2473]/.test(no[1])))) {
      // ("①带鱼段 2斤/袋 ②冻虾仁 1斤/袋": several on one line)
      const run = CIRCLED.test(no[1]) ? [...lines[i].matchAll(CIRCLED_RUN)] : []
      if (run.length > 1) for (const r of run) numbered.set(productKey(r[1]), r[2].trim())
      else numbered.set(productKey(no[1]), no[2].trim())
      entries.length = 0
      first = -1
      continue
    }
    const e = entryLine(lines[i])
    if (!e) {
      if (first >= 0) remarks.push(lines[i])
      continue
    }
    // "①五常大米 10斤/袋 55元": the organiser's numbered products, before any household's line,
    // are the header's
    if (doors === 0 && !e.door && PRICED.test(e.line)) {
      entries.length = 0
      first = -1
      continue
    }
    if (first < 0) first = i
    if (e.door) doors++
    entries.push(e)
  }
  if (doors === 0) return null
  const header = lines.slice(0, first).join('\n').trim()
  // one door line is a 接龙 only under a header that says so, and only when it orders something
  // ("团长我要：… 11号楼402" is one household's list signed with its door)
  if (doors < 2 && (!JIELONG_WORD.test(header) || !entries.some((e) => e.door && e.text))) return null
  // a room alone ("101 鸡蛋1盒") is a door only when several lines start with one
  if (doors < 2 && entries.every((e) => e.door === null || /^\d{3,4}室?$/.test(e.door))) return null
  return { header, remarks: remarks.join('\n'), numbered, entries, product: null }
}

/**
 * A room that starts a household's part of a line: after a break (；，。：, a space or the start),
 * a room number or a dashed door, then the household's words ("1501两把青菜", "7-2-301 扇贝3斤").
 * Not a weight or a count ("500克", "1000个"): a unit, a counter or money after the number is
 * an amount, and the caller checks that.
 */
const DOOR_IN_LINE = new RegExp(`(^|[；;，,。：:、\\s])\\s*(${DASHED}|${ROOM_ONLY})(?=\\s*[\\u4e00-\\u9fff])`, 'g')
const ROOM_DIGITS = /\d{3,4}/g
/** A room run on after words, before words: "…一板1702就要…", "…一颗802就要…". */
const ROOM_RUN_ON = /(?<=[\u4e00-\u9fff])\d{3,4}(?=[\u4e00-\u9fff])/g
/** The door a part of such a line starts with. */
const PART_DOOR = new RegExp(`^(?:${DASHED}|${ROOM_ONLY})`)
/** How many rooms a line must start parts at before it is read as a floor's orders, room by room. */
const ROOMS_ON_ONE_LINE = 3

/**
 * "我是15楼志愿者，帮本层收的单：1501两把青菜一斤五花肉；1502一板鸡蛋一箱牛奶；1503一袋米": a
 * floor's orders a volunteer collected on one line, room by room. Each room then starts a line of
 * its own, as in a 接龙; null when the line is not one (fewer than three rooms start a part).
 */
function roomsOnOneLine(s: string): string | null {
  // (three rooms need three numbers of three digits at least: most messages stop here)
  const rooms = s.match(ROOM_DIGITS)
  if (!rooms || rooms.length < ROOMS_ON_ONE_LINE) return null
  const cuts: number[] = []
  // (after a break, or run on after the last household's words: "…鸡蛋一板1702就要一箱牛奶")
  const starts = [...s.matchAll(DOOR_IN_LINE)].map((m) => ({ at: m.index + m[0].length - m[2].length, door: m[2] }))
  for (const m of s.matchAll(ROOM_RUN_ON)) if (!starts.some((x) => x.at === m.index)) starts.push({ at: m.index, door: m[0] })
  starts.sort((a, b) => a.at - b.at)
  for (const m of starts) {
    const at = m.at
    const next = /[一二两三四五六七八九十半]/.test(s[at + m.door.length]) ? null : matchAt(s, at + m.door.length)
    // (an amount: "500克", "300块", "1000个")
    // ("1702就要…": a word that steers the list, 就要, may follow a door too)
    if (next && next.k !== T_GOODS && next.k !== T_FILL && next.k !== T_KW) continue
    cuts.push(at)
  }
  if (cuts.length < ROOMS_ON_ONE_LINE) return null
  let out = s.slice(0, cuts[0]).replace(/[；;，,：:\s]+$/, '')
  cuts.forEach((at, k) => {
    const part = s.slice(at, k + 1 < cuts.length ? cuts[k + 1] : s.length).replace(/[；;，,。\s]+$/, '')
    const door = PART_DOOR.exec(part)
    out += '\n' + (door ? door[0] + ' ' + part.slice(door[0].length).trimStart() : part)
  })
  return out
}
