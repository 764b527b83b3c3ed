// Configuration that fails loudly: each mistake of issue 18 is a start-up error naming
// the variable, and the shipped .env.example still runs the demo.
import { spawnSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseEnv } from 'node:util'
import { describe, expect, it } from 'vitest'
import { ConfigError, KNOWN_TRIAGE_VARIABLES, didYouMean, parseConfig, parseSettings } from '../handlers/config.ts'

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..')
const SERVICE = { WECHATY_PUPPET: 'wechaty-puppet-service', WECHATY_PUPPET_SERVICE_TOKEN: 'config_test_token' }
const STAFF = { TRIAGE_STEWARDS: 'steward-wang=物业小王,steward-li=管家李姐', TRIAGE_MANAGERS: 'manager-zhou' }

function errorOf(f: () => unknown): Error {
  try {
    f()
  } catch (err) {
    return err as Error
  }
  throw new Error('expected an error')
}

describe('configuration mistakes', () => {
  it('an unknown TRIAGE_* name is an error with a "did you mean" (是不是…)', () => {
    const err = errorOf(() => parseSettings({ ...SERVICE, TRIAGE_STEWARD: 'steward-wang' }))
    expect(err).toBeInstanceOf(ConfigError)
    expect(err.message).toContain('TRIAGE_STEWARD(')
    expect(err.message).toContain('是不是 TRIAGE_STEWARDS?')
    // In the demo too: a typo is a typo wherever it is made.
    expect(() => parseConfig({ ...STAFF, TRIAGE_DIGEST_AT: '20:00', TRIAGE_DIGST_AT: '18:00' })).toThrow(/是不是 TRIAGE_DIGEST_AT/)
    // A name nothing resembles is still an error, without a guess.
    expect(errorOf(() => parseConfig({ TRIAGE_XYZZY_PLUGH: '1' })).message).not.toContain('是不是')
  })

  it("knows the test and planned variables, and other programs' variables are none of its business", () => {
    for (const name of ['TRIAGE_TEST_PG_URL', 'TRIAGE_DB_URL', 'TRIAGE_ACCOUNT', 'TRIAGE_FAQ', 'TRIAGE_HEALTH_PORT']) {
      expect(KNOWN_TRIAGE_VARIABLES).toContain(name)
    }
    expect(() => parseConfig({ ...STAFF, TRIAGE_TEST_PG_URL: 'postgres://x', PATH: '/bin', TRIAGEX: '1' })).not.toThrow()
    expect(didYouMean('TRIAGE_ONDUTTY')).toBe('TRIAGE_ONDUTY')
  })

  it('every id in TRIAGE_ONDUTY must be a configured steward', () => {
    const err = errorOf(() => parseConfig({ ...STAFF, TRIAGE_ONDUTY: '08:00-20:00=steward-wang,steward-li;20:00-08:00=steward-lii' }))
    expect(err).toBeInstanceOf(ConfigError)
    expect(err.message).toContain('TRIAGE_ONDUTY')
    expect(err.message).toContain('"steward-lii"')
    expect(err.message).toContain('是不是 steward-li?')
    // A manager is not on a steward's shift unless listed as a steward.
    expect(() => parseConfig({ ...STAFF, TRIAGE_ONDUTY: '00:00-23:59=manager-zhou' })).toThrow(/manager-zhou/)
    expect(parseConfig({ ...STAFF, TRIAGE_ONDUTY: '08:00-20:00=steward-wang;20:00-08:00=steward-li' }).onDuty).toHaveLength(2)
  })

  it('outside the demo the bot refuses to start with no stewards', () => {
    const err = errorOf(() => parseSettings({ ...SERVICE, TRIAGE_STEWARDS: '', TRIAGE_MANAGERS: 'manager-zhou' }))
    expect(err).toBeInstanceOf(ConfigError)
    expect(err.message).toContain('TRIAGE_STEWARDS')
    expect(() => parseSettings({ ...SERVICE, TRIAGE_STEWARDS: ' , ' })).toThrow(/TRIAGE_STEWARDS/)
    // The demo brings its own community.
    expect(parseSettings({}).puppet.mode).toBe('demo')
    expect(parseSettings({ ...SERVICE, ...STAFF }).puppet.mode).toBe('service')
  })

  it('the service puppet without a token is an error naming the variable', () => {
    for (const token of [undefined, '', '   ']) {
      const err = errorOf(() => parseSettings({ ...STAFF, WECHATY_PUPPET: 'wechaty-puppet-service', WECHATY_PUPPET_SERVICE_TOKEN: token }))
      expect(err).toBeInstanceOf(ConfigError)
      expect(err.message).toContain('WECHATY_PUPPET_SERVICE_TOKEN')
    }
  })

  it('friend-request settings are checked', () => {
    expect(parseConfig(STAFF).friends).toEqual({ fromRooms: false, perHour: 10 })
    expect(parseConfig({ ...STAFF, TRIAGE_FRIENDS_FROM_ROOMS: 'true', TRIAGE_FRIENDS_PER_HOUR: '3' }).friends).toEqual({
      fromRooms: true,
      perHour: 3,
    })
    expect(() => parseConfig({ ...STAFF, TRIAGE_FRIENDS_FROM_ROOMS: 'sometimes' })).toThrow(/TRIAGE_FRIENDS_FROM_ROOMS/)
    expect(() => parseConfig({ ...STAFF, TRIAGE_FRIENDS_PER_HOUR: '0' })).toThrow(/TRIAGE_FRIENDS_PER_HOUR/)
  })

  it('a health port that is not a port is an error', () => {
    expect(() => parseConfig({ ...STAFF, TRIAGE_HEALTH_PORT: 'eighty' })).toThrow(/TRIAGE_HEALTH_PORT/)
    expect(parseConfig({ ...STAFF, TRIAGE_HEALTH_PORT: '8080' }).healthPort).toBe(8080)
    expect(parseConfig(STAFF).healthPort).toBeNull()
  })
})

describe('.env.example', () => {
  const example = parseEnv(readFileSync(join(ROOT, '.env.example'), 'utf8'))

  it('leaves the puppet and its token commented out, so a copy runs the demo', () => {
    expect(example.WECHATY_PUPPET).toBeUndefined()
    expect(example.WECHATY_PUPPET_SERVICE_TOKEN).toBeUndefined()
    expect(parseSettings(example).puppet.mode).toBe('demo')
  })

  it('names only known variables and is a valid configuration with the service puppet too', () => {
    for (const name of Object.keys(example).filter((k) => k.startsWith('TRIAGE_'))) expect(KNOWN_TRIAGE_VARIABLES).toContain(name)
    expect(parseSettings({ ...example, ...SERVICE }).config.stewards).toEqual(['steward-wang', 'steward-li'])
  })
})

describe('the bot process', () => {
  const run = (env: NodeJS.ProcessEnv) =>
    spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'bot/main.ts')], {
      cwd: ROOT,
      encoding: 'utf8',
      timeout: 20_000,
      env: { PATH: process.env.PATH, HOME: process.env.HOME, LOG_FORMAT: 'json', ...env },
    })

  it('stops with exit 2 and the variable named, before connecting, on each mistake', () => {
    const cases: [NodeJS.ProcessEnv, string][] = [
      [{ ...SERVICE, ...STAFF, TRIAGE_STEWARD: 'x' }, '是不是 TRIAGE_STEWARDS?'],
      [{ ...SERVICE, ...STAFF, TRIAGE_ONDUTY: '20:00-08:00=steward-lii' }, 'TRIAGE_ONDUTY'],
      [{ ...SERVICE, TRIAGE_MANAGERS: 'manager-zhou' }, 'TRIAGE_STEWARDS 为空'],
      [{ ...STAFF, WECHATY_PUPPET: 'wechaty-puppet-service' }, 'WECHATY_PUPPET_SERVICE_TOKEN'],
    ]
    for (const [env, expected] of cases) {
      const r = run(env)
      expect(r.status, r.stderr).toBe(2)
      expect(r.stdout + r.stderr).toContain(expected)
      expect(r.stdout + r.stderr).not.toContain('config_test_token')
    }
  }, 60_000)
})
