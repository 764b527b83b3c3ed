// GET /healthz for a supervisor (Docker's healthcheck, a monitor): logged in or not, when the
// last message arrived, how many messages wait in the outbox. 503 while not logged in, so
// a container that lost its login shows as unhealthy. Nothing about residents is exposed.
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { Log } from '../handlers/context.ts'

export interface HealthSource {
  loggedIn(): boolean
  /** ms since the epoch of the last message received, or null. */
  lastMessageAt(): number | null
  outboxDepth(): number
}

export interface HealthServer {
  readonly port: number
  close(): Promise<void>
}

export function healthReport(source: HealthSource): { status: number; body: Record<string, unknown> } {
  const loggedIn = source.loggedIn()
  const last = source.lastMessageAt()
  return {
    status: loggedIn ? 200 : 503,
    body: {
      status: loggedIn ? 'ok' : 'not logged in',
      loggedIn,
      lastMessageAt: last == null ? null : new Date(last).toISOString(),
      outboxDepth: source.outboxDepth(),
    },
  }
}

/** Listens on `port` (0: any free port) on every interface, for the container's health check. */
export async function startHealth(port: number, source: HealthSource, log: Log, host = '0.0.0.0'): Promise<HealthServer> {
  const server = createServer((req, res) => {
    if (req.method !== 'GET' || (req.url ?? '').split('?')[0] !== '/healthz') {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found\n')
      return
    }
    let report
    try {
      report = healthReport(source)
    } catch (err) {
      report = { status: 500, body: { status: 'error', error: (err as Error).message } }
    }
    res.writeHead(report.status, { 'content-type': 'application/json' }).end(JSON.stringify(report.body) + '\n')
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, host, () => resolve())
  })
  const actual = (server.address() as AddressInfo).port
  log.info({ port: actual }, 'health endpoint listening on /healthz')
  return {
    port: actual,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}
