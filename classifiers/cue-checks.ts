// Checks a cue in data/cues/ can name (`check: fever`) where words alone cannot decide:
// thresholds on numbers and what surrounds the match. Each is covered by the cases of the cues
// that use it.
import { familyRe } from './families.ts'

/** m is the cue's match in the (lower-cased) text. */
export type CueCheck = (m: RegExpExecArray, text: string) => boolean

const DIGIT: Record<string, number> = { 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 }
const TENS: Record<string, number> = { 三十八: 38, 三十九: 39, 四十: 40, 四十一: 41, 四十二: 42 }

/** A body temperature from "39.5", "39度5", "三十九度五"; 0 when it is not one. */
export function temperature(intPart: string, dec?: string): number {
  let t = TENS[intPart] ?? Number(intPart)
  if (!Number.isFinite(t)) return 0
  if (dec && !intPart.includes('.')) t += (DIGIT[dec] ?? Number(dec)) / 10
  return t >= 34 && t <= 43 ? t : 0
}

function around(text: string, m: RegExpExecArray, before: number, after: number): string {
  return text.slice(Math.max(0, m.index - before), m.index + m[0].length + after)
}

const FEVER_DANGER = /抽|惊厥|说胡话|糊涂|叫不醒|没反应|精神(?:很|特别|非常)?差|手脚冰凉|哭声(?:很)?弱|不吃奶|蔫|软绵绵|没精神/
const IMMUNE = /化疗|放疗|移植|免疫抑制/

export const CHECKS: Record<string, CueCheck> = {
  /** a fever that is dangerous for who has it: 40 for anyone, 39 for a small child, 38 for a baby */
  fever: (m, text) => {
    const t = temperature(m[1].replace(/\s*(?:度|°|℃).*$/, ''), m[2])
    if (t >= 40) return true
    if (t >= 39 && familyRe('child').test(text)) return true
    if (t >= 38 && familyRe('infant').test(text)) return true
    if (t >= 38.5 && IMMUNE.test(text)) return true
    return t >= 38.5 && FEVER_DANGER.test(text)
  },
  /** an oxygen saturation of 93 % or less */
  'low-oxygen': (m) => Number(m[1]) <= 93,
  /** a blood sugar over 20 or under 3 mmol/L */
  'blood-sugar': (m) => {
    const v = Number(m[1])
    return v >= 20 || (v > 0 && v < 3)
  },
  /** a blood pressure of 180 or more */
  'high-pressure': (m) => Number(m[1]) >= 180,
  /** a fall or accident that hurt a person: an injury word after it, or an elder or child near it, or a break */
  'hurt-by-fall': (m, text) => {
    const win = around(text, m, 15, 25)
    const after = win.slice(win.indexOf(m[0]) + 1)
    return (
      familyRe('injury').test(after) ||
      familyRe('elder').test(win) ||
      familyRe('child').test(win) ||
      /骨折|骨头|断|坠楼|车祸|被车撞|卷进|夹断|切掉/.test(m[0])
    )
  },
  /** more than a little blood */
  'not-minor-bleed': (m, text) => !familyRe('minor-bleed').test(around(text, m, 12, 12)),
  /** breathing words about the body, not the mind (心里喘不过气) */
  'body-not-mind': (m, text) =>
    !/心里|心裡|心理|压力|压抑|压得|憋屈|精神|石头|不是身体|焦虑|房贷|车贷|贷款|工作|anxiety/.test(around(text, m, 14, 10)),
  /** a burn more than a small blister */
  'serious-burn': (m, text) =>
    !/一下|小泡|个泡|一点|烫伤膏|不严重|小块/.test(text.slice(Math.max(0, m.index - 4), m.index + m[0].length + 16)),
  /** a vulnerable person is left alone: nobody caring for them is mentioned */
  'vulnerable-alone': (_m, text) => familyRe('vulnerable').test(text) && !familyRe('cared-for').test(text),
  /** water coming in, not a blocked drain backing up (unless it bursts, floods or reaches power) */
  'not-a-blockage': (m, text) => !/堵|地漏|马桶|下水|反水|返水/.test(text) || /爆|喷|灌|淹|没过|电/.test(m[0]),
  /** violence against people, not animals fighting */
  'people-not-animals': (m, text) => !familyRe('animal').test(text.slice(Math.max(0, m.index - 8), m.index)),
  /** a jump from a height by a person, not a cat off the balcony (a person's other words about dying still count) */
  'jumper-not-animal': (m, text) => !/跳/.test(m[0]) || !familyRe('animal').test(text.slice(Math.max(0, m.index - 8), m.index)),
}
