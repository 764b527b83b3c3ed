// Urgency rules: does a minute matter, and why? Pure: no I/O.
//
// Built for very high recall on threats to life and safety (LABELS.md "urgent"),
// with the context that turns a cue off:
//   - negation right before the cue            "没有流血", "没闻到煤气味"
//   - resolution after the cue                 "摔了一跤 还好没事", "已经送医了 谢谢", "阀门关了"
//   - hypotheticals, prevention notices and policy questions
//                                               "如果半夜心脏病发作怎么办", "提醒大家楼道充电容易起火"
//   - past events                               "去年我爸中风过"
//   - news, forwards and commentary about strangers  "转发: 某地一小区起火"
//   - jokes and hyperbole                       "热得想死", "笑死 救命"
// Input is the normalised text (classifiers/normalize.ts).
import type { EmergencyKind } from './triage.ts'

export interface UrgencyResult {
  urgent: boolean
  emergency: EmergencyKind | null
  /** names of the cue families that fired (for tests and error analysis) */
  cues: string[]
}

interface Cue {
  name: string
  kind: EmergencyKind
  re: RegExp
  /** the cue only counts when the whole message also matches this */
  needs?: RegExp
  /** the cue does not count when the whole message matches this */
  unless?: RegExp
  /** the cue does not count when its own clause matches this */
  clauseUnless?: RegExp
  /** extra check on the match */
  check?: (m: RegExpExecArray, text: string) => boolean
  /** resolution markers after the cue that switch it off (defaults to RESOLVED) */
  resolved?: RegExp
  /** safety cues that a "不急" or a hypothetical next door does not switch off */
  sticky?: boolean
}

// --- vocabulary shared by several cues -----------------------------------------------------
const PERSON = '(?:人|他|她|我|妈|爸|母亲|父亲|老人|老头|老太|老伴|爷|奶|姥|外公|外婆|婆婆|公公|老公|老婆|媳妇|丈夫|妻子|孩子|小孩|宝宝|娃|儿子|女儿|弟|妹|哥|姐|阿姨|大爷|大妈|叔|伯|邻居|室友|朋友)'
const ELDER_OR_CHILD = /(?:老人|老头|老太|老伴|老爷子|老父亲|老母亲|爷爷|奶奶|姥姥|姥爷|外公|外婆|婆婆|阿嫲|阿婆|大爷|大妈|伯伯|[5-9]\d岁|[七八九]十多?岁|孩子|小孩|宝宝|婴儿|娃|小朋友|儿子|女儿|弟弟|妹妹|[一二两三四五六七八九十\d]岁)/
const INJURY = /(?:不能\s*动|起不来|爬不起来|站不起来|起唔到|动不了|不能动|走不了|流血|出血|血|骨折|断了|变形|骨头|磕(?:到|破|了)|撞到|着地|头|脑|昏|晕|迷糊|吐|意识|叫不醒|没反应|冇反应|莫得反应|疼得|痛得|肿|髋|没声音|大包)/
const MINOR_BLEED = /(?:抓(?:到|破|得)|一点(?!.{0,3}小时)|点儿?血|一点点|小口|小伤|擦破|破皮|牙印|没怎么|不严重|不深|创可贴|牙龈|牙刷|刷牙|月经|例假|痔疮|鼻血(?!.{0,14}(?:止不住|不止|一直|小时|好多|很多)))/
const SMOKE_NOT_FIRE = /(?:抽烟|吸烟|香烟|烟头|烟草|烟花|烟酒|二手烟|烟民|烟瘾|烟灰|油烟机|电子烟|烟雾报警器.{0,4}(?:误报|没电|响了?一下)|做饭|炒菜|烧烤)/
const CHILD = /(?:孩子|小孩|宝宝|婴儿|娃|小朋友|儿子|女儿|弟弟|妹妹|[一二两三四五六\d]岁|几个月|[\d一二两三四五六七八九十]+个?月大?|满月|新生儿)/
const VULNERABLE = /(?:孩子|小孩|宝宝|婴儿|娃|小朋友|[一二两三四五六\d]岁|几个月|瘫|卧床|失能|残疾|轮椅|痴呆|不能自理|生活不能)/
const CARED_FOR = /我一个人带|我带着|我和孩子|陪着|由[^。]{0,6}(?:照看|照顾|看着)|有人照顾|邻居(?:照看|照顾|帮忙看)|我是一个人|我一个人住|我一个人(?!在外|在隔离|在方舱|被|在医院)|一个人在家办公|孩子一个人在外地/
const INFANT = /(?:婴儿|新生儿|满月|(?:[1-9]|[一二两三四五六七八九十])\s*个?月大?(?!\d)|几个月)/

// --- cue families ---------------------------------------------------------------------------
const CUES: Cue[] = [
  // medical: consciousness
  { name: 'unconscious', kind: 'medical', re: /晕倒|昏倒|晕过去|昏过去|晕了过去|昏迷|不省人事|人事不省|叫不醒|喊不醒|叫不应|喊不应|叫不答应|答不上来|(?:叫|喊|拍|怎么喊|怎么叫)[^,。!?\s]{0,6}(?:没|冇|莫得|没有)反应|没有?反应了|冇反应|没了?意识|失去意识|意识(?:模糊|不清)|神志不清|没有?知觉|失去知觉|晕在|昏在|倒在(?:地|楼|家|卫生间|厕所|洗手间|浴室|楼梯|电梯|门口|花坛|路|床|厨房)|倒地|倒下了|突然倒|一动不动|躺着不动|休克|翻白眼|眼睛(?:往上)?翻|说胡话|(?:叫|喊)[^,。!?\s]{0,4}(?:不应|不答应|没应|没声)|眼睛(?:就)?直了|突然(?:就)?不说话|(?<![水茶酒油汤])倒在|(?:叫|喊)[^,。!?\s]{0,6}不太答应|(?:到|躺|趴)在地上[^。!?]{0,6}(?:起不来|不动|没反应)|心肺复苏|做按压|人工呼吸|aed|昏昏欲睡|溺水|暈|fainted|unconscious|passed out/ },
  { name: 'collapsed', kind: 'medical', re: new RegExp(`(?<!头|看|绕|转|搞|听|整|弄|吓|快|要)晕了|(?:${PERSON})(?:突然|好像|可能|快|就快|要|怕是)?不行了|人快没了|快不行了`) },
  // medical: breathing
  { name: 'breathing', kind: 'medical', re: /呼吸困难|呼吸[^,。!?\s]{0,4}(?:困难|弱|微弱|急促|停|没了|不上|呼噜|费劲)|喘不上|喘不过|喘不到|喘不动|上不来气|透不过气|喘得(?:厉害|说不出话|不行|很|好)|喘气[^,。!?\s]{0,3}(?:困难|费劲)|没(?:有)?呼吸|呼吸好像没|停止呼吸|窒息|憋得[^,。!?\s]{0,3}(?:脸|通红|发紫|喘|说不)|大口喘气|喘气很粗|喘粗气|血氧[^,。!?\s]{0,4}测不出|血氧[^,。!?\s]{0,4}(?:往下掉|一直掉|在掉)|(?<!cpap)呼吸机[^,。!?\s]{0,4}(?:没电|停)|唔[^,。!?\s]{0,3}呼吸|(?:嘴唇|舌头|喉咙)[^,。!?\s]{0,2}肿|嘴(?:唇|巴)?[^,。!?\s]{0,2}(?:发紫|发青|发乌|乌的|紫了|青了)|脸[^,。!?\s]{0,2}(?:发紫|紫了|发青|青了)|发绀|噎住|噎着|呛(?:到|住)|卡住喉咙|卡在喉咙|卡喉咙|被[^,。!?\s]{1,6}卡住|喉咙(?:肿|紧|发紧)|(?:哮喘|气喘)[^,。!?\s]{0,2}(?:发作|犯了)|can'?t breathe|not breathing/,
    check: (m, text) => !/心里|心裡|心理|压力|压抑|憋屈|精神|石头|不是身体|焦虑|anxiety/.test(text.slice(Math.max(0, m.index - 14), m.index + m[0].length + 10)) },
  { name: 'oxygen-out', kind: 'medical', re: /(?:氧气|氧气瓶|制氧机)[^,。!?\s]{0,4}(?:用完|没了|空了|坏了|停了)/, needs: /急|离不开|喘|憋|晚期|血氧|呼吸/ },
  { name: 'oxygen', kind: 'medical', re: /血氧[^\d,。!?\s]{0,5}(\d{2})/, check: (m) => Number(m[1]) <= 93 },
  // medical: heart
  { name: 'chest', kind: 'medical', re: /胸(?:口|部|前)?[^,。!?\s]{0,7}(?:疼|痛|闷|压|憋|绞)|心口[^,。!?\s]{0,7}(?:疼|痛|闷|压)|心绞痛|心梗|心肌梗|心脏(?:病)?[^,。!?\s]{0,2}(?:犯了|发作|骤停|不舒服|难受|疼|痛|停)|心跳[^,。!?\s]{0,6}(?:很慢|好慢|慢|停|没了|骤停|特别乱|很乱|好乱|乱|一百[五六七八九]|1[5-9]\d|2\d\d)|没有?心跳|chest pain|heart attack/,
    clauseUnless: /(?:胸闷|心慌)[^,。!?\s]{0,4}(?:一点|有点|偶尔)/,
    unless: /不是很(?:痛|疼)|不太(?:痛|疼)|(?:一|两|三|几)(?:周|週|个月|個月|个星期|個星期)了|好几天了|焦虑|anxiety|惊恐/ },
  // medical: stroke
  { name: 'stroke', kind: 'medical', re: /中风|脑梗|卒中|脑溢血|脑出血|嘴(?:角)?[^,。!?\s]{0,3}(?:歪|斜)|口眼歪斜|半边[^,。!?\s]{0,4}(?:麻|没力|无力|动不了|不能动|没知觉|没感觉)|一(?:只|侧|边)(?:手|胳膊|腿)[^,。!?\s]{0,3}(?:抬不起|没力|无力|动不了|不能动|麻)|说话[^,。!?\s]{0,3}(?:不清|说不清|含糊|颠三倒四)|口齿不清|(?<!气|感动|激动|惊|吓|笑)(?:得)?说不出话|说不了话|拿不住筷子|stroke/,
    unless: /后遗症|康复|复查|多年|以前|去年|之前.{0,4}中风/ },
  // medical: convulsions
  { name: 'seizure', kind: 'medical', re: /抽搐|抽风|(?<!腿|脚|小腿|手指|脚趾|手)抽筋(?!了?\s*(?:了|一下)?\s*(?:腿|脚))|痉挛|癫痫[^,。!?\s]{0,2}(?:发作|犯了)|羊癫疯|口吐白沫|惊厥|抽了(?:一下|几下|起来)|(?:宝宝|孩子|他|她|人)在抽|开始抽(?![烟奖血签])|身子[^,。!?\s]{0,2}挺|seizure/,
    clauseUnless: /(?:腿|脚|小腿)[^,。!?\s]{0,4}抽筋/ },
  // medical: labour and pregnancy
  { name: 'labour', kind: 'medical', re: /羊水破|破水|要生了|快生了|好像要生|刚(?:刚)?生了|在家(?:里)?生(?:了|的)|宫缩|阵痛|见红|临产|早产|产后[^,。!?\s]{0,4}(?:大出血|出血)|(?:怀孕|孕妇|孕)[^,。!?]{0,12}(?:流了?(?:好多|很多)?血|出血|肚子[^,。!?]{0,6}(?:疼|痛|紧)|摔)|下面(?:流水|出血|流血)|脐带/,
    clauseUnless: /(?:预产期|产检|建档|大排畸|叶酸)(?![^,。!?\s]{0,6}(?:疼|痛|出血|流血|破))/ },
  // medical: bleeding
  { name: 'bleeding', kind: 'medical', re: /大出血|血流不止|血止不住|止不住[^,。!?\s]{0,3}血|(?:流|出|冒|喷|吐|咳|咯|便)(?:了)?(?:好多|很多|不少|大量|一地|一滩|满地|好大)?(?:的)?血|满(?:地|脸|头|身|手)(?:都)?(?:是)?血|全是血|都是血|血(?![压糖氧脂常型检管液栓])[^,。!?\s]{0,2}(?:一直|不停|哗哗|哗|止不住|流了一地|很多|好多|喷|往外冒|在流|在滴|还在|流緊)|鼻血[^。!?]{0,12}(?:止不住|不止|小时)|(?:头|脸|额头|身)上(?:有|全是|都是)血|血流(?:到|进|了)|血肉模糊|渗血|(?:纱布|毛巾)[^,。!?\s]{0,4}湿透|伤口[^,。!?\s]{0,3}(?:崩开|裂开)|一大滩|割腕|动脉|好多血|很多血|血糊|(?:口子|伤口)[^,。!?\s]{0,2}很深|很深的口子|bleeding/,
    check: (m, text) => !MINOR_BLEED.test(text.slice(Math.max(0, m.index - 12), m.index + m[0].length + 12)) },
  // medical: burns, electric shock
  { name: 'burn', kind: 'medical', re: /烫伤|烧伤|(?:开水|热水|热油|油|汤)[^,。!?\s]{0,3}烫|被[^,。!?\s]{0,5}烫|烫(?:到|了|得)[^,。!?\s]{0,6}(?:泡|皮|一大片|脸|头|背|身|哭)|(?:热油|开水|热水)[^,。!?\s]{0,4}(?:溅|泼|洒|浇)|皮都(?:掉|起)|电击|被电(?:了|到)|触电|電擊/,
    clauseUnless: /烫头|烫发|烫衣服/,
    check: (m, text) => !/一下|小泡|个泡|一点|烫伤膏|不严重|小块/.test(text.slice(Math.max(0, m.index - 4), m.index + m[0].length + 16)) },
  // medical: poisoning, overdose
  { name: 'poison', kind: 'medical', re: /中毒|误食|误服|误喝|误吞|吞了|喝了[^,。!?\s]{0,3}(?:农药|消毒|84|洗洁精|酒精|漂白|百草枯|敌敌畏|老鼠药)|吃了[^,。!?\s]{0,4}(?:一整|一大把|一把|一瓶|整瓶|整板|一板|好多|很多)[^,。!?\s]{0,6}药|一大把药|药[^,。!?\s]{0,3}吃了(?:好几|几|一大|一整|很多|好多)|吃错药|药吃多了|药当糖|吃了几颗|误吃|(?:一|整)瓶药[^,。!?\s]{0,3}(?:全|都)?吃了|药[^,。!?\s]{0,3}(?:全|都)吃了|(?:孩子|宝宝|小孩|娃)[^。!?]{0,10}药[^,。!?\s]{0,4}吃了|(?:服|吃)药过量|过量|一氧化碳|纽扣电池|农药|老鼠药|overdose/,
    clauseUnless: /食物中毒风险|杀毒|病毒/ },
  // medical: falls and accidents
  { name: 'fall', kind: 'medical', re: /(?:摔|跌|滑)(?:倒|了|下|伤|在|到|跤|咗|亲|親|落)|(?:掉|摔|跌|滚|坠|跳)下(?:来|去|楼)|从[^,。!?\s]{1,10}(?:掉|摔|跌|滚|坠)|坠楼|被车撞|车祸|撞(?:伤|倒)|骨折|骨头[^,。!?\s]{0,3}(?:露|断)|腿[^,。!?\s]{0,2}断|夹断|切掉|卷进|砸(?:到|伤)/,
    check: (m, text) => {
      const around = text.slice(Math.max(0, m.index - 15), m.index + m[0].length + 25)
      return INJURY.test(around.slice(around.indexOf(m[0]) + 1)) || ELDER_OR_CHILD.test(around) || /骨折|骨头|断|坠楼|车祸|被车撞|卷进|夹断|切掉/.test(m[0])
    },
    clauseUnless: /(?:手机|碗|杯|盘|体温计|东西|快递|箱子|屏幕)[^,。!?\s]{0,3}(?:摔|掉)/,
    unless: /复查|出院|石膏|康复|拆线|术后|愈合|后遗症/,
    resolved: /没事|没(?:有)?(?:受伤|伤着|摔伤|摔坏|大碍|什么事)|不要紧|还好|幸好|好在|能走|已经?好了|不疼了|起来了/ },
  // medical: high fever in a child / very high fever
  { name: 'fever', kind: 'medical', re: /(?:烧|热|体温|温度|发烧|高烧|发烫|体温计)[^,。!?\d]{0,5}?(\d{2}\.\d|(?:\d{2}|三十[八九]|四十[一二]?)\s*(?:度|°|℃)\s*(\d|[一二三四五六七八九])?)/,
    check: (m, text) => {
      const t = temperature(m[1].replace(/\s*(?:度|°|℃).*$/, ''), m[2])
      if (t >= 40) return true
      if (t >= 39 && CHILD.test(text)) return true
      if (t >= 38 && INFANT.test(text)) return true
      if (t >= 38.5 && /化疗|放疗|移植|免疫抑制/.test(text)) return true
      return t >= 38.5 && /抽|惊厥|说胡话|糊涂|叫不醒|没反应|精神(?:很|特别|非常)?差|手脚冰凉|哭声(?:很)?弱|不吃奶/.test(text)
    } },
  { name: 'fever-sign', kind: 'medical', re: /高烧[^,。!?\s]{0,6}(?:抽|惊厥|说胡话|糊涂|叫不醒|没反应)|(?:烧|发烧|高烧)[^。!?]{0,12}(?:说胡话|人都糊涂|抽了|抽搐|惊厥)/ },
  // medical: severe pain, shock signs, head injury
  { name: 'severe', kind: 'medical', re: /(?:疼|痛)得[^,。!?\s]{0,4}(?:打滚|直叫|满头大汗|冒冷汗|受不了了?.{0,4}(?:胸|心|肚子))|打滚|冷汗|脸色[^,。!?\s]{0,2}(?:煞白|惨白|发白|蜡黄|铁青)|脸煞白|手脚冰凉|突然[^,。!?\s]{0,6}(?:看不[清见]|说不出话|说不了话|动不了|倒|晕|昏|抽|不行)|一只眼[^,。!?\s]{0,3}(?:全黑|看不见)|(?:血压|高压|雪压)[^\d,。!?\s]{0,4}(?:1[89]\d|2\d\d|一百[八九]|两百)|低血糖|骨头好像|(?:眼窝|囟门)[^,。!?\s]{0,2}凹|不尿尿|被狗咬[^,。!?]{0,10}(?:血|脸)|被蛇咬|蜂蜇|肿得好快/,
    clauseUnless: /(?:牙|智齿|腰|膝盖|关节|痛风|脚趾|嗓子|喉咙)[^,。!?\s]{0,4}(?:疼|痛)/ },
  { name: 'sos', kind: 'medical', re: /救命|救救|求救|sos|🆘|快叫(?:120|救护车)|叫(?:个|辆)?救护车|打120|120[^,。!?\s]{0,6}(?:打不通|没人接|排队|占线|还没来|没来|一直)|急需救护车|救护车[^,。!?\s]{0,6}(?:没来|还没到|什么时候|多久|还在路上|要两|要几|进不来)|help|emergency|🚑/,
    unless: /快递|外卖|作业|网课|老板|上班|加班|追剧|游戏|笑死|哈哈|😂|🤣|抢不到菜|团购|买不到|直播|菜|米|面|牛奶|奶粉|尿不湿|纸尿裤|吃的|粮|停电|停水|没电|没水|堵|power|toilet|blocked|buy|买|猫|狗|救救(?:我的|这个)?(?:钱包|头发|发型|体重|腰包)/,
    needs: /来人|快来|救我|救救|🆘|sos|!|急|120|救护车|help|emergency|🚑|帮|求/ },
  { name: 'doctor-call', kind: 'medical', re: /(?:谁是|有没有|哪位是?|有冇)(?:医生|护士|懂急救)[^,。]{0,3}(?:!|快)|(?:医生|护士)[^,。!?\s]{0,4}快来/ },
  { name: 'welfare', kind: 'medical', re: /(?:敲门|打电话|电话)[^,。!?]{0,8}(?:没人应|没人接|打不通|没反应|没声音|不应|没应)/,
    // a relative far away who does not answer: worrying, but nobody here can act
    unless: /老家|外地|国外|海外|养老院|另一个城市|远在|回不去/,
    needs: /独居|一个人住|独自|心脏病|糖尿病|高血压|不舒服|砰|老人|大爷|阿姨|奶奶|爷爷/ },
  { name: 'child-danger', kind: 'trapped', re: /(?:孩子|小孩|宝宝|娃|小朋友)[^。!?]{0,10}(?:阳台外|空调架|空调外机|窗台上|窗户外|栏杆外|爬出|爬到窗)/ },
  // fire, smoke, sparks
  { name: 'fire', kind: 'fire', sticky: true, re: /着火|著火|起火|失火|火灾(?!隐患|演练|险|预防|知识)|烧起来|燒起來|火苗|火光|明火|火星|火花|冒火|打火花|火挺大|火很大|火好大|火[^,。!?\s]{0,2}(?:一直烧|关不|灭不)|关不(?:上|掉)[^。!?]{0,8}火[^,。!?\s]{0,2}(?:一直|还在)|fire(?!work|fox|wall)/,
    clauseUnless: /火苗(?:很|太|有点)?小|火力|上火|火锅|火腿|火车|火箭|火爆|发火|恼火|火大|冒火气|火气|打火机|打不着火|点不着火|灶.{0,3}火|开火/,
    resolved: /(?:火|明火)[^,。!?\s]{0,3}(?:灭了|扑灭|熄灭|已经灭)|已经?(?:扑灭|灭了|灭火)|没事了|人没事|都没事|虚惊一场|误报|误会|不用担心/ },
  { name: 'smoke', kind: 'fire', sticky: true, re: /(?:冒|有|好多|很大|浓|黑|好大)(?:的)?(?:股)?烟|烟雾|浓烟|黑烟|(?:全是|都是|满是)烟|烟味[^,。!?\s]{0,3}(?:很|好|特别|太)?(?:大|重|浓|呛)|(?:很|好|特别|浓|大|重)[^,。!?\s]{0,2}(?:烧焦|焦糊|焦)的?味|(?:烧焦|焦糊|焦)的?味道?[^,。!?]{0,6}(?:很|好|越来越)(?:浓|大|重)|smoke/,
    clauseUnless: SMOKE_NOT_FIRE,
    resolved: /(?:火|烟)[^,。!?\s]{0,3}(?:灭了|散了|没了)|已经?(?:扑灭|灭了|处理好|关了)|没事了|虚惊一场|误报|原来是/ },
  { name: 'electric', kind: 'fire', sticky: true, re: /(?:电线|插座|插头|电箱|电表|配电|电闸|充电|电瓶|电动车|电池|灯|开关|线路)[^,。!?\s]{0,6}(?:冒烟|(?<!打不|点不|打|点)着火|起火|冒火|火花|火星|烧黑|烧焦|爆|噼里啪啦|噼啪)|短路[^,。!?\s]{0,4}(?:冒|起火|烧)|(?:锅|煤气罐|液化气罐|充电宝|电池|电动车|高压锅|热水器|电瓶)[^,。!?\s]{0,3}(?:炸了|爆炸|爆了)|爆炸|(?:水里|积水)[^,。!?\s]{0,4}有电|电线[^,。!?\s]{0,4}泡在水|(?:有人|人)被电|积水[^,。!?\s]{0,4}带电/,
    resolved: /已经?(?:扑灭|灭了|断电|拉闸|关了总闸)|没事了|虚惊一场/ },
  // gas
  { name: 'gas', kind: 'gas', sticky: true, re: /(?:煤气|燃气|天然气|液化气|液化氣|煤氣|燃氣|天然氣|瓦斯)[^,。!?\s]{0,7}(?:味|泄漏|泄露|漏|嘶嘶)|(?:煤气|燃气|天然气)(?:管|软管|管道|阀)[^,。!?\s]{0,3}(?:破|裂|断|脱落)|(?:燃气|煤气)报警器[^,。!?\s]{0,4}(?:响|叫)|(?:闻到|有|一股|好大|好浓|很浓|贼大)[^,。!?\s]{0,6}(?:煤气|燃气|天然气|液化气|煤氣|燃氣)|(?<!轮胎|车胎|气球|球|打气筒|充气)漏气(?!.{0,3}(?:轮胎|车胎))|臭鸡蛋味|嘶嘶(?:响|的声音)|gas smell|smell gas|gas leak/,
    clauseUnless: /(?:燃气|煤气|天然气)(?:费|卡|表显示|公司|安全检查|改造|开通|缴)|停气|没气|断气|没有(?:燃|煤)气了|换煤气罐|演练/,
    resolved: /(?:味道|气味|味)[^,。!?\s]{0,4}(?:散了|没了|消失)|没(?:有)?味(?:道)?了|已经?(?:修好|处理好|排除|查过|检查过)|查过了|没有?(?:泄漏|泄露|漏气)|虚惊一场|原来是|不是漏气|不是(?:煤气|燃气)|别担心|不用担心/ },
  // flooding now
  { name: 'flood', kind: 'flood', re: /(?:水管|管子|暖气管|管道|暖气片)[^,。!?\s]{0,3}(?:爆|裂|崩|炸)|(?:冒|喷)热水|满屋子?都是蒸汽|爆管|爆裂|(?:水|自来水)[^,。!?\s]{0,4}(?:喷(?![雾剂嚏])|涌|灌|漫|淹|呲)|喷水|水漫|漫水|漫(?:到|进|出)|(?<!被)淹(?:了|到|没|水)|被淹|水[^,。!?\s]{0,4}(?:没过|越来越深|越来越多|还在涨|在涨)|到处(?:都)?是水|(?:满地|屋里|家里|楼道|一地)(?:都)?(?:是|全是)水|水[^,。!?\s]{0,2}(?:流|淌|喷)了?一地|往下(?:流|灌|淌|冒)水|(?:哗哗|哗啦)[^,。!?\s]{0,3}(?:往下)?(?:流|漏|冒|淌)|水[^,。!?\s]{0,3}(?:哗哗|止不住)|关不(?:住|掉|上)[^,。!?\s]{0,4}(?:水|阀)|水[^,。!?\s]{0,3}关不(?:住|掉)|(?:水|漏)[^,。!?\s]{0,6}(?:流|漏|渗|进|灌)(?:到|进)[^,。!?\s]{0,3}(?:电箱|电表|插座|配电|电梯井|电梯)|溢水|倒灌|水柱|流到(?:楼道|下一层|楼下|走廊|电梯)|顺着楼梯|flood/,
    check: (m, text) => !/堵|地漏|马桶|下水|反水|返水/.test(text) || /爆|喷|灌|淹|没过|电/.test(m[0]),
    clauseUnless: /(?:快|都|要)漫出来|(?:有点|一点|轻微)(?:漏|渗)|淹(?:死|没在)[^,。!?\s]{0,4}(?:信息|工作|消息)/,
    resolved: /(?:阀门|总阀|总闸|水闸|水龙头|阀)[^,。!?\s]{0,3}(?:关(?:了|上|掉|好)|已经关)|关(?:了|上|掉|好)[^,。!?\s]{0,3}(?:阀门|总阀|总闸|水闸|阀)|已经?(?:修好|堵上|止住)|不漏了|止住了/ },
  // trapped: elevator with people inside
  { name: 'elevator', kind: 'trapped', re: /(?:困|关|卡)(?:在|住在|到)?(?:了)?(?:电梯|𨋢|電梯)|(?:电梯|𨋢|電梯)[^,。!?]{0,12}(?:被(?:困|关|卡)|里(?:面|头)?有(?:个|人|一)|困(?:住|人|了)|关(?:住|到|了)?人|被困|困咗|出不来|出不去|打不开|拍门|喊救命|里面[^,。!?\s]{0,4}(?:有|是|还有)|里(?:面|头)?(?:有人|是)|我在里|在里面)|(?:我在|有人在|被困在?)[^,。!?\s]{0,6}(?:电梯|電梯)[^,。!?\s]{0,3}(?:里|裏|内)|(?:电梯|電梯)[^,。!?\s]{0,4}(?:下坠|坠落|掉下)|(?:电梯|電梯)困人|(?:电梯|電梯)[^。?]{0,20}(?:在里面|在里头|关在里|困在里)|(?:里面|里头)的?人[^,。!?\s]{0,4}出不来|elevator stuck|stuck in (?:the )?(?:elevator|lift)/,
    unless: /(?:昨天|上次|之前|前几天|上周|以前)[^。!?]{0,8}(?:困|关)[^。!?]{0,6}电梯/,
    needs: /困|关|卡|停|出不来|出不去|打不开|坠|救命|拍门|警铃|stuck|快来/,
    resolved: /(?:已经|都)?(?:救出来|出来了|放出来|出来啦)|已经?(?:修好|解决)|没事了/ },
  // trapped: small child, bedridden or disabled elder locked in or left alone
  { name: 'alone', kind: 'trapped', re: /大人[^。!?]{0,6}(?:去|被|在)(?:了)?(?:方舱|隔离|拉走|带走|转运)|家长不在|大人不在|(?:只剩|只有|就剩|还有)[^,。!?\s]{0,4}(?:孩子|小孩|宝宝|娃|岁|老人|他|她|爷|奶|外公|外婆|姥)|一个人|独自|单独|反锁|锁在|关在|被锁|锁住|没大人|没有大人|没人(?:管|照顾|看|喂)|无人(?:照顾|看管)/,
    needs: /隔离|方舱|拉走|带走|转运|送医|住院|不在家|不在|回不来|出不去|进不去|锁|没人(?:管|照顾|看|喂)|无人|没大人|没有大人|哭|喊|车里|闷|太热|饿|没吃/,
    check: (_m, text) => VULNERABLE.test(text) && !CARED_FOR.test(text),
    resolved: /(?:已经|都)?(?:接走了|接到了|送走了|开门了|进去了|打开了|救出来|有人照顾|安排好|找到了)|没事了/ },
  // violence (people only: 野猫打架 is not)
  { name: 'violence', kind: 'violence', sticky: true, re: /家暴|打人|被打|殴打|动手打|打(?:我|她|他|孩子|老婆|老公|媳妇|妈|爸|老人)(?!电话|的电话|针|疫苗|扫|包|卡|折|车|工|游戏|招呼|一声|个电话|听|开|算)|打起来了|打架|持刀|拿(?:着)?刀|动刀|砍(?:人|伤|了|死)|捅(?:了|伤|人|死)|(?<!消|秒|毒|灭|杀|追)杀(?:人|了他|了她|了我|死)|要杀|掐(?:住|着)?(?:脖子|我|她|他)|勒(?:住)?脖子|砸门|砸东西|闯(?:进|入)|抢劫|强奸|性侵|非礼|绑架|威胁[^,。!?\s]{0,4}(?:杀|砍|打)|(?:快|赶紧|马上|帮我|帮忙|请|要)报警|快打110|打110|叫警察/,
    check: (m, text) => !ANIMAL.test(text.slice(Math.max(0, m.index - 8), m.index)),
    clauseUnless: /打人的(?:天气|价格)|价格杀|砍价|杀价|秒杀|杀毒|消杀|报警器|报警电话是多少|怎么报警|可以报警吗/,
    resolved: /(?:警察|民警)[^,。!?\s]{0,4}(?:来了|到了|已经)|已经?(?:处理|调解|分开|没事)|没事了/ },
  // suicide and self-harm, incl. indirect phrasings
  { name: 'suicide', kind: 'suicide', sticky: true, re: /自杀|轻生|寻死|自尽|自残|自我伤害|割腕|上吊|烧炭|跳楼(?!价|甩卖|大甩卖|机)|(?:想|要|准备|打算)(?:从[^,。!?\s]{0,6})?跳(?:下去|楼|河|江|湖|桥|了)?(?![绳舞水远高出起])|好像要跳|跳下去|(?:不想|不愿|不要|没法|没办法)(?:再)?活(?:了|下去)|不想活|活不下去|活着[^,。!?\s]{0,4}(?:没|有什么|还有什么|有啥)意思|活着(?:太|好|真)?累|(?:不如|还不如|干脆)(?:去)?死|死了算了|一了百了|(?<!(?:热|饿|累|困|烦|无聊|闷|痒|疼|丑|尴尬|羡慕|馋|气|急|笑|美|爽|开心)[得的]?(?:要)?)想死(?!你|您|大家|我了|了吧|的心都有)|想去死|结束(?:自己|我)?的?(?:生命|这一切)|了结(?:自己|生命)|不想(?:再)?醒来|一睡不醒|永别|遗书|下辈子再见|最后一(?:次|条)(?:说话|消息|朋友圈|留言)|想(?:要)?解脱|离开这个世界|不想存在|想消失|(?:没有我|我走了)[^,。!?]{0,8}(?:更好|会好|照顾)|帮我照顾(?:好)?|(?:站|坐|爬)(?:在|到|上)(?:了)?(?:窗台|窗户|天台|楼顶|栏杆|阳台外|阳台栏杆|阳台边上)|(?:阳台|窗台|天台|楼顶)[^,。!?\s]{0,6}(?:要跳|想跳|跳下)|安眠药[^,。!?\s]{0,6}(?:攒|存|够了|全吃)|kill myself|suicid|want to die|end my life/,
    unless: /哈哈|😂|🤣|笑死|(?<!不是|不像|没)开玩笑|段子|doge|狗头|玩梗|想死你|跳楼价|跳楼甩卖|(?:热|饿|困|烦|闷|无聊|冷|渴|馋)死(?:了|我了)[^。!?]{0,6}想死|想死[^。!?]{0,6}(?:热|饿|困|烦|闷|无聊|冷|渴|馋)死/,
    resolved: /(?:已经|被)(?:劝下来|救下来|拉回来|送医)|人没事了|缓过来了|好多了|心理医生/ },
  { name: 'suicide-indirect', kind: 'suicide', sticky: true, re: /(?:今晚|今天|就这样|想|要|我)[^,。!?\s]{0,3}结束(?:吧|了|算了|一切)?|就这样结束|都結束了|所有的都结束|别(?:找|救|劝|拦)我|求求你们别救|(?:我|都)?(?:决定|想好|准备好)了[^。!?]{0,12}(?:走|跳|结束|这次|真的)|(?:划|割)(?:下去|深一点|了自己|自己|手腕)|伤害自己|手腕上[^,。!?\s]{0,4}(?:几道|好几道|划)|怎么死|(?:我是不是|如果我|要是我)[^,。!?\s]{0,2}死了|是不是死了[^,。!?\s]{0,2}(?:会|就)|死了[^,。!?\s]{0,4}(?:就|会|也没关系|大家)|死掉也好|想\s*die|(?:药|安眠药)[^,。!?\s]{0,3}(?:都)?(?:攒|准备|倒出来|都吃了)|攒[^,。!?\s]{0,3}的?药|(?:我|现在)[^,。!?\s]{0,2}在(?:天台|楼顶|河边|江边|湖边|桥上)|(?:要|想)去(?:天台|楼顶)|天台的门|(?:天台|楼顶|窗台|栏杆)[^。!?]{0,10}(?:站上|不高|下去|风好大|是时候)|(?:我|这个世界上)的?最后一(?:天|晚|条|次)|今晚就是最后|最后一(?:天|晚|条)了?$|说一句[^,。!?]{0,4}谢谢大家|再见了?[^,。!?\s]{0,2}(?:各位|大家|世界)|和这个世界说再见|bye everyone|永远的那种|(?:不想|不愿)(?:再)?(?:坚持|醒|撑|拖累)|不想再醒|醒返嚟|活(?:够|腻)了|不配活|活着(?:干嘛|干什么|做什么|就是给)|还活着干|我不活了|不想让家人看到|(?:走了|没有我)[^。!?]{0,10}(?:好过|轻松|更好)|我走了大家|我(?:先|就)?走了?[^。!?]{0,4}别找|等[^。!?]{0,8}睡(?:着|了)[^。!?]{0,4}我就走|(?:这个世界|人间)不值得|没有(?:任何)?留恋|唔想(?:再)?(?:生存|活|醒)|生存落去|想不开|累赘|是(?:个)?负担|给大家添麻烦了[^。!?]{0,8}(?:以后|再见)|以后不会(?:了|再)|以后用不上|东西都送人|都分给|(?:银行卡|密码|存款)[^。!?]{0,10}留给|钱[^。!?]{0,4}转给了|该做的都做完|绳子[^,。!?\s]{0,4}(?:挂好|准备)|让开一点|砸到别人|窗户打开了[^。!?]{0,6}\d+楼|(?:告诉|跟|给)(?:我)?(?:妈|爸|老婆|老公|女儿|儿子|孩子)[^。!?]{0,8}(?:对不起|爱(?:她|他|你)|不怪)|(?:爸爸|妈妈)对不起你们|想去找我(?:妈|爸|奶奶|爷爷)|不打算再吃|如果有来生|没死成|换个办法|先撤了|这辈子就这样|说再见|我就跳|不想下去了|最后说一句|(?:想死|die|不想活)[^。!?]{0,12}不是开玩笑|(?:不用|不想|不要)再醒|永远睡|撑不住了[^。!?]{0,6}(?:药|走|跳|死)|就是我走了|我就走了/,
    unless: /哈哈|😂|🤣|笑死|段子|doge|狗头|玩梗/ },
]

// --- context that switches cues off ---------------------------------------------------------
const NEGATION_BEFORE = /(?:没|没有|冇|莫得|没得|未|无|并非|不是|别|不会|防止|避免|以免|预防|(?:^|[并也都还就可倒])不)[^,。!?\s]{0,2}$/
const UNCERTAIN_BEFORE = /(?:是不是|有没有|会不会|是否|不知道|不确定|好像|可能|怀疑)[^,。!?\s]{0,3}$/
const RESOLVED = /发错(?:群|了)|搞错了|没事了|现在好了|没事(?![吧吗啊呀嘛么])|不要紧|已经?好(?:了|多了)|好多了|缓过来|恢复了|退烧了|烧退了|止住了|止血了|醒了(?![^,。!?]{0,8}(?:又|但|还|可是|不过|就是))|虚惊一场|误会|误报|搞错了|已经?(?:送医|送到医院|到医院了|住院|被?(?:救护车|120)(?:接|拉|送)走|被接走|处理好|解决)|被?(?:120|救护车)(?:接|拉|送)走|人没事|都没事|不用了|不用麻烦|不需要了|谢谢大家的?(?:帮助|关心|帮忙)|平安/
const HYPOTHETICAL = /如果|万一|假如|要是|假设|一旦|倘若|若是|的话|怎么预防|预防|防止|以防|注意事项|提醒|温馨提示|注意安全|请勿|不要在|禁止|严禁|科普|防范|演练|培训|知识|常识|隐患|小心|当心|会不会|容易|可能会/
const POLICY_Q = /(?:可以|能|能不能|能否|是否|需要|要不要|怎么|如何)[^。!?]{0,10}(?:出去|出小区|放行|去医院|叫120|打120|叫救护车|开证明|证明|手续|通行证|流程|报备|审批|政策|规定|电话)|急救电话|(?:120|119|110)(?:电话)?是多少/
const PRESENT = /了|正在|现在|刚刚|刚才|突然|一直|还在|马上|快来|救命|着呢|!/
const PAST = /那天|去年|前年|以前|之前|上次|上个月|上周|前几天|前些天|那次|那年|小时候|曾经|当年|年前|个月前|早年|几年|昨天|前天/
const NEWS = /转发|转自|转载|据报道|报道|新闻|网传|网上|听说某|某地|某市|某省|某县|某小区|某区|某医院|某楼|一(?:位|名)[^,。!?\s]{0,6}(?:男子|女子|老人|市民|居民)|男子|女子|微博|热搜|视频里|视频中|朋友圈(?:里|看到)|看到一(?:个|则|条|篇)|通报|记者|官方|央视|卫健委|全国|全市|全省|境外|国外|美国|意大利|武汉|【|#/
const LOCAL = /我家|我妈|我爸|我老|我儿|我女|我孩|我宝|我奶|我爷|我外|我姥|我婆|我公|我媳|我弟|我妹|我哥|我姐|我们家|我们楼|我们单元|本楼|本单元|家里|屋里|屋头|屋企|楼上|楼下|隔壁(?!城市|市|省|县|小区|村)|对门|对面|邻居|\d+\s*(?:栋|棟|号楼|幢|单元|單元|楼|樓|室|座)|[一二三四五六七八九十]+(?:栋|号楼|单元)|\d+-\d+|快来|快點|快点|赶紧|速来|救命|求救|求助|帮帮|帮忙|谁(?:能|有|来|可以)|物业|管家|楼长|志愿者|小区(?:门口|里|南门|北门|东门|西门)|我在|我现在|我一个人|救救我|我(?:好|很)?(?:怕|害怕)|患者|病人|联系人|住址|地址/
const HYPERBOLE = /都要(?:犯|发作)了|(?:气|看|累|吓|急|惊)得[^,。!?\s]{0,2}(?:吐血|窒息|心脏病)|(?:吃|火锅|奶茶|烧烤|见到|回家|出去玩|逛街)[^。!?]{0,12}想死了|^吐血$/
const GENERAL_ADVICE = /提醒大家|想提醒|温馨提示|科普|建议大家|希望对大家有帮助|注意事项|小贴士|一般来说|超过\d+度/
/** Local markers that hold even inside a sentence that also mentions news. */
const STRONG_LOCAL = /我家|我妈|我爸|我老|我儿|我女|我孩|我宝|我奶|我爷|我外|我姥|我婆|我公|我媳|我们家|我们楼|本楼|\d+\s*(?:栋|号楼|单元|室)|[一二三四五六七八九十]+(?:栋|号楼|单元)|\d+-\d+|快来|救命|求救|求助|帮帮|救救我|谁能|物业|管家|我(?:一个人|在外地|现在)/
const JOKE = /哈哈|😂|🤣|😅|🤪|😆|笑死|笑到|笑得|(?<!不是|不像|没)开玩笑|段子|doge|狗头|玩梗|表情包/

const CLAUSE_BREAK = /[。!?;；\n]|\s{1,}|,|，/g

function temperature(intPart: string, dec?: string): number {
  const CN: Record<string, number> = { 三十八: 38, 三十九: 39, 四十: 40, 四十一: 41, 四十二: 42 }
  const DIG: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 }
  let t = CN[intPart] ?? Number(intPart)
  if (!Number.isFinite(t)) return 0
  if (dec && !intPart.includes('.')) t += (DIG[dec] ?? Number(dec)) / 10
  return t >= 34 && t <= 43 ? t : 0
}

/** Start of the clause that contains position i (after the last break before it). */
function clauseAround(text: string, start: number, end: number): string {
  let s = start
  while (s > 0 && !isBreak(text.charCodeAt(s - 1))) s--
  let e = end
  while (e < text.length && !isBreak(text.charCodeAt(e))) e++
  return text.slice(s, e)
}

/** The sentence (between 。!?\n) around a match. */
function sentenceAround(text: string, start: number, end: number): string {
  let s = start
  while (s > 0 && !isStop(text.charCodeAt(s - 1))) s--
  let e = end
  while (e < text.length && !isStop(text.charCodeAt(e))) e++
  return text.slice(s, e)
}
function isStop(c: number): boolean {
  return c === 0x3002 || c === 0x21 || c === 0x3f || c === 0x0a
}

function isBreak(c: number): boolean {
  // 。!?;；\n space , ，
  return c === 0x3002 || c === 0x21 || c === 0x3f || c === 0x3b || c === 0xff1b || c === 0x0a || c === 0x20 || c === 0x2c || c === 0xff0c || c === 0x09
}

const globalOf = (re: RegExp) => new RegExp(re.source, re.flags.includes('g') ? re.flags : re.flags + 'g')
const CUE_GLOBAL = CUES.map((c) => globalOf(c.re))

/** Quick prefilter: one pass that rules out most messages (greetings, orders) at once. */
export const TRIGGER = new RegExp(CUES.map((c) => c.re.source).join('|'))

/** Texts longer than this are checked at their start and end only, so a 100 kB paste stays bounded. */
const MAX_SCAN = 20000

const SPACED_PAIR = /([\u3400-\u9fff]) (?=[\u3400-\u9fff])/g

export function assessUrgency(text: string): UrgencyResult {
  const r = assessOnce(text)
  if (r.urgent || !text) return r
  // "我弟弟 头撞到 暖气片 上 流 好多 血": residents who space every word; read it once more without the spaces
  const spaces = (text.match(/ /g) ?? []).length
  if (spaces >= 3 && spaces * 5 >= text.length) return assessOnce(text.replace(SPACED_PAIR, '$1'))
  return r
}

function assessOnce(text: string): UrgencyResult {
  const none: UrgencyResult = { urgent: false, emergency: null, cues: [] }
  if (!text) return none
  // the rules are written in lower case: case-insensitive matching is slow on CJK alternations
  // a long paste is read at its opening and its end, where a request usually is
  const t = (text.length > MAX_SCAN ? text.slice(0, MAX_SCAN / 2) + '\n' + text.slice(-MAX_SCAN / 2) : text).toLowerCase()
  if (!TRIGGER.test(t)) return none

  const news = (NEWS.test(t) || GENERAL_ADVICE.test(t)) && !LOCAL.test(t)
  const joke = JOKE.test(t)
  const kinds = new Set<EmergencyKind>()
  const fired: string[] = []
  for (let ci = 0; ci < CUES.length; ci++) {
    const cue = CUES[ci]
    const re = CUE_GLOBAL[ci]
    re.lastIndex = 0
    if (!re.test(t)) continue
    if (cue.needs && !cue.needs.test(t)) continue
    if (cue.unless && cue.unless.test(t)) continue
    re.lastIndex = 0
    let m: RegExpExecArray | null
    let hits = 0
    while ((m = re.exec(t)) !== null && hits < 50) {
      hits++
      if (m[0].length === 0) { re.lastIndex++; continue }
      if (isLive(cue, m, t, news, joke)) {
        kinds.add(cue.kind)
        fired.push(cue.name)
        break
      }
    }
  }
  if (kinds.size === 0) return none
  return { urgent: true, emergency: pickKind(kinds), cues: fired }
}

function isLive(cue: Cue, m: RegExpExecArray, t: string, news: boolean, joke: boolean): boolean {
  const start = m.index
  const end = start + m[0].length
  if (cue.check && !cue.check(m, t)) return false
  const clause = clauseAround(t, start, end)
  if (cue.clauseUnless && cue.clauseUnless.test(clause)) return false
  // negation right before the cue, inside its clause
  const before = clause.slice(0, Math.max(0, clause.indexOf(m[0])))
  if (NEGATION_BEFORE.test(before) && !UNCERTAIN_BEFORE.test(before)) return false
  // hypothetical / notice / policy question in the same clause
  if (cue.kind !== 'suicide' && HYPOTHETICAL.test(clause) && !(cue.sticky && /现在|正在|刚刚|刚才|快来|了/.test(clause) && !/如果|万一|假如|要是|假设|一旦|倘若|的话|提醒|温馨提示|请勿|禁止|严禁|演练|隐患|预防/.test(clause))) return false
  if (POLICY_Q.test(clause) && !PRESENT.test(clause)) return false
  // animals: a pet's illness or injury is not a medical emergency
  if ((cue.kind === 'medical' || cue.kind === 'trapped') && aboutAnimal(t, start)) return false
  // mourning: the person has died, a medical cue tells how (葬礼, 上周走了)
  if (cue.kind === 'medical' && MOURNING.test(t)) return false
  // a past event, unless the message also speaks of now
  if (PAST.test(clause) && !/现在|刚刚|刚才|正在|还在|又|今天|今晚|一直/.test(clause)) return false
  // news and forwards about strangers: in the whole message, or in the cue's own sentence
  if (news) return false
  const sentence = sentenceAround(t, start, end)
  if (NEWS.test(sentence) && !STRONG_LOCAL.test(sentence)) return false
  // jokes: only the soft families
  if (joke && cue.kind !== 'fire' && cue.kind !== 'gas') return false
  if (HYPERBOLE.test(clause) || HYPERBOLE.test(t.slice(Math.max(0, start - 20), end + 6))) return false
  // resolution later in the message
  const after = t.slice(end)
  if (isResolved(after, cue.resolved ?? RESOLVED) || (cue.resolved && isResolved(after, RESOLVED_STRONG))) return false
  return true
}

/** A resolution marker after the cue, not followed by "but" (缓过来一点但呼吸还是很急). */
const GLOBAL_CACHE = new Map<RegExp, RegExp>()
function isResolved(after: string, re: RegExp): boolean {
  if (!re.test(after)) return false
  let g = GLOBAL_CACHE.get(re)
  if (!g) { g = new RegExp(re.source, re.flags.includes('g') ? re.flags : re.flags + 'g'); GLOBAL_CACHE.set(re, g) }
  g.lastIndex = 0
  let m: RegExpExecArray | null
  while ((m = g.exec(after)) !== null) {
    if (m[0].length === 0) { g.lastIndex++; continue }
    const tail = after.slice(m.index + m[0].length, m.index + m[0].length + 16)
    if (!BUT_STILL.test(tail)) return true
  }
  return false
}

/** The cue is about an animal: one is named shortly before it, with no person in between, and no animal attacks a person. */
function aboutAnimal(t: string, start: number): boolean {
  const w = t.slice(Math.max(0, start - 24), start)
  const g = ANIMAL_G
  g.lastIndex = 0
  let last = -1
  let m: RegExpExecArray | null
  while ((m = g.exec(w)) !== null) last = m.index + m[0].length
  if (last < 0) return false
  if (HUMAN_NEAR.test(w.slice(last))) return false
  return !ANIMAL_ATTACK.test(t)
}
const ANIMAL_G = /鱼缸|鱼(?![香丸片刺])|狗|猫|貓|宠物|兔|鸟|仓鼠|鹦鹉|乌龟|主子|毛孩子/g
const ANIMAL_ATTACK = /(?:我|人|孩子|小孩|老人|快递员|员|他|她|爸|妈|宝宝)[^。,]{0,4}被[^。]{0,8}(?:狗|猫)|(?:狗|猫)[^。]{0,6}(?:咬|扑)[^。]{0,3}(?:了)?(?:我|人|孩子|小孩|老人|快递员|他|她|的脖子)/
const ANIMAL = /鱼缸|鱼(?![香丸片刺])|狗|猫|貓|宠物|兔|鸟|仓鼠|鹦鹉|乌龟|主子|毛孩子/
const HUMAN_NEAR = /我(?!家)|人|爸|妈|老人|孩子|宝宝|老公|老婆|爷|奶|外公|外婆/
const BUT_STILL = /^[^。!?]{0,4}(?:但|可是|不过|却)[^。!?]{0,8}(?:还|又|仍|依然|呼吸|疼|痛|血|喘|晕|不)|^[^。!?]{0,3}(?:又|还是)/
const RESOLVED_STRONG = /已经?(?:送医|送到医院|住院|被?(?:救护车|120)(?:接|拉|送)走)|人没事|虚惊一场|误报|没事了|要住院(?:一段时间|观察|几天)|谢谢大家的?(?:关心|帮助|帮忙)/

const MOURNING = /葬礼|后事|追悼|火化|遗体|(?:上周|昨天|前天|前几天|上个月|去年|那天|已经)[^,。!?]{0,4}(?:走了|去世|过世|没了)|去世了|过世了/
const KIND_ORDER: EmergencyKind[] = ['fire', 'gas', 'medical', 'violence', 'suicide', 'trapped', 'flood']
function pickKind(kinds: Set<EmergencyKind>): EmergencyKind {
  for (const k of KIND_ORDER) if (kinds.has(k)) return k
  return 'medical'
}
