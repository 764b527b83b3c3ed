// Wechaty events → Inbound records. The only translation between Wechaty's
// types and ours; nothing past this point knows Wechaty.
import type { Message } from 'wechaty'
import { types } from 'wechaty'
import type { Inbound, MessageKind } from '../store/types.ts'

const KINDS: Partial<Record<types.Message, MessageKind>> = {
  [types.Message.Text]: 'text',
  [types.Message.Image]: 'image',
  [types.Message.Audio]: 'voice',
  [types.Message.Video]: 'video',
  [types.Message.Attachment]: 'file',
  [types.Message.Url]: 'link',
  [types.Message.MiniProgram]: 'miniprogram',
  [types.Message.Emoticon]: 'emoticon',
  [types.Message.Recalled]: 'recalled',
}

export function kindOf(type: types.Message): MessageKind {
  return KINDS[type] ?? 'other'
}

/** Puppets disagree on mentions: trust the mention list, and accept "@<bot name>" typed at the start. */
function mentionsByText(text: string, selfName: string): boolean {
  return selfName !== '' && new RegExp(`^\\s*@${selfName.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?:[\\s\\u2005]|$)`).test(text)
}

/**
 * Builds the Inbound record, or null when the payload is too broken to attribute
 * (no talker). Never throws: a puppet's malformed payload must not stop the bot.
 */
export async function toInbound(message: Message, selfName: string): Promise<Inbound | null> {
  const payload = message.payload
  if (!payload) return null
  const talkerId = payload.talkerId || ''
  if (!talkerId) return null
  const room = message.room()
  let roomTopic: string | null = null
  let talkerName = ''
  try {
    const talker = message.talker()
    talkerName = talker.name() || ''
    if (room) {
      roomTopic = await room.topic()
      // The group alias carries the door number more often than the WeChat name does.
      talkerName = (await room.alias(talker).catch(() => undefined)) || talkerName
    }
  } catch {
    // Talker or room not loadable: keep the ids we have.
  }
  const text = payload.type === types.Message.Text ? (message.text() ?? '') : (payload.text ?? '')
  let mentionsSelf = false
  if (room) mentionsSelf = (await message.mentionSelf().catch(() => false)) || mentionsByText(text, selfName)
  const ts = payload.timestamp
  // Puppets send seconds or milliseconds; anything before 2001 in ms is really seconds.
  const at = typeof ts === 'number' && ts > 0 ? (ts < 1e12 ? ts * 1000 : ts) : Date.now()
  return {
    messageId: message.id,
    // Over gRPC a private message carries roomId '' (protobuf's default), not undefined.
    roomId: room?.id || payload.roomId || null,
    roomTopic,
    talkerId,
    talkerName,
    text,
    type: kindOf(payload.type),
    mentionsSelf,
    at,
  }
}
