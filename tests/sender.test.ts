// The outbox sender: WeChat's tolerance for bursts, emergencies first and outside the budget,
// one failing conversation not holding up the rest, and nothing lost.
import { describe, expect, it } from 'vitest'
import { Sender, type Transport } from '../bot/sender.ts'
import { OutboxStore, type QueuedMessage } from '../store/outbox.ts'
import { openStore } from '../store/store.ts'
import { silentLog } from '../handlers/context.ts'

function setup(rate = { perMinute: 5, perConversationMs: 3000 }, fail: (m: QueuedMessage) => boolean = () => false) {
  let now = 1_000_000
  const store = new OutboxStore(openStore(':memory:'))
  const sent: QueuedMessage[] = []
  const transport: Transport = {
    async send(m) {
      if (fail(m)) throw new Error('room not found')
      sent.push(m)
    },
  }
  const sender = new Sender(store, transport, () => now, rate, silentLog)
  return {
    store,
    sent,
    sender,
    advance: (ms: number) => {
      now += ms
    },
    at: () => now,
  }
}

const room = (id: string, text: string, urgent = false) => ({ to: { kind: 'room' as const, id }, text, urgent })

describe('outbox sender', () => {
  it('keeps one message per conversation every few seconds and a global budget per minute', async () => {
    const { store, sent, sender, advance, at } = setup()
    for (let i = 0; i < 3; i++) store.enqueue(room('a@chatroom', `a${i}`), at())
    for (let i = 0; i < 10; i++) store.enqueue(room(`r${i}@chatroom`, `r${i}`), at())
    await sender.pump()
    // One to a@chatroom, then four other rooms: five in the minute.
    expect(sent.map((m) => m.text)).toEqual(['a0', 'r0', 'r1', 'r2', 'r3'])
    advance(3000)
    await sender.pump()
    expect(sent).toHaveLength(5)
    advance(60_000)
    await sender.pump()
    expect(sent).toHaveLength(10)
    expect(store.countPending()).toBe(3)
  })

  it('sends emergencies at once, first, and outside the budget', async () => {
    const { store, sent, sender, at } = setup({ perMinute: 1, perConversationMs: 60_000 })
    store.enqueue(room('a@chatroom', 'normal 1'), at())
    store.enqueue(room('a@chatroom', 'normal 2'), at())
    for (let i = 0; i < 4; i++) store.enqueue({ to: { kind: 'contact', id: `steward-${i}` }, text: `🆘 ${i}`, urgent: true }, at())
    await sender.pump()
    expect(sent.map((m) => m.text)).toEqual(['🆘 0', '🆘 1', '🆘 2', '🆘 3', 'normal 1'])
  })

  it('sends a row marked ahead before the everyday rows, but inside the budget', async () => {
    const { store, sent, sender, advance, at } = setup({ perMinute: 2, perConversationMs: 0 })
    for (let i = 0; i < 3; i++) store.enqueue(room(`r${i}@chatroom`, `normal ${i}`), at())
    store.enqueue({ to: { kind: 'contact', id: 'steward-wang' }, text: '👀 请看一眼 #7', ahead: true }, at())
    store.enqueue({ to: { kind: 'contact', id: 'steward-li' }, text: '👀 请看一眼 #7', ahead: true }, at())
    store.enqueue({ to: { kind: 'contact', id: 'steward-zhao' }, text: '👀 请看一眼 #7', ahead: true }, at())
    await sender.pump()
    // Two in the minute, both of them the looks; the third look waits for the budget like everything else.
    expect(sent.map((m) => m.to.id)).toEqual(['steward-wang', 'steward-li'])
    advance(60_000)
    await sender.pump()
    expect(sent.map((m) => m.text)).toEqual(['👀 请看一眼 #7', '👀 请看一眼 #7', '👀 请看一眼 #7', 'normal 0'])
  })

  it('skips a failing conversation for the rest of the pass and retries it later, up to a limit', async () => {
    const { store, sent, sender, advance, at } = setup({ perMinute: 100, perConversationMs: 0 }, (m) => m.to.id === 'gone@chatroom')
    store.enqueue(room('gone@chatroom', 'lost room'), at())
    store.enqueue(room('b@chatroom', 'fine'), at())
    await sender.pump()
    expect(sent.map((m) => m.text)).toEqual(['fine'])
    for (let i = 0; i < 6; i++) {
      advance(1000)
      await sender.pump()
    }
    const rows = store.all()
    expect(rows.find((r) => r.text === 'lost room')).toMatchObject({ state: 'failed', attempts: 5 })
  })

  it('drains an outbox longer than one read in one pass, marking every message sent once', async () => {
    const { store, sent, sender, at } = setup({ perMinute: Infinity, perConversationMs: 0 })
    for (let i = 0; i < 450; i++) store.enqueue(room(`r${i % 30}@chatroom`, `m${i}`), at())
    expect(await sender.pump()).toBe(450)
    expect(sent.map((m) => m.text)).toEqual(Array.from({ length: 450 }, (_, i) => `m${i}`))
    expect(store.countPending()).toBe(0)
    expect(store.all().every((r) => r.state === 'sent' && r.attempts === 1)).toBe(true)
  })

  it('reads the pending list once a pass when what is left has to wait for the budget', async () => {
    const { store, sent, sender, at } = setup({ perMinute: 2, perConversationMs: 0 })
    for (let i = 0; i < 5; i++) store.enqueue(room(`r${i}@chatroom`, `m${i}`), at())
    let reads = 0
    const pending = store.pending.bind(store)
    store.pending = (limit?: number) => {
      reads++
      return pending(limit)
    }
    await sender.pump()
    expect(sent).toHaveLength(2)
    expect(reads).toBe(1)
  })

  it('sends what was queued during a pass before the pass ends', async () => {
    const { store, sent, sender, at } = setup({ perMinute: Infinity, perConversationMs: 0 })
    store.enqueue(room('a@chatroom', 'first'), at())
    const transport: Transport = {
      async send(m) {
        sent.push(m)
        if (m.text === 'first') {
          store.enqueue({ to: { kind: 'contact', id: 'steward-1' }, text: '🆘', urgent: true }, at())
          sender.wake(true)
        }
      },
    }
    sender.setTransport(transport)
    await sender.pump()
    expect(sent.map((m) => m.text)).toEqual(['first', '🆘'])
  })
})
