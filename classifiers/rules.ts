// High-precision rules that sit next to the category model. Pure: no I/O.
//
//   - noise: emoji-only, "收到", "谢谢", "+1", 接龙 lines, notices → other, no model needed
//   - need cues per category (lexicons): model features, and the evidence a secondary label needs
//   - request cues: does the message ask for something at all?
//   - commentary / forwards: long posts about the outbreak elsewhere that ask nothing
//   - cancellation: "不用买了", "灯已经好了", "已经送医了 谢谢"
// Input is always the normalised text.
import type { Need } from './types.ts'

// --- noise -----------------------------------------------------------------------------------

const ACK_WORDS = [
  '收到',
  '好的',
  '好滴',
  '好嘞',
  '嗯',
  '嗯嗯',
  '哦',
  '噢',
  'ok',
  'okay',
  '好',
  '行',
  '可以',
  '谢谢',
  '谢谢你',
  '谢谢大家',
  '感谢',
  '多谢',
  '谢了',
  '辛苦了',
  '辛苦',
  '辛苦啦',
  '大家辛苦了',
  '明白',
  '知道了',
  '了解',
  '已阅',
  '已读',
  '已收到',
  '已报',
  '已填',
  '已接龙',
  '已付',
  '已转',
  '已做',
  '已完成',
  '到',
  '在',
  '1',
  '+1',
  '加一',
  '同上',
  '同',
  '赞',
  '点赞',
  '早',
  '早上好',
  '晚安',
  '午安',
  '大家好',
  '你好',
  '您好',
  '哈哈',
  '哈哈哈',
  '呵呵',
  '嘻嘻',
  '666',
  '棒',
  '太棒了',
  'thx',
  'thanks',
  'thank you',
  '👍',
  '🙏',
  '收',
  '得嘞',
  '妥',
  '没问题',
  '好的谢谢',
  '收到谢谢',
  '好的收到',
  '收到了',
  '谢谢管家',
  '谢谢物业',
  '谢谢志愿者',
  'noted',
  'ok noted',
  'cool',
  '已核酸',
  '做完了',
  '已做核酸',
  '唔该',
  '多谢晒',
  '整挺好',
  '要得',
  '中',
]
const ACK_SET = new Set(ACK_WORDS.map((w) => w.toLowerCase()))
const STRIP_FOR_ACK = /[\s\p{P}\p{S}~～]+/gu
const ONLY_SYMBOLS = /^[\s\p{P}\p{S}\p{Extended_Pictographic}\u200d\ufe0f\d]*$/u
// 接龙 lines: "12. 3-2-502 张三 2份", "接龙 ... 1. ... 2. ..."
const JIELONG_LINE = /^\s*\d{1,3}[.、)]\s*\S/

/**
 * A message that is noise whatever the model says: empty, emoji or punctuation only,
 * a bare acknowledgement, or a pasted 接龙 list with nothing else in it.
 */
export function isNoise(text: string): boolean {
  if (!text) return true
  if (ONLY_SYMBOLS.test(text)) return true
  const core = text.replace(STRIP_FOR_ACK, '').toLowerCase()
  if (core.length === 0) return true
  if (core.length <= 8 && ACK_SET.has(core)) return true
  if (/^(?:收到|好的|谢谢|ok|嗯)+$/i.test(core)) return true
  return false
}

/** "接龙" forms: a header with numbered lines, or a bare numbered line copying the list. */
export function isJielong(text: string): boolean {
  if (!/接龙/.test(text)) return false
  const lines = text.split('\n').filter((l) => l.trim())
  const numbered = lines.filter((l) => JIELONG_LINE.test(l)).length
  return numbered >= 2
}

// --- category lexicons (need cues) -----------------------------------------------------------

/** Words that, in a message, point at a need of that category. Broad: used as model features. */
export const CUE: Record<Need, RegExp> = {
  medical:
    /药|發燒|发烧|发热|高烧|低烧|退烧|退热|咳嗽|咳|医院|医生|护士|看病|就医|急诊|门诊|透析|化疗|放疗|胰岛素|血压|雪压|血糖|血氧|怀孕|孕妇|孕|产检|生孩子|羊水|宫缩|晕倒|昏|摔|流血|出血|疼|痛|病|感冒|阳了|阳性|过敏|伤口|骨折|烫伤|救护车|120|体温|输液|打针|抽搐|呼吸|喘|胸口|心脏|中风|脑梗|癫痫|哮喘|吐了|呕吐|拉肚子|腹泻|头晕|发炎|肿|复查|手术|住院|氧气|制氧机|口罩|创可贴|碘伏|布洛芬|连花清瘟|抗原|体温计|血压计/,
  repair:
    /漏水|渗水|滴水|停水|停电|没电|没水|断电|跳闸|电梯|水管|管道|下水道|下水|堵了|堵住|马桶|地漏|灯|门锁|锁坏|门禁|网络|宽带|断网|没网|网断|wifi|路由器|燃气|煤气味|天然气|停气|没气|暖气|热水器|维修|修理|报修|修一下|修好|坏了|插座|电线|冒烟|着火|起火|火灾|漏电|电表|水表|燃气表|空调|窗户|玻璃|天花板|墙皮|淹|积水|化粪池|开锁|钥匙|防盗门|电闸|空开|水压|水龙头|阀门|总阀|信号/,
  grocery:
    /菜|米|面粉|面条|挂面|食用油|鸡蛋|蛋|肉|排骨|鱼|虾|奶粉|牛奶|酸奶|水果|苹果|香蕉|橙|柚|土豆|西红柿|番茄|黄瓜|白菜|萝卜|洋葱|葱|姜|蒜|尿不湿|纸尿裤|卫生纸|纸巾|抽纸|卷纸|卫生巾|矿泉水|桶装水|纯净水|饮用水|吃的|粮|冰箱|方便面|泡面|馒头|面包|饺子|调料|酱油|盐|糖|醋|物资|保供|煤气罐|液化气罐|换气|零食|饼干|奶|豆腐|辅食|米粉|洗衣液|洗洁精|牙膏|沐浴露|洗发水|肥皂|垃圾袋|食物|口粮|断顿|断粮|饿/,
  pet: /猫|狗|宠物|主子|毛孩子|铲屎|遛|兽医|鱼缸|金鱼|鱼食|仓鼠|兔子|兔|鹦鹉|乌龟|鸟|冻干|罐罐|猫条|喵|汪|三花|橘猫|大橘|狸花|布偶|金毛|泰迪|柯基|哈士奇|柴犬|比熊|博美|饲料/,
  emotional:
    /焦虑|崩溃|绝望|害怕|好怕|很怕|恐惧|抑郁|失眠|睡不着|孤独|寂寞|想哭|哭了|在哭|大哭|受不了|撑不住|扛不住|熬不住|心累|难受|压抑|烦躁|疯了|想死|不想活|活不下去|无助|委屈|心慌|慌|担心|不安|郁闷|憋屈|难过|伤心|痛苦|煎熬|无望|没希望|没意思|想家|想我妈|想爸妈|好累|太累|累了|emo|破防|麻木|没人管|没人理|没人在乎|不知道怎么办|怎么办啊|心态崩|情绪|压力|自杀|轻生|结束|寒心|失望|不抱(?:任何)?希望|死活|摆设|呵呵|过分|气死|愤怒|凭什么|孤单|受够/,
}

/**
 * Strong cues: a secondary label needs one of these. Narrower than CUE: words that name
 * the need itself rather than its context.
 */
export const STRONG_CUE: Record<Need, RegExp> = {
  medical:
    /(?:退烧|退热|降压|降糖|感冒|止咳|止痛|消炎|救心|心脏病|胰岛素|哮喘|癫痫|抗生素|处方|药)(?:药|片|丸|水|胶囊|颗粒)?(?:没了|吃完|用完|快没|不够|断了|只剩|剩)|(?:买|配|开|送|拿|取|要|需要|缺|求)[^,。!?\s]{0,4}(?:药|胰岛素|布洛芬|退烧|感冒灵|连花)|发烧|发热|高烧|烧到|晕倒|昏迷|叫不醒|摔倒|摔伤|流血|出血|骨折|烫伤|抽搐|喘不上|呼吸困难|胸口疼|胸口痛|胸闷|心脏|中风|透析|化疗|孕妇|怀孕|羊水|要生了|宫缩|救护车|120|看病|就医|去医院|急诊|血压|血糖|血氧|受伤|伤口|过敏|中毒|吐血|头晕|头疼|头痛|肚子疼|肚子痛|牙疼|拉肚子|呕吐|咳嗽|阳了|病了|生病|不舒服|身体不好/,
  repair:
    /漏水|渗水|往下滴水|停水|停电|没电了|没水了|断电|跳闸|电梯(?:坏|停|卡|困|故障|不动|不能用)|困电梯|水管|爆管|下水道|堵了|马桶|地漏|灯(?:坏|不亮|泡)|门锁|锁(?:坏|打不开)|门禁|断网|没网|网断|宽带|煤气味|燃气味|天然气|漏气|停气|没气了|暖气|热水器|报修|维修|修一下|冒烟|着火|起火|插座|电线|漏电|淹|积水|进水|门打不开|打不开门|开锁|智能锁|密码锁/,
  grocery:
    /(?:没|没有|缺|断)(?:菜|米|吃的|粮|奶粉|尿不湿|纸尿裤|水喝|油|面|肉|蛋)|(?:菜|米|吃的|粮|奶粉|尿不湿|纸尿裤|卫生纸|牛奶|鸡蛋|食物|口粮|面粉|挂面)[^,。!?\s]{0,3}(?:没了|吃完|用完|快没|不够|断了|只剩|剩)|冰箱(?:空|里什么|啥)|家里(?:什么|啥)(?:吃的)?都没|(?:买|送|需要|求|缺|要)[^,。!?\s]{0,4}(?:菜|米|面|油|蛋|肉|奶粉|牛奶|尿不湿|纸尿裤|卫生纸|水果|吃的|粮|矿泉水|桶装水|物资|方便面)|断粮|断顿|饿(?:了|肚子|着|得)|没饭吃|吃不上饭|换煤气罐|煤气罐/,
  pet: /猫粮|狗粮|猫砂|猫条|冻干|鱼食|鸟食|饲料|仓鼠粮|狗尿垫|尿垫|宠物|遛狗|喂猫|喂狗|铲屎|兽医|(?:猫|狗|猫咪|狗狗|主子|兔子|仓鼠|鹦鹉)[^。!?]{0,8}(?:没人喂|饿|病|吐|拉|不吃|丢|跑|叫|在家|关在|锁在|没吃|粮|砂)/,
  emotional:
    /焦虑|崩溃|绝望|害怕|好怕|很怕|恐惧|抑郁|失眠|睡不着|孤独|想哭|受不了了|撑不住|扛不住|熬不住|心累|压抑|烦躁|快疯了|要疯了|想死|不想活|活不下去|无助|吓死|好慌|很慌|心慌|好担心|很担心|特别担心|担心死|难过|伤心|痛苦|煎熬|不知道该怎么办|怎么办啊|孤单|寂寞|好累|心好累|寒心|失望|不抱(?:任何)?希望|心态崩|气死|凭什么|😭|哭/,
}

/** Asking for something: a request, a question that seeks help, an appeal to the steward. */
export const REQUEST =
  /帮|麻烦|求|请|需要|急需|能不能|能否|可不可以|可以.{0,6}吗|有没有|谁有|谁能|谁家|哪位|怎么办|咋办|咋整|点算|快来|来人|救|买|送|修|要|想要|缺|借|匀|代购|团|下单|订|联系|安排|处理|看看|看一下|来看|上门|派人|管管|解决|help|pls|please|@/i

/** A message that reports a current problem of one's own (even without an explicit ask). */
export const FIRST_PERSON_PROBLEM =
  /我家|我们家|家里|屋里|屋头|屋企|我妈|我爸|我老|我儿|我女|我孩|我宝|我奶|我爷|我外|我姥|我婆|我公|我媳|俺|我[^,。!?\s]{0,3}(?:没|快|要|已经|一直|好|很|真|在)/

// --- commentary, news and forwards -----------------------------------------------------------

const NEWS_MARKERS =
  /某地|某市|某小区|某医院|听说|看新闻|看到新闻|刷到|转发|转自|转载|据报道|报道|新闻|网传|网上|微博|热搜|通报|记者|官方|央视|卫健委|新增|确诊|病例|疫情|全国|全市|全省|境外|国外|武汉|湖北|钟南山|专家|致敬|加油|逆行|医护人员|白衣天使|抗疫|防控|政策|发布会|【|#|转给|扩散|呼吁|倡议|致敬|缅怀|致哀/g

/**
 * How strongly a text reads as commentary (news, forwards, cheering, opinion) rather than a
 * resident's own request: the density of commentary markers per 100 characters, for texts
 * that are long.
 */
/** Writes about the writer's own household or asks for help: not commentary, however newsy. */
export const PERSONAL =
  /我家|我们家|我(?:妈|爸|老|儿|女|孩|宝|奶|爷|外|姥|婆|公|媳)|俺|帮我|给我|求助|求求|谁能|谁有|麻烦|我(?:发烧|阳了|头|胸|腿|被)/

export function commentaryScore(text: string): number {
  if (text.length < 40) return 0
  const hits = text.match(NEWS_MARKERS)?.length ?? 0
  return (hits * 100) / text.length
}

// --- cancellation ----------------------------------------------------------------------------

const CANCEL =
  /不用(?:再)?(?:买|送|来|修|麻烦|帮|找|管|担心|了)|不需要了|不要了|(?:先)?取消(?:了|订单|一下)?|撤(?:回|销)(?:了)?(?:订单|申请|报修)|已经(?:好了|修好|弄好|搞好|自己修|买到|买了|有了|送到|送来|到了|收到|找到|解决|处理好|恢复|送医|送到医院|住院|来电|来水|通了|通水|通电|退烧|没事)|(?:灯|水|电|网|电梯|门|锁|暖气|燃气|煤气|马桶|下水道)[^,。!?\s不没未]{0,3}(?:已经?|又)?(?:好了|修好了|通了|来了|恢复了|能用了|亮了)|(?:邻居|朋友|家人|志愿者)[^,。!?\s]{0,6}(?:给了|送来了|帮忙买了|帮我买了|帮我修好)|搞定了|问题解决了|找到了|被?(?:120|救护车)(?:接|拉|送)走了|人没事|都没事|大家不用担心|回来了|(?:猫|狗)[^,。!?\s]{0,4}(?:找到|回来)了|谢谢[^。!?]{0,6}已经|虚惊一场|误会一场|没事了|(?:修|换|弄|搞|处理|装|调|接|通)好了|(?:的事|问题|事情|情况)[^,。!?\s]{0,3}(?:解决|处理)了|已经?(?:出院|转阴|康复|安顿好|配好|换好|查过)|出院了|转阴了|(?:烧|热)退了|退烧了|出方舱了|做完手术了|手术(?:很)?(?:成功|顺利)|(?:买|配|领)到了|(?:菜|药|东西|快递|货|物资)[^,。!?\s]{0,2}(?:已经)?(?:到了|收到了|送到了)/
const CANCEL_ORDER =
  /(?:刚才|之前|上面|早上|昨天)[^。!?]{0,10}(?:的|说的|报的|订的|要的)[^。!?]{0,8}(?:不要了|不用了|取消)|不用买了|不用送了|不用来了|别买了|别送了/

/**
 * The message withdraws or resolves an earlier need. A message that withdraws one need and
 * raises another ("土豆不要了 改成5斤白菜") is not a cancellation: the caller checks that no
 * new need follows.
 */
export function isCancellation(text: string): boolean {
  if (!CANCEL.test(text) && !CANCEL_ORDER.test(text)) return false
  const m = CANCEL.exec(text) ?? CANCEL_ORDER.exec(text)
  if (!m) return false
  const after = text.slice(m.index + m[0].length)
  // a new ask after the cancellation: not a cancellation ("不用修了 但是帮我买点菜")
  if (/但|不过|可是|还(?:需要|要|想)|另外|再帮|改成|换成|帮我|麻烦|需要|又(?:坏|漏|停|不|没|堵|发|烧)/.test(after)) return false
  // a change of order is an order
  if (/改成|换成|改为|加\d|再加|多要/.test(text)) return false
  // "已经好了" said by someone other than the requester of something urgent still in progress
  if (/还没|还是没|还在|仍然|依然/.test(after)) return false
  return true
}

const THANKS = /谢谢|感谢|多谢|辛苦了|致谢|感恩|唔该晒|thank/i
const RESOLVED_NOW = /已经(?:好了|配到|买到|送到|收到|修好|解决|转阴|没事)|现在(?:好了|没事|挺好|很稳)|转阴|缓过来|一切正常|平安|好多了/
const PAST_EVENT = /上周|上次|之前|以前|前几天|去年|那天|那次|当时|曾经|刚才那个|刚才说的/
const ADVICE = /提醒|建议|分享|科普|注意|记得|不要|别慌|不用太|大家可以|希望对大家|温馨提示|小贴士|攻略/
const HEARSAY = /转发|转给|刚刷到|新闻|看到一个|听说|据说|网传|某|隔壁城市|外地|视频里|朋友圈/
const POLICY = /通行证|核酸|抗原|风险区|高风险|中风险|政策|规定|流程|解封|封控|管控|隔离|密接|报备|证明|健康码|行程码|物业费|停车/
const LAUGH = /哈哈|😂|🤣|笑死|笑到|蠢哭|好可爱|开心|😍/

// --- who the need is for, and what kind of question ------------------------------------------

/** Supplies for animals: a message whose only request is these is pet, not grocery. */
export const PET_SUPPLY =
  /猫粮|狗粮|猫砂|猫条|冻干|罐罐|鱼食|鸟食|饲料|仓鼠粮|兔粮|木屑|狗尿垫|尿垫|宠物|营养膏|化毛膏|驱虫|狗绳|猫抓板|(?:猫|狗|鱼|鸟|兔|仓鼠|龟)[^,。!?\s]{0,3}(?:吃的|粮|食)/
/** Food and necessities for people (names a product, not the word 粮 alone). */
export const PEOPLE_GROCERY =
  /菜|大米|一袋米|米[^粉]|面粉|面条|挂面|食用油|一桶油|鸡蛋|肉|排骨|牛奶|酸奶|奶粉|水果|苹果|香蕉|橙|土豆|西红柿|番茄|黄瓜|白菜|萝卜|洋葱|尿不湿|纸尿裤|卫生纸|纸巾|抽纸|卷纸|卫生巾|矿泉水|桶装水|方便面|泡面|馒头|面包|饺子|酱油|盐|醋|豆腐|零食|饼干|速冻|调料|煤气罐|液化气罐/
/** Refilling a gas cylinder is a grocery (LABELS.md), not a repair. */
export const GAS_CYLINDER = /(?:煤气|液化气|燃气)罐|换(?:一)?罐(?:煤气|液化气)?|换煤气/
/** The message is about an animal's health: a medical cue there is the pet's. */
export const PET_SUBJECT = /^[^。!?]{0,8}(?:猫|狗|猫咪|狗狗|主子|兔子|仓鼠|鹦鹉|乌龟|金鱼|狗子|喵)/
export const HUMAN_PATIENT =
  /我(?:妈|爸|老|儿|女|孩|宝|奶|爷|外|姥|婆|公|媳)|老人|孩子|小孩|宝宝|孕妇|我(?:发烧|阳了|头|胸|腿|手|被)|人(?:晕|摔|受伤)/
/** Asking about information (prices, hours, services) rather than for something. */
export const INFO_QUESTION =
  /多少钱|什么价|几块|几点|开门|营业|还能(?:下单|买|订)|团购群|拉我|怎么交|交费|补办|发票|在哪(?:儿|里)?(?:办|交)|多久(?:能|可以|到)|怎么(?:报名|参加)|是不是要|要不要(?:居家|隔离)|还要(?:做|隔离)/
export const NEED_ASK =
  /帮我|给我|帮忙|麻烦|我要|我想要|需要|急需|求|谁有|谁家有|有人有|借|匀|没了|快没|用完|吃完|断了|坏了|漏|堵|停电|停水|不亮|打不开|修一下|来修|维修|报修|师傅|送(?:点|些|一|两|\d)|买(?:点|些|一|两|\d)|代购|疼|痛|发烧|晕|急/
/** Notices, ads and staff replies: the steward's own traffic, never a request. */
export const NOTICE =
  /^【|^\[|截单|需要的接龙|接龙👇|元\/|\d+(?:\.\d+)?元|¥|24小时(?:上门|服务)|专业(?:疏通|维修|开锁|保洁)|已派单|请保持电话畅通|温馨提示|通知[:：]|各位业主|各位居民|^@[^ ]{1,20}业主/
/** A bare numbered 接龙 line with nothing to buy: "4. 5-303 刘 3人". */
export const JIELONG_ENTRY = /^\s*\d{1,3}\s*[.、)]\s*\S.{0,30}$/

// --- model features from the rules ------------------------------------------------------------

/** Everything the rules know about a text, computed once per message. */
export interface Facts {
  cue: Record<Need, boolean>
  strong: Record<Need, boolean>
  request: boolean
  first: boolean
  personal: boolean
  commentary: number
  question: boolean
  thanks: boolean
  resolvedNow: boolean
  past: boolean
  advice: boolean
  hearsay: boolean
  policy: boolean
  laugh: boolean
  info: boolean
  notice: boolean
  petSupply: boolean
  needAsk: boolean
}
const NEED_KEYS = Object.keys(CUE) as Need[]

export function analyze(text: string): Facts {
  const cue = {} as Record<Need, boolean>
  const strong = {} as Record<Need, boolean>
  for (const c of NEED_KEYS) {
    cue[c] = CUE[c].test(text)
    strong[c] = cue[c] && STRONG_CUE[c].test(text)
  }
  // STRONG_CUE words are all CUE words except a few: check those without the CUE gate
  if (!cue.pet) strong.pet = STRONG_CUE.pet.test(text)
  if (!cue.emotional) strong.emotional = STRONG_CUE.emotional.test(text)
  if (!cue.grocery) strong.grocery = STRONG_CUE.grocery.test(text)
  if (!cue.medical) strong.medical = STRONG_CUE.medical.test(text)
  if (!cue.repair) strong.repair = STRONG_CUE.repair.test(text)
  return {
    cue,
    strong,
    request: REQUEST.test(text),
    first: FIRST_PERSON_PROBLEM.test(text),
    personal: PERSONAL.test(text),
    commentary: commentaryScore(text),
    question: QUESTION.test(text),
    thanks: THANKS.test(text),
    resolvedNow: RESOLVED_NOW.test(text),
    past: PAST_EVENT.test(text),
    advice: ADVICE.test(text),
    hearsay: HEARSAY.test(text),
    policy: POLICY.test(text),
    laugh: LAUGH.test(text),
    info: INFO_QUESTION.test(text),
    notice: NOTICE.test(text),
    petSupply: PET_SUPPLY.test(text),
    needAsk: NEED_ASK.test(text),
  }
}
const QUESTION = /[?？]|吗|呢|么|请问|多少|几点|什么时候|哪里|有没有人知道/

/** Extra model features from the facts: lexicon hits, request/first-person markers, commentary. */
export function factFeatures(f: Facts): string[] {
  const out: string[] = []
  for (const c of NEED_KEYS) {
    if (f.cue[c]) out.push('cue:' + c)
    if (f.strong[c]) out.push('strong:' + c)
  }
  if (f.request) out.push('r:request')
  if (f.first) out.push('r:first')
  if (f.commentary > 0) out.push(f.commentary >= 3 ? 'r:comment2' : 'r:comment1')
  if (f.question) out.push('r:question')
  if (f.thanks) out.push('r:thanks')
  if (f.resolvedNow) out.push('r:resolved')
  if (f.past) out.push('r:past')
  if (f.advice) out.push('r:advice')
  if (f.hearsay) out.push('r:hearsay')
  if (f.policy) out.push('r:policy')
  if (f.laugh) out.push('r:laugh')
  if (f.info) out.push('r:info')
  if (f.notice) out.push('r:notice')
  if (f.petSupply) out.push('r:petsupply')
  return out
}

export function ruleFeatures(text: string): string[] {
  return factFeatures(analyze(text))
}

// --- generalisation rules: offers, far-away worries, information questions, bare replies ------

/** First person holding or able to give something ("我家有", "我这有多的", "我是护士"). */
const OFFER_HOLDER =
  /我(?:家|们家|这|这里|这边|这儿|屋头|手上|手里)?(?:还|刚好|正好)?有|(?:药|粮|菜|米|砂|口罩|奶粉|尿不湿)[^,。!?\s]{0,3}我家有|我是(?:护士|医生|大夫|医务|药剂师|电工|水电工|水工|修理工|师傅|心理咨询师|心理医生|志愿者|党员)|我会修|我(?:车|开车)[^,。!?\s]{0,3}在楼下|我开了个|我有车|我(?:家|们家)?(?:团|囤|买|做|种|包|蒸)(?:了|的)/
/** …and giving it away: "谁要", "需要的私聊我", "可以借", "给你送门口", "吃不完". */
const OFFER_GIVE =
  /谁(?:家)?(?:要|需要|缺|急用)|需要的(?:邻居|朋友|人|家庭|住户|老人|话)?(?:可以|私|说|找|来|联系|填|请)|要的(?:话)?(?:私|说|找|拿|来)|可以(?:借|送|给|找我|喊我|问我|私信|私聊|来|帮忙(?![吗嘛?？]))|我统一|借给|送给|给(?:你|您|大家|老人家?)(?:送|拿|带|用)|拿去|免费|不收钱|吃不完|用不上|用不完|用不着|穿不上|多(?:了|出来)|分(?:一点|一些|给)|我(?:送|带|拿)(?:过去|下去|给)|马上下来|放门口了|我去看看|我(?:下去|下楼)看看/
/** "I'll do it for you": a neighbour answering someone else's request. */
const HELPER_REPLY =
  /^(?:好的?|行|可以|没问题|别急|不急|稍等)?[,，\s]*我(?:去|来|帮你|给你|替你|可以帮(?:你|忙)?|下去|下楼|马上|这就|顺便)(?:帮你|给你)?[^。!?]{0,8}(?:看看|买|送|带|问问|敲|喂|修|拿|报|联系|处理)/
/** An ask for oneself: an offer that also asks is a request. */
const SELF_ASK =
  /帮我|给我|帮帮|帮忙[吗嘛?？]|能帮|谁可以|谁有|有没有(?!人要|人需要)|有人能|求助|求求|急需|我(?:想|还)?要(?!的)|我需要|谁能帮|能不能帮|麻烦(?:帮|大家|谁|哪位|物业|管家)|怎么办|救命/

/** A neighbour offering help or goods rather than asking for them. */
export function isOffer(text: string): boolean {
  if (SELF_ASK.test(text)) return false
  return (
    (OFFER_HOLDER.test(text) && OFFER_GIVE.test(text)) ||
    HELPER_REPLY.test(text) ||
    /^我是(?:护士|医生|大夫|电工|水电工|心理咨询师)/.test(text)
  )
}

/** A relative somewhere else: nobody in this building can act on it. */
export const REMOTE_PLACE = /老家|外地|国外|海外|武汉|湖北|养老院|方舱|隔离点|隔离酒店|远在|另一个城市|千里之外|那边(?:医院|封)|回不去|封村/
const REMOTE_KIN =
  /(?:爸|妈|父母|父亲|母亲|奶奶|爷爷|外婆|外公|姥|舅|姨|姑|叔|伯|姐|哥|弟|妹|老公|老婆|男朋友|女朋友|对象|儿子|女儿|孩子|表[哥姐弟妹]|家人|亲戚|朋友)/
/** Something only someone here could do: an ask to the steward, an address, a neighbour. */
const LOCAL_ACTION = /帮我|帮忙|麻烦|谁能|谁有|能不能|社区|物业|管家|志愿者|楼长|\d+\s*(?:栋|号楼|单元|室)|\d+-\d+|快来|邻居/
const WORRY =
  /担心|放心不下|放不下|睡不着|吃不下|害怕|好怕|很怕|怕|慌|急死|急得|难受|哭|揪心|牵挂|惦记|不知道(?:她|他|他们)?(?:好不好|怎么样)|没用|帮不上/

/** Worry about family far away, with no local action asked: emotional (or nothing), never a local ticket. */
export function remoteWorry(text: string): 'emotional' | 'other' | null {
  if (!REMOTE_PLACE.test(text) || !REMOTE_KIN.test(text) || LOCAL_ACTION.test(text)) return null
  return WORRY.test(text) || CUE.emotional.test(text) || STRONG_CUE.emotional.test(text) ? 'emotional' : 'other'
}

/** A question about schedules, places, rules: information, not a need. */
const ASKS_INFO = /[?？]|吗|嘛|么|请问|问一下|问下|有人知道|哪位知道|有谁知道|谁知道|想知道|请教/
const INFO_TOPIC =
  /几点|什么时候|啥时候|哪天|几号|多久|在哪|哪里|哪个|哪家|哪儿|多少|怎么(?:办理|办|申请|查|交|报名|弄|领)|手续|流程|什么(?:证明|材料)|通行证|报备|要不要|需不需要|用不用|能不能|可不可以|可以[^。!?]{0,8}吗|能[^。!?]{0,8}吗|会不会|是不是|免费|收费|是谁|谁的|谁家的|开门|营业/
const GOODS_INTENT = /买|卖|代购|订|团|缺|没了|没有了|用完|吃完|快没/

/** An information question (schedule, policy, where/when) with no personal problem or ask. */
export function isInfoQuestion(text: string, facts: Facts): boolean {
  if (text.length > 40 || !ASKS_INFO.test(text) || !INFO_TOPIC.test(text)) return false
  if (facts.personal || facts.cue.emotional || SELF_ASK.test(text) || GOODS_INTENT.test(text) || ASK_TO_ACT.test(text)) return false
  // a named problem (symptom, fault) makes it a request put as a question; places and
  // services named in the question (发热门诊, 复诊) do not
  const core = text.replace(INFO_PLACES, '')
  for (const c of NEED_KEYS) if (STRONG_CUE[c].test(core)) return false
  return !/疼|痛|发烧|咳|晕|摔|血|漏|堵|坏|停|没电|没水|没气|不亮|打不开|打不着|饿|不吃|臭|味/.test(core)
}
const INFO_PLACES = /(?:发热|发烧)门诊|医院|复诊|复查|看病|就医|核酸|疫苗|抗原/g
/** Asking the steward or a neighbour to come and act: a request, even as a question. */
const ASK_TO_ACT =
  /(?:物业|管家|社区|师傅|志愿者|楼长|谁|哪位)[^。!?]{0,4}(?:看看|看一下|来一下|派|安排|处理|修|帮)|派(?:个|一个|人)|上门|来看看|去看看/

/** Evidence that a message without any lexicon cue still asks for something (orders, faults). */
export const NEED_EVIDENCE =
  /\d|[一两二三四五六七八九十半几]\s*(?:斤|两|公斤|克|个|根|颗|把|袋|盒|瓶|箱|包|桶|罐|板|提|条|只|块|份|卷|听|捆|串|打|支|片|斤)|要|买|帮|来|订|换|加|需|求|借|没了|没有了|用完|吃完|坏|修|漏|堵|疼|痛|不舒服|救|急|×|x\d|接龙/i

/** The writer asks for something for themselves ("帮我", "谁有", "急需"). */
export function asksForSelf(text: string): boolean {
  return SELF_ASK.test(text)
}
