// A worker thread for `triage classify`: loads the model once, answers batches.
import { parentPort } from 'node:worker_threads'
import { classifyLines } from './classify-lines.ts'

parentPort!.on('message', (job: { seq: number; lines: string[]; lineNos: number[] }) => {
  parentPort!.postMessage({ seq: job.seq, ...classifyLines(job.lines, job.lineNos) })
})
