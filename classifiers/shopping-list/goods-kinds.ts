// The kinds of goods, one lexicon file each in data/dict/goods/ (README.md there).
export const GOODS_KINDS = [
  'produce',
  'meat-fish',
  'staples',
  'dairy-eggs',
  'drinks',
  'snacks-instant',
  'condiments',
  'baby',
  'pet',
  'household',
  'cleaning',
] as const
export type GoodsKind = (typeof GOODS_KINDS)[number]
export const GOODS_TAGS: readonly string[] = ['brand', 'line', 'variety', 'weak', 'generic', 'sort']
