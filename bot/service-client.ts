// How the bot lets go of a puppet-service connection without logging the account out.
//
// PuppetService's own stop sends the server a `stop` RPC, and the server answers it by
// stopping its puppet: the WeChat account is logged out and someone must scan a QR code
// again. That is never what we want. A stop sent on a broken link is worse: it waits in
// the gRPC channel and is delivered when the server comes back, logging out the session
// the reconnect was about to resume (DESIGN.md pitfalls). PuppetService also stops
// itself when its start fails, so the stop can come from inside wechaty, not only from us.
//
// So every PuppetService the bot creates is stopped by cutting it off instead: cancel the
// event stream (the server then frees its single event-stream slot for the next client)
// and close the channel. The account stays logged in on the service, and the next
// connection — after a reconnect or a restart of the bot — resumes it without a scan.
import type { Wechaty } from 'wechaty'

interface GrpcManagerLike {
  eventStream?: { cancel(): void }
  stopStream(): void
  destroyClient(): void
}

/** Close a PuppetService's gRPC client without telling the server anything. False for other puppets. */
export function cutServiceClient(puppet: object): boolean {
  const service = puppet as { _grpcManager?: GrpcManagerLike }
  const manager = service._grpcManager
  if (!manager || typeof manager.destroyClient !== 'function') return false
  // With the manager gone, PuppetService.onStop has no client to send a stop on.
  service._grpcManager = undefined
  // destroy() alone (what stopStream does) leaves the call open on the server, which then
  // refuses the next client's event stream ("can not call twice").
  try {
    manager.eventStream?.cancel()
  } catch {
    /* the stream is already gone */
  }
  try {
    manager.stopStream()
  } catch {
    /* the stream is already gone */
  }
  try {
    manager.destroyClient()
  } catch {
    /* the channel is already closed */
  }
  return true
}

/** Make every stop of this PuppetService — ours, or its own after a failed start — a local one. */
export function neverStopServer<T extends object>(service: T): T {
  const s = service as T & { onStop(): Promise<void> }
  if (typeof s.onStop !== 'function') throw new Error('wechaty-puppet-service changed: PuppetService.onStop is missing')
  const onStop = s.onStop.bind(s)
  s.onStop = async () => {
    cutServiceClient(s)
    await onStop()
  }
  return service
}

/** Stop a Wechaty we are done with, without waiting on a hung stop. */
export async function abandon(b: Wechaty): Promise<void> {
  cutServiceClient(b.puppet)
  await Promise.race([b.stop().catch(() => {}), new Promise((r) => setTimeout(r, 3000))])
}
