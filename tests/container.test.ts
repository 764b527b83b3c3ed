// No Docker daemon where this is built: the image is not built in CI, but the compose file and
// the Dockerfile are checked for what running it for real depends on.
import { readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { parse } from 'yaml'

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..')

interface Service {
  build?: unknown
  env_file?: string | string[]
  environment?: Record<string, string>
  volumes?: string[]
  healthcheck?: { test: string[] | string }
}

describe('compose.yaml and Dockerfile', () => {
  const compose = parse(readFileSync(join(ROOT, 'compose.yaml'), 'utf8')) as { services: Record<string, Service> }
  const service = compose.services.louguanjia

  it('keeps var/ on a volume', () => {
    expect(service.volumes?.some((v) => /:\/app\/var$/.test(v))).toBe(true)
  })

  it('reads .env', () => {
    expect([service.env_file].flat()).toContain('.env')
  })

  it('checks health on /healthz, on the port the bot listens on', () => {
    const test = [service.healthcheck?.test].flat().join(' ')
    expect(test).toContain('/healthz')
    const port = service.environment?.TRIAGE_HEALTH_PORT
    expect(port).toBeDefined()
    expect(test).toContain(`:${port}/healthz`)
  })

  it('builds on Node 20', () => {
    const dockerfile = readFileSync(join(ROOT, 'Dockerfile'), 'utf8')
    expect(dockerfile).toMatch(/^FROM node:20[-.\w]*$/m)
    expect(dockerfile).toMatch(/VOLUME \["\/app\/var"\]/)
    expect(readFileSync(join(ROOT, '.dockerignore'), 'utf8').split('\n')).toEqual(expect.arrayContaining(['.env', 'var', 'node_modules']))
  })
})

describe('README quick start', () => {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8')
  it('is in Chinese, names puppet-service options for WeChat and WeCom, and explains friendship', () => {
    expect(readme).toContain('## 快速上手(中文)')
    expect(readme).toContain('个人微信')
    expect(readme).toContain('企业微信')
    expect(readme).toMatch(/puppet_padlocal_|PadLocal/)
    expect(readme).toMatch(/WorkPro/)
    expect(readme).toContain('好友')
    expect(readme).toContain('cp .env.example .env && npm start')
  })
})
