// A missing or malformed data file stops the start-up with an error that names the file (and the
// line where there is one), instead of a classifier that quietly runs on a uniform model or an
// empty dictionary. Each case runs the classifier's start-up (import, then the first triage, as
// bot/warm-up.ts does) in a fresh process, on a copy of classifiers/ and data/ with one file broken.
import { spawnSync } from 'node:child_process'
import { cpSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterEach, describe, expect, it } from 'vitest'

const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)))
const dirs: string[] = []
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true })
})

/** A copy of what the classifiers read, broken by `breakIt`, and the start-up's exit and output. */
function startWith(breakIt: (dir: string) => void): { status: number | null; out: string } {
  const dir = mkdtempSync(join(tmpdir(), 'louguanjia-data-'))
  dirs.push(dir)
  cpSync(join(ROOT, 'classifiers'), join(dir, 'classifiers'), { recursive: true })
  for (const d of ['dict', 'cues', 'model']) cpSync(join(ROOT, 'data', d), join(dir, 'data', d), { recursive: true })
  cpSync(join(ROOT, 'package.json'), join(dir, 'package.json'))
  symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'), 'dir')
  breakIt(dir)
  const code = `const { triage } = await import('./classifiers/triage.ts'); triage('楼道灯坏了'); process.stdout.write('started')`
  const r = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', code], {
    cwd: dir,
    encoding: 'utf8',
    timeout: 60_000,
    env: { ...process.env, DOTENV_CONFIG_QUIET: 'true' },
  })
  return { status: r.status, out: r.stdout + r.stderr }
}

describe('start-up with broken data files', () => {
  it('starts on an intact copy (the harness itself works)', () => {
    const r = startWith(() => {})
    expect(r.out).toContain('started')
    expect(r.status).toBe(0)
  })

  it('stops on a corrupt model, naming the file', () => {
    const r = startWith((dir) => writeFileSync(join(dir, 'data', 'model', 'network.bin'), 'not a model'))
    expect(r.status).not.toBe(0)
    expect(r.out).not.toContain('started')
    expect(r.out).toContain('data/model/network.bin')
  })

  it('stops on a missing dictionary, naming the file', () => {
    const r = startWith((dir) => rmSync(join(dir, 'data', 'dict', 'community.txt')))
    expect(r.status).not.toBe(0)
    expect(r.out).not.toContain('started')
    expect(r.out).toContain('data/dict/community.txt')
    expect(r.out).toContain('missing')
  })

  it('stops on a malformed dictionary line, naming the file and the line', () => {
    const r = startWith((dir) => writeFileSync(join(dir, 'data', 'dict', 'community.txt'), '核酸 3000\n没有频率的一行\n'))
    expect(r.status).not.toBe(0)
    expect(r.out).toContain('data/dict/community.txt:2')
  })

  it('stops on a missing lexicon of the list parser, naming the file', () => {
    const r = startWith((dir) => rmSync(join(dir, 'data', 'dict', 'units.txt')))
    expect(r.status).not.toBe(0)
    expect(r.out).toContain('data/dict/units.txt')
  })
})
