import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { CATEGORIES, triage } from '../classifiers/triage.ts'
import { isCancellation, isJielong, isNoise, analyze, PET_SUPPLY, GAS_CYLINDER, INFO_QUESTION, NOTICE } from '../classifiers/rules.ts'
import { normalize } from '../classifiers/normalize.ts'

const cat = (t: string) => triage(t).category

describe('CATEGORIES', () => {
  it('lists the categories in priority order', () => {
    expect(CATEGORIES).toEqual(['medical', 'repair', 'grocery', 'pet', 'emotional', 'other'])
  })
})

describe('triage: one category per need', () => {
  it('medical', () => {
    for (const t of ['我爸的降压药吃完了 谁能帮忙配一下', '孩子发烧38度5 家里没有退烧药了', '我老婆怀孕了 想问产检怎么去医院'])
      expect(cat(t), t).toBe('medical')
  })
  it('repair', () => {
    for (const t of ['卫生间漏水了 麻烦物业来看看', '楼道灯坏了好几天了', '家里停电了 空开推不上去', '电梯又坏了 住18楼下不去'])
      expect(cat(t), t).toBe('repair')
  })
  it('grocery', () => {
    for (const t of ['帮我买两斤土豆 一斤西红柿', '家里没米了 能团一袋吗', '宝宝的尿不湿快用完了 谁家有多的'])
      expect(cat(t), t).toBe('grocery')
  })
  it('pet', () => {
    for (const t of ['我家猫粮快吃完了 谁能帮带一袋', '我被隔离了 家里的狗没人遛 谁能帮忙', '楼上的狗天天半夜叫 能不能管管'])
      expect(cat(t), t).toBe('pet')
  })
  it('emotional', () => {
    for (const t of ['关在家一个月了 每天都好焦虑 睡不着', '一个人在家好孤独 没人说话 快崩溃了']) expect(cat(t), t).toBe('emotional')
  })
  it('other', () => {
    for (const t of ['收到', '好的 谢谢管家', '👍👍', '请问明天几点做核酸', '大家早上好', '物业费在哪里交']) expect(cat(t), t).toBe('other')
  })
})

describe('triage: rules that beat the model', () => {
  it('noise and 接龙 are other', () => {
    expect(isNoise('收到!')).toBe(true)
    expect(isNoise('🙏🙏🙏')).toBe(true)
    expect(isNoise('帮我买菜')).toBe(false)
    expect(isJielong('核酸接龙\n1. 3-101 张\n2. 3-102 李')).toBe(true)
    expect(triage('核酸接龙\n1. 3-101 张\n2. 3-102 李').category).toBe('other')
    expect(triage('7. 6-1201 王 2人').category).toBe('other')
  })
  it('pet supplies alone are pet; with groceries for people both', () => {
    expect(PET_SUPPLY.test('猫砂一袋')).toBe(true)
    expect(triage('猫砂两袋 冻干一罐 帮带一下').labels).toEqual(['pet'])
    expect(triage('帮我买一袋大米 再带一袋狗粮').labels).toEqual(['grocery', 'pet'])
  })
  it('a gas cylinder refill is grocery', () => {
    expect(GAS_CYLINDER.test('换一罐煤气')).toBe(true)
    expect(triage('液化气罐用完了 麻烦帮忙换一罐 5栋').category).toBe('grocery')
  })
  it('a sick pet is pet, not medical', () => {
    expect(triage('我家狗狗拉肚子好几天了 有没有兽医').category).toBe('pet')
  })
  it('information questions, notices and ads ask for nothing', () => {
    expect(INFO_QUESTION.test('鸡蛋多少钱一板')).toBe(true)
    expect(NOTICE.test('【通知】明天停水')).toBe(true)
    expect(triage('请问团购的牛奶多少钱一箱').category).toBe('other')
    expect(triage('专业开锁换锁 疏通马桶 24小时上门 电话139xxxx0000').category).toBe('other')
  })
  it('a request inside a long post is still a request', () => {
    const post = '封城快一个月了，感谢社区和志愿者每天送菜。另外想问一下，我们楼有位独居老人，她的降压药快吃完了，谁能帮忙去医院配一下？'
    expect(triage(post).category).toBe('medical')
  })
  it('long commentary is other', () => {
    const post =
      '看到新闻说全国新增病例又下降了，真的太好了。感谢所有医护人员和志愿者，你们辛苦了！大家继续坚持，戴口罩勤洗手，不信谣不传谣，春天一定会来的，加油！'
    expect(triage(post).category).toBe('other')
    expect(triage(post).urgent).toBe(false)
  })
})

describe('triage: several needs', () => {
  it('lists labels in priority order and files under the first', () => {
    const r = triage('我爸发烧了 家里退烧药没了 冰箱也空了 麻烦帮忙买点药和菜')
    expect(r.labels).toEqual(['medical', 'grocery'])
    expect(r.category).toBe('medical')
  })
  it('adds emotional only for explicit distress', () => {
    expect(triage('好害怕 我妈一直发高烧 家里没有退烧药了').labels).toEqual(['medical', 'emotional'])
    expect(triage('我妈发烧了 家里没有退烧药了 麻烦帮忙买一盒').labels).toEqual(['medical'])
  })
  it('other never appears with another label', () => {
    for (const t of ['收到', '帮我买菜', '电梯坏了 好烦啊', '家里猫粮没了 人也没吃的了']) {
      const l = triage(t).labels
      if (l.includes('other')) expect(l).toEqual(['other'])
    }
  })
})

describe('triage: urgency', () => {
  it('is urgent with the emergency kind', () => {
    const r = triage('救命 我爸倒在地上 叫不醒 3-2-502')
    expect(r).toMatchObject({ category: 'medical', urgent: true, emergency: 'medical' })
    expect(triage('楼道里好大的煤气味').emergency).toBe('gas')
    expect(triage('楼道里好大的煤气味').category).toBe('repair')
    expect(triage('有人被困在电梯里了').category).toBe('repair')
  })
  it('is not urgent for 急 about groceries, and emergency is null then', () => {
    const r = triage('急急急 家里没菜了')
    expect(r.urgent).toBe(false)
    expect(r.emergency).toBeNull()
  })
})

describe('triage: cancellations', () => {
  it('withdraws or resolves an earlier need', () => {
    for (const t of ['土豆不用买了 谢谢', '灯已经好了 不用来了', '谢谢大家 已经送医了', '刚才说的猫找到了']) {
      const r = triage(t)
      expect(r.cancels, t).toBe(true)
      expect(r.category, t).toBe('other')
      expect(r.labels).toEqual(['other'])
      expect(r.items).toEqual([])
    }
  })
  it('a fault that is still there is not a resolution, whatever words it shares with one', () => {
    for (const t of ['楼道灯不亮了', '6栋1单元楼道的灯又不亮了', '水没来了 还是没水', '电梯门打不开了']) {
      expect(triage(t).cancels, t).toBe(false)
      expect(triage(t).category, t).toBe('repair')
    }
  })
  it('a new ask after a cancellation is not a cancellation', () => {
    expect(isCancellation(normalize('土豆不用买了 但是帮我买两斤白菜'))).toBe(false)
    expect(triage('水管不用修了 但是帮我买一袋米').cancels).toBe(false)
  })
  it('a list that withdraws one thing and orders others is an order', () => {
    for (const [t, want] of [
      ['大白菜整两棵，胡萝卜三根，香菜就不要了家里有', ['大白菜', '胡萝卜']],
      ['宝宝用品\na2奶粉1段 1罐\n纸尿裤NB码 1包\n口水巾不要了，上次买的够', ['a2奶粉', '纸尿裤']],
    ] as const) {
      const r = triage(t)
      expect(r.cancels, t).toBe(false)
      expect(r.category, t).toBe('grocery')
      for (const name of want)
        expect(
          r.items.map((i) => i.name),
          t,
        ).toContain(name)
    }
  })
})

describe('triage: an emergency inside a 接龙', () => {
  it('is urgent, and the 接龙 without one is an order', () => {
    const header = '年货接龙（年糕8元/条）\n1. 2-101 年糕3条\n2. 2-202 汤圆2袋'
    expect(triage(header).urgent).toBe(false)
    expect(triage(header).category).toBe('grocery')
    const r = triage(header + '\n3. 2-301 先不接了！孩子被鱼丸卡住了 喘不上气 谁会弄 快来')
    expect(r.urgent).toBe(true)
    expect(r.emergency).toBe('medical')
  })
})

describe('triage: a list the parser reads is an order', () => {
  it.each([
    ['pinyin', 'bang wo mai 3 jin tudou, 2 ba qingcai, xiexie'],
    ['pinyin, no verb', 'qing bang mai: jidan 1 he, doufu 2 kuai, mianbao 1 dai'],
    ['an app copy', '京东上看的：\n安慕希 原味酸奶 205g*12盒 ¥69 1箱\n维达 抽纸 3层100抽 ¥39 2提\n能帮忙带吗'],
    ['emoji bullets', '🧻 卷纸 1提\n🧴 洗衣液 1桶\n🧽 洗碗布 3块\n🗑️ 垃圾袋 2卷'],
    // (bare lists and corrections the model alone read as chatter: nothing in them tells of goods)
    ['a bare list, Northeastern', '雪糕×10，冰红茶×6，整好了吱一声'],
    ['a bare list, Minnan', '养乐多×2 布丁×3 科学面×5，囡仔欲食'],
    ['a bare list with a wish', '西瓜*1 哈密瓜*2 葡萄*1 冰镇的最好'],
    ['a bare list and where to leave it', '纸1提 洗衣液1 牙膏1 放门口别敲门'],
    ['a Cantonese correction', '头先讲的鸡翼唔要住，改做鸡髀六只'],
    ['one thing and what instead', '土鸡蛋拿二十个，要是没有土鸡蛋就拿普通鸡蛋'],
    // (what it costs, asked beside the order, is about paying for it)
    ['a list and how much to pay', '封楼第四天了，家里只剩挂面。想团点：排骨两斤，青菜一斤，鸡蛋十个。多少钱跟我说，我微信转你'],
  ])('%s', (_style, text) => {
    expect(triage(text).category).toBe('grocery')
  })
  it.each([
    ['a recipe', '🍰零失败巴斯克芝士蛋糕｜烤箱小白也能做\n奶油奶酪250g、淡奶油120ml、鸡蛋2个、糖50g、低粉10g\n全部搅匀，220度烤25分钟'],
    ['a stock count', '今天物资清点完毕：大米20袋、食用油12桶、方便面6箱，均已入库'],
    ['a story', '今天下班早，去菜市场逛了一圈，买了两斤虾、一把青菜，给自己做了一顿饭。一个人的晚餐，也要认真对待🍤'],
    // (told, not asked: a price list, a shop's offer, a memory — filed only if the model reads an order)
    ['a price question', '菜场今天茄子4块一斤 豆角6块 这价钱还行吧'],
    ['a shop offer', '本店新到砂糖橘 一箱十斤 要的私我'],
    ['a memory', '小时候过年 我奶奶总要蒸两笼包子 炸一盆丸子'],
  ])('not %s', (_kind, text) => {
    expect(triage(text).category).toBe('other')
  })
})

describe('triage: needsReview', () => {
  it('flags help-seeking messages that fit no category with confidence', () => {
    const r = triage('麻烦管家帮我看一下这个怎么弄')
    expect(r.needsReview).toBe(true)
  })
  it('does not flag clear requests or noise', () => {
    expect(triage('帮我买两斤土豆').needsReview).toBe(false)
    expect(triage('收到').needsReview).toBe(false)
  })
})

describe('triage: items only where they belong', () => {
  it('parses items for grocery and pet labels only', () => {
    const r = triage('帮我买3斤土豆')
    expect(r.labels).toContain('grocery')
    expect(Array.isArray(r.items)).toBe(true)
    expect(triage('卫生间漏水了 麻烦来修 5斤水都接满了').items).toEqual([])
    expect(triage('我妈降压药没了 帮忙配两盒').items).toEqual([])
  })
  it('keeps the grocery items of a medical message', () => {
    const r = triage('我发烧了 家里没药 麻烦帮买一盒布洛芬 再带两斤鸡蛋')
    expect(r.labels).toEqual(['medical', 'grocery'])
    expect(r.category).toBe('medical')
  })
})

describe('triage: record shape', () => {
  it('returns the normalised text, a location field and a confidence in 0..1', () => {
    const r = triage('幫我買菜！！！')
    expect(r.text).toBe('帮我买菜!')
    expect('location' in r).toBe(true)
    expect(r.confidence).toBeGreaterThanOrEqual(0)
    expect(r.confidence).toBeLessThanOrEqual(1)
  })
  it('analyze() finds cue facts once per text', () => {
    const f = analyze('帮我买点菜')
    expect(f.cue.grocery).toBe(true)
    expect(f.needAsk).toBe(true)
  })
})

describe('triage: generalisation rules', () => {
  it('offers of goods or help ask for nothing', () => {
    for (const t of [
      '我家有多的酒精 要的邻居私我',
      '我这还有三包挂面 谁家缺的拿去',
      '我是医生 住12楼 谁家不舒服可以问我',
      '我帮你去药店问问',
      '我下楼顺便帮你把垃圾带下去',
    ]) {
      const r = triage(t)
      expect(r.category, t).toBe('other')
      expect(r.needsReview, t).toBe(false)
    }
  })
  it('an offer that also asks for something is a request', () => {
    expect(triage('我家有多的米 但是没有菜了 谁有青菜可以换').labels).toContain('grocery')
  })
  it('worry about family far away is emotional, never a local ticket', () => {
    expect(cat('我爸在老家 糖尿病 那边药店都关了 我在这边干着急 睡不着')).toBe('emotional')
    expect(triage('我爸在老家 糖尿病 那边药店都关了 我在这边干着急 睡不着').urgent).toBe(false)
    // asking someone here to act keeps the need
    expect(cat('我妈在老家 降压药快没了 社区能不能帮忙寄一盒过去')).toBe('medical')
  })
  it('schedule and policy questions are other, without review', () => {
    for (const t of ['请问下周还发抗原吗', '哪位知道 社区卫生站几点开门', '复诊要开什么证明才能出小区？']) {
      const r = triage(t)
      expect(r.category, t).toBe('other')
      expect(r.needsReview, t).toBe(false)
    }
    // a named fault or symptom makes the question a request
    expect(cat('厨房的燃气一直点不着 物业能来看看吗')).toBe('repair')
  })
  it('resolved reports are not requests', () => {
    for (const t of ['我爸手术很顺利 下周出院 谢谢关心', '阳台漏水的事情解决了 谢谢师傅', '宽带修好了 谢谢', '孩子烧退了 精神也好了']) {
      expect(cat(t), t).toBe('other')
    }
  })
  it('short thread replies with no need evidence are other', () => {
    for (const t of ['他家好像还没回', '你们几楼的', '我问问看', '好像是隔壁那家']) expect(cat(t), t).toBe('other')
    expect(cat('我家停电了')).toBe('repair')
  })
  it('talk of suicide alone is emotional', () => {
    const r = triage('我不想坚持了 安眠药都攒好了 对不起大家')
    expect(r.urgent).toBe(true)
    expect(r.category).toBe('emotional')
  })
})

describe('warming up at start-up', () => {
  it("triages the demo day's lines and rehearses the day in memory, once per process, leaving no trace", async () => {
    const { warmUp } = await import('../bot/warm-up.ts')
    const { openStore } = await import('../store/store.ts')
    const lines = readFileSync(new URL('../data/demo/day.jsonl', import.meta.url), 'utf8')
      .split('\n')
      .filter((l) => l.trim())
    const texts = lines.filter((l) => typeof JSON.parse(l).text === 'string' && JSON.parse(l).text)
    const dir = mkdtempSync(join(tmpdir(), 'warm-'))
    const db = openStore(join(dir, 'bot.db'))
    const first = warmUp()
    // Another suite of this process may have warmed it already: then there is nothing left to do.
    if (first) expect(first).toEqual({ triaged: texts.length, rehearsed: lines.length })
    expect(texts.length).toBeGreaterThan(300)
    expect(warmUp()).toBeNull()
    // The rehearsal had its own store: the bot's has nothing in it.
    for (const table of ['inbound', 'tickets', 'outbox', 'orders']) {
      expect((db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n).toBe(0)
    }
    db.close()
    rmSync(dir, { recursive: true, force: true })
  })
})

describe('triage: contexts learnt since the model was trained (late_unless)', () => {
  it('switch a certain cue off after the model, so a reminder about a brazier is not urgent', () => {
    const r = triage('我看到5栋一楼有人在屋里烧炭盆取暖，门窗都开着，提醒一下大家睡前记得灭火通风')
    // (whether the model asks a steward to look is the model's: only the certainty is switched off)
    expect(r.urgent).toBe(false)
  })
  it('but the same brazier with dying spoken of stays urgent, on the suicide path', () => {
    const r = triage('屋里冷得很 烧炭盆取暖也暖不了心 我真的不想活了')
    expect(r.urgent).toBe(true)
    expect(r.emergency).toBe('suicide')
  })
  it('and a kind switched off so says nothing of what the emergency is', async () => {
    const { assessUrgency, withLateUnless } = await import('../classifiers/urgency.ts')
    const { canonical } = await import('../classifiers/dialect.ts')
    const t = canonical(normalize('一家三口头痛呕吐 烧炭取暖 2栋'))
    const before = assessUrgency(t)
    const after = withLateUnless(before, t)
    expect(before.cues).toContain('suicide-direct')
    expect(after.cues).not.toContain('suicide-direct')
    expect(after.suppressed).toContain('suicide-direct:late-unless')
    // (the model still flags it, as carbon monoxide it is, not as a suicide)
    const r = triage('一家三口头痛呕吐 烧炭取暖 2栋')
    expect(r.urgent).toBe(true)
    expect(r.emergency).not.toBe('suicide')
  })
})
