// The 三色档案 register: imported from a CSV, matched to residents through their location.
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Writable } from 'node:stream'
import { describe, expect, it } from 'vitest'
import { parseCsv, parseHouseholdRow, runAdmin } from '../tools/admin.ts'
import { Households } from '../store/households.ts'
import { openStore } from '../store/store.ts'

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
    expect(parseHouseholdRow(['楼栋-单元-房号', '档案', '备注'])).toMatch(/tier/)
    expect(parseHouseholdRow(['3-2-502', 'purple'])).toMatch(/tier/)
    expect(parseHouseholdRow(['门口', 'red'])).toMatch(/building and room/)
    expect(parseCsv('\ufeff"a,b",c\r\nd,"e ""f"""\n')).toEqual([
      ['a,b', 'c'],
      ['d', 'e "f"'],
    ])
  })

  it('`triage households import FILE.csv` imports the good rows, reports the bad ones, and matches locations', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lgj-hh-'))
    const csv = join(dir, 'register.csv')
    writeFileSync(csv, '楼栋-单元-房号,档案,备注\n3-2-502,红,独居老人\n6-1-201,yellow,透析\n门口,red,?\n')
    process.env.TRIAGE_DB = join(dir, 't.db')
    let out = ''
    const sink = new Writable({
      write(chunk, _e, cb) {
        out += chunk
        cb()
      },
    })
    try {
      expect(await runAdmin('households', ['import', csv], sink, sink)).toBe(1)
    } finally {
      delete process.env.TRIAGE_DB
    }
    expect(out).toContain('imported 2 households')
    expect(out).toContain('line 4')
    const households = new Households(openStore(join(dir, 't.db')))
    expect(households.find({ building: '3', unit: '2', floor: '5', room: '502' })?.tier).toBe('red')
    // A location without a unit still matches when only one household has that door.
    expect(households.find({ building: '6', unit: null, floor: null, room: '201' })?.note).toBe('透析')
    expect(households.find({ building: '9', unit: '1', floor: null, room: '201' })).toBeNull()
  })
})
