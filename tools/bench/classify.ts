// The classifier's measurements for `npm run bench` (tools/bench.ts):
//
//   1. a 100,000-line JSONL file built from the corpus (seeded shuffle, deterministic) in var/
//   2. `tsx tools/cli.ts classify` on it as a whole process: messages/s, start-up included
//   3. model load time (a fresh process importing classifiers/triage.ts)
//   4. parseShoppingList throughput on the grocery and pet lines
// One function per measurement, so others can add rows to the table.
import { spawn, spawnSync } from 'node:child_process'
import { createReadStream, existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { prng } from '../prng.ts'
import { type Row } from './table.ts'

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..')
const VAR = join(ROOT, 'var')
const TSX = join(ROOT, 'node_modules', '.bin', 'tsx')

function corpusTexts(): { text: string; category: string }[] {
  const dir = join(ROOT, 'data', 'corpus')
  const files = existsSync(dir)
    ? readdirSync(dir)
        .filter((f) => f.endsWith('.jsonl'))
        .sort()
    : []
  const out: { text: string; category: string }[] = []
  for (const f of files) {
    const p = join(dir, f)
    for (const l of readFileSync(p, 'utf8').split('\n')) {
      if (!l.trim()) continue
      try {
        const r = JSON.parse(l)
        if (typeof r.text === 'string') out.push({ text: r.text, category: r.category })
      } catch {
        /* skip */
      }
    }
  }
  return out
}

/** Build var/bench-100k.jsonl: corpus lines drawn with a seeded PRNG, {id, text} per line. */
export function makeBenchFile(lines = 100_000, seed = 20220401): string {
  mkdirSync(VAR, { recursive: true })
  const file = join(VAR, `bench-${lines / 1000}k.jsonl`)
  const texts = corpusTexts()
  if (texts.length === 0) throw new Error('no corpus in data/corpus')
  const rnd = prng(seed)
  // Fisher–Yates over repeated copies, so every line appears about equally often
  const order: number[] = []
  while (order.length < lines) {
    const pass = texts.map((_, i) => i)
    for (let i = pass.length - 1; i > 0; i--) {
      const j = Math.floor(rnd() * (i + 1))
      ;[pass[i], pass[j]] = [pass[j], pass[i]]
    }
    order.push(...pass)
  }
  const out: string[] = []
  for (let i = 0; i < lines; i++) out.push(JSON.stringify({ id: `b${i}`, text: texts[order[i]].text }))
  writeFileSync(file, out.join('\n') + '\n')
  return file
}

/**
 * Build var/bench-distinct-100k.jsonl: every line a different text (a corpus line with a door
 * number and a time of its own), so no answer comes from the memo of repeated texts — the rate
 * of a region whose messages never repeat.
 */
export function makeDistinctFile(lines = 100_000, seed = 20261206): string {
  mkdirSync(VAR, { recursive: true })
  const file = join(VAR, `bench-distinct-${lines / 1000}k.jsonl`)
  const texts = corpusTexts()
  const rnd = prng(seed)
  const out: string[] = []
  for (let i = 0; i < lines; i++) {
    const t = texts[Math.floor(rnd() * texts.length)].text
    const door = `${1 + (i % 30)}-${1 + ((i >> 5) % 4)}-${1 + ((i >> 7) % 30)}0${1 + (i % 4)}`
    out.push(JSON.stringify({ id: `d${i}`, text: `${t} ${door} ${String(i % 24).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}` }))
  }
  writeFileSync(file, out.join('\n') + '\n')
  return file
}

/** Whole-process throughput of `tsx tools/cli.ts classify` on a file (start-up included). */
export async function benchClassifyProcess(file: string, label = 'classify process', target = 20_000): Promise<Row[]> {
  const lines = readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim()).length
  const t0 = performance.now()
  let outLines = 0
  await new Promise<void>((res, rej) => {
    const child = spawn(TSX, [join(ROOT, 'tools', 'cli.ts'), 'classify'], {
      cwd: ROOT,
      env: { ...process.env, DOTENV_CONFIG_QUIET: 'true' },
      stdio: ['pipe', 'pipe', 'inherit'],
    })
    child.stdout.on('data', (b: Buffer) => {
      for (let i = 0; i < b.length; i++) if (b[i] === 10) outLines++
    })
    child.on('error', rej)
    child.on('close', (code) => (code === 0 ? res() : rej(new Error(`classify exited ${code}`))))
    createReadStream(file).pipe(child.stdin)
  })
  const secs = (performance.now() - t0) / 1000
  const rate = lines / secs
  return [
    { name: `${label}: lines in / out`, value: `${lines} / ${outLines}`, ok: lines === outLines },
    { name: `${label}: wall time`, value: `${secs.toFixed(2)} s` },
    // The target is set on the 100,000-line file; a smaller (--quick) file is mostly start-up.
    { name: `${label}: messages/s`, value: rate.toFixed(0), ...(lines >= 100_000 ? { target: `≥ ${target}`, ok: rate >= target } : {}) },
  ]
}

/** Time to import the classifier (model, dictionaries, OpenCC) in a fresh process. */
export function benchModelLoad(): Row[] {
  const code = `const t0 = performance.now(); await import(${JSON.stringify(join(ROOT, 'classifiers', 'triage.ts'))}); process.stdout.write(String(performance.now() - t0))`
  const r = spawnSync(TSX, ['--input-type=module', '-e', code], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, DOTENV_CONFIG_QUIET: 'true' },
  })
  const ms = Number(r.stdout.trim())
  if (!Number.isFinite(ms)) return [{ name: 'model load', value: `failed: ${r.stderr.slice(0, 200)}`, ok: false }]
  return [{ name: 'model load (import classifiers/triage.ts)', value: `${ms.toFixed(0)} ms`, target: '≤ 2000 ms', ok: ms <= 2000 }]
}

/** In-process triage() throughput, for comparison with the whole process. */
export async function benchTriageInProcess(file: string, max = 100_000): Promise<Row[]> {
  const { triage } = await import('../../classifiers/triage.ts')
  const texts = readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .slice(0, max)
    .map((l) => JSON.parse(l).text as string)
  let parserErrors = 0
  const t0 = performance.now()
  for (const t of texts) parserErrors += triage(t).parserErrors?.length ?? 0
  const secs = (performance.now() - t0) / 1000
  return [
    { name: 'triage() in process: messages/s', value: (texts.length / secs).toFixed(0) },
    { name: 'triage() in process: parser errors caught', value: String(parserErrors), target: '0', ok: parserErrors === 0 },
  ]
}

/**
 * parseShoppingList throughput on the corpus's grocery and pet lines, once warm: the first
 * rounds (code not yet optimised by V8) ran at under half the speed of the rest, and which of
 * them a run happened to include decided the figure more than the parser did.
 */
export async function benchShoppingList(rounds = 30, warmRounds = 5): Promise<Row[]> {
  const { parseShoppingList } = await import('../../classifiers/shopping-list/index.ts')
  const { normalize } = await import('../../classifiers/normalize.ts')
  const texts = corpusTexts()
    .filter((t) => t.category === 'grocery' || t.category === 'pet')
    .map((t) => normalize(t.text))
  for (let r = 0; r < warmRounds; r++) for (const t of texts) parseShoppingList(t)
  let items = 0
  const t0 = performance.now()
  for (let r = 0; r < rounds; r++) for (const t of texts) items += parseShoppingList(t).length
  const secs = (performance.now() - t0) / 1000
  const n = texts.length * rounds
  const rate = n / secs
  return [
    {
      name: 'parseShoppingList: lists/s',
      value: `${rate.toFixed(0)} (${texts.length} lines × ${rounds}, after ${warmRounds} untimed rounds; ${(items / rounds).toFixed(0)} items/round)`,
      target: '≥ 50000',
      ok: rate >= 50_000,
    },
  ]
}
