// The 三色档案 register: imported from a CSV, matched to residents through their location.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { Writable } from 'node:stream'
import { describe, expect, it } from 'vitest'
import { parseCsv, parseHouseholdRow, runAdmin } from '../tools/admin.ts'
import { decodeText, planHouseholdImport } from '../tools/household-import.ts'
import { Households } from '../store/households.ts'
import { openStore } from '../store/store.ts'

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..')

describe('household register', () => {
  it('reads rows in the common shapes, with tiers in English or Chinese', () => {
    expect(parseHouseholdRow(['3-2-502', 'red', '独居老人 高血压'])).toEqual({
      building: '3',
      unit: '2',
      room: '502',
      tier: 'red',
      note: '独居老人 高血压',
    })
    expect(parseHouseholdRow(['5栋1单元302', '黄', '糖尿病'])).toEqual({
      building: '5',
      unit: '1',
      room: '302',
      tier: 'yellow',
      note: '糖尿病',
    })
    expect(parseHouseholdRow(['12', '3', '1102', '绿色', ''])).toEqual({ building: '12', unit: '3', room: '1102', tier: 'green', note: '' })
    expect(parseHouseholdRow(['楼栋-单元-房号', '档案', '备注'])).toMatch(/档案颜色/)
    expect(parseHouseholdRow(['3-2-502', 'purple'])).toMatch(/档案颜色/)
    expect(parseHouseholdRow(['门口', 'red'])).toMatch(/读不出楼栋和房号/)
    expect(parseCsv('\ufeff"a,b",c\r\nd,"e ""f"""\n')).toEqual([
      ['a,b', 'c'],
      ['d', 'e "f"'],
    ])
  })

  it('`triage households import FILE.csv` imports all or nothing, and matches locations', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lgj-hh-'))
    const csv = join(dir, 'register.csv')
    writeFileSync(csv, '楼栋-单元-房号,档案,备注\n3-2-502,红,独居老人\n6-1-201,yellow,透析\n门口,red,?\n')
    const env = { TRIAGE_DB: join(dir, 't.db') }
    // Only the bot creates a database; the CLI works on an existing one.
    openStore(env.TRIAGE_DB).close()
    const out = sink()
    expect(await runAdmin('households', ['import', csv], out.stream, out.stream, env)).toBe(1)
    expect(out.text()).toContain('第 4 行')
    expect(out.text()).toContain('未导入任何住户')
    expect(new Households(openStore(env.TRIAGE_DB)).all()).toEqual([])
    // Corrected, it goes in whole.
    writeFileSync(csv, '楼栋-单元-房号,档案,备注\n3-2-502,红,独居老人\n6-1-201,yellow,透析\n')
    expect(await runAdmin('households', ['import', csv], out.stream, out.stream, env)).toBe(0)
    expect(out.text()).toContain('已导入 2 户')
    const households = new Households(openStore(env.TRIAGE_DB))
    expect(households.find({ building: '3', unit: '2', floor: '5', room: '502' })?.tier).toBe('red')
    // A location without a unit still matches when only one household has that door.
    expect(households.find({ building: '6', unit: null, floor: null, room: '201' })?.note).toBe('透析')
    expect(households.find({ building: '9', unit: '1', floor: null, room: '201' })).toBeNull()
  })

  it("reads a GBK register (Chinese Excel's default), shows it with --dry-run without writing, and exports it back unchanged", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lgj-hh-'))
    const env = { TRIAGE_DB: join(dir, 't.db') }
    openStore(env.TRIAGE_DB).close()
    const gbk = join(ROOT, 'tests', 'fixtures', 'register-gbk.csv')
    const dry = sink()
    expect(await runAdmin('households', ['import', '--dry-run', gbk], dry.stream, dry.stream, env)).toBe(0)
    expect(dry.text()).toContain('GB18030')
    expect(dry.text()).toContain('可导入 5 户(红 2、黄 2、绿 1)')
    expect(dry.text()).toContain('独居老人')
    expect(dry.text()).toContain('未写入数据库')
    expect(new Households(openStore(env.TRIAGE_DB)).all()).toEqual([])

    expect(await runAdmin('households', ['import', gbk], sink().stream, sink().stream, env)).toBe(0)
    const first = new Households(openStore(env.TRIAGE_DB)).all()
    expect(first).toHaveLength(5)
    expect(first.find((h) => h.room === '301')?.note).toBe('行动不便,需上门')

    // Export, then import the export into a fresh database: the same register.
    const exported = sink()
    expect(await runAdmin('households', ['export'], exported.stream, sink().stream, env)).toBe(0)
    const file = join(dir, 'export.csv')
    writeFileSync(file, exported.text())
    expect(decodeText(readFileSync(file)).encoding).toBe('UTF-8 (BOM)')
    const env2 = { TRIAGE_DB: join(dir, 't2.db') }
    openStore(env2.TRIAGE_DB).close()
    expect(await runAdmin('households', ['import', file], sink().stream, sink().stream, env2)).toBe(0)
    expect(new Households(openStore(env2.TRIAGE_DB)).all()).toEqual(first)

    // The template imports as it is.
    const template = sink()
    expect(await runAdmin('households', ['template'], template.stream, sink().stream, env)).toBe(0)
    expect(planHouseholdImport(Buffer.from(template.text())).problems).toEqual([])
  })

  it('decodes UTF-8 with and without a BOM', () => {
    expect(decodeText(Buffer.from('\ufeff3-2-502,红', 'utf8'))).toEqual({ text: '3-2-502,红', encoding: 'UTF-8 (BOM)' })
    expect(decodeText(Buffer.from('3-2-502,红', 'utf8'))).toEqual({ text: '3-2-502,红', encoding: 'UTF-8' })
  })
})

function sink(): { stream: Writable; text: () => string } {
  let text = ''
  const stream = new Writable({
    write(chunk, _e, cb) {
      text += chunk
      cb()
    },
  })
  return { stream, text: () => text }
}
