// Anonymisation for the manager digest's case stories: surname and building
// only. Strips full names, room numbers and other location details, phone
// numbers (in Arabic digits, full-width digits, masked forms like 138xxxx1234,
// and Chinese digits 一三八…), and ID-like digit runs. Pure functions.

/** Common Chinese surnames (single and compound), enough to recognise a surname in a display name. */
const COMPOUND_SURNAMES = [
  '欧阳',
  '司马',
  '诸葛',
  '上官',
  '东方',
  '皇甫',
  '尉迟',
  '公孙',
  '慕容',
  '令狐',
  '司徒',
  '夏侯',
  '长孙',
  '宇文',
  '端木',
  '西门',
  '南宫',
  '独孤',
]
const SURNAMES = new Set([
  ...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖萧田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付傅方白邹孟熊秦邱江尹薛闫阎段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝',
])

const FEMALE = [
  '阿姨',
  '女士',
  '奶奶',
  '婆婆',
  '姐姐',
  '大姐',
  '大妈',
  '小姐',
  '姐',
  '妈',
  '嫂',
  '姨',
  '太太',
  '老太',
  '外婆',
  '姥姥',
  '妹',
]
const MALE = ['先生', '叔叔', '爷爷', '大爷', '大叔', '大哥', '哥哥', '公公', '伯伯', '伯', '叔', '哥', '爷', '外公', '姥爷', '弟', '师傅']

export interface Person {
  surname: string | null
  gender: 'female' | 'male' | null
}

// Location fragments that appear in group aliases: 3-2-502, 5栋1单元302, 6号楼, 2单元, 1102室.
const ALIAS_LOCATION = /[0-9０-９]+(?:\s*[-－—_/.·]\s*[0-9０-９]+)*\s*(?:栋|幢|号楼|楼|单元|室|号|层)?/g

/**
 * The surname and, where the name says it, the gender, from a display name such as
 * "3-2-502 王阿姨", "5栋1单元302 李", "老陈 6-2-203", "Amy 9-1-1102" (→ unknown).
 */
export function extractPerson(displayName: string): Person {
  const s = displayName
    .normalize('NFKC')
    .replace(ALIAS_LOCATION, ' ')
    .replace(/[栋幢单元室号楼层]/g, ' ')
  // Keep only CJK runs; Latin nicknames tell us nothing about a surname.
  const runs = s.match(/[\u4e00-\u9fff]+/g) ?? []
  for (let run of runs) {
    run = run.replace(/^(?:老|小|阿)(?=[\u4e00-\u9fff])/, (p, off, str: string) =>
      SURNAMES.has(str[1]) || COMPOUND_SURNAMES.some((c) => str.startsWith(c, 1)) ? '' : p,
    )
    const compound = COMPOUND_SURNAMES.find((c) => run.startsWith(c))
    const surname = compound ?? (SURNAMES.has(run[0]) ? run[0] : null)
    if (!surname) continue
    const rest = run.slice(surname.length)
    const gender = FEMALE.some((w) => rest.endsWith(w) || rest.startsWith(w))
      ? 'female'
      : MALE.some((w) => rest.endsWith(w) || rest.startsWith(w))
        ? 'male'
        : null
    return { surname, gender }
  }
  return { surname: null, gender: null }
}

/** "王女士", "李先生", "陈姓居民", or "居民" when the surname is unknown. */
export function honorific(displayName: string): string {
  const p = extractPerson(displayName)
  if (!p.surname) return '居民'
  if (p.gender === 'female') return `${p.surname}女士`
  if (p.gender === 'male') return `${p.surname}先生`
  return `${p.surname}姓居民`
}

const CN_DIGIT = '零〇一二三四五六七八九幺两壹贰叁肆伍陆柒捌玖'
const DIGIT_OR_MASK = `[0-9０-９${CN_DIGIT}xX*＊×]`
const SEP = '[\\s\\-－—_.·,，、]?'

// 7+ digit-like characters (separators allowed between them), at least 3 of them real digits: phones, landlines, IDs.
const LONG_RUN = new RegExp(`(?:\\+?86${SEP})?${DIGIT_OR_MASK}(?:${SEP}${DIGIT_OR_MASK}){6,}`, 'g')
const REAL_DIGIT = new RegExp(`[0-9０-９${CN_DIGIT}]`, 'g')

// Location: dashed addresses, 栋/单元/室/楼/层/号 with Arabic or Chinese numerals, bare 3–4 digit room numbers.
const NUM = `(?:[0-9０-９]+|[${CN_DIGIT}十百]+)`
const DASHED = /[0-9０-９]+(?:\s*[-－—_/]\s*[0-9０-９]+)+(?:\s*(?:室|号))?/g
const UNIT_WORDS = new RegExp(`${NUM}\\s*(?:号楼|栋|幢|座|单元|室|楼|层|号)`, 'g')
const BARE_ROOM =
  /(?<![0-9０-９.])[0-9０-９]{3,4}(?![0-9０-９.]|\s*(?:元|块|斤|克|公斤|千克|个|件|份|瓶|袋|箱|包|盒|毫|ml|mL|L|升|米|度|年|月|日|天|点|分|秒|岁|g|kg|%|％|人|户|支|片|粒|次|台))/g

/** Public service numbers are not room numbers: 110, 119, 120, 122, 12345 (hotline), 12356 (mental health). */
const SERVICE_NUMBERS = new Set(['110', '119', '120', '122', '999'])

const NAME_MARKERS = /(?:姓名|名字|联系人|收件人|户主|叫做|叫)\s*(?:是|为)?\s*[:：]?\s*([\u4e00-\u9fff]{2,4})/g

const TITLES = '阿姨|女士|先生|叔叔|奶奶|爷爷|老师|师傅|大爷|大妈'
// A full name followed by a title: 王建国阿姨 → 王阿姨, 欧阳明先生 → 欧阳先生.
const FULL_NAME_TITLE = new RegExp(`(${COMPOUND_SURNAMES.join('|')}|[${[...SURNAMES].join('')}])([\\u4e00-\\u9fff]{1,2})(${TITLES})`, 'g')

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

export interface AnonymizeOptions {
  /** Names known to belong to people in this case (reporters' display names, staff names): removed wherever they appear. */
  names?: string[]
}

/** Strip names, phone numbers, ID numbers and room-level locations from a text. */
export function anonymize(text: string, opts: AnonymizeOptions = {}): string {
  let s = text.normalize('NFKC')
  // Known names first, longest first, whole and by their CJK parts (an alias "3-2-502 王建国" → "王建国").
  const names = new Set<string>()
  for (const n of opts.names ?? []) {
    const clean = n.normalize('NFKC').trim()
    if (clean.length >= 2) names.add(clean)
    for (const run of clean.replace(ALIAS_LOCATION, ' ').match(/[\u4e00-\u9fffA-Za-z]{2,}/g) ?? []) {
      // Skip generic words that only look like names.
      if (!/^(?:阿姨|女士|先生|叔叔|奶奶|爷爷|居民|业主|管家)$/.test(run)) names.add(run)
    }
  }
  for (const n of [...names].sort((a, b) => b.length - a.length)) {
    const p = extractPerson(n)
    const title = p.surname
      ? p.gender === 'female'
        ? `${p.surname}女士`
        : p.gender === 'male'
          ? `${p.surname}先生`
          : `${p.surname}某`
      : '居民'
    s = s.replace(new RegExp(`${escapeRe(n)}(${TITLES})?`, 'g'), (_m, t?: string) => (t && p.surname ? `${p.surname}${t}` : title))
  }
  s = s.replace(LONG_RUN, (m) => ((m.match(REAL_DIGIT) ?? []).length >= 3 ? '[号码已隐去]' : m))
  s = s.replace(/(?<![0-9])[0-9]{5,}[0-9Xx]*/g, '[号码已隐去]')
  s = s.replace(NAME_MARKERS, (m, name: string) => m.replace(name, '某某'))
  // Full name followed by a title: 王建国阿姨 → 王阿姨.
  s = s.replace(FULL_NAME_TITLE, (_m, sur: string, _given: string, title: string) => `${sur}${title}`)
  s = s
    .replace(DASHED, '')
    .replace(UNIT_WORDS, '')
    .replace(BARE_ROOM, (m) => (SERVICE_NUMBERS.has(m) ? m : ''))
  return s
    .replace(/[ \t]{2,}/g, ' ')
    .replace(/^[\s,，、:：]+|[\s,，、]+$/g, '')
    .replace(/([,，、])\s*\1+/g, '$1')
}
