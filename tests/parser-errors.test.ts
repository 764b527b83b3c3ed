// triage() catches a parser that throws (the message still goes to a human) and returns what it
// caught; the pipeline counts it and logs it at warn, without the message's text.
import { describe, expect, it, vi } from 'vitest'

vi.mock('../classifiers/shopping-list/index.ts', async (importOriginal) => {
  const real = await importOriginal<typeof import('../classifiers/shopping-list/index.ts')>()
  return {
    ...real,
    parseShoppingList: (text: string) =>
      text.includes('炸')
        ? (() => {
            throw new RangeError('planted')
          })()
        : real.parseShoppingList(text),
  }
})

const { triage } = await import('../classifiers/triage.ts')
const { parserErrors, processInbound } = await import('../handlers/pipeline.ts')
const { testContext } = await import('./helpers/handler-context.ts')

const LIST = '买菜:土豆2斤 鸡蛋一盒 炸酱面3包'

describe('parser errors', () => {
  it('triage returns the error it caught, naming the parser and the error, not the text', () => {
    const r = triage(LIST)
    expect(r.parserErrors).toEqual([{ parser: 'items', error: 'RangeError' }])
    expect(JSON.stringify(r.parserErrors)).not.toContain('土豆')
  })

  it('a message no parser throws on has no parserErrors field', () => {
    expect(triage('买菜:土豆2斤 鸡蛋一盒')).not.toHaveProperty('parserErrors')
  })

  it('the pipeline counts them and logs at warn without the text', () => {
    const ctx = testContext()
    const warn = vi.fn()
    ctx.log = { ...ctx.log, warn }
    const before = parserErrors.count
    processInbound(ctx, ctx.post({ text: LIST }))
    expect(parserErrors.count).toBe(before + 1)
    const calls = warn.mock.calls.filter((c) => c[1] === 'triage caught parser errors')
    expect(calls).toHaveLength(1)
    expect(calls[0][0]).toMatchObject({ parsers: ['items'], errors: ['RangeError'] })
    expect(JSON.stringify(calls[0])).not.toContain('土豆')
  })
})
