// The command and scheduler hooks that produce digests (filled in by the digest handlers).
import type { CommandHooks } from '../handlers/commands.ts'
import type { DigestHooks } from './scheduler.ts'

export function digestHooks(): CommandHooks & DigestHooks {
  return {}
}
