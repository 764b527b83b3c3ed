// Shopping-list parser: turns a resident's (normalised) message into order items.
// Pure: no I/O at call time (the goods and unit dictionaries are read once, when the
// module is loaded), no clock, never throws.
//
// How it works, in one pass over the text:
//  1. tokenize: a trie of every known word (goods, medicine, units, filler, keywords, notes…),
//     longest match first; numbers (Arabic and Chinese) read by numerals.ts; anything unknown
//     becomes an UNK run. Addresses (7栋1102, 3-2-502), phone numbers, times, prices and
//     @mentions are recognised so that their numbers are never taken for quantities.
//  2. chunks: the token stream is cut at separators (punctuation, spaces, newlines, list
//     markers, 还要/再来/以及/和/跟/同埋 …).
//  3. each chunk becomes elements — goods spans (G), quantity phrases (Q), keywords (K),
//     notes (N) — and is read: quantity before or after the name, 各, package sizes,
//     substitutions (没有X换Y, X或者Y), corrections (改成), removals (不要了).
//  4. the message: quantity-only chunks join the neighbouring item ("土豆 三斤"), 各
//     spreads back over "西红柿、黄瓜各2斤", alternatives and corrections find their item,
//     and items are kept only where the text reads as a request, so that commentary
//     ("停电了冰箱里的肉都坏了") gives no order.
import { readFileSync } from 'node:fs'
import { isAsciiDigit, isChineseNumeralChar, scanNumber, type ScanContext } from './numerals.ts'

export type ItemOp = 'add' | 'set' | 'remove'

export interface OrderItem {
  name: string
  qty: number | null
  unit: string | null
  alternatives: string[]
  /** How the resident wants it: "要新鲜的", "切片", "要瘦的". */
  note?: string
  /** add (default), set (a correction: "土豆改成5斤"), remove ("鸡蛋不要了"). */
  op?: ItemOp
  /** For a set that swaps the product ("土豆换成红薯"): the name it replaces. */
  replaces?: string
}

// ---------------------------------------------------------------------------
// Vocabulary

// token kinds
const T_GOODS = 1
const T_MED = 2
const T_UNIT = 3
const T_NUM = 4
const T_FILL = 5
const T_OTHER = 6 // a classifier that makes a number not a quantity: 天, 楼, 点, 人 …
const T_NONGOODS = 7 // nouns that are not goods: 孩子, 冰箱, 水管 …
const T_SEP = 8
const T_KW = 9
const T_NOTE = 10
const T_UNK = 11
const T_MONEY = 12

// keyword sub-kinds
const KW_COND = 1 // 没有, 缺货 …
const KW_SWAP = 2 // 换, 换成: a switch after 没有, a correction after a name, else a verb
const KW_SWITCH = 3 // 就要, 就买, 的话, 那就 …
const KW_OK = 4 // 也行, 也可以
const KW_CANCEL = 5 // 不要了, 算了, 不用了
const KW_NOTWANT = 6 // 不要, 取消, 别买 (before or after a name)
const KW_OR = 7 // 或者, 或, /
const KW_SET = 8 // 改成, 改为, 改
const KW_GE = 9 // 各, 每样
const KW_DE = 10 // 的
const KW_ZHUANG = 11 // 装
const KW_NAZHONG = 12 // 那种
const KW_EACH = 13 // 每
const KW_DI = 14 // 第
const KW_SLASH = 15 // / (also OR)

// separator sub-kinds
const SP_SPACE = 1
const SP_PUNCT = 2
const SP_CONJ = 3
const SP_NL = 4
const SP_LISTEND = 5 // . 、 ) after a bare number: a list marker

// unit kinds
const U_MEASURE = 1
const U_COUNT = 2
const U_CONTAINER = 3
const U_VOLUME = 4
const U_DOZEN = 5

// goods flags
const G_BRAND = 1
const G_WEAK = 2
const G_GENERIC = 4

// filler flags
const F_INTENT = 1
const F_VERB = 2
const F_QUESTION = 4
const F_PAST = 8
const F_ENOUGH = 16
const F_OFFER = 32
const F_COOK = 64

interface Entry {
  word: string
  k: number
  sub: number
  canon: string | null
  flags: number
}

class TrieNode {
  next: Map<number, TrieNode> | null = null
  entry: Entry | null = null
}

const PRIORITY: Record<number, number> = {
  [T_MED]: 9, [T_KW]: 8, [T_SEP]: 7, [T_NOTE]: 6, [T_MONEY]: 6, [T_OTHER]: 5, [T_NONGOODS]: 5,
  [T_GOODS]: 4, [T_UNIT]: 3, [T_FILL]: 2,
}

const ROOT = new TrieNode()
/** The root's children as a flat table (the first lookup of every position). */
const ROOT_KIDS: Array<TrieNode | undefined> = new Array(65536)

function addWord(word: string, k: number, sub = 0, canon: string | null = null, flags = 0): void {
  if (!word) return
  let node = ROOT
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i)
    if (!node.next) node.next = new Map()
    let nx = node.next.get(c)
    if (!nx) { nx = new TrieNode(); node.next.set(c, nx) }
    if (i === 0) ROOT_KIDS[c] = nx
    node = nx
  }
  const old = node.entry
  if (old && old.k === k) { old.flags |= flags; if (sub) old.sub = sub; if (canon) old.canon = canon; return }
  if (old && (PRIORITY[old.k] ?? 0) >= (PRIORITY[k] ?? 0)) return
  node.entry = { word, k, sub, canon, flags }
}

/** Longest dictionary word starting at s[i]. */
function matchAt(s: string, i: number): Entry | null {
  if (i >= s.length) return null
  let node: TrieNode | undefined = ROOT_KIDS[s.charCodeAt(i)]
  if (!node) return null
  let best: Entry | null = node.entry
  const n = s.length
  for (let j = i + 1; j < n; j++) {
    if (!node.next) break
    node = node.next.get(s.charCodeAt(j))
    if (!node) break
    if (node.entry) best = node.entry
  }
  return best
}

const words = (s: string) => s.split(/\s+/).filter(Boolean)
const DICT_DIR = new URL('../data/dict/', import.meta.url)

function readLines(name: string): string[] {
  try {
    return readFileSync(new URL(name, DICT_DIR), 'utf8').split('\n')
  } catch {
    return []
  }
}

/** Goods that are only read as an item next to an amount ("水2桶", not "停水了没水"). */
const WEAK_GOODS = new Set(words('水 奶 面 油 蛋 纸 茶 酒 饼 粥 烟 煤气 液化气'))
/** Category words: an item only with an amount or a buying verb ("帮买点水果"), not "水果团购群". */
const GENERIC_GOODS = new Set(words('水果 蔬菜 时蔬 叶菜 绿叶菜 海鲜 零食 调料 调味品 作料 干货 饮料 速冻食品 粮油 米面油 米面 方便食品 速食 杂粮 坚果 菜包 蔬菜包'))
/** A multi-word name ending in one of these is one product ("猪肉白菜饺子"), not several. */
const HEAD_SUFFIX = words('饺子 水饺 馄饨 云吞 抄手 包子 汤圆 元宵 馅 面 面条 挂面 粉 粉丝 米粉 粥 饼 罐头 酱 汁 丸 丸子 粽子 干 片 丝 味 卷 肠')

function loadGoods(): void {
  let any = false
  for (const raw of readLines('goods.txt')) {
    const line = raw.trim()
    if (!line || line.startsWith('#')) continue
    const f = line.split(/\s+/)
    const w = f[0]
    const tag = f.length >= 3 ? f[2] : f.length === 2 && !/^\d+$/.test(f[1]) ? f[1] : ''
    // brands and varieties (金龙鱼, 红富士) name the product that follows them: one item, not two
    let flags = tag === 'brand' || tag === 'variety' ? G_BRAND : 0
    if (WEAK_GOODS.has(w)) flags |= G_WEAK
    if (GENERIC_GOODS.has(w)) flags |= G_GENERIC
    addWord(w, T_GOODS, 0, null, flags)
    any = true
  }
  if (!any) {
    // the dictionary file is missing: keep a core list so the parser still works
    for (const w of words('土豆 西红柿 黄瓜 白菜 青菜 鸡蛋 大米 米 面粉 挂面 牛奶 猪肉 牛肉 鸡肉 鱼 虾 苹果 香蕉 盐 酱油 醋 食用油 卫生纸 纸巾 尿不湿 奶粉 猫粮 狗粮 猫砂 矿泉水 煤气罐')) addWord(w, T_GOODS)
  }
}

const UNIT_KIND: Record<string, number> = { measure: U_MEASURE, count: U_COUNT, container: U_CONTAINER, volume: U_VOLUME, dozen: U_DOZEN }
/** ASCII unit surfaces (lower-cased) → [canonical, kind]; matched only right after a number. */
const ASCII_UNITS = new Map<string, [string, number]>()

function loadUnits(): void {
  let any = false
  for (const raw of readLines('units.txt')) {
    const line = raw.trim()
    if (!line || line.startsWith('#')) continue
    const [w, canon, kind] = line.split(/\s+/)
    if (!w || !canon) continue
    const uk = UNIT_KIND[kind ?? 'count'] ?? U_COUNT
    if (/^[A-Za-z]+$/.test(w)) ASCII_UNITS.set(w.toLowerCase(), [canon, uk])
    else addWord(w, T_UNIT, uk, canon)
    any = true
  }
  if (!any) {
    for (const w of words('斤 两 个 根 颗 把 条 只 块 份')) addWord(w, T_UNIT, U_COUNT, w)
    for (const w of words('袋 盒 瓶 箱 包 桶 罐 板 提 卷')) addWord(w, T_UNIT, U_CONTAINER, w)
    addWord('公斤', T_UNIT, U_MEASURE, '公斤'); addWord('千克', T_UNIT, U_MEASURE, '公斤'); addWord('克', T_UNIT, U_MEASURE, '克')
    addWord('打', T_UNIT, U_DOZEN, '个')
    ASCII_UNITS.set('kg', ['公斤', U_MEASURE]); ASCII_UNITS.set('g', ['克', U_MEASURE])
  }
}

// Medicine and medical devices (for people and pets): never items.
const MEDICINE = words(`药 药品 药物 药片 药膏 药水 中药 西药 中成药 退烧药 退热药 感冒药 消炎药 止痛药 止咳药 降压药 降糖药 降脂药 胃药 安眠药 抗生素 处方药
  布洛芬 美林 泰诺 对乙酰氨基酚 扑热息痛 连花清瘟 莲花清瘟 感冒灵 999感冒灵 板蓝根 藿香正气 蒙脱石散 阿莫西林 头孢 硝苯地平 二甲双胍 速效救心丸 硝酸甘油
  阿司匹林 氯雷他定 奥司他韦 胰岛素 胰岛素针头 针头 血糖试纸 试纸 抗原 抗原试剂 试剂 血压计 血糖仪 体温计 温度计 额温枪 制氧机 氧气瓶 雾化器 轮椅 拐杖
  碘伏 创可贴 纱布 绷带 胶囊 颗粒 口服液 软膏 喷剂 滴眼液 眼药水 冲剂 糖浆 注射液 含片 维生素 钙片 益生菌 布地奈德 沙丁胺醇 驱虫药 体内驱虫 体外驱虫 疫苗 猫药 狗药 兽药
  速效 救心丸 硝酸 降压 降糖 葡萄糖 秋水仙碱 别嘌醇 非布司他 氨氯地平 缬沙坦 厄贝沙坦 美托洛尔 阿托伐他汀 他汀 华法林 氯吡格雷 甲硝唑 左氧氟沙星 头孢克肟 罗红霉素 阿奇霉素 奥美拉唑 健胃消食片 开塞露 碘酒 红霉素软膏 云南白药 风油精 清凉油 速效救心 安宫牛黄丸 药丸 打针 输液 吊瓶 透析 化疗 止泻药 退烧贴 医用酒精 止血 消炎 头疼 头痛 头晕`)

// Words that are separators between items.
const CONJ = words('还要 再来 以及 和 跟 同埋 还有 另外 再要 外加 再加 加上 然后 及 与 另 再买 还需要 还想要 顺便 另需 加 并且 还得 再拿 另外还要 另外再要 此外 再帮我买 还想买 还有就是 另加 多加 追加 再添 添')

// Filler: dropped from names. Intent-bearing words mark a request; buying verbs also let a
// category word ("帮买点水果") count as an item.
const FILL_INTENT_VERB = words('帮手买 买 买点 买些 帮买 帮我买 帮忙买 帮我带 帮忙带 帮我们买 代买 代购 借 借点 借我 借一下 匀 匀点 匀一点 要 我要 我想要 想要 想买 要买 需要 急需 需 求 来 来点 来些 拿 拿点 带 带点 订 订购 团购 团 接龙 缺 换 补 补货 囤 囤点 整 弄点 搞点')
const FILL_INTENT = words('空了 快空了 帮手 哪里能买到 哪里能买 哪里可以买 哪里买得到 哪里有卖 在哪买 去哪买 帮我 帮忙 麻烦 麻烦你 麻烦帮我 麻烦帮忙 请帮我 请帮忙 拜托 有没有 能不能 可不可以 可以帮我 谁有 哪里有 还有吗 有吗 没了 快没了 吃完了 用完了 断了 不够了 不够 急用 救急 采购 购买 下单 吃光了 见底了 快见底 用光了 没得吃 断顿')
const FILL_EXTRA = words('就行 就够 就够了 就好 就可以 就成 没到 还没到 没送到 还没送到 没送 没来 还没来 没发 还没发 没人 没人管 没人喂 没事 没用 没办法 没法 没空 没时间 没电 没信号 没网 没反应 没收到 没想到 没见 没见过 没睡 没睡好 没出门 没下楼 没问题 没必要 没意思 没良心 没几天 没多久 没多少 没有人 没人接 没人理 没吃饭 没吃 没喝 没胃口 没精神 没力气 没错 知道 觉得 认为 看到 看见 听到 找到 买到 收到了 送到 拿到 随便 都行吧')
/** Reports of what already happened: with no request beside them, the names in them are not orders. */
const PAST = words('留了 团的 团购的 买的 订的 发的 领了 领到 领到了 拿到了 吃了 煮了 做了 囤了 送了 送给 卖 卖到 涨到 涨了 又涨了 要吃 能吃 吃不了 一天吃 每天吃 一周吃 一顿吃 团了 订了 下单了 已下单 已经下单 已经订了 已经团了 抢到 抢到了 买到了 买好了 买过了 收到了 送来了 送到了 已经买了 已经买好了 到货了 领到了 已经收到 吃上了 里有 里面有 包括 包含 含有 含 有这些')
/** Calls for others to join a group buy: not the writer's own order ("还有谁要鸡蛋的 一起团"). */
const OFFER = words('我有 我这有 我这边有 我这还有 我家有多的 谁家缺 谁缺 谁家要 谁需要 谁家需要 免费 可以来拿 来我家拿 来拿 拿去 门口拿 去门口拿 自取 谁要 谁还要 还有谁要 有人要 有没有人要 有谁要 一起团 拼团 拼单 有要的吗 要的接龙 需要的接龙 需要的私聊 要的私聊 需要的找我 有需要的 需要的请 需要的联系 一起拼')
/** What the things are for ("包饺子", "做饭用"): not more things to buy. */
const PURPOSE = words('包饺子 包包子 包馄饨 炖汤 熬汤 煲汤 煮粥 做饭 炒菜 做菜 做饭用 炖肉 烧菜 凉拌')
/** Cooking verbs: "做馒头", "蒸包子" names a dish to make, not a thing to buy. */
const COOK = words('做 蒸 炖 煮 炒 烤 煎 熬 煲 拌 腌 卤 包着 来做 用来做 拿来做 打算做 准备做 想做')
/** Complaints about what was delivered: not orders. */
const COMPLAINT = words('不新鲜 坏了 烂了 臭了 变质 变质了 过期 过期了 发霉 发霉了 碎了 少了 缺斤少两 退 退货 退款 换货 投诉 质量 太差 差评')
/** "猫粮还有很多", "米还够吃": the thing is not needed. */
const ENOUGH = words('没人喂 没人管 没人遛 还有很多 还有好多 还有不少 很多 好多 够吃 还够 还够吃 够用 还够用 不缺 多的是 吃不完 用不完 不用担心')
/** Questions about schedules and prices: a name in such a sentence is not an order ("今天菜包几点到"). */
const QUESTION = words('几点 什么时候 啥时候 多久 为什么 为啥 怎么 怎么办 咋办 在哪 在哪里 在哪儿 哪里 哪儿 什么价 啥价 几号 多会儿')
const FILL_PLAIN = words(`全 全都 全部 整整 少买 少买点 空 说一声 一声 先 先领 领 领取 发放 截单 已截单 不对 哦不对 写错了 写错 谢谢 谢谢了 多谢 感谢 辛苦 辛苦了 唔该 该 请 给 给我 给我们 我 我们 我家 俺 咱 咱家 家里 家 俺家 我们家 他家 她家 你家 自家 哪家 你 你们 他 她 它 他们 她们 的 了 吧 啊 呀 哦 呢 吗 嘛 哈 哈哈 呗 啦 喔 噢 嗯 呃 么
  一些 一点 一点点 一点儿 一直 一动不动 一声 一会 一会儿 一晚 一遍 一趟 一定 一般 一阵 一时 一旦 一切 一样 一下子 一把手 多 多的 多点 多少 些 少许 适量 若干 都 也 就 还 再 很 太 好 好的 真 挺 最 是 在 有 这 那 这个 那个 这些 那些 把 将 刚才 刚才的 刚刚 刚刚的 之前 之前的 上面的 上次 上次的 前面的 一下 一起 一共 总共 共
  大概 大约 左右 差不多 可以 能 可否 今天 明天 后天 马上 尽快 尽量 急 着急 赶紧 快 现在 那边 这边 及时 来不及 听说 只要 只有 只能 对了 还是 其他 其它 别的 东西 物资 生活物资 日用品 菜 买菜 食物 吃的 喝的 用的
  团长 管家 物业 师傅 阿姨 叔叔 大姐 姐 哥 小哥 老师 老板 群主 楼长 志愿者 大白 各位 大家 朋友 亲 亲们 您 您好 你好 早上好 晚上好 收到 好了 行 可 以 又 才 让 被 从 到 向 对 为 一样的 之类 之类的 等 等等 啥 什么 怎么 多少 哪 谁 如果 要是 万一 但是 不过 因为 所以 而且 已经 还没 没法 能否 实在 准备 打算 想 想着 真的 非常 特别 比较 稍微 尽 够 够了 吃 喝 用 做 煮 炒 喂 的话吧 一下吧 帮个忙 十分 剩 还剩 只剩 一个人 每天 每次 又要 的了 呐 哇 嘞 咯 哒 唉 诶 侬 阿拉 伐 额 嘅 啲 咗 喇 噶 咧 偶 屋里 屋里厢 屋企 唔 係 系 嘢 咁 佢 佢哋 乜 咩 喺 俾 哋 恁 咋 咋整 啥子 哪个 哪位 好心人 邻居 谁家 谁 家里人 老伴 屋头`)

const NOTES = words(`新鲜 新鲜的 新鲜点 新鲜一点 瘦的 瘦一点 瘦点 肥的 肥一点 肥点 肥瘦相间 肥瘦 切片 切丝 切块 切段 切好 切开 切成片 切成块 切成丝 剁碎 剁好 剁块 剁成块 绞馅 绞成馅 绞碎 打成馅 绞好
  去皮 去骨 去壳 去头 去鳞 杀好 宰好 处理好 收拾好 大个 大个的 大一点 大点 大点的 小一点 小点 小点的 大的 小的 嫩的 嫩一点 熟的 熟一点 熟透 生的 甜的 脆的 软的 硬的 不辣 不辣的 微辣 辣的 冷冻 冷冻的 冰冻 冰鲜 常温
  无籽 无籽的 没籽的 散装 整只 整条 整个 活的 现杀 带皮 不带皮 有机 国产 进口 便宜的 便宜点 便宜一点 好一点的 好点的 无糖 低脂 全脂 脱脂 无盐 原味 小包装 大包装 家庭装 独立包装 带壳 剥好 洗好 洗干净 最好的 好吃的 不要太大 不要太小`)

// A number right before one of these is not a quantity.
const OTHER = words(`天 小时 钟头 分钟 分 秒 点 点钟 号 日 月 年 周 星期 礼拜 岁 周岁 次 遍 回 下 人 口 位 名 户 楼 层 栋 幢 单元 室 号楼 座 期 区 门 度 辆 台 部 间 趟 批 轮 顿 餐 个月 个人 个小时 个星期 个礼拜 个钟 个钟头 个孩子 个老人 个娃 倍 成 折 级 路 段 %`)
const MONEY = words('元 块钱 多少钱 钱 毛 角 毛钱 块多 元一 rmb RMB ¥ 蚊 文')
const NONGOODS = words(`孩子 小孩 儿子 女儿 老人 老公 老婆 妈妈 爸爸 爷爷 奶奶 外婆 外公 姥姥 姥爷 宝宝 宝贝 婴儿 儿童 学生 中老年 老年人 成人 大人 小朋友 家人 邻居 病人 孕妇 医生 护士 快递 外卖 电话 手机 电梯 楼道 门口 楼下 楼上 冰箱
  药店 医院 超市 菜市场 菜场 水管 停水 停电 水电 漏水 热水器 热水 下水道 水龙头 水表 水费 电费 燃气费 加油 完蛋 糖尿病 高血压 血压 血糖 体温 发烧 核酸 隔离 封控 方舱 阳性 阴性 外面 里面 上面 下面 前面 后面 对面 方面
  见面 面积 面对 面子 时间 时候 早上 中午 下午 晚上 上午 晚饭 午饭 早饭 早餐 午餐 晚餐 猫 狗 猫咪 狗狗 小猫 小狗 宠物 鸟 金鱼 鱼缸 厘米 奶奶家 大门 小区 楼栋 单元门 物业费 油烟机 油价 酒店 茶几 鸡毛 油烟 电 网 网络 空调 暖气 灯 门锁 马桶 天然气泄漏 菜价 肉价 油价 米价 价格 价钱 项圈 橘猫 柯基 泰迪 金毛 柴犬 布偶 英短 美短 二哈 哈士奇 铃铛 团购群 群 消息 通知 名单 信息 地址 手续 核酸检测 保安 司机 车 问题
  事 事情 情况 作业 工作 上班 下班 学校 老家 心情 身体 生活 日子 样子 办法 东西都 一家 全家 家庭 房子 家门 水果店 面馆 米线店 饭店 一家人 三口 一口 电瓶车 排队 城市 煤气味 煤气泄漏 燃气 天然气 煤气中毒 燃气灶 水箱 洗碗 供水 停气 漏气 单 课 网课`)

const KEYWORDS: Array<[string, number]> = [
  ...words('没有 没 冇 没得 缺货 没货 无货 断货 卖完 卖完了 买不到 如果没有 要是没有 万一没有 没有货 卖光 卖光了 售罄 没有了 没了').map((w) => [w, KW_COND] as [string, number]),
  ...words('换 换成 换为 换点').map((w) => [w, KW_SWAP] as [string, number]),
  ...words('就 就要 就买 就拿 就来 那就 那就要 那就买 代替 替代 替换 的话 可以换 就换 就用 用 改买 换买 也可以买 可以买 改要').map((w) => [w, KW_SWITCH] as [string, number]),
  ...words('也行 也可以 都行 都可以 也好 也成 也ok 也OK 凑合 也没问题 都ok 都OK').map((w) => [w, KW_OK] as [string, number]),
  ...words('不要了 就不要了 不用了 就不用了 算了 就算了 没关系 也没关系 不用换 不换 不买了 就不买了 不用买了 不需要了 拉倒 先不要了 别买了 取消了 删掉吧 不买啦 不要啦 不用啦 都不要了 暂时不要了').map((w) => [w, KW_CANCEL] as [string, number]),
  ...words('不要 取消 删掉 删了 删除 去掉 别买 不买 撤销 先不要 不需要 不用买 别要').map((w) => [w, KW_NOTWANT] as [string, number]),
  ...words('或者 或 或是 要么 要不 不然 要不然 否则').map((w) => [w, KW_OR] as [string, number]),
  ...words('改成 改为 改 变成 调成 改到 改一下 更正 修改 修改为 改下 改一改 换一下').map((w) => [w, KW_SET] as [string, number]),
  ...words('各 各要 各来 各买 每样 每种 每样各 都要 都来 都是 各自 每样都 每种都 每个都').map((w) => [w, KW_GE] as [string, number]),
  ['的', KW_DE], ['装', KW_ZHUANG], ['装的', KW_ZHUANG],
  ...words('那种 这种 那样 的那种 那款 规格 左右的那种').map((w) => [w, KW_NAZHONG] as [string, number]),
  ['每', KW_EACH], ['第', KW_DI],
]

function loadVocabulary(): void {
  loadGoods()
  loadUnits()
  for (const w of MEDICINE) addWord(w, T_MED)
  for (const w of CONJ) addWord(w, T_SEP, SP_CONJ)
  for (const w of FILL_INTENT_VERB) addWord(w, T_FILL, 0, null, F_INTENT | F_VERB)
  for (const w of FILL_INTENT) addWord(w, T_FILL, 0, null, F_INTENT)
  for (const w of FILL_PLAIN) addWord(w, T_FILL)
  for (const w of FILL_EXTRA) addWord(w, T_FILL)
  for (const w of QUESTION) addWord(w, T_FILL, 0, null, F_QUESTION)
  for (const w of PAST) addWord(w, T_FILL, 0, null, F_PAST)
  for (const w of ENOUGH) addWord(w, T_FILL, 0, null, F_ENOUGH)
  for (const w of OFFER) addWord(w, T_FILL, 0, null, F_OFFER)
  for (const w of PURPOSE) addWord(w, T_FILL)
  for (const w of COOK) addWord(w, T_FILL, 0, null, F_COOK)
  for (const w of COMPLAINT) addWord(w, T_FILL, 0, null, F_PAST)
  for (const w of NOTES) addWord(w, T_NOTE)
  for (const w of OTHER) addWord(w, T_OTHER)
  for (const w of MONEY) addWord(w, T_MONEY)
  for (const w of NONGOODS) addWord(w, T_NONGOODS)
  for (const [w, sub] of KEYWORDS) addWord(w, T_KW, sub)
}
loadVocabulary()

// ---------------------------------------------------------------------------
// Tokens

class Tok {
  constructor(
    public k: number,
    public s: number,
    public e: number,
    public sub: number,
    public v: number | null,
    public f: number,
    public canon: string | null,
    public ent: Entry | null,
  ) {}
}

// NUM flags
const N_RANGE = 1
const N_DASHED = 2
const N_BIG = 4
const N_MULT = 8
const N_HALF = 16 // the token is a lone 半
const N_ARABIC = 32

const isSpace = (c: number) => c === 32 || c === 9 || c === 0x2005 || c === 0xa0 || c === 0x3000 || c === 0x2002 || c === 0x2003 || c === 0x2009 || c === 0x200a || c === 0x202f
const isAsciiLetter = (c: number) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122)
const isCJK = (c: number) => (c >= 0x3400 && c <= 0x9fff) || (c >= 0xf900 && c <= 0xfaff)
const isMultChar = (c: number) => c === 120 || c === 88 || c === 42 || c === 0xd7 || c === 0x2716 || c === 43 || c === 0x2715

// punctuation that separates; LISTEND ones can close a list marker ("1." "1、" "1)")
const PUNCT_SET = new Set<number>()
for (const ch of ',，、;；。.!！?？:：~～…()（）[]【】「」『』"\'“”‘’<>《》|#&=_-—^\\{}·•●◆■□▪★☆→=》%') PUNCT_SET.add(ch.charCodeAt(0))
const PUNCT_TABLE = new Uint8Array(65536)
for (const c of PUNCT_SET) PUNCT_TABLE[c] = 1
for (const c of ['.', '、', ')', '）', '．']) PUNCT_TABLE[c.charCodeAt(0)] = 2
const PUNCT = { has: (c: number) => PUNCT_TABLE[c] !== 0 }
const LISTEND = { has: (c: number) => PUNCT_TABLE[c] === 2 }

function unitAt(s: string, i: number): boolean {
  if (i >= s.length) return false
  const c = s.charCodeAt(i)
  if (isAsciiLetter(c)) return asciiUnitAt(s, i) !== null
  const m = matchAt(s, i)
  return m !== null && m.k === T_UNIT
}
function counterAt(s: string, i: number): boolean {
  const m = matchAt(s, i)
  return m !== null && m.k === T_OTHER
}
const SCAN_CTX: ScanContext = { unitAt, counterAt }

/** An ASCII unit (kg, g, ml, L) at s[i], not followed by another letter. */
function asciiUnitAt(s: string, i: number): { canon: string; kind: number; len: number } | null {
  let j = i
  const n = s.length
  while (j < n && j - i < 8 && isAsciiLetter(s.charCodeAt(j))) j++
  if (j === i || (j < n && isAsciiLetter(s.charCodeAt(j)))) return null
  const u = ASCII_UNITS.get(s.slice(i, j).toLowerCase())
  return u ? { canon: u[0], kind: u[1], len: j - i } : null
}

function pushSep(toks: Tok[], sub: number, s: number, e: number): void {
  const last = toks.length ? toks[toks.length - 1] : null
  if (last && last.k === T_SEP) {
    // merge runs of separators, keeping the strongest kind (a list end stays visible)
    if (sub === SP_LISTEND || (last.sub !== SP_LISTEND && sub > last.sub)) last.sub = sub
    last.e = e
    return
  }
  toks.push(new Tok(T_SEP, s, e, sub, null, 0, null, null))
}

function tokenize(s: string): Tok[] {
  const toks: Tok[] = []
  const n = s.length
  let i = 0
  while (i < n) {
    const c = s.charCodeAt(i)
    if (c === 10 || c === 13) { pushSep(toks, SP_NL, i, i + 1); i++; continue }
    if (isSpace(c)) { pushSep(toks, SP_SPACE, i, i + 1); i++; continue }
    if (c === 64 /* @ */) {
      // @团长 / @物业王姐: a mention runs to the next space (WeChat puts U+2005 after it)
      let j = i + 1
      while (j < n && j - i <= 16) {
        const d = s.charCodeAt(j)
        if (isSpace(d) || d === 10 || d === 13 || d === 64 || PUNCT.has(d)) break
        j++
      }
      pushSep(toks, SP_SPACE, i, j)
      i = j
      continue
    }
    if (isMultChar(c)) {
      // 土豆x3, 土豆*3, 土豆×3, 蔬菜包+1
      let k = i + 1
      while (k < n && isSpace(s.charCodeAt(k))) k++
      const prev = i > 0 ? s.charCodeAt(i - 1) : 0
      if (k < n && isAsciiDigit(s.charCodeAt(k)) && !((c === 120 || c === 88) && isAsciiLetter(prev))) {
        const num = scanNumber(s, k, SCAN_CTX)
        if (num) {
          let f = N_MULT
          if (num.dashed) f |= N_DASHED
          if (num.end - k >= 6) f |= N_BIG
          toks.push(new Tok(T_NUM, i, num.end, 0, num.value, f, null, null))
          i = afterNumber(s, num.end, toks)
          continue
        }
      }
      if (c === 43 || c === 42 || c === 0xd7 || c === 0x2716 || c === 0x2715) { pushSep(toks, SP_PUNCT, i, i + 1); i++; continue }
    }
    if (c === 0xa5 || c === 0xffe5) { toks.push(new Tok(T_MONEY, i, i + 1, 0, null, 0, null, null)); i++; continue }
    if (isAsciiDigit(c) || isChineseNumeralChar(c)) {
      const m = matchAt(s, i)
      const num = scanNumber(s, i, SCAN_CTX)
      if (num && num.end > i && (!m || num.end - i >= m.word.length)) {
        let f = num.arabic ? N_ARABIC : 0
        if (num.range) f |= N_RANGE
        if (num.dashed) f |= N_DASHED
        if (num.arabic) {
          let d = i
          while (d < n && isAsciiDigit(s.charCodeAt(d))) d++
          if (d - i >= 5) f |= N_BIG // phone numbers, ids, room numbers
        }
        if (c === 0x534a /* 半 */ && num.end === i + 1) f |= N_HALF
        if (num.arabic && num.end + 1 < n && (s.charCodeAt(num.end) === 58 || s.charCodeAt(num.end) === 0xff1a) && isAsciiDigit(s.charCodeAt(num.end + 1))) {
          // 9:00, 8:00-17:00: a clock time
          let k = num.end + 1
          while (k < n && (isAsciiDigit(s.charCodeAt(k)) || s.charCodeAt(k) === 58 || s.charCodeAt(k) === 45 || s.charCodeAt(k) === 126)) k++
          toks.push(new Tok(T_OTHER, i, k, 0, null, 0, null, null))
          i = k
          continue
        }
        const tokEnd = num.liangUnit ? num.end - 1 : num.end
        toks.push(new Tok(T_NUM, i, tokEnd, 0, num.value, f, null, null))
        if (num.liangUnit) toks.push(new Tok(T_UNIT, tokEnd, num.end, U_MEASURE, null, 0, '两', null))
        i = num.liangUnit ? num.end : afterNumber(s, num.end, toks)
        continue
      }
      if (m) { pushEntry(toks, m, i); i += m.word.length; continue }
    }
    const m = matchAt(s, i)
    if (m) { pushEntry(toks, m, i); i += m.word.length; continue }
    if (c === 47 /* / */) { toks.push(new Tok(T_KW, i, i + 1, KW_SLASH, null, 0, null, null)); i++; continue }
    if (PUNCT.has(c)) { pushSep(toks, LISTEND.has(c) ? SP_LISTEND : SP_PUNCT, i, i + 1); i++; continue }
    if ((c >= 0x2460 && c <= 0x249b) || (c >= 0x2776 && c <= 0x2793) || (c >= 0x3251 && c <= 0x325f)) { pushSep(toks, SP_PUNCT, i, i + 1); i++; continue }
    if (isAsciiLetter(c) || isCJK(c)) {
      const last = toks.length ? toks[toks.length - 1] : null
      if (last && last.k === T_UNK && last.e === i) last.e = i + 1
      else toks.push(new Tok(T_UNK, i, i + 1, 0, null, 0, null, null))
      i++
      continue
    }
    // emoji, symbols, anything else: a soft separator
    pushSep(toks, SP_SPACE, i, i + 1)
    i++
  }
  markLeftovers(s, toks)
  return toks
}

/**
 * "只剩三片了", "冰箱里就剩两个土豆半颗白菜": what is left is not what to buy. From a 剩 word to
 * the next separator or buying verb, amounts are not quantities and names are not items.
 */
function markLeftovers(s: string, toks: Tok[]): void {
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i]
    if (t.k !== T_FILL || !t.ent || !t.ent.word.endsWith('剩')) continue
    for (let j = i + 1; j < toks.length; j++) {
      const u = toks[j]
      if (u.k === T_SEP || (u.k === T_FILL && (u.f & F_VERB)) || u.k === T_KW) break
      if (u.k === T_NUM || u.k === T_UNIT) u.k = T_OTHER
      else if (u.k === T_GOODS) u.k = T_NONGOODS
    }
  }
}

/** Classifiers that also occur inside product names ("折叠凳", "台灯", "门帘"). */
const IN_WORD_OTHER = new Set(words('门 台 口 度 折 成 路 级 部 间 批 轮 倍 辆 座 区 期'))

function pushEntry(toks: Tok[], m: Entry, i: number): void {
  if (m.k === T_SEP) { pushSep(toks, m.sub, i, i + m.word.length); return }
  if (m.k === T_OTHER && m.word.length === 1 && IN_WORD_OTHER.has(m.word)) {
    // 天, 楼, 人, 折 … only classify a number ("3天"); elsewhere they are letters of a word ("折叠凳")
    const last = toks.length ? toks[toks.length - 1] : null
    if (!(last && last.k === T_NUM && last.e === i)) {
      if (last && last.k === T_UNK && last.e === i) last.e = i + 1
      else toks.push(new Tok(T_UNK, i, i + 1, 0, null, 0, null, null))
      return
    }
  }
  if (m.k === T_UNIT && (m.sub === U_CONTAINER || m.sub === U_COUNT)) {
    // "买袋大米", "帮手买包米", "买个西瓜": a classifier right after a buying verb reads as 一
    const last = toks.length ? toks[toks.length - 1] : null
    if (last && last.k === T_FILL && (last.f & F_VERB) && last.e === i && BARE_CL_VERBS.has(last.ent ? last.ent.word : '')) {
      toks.push(new Tok(T_NUM, i, i, 0, 1, 0, null, null))
    }
  }
  toks.push(new Tok(m.k, i, i + m.word.length, m.sub, null, m.flags, m.canon, m))
}

/** Verbs after which a bare classifier means one: 买袋米, 来个西瓜, 换罐气. */
const BARE_CL_VERBS = new Set(words('买 帮买 帮我买 帮忙买 帮手买 要买 想买 团 团购 带 帮我带 帮忙带 换'))

/** After a number: read an ASCII unit, or skip spaces before a unit ("3 斤"). */
function afterNumber(s: string, j: number, toks: Tok[]): number {
  let k = j
  const n = s.length
  while (k < n && isSpace(s.charCodeAt(k))) k++
  if (k < n && isAsciiLetter(s.charCodeAt(k))) {
    const u = asciiUnitAt(s, k)
    if (u) {
      toks.push(new Tok(T_UNIT, k, k + u.len, u.kind, null, 0, u.canon, null))
      // "2 boxes of 牛奶": the English "of" joins the unit to its goods
      let e = k + u.len
      while (e < n && isSpace(s.charCodeAt(e))) e++
      if (e + 1 < n && (s.charCodeAt(e) | 32) === 111 && (s.charCodeAt(e + 1) | 32) === 102 && !(e + 2 < n && isAsciiLetter(s.charCodeAt(e + 2)))) {
        e += 2
        while (e < n && isSpace(s.charCodeAt(e))) e++
        return e
      }
      return k + u.len
    }
    return j
  }
  if (k > j && k < n) {
    const m = matchAt(s, k)
    if (m && m.k === T_UNIT) return k
  }
  return j
}

// ---------------------------------------------------------------------------
// Chunk elements

const E_G = 1 // goods span
const E_Q = 2 // quantity phrase
const E_K = 3 // keyword
const E_N = 4 // note
const E_P = 5 // a price ("5块", "10元", "58一份"): an amount next to it is a price, not a quantity

interface Qty {
  v: number | null
  unit: string | null
  uk: number
  mult: boolean // x3
  bare: boolean // a number with no unit
  desc: boolean // a package size: 十斤装, 一盒10个
  pairA: boolean // the container of a package-size pair (一盒 in 一盒10个)
  per: boolean // 每盒
  ge: boolean // after 各
  price: boolean
}

interface Span {
  name: string
  ta: number // first token
  tb: number // one past the last token
  goods: boolean // has a dictionary goods word
  med: boolean
  weak: boolean // only weak goods words ("水", "油")
  generic: boolean // a category word ("水果")
  unk: boolean // the name has letters outside the dictionary word ("孩纸")
  brandOnly: boolean
  fallback: boolean // an unknown word: an item only right next to an amount with a unit
  garbage: boolean // "土豆土豆土豆"
  qty: Qty | null
}

interface El {
  t: number
  q: Qty | null
  g: Span | null
  sub: number
  text: string
  ti: number // first token
  te: number // last token (inclusive)
}

function mkEl(t: number, ti: number, te = ti): El {
  return { t, q: null, g: null, sub: 0, text: '', ti, te }
}

function mkQty(v: number | null, unit: string | null, uk: number): Qty {
  return { v, unit, uk, mult: false, bare: false, desc: false, pairA: false, per: false, ge: false, price: false }
}

function mkSpan(name: string, ta: number, tb: number): Span {
  return { name, ta, tb, goods: false, med: false, weak: false, generic: false, unk: false, brandOnly: false, fallback: false, garbage: false, qty: null }
}

function endsWithHead(w: string): boolean {
  for (const h of HEAD_SUFFIX) if (w.endsWith(h)) return true
  return false
}

const MAX_PREFIX_UNK = 3
const MAX_SUFFIX_UNK = 2
const MAX_FALLBACK = 6

function cjkCount(s: string, a: number, b: number): number {
  let n = 0
  for (let i = a; i < b; i++) if (isCJK(s.charCodeAt(i))) n++
  return n
}

/** Characters of junk (unknown words) in s[a..b): CJK characters, and one per ASCII word. */
function junkCount(s: string, a: number, b: number): number {
  let n = 0
  let inWord = false
  for (let i = a; i < b; i++) {
    const c = s.charCodeAt(i)
    if (isCJK(c)) { n++; inWord = false } else if (isAsciiLetter(c)) { if (!inWord) n += 2; inWord = true } else inWord = false
  }
  return n
}

interface ChunkInfo {
  intent: boolean
  verb: boolean // a buying verb: 买, 要, 来, 带 …
  cond: boolean // 没有 …
  question: boolean
  past: boolean
  enough: boolean
  offer: boolean
  first: boolean // a first-person request: 我要, 帮我买
  cook: boolean // the chunk opens with a cooking verb: "做馒头"
  junk: number
  price: boolean
}

/** Goods / unknown / medicine tokens toks[a..b) become one or more spans. */
function buildSpans(s: string, toks: Tok[], a: number, b: number, out: Span[], info: ChunkInfo): void {
  // parts: [unknown prefix][brand…][goods]; a part ends at each goods word that is not a brand
  let partStart = a
  const parts: Array<[number, number]> = []
  let hasGoods = false
  let med = false
  for (let i = a; i < b; i++) {
    const t = toks[i]
    if (t.k === T_MED) {
      med = true
      parts.push([partStart, i + 1])
      partStart = i + 1
    } else if (t.k === T_GOODS) {
      hasGoods = true
      if (!(t.f & G_BRAND) || i + 1 >= b || toks[i + 1].k !== T_GOODS) {
        parts.push([partStart, i + 1])
        partStart = i + 1
      }
    }
  }
  if (med) {
    // 止泻药, 布洛芬: medicine, whatever is written around it
    const sp = mkSpan(s.slice(toks[a].s, toks[b - 1].e), a, b)
    sp.med = true
    sp.goods = hasGoods
    out.push(sp)
    return
  }
  if (!hasGoods) {
    // an unknown word: a candidate for the unit-anchored fallback
    const st = toks[a].s
    const en = toks[b - 1].e
    const sp = mkSpan(s.slice(st, en), a, b)
    const cjk = cjkCount(s, st, en)
    sp.fallback = en - st <= MAX_FALLBACK && cjk >= 2
    if (!sp.fallback) sp.garbage = true
    info.junk += junkCount(s, st, en)
    out.push(sp)
    return
  }
  if (partStart < b) {
    // a short unknown tail is part of the last name ("苹果汁"); a long one is junk
    const len = toks[b - 1].e - toks[partStart].s
    if (len <= MAX_SUFFIX_UNK) parts[parts.length - 1][1] = b
    // either way the letters are not dictionary words: they count as junk for the commentary test
    info.junk += junkCount(s, toks[partStart].s, toks[b - 1].e)
  }
  const names: string[] = []
  const flagsOf: number[] = []
  const ranges: Array<[number, number]> = []
  const unks: boolean[] = []
  for (const [pa, pb] of parts) {
    let st = pa
    while (st < pb && toks[st].k === T_UNK) st++
    let startIdx = pa
    if (st > pa) {
      // an unknown prefix: part of the name when short ("嘎啦苹果"), else a sentence fragment
      const len = toks[st - 1].e - toks[pa].s
      if (len > MAX_PREFIX_UNK) startIdx = st
      info.junk += junkCount(s, toks[pa].s, toks[st - 1].e)
    }
    if (startIdx >= pb) continue
    let fl = G_WEAK | G_BRAND | G_GENERIC
    let unk = false
    for (let i = startIdx; i < pb; i++) {
      const t = toks[i]
      if (t.k === T_GOODS) fl &= t.f
      else unk = true
    }
    unks.push(unk)
    names.push(s.slice(toks[startIdx].s, toks[pb - 1].e))
    flagsOf.push(fl)
    ranges.push([startIdx, pb])
  }
  if (names.length === 0) return
  // "土豆土豆土豆": the same word over and over is not a list
  let allSame = names.length > 1
  for (let i = 1; i < names.length && allSame; i++) if (names[i] !== names[0]) allSame = false
  if (allSame) {
    const sp = mkSpan(names[0], a, b)
    sp.goods = true
    sp.garbage = true
    out.push(sp)
    return
  }
  // goods written together are separate items, unless the last is a head ("猪肉白菜饺子")
  if (names.length > 1 && endsWithHead(names[names.length - 1])) {
    let fl = G_WEAK
    for (const f of flagsOf) fl &= f
    const sp = mkSpan(names.join(''), ranges[0][0], ranges[ranges.length - 1][1])
    sp.goods = true
    sp.weak = (fl & G_WEAK) !== 0
    out.push(sp)
    return
  }
  for (let i = 0; i < names.length; i++) {
    const sp = mkSpan(names[i], ranges[i][0], ranges[i][1])
    sp.goods = true
    sp.weak = (flagsOf[i] & G_WEAK) !== 0
    sp.generic = (flagsOf[i] & G_GENERIC) !== 0
    sp.unk = unks[i]
    sp.brandOnly = (flagsOf[i] & G_BRAND) !== 0
    out.push(sp)
  }
}

function isSpanTok(k: number): boolean {
  return k === T_GOODS || k === T_UNK || k === T_MED
}

function pushQ(els: El[], q: Qty, ti: number, te: number): void {
  const el = mkEl(E_Q, ti, te)
  el.q = q
  els.push(el)
}

function buildElements(s: string, toks: Tok[], a: number, b: number, info: ChunkInfo): El[] {
  const els: El[] = []
  let i = a
  while (i < b) {
    const t = toks[i]
    switch (t.k) {
      case T_NUM: {
        const prev = i > a ? toks[i - 1] : null
        const next = i + 1 < b ? toks[i + 1] : null
        if (t.f & (N_DASHED | N_BIG)) { info.junk += 1; i++; if (next && next.k === T_UNIT) i++; break }
        if (prev && prev.k === T_KW && prev.sub === KW_DI) { i++; if (next && (next.k === T_UNIT || next.k === T_OTHER)) i++; break }
        if (prev && prev.k === T_MONEY) { els.push(mkEl(E_P, i)); info.price = true; i++; break }
        if (next && next.k === T_FILL && i + 2 < b && toks[i + 2].k === T_UNIT && APPROX.has(s.slice(next.s, next.e))) {
          // 十来个, 二十多斤: about that many
          toks[i + 1] = t
          i++
          break
        }
        if (next && next.k === T_UNIT) {
          const ti0 = i
          let v = t.v
          let unit = next.canon
          let uk = next.sub
          let j = i + 2
          const after = j < b ? toks[j] : null
          // 块 as money: 5块钱, 5块一斤, 20块
          if (unit === '块' && after && (after.k === T_MONEY || after.k === T_NUM || (after.k === T_KW && (after.sub === KW_SLASH || after.sub === KW_EACH)))) {
            els.push(mkEl(E_P, i)); info.price = true; i = after.k === T_MONEY ? j + 1 : j; break
          }
          if (unit === '块' && v !== null && v >= 10 && !(after && after.k === T_GOODS)) { els.push(mkEl(E_P, i)); info.price = true; i = j; break }
          // 一斤半, 两个半, 一打半
          if (after && after.k === T_NUM && (after.f & N_HALF) && v !== null && Number.isInteger(v)) { v += 0.5; j++ }
          if (uk === U_DOZEN) {
            // 一打 = 12 个; "120打了" is not dozens
            if (v === null || v > 10) { i = j; break }
            v *= 12
            unit = '个'
            uk = U_COUNT
          }
          i = j
          if (v === null || v <= 0) break // 几斤: vague
          // 3个孩子, 2个老人: not an amount of goods
          if (i < b && toks[i].k === T_NONGOODS) { info.junk += 1; break }
          const q = mkQty(v, unit, uk)
          if (t.f & N_MULT) q.mult = true
          if (uk === U_VOLUME) q.desc = true
          pushQ(els, q, ti0, j - 1)
          break
        }
        if (next && (next.k === T_OTHER || next.k === T_NONGOODS)) { info.junk += 1; i += 2; break }
        if (next && next.k === T_MONEY) { els.push(mkEl(E_P, i)); info.price = true; i += 2; break }
        if (next && next.k === T_NUM && !(next.f & N_HALF) && i + 2 < b && toks[i + 2].k === T_UNIT && !(t.f & N_MULT)) {
          // 58一份, 28一板: a price
          els.push(mkEl(E_P, i)); info.price = true; i++; break
        }
        i++
        if (t.v === null || t.v <= 0) break
        if (t.f & N_MULT) {
          if (t.v >= 10000) break
          const q = mkQty(t.v, null, 0)
          q.mult = true
          pushQ(els, q, i - 1, i - 1)
          break
        }
        // house numbers; a lone 半; a Chinese numeral with no unit ("撒一小撮", "一大半")
        if (t.v >= 100 || (t.f & N_HALF) || !(t.f & N_ARABIC)) break
        const q = mkQty(t.v, null, 0)
        q.bare = true
        pushQ(els, q, i - 1, i - 1)
        break
      }
      case T_UNIT: {
        const prev = i > a ? toks[i - 1] : null
        if (prev && prev.k === T_KW && prev.sub === KW_SLASH) { els.push(mkEl(E_P, i)); info.price = true; i++; break } // 5元/斤
        if (prev && prev.k === T_KW && prev.sub === KW_EACH) {
          // 每盒10个: a package spec
          const q = mkQty(1, t.canon, t.sub === U_DOZEN ? U_COUNT : t.sub)
          q.per = true
          pushQ(els, q, i, i)
          i++
          break
        }
        // "来袋盐" has no written number: no amount is invented (qty stays null)
        i++
        break
      }
      case T_GOODS:
      case T_UNK:
      case T_MED: {
        let j = i
        while (j < b && isSpanTok(toks[j].k)) j++
        const spans: Span[] = []
        buildSpans(s, toks, i, j, spans, info)
        for (const sp of spans) {
          if (sp.garbage && !sp.goods) continue
          const el = mkEl(E_G, sp.ta, sp.tb - 1)
          el.g = sp
          els.push(el)
        }
        i = j
        break
      }
      case T_KW: {
        const el = mkEl(E_K, i)
        el.sub = t.sub
        el.text = s.slice(t.s, t.e)
        els.push(el)
        i++
        break
      }
      case T_NOTE: {
        const prev = i > a ? toks[i - 1] : null
        let text = s.slice(t.s, t.e)
        if (prev && (prev.k === T_FILL || (prev.k === T_KW && prev.sub === KW_NOTWANT))) {
          const pw = s.slice(prev.s, prev.e)
          if (pw === '要' || pw === '不要' || pw === '别' || pw === '要求') text = pw + text
        }
        const el = mkEl(E_N, i)
        el.text = text
        els.push(el)
        i++
        break
      }
      case T_MONEY:
        els.push(mkEl(E_P, i))
        info.price = true
        i++
        break
      case T_FILL: {
        if (t.f & F_INTENT) {
          // 买的, 买了, 送来的: past events, not requests
          const next = i + 1 < b ? toks[i + 1] : null
          const nw = next ? s.slice(next.s, next.e) : ''
          if (!(nw === '的' || nw === '了' || nw === '过' || nw === '到')) {
            info.intent = true
            if (t.f & F_VERB) info.verb = true
            // 我要, 帮我买, 给我: the writer's own request
            const w = s.slice(t.s, t.e)
            if (w.includes('我') || w.includes('俺')) info.first = true
          }
        }
        if (t.f & F_QUESTION) info.question = true
        if (t.f & F_PAST) info.past = true
        if (t.f & F_ENOUGH) info.enough = true
        if (t.f & F_OFFER) info.offer = true
        if (t.f & F_COOK) {
          // "做馒头", "准备蒸馒头": only filler before the cooking verb
          let lead = true
          for (let k = a; k < i; k++) if (toks[k].k !== T_FILL) lead = false
          if (lead) info.cook = true
        }
        i++
        break
      }
      case T_OTHER:
      case T_NONGOODS:
        info.junk += t.e - t.s
        i++
        break
      default:
        i++
    }
  }
  markDescriptors(els)
  for (const e of els) if (e.q && e.q.price) info.price = true
  return els
}

const APPROX = new Set(['来', '多', '余', '几'])

const isMeasureish = (q: Qty) => q.uk === U_MEASURE || q.uk === U_COUNT || q.uk === U_VOLUME

/** Package sizes and prices are not quantities: "1袋十斤的大米", "一盒10个那种", "5块一斤". */
function markDescriptors(els: El[]): void {
  let nq = 0
  for (let i = 0; i < els.length; i++) {
    const e = els[i]
    if (e.t !== E_Q || !e.q) continue
    nq++
    const q = e.q
    const prev = i > 0 ? els[i - 1] : null
    const next = i + 1 < els.length ? els[i + 1] : null
    if ((prev && prev.t === E_P) || (next && next.t === E_P)) q.price = true
    if (next && next.t === E_K && (next.sub === KW_ZHUANG || next.sub === KW_NAZHONG)) q.desc = true
    if (next && next.t === E_K && next.sub === KW_SLASH) q.price = true
    // pairs of amounts: 一盒10个 / 10个一盒 / 每盒10个
    if (next && next.t === E_Q && next.q) {
      const r = next.q
      if (q.uk === U_CONTAINER && (q.v === 1 || q.per) && r.unit !== q.unit && !r.mult && !r.bare) {
        r.desc = true
        q.pairA = true
      } else if (r.uk === U_CONTAINER && (r.v === 1 || r.per) && isMeasureish(q) && !q.mult && !q.bare) {
        q.desc = true
        r.pairA = true
      }
    }
  }
  if (nq < 2) {
    for (const e of els) if (e.q && e.q.per) e.q.desc = true
    return
  }
  // "一斤白菜要5块": 块 beside "one 斤" is money
  let kuai: Qty | null = null
  let one: Qty | null = null
  for (const e of els) {
    if (!e.q) continue
    if (e.q.unit === '块' && !e.q.mult) kuai = e.q
    else if (e.q.v === 1 && (e.q.uk === U_MEASURE || e.q.uk === U_COUNT)) one = e.q
  }
  if (kuai && one) { kuai.price = true; one.price = true }
  // amounts that are neither package sizes nor prices nor followed by 的
  let real = 0
  for (let i = 0; i < els.length; i++) {
    const e = els[i]
    if (!e.q || e.q.desc || e.q.price || e.q.pairA) continue
    const next = i + 1 < els.length ? els[i + 1] : null
    if (next && next.t === E_K && next.sub === KW_DE) continue
    real++
  }
  for (let i = 0; i < els.length; i++) {
    const e = els[i]
    if (!e.q || e.q.desc || e.q.price) continue
    const next = i + 1 < els.length ? els[i + 1] : null
    // "1袋十斤的大米": with another amount present, the one before 的 is the package size
    if (real > 0 && next && next.t === E_K && next.sub === KW_DE) e.q.desc = true
    if (real > 0 && e.q.pairA) e.q.desc = true
    if (e.q.per) e.q.desc = true
  }
}

const usable = (q: Qty | null): q is Qty => q !== null && !q.desc && !q.price

// ---------------------------------------------------------------------------
// Reading one chunk

interface PItem {
  name: string
  qty: number | null
  unit: string | null
  alternatives: string[]
  note: string | null
  op: ItemOp
  replaces: string | null
  med: boolean
  weak: boolean
  generic: boolean
  unk: boolean
  fallback: boolean
  garbage: boolean
  brandOnly: boolean
  brandNote: boolean // "要皇家的": a brand wish for the item before
  hasQty: boolean
  bareQty: boolean // the amount has no unit and no x ("土豆 3")
  chunk: number
  start: number // offsets of the name in the text (-1 when not one span)
  end: number
}

interface ChunkOut {
  items: PItem[]
  qtyOnly: Qty | null
  qtyOnlyDescOnly: boolean
  geQty: Qty | null
  geSpread: boolean // 各 with a single name before it: spread back to earlier chunks
  altRefs: string[]
  alts: string[]
  altNeedTarget: boolean
  cancelPrev: boolean
  setPrev: Qty | null
  notePrev: string | null
}

function newOut(): ChunkOut {
  return { items: [], qtyOnly: null, qtyOnlyDescOnly: false, geQty: null, geSpread: false, altRefs: [], alts: [], altNeedTarget: false, cancelPrev: false, setPrev: null, notePrev: null }
}

function emptyItem(name: string, chunk: number): PItem {
  return {
    name, qty: null, unit: null, alternatives: [], note: null, op: 'add', replaces: null,
    med: false, weak: false, generic: false, unk: false, fallback: false, garbage: false, brandOnly: false, brandNote: false, hasQty: false, bareQty: false, chunk, start: -1, end: -1,
  }
}

function setQty(it: PItem, q: Qty): void {
  it.qty = q.v
  it.unit = q.unit
  it.hasQty = true
  it.bareQty = q.bare
}

function toItem(g: Span, chunk: number): PItem {
  const it = emptyItem(g.name, chunk)
  it.med = g.med
  it.weak = g.weak
  it.generic = g.generic
  it.unk = g.unk
  it.fallback = g.fallback
  it.garbage = g.garbage
  it.brandOnly = g.brandOnly
  if (g.qty) setQty(it, g.qty)
  return it
}

/** Does the amount starting at token ti follow span g directly ("土豆3斤")? */
function adjacentAfter(g: Span, ti: number): boolean {
  return g.tb === ti
}

/** Does span g follow amount q directly, or after one 的 ("两斤的土豆")? */
function adjacentBefore(toks: Tok[], q: El, g: Span): boolean {
  if (q.te + 1 === g.ta) return true
  const mid = toks[q.te + 1]
  return q.te + 2 === g.ta && mid !== undefined && mid.k === T_KW && mid.sub === KW_DE
}

/** Pair the goods spans and amounts of els[from..to) into items. */
function pairRange(toks: Tok[], els: El[], from: number, to: number, chunk: number, out: ChunkOut, op: ItemOp = 'add'): PItem[] {
  const gIdx: number[] = []
  let firstKind = 0
  for (let i = from; i < to; i++) {
    const e = els[i]
    if (e.t === E_G) { gIdx.push(i); if (!firstKind && !e.g!.fallback) firstKind = E_G }
    else if (e.t === E_Q && usable(e.q)) { if (!firstKind) firstKind = E_Q }
  }
  for (const gi of gIdx) els[gi].g!.qty = null
  const pre = firstKind === E_Q
  let loose: Qty | null = null
  let looseDescOnly = true
  let sawQ = false
  for (let i = from; i < to; i++) {
    const e = els[i]
    if (e.t !== E_Q || !e.q) continue
    sawQ = true
    if (!usable(e.q)) continue
    looseDescOnly = false
    const q = e.q
    if (i > from && els[i - 1].t === E_K && els[i - 1].sub === KW_GE) q.ge = true
    if (q.ge) {
      // 西红柿黄瓜各2斤: every name before it without an amount
      let named = 0
      for (const gi of gIdx) if (gi < i && els[gi].g!.qty === null && !els[gi].g!.fallback) { els[gi].g!.qty = q; named++ }
      if (!out.geQty) { out.geQty = q; out.geSpread = named <= 1 }
      continue
    }
    // the name written right next to the amount wins: "两袋米", "土豆3斤"
    let before = -1
    let after = -1
    for (const gi of gIdx) {
      const g = els[gi].g!
      if (g.qty !== null) continue
      if (gi < i && adjacentAfter(g, e.ti)) before = gi
      // "一个视频", "一只橘猫": a count word before an unknown word is a sentence, not an order
      if (gi > i && after < 0 && adjacentBefore(toks, e, g) && !(g.fallback && q.uk === U_COUNT)) after = gi
    }
    let target = before >= 0 && after >= 0 ? (pre ? after : before) : before >= 0 ? before : after
    if (target < 0) {
      // otherwise the nearest goods name in the reading direction ("土豆要3斤")
      const ok = (gi: number) => els[gi].g!.qty === null && !els[gi].g!.fallback
      if (pre) {
        for (const gi of gIdx) if (gi > i && ok(gi)) { target = gi; break }
        if (target < 0) for (let k = gIdx.length - 1; k >= 0; k--) if (gIdx[k] < i && ok(gIdx[k])) { target = gIdx[k]; break }
      } else {
        for (let k = gIdx.length - 1; k >= 0; k--) if (gIdx[k] < i && ok(gIdx[k])) { target = gIdx[k]; break }
        if (target < 0) for (const gi of gIdx) if (gi > i && ok(gi)) { target = gi; break }
      }
    }
    if (target >= 0) els[target].g!.qty = q
    else if (!loose) loose = q
  }
  if (gIdx.length === 0) {
    if (loose && !out.qtyOnly) out.qtyOnly = loose
    if (sawQ && looseDescOnly) out.qtyOnlyDescOnly = true
    return []
  }
  const items: PItem[] = []
  for (const gi of gIdx) {
    const g = els[gi].g!
    const it = toItem(g, chunk)
    it.op = op
    it.start = toks[g.ta].s
    it.end = toks[g.tb - 1].e
    const nt = toks[g.tb]
    if (g.brandOnly && !g.qty && nt && nt.k === T_KW && nt.sub === KW_DE) it.brandNote = true
    items.push(it)
  }
  // notes go to the nearest name before them (or the first)
  for (let i = from; i < to; i++) {
    const e = els[i]
    if (e.t !== E_N) continue
    let best = 0
    for (let k = 0; k < gIdx.length; k++) if (gIdx[k] < i) best = k
    const it = items[best]
    it.note = it.note ? it.note + ' ' + e.text : e.text
  }
  return items
}

function goodsNames(els: El[], from: number, to: number): string[] {
  const out: string[] = []
  for (let i = from; i < to; i++) {
    const g = els[i].g
    if (els[i].t === E_G && g && !g.med && !g.garbage && g.goods) out.push(g.name)
  }
  return out
}

function findK(els: El[], from: number, to: number, sub: number): number {
  for (let i = from; i < to; i++) if (els[i].t === E_K && els[i].sub === sub) return i
  return -1
}

function hasG(els: El[], from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (els[i].t === E_G && els[i].g!.goods) return true
  return false
}

function firstUsableQ(els: El[], from: number, to: number): Qty | null {
  for (let i = from; i < to; i++) if (els[i].t === E_Q && usable(els[i].q)) return els[i].q
  return null
}

function hasNote(els: El[], from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (els[i].t === E_N) return true
  return false
}

function readChunk(s: string, toks: Tok[], b: number, els: El[], chunk: number, info: ChunkInfo): ChunkOut {
  const out = newOut()
  const n = els.length
  // substitutions: 没有X(可以)换Y / X没有就要Y / 没有的话Y也行 / 没有就算了
  const cond = findK(els, 0, n, KW_COND)
  if (cond >= 0) {
    info.intent = true
    info.cond = true
    out.items = pairRange(toks, els, 0, cond, chunk, out)
    const from = cond + 1
    if (findK(els, from, n, KW_CANCEL) >= 0 || findK(els, from, n, KW_NOTWANT) >= 0) return out
    let sw = -1
    for (let i = from; i < n; i++) {
      const e = els[i]
      if (e.t === E_K && (e.sub === KW_SWITCH || e.sub === KW_SWAP || e.sub === KW_SET || e.sub === KW_OR)) { sw = i; break }
    }
    const ok = findK(els, from, n, KW_OK)
    let refs: string[] = []
    let alts: string[] = []
    if (sw >= 0) {
      refs = goodsNames(els, from, sw)
      alts = goodsNames(els, sw + 1, ok >= 0 ? ok : n)
    } else if (ok >= 0) {
      const gs = goodsNames(els, from, ok)
      if (gs.length) { alts = [gs[gs.length - 1]]; refs = gs.slice(0, -1) }
    } else if (out.items.length === 0) {
      // 家里没有米了: a need, not a substitution
      out.items = pairRange(toks, els, from, n, chunk, out)
      return out
    } else {
      alts = goodsNames(els, from, n)
    }
    if (refs.length === 0 && alts.length === 0) return out
    out.altRefs = refs
    out.alts = alts
    out.altNeedTarget = true
    return out
  }
  // X或者Y
  const or = findK(els, 0, n, KW_OR)
  const slash = or < 0 ? findK(els, 0, n, KW_SLASH) : -1
  const orAt = or >= 0 ? or : slash >= 0 && hasG(els, 0, slash) && hasG(els, slash + 1, n) ? slash : -1
  if (orAt >= 0) {
    // "（伊利或者蒙牛都行）": a choice of brand for the item before
    let brands = 0
    let others = 0
    for (let i = 0; i < n; i++) {
      const e = els[i]
      if (e.t === E_G) { if (e.g!.brandOnly) brands++; else others++ }
      else if (e.t === E_Q && usable(e.q)) others++
    }
    if (brands >= 2 && others === 0) {
      let first = -1
      for (let i = 0; i < n; i++) if (els[i].t === E_G) { first = i; break }
      out.notePrev = s.slice(toks[els[first].ti].s, toks[b - 1].e)
      return out
    }
    const before = pairRange(toks, els, 0, orAt, chunk, out)
    const alts = goodsNames(els, orAt + 1, n)
    if (before.length) {
      const prim = before[before.length - 1]
      for (const al of alts) if (al !== prim.name && !prim.alternatives.includes(al)) prim.alternatives.push(al)
      if (!prim.hasQty) {
        const q = firstUsableQ(els, orAt + 1, n)
        if (q) setQty(prim, q)
      }
      out.items = before
      return out
    }
    if (alts.length) { out.alts = alts; out.altNeedTarget = true; return out }
    out.items = pairRange(toks, els, orAt + 1, n, chunk, out)
    return out
  }
  // "（猪肉两斤） 排骨也行": a name offered instead of the item before, in a chunk of its own
  const okAt = findK(els, 0, n, KW_OK)
  if (okAt > 0 && chunk > 0 && hasG(els, 0, okAt) && !firstUsableQ(els, 0, n) && findK(els, 0, okAt, KW_GE) < 0) {
    const alts = goodsNames(els, 0, okAt)
    if (alts.length) {
      out.alts = alts
      out.altNeedTarget = true
      return out
    }
  }
  // corrections: 土豆改成5斤 / 刚才的土豆改5斤 / 土豆换成红薯
  let set = findK(els, 0, n, KW_SET)
  const swap = findK(els, 0, n, KW_SWAP)
  if (set < 0 && swap >= 0 && (hasG(els, 0, swap) || els[swap].text !== '换')) set = swap
  if (set >= 0) {
    const beforeNames = goodsNames(els, 0, set)
    const afterHasG = hasG(els, set + 1, n)
    const qAfter = firstUsableQ(els, set + 1, n)
    if (beforeNames.length === 0 && !afterHasG) {
      if (qAfter) out.setPrev = qAfter
      return out
    }
    if (!afterHasG && !qAfter) set = -1 // "猫粮要换一种": no new amount, no new name
  }
  if (set >= 0) {
    const beforeNames = goodsNames(els, 0, set)
    const afterHasG = hasG(els, set + 1, n)
    const qAfter = firstUsableQ(els, set + 1, n)
    const qBefore = firstUsableQ(els, 0, set)
    info.intent = true
    if (afterHasG) {
      const items = pairRange(toks, els, set + 1, n, chunk, out, 'set')
      if (beforeNames.length) {
        for (const it of items) {
          if (!it.hasQty && qBefore) setQty(it, qBefore)
          it.replaces = beforeNames[beforeNames.length - 1]
        }
      }
      out.items = items
      return out
    }
    const items = pairRange(toks, els, 0, set, chunk, out, 'set')
    if (qAfter && items.length) {
      setQty(items[items.length - 1], qAfter)
      out.qtyOnly = null
    }
    out.items = items
    return out
  }
  // removals: 鸡蛋不要了 / 不要鸡蛋了 / 要土豆不要红薯
  const cancel = findK(els, 0, n, KW_CANCEL)
  const notWant = findK(els, 0, n, KW_NOTWANT)
  if (cancel >= 0 || notWant >= 0) {
    const k = notWant >= 0 && (cancel < 0 || notWant < cancel) ? notWant : cancel
    const afterG = hasG(els, k + 1, n)
    if (els[k].sub === KW_NOTWANT && !afterG && hasNote(els, k + 1, n)) {
      // 不要太肥的: a note, not a removal
      out.items = pairRange(toks, els, 0, n, chunk, out)
      if (out.items.length === 0) {
        for (let i = k + 1; i < n; i++) {
          if (els[i].t === E_N) { out.notePrev = els[i].text.startsWith('不要') ? els[i].text : '不要' + els[i].text; break }
        }
      }
      return out
    }
    info.intent = true
    if (els[k].sub === KW_NOTWANT && afterG) {
      const keep = pairRange(toks, els, 0, k, chunk, out)
      const rem = pairRange(toks, els, k + 1, n, chunk, out, 'remove')
      out.items = [...keep, ...rem]
      return out
    }
    const rem = pairRange(toks, els, 0, k, chunk, out, 'remove')
    if (rem.length === 0) {
      // nothing named: "不要了" cancels the item before; "不要太肥" is a wish about it
      let words = false
      for (let i = els[k].te + 1; i < b; i++) if (toks[i].k === T_UNK || toks[i].k === T_NOTE) words = true
      if (words && els[k].sub === KW_NOTWANT) out.notePrev = s.slice(toks[els[k].ti].s, toks[b - 1].e)
      else out.cancelPrev = true
    }
    out.items = rem
    out.qtyOnly = null
    return out
  }
  out.items = pairRange(toks, els, 0, n, chunk, out)
  if (out.items.length === 0) {
    for (let i = 0; i < n; i++) if (els[i].t === E_N) out.notePrev = out.notePrev ? out.notePrev + ' ' + els[i].text : els[i].text
  }
  return out
}

// ---------------------------------------------------------------------------
// The message

const sameThing = (a: string, b: string) => a === b || a.includes(b) || b.includes(a)

/** How far back a correction or substitution looks for its item (keeps huge lists linear). */
const LOOKBACK = 200

function findItem(items: PItem[], name: string): number {
  const stop = Math.max(0, items.length - LOOKBACK)
  for (let i = items.length - 1; i >= stop; i--) if (!items[i].med && sameThing(items[i].name, name)) return i
  return -1
}

/** A post that opens with a 【…】 header of this kind is a notice or an advert, not an order. */
const NOTICE_HEADER = /^\s*[【\[]([^】\]]{0,12})[】\]]/
/** "通知：…", "统计一下：…", "提醒大家：…": a notice, a tally or advice to everyone, not the writer's order. */
const NOTICE_LEAD = /^\s*(通知|公告|通告|统计|温馨提示|提示|提醒|提醒大家|科普|汇总|统计一下|汇总一下)[一下]*\s*[:：]/
const NOTICE_WORDS = /通知|公告|通告|提示|提醒|科普|转发|团购|告知|须知|声明|广告|预告|新闻|快讯|紧急|重要/

export function parseShoppingList(text: string): OrderItem[] {
  try {
    return parse(typeof text === 'string' ? text : '')
  } catch {
    return []
  }
}

function parse(s: string): OrderItem[] {
  if (!s) return []
  const header = NOTICE_HEADER.exec(s)
  if (header && NOTICE_WORDS.test(header[1])) return []
  if (NOTICE_LEAD.test(s)) return []
  const toks = tokenize(s)
  if (toks.length === 0) return []
  const items: PItem[] = []
  const chunkInfos: ChunkInfo[] = []
  let msgIntent = false
  let msgVerb = false
  let msgPast = false
  let msgOffer = false
  let msgFirst = false
  let msgJunk = 0
  let pending: Qty | null = null
  let pendingChunk = -1
  let lastItemsChunk = -1 // the last chunk that named something
  let chunkNo = 0
  let a = 0
  const n = toks.length
  while (a < n) {
    if (toks[a].k === T_SEP) { a++; continue }
    let b = a
    while (b < n && toks[b].k !== T_SEP) b++
    const sepBefore = a > 0 ? toks[a - 1].sub : 0
    const sepAfter = b < n ? toks[b].sub : 0
    const info: ChunkInfo = { intent: false, verb: false, cond: false, question: false, past: false, enough: false, offer: false, first: false, cook: false, junk: 0, price: false }
    const els = buildElements(s, toks, a, b, info)
    const r = readChunk(s, toks, b, els, chunkNo, info)
    chunkInfos.push(info)
    if (info.intent) msgIntent = true
    if (info.verb) msgVerb = true
    if (info.past) msgPast = true
    if (info.offer) msgOffer = true
    if (info.first) msgFirst = true
    msgJunk += info.junk
    const ci = chunkNo
    chunkNo++
    a = b
    let chunkTarget = -1 // the item this chunk named (new or already listed)

    if (r.items.length) {
      const firstNew = items.length
      for (const it of r.items) {
        if (it.op === 'remove') {
          const k = findItem(items, it.name)
          if (k >= 0 && items[k].op === 'add') items.splice(k, 1)
          else items.push(it)
          continue
        }
        if (it.op === 'set') {
          const k = findItem(items, it.replaces ?? it.name)
          if (k >= 0 && items[k].op !== 'remove') {
            const old = items[k]
            if (it.hasQty) { old.qty = it.qty; old.unit = it.unit; old.hasQty = true; old.bareQty = it.bareQty }
            if (it.replaces) old.name = it.name
            if (it.note) old.note = it.note
            continue
          }
          items.push(it)
          continue
        }
        if (it.brandOnly && !it.hasQty && it.start >= 0 && items.length && !r.geQty) {
          // "奶粉 飞鹤 两罐": a brand after its product names the product's brand
          const p = items[items.length - 1]
          if (p.op === 'add' && !p.hasQty && !p.brandOnly && !p.med && p.chunk === ci - 1 && p.end >= 0 && s.slice(p.end, it.start).trim() === '') {
            p.note = p.note ? p.note + ' ' + it.name : it.name
            continue
          }
        }
        if (it.brandNote && items.length) {
          // 猫粮一袋 要皇家的
          const p = items[items.length - 1]
          const note = it.name + '的'
          p.note = p.note ? p.note + ' ' + note : note
          continue
        }
        if (!it.hasQty && pending && pendingChunk === ci - 1 && !it.med && !it.fallback) {
          setQty(it, pending)
          pending = null
        }
        if (!it.hasQty && !it.med && !it.fallback) {
          // a name said again without an amount refers to the item already listed ("鲫鱼没有就要草鱼")
          const k = findItem(items, it.name)
          if (k >= 0 && items[k].op === 'add' && !items[k].fallback) {
            // "猫砂一袋 要豆腐猫砂": the fuller name wins
            if (it.name.length > items[k].name.length && it.name.includes(items[k].name)) items[k].name = it.name
            if (it.note) items[k].note = items[k].note ? items[k].note + ' ' + it.note : it.note
            for (const al of it.alternatives) if (!items[k].alternatives.includes(al)) items[k].alternatives.push(al)
            chunkTarget = k
            continue
          }
        }
        items.push(it)
        chunkTarget = items.length - 1
      }
      // 各 spreads back over a list: 西红柿、黄瓜各2斤
      if (r.geQty && r.geSpread && sepBefore !== SP_NL) {
        for (let k = firstNew - 1; k >= 0; k--) {
          const p = items[k]
          if (p.hasQty || p.op !== 'add' || p.fallback || p.med || p.chunk < ci - 8) break
          setQty(p, r.geQty)
        }
      }
      lastItemsChunk = ci
      pending = null
    } else if (r.geQty) {
      // "西红柿 黄瓜 各2斤"
      for (let k = items.length - 1; k >= 0; k--) {
        const p = items[k]
        if (p.hasQty || p.op !== 'add' || p.fallback || p.med) break
        setQty(p, r.geQty)
      }
    } else if (r.qtyOnly && !r.qtyOnlyDescOnly) {
      const q = r.qtyOnly
      // unknown words only take the amount written right next to them
      let k = items.length - 1
      while (k >= 0 && items[k].fallback && !items[k].hasQty) k--
      const listMarker = q.bare && (sepAfter === SP_LISTEND || sepAfter === SP_NL || sepBefore === SP_NL || k < 0)
      if (!listMarker) {
        const vague = k >= 0 && items[k].hasQty && items[k].qty === 1 && (items[k].unit === '份' || items[k].unit === '个') && items[k].op === 'add'
        if (vague && q.uk === U_MEASURE && !q.bare && lastItemsChunk === ci - 1 && items[k].chunk === ci - 1) {
          // "团一份猪肉 两斤左右": the weight says how much the portion is
          setQty(items[k], q)
          lastItemsChunk = ci
        } else if (k >= 0 && !items[k].hasQty && items[k].op !== 'remove' && (!q.bare || lastItemsChunk === ci - 1)) {
          // "土豆 三斤", "猫粮快吃完了 … 两袋就够"
          setQty(items[k], q)
          lastItemsChunk = ci
        } else if (!q.bare) {
          pending = q
          pendingChunk = ci
        }
      }
    }
    if (r.altNeedTarget && (r.alts.length || r.altRefs.length)) {
      let k = -1
      for (const ref of r.altRefs) { k = findItem(items, ref); if (k >= 0) break }
      if (k < 0 && r.altRefs.length && items.length === 0) {
        // 没有豌豆尖可以换油麦菜, with no 豌豆尖 before: the item is the one named
        items.push(emptyItem(r.altRefs[0], ci))
        k = items.length - 1
        lastItemsChunk = ci
      }
      if (k < 0) k = chunkTarget >= 0 ? chunkTarget : items.length - 1
      if (k >= 0) {
        const p = items[k]
        for (const al of r.alts) if (!p.alternatives.includes(al) && !sameThing(al, p.name)) p.alternatives.push(al)
      }
    }
    if (r.cancelPrev) {
      const k = items.length - 1
      if (k >= 0 && lastItemsChunk === ci - 1) {
        // ordered in this message ("白菜一颗 … 不要了"): drop it; only named ("土豆 不要了"): a removal
        if (items[k].op === 'add' && items[k].hasQty) items.splice(k, 1)
        else { items[k].op = 'remove'; items[k].qty = null; items[k].unit = null; items[k].hasQty = false }
      }
    }
    if (r.setPrev) {
      const k = items.length - 1
      if (k >= 0) {
        // "土豆 改成5斤": a correction, unless the item was ordered with an amount in this message
        const p = items[k]
        if (!p.hasQty || p.op !== 'add') p.op = 'set'
        setQty(p, r.setPrev)
      }
    }
    if (r.notePrev) {
      const k = items.length - 1
      if (k >= 0 && lastItemsChunk >= ci - 1) items[k].note = items[k].note ? items[k].note + ' ' + r.notePrev : r.notePrev
    }
  }

  // a brand written apart from its product: "伊利 纯牛奶 2箱"
  for (let k = 0; k + 1 < items.length; k++) {
    const p = items[k]
    const nx = items[k + 1]
    if (p.brandOnly && !p.hasQty && nx.chunk === p.chunk + 1 && !nx.brandOnly && !nx.med && !nx.fallback && nx.op === p.op && !nx.name.includes(p.name) &&
      p.end >= 0 && nx.start > p.end && s.slice(p.end, nx.start).trim() === '') {
      nx.name = p.name + nx.name
      items.splice(k, 1)
      k--
    }
  }

  // a total and then its parts: "买两箱牛奶 一箱纯牛奶一箱酸奶", "两只鸡 一只乌鸡一只土鸡"
  for (let k = 0; k < items.length; k++) {
    const t = items[k]
    if (!t.hasQty || t.op !== 'add' || t.med || t.qty === null) continue
    let sum = 0
    let related = false
    for (let j = k + 1; j < items.length && j - k <= 8; j++) {
      const p = items[j]
      if (!p.hasQty || p.op !== 'add' || p.unit !== t.unit || p.chunk <= t.chunk || p.qty === null) break
      sum += p.qty
      if (sameThing(p.name, t.name)) related = true
      if (j - k >= 2 && related && Math.abs(sum - t.qty) < 1e-9) { items.splice(k, 1); k--; break }
      if (sum > t.qty) break
    }
  }

  // decide what is an item
  let anyQty = false
  for (const it of items) if (it.hasQty && !it.bareQty && !it.med && !it.fallback && it.op === 'add') anyQty = true
  // a category word beside the things themselves is their heading: "买点水果 … 苹果香蕉各两斤"
  let specific = false
  const medNames: string[] = []
  for (const it of items) if (it.med && medNames.length < 50) medNames.push(it.name)
  for (const it of items) if (!it.generic && !it.med && !it.garbage && !it.fallback && it.op === 'add') specific = true
  // "今天抢到了10斤米": a report, not an order
  if (msgPast && !msgIntent) return []
  // "明天团购 蔬菜包 39元一份 需要的私聊": an organiser's call, unless the writer orders too
  if (msgOffer && !msgFirst) return []
  let solid = 0
  for (const it of items) if (!it.weak && !it.med && !it.garbage && !it.fallback && it.op === 'add') solid++
  const keep: PItem[] = []
  for (const it of items) {
    if (it.med || it.garbage) continue
    if (!it.hasQty && it.op === 'add') {
      // 家里糖吃完了 … 有葡萄糖吗: the medicine is what was meant
      let inMed = false
      for (const m of medNames) if (m.includes(it.name)) { inMed = true; break }
      if (inMed) continue
    }
    const info = chunkInfos[it.chunk]
    // a chunk that reports what happened, with no request in it, names no order ("冰箱里的肉全坏了 … 帮我买点菜")
    if (info && info.past && !info.intent && it.op === 'add' && !info.cond) continue
    if (it.fallback) {
      // an unknown word is an item only right next to an amount with a unit, in a request: "豆角3斤"
      if (!it.hasQty || it.unit === null || !(msgIntent || anyQty)) continue
    }
    if (it.weak && it.op === 'add' && (!it.hasQty || it.bareQty)) {
      // "米，油，盐": a bare weak word is kept only as one entry of a plain list
      if (!(msgIntent && solid >= 1 && info && info.junk === 0 && !info.cond && !it.hasQty && !it.unk)) continue
    }
    if (it.generic && it.op === 'add' && !it.hasQty && (!msgVerb || specific)) continue
    if (!it.hasQty && it.op === 'add') {
      // without an amount, only a plain list or a request counts
      if (!msgIntent && !anyQty && msgJunk > 2) continue
      if (info && ((info.junk > 6 && !info.intent) || info.price || info.enough || info.cook || (info.question && !info.intent && !msgIntent))) continue
    }
    keep.push(it)
  }
  // the same thing named twice: "盐和酱油没了 … 盐一包 酱油一瓶", "土豆 土豆"
  const out: OrderItem[] = []
  const firstByName = new Map<string, number>()
  if (keep.length > LOOKBACK) {
    for (let k = 0; k < keep.length; k++) {
      const it = keep[k]
      if (it.op !== 'add') continue
      const f = firstByName.get(it.name)
      if (f === undefined || (it.hasQty && !keep[f].hasQty)) firstByName.set(it.name, k)
    }
  }
  for (let k = 0; k < keep.length; k++) {
    const it = keep[k]
    if (it.op === 'add' && !it.hasQty) {
      let dup = false
      if (keep.length <= LOOKBACK) {
        for (let m = 0; m < keep.length && !dup; m++) {
          const o = keep[m]
          if (m !== k && o.op === 'add' && sameThing(o.name, it.name) && (o.hasQty || m < k)) dup = true
        }
      } else {
        // a very long post: exact repeats only
        const first = firstByName.get(it.name)
        dup = first !== undefined && (first < k || keep[first].hasQty)
      }
      if (dup) continue
    }
    const o: OrderItem = { name: it.name, qty: it.hasQty ? it.qty : null, unit: it.hasQty ? it.unit : null, alternatives: it.alternatives, op: it.op }
    if (o.qty === null) o.unit = null
    if (it.note) o.note = it.note
    if (it.replaces) o.replaces = it.replaces
    out.push(o)
  }
  return out
}
