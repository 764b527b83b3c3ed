// A worker thread of `triage classify`: answers the share of a batch it is handed
// (tools/classify-stream.ts). Same code as the main thread, so the same answers.
import { parentPort } from 'node:worker_threads'
import { answerText } from './classify-lines.ts'

parentPort?.on('message', (msg: { seq: number; texts: string[] }) => {
  parentPort?.postMessage({ seq: msg.seq, answers: msg.texts.map(answerText) })
})
