// The puppet-service side of the gRPC benchmark and the soak run, in this process: a
// PuppetServer wrapping a PuppetMock on 127.0.0.1 (testing/puppet-server.ts), a synthetic
// community on the mock, and the bot started as a child process (tools/bench/grpc-bot.ts)
// that connects as a wechaty-puppet-service client. The bot's memory is its own process's.
//
// Everything is loopback; the load generators using this are bounded in count and time.
import { fork, type ChildProcess } from 'node:child_process'
import { createWriteStream, mkdirSync, rmSync, writeFileSync } from 'node:fs'
import type { EventEmitter } from 'node:events'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { PuppetMock, mock } from 'wechaty-puppet-mock'
import { servePuppet, type LocalPuppetService } from '../../testing/puppet-server.ts'
import type { BotStats } from './grpc-bot.ts'
import { BOT, MANAGERS, STEWARDS, staffEnv, type SynthCommunity } from './stream.ts'

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..')

export interface Harness {
  mocker: mock.Mocker
  puppet: PuppetMock
  service: LocalPuppetService
  /** The environment the bot was started with (rate settings included). */
  botEnv: Record<string, string>
  /** The last stats the bot reported (every second). */
  readonly last: BotStats | null
  /** Ask the bot for its stats now. */
  stats(): Promise<BotStats>
  /** A member says something in a room (or privately to the bot when roomId is null). */
  say(fromId: string, roomId: string | null, text: string, mentionBot?: boolean): { id: string; linkUp: boolean }
  /** Is a gRPC event stream to a client attached to the puppet right now? */
  linkUp(): boolean
  /** Called for every private message the bot sends to a steward or manager. */
  onStaffMessage(cb: (toId: string, text: string) => void): void
  /** The server-side puppet's start/stop/login/logout events, with performance.now() times. */
  puppetEvents: { at: number; event: string }[]
  /** Stop the bot (graceful) and the server. */
  stop(): Promise<BotStats | null>
}

export interface HarnessOptions {
  community: SynthCommunity
  db: string
  /** Extra TRIAGE_* settings for the bot. */
  env?: Record<string, string>
  /** Where the bot's stderr (warn-level logs) goes. */
  logFile: string
}

export async function startHarness(o: HarnessOptions): Promise<Harness> {
  const mocker = new mock.Mocker()
  const puppet = new PuppetMock({ mocker })
  const service = await servePuppet(puppet)
  const botUser = mocker.createContact({ id: BOT.id, name: BOT.name })
  const staff = [...STEWARDS, ...MANAGERS]
  const staffListeners: ((toId: string, text: string) => void)[] = []
  for (const p of staff) {
    ;(mocker.createContact({ id: p.id, name: p.name }) as unknown as EventEmitter).on('message', (m: mock.MessageMock) => {
      if (m.payload.talkerId !== BOT.id || m.payload.roomId) return
      for (const l of staffListeners) l(p.id, m.payload.text ?? '')
    })
  }
  for (const r of [...o.community.residents, ...o.community.staff]) mocker.createContact({ id: r.id, name: r.name })
  for (const r of o.community.rooms) mocker.createRoom({ id: r.id, topic: r.topic, memberIdList: r.memberIds })
  // The id of the message a say() just created: the mock emits it synchronously.
  let lastId = ''
  const capture = ({ messageId }: { messageId: string }) => {
    lastId = messageId
  }
  puppet.on('message', capture)
  // Listeners on the puppet now are ours and the mock's; the server adds one per connected event stream.
  const baseline = puppet.listenerCount('message')
  const puppetEvents: { at: number; event: string }[] = []
  for (const event of ['start', 'stop', 'login', 'logout'] as const) {
    ;(puppet as unknown as EventEmitter).on(event, () => {
      puppetEvents.push({ at: performance.now(), event })
    })
  }
  mocker.login(botUser)

  for (const suffix of ['', '-wal', '-shm']) rmSync(o.db + suffix, { force: true })
  mkdirSync(dirname(o.db), { recursive: true })
  const householdsFile = o.db.replace(/\.db$/, '') + '-households.json'
  writeFileSync(householdsFile, JSON.stringify(o.community.households))
  const botEnv: Record<string, string> = {
    ...staffEnv(o.community),
    ...(service.clientEnv as Record<string, string>),
    TRIAGE_DB: o.db,
    BENCH_HOUSEHOLDS: householdsFile,
    ...o.env,
  }
  const log = createWriteStream(o.logFile)
  const child: ChildProcess = fork(join(ROOT, 'tools', 'bench', 'grpc-bot.ts'), [], {
    cwd: ROOT,
    execArgv: ['--import', 'tsx'],
    env: { ...process.env, DOTENV_CONFIG_QUIET: 'true', LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn', ...botEnv },
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  })
  child.stdout!.pipe(log)
  child.stderr!.pipe(log)
  let last: BotStats | null = null
  const waiters: ((s: BotStats) => void)[] = []
  child.on('message', (m: BotStats) => {
    last = m
    if (m.type !== 'ready') for (const w of waiters.splice(0)) w(m)
  })
  const exited = new Promise<number | null>((res) => child.on('exit', (code) => res(code)))
  await new Promise<void>((res, rej) => {
    const timer = setTimeout(() => rej(new Error(`the bot did not log in within 90 s (see ${o.logFile})`)), 90_000)
    const onMsg = (m: BotStats) => {
      if (m.type === 'ready') {
        clearTimeout(timer)
        child.off('message', onMsg)
        res()
      }
    }
    child.on('message', onMsg)
    void exited.then((code) => {
      clearTimeout(timer)
      rej(new Error(`the bot exited (${code}) before logging in (see ${o.logFile})`))
    })
  })

  const ask = (type: 'stats' | 'stop', timeoutMs: number) =>
    new Promise<BotStats | null>((res) => {
      const timer = setTimeout(() => res(null), timeoutMs)
      waiters.push((s) => {
        clearTimeout(timer)
        res(s)
      })
      if (child.connected) child.send({ type })
      else {
        clearTimeout(timer)
        res(null)
      }
    })

  return {
    mocker,
    puppet,
    service,
    botEnv,
    get last() {
      return last
    },
    async stats() {
      const s = await ask('stats', 5000)
      if (!s) throw new Error('the bot did not answer')
      return s
    },
    say(fromId, roomId, text, mentionBot = false) {
      const from = mocker.ContactMock.load(fromId)
      const target = roomId ? mocker.RoomMock.load(roomId) : mocker.ContactMock.load(BOT.id)
      const linkUp = puppet.listenerCount('message') > baseline
      lastId = ''
      from.say(text, mentionBot && roomId ? [botUser] : []).to(target)
      return { id: lastId, linkUp }
    },
    linkUp: () => puppet.listenerCount('message') > baseline,
    onStaffMessage(cb) {
      staffListeners.push(cb)
    },
    puppetEvents,
    async stop() {
      let final: BotStats | null = null
      if (child.exitCode === null) {
        final = await ask('stop', 20_000)
        await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))])
        if (child.exitCode === null) child.kill('SIGKILL')
      }
      await service.stop()
      await puppet.stop().catch(() => {})
      log.end()
      return final
    },
  }
}
