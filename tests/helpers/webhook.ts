// A local stand-in for the operator's alert webhook (TRIAGE_ALERT_WEBHOOK, a WeCom/DingTalk-style
// robot): it records the text of every alarm posted to it.
import { createServer } from 'node:http'

export interface Webhook {
  url: string
  /** The text of each alarm received, in order. */
  texts: string[]
  close(): Promise<void>
}

export async function startWebhook(): Promise<Webhook> {
  const texts: string[] = []
  const server = createServer((req, res) => {
    let body = ''
    req.on('data', (d) => (body += d))
    req.on('end', () => {
      texts.push((JSON.parse(body) as { text: { content: string } }).text.content)
      res.end('{}')
    })
  })
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()))
  return {
    url: `http://127.0.0.1:${(server.address() as { port: number }).port}/send`,
    texts,
    close: () => new Promise((r) => server.close(() => r())),
  }
}
