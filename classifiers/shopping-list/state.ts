// What the message reader carries from one chunk to the next.
import type { ChunkInfo, Qty } from './elements.ts'
import type { PItem } from './chunk.ts'

export interface MessageState {
  /** The normalised text. */
  s: string
  /** Items so far, in the order written (corrections update them in place). */
  items: PItem[]
  /** What each chunk said about itself (a request, a question, a report …), by chunk number. */
  infos: ChunkInfo[]
  intent: boolean
  verb: boolean
  past: boolean
  offer: boolean
  first: boolean
  /** The writer says they are running out of something (没了, 见底了). */
  need: boolean
  junk: number
  /** An amount waiting for the name in the next chunk ("两袋 … 大米"). */
  pending: Qty | null
  pendingChunk: number
  /** The last chunk that named something. */
  lastItemsChunk: number
  /** The item that chunk named, new or already listed ("羊肉再加两斤": 羊肉 said again), or null. */
  lastNamed: PItem | null
  lastNamedChunk: number
  /** the chunk the current line began with */
  lineChunk: number
  /** "单位是斤": the unit of every bare number in the list. */
  listUnit: string | null
  /** "以下每样要两斤：…": the amount of every item after it that gives none. */
  eachAfter: Qty | null
  eachChunk: number
  /** "不要：香蕉、葡萄": the line this heading of unwanted things opened, or -1. */
  notWantLine: number
  /** The chunk of the last 哦不对 / 说错了 / 更正, or -1: later amounts and restated items correct earlier ones. */
  oopsChunk: number
  /** Where that oops word starts in the text. */
  oopsAt: number
  /** The item the last chunk took off the list ("白菜删掉"), for the one that replaces it ("换成娃娃菜"). */
  removed: {
    name: string
    chunk: number
    /** the amount it was ordered in, when it was ordered in this message ("可乐2瓶 … 可乐不要了") */
    ordered: { qty: number | null; unit: string | null; bareQty: boolean } | null
  } | null
  /** "没河虾的话，" with nothing after it: the item (index) whose substitute the next chunk names. */
  altFor: { k: number; chunk: number } | null
  /** "冬瓜、咸蛋、瘦肉，一斤、两只、半斤": amounts written after the names they go to, in order — the
   * item (index) the next such amount is for, and how many are still to come. */
  respectively: { next: number; left: number } | null
  /** The chunk whose last name was taken off the list and that a 和 joins to the next ("别买榴莲和菠萝"), or -2. */
  removeJoined: number
  /** The chunk whose last name was a dish, joined by 和 to the next ("做回锅肉和麻婆豆腐"). */
  dishJoined: number
}

export function newState(s: string): MessageState {
  return {
    s,
    items: [],
    infos: [],
    intent: false,
    verb: false,
    past: false,
    offer: false,
    first: false,
    need: false,
    junk: 0,
    pending: null,
    pendingChunk: -1,
    lastItemsChunk: -1,
    lastNamed: null,
    lastNamedChunk: -1,
    lineChunk: 0,
    listUnit: null,
    eachAfter: null,
    eachChunk: -1,
    notWantLine: -1,
    oopsChunk: -1,
    oopsAt: -1,
    removed: null,
    altFor: null,
    removeJoined: -2,
    dishJoined: -2,
    respectively: null,
  }
}

export const sameThing = (a: string, b: string): boolean => a === b || a.includes(b) || b.includes(a)

/** How far back a correction or substitution looks for its item (keeps huge lists linear). */
export const LOOKBACK = 200

export function findItem(items: PItem[], name: string): number {
  const stop = Math.max(0, items.length - LOOKBACK)
  // (a heading is never the thing named again: "鱼：⏎鲫鱼 两条⏎草鱼 1条")
  for (let i = items.length - 1; i >= stop; i--) if (!items[i].med && !items[i].heading && sameThing(items[i].name, name)) return i
  return -1
}

/** An amount for each of the names before it, right after the last: "各1箱", "每样一包". */
const EACH_AFTER = /^[\s、,，]*(?:各|每样|每种|一样来)/

/** Whether the item is the last of a run that one amount is for ("可乐 雪碧 王老吉 各1箱"). */
export function eachFollows(st: MessageState, it: { end: number }): boolean {
  return it.end >= 0 && EACH_AFTER.test(st.s.slice(it.end, it.end + 6))
}
