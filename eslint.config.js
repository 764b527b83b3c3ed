// ESLint (flat config): typescript-eslint's recommended rules, and DESIGN.md's layout table
// ("may import") encoded row by row. tests/lint-rules.test.ts plants a breach of each rule.
// Import cycles, type-only ones included, are checked by tools/check-cycles.ts (npm run lint).
import js from '@eslint/js'
import { createNodeResolver, importX } from 'eslint-plugin-import-x'
import tseslint from 'typescript-eslint'

/** A folder may not import these folders (paths from the repository root). */
const zone = (target, from, message) => ({ target, from, message })

/** Packages that only bot/ (and tools/, testing/, tests/) may use: they know Wechaty or the database driver. */
const WECHATY = ['wechaty', 'wechaty-*', 'file-box']
const restrictPackages = (names, message, patterns = []) => ({
  paths: names.filter((n) => !n.includes('*')).map((name) => ({ name, message })),
  patterns: [...patterns, ...names.filter((n) => n.includes('*')).map((n) => ({ group: [n], message }))],
})

export default tseslint.config(
  { ignores: ['node_modules/**', 'var/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts', '**/*.js', '**/*.mjs'],
    languageOptions: { ecmaVersion: 2022, sourceType: 'module', globals: { process: 'readonly', console: 'readonly', URL: 'readonly' } },
    plugins: { 'import-x': importX },
    settings: {
      'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.js', '.mjs', '.json'] })],
      'import-x/extensions': ['.ts', '.js', '.mjs'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts'] },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      'no-empty': ['error', { allowEmptyCatch: true }],
      // Normalisation and the location parser match invisible and combining characters on
      // purpose (zero-width joiners, variation selectors, emoji in addresses).
      'no-misleading-character-class': 'off',
      // No import cycles (value imports, dynamic ones included; tools/check-cycles.ts also counts types).
      'import-x/no-cycle': 'error',
      // DESIGN.md, "Layout": the "may import" column.
      'import-x/no-restricted-paths': [
        'error',
        {
          zones: [
            // bot/: everything but tools/ and testing/
            zone('./bot', './tools', 'bot/ may not import tools/ (DESIGN.md, Layout)'),
            zone('./bot', './testing', 'bot/ may not import testing/ (DESIGN.md, Layout)'),
            // classifiers/: only each other and the files in data/
            ...['bot', 'handlers', 'store', 'tools', 'testing', 'tests'].map((f) =>
              zone('./classifiers', `./${f}`, `classifiers/ may import only each other and data/ files, not ${f}/ (DESIGN.md, Layout)`),
            ),
            // handlers/: classifiers/ and store/
            ...['bot', 'tools', 'testing', 'tests'].map((f) =>
              zone('./handlers', `./${f}`, `handlers/ may import classifiers/ and store/, not ${f}/ (DESIGN.md, Layout)`),
            ),
            // store/: types from classifiers/ (checked below), nothing else of ours
            ...['bot', 'handlers', 'tools', 'testing', 'tests'].map((f) =>
              zone('./store', `./${f}`, `store/ may import only types from classifiers/, not ${f}/ (DESIGN.md, Layout)`),
            ),
          ],
        },
      ],
    },
  },
  {
    files: ['classifiers/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        restrictPackages(
          [...WECHATY, 'better-sqlite3', 'pg', 'pino', 'pino-pretty'],
          'classifiers/ are pure: no Wechaty, no store, no logging (DESIGN.md, Layout)',
        ),
      ],
    },
  },
  {
    files: ['handlers/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        restrictPackages(WECHATY, 'handlers/ never import Wechaty (DESIGN.md, Layout)'),
      ],
    },
  },
  {
    files: ['store/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        restrictPackages(WECHATY, 'store/ never imports Wechaty (DESIGN.md, Layout)', [
          {
            group: ['**/classifiers/**'],
            allowTypeImports: true,
            message: 'store/ may import only types from classifiers/ (DESIGN.md, Layout)',
          },
        ]),
      ],
    },
  },
  {
    // data/: files only (corpus, dictionaries, model, demo, evaluation rounds), no code.
    files: ['data/**/*.ts', 'data/**/*.js', 'data/**/*.mjs'],
    rules: {
      'no-restricted-syntax': [
        'error',
        { selector: 'Program', message: 'data/ holds files only: code goes in store/, classifiers/ or tools/ (DESIGN.md, Layout)' },
      ],
    },
  },
)
