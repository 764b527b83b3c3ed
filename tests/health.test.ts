// The health endpoint's answers: 200 when logged in, 503 when not (a container that lost its
// login is unhealthy). Over a real gRPC run: tests/e2e-grpc.test.ts.
import { afterEach, describe, expect, it } from 'vitest'
import { silentLog } from '../handlers/context.ts'
import { startHealth, type HealthServer } from '../bot/health.ts'

let server: HealthServer | null = null
afterEach(async () => {
  await server?.close()
  server = null
})

describe('GET /healthz', () => {
  it('is 503 with the reason while not logged in, 200 once logged in', async () => {
    let loggedIn = false
    server = await startHealth(0, { loggedIn: () => loggedIn, lastMessageAt: () => null, outboxDepth: () => 7 }, silentLog, '127.0.0.1')
    const url = `http://127.0.0.1:${server.port}/healthz`
    const down = await fetch(url)
    expect(down.status).toBe(503)
    expect(await down.json()).toEqual({ status: 'not logged in', loggedIn: false, lastMessageAt: null, outboxDepth: 7 })
    loggedIn = true
    const up = await fetch(url)
    expect(up.status).toBe(200)
    expect(await up.json()).toMatchObject({ status: 'ok', loggedIn: true })
  })
})

describe('UNAVAILABLE', () => {
  it('comes with a hint about the endpoint and TLS', async () => {
    const { unavailableHint } = await import('../bot/runtime.ts')
    const hint = unavailableHint('14 UNAVAILABLE: No connection established', { endpoint: '10.0.0.5:8788', noTlsInsecureClient: false })
    expect(hint).toContain('WECHATY_PUPPET_SERVICE_ENDPOINT=10.0.0.5:8788')
    expect(hint).toContain('WECHATY_PUPPET_SERVICE_NO_TLS_INSECURE_CLIENT=true')
    expect(unavailableHint('13 INTERNAL', { noTlsInsecureClient: false })).toBeNull()
  })
})
