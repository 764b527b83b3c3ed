// Which puppet to use, from the standard WECHATY_* variables.
export interface PuppetChoice {
  /** 'demo' when nothing is configured: the built-in mock community. */
  mode: 'demo' | 'service' | 'other'
  name: string
  token?: string
  endpoint?: string
  noTlsInsecureClient: boolean
}

export function puppetFromEnv(env: NodeJS.ProcessEnv = process.env): PuppetChoice {
  const name = env.WECHATY_PUPPET?.trim() || (env.WECHATY_PUPPET_SERVICE_TOKEN ? 'wechaty-puppet-service' : '')
  // Only the exact string "true" counts (the puppet service reads it that way too).
  const noTlsInsecureClient = env.WECHATY_PUPPET_SERVICE_NO_TLS_INSECURE_CLIENT === 'true'
  if (!name || name === 'wechaty-puppet-mock') return { mode: 'demo', name: 'wechaty-puppet-mock', noTlsInsecureClient }
  return {
    mode: name === 'wechaty-puppet-service' ? 'service' : 'other',
    name,
    token: env.WECHATY_PUPPET_SERVICE_TOKEN,
    endpoint: env.WECHATY_PUPPET_SERVICE_ENDPOINT,
    noTlsInsecureClient,
  }
}

export function dbPathFromEnv(env: NodeJS.ProcessEnv = process.env): string {
  return env.TRIAGE_DB?.trim() || 'var/louguanjia.db'
}
