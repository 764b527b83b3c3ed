// A bounded memo keyed by message text. Group traffic repeats itself (收到, 谢谢, +1, the
// same 接龙 line forwarded forty times) and what we compute from a text depends on the text
// alone, so a repeated text is answered from memory. Texts longer than `maxTextLength`
// (rarely repeated, costly to hash) are not kept; when full, the oldest half is dropped —
// cheaper than an LRU per call, and the texts that matter come back at once.
export class TextMemo<V> {
  private readonly memo = new Map<string, V>()
  constructor(
    private readonly capacity: number,
    private readonly maxTextLength: number,
  ) {}

  /** Whether a text is short enough to be remembered. */
  keeps(text: string): boolean {
    return typeof text === 'string' && text.length <= this.maxTextLength
  }

  get(text: string): V | undefined {
    return this.memo.get(text)
  }

  set(text: string, v: V): void {
    if (!this.keeps(text)) return
    if (this.memo.size >= this.capacity) {
      let drop = Math.ceil(this.capacity / 2)
      for (const k of this.memo.keys()) {
        this.memo.delete(k)
        if (--drop === 0) break
      }
    }
    this.memo.set(text, v)
  }
}

export function memoByText<V>(compute: (text: string) => V, capacity: number, maxTextLength: number): (text: string) => V {
  const memo = new TextMemo<V>(capacity, maxTextLength)
  return (text) => {
    if (!memo.keeps(text)) return compute(text)
    const known = memo.get(text)
    if (known !== undefined) return known
    const v = compute(text)
    memo.set(text, v)
    return v
  }
}
