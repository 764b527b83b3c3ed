// The `triage classify` contract: JSON lines in, one line per input out, in input order,
// the same answers whether one thread or several do the work.
import { spawnSync } from 'node:child_process'
import { PassThrough, Writable } from 'node:stream'
import { describe, expect, it } from 'vitest'
import { answerText, classifyLines, nextShare, type Helper } from '../tools/classify-lines.ts'
import { runClassify } from '../tools/classify-stream.ts'

const TEXTS = [
  '收到',
  '我的手受伤了 血流不止',
  '我要土豆3斤、萝卜3根',
  '6栋1单元楼道灯不亮',
  '我家猫被封在家没人照看',
  '担心家人在外地',
  '谢谢🙏',
  '',
]

async function classify(input: string): Promise<string> {
  const source = new PassThrough()
  source.end(input)
  let out = ''
  const sink = new Writable({
    write(chunk, _e, cb) {
      out += chunk
      cb()
    },
  })
  expect(await runClassify(source, sink, [])).toBe(0)
  return out
}

describe('triage classify', () => {
  it('answers every line in input order, and a repeated text exactly as the first time', async () => {
    const lines = Array.from({ length: 2500 }, (_, i) =>
      JSON.stringify({ id: `m${i}`, text: `${TEXTS[i % TEXTS.length]}${i % 3 === 0 ? '' : ` ${i}`}` }),
    )
    const rows = (await classify(lines.join('\n') + '\n'))
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l))
    expect(rows.map((r) => r.id)).toEqual(lines.map((_, i) => `m${i}`))
    expect(rows[1]).toMatchObject({ category: 'medical', urgent: true })
    expect(rows[2].items.map((i: { name: string }) => i.name)).toEqual(['土豆', '萝卜'])
    // Texts seen before come from memory: the answer must not change (ids differ).
    const { id: _a, ...first } = rows[0]
    const { id: _b, ...again } = rows[24]
    expect(again).toEqual(first)
    expect(Object.keys(rows[0])[0]).toBe('id')
  }, 60_000)

  it('gives the things to buy as items, and what the resident takes off the list apart', async () => {
    const rows = (
      await classify(
        [
          JSON.stringify({ id: 'a', text: '刚才的单子：鸡蛋不要了，再加两斤土豆' }),
          JSON.stringify({ id: 'b', text: '帮我买土豆3斤，别买菠菜' }),
        ].join('\n') + '\n',
      )
    )
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l))
    expect(rows[0].items.map((i: { name: string }) => i.name)).toEqual(['土豆'])
    expect(rows[0].removed.map((i: { name: string }) => i.name)).toEqual(['鸡蛋'])
    expect(rows[1].items.map((i: { name: string }) => i.name)).toEqual(['土豆'])
    expect(rows[1].removed.map((i: { name: string }) => i.name)).toEqual(['菠菜'])
  })

  it('keeps output lines aligned with input lines: plain text is a text, a broken { line an error object', () => {
    const r = spawnSync(process.execPath, ['--import', 'tsx', 'tools/cli.ts', 'classify'], {
      input: '{"id":"a","text":"收到"}\n{"id":"broken",\n{"id":"b","text":"救命 我爸晕倒了"}\n我家厨房水管漏水了\n',
      encoding: 'utf8',
      env: { ...process.env, DOTENV_CONFIG_QUIET: undefined },
    })
    expect(r.status).toBe(0)
    const out = r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l))
    expect(out.map((o) => o.id)).toEqual(['a', 2, 'b', 4])
    expect(out[1]).toEqual({ id: 2, error: 'not valid JSON' })
    expect(out[2].urgent).toBe(true)
    expect(out[3].category).toBe('repair')
    expect(r.stderr).toContain('第 2 行不是有效的 JSON')
  }, 30_000)

  it('gives the same lines, in the same order, with a worker thread as with one thread', () => {
    // more distinct texts than one batch, so the worker gets a share of several batches
    const input =
      Array.from({ length: 1500 }, (_, i) => JSON.stringify({ id: `w${i}`, text: `${TEXTS[i % TEXTS.length]} ${i % 700}` })).join('\n') +
      '\n'
    const run = (threads: string) =>
      spawnSync(process.execPath, ['--import', 'tsx', 'tools/cli.ts', 'classify', '--threads', threads], {
        input,
        encoding: 'utf8',
        maxBuffer: 64 << 20,
      })
    const one = run('0'),
      two = run('1')
    expect(one.status).toBe(0)
    expect(two.status).toBe(0)
    expect(two.stderr).not.toContain('工作线程停止了')
    expect(two.stdout.split('\n').length).toBe(1501)
    expect(two.stdout).toBe(one.stdout)
  }, 120_000)

  it('refuses a thread count that is not a small whole number', () => {
    const r = spawnSync(process.execPath, ['--import', 'tsx', 'tools/cli.ts', 'classify', '--threads', 'many'], {
      input: '',
      encoding: 'utf8',
    })
    expect(r.status).not.toBe(0)
    expect(r.stderr).toContain('--threads')
  }, 30_000)

  describe('sharing a batch with a helper', () => {
    const lines = Array.from({ length: 200 }, (_, i) => JSON.stringify({ id: i, text: `${TEXTS[i % TEXTS.length]} 第${i}户` }))
    const lineNos = lines.map((_, i) => i + 1)
    const alone = async () => (await classifyLines(lines, lineNos, null)).out

    it('goes on alone while the helper is still loading, and never asks it', async () => {
      let asked = 0
      const loading: Helper = {
        ready: false,
        share: 0.5,
        answer: async () => {
          asked++
          return null
        },
      }
      expect((await classifyLines(lines, lineNos, loading)).out).toBe(await alone())
      expect(asked).toBe(0)
    })

    it('answers itself what a failed helper could not, so no line is lost or changed', async () => {
      const failing: Helper = { ready: true, share: 0.5, answer: async (texts) => ({ answers: texts.map(() => null), perMs: 0 }) }
      const fresh = Array.from({ length: 100 }, (_, i) => JSON.stringify({ id: i, text: `煤气味很重 ${i} 号` }))
      const nos = fresh.map((_, i) => i + 1)
      const out = (await classifyLines(fresh, nos, failing)).out.trim().split('\n')
      expect(out).toHaveLength(100)
      out.forEach((l, i) => expect(l).toBe(`{"id":${i},${answerText(`煤气味很重 ${i} 号`)}`))
    })

    it('hands the faster side the larger share, and never all or nothing', () => {
      expect(nextShare(0.5, 10, 30)).toBeGreaterThan(0.5)
      expect(nextShare(0.5, 30, 10)).toBeLessThan(0.5)
      expect(nextShare(0.5, 10, 0)).toBeGreaterThanOrEqual(0.1)
      expect(nextShare(0.9, 0, 10)).toBe(0.9)
      let s = 0.5
      for (let i = 0; i < 20; i++) s = nextShare(s, 1, 1000)
      expect(s).toBe(0.9)
    })
  })
})
