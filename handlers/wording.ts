// Every sentence residents, stewards and managers read, in one place, so the
// voice stays the same: short, warm and clear, the way a good steward writes.
import type { SharedFault } from '../classifiers/fault.ts'
import type { Category, EmergencyKind } from '../classifiers/types.ts'
import type { Ticket, Tier } from '../store/tickets.ts'
import { formatLocation } from '../classifiers/location.ts'
import type { Config } from './config.ts'

export const CATEGORY_NAMES: Record<Category, string> = {
  medical: '就医',
  grocery: '买菜',
  repair: '报修',
  pet: '宠物',
  emotional: '心理关怀',
  other: '其他',
}

/** Category words stewards may type (`改类 12 维修`, `队列 买菜`). */
export const CATEGORY_WORDS: Record<string, Category> = {
  就医: 'medical',
  医疗: 'medical',
  医: 'medical',
  药: 'medical',
  medical: 'medical',
  买菜: 'grocery',
  物资: 'grocery',
  菜: 'grocery',
  团购: 'grocery',
  grocery: 'grocery',
  报修: 'repair',
  维修: 'repair',
  修: 'repair',
  repair: 'repair',
  宠物: 'pet',
  pet: 'pet',
  心理: 'emotional',
  心理关怀: 'emotional',
  情绪: 'emotional',
  emotional: 'emotional',
  其他: 'other',
  other: 'other',
}

export const FAULT_NAMES: Record<SharedFault, string> = {
  'corridor-light': '楼道灯',
  'street-light': '路灯',
  elevator: '电梯',
  'water-outage': '停水',
  'power-outage': '停电',
  'gas-outage': '停气',
  'access-control': '门禁',
  internet: '断网',
  drain: '下水道',
}

export const TIER_NAMES: Record<Tier, string> = { red: '红色档案', yellow: '黄色档案', green: '绿色档案' }

export const EMERGENCY_NAMES: Record<EmergencyKind, string> = {
  medical: '就医',
  fire: '火情',
  gas: '燃气泄漏',
  flood: '漏水',
  trapped: '被困',
  violence: '暴力',
  suicide: '心理危机',
  missing: '走失',
}

export const EMERGENCY_NUMBERS: Record<EmergencyKind, string | null> = {
  medical: '120',
  fire: '119',
  gas: '119',
  flood: null,
  trapped: '119',
  violence: '110',
  suicide: '12356',
  missing: '110',
}

export const STATE_NAMES: Record<Ticket['state'], string> = {
  open: '待处理',
  claimed: '处理中',
  done: '已完成',
  dismissed: '已关闭',
  cancelled: '已取消',
}

export function where(t: Pick<Ticket, 'building' | 'unit' | 'floor' | 'room'>): string {
  return formatLocation({ building: t.building, unit: t.unit, floor: t.floor, room: t.room }) || '位置未知'
}

export function clip(text: string, max = 60): string {
  const flat = text.replace(/\s+/g, ' ').trim()
  return flat.length > max ? flat.slice(0, max - 1) + '…' : flat
}

export function hhmm(at: number): string {
  const d = new Date(at)
  return `${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`
}

export const RESIDENT_HELP = [
  '您好,我是楼管家,帮物业管家整理大家的求助。',
  '· 需要买菜、报修、就医、照看宠物,直接在群里说清楚需求和门牌号就行,我会登记并转给管家;',
  '· @我 发「我的」可以查看您自己登记的事项进度(私信回复您);',
  '· 情况危急请先拨打 120(急救)/119(火警)/110(报警)。',
].join('\n')

/**
 * How a person is named to whoever reads the message: a staff member by the name configured for
 * them, anyone else by the name they go by in the group. Never a contact id (`steward-wang`,
 * `wxid_…`): on a phone it means nothing.
 */
export function displayName(
  config: Pick<Config, 'stewardNames' | 'managerNames' | 'stewards' | 'managers'>,
  id: string | null,
  name?: string | null,
): string {
  if (name) return name
  if (!id) return '未留名'
  const known = config.stewardNames.get(id) ?? config.managerNames.get(id)
  if (known) return known
  if (config.stewards.includes(id)) return '一位管家'
  if (config.managers.includes(id)) return '一位经理'
  return '一位居民'
}

/**
 * Someone else's words, ready to be followed by more text: ends with the sentence mark it has,
 * or 。 — never 「。。」 when the steward already wrote one.
 */
export function sentence(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim()
  if (!flat) return ''
  return /[。．.!！?？…~～]$/.test(flat) ? flat : `${flat}。`
}

/** Categories whose done note and replies may be said in the group: nothing in them is about someone's health or state of mind. */
export const SAID_IN_GROUP: ReadonlySet<Category> = new Set<Category>(['repair', 'grocery', 'pet'])

/** The ticket is one whose details may be said in its group. */
export function sayableInGroup(t: Pick<Ticket, 'kind' | 'category'>): boolean {
  return t.kind === 'request' && SAID_IN_GROUP.has(t.category)
}

/** How a ticket was closed: the steward's 「完成」, or an order's 「送达」. */
export type Closing = 'done' | 'delivered'

/** 「:note。」 or 「。」, to follow a clause. */
const withNote = (note: string) => (note ? `:${sentence(note)}` : '。')

/**
 * The done notice a repair, grocery or pet ticket's reporters read in their group (or privately
 * where they asked privately), with the steward's note. `many`: several reporters are @-mentioned
 * in the one post. A delivery reads as a delivery, not as a complaint closed.
 */
export function doneNotice(t: Pick<Ticket, 'id' | 'category'>, note: string, closing: Closing, many: boolean): string {
  const you = many ? '大家' : '您'
  if (t.category === 'grocery')
    return closing === 'delivered'
      ? `#${t.id} ${you}要的东西已送到门口,请及时取回。缺了什么或不对的,在群里说一声就行。`
      : `#${t.id} ${you}要的东西已办好${withNote(note)}缺了什么或不对的,在群里说一声就行。`
  if (t.category === 'pet') return `#${t.id} 宠物的事已办好${withNote(note)}还有需要,随时在群里说。`
  return `${you}反映的 #${t.id} 已处理好${withNote(note)}如还有问题,随时在群里说。`
}

/**
 * What the group reads when a medical or other ticket is done: that it is done, and nothing of
 * what it was (a neighbour could tell who is ill). A delivery says where to pick it up.
 */
export function neutralDoneNotice(t: Pick<Ticket, 'id'>, closing: Closing): string {
  return closing === 'delivered' ? `#${t.id} 已送到门口,请及时取回。` : `#${t.id} 已处理。`
}

/** The details of a done medical or other ticket, privately to the resident who asked. */
export function privateDoneDetails(t: Pick<Ticket, 'id' | 'category'>, note: string): string {
  const care = t.category === 'medical' ? '身体还有不舒服,请随时告诉我们;情况紧急请直接拨打 120。' : '还有需要,随时告诉我们。'
  return `您好,#${t.id} 管家已处理${withNote(note)}${care}`
}

/**
 * An emotional ticket closed: privately, warmly, with the hotline — and never an invitation back
 * to the group where the person would have to speak in front of the neighbours.
 */
export function emotionalDoneNote(t: Pick<Ticket, 'id'>, note: string): string {
  return `您好,关于 #${t.id},管家已经跟进了${withNote(note)}您不是一个人:想找人说说话,随时私信我,或拨打心理援助热线 12356(24小时)。`
}

/** A low-confidence guess (`needsReview`): no category, no hotline — a steward will read it first. */
export function reviewAck(t: Pick<Ticket, 'id'>): string {
  return `收到,管家会看一下(#${t.id})。`
}

/** After a repair, grocery or pet ticket is done: one line, answered with a digit. */
export function satisfactionQuestion(t: Pick<Ticket, 'id'>): string {
  return `#${t.id} 办得怎么样?回复 1 满意,2 不满意。`
}

export const SATISFACTION_THANKS = {
  satisfied: '收到,谢谢您的反馈!',
  unsatisfied: '抱歉这次没让您满意,已经记下了。还有没解决的,直接告诉我就行。',
} as const

/** A steward's answer to a resident through the bot (「回复 N 文本」), signed with the steward's name. */
export function stewardAnswer(t: Pick<Ticket, 'id'>, stewardName: string, text: string): string {
  return `#${t.id} ${stewardName}回复:${sentence(text)}`
}
