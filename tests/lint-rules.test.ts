// DESIGN.md's layout table ("may import") as lint rules: one planted breach per rule, placed
// in the folder it is about, must fail `npm run lint` — and an allowed import must not.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { join, relative, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { ESLint } from 'eslint'
import { afterEach, describe, expect, it } from 'vitest'
import { findCycles, importGraph } from '../tools/check-cycles.ts'

const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)))
const eslint = new ESLint({ cwd: ROOT })

/** The rule ids ESLint reports for `code` as if it were the file `path` (relative to the root). */
async function rulesHit(path: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: join(ROOT, path) })
  return result.messages.map((m) => m.ruleId ?? `fatal: ${m.message}`)
}

const RESTRICTED_PATHS = 'import-x/no-restricted-paths'
/** A real file in each folder: the path rule needs an import it can resolve. */
const FILE_IN: Record<string, string> = {
  bot: 'bot/env.ts',
  handlers: 'handlers/config.ts',
  store: 'store/store.ts',
  tools: 'tools/corpus.ts',
  testing: 'testing/puppet-server.ts',
}
const RESTRICTED_IMPORTS = '@typescript-eslint/no-restricted-imports'

describe('bot/ may import everything but tools/ and testing/', () => {
  it('rejects tools/', async () => {
    expect(await rulesHit('bot/planted.ts', `import { runDemo } from '../tools/demo.ts'\nexport const f = runDemo\n`)).toContain(
      RESTRICTED_PATHS,
    )
  })
  it('rejects testing/, a dynamic import too', async () => {
    expect(await rulesHit('bot/planted.ts', `export const f = () => import('../testing/mock-community.ts')\n`)).toContain(RESTRICTED_PATHS)
  })
  it('allows handlers/, store/, classifiers/ and Wechaty', async () => {
    expect(
      await rulesHit(
        'bot/planted.ts',
        [
          `import { Wechaty } from 'wechaty'`,
          `import { Ingest } from '../handlers/ingest.ts'`,
          `import { openStore } from '../store/store.ts'`,
          `import { triage } from '../classifiers/triage.ts'`,
          `export const f = [Wechaty, Ingest, openStore, triage]`,
          '',
        ].join('\n'),
      ),
    ).toEqual([])
  })
})

describe('classifiers/ may import only each other and the files in data/', () => {
  for (const folder of ['bot', 'handlers', 'store', 'tools', 'testing']) {
    it(`rejects ${folder}/`, async () => {
      expect(await rulesHit('classifiers/planted.ts', `import * as m from '../${FILE_IN[folder]}'\nexport const f = m\n`)).toContain(
        RESTRICTED_PATHS,
      )
    })
  }
  it('rejects Wechaty, the database driver and the logger', async () => {
    for (const pkg of ['wechaty', 'wechaty-puppet', 'better-sqlite3', 'pino']) {
      expect(await rulesHit('classifiers/planted.ts', `import * as m from '${pkg}'\nexport const f = m\n`), pkg).toContain(
        RESTRICTED_IMPORTS,
      )
    }
  })
  it('allows another classifier, also in a sub-folder', async () => {
    expect(
      await rulesHit('classifiers/shopping-list/planted.ts', `import { normalize } from '../normalize.ts'\nexport const f = normalize\n`),
    ).toEqual([])
  })
})

describe('handlers/ may import classifiers/ and store/', () => {
  for (const folder of ['bot', 'tools', 'testing']) {
    it(`rejects ${folder}/`, async () => {
      expect(await rulesHit('handlers/planted.ts', `import * as m from '../${FILE_IN[folder]}'\nexport const f = m\n`)).toContain(
        RESTRICTED_PATHS,
      )
    })
  }
  it('rejects Wechaty', async () => {
    expect(await rulesHit('handlers/planted.ts', `import { Wechaty } from 'wechaty'\nexport const f = Wechaty\n`)).toContain(
      RESTRICTED_IMPORTS,
    )
  })
  it('allows classifiers/ and store/', async () => {
    expect(
      await rulesHit(
        'handlers/planted.ts',
        `import { triage } from '../classifiers/triage.ts'\nimport { Inbox } from '../store/inbox.ts'\nexport const f = [triage, Inbox]\n`,
      ),
    ).toEqual([])
  })
})

describe('store/ may import only types from classifiers/', () => {
  for (const folder of ['bot', 'handlers', 'tools', 'testing']) {
    it(`rejects ${folder}/`, async () => {
      expect(await rulesHit('store/planted.ts', `import * as m from '../${FILE_IN[folder]}'\nexport const f = m\n`)).toContain(
        RESTRICTED_PATHS,
      )
    })
  }
  it('rejects a value from classifiers/', async () => {
    expect(await rulesHit('store/planted.ts', `import { triage } from '../classifiers/triage.ts'\nexport const f = triage\n`)).toContain(
      RESTRICTED_IMPORTS,
    )
  })
  it('allows a type from classifiers/', async () => {
    expect(
      await rulesHit('store/planted.ts', `import type { Category } from '../classifiers/types.ts'\nexport const f: Category = 'other'\n`),
    ).toEqual([])
  })
})

describe('data/ holds files only', () => {
  it('rejects code', async () => {
    expect(await rulesHit('data/planted.ts', `export const f = 1\n`)).toContain('no-restricted-syntax')
  })
})

describe('tools/, testing/ and tests/ may import everything', () => {
  for (const folder of ['tools', 'testing', 'tests']) {
    it(folder, async () => {
      expect(
        await rulesHit(
          `${folder}/planted.ts`,
          `import { runDemo } from '../tools/demo.ts'\nimport { startMockCommunity } from '../testing/mock-community.ts'\nexport const f = [runDemo, startMockCommunity]\n`,
        ),
      ).toEqual([])
    })
  }
})

describe('no import cycles', () => {
  const dirs: string[] = []
  afterEach(() => {
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true })
  })
  /** Two files that import each other, in a fresh folder under handlers/. */
  const plantCycle = (a: string, b: string) => {
    const dir = mkdtempSync(join(ROOT, 'handlers', 'planted-cycle-'))
    dirs.push(dir)
    writeFileSync(join(dir, 'a.ts'), a)
    writeFileSync(join(dir, 'b.ts'), b)
    return dir
  }

  it('ESLint rejects a value cycle', async () => {
    const dir = plantCycle(
      `import { b } from './b.ts'\nexport const a = () => b\n`,
      `import { a } from './a.ts'\nexport const b = () => a\n`,
    )
    const [result] = await eslint.lintFiles([join(dir, 'a.ts')])
    expect(result.messages.map((m) => m.ruleId)).toContain('import-x/no-cycle')
  })

  it('tools/check-cycles.ts rejects a type-only cycle', () => {
    const dir = plantCycle(
      `import type { B } from './b.ts'\nexport interface A { b: B }\n`,
      `import type { A } from './a.ts'\nexport interface B { a: A }\n`,
    )
    const rel = relative(ROOT, dir)
    expect(findCycles(importGraph(ROOT, [rel]))).toEqual([[`${rel}/a.ts`, `${rel}/b.ts`]])
  })

  it('the repository has none, type-only imports included', () => {
    expect(findCycles(importGraph())).toEqual([])
  })
})
