// Worker entry in plain JavaScript: module hooks are per thread, so the worker
// loads the TypeScript worker through tsx itself.
import { tsImport } from 'tsx/esm/api'

await tsImport('./classify-worker.ts', import.meta.url)
