// The types every layer shares about a message's meaning: categories, their priority order,
// and the kinds of emergency response. Declared once, here.

export type Category = 'medical' | 'grocery' | 'repair' | 'pet' | 'emotional' | 'other'

/** Priority order (LABELS.md): a message with several needs is filed under the first of them. */
export const CATEGORIES: readonly Category[] = Object.freeze(['medical', 'repair', 'grocery', 'pet', 'emotional', 'other'] as const)

/** A category that asks for something (every category but other). */
export type Need = Exclude<Category, 'other'>
export const NEEDS: readonly Need[] = Object.freeze(['medical', 'repair', 'grocery', 'pet', 'emotional'] as const)

/** Rank in the priority order: lower comes first. */
export const PRIORITY: Readonly<Record<Category, number>> = Object.freeze({
  medical: 0,
  repair: 1,
  grocery: 2,
  pet: 3,
  emotional: 4,
  other: 5,
})

/**
 * How the handlers respond to an emergency: which number the resident is told to call, who is
 * alerted and what the alert says. Every cue kind in data/cues/ maps to one of these.
 */
export type EmergencyKind = 'medical' | 'fire' | 'gas' | 'flood' | 'trapped' | 'violence' | 'suicide' | 'missing'
export const RESPONSE_KINDS: readonly EmergencyKind[] = Object.freeze([
  'medical',
  'fire',
  'gas',
  'flood',
  'trapped',
  'violence',
  'suicide',
  'missing',
] as const)
