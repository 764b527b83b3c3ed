// `npm run eval [-- --errors] [-- --gold FILE]`: run the development set through the same
// code path as `triage classify` (runClassify), write the predictions to var/, and print
// the shared scorer's report (../shared/eval/score.mjs).
process.env.DOTENV_CONFIG_QUIET ??= 'true'
import { mkdirSync, readFileSync, createWriteStream } from 'node:fs'
import { spawnSync } from 'node:child_process'
import { Readable } from 'node:stream'
import { fileURLToPath } from 'node:url'
import { dirname, join, resolve } from 'node:path'

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const SHARED = resolve(ROOT, '..', 'shared')

interface Args {
  errors: boolean
  gold: string
  out: string
}

function parseArgs(argv: string[]): Args {
  const args: Args = { errors: false, gold: join(SHARED, 'eval', 'dev.jsonl'), out: join(ROOT, 'var', 'dev-pred.jsonl') }
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--errors') args.errors = true
    else if (argv[i] === '--gold') args.gold = resolve(argv[++i])
    else if (argv[i] === '--out') args.out = resolve(argv[++i])
  }
  return args
}

/** The gold file stripped to what the classifier may see: {id, text}. */
function inputLines(gold: string): string {
  return (
    readFileSync(gold, 'utf8')
      .split('\n')
      .filter((l) => l.trim())
      .map((l) => {
        const r = JSON.parse(l)
        return JSON.stringify({ id: r.id, text: r.text })
      })
      .join('\n') + '\n'
  )
}

export async function predict(gold: string, out: string): Promise<void> {
  const { runClassify } = await import('./classify-stream.ts')
  mkdirSync(dirname(out), { recursive: true })
  const sink = createWriteStream(out)
  await runClassify(Readable.from([inputLines(gold)]), sink)
  await new Promise<void>((res, rej) => sink.end((err?: Error | null) => (err ? rej(err) : res())))
}

function score(gold: string, pred: string, json = false): string {
  const r = spawnSync(process.execPath, [join(SHARED, 'eval', 'score.mjs'), gold, pred, ...(json ? ['--json'] : [])], {
    encoding: 'utf8',
    maxBuffer: 64 << 20,
  })
  if (r.status !== 0 && !r.stdout) throw new Error(`score.mjs failed: ${r.stderr}`)
  return r.stdout
}

function printErrors(gold: string, pred: string): void {
  const report = JSON.parse(score(gold, pred, true)) as { errors: { id: string; text: string; gold: string; pred: string }[] }
  const preds = new Map(
    readFileSync(pred, 'utf8')
      .split('\n')
      .filter((l) => l.trim())
      .map((l) => {
        const r = JSON.parse(l)
        return [String(r.id), r]
      }),
  )
  const golds = new Map(
    readFileSync(gold, 'utf8')
      .split('\n')
      .filter((l) => l.trim())
      .map((l) => {
        const r = JSON.parse(l)
        return [String(r.id), r]
      }),
  )
  for (const e of report.errors) process.stdout.write(`${e.id}\tgold=${e.gold}\tpred=${e.pred}\t${e.text.replace(/\n/g, ' ')}\n`)
  // multi-label mismatches are not in the scorer's error list
  for (const [id, g] of golds) {
    const p = preds.get(id)
    if (!p) continue
    const gl = (g.labels ?? [g.category]).join(','),
      pl = (p.labels ?? [p.category]).join(',')
    if (gl !== pl && g.category === p.category)
      process.stdout.write(`${id}\tlabels gold=${gl}\tpred=${pl}\t${String(g.text).replace(/\n/g, ' ')}\n`)
  }
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2))
  await predict(args.gold, args.out)
  if (args.errors) printErrors(args.gold, args.out)
  process.stdout.write(score(args.gold, args.out))
}

main().catch((e: unknown) => {
  process.stderr.write(`eval: ${e instanceof Error ? e.stack : String(e)}\n`)
  process.exitCode = 1
})
