// Shopping-list parser: turns a resident's (normalised) message into order items.
// Pure: no I/O at call time (the word files in data/dict/ are read once, when the module is
// loaded), no clock, never throws.
//
// The modules, in the order a message goes through them:
//   data-files.ts  reading the word files (an error names the file and line)
//   lexicon.ts     the vocabulary: goods by kind, units, function words, filler … in one trie
//   tokens.ts      text → tokens (words, numbers, separators, unknown runs)
//   elements.ts    a chunk's tokens → names, amounts, keywords, notes, prices
//   chunk.ts       one chunk → items, substitutes, corrections
//   message.ts     all chunks → the message's items, and which of them are orders
export type { OrderItem, ItemOp } from './types.ts'
export { parseShoppingList } from './message.ts'
