// The records the store persists about messages, shared by every layer: what the bot heard
// (Inbound), how it is kept (StoredInbound) and what processing made of it (Processed).
// Declared once, here; the store's classes import them, and so do bot/ and handlers/.
import type { Category } from '../classifiers/types.ts'

export type MessageKind = 'text' | 'image' | 'voice' | 'video' | 'file' | 'link' | 'miniprogram' | 'emoticon' | 'recalled' | 'other'

/** One message as the bot heard it, free of Wechaty types. */
export interface Inbound {
  messageId: string
  roomId: string | null
  roomTopic: string | null
  talkerId: string
  talkerName: string
  text: string
  type: MessageKind
  mentionsSelf: boolean
  /** When the message was sent (ms since epoch), as the puppet reports it. */
  at: number
}

export type InboundState = 'new' | 'done'

export interface StoredInbound extends Inbound {
  id: number
  receivedAt: number
  state: InboundState
  ticketId: number | null
  recalled: boolean
}

/** What processing made of a stored message. */
export interface Processed {
  category: Category
  urgent: boolean
  labels: readonly string[]
  ticketId: number | null
}
