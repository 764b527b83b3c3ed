// `npm run lint` (after ESLint): no import cycle anywhere, type-only imports and dynamic
// import('…') included. ESLint's import-x/no-cycle skips type-only imports; a cycle of
// types still ties two files together, so this check counts every relative import.
import { readdirSync, readFileSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const FOLDERS = ['bot', 'classifiers', 'handlers', 'store', 'tools', 'testing', 'tests']

/** Relative specifiers a TypeScript source imports or re-exports, statically or dynamically. */
export function importsOf(source: string): string[] {
  const out: string[] = []
  const patterns = [
    /^\s*(?:import|export)\s[^'"`;]*?\sfrom\s*['"]([^'"]+)['"]/gm,
    /^\s*import\s*['"]([^'"]+)['"]/gm,
    /\bimport\(\s*['"]([^'"]+)['"]\s*\)/g,
  ]
  for (const re of patterns) for (const m of source.matchAll(re)) if (m[1].startsWith('.')) out.push(m[1])
  return out
}

function walk(dir: string, files: string[] = []): string[] {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name)
    if (e.isDirectory()) {
      if (e.name !== 'node_modules') walk(p, files)
    } else if (/\.(ts|mts)$/.test(e.name) && !e.name.endsWith('.d.ts')) files.push(p)
  }
  return files
}

/** The import graph of the repository's TypeScript files, as paths relative to `root`. */
export function importGraph(root = ROOT, folders = FOLDERS): Map<string, string[]> {
  const graph = new Map<string, string[]>()
  const files = folders.flatMap((f) => {
    try {
      return walk(join(root, f))
    } catch {
      return []
    }
  })
  for (const file of files) {
    const deps = importsOf(readFileSync(file, 'utf8'))
      .map((spec) => relative(root, resolve(dirname(file), spec)))
      .filter((p) => p.endsWith('.ts'))
    graph.set(relative(root, file), [...new Set(deps)])
  }
  return graph
}

/** Strongly connected components with more than one file (or a file importing itself): the cycles. */
export function findCycles(graph: ReadonlyMap<string, readonly string[]>): string[][] {
  let index = 0
  const idx = new Map<string, number>()
  const low = new Map<string, number>()
  const onStack = new Set<string>()
  const stack: string[] = []
  const cycles: string[][] = []
  const strong = (v: string): void => {
    idx.set(v, index)
    low.set(v, index)
    index++
    stack.push(v)
    onStack.add(v)
    for (const w of graph.get(v) ?? []) {
      if (!graph.has(w)) continue
      if (!idx.has(w)) {
        strong(w)
        low.set(v, Math.min(low.get(v)!, low.get(w)!))
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, idx.get(w)!))
    }
    if (low.get(v) === idx.get(v)) {
      const scc: string[] = []
      let w: string
      do {
        w = stack.pop()!
        onStack.delete(w)
        scc.push(w)
      } while (w !== v)
      if (scc.length > 1 || (graph.get(v) ?? []).includes(v)) cycles.push(scc.sort())
    }
  }
  for (const v of [...graph.keys()].sort()) if (!idx.has(v)) strong(v)
  return cycles
}

if (process.argv[1] && fileURLToPath(import.meta.url) === resolve(process.argv[1])) {
  const cycles = findCycles(importGraph())
  for (const c of cycles) process.stderr.write(`import cycle: ${c.join(' ↔ ')}\n`)
  process.exitCode = cycles.length ? 1 : 0
}
