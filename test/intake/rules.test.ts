import { describe, expect, it } from 'vitest';
import { evaluate, meetsThresholds } from '../../src/intake/evaluate.js';
import { classifyByRules, type Category, type Intent, type Urgency } from '../../src/intake/index.js';
import { devSetPath, fixture, loadSet } from './sets.js';

/** Each sentence, read by the rules alone, gives this intent, category and urgency. */
function readsAs(rows: [string, Intent, Category | null, Urgency | null][]): void {
  it.each(rows)('%s → %s / %s / %s', (text, intent, category, urgency) => {
    const r = classifyByRules(text);
    expect(r.intent).toBe(intent);
    expect(r.category).toBe(category);
    expect(r.urgency).toBe(urgency);
  });
}

describe('classifyByRules: intents', () => {
  it.each<[string, Intent]>([
    // chat: completion, negation of need, thanks, praise, forwards, ads, small talk
    ['修好了 谢谢', 'chat'],
    // r6: an earlier sign-up referred to, a found thing handed in, joining or leaving in other words
    ['我报名的植树活动几点集合来着', 'query'],
    ['在东门捡到一个钱包 已经交给门卫了', 'chat'],
    ['我能参加吗 我会剪头发', 'signup'],
    ['给我也算上 8栋 老刘', 'signup'],
    ['周六的巡逻我去不了了 名字删了吧', 'signup'],
    ['前天投诉的垃圾问题 一直没人回复', 'query'],
    ['业委会收的停车费 钱去哪了 要求公示', 'report'],
    ['不用了 我自己弄好了', 'chat'],
    ['已经没事了', 'chat'],
    ['路灯修好了 谢谢物业师傅 辛苦了👍', 'chat'],
    ['转发：冬季防火 严禁飞线充电', 'chat'],
    ['【县公安局】提醒：谨防电信诈骗', 'chat'],
    ['专业疏通下水道 随叫随到 价格公道 电话15983329061', 'chat'],
    ['自家的土鸡蛋 要的私聊', 'chat'],
    ['收到', 'chat'],
    ['🌹🌹🌹', 'chat'],
    ['', 'chat'],
    ['哈哈 我们楼的电梯比我岁数都大😂', 'chat'],
    ['请大家注意 有人冒充燃气公司上门推销 不要上当', 'chat'],
    // report, including a complaint phrased as a question
    ['楼道灯什么时候能修啊 天天摸黑', 'report'],
    ['3栋电梯坏了', 'report'],
    ['各位领导好：单元门的门禁坏了半个月了，请尽快安排维修。谢谢！', 'report'],
    ['还没修好 又坏了 三天了', 'report'],
    ['+1 我们单元的灯也不亮', 'report'],
    ['低保怎么申请', 'report'],
    // query
    ['我昨天报的路灯修了没', 'query'],
    ['我们楼的楼栋长是谁', 'query'],
    ['我有多少积分', 'query'],
    ['最近有啥活动能报名不', 'query'],
    ['查询 #3', 'query'],
    // signup
    ['报名', 'signup'],
    ['算我一个', 'signup'],
    ['+1', 'signup'],
    ['＋１', 'signup'],
    ['取消报名 周六要加班', 'signup'],
    ['报名#A1', 'signup'],
    // news, drills, notices relayed by neighbours and questions to neighbours are chat
    ['刚看新闻 隔壁区一个小区着火了 烧了好几层 大家注意', 'chat'],
    ['下午2点到4点演练 会拉警报 楼里会有人喊着火了 大家别当真', 'chat'],
    ['燃起公司明天来安检家里要留人哦大家记得', 'chat'],
    ['社区卫生服务中心提醒：65岁以上老人免费体检开始了', 'chat'],
    ['请问谁家有梯子借我用一下 换个灯泡', 'chat'],
    ['专业开锁换锁 修马桶 上门快 价格低 电话13912345678', 'chat'],
    ['燃气公司说明天来安检 我家白天没人 能不能改个时间', 'report'],
    ['煤气费怎么交啊 以前是上门收的', 'report'],
    ['孩子发高烧 家里没车 哪位邻居能帮忙送一下医院', 'report'],
    // sign-ups and progress in more phrasings
    ['义务理发那个我能去 我以前是理发师', 'signup'],
    ['陪读志愿者还要人吗 要的话我来', 'signup'],
    ['我屋里老头也报个名 他会修自行车', 'signup'],
    ['不好意思 我报的那个巡逻退了吧', 'signup'],
    ['昨天我报的停水 修好了没', 'query'],
    ['我的工单号是多少 忘记了', 'query'],
    ['看到朋友圈说城东有个小区着大火了 好吓人', 'chat'],
    ['谁捡到一串钥匙 我今早在东门丢的', 'chat'],
    ['今天楼下广场舞跳得真热闹 我也去跳了两圈', 'chat'],
    ['我上周三报的那个下水道 咋还没动静', 'query'],
    ['这个月的志愿活动都有哪些', 'query'],
    ['巡逻队缺人的话 我晚上有空', 'signup'],
    ['1. 张建国 2. 李秀英 3. 王芳', 'signup'],
    ['我和我闺女一块去 她是大学生', 'signup'],
    // a danger named as news elsewhere, a dream or an all-clear asks nobody to act
    ['隔壁小区有孩子走丢了 大家看好自己家娃', 'chat'],
    ['昨晚做梦梦见家里着火了 吓醒 哈哈', 'chat'],
    ['刚才燃气公司来过了 查了说没漏 是下水道的味', 'chat'],
    ['昨晚12栋着火的事 消防说是电动车引起的 大家千万别在家充电了', 'chat'],
    ['听说4号楼的那个老爷子住院了 希望早日康复', 'chat'],
    ['去年冬天咱们楼那次着火 多亏了邻居们帮忙', 'chat'],
    ['我梦到电梯掉下去了 吓出一身汗', 'chat'],
    ['刚跟物业确认了 下午的停水取消了', 'chat'],
    // a missing notice is a complaint; a warning or praise opening the message asks nobody
    ['没看到停电通知 怎么说停就停', 'report'],
    ['小心那种冒充快递的电话 我同事被骗了三千', 'chat'],
    ['物业这回干得不错 垃圾桶都换新的了', 'chat'],
    ['楼下有个小孩哭着找妈妈 哦 奶奶来了', 'chat'],
    // points, posts and activities asked in more ways; joining with a relative
    ['我上周值守的积分还没到账', 'query'],
    ['业委会委员都有谁', 'query'],
    ['业委会成员都是谁选的 怎么没通知我们投票', 'report'],
    ['植树活动是哪天来着', 'query'],
    ['读书会还差几个人', 'query'],
    ['我和老伴报名 他腿脚不好能去吗', 'signup'],
    // an inspection that found nothing, a false rumour, a reset balance, a ticket shown closed
    ['燃气公司上午来过了 都查过了 没问题', 'chat'],
    ['群里说的电梯掉下去的消息是假的 别传了', 'chat'],
    ['我的爱心积分怎么清零了', 'query'],
    ['我报的楼道灯那个单子 怎么显示已完成了 灯还是不亮', 'query'],
    // weather, prices, relief and liking ask nobody; a property complaint naming 报修 is no progress query
    ['这天气太冷了 出门冻得直哆嗦', 'chat'],
    ['水费又涨了 一吨多了五毛', 'chat'],
    ['对面工地总算完工了 耳根子清净了', 'chat'],
    ['老房子的电梯是旧 不过还能用', 'chat'],
    ['有没有一起晨跑的 每天六点南门', 'chat'],
    ['物业报修热线一直没人接 水管漏了三天了', 'report'],
    // leaving, stepping in and sending someone in other words
    ['帮我把名字划掉吧 那天要值班', 'signup'],
    ['敬老院那个活动我家出两个人', 'signup'],
    ['环保讲座是星期几', 'query'],
    // wondering aloud, praise for staff, a relayed reminder, a promised visit, dropping out
    ['听说要给老小区装电梯 不知道咱们这能不能排上', 'chat'],
    ['新来的网格员小姑娘很负责 一家一家上门登记', 'chat'],
    ['自来水公司明天换水表 上班的记得留钥匙给邻居', 'chat'],
    ['前天报的漏水 说好今天上午来修 人呢', 'query'],
    ['端午包粽子那个我就不去了 家里来客人 不好意思', 'signup'],
    ['新年晚会还要报节目吗', 'query'],
    // r8: a notice quoted as broken, a post named in a property complaint, a household joining
    ['停电通知说晚上八点来电 都十点了还没电', 'report'],
    ['物业经理换了以后 垃圾都没人收了 能不能管管', 'report'],
    ['我们全家都报 周末环境整治', 'signup'],
  ])('%s → %s', (text, intent) => {
    expect(classifyByRules(text).intent).toBe(intent);
  });
});

describe('classifyByRules: category tie-breaks and urgency', () => {
  it.each<[string, Category, Urgency]>([
    ['电梯困人了 里面有个老人 快来人', 'facility', 'urgent'],
    // r7: caught by a lift door, entering by a window, a wish to die said plainly; fire denied,
    // a consequence foretold (早晚要 / …了就麻烦了) and shared tips are not urgent
    ['电梯门把老人的衣服夹住了 人出不来 5号楼', 'facility', 'urgent'],
    ['有个男的从2楼的阳台窗户往里钻 快来保安', 'security', 'urgent'],
    ['我邻居在阳台上哭 说活不下去了 谁能上去看看', 'assistance', 'urgent'],
    ['单元的烟感报警器在响 没有着火 应该是坏了 能不能换一下', 'security', 'normal'],
    ['楼道里堆满了旧家具 真烧起来就完了 早晚要出事 能不能清走', 'security', 'normal'],
    // r6: a dependant unreachable for days, a person fallen from height, money that has not arrived
    ['我妈一个人住 手机三天打不通 谁能去她家看一下', 'assistance', 'urgent'],
    ['有个小孩从阳台摔下来了 快叫救护车', 'assistance', 'urgent'],
    ['我家老人的养老金还没到账 帮忙问问', 'service', 'normal'],
    ['有人养狗随地大小便 楼下每天都有', 'sanitation', 'normal'],
    ['半夜有人在小区里飙电动车 吵死了', 'security', 'normal'],
    ['一楼那家把门前的绿地圈进自己家院子了 能不能管管', 'dispute', 'normal'],
    ['楼上漏水 我家天花板跟下雨一样', 'dispute', 'urgent'],
    ['楼下老人摔倒了 起不来', 'assistance', 'urgent'],
    ['厨房一股煤气味', 'utilities', 'urgent'],
    ['5栋冒浓烟了 好像着火了', 'security', 'urgent'],
    ['有人在撬门 快报警', 'security', 'urgent'],
    ['电线掉下来了 还在打火花', 'facility', 'urgent'],
    ['孩子放学没回家 电话也打不通', 'assistance', 'urgent'],
    ['怎么又停水了', 'utilities', 'normal'],
    ['物业收了钱垃圾都不清', 'property', 'normal'],
    ['对门把鞋柜放楼道里 说了不听', 'dispute', 'normal'],
    ['楼道里堆满了杂物 万一着火就麻烦了', 'security', 'normal'],
    ['物业太差了 气死我了!!! 垃圾一个星期没人收!!!', 'property', 'normal'],
    ['热水器打不着火 是不是燃气没气了', 'utilities', 'normal'],
    // voice-input homophones and dialect reach the same concepts
    ['我家厨房里好大一股燃起味道是不是漏了', 'utilities', 'urgent'],
    ['五号楼的电题卡住了我孙子关在里面', 'facility', 'urgent'],
    ['屋里伢不见了 五岁 刚才还在楼下玩', 'assistance', 'urgent'],
    ['九栋冇得电了 搞么事啊', 'utilities', 'normal'],
    // indirect danger: rotten-egg smell, unresponsive, someone knocking inside a lift
    ['楼梯口那个味道跟臭鸡蛋一样 越来越重了', 'utilities', 'urgent'],
    ['隔壁老太婆两天没看到人了 喊门也不答应', 'assistance', 'urgent'],
    ['15栋电梯里好像有人 一直在拍门 电梯停着不动', 'facility', 'urgent'],
    ['我婆婆出去遛弯到现在没回来 她有阿尔茨海默', 'assistance', 'urgent'],
    // past events and storage are not emergencies; tie-breaks by concept
    ['电梯上周困过人 现在还是一顿一顿的 能不能彻底修一下', 'facility', 'normal'],
    ['楼梯间有人放了个煤气罐 好几天了 挺危险', 'security', 'normal'],
    ['地库有个摄像头坏了一直不亮 能不能修下', 'security', 'normal'],
    ['楼道里外卖盒子堆成山了 谁来管管', 'sanitation', 'normal'],
    ['六栋这两天水压小得很 楼上根本上不来水', 'utilities', 'normal'],
    ['卫生间的水管突然爆了 水哗哗地喷 关不掉总阀', 'utilities', 'urgent'],
    // danger concepts in either order, and their immediacy
    ['咋个整 屋头一股子气味 像是天然气 娃娃还在睡', 'utilities', 'urgent'],
    ['燃气报警器一直在响 我闻也有点味 不敢动', 'utilities', 'urgent'],
    ['2栋电梯停住不动了 门也开不了 我老汉儿在里头', 'facility', 'urgent'],
    ['我妈刚才在厨房滑倒了 现在坐地上起不来', 'assistance', 'urgent'],
    ['楼道有个男的在挨个拧门把手 现在还在三楼', 'security', 'urgent'],
    ['单元门口电箱冒火星子 滋滋响 有股焦味', 'facility', 'urgent'],
    ['对面楼有人坐在窗台上 腿都在外面 看着不对劲 快来人', 'assistance', 'urgent'],
    ['有人在打架 一个拿砖头砸人 头都破了', 'security', 'urgent'],
    ['6栋502往下漏水漏疯了 我家吊顶都鼓起来了 他家没人', 'dispute', 'urgent'],
    ['门禁卡刷了没反应 能不能上门录一下 老人不会弄', 'facility', 'normal'],
    ['楼下的天天在楼道抽烟 烟从门缝钻进来', 'dispute', 'normal'],
    ['谁家的狗天天在单元门口拉 都没人铲', 'sanitation', 'normal'],
    // a shop is no neighbour; a past danger leaves the request about its cause; the property company as target
    ['楼下那家烧烤店天天冒油烟 熏得我家窗户都不敢开 能不能管管', 'sanitation', 'normal'],
    ['我家老人昨天在小区摔了 当时起不来 后来邻居扶回家了 台阶那里太滑 请处理', 'facility', 'normal'],
    ['物业的保安天天在岗亭里睡觉 叫都叫不醒 这钱交得冤', 'property', 'normal'],
    ['上周电梯困人那次 维保半小时才到 太慢了 物业得给个说法', 'property', 'normal'],
    ['家里进水了 地漏往上冒水 客厅已经淹了', 'facility', 'urgent'],
    ['热水器爆了 水一直喷 总阀拧不动 厨房全是水', 'utilities', 'urgent'],
    ['电梯里有人晕倒了 门一直开开关关', 'assistance', 'urgent'],
    ['14栋楼顶站着个人 看着像是想不开 快报警', 'assistance', 'urgent'],
    ['楼下大爷天天在楼道里晒烟叶 味道很大', 'dispute', 'normal'],
    ['电梯一到晚上就停 住高层的老人下不来楼', 'facility', 'normal'],
    ['上礼拜三单元停电梯的时候困了一个阿姨 电梯到底修没修好', 'facility', 'normal'],
    // word classes: fitness equipment, bulky rubbish left, climbing in, privacy, lost property
    ['路口的扭腰器卡死了 转不动', 'facility', 'normal'],
    ['单元门口谁扔的旧床垫 半个月没人运走', 'sanitation', 'normal'],
    ['半夜有人翻铁门进来 保安都不知道', 'security', 'normal'],
    ['楼上装了个摄像头对着我家阳台 侵犯隐私', 'dispute', 'normal'],
    ['在单元门口捡到一个手机 交给谁', 'other', 'normal'],
    ['电梯停在10楼不开门 我妈在里面', 'facility', 'urgent'],
    ['墙上被人喷满了办证的电话', 'sanitation', 'normal'],
    ['小区里电动车骑得飞快 好几次差点撞到老人', 'security', 'normal'],
    ['物业要装新门禁 每户收三百 谁同意了', 'property', 'normal'],
    ['独居的陈大爷房子漏雨 他腿脚不便修不了 能帮帮他吗', 'assistance', 'normal'],
    // a broken thing inside the home of someone who needs help: the help is the request
    ['我瘫痪的姐姐家里灯坏了 自己换不了 谁能帮个忙', 'assistance', 'normal'],
    // post and milk piling up at the door of someone living alone: not responding
    ['楼下孤寡老人好几天没见人了 牛奶都堆在门口', 'assistance', 'urgent'],
    // a supply cut with a pipe as its cause; hyperbole is no collapse; one person held by a broken lift
    ['主管道爆了 我们这片全停水了 啥时候来水', 'utilities', 'normal'],
    ['闷得人喘不过气 楼道的窗户能不能打开通通风', 'facility', 'normal'],
    ['电梯停了一周 八楼的李大爷坐轮椅下不去楼', 'assistance', 'normal'],
    // nobody cleaning, things thrown at my home, chargers to add, lost elders, shops
    ['楼道里有人吐了一大滩 两天了没人清理', 'sanitation', 'normal'],
    ['楼上的老往我家雨棚上倒剩茶水', 'dispute', 'normal'],
    ['能不能多装几个充电桩 好多人在楼道充电', 'property', 'normal'],
    // a lost elder who cannot say where he lives is in danger until somewhere safe (r13; as blind-r3 labels it)
    ['东门有个大爷迷路了 问他住哪也说不清', 'assistance', 'urgent'],
    ['东门有个大爷迷路了 问他住哪也说不清 现在在保安室坐着', 'assistance', 'normal'],
    ['门口那家小超市老卖过期的面包 谁来管管', 'other', 'normal'],
    ['单元门口捡到一只猫 戴着铃铛 是谁家的 放哪里', 'other', 'normal'],
    ['一楼过道堆满了自行车 真要失火了都逃不出去', 'security', 'normal'],
    // r8: the property side refusing, a named neighbour's car, trees, flammables, childbirth, building sites
    ['路灯坏了两个月 物业说这不归他们管', 'property', 'normal'],
    ['5号楼李师傅的面包车天天堵在单元门口 说了也不挪', 'dispute', 'normal'],
    ['单元门口那棵梧桐树歪得厉害 风大点怕倒', 'sanitation', 'normal'],
    ['三楼的弱电箱掉下来吊着 盖子也没了', 'facility', 'normal'],
    ['车库里有人放了几桶柴油 也没人管', 'security', 'normal'],
    ['老婆快生了 家里没车 有没有人能送去医院', 'assistance', 'normal'],
    ['小区隔壁工地半夜还在打桩 找城管管管', 'other', 'normal'],
    ['维修基金怎么申请使用 我们单元电梯要换', 'property', 'normal'],
    ['消防通道停满了车 真着火了消防车都进不去', 'security', 'normal'],
  ])('%s → %s/%s', (text, category, urgency) => {
    const r = classifyByRules(text);
    expect(r.intent).toBe('report');
    expect(r.category).toBe(category);
    expect(r.urgency).toBe(urgency);
  });

  it('leaves category and urgency empty when not a report', () => {
    const r = classifyByRules('谢谢社区');
    expect(r).toMatchObject({ intent: 'chat', category: null, urgency: null, source: 'rules' });
  });

  it('gives a confidence between 0 and 1', () => {
    for (const t of ['随便说说', '3栋电梯坏了', '报名', '嗯']) {
      const c = classifyByRules(t).confidence;
      expect(c).toBeGreaterThanOrEqual(0);
      expect(c).toBeLessThanOrEqual(1);
    }
  });
});

// The thresholds the hidden held-out set is judged by, on every labelled set we have.

// r15: board letters and group messages, by concept (sentences written apart from r15-board).
describe('r15 concepts: intents', () => {
  it.each<[string, Intent]>([
    // where a service can be done is a staff question, even with 代办 in it
    ['请问医保卡在社区能不能办 要带啥', 'report'],
    ['老人的高龄补贴可以代办吗', 'report'],
    // a post asked to act is a request; asking who holds it is a query
    ['能不能请网格员去看看我家老人 她一个人住', 'report'],
    ['我们楼的网格员是谁 电话多少', 'query'],
    // thanks naming a fix told in new words is chat; a fix that did not hold is not
    ['谢谢物业 楼道灯当天就来换了 现在亮堂多了', 'chat'],
    ['感谢师傅 水管已经疏通了 现在很通畅', 'chat'],
    ['楼道灯换了 还是不亮', 'report'],
    // a fault stated flat where it is
    ['3栋2单元502漏水', 'report'],
    ['卫生间漏水', 'report'],
    ['12A栋的门禁坏了', 'report'],
    // a forwarded cut notice is no report
    ['【停电通知】因电网改造，定于本周五8:00至18:00对城北片区停电，请居民做好准备。县供电公司', 'chat'],
  ])('%s → %s', (text, intent) => {
    expect(classifyByRules(text).intent).toBe(intent);
  });
});

describe('r15 concepts: categories and urgency', () => {
  it.each<[string, Category, Urgency]>([
    // noise from a business or a site is other, not a neighbour's dispute or a facility
    ['小区门口那家酒吧天天放音乐到凌晨两点 吵得孩子没法睡 希望有关部门管一管', 'other', 'normal'],
    ['楼下新开的棋牌室半夜还在打麻将 吵吵嚷嚷 能不能管管', 'other', 'normal'],
    // another unit's resident is a neighbour
    ['隔壁单元的一位业主天天把车停在我车位上 说了也不挪', 'dispute', 'normal'],
    // something a resident built is the neighbour's doing, whoever is asked to pull it down
    ['尊敬的领导：小区12栋顶层业主在楼顶违规加建阳光房，已经影响到楼体安全，请城管部门依法拆除。', 'dispute', 'normal'],
    // a shared fixture asked for a disabled resident is the facility; one in their home is help
    ['我坐轮椅 单元门口台阶太高 能不能修个坡道', 'facility', 'normal'],
    ['我爸瘫痪在床 家里想装个扶手 谁能帮忙', 'assistance', 'normal'],
    // thefts told as a run over weeks are no break-in under way; one under way is
    ['近两个月小区先后有五辆电动车被偷 请派出所查一查', 'security', 'normal'],
    ['刚才有人撬我家门 现在还在楼道里', 'security', 'urgent'],
    // a missing person stays urgent when the neighbours are asked to pass the notice on
    ['我妈有点糊涂 昨天早上出门到现在都没回来 麻烦大家帮忙在群里转发一下寻人启事', 'assistance', 'urgent'],
    // sewage backing up from the shared drain into a home, and a request to cut the power
    ['楼里下水主管堵了 各家的污水从我家地漏往外冒 客厅都淹了 快来人帮忙断电', 'facility', 'urgent'],
    // water that came in before, every year, is a standing leak
    ['尊敬的领导：我们楼顶每年雨季都漏，顶楼几户每年自己补，墙里的电线盒也进过水，请住建部门把楼顶防水列入维修计划。', 'facility', 'normal'],
  ])('%s → %s / %s', (text, category, urgency) => {
    const r = classifyByRules(text);
    expect(r.intent).toBe('report');
    expect(r.category).toBe(category);
    expect(r.urgency).toBe(urgency);
  });
});

// r21: board letters and forum posts, by concept (sentences written apart from r21-board).
describe('r21 concepts', () => {
  readsAs([
    // a post greeted at the top of a long letter is no question about who holds it
    ['书记您好：我母亲今年七十九岁，一个人住在6栋，她说电话里听不清，腿脚也不太灵便，最近连下楼买菜都困难，能不能安排志愿者每周帮她买一次菜送上楼。', 'report', 'assistance', 'normal'],
    ['我们楼的楼栋长是谁 电话多少', 'query', null, null],
    // a broken lift keeping the old at home is no one trapped in the car
    ['8栋的电梯这周坏了三回，楼上几位老人只能困在家里，请尽快彻底维修。', 'report', 'facility', 'normal'],
    // the water company's helpline that cannot say why is no slurred speech
    ['整栋楼从早上到现在没水，打水厂热线电话也说不清什么原因，请社区帮忙问问。', 'report', 'utilities', 'normal'],
    // an earlier ticket with no word back is a progress question, not a person missing
    ['我前天在公众号上投诉的楼道堆物问题，三天了还没消息，想问一下进度。', 'query', null, null],
    // an opinion offered for fairness asks nobody to act
    ['说句公道话，物业这两年进步挺大的，路灯也修了，别光盯着缺点。', 'chat', null, null],
    // a lawn used as the dogs' toilet is dog mess, whoever slipped in it
    ['楼前草坪快成狗厕所了，老人散步踩了一脚差点摔倒，请物业多巡查。', 'report', 'sanitation', 'normal'],
    // how to apply for an elder's scheme, and with which papers, is the service
    ['我母亲今年七十八岁，独居，社区有上门助餐的项目，请问怎么申请，需要什么材料，符不符合条件？', 'report', 'service', 'normal'],
    // a shop's banging while unloading is business noise; a cost shared out (分摊) is no stall
    ['楼下小卖部每天清早卸货，铁架子哐哐响，请网格员协调一下。', 'report', 'other', 'normal'],
    ['关于电梯维修费用分摊的问题：高低层业主为分摊比例吵了好几个月，请物业和业委会拿出方案。', 'report', 'property', 'normal'],
    // a caller whose claim the company denied when asked is a poser, warned about or not
    ['有个挂着燃气公司工牌的人在我们楼挨家推销报警器，我打电话问了燃气公司，根本没有这回事，请社区提醒大家。', 'report', 'security', 'normal'],
    // money gone astray is no one missing; the property company's own building is no resident's
    ['业委会收的停车费去向不明，请街道审计账目。', 'report', 'property', 'normal'],
    ['物业公司没有征求业主意见，擅自把楼下的活动室改建成了仓库出租，请街道查处。', 'report', 'property', 'normal'],
    // something put on a list at the office earlier, asked after, is a progress question
    ['上周我在社区登记的低保申请，现在到哪一步了？', 'query', null, null],
    // burglaries counted are no break-in under way
    ['小区保安晚上不见人，外来人员随意进出，已经有三户被入室盗窃，请加强巡逻。', 'report', 'security', 'normal'],
    // heating below standard told by the room temperature is the supply, whoever at home suffers it
    ['尊敬的领导：入冬以来我家室内温度只有十三四度，家中有八旬老人，打了几次供热公司电话都说正常，请督促整改。', 'report', 'utilities', 'normal'],
    // rain pouring into the garage with the cars in it is a flood now; years of it after rain are not
    ['暴雨天，雨水一直往地下车库里灌，已经淹到车轮了，物业电话打不通！', 'report', 'facility', 'urgent'],
    ['地下车库一到下雨就积水，每次都淹到车轮，好几年了，请物业把排水泵修好。', 'report', 'facility', 'normal'],
    // a long letter about a missing cover the company disowns is about the cover
    ['致市政部门：我们小区主路上的雨水井盖缺失快一个月了，只拿几块砖头围着，晚上路灯又暗，根本看不见，已经有下夜班骑电动车的居民摔进去过，物业说这不归他们管，请尽快补装井盖。', 'report', 'facility', 'normal'],
    // a neighbour who complains along with the writer is no cause; a pregnant neighbour named as who suffers a cut is no person in need
    ['单元门口的排水沟堵了，一下雨水就漫到楼道里，我和邻居反映了好几次，请尽快疏通。', 'report', 'facility', 'normal'],
    ['小区停水两天了，邻居家有孕妇，实在不方便，请问什么时候来水？', 'report', 'utilities', 'normal'],
    // a market's lorries and hawkers are business noise; a home noisy as a market is a neighbour's
    ['小区隔壁的农贸市场每天凌晨就有货车进出卸货，叫卖声不断，请市场监管部门规范经营时间。', 'report', 'other', 'normal'],
    ['楼上一家天天吵得跟菜市场一样，半夜还在吵，请社区协调。', 'report', 'dispute', 'normal'],
    // coal smoke in the home with dizziness is the fumes now; a grill's smoke drifting in is a nuisance
    ['我奶奶晚上在屋里烧炭取暖，早上我过去一看她头晕恶心，站都站不稳，屋里一股煤烟味，该怎么办？', 'report', 'utilities', 'urgent'],
    ['楼下烧烤摊的煤烟味天天往我家飘，熏得头疼', 'report', 'sanitation', 'normal'],
    // wages owed are for the labour inspectors, whatever job they were on
    ['领导您好，我们几个工人在小区里干了半年装修，老板一直欠着我们的工资不给，请帮忙讨薪。', 'report', 'other', 'normal'],
    // a household knocking out a load-bearing wall is told flat, and is the neighbour's doing
    ['我家是二期A区5号楼302，楼下202家里装修把承重墙砸了', 'report', 'dispute', 'normal'],
    // a fire at another estate told to demand action here is a report; a dry hydrant is fire safety, no supply cut
    ['楼道里堆满了纸箱，还有人在楼道里给电动车充电，上个月别的小区就因为这个着火了，我们这里非要等出了事才管吗？', 'report', 'security', 'normal'],
    ['我们小区的消防栓里根本没有水，灭火器也过期了，请消防部门来检查。', 'report', 'security', 'normal'],
    // a traffic light out of order is the traffic police's, not the estate's lamps
    ['路口的信号灯坏了好几天了，一直闪黄灯，车和人都抢着走，请交警来修。', 'report', 'other', 'normal'],
    // stalls trading on the pavement are for the inspectors, whatever they leave behind
    ['小区后门每晚都有流动摊贩占道经营，油烟熏人，垃圾扔一地，请城管依法取缔。', 'report', 'other', 'normal'],
  ]);
  it('a flat named right after the neighbour it is (对门1102) is the room', () => {
    expect(classifyByRules('对门1102家里的狗天天半夜叫，吵得睡不着，请网格员协调一下。').room).toBe('1102');
    expect(classifyByRules('楼上1602天天半夜拖椅子，请社区出面协调。').room).toBe('1602');
  });
});

// r22: group chat, by concept (sentences written apart from r22-group).
describe('r22 concepts', () => {
  readsAs([
    // a fault or an incident at another estate passed on is news; one compared with ours or reaching here is not
    ['听说对面锦绣家园前天整栋楼停电 电梯里还关了人', 'chat', null, null],
    ['隔壁小区的狗天天跑到我们楼下拉屎 能不能管管', 'report', 'sanitation', 'normal'],
    // a neighbour's child praised is thanks, not a dispute
    ['对门的 你家闺女真有礼貌 每次见了都问好', 'chat', null, null],
    // smoke drifting out of a roof or under a door is smoke now, however calmly told
    ['三号楼楼顶那边有烟往外飘 好像不是做饭', 'report', 'security', 'urgent'],
    ['对门门缝里往外冒烟 敲了半天没人开', 'report', 'security', 'urgent'],
    // whether a promised thing was put in yet asks progress
    ['上回说给单元门装个扶手的事 装好了吗', 'query', null, null],
    // a card dropped where others pass, asked where to leave it, is lost and found
    ['谁的社保卡丢在车棚门口了 交给谁合适', 'report', 'other', 'normal'],
    // a calm preface is no all-clear when someone is down now
    ['没啥大事 就是我奶奶刚在厨房滑了一跤 躺地上起不来', 'report', 'assistance', 'urgent'],
    // a device at home asked about among neighbours, where something is, a newcomer's question: nobody to act
    ['我家门锁的电池好像快没电了 有谁知道怎么换电池', 'chat', null, null],
    ['请问小区附近的药店在哪儿', 'chat', null, null],
    ['刚搬来的 请问这边快递一般送到哪里', 'chat', null, null],
    // a child out on the outdoor unit or the window bars is in danger now
    ['孩子从窗户爬到空调外机上了 大人不在家', 'report', 'assistance', 'urgent'],
    // a frail person alone not answering call after call is urgent; the office not answering is not
    ['我爸一个人住 从中午到现在打了好几个电话都没人接 他血压高', 'report', 'assistance', 'urgent'],
    ['物业电话打了十几个都没人接 垃圾三天没收了', 'report', 'property', 'normal'],
    // upkeep announced with what to do meanwhile is a notice
    ['明天上午二单元电梯维保 暂停使用半天 请大家走楼梯', 'chat', null, null],
    // the property company named as whom a request is to is no call to replace it
    ['物业 单元门口的灯能不能换个亮点的', 'report', 'facility', 'normal'],
    ['物业天天不干活 能不能换了', 'report', 'property', 'normal'],
    // ice or a slippery way that felled someone of the household: salt or a mat for the way is the request
    ['单元门口台阶结冰了 我家老人早上差点摔 能不能撒点融雪剂', 'report', 'facility', 'normal'],
    // a fault gone since it was replaced, something liked: nobody to act; broken again, laughed at bitterly, is a complaint
    ['原来楼道那扇门老是咣咣响 现在修了换了新的 一点动静都没了', 'chat', null, null],
    ['我们楼新换的电梯坐着真舒服', 'chat', null, null],
    ['哈哈哈 楼道灯又不亮了 这还叫感应灯吗', 'report', 'facility', 'normal'],
    // a lock cut with a tool while watched is a theft under way; one groaning only when called is down now
    ['楼下有人拿老虎钳在剪电动车的锁 我在窗户这儿看着呢', 'report', 'security', 'urgent'],
    ['单元门口有个大爷躺着 叫他只会哼 身边吐了一地', 'report', 'assistance', 'urgent'],
    // fire-fighting kit broken is fire safety; a small hurt told with its all-clear is chat
    ['五栋一楼的灭火器箱子坏了 门都掉了', 'report', 'security', 'normal'],
    ['我家闺女骑车摔了一下 手蹭破点皮 没什么事', 'chat', null, null],
  ]);
});

// r23: forum posts and complaint-board messages, by concept (sentences written apart from r23-forum).
describe('r23 concepts', () => {
  readsAs([
    // a shop's fan or a bar singing into the night is the shop's nuisance, told by a bitter question
    ['街口那家火锅店的排风扇对着我们楼吹 嗡到夜里一点 这觉还咋睡', 'report', 'other', 'normal'],
    ['楼下酒吧天天唱到凌晨两点 这还让不让人睡了', 'report', 'other', 'normal'],
    // a car repairer or a shop taking the pavement, or letting its water onto the road
    ['路口那个汽修铺子把轮胎和机油桶全摆在人行道上 轮椅根本过不去', 'report', 'other', 'normal'],
    ['小区门口那家洗车行的水天天往马路上排 一到冬天全是冰', 'report', 'other', 'normal'],
    // a flat let out in beds to many is public order and fire safety
    ['我们楼有套房子搞群租 十来个人进进出出 电动车全推进楼道', 'report', 'security', 'normal'],
    ['对面单元一套两居室被改成了八个床位 天天有生人刷卡进楼', 'report', 'security', 'normal'],
    // a complaint said in irony or as a rhetorical question is still a complaint
    ['保洁阿姨可真勤快呢 楼道的垃圾放了五天都舍不得扫', 'report', 'sanitation', 'normal'],
    ['门口那条路挖开两个月了也不回填 施工队人呢？', 'report', 'facility', 'normal'],
    // an opinion put to the group, a lament about all property companies, hearsay from another estate: talk
    ['我觉得垃圾分类其实挺好的 就是桶少了点 乱扔的也多 你们觉得呢', 'chat', null, null],
    ['唉 如今的物业都一个样 哪儿都一样', 'chat', null, null],
    ['听说别的小区电梯天天坏 咱们这还算好的', 'chat', null, null],
    ['现在小区比我刚搬来的时候好多了 比以前强多了', 'chat', null, null],
    // help told as a story, with warmth, asks nobody
    ['前天晚上停电 隔壁大哥打着手电帮我把老人扶下了楼 真暖心', 'chat', null, null],
    // shut out with a baby inside is a person in danger, not a break-in
    ['下楼拿个快递门就被风关上了 宝宝一个人在床上 钥匙在屋里 快帮我找个开锁的', 'report', 'assistance', 'urgent'],
    // a condition since an illness is no attack now; how to get a card for it is the service
    ['我爸脑梗以后半边身子动不了 残疾人证去哪办理', 'report', 'service', 'normal'],
    // wiring worn with age is the building's to renew, not a melt
    ['我们这栋楼的电线全老化了 能不能统一换一下', 'report', 'facility', 'normal'],
    // a landlord keeping the deposit is a dispute; a thing asked for an elder living alone is help
    ['房东找借口克扣押金八百 社区能不能出面调解', 'report', 'dispute', 'normal'],
    ['我妈一个人住 腿脚不好还老忘事 能不能帮她在卫生间装个扶手和呼叫器', 'report', 'assistance', 'normal'],
    // when a supply reaches the area is for staff to answer, even asked of the group
    ['有人知道我们这片什么时候能通暖气吗 冬天冻得受不了', 'report', 'utilities', 'normal'],
    // a child astride a sill or rail high up is in danger now; a rail too low asked to be raised is the facility
    ['三楼窗台上坐着个小娃 两条腿都伸到外面了 大人不知道去哪了', 'report', 'assistance', 'urgent'],
    ['我家阳台栏杆太矮了 孩子老爱趴在阳台栏杆上往下看 能不能给加高一点', 'report', 'facility', 'normal'],
    // children's classes in a shop are a business's noise
    ['临街那个补习班每天晚上放学孩子在楼下大喊大叫 吵到九点多', 'report', 'other', 'normal'],
  ]);
});

// r24: category boundaries, by concept (sentences written apart from r24-category).
describe('r24 concepts', () => {
  readsAs([
    // a pet's owner pointed at is an identifiable neighbour; an unknown walker's loose dog is public order
    ['5栋那个养猫的天天把猫放出来 在我家门口拉屎', 'report', 'dispute', 'normal'],
    ['晚上有人遛狗不拴绳 大狗追着小孩跑', 'report', 'security', 'normal'],
    // a shed the wind tore is the shed broken, not one to add
    ['车棚被风吹坏了 顶都掀了一半', 'report', 'facility', 'normal'],
    // households made to pay again or from their own pocket: the property side's charge, whatever it mends
    ['电梯坏了要我们每户再摊两百修 凭什么', 'report', 'property', 'normal'],
    ['装个门禁还要我们自掏腰包 物业干啥的', 'report', 'property', 'normal'],
    // ...not when the gas company asks it
    ['燃气公司让我们每户再交两百块改管子 这合理吗', 'report', 'utilities', 'normal'],
    // a shared part to be washed down is cleaning, whatever it made slippery
    ['楼梯上有油 滑得很 麻烦保洁冲洗一下', 'report', 'sanitation', 'normal'],
  ]);
});

describe('r26 concepts', () => {
  readsAs([
    // dialect pronouns and negations read as the standard words: 俺 signs up as 我 does
    ['下周去养老院包饺子 也算俺一个', 'signup', null, null],
    ['俺们楼的网格员是哪位 咋联系', 'query', null, null],
    // a way in the grounds iced over is a shared-way fault told flat; an icy road warned of is talk
    ['幼儿园后面那段坡道一冻成冰 推车的都得绕路', 'report', 'facility', 'normal'],
    ['外面路上都结冰了 开车的注意点', 'chat', null, null],
    // a business loud in the night, told by the hour: other, and a report
    ['街口那家酒吧大半夜还在吼 一条街都听得见', 'report', 'other', 'normal'],
    // mud or dust a site's lorries leave on the roads is dirt
    ['拉土车天天进进出出 门口马路一层泥灰', 'report', 'sanitation', 'normal'],
    // an opinion opened by a spoken lead is offered, not asked; 要我说几遍 is a complaint
    ['在我看来 换个物业也未必就好', 'chat', null, null],
    ['要我说几遍 三单元的门禁又坏了', 'report', 'facility', 'normal'],
    // a smell coming back up a drain is no water rising: no flood
    ['一到晚上地漏那股臭味就往上冒 卫生间门都不敢开', 'report', 'sanitation', 'normal'],
    ['地漏往上冒脏水 卧室地上已经一层了', 'report', 'facility', 'urgent'],
    // the gas cut, or a supply that comes and goes, told flat
    ['这礼拜都停气三回了 饭都做不熟', 'report', 'utilities', 'normal'],
    ['家里宽带断断续续的 视频都开不了', 'report', 'utilities', 'normal'],
    // a shared door or window that will not shut
    ['一楼大厅那扇门锁不上 谁都能推开', 'report', 'facility', 'normal'],
    // a building site at work in the night
    ['南边那个工地半夜一点还在挖 轰得床都在抖', 'report', 'other', 'normal'],
    // the fee for a parking space is the parking rules'
    ['交了车位费还天天被外面的车占着', 'report', 'property', 'normal'],
    // a fence round the grounds down, heating told by the degrees indoors, a pavement blocked: faults told flat
    ['东门边上那截铁栅栏歪了 小孩老往外钻', 'report', 'facility', 'normal'],
    ['卧室就十五度 睡觉得穿毛衣', 'report', 'utilities', 'normal'],
    ['早餐摊的推车把盲道占满了 拄拐的没法走', 'report', 'other', 'normal'],
    ['降温了 家里才十几度 大家多穿点', 'chat', null, null],
  ]);
  it.each<[string, string | null, string | null, string | null]>([
    // a flat named bare as the household doing something again and again, or as the one not reached
    ['1203每天半夜在阳台上唱歌 吵得人没法睡', null, null, '1203'],
    ['厨房顶上往下滴水 上去敲了602的门没人开', null, null, '602'],
    // ...not a sum of money or a count
    ['物业费一年1200一直没涨过', null, null, null],
  ])('%s → building %s, unit %s, room %s', (text, building, unit, room) => {
    const r = classifyByRules(text);
    expect([r.building, r.unit, r.room]).toEqual([building, unit, room]);
  });
});

describe('r25 concepts', () => {
  readsAs([
    // the last few days up to now (这两天) reach now, after a background told from the day before yesterday
    ['各位领导好，我姑妈独自住在新华街，腿脚不好。我从前天中午起就一直联系不上她，楼下的邻居说这两天没看到她下楼，敲门也没人应。请社区马上派人上门看看。', 'report', 'assistance', 'urgent'],
    // a party to a nuisance out of reach (房东也联系不上) is no person missing
    ['尊敬的领导：对门那户租出去以后，租客天天半夜在家喝酒划拳，吵得我母亲心脏病都犯了好几回，找房东沟通，房东也联系不上。恳请社区出面协调。', 'report', 'dispute', 'normal'],
    // an earlier report pointed back to by when or by which channel, asked after: a progress query
    ['领导好，此前反映过的幸福路口积水问题，当时说会安排市政来疏通排水口，到现在快一个月了，请问处理得怎么样了？有没有个结果？', 'query', null, null],
    ['您好，我十月份通过12345热线反映过我家老人申请高龄补贴的事情，说是街道在审核，想问一下现在走到哪个环节了，还缺什么材料吗？', 'query', null, null],
    // a letter offered as the writer's own view, asking nobody to act: chat
    ['各位领导：我是一名老党员，想就咱们县的公园管理谈谈自己的一点看法。这两年公园越建越多，绿化也好，晚上散步的人很多，但是有些角落路灯偏暗，厕所也偏少。以上是个人浅见，不当之处请批评指正。', 'chat', null, null],
    // ...unless it asks the departments outright
    ['我想谈谈对小区消防安全的一点看法：现在车越来越多，晚上消防通道都被私家车堵满了。恳请有关部门尽快整治占用消防通道的行为。', 'report', 'security', 'normal'],
    // no sign since a day named (从上周三开始就再没见他下过楼) reaches now
    ['尊敬的领导：我们楼住着一位独居的刘爷爷，八十多了。从上周三开始就再没见他下过楼，敲门也没有反应，电话也没人接。请社区尽快派人去看看。', 'report', 'assistance', 'urgent'],
    // someone with dementia who went out alone (自己出了门) and is not back
    ['尊敬的领导，我父亲八十岁，有老年痴呆，今天上午十点多趁我们去买菜自己出了门，外套也没穿，到现在已经六个多小时了还没回来，恳请社区帮忙寻找。', 'report', 'assistance', 'urgent'],
    // a gas leak only to be checked for is no leak
    ['尊敬的领导：最近家里燃气费涨得离谱，燃气公司让我们自己排查有没有漏气，可我们不会查，希望他们派人上门检查一下燃气管道。', 'report', 'utilities', 'normal'],
    // a season of this year gone by frames the flood as past; thanks for what was done is chat
    ['今年夏天我们村遭遇暴雨，好几户人家房屋进水，镇里干部第一时间赶来组织转移，现在道路已经修好了，全村群众向各位领导表示感谢！', 'chat', null, null],
    // reported through the county head's mailbox, asked whether it was carried out: a progress query
    ['尊敬的领导：我于10月8日通过县长信箱反映了小区门口道路塌陷的问题，当时回复说会尽快处理，可到今天还是老样子，请问维修工作有没有落实？', 'query', null, null],
    // a late-night food stall is no neighbour, however many floors it keeps awake
    ['领导好，我们小区南门口新开了一家大排档，每天营业到凌晨两三点，划拳喝酒的声音吵得楼上几层都睡不着，油烟也大，恳请城管部门依法管理。', 'report', 'other', 'normal'],
    // the other side blaming the property company (对方说是物业的管道问题) is no poser
    ['尊敬的领导：楼上住户家的下水管漏水渗到我家厨房，找他协商，对方说是物业的管道问题，物业又说是他家的责任。恳请社区出面调解。', 'report', 'dispute', 'normal'],
  ]);
});

describe('r25 concepts: place', () => {
  it('唯一 before a numeral is the word "only": 唯一一座便桥 names no building 11', () => {
    const r = classifyByRules('尊敬的领导：我们小区通往菜市场的唯一一座便桥栏杆断了好几根，晚上走很危险，恳请尽快修复。');
    expect(r.building).toBeNull();
    expect(r.category).toBe('facility');
  });
});

// r29: categories at their boundaries, and places (sentences written apart from r29-category).
describe('r29 concepts', () => {
  readsAs([
    // radiators cold to the touch are no heat, whoever in the home they chill
    ['暖气片摸着冰冰凉 家里老的小的都穿着棉袄在屋里', 'report', 'utilities', 'normal'],
    // the community asked to find a trade (回收, 家政) is a request to staff, not an ad; with nobody in need it fits no category
    ['网格员能不能帮忙介绍个回收旧空调的 拆下来没地方放', 'report', 'other', 'normal'],
    // a child enrolled in school is no volunteer joining an activity
    ['孩子入园报名要居住证明 社区这边能开吗', 'report', 'service', 'normal'],
    // a fire only wondered about as a way out blocked is the hazard, not a fire
    ['楼梯口堆满了旧床垫和纸壳 真着火了往哪逃', 'report', 'security', 'normal'],
    // ...but a fire with smoke is one
    ['楼道着火了 怎么跑 到处是烟', 'report', 'security', 'urgent'],
    // posing told as 假装/谎称 is the impersonation, whatever the caller claimed to be
    ['下午有个男的谎称是自来水公司的 挨家敲门要收检测费', 'report', 'security', 'normal'],
    ['孩子假装睡着了 其实在被窝里玩手机', 'chat', null, null],
    // strays chasing people are still the strays (sanitation); an owned dog let loose is public order
    ['西门那几条野狗见人就追 早上送孩子都得绕着走', 'report', 'sanitation', 'normal'],
    ['有人遛狗从来不拴绳 那条黑狗见人就扑', 'report', 'security', 'normal'],
    // my own space taken by someone unknown is the parking order; a named neighbour makes it a dispute
    ['不知道谁的面包车又停在我家车位上 一停就是一整天', 'report', 'property', 'normal'],
    ['对门那家天天把车停我车位上 说了也不挪', 'report', 'dispute', 'normal'],
    // an event to hold is no service to apply for
    ['咱们小区能不能办个篮球赛 平时打球的人挺多', 'report', 'other', 'normal'],
    // the community office's own service complained of is the service
    ['街道服务大厅那个办事员态度很差 问两句就不耐烦', 'report', 'service', 'normal'],
  ]);
  it('a numbered building with a lettered tower after it (5号楼A座) is one building: 5A', () => {
    expect(classifyByRules('9号楼c座的电梯又停了 上下班只能爬楼').building).toBe('9C');
    const p = classifyByRules('十一号楼A座2单元1502 厨房的下水道堵了');
    expect([p.building, p.unit, p.room]).toEqual(['11A', '2', '1502']);
    // a seven-seat car is still no building
    expect(classifyByRules('6号楼门口停了辆七座车 把消防通道堵了').building).toBe('6');
  });
  it('a room read out digit by digit after its unit (二单元六零二) is the room', () => {
    const p = classifyByRules('八栋二单元六零二 卫生间往楼下渗水');
    expect([p.building, p.unit, p.room]).toEqual(['8', '2', '602']);
    // counts after a unit stay counts
    expect(classifyByRules('我们3栋二单元一百多户').room).toBeNull();
  });
  it('a floor told before a room written out on it (6楼603) gives the room; a floor alone gives none', () => {
    expect(classifyByRules('我住6楼603 门口的声控灯不亮了').room).toBe('603');
    expect(classifyByRules('住14楼1402的 电梯按钮按了没反应').room).toBe('1402');
    // the number after it is no room of that floor, or is a count or money
    expect(classifyByRules('6楼的楼道灯坏了 我家交了300元维修基金').room).toBeNull();
    expect(classifyByRules('家住8楼 500多户就两部电梯').room).toBeNull();
    expect(classifyByRules('7楼120平的房子暖气不热').room).toBeNull();
  });
});

describe('r28 concepts', () => {
  readsAs([
    // stepping out of an activity for this once, or for someone at home: the reason asks nobody to act
    ['这次我就不去了 孙子要回来吃饭 下次再叫我', 'signup', null, null],
    ['我老伴血压高了 那个登山就不参加了 帮他划掉', 'signup', null, null],
    // ...not a complaint that the writer will not go to the office again
    ['电梯又坏了 这回我是真不去物业了 你们自己看着办', 'report', 'facility', 'normal'],
    // offering oneself with a time or a knack said in between
    ['我礼拜天上午可以来 帮着摆桌子', 'signup', null, null],
    ['那个义卖我手工还凑合能来帮着织几条围巾', 'signup', null, null],
    // neighbours asked for a driver to take someone at home to hospital: help for a person
    ['哪位邻居有车 我妈下礼拜要去人民医院透析 我腰不好背不动她', 'report', 'assistance', 'normal'],
    // ...but offering one's own car is no request
    ['我有车 礼拜五去县医院 谁家老人要复查可以捎上', 'chat', null, null],
    ['我开车的 谁家老人要去医院 我可以帮着送', 'chat', null, null],
    // an earlier matter named without 那/这, asked after
    ['上礼拜说换单元门锁的事情弄得咋样了', 'query', null, null],
    // a lost pet told to the neighbours asks the neighbours
    ['我家狗狗走丢了 黑白花的 谁见到了吱一声 谢谢', 'chat', null, null],
    // ...not when the property company is asked to look at the cameras
    ['我家狗走丢了 有看到的告诉我 麻烦物业帮忙调下监控', 'report', 'security', 'normal'],
    // declining a gathering in so many words (不凑热闹了) is a withdrawal
    ['广场舞比赛我们老姐妹就不凑这个热闹了 腰不好', 'signup', null, null],
    // a thing found, its owner asked for among the neighbours
    ['在菜市场门口捡到一个钱包 里面有身份证 谁丢的来找我拿', 'chat', null, null],
    // companions sought among the neighbours join no activity
    ['谁明天要一起回乡下的 拼个车 油钱平摊', 'chat', null, null],
    // a meter box in the shared parts is the building's box
    ['三单元一楼的水表箱盖子掉了 一直没人管', 'report', 'facility', 'normal'],
    ['四单元水表箱的门坏了 关不上', 'report', 'facility', 'normal'],
    // a thing pointed back at, asked whether it will be seen to at all
    ['说了多少回了 那井盖到底管不管了', 'query', null, null],
    // ...but with nothing pointed back at it is a complaint
    ['楼道灯到底修不修了 天天摸黑', 'report', 'facility', 'normal'],
    // asking to be called along, or to lend a hand
    ['下回搬年货的时候喊上我 我有力气', 'signup', null, null],
    ['清河道那次俺家也想出一份力', 'signup', null, null],
    // a notice relayed by voice with 转 and a space, or a closure told with the way round it
    ['转 下周一起二号路封闭修路 大家请绕行', 'chat', null, null],
    ['东门施工封闭了 车都得绕行 能不能开个口子', 'report', 'other', 'normal'],
  ]);
});

describe('r28 concepts: no sign-up', () => {
  // a worker or the property company who will not come this time is no withdrawal
  it.each(['物业说这次不去了 下次再来修', '维修师傅说这回去不了了 下回再来'])('%s is not a sign-up', (text) => {
    expect(classifyByRules(text).intent).not.toBe('signup');
  });
});

describe('r28 concepts: places', () => {
  it.each<[string, string | null, string | null, string | null]>([
    // a room spoken digit by digit right after its building or unit
    ['七栋一单元六零三 卫生间顶上滴水', '7', '1', '603'],
    ['我住一零零四 门口灯坏了', null, null, '1004'],
    // 一栋 with its unit right after names building 1; a count of buildings does not
    ['一栋二单元楼道灯不亮', '1', '2', null],
    ['一栋楼都停电了', null, null, null],
  ])('%s → %s / %s / %s', (text, building, unit, room) => {
    const r = classifyByRules(text);
    expect([r.building, r.unit, r.room]).toEqual([building, unit, room]);
  });
});

describe('r27 concepts', () => {
  it.each<[string, Intent, Category | null, Urgency | null]>([
    // someone who lives alone not answering the door or the phone now, told calmly
    ['对门独居的孙奶奶 敲门半天不开 电话也不接 前天还好好的', 'report', 'assistance', 'urgent'],
    // a small child out past a window or a balcony, told in pieces
    ['对面楼那个窗户 一个小男孩翻出来了 光着脚', 'report', 'assistance', 'urgent'],
    ['你们看 7楼阳台 那家小孩 上半身都探出来了', 'report', 'assistance', 'urgent'],
    ['阳台的花探出去了 孩子说好看', 'chat', null, null],
    // ...not a child looking out from behind the bars
    ['我家小孩最爱趴在阳台看楼下的车 能不能在阳台装个防护网', 'report', null, 'normal'],
    // blood that will not stop, told by how it runs
    ['我爸切菜把手划了个大口子 血一直往下滴 毛巾都捂不住血', 'report', 'assistance', 'urgent'],
    // ...not a nosebleed already stopped
    ['孩子流鼻血了 按了一会儿就止住了', 'chat', null, null],
    // a charger or a battery glowing or sizzling: a fire starting
    ['楼道里那块电瓶 烧得通红 还在滋滋地响', 'report', 'security', 'urgent'],
    // ...not chargers nagged about
    ['有人在楼道给电瓶充电 充电器就放在纸箱上 能不能管管', 'report', 'security', 'normal'],
    // a ceiling bulging with water, about to come down
    ['厨房顶棚兜着水 往下垂得厉害 楼上的门敲不开', 'report', 'dispute', 'urgent'],
    // ...not a dry crack with old stains
    ['卧室天花板裂了条缝 有点水印 什么时候能来看看', 'report', null, 'normal'],
    // someone shut in from inside who has gone silent
    ['两岁的闺女把浴室门反锁了 里面开着水龙头 叫她也不出声', 'report', 'assistance', 'urgent'],
    // ...not a teenager sulking behind a door
    ['儿子跟我吵完架把自己反锁在房间里 不说话 青春期真难搞', 'chat', null, null],
    // water through a home told by the furniture or by what met the door
    ['出差一周回来一开门 满地都是水 拖鞋都漂起来了', 'report', null, 'urgent'],
    ['尊敬的物业:朋友替我去看房,说水已经淹到沙发腿了,恳请派人帮忙关阀。', 'report', null, 'urgent'],
    // a stranger following or leading off a child now
    ['有个不认识的男人拉着一个小男孩往地库走 孩子一直在哭', 'report', 'security', 'urgent'],
    // ...not a father with his child, nor news from elsewhere
    ['一个男的牵着孩子在小区散步 挺温馨的', 'chat', null, null],
    ['新闻说外地有陌生人在校门口拉着小孩就走 太吓人了', 'chat', null, null],
    // a story watched on television is not about here
    ['昨天那部电视剧里 小孩被锁在车里差点闷死 看得我一身汗', 'chat', null, null],
    ['刚看的电影里有人被困在电梯里 吓得我今天都不敢坐电梯了', 'chat', null, null],
    // ...but the viewer's own evening is about here
    ['正在家看电视剧 突然闻到楼道里一股煤气味 越来越冲', 'report', 'utilities', 'urgent'],
    // a rumour of a fire the writer went and found nothing in
    ['有人说东门那边电线冒火花了 我下去转了一圈 什么事都没有啊', 'chat', null, null],
    // ...not someone hurt who says they are fine but cannot get up
    ['我老伴在楼梯上摔了 她说啥事没有 可就是站不起来', 'report', 'assistance', 'urgent'],
    // one harm over, its cause still going on: still a complaint
    ['孩子被楼上掉的花盆擦伤 已经好了 可他家阳台上还是天天摆一排花盆', 'report', null, 'normal'],
    // ...not an office line nobody picks up
    ['我自己一个人住 物业的电话一直打不通 水管漏了没人修', 'report', null, 'normal'],
  ])('%s → %s / %s / %s', (text, intent, category, urgency) => {
    const r = classifyByRules(text);
    expect(r.intent).toBe(intent);
    if (category !== null) expect(r.category).toBe(category);
    expect(r.urgency).toBe(urgency);
  });
});

describe.each([
  ['own tuning set', fixture('own-tune.jsonl')],
  ['own first held-out set', fixture('own-holdout.jsonl')],
  ['own first blind set', fixture('own-blind.jsonl')],
  ['own second blind set', fixture('own-blind2.jsonl')],
  ['own third blind set', fixture('own-blind3.jsonl')],
  ['own fourth blind set', fixture('own-blind4.jsonl')],
  ['own fifth blind set (urgent-heavy)', fixture('own-blind5.jsonl')],
  ['own sixth blind set', fixture('own-blind6.jsonl')],
  ['round-2 blind set (voice input, dialect, traps)', fixture('blind-r2.jsonl')],
  ['round-3 blind set', fixture('blind-r3.jsonl')],
  ['round-4 blind set (indirect emergencies, near-miss traps)', fixture('blind-r4.jsonl')],
  ['round-5 blind set (written after the concept slots)', fixture('blind-r5.jsonl')],
  ['the lead\'s blind set (80 messages; first run: urgent recall 1.00 and 0.92)', fixture('lead-blind.jsonl')],
  ['dev-style blind set (200 messages; first run: intent 0.91, report precision 0.948)', fixture('devstyle-blind.jsonl')],
  ['second dev-style blind set (80 messages; first run: category 0.826, urgent recall 0.889)', fixture('devstyle-blind2.jsonl')],
  ['r5 precision set (150 messages, look-alike non-reports; first run: intent 0.887, report precision 0.888)', fixture('r5-precision.jsonl')],
  ['r5 confirmation set (60 messages; first run: intent 0.883, report precision 0.868, 1 false urgent)', fixture('r5-confirm.jsonl')],
  ['r6 fresh set (160 messages; first run: category 0.893, urgent recall 0.875, 1 false urgent)', fixture('r6-fresh.jsonl')],
  ['r7 urgent set (120 messages, urgent look-alikes; first run: urgent recall 0.96, 5 false urgent)', fixture('r7-urgent.jsonl')],
  ['r8 category set (140 messages, tie-break pairs over nine categories; first run: category 0.83, intent 0.95)', fixture('r8-category.jsonl')],
  ['r9 board set (114 messages, long formal complaints, notices, service questions; first run: intent 0.851, category 0.780, urgent recall 0.714)', fixture('r9-board.jsonl')],
  ['r9 group set (126 messages, plain faults, free-word sign-ups, letter buildings; first run: intent 0.857, urgent recall 0.75, 2 false urgent)', fixture('r9-group.jsonl')],
  ['r9 safety set (88 messages, indirect emergencies, standing nuisances; first run: urgent recall 0.70, report recall 0.877)', fixture('r9-safety.jsonl')],
  ['r9 final set (70 messages written after the r9 tuning; first run: intent 0.914, urgent recall 0.667, 1 false urgent)', fixture('r9-final.jsonl')],
  ['r10-a set (116 messages, real residents\' writing; first run: intent 0.931, category 0.855, urgent recall 0.875, 3 false urgent)', fixture('r10-a.jsonl')],
  ['r10-b set (99 group-chat messages; first run: intent 0.828, report recall 0.868, category 0.735, urgent recall 0.769)', fixture('r10-b.jsonl')],
  ['r10 final set (60 messages written after the r10 tuning; first run: intent 0.833, category 0.750, urgent recall 0.70, 1 false urgent)', fixture('r10-final.jsonl')],
  ['r10 check set (60 messages written after the second r10 tuning; first run: intent 0.833, category 0.750, urgent recall 0.50, 1 false urgent)', fixture('r10-check.jsonl')],
  ['r10 urgent set (40 messages, 15 emergencies told indirectly; first run: urgent recall 0.533, intent 0.825)', fixture('r10-urgent.jsonl')],
  ['r11 chat set (65 group-chat messages, 16 emergencies told indirectly; first run: intent 0.892, report recall 0.913, category 0.761, urgent recall 0.75)', fixture('r11-chat.jsonl')],
  ['r11 formal set (63 long formal complaints; first run: intent 0.905, category 0.782, urgent recall 0.571, 3 false urgent)', fixture('r11-formal.jsonl')],
  ['r11 check set (41 messages written after the r11 tuning; first run: intent 0.658, report recall 0.731, category 0.615, urgent recall 0.615)', fixture('r11-check.jsonl')],
  ['r11 final set (32 messages written after the second r11 round; first run: intent 0.75, report recall 0.857, category 0.810, urgent recall 0.636, 1 false urgent)', fixture('r11-final.jsonl')],
  ['r12 group set (60 group-chat messages; first run: intent 0.950, report recall 0.947, category 0.947, urgent recall 1.00)', fixture('r12-group.jsonl')],
  ['r12 board set (40 resident messages, 13 long letters; first run: intent 0.975, category 0.885, urgent recall 0.857)', fixture('r12-board.jsonl')],
  ['r13 urgent set (50 messages, 31 emergencies told indirectly, 19 near-misses; first run: intent 0.880, category 0.683, urgent recall 0.516, 1 false urgent)', fixture('r13-urgent.jsonl')],
  ['r14 urgent set (43 messages, 27 emergencies told indirectly, 16 look-alikes; first run: intent 0.884, report P 0.941, category 0.794, urgent recall 0.815, 1 false urgent)', fixture('r14-urgent.jsonl')],
  ['r14 check set (31 mixed messages, 7 emergencies, never tuned on; first run: intent 1.000, category 0.952, urgent recall 1.00, place 0.968)', fixture('r14-check.jsonl')],
  ['r15 board set (47 board letters and service, notice, thanks and progress messages; first run: intent 0.936, category 0.800, urgent recall 0.80, 2 false urgent, place 0.936)', fixture('r15-board.jsonl')],
  ['r15 check set (32 mixed letters and group chat, never tuned on; first run: intent 0.969, category 0.913, place 0.969; after the r15 tuning: category 0.957, place 1.00)', fixture('r15-check.jsonl')],
  ['r16 group set (54 group-chat messages: progress questions without a ticket number, plain faults, help asked vs offered, free-word sign-ups, service questions, notices and thanks; first run: intent 0.889, report P 0.871, report R 0.964, category 0.929, urgent recall 1.00)', fixture('r16-group.jsonl')],
  ['r17 group set (46 group-chat messages and letters: progress questions about a vaguely named earlier report vs new reports with a time and relayed news, device or medicine asked for an acute symptom, free-word volunteering, letters blaming the property company for dirt; first run: intent 0.783, report P 0.800, report R 0.952, category 0.905, urgent recall 0.875)', fixture('r17-group.jsonl')],
  ['r18 group set (45 group-chat messages: dangers imagined, feared, past or nagged about vs emergencies now, door posers, numbers that are no place vs real places, scheduled-yet questions, news that a matter is passed on; first run: intent 0.822, report P 0.879, report R 0.935, category 0.806, urgent recall 1.00, 1 false alarm, place 0.956)', fixture('r18-group.jsonl')],
  ['r20 group set (47 group-chat messages: plain faults, help asked vs offered, free-word sign-ups, service questions, notices, thanks naming a fix, progress without a ticket, letter and compound buildings, emergencies told indirectly, angry standing nuisances, a poser selling at the door, a ball in the stairwell, a ground lock, a hazard told with 万一; first run: intent 0.915, report P 0.933, report R 0.933, category 0.867, urgent recall 1.00, 0 false alarms, place 1.00)', fixture('r20-group.jsonl')],
  ['r21 board set (42 board letters and forum posts: property blamed for thefts, posers at the door, neighbours vs shops, indirect emergencies inside long letters, notices, thanks letters, letter buildings, road numbers and household counts; first run: intent 0.881, report P 0.943, report R 0.917, category 0.833, urgent recall 0.833, 3 false alarms, place 0.952; after the r21 tuning every figure 1.00, no false alarm)', fixture('r21-board.jsonl')],
  ['r21 check set (25 letters and forum posts, never tuned on; first run and after the r21 tuning alike: intent 0.960, report P 0.952, report R 1.00, category 0.950, urgent recall 1.00, 0 false alarms, place 0.960)', fixture('r21-check.jsonl')],
  ['r22 group set (197 group-chat messages in six batches, each scored before its own tuning: news of another estate, praise of a neighbour, questions to neighbours vs staff, newcomers, lost and found, unusual building writing (廿三栋, 东区3号楼, 4楼01, c座), voice run-ons, calm emergencies (a calm preface, smoke drifting or under a door, a child out on the outdoor unit, a frail person not answering, a lock cut while watched); first run of the whole set on the rules before the round: intent 0.914, report P 0.881, report R 0.972, category 0.897, urgent recall 0.889, 0 false alarms, place 0.990; of its first 64, before any change: intent 0.969, report P 0.949, report R 1.00, category 0.973, urgent recall 1.00; after the r22 tuning: intent 0.985, report P 0.973, report R 1.00, category 1.00, urgent recall 1.00, 0 false alarms, place 1.00)', fixture('r22-group.jsonl')],
  ['r23 forum set (98 forum posts, complaint-board messages and group messages in dialect: shops, sites, group rentals and repairers named as the cause, sarcasm and bitter questions, plain faults, help for a person, emergencies told as stories, opinions, laments, hearsay and thanks in the same words; written and first scored in five batches before each one\'s tuning: the first 55 intent 0.836, report P 0.902, report R 0.881, category 0.762, urgent recall 1.00, 2 false alarms, place 0.964 (two place labels corrected afterwards: 1.00); 12 emergencies as stories intent 0.917, category 0.909, urgent recall 1.00; 12 category look-alikes intent 0.750, category 0.545; 10 more intent 0.900, category 0.889; 9 oblique emergencies urgent recall 0.889, category 0.889; after the r23 tuning intent 0.990, report P 0.988, report R 1.00, category 0.976, urgent recall 1.00, 1 false alarm, place 1.00)', fixture('r23-forum.jsonl')],
  ['r24 category set (46 reports, each near a category boundary: a leak from the flat above vs a burst shared pipe vs a supply cut, a fire lane blocked by a named flat vs a stall vs nobody known, strays vs a pointed-at owner\'s dog, a renovating neighbour\'s rubbish vs uncollected bins, a broken lift vs lift fees, lights outside vs inside the estate, a fall now vs a slippery step; first run: intent, report P/R, urgent recall and place 1.00, category 0.935, 1 false alarm (a cracked riser running down the stairwell wall, labelled normal); after the r24 tuning category 1.00)', fixture('r24-category.jsonl')],
  ['r26 forum set (75 forum, complaint-board and group messages in dialect and voice-input writing: plain faults with no request word over many objects, shops, sites and rentals named as the cause, the property company blamed, laments, opinions, hearsay, jokes, thanks naming a fix, offers, news, emergencies told as stories; first run (business nuisances relabelled by the taxonomy): intent 0.947, report P 0.982, report R 0.964, category 0.946, urgent recall 1.00, 1 false alarm, place 0.973; after the r26 tuning all 1.00 but that 1 false alarm, a stroke told as a lasting state)', fixture('r26-forum.jsonl')],
  ['r25 board set (99 long formal letters to a county message board, written and first scored in three batches before each one\'s tuning: every category in letter form, property blamed for thefts, neighbours vs a food stall, supply cuts from a pipe, how-to-apply service questions, emergencies inside letters (a flat flooding from above, an old person alone not seen for days, an intruder still inside, a gas smell now, a garage filling, dementia gone out), angry standing nuisances, thanks letters, opinions, forwarded notices, progress questions through 12345 or the county head\'s mailbox; first 69: intent 0.957, report P 0.950, report R 1.00, category 0.965, urgent recall 0.875, 1 false alarm, place 1.00; next 20: intent 0.900, report P 0.895, report R 1.00, category 0.647, urgent recall 0.50, 2 false alarms, place 1.00; last 10: intent 1.00, category 0.889, urgent recall 1.00, place 0.90; after the r25 tuning: intent 1.00, report P 1.00, report R 1.00, category 0.952, urgent recall 1.00, 0 false alarms, place 1.00)', fixture('r25-board.jsonl')],
  ['r31 urgent set (44 group-chat, voice-input and letter messages: 24 emergencies told by their signs, not their names — a routine broken for days, a relative far away asking staff to check, a bite, a cut head or a scald told by its look, fainting, a fit, breathing wrong, fumes by the body beside a heater or a coal stove, a vague rotten-egg smell, smoke from a neighbour\'s door or window, water onto a bed or into sockets, someone on a roof edge or a balcony rail, a child in a hot car, a wanderer with dementia, a shock, someone who cannot get up — and 20 look-alikes: fire-safety grumbles, events over, rumours, drills, fears with 万一, standing nuisances, news, a neighbour on holiday, a lost pet, TV plots; first run: intent 0.932, report P 0.969, report R 0.939, category 0.727 (0.758 once two labels were aligned with standing conventions: gas-heater fumes are utilities, a device applied for an elder is assistance), urgent recall 0.708, 1 false alarm, place 1.00; after the r31 tuning: intent 0.977, report P 0.971, report R 1.00, category 0.970, urgent recall 1.00, 0 false alarms, place 1.00 (left: a lost pet labelled chat read as a report, and a smoke-blackened stairwell to repaint read as sanitation))', fixture('r31-urgent.jsonl')],
  ['r29 category set (72 group-chat and forum messages: 58 reports at category boundaries — property blamed for guards and cameras, a neighbour\'s dog vs strays, e-bikes charged by a named flat vs by someone, posers at the door, a burst main vs a leaking shared pipe, a shop\'s rubbish or noise vs bins and neighbours, broadband vs a broken door, heating fees vs no heat, parking rules vs my space, people in danger vs a facility holding them, service questions vs complaints about the service, other — with letter and compound buildings (D7栋, 12A栋, c2幢, A区3栋, 7号楼B座, 3#, 3-2-401) beside numbers that are no place; and 14 queries, sign-ups and chat; first run: intent 0.972, report P 1.00, report R 0.965, category 0.877, urgent recall 1.00, 2 false alarms, place 0.972 (six labels then aligned with standing conventions); after the r29 tuning every figure 1.00 but 1 false alarm (a lost old woman sitting in a stairwell, labelled normal))', fixture('r29-category.jsonl')],
  ['r28 group set (120 group-chat messages, many as a 70-year-old types them by voice: free-word sign-ups and withdrawals, offers of help vs help asked for a person, progress questions without a ticket number, questions only staff can answer, relayed notices, thanks naming a fix, ads, lost and found, questions to neighbours, posts and points, plain faults, spoken building and room numbers; written and first scored in three batches before each one\'s tuning: the first 72 on the rules before the round intent 0.903, report P 0.900, report R 0.964, category 0.964, urgent recall 1.00, 0 false alarms, place 0.958; 28 more intent 0.857, report P 0.846, report R 1.00, category 0.909; 20 more intent 0.900, report P 0.889, report R 1.00; the first 100 together on the rules before the round intent 0.890, report P 0.884, report R 0.974, category 0.949, urgent recall 1.00, place 0.960; after the r28 tuning every figure 1.00 but place 0.992 (a spoken room standing alone, 五零一))', fixture('r28-group.jsonl')],
  ['r27 urgent set (72 group-chat, voice-input and letter messages: 36 emergencies told indirectly (someone alone not answering, a child out past a window, blood that will not stop, a charger glowing, a ceiling sagging with water, a child bolted in gone silent, a flooded flat told by its furniture, a stranger leading a child) and 36 look-alikes (angry standing faults, past events handled, fears with 万一, fire-safety nagging, news, drills, jokes, TV plots, a rumour found false); first run: intent 0.889, report P 0.943, report R 0.909, category 0.855, urgent recall 0.778, 2 false alarms, place 1.00; after the r27 tuning: intent 0.972, report P 1.00, report R 0.964, category 0.927, urgent recall 1.00, 0 false alarms, place 1.00)', fixture('r27-urgent.jsonl')],
  ['r33 group set (66 group-chat messages, many as a 70-year-old types them by voice: free-word sign-ups with a reason or a skill in between, withdrawals, offers of help, found things and pets, questions to neighbours, ads, relayed notices, praise and thanks, greetings and festival wishes, points/post/activity queries, vs plain faults told flat with no request word — a stranger loitering at a unit door, a fire lane blocked, a broken unit-door lock, someone trying door handles, a wheelchair asked for a hurt mother, a child with no grown-up — and spoken building and room numbers; written before any rule was read; first run: intent 0.758, report P 0.731, report R 0.826, category 0.826, urgent recall 1.00, 0 false alarms, place 0.985; after the r33 tuning every figure 1.00)', fixture('r33-group.jsonl')],
  ['r34 category set (60 group-chat and forum messages: 57 reports between two categories decided by the taxonomy\'s tie-breaks — strays biting a pet cat vs a named flat\'s dog, a car from the next unit in my space vs parking rules, a room for old chess players, a kindergarten and a canteen for the elderly wanted (other: no person in need, nothing to apply for), a collapsed boundary wall letting outsiders in, guards withdrawn by the property company, a flat let by the bed, a milk-tea shop\'s speakers, a collapsed bus shelter, heating fees vs no heat, a shop\'s rubbish vs uncollected bins, broadband vs the entry phone, the property company blamed for a theft vs for not cleaning, lift fees vs a broken lift, a neighbour\'s renovation rubbish vs stuff piled by nobody named — with places written oddly (D7栋, 12A栋, 三栋二单元五零二, 7号楼B座, 3-2-401, 东区5号楼, 5单元) beside numbers that are no place (建设路88号, 1200户, 3路公交, 二十来年, 30多度, 2号线); and 3 chat and query; first run: intent 0.967, report P 1.00, report R 0.965, category 0.860, urgent recall 1.00, 0 false alarms, place 1.00; after the r34 tuning every figure 1.00 and 0 false alarms)', fixture('r34-category.jsonl')],
  ['r37 mixed set (60 group-chat, forum and complaint-board messages in the proportions such sources have: 46 reports over every category, many told flat with no request word, long and rambling or in voice-input run-ons, places written oddly (3#, 12A栋, 五号楼二单元, A区3栋, b座1203, 3-2-401) beside numbers that are no place (a price, a year, a floor, a count of households), four emergencies (a lift holding a father, a gas smell on the stairs, a woman living alone unseen for two days, an old woman down and unable to rise), and chat, queries and sign-ups; first run: intent 0.950, report P 1.00, report R 0.957, category 0.957, urgent recall 1.00, 0 false alarms, place 1.00; after the r37 tuning: intent 1.00, report P 1.00, report R 1.00, category 1.00, urgent recall 1.00, 0 false alarms, place 1.00)', fixture('r37-mixed.jsonl')],
  ['r38 board set (52 long letters to a county message board, background then request: 42 reports whose category the problem decides — a roof, a rubbish heap, street lamps, a septic tank and a missing manhole cover that 社区、物业、住建局 each said were not theirs, motorbikes and sports cars raced at night below the building (security) vs a named flat\'s son revving his motorbike (dispute), distribution and meter boxes on fire or smoking (security, urgent), a village bus and a county bus route or stop cut (other), kindergarten and primary school places (service), flats let by the bed (security), market stalls in a fire lane (security) vs on the road (other), landlords keeping deposits (dispute), a phone shop\'s speakers, a mahjong parlour and a gym below (other) vs the flat above (dispute), water bills doubled (utilities) vs the property company adding a charge (property), crumbling retaining walls and slopes (facility), stray dogs (sanitation), elderly people alone needing meals (assistance) — and 10 thanks, opinions and progress questions in letter form; first run: intent 0.923, report P 0.933, report R 1.00, category 0.762 (0.786 once a septic tank overflowing was labelled facility, as the shared drains), urgent recall 1.00, 1 false alarm, place 0.962 (0.981 once 我们7栋 was labelled building 7); after the r38 tuning: intent 1.00, report P 1.00, report R 1.00, category 1.00, urgent recall 1.00, 1 false alarm (a retaining wall cracked over a school path, which the safety net\'s falling concept raises: left), place 0.981 (left: 下面就是5栋和6栋 read as building 5))', fixture('r38-board.jsonl')],
  ['r36 query set (50 group-chat and letter messages at the boundary of a progress query, a new report and a question to neighbours: progress asked through the channel or the state of an earlier report (网上留言 一直显示待受理, 打过12345 单子还在不在, 上礼拜报的…有人管没), who holds a post, love-bank points, open activities vs joining told with a skill, complaints phrased as questions with no earlier report, how-to-apply questions only staff can answer, a matter told again with the action demanded, questions to neighbours, forwarded notices, thanks for a fix, free-word joining and withdrawing; first run: intent 0.920, report P 0.882, report R 0.938, category 0.938, urgent recall 1.00, 0 false alarms, place 1.00; after the r36 tuning: intent 1.00, report P 1.00, report R 1.00, category 1.00, urgent recall 1.00, 0 false alarms, place 1.00)', fixture('r36-query.jsonl')],
  ['r35 urgent set (52 group-chat, voice-input and letter messages: 31 emergencies of the kinds a hidden set found missed, told as residents tell them — an intruder still inside a flat broken into, a child not home with the phone watch dead, water from above down a lamp onto sockets or a bed, sewage backing up into a bedroom, an elder gone for days (told in a letter as 至今未归), a relative phoning from a stuck lift, gas by its smell or hiss, fire or smoke seen from a window, a fall told by the thud then silence, a child on the sill of an open window or out on an outdoor unit, a live wire down in a puddle where children play — and 21 look-alikes: no phone signal for weeks and power cut every few days told angrily, a break-in and a lift rescue already handled, gas-safety advice, a drill notice, fears with 万一, fires and blasts on another estate, a cat and a dog lost with the group asked to tell, a teenager late but answering the phone, a neighbour chopping at night, a ceiling stain, a past kitchen fire with a wish, a stove left on and already off, a bang from a building site; first run: intent 0.923, report P 0.952, report R 0.952, category 0.929, urgent recall 0.903, 1 false alarm, place 1.00; after the r35 tuning every figure 1.00 and 0 false alarms)', fixture('r35-urgent.jsonl')],
  ['r40 urgent set (40 group-chat and voice-input messages about people in danger told indirectly: 24 emergencies — an old man with a poor memory out since 大前天 and 就没回来, routines broken for days or a week by someone alone (平时天天…这礼拜一次都没来过, papers piled at the door), a scald or a cut at the stove (做饭的时候烫着了 起了好大的泡, 血止不住), a diabetic trembling and sweating, children who swallowed a button cell, a magnet or disinfectant, a face drooping and speech slurred, breath failing lying down (躺下就喘 只能坐着睡), a woman in labour with no car — and 16 look-alikes: someone at a relative\'s or already in hospital, a cut already plastered, a cold, where to get a flu jab or a check-up (service), health advice, a routine paused for rain or an icy path, a frail mother needing company to a check-up (assistance, normal); first run: intent 0.950, report P 0.935, report R 1.00, category 1.00, urgent recall 0.833, 0 false alarms, place 1.00; after the r40 tuning every figure 1.00 and 0 false alarms)', fixture('r40-urgent.jsonl')],
  ['r41 group set (42 group-chat messages, some as voice-input run-ons or in dialect: 24 non-reports that read like reports — a neighbour\'s spare rice or bike offered, a nurse or a barber offering a skill at a named event, a calligraphy class asked whether it takes people, notices relayed from the residents\' committee and the property company, things found told to the group, tradesmen and shops asked of the neighbours, praise of a repair, jokes, festival greetings, weather and prices — and 18 reports, many plain faults told flat: a smell in a stairwell, a KTV loud till two, someone trying door handles, a missing manhole piece, a stray\'s mess, barbecue smoke, a lift stuck with someone inside, gas in a stairwell, how to apply for subsistence allowance; first run: intent 0.881, report P 0.882, report R 0.882, category 0.882, urgent recall 1.00, 0 false alarms, place 1.00; after the r41 tuning: intent 1.00, report P 1.00, report R 1.00, category 1.00, urgent recall 1.00, 0 false alarms, place 1.00)', fixture('r41-group.jsonl')],
  ['r39 urgent set (40 group-chat and voice-input messages: 24 emergencies told indirectly — a relative in a stopped lift told by a phone or a video call (one alone inside, between two floors, the bell unanswered), a child or an elder bolted in a room, a bathroom or on a balcony, a small child half out of a pushed-open screen window or out on an air-conditioner bracket, smoke or flames from a window, a garage, a stairwell or a neighbour\'s door, a burning smell with an alarm beeping, a person under a collapsed shed or a fallen cabinet — and 16 look-alikes: a lift that stops often told angrily with nobody inside, a drill, a smoke-alarm test, a fire already out, barbecue smoke, fears with 万一, a lift fixed and thanked, a lift trapping on another estate in the news, a lift that jammed a moment and went on, a burning smell with no alarm (sanitation), a locksmith asked by someone shut out; first run: intent 0.900, report P 1.00, report R 0.879, category 0.758 (0.788 once a lift complaint aimed at 物业到底管不管 was labelled property, the company as target), urgent recall 0.750, 1 false alarm, place 1.00; after the r39 tuning: intent 0.975, report P 1.00, report R 0.970, category 0.939, urgent recall 1.00, 0 false alarms, place 1.00 (left: 谁家在烧东西…熏死了 read as security, labelled sanitation; a locksmith recommendation asked by someone shut out read as chat, labelled report/other))', fixture('r39-urgent.jsonl')],
  ['r43 group set (60 group-chat messages, some as voice-input run-ons or in dialect: 36 non-reports that read like reports — notices relayed from the property company, the residents\' committee, the power and water companies (停水, 停电检修 at a time), things found and handed to the gate, spare things and a skill offered, a tradesman, a shop and a mover asked of the neighbours, news and gripes about another estate, a relative\'s estate or TV, laments about prices, weather and homework, greetings and jokes, fixes thanked, the writer owning up to a thing in the stairwell and shifting it, questions to neighbours, flowers shared — and 24 reports told flat with no request word: faults, dirt, noise from a flat and from a shop\'s loudspeaker, a bottle thrown down, gas in a stairwell, a live wire sparking, a roof leaking onto the top-floor flat; written before any rule was read; first run: intent 0.900, report P 0.821, report R 0.958, category 0.917, urgent recall 1.00, 1 false alarm, place 1.00; after the r43 tuning every figure 1.00 and 0 false alarms)', fixture('r43-group.jsonl')],
  ['r44 urgent set (50 group-chat and voice-input messages: 30 emergencies told by signs, not names — a child not home from school, a watch-phone unanswered, 求扩散, someone collapsed in a stairwell or at a bus stop, a mother whose mouth dropped mid-sentence on a video call, a father in a stopped lift and a mother-in-law fallen told by phone, a toddler alone clinging to a balcony rail or locked in a car, burns from hot oil or boiling water with blisters, elders missing from their usual seat for days with curtains drawn, choking, seizures, someone in a pond or a river, gas with someone inside not answering or lying still, a knife fight, someone on a roof edge, smoke from a flat — and 20 look-alikes: the same already handled (taken by 120, found, back from grandma\'s), fears with 万一, news from elsewhere, drills, anger at standing nuisances, a cut or a graze already dressed, an elder known to be at a son\'s or a daughter\'s; first run: intent 0.940, report P 0.919, report R 1.00, category 0.853, urgent recall 0.900, 1 false alarm, place 0.980; after the r44 tuning: intent 0.980, report P 0.971, report R 1.00, category 0.941, urgent recall 1.00, 0 false alarms, place 0.980 (left: a gas smell with an old woman inside not answering the door read as utilities, labelled assistance — r23 labels the same utilities; a 万一 request for a call button read as assistance, labelled service; a question whether the lift was fixed after an earlier trapping read as report, labelled query; 5号楼702对面 read with room 702, labelled without))', fixture('r44-urgent.jsonl')],
  ['r46 query set (57 group-chat, dialect and voice-input messages at the boundary of progress queries, service questions, sign-ups and new reports: progress asked about an earlier report without a ticket number (a request shown pending on the official account, a lamp pointed back to, 12345 called and a hotline call back passing it on, a visit promised for the weekend, a matter registered before), the same matter told again with new detail, how or where to apply (低保, 医保卡补办, 老年证, 燃气开户, 居住证, 电动车上牌), questions to neighbours, love-bank points and who holds a post, free-word sign-ups and withdrawals, whether an activity still takes people, thanks naming a fix; first run: intent 0.877, report P 0.824, report R 1.00, category 0.929, urgent recall 1.00, 1 false alarm, place 1.00; after the r46 tuning: intent 1.00, report P 1.00, report R 1.00, category 0.929, 1 false alarm (left: 新房子要开通燃气 找谁开户啊 read as utilities, labelled service as the brief has it while earlier sets label the like utilities; a ceiling bulging and dripping from the flat above, labelled normal, read as urgent as earlier sets label a bulging ceiling))', fixture('r46-query.jsonl')],
  ['r45 category set (71 group-chat messages, many short, voice-input or in dialect: 63 reports near category boundaries, in every category — motorbikes racing at night (security) vs a supermarket\'s loudspeaker blaring its offers and a KTV (other) vs mahjong and chairs from a named flat (dispute); heating fees asked, a water bill doubled and no heat or water (utilities); the property company blamed for a theft (property by the tie-break) or for a lift broken a week (property) vs a broken camera (security) vs someone trapped in a lift (facility, urgent); a couple quarrelling downstairs (dispute) vs a stranger threatening a life and still about (security, urgent); a flat let by the bed; men posing as gas and water workers; building rubbish tipped on a verge by nobody named (sanitation) vs at my door by a named flat (dispute) vs bins not collected vs a dead rat; a broken branch over a path (sanitation) vs a dark streetlight and a missing manhole cover (facility); a fire lane blocked vs my space taken; a village bus stopped and a bus-stop sign knocked down (other); e-bikes charged in a corridor; a named flat\'s dog vs strays; leaks from upstairs (dispute, urgent when flooding) vs a burst main (facility, urgent) vs a home heating pipe (utilities, urgent); a shed roof blown off (facility); a lost cat; a child not home; service questions — and 8 chat, queries and sign-ups; first run: intent 0.972, report P 1.00, report R 0.968, category 0.889, urgent recall 0.875, 1 false alarm, place 0.972; after the r45 tuning: intent 1.00, report P 1.00, report R 1.00, category 0.984, urgent recall 1.00, 0 false alarms, place 1.00 (left: the theft with 交物业费干啥吃的 read as security, by the rules\' earlier decision that a theft stays security))', fixture('r45-category.jsonl')],
  ['r47 board set (45 long residents\' letters to the county message board and forum posts, written before any rule was read: 36 reports over every category, told background first and the request at the end, with cues spread across categories (the property company named beside a road, heating or a bite; a shop beside slops; a department blamed beside a broken door), places beside numbers that are no place (road numbers, household counts, dates, money, a phone number), five emergencies told inside a letter (gas on a stairwell, an old woman down behind a locked door, a storm flooding a ground-floor flat, a stairwell fire, a child lost in a park), and nine non-reports: a thanks letter, praise of a cadre, opinions and a sarcastic post with no request, two pasted official notices, three progress questions through the channel; first run: intent 0.956, report P 1.00, report R 0.944, category 0.889, urgent recall 1.00, 0 false alarms, place 1.00; after the r47 tuning every figure 1.00 and 0 false alarms)', fixture('r47-board.jsonl')],
  ['dev set', devSetPath],
])('thresholds on the %s', (_name, path) => {
  const set = loadSet(path);
  it.skipIf(!set)(`meets every threshold${set ? '' : ` (skipped: ${path} is absent)`}`, () => {
    const { figures } = evaluate(set!, set!.map((m) => classifyByRules(m.text)));
    const verdict = meetsThresholds(figures);
    expect(verdict.failures).toEqual([]);
  });
});

// r30: people not seen or not reachable for days, told by signs, and what is unseen but no person
// (sentences written apart from r30-unseen).
describe('r30 concepts', () => {
  readsAs([
    // the doorstep not taken in, by someone who lives alone told as 只有他一个人
    ['隔壁老吴家门口的报纸三天都没人拿 家里只有他一个人', 'report', 'assistance', 'urgent'],
    // a phone unreachable told verb first (拨不通她的手机)
    ['我姑姑独居 从早上到现在一直拨不通她的手机 住5栋', 'report', 'assistance', 'urgent'],
    // the cleaners or the bin lorry not seen for days: a complaint, no person missing
    ['三四天没见环卫来收垃圾了 垃圾桶都满了', 'report', 'sanitation', 'normal'],
  ]);

  it('an animal not seen for days is no person missing', () => {
    expect(classifyByRules('好几天没见那条大黄狗了 谁家养的').urgency).not.toBe('urgent');
    expect(classifyByRules('两天没看到那只橘猫了 平时都在车棚睡').urgency).not.toBe('urgent');
  });
});

// r33: group-chat sign-ups in free words, withdrawals, offers, found pets and things left on, questions
// to neighbours, relayed notices vs plain faults told flat (sentences written apart from r33-group).
describe('r33 concepts', () => {
  readsAs([
    // free time offered for an activity, however far 有空 is from 我
    ['那个敬老院的活动还要人不 我白天都有空', 'signup', null, null],
    // may I come, said of an activity
    ['我会缝补衣服 义卖那天我可以去吗', 'signup', null, null],
    // that job, I can lend a hand
    ['打扫楼道那个活我能帮把手', 'signup', null, null],
    // stepping out of an activity named by its day, or passed on for someone
    ['孙子发烧了 礼拜天那个我来不了了', 'signup', null, null],
    ['王姐让我跟大家说一声 她腿疼 明天去不了了', 'signup', null, null],
    // leave it with me: an offer
    ['我上夜班白天在家 谁家有东西要代收的可以放我这', 'chat', null, null],
    // a key left in, a pet found wandering: a word to the owner
    ['谁的自行车钥匙还插着呢 在快递柜旁边', 'chat', null, null],
    ['谁家走丢了一只白猫 在花坛边上叫了一上午', 'chat', null, null],
    // a tradesman for one's own home asked of the neighbours
    ['卫生间瓷砖掉了几块 你们都是找的哪家师傅贴的', 'chat', null, null],
    // where one is nearby
    ['小区附近有没有剪头发便宜的地方', 'chat', null, null],
    // a notice passed on by whom it came from, with its day
    ['社区通知 下周一上午在广场免费量血压测血糖', 'chat', null, null],
    // a stranger hanging about a door
    ['最近总有个陌生女的在单元门口晃悠 也不知道找谁', 'report', 'security', 'normal'],
    // a drill named only as when the blockage showed
    ['车库出口又被堆满了杂物 上次演习消防车就没开进来', 'report', 'security', 'normal'],
    // rain coming in, told flat where it is
    ['5栋楼梯间窗户那漏雨', 'report', 'facility', 'normal'],
    // a child with no grown-up by them
    ['两个小孩在车库里玩了一下午 一直没大人', 'report', 'assistance', 'normal'],
    // a care aid asked of the neighbours for someone at home
    ['有没有哪家有护理床 借我用一阵 我婆婆卧床了', 'report', 'assistance', 'normal'],
    // a found thing left where its owner will see it
    ['捡到个老花镜 放在2栋信箱上面了', 'chat', null, null],
    // a child put forward to perform
    ['我儿子会变魔术 晚会那天让他也表演一个', 'signup', null, null],
    // a repairer for one's own appliance asked of the group
    ['群里有会修热水器的吗 我家的打不着火了', 'chat', null, null],
    // stepping out, with what one must bring instead (要带 is no question)
    ['植树那天我去不成了 要带孙子', 'signup', null, null],
    // a hand offered at an activity
    ['义卖那天我帮着收收钱', 'signup', null, null],
    // passed on to the group in so many words
    ['转告各位：明天上午九点到十一点停水', 'chat', null, null],
    // someone watching the bikes, or trying a door, told flat
    ['这几天老有两个人在地库盯着电动车看', 'report', 'security', 'normal'],
    ['昨晚有人掰我家门把手 好几下', 'report', 'security', 'normal'],
    // a hand offered for the day
    ['义卖那天我能过去帮个忙', 'signup', null, null],
    // leave taken from an activity
    ['下礼拜的植树我就请假了 老寒腿又犯了', 'signup', null, null],
    // a past fire named as why the fire lane matters is no fire now
    ['消防通道又被快递车占了 上回着火就是因为这耽误了', 'report', 'security', 'normal'],
    // one of the household wants to come too, run on without a break
    ['植树那天我家老伴也要去她力气大', 'signup', null, null],
    // a thing left behind, its owner asked
    ['谁家的围巾忘在凉亭长椅上了 红格子的', 'chat', null, null],
    // someone about who does not look as if they belong
    ['这两天老有个人在快递柜那边转 看着不像业主', 'report', 'security', 'normal'],
    // a supplier's notice passed on by its source
    ['供电所通知 明天上午八点到十二点停电', 'chat', null, null],
    // a hand offered for one of the household
    ['我老伴力气大 植树那天能帮着抬树苗', 'signup', null, null],
  ]);

  it('look-alikes stay what they are', () => {
    // a relayed promise complained of as broken is a report
    expect(classifyByRules('物业说下周来修 都说了三回了 还是没人来').intent).toBe('report');
    expect(classifyByRules('自来水公司说明天停水 结果到现在都没来水').intent).toBe('report');
    // volunteers asked to help a person are asked, not offered
    expect(classifyByRules('我妈刚做完手术 有志愿者能帮着接送去复查吗').intent).not.toBe('signup');
    // a shared door's tradesman asked about, the door broken again: a report
    expect(classifyByRules('单元门又坏了 上回找的哪家师傅修的 修完三天就不行了').intent).toBe('report');
    // a neighbour's dog running loose is no found pet
    expect(classifyByRules('谁家的狗没拴绳 在楼下追小孩').intent).toBe('report');
    // a drill announced is still a notice
    expect(classifyByRules('今天下午消防演习 大家听到警报别慌').intent).toBe('chat');
    // a reference to an earlier report, no fault told now
    expect(classifyByRules('上个月报的那个漏雨的事').intent).not.toBe('report');
    // where to hand a found thing in asks staff
    expect(classifyByRules('我捡到一把伞 放在哪里合适').intent).toBe('report');
    // which activities are open, wanting to join one: a question about activities
    expect(classifyByRules('下个月都有哪些志愿活动 我想参加').intent).toBe('query');
  });

  it('a room spoken digit by digit names the household or the neighbour', () => {
    expect(classifyByRules('楼上天天半夜跺脚 三零二那家的').room).toBe('302');
    expect(classifyByRules('对门六零一又在楼道里堆纸壳').room).toBe('601');
    // 幺 read out for one
    expect(classifyByRules('十二栋三单元幺零四 楼道灯不亮').room).toBe('104');
    // a count or a year is no room
    expect(classifyByRules('二零二三年的时候我家也漏过').room).toBeNull();
  });
});

// r34: reports between two categories, decided by the taxonomy's tie-breaks (sentences written apart
// from r34-category).
describe('r34 concepts', () => {
  readsAs([
    // strays biting a pet are the strays to be dealt with (sanitation), not a neighbour's dispute
    ['小区那几条流浪狗前天把我家猫咬了 能不能找人抓走', 'report', 'sanitation', 'normal'],
    // ...and a pet's wound is no person in danger; a person bitten still is
    ['小区那群流浪狗又把我家猫咬了 流了好多血', 'report', 'sanitation', 'normal'],
    ['狗把我家孩子咬了 流了好多血', 'report', 'assistance', 'urgent'],
    // ...whoever's pet the strays bit; a neighbour's dog that bit a stray cat is the neighbour's
    ['那几条野狗半夜又窜进来 把二楼那家的小猫咬死了', 'report', 'sanitation', 'normal'],
    ['三楼那家的狗把流浪猫咬死了 血淋淋的', 'report', 'dispute', 'normal'],
    // ...but a named flat's pet, told by its breed, is the neighbour's, loose or not
    ['5栋301家的那条金毛又把我家猫咬伤了 就是不拴绳', 'report', 'dispute', 'normal'],
    // a car pointed at by where its owner lives, standing in my own space: an identifiable neighbour
    ['对面楼那辆银色的面包车天天停我车位上 我自己的车只能停路边', 'report', 'dispute', 'normal'],
    // an amenity the area lacks, wanted for everyone, is no person in need and no service to apply for
    ['这一片连个幼儿园都没有 孩子上学太远了 希望社区争取一下', 'report', 'other', 'normal'],
    ['我们小区连个菜市场都没有 买个菜要走老远 建议社区协调一下', 'report', 'other', 'normal'],
    // a charge questioned with the property side in view asks for an answer; a price lament does not
    ['这个月水费怎么又涨了 物业也不公示明细', 'report', 'property', 'normal'],
    ['电费又涨了 这日子没法过', 'chat', null, null],
    // public works and their lorries are no neighbour; a flat's renovation still is
    ['修地铁的渣土车天天夜里轰隆隆地过 窗户都在震', 'report', 'other', 'normal'],
    ['楼上装修电钻响到晚上十点', 'report', 'dispute', 'normal'],
    // guards idle at their post are the property company's service; a theft still decides as a crime
    ['门口的保安就是个摆设 谁都不拦', 'report', 'property', 'normal'],
    ['保安形同虚设 我家电动车昨晚被偷了', 'report', 'security', 'normal'],
    // an express locker itself out of order is the locker firm's (other); a lamp beside it is the estate's
    ['南门快递柜的柜门打不开了 件取不出来', 'report', 'other', 'normal'],
    ['快递柜边上的路灯坏了 晚上黑乎乎的', 'report', 'facility', 'normal'],
    // a breach in the boundary wall, told as the way outsiders come in, is the wall (facility), no break-in now
    ['南边那段围墙倒了一截 晚上总有人从豁口翻进来', 'report', 'facility', 'normal'],
    // ...but someone at a lock now is one
    ['有人从围墙缺口钻进来 正在撬车棚的锁', 'report', 'security', 'urgent'],
    // guards or patrols cut by the property company, or its cleaners not doing their round: the company's service
    ['物业说要省钱 把晚上巡逻的保安都裁了', 'report', 'property', 'normal'],
    ['物业请的清洁工一个礼拜才来扫一回 楼梯上全是灰', 'report', 'property', 'normal'],
    // a flat crammed with lodgers, told by bunks or their count, is public order
    ['2号楼有一户住了二十来个打工的 全是上下铺', 'report', 'security', 'normal'],
    // a shop's loudspeakers told with no hour are still the shop's noise; a bus stop's shelter is no estate facility
    ['路口那家水果店的大喇叭一天到晚循环叫卖', 'report', 'other', 'normal'],
    ['站台那个候车亭的顶棚被大风掀翻了', 'report', 'other', 'normal'],
    // the heating charge is a fee matter (property), not the supply
    ['供暖费凭啥按建筑面积算 公摊也要交', 'report', 'property', 'normal'],
    // a stall's swill is dirt (sanitation), not a neighbour's dispute; a room number told with its renovation is a neighbour
    ['小区门口那家包子铺的泔水天天倒在下水口 臭烘烘的', 'report', 'sanitation', 'normal'],
    ['1302装修的渣土堆在楼梯间好几天了', 'report', 'dispute', 'normal'],
    // public works loud, told with no request, are still a complaint about the works (other)
    ['3号线那边施工 挖掘机半夜还在轰 吵得孩子睡不着', 'report', 'other', 'normal'],
    // an amenity the community is asked to set up fits no category; a paper it issues is the service
    ['想请社区给放学的孩子弄个托管的地方 家长都下班晚', 'report', 'other', 'normal'],
    ['希望社区给开个无犯罪记录证明', 'report', 'service', 'normal'],
    // a neighbour by surname from the next unit, in my place: a dispute
    ['对面楼的老李又把他那辆三轮停我位子上了', 'report', 'dispute', 'normal'],
    // ...a car nobody can place in my space is the parking order; the owner placed afterwards makes it a dispute
    ['有台车停我车位上两天了 也没留电话', 'report', 'property', 'normal'],
    ['有台车停我车位上两天了 车主就是对面楼的 敲门也不开', 'report', 'dispute', 'normal'],
    // a flat let by the bed is public order
    ['7栋有套房子按床位往外租 进进出出的全是生面孔', 'report', 'security', 'normal'],
    // a lift fee paid named beside the lift still broken: the lift is the request; the fee alone is property
    ['电梯费一分没少交 电梯照样三天两头坏', 'report', 'facility', 'normal'],
    ['电梯费凭什么一楼也要交', 'report', 'property', 'normal'],
  ]);

  it('an emergency number counts alone, not inside a longer number (1200户, 1100元)', () => {
    expect(classifyByRules('这个片区1200户 一个幼儿园都没有 建议社区争取一个').category).not.toBe('assistance');
    expect(classifyByRules('老人摔倒了 赶紧打120').category).toBe('assistance');
  });

  // Merged beside r31's bite that bleeds: both checks leave a pet bitten alone, whichever way round it is told.
  it('a pet bitten and bleeding raises neither check; a person bitten still does', () => {
    for (const t of ['我家狗被隔壁的狗咬了 流血了', '野狗咬了我家猫 流了好多血', '那条黑狗又把我家兔子咬了 地上都是血']) {
      expect(classifyByRules(t).urgency).not.toBe('urgent');
    }
    for (const t of ['大黄狗咬了我一口 出血了', '楼下的狗咬了我家狗 我手也被咬了 流血了', '狗咬了我家孩子 流了好多血']) {
      expect(classifyByRules(t).urgency).toBe('urgent');
    }
  });
});

// r32: long formal letters to a message board or to the authorities, and their intent boundaries
// (sentences written apart from r32-board).
describe('r32 concepts', () => {
  readsAs([
    // an earlier report told by its channel (a letter written, 12345 called, a message whose status shows), asked after: progress
    ['领导好，我前年冬天写过信说小区锅炉房漏烟的事，信寄出去三个月了一点消息都没有，请问现在到哪一步了', 'query', null, null],
    ['我上个礼拜拨打了12345说路口红绿灯坏了的事情，到现在也没有人联系我，想问下进展怎么样', 'query', null, null],
    ['我在市民热线平台上的留言已经四十多天了，内容是小区地下车库漏水、墙皮脱落、电灯不亮的问题，状态一直是待受理，请问什么时候能受理？', 'query', null, null],
    ['之前反映的小区门口下水井盖破损、污水外溢的问题，回复说已转交市政，到现在二十多天了还是那样，请问有没有进展', 'query', null, null],
    // ...but a letter that tells its earlier call only to demand the action again is a complaint
    ['致有关部门：小区门口那排路灯坏了大半年，晚上黑漆漆的，我已经打过三次热线，至今无人处理，恳请相关部门尽快派人修复。', 'report', 'facility', 'normal'],
    // a fix told by a building verb (铺好了, 修成了), with thanks and a wish: nobody is asked to act
    ['上个月我们反映过小区后门那段路坑坑洼洼、一下雨就积水，这周施工队就铺好了沥青，谢谢街道，祝工作顺利', 'chat', null, null],
    ['我们反映过好多次的那段坑洼路今年修成了，一下雨再也不积水了，谢谢领导', 'chat', null, null],
    // a preference given on a plan put out for comment asks nobody to act
    ['对于物业费调价的两个方案，我倾向于按面积收费，这样对小户型公平一些，其他没什么意见', 'chat', null, null],
    // calling the post told as what the writer did is a complaint, not a question about who holds the post
    ['楼道里的死老鼠臭了三天了，打了好几次电话给楼栋长都说知道了，就是没人来收拾，这还叫管理吗', 'report', 'sanitation', 'normal'],
    // a ticket closed on paper asked how it was closed, or whether anyone follows it up, after a channel named
    ['我今年三月通过区政府网站反映过小区北门路面塌陷的问题，网上显示已办结，可是坑还在那里，请问怎么就办结了？', 'query', null, null],
    ['上个月我打过12345反映菜场后面垃圾成堆、污水横流的事情，给了个编号，到现在一个多月了，这事到底有没有人跟进', 'query', null, null],
    // departments each refusing in turn: the property company among them is no target, the blocked fire lane decides
    ['我们楼下的消防通道天天被私家车堵得严严实实，上个月救护车都进不来，物业不管，交警不管，城管也说不归他们管，真出了人命谁负责？', 'report', 'security', 'normal'],
    // the department that refused weighs nothing: the strays decide
    ['我们小区门口老有几条流浪狗追着放学的孩子跑，打电话给城管，城管说不归他们管，那到底谁来管？', 'report', 'sanitation', 'normal'],
    // ...but a thing that is the department's own stays other
    ['公交站牌被大风刮倒了好几天，打电话给城管说不归他们管', 'report', 'other', 'normal'],
    // a worker praised for help given, wishing only them well: nobody is asked to act
    ['我要表扬一下楼栋长老郑，我爸住院那半个月，他不光帮忙联系了护工，还帮我们跑了好几趟医保局，全家都很感激，希望街道能给这样的好干部表彰', 'chat', null, null],
    // a long complaint ending in a bitter demand asks for the action, not for the state of the earlier reports it mentions
    ['致社区：我们楼后面的化粪池满了快半个月，粪水漫到路上，臭得窗户都不敢开，这事我们反映过好几回了，每回都说明天来抽，结果到今天也没人来。请问到底还管不管？', 'report', 'facility', 'normal'],
    // ...but what a promised outcome came to, asked after a channel named, is the earlier ticket's state
    ['我前年打过市长热线，反映我们村口砖厂整夜烧窑、黑烟熏人的事，后来回复说已经责令停产，可现在烟囱照样天天冒烟，请问所谓的停产就是这样吗？', 'query', null, null],
    // an opinion on an activity that some cannot attend is offered, not a withdrawal
    ['我个人认为，社区每个月组织的那些读书活动挺好，就是放在工作日下午，上班族都参加不了，建议以后改到周末。一点想法，仅供参考。', 'chat', null, null],
    // a wish put to the neighbours themselves asks nobody to act
    ['在这个小区住了二十年了，看着门口的臭水沟变成了小花园，心里真高兴，希望以后大家一起爱护，别往花坛里扔垃圾了。', 'chat', null, null],
    // the old and the children made to walk far by a bus line gone name whom it hurts, not a person in need
    ['我们小区门口那趟公交上个月撤了，也没有通知，现在孩子上学、老人看病都得走两公里到大路上去等车，请问这条线还能恢复吗？', 'report', 'other', 'normal'],
    // rain running down the outside whenever it pours is a standing fault, not a flood now
    ['我们楼顶的防水层早就坏了，下大雨的时候雨水就顺着楼顶的雨棚往下流，把顶楼几户的外墙都泡坏了，希望物业尽快维修。', 'report', 'facility', 'normal'],
    // a child's kindergarten or school place asked about is a service question, wherever 报名 stands
    ['我家闺女明年九月满三岁，想上小区旁边那所公办幼儿园，可我们户口不在这边，不知道她能不能报名', 'report', 'service', 'normal'],
    // ...but volunteering at a school is still a sign-up
    ['明天去小学门口护学岗 我报名', 'signup', null, null],
    // a letter's closing that asks care for the person keeps the person, whatever benefit it also names
    ['尊敬的领导：我们单元的刘大爷瘫痪在床，老伴去年走了，平时全靠邻居接济，家里连取暖的煤都买不起了。恳请社区帮他申请救助金，并安排志愿者上门照顾。', 'report', 'assistance', 'normal'],
  ]);

  it('rain coming into a home now, told with the rain, is still a flood', () => {
    expect(classifyByRules('今天下大雨的时候 水从窗户缝往屋里灌 客厅全淹了').urgency).toBe('urgent');
  });

  it('praise followed by another thing still wrong is a report of it', () => {
    expect(classifyByRules('我要表扬一下楼栋长老郑，上回他帮我们联系了开锁师傅，不过楼道的灯还是坏的，麻烦物业尽快来修').intent).toBe('report');
  });

  it('asking for the post\'s phone is still a question about who holds it', () => {
    expect(classifyByRules('我们楼的楼栋长电话多少').intent).toBe('query');
  });

  it.each<[string, string | null, string | null, string | null]>([
    // the buildings around a place, counted, name none of them
    ['建筑工地就在马路对面，周边三栋楼的住户晚上都睡不好', null, null, null],
    ['小区西边周围5栋楼的住户都闻得到这股味', null, null, null],
    // a range of buildings names none of them
    ['下周二起10号楼至15号楼更换水表，请大家留人在家', null, null, null],
    ['2栋到6栋的楼道灯明天统一更换', null, null, null],
    // ...but a building and then a move elsewhere is still the building
    ['住3栋 到5栋找他也没人', '3', null, null],
    // a neighbour's bare flat gives way to the writer's flat told whole with its building and unit
    ['楼下1101说我家漏水到他家了，可我家是12栋3单元1201，水管都是好的，请物业来看看到底是谁家漏', '12', '3', '1201'],
    ['对门802天天在走廊堆垃圾 我住6栋1单元801', '6', '1', '801'],
  ])('%s → %s / %s / %s', (text, building, unit, room) => {
    const r = classifyByRules(text);
    expect([r.building, r.unit, r.room]).toEqual([building, unit, room]);
  });
});

// r31: emergencies told by their signs rather than by name, and their look-alikes (sentences
// written apart from r31-urgent).
describe('r31 concepts', () => {
  readsAs([
    // a routine broken for days, told with 天天: the days unseen with no answer are now
    ['住对门的孙阿姨天天早上去公园打太极 这三天都没见着她 屋里灯一直亮着 按门铃也没人开', 'report', 'assistance', 'urgent'],
    // a relative far away: unreachable since a time named, and a letter greeting the staff it asks
    ['我在上海出差 我外婆一个人在家 从早上起电话就打不通 能不能麻烦网格员去她家看看', 'report', 'assistance', 'urgent'],
    ['尊敬的居委会工作人员：我舅舅七十多岁，独居。我们平时每天通电话，但从昨天开始他一直没有接听。麻烦上门看一下。', 'report', 'assistance', 'urgent'],
    // a wound told by where the blood is, and a bite that bleeds
    ['邻居家小孩被狗咬了 腿上全是血', 'report', 'assistance', 'urgent'],
    ['我儿子在楼梯上摔了一跤 满头是血 哭个不停', 'report', 'assistance', 'urgent'],
    // a scald told by its blisters
    ['孩子被开水烫着了 手背起了好几个泡', 'report', 'assistance', 'urgent'],
    // fumes told by the body beside a burner, with no smell named: fumes are utilities (as r21)
    ['老公在屋里用炭盆烤火 刚才说头晕得厉害 想吐', 'report', 'utilities', 'urgent'],
    ['洗着澡呢闺女说头晕 热水器就在浴室里 现在她还恶心想吐', 'report', 'utilities', 'urgent'],
    // someone sitting on a balcony rail or astride a roof's railing
    ['有个小伙子骑在天台的护栏上 好像在哭 3号楼', 'report', 'assistance', 'urgent'],
    // a shock still felt in the body is the person hurt
    ['小区电箱漏电 我儿子碰了一下被电到了 现在手还是麻的', 'report', 'assistance', 'urgent'],
    // a fire mused with 了 inside: the clutter, not a fire
    ['楼梯间堆满了废纸箱子 真着了火人都跑不出去 赶紧清走', 'report', 'security', 'normal'],
    // a grill's smoke is the air's nuisance, not a fire
    ['楼下新开的烧烤店天天冒烟 呛得窗户都不敢开', 'report', 'sanitation', 'normal'],
    // a man chasing a woman with a brick in hand: the crime first, whoever bleeds
    ['楼下有个男的举着砖头追着他老婆打 他老婆满脸是血', 'report', 'security', 'urgent'],
    // breathing not right, a call barely answered
    ['我爷爷呼吸一下快一下慢的 叫他也不怎么应 6栋', 'report', 'assistance', 'urgent'],
    // someone down where they lie and not answering, though 天天 tells their routine
    ['一楼有个老人 天天坐在门口晒太阳 今天倒在门口了 叫不应', 'report', 'assistance', 'urgent'],
    // someone climbed out past a roof's railing
    ['有个人爬到5栋楼顶护栏外面去了', 'report', 'assistance', 'urgent'],
    // rubbish tipped out and no answer from the property company: no one down
    ['有人把垃圾倒在楼道里 跟物业说了也没反应', 'report', 'sanitation', 'normal'],
    // a routine missed today and yesterday too, the phone unanswered
    ['张大爷每天早上都来花园锻炼 今天没来 昨天也没来 他家电话也没人接', 'report', 'assistance', 'urgent'],
    // ...but the cleaner who did not come is a complaint
    ['保洁阿姨今天没来 打她电话也没人接 垃圾堆着', 'report', 'sanitation', 'normal'],
    // a stove burning in the room is no fire: the child who will not wake is the emergency
    ['屋里烧着蜂窝煤炉子 我儿子睡着睡着叫不醒了', 'report', 'assistance', 'urgent'],
    // water from above onto a bed, the sockets wet: the neighbour's leak, urgent though the power tripped
    ['楼上漏水漏到我家床上了 墙上的插座也湿了 刚才跳闸了', 'report', 'dispute', 'urgent'],
    // a shock with the chest gone tight
    ['婆婆在洗澡的时候被热水器电了一下 现在说胸口闷', 'report', 'assistance', 'urgent'],
    // down and unable to rise, and too heavy to lift: a fall told without its name
    ['我妈在厕所蹲下去就起不来了 腿使不上劲 我一个人抱不动', 'report', 'assistance', 'urgent'],
    // a letter: one who lives alone told as 一个人生活, calls unanswered since a day named, past a comma
    ['社区您好，我是外地工作的王强，我母亲住3栋1单元502，平时一个人生活。从前天开始，我打她电话一直无人接听。麻烦派人去看看。', 'report', 'assistance', 'urgent'],
    // a gas tap left open, someone barely waking
    ['家里煤气灶没关严 我妈在屋里睡了一下午 现在头疼恶心叫她都迷迷糊糊的', 'report', 'utilities', 'urgent'],
    // a child shut in a car named by its kind
    ['楼下那辆红色suv里关着个两三岁的孩子 车都晒得发烫了 孩子一直拍窗户', 'report', 'assistance', 'urgent'],
    // a wound told by its look
    ['儿子骑车摔了 膝盖血肉模糊的 石子都嵌进去了', 'report', 'assistance', 'urgent'],
    // someone who suddenly sank down, grey and sweating
    ['刚才楼道里有个老大爷走着走着就坐地上了 脸色煞白 一头的汗', 'report', 'assistance', 'urgent'],
    // calls unanswered for days told verb last, and a trip said but never made
    ['我爸两天没接电话 听说出差了但是单位说根本没去', 'report', 'assistance', 'urgent'],
    // an absence explained is an all-clear
    ['对门天天早上出门跑步的小伙子 这三天没见着 敲门没人应 原来是出差了', 'chat', null, null],
    ['楼下老赵每天都遛狗 这几天没见人 敲门也没人应 他儿子说接他去北京住了', 'chat', null, null],
  ]);

  it('look-alikes stay normal', () => {
    // 头疼 as an idiom beside a broken heater
    expect(classifyByRules('热水器坏了好几天了 洗不了澡 真让人头疼').urgency).not.toBe('urgent');
    // a bite that is over
    expect(classifyByRules('上周被狗咬了一口 流了点血 打完疫苗了').urgency).not.toBe('urgent');
    // oversleeping and a heavy child
    expect(classifyByRules('早上起不来 孩子又抱不动 真累').urgency).not.toBe('urgent');
    // the air conditioner's drip on a quilt hung out to dry
    expect(classifyByRules('楼上空调水一直滴在我晒的被子上 都滴黄了').urgency).not.toBe('urgent');
    // sick by the cold or a cold, the heater broken: no fumes
    expect(classifyByRules('热水器坏了好几天 只能洗冷水澡 冻得我头晕想吐').urgency).not.toBe('urgent');
    expect(classifyByRules('感冒了头晕 热水器还坏了 能不能派人来修').urgency).not.toBe('urgent');
    // a degree complement of smoke from a grill
    expect(classifyByRules('楼下烧烤 呛得呼吸都不对劲了').urgency).not.toBe('urgent');
    // sulking is no sign
    expect(classifyByRules('叫他也不怎么搭理我 生气了').urgency).not.toBe('urgent');
    // a slide cracked open is no wound
    expect(classifyByRules('小区滑梯裂了个大口子 孩子的裤子都刮破了').urgency).not.toBe('urgent');
    // a small cut, and a child hot from play
    expect(classifyByRules('手指划了个小口子 有创可贴吗').urgency).not.toBe('urgent');
    expect(classifyByRules('孩子在地上爬了半天 一头的汗 可爱').urgency).not.toBe('urgent');
    // out of breath after exertion
    expect(classifyByRules('跑完步喘得不行 哈哈 老了').urgency).not.toBe('urgent');
    expect(classifyByRules('爬了六楼 呼吸都急促了 这楼太高了 啥时候装电梯').urgency).not.toBe('urgent');
    // a grill's smoke, however thick, is no fire
    expect(classifyByRules('楼下新开的烧烤店 油烟呛得要命 窗户都不敢开').urgency).not.toBe('urgent');
    // a shared fixture that gave a child a jolt and nothing after stays the fixture
    expect(classifyByRules('楼道电表箱的线露着 刚才有个小孩碰了被电了一下 赶紧来修').category).toBe('facility');
    // the staff nobody can reach is no person missing
    expect(classifyByRules('物业工作人员电话从昨天起就打不通 独居老人家的水管还漏着').urgency).not.toBe('urgent');
  });

  it('a danger over or only on the television asks nobody to act', () => {
    // someone already taken to hospital
    expect(classifyByRules('前天半夜5栋的老太太心口疼 已经送到医院了 家属说稳定了').intent).toBe('chat');
    // a programme told by what the television showed
    const tv = classifyByRules('刚才电视里演一个人坐在楼顶边上要跳 吓死我了');
    expect(tv.intent).toBe('chat');
    expect(tv.urgency).toBeNull();
    // ...not the viewer's own evening
    expect(classifyByRules('我在看电视 突然闻到一股煤气味').urgency).toBe('urgent');
  });
});

// r37: a mixed sample as residents' groups and forums write it (sentences written apart from r37-mixed).
describe('r37 concepts', () => {
  it('a cut told as given with no warning is a complaint, not a notice', () => {
    // 没(有)提前 says the notice was missing: the resident complains of the cut
    const cut = classifyByRules('家里停电了一上午，事先也没有提前说一声，冰箱里的肉都化了');
    expect(cut.intent).toBe('report');
    expect(cut.category).toBe('utilities');
    expect(classifyByRules('周三又停气了 谁也没提前讲 饭都做不成').intent).toBe('report');
    // ...while the notice that asks the neighbours to prepare stays a notice
    expect(classifyByRules('后天全天停电检修，请各位提前做好准备').intent).toBe('chat');
    expect(classifyByRules('明天上午九点到十二点停水 大家提前接点水').intent).toBe('chat');
  });

  it('a barber shop is a business, not the volunteer haircut', () => {
    // asking the neighbours which shop cuts well asks nobody to act
    expect(classifyByRules('谁知道附近哪家理发店手艺好点 孩子要剪头').intent).toBe('chat');
    expect(classifyByRules('东头那家理发馆还开着吗').intent).not.toBe('query');
    // ...while the volunteer haircut is still an activity to ask about or join
    expect(classifyByRules('周六社区义务理发还缺人吗').intent).toBe('query');
    expect(classifyByRules('义务理发活动算我一个').intent).toBe('signup');
  });

  it('a card room or bar where play goes on night after night is a business nuisance', () => {
    for (const text of ['楼下棋牌室天天搓到半夜两点，隔音又差', '后面那家网吧的人天天玩到凌晨在楼下喊', '小区门口那个麻将室每晚打到十二点 哗啦哗啦响']) {
      const got = classifyByRules(text);
      expect(got.intent, text).toBe('report');
      expect(got.category, text).toBe('other');
      expect(got.urgency, text).toBe('normal');
    }
    // ...not the writer's own evening there, nor a game at home among friends
    expect(classifyByRules('昨晚在麻将馆打到凌晨，手气太差输了两百').intent).toBe('chat');
    expect(classifyByRules('昨晚跟朋友打麻将打到凌晨 困死了').intent).toBe('chat');
  });
});

describe('r38 concepts', () => {
  readsAs([
    // a distribution or meter box on fire or smoking is a fire, whatever wires are in it
    ['五号楼一楼的配电柜着火了 烟好大 快来人', 'report', 'security', 'urgent'],
    ['我们2单元楼道里的电表箱在冒烟 一股烧焦的味道 赶紧派电工来', 'report', 'security', 'urgent'],
    // a flat let by the bed across the landing is public order, not a neighbours' quarrel
    ['对门那套房子被二房东隔成了好几个小间 住了十几个人 进进出出的都不认识 请派出所查一查', 'report', 'security', 'normal'],
    // motorbikes or cars raced in the night, told by the roar or the race
    ['半夜总有几辆改装车在小区外面的马路上轰油门比谁快 吵得人睡不着 请交警管管', 'report', 'security', 'normal'],
    ['一到晚上这条新路就成了赛车场 几辆摩托呼啸而过 住的多是老人孩子 实在睡不好 希望派出所来查', 'report', 'security', 'normal'],
    // ...but a neighbour named as the rider is a neighbours' matter
    ['楼下那家小伙子天天半夜骑摩托回来轰油门 吵得全楼睡不着 说了也不听 请社区调解', 'report', 'dispute', 'normal'],
    // a gym or a studio below is a business: its noise is none of the neighbours'
    ['楼下那家健身房天天放劲爆音乐 吵得我们没法休息 请有关部门管一管', 'report', 'other', 'normal'],
    // a bus gone that makes the old walk far names who it hurts, not one person in need
    ['镇上到村里的班车停了 村里老人看病买菜都要走很远 希望恢复这趟车', 'report', 'other', 'normal'],
    // a department passing the matter on (城管说是物业的) is the buck passed, not a poser
    ['小区后门那堆垃圾一个月没人清了 城管说是物业的 希望尽快派人拉走', 'report', 'sanitation', 'normal'],
    // a speed camera asked for on a road is no broadband speed test
    ['学校门口那段路车开得太快 希望加装测速和抓拍', 'report', 'security', 'normal'],
    // a route brought back, thanked: nobody is asked to act
    ['去县城的班车已经恢复了 每天还多开了一趟 谢谢交通局', 'chat', null, null],
    // a remark offered as the writer's own feeling
    ['这几年县城变化真大 就是觉得路边可以多种点树 这只是我的一点感受', 'chat', null, null],
    // progress asked of an earlier report told by what came after, or by where it was left and the reply it got
    ['我之前反映过楼下垃圾堆的事情 社区说会派人清 请问后来有没有清', 'query', null, null],
    ['我在网上留言反映过东门路灯不亮 回复说已经转给住建局了 请问什么时候能修', 'query', null, null],
  ]);

  it('look-alikes stay what they are', () => {
    // a meter box's door broken is the box, not a fire
    expect(classifyByRules('楼道电表箱的门坏了 关不上 麻烦修一下').category).toBe('facility');
    // a box that burned once and was never mended is the box to mend, and no emergency
    const past = classifyByRules('上个月配电箱烧坏以后一直没人修 楼道到现在还没电 请尽快安排');
    expect(past.urgency).not.toBe('urgent');
    // renovation across the landing stays the neighbour's
    expect(classifyByRules('对门那家装修 天天早上七点就电钻响 说了也不听').category).toBe('dispute');
    // a broadband speed test is the line's
    expect(classifyByRules('家里宽带测速才2兆 交的是一百兆的钱').category).toBe('utilities');
    // a poser who says the property company sent him stays a poser
    expect(classifyByRules('刚才有个男的敲门说是社区的 要登记家里几口人 还要看身份证').category).toBe('security');
  });
});

describe('r36 concepts', () => {
  it.each<[string, Intent, Category | null]>([
    // an earlier matter asked whether it is ready yet, the verb left out
    ['前几天登记的那个老年卡 好了吗', 'query', null],
    ['上周登记的那个停车证 弄好了没有', 'query', null],
    // one's own application named with what it is about, asked how far it has got
    ['俺家的廉租房申请 批下来没有', 'query', null],
    ['我那个残疾证的申请 审核到哪了', 'query', null],
    // ...but what it needs is asked of staff: a service question
    ['我的低保申请需要什么材料', 'report', 'service'],
    // a matter told again and again, with the action demanded once more: a complaint
    ['说了好几遍了 楼道里的灯还修不修了 6栋', 'report', 'facility'],
    ['报了两次了 东门的井盖到底修不修', 'report', 'facility'],
    // ...but told again and asking its state or an answer is still a progress query
    ['上次反映过三次的路灯 现在修到哪一步了', 'query', null],
    // a tradesman for hire asked of the neighbours by what makes one good
    ['谁认识靠谱的搬家师傅 下周要搬 东西不多', 'chat', null],
    ['有没有手艺好的修鞋师傅 鞋跟掉了', 'chat', null],
    // ...not a tradesman wanted for a shared part
    ['楼道灯坏了 有没有靠谱的师傅来修一下', 'report', 'facility'],
    // a skill told after asking whether hands are still wanted: joining
    ['下周的义剪还要人吗 我以前干过理发', 'signup', null],
    ['读书会还缺人吗 我当过小学老师', 'signup', null],
    // ...or a knack boasted after it
    ['义卖那天还差人不 我算账算得贼快', 'signup', null],
  ])('%s → %s %s', (text, intent, category) => {
    const r = classifyByRules(text);
    expect(r.intent).toBe(intent);
    expect(r.category).toBe(category);
  });

  it('look-alikes stay what they are', () => {
    // no earlier matter: 好了没 between neighbours
    expect(classifyByRules('你好了没 我在楼下等你').intent).toBe('chat');
    // told again, the thing pointed back at with 那: the earlier report asked after (as r28)
    expect(classifyByRules('讲了好几回了 那盏灯还修不修').intent).toBe('query');
    // told several times with no thing named and no demand: the state of the earlier report
    expect(classifyByRules('我说了三四遍了 就没人搭理吗').intent).toBe('query');
    // 我会 as "I will", not a skill
    expect(classifyByRules('巡逻还缺人吗 我会问问我家老头子').intent).not.toBe('signup');
  });
});

describe('r35 concepts', () => {
  readsAs([
    // a fall told by the sound: a thud from a home, then silence or a fall guessed
    ['刚才听见对面屋里扑通一声 叫了两声也没人应 他家就一个老头', 'report', 'assistance', 'urgent'],
    ['楼下邻居家砰的一声 好像是谁跌倒了 现在一点声音都没有', 'report', 'assistance', 'urgent'],
    // a small child up on the sill of a window standing open
    ['3号楼四楼有个娃坐在窗台上玩 窗户大开着', 'report', 'assistance', 'urgent'],
    // a missing person told in a letter's words: 至今未归
    ['您好，我外公昨天上午出门买早点，至今未归，家人已经找了一夜。', 'report', 'assistance', 'urgent'],
    // someone late who has been reached and said where they are: a vent, nobody missing
    ['女儿都十点半了还没回来 刚打了电话她说在同学家 这孩子真不让人省心', 'chat', null, null],
    // ...unless what they said turned out false
    ['儿子还没回家 打电话说在同学家 结果同学妈妈说他根本没来过', 'report', 'assistance', 'urgent'],
    // ...or who went quiet after the call
    ['闺女放学没到家 四点多打电话说在书店 现在七点了电话手表关机了', 'report', 'assistance', 'urgent'],
    ['孙子下午出去玩 打电话说一会儿就回 结果天都黑了还没到 手机也打不通', 'report', 'assistance', 'urgent'],
    // someone trapped in a lift, told by a relative on the phone
    ['我爸刚来电话 说他在电梯里下不来了 喊了半天没人 12号楼', 'report', 'facility', 'urgent'],
    // a person gone since a day named, still not home today (到今天都没着家)
    ['我姥姥前天下午出门遛弯 到今天都没着家 亲戚家都问过了', 'report', 'assistance', 'urgent'],
    // a wire lying in standing water where people pass
    ['大雨过后 单元门口积水里泡着一截电线 好几个孩子在那玩水', 'report', 'facility', 'urgent'],
    // a thud then silence told as 一点动静都没有了
    ['隔壁嘭的一声 之后一点动静都没有了 他家就一个老太太', 'report', 'assistance', 'urgent'],
    // a pet or a thing gone, the group asked to tell the writer if seen: a request, other
    ['我家鹦鹉早上从阳台飞走了 绿色的 谁要是见到了麻烦告诉我一声', 'report', 'other', 'normal'],
    ['我家小黑狗昨晚在东门丢了 有看到的麻烦联系我 必谢', 'report', 'other', 'normal'],
    // thanks closing a matter now resolved (the thief caught)
    ['前阵子车棚丢电动车的事 警察已经抓到人了 谢谢物业配合', 'chat', null, null],
  ]);

  it('look-alikes stay normal', () => {
    // a thud explained by building work, or a door slammed
    expect(classifyByRules('咚的一声 原来是楼上在装修砸墙 然后就没动静了').urgency).not.toBe('urgent');
    expect(classifyByRules('对门又砰的一声摔门 然后就没声音了 天天这样').urgency).not.toBe('urgent');
    // a thud every night, told as a nuisance
    expect(classifyByRules('楼上每天晚上咚咚咚的 吵得人睡不着').urgency).not.toBe('urgent');
    // a window sill only feared for
    expect(classifyByRules('孩子老爱站在窗台上 万一窗户开着可怎么办').urgency).not.toBe('urgent');
    // someone habitually out is no one missing
    expect(classifyByRules('我家那位天天不着家 到今天都没着家过一个周末 气人').urgency).not.toBe('urgent');
    // a lost pet in a run-on beside another matter keeps the other matter
    expect(classifyByRules('垃圾桶好几天没人清了 臭得要命 麻烦物业派人收一下 另外我家猫丢了 谁看到了说一声').category).toBe('sanitation');
    // a child on a sill behind a closed window, with a grown-up there
    expect(classifyByRules('我家小孩喜欢坐在窗台上看书 阳光很好').urgency).not.toBe('urgent');
  });
});

describe('r40 concepts', () => {
  readsAs([
    // someone out since a day named and not back (前天出门就没回来): still gone now, whatever the day
    ['我舅舅前天早上出门就一直没回来 他脑子有点糊涂 家里人到处找', 'report', 'assistance', 'urgent'],
    // a body hurt at the stove: cooking explains smoke, not a scald or a cut
    ['炒菜的时候被热油烫了 胳膊上起了一大片泡 疼得不行', 'report', 'assistance', 'urgent'],
    ['做饭剁肉剁到手指了 血一直往外冒', 'report', 'assistance', 'urgent'],
    // a routine missed all week by someone living alone
    ['赵奶奶平时天天来广场跳舞 这个星期一次都没来 她一个人住', 'report', 'assistance', 'urgent'],
    // breath failing lying down
    ['我爷爷这会儿躺下就憋 只能靠着睡 脚也肿了', 'report', 'assistance', 'urgent'],
    // advice asked of whoever knows: a question to the neighbours
    ['我妈血压一直偏高 平时吃什么比较好 有懂的吗', 'chat', null, null],
    // a routine paused for the weather, its cover told
    ['下雪了路不好走 李大爷这几天就不出门了 菜都是他女儿给送', 'chat', null, null],
  ]);

  it('look-alikes stay normal', () => {
    // out and back (出去就没回来 then home)
    expect(classifyByRules('我爸昨天出去就没回来 后来半夜回来了 喝多了').urgency).not.toBe('urgent');
    // a small burn at the stove, treated
    expect(classifyByRules('做饭烫了一下手 冲了会凉水 没起泡 没事').urgency).not.toBe('urgent');
    // cooking smoke stays explained
    expect(classifyByRules('楼下在炒菜 烟好大 呛死了').urgency).not.toBe('urgent');
    // a routine missed this week with the reason known
    expect(classifyByRules('老周这个星期都没来下棋 他去女儿家住了').urgency).not.toBe('urgent');
    // a bed too small is no breath failing
    expect(classifyByRules('宿舍床太窄 两个人躺不下').urgency).not.toBe('urgent');
    // a paused routine with help asked stays a request
    expect(classifyByRules('下雨天孙奶奶就不出门了 家里没人给她送菜 能不能帮帮她').intent).toBe('report');
  });
});

// r41: group-chat non-reports read as reports (a found thing to be fetched, a class asked after, help offered at an
// event) and plain faults told flat (a smell in a shared part, a business loud till a small hour).
describe('r41 concepts', () => {
  readsAs([
    // a found thing whose owner is asked to come to the finder for it
    ['早上在车棚捡了一把黑伞 谁丢的来找我拿 我住后排', 'chat', null, null],
    ['捡到一个钱包 里面有张身份证 失主联系我就行', 'chat', null, null],
    // the community's own classes and teams asked after: a question about activities
    ['合唱团今年还要新人吗 我妈嗓子挺好', 'query', null, null],
    ['剪纸班在哪上课啊', 'query', null, null],
    // coming over to help at a named event
    ['我退休前是药剂师 义诊那天能过来帮忙发药', 'signup', null, null],
    // a smell in a shared part told flat
    ['三单元电梯里一股尿味 熏死人', 'report', 'sanitation', 'normal'],
    ['地下车库一股腥味 也不知道啥东西烂掉了', 'report', 'sanitation', 'normal'],
    // a business loud told by the small hour it ends
    ['后门那家酒吧每天吼到三点 窗户关了都没用', 'report', 'other', 'normal'],
  ]);

  it('look-alikes stay what they are', () => {
    // a found child is not a thing to be fetched
    expect(classifyByRules('捡到一个走丢的小孩 家长快来找我').intent).toBe('report');
    // a smell in one's own kitchen asked about, or a smell gone, is no shared-part report
    expect(classifyByRules('楼道里的怪味已经没了 谢谢保洁阿姨').intent).toBe('chat');
    // a smell in a shared part that is gas stays urgent
    expect(classifyByRules('楼道里一股煤气味').urgency).toBe('urgent');
    // coming to help asked as a question is not joining
    expect(classifyByRules('义诊那天能来帮忙吗 缺不缺人').intent).not.toBe('report');
    // a shop open till two with no noise is no noise report
    expect(classifyByRules('楼下便利店开到两点 买东西方便多了').intent).toBe('chat');
  });
});

describe('r39 concepts', () => {
  readsAs([
    // a video call from a relative is a live word, not a clip watched
    ['我奶奶刚打视频过来 说电梯停住了下不去 一直在哭 7号楼的', 'report', 'facility', 'urgent'],
    ['我老公视频给我说他困在地下车库那台电梯里 手机信号都快没了', 'report', 'facility', 'urgent'],
    // a lift stopped with one person alone inside
    ['二单元电梯不走了 里面只有她一个人 门也开不了', 'report', 'facility', 'urgent'],
    // a small child who bolted a door on themselves, the grown-up outside unable to get in
    ['小孙子把卧室门锁上了 我怎么拧都打不开 他在里面哇哇叫', 'report', 'assistance', 'urgent'],
    // a small child half out of a window or out on an air-conditioner bracket
    ['前面那栋有个小娃把头探出窗外 大半个身子都在外面 快喊一下家长', 'report', 'assistance', 'urgent'],
    ['一个小男孩爬到空调支架上去了 就在三楼 下面是水泥地', 'report', 'assistance', 'urgent'],
    // a shed or a roof come down with a person under it
    ['仓库那排棚子刚刚倒下来了 有个工人被压住了 快来几个人', 'report', 'assistance', 'urgent'],
    // a smoke smell that makes the writer choke is a nuisance to report
    ['有人在烧落叶 熏死了', 'report', 'sanitation', 'normal'],
  ]);

  it('look-alikes stay what they are', () => {
    // a clip of another lift watched online is news
    expect(classifyByRules('刚刷到一个视频 外地有个小孩被困电梯里 看得我心慌').urgency).not.toBe('urgent');
    // a collapse with nobody under it, or only feared
    expect(classifyByRules('东门那个旧车棚昨晚塌了 还好没人 麻烦物业清理一下').urgency).not.toBe('urgent');
    expect(classifyByRules('车棚顶都锈穿了 万一塌下来压到人怎么办').urgency).not.toBe('urgent');
    // shut out of an empty home, asking for a locksmith
    expect(classifyByRules('出门忘带钥匙 门自己锁上了 我在门外进不去 谁知道开锁电话').urgency).not.toBe('urgent');
    // ...but the writer shut in, asking for a locksmith, is still shut in
    expect(classifyByRules('我被关在储物间里了 门从外面扣上了 出不去 谁帮我找个开锁的').urgency).toBe('urgent');
    // a child who keeps climbing, feared
    expect(classifyByRules('邻居家孩子天天爬空调外机玩 万一出事谁负责').urgency).not.toBe('urgent');
  });
});

describe('r43 concepts', () => {
  readsAs([
    // an estate far off, told by the screen it was seen on or by the relative who lives there: news or a gripe about somewhere else
    ['抖音上看到的那个小区电梯天天坏，业主都去拉横幅了', 'chat', null, null],
    ['我表哥住的那个小区停车乱得很，晚上回去根本找不到位，还是咱这边省心', 'chat', null, null],
    // ...but not when the same trouble reaches here
    ['我妈住的那个小区物业也不管，咱们小区的物业也一样不管事，垃圾三天没人收', 'report', 'sanitation', 'normal'],
    // a thing owned up to and to be shifted by the writer, or the trouble apologised for
    ['车棚门口那辆旧三轮是我家的，明天我就推走，给大家添麻烦了', 'chat', null, null],
    ['楼梯拐角那几盆花是俺的 晚上俺自个儿搬回去', 'chat', null, null],
    // ...but a thing disowned, with its owner told to shift it, is a complaint
    ['楼道里那堆纸箱不是我家的，谁家的赶紧收走', 'report', 'security', 'normal'],
    // a shop asked for by its goods, or one the neighbours know
    ['想给孩子买个书桌 县里哪家家具店质量好一点', 'chat', null, null],
    ['大家有认识的装空调的师傅吗 我家新买的想装一下', 'chat', null, null],
    // the building's roof leaking onto the top-floor household: the roof, not the household
    ['7栋屋顶渗水 顶层住户的天花板都发黑了', 'report', 'facility', 'normal'],
    // a shop's hawking complained of as noise quotes ad words but is no ad
    ['楼下那家手机店天天用喇叭喊 全场八折 吵得午觉都睡不了', 'report', 'other', 'normal'],
    // a wall soaked is seepage, no flood; a floor or sofa under water still is
    ['下雨屋顶漏 墙皮全泡了 我家在顶楼', 'report', 'facility', 'normal'],
    ['卫生间墙面都泡了 楼上渗下来的', 'report', 'dispute', 'normal'],
    ['家里进水了 沙发都泡了', 'report', 'facility', 'urgent'],
  ]);
});

describe('r44 concepts', () => {
  readsAs([
    // a relative seen on a live video call (跟我爸视频): a live word, not a clip
    ['和我爸视频的时候他突然嘴巴歪了 话也讲不清 他一个人住在12栋', 'report', 'assistance', 'urgent'],
    ['刚跟我奶奶开着视频 说着说着就没声了 画面里只看到天花板', 'report', 'assistance', 'urgent'],
    // a small child alone at a balcony or a window, no adult at home
    ['隔壁阳台上那个小宝宝一个人在那哭了半天 家里没大人', 'report', 'assistance', 'urgent'],
    ['对面窗户边有个小孩在拍玻璃 他爸妈好像都不在家', 'report', 'assistance', 'urgent'],
    // a burn told by what burnt and the blister, without the word 烫
    ['小孙女碰翻了一壶开水 小腿上全是水泡 哭得上气不接下气', 'report', 'assistance', 'urgent'],
    ['油锅里的油溅到我老婆脸上了 起了好几个泡 怎么处理啊', 'report', 'assistance', 'urgent'],
    // gas beside someone seen down: the person first
    ['楼道里好大的液化气味 顺着找过去有个大叔倒在他家门口叫不醒', 'report', 'assistance', 'urgent'],
    // someone taken away by the ambulance: over, and thanks for help given ask nobody
    ['早上在菜场晕倒的张阿姨已经被救护车拉走了 感谢大家帮忙', 'chat', null, null],
    ['刚才昏倒的那个大哥被120拉走了 谢谢帮忙的两位', 'chat', null, null],
    // someone not seen for days found to be at a child's
    ['楼下王奶奶这一周都没出门 原来是去她女儿家住了', 'chat', null, null],
  ]);

  it('look-alikes stay what they are', () => {
    // a child on a balcony with the mother at home is no emergency
    expect(classifyByRules('我家娃在阳台上看书呢 我在旁边陪着').urgency).not.toBe('urgent');
    // a scald feared, or a blister already seen to
    expect(classifyByRules('开水壶放桌边上 万一孩子碰翻了起泡就麻烦了').urgency).not.toBe('urgent');
    // a gas smell alone stays the gas's
    expect(classifyByRules('单元门口一股燃气味 好冲').category).toBe('utilities');
    // a call to the ambulance still waited for is live
    expect(classifyByRules('我爸在楼下晕倒了 120还没到 谁懂急救').urgency).toBe('urgent');
    // a relative said to be at a daughter's who turned out never to have gone is missing
    expect(classifyByRules('她说去她女儿家住了 可她女儿说根本没来过 电话也打不通').urgency).toBe('urgent');
  });
});

// r46: progress asked without a ticket number (a state shown pending, a hotline's call back, a visit promised for a
// day, a matter registered before), an activity asked whether full, and joining told with a question or by means offered.
describe('r46 concepts', () => {
  readsAs([
    // a request shown still pending on its channel, the writer asking someone to look into it
    ['小程序里那条报修状态还是待派单 谁给催一下', 'query', null, null],
    ['网上提交的申请一直显示审核中 是不是卡住了', 'query', null, null],
    // a matter registered before, named by its state, asked how far it has got
    ['上个月在居委会登记过屋顶渗水的情况 现在有进展吗', 'query', null, null],
    // a hotline's call back saying where it passed the matter, and whether that office got it
    ['热线回电说转到街道了 街道那边接到了没', 'query', null, null],
    // a visit staff promised for a day, asked whether it happened
    ['物业说好明天来换门禁 换了没有啊', 'query', null, null],
    ['网格员说周三来清那堆建筑垃圾 清了没', 'query', null, null],
    // an activity asked whether full
    ['重阳节茶话会报满了吗', 'query', null, null],
    ['义卖那天还有名额不', 'query', null, null],
    // joining told first, then a practical question
    ['俺也去 要带啥不', 'signup', null, null],
    // means offered for the day of the activity
    ['我有辆面包车 当天搬东西能喊我', 'signup', null, null],
    // a wish to take part written without 我, in a letter offering a skill
    ['各位好，看到社区要组织老年人理发的志愿活动，本人退休前在理发店干了二十年，想参加这次活动，自带工具。', 'signup', null, null],
  ]);

  it('look-alikes stay what they are', () => {
    // a state shown done, asked nothing, is no pending state
    expect(classifyByRules('公众号上显示已办结 可路灯还是不亮 赶紧来修').intent).toBe('report');
    // a post promised nothing: a staff member's word relayed as news stays chat
    expect(classifyByRules('路灯的事我问过了 物业说下周来修').intent).toBe('chat');
    // 我也去过 is no joining
    expect(classifyByRules('我也去过那个敬老院 条件挺好的').intent).not.toBe('signup');
    // the property company replaced is still what is complained of
    expect(classifyByRules('物业换了以后 垃圾三天才收一次 太差了').category).toBe('property');
    // a sign-up that names how many places it takes stays a sign-up
    expect(classifyByRules('我和老伴报名植树 占两个名额').intent).toBe('signup');
  });
});

describe('r45 concepts', () => {
  // A shop's pitch blared through a loudspeaker is its noise complained of, not an ad.
  readsAs([
    ['药房门口那个音箱从早到晚喊特价特价 吵得我午觉都睡不成', 'report', 'other', 'normal'],
    ['服装店的小喇叭一直循环放清仓甩卖 烦死人了', 'report', 'other', 'normal'],
    ['超市这周末全场打折 鸡蛋特价 大家抓紧去', 'chat', null, null],
  ]);
  // Building rubbish dumped outdoors is rubbish to clear, told flat with no request word.
  readsAs([
    ['有人半夜把一车渣土倒在小区后面空地上了 全是碎砖头', 'report', 'sanitation', 'normal'],
    ['谁家的碎瓷砖水泥块扔在花坛里了 一大堆', 'report', 'sanitation', 'normal'],
  ]);
  // A bus or coach line stopped is the transport company's, whoever it strands.
  readsAs([
    ['镇上到市里的客车停运快一个月了 学生回家都成问题', 'report', 'other', 'normal'],
  ]);
  // A thing knocked or blown down lying on the ground is nobody down; a person down stays urgent.
  readsAs([
    ['小区门口的指示牌让大货车刮倒了 横躺在地上', 'report', 'other', 'normal'],
    ['楼下有个大爷摔倒了 躺在地上起不来 快来人', 'report', 'assistance', 'urgent'],
  ]);
  // A heating pipe leaking in the home is the heating supply; in the stairwell it stays the shared facility.
  readsAs([
    ['卧室暖气片接口一直呲水 木地板都鼓起来了', 'report', 'utilities', 'normal'],
    ['楼道里暖气管漏水 台阶上全是水', 'report', 'facility', 'normal'],
  ]);
  // A bike shed's own roof broken is a shared roof to mend; its chargers stay the property side's.
  readsAs([
    ['自行车棚的铁皮让大风掀掉好几块 下雨全漏', 'report', 'facility', 'normal'],
  ]);
  // A stranger who threatened a life and is still about is urgent; one gone or only feared is not.
  readsAs([
    ['有个陌生男的在楼下骂骂咧咧 说要砍死我们全家 现在还在门口晃', 'report', 'security', 'urgent'],
    ['上个月有个陌生人喝多了说要弄死我 后来再没来过 能不能多安排巡逻', 'report', 'security', 'normal'],
  ]);
  it('a bare flat number renovating or addressed in the group is the room', () => {
    expect(classifyByRules('1103装修的电钻声从早响到晚').room).toBe('1103');
    expect(classifyByRules('阳台往下滴水 803你家空调是不是漏了').room).toBe('803');
  });
});

describe('r47 concepts', () => {
  readsAs([
    // a patrol asked of the police or the property side is the request, not an activity to join
    ['这个月车棚里丢了三次电瓶了，监控也看不清，请派出所夜里加强巡逻好吗？', 'report', 'security', 'normal'],
    ['后半夜老有人在停车场转悠拉车门，能不能让保安多巡逻几趟？', 'report', 'security', 'normal'],
    // ...and volunteers asked to call on someone in need
    ['我们单元的李婆婆眼睛看不见了，家里就她一个，能不能安排志愿者隔几天上门帮她收拾收拾？', 'report', 'assistance', 'normal'],
    // ...a visit to someone's home told in the story is no joining
    ['前天我去她家送饺子，看见老太太一个人坐在黑屋里，灯泡坏了都没人换，社区能不能派人去看看？', 'report', 'assistance', 'normal'],
    // ...but joining a patrol is still a sign-up
    ['周六晚上的治安巡逻我去，算我一个', 'signup', null, null],
    // a neighbour told as the one harmed, and a bite in the past, leave the strays to be taken away
    ['小区后门那几条野狗越来越凶，前阵子邻居家小孩被咬了一口打了好几针，请尽快联系收容站来抓', 'report', 'sanitation', 'normal'],
    // ...and so does the jab had after the bite: no vaccination is asked for
    ['野狗把我家孩子咬了，上个月的事，打了疫苗，可那几条野狗还在小区里转，请城管来抓走', 'report', 'sanitation', 'normal'],
    // ...but a jab still to be had, or the jab's own queue, is the service
    ['社区卫生服务站什么时候能打狂犬疫苗？我家孩子被狗抓了一下', 'report', 'service', 'normal'],
    ['上周我带孩子打了疫苗，接种点的人太多了，排了三个小时，能不能多开几个窗口', 'report', 'service', 'normal'],
    // ...a stray biting someone now stays the person first
    ['流浪狗刚把一个老太太咬了，腿上血流不止，快来人', 'report', 'assistance', 'urgent'],
    // ...and an owned dog let loose that bit a neighbour's child is the owner's
    ['楼下那家的狗从来不拴，把邻居家孩子咬了，主人还说是孩子先惹的', 'report', 'dispute', 'normal'],
    // an entry door broken, with who gets in through it named: the door is asked to be fixed
    ['2单元的单元门锁坏了一个多月，推销保健品的天天进来敲门，麻烦物业赶紧把锁修好', 'report', 'facility', 'normal'],
    // ...but a poser seen at the doors with no broken door in view is reported as such
    ['最近有人冒充物业上门收物业费，我们单元好几家都交了，请派出所查一查', 'report', 'security', 'normal'],
  ]);
});

// Each check set was written with its round's tuning set before any change of that round,
// scored once before and once after the tuning, and never tuned on. Its floor is its
// after-tuning score (r14-check: the same as its first run); where that misses a threshold,
// it is the honest figure. First runs: r16-check intent 0.800, report P 0.790, report R 0.938,
// category 0.875, urgent recall 0.833; r17-check intent 0.710, report P 0.875, report R 0.875,
// category 0.813, urgent recall 0.40, 1 false alarm, place 0.968; r18-check intent 0.800,
// report P 0.895, report R 0.810, category 0.619, urgent recall 0.80, 1 false alarm, place 1.00;
// r19-check intent 0.880, report P 0.944, report R 0.895, category 0.842, urgent recall 1.00,
// 0 false alarms, place 1.00; r20-check intent 0.923, report P 0.944, report R 0.944, category 0.833,
// urgent recall 0.80, 0 false alarms, place 1.00.
const CHECK_FLOORS: Record<string, { intent: number; reportP: number; reportR: number; category: number; urgentR: number; falseAlarms: number; place: number }> = {
  // Raised after the r31–r41 merges, to what the rules now score (concepts of later rounds reached some of its texts; was category 0.952, place 0.967).
  'r14-check': { intent: 1, reportP: 1, reportR: 1, category: 1, urgentR: 1, falseAlarms: 0, place: 1 },
  // Raised after the r31–r41 merges, to what the rules now score (concepts of later rounds reached some of its texts; was intent 0.968, reportP 0.958).
  'r15-check': { intent: 1, reportP: 1, reportR: 1, category: 0.956, urgentR: 1, falseAlarms: 0, place: 1 },
  // Raised after the r31–r41 merges, to what the rules now score (concepts of later rounds reached some of its texts; was intent 0.833, reportP 0.8, category 0.937, urgentR 0.833).
  'r16-check': { intent: 0.966, reportP: 0.941, reportR: 1, category: 1, urgentR: 1, falseAlarms: 0, place: 1 },
  // Raised by the r18 round (fire-safety nagging, seat counts).
  'r17-check': { intent: 0.903, reportP: 1, reportR: 1, category: 1, urgentR: 1, falseAlarms: 0, place: 1 },
  // After the r18 tuning it was intent 0.833, report P 0.944, report R 0.810, category 0.667,
  // urgent recall 0.80; its errors then showed one missed break-in under way, a concept fixed
  // afterwards with shape tests of its own: the floor is the figure after that fix, and the
  // set is no longer clean for that one concept.
  // Raised by the r19 round (category by concept): intent 0.900, report P 0.950, report R 0.905,
  // category 0.810. One concept of that round (a lorry holding parking spaces) was also among
  // this set's errors seen in the r18 round, so the set is not clean for it.
  'r18-check': { intent: 0.9, reportP: 0.95, reportR: 0.904, category: 0.809, urgentR: 1, falseAlarms: 1, place: 1 },
  // r19 tuning set (44 hard reports, each between two plausible categories). First run: intent,
  // report P/R, urgent recall and place 1.00, category 0.932, 4 false alarms; after tuning category
  // 1.00 and 3 false alarms. Not a threshold set: 3 false alarms on 44 messages exceed the scaled
  // limit of 1. They are water in shared parts or the street (a drain backing up into a ground-floor
  // corridor, floor drains gurgling in several homes, a burst pipe flooding the road) labelled
  // normal; the labels are doubtful and the low bar for water is deliberate, so they stay.
  'r19-category': { intent: 1, reportP: 1, reportR: 1, category: 1, urgentR: 1, falseAlarms: 3, place: 1 },
  // r19 check set (25 mixed), never tuned on: the tuning left it where its first run put it.
  // Raised by the r20 round: intent 0.920, report P 0.947, report R 0.947, category 0.895. One concept
  // of that round (children playing ball in the stairwell) was among this set's errors, so the set
  // is not clean for it.
  'r19-check': { intent: 0.92, reportP: 0.947, reportR: 0.947, category: 0.894, urgentR: 1, falseAlarms: 0, place: 1 },
  // r20 check set (26 mixed), never tuned on. Two concepts of the round's brief (a ball in the
  // stairwell, an offer of help) were among its first-run errors; the first is fixed by the r20
  // tuning, so the set is not clean for it. Misses left: an offer to bring a heater round read as a
  // request, a collapsed bus-stop shelter read as other, an old man not seen for days (told only by
  // his unlit windows) read as a normal facility report.
  'r20-check': { intent: 0.961, reportP: 0.947, reportR: 1, category: 0.888, urgentR: 0.8, falseAlarms: 0, place: 1 },
  // r22 check set (31 group-chat messages), never tuned on. First run: intent 0.871, report P 0.905,
  // report R 0.950, category 0.950, urgent recall 0.833, 0 false alarms, place 1.00. It was scored once
  // midway through the tuning (after the first concepts) and once at the end; two concepts of r22-group
  // (news of another estate, 'put in yet?' as progress) also fixed two of its first-run errors, so it is
  // not clean for them. The child on the window bars it missed was held back as news from elsewhere
  // (the guard word 网上 matched 防盗网上): a bug, not a concept, mended after the round (urgent recall
  // 0.833 -> 1.00), so the set is not clean for it either. Miss left: a withdrawal without the sign-up
  // word (我就不去了 … 取消吧).
  // Raised after the r31–r41 merges, to what the rules now score (concepts of later rounds reached some of its texts; was intent 0.935, reportR 0.95, category 0.95).
  'r22-check': { intent: 1, reportP: 1, reportR: 1, category: 1, urgentR: 1, falseAlarms: 0, place: 1 },
  // r23 check set (33 forum and complaint-board posts), written with r23-forum before any rule was read,
  // never tuned on. First run: intent 0.879, report P 1.00, report R 0.88, category 0.800, urgent recall
  // 1.00, 0 false alarms, place 1.00; after the r23 tuning intent 0.909, report R 0.92, category 0.84, the
  // rest unchanged. Its summary line (not its errors) was also seen once midway, with these same figures.
  // Misses left: a milk-tea shop's speakers "从早放到晚" read as chat (its nuisance is told by no night
  // hour), a flat turned into a guesthouse read as facility (门禁卡), 算俺一个 with 俺 read as chat, guards
  // withdrawn by the property company read as security, and a letter about a flat let in beds (出租屋)
  // read as chat (出租 is an advert word).
  // Raised after the r31–r41 merges, to what the rules now score (concepts of later rounds reached some of its texts; was intent 0.909, reportR 0.92, category 0.84).
  'r23-check': { intent: 0.969, reportP: 1, reportR: 0.96, category: 0.92, urgentR: 1, falseAlarms: 0, place: 1 },
  // r24 check set (25 mixed: 17 reports on the same kinds of boundary, 8 chat, query and sign-up), written
  // with r24-category before any rule was read, never tuned on. First run: intent, report P/R, urgent
  // recall and place 1.00, category 0.882, 1 false alarm (a cracked drain pipe in the stairwell, labelled
  // normal); after the r24 tuning category 1.00, the rest unchanged. Its two category misses (a lift repair
  // fund asking every household for more; oil on the steps to be washed down) are of the concepts the
  // round added from r24-category, so the set is not clean for them.
  'r24-check': { intent: 1, reportP: 1, reportR: 1, category: 1, urgentR: 1, falseAlarms: 1, place: 1 },
  // r26 check set (29 forum, board and group messages of the same kinds as r26-forum: 22 reports, 5 of them
  // emergencies told as stories, and 7 chat, query and sign-up), written with r26-forum before any rule was
  // read, never tuned on. Two labels were corrected after the first run, by the taxonomy and the project's
  // convention, not by the rules' answers: a mahjong parlour's noise is other (a business is no neighbour),
  // an express locker is the courier company's (other, not facility). First run with those labels: intent
  // 0.897, report P 1.00, report R 0.864, category 0.864, urgent recall 1.00, 0 false alarms, place 1.00;
  // after the r26 tuning intent 0.931, report R 0.909, category 0.909, the rest unchanged. The parlour's
  // noise (a first-run error) is fixed by the concept of a business loud in the night, taken from
  // r26-forum's KTV, so the set is not clean for it. Misses left: a stranger watching people at a unit door
  // for three days, and a car blocking the garage entrance so that fire engines cannot get in, both plain
  // security faults told with no request word, read as chat.
  // Raised after the r31–r41 merges, to what the rules now score (concepts of later rounds reached some of its texts; was intent 0.931, reportR 0.909, category 0.909).
  'r26-check': { intent: 0.965, reportP: 1, reportR: 0.954, category: 0.954, urgentR: 1, falseAlarms: 0, place: 1 },
  // r25 check set (28 long board letters of the same kinds as r25-board: 22 reports over every category, 4
  // emergencies inside letters, a thanks letter, an opinion, a forwarded gas notice, two progress questions, a
  // sign-up), written before any rule was read and never tuned on. First run and after the r25 tuning alike:
  // intent 0.821, report P 0.84, report R 0.955, category 0.864, urgent recall 1.00, 0 false alarms, place 1.00.
  // Misses left: a thanks letter naming a fixed septic tank and an opinion on estate renovation (说几句, 希望…越做越好)
  // read as reports; two progress questions (在这里反映过…有没有在处理, 留言一直显示待受理) read as reports; an angry
  // neighbour-noise letter (到底管不管) read as a query; a kindergarten asked for read as property; a paralysed
  // elder trapped by a flood read as facility. The round's concepts did not reach these wordings.
  // Raised by the r32 round: intent 0.857, report P 0.846, report R 1.00, category 0.909. The angry neighbour-noise letter
  // (到底管不管) is now a report, by the r32 concept of a long complaint ending in a bitter demand (taken from r32-board), so
  // the set is not clean for it.
  'r25-check': { intent: 0.857, reportP: 0.846, reportR: 1, category: 0.909, urgentR: 1, falseAlarms: 0, place: 1 },
  // r29 check set (29 mixed: 23 reports on the same category boundaries and places as r29-category, 6 query,
  // sign-up and chat), written with r29-category before any rule was read, never tuned on; scored once before
  // the tuning and once at the end. First run: intent 0.931, report P 1.00, report R 0.913, category 0.739,
  // urgent recall 1.00, 0 false alarms, place 1.00. Two of its labels were then aligned with the standing
  // conventions (stray dogs are sanitation, a mahjong parlour's noise is other) without reading its errors.
  // After the r29 tuning: intent 0.931, report P 1.00, report R 0.913, category 0.783, urgent recall 1.00,
  // 0 false alarms, place 1.00. Misses left: a named flat's loose dog read as security (不拴绳 weighs as
  // public order), strays that bit a cat and a neighbour from the next unit in my space read as chat, a room
  // asked for old chess players read as assistance, and a collapsed boundary wall letting outsiders in read
  // as security. The stray concept (r29) touches the first miss's neighbour: it is not clean for strays.
  // Raised after the r31–r41 merges, to what the rules now score (concepts of later rounds reached some of its texts; was intent 0.931, reportR 0.913, category 0.782).
  'r29-check': { intent: 0.965, reportP: 1, reportR: 0.956, category: 0.869, urgentR: 1, falseAlarms: 0, place: 1 },
  // r28 check set (28 group-chat messages of the same kinds as r28-group, many as voice input: 6 sign-ups
  // and withdrawals, 2 offers, 5 progress/post/points/activity queries, 7 chat, 8 reports, 2 of them urgent),
  // written with r28-group before any rule was read, never tuned on. First run: intent 0.857, report P
  // 0.800, report R 1.00, category 1.00, urgent recall 1.00, 0 false alarms, place 0.964; after the r28
  // tuning intent 0.893, report P 0.889, the rest 1.00 (a withdrawal with a reason and a spoken room were
  // of the round's concepts). Misses left: 读书会还要人不 我退休在家天天有空 read as chat (有空 too far from
  // 我), 我会理发 … 我能去不 read as a question about the activity, and a found key hung on a tree with 谁的
  // (no 捡到) read as a report.
  // Raised after the r31–r41 merges, to what the rules now score (concepts of later rounds reached some of its texts; was intent 0.892).
  'r28-check': { intent: 0.964, reportP: 0.888, reportR: 1, category: 1, urgentR: 1, falseAlarms: 0, place: 1 },
  // r27 check set (28 messages: 14 emergencies told indirectly, 14 look-alikes and other intents), written
  // with r27-urgent before any rule was read, never tuned on. First run: intent 0.929, report P 1.00, report R
  // 0.90, category 0.85, urgent recall 0.714, 1 false alarm, place 1.00 (its first-run summary printed its
  // urgent misses, so they were seen once). After the r27 tuning: intent 0.964, report R 0.95, category 0.90,
  // urgent recall 0.786, the rest unchanged; the child half out over a balcony it gained is of the r27 concept
  // of a child out past a window, so the set is not clean for it. Misses left: an old man not seen out for two
  // days with the door unanswered and the TV on (no word that he lives alone, and 没去遛弯 is not read as unseen),
  // a nephew's letter about an uncle living alone whose phone is unreachable (工作人员 in the greeting reads as an
  // office, and 打不通他电话 puts the phone after the verb), a dog bite with blood across the face (血流了一脸),
  // and a fire-safety grumble with 真着了火 read as a fire (false alarm).
  // Raised after the r31–r41 merges, to what the rules now score (concepts of later rounds reached some of its texts; was category 0.9, urgentR 0.785, falseAlarms 1).
  'r27-check': { intent: 0.964, reportP: 1, reportR: 0.95, category: 0.95, urgentR: 0.928, falseAlarms: 0, place: 1 },
  // r30 unseen set (14: 8 people not seen or not reachable for days told by signs, 6 look-alikes: a stray cat or
  // the cleaners not seen, a neighbour away at a son's, one in hospital, a scare over). Written before tuning, and
  // tuned on, so it is a floor, not a check. First run: intent 0.857, report P 0.833, report R 1.00, category 0.90,
  // urgent recall 0.75, 2 false alarms, place 1.00; after: urgent recall 1.00, 0 false alarms, category 1.00. Left:
  // a stray cat not seen for days and a neighbour in hospital read as reports (normal), not chat.
  // r33 check set (28 group-chat messages of the same kinds as r33-group: 3 sign-ups and withdrawals, 2 offers, a found
  // thing, a lost pet, 2 questions to neighbours, an ad, a relayed notice, thanks, greetings, a joke, 3 points/post/activity
  // queries, 11 reports of which one urgent), written with r33-group before any rule was read, never tuned on. First run:
  // intent 0.786, report P 0.750, report R 0.818, category 0.727, urgent recall 1.00, 0 false alarms, place 0.929; after the
  // r33 tuning: intent 0.821, report P 0.769, report R 0.909, category 0.818, urgent recall 1.00, 0 false alarms, place 0.964.
  // The r33 snapshot comparison listed every changed text, so two of its gains (a man in black squatting at a unit door
  // for days, 楼上七零二) were seen before the end; no rule was written from them. Misses left: 剪纸课还缺人吗 我年轻时候学过
  // read as a question about the activity; a retired nurse offering to help on the health-check day read as a report (体检
  // blocks sign-ups); a lost Pomeranian with 请联系我 read as a report; 居委转发 … 停电检修 read as a report, its 六到九号楼 range
  // as building 9; 挨家试门 at night read as chat; a downstairs flat's barbecue smoke read as dispute (sanitation by convention).
  // Raised after the r31–r41 merges, to what the rules now score (concepts of later rounds reached some of its texts; was intent 0.821).
  'r33-check': { intent: 0.857, reportP: 0.769, reportR: 0.909, category: 0.818, urgentR: 1, falseAlarms: 0, place: 0.964 },
  'r30-unseen': { intent: 0.857, reportP: 0.833, reportR: 1, category: 1, urgentR: 1, falseAlarms: 0, place: 1 },
  // r34 check set (28 reports on the same category boundaries and places as r34-category, in other wordings),
  // written with r34-category before any rule was read, never tuned on; scored once before the tuning (summary only,
  // though that run also printed its one false alarm) and once at the end. First run: intent 0.821, report P 1.00,
  // report R 0.821, category 0.714, urgent recall 1.00, 1 false alarm, place 0.964; after the r34 tuning: intent
  // 0.857, report P 1.00, report R 0.857, category 0.821, urgent recall 1.00, 1 false alarm, place 0.964. One
  // intermediate snapshot diff also showed, unasked, that a canteen wanted for the elderly (办个饭堂) moved from
  // chat to service under a change that was then withdrawn. Misses left: a kindergarten wanted (建议社区争取建一个)
  // and a canteen for the elderly wanted (想给小区老人办个饭堂) read as chat; a flat let by the bed (按床位出租, 住了
  // 二十多个人) read as chat; heating fees asked about (按什么标准收) read as utilities; a fruit shop's rubbish thrown at
  // our door read as chat; a theft told after the fact with the cameras blamed (家里进小偷了) read as urgent (false
  // alarm); and a room told by its number alone before its renovation (602装修的废料) given no room.
  'r34-check': { intent: 0.857, reportP: 1, reportR: 0.857, category: 0.821, urgentR: 1, falseAlarms: 1, place: 0.964 },
  // r32 board set (95 long formal letters to a county message board or to the authorities: thanks letters naming a fix, praise
  // naming help given, progress questions told by the channel (写过信, 打了12345, 留言显示待受理, 回复说已派单, 网上显示已办结),
  // angry rhetorical complaints (到底管不管, 还有没有人管了, 难道要等出了事才管吗), opinions with and without a request,
  // pasted notices, how-to-apply service questions, reports of every category with letter and compound buildings (B2栋,
  // 12A栋, 东区5号楼, A区3栋, 3-2-401) beside numbers that are no place, and seven emergencies inside letters). Written and first
  // scored in four batches before each one's tuning; tuned on, so a floor, not a check. First runs: the first 50 on the rules
  // before the round intent 0.840, report P 0.788, report R 0.963, category 0.963, urgent recall 1.00, 0 false alarms, place
  // 0.940; the next 20 intent 0.850, report P 0.800, report R 1.00, category 0.750, urgent recall 1.00, 0 false alarms, place
  // 1.00; the next 15 intent 0.733, report P 0.818, report R 0.900, category 0.800, urgent recall 0.00 (of 1), 1 false alarm,
  // place 1.00; the last 10 intent 0.900, report P 1.00, report R 0.857, category 0.714, urgent recall 1.00, 0 false alarms, place 1.00; all 95
  // on the rules before the round intent 0.832, report P 0.815, report R 0.946, category 0.857, urgent recall 0.857, 1 false
  // alarm, place 0.968. After the r32 tuning every figure 1.00 but category 0.982 and urgent recall 0.857, so not a threshold
  // set. Left: a power cut overnight with an old man on an oxygen machine (labelled urgent) read as normal — r23-check labels
  // the same situation normal (r23c-030), so no concept was added until the two labels are reconciled; and a letter asking
  // both for chargers and for a crackdown on flying wires read as security (labelled property; by the r21 convention a
  // clause asking two things leaves the category to the whole letter, so the label is doubtful).
  'r32-board': { intent: 1, reportP: 1, reportR: 1, category: 0.982, urgentR: 0.857, falseAlarms: 0, place: 1 },
  // r32 check set (28 letters of the same kinds as r32-board: thanks and praise, progress questions through the channel, rhetorical
  // complaints, opinions, pasted notices, service questions, reports with compound buildings, two emergencies), written with
  // r32-board before any rule was read, never tuned on; scored once before the tuning (summary only) and once at the end. First
  // run: intent 0.857, report P 0.842, report R 1.00, category 0.750, urgent recall 1.00, 0 false alarms, place 1.00. After the
  // r32 tuning: intent 0.929, report P 0.889, the rest unchanged. Not clean for two concepts: the snapshot diff of the tuning
  // showed two of its texts (a thanks letter with 修成了, a praise letter naming help given), and praise naming help given was
  // then added from r32-board's own praise letter. Misses left: a message left online shown 待受理 with 麻烦帮我查一下, and a
  // 12345 call asked after with 我这个单子还在不在, read as reports; a pothole that 社区、物业、住建局都说不归自己管 read as
  // property; motorbikes racing at night below a building read as dispute; a distribution box on fire read as facility; a
  // village bus with its stop blown down read as assistance (老人进城看病).
  // Raised after the r31–r41 merges, to what the rules now score (concepts of later rounds reached some of its texts; was category 0.75).
  'r32-check': { intent: 0.928, reportP: 0.888, reportR: 1, category: 0.812, urgentR: 1, falseAlarms: 0, place: 1 },
  // r31 check set (29: 15 emergencies told by their signs — a routine broken, a relative far away, a bite, a cut
  // head, a scald, a collapse, a fit, fumes from charcoal, a rotten-egg smell, a burning smell from next door, water
  // down a lamp onto a bed, someone on a roof's edge, a child in a hot car, a wanderer, someone who cannot get up —
  // and 14 look-alikes), written with r31-urgent before any rule was read, never tuned on. Its first-run summary
  // printed its urgent misses (the eval prints them without --errors), so they were seen once. First run: intent
  // 0.862, report P 0.864, report R 0.95, category 0.85, urgent recall 0.667, 1 false alarm, place 1.00. After the
  // r31 tuning: urgent recall 0.80, the rest unchanged (the cut head told by blood on the clothes and the charcoal
  // fumes became urgent, being of the round's concepts). Misses left: a routine broken told as 这两天都没去 (没去 is
  // not read as missed), an uncle living alone unreachable 昨天到今天 (the span is read as past), a scald while
  // cooking (做饭 explains it away in the second check), a TV drama told as 那部剧 without 里 read as a person
  // missing (false alarm), a neighbour on holiday and a lost cat labelled chat read as reports, charcoal fumes
  // read as utilities (as r21 labels coal smoke with dizziness; labelled assistance here), and a tracking band
  // asked for a mother read as assistance (labelled service; v024 and r11z-016 label such a device assistance).
  // Raised after the r31–r41 merges, to what the rules now score (concepts of later rounds reached some of its texts; was intent 0.862, reportP 0.863, reportR 0.95, category 0.849, urgentR 0.799).
  'r31-check': { intent: 0.896, reportP: 0.869, reportR: 1, category: 0.9, urgentR: 0.933, falseAlarms: 1, place: 1 },
  // r37 check set (28 messages of the same kinds as r37-mixed: 22 reports over every category, three emergencies (a
  // charger smoking indoors, a flat flooding from a burst pipe, a lost child), chat, queries and sign-ups), written with
  // r37-mixed before any rule was read, never tuned on. Its first-run summary printed its one false alarm (the eval
  // prints it without --errors), so that was seen once, and not tuned on. First run: intent 0.893, report P 1.00,
  // report R 0.909, category 0.864, urgent recall 1.00, 1 false alarm, place 1.00; after the r37 tuning: unchanged.
  // Misses left: a KTV told 天天晚上鬼哭狼嚎到两点 (its hour after the howling, not before) and a stairwell smell told
  // 有股怪味 像是什么东西烂了 with no request read as chat; shared bikes piled on a road read as security (labelled
  // other); 报名的那个手工课还有名额吗 read as a sign-up (labelled query); a ceiling soaked by a leak from the flat
  // above (卧室天花板都泡了) read as urgent (labelled normal: a leak, no flat flooding; r27 labels a ceiling sagging urgent).
  // Raised after the r31–r41 merges, to what the rules now score (concepts of later rounds reached some of its texts; was intent 0.892, reportR 0.909, category 0.863).
  'r37-check': { intent: 0.964, reportP: 1, reportR: 1, category: 0.954, urgentR: 1, falseAlarms: 1, place: 1 },
  // departments each refused, night racing, a distribution cabinet on fire and a meter box smoking, a village bus and a city
  // bus stop cut, school and kindergarten places, a flat let by the bed, stalls in a fire lane vs on a night-market street, a
  // deposit kept, a KTV below vs the flat above, water bills doubled vs a pump charge added, a slope slipped, stray dogs, an
  // old man alone needing meals; and 6 thanks, opinions and progress questions), written with r38-board before any rule was
  // read, never tuned on. First run: intent 0.964, report P 1.00, report R 1.00, category 0.864, urgent recall 1.00, 1 false
  // alarm (stalls in a fire lane with 真要着火 as a musing, raised urgent: seen on the first run's summary, not tuned on),
  // place 1.00. After the r38 tuning: category 0.909, the rest unchanged. Left: a village bus gone, told with 交电费 among the
  // errands it served, read as utilities; a city bus stop cut that old patients needed for the hospital read as assistance;
  // the fire-lane false alarm; and a progress question (上次反映…的事…调查到哪一步了) read as chat.
  'r38-check': { intent: 0.964, reportP: 1, reportR: 1, category: 0.909, urgentR: 1, falseAlarms: 1, place: 1 },
  // r36 check set (28 group-chat messages of the same kinds as r36-query: progress asked through a channel or a state,
  // who holds a post, points, open activities vs joining with a skill, complaints phrased as questions, how-to-apply
  // questions, a matter told again with a demand, questions to neighbours, a forwarded notice, thanks, joining and
  // withdrawing), written with r36-query before any rule was read, never tuned on; scored once before the tuning (summary
  // only; it printed no urgent misses or false alarms) and once at the end. First run and after the r36 tuning alike:
  // intent 0.857, report P 0.889, report R 1.00, category 0.875, urgent recall 1.00, 0 false alarms, place 1.00. Misses
  // left: a message left on an official account shown 一直是待处理 with 能帮忙查查吗 read as a report; a 市长热线 call asked
  // after with 这单子是不是没了 read as chat; 书法班还招人吗 (a class taking people is not read as an activity) read as chat,
  // and the same with a former teacher's 可以教教 read as chat, not joining; barbecue smoke from below a window read as
  // facility (labelled sanitation).
  // Raised after the r31–r41 merges, to what the rules now score (concepts of later rounds reached some of its texts; was intent 0.857).
  'r36-check': { intent: 0.892, reportP: 0.888, reportR: 1, category: 0.875, urgentR: 1, falseAlarms: 0, place: 1 },
  // r35 check set (28: 18 emergencies of the kinds r35-urgent holds — an intruder still inside, a child missing, water
  // from above onto a bed and sockets, sewage into a home, an elder gone for days, someone in a stuck lift told by a
  // relative, gas by smell or hiss, fire or smoke seen from a window, a thud then silence, a child out of a window, a wire
  // down in water — and 10 look-alikes), written with r35-urgent before any rule was read, never tuned on. Its first-run
  // summary (the eval prints misses and false alarms even without --errors; they were not read until now, and nothing
  // was tuned on them): intent 0.857, report P 0.913, report R 0.913, category 0.870, urgent recall 0.722, 1 false
  // alarm, place 1.00. After the r35 tuning: intent 0.893, report P 0.955, the false alarm gone (a daughter late who
  // answered the phone), the rest unchanged. Misses left: an uncle out since 大前天 told as 就没回来 with 记性不好 (the
  // day holds the frame past; read as other), a daughter in a lift told as 卡住了 and 门打不开 by video, and a father in
  // a lift told as 电梯突然停了下不去 with 里面就他一个 (neither phrase is read as trapped), a small child half out of a
  // screen window pushed open (read as chat: 纱窗推开了 and 探在外头 are not the slots' wording), smoke from a garage
  // exit seen from a kitchen window (read as chat), and advice on gas water heaters (别中毒了) read as a report.
  // Raised after the r31–r41 merges, to what the rules now score (concepts of later rounds reached some of its texts; was intent 0.892, reportP 0.954, reportR 0.913, category 0.869, urgentR 0.722).
  'r35-check': { intent: 0.928, reportP: 0.956, reportR: 0.956, category: 0.956, urgentR: 0.888, falseAlarms: 0, place: 1 },
  // r40 check set (24 group-chat messages of r40-urgent's kinds: 14 emergencies — a confused mother-in-law out since the
  // morning with her phone off, a routine broken for three days, hot oil on a face or steam on an arm blistering, a finger
  // cut chopping ribs, a sugar low, a coin swallowed, a mouth drooping, breath failing lying down, labour with the car
  // lent out, an old man lost since 前天, a woman alone not collecting her deliveries, a child who ate blood-pressure pills —
  // and 10 look-alikes), written with r40-urgent before any rule was read, never tuned on. First run (summary only):
  // intent 0.708, report P 0.778, report R 0.824, category 0.824, urgent recall 0.643, 0 false alarms, place 1.00. (The
  // before/after snapshot, which classifies every fixture, listed two of its texts among the changes — the steam scald and
  // 躺不平 — before this scoring; nothing was tuned on them.) After the r40 tuning: intent 0.792, report P 0.800, report R
  // 0.941, category 0.941, urgent recall 0.786, 0 false alarms, place 1.00. Misses left: 周大爷 unseen three days past his
  // daily seat with his curtains drawn (no one alone or unanswered is told, so the routine concept does not fire); hot oil
  // on a face with 起了好几个泡 (油溅到, not 烫, so no scald is read; chat); an old man 前天走丢的 (前天 holds the frame past);
  // and four look-alikes read as reports: someone in hospital 情况还好, a cut already dressed (没大碍), a cold with 多喝热水,
  // and a reminder to take blood-pressure pills.
  'r40-check': { intent: 0.791, reportP: 0.8, reportR: 0.941, category: 0.941, urgentR: 0.785, falseAlarms: 0, place: 1 },
  // r41 check set (24 group-chat messages of the same kinds as r41-group: spare things offered, a retired electrician
  // offering to help at a named event, a tai-chi class asked after, notices relayed from the committee and the property
  // company, things found, shops and movers asked of the neighbours, thanks for a fix, greetings, smog and petrol prices,
  // a voice-input run-on; and 9 reports, most told flat), written with r41-group before any rule was read, never tuned on;
  // scored once before the tuning (summary only) and once at the end. First run: intent 0.792, report P 0.727, report R
  // 0.889, category 0.778, urgent recall 1.00, 0 false alarms, place 1.00. After the r41 tuning: intent 0.833 (the class
  // asked after now a query), the rest unchanged. Misses left: a property notice relayed as 转物业： (lift inspection) read as
  // a report; a found glove left in a building's hall, and 谁丢了一串钥匙 在花坛边上, read as reports; a new clothes shop's
  // loudspeaker playing from morning to night (从早放到晚, no hour or noise word) read as chat; someone going through the
  // e-bikes in the bike shed at night read as property (labelled security).
  'r41-check': { intent: 0.833, reportP: 0.727, reportR: 0.888, category: 0.777, urgentR: 1, falseAlarms: 0, place: 1 },
  // r39 check set (24 group-chat messages of the same kinds as r39-urgent: 14 emergencies told indirectly — a son, a husband
  // and a mother in stopped lifts told by a phone, a word or a video, a child and a grandfather bolted in a room or a
  // bathroom, a child pushing out a screen window or sitting on an outdoor unit, smoke and flames from a window, a garage
  // exit and a neighbour's door, a plastic-burning smell with the alarm beeping, a person under a collapsed shed, a
  // stairwell full of smoke, a three-year-old shut out on a balcony — and 10 look-alikes: a lift broken again with nobody
  // inside, a drill notice, an alarm test, a burnt car already towed, barbecue smoke, an e-bike fear with 万一, a lift
  // fixed and thanked, a fire on another estate, a lift door slow to close, a locksmith asked by someone shut out),
  // written with r39-urgent before any rule was read, never tuned on; scored once before the tuning (summary only) and
  // once at the end. First run and after the r39 tuning alike: intent 0.917, report P 1.00, report R 0.895, category
  // 0.842, urgent recall 0.857, 0 false alarms, place 1.00. Misses left: 视频里看到我妈在电梯里出不来 read as chat (视频里
  // is taken for a clip watched, by both checks); a three-year-old who locked the balcony door on herself and cannot get
  // back in (在阳台上把门锁了…出不来) read as facility/normal; 钥匙落家里了 被锁在门外 谁有开锁电话 read as chat (labelled
  // report/other).
  'r39-check': { intent: 0.916, reportP: 1, reportR: 0.894, category: 0.842, urgentR: 0.857, falseAlarms: 0, place: 1 },
  // r42 blind set (72 messages: 24 group chat, 24 long board letters, 24 forum posts; 49 reports over every category, 12
  // emergencies told indirectly and 6 look-alikes, chat, queries and sign-ups; places written oddly beside numbers that
  // are no place), written by a helper who read only the taxonomy, after every round of session 10 had merged; scored
  // once on that final main and never tuned on. Rules at the session's start (d915acc): intent 0.931, report P 0.958,
  // report R 0.939, category 0.837, urgent recall 0.917, 1 false alarm, place 1.00; on the final main (this floor):
  // intent 0.972, report P 1.00, report R 0.959, category 0.837, urgent recall 0.917, 2 false alarms, place 1.00. Its
  // errors were read once, for the closing note: a boy of seven not home three hours after school, asked of the group
  // (有没有人看见…求扩散), read as normal; a letter about things thrown from height that nearly hit a child, and a
  // ceiling seeping for half a year from the flat above, raised as urgent.
  'r42-blind': { intent: 0.972, reportP: 1, reportR: 0.959, category: 0.836, urgentR: 0.916, falseAlarms: 2, place: 1 },
  // r43 check set (26 group-chat messages written with r43-group before any rule was read: 16 non-reports that read like
  // reports — a power repair and a medical-insurance collection relayed, a wallet and glasses found, spare plants and a
  // computer skill offered, a waterproofer and a piano teacher asked of the neighbours, another estate's parking prices,
  // a gas blast on TV, fuel prices, a greeting, a lock fix praised, the writer's own air-conditioner drip with a worker
  // called, the parcel point's hours asked, sunset photos — and 10 reports told flat: a lift button, dark lamps, a dead
  // rat's smell, renovation rubbish, a drill on Sunday morning, junk on a stair landing, a battery stolen, a hob that will
  // not light, gas in a kitchen (urgent), a drain backing up into a basement in dialect). First run: intent 0.846, report P
  // 0.714, report R 1.00, category 1.00, urgent recall 1.00, 1 false alarm, place 0.962; after the r43 tuning the same.
  // Its errors, read once after all tuning: a notice passed on as 居委会让我转达一下 and glasses found and hung on the
  // letterboxes (谁的眼镜…我挂在信报箱上面) read as reports; a waterproofer asked as 各位有认识…的师傅吗 missed by the
  // shop-asking words; the writer's own air-conditioner drip with a worker already called and an apology read as a report;
  // a drain backing up into a basement (倒灌进地下室) raised as urgent; 1到4号楼 read as building 4.
  'r43-check': { intent: 0.846, reportP: 0.714, reportR: 1, category: 1, urgentR: 1, falseAlarms: 1, place: 0.961 },
  // r44 check set (26 group-chat and voice-input messages of the same kinds as r44-urgent: 17 emergencies told by signs — a girl gone
  // from a playground, a schoolboy not home with his phone off, someone face down at a garage ramp, a woman on a stairwell floor unable
  // to speak, a father on the floor seen on a video call, a mother in a lift by a voice message, a toddler at an open balcony window and a
  // baby in a locked car, oil spatter blisters, an elder missing from the shop front for a week, a baby choking on a grape, a seizure, a
  // body in a pond, gas with a man down, a knife stand-off, a student on a parapet, smoke from a window — and 9 look-alikes: a child
  // already freed or found, a 万一 about a pool, a lift story online, a gas drill, renovation noise, a pinched finger iced, an elder at a
  // wedding, a winter swimmer. First run: intent 0.961, report P 1.00, report R 0.947, category 0.842, urgent recall 0.765, 0 false
  // alarms, place 1.00. Left missed after the r44 tuning: oil spatter with blisters told by 炸东西/油溅 (no 热油 named; read as service),
  // a baby with a grape stuck (卡喉咙 哭不出声), a person floating in a lake (漂着一个人, read as chat).
  'r44-check': { intent: 0.961, reportP: 1, reportR: 0.947, category: 0.894, urgentR: 0.823, falseAlarms: 0, place: 1 },
  // r46 check set (26 group-chat, dialect and voice-input messages of the same kinds as r46-query: progress asked of a
  // 12345 call, a door entry reported earlier, a matter the grid worker noted, a repair order shown dispatched; points and
  // who holds a post; whether a dumpling-making event still takes people; sign-ups and a withdrawal in free words, a skill
  // offered; how or where to apply (高龄补贴, 社保卡, 电瓶车牌照, 天然气开通, 无犯罪证明); a stairwell lamp and rubbish told
  // again with new detail, a loose fitness bolt asked when; questions to neighbours, thanks naming a fix, small talk),
  // written with r46-query before any rule was read, never tuned on; scored once before the tuning (summary only) and
  // once at the end. First run and after the r46 tuning alike: intent 0.923, report P 1.00, report R 0.778, category
  // 0.667, urgent recall 1.00, 0 false alarms, place 1.00. Misses left: 想给电瓶车上个牌照 要去哪 需要发票不 read as chat
  // (牌照 and 电瓶车 are no service word, 要去哪 no apply verb); 租的房子想开通天然气 流程是啥 read as utilities (labelled
  // service as the brief has it; earlier sets split the like between the two); barbecue smoke complained of again
  // (反映过好几次了…到现在也没人管 今晚又熏得开不了窗) read as a progress query, not the new report it is.
  'r46-check': { intent: 0.923, reportP: 1, reportR: 0.777, category: 0.666, urgentR: 1, falseAlarms: 0, place: 1 },
  // r45 check set (28 group-chat messages of the same kinds as r45-category: 25 reports near category boundaries — motorbikes
  // racing on the street at night vs a pharmacy's speaker vs a flat dragging chairs, a heating-fee rate asked vs the water
  // gone, a bike stolen with the property company blamed, an old couple downstairs quarrelling vs a drunk stranger with a
  // knife, a flat let by the bunk, a fake meter reader, renovation rubbish by the bins vs bins not emptied vs a dead cat,
  // branches over a road vs a leaning lamp post, a fire lane blocked vs my space taken, a village bus line stopped, an
  // e-bike charged in a stairwell, a neighbour's dog, a washing machine leaking from above vs a burst main, a stroke, social
  // insurance, shed chargers switched off — and a progress query, thanks and a sign-up), written with r45-category before any
  // rule was read, never tuned on. First run and after the r45 tuning alike: intent 0.929, report P 1.00, report R 0.920,
  // category 0.760, urgent recall 1.00, 1 false alarm, place 1.00. Misses left: motorbikes racing on the street with the
  // police asked read as other (labelled security); a heating-fee rate asked read as property (labelled utilities); 俺家的水
  // 从昨天下午就没了 别家有没有 and 楼下那老两口又在骂仗 read as chat; a bike stolen with 物业费交的冤不冤 read as security
  // (labelled property by the tie-break; the rules keep a theft security by an earlier decision); branches grown long over
  // a road, blocking a lamp, read as facility (labelled sanitation); a washing machine above leaking down a ceiling and
  // soaking the walls raised as urgent (labelled normal).
  'r45-check': { intent: 0.928, reportP: 1, reportR: 0.92, category: 0.76, urgentR: 1, falseAlarms: 1, place: 1 },
  // r47 check set (24 message-board letters and forum posts written with r47-board before any rule was read: 19 reports —
  // an old factory block's rusted handrails and leaking roof, a three-day estate blackout blamed on the transformer, a
  // grill's smoke, a leak from the flat above, door handles tried and doors forced, an owners' committee blocked, a
  // paraplegic neighbour alone, school places for incomers, a father trapped in a lift (urgent), a power line down and
  // sparking by a school road (urgent), a fire main burst into flats (urgent), a KTV's bass, willows unpruned, broken
  // fitness equipment, broadband never connected, e-bikes charged in the hall, a neighbour's pigeons on the roof, green
  // space turned into paid parking, unemployment insurance — and 5 non-reports: a thanks letter, two progress questions,
  // a pasted power-cut notice, a rant about house prices). First run: intent 0.917, report P 0.905, report R 1.00,
  // category 0.684, urgent recall 1.00, 3 false alarms, place 0.958; after the r47 tuning the same.
  // Its errors, read once after all tuning: the estate blackout read as facility (the transformer) and urgent; the grill's
  // smoke from a shop read as other; the leak from the flat above read as facility; the power line down read as facility
  // (labelled utilities: a debatable call); the fire main flooding flats read as dispute (对门 named only as also flooded)
  // and lost its room (我家（301）in brackets); e-bikes charged in the hall read as property (物业说了几次不管用); the
  // thanks letter and the house-price rant read as reports; false alarms on the roof leak running down the stairwell, the
  // blackout and the past break-ins.
  'r47-check': { intent: 0.916, reportP: 0.904, reportR: 1, category: 0.684, urgentR: 1, falseAlarms: 3, place: 0.958 },
};

describe('the check sets, never tuned on', () => {
  it.each(Object.entries(CHECK_FLOORS))('%s stays at or above its after-tuning figures', (name, floor) => {
    const set = loadSet(fixture(`${name}.jsonl`))!;
    const { figures: f } = evaluate(set, set.map((m) => classifyByRules(m.text)));
    expect(f.intentAccuracy).toBeGreaterThanOrEqual(floor.intent);
    expect(f.reportPrecision).toBeGreaterThanOrEqual(floor.reportP);
    expect(f.reportRecall).toBeGreaterThanOrEqual(floor.reportR);
    expect(f.categoryAccuracy).toBeGreaterThanOrEqual(floor.category);
    expect(f.urgentRecall).toBeGreaterThanOrEqual(floor.urgentR);
    expect(f.urgentFalseAlarms).toBeLessThanOrEqual(floor.falseAlarms);
    expect(f.placeExact).toBeGreaterThanOrEqual(floor.place);
  });
});
