import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // Wechaty and the gRPC puppet server keep module-level state: isolate suites in forks.
    pool: 'forks',
    testTimeout: 30_000,
    hookTimeout: 30_000,
    env: { DOTENV_CONFIG_QUIET: 'true', LOG_LEVEL: 'silent' },
  },
})
