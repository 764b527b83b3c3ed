// A local puppet service: a PuppetServer wrapping any puppet (a PuppetMock in
// the tests, the benchmark and the soak run) on 127.0.0.1, with the WECHATY_*
// variables a client needs to reach it.
import { randomUUID } from 'node:crypto'
import { createServer } from 'node:net'
import type * as PUPPET from 'wechaty-puppet'
import { PuppetServer } from 'wechaty-puppet-service'

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer()
    s.once('error', reject)
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number }
      s.close(() => resolve(port))
    })
  })
}

export interface LocalPuppetService {
  endpoint: string
  token: string
  /** The environment a client (the bot) uses to connect. */
  clientEnv: NodeJS.ProcessEnv
  /** Stop serving (the link goes down for every client). */
  stop(): Promise<void>
  /** Serve again on the same endpoint with the same puppet. */
  restart(): Promise<void>
}

export async function servePuppet(puppet: PUPPET.Puppet): Promise<LocalPuppetService> {
  const endpoint = `127.0.0.1:${await freePort()}`
  const token = `insecure_${randomUUID()}`
  let server: PuppetServer | null = null
  const start = async () => {
    server = new PuppetServer({ puppet, token, endpoint, tls: { disable: true } })
    await server.start()
  }
  await start()
  return {
    endpoint,
    token,
    clientEnv: {
      WECHATY_PUPPET: 'wechaty-puppet-service',
      WECHATY_PUPPET_SERVICE_TOKEN: token,
      WECHATY_PUPPET_SERVICE_ENDPOINT: endpoint,
      WECHATY_PUPPET_SERVICE_NO_TLS_INSECURE_CLIENT: 'true',
    },
    async stop() {
      await server?.stop().catch(() => {})
      server = null
    },
    restart: start,
  }
}
