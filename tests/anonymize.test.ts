// Anonymisation for the daily digest's cases: no full name, room number or phone
// number leaks (Arabic, masked, full-width or Chinese digits); surnames from aliases.
import { describe, expect, it } from 'vitest'
import { anonymize, extractPerson, honorific } from '../handlers/anonymize.ts'

describe('surname extraction from display names', () => {
  it.each([
    ['3-2-502 王阿姨', { surname: '王', gender: 'female' }, '王女士'],
    ['5栋1单元302 李', { surname: '李', gender: null }, '李姓居民'],
    ['老陈 6-2-203', { surname: '陈', gender: null }, '陈姓居民'],
    ['Amy 9-1-1102', { surname: null, gender: null }, '居民'],
    ['张先生 7-1-101', { surname: '张', gender: 'male' }, '张先生'],
    ['3号楼 赵奶奶', { surname: '赵', gender: 'female' }, '赵女士'],
    ['小李', { surname: '李', gender: null }, '李姓居民'],
    ['欧阳娜娜', { surname: '欧阳', gender: null }, '欧阳姓居民'],
    ['快乐每一天', { surname: null, gender: null }, '居民'],
    ['', { surname: null, gender: null }, '居民'],
  ])('%s', (name, person, title) => {
    expect(extractPerson(name)).toEqual(person)
    expect(honorific(name)).toBe(title)
  })
})

describe('anonymize', () => {
  const leaks = (s: string, bad: string[]) => bad.filter((b) => s.includes(b))

  it('removes phone numbers in every spelling', () => {
    const cases = [
      '电话13812345678',
      '手机 138 1234 5678 回电',
      '138-1234-5678',
      '138xxxx1234 请回电',
      '138****5678',
      '打一三八一二三四五六七八找我',
      '幺三八 幺二三四 五六七八',
      '１３８１２３４５６７８',
      '+86 13812345678',
      '座机021-54321234',
      '一三八1234五六七八',
    ]
    for (const c of cases) {
      const out = anonymize(c)
      expect(out, c).toContain('[号码已隐去]')
      expect(out.replace('[号码已隐去]', ''), c).not.toMatch(/[0-9０-９]{3,}|[一二三四五六七八九零〇幺]{3,}/)
    }
  })

  it('removes ID-like digit runs', () => {
    expect(anonymize('身份证310101199001011234')).toBe('身份证[号码已隐去]')
    expect(anonymize('身份证 31010119900101123X 已登记')).not.toMatch(/\d{5}/)
  })

  it('removes room numbers and units, keeping quantities and service numbers', () => {
    const out = [
      anonymize('我住3-2-502,家里停电'),
      anonymize('5栋1单元302室水管漏水'),
      anonymize('502家里停电了'),
      anonymize('2单元电梯坏了'),
      anonymize('三单元五楼有人摔倒'),
      anonymize('1102室的猫'),
    ].join('|')
    expect(leaks(out, ['502', '302', '1102', '2单元', '三单元', '五楼', '5栋'])).toEqual([])
    expect(anonymize('买了2斤白菜,花了100元')).toBe('买了2斤白菜,花了100元')
    expect(anonymize('已联系120送医')).toBe('已联系120送医')
  })

  it('removes full names: known reporters, after markers, and before titles', () => {
    const names = ['3-2-502 王建国', 'Amy 9-1-1102']
    expect(anonymize('王建国家里网络坏了', { names })).toBe('王某家里网络坏了')
    expect(anonymize('王建国阿姨家网络坏了', { names })).toBe('王阿姨家网络坏了')
    expect(anonymize('Amy的猫没人喂', { names })).toBe('居民的猫没人喂')
    expect(anonymize('联系人:李小明 电话13900001111')).toBe('联系人:某某 电话[号码已隐去]')
    expect(anonymize('找刘德华先生签收')).toBe('找刘先生签收')
    expect(anonymize('请欧阳明月女士下楼')).toBe('请欧阳女士下楼')
  })

  it('leaves ordinary text alone', () => {
    expect(anonymize('孩子上网课家里网络断了')).toBe('孩子上网课家里网络断了')
    expect(anonymize('老人发烧38度需要送医')).toBe('老人发烧38度需要送医')
  })
})
