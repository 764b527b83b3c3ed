// Entry of a `triage classify` worker thread: a worker does not inherit tsx's loader from the
// main thread, so it registers it before loading the TypeScript worker.
import { register } from 'tsx/esm/api'

register()
await import('./classify-worker.ts')
