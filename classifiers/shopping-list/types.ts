// What the list parser gives: one entry per thing to buy, in the order written (LABELS.md).
export type ItemOp = 'add' | 'set' | 'remove'

export interface OrderItem {
  name: string
  qty: number | null
  unit: string | null
  alternatives: string[]
  /** How the resident wants it: "要新鲜的", "切片", "要瘦的". */
  note?: string
  /** add (default), set (a correction: "土豆改成5斤"), remove ("鸡蛋不要了"). */
  op?: ItemOp
  /** For a set that swaps the product ("土豆换成红薯"): the name it replaces. */
  replaces?: string
  /** In a 接龙 written by several households: the door of the line the item is on. */
  door?: string
}
