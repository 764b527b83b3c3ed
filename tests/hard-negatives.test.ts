// Messages that use the words of an emergency without being one (issue 15: first-aid tips,
// safety notices, films and games, dreams, past and resolved events, hyperbole with 🚑): the
// whole triage — rules and model — must not raise an alarm. Written for this test, in the styles
// residents use; none is copied from an evaluation set.
import { describe, expect, it } from 'vitest'
import { triage } from '../classifiers/triage.ts'

const KINDS: Record<string, string[]> = {
  'first-aid tips': [
    '转发给家里有老人的：老人摔倒后先别急着扶，看看能不能动，再决定要不要打120',
    '急救小常识 海姆立克法要记牢 小孩卡喉咙的时候能救命 建议收藏',
    '科普：心梗的前兆有胸闷、左臂疼、出冷汗，大家记住，早发现早送医',
  ],
  'safety notices and drills': [
    '【温馨提示】冬季取暖请注意通风，严防一氧化碳中毒，请勿在室内烧炭',
    '各位业主，本周六上午十点消防演练，届时会有烟雾和警报，请大家不要惊慌',
    'Management office reminder: the fire alarm test is on Tuesday 10am, no need to evacuate',
  ],
  'films, games and dreams': [
    '昨晚看了部灾难片 电梯坠落那段吓得我一晚上没睡好',
    '我的世界里我家房子又着火了 儿子哭着要我帮他重建',
    '梦见屋里进水了 淹到膝盖 醒来一身汗 还好是梦',
  ],
  'past and resolved events': [
    '上个月我爸在楼道摔了一跤，还好没伤到骨头，现在天天下楼遛弯了',
    '刚才说有煤气味的，燃气公司来查过了，是楼下在煮东西，虚惊一场，谢谢大家',
    '谢谢邻居们，我妈昨晚已经被120接走了，现在在医院观察，人没事',
  ],
  'hyperbole and jokes': [
    '救救我的钱包🚑 这个月又超支了',
    '加班到十点 人已经没了 🆘🆘',
    '这辣条辣得我嘴巴着火🔥 笑死',
    '热死了 空调再不修我要原地融化了',
  ],
  '急 about everyday things': ['急！！家里酱油没了 谁能借一点 4栋', '楼道灯坏了好几天了 急 晚上看不见路'],
}

describe('hard negatives: emergency words, no emergency', () => {
  for (const [kind, lines] of Object.entries(KINDS)) {
    it(kind, () => {
      for (const t of lines) {
        const r = triage(t)
        expect(r.urgent, `urgent: ${t}`).toBe(false)
        expect(r.emergency, t).toBeNull()
      }
    })
  }
})
