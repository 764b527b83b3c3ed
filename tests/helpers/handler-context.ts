// An in-memory store, a parsed config and a hand-driven clock for handler tests.
import type { TriageResult } from '../../classifiers/triage.ts'
import type { Inbound, StoredInbound } from '../../store/types.ts'
import { openStore } from '../../store/store.ts'
import { parseConfig } from '../../handlers/config.ts'
import { createContext, type Context } from '../../handlers/context.ts'

export const STEWARDS = 'steward-wang=物业小王,steward-li=管家李姐'
export const MANAGERS = 'manager-zhou=经理周总'

export interface TestContext extends Context {
  advance(ms: number): void
  setNow(at: number): void
  post(m: Partial<Inbound> & { text: string }): StoredInbound
  sent(): { to: string; kind: string; text: string; mentions: string[]; urgent: boolean; hasFile: boolean }[]
}

/** 2022-04-18 09:00 local time. */
export const T0 = new Date(2022, 3, 18, 9, 0, 0).getTime()

export function testContext(env: Record<string, string> = {}): TestContext {
  let now = T0
  const db = openStore(':memory:')
  const ctx = createContext(db, parseConfig({ TRIAGE_STEWARDS: STEWARDS, TRIAGE_MANAGERS: MANAGERS, ...env }), () => now) as TestContext
  ctx.setSelfId('bot-louguanjia')
  let seq = 0
  ctx.advance = (ms) => {
    now += ms
  }
  ctx.setNow = (at) => {
    now = at
  }
  ctx.post = (m) => {
    const inbound: Inbound = {
      messageId: m.messageId ?? `m${++seq}`,
      roomId: m.roomId === undefined ? 'floor-6-2@chatroom' : m.roomId,
      roomTopic: m.roomTopic === undefined ? '春江天境6栋2楼业主群' : m.roomTopic,
      talkerId: m.talkerId ?? 'res-01',
      talkerName: m.talkerName ?? '6-1-201 王阿姨',
      text: m.text,
      type: m.type ?? 'text',
      mentionsSelf: m.mentionsSelf ?? false,
      at: m.at ?? now,
    }
    const r = ctx.inbox.store(inbound, now)
    if (!r.stored) throw new Error(`not stored: ${r.reason}`)
    return ctx.inbox.get(r.id)!
  }
  ctx.sent = () =>
    ctx.outbox.store.all().map((m) => ({
      to: m.to.id,
      kind: m.to.kind,
      text: m.text,
      mentions: m.mentions ?? [],
      urgent: m.urgent ?? false,
      hasFile: !!m.file,
    }))
  return ctx
}

/** A hand-written triage result, so handler tests do not depend on the model. */
export function triaged(over: Partial<TriageResult> & Pick<TriageResult, 'category'>): TriageResult {
  return {
    labels: [over.category],
    urgent: false,
    possibleUrgent: false,
    emergency: null,
    confidence: 0.9,
    needsReview: false,
    cancels: false,
    items: [],
    location: null,
    text: '',
    ...over,
  }
}
