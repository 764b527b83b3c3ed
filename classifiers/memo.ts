// A bounded memo keyed by message text. Group traffic repeats itself (收到, 谢谢, +1, the
// same 接龙 line forwarded forty times) and what we compute from a text depends on the text
// alone, so a repeated text is answered from memory. Texts longer than `maxTextLength`
// (rarely repeated, costly to hash) are not kept; when full, the oldest half is dropped —
// cheaper than an LRU per call, and the texts that matter come back at once.
export function memoByText<V>(compute: (text: string) => V, capacity: number, maxTextLength: number): (text: string) => V {
  const memo = new Map<string, V>()
  return (text) => {
    if (typeof text !== 'string' || text.length > maxTextLength) return compute(text)
    const known = memo.get(text)
    if (known !== undefined) return known
    const v = compute(text)
    if (memo.size >= capacity) {
      let drop = Math.ceil(capacity / 2)
      for (const k of memo.keys()) {
        memo.delete(k)
        if (--drop === 0) break
      }
    }
    memo.set(text, v)
    return v
  }
}
