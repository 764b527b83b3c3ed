// `npm run bench`: throughput of the classifier as the operators run it (tools/bench/classify.ts),
// then the pipeline, gRPC and baseline measurements in tools/bench/, printed as one table.
import { statSync } from 'node:fs'
import {
  benchClassifyProcess,
  benchModelLoad,
  benchShoppingList,
  benchTriageInProcess,
  makeBenchFile,
  makeDistinctFile,
} from './bench/classify.ts'
import { printTable, type Row } from './bench/table.ts'

async function main(): Promise<void> {
  // `--messages N`: also ingest N messages (750000 for a region's day); `--quick`: a small smoke run.
  const argv = process.argv.slice(2)
  const quick = argv.includes('--quick')
  const at = argv.indexOf('--messages')
  const messages = at >= 0 ? Number(argv[at + 1]) : 0
  if (at >= 0 && !(Number.isInteger(messages) && messages > 0)) throw new Error('--messages needs a positive whole number')
  const file = makeBenchFile(quick ? 10_000 : 100_000)
  const rows: Row[] = [{ name: 'bench file', value: `${file} (${(statSync(file).size / 1e6).toFixed(1)} MB)` }]
  rows.push(...benchModelLoad())
  rows.push(...(await benchClassifyProcess(file)))
  rows.push(...(await benchClassifyProcess(makeDistinctFile(quick ? 10_000 : 100_000), 'classify process, all texts distinct', 5_000)))
  rows.push(...(await benchTriageInProcess(file)))
  rows.push(...(await benchShoppingList()))
  // Pipeline, gRPC and baseline measurements: tools/bench/.
  const step = (s: string) => process.stderr.write(`bench: ${s}…\n`)
  const { benchIngest } = await import('./bench/ingest.ts')
  for (const n of [...new Set([quick ? 10_000 : 100_000, ...(messages ? [messages] : [])])]) {
    step(`ingest ${n} messages (child process)`)
    rows.push(...(await benchIngest(n)))
  }
  step('emergency latency over gRPC')
  const { benchGrpc } = await import('./bench/grpc.ts')
  rows.push(...(await benchGrpc(quick ? { urgent: 30, rate: 50, urgentEveryMs: 200 } : { urgent: 250, rate: 50, urgentEveryMs: 400 })))
  step('baseline classifier')
  const { benchBaseline } = await import('./bench/baseline.ts')
  rows.push(...(await benchBaseline(file)))
  printTable(rows)
}

main().catch((e: unknown) => {
  process.stderr.write(`bench: ${e instanceof Error ? e.stack : String(e)}\n`)
  process.exitCode = 1
})
