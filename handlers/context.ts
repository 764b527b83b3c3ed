// What every handler gets: the store, an outbox, the configuration and a clock.
// Handlers never see Wechaty; bot/ builds one Context and drains its outbox.
import { FriendRequestStore } from '../store/friend-requests.ts'
import { Households } from '../store/households.ts'
import { Inbox } from '../store/inbox.ts'
import { JielongLines } from '../store/jielong.ts'
import { Orders } from '../store/orders.ts'
import { OutboxStore, type OutgoingMessage } from '../store/outbox.ts'
import { Reports } from '../store/reports.ts'
import { StewardSettings } from '../store/settings.ts'
import type { DB } from '../store/store.ts'
import { Tickets } from '../store/tickets.ts'
import type { Config } from './config.ts'
import { Reachability } from './reach.ts'

export type Clock = () => number

/** The subset of a pino logger handlers use (tests pass a silent one). */
export interface Log {
  info(obj: object, msg?: string): void
  warn(obj: object, msg?: string): void
  error(obj: object, msg?: string): void
  debug(obj: object, msg?: string): void
}

export const silentLog: Log = { info() {}, warn() {}, error() {}, debug() {} }

/** Where handlers put replies; bot/ drains it through Wechaty. */
export class Outbox {
  private readonly listeners: ((urgent: boolean) => void)[] = []
  constructor(
    readonly store: OutboxStore,
    private readonly clock: Clock,
  ) {}

  send(m: OutgoingMessage): number {
    const id = this.store.enqueue(m, this.clock())
    for (const l of this.listeners) l(m.urgent ?? false)
    return id
  }

  /** Called after every enqueue; the sender uses it to send emergencies at once. */
  onEnqueue(listener: (urgent: boolean) => void): void {
    this.listeners.push(listener)
  }
}

export interface Context {
  db: DB
  inbox: Inbox
  tickets: Tickets
  orders: Orders
  /** 接龙 lines already filed as orders. */
  jielong: JielongLines
  households: Households
  /** The digests' and the daily report's queries. */
  reports: Reports
  /** Each steward's notification settings (「设置」). */
  settings: StewardSettings
  outbox: Outbox
  /** Who can be written to privately (friends of the account), and the operator alarm. */
  reach: Reachability
  /** Friend requests waiting for the hourly cap, and the accepts that count against it. */
  friendRequests: FriendRequestStore
  /** The configuration in force; a reload replaces it through setConfig(). */
  readonly config: Config
  clock: Clock
  log: Log
  /** The bot's own contact id, once logged in (setSelfId()). */
  readonly selfId: string | null
  /** The bot logged in as this contact: its own messages are not triaged. */
  setSelfId(id: string | null): void
  /** A reload (a manager's 重载, SIGHUP) puts a new configuration in force. */
  setConfig(config: Config): void
}

export function createContext(db: DB, initialConfig: Config, clock: Clock = Date.now, log: Log = silentLog): Context {
  let config = initialConfig
  let selfId: string | null = null
  return {
    db,
    inbox: new Inbox(db),
    tickets: new Tickets(db),
    orders: new Orders(db),
    jielong: new JielongLines(db),
    households: new Households(db),
    reports: new Reports(db),
    settings: new StewardSettings(db),
    outbox: new Outbox(new OutboxStore(db), clock),
    reach: new Reachability(),
    friendRequests: new FriendRequestStore(db),
    get config() {
      return config
    },
    clock,
    log,
    get selfId() {
      return selfId
    },
    setSelfId(id) {
      selfId = id
    },
    setConfig(next) {
      config = next
    },
  }
}
