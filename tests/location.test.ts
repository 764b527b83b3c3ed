import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import {
  chineseNumber,
  floorOfRoom,
  formatLocation,
  mergeLocations,
  parseLocation,
  parseTopic,
  type Location,
} from '../classifiers/location.ts'

function loc(building: string | null, unit: string | null, floor: string | null, room: string | null): Location {
  return { building, unit, floor, room }
}

// [input, building, unit, floor, room]
const ADDRESSES: Array<[string, string | null, string | null, string | null, string | null]> = [
  ['3-2-502', '3', '2', '5', '502'],
  ['3-502', '3', null, '5', '502'],
  ['3栋2单元502', '3', '2', '5', '502'],
  ['3幢2单元502室', '3', '2', '5', '502'],
  ['5号楼1单元302', '5', '1', '3', '302'],
  ['5号楼302', '5', null, '3', '302'],
  ['三栋502', '3', null, '5', '502'],
  ['12栋1102', '12', null, '11', '1102'],
  ['7栋1102', '7', null, '11', '1102'],
  ['9栋3单元1102', '9', '3', '11', '1102'],
  ['2号楼3单元', '2', '3', null, null],
  ['6栋1单元', '6', '1', null, null],
  ['B座1203', 'B', null, '12', '1203'],
  ['b座1203', 'B', null, '12', '1203'],
  ['5座1203', '5', null, '12', '1203'],
  ['12楼 小张', null, null, '12', null],
  ['3栋5楼', '3', null, '5', null],
  ['住4-3-502', '4', '3', '5', '502'],
  ['她住4-3-502,快来人', '4', '3', '5', '502'],
  ['我家是8幢601', '8', null, '6', '601'],
  ['十二号楼', '12', null, null, null],
  ['十二号楼二单元1203', '12', '2', '12', '1203'],
  ['二单元', null, '2', null, null],
  ['3栋2单元502号', '3', '2', '5', '502'],
  ['3栋1102号房', '3', null, '11', '1102'],
  ['3-2-502 王阿姨', '3', '2', '5', '502'],
  ['3-1-501 张叔', '3', '1', '5', '501'],
  ['老陈 6-2-203', '6', '2', '2', '203'],
  ['Amy 9-1-1102', '9', '1', '11', '1102'],
  ['5栋1单元302 李', '5', '1', '3', '302'],
  ['6-1-201孙阿姨', '6', '1', '2', '201'],
  ['3 - 2 - 502', '3', '2', '5', '502'],
  ['3—2—502', '3', '2', '5', '502'],
  ['3栋2-502', '3', '2', '5', '502'],
  ['3栋 2单元 502', '3', '2', '5', '502'],
  ['3栋-502', '3', null, '5', '502'],
  ['3楼2单元501', '3', '2', '5', '501'],
  ['3号2单元501', '3', '2', '5', '501'],
  ['3#楼2单元', '3', '2', null, null],
  ['三号楼五楼', '3', null, '5', null],
  ['9栋2单元 11楼', '9', '2', '11', null],
  ['3栋11楼1102', '3', null, '11', '1102'],
  ['3栋5层', '3', null, '5', null],
  ['二十三楼', null, null, '23', null],
  ['十一楼 钱', null, null, '11', null],
  ['三楼的灯坏了', null, null, '3', null],
  ['2503室', null, null, '25', '2503'],
  ['502室卫生间漏水', null, null, '5', '502'],
  ['我住502', null, null, '5', '502'],
  ['Lisa 六栋二单元204', '6', '2', '2', '204'],
  ['小宋 9栋11楼', '9', null, '11', null],
  ['第3栋2单元', '3', '2', null, null],
  ['２号楼３单元５０２', '2', '3', '5', '502'],
  ['1. 3-2-502 王 已做', '3', '2', '5', '502'],
  ['团长-阿杰 3-2-101', '3', '2', '1', '101'],
  ['B-2-1203', 'B', '2', '12', '1203'],
  ['3幢506 老赵', '3', null, '5', '506'],
  ['帮3-2-502买菜,我住4-1-301', '3', '2', '5', '502'],
  ['楼道灯坏了 6栋1单元 二楼', '6', '1', '2', null],
  ['住在9-1-1105', '9', '1', '11', '1105'],
]

describe('parseLocation: addresses', () => {
  it.each(ADDRESSES)('%s', (text, building, unit, floor, room) => {
    expect(parseLocation(text)).toEqual(loc(building, unit, floor, room))
  })

  it('has at least 40 address cases', () => {
    expect(ADDRESSES.length).toBeGreaterThanOrEqual(40)
  })
})

const NOT_ADDRESSES = [
  '',
  '收到',
  '谢谢管家👍👍',
  '🌸兰姐',
  '快乐每一天',
  '土豆3斤',
  '鸡蛋10个',
  '40.5度',
  '体温38.5',
  '2箱',
  '买2-3个',
  '买了3-4斤',
  '4.5-5.5斤',
  '大米1袋10斤的',
  '牛奶2箱 500ml的',
  '3层纸巾',
  '138xxxx1234',
  '13812345678',
  '电话 138-1234-5678',
  '0571-88886666',
  '8:30',
  '8:00-10:00',
  '10-12点',
  '3点',
  '下午3点半',
  '3-5天',
  '3月5日',
  '3月12号',
  '2022-04-05',
  '2023-05-06 12:00',
  '2022/4/5',
  '#12',
  '完成 12',
  '认领 1',
  '@楼管家 完成 1 已送医,家属陪同',
  '价格128-258',
  '100-200元',
  '5-1000',
  '1-2-3',
  '这三栋楼都停水了',
  '8楼-12楼',
  '0栋',
  '一二三楼',
  '🙏🙏🙏',
  '😭😭😭 怎么办啊',
  '\u200b\u200b',
  '   \n\t  ',
  '[图片]',
]

describe('parseLocation: not addresses', () => {
  it.each(NOT_ADDRESSES)('%j', (text) => {
    expect(parseLocation(text)).toBeNull()
  })

  it('returns null for non-strings', () => {
    for (const x of [undefined, null, 42, {}, [], Symbol('x')]) {
      expect(parseLocation(x as unknown as string)).toBeNull()
    }
  })

  it('handles 100 kB strings quickly', () => {
    const bigs = [
      '3'.repeat(100_000),
      '栋'.repeat(100_000),
      '十'.repeat(100_000),
      '1-'.repeat(50_000),
      '3-3-'.repeat(25_000),
      '土豆3斤 '.repeat(20_000),
      '😀'.repeat(50_000),
      'x'.repeat(99_990) + ' 3-2-502',
    ]
    const t0 = performance.now()
    const out = bigs.map((s) => parseLocation(s))
    expect(performance.now() - t0).toBeLessThan(2_000)
    expect(out.slice(0, 7).every((x) => x === null)).toBe(true)
    expect(out[7]).toEqual(loc('3', '2', '5', '502'))
  })
})

describe('parseTopic', () => {
  it.each([
    ['春江天境3栋5楼业主群', loc('3', null, '5', null)],
    ['春江天境3栋业主群', loc('3', null, null, null)],
    ['5号楼2单元邻里群', loc('5', '2', null, null)],
    ['12幢1单元8-12楼互助群', loc('12', '1', null, null)],
    ['春江天境6栋2楼业主群', loc('6', null, '2', null)],
    ['春江天境9栋11楼业主群', loc('9', null, '11', null)],
    ['幸福里小区业主群', null],
    ['春江天境1-3栋团购群', null],
    ['', null],
  ] as Array<[string, Location | null]>)('%s', (topic, expected) => {
    expect(parseTopic(topic)).toEqual(expected)
  })
})

describe('helpers', () => {
  it('chineseNumber', () => {
    expect(chineseNumber('三')).toBe(3)
    expect(chineseNumber('十')).toBe(10)
    expect(chineseNumber('十二')).toBe(12)
    expect(chineseNumber('二十')).toBe(20)
    expect(chineseNumber('二十三')).toBe(23)
    expect(chineseNumber('一二')).toBeNull()
    expect(chineseNumber('十十')).toBeNull()
    expect(chineseNumber('')).toBeNull()
  })

  it('floorOfRoom', () => {
    expect(floorOfRoom('502')).toBe('5')
    expect(floorOfRoom('1102')).toBe('11')
    expect(floorOfRoom('2503')).toBe('25')
    expect(floorOfRoom('050')).toBeNull()
    expect(floorOfRoom('12')).toBeNull()
    expect(floorOfRoom(null)).toBeNull()
  })

  it('formatLocation', () => {
    expect(formatLocation(parseLocation('3-2-502'))).toBe('3栋2单元502')
    expect(formatLocation(parseLocation('3栋5楼'))).toBe('3栋5楼')
    expect(formatLocation(parseLocation('6栋1单元'))).toBe('6栋1单元')
    expect(formatLocation(parseLocation('B座1203'))).toBe('B座1203')
    expect(formatLocation(parseLocation('12楼 小张'))).toBe('12楼')
    expect(formatLocation(parseLocation('我住502'))).toBe('502室')
    expect(formatLocation(null)).toBe('')
  })

  it('mergeLocations fills gaps only from compatible fallbacks', () => {
    const msg = parseLocation('我住502')
    const topic = parseTopic('春江天境3栋5楼业主群')
    expect(mergeLocations(msg, topic)).toEqual(loc('3', null, '5', '502'))
    // A message's building 5 is not combined with the topic's building 3.
    expect(mergeLocations(parseLocation('5号楼302'), topic)).toEqual(loc('5', null, '3', '302'))
    // Message wins, alias next, topic last.
    const alias = parseLocation('3-2-502 王阿姨')
    expect(mergeLocations(parseLocation('她住4-3-502'), alias, topic)).toEqual(loc('4', '3', '5', '502'))
    expect(mergeLocations(null, alias, topic)).toEqual(loc('3', '2', '5', '502'))
    expect(mergeLocations(parseLocation('二单元'), parseTopic('春江天境3栋业主群'))).toEqual(loc('3', '2', null, null))
    // Floor 12 from a name does not fit a floor-5 topic.
    expect(mergeLocations(parseLocation('12楼 小张'), topic)).toEqual(loc(null, null, '12', null))
    expect(mergeLocations(null, undefined, null)).toBeNull()
    // Inputs are not mutated.
    const a = loc(null, null, null, '502')
    mergeLocations(a, loc('3', null, null, null))
    expect(a).toEqual(loc(null, null, null, '502'))
  })
})

describe('properties', () => {
  const field = (v: unknown) => v === null || (typeof v === 'string' && /^[0-9A-Za-z]+$/.test(v))
  const check = (l: Location | null) =>
    l === null ||
    (field(l.building) && field(l.unit) && field(l.floor) && field(l.room) && (l.building ?? l.unit ?? l.floor ?? l.room) !== null)

  const addressish = fc.stringMatching(/^[0-9一二三四五六七八九十零A-Za-z栋幢座号楼单元室层住家是在 \-—#:.斤个月日点🌸]{0,24}$/)

  it('never throws and returns only digit/letter fields (any string)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 60 }), (s) => check(parseLocation(s)) && check(parseTopic(s))),
      { numRuns: 2000 },
    )
  })

  it('never throws and returns only digit/letter fields (address-like strings)', () => {
    fc.assert(
      fc.property(addressish, (s) => {
        const l = parseLocation(s)
        const t = parseTopic(s)
        return check(l) && check(t) && (t === null || t.room === null) && typeof formatLocation(l) === 'string'
      }),
      { numRuns: 5000 },
    )
  })

  it('round-trips canonical forms', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 99 }),
        fc.integer({ min: 1, max: 9 }),
        fc.integer({ min: 1, max: 33 }),
        fc.integer({ min: 1, max: 12 }),
        (b, u, f, r) => {
          const room = `${f}${String(r).padStart(2, '0')}`
          const expected = loc(String(b), String(u), String(f), room)
          const dash = parseLocation(`${b}-${u}-${room}`)
          const zh = parseLocation(`${b}栋${u}单元${room}`)
          return (
            JSON.stringify(dash) === JSON.stringify(expected) &&
            JSON.stringify(zh) === JSON.stringify(expected) &&
            formatLocation(dash) === `${b}栋${u}单元${room}`
          )
        },
      ),
      { numRuns: 1000 },
    )
  })

  it('is fast on short strings (< 5 µs each on average)', () => {
    const xs = [
      '3-2-502 王阿姨',
      '帮我买土豆3斤 西红柿2斤 鸡蛋一盒',
      '收到',
      '我家猫被锁在屋里 6-2-203 两天没喂了',
      '春江天境3栋5楼业主群',
      '12楼 小张',
      '谢谢管家👍',
      '明天几点做核酸啊',
      '楼道灯坏了 6栋1单元 二楼',
      '@楼管家 完成 1 已送医,家属陪同',
    ]
    for (let i = 0; i < 20_000; i++) parseLocation(xs[i % xs.length]) // warm up
    const n = 100_000
    const t0 = performance.now()
    for (let i = 0; i < n; i++) parseLocation(xs[i % xs.length])
    const us = ((performance.now() - t0) * 1000) / n
    // The target is < 5 µs; leave headroom for a loaded CI machine.
    expect(us).toBeLessThan(15)
  })
})
