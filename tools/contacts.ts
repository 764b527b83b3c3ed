// `triage contacts`: connect to the configured puppet, list rooms and contacts
// with their ids and the locations Louguanjia reads from them, so configuration
// never needs guesswork.
import type { Wechaty } from 'wechaty'
import { formatLocation, parseLocation, parseTopic } from '../classifiers/location.ts'

export interface Listing {
  rooms: { id: string; topic: string; place: string }[]
  contacts: { id: string; name: string; place: string; friend: boolean | null }[]
}

export async function listContacts(bot: Wechaty): Promise<Listing> {
  const rooms = await bot.Room.findAll()
  const contacts = await bot.Contact.findAll()
  return {
    rooms: await Promise.all(
      rooms.map(async (r) => {
        const topic = await r.topic().catch(() => '')
        return { id: r.id, topic, place: formatLocation(parseTopic(topic)) }
      }),
    ),
    contacts: contacts
      .filter((c) => c.id !== bot.currentUser.id)
      .map((c) => ({
        id: c.id,
        name: c.name(),
        place: formatLocation(parseLocation(c.name())),
        friend: c.friend() ?? null,
      })),
  }
}

export function formatListing(l: Listing): string {
  const lines = ['# 群(ID、群名、从群名读出的楼栋/楼层)']
  for (const r of l.rooms) lines.push(`${r.id}\t${r.topic}\t${r.place}`)
  lines.push('', '# 联系人(ID、昵称、从昵称读出的位置、是否机器人的好友)')
  for (const c of l.contacts) lines.push(`${c.id}\t${c.name}\t${c.place}\t${c.friend === null ? '未知' : c.friend ? '好友' : '非好友'}`)
  return lines.join('\n') + '\n'
}

/** Connects with the WECHATY_* variables, waits for login, prints, disconnects. */
export async function runContacts(
  env: NodeJS.ProcessEnv,
  out: NodeJS.WritableStream,
  timeoutMs = 30_000,
  err: NodeJS.WritableStream = process.stderr,
): Promise<number> {
  const { WechatyBuilder } = await import('wechaty')
  const { puppetFor } = await import('../bot/runtime.ts')
  const { puppetFromEnv } = await import('../bot/env.ts')
  if (puppetFromEnv(env).mode === 'demo') {
    err.write('未配置 puppet 服务:请在 .env 里设置 WECHATY_PUPPET=wechaty-puppet-service 和 WECHATY_PUPPET_SERVICE_TOKEN。\n')
    return 2
  }
  const bot = WechatyBuilder.build({ name: 'louguanjia-contacts', puppet: await puppetFor(env) })
  bot.on('error', () => {})
  try {
    await bot.start()
    await new Promise<void>((resolve, reject) => {
      if (bot.isLoggedIn) return resolve()
      const timer = setTimeout(
        () => reject(new Error(`${Math.round(timeoutMs / 1000)} 秒内没有登录:机器人账号是否已在 puppet 服务上登录?`)),
        timeoutMs,
      )
      bot.once('login', () => {
        clearTimeout(timer)
        resolve()
      })
    })
    out.write(formatListing(await listContacts(bot)))
    return 0
  } finally {
    await Promise.race([bot.stop().catch(() => {}), new Promise((r) => setTimeout(r, 3000))])
  }
}
