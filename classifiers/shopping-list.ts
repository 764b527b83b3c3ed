// Shopping-list parser (stub: being written). Pure: no I/O.
export type ItemOp = 'add' | 'set' | 'remove'

export interface OrderItem {
  name: string
  qty: number | null
  unit: string | null
  alternatives: string[]
  note?: string
  op?: ItemOp
}

export function parseShoppingList(_text: string): OrderItem[] {
  return []
}
