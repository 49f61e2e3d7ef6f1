import { describe, expect, it } from 'vitest';
import { canonicalize } from '../../src/intake/canon.js';
import { normalizeText } from '../../src/intake/normalize.js';
import { detectUrgent } from '../../src/intake/urgency.js';

const kindOf = (text: string) => detectUrgent(canonicalize(normalizeText(text)))?.kind ?? null;

describe('detectUrgent: hazard concepts from slot combinations', () => {
  it.each<[string, string]>([
    // gas: a gas word with a smell, a leak or a symptom, in either order; rotten eggs; an alarm
    ['家里好浓的气味 像煤气 头有点晕', 'gas'],
    ['谁家煤气没关 楼道里呛死人了', 'gas'],
    ['液化气罐那块嗤嗤响', 'gas'],
    ['单元门口一股臭鸡蛋味 越往上越冲', 'gas'],
    ['报警器滴滴滴一直叫 屋里有点味', 'gas'],
    ['屋里成天有股煤气味 今天特别重', 'gas'],
    // fire and smoke in many words
    ['老刘家冒烟了', 'fire'],
    ['垃圾房好像着了 烟呛得窗都不敢开', 'fire'],
    ['对面6楼有火光 噼里啪啦响', 'fire'],
    ['楼道里焦糊味很重 烟雾报警器在响', 'fire'],
    // water into a home, a burst pipe
    ['水从楼上哗哗往下流 我家床都湿了', 'flood'],
    ['地下室的水管爆了 水往外喷', 'flood'],
    // someone held by a lift
    ['lift卡住了 我在里面 门打不开', 'trapped'],
    ['电梯停在两层中间了 我老公在里面', 'trapped'],
    ['电梯里困了个小孩 一直在哭', 'trapped'],
    // people: collapse, a fall with no getting up, self-harm, missing
    ['我奶奶倒了 起不来 在厨房', 'person'],
    ['一个老爷子在楼梯上滑下来了 头流血', 'person'],
    ['我老伴突然说不出话 半边身子动不了', 'person'],
    ['对门阿姨喘不上气 嘴唇发紫', 'person'],
    ['14栋楼顶站着个人 看着像是想不开', 'suicide'],
    ['我爷爷早上出门遛弯到现在没回', 'missing'],
    ['娃刚在滑梯那玩 一转身就没了', 'missing'],
    ['三楼那家小孩在阳台上哭着往外爬', 'missing'],
    // electricity, crime under way
    ['地下车库一根电缆皮破了 铜线裸露着', 'livewire'],
    ['单元门口电箱冒火星子 滋滋响 有股焦味', 'livewire'],
    ['有人在撬我家门 我在屋里不敢出声', 'intrusion'],
    ['有个人从一楼窗户翻进屋了', 'intrusion'],
    ['车库有个人一辆一辆拉车门 现在还在', 'intrusion'],
    ['两口子打起来了 都流血了', 'violence'],
    // broader words for the same concepts (found by blind set r5)
    ['屋里一股怪味 像烧煤的那种 老人头疼得厉害', 'gas'],
    ['有户人家锅烧干了 满楼道都是烟', 'fire'],
    ['客厅水已经没过脚面了 管子破了', 'flood'],
    ['有个骑电动车的被车撞了 躺着起不来', 'person'],
    ['我家娃吃了药瓶里的药 不知道吃了多少', 'person'],
    ['小男孩跟他奶奶在广场走散了', 'missing'],
    ['闺女放学该到家了 电话手表一直关机', 'missing'],
    ['路灯杆底座的线都露出来了 还在冒电火花', 'livewire'],
    ['我家的门锁被人在外面捅 一直在转', 'intrusion'],
    ['有个人正在一家一家推门', 'intrusion'],
    ['楼下两个人拿着钢管在打 一个已经倒了', 'violence'],
  ])('%s → %s', (text, kind) => {
    expect(kindOf(text)).toBe(kind);
  });
});

describe('detectUrgent: guards scoped to the clause or the message', () => {
  it.each<[string]>([
    // past frame holds over the following clauses until a present cue
    ['我家老人昨天在小区摔了 当时起不来 后来邻居扶回家了'],
    ['我爸前两天晕倒过一次 现在出院了'],
    ['上周电梯困人那次 维保半小时才到'],
    ['去年那次电梯困人以后 到现在也没检修过'],
    // chronic nuisances, near misses, hypotheticals, negation, advice
    ['饭店后厨排烟管天天冒黑烟'],
    ['物业的保安天天在岗亭里睡觉 叫都叫不醒'],
    ['我刚才差点在门口台阶摔倒'],
    ['万一着火了 灭火器都过期了'],
    ['楼道里纸箱太多 真着起火来跑都跑不掉'],
    ['电梯又坏了 停在5楼不动 没人在里面'],
    ['热水器打不着火 是不是燃气没气了'],
    // smells that are rubbish or sewage, cooking, flames of a stove
    ['垃圾桶那边臭得要命 跟臭鸡蛋一样'],
    ['今天烧了一桌菜 厨房烟熏火燎的'],
    ['煤气灶的火苗是黄的 烧水老慢'],
    // message-wide: news elsewhere, drills, notices, all-clear, dreams, ads
    ['新闻说隔壁小区昨天燃气爆炸了'],
    ['今天下午消防演习 会有人喊着火了'],
    ['电梯维保通知：本周五下午电梯暂停使用'],
    ['刚才燃气公司来过了 查了说没漏 是下水道的味'],
    ['昨天那个走丢的小孩找到了'],
    ['昨晚做梦梦见家里着火了'],
    ['撬锁开锁的广告贴满了单元门'],
    // look-alikes of the slots
    ['孩子的疫苗本丢了 去哪补办'],
    ['我儿子大学毕业了 还没找到工作'],
    ['楼下好多蚂蚁 家里也爬进来了'],
    ['家里灯泡坏了不会换'],
    ['消防栓的门被人撬了 水带也没了'],
    ['小区花园的路灯线被人挖断了 一整片都不亮'],
    ['垃圾桶旁边老鼠好大一个跑来跑去的 吓死人了'],
    ['楼下大爷天天在楼道里晒烟叶 味道很大'],
    ['走丢的那个老奶奶已经被民警送回来了'],
    ['防溺水 安全教育 家长们暑假看好孩子'],
    ['外地有个小区电梯夹死人了'],
  ])('%s → not urgent', (text) => {
    expect(kindOf(text)).toBeNull();
  });

  it('lets a danger that started earlier count when it goes on now', () => {
    expect(kindOf('从昨天开始楼道就一股煤气味 现在还有')).toBe('gas');
  });
});
