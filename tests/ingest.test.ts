// Group commit and the recent-message window (issue 7): storing a burst in one
// transaction must keep every guarantee of storing one message at a time — idempotence,
// re-delivery drops, flood counts, nothing lost on a storage fault, a restart in between.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { SCHEMA_VERSION } from '../store/migrations.ts'
import { Inbox, MAX_TEXT, REDELIVERY_WINDOW_MS, ROOM_SEEN_EVERY_MS, storedRow } from '../store/inbox.ts'
import type { Inbound, Processed } from '../store/types.ts'
import { WINDOW_KEEP_MS } from '../store/recent-window.ts'
import { openStore, type DB } from '../store/store.ts'
import { parseConfig } from '../handlers/config.ts'
import { createContext } from '../handlers/context.ts'
import { Ingest, MAX_QUEUED } from '../handlers/ingest.ts'

const T0 = Date.UTC(2026, 10, 22, 2, 0, 0)
let dir = ''
const dbs: DB[] = []
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'lgj-ingest-'))
})
afterEach(() => {
  for (const db of dbs.splice(0)) if (db.open) db.close()
  rmSync(dir, { recursive: true, force: true })
})
const open = (name = 'x.db') => {
  const db = openStore(join(dir, name))
  dbs.push(db)
  return db
}

let seq = 0
function msg(p: Partial<Inbound> = {}): Inbound {
  seq++
  return {
    messageId: `m${seq}`,
    roomId: 'floor-1@chatroom',
    roomTopic: '1栋1单元',
    talkerId: 'res-1',
    talkerName: '王阿姨',
    text: `第${seq}条`,
    type: 'text',
    mentionsSelf: false,
    at: T0,
    ...p,
  }
}

describe('storing a burst', () => {
  it('stores each message once, in order, and drops re-deliveries inside the burst and against what is stored', () => {
    const inbox = new Inbox(open())
    const a = msg({ text: '家里水管爆了', at: T0 })
    const r1 = inbox.storeMany([a, msg({ text: '谢谢' }), { ...a }, { ...a, messageId: 'other-id', at: T0 + 5_000 }], T0)
    expect(r1.map((r) => (r.stored ? 'stored' : r.reason))).toEqual(['stored', 'stored', 'same-id', 'redelivery'])
    const ids = r1.filter((r) => r.stored).map((r) => (r as { id: number }).id)
    expect(ids[1]).toBeGreaterThan(ids[0])
    // The next burst sees the committed rows: same id, and same text re-sent with a new id.
    const r2 = inbox.storeMany(
      [{ ...a }, { ...a, messageId: 'third-id', at: T0 + 50_000 }, { ...a, messageId: 'later', at: T0 + REDELIVERY_WINDOW_MS + 1 }],
      T0 + 50_000,
    )
    expect(r2.map((r) => (r.stored ? 'stored' : r.reason))).toEqual(['same-id', 'redelivery', 'stored'])
    // The same text from someone else, in another room, or as another type is a new message.
    const r3 = inbox.storeMany(
      [
        { ...a, messageId: 'n1', talkerId: 'res-2' },
        { ...a, messageId: 'n2', roomId: 'floor-2@chatroom' },
        { ...a, messageId: 'n3', roomId: null },
      ],
      T0 + 51_000,
    )
    expect(r3.every((r) => r.stored)).toBe(true)
  })

  it('the row it reports for a stored message is the row pending() reads back (the ingest processes it without reading)', () => {
    const inbox = new Inbox(open())
    const ms = [
      msg({ text: '救命'.repeat(15_000), mentionsSelf: true }),
      msg({ roomId: null, roomTopic: null, type: 'image', text: '' }),
      msg({ text: '收到' }),
    ]
    const rs = inbox.storeMany(ms, T0 + 7)
    const rows = rs.map((r, i) => storedRow(ms[i], (r as { id: number }).id, T0 + 7))
    expect(inbox.pending()).toEqual(rows)
    expect(rows[0].text).toHaveLength(MAX_TEXT)
  })

  it('a failed burst stores nothing and does not make its own retry look like a re-delivery', () => {
    const db = open()
    const inbox = new Inbox(db)
    inbox.store(msg({ at: T0 }), T0)
    const burst = [msg({ text: '电梯坏了', at: T0 + 1_000 }), msg({ text: '门禁也坏了', at: T0 + 1_000 })]
    db.exec(
      `CREATE TRIGGER fail_second BEFORE INSERT ON inbound WHEN NEW.text = '门禁也坏了' BEGIN SELECT RAISE(ABORT, 'disk I/O error'); END`,
    )
    expect(() => inbox.storeMany(burst, T0 + 1_000)).toThrow()
    expect(inbox.byMessageId(burst[0].messageId)).toBeNull()
    db.exec('DROP TRIGGER fail_second')
    expect(inbox.storeMany(burst, T0 + 2_000).map((r) => r.stored)).toEqual([true, true])
  })

  it('after a restart the window is rebuilt from the DB: a re-delivery within the minute is still dropped', () => {
    const first = new Inbox(open('r.db'))
    first.store(msg({ messageId: 'before', text: '3栋停水了', at: T0 }), T0)
    dbs[0].close()
    const again = new Inbox(open('r.db'))
    expect(again.store(msg({ messageId: 'after', text: '3栋停水了', at: T0 + 30_000 }), T0 + 30_000)).toEqual({
      stored: false,
      reason: 'redelivery',
    })
    expect(again.store(msg({ messageId: 'before', text: '3栋停水了', at: T0 }), T0 + 30_000)).toEqual({ stored: false, reason: 'same-id' })
  })

  it('an old message delivered late is checked against the DB, outside the window', () => {
    const inbox = new Inbox(open())
    const old = T0 - 60 * 60_000
    inbox.store(msg({ messageId: 'old-1', text: '我要土豆3斤', at: old }), old)
    // Hours later the window has moved on; the service redelivers the old message under a new id.
    inbox.store(msg({ text: '早上好', at: T0 }), T0)
    expect(inbox.store(msg({ messageId: 'old-1-again', text: '我要土豆3斤', at: old + 2_000 }), T0 + 1_000)).toEqual({
      stored: false,
      reason: 'redelivery',
    })
  })

  it('flood counts from memory agree with the DB, inside the window and outside it', () => {
    const db = open()
    const inbox = new Inbox(db)
    const stored: { at: number; id: number }[] = []
    let clock = T0
    for (let i = 0; i < 400; i++) {
      clock += 1_000 + (i % 7) * 300
      const talkerId = i % 3 === 0 ? 'flooder' : `res-${i % 5}`
      const at = clock - (i % 4) * 20_000 // out of order by up to a minute
      const r = inbox.store(msg({ talkerId, at, text: `消息${i}` }), clock)
      if (r.stored && talkerId === 'flooder') stored.push({ at, id: r.id })
    }
    // A fresh Inbox has no window yet: it answers from SQL.
    const fromDb = new Inbox(db)
    for (const upTo of stored.slice(-40)) {
      expect(inbox.countFrom('flooder', upTo.at - 60_000, upTo)).toBe(fromDb.countFrom('flooder', upTo.at - 60_000, upTo))
    }
    expect(inbox.countFrom('flooder', clock - 60_000)).toBe(fromDb.countFrom('flooder', clock - 60_000))
    expect(inbox.countFrom('flooder', clock - 60_000)).toBeGreaterThan(5)
    // Far back, beyond what memory holds: the same answer, from SQL.
    const early = stored[10]
    expect(clock - early.at).toBeGreaterThan(WINDOW_KEEP_MS)
    expect(inbox.countFrom('flooder', early.at - 60_000, early)).toBe(fromDb.countFrom('flooder', early.at - 60_000, early))
  })
})

describe('the ingest queue', () => {
  const config = parseConfig({ TRIAGE_STEWARDS: 'steward-wang', TRIAGE_MANAGERS: 'mgr-zhao' })

  it('stores and processes a burst: tickets filed, an emergency alerted, noise left alone', () => {
    const ctx = createContext(open(), config, () => T0)
    const ingest = new Ingest(ctx)
    ingest.push(msg({ text: '收到' }))
    ingest.push(msg({ talkerId: 'res-2', text: '救命 我爸晕倒了 叫不醒 3栋2单元501' }))
    ingest.push(msg({ talkerId: 'res-3', text: '6栋1单元外路灯不亮' }))
    expect(ingest.queued).toBe(3)
    const r = ingest.flush()
    expect(ingest.queued).toBe(0)
    expect(r.processed).toBe(3)
    expect(r.stored.every((s) => s.result.stored)).toBe(true)
    expect(ctx.inbox.pending()).toEqual([])
    expect(ctx.tickets.byTalker('res-2')[0]).toMatchObject({ urgent: true, category: 'medical' })
    expect(ctx.tickets.byTalker('res-3')[0]).toMatchObject({ category: 'repair' })
    expect(ctx.tickets.byTalker('res-1')).toEqual([])
    expect(ctx.outbox.store.all().some((m) => m.to.id === 'steward-wang' && m.urgent)).toBe(true)
  })

  it('keeps what it could not store and stores it on the next flush', () => {
    const db = open()
    const ctx = createContext(db, config, () => T0)
    const ingest = new Ingest(ctx)
    // Long enough to need a new page, which the full disk cannot give.
    ingest.push(msg({ talkerId: 'res-2', text: `家里没菜了 帮忙买点青菜${' 谢谢'.repeat(1500)}` }))
    // A full disk: the file may not grow by a single page.
    const pages = db.pragma('page_count', { simple: true }) as number
    db.pragma(`max_page_count = ${pages}`)
    let i = 0
    for (const size of [2000, 200, 20, 1]) {
      for (; ; i++) {
        try {
          db.prepare('INSERT INTO kv(key, value) VALUES (?, ?)').run(`filler-${i}`, 'x'.repeat(size))
        } catch {
          break
        }
      }
    }
    expect(() => ingest.flush()).toThrow(expect.objectContaining({ name: 'StoreError', code: 'FULL' }))
    expect(ingest.queued).toBe(1)
    db.pragma(`max_page_count = ${pages * 100}`)
    const r = ingest.flush()
    expect(r.stored[0].result.stored).toBe(true)
    expect(r.processed).toBe(1)
    expect(ctx.inbox.pending()).toEqual([])
  })

  it('a message that breaks its handler is marked done with an error and does not hold back the rest of the batch', () => {
    const db = open()
    const errors: object[] = []
    const ctx = createContext(db, config, () => T0, {
      info() {},
      warn() {},
      debug() {},
      error: (o: object) => {
        errors.push(o)
      },
    })
    const ingest = new Ingest(ctx)
    // A bug that strikes after the ticket is written: its partial work must not survive.
    const event = ctx.tickets.event.bind(ctx.tickets)
    ctx.tickets.event = (...args: Parameters<typeof event>) => {
      if (args[2] === 'res-2') throw new TypeError('a bug in a handler')
      return event(...args)
    }
    ingest.push(msg({ talkerId: 'res-1', text: '3栋2单元楼道灯不亮' }))
    ingest.push(msg({ talkerId: 'res-2', text: '6栋电梯坏了' }))
    ingest.push(msg({ talkerId: 'res-3', text: '我家厨房水管漏水了' }))
    expect(ingest.flush().processed).toBe(3)
    expect(ctx.inbox.pending()).toEqual([])
    // The batch ran again with a savepoint per message: only the bad one was rolled back.
    expect(ctx.tickets.byTalker('res-2')).toEqual([])
    expect(ctx.tickets.byTalker('res-1')).toHaveLength(1)
    expect(ctx.tickets.byTalker('res-3')).toHaveLength(1)
    // Each filed once, not once per attempt.
    expect(db.prepare('SELECT count(*) AS n FROM tickets').get()).toEqual({ n: 2 })
    expect(db.prepare(`SELECT count(*) AS n FROM outbox`).get()).toEqual({ n: 2 })
    expect(errors).toHaveLength(1)
    const bad = db.prepare(`SELECT state, category, ticket_id FROM inbound WHERE talker_id = 'res-2'`).get()
    expect(bad).toEqual({ state: 'done', category: 'other', ticket_id: null })
  })

  it('a handler that fails only once gets a second chance with its batch', () => {
    const db = open()
    const ctx = createContext(db, config, () => T0)
    const ingest = new Ingest(ctx)
    const create = ctx.tickets.create.bind(ctx.tickets)
    let calls = 0
    ctx.tickets.create = (...args: Parameters<typeof create>) => {
      if (++calls === 1) throw new TypeError('a passing fault')
      return create(...args)
    }
    ingest.push(msg({ talkerId: 'res-2', text: '6栋电梯坏了' }))
    ingest.push(msg({ talkerId: 'res-3', text: '5栋2单元楼道灯不亮' }))
    expect(ingest.flush().processed).toBe(2)
    expect(ctx.tickets.byTalker('res-2')).toHaveLength(1)
    expect(ctx.tickets.byTalker('res-3')).toHaveLength(1)
    expect(db.prepare('SELECT count(*) AS n FROM tickets').get()).toEqual({ n: 2 })
  })

  it('is bounded while the store is down: past MAX_QUEUED the oldest are dropped, loudly', () => {
    const errors: object[] = []
    const ctx = createContext(open(), config, () => T0, {
      info() {},
      warn() {},
      debug() {},
      error: (o: object) => {
        errors.push(o)
      },
    })
    const ingest = new Ingest(ctx)
    for (let i = 0; i < MAX_QUEUED + 2; i++) ingest.push(msg({ text: 'x' }))
    expect(ingest.queued).toBe(MAX_QUEUED)
    expect(errors).toHaveLength(2)
    expect(JSON.stringify(errors)).not.toContain('"x"')
  })
})

describe('marking a batch processed', () => {
  it('gives every message its own outcome', () => {
    const db = open()
    const inbox = new Inbox(db)
    const ids = inbox
      .storeMany(
        Array.from({ length: 6 }, (_, i) => msg({ text: `第${i}句` })),
        T0,
      )
      .map((r) => (r as { id: number }).id)
    const outcomes: Processed[] = [
      { category: 'other', urgent: false, labels: ['other'], ticketId: null },
      { category: 'medical', urgent: true, labels: ['medical'], ticketId: null },
      { category: 'other', urgent: false, labels: ['other'], ticketId: null },
      { category: 'other', urgent: false, labels: ['other', 'grocery'], ticketId: null },
      { category: 'repair', urgent: false, labels: ['repair'], ticketId: 7 },
      { category: 'other', urgent: false, labels: ['other'], ticketId: null },
    ]
    ids.forEach((id, i) => inbox.markDone(id, outcomes[i]))
    const rows = db.prepare('SELECT state, category, urgent, labels, ticket_id FROM inbound ORDER BY id').all()
    expect(rows).toEqual(
      outcomes.map((o) => ({
        state: 'done',
        category: o.category,
        urgent: o.urgent ? 1 : 0,
        labels: JSON.stringify(o.labels),
        ticket_id: o.ticketId,
      })),
    )
    expect(inbox.pending()).toEqual([])
  })
})

describe('known groups', () => {
  it('keeps each group and its topic, writing last_seen at most once a minute but a new topic at once', () => {
    const db = open()
    const inbox = new Inbox(db)
    const row = () => db.prepare(`SELECT topic, first_seen, last_seen FROM rooms WHERE room_id = 'g1'`).get()
    inbox.storeMany([msg({ roomId: 'g1', roomTopic: '3栋', text: 'a' })], T0)
    expect(row()).toEqual({ topic: '3栋', first_seen: T0, last_seen: T0 })
    inbox.storeMany([msg({ roomId: 'g1', roomTopic: '3栋', text: 'b' })], T0 + 30_000)
    expect(row()).toEqual({ topic: '3栋', first_seen: T0, last_seen: T0 })
    inbox.storeMany([msg({ roomId: 'g1', roomTopic: '3栋', text: 'c' })], T0 + ROOM_SEEN_EVERY_MS)
    expect(row()).toEqual({ topic: '3栋', first_seen: T0, last_seen: T0 + ROOM_SEEN_EVERY_MS })
    inbox.storeMany([msg({ roomId: 'g1', roomTopic: '3栋 核酸群', text: 'd' })], T0 + ROOM_SEEN_EVERY_MS + 1)
    expect(row()).toEqual({ topic: '3栋 核酸群', first_seen: T0, last_seen: T0 + ROOM_SEEN_EVERY_MS + 1 })
    // Another process (or a restart) finds the group known.
    expect(new Inbox(db).knownRooms()).toEqual([{ roomId: 'g1', topic: '3栋 核酸群', lastSeen: T0 + ROOM_SEEN_EVERY_MS + 1 }])
  })
})

describe('schema versions 3 and later', () => {
  it('migrates a version 2 DB in place: the new indexes exist, the costly ones are gone, the rows are kept', () => {
    const db = open('v2.db')
    new Inbox(db).store(msg({ messageId: 'kept', text: '我要鸡蛋10个' }), T0)
    // Back to version 2 as an older Louguanjia left it.
    db.exec(`DROP INDEX inbound_new; DROP INDEX outbox_pending; DROP INDEX orders_ticket; DROP INDEX ticket_reporters_talker;
      CREATE INDEX inbound_state_at ON inbound(state, at); CREATE INDEX inbound_dupe ON inbound(talker_id, room_id, at);
      CREATE INDEX outbox_pending ON outbox(state, urgent, id);
      DROP INDEX tickets_talker; CREATE INDEX tickets_talker ON tickets(talker_id, state); DROP INDEX tickets_urgent_room; DROP INDEX households_room;
      DROP INDEX ticket_messages_inbound; DROP INDEX tickets_fault; CREATE INDEX tickets_fault ON tickets(fault_key, state);
      ALTER TABLE tickets DROP COLUMN possible_urgent; ALTER TABLE outbox DROP COLUMN ahead; DROP TABLE jielong_lines;
      ALTER TABLE outbox DROP COLUMN purpose; ALTER TABLE outbox DROP COLUMN fallback;
      DROP INDEX ticket_reporters_satisfaction; ALTER TABLE ticket_reporters DROP COLUMN satisfaction_asked_at;
      ALTER TABLE ticket_reporters DROP COLUMN satisfaction; ALTER TABLE ticket_reporters DROP COLUMN satisfaction_at; DROP TABLE friend_requests;`)
    db.pragma('user_version = 2')
    db.close()
    const again = open('v2.db')
    expect(again.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION)
    const names = (again.prepare(`SELECT name FROM sqlite_master WHERE type = 'index'`).all() as { name: string }[]).map((r) => r.name)
    expect(names).toEqual(expect.arrayContaining(['inbound_new', 'outbox_pending', 'orders_ticket', 'ticket_reporters_talker']))
    expect(names).not.toContain('inbound_dupe')
    expect(names).not.toContain('inbound_state_at')
    expect(new Inbox(again).byMessageId('kept')?.text).toBe('我要鸡蛋10个')
    const plan = (sql: string) => (again.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as { detail: string }[]).map((r) => r.detail).join('; ')
    expect(plan(`SELECT * FROM inbound WHERE state = 'new' ORDER BY at, id LIMIT 10`)).toContain('inbound_new')
    expect(plan(`SELECT * FROM outbox WHERE state = 'pending' ORDER BY urgent DESC, ahead DESC, id LIMIT 10`)).not.toContain('TEMP B-TREE')
    expect(plan('SELECT * FROM orders WHERE ticket_id = 1 ORDER BY id DESC LIMIT 1')).toContain('orders_ticket')
    // Version 4: a resident's open ticket of a kind and category, and a cancelled one, are sought by all four.
    expect(
      plan(`SELECT * FROM tickets WHERE talker_id = 'r' AND kind = 'request' AND state IN ('open', 'claimed') AND category = 'grocery'
      ORDER BY created_at DESC, id DESC LIMIT 1`),
    ).toContain('tickets_talker (talker_id=? AND state=? AND kind=? AND category=?)')
    expect(
      plan(`SELECT * FROM tickets WHERE talker_id = 'r' AND category = 'grocery' AND kind = 'request' AND state = 'cancelled'
      AND resolved_at >= 0 ORDER BY resolved_at DESC LIMIT 1`),
    ).toContain('tickets_talker (talker_id=? AND state=? AND kind=? AND category=?)')
    expect(
      plan(`SELECT * FROM tickets WHERE urgent = 1 AND room_id = 'g' AND created_at >= 0 AND state IN ('open', 'claimed')
      AND category = 'medical' ORDER BY created_at DESC LIMIT 1`),
    ).toBe('SEARCH tickets USING INDEX tickets_urgent_room (room_id=? AND created_at>?)')
    expect(plan(`SELECT building, unit, room, tier, note FROM households WHERE building = '3' AND room = '502'`)).toContain(
      'households_room (building=? AND room=?)',
    )
    // Version 5: what a foreign-key check does for each inbound row deleted (the retention purge),
    // and the shared-fault lookup through an index of the tickets that have a fault key.
    expect(plan('SELECT 1 FROM ticket_messages WHERE inbound_id = 7')).toContain('ticket_messages_inbound (inbound_id=?)')
    expect(
      plan(`SELECT * FROM tickets WHERE fault_key = 'f' AND state IN ('open', 'claimed') AND created_at >= 0 ORDER BY created_at LIMIT 1`),
    ).toContain('tickets_fault (fault_key=? AND state=?)')
    expect((again.prepare(`SELECT sql FROM sqlite_master WHERE name = 'tickets_fault'`).get() as { sql: string }).sql).toContain(
      'WHERE fault_key IS NOT NULL',
    )
  })
})

describe('the queue report at volume', () => {
  it('reads a few tickets per priority level yet shows the same first fifteen as sorting the whole queue', async () => {
    const { byQueueOrder } = await import('../handlers/priority.ts')
    const { queueReport } = await import('../handlers/queue.ts')
    const now = T0
    const ctx = createContext(open(), parseConfig({ TRIAGE_STEWARDS: 'steward-wang' }), () => now)
    // 400 tickets over four days: waiting lifts old low-priority ones above newer high ones.
    for (let i = 0; i < 400; i++) {
      const priority = i % 4
      const createdAt = now - ((i * 7919) % (4 * 24 * 60)) * 60_000
      const source = ctx.inbox.store(msg({ talkerId: `res-${i}`, at: createdAt }), now) as { id: number }
      const t = ctx.tickets.create(
        {
          kind: 'request',
          category: (['medical', 'repair', 'grocery', 'pet'] as const)[priority],
          labels: [],
          urgent: priority === 0,
          emergency: null,
          needsReview: false,
          priority,
          roomId: null,
          roomTopic: null,
          talkerId: `res-${i}`,
          talkerName: `住户${i}`,
          building: String(1 + (i % 6)),
          unit: null,
          floor: null,
          room: null,
          tier: null,
          summary: `事项${i}`,
          faultKey: null,
          createdAt,
          slaClaimDue: null,
          quiet: false,
        },
        source.id,
      )
      if (i % 5 === 0) ctx.tickets.update(t.id, { state: 'claimed', claimedBy: 'steward-wang' }, now)
      if (i % 11 === 0) ctx.tickets.update(t.id, { state: 'done' }, now)
    }
    for (const filter of [{}, { building: '3' }, { category: 'repair' as const }]) {
      const all = ctx.tickets.queue({ ...filter, limit: 10_000 }).sort(byQueueOrder(now))
      const head = ctx.tickets.queueHead(filter, 15).sort(byQueueOrder(now)).slice(0, 15)
      expect(head.map((t) => t.id)).toEqual(all.slice(0, 15).map((t) => t.id))
      expect(ctx.tickets.countQueue(filter)).toBe(all.length)
      // Counted up to a bound, and one more past it.
      expect(ctx.tickets.countQueue(filter, 10)).toBe(11)
      expect(ctx.tickets.countQueue(filter, all.length)).toBe(all.length)
    }
    const report = queueReport(ctx, '')
    const whole = ctx.tickets.queue({ limit: 10_000 }).sort(byQueueOrder(now))
    expect(report).toContain(`待办 ${whole.length} 件`)
    // The first screen is the head of the whole queue, in its order.
    const shown = [...report.matchAll(/^#(\d+) /gm)].map((m) => Number(m[1]))
    expect(shown.length).toBeGreaterThanOrEqual(6)
    expect(shown).toEqual(whole.slice(0, shown.length).map((t) => t.id))
  })

  it('says "more than" instead of counting a backlog past QUEUE_COUNT_UP_TO, and still shows the most pressing first', async () => {
    const { QUEUE_COUNT_UP_TO, queueReport } = await import('../handlers/queue.ts')
    const now = T0
    const ctx = createContext(open(), parseConfig({ TRIAGE_STEWARDS: 'steward-wang' }), () => now)
    const add = ctx.db.prepare(
      `INSERT INTO tickets (category, priority, talker_id, summary, created_at, updated_at) VALUES ('grocery', 2, ?, ?, ?, ?)`,
    )
    ctx.db.transaction(() => {
      for (let i = 0; i < QUEUE_COUNT_UP_TO + 5; i++) add.run(`res-${i}`, `买菜${i}`, now - i, now - i)
    })()
    const urgent = ctx.tickets.create(
      {
        kind: 'request',
        category: 'medical',
        labels: ['medical'],
        urgent: true,
        emergency: 'medical',
        needsReview: false,
        priority: 0,
        roomId: null,
        roomTopic: null,
        talkerId: 'res-x',
        talkerName: '住户x',
        building: '3',
        unit: null,
        floor: null,
        room: null,
        tier: null,
        summary: '我的手受伤了,血流不止',
        faultKey: null,
        createdAt: now,
        slaClaimDue: null,
        quiet: false,
      },
      null,
    )
    const report = queueReport(ctx, '')
    expect(report.split('\n')[0]).toBe(`📋 待办 超过 ${QUEUE_COUNT_UP_TO} 件`)
    expect(report.split('\n')[1]).toContain(`#${urgent.id}`)
    expect(report).toContain('还有很多:回复「队列 更多」看下一屏')
  })
})

describe('WAL checkpoints on a worker thread', () => {
  it('copies committed pages into the database file while the main connection only writes', async () => {
    const { startCheckpointer, SAFETY_NET_PAGES } = await import('../store/checkpointer.ts')
    const { statSync } = await import('node:fs')
    const db = open('cp.db')
    const problems: string[] = []
    const cp = startCheckpointer(db, { everyMs: 50, onError: (m) => problems.push(m) })
    expect(cp).not.toBeNull()
    expect(db.pragma('wal_autocheckpoint', { simple: true })).toBe(SAFETY_NET_PAGES)
    const before = statSync(join(dir, 'cp.db')).size
    const inbox = new Inbox(db)
    // ~6 MB, far below the main connection's own threshold (~40 MB): only the worker checkpoints it.
    for (let i = 0; i < 30; i++)
      inbox.storeMany(
        Array.from({ length: 20 }, (_, j) => msg({ text: `${i}-${j} ${'长'.repeat(3000)}` })),
        T0,
      )
    await new Promise((r) => setTimeout(r, 400))
    expect(statSync(join(dir, 'cp.db')).size).toBeGreaterThan(before + 3_000_000)
    await cp!.stop()
    expect(db.pragma('wal_autocheckpoint', { simple: true })).toBe(1000)
    expect(new Inbox(db).pending(1000)).toHaveLength(600)
    expect(problems).toEqual([])
  })

  it('is not started for an in-memory database', async () => {
    const { startCheckpointer } = await import('../store/checkpointer.ts')
    const db = openStore(':memory:')
    dbs.push(db)
    expect(startCheckpointer(db)).toBeNull()
  })
})
