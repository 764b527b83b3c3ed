// A worker thread of `triage classify`: answers the share of a batch it is handed
// (tools/classify-stream.ts). Same code as the main thread, so the same answers.
import { parentPort } from 'node:worker_threads'
import { answerText } from './classify-lines.ts'

// the model is loaded (importing classify-lines.ts loads it): the main thread shares work from now on
parentPort?.postMessage({ ready: true })
parentPort?.on('message', (msg: { seq: number; texts: string[] }) => {
  const t0 = performance.now()
  const answers = msg.texts.map(answerText)
  // its own time, so the main thread can size the next share to the speed of each side
  parentPort?.postMessage({ seq: msg.seq, answers, ms: performance.now() - t0 })
})
