// Shopping-list parser: turns a resident's (normalised) message into order items.
// Pure: no I/O at call time (the word files in data/dict/ are read once, when the module is
// loaded), no clock, never throws.
//
// The modules, in the order a message goes through them:
//   data-files.ts  reading the word files (an error names the file and line)
//   lexicon.ts     the vocabulary: goods by kind, units, function words, filler … in one trie
//   tokens.ts      text → tokens (words, numbers, separators, unknown runs)
//   elements.ts    a chunk's tokens → names, amounts, keywords, notes, prices
//   chunk.ts       one chunk → items, substitutes, corrections, removals
//   corrections.ts corrections, removals, substitutes and notes applied to earlier items
//   decide.ts      which of the items read are orders, without repeats
//   mentions.ts    things named without an amount: a learned weighing of order or talk
//   jielong.ts     a 接龙 by several households, read line by line with each line's door
//   message.ts     all chunks → the message's items
export type { OrderItem, ItemOp } from './types.ts'
export { parseShoppingList, parseJielong, type Jielong } from './message.ts'
export { UNIT_WORDS } from './lexicon.ts'
