import { describe, expect, it } from 'vitest'
import { normalize } from '../classifiers/normalize.ts'
import { assessUrgency } from '../classifiers/urgency.ts'
import { triage } from '../classifiers/triage.ts'
import type { EmergencyKind } from '../classifiers/types.ts'

const u = (t: string) => assessUrgency(normalize(t))

function expectUrgent(kind: EmergencyKind, lines: string[]): void {
  for (const line of lines) {
    const r = u(line)
    expect(r.urgent, `should be urgent: ${line}`).toBe(true)
    expect(r.emergency, `kind of: ${line}`).toBe(kind)
  }
}
function expectCalm(lines: string[]): void {
  for (const line of lines) {
    const r = u(line)
    expect(r.urgent, `should not be urgent: ${line} (cues ${r.cues.join(',')})`).toBe(false)
    expect(r.emergency).toBeNull()
  }
}

describe('urgency: medical families', () => {
  it('bleeding', () =>
    expectUrgent('medical', [
      '我爸削水果把手割了 血止不住 地上一滩',
      '孩子头磕破了 一直在流血 7栋',
      '鼻血流了一个多小时了 还是止不住',
      '老人咳血 咳了好几口',
    ]))
  it('falls', () =>
    expectUrgent('medical', ['我外婆在厨房滑倒了 起不来', '爷爷从梯子上摔下来 腿好像断了', '邻居阿姨在楼梯上摔倒 头上都是血']))
  it('unconsciousness', () =>
    expectUrgent('medical', ['我老公突然晕倒了 叫不醒', '楼下有个人倒在地上不动了', '奶奶怎么喊都没反应 快来人', '我妈昏过去了 3-1-202']))
  it('breathing', () =>
    expectUrgent('medical', ['我爸喘不上气 嘴唇发紫', '孩子吃果冻噎住了', '老人呼吸很困难 血氧只有85', '宝宝呛奶了 脸都青了']))
  it('chest pain', () => expectUrgent('medical', ['我老伴胸口疼得厉害 一直出冷汗', '胸口像压了块大石头 喘不过来', '他心脏病犯了 药在哪']))
  it('stroke signs', () => expectUrgent('medical', ['我妈突然嘴歪了 说话不清楚', '爸爸半边身子动不了了', '外公好像中风了 一只手抬不起来']))
  it('convulsions', () => expectUrgent('medical', ['儿子在抽搐 眼睛往上翻', '老公癫痫发作了 口吐白沫', '宝宝高烧抽了一下 现在还在哭']))
  it('labour and pregnancy', () =>
    expectUrgent('medical', ['我老婆羊水破了 怎么去医院', '孕妇见红了 肚子一阵一阵疼', '她要生了 救护车还没到', '怀孕七个月 下面出血了']))
  it('burns and electric shock', () => expectUrgent('medical', ['孩子被开水烫伤了 手臂起了大泡', '我爸修电器被电到了 现在躺着不动']))
  it('poisoning and overdose', () =>
    expectUrgent('medical', ['我奶奶误喝了洗洁精', '儿子把一瓶药全吃了', '一家人煤炉取暖 一氧化碳中毒了 头晕想吐']))
  it('high fever in a small child', () =>
    expectUrgent('medical', ['宝宝烧到40度了 精神很差', '两岁的孩子发烧39.5 手脚冰凉', '三个月大的宝宝发烧38度5']))
})

describe('urgency: safety families', () => {
  it('fire, smoke and sparks', () =>
    expectUrgent('fire', ['楼下着火了!!', '走廊里全是烟 看不清路', '插座冒火花了 还有焦味', '厨房油锅烧起来了 灭不掉', '电动车电瓶在冒烟']))
  it('gas', () =>
    expectUrgent('gas', ['单元里好大一股煤气味', '我家燃气管好像漏了 味道很冲', '天然气泄漏了 快来人', '闻到燃气味 不知道哪家的']))
  it('flooding now', () =>
    expectUrgent('flood', [
      '水管爆了 水在往外喷',
      '家里被淹了 水还在涨',
      '楼上往下灌水 我家天花板在流水 客厅全是水',
      '水漫到楼道了 流到电梯井里',
    ]))
  it('trapped: elevator and vulnerable people alone', () =>
    expectUrgent('trapped', [
      '有人被困在电梯里了 3栋',
      '电梯卡住了 我儿子在里面',
      '孩子一个人被锁在家里 才两岁 大人被拉去隔离了',
      '瘫痪的老人一个人在家 保姆被转运走了 没人照顾',
    ]))
  it('violence', () => expectUrgent('violence', ['隔壁男的在打老婆 一直在喊救命', '楼下有人拿着刀在追人', '我老公喝醉了要打我 快报警']))
  it('suicide, direct and indirect', () =>
    expectUrgent('suicide', [
      '我真的不想活了',
      '活着没意思 今晚就结束吧',
      '药都攒够了 对不起大家',
      '我在楼顶 风好大 不想下去了',
      '别找我了 照顾好我妈',
      '我是个累赘 我走了你们就轻松了',
      '对面有人坐在窗台上 好像要跳',
    ]))
})

describe('urgency: what switches a cue off', () => {
  it('negation', () => expectCalm(['没有流血 就是擦破点皮', '没闻到煤气味 就是有点臭', '孩子没发烧 就是有点咳嗽', '不是着火 是楼下在烧烤']))
  it('resolution', () =>
    expectCalm([
      '我妈刚才晕倒了 现在醒了 没事了',
      '谢谢大家 已经送医了',
      '刚才楼下冒烟 火已经灭了 虚惊一场',
      '水管爆了 我已经把总阀关了 明天来修就行',
      '电梯里的人已经救出来了 都没事',
    ]))
  it('jokes and hyperbole', () =>
    expectCalm([
      '急死我了 快递还没到',
      '笑死 我要窒息了',
      '饿死了 外卖什么时候到',
      '热死了 想死',
      '救命 这网课太难了哈哈',
      '今天的菜难吃到吐血哈哈',
      '想死你们了 解封了一起吃饭',
      '跳楼价甩卖 快来抢',
    ]))
  it('news, forwards and other places', () =>
    expectCalm([
      '转发:某地一小区发生火灾 已造成多人受伤',
      '据报道 某市一名老人在家中晕倒多日无人发现',
      '网传某小区有人跳楼 大家不要传谣',
      '昨晚刷到新闻，说某地有个孩子在家里被烫伤了，看得我好心疼。大家家里有小孩的一定注意热水。',
    ]))
  it('a local emergency is urgent even when the message also mentions news', () =>
    expectUrgent('medical', ['请大家帮忙转发 五栋一位大爷摔倒了 头上在流血 物业快来', '刚看完新闻 结果我爸突然晕倒了 叫不醒']))
  it('past events', () => expectCalm(['去年我爸中风过一次 现在康复得挺好', '上次电梯困人的事物业处理得很慢', '前几天摔了一跤 今天好多了']))
  it('hypotheticals, notices and policy questions', () =>
    expectCalm([
      '如果半夜有人心脏病发作 小区能叫救护车进来吗',
      '提醒大家 不要在楼道给电动车充电 容易起火',
      '万一家里燃气泄漏了应该打哪个电话',
      '孕妇临产的话可以出小区吗 需要什么证明',
    ]))
  it('everyday requests that say 急 are not urgent', () =>
    expectCalm(['急!家里没菜了 帮忙买点', '灯坏了 急 今晚能修吗', '降压药快吃完了 比较急', '停水了 急着做饭']))
  it('pets are not medical emergencies', () => expectCalm(['我家猫吐了好几次 不吃东西', '狗狗腿流血了 有没有兽医', '仓鼠好像快不行了']))
  it('plain problems of the building', () =>
    expectCalm(['卫生间有点渗水', '电梯坏了 停在一楼', '家里没有燃气了 打不着火', '换一罐煤气', '楼道灯不亮']))
})

describe('urgency: odd input', () => {
  it('handles letter-spaced text', () => {
    expect(u('我 妈 摔 倒 了 起 不 来').urgent).toBe(true)
  })
  it('handles empty and huge input', () => {
    expect(u('').urgent).toBe(false)
    expect(u('谢谢大家'.repeat(30000)).urgent).toBe(false)
    expect(u('谢谢大家'.repeat(30000) + ' 我爸突然晕倒了 叫不醒').urgent).toBe(true)
  })
})

describe('urgency: generalisation rules (far away, mourning, carer present, gas cleared, burning smell)', () => {
  it('a relative far away who does not answer the phone is not an emergency here', () => {
    expectCalm(['我外公在老家 有高血压 打电话一直没人接 急得我', '姑姑住养老院 这两天电话都打不通 不知道怎么回事'])
  })
  it('a neighbour who does not answer the door still is', () => {
    expectUrgent('medical', ['楼下独居的奶奶 敲门没人应 她有心脏病 好几天没见她出门了'])
  })
  it('a medical cue about someone who has died is mourning, not an emergency', () => {
    expectCalm(['外婆前几天走了 是脑溢血 后事都只能从简', '舅舅的葬礼今天办的 他是心梗走的 好突然'])
  })
  it('a parent writing "我一个人" with the children is not leaving them alone', () => {
    expectCalm(['老婆在外地封着 我一个人带两个娃 快熬不住了'])
    expectUrgent('trapped', ['大人都被拉去隔离了 家里只剩一个三岁的孩子 没人照顾'])
  })
  it('a gas smell that was checked and cleared is not urgent', () => {
    expectCalm(['下午那股燃气味燃气公司来查过了 没有泄漏 是隔壁烧菜'])
  })
  it('a burning smell that keeps getting stronger is', () => {
    expectUrgent('fire', ['走廊里有股烧焦的味道 越来越重 不知道是谁家'])
  })
})

describe('urgency: a treated injury reported afterwards', () => {
  it('is not an emergency when the message says it is being treated, and still is when help is asked', () => {
    expect(triage('我妈做完手术了 髋骨骨折 要住院一段时间 谢谢大家关心').urgent).toBe(false)
    expect(triage('我妈摔倒了 好像骨折了 谢谢大家 快来人帮忙').urgent).toBe(true)
  })
})
