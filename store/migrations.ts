// Schema migrations, applied in order at start-up. `PRAGMA user_version` holds
// the number of the last one applied; a DB with a higher number than we know
// comes from a newer Louguanjia and is refused rather than half-understood.
export const MIGRATIONS: readonly string[] = [
  // 1: the inbox, tickets, orders, outbox, households, audit trail.
  `
  CREATE TABLE inbound (
    id            INTEGER PRIMARY KEY,
    message_id    TEXT NOT NULL UNIQUE,
    room_id       TEXT,
    room_topic    TEXT,
    talker_id     TEXT NOT NULL,
    talker_name   TEXT NOT NULL DEFAULT '',
    text          TEXT NOT NULL DEFAULT '',
    type          TEXT NOT NULL DEFAULT 'text',
    mentions_self INTEGER NOT NULL DEFAULT 0,
    at            INTEGER NOT NULL,
    received_at   INTEGER NOT NULL,
    state         TEXT NOT NULL DEFAULT 'new',
    category      TEXT,
    urgent        INTEGER,
    labels        TEXT,
    ticket_id     INTEGER,
    recalled      INTEGER NOT NULL DEFAULT 0
  );
  CREATE INDEX inbound_state_at ON inbound(state, at);
  CREATE INDEX inbound_dupe ON inbound(talker_id, room_id, at);
  CREATE INDEX inbound_at ON inbound(at);

  CREATE TABLE tickets (
    id            INTEGER PRIMARY KEY,
    kind          TEXT NOT NULL DEFAULT 'request',
    category      TEXT NOT NULL,
    labels        TEXT NOT NULL DEFAULT '[]',
    urgent        INTEGER NOT NULL DEFAULT 0,
    emergency     TEXT,
    needs_review  INTEGER NOT NULL DEFAULT 0,
    priority      INTEGER NOT NULL,
    state         TEXT NOT NULL DEFAULT 'open',
    room_id       TEXT,
    room_topic    TEXT,
    talker_id     TEXT NOT NULL,
    talker_name   TEXT NOT NULL DEFAULT '',
    building      TEXT,
    unit          TEXT,
    floor         TEXT,
    room          TEXT,
    tier          TEXT,
    summary       TEXT NOT NULL DEFAULT '',
    fault_key     TEXT,
    created_at    INTEGER NOT NULL,
    updated_at    INTEGER NOT NULL,
    claimed_by    TEXT,
    claimed_at    INTEGER,
    resolved_by   TEXT,
    resolved_at   INTEGER,
    note          TEXT,
    sla_claim_due INTEGER,
    sla_breached  INTEGER NOT NULL DEFAULT 0,
    reminded_at   INTEGER,
    alerted_at    INTEGER,
    alert_count   INTEGER NOT NULL DEFAULT 0,
    escalated_at  INTEGER,
    replied_at    INTEGER,
    quiet         INTEGER NOT NULL DEFAULT 0
  );
  CREATE INDEX tickets_state ON tickets(state, priority, created_at);
  CREATE INDEX tickets_talker ON tickets(talker_id, state);
  CREATE INDEX tickets_fault ON tickets(fault_key, state);

  CREATE TABLE ticket_reporters (
    ticket_id   INTEGER NOT NULL REFERENCES tickets(id),
    talker_id   TEXT NOT NULL,
    talker_name TEXT NOT NULL DEFAULT '',
    room_id     TEXT,
    PRIMARY KEY (ticket_id, talker_id)
  );
  CREATE TABLE ticket_messages (
    ticket_id  INTEGER NOT NULL REFERENCES tickets(id),
    inbound_id INTEGER NOT NULL REFERENCES inbound(id),
    PRIMARY KEY (ticket_id, inbound_id)
  );
  CREATE TABLE ticket_events (
    id        INTEGER PRIMARY KEY,
    ticket_id INTEGER,
    at        INTEGER NOT NULL,
    actor_id  TEXT NOT NULL,
    action    TEXT NOT NULL,
    detail    TEXT
  );
  CREATE INDEX ticket_events_ticket ON ticket_events(ticket_id);
  CREATE INDEX ticket_events_at ON ticket_events(at);

  CREATE TABLE orders (
    id          INTEGER PRIMARY KEY,
    ticket_id   INTEGER REFERENCES tickets(id),
    talker_id   TEXT NOT NULL,
    talker_name TEXT NOT NULL DEFAULT '',
    room_id     TEXT,
    building    TEXT,
    unit        TEXT,
    floor       TEXT,
    room        TEXT,
    state       TEXT NOT NULL DEFAULT 'open',
    fingerprint TEXT NOT NULL DEFAULT '',
    created_at  INTEGER NOT NULL,
    updated_at  INTEGER NOT NULL
  );
  CREATE INDEX orders_talker ON orders(talker_id, state);
  CREATE TABLE order_lines (
    order_id     INTEGER NOT NULL REFERENCES orders(id),
    seq          INTEGER NOT NULL,
    name         TEXT NOT NULL,
    qty          REAL,
    unit         TEXT,
    alternatives TEXT NOT NULL DEFAULT '[]',
    note         TEXT,
    PRIMARY KEY (order_id, seq)
  );

  CREATE TABLE outbox (
    id         INTEGER PRIMARY KEY,
    created_at INTEGER NOT NULL,
    to_kind    TEXT NOT NULL,
    to_id      TEXT NOT NULL,
    text       TEXT NOT NULL DEFAULT '',
    mentions   TEXT NOT NULL DEFAULT '[]',
    file       TEXT,
    urgent     INTEGER NOT NULL DEFAULT 0,
    state      TEXT NOT NULL DEFAULT 'pending',
    attempts   INTEGER NOT NULL DEFAULT 0,
    sent_at    INTEGER,
    error      TEXT
  );
  CREATE INDEX outbox_pending ON outbox(state, urgent, id);

  CREATE TABLE households (
    building TEXT NOT NULL,
    unit     TEXT NOT NULL DEFAULT '',
    room     TEXT NOT NULL,
    tier     TEXT NOT NULL,
    note     TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (building, unit, room)
  );

  CREATE TABLE rooms (
    room_id    TEXT PRIMARY KEY,
    topic      TEXT NOT NULL DEFAULT '',
    first_seen INTEGER NOT NULL,
    last_seen  INTEGER NOT NULL
  );

  CREATE TABLE kv (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
  );
  `,
  // 2: anonymised daily counts that outlive the retention period of the rows they count.
  `
  CREATE TABLE daily_counts (
    day      TEXT NOT NULL,
    category TEXT NOT NULL,
    messages INTEGER NOT NULL DEFAULT 0,
    tickets  INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (day, category)
  );
  `,
  // 3: indexes for a region's volume (docs/performance.md). Every inbound index costs each
  // stored message a random b-tree insert: the (talker, room, at) one alone doubled the cost
  // of storing, so re-deliveries and floods are now checked against the recent messages
  // kept in memory (store/recent-window.ts) and that index goes. Pending work is found through
  // partial indexes that hold only what is pending, so they stay small however long the history.
  `
  DROP INDEX inbound_dupe;
  DROP INDEX inbound_state_at;
  CREATE INDEX inbound_new ON inbound(at) WHERE state = 'new';
  DROP INDEX outbox_pending;
  CREATE INDEX outbox_pending ON outbox(urgent DESC, id) WHERE state = 'pending';
  CREATE INDEX orders_ticket ON orders(ticket_id);
  CREATE INDEX ticket_reporters_talker ON ticket_reporters(talker_id);
  `,
  // 4: lookups every request makes, found in an index instead of read row by row (issue 7
  // profile): a resident's open ticket of one kind and category (to update it rather than file
  // another), the open emergency in a group (a region has hundreds of P0 tickets in half an
  // hour, and that lookup read them all), and the household at a door (building numbers repeat
  // across estates, and the primary key cannot seek by room without the unit).
  `
  DROP INDEX tickets_talker;
  CREATE INDEX tickets_talker ON tickets(talker_id, state, kind, category, created_at);
  CREATE INDEX tickets_urgent_room ON tickets(room_id, created_at) WHERE urgent = 1;
  CREATE INDEX households_room ON households(building, room);
  `,
  // 5: a message's tickets found by the message. With foreign keys on, deleting an inbound row
  // makes SQLite look for ticket_messages rows that still point at it, and without this index
  // each look is a scan of the whole table: the daily retention purge of a region's 750,000
  // messages would have held the bot for hours. And the fault index keeps only tickets that
  // have a shared-fault key (a few in a hundred): the rest were written to it for nothing.
  `
  CREATE INDEX ticket_messages_inbound ON ticket_messages(inbound_id);
  DROP INDEX tickets_fault;
  CREATE INDEX tickets_fault ON tickets(fault_key, state) WHERE fault_key IS NOT NULL;
  `,
  // 6: the "possibly urgent" tier (issue 15). A ticket remembers that triage saw a possible
  // emergency (P1, counted apart in the digests), and an outbox row can go ahead of every
  // non-urgent row while still counting against the send budget (the steward's 「请看一眼」).
  `
  ALTER TABLE tickets ADD COLUMN possible_urgent INTEGER NOT NULL DEFAULT 0;
  ALTER TABLE outbox ADD COLUMN ahead INTEGER NOT NULL DEFAULT 0;
  DROP INDEX outbox_pending;
  CREATE INDEX outbox_pending ON outbox(urgent DESC, ahead DESC, id) WHERE state = 'pending';
  `,
  // 7: 接龙 lines already filed. Every participant reposts the whole list with their own line
  // added, so a 接龙 is known by its room and header, and each door's line by its door: filed
  // once, on first sight, as that door's order; a later repost with the line changed corrects it.
  `
  CREATE TABLE jielong_lines (
    room_key    TEXT NOT NULL,
    header_key  TEXT NOT NULL,
    door        TEXT NOT NULL,
    line        TEXT NOT NULL,
    fingerprint TEXT NOT NULL,
    order_id    INTEGER NOT NULL,
    ticket_id   INTEGER NOT NULL,
    author_id   TEXT,
    created_at  INTEGER NOT NULL,
    updated_at  INTEGER NOT NULL,
    PRIMARY KEY (room_key, header_key, door)
  );
  CREATE INDEX jielong_lines_order ON jielong_lines(order_id);
  `,
  // 8: what each outbox row is for, and what its fallback needs: on a real account a private
  // message reaches only the bot's friends, and each kind of message falls back differently.
  `
  ALTER TABLE outbox ADD COLUMN purpose TEXT NOT NULL DEFAULT 'reply';
  ALTER TABLE outbox ADD COLUMN fallback TEXT;
  `,
  // 9: whether a resident was satisfied (issue 19). After a repair, grocery or pet ticket is done,
  // each reporter who is a friend of the account is asked privately (1 满意 / 2 不满意); the
  // question and the answer belong to that reporter on that ticket, so they live on its
  // ticket_reporters row and leave with it (forgetting a person, the retention purge). The daily
  // digest counts answers by the time they came, through the partial index.
  `
  ALTER TABLE ticket_reporters ADD COLUMN satisfaction_asked_at INTEGER;
  ALTER TABLE ticket_reporters ADD COLUMN satisfaction TEXT;
  ALTER TABLE ticket_reporters ADD COLUMN satisfaction_at INTEGER;
  CREATE INDEX ticket_reporters_satisfaction ON ticket_reporters(satisfaction_at) WHERE satisfaction_at IS NOT NULL;
  `,
  // 10: friend requests, kept across restarts. Accepting many at once gets an account flagged, so
  // residents' requests wait under an hourly cap; in memory, a restart lost the waiting ones and
  // forgot the last hour's accepts (the cap started again from zero). `payload` is the request as
  // Wechaty gives it (Friendship.toJSON), to accept it after a restart; `accepted_at` is set when
  // an accept is tried, and counts against the cap whatever came of it.
  `
  CREATE TABLE friend_requests (
    friendship_id TEXT PRIMARY KEY,
    contact_id    TEXT NOT NULL,
    payload       TEXT NOT NULL,
    state         TEXT NOT NULL DEFAULT 'pending',
    received_at   INTEGER NOT NULL,
    accepted_at   INTEGER
  );
  CREATE INDEX friend_requests_pending ON friend_requests(received_at) WHERE state = 'pending';
  CREATE INDEX friend_requests_accepted ON friend_requests(accepted_at) WHERE accepted_at IS NOT NULL;
  CREATE INDEX friend_requests_contact ON friend_requests(contact_id);
  `,
]

export const SCHEMA_VERSION = MIGRATIONS.length
