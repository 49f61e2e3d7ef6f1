import { categoryLexicon, intentLexicon as L } from './lexicon.js';
import { canonicalize } from './canon.js';
import { coreOf, normalizeText } from './normalize.js';
import { extractPlaceNormalized } from './place.js';
import { assessUrgency, detectUrgent, type UrgencyAssessment, type UrgentFinding } from './urgency.js';
import { gateOf, prefilterTests } from './prefilter.js';
import { REACHED, safetyNet } from './safety.js';
import { CATEGORIES, type Category, type Intake, type Intent, type Place, type Urgency } from './types.js';

export { detectUrgent };

/** What the rules saw in a message: kept apart so follow-ups and tests can use it. */
export interface Signals {
  normalized: string;
  core: string;
  place: Place;
  scores: Record<Category, number>;
  topCategory: Category | null;
  topScore: number;
  urgentKind: string | null;
}

const ADDRESSED_PROPERTY = /^[\s@]*(物业|物管)(客服|管家|经理|师傅|你好|您好)?[\s，,：:!！]/;
// Tie order when two categories score the same: the more specific first.
const TIE_ORDER: Category[] = [
  'assistance',
  'utilities',
  'security',
  'dispute',
  'service',
  'property',
  'facility',
  'sanitation',
  'other',
];

export function scoreCategories(t: string): Record<Category, number> {
  const scores = rawScores(t);
  // A dispute is a conflict between identifiable neighbours: noise or a leak with no
  // neighbour in view is more likely the building's own problem.
  // Renovation noise inside the building (有人在楼里切割瓷砖) is a neighbour's, named or not (r18).
  // ...and so is a household's noise heard in the building (楼里有人半夜唱歌 不知道是哪家) (r19).
  // ...and so are children's ball games in the stairwell (楼道里踢球), whoever's children they are (r20).
  // The property company greeted as whom the message is to (物业 单元门口的灯能不能换个亮点的, @物业 …) is the
  // addressee, not what is complained of: the greeting alone weighs nothing (r22).
  if (scores.property > 0 && ADDRESSED_PROPERTY.test(t) && !PROPERTY_TARGET.test(t) && !COMPANY_SERVICE.test(t)) scores.property = Math.max(0, scores.property - 2);
  if (scores.dispute > 0 && (!NEIGHBOUR.test(t) || BUSINESS.test(t)) && !((RENOVATION.test(t) || HOUSEHOLD_NOISE.test(t)) && /楼里|楼上|楼下|隔壁|单元/.test(t) && !BUSINESS.test(t)) && !STAIRWELL_BALL.test(t)) scores.dispute = Math.floor(scores.dispute / 2);
  return scores;
}

interface IndexedTerm {
  term: string;
  weight: number;
  cat: Category;
  /** The message in which it was last found (a stamp, so that finding it twice counts once). */
  seen: number;
  /** Longer words of the same category that contain it (filled in once all are read). */
  within: IndexedTerm[];
}

// Plain words of every category indexed by first character, and the regular expressions
// apart: one scan of the message finds every plain word (the lexicons hold ~700 words).
// (The lists are found through a table over UTF-16 units: a Map lookup per character of
// the message cost more than the comparisons that follow it.)
const PLAIN_LISTS: IndexedTerm[][] = [];
const PLAIN_BY_FIRST = new Int32Array(1 << 16).fill(-1);
const PATTERNS: { re: RegExp; weight: number; cat: Category; gate: ReturnType<typeof gateOf> }[] = [];
for (const cat of CATEGORIES) {
  for (const { term, weight } of categoryLexicon[cat] ?? []) {
    if (typeof term !== 'string') {
      PATTERNS.push({ re: term, weight, cat, gate: gateOf(term) });
      continue;
    }
    const k = term.charCodeAt(0);
    const entry: IndexedTerm = { term, weight, cat, seen: 0, within: [] };
    if (PLAIN_BY_FIRST[k]! >= 0) PLAIN_LISTS[PLAIN_BY_FIRST[k]!]!.push(entry);
    else PLAIN_BY_FIRST[k] = PLAIN_LISTS.push([entry]) - 1;
  }
}
{
  const plain = PLAIN_LISTS.flat();
  for (const w of plain) w.within = plain.filter((o) => o.cat === w.cat && o.term.length > w.term.length && o.term.includes(w.term));
}
let scan = 0;

function rawScores(t: string): Record<Category, number> {
  const scores = Object.fromEntries(CATEGORIES.map((c) => [c, 0])) as Record<Category, number>;
  const found: IndexedTerm[] = [];
  const stamp = ++scan;
  for (let i = 0; i < t.length; i++) {
    const list = PLAIN_BY_FIRST[t.charCodeAt(i)]!;
    if (list < 0) continue;
    const candidates = PLAIN_LISTS[list]!;
    for (const c of candidates)
      if (c.seen !== stamp && t.startsWith(c.term, i)) {
        c.seen = stamp;
        found.push(c);
      }
  }
  // "垃圾桶" and "垃圾" are one mention, not two: a word inside a longer matched word
  // of the same category does not count again.
  for (const w of found) {
    if (!w.within.some((o) => o.seen === stamp)) scores[w.cat] += w.weight;
  }
  for (const p of PATTERNS) if (p.gate.may(t) && p.re.test(t)) scores[p.cat] += p.weight;
  return scores;
}

function topOf(scores: Record<Category, number>): { cat: Category | null; score: number } {
  let cat: Category | null = null;
  let score = 0;
  for (const c of TIE_ORDER) {
    if (scores[c] > score) {
      cat = c;
      score = scores[c];
    }
  }
  return { cat, score };
}

// Signing up in the first person, or by a message that starts with the sign-up word.
// ...or with 我也去 before a practical question (我也去我也去 几点集合) (r46).
const FIRST_PERSON_SIGNUP = /^\s*(报名|取消报名|算我|接龙|\+\s*1)|^\s*(我|俺)也(去|参加|来)(?![了过吗么问找看说跟])|(我|俺)(跟|和)[^，,。！!？?\s]{1,4}[^，,。！!？?]{0,4}(过来|过去|一起去|一起来)|(我|俺|我们|都|也|我和.{1,4})(要)?报名(?!的)|我(也)?(能|可以)参加|算我|算上我|加我|我参加|我也参加|取消报名|(的话|就)(我|算我)(来|去|参加)|的话[^，,。！!？?]{0,3}我|我[^，,。！!？?\s]{0,4}(有空|有时间)/;
// ...and means offered for the day itself (我家有三轮车 到时候拉东西可以叫我) (r46).
// Joining in free words (带上我, 我会修电脑 能帮上忙吗, 让她也去锻炼锻炼, 有车 可以帮忙拉东西):
// no sign-up word, but plainly offering oneself for an activity.
const FREE_SIGNUP =
  /带上我|带我一个|捎上我|算上我们|我会[^，,。！!？?\s]{1,6}[，,\s]*(能|可以)?帮|(能|可以)帮(得)?上忙|帮得上忙|让(她|他|孩子|闺女|儿子|女儿)也(去|来|参加|上台|表演|出个?节目)|(老伴|老婆|老公|爱人|孩子|闺女|儿子|女儿|她|他)[^，,。！!？?\s]{0,3}也(想|要)(去|来|参加)(?=\s|$|[，,。！!？?]|吗|行|可以|能)|(?<!不)(可以|能)帮忙(拉|搬|拍|带|开车|拿|扛)|(我|俺)[^，,。！!？?\s]{0,4}都报(?!警|修|案|的|过|销)|一家[三四五]?口?都(去|来|参加)|凑个?(数|人头|人数)|(我|俺)(跟|和)[^，,。！!？?\s]{1,4}都(能|可以|会)?(去|来|参加)|^\s*\+\s*[2-9](?!\d)|(我|俺)(会|懂)点?[^，,。！!？?\s]{1,6}[，,\s]*[^。！!？?]{0,6}(能|可以)去?(帮|给)|(需要|用得着|用得上)[^。！!？?]{0,10}(叫|喊)我|的话[^，,。！!？?\s]{0,2}(我)?(天天|随时|每天)(都)?(能|可以)来|我请个?假\s*$|(我们|俺们|咱们)?((?<!大)家|俩|两口子|一家人|全家|娘俩|爷俩|父子|母女|夫妻|一家子)[^，,。！!？?\s]{0,3}(都|全|全都)(能|可以|会)?(去|来|参加)(?![了过吗])|(用得上|用得着|需要帮忙|缺人)的话[^。！!？?]{0,6}我[^，,。！!？?\s]{0,6}(过去|过来|去|来|参加)|(需要|要人|缺人|用人)[^，,。！!？?]{1,8}的话[^。！!？?]{0,4}我[^，,。！!？?\s]{0,4}(搭把手|帮忙|帮一把|出力|过去|过来)|(我们|咱们|俺们)[^，,。！!？?\s]{0,8}都(能|可以|会)?(去|来|参加)(?=\s|$|[，,。！!])|^\s*(会|懂|学过)[^，,。！!？?\s]{1,6}[，,\s]+[^。！!？?]{0,4}(可以|能)(帮忙|帮着|去帮|来帮|接)(?![^。！!？?]{0,8}(我家|我的|俺家|吗|不|没))|(那天|到时候|当天|那会儿)[^，,。！!？?]{0,4}(能|可以|来|去)?(搭个手|搭把手|帮把手|帮个忙|出份力)(?![^，,。！!？?\s]{0,2}(吗|不|么|没))|尽管(招呼|吩咐|叫我|喊我|找我|开口)|(叫|喊|找|招呼)(我|俺)(一声)?就(行|好|成|是)|(我|俺)随叫随到|(这些?|那些?|这个|那个|这种|这类|这样的)活(儿)?[^，,。！!？?\s]{0,2}(我|俺|我们)(都)?(能|可以|会)(干|做|接|包|搭把手|帮把手|帮忙|出份力)|(要|需要|缺)(帮忙|帮手|人手|人)的话[^。！!？?]{0,4}(叫|喊|找|招呼)(我|俺)|(有空|闲着|有时间)[^。！!？?]{0,12}(需要|要|缺)(人手|帮手|人|帮忙)[^，,。！!？?\s]{0,4}(吱|喊|叫|招呼|说|言语)一?声|(那天|到时候|当天|到那天)[^。！!？?]{0,10}(可以|能|就)(叫|喊|找|招呼)(我|俺)(?![^，,。！!？?\s]{0,3}(吗|不|没))/;
// Offering a skill and asking whether hands are still wanted (我会剪头发 还要人吗): joining.
// Stepping out of an activity for this once, or for someone at home (这回我就不去了 下回再说,
// 那个徒步就不参加了 给他取消吧): the reason given (a guest, a bad leg) asks nobody to act (r28).
const WITHDRAW_LEAVE = /(我|俺)(就)?请(个)?假了|不凑(这个|这份)?热闹了|去不了|来不了|参加不了|去不成|来不成|参加不成|(?<![还都也又])不(去|参加)了(?![^，,。！!？?\s]{0,2}(吗|吧\s*[?？]))/;
// ...and the activity pointed at by its day (周六那个我去不了了), or a withdrawal passed on for someone
// (让我跟大家说一声他来不了了) (r33).
const WITHDRAW_MARK = /(周[一二三四五六日天末]|礼拜[一二三四五六天日]|星期[一二三四五六天日]|明天|后天|下周|这周)[^，,。！!？?\s]{0,4}(那个|那场|那次)|(跟|和|给)大家(说|讲|打)(一)?声|那天|凑(这个|这份)?热闹|这回|这次|这趟|下回|下次|(帮|给)(我|他|她|俺)[^，,。！!？?\s]{0,2}(取消|划掉|去掉|删掉)|取消吧|划掉|把(我|他|她|俺)|名字/;
// ...or told after the question whether hands are still wanted (剪纸课还缺人吗 我年轻时候学过), or a knack boasted (我剪得可好了) (r36).
const SKILL_AFTER_ASK = /(还要人|还缺人|还差人|要人吗|缺人吗|差人吗|要人不|缺人不|差人不|缺不缺人|要不要人|还招人|招人吗)[^。！!？]{0,3}[?？\s，,]*(我|俺)([^，,。！!？?\s]{0,6}(学过|当过|做过|干过|是学|是干|(会|懂)(?!去|来|问|跟|让|告诉|通知|转|说))|[^，,。！!？?\s]{1,4}得(可|很|挺|特别|老|贼|超)?(快|好|巧|利索|麻利|溜))/;
const SKILL_OFFER = /(我|俺)[^，,。！!？?\s]{0,3}(会|懂|学过|当过|做过|干过|是学|是干)[^。！!？?]{1,12}[，,\s]*[^。！!？?]{0,10}(还要人|还缺人|要人吗|缺人吗|缺不缺人|要不要人|(还)?(要|缺|需要)(帮手|人手)|用得上|用得着|能帮|帮得上|算我|需要吗|要吗)/;
// A thing's fault told flat (漏水, 不亮, 堵了): what a plain statement of a fault says.
// ...and a wall or floor soaked (墙面都泡了), which the urgency check leaves as seepage (r43).
const FAULT = /漏雨|滴答|滴滴答答|漏个不停|(一直|还在|就|开始|在)漏(?!气|电)|漏水|渗水|滴水|冒水|坏了|坏掉|不亮|堵了|堵死|停水|停电|没水|没电|不热|裂了|塌了|掉了|断了|打不开|关不上|不出水|不通|返味|发霉|(墙|墙面|墙皮|墙壁|地板|天花板|顶棚)[^，,。！!？?\s]{0,2}(都|全)?泡(了|坏)/;
// A post asked to do something (请网格员上门看看, 让楼栋长来协调): a request, not who holds it.
const POST_TO_ACT = /(请|让|派|安排|麻烦|叫)[^，,。！!？?\s]{0,2}(网格员|网格长|楼栋长|楼长|单元长|调解员|片警|社区民警|书记|主任|管家)[^，,。！!？?]{0,10}(上门|来|去|帮|看|处理|协调|调解|照顾|走访)/;
// A request addressed to someone, strong enough to outweigh thanks or laughter.
// A wish put to the neighbours themselves (希望以后咱们大家一起爱护) asks nobody to act (r32).
const STRONG_REQUEST = /查一?查|查一下|看一看|管管|来一下|能不能|能否|可不可以|请(?!大家|各位|问)|麻烦|帮忙|赶紧|尽快|快来|管管|管一管|管一下|派人|来人|投诉|反映|报修|求助|怎么办|给个说法|要个说法|处理一下|修一下|建议|希望(?!早日|早点|一切|(?:以后|今后)?(?:咱们|我们)?大家|各位邻居|邻居们)/;

// A neighbour or a neighbour's flat named as the cause; one who complains along with the writer
// A household pointed at by its car and where it lives (隔壁单元那辆白色大众, 8栋那个黑色suv) is one (r34),
// ...and so is a room number told with its doing (601装修的垃圾, 1502天天半夜), or a neighbour by surname (隔壁单元的老王), or the owner placed (车主是隔壁单元的) (r34).
// (我和邻居反映了好几次) is no cause (r21). A pet's owner pointed at (那个养大狗的) is one (r24).
const NEIGHBOUR = /楼[上下]的人?(?=天天|总|老是|又|每天|经常|一直|半夜)|楼[上下](?:那|的|家)?(?:条|只)?(?:狗|猫)|(?:有户人家|有一户|有户(?!口))(?<!(?:上个?月|去年|之前|以前|那次|曾经|前几天|前阵子|上周|上次)[^，,。！!？?]{0,6}有(?:户人家|一户|户))|(?:隔壁|对面|同)(?:单元|楼|栋)的?(?:一位|那位|那个|那家|一个|一户)?(?:业主|住户|邻居|人家|人(?=在|天天|总|老|又|每天|半夜))|楼下(?:的)?(?:大妈|大爷|阿姨|老头|老太|小伙|那个|住户|人家|邻居)|你们家|楼上(?!楼下|下|都|各家|各户|几家|所有|住户都|的住户都|(一|每次|只要)?(冲厕所|冲马桶|放水|用水))|楼下(?:那|的)?(?:家|户|那家|那户)|一楼那户|(?:一楼|二楼|底楼|顶楼|顶层)的?(?:住户|业主|人家|那户|那家)|(?<!有的|很多|不少|好多|其他|各位|全体)邻居(?!们|也|都|[^，,。！!？?\s]{0,3}(反映|投诉|报修|联名|一起))|相邻的?[^，,。！!？?\s]{0,4}(住户|人家|业主)|隔壁(?!单元|楼|小区)|对门|对面那家|他家|你家|他们家|那家|那户|[0-9]{3,4}(?:的|那家|那户|家)(?!里)|老[\p{Script=Han}]家|(?:那个|那位)养[^，,。！!？?\s]{0,3}(?:狗|猫)的|养[^，,。！!？?\s]{0,3}(?:狗|猫)的(?:那个|那家|那户|那位|人家)|(?:[0-9]+|[a-z])(?:栋|号楼|单元)的?(?:那个|那位)?[\p{Script=Han}](?:老板|师傅|老师|大哥|大姐|先生|女士|总)|(?:隔壁|对面|同|[0-9]+|[a-z])(?:单元|楼|栋|号楼)的?(?:那辆|那台|那个[^，,。！!？?\s]{0,6}(?:车(?![位库棚])|suv|越野|面包|皮卡))|(?<![0-9.])[1-9][0-9]?0[1-9](?=装修|在装修|养的|养了|天天|每天|总是|老是|又在|又把)|(?:车主|主人)(?:是|就是|住)?(?:隔壁|对面|同|楼上|楼下)(?:单元|楼|栋)?的|(?:隔壁|对面|同)(?:单元|楼|栋)的?(?:老|小)(?:王|李|张|刘|陈|杨|赵|黄|周|吴|徐|孙|胡|朱|高|林|何|郭|马|罗)/u;
// A flat let by the bed or cut into cubicles (群租, 上下铺, 按床位租): public order and fire safety, even when it is the flat
// across the landing (对门) (r38).
const BED_LET = /群租|上下铺|高低床|按床位|论床位|按铺位|床位(房|出租)|二房东|隔断间|(隔|分|打|改)成了?[^，,。！!？?\s]{0,4}(小间|单间|隔断|床位|格子)/;
const RENOVATION = /装修|切割|切瓷砖|电锯|电钻|打墙|敲墙|砸墙/;
// Noise only a household makes (singing, a speaker, stamping, mahjong, a row).
const HOUSEHOLD_NOISE = /唱歌|k歌|卡拉ok|音响|音箱|跺脚|蹦迪|拖椅子|打麻将|搓麻将|吵架|摔东西|砸地板|剁地板/;
// Children kicking or bouncing a ball in the shared stairwell: a household's nuisance (r20).
const STAIRWELL_BALL = /(楼道|楼梯|楼梯间|楼梯口|走廊|过道|电梯口|电梯厅|大堂|单元门口)[^。！!？?]{0,10}(踢|拍|打|玩|扔)[^，,。！!？?\s]{0,2}(球|皮球|足球|篮球)|(踢|拍)[^，,。！!？?\s]{0,2}(球|皮球|足球|篮球)[^。！!？?]{0,8}(楼道|楼梯|走廊|过道)/;
// A shop, stall or building site is not a neighbour: its smoke or noise is no dispute.
// A cost shared out (分摊, 公摊) is no stall; a market is a business, a home noisy as one is not (r21).
// ...and a workshop or a car repairer on the pavement (修车铺, 汽修, 加工作坊) (r23).
// ...and a late-night food stall (大排档, 夜宵摊) (r25).
// ...and public works and their lorries (地铁施工, 3号线施工的大车, 渣土车), and eateries and stalls told by kind (面馆, 小吃, 奶茶, 包子铺) (r34).
// ...and a gym or a studio that trades by the hour (健身房, 瑜伽馆, 舞蹈室, 琴行) (r38).
const BUSINESS = /健身房|瑜伽馆|舞蹈室|舞蹈工作室|琴行|大排档|夜宵|(农贸|批发|菜|海鲜)市场(?!一样|似的|里一样)|夜市|店|修车|汽修|洗车|作坊|加工厂|小卖部|商贩|小贩|饭馆|餐馆|餐厅|饭店|商铺|门面|超市|工地|(?<![分公均平])摊|ktv|酒吧|歌厅|歌舞厅|网吧|棋牌室|麻将馆|底商|营业|面馆|粉馆|馆子|小吃|快餐|奶茶|(包子|早餐|早点|小吃|杂货|水果|烟酒|五金|熟食|卤味|烧饼|煎饼|馒头)铺|(地铁|修路|市政|道路|马路|高架|管网|[0-9一二三四五六七八九十]+号线)[^，,。！!？?\s]{0,4}施工|施工(队|车|的车|大车|的大车|单位|方)|渣土车|工程车/;
// Noise or late hours from a business (a KTV's bass, a car wash's pumps): neither a neighbour's
// dispute nor a shared facility; the taxonomy has no category for it but other.
// ...or its banging and hawking (卸货 铁架子哐哐响, 喇叭叫卖) (r21).
// ...or its fan or blower droning, or singing on into the night (排风扇 嗡到半夜, 唱到凌晨) (r23).
const BUSINESS_NOISE = /噪音|噪声|吵|喧哗|嗡|排风扇|风机|唱到|低音炮|音乐|放歌|唱歌|音响|扰民|营业到(凌晨|半夜|深夜)|营业时间|哐|咣|叮叮当当|轰隆|卸货|吆喝|叫卖|喇叭/;
// Noise told as suffered (吵死了, 震得, 睡不着): a complaint's words, never an ad's (r43).
const NOISE_BORNE = /吵死|吵得|吵人|烦死|烦人|扰民|受不了|睡不着|没法睡|睡不了|震得|脑壳疼|头疼/;
// A shop's pitch blared through a loudspeaker (门口的大喇叭天天循环放促销, 音箱从早喊到晚 打折打折): its noise, whatever ad words it repeats (r45).
const PITCH_BLARED = /(喇叭|音箱|音响|广播|扩音器|小蜜蜂)[^。！!？?]{0,12}(循环|反复|天天|每天|一直|从早|喊|放|吆喝)[^。！!？?]{0,8}(促销|打折|特价|优惠|清仓|甩卖|大减价)|(促销|打折|特价|清仓|甩卖|大减价)[^。！!？?]{0,12}(喇叭|音箱|音响|广播|扩音器)[^。！!？?]{0,8}(吵|烦|喊|放|响)/;
const HEATING_LEAK = /暖气(片|管|管子|管道|阀门|阀)?[^，,。！!？?\s]{0,4}(漏水|滴水|渗水|漏了|爆了|爆开|冒水|呲水|喷水|往外喷|裂了)/;
const SHED_BROKEN = /(车棚|雨棚|自行车棚)[^，,。！!？?\s]{0,4}(顶|棚顶|顶棚|彩钢瓦|彩钢板|铁皮|瓦|棚子|柱子|门)?[^，,。！!？?\s]{0,8}(刮掉|刮飞|掉了|掉下|塌|漏雨|漏水|破了|破洞|烂了|松了|歪了|断了)/;
const RESIDENT_BUILT = /违建|违章(搭建|建筑|加建)|私搭乱建|乱搭乱建|(私自|擅自|违规|违法)[^，,。！!？?]{0,8}(搭|建|盖|圈|砌|扩)|加建|加盖|搭了[^，,。！!？?]{0,6}(棚|房|屋)|(圈|围|砌)(进|到|成)[^，,。！!？?]{0,3}(自家|自己家|他家)/;
// The building's own skin leaking (楼顶漏雨, 屋顶渗水): the top-floor household named is where the water lands, not its cause (r43).
const ROOF_LEAK = /(楼顶|屋顶|房顶|屋面|外墙)[^，,。！!？?\s]{0,3}(漏|渗|进水)/;
const RESIDENT = /业主|住户|邻居|楼上|楼下|隔壁|对门|一楼|顶层|顶楼|那家|那户|他家/;
// Adding a shared fixture (无障碍坡道, 扶手) asked for one disabled resident is the facility.
const BUILD_SHARED = /(加装|安装|增设|修建|修|建|装|铺)(一条|一个|个|条|上)?(无障碍)?(坡道|扶手|栏杆|护栏|通道|电梯)/;
const NUISANCE = /隐私|堵|吵|噪|跺|拖|漏|渗|滴|泼|占|堆|放|养|装修|打墙|电钻|骂|咬|叫|臭|味|油烟|练|狗|猫|鸡|鸽|空调|弹|敲|跳|音乐|唱|车位|挡|水/;
const CRIME = /偷|盗|撬|陌生人|诈骗|传销|抢|贼|持刀|打架|高空抛物|往下扔|扔下来|飞线|私拉|拉线充电|(扯|拉|接)[^，,。！!？?\s]{0,4}电线|(楼道|楼梯|电梯)[^，,。！!？?]{0,12}充电/;
// A device whose battery ran out (密码锁没电了) is no supply cut.
// ...nor is a fire hydrant with no water in it (消防栓里根本没有水): a fire-safety fault (r21).
const SUPPLY_CUT = /停水|停电|停了[^，,。！!？?\s]{1,5}(水|电)(?![费表车梯瓶动])|(一点|一滴|半点)[^，,。！!？?\s]{0,2}(水|电)都?没|(?<!(消防栓|消火栓|消防水箱|消防管道?)[^，,。！!？?\s]{0,4})没有?水(?!平|准)|(?<!锁|门禁|门铃|遥控器?|电池)没有?电(?!动|梯|瓶|车)|上不来水|水上不来|水压小|断水|(?<!帮忙?|[先请快]|赶紧|马上|及时|拉闸|需要)断电(?![^，,。！!？?\s]{0,2}(排水|处理|抢修))|断网|没网|网断|没气|来电|水压|跳闸|不供暖|暖气.{0,4}不热|宽带.{0,4}断|网.{0,2}断了/;
// One identifiable person in need (住十楼的王奶奶, 坐轮椅的大哥), not the elderly in general.
// A wheelchair or pram kept from passing (轮椅过不去, 婴儿车推不过去) (r23).
const PASS_BLOCKED = /(轮椅|婴儿车|童车|推车|小推车)[^，,。！!？?\s]{0,4}(根本|都|也)?(过不去|推不过去|进不去|出不去|过不了|走不了|推不动|没法走|没法过)/;
// Someone who lives alone (一个人住, 独居, 空巢) (r23).
const LIVES_ALONE = /一个人住|一人住|独自(住|生活)|独居|孤寡|空巢/;
const ONE_PERSON = /[\p{Script=Han}](?:奶奶|爷爷|大爷|大妈|婆婆|阿姨)(?!们)|轮椅|瘫痪|独居|孤寡/u;
// Money or papers the state owes or issues: what a service request is about.
const BENEFIT = /金|补贴|补助|津贴|到账|保险|社保|医保|低保|证明|证件|卡/;
// 我家 naming one of the household (我家老人在楼下摔了) is no place in the home (r22).
const IN_HOME = /家里|我家(?!住|在|是|楼|附近|门口|这边|那边|老人|老头|老太|老爷子|老伴|孩子|小孩|宝宝|闺女|儿子|女儿|孙子|孙女|那口子|狗|猫)|房子|他家|她家|卫生间|厨房|客厅|卧室|房间|屋里|屋子|满屋|洗手间|厕所/;
// A smell, or a thing rotting, in a shared part (一单元楼道里有股怪味 像东西烂了, 电梯间一股臭味) (r41).
const SMELL = /(怪|臭|异|骚|腥|霉|馊|尿)味|臭气|臭烘烘|恶臭|发臭|腐烂|烂掉|烂了/;
const SHARED_SPOT = /楼道|楼梯|走廊|过道|电梯|单元门|大堂|地下室|车库|垃圾房|垃圾站/;
const SHARED_PART = /楼道|公共|管道井|单元门|楼梯|走廊|地下室|车库|小区/;
// A routine given up for a while with its reason or its cover told (外面路滑 王奶奶这几天就不下楼买菜了 让她孙子给带):
// news of a neighbour, nobody asked to act (r40).
const ROUTINE_PAUSED = /(路滑|下雨|下雪|雨天|雪天|太冷|天冷|降温|太热|刮风|风大|雾霾)[^。！!？?]{0,16}(就|先|暂时|都)?不(下楼|出门|出去|去|出来)[^，,。！!？?\s]{0,8}了|(让|叫|由)(她|他)?的?(孙子|孙女|儿子|女儿|闺女|家人|子女|外孙|儿媳|女婿)[^，,。！!？?\s]{0,3}(给|帮)?(带|买|送)/;
// A thing in a shared part owned up to (那袋垃圾是我的, 楼道里的纸箱是我家的) and to be taken away by the writer (等下我自己拿下去,
// 今天下午就收走): the writer sees to it, nobody is asked to act (r43).
// ...where a complaint word is waved off (别投诉了, 不用报修) or the trouble is the writer's own (给大家添麻烦了) it asks nothing.
const ASK_WAIVED = /(别|不用|不要|甭|无需|不必)(再)?(投诉|举报|报修|麻烦|反映)|添(了)?麻烦/g;
const OWN_THING_SHIFTED = /(?<!不)是(我|俺)(家|们家|自己|自家)?的[^。！!？?]{0,24}(我|俺)?(自己|自个儿?|这就|马上|立马|等下|等会儿?|一会儿?|今天|今晚|下午|晚上|明天|明早|回头|待会儿?)[^，,。！!？?\s]{0,4}(就)?(拿|收|搬|清|挪|扔|推|处理|弄|收拾)/;
// A question put to the neighbours (who has a ladder, where to print): nobody is asked to act.
// A found thing already handed in (捡到…放保安室了): a notice to the owner, nobody is asked to act.
const FOUND_HANDED_IN = /(捡到|拾到|捡了)[^。！!？?]{0,20}(放|交)(在|到|给)?了?[^，,。！!？?\s]{0,4}(门卫|保安|物业|驿站|传达室|岗亭|值班室)(?![^，,。！!？?\s]{0,3}(哪|吗|行))/;
// ...and advice asked of whoever knows (平时要注意吃什么 有懂的吗) (r40).
const NEIGHBOUR_QUESTION = /有懂的吗|有没有懂的|有懂行的|有谁懂|群里有没有|有没有会|有没有一起|谁一起|有一起|一起去的|你们知道|谁捡到|有人捡到|有人知道|有谁知道|谁知道|请问大家|问问大家|问下大家|问一下大家|大家知道|有没有人知道|谁家有|借我|借一下|哪位邻居|有邻居|大家推荐|推荐一下|(附近|周边|周围|咱这|这边|小区里|小区外)[^，,。！!？?\s]{0,4}(有没有|哪有|哪里有|哪儿有|哪家)/;
// How to do a small job at home oneself (烟雾报警器…谁知道怎么换电池), asked of the neighbours (r22).
const HOW_TO_SELF = /(怎么|咋|如何)(换|装|拆|调|设置|关掉|关)[^，,。！!？?\s]{0,2}(电池|灯泡|滤芯|保险丝|密码|时间|声音)/;
// A newcomer asking how things go here (垃圾几点收啊 刚搬来不知道): no fault, nobody to act (r22).
const NEWCOMER = /刚搬来|刚搬过来|新搬来|新来的|刚来的|刚住进来|刚入住/;
const PLAIN_QUESTION = /几点|在哪|哪里|哪儿|怎么|咋|什么时候|啥时候|是什么|是啥|多少|[?？]|吗|啊\s*$/;
// Where a thing in the estate is (快递柜在哪), asked by a newcomer: no fault, nobody to act (r22).
const WHERE_IS = /[^，,。！!？?\s]{2}(在哪|在哪里|在哪儿|在什么地方|在什么位置)(啊|呀|呢|啦)?(?=$|[\s，,。！!？?])/;
// An earlier report pointed back to by when or by which channel it went in (上次反映的…, 此前反映过, 通过12345热线反映过):
// the writer's own, even when no 我 is written; with a question about its state it is a progress query (r25).
// An earlier report told by the channel it went through and what became of it there (我上个月写过信, 我打了12345,
// 我在网上给县领导的留言, 一直显示待受理, 工单号, 当时说会转交, 回复说已派单): the writer's own, so a question about it
// asks its progress, however long the letter that retells the matter (r32).
// ...and so is a message the writer left online (我在网上留言反映…) or a reply that says it was passed on (回复说已经转到供电所) (r38).
// ...and a hotline's call back that says where it passed the matter (12345那边回电话说转给社区了), or a state still waiting
// at another step (待派单, 审核中) (r46).
const OWN_CHANNEL = /(?:我|俺|本人)[^。！!？?]{0,12}(?:写过|写了|寄过|寄了|打过|打了|拨打过|拨打了|拨过|留过|留了)[^，,。！!？?]{0,8}(?:信|留言|热线|12345|12315|信箱|留言板|工单)|(?:我|俺|本人)[^，,。！!？?]{0,12}通过[^，,。！!？?]{0,10}(?:网站|热线|12345|信箱|留言板|平台)[^，,。！!？?]{0,4}(?:反映|投诉|留言)(?:过|了)|(?:我|俺|本人)[^，,。！!？?]{0,12}的(?:留言|来信|信件|工单)|(?:显示|状态|一直是)[^，,。！!？?\s]{0,3}(?:待受理|未受理|待处理|待回复|已受理|已转交|已办结|办结|待派单|处理中|受理中|审核中|待审核)|工单号|(?:回复|答复|当时|接线员|回电话|回电|来电话|来电)[^，,。！!？?\s]{0,2}说?[^，,。！!？?\s]{0,2}(?:已派单|已转交|已受理|已登记|会转交|转交给?|转给|转到|会有人|已经?转(?:到|给|交))|(?:我|俺|本人)[^，,。！!？?]{0,8}在[^，,。！!？?\s]{0,4}(?:网上|平台|信箱|留言板|小程序|公众号|网站)[^，,。！!？?\s]{0,2}留言/;
// A request shown still waiting on the channel it went in by (公众号上一直显示待处理, 状态还是审核中), with the writer
// asking someone to look into it (能帮忙查查吗, 给催一下): the state of the writer's own request is asked (r46).
const PENDING_SHOWN = /(显示|状态|一直是|还是)[^，,。！!？?\s]{0,3}(待受理|未受理|待处理|待回复|待派单|已受理|处理中|受理中|审核中|待审核)/;
const CHECK_ASK = /查|问问|问一下|催|怎么回事|咋回事|是不是|[?？吗]/;
const EARLIER_REPORT = /(上次|上回|此前|前期|日前|前段时间|前些天)[^，,。！!？?]{0,4}(反映|报修|投诉|留言|提交)(过|了|的)|通过[^，,。！!？?]{0,10}(热线|留言板|平台|12345|小程序|公众号|信箱)[^，,。！!？?]{0,6}(反映|投诉|留言|报修)(过|了)/;
// A forwarded post or notice does not ask; a message that asks the organisation for something is no forward.
// ...and so does one that demands, if only by a bitter question (要等出了事才管吗, 到底管不管) (r21).
// The community or the property company asked to find or contact a trade (社区能不能帮忙联系个收旧家电的):
// a request to staff, though the trade's own words (回收, 家政, 开锁) sound like an ad (r29).
const STAFF_ASKED_CONTACT = /(社区|物业|网格员|居委会|楼长|楼栋长|书记)[^，,。！!？?\s]{0,4}(能不能|可不可以|能否|可否|帮忙|帮我|帮着|给)[^，,。！!？?\s]{0,4}(联系|找|叫|介绍|推荐)/;
const ASKS_ORGANISATION = /能不能|可不可以|能否|建议|希望|为什么|凭什么|麻烦|帮忙|申请|办理|等[^。！!？?]{0,8}才(管|处理|修|来|重视)|管不管|有没有人管|到底[^，,。！!？?\s]{0,4}(管|修|处理)不|(也)?该[^，,。！!？?\s]{0,2}(检修|维修|修|换|查|检查|管管|整治|清理)了/;

// How or where to apply for something only staff can answer (社保卡在哪办, 燃气开户要带什么):
// a service request, whatever the thing is about.
const SERVICE_ASK = new RegExp(
  [
    '(?:办理|办|申请|开户|补办|迁出|迁入|迁到|落户|开具|开|领取|领|提取|换证|换|代办|报销|认证|复审|预约|打)[^，,。！!？?]{0,12}(?:去哪|到哪|在哪|哪里|哪儿|哪个(?:部门|窗口|单位)|找谁|什么材料|哪些材料|什么证件|什么手续|啥手续|什么条件|啥条件|流程|吗|能不能代办|代办吗|怎么弄|咋弄|怎么搞|咋办|怎么操作)',
    '(?:去哪|到哪|在哪|哪里|哪儿|怎么|如何|咋)[^，,。！!？?]{0,4}(?:办理|办|申请|报名|开户|补办|领取|领|开具|开证明|上户口|迁)',
    '(?:要|需要|得|准备)(?:带)?(?:什么|哪些|啥)(?:材料|证件|手续)',
    '(?:什么|哪些|啥)(?:条件|政策|流程)',
    '(?:符不符合|是否符合)[^，,。！!？?]{0,4}条件',
    '(?:哪个|什么|哪些)(?:部门|窗口|单位)[^，,。！!？?]{0,6}(?:申请|办理|提出|咨询)',
    '(?:申请|办理)(?:条件|流程|手续|材料)|所需材料',
    // Whether it can be done here (在社区能不能办, 可以代办吗).
    '(?:能不能|可不可以|能否|可以|能)(?:在[^，,。！!？?]{0,6})?(?:办理|代办|补办|办)(?![法公事])',
    '(?:办理|代办|补办|办)(?:吗|不了|得了)',
  ].join('|'),
);
const APPLY_PROCEDURE = /材料|证件|手续|流程|符不符合|是否符合|什么条件|哪些条件/;
const SERVICE_THING = /公租房|廉租房|保障房|人才房|经适房|社保|医保|户口|户籍|落户|居住证|证明|低保|补贴|津贴|补助|救助|贷款|失业|就业|养老|优待证|老年证|疫苗|接种|出生|残疾人?证|开户|燃气卡|公交卡|公积金|助学|证件|身份证|营业执照|无犯罪|准生|入学|上学|幼儿园|居家养老|退役/;
// Someone asks the neighbours for medicine or an aid for a person in need: a request for
// help. Offering the same thing (多买了几盒 需要的来拿) is not.
const NEED_ASK = /(谁家有|谁有|哪家有|哪位[^，,。！!？?\s]{0,4}有|有没有人有|有没有|借)[^。！!？?]{0,8}(药|栓|退烧|退热|布洛芬|美林|泰诺|创可贴|体温计|温度计|轮椅|拐杖|拐棍|助行器|坐便椅|护理床|制氧机|雾化器|氧气|血压计|血糖仪|纱布|碘伏|尿不湿|奶粉|救心丸)/;
// Neighbours asked for a driver or a car to take someone at home to hospital (有没有会开车的邻居
// 我家老头子要去医院复查): help asked for a person, not small talk (r28).
const RIDE_ASK = /(有没有|谁|哪位|哪个)[^。！!？?\s]{0,4}(会开车|有车|开车|顺路|顺风车)[^。！!？?]{0,24}(医院|复查|看病|就医|透析|化疗|拿药)|(医院|复查|看病|就医|透析|化疗)[^。！!？?]{0,24}(有没有|谁|哪位|哪个)[^。！!？?\s]{0,4}(会开车|有车|开车|顺路|顺风车)/;
// A ride offered (我有车 … 谁要去医院复查可以捎上): the writer gives help, nobody is asked (r28).
const RIDE_OFFER = /(我|俺)[^，,。！!？?\s]{0,3}(有车|开车)[^。！!？?]{0,24}(可以|能|都可以|就)(帮忙|帮着)?(捎|带|送|载|拉)(?![^，,。！!？?\s]{0,4}(吗|么|不|没))/;
const OFFER = /(可以|能|就)(先)?(放|寄放|存|搁)(在)?(我|俺)(这|这儿|这里|家)(?![^，,。！!？?]{0,4}(吗|不|没))|(需要|缺|要|想要|用得上|用得着)的[^。！!？?\s]{0,3}(来|找|联系|说|话|吱|言语|招呼|私)|需要的话|多(买|领|拿|订|做|煮|包|囤|备|发)了|可以借|借给|免费送|送给需要|多买了|多的|闲着|闲置|白送|送人|用不上|用不着|谁[^，,。！!？?\s]{0,4}用得(上|着)|(要用|需要|用得上|用得着)[^，,。！!？?\s]{0,2}(说一声|吱一声|言语一声|招呼一声|打个招呼)|(要|需要|想要|要吃|想吃|要用)的[^。！!？?\s]{0,3}(我|俺)(给|帮)?[^，,。！!？?\s]{0,2}(送|拿|带)(过去|上去|上门|到家)|(可以|都可以|随时|尽管)(来)?(找|叫|喊|联系|招呼)(我|俺)(?!们)(?![^，,。！!？?]{0,4}(吗|不|没))/;
// Someone impersonating a worker (自称是燃气公司的): a security matter, whatever they claimed to be.
// ...and one whose claim the company denied when asked (问过供电所，没有这回事) (r21).
// ...and a caller at the door whose claim is only reported (说是社区派来的, 说是查水表的) or who
// sells to the old at their door (上门推销保健品): the doubt is the report (r18).
// ...and a seller who says the community sent them or arranged it (推销员说社区统一安排换软管) (r20).
// ...but not blame put on the property side (对方说是物业的管道问题): that says whose fault, not who someone is (r25).
// ...nor a department passing the matter on (城管说是物业的, 镇里说是社区的): the buck passed, not a poser (r38).
const IMPERSONATION = /冒充|假冒|自称是?|(?<!(物业|社区|居委会|网格员|通知|群里|公司|师傅)[^，,。！!？?\s]{0,2})说是[^，,。！!？?\s]{0,10}(派来|派的|派下来|派过来|打发来)|(?<!(物业|社区|居委会|网格员|通知|群里|公司)[^，,。！!？?\s]{0,2})说是(来)?(查|抄|换|检查|修)[^，,。！!？?\s]{0,2}(水表|电表|气表|燃气表|表|管道|线路|燃气|煤气)|(?<!(物业|社区|居委会|网格员|通知|群里|公司|城管|交警|镇里|镇上|乡里|街道|住建局?|市政|环保|水务|部门|局里|所里)[^，,。！!？?\s]{0,2})说是(社区|街道|街道办|居委会|物业|燃气公司|电力|供电|自来水|派出所|民政|银行|医保|社保|卫生院|医院)[^，,。！!？?\s]{0,4}的(?!事|通知|责任|问题|管道|管子|原因)|(上门|进门|敲门|挨家挨户|入户)[^，,。！!？?\s]{0,3}推销|(推销|推销员|卖[^，,。！!？?\s]{1,4}的)[^。！!？?]{0,10}说(是)?[^，,。！!？?\s]{0,2}(社区|街道|居委会|物业|燃气公司|自来水公司|供电|政府)[^，,。！!？?\s]{0,6}(安排|统一|要求|派|让|规定)|推销保健品|卖保健品|假扮|穿的也不是|冒名|(没|没有|从没|从来没|从未)派(过)?(人|员)|(说是|穿着?|戴着?|拿着|挂着?)[^。！!？?]{0,30}(没这回事|没有这回事|没(有)?安排|不是(他们|我们|公司|物业)的人)|(问过|问了|核实|打电话问|打了?[^，,。！!？?\s]{0,6}电话)[^。！!？?]{0,12}(没有?这回事|没有?安排|根本没有)|不是(他们|我们|公司|物业)(的人|派的)/;
// A poser seen here and now (在单元门口, 刚才, 正挨家敲门) is reported even when the message
// also warns the neighbours; a general warning (最近有人冒充…) is not.
const SIGHTING_HERE = /(在|到)[^，,。！!？?\s]{0,6}(门口|楼道|楼下|楼里|单元|电梯|我家|我们楼|各家|小区里)|(楼下|门口|楼道|楼里|单元门口|电梯里)有(个|两个|几个)?人|刚才|刚刚|正在|现在|这会儿?|挨家|挨个|挨户|一家一家|一户一户/;
const GENERAL_WARNING = /最近|近期|近来|这段时间|这阵子|听说|据说|经常有|常有|骗子太多/;
const CRIME_OR_STRANGER = /公司|物业|工作人员|转账|汇款|账户|交钱|师傅|局|所|检查|(查|抄|换)[^，,。！!？?\s]{0,2}表|单位|保健品|收[^，,。！!？?\s]{0,2}费|上门|敲门|进门|推销|挨家挨户|登记|街道|社区/;
// An opinion offered to the group (我觉得…, 说实话…) asks nobody to act unless it asks outright.
// ...and a preference given on a plan put out for comment (我个人倾向于第二种, 没有什么特别的意见) (r32).
const OPINION = /^\s*(其实|说实话|说真的)?[，,\s]*我(觉得|认为|感觉|看)|其实我觉得|说实话|依我看|大家互相体谅|互相理解一下|说句(公道|良心|实在|心里)话|平心而论|凭良心说|(?:我|个人)[^，,。！!？?\s]{0,2}(?:比较|更)?倾向于|没有?(?:什么|啥)(?:特别的?|别的)?(?:意见|看法)/;
// A letter offered as the writer's own view (谈谈我的一点看法, 以上只是个人感想, 请批评指正): an opinion, asking
// nobody to act unless it also asks outright; 请…批评指正 is modesty, not a request (r25).
const OPINION_LETTER = /(谈谈|说说|聊聊|谈几点|提几点)[^，,。！!？?]{0,12}(看法|想法|感想|体会|感受)|个人(的)?(一点|一些|几点)?(看法|感想|浅见|拙见|体会|想法|意见)|一点(看法|感想|浅见|拙见|体会|感受|想法)|仅供参考|批评指正/;
const MODESTY = /[^。！!？?]{0,12}批评指正|仅供参考/g;
const LETTER_ASK = /恳请|请求|要求|尽快|务必|督促|(请|希望|建议)[^，,。！!？?]{0,8}(有关|相关|主管)?(部门|领导|政府|街道|社区|单位)[^，,。！!？?]{0,4}(尽快|抓紧|及时|加快|安排|解决|处理|考虑|重视|落实|修|增设|整治|协调)/;
// An opinion put to the group for its view (大家咋看, 你们觉得呢): talk, whatever problem it weighs (r23).
const OPINION_POLL = /(大家|你们|各位)[^，,。！!？?\s]{0,2}(怎么看|咋看|觉得呢|觉得怎么样|觉得咋样|说呢|怎么说|说说看)/;
// An opinion opened by a spoken lead (要我说…, 在我看来…, 个人觉得…) is offered, not asked; 要我说几遍 is a complaint (r26).
const OPINION_LEAD = /^\s*(要我说|要我看|在我看来|个人觉得|个人认为|我个人觉得|我个人认为|我的看法是)(?![多几了过遍回次])/;
const OUTRIGHT_ASK = /请|希望|能不能|可不可以|能否|麻烦|建议|帮忙|赶紧|尽快|管管|管一管|处理一下|恳请|督促|要求/;
// A rumour wondered about (说是下周要查燃气 不知道真的假的) is talk among neighbours.
const RUMOUR = /真的假的|是真是假|是不是真的|(?:好像|应该)[^，,。！!？?]{0,10}吧\s*$/;
// The request clause of a long, formal complaint: to the departments or the leaders, at the end.
const FORMAL_REQUEST =
  /恳请|敬请|请求|特此反映|望[^，,。！!？?]{0,4}(重视|解决|处理|督促)|督促|(请|希望|建议|要求)[^，,。！!？?]{0,8}(有关|相关|主管)?(部门|领导|街道|社区|居委会|派出所|公安|城管|物业|业委会|政府|单位|公司)/;
// A card or key dropped where others pass, or asked whose it is (谁的医保卡掉在快递柜边上了): lost and
// found, not the service the card belongs to (r22).
const LOST_PET = /(猫|狗|猫咪|狗狗|鹦鹉|八哥|兔子|乌龟)[^，,。！!？?\s]{0,3}(跑丢|走丢|丢了|跑了|不见了|飞了|跑出去)[^。！!？?]{0,30}(看到|见到|看见|碰到|发现|捡到)[^。！!？?]{0,10}(告诉|说一声|说声|联系|通知|私我|吱一声)/;
// A thing found, its owner asked for among the neighbours (捡到一个老年卡 … 谁认识): chat (r28).
// A found thing left where its owner will see it (捡到一串钥匙 挂在门口栏杆上了): a notice to the owner (r33).
const FOUND_LEFT = /(捡到|拾到|捡了)[^。！!？?]{0,20}(挂|放|搁|插|别)(在|到)[^。！!？?哪]{0,12}(上|里|旁边|边上|门口|台子)了?(?![^，,。！!？?\s]{0,3}(哪|吗|行|好))/;
// A found thing whose owner is asked to fetch it from the finder (捡到一把伞 … 失主来找我拿, 丢的人联系我) (r41).
const FOUND_CLAIM = /(捡到|拾到|捡了)[^。！!？?]{0,30}(失主|丢的人|丢东西的|谁丢的|谁掉的)[^。！!？?]{0,4}(来|过来|可以)?(找|联系|私|来)(我|俺)/;
const FOUND_OWNER_ASK = /(捡到|拾到|捡了)[^。！!？?]{0,30}(谁认识|谁的|谁丢的|谁掉的|谁家的)/;
// Companions sought among the neighbours (有没有一起去县城的, 拼个车): no activity joined (r28).
const COMPANION_ASK = /(有没有|谁|有人)(要)?一起(去|走|回)[^，,。！!？?\s]{0,6}的|拼(个)?车|搭(个)?伴/;
// Free time offered for an activity (我退休在家天天有空, 我白天都闲着): joining in free words (r33).
const FREE_TIME = /(我|俺)[^。！!？?]{0,8}(天天|每天|整天|随时|平时|白天|平常)(都)?(有空|有时间|闲着|没事干|没啥事)|(我|俺)[^，,。！!？?\s]{0,3}(退休|闲在家|在家闲着)[^。！!？?]{0,6}(有空|有时间|闲着)/;
// Asking whether one may come along (到时候我能去不, 我也可以参加吗), said of an activity: joining (r33).
// ...or one of the household who wants to come too (俺家老头子也想去他擀皮快): no run-on guard is needed where an
// activity is named.
const FAMILY_JOIN = /(老伴|老头子|老太婆|老头|老太|孙子|孙女|外孙女?|老公|老婆|爱人|孩子|闺女|儿子|女儿|她|他)[^，,。！!？?\s]{0,3}也(想|要)(去|来|参加)(?!医院|看病|上班)/;
const MAY_I_COME = /(我|俺|我们|俺们)(也)?(能|可以|能不能|可不可以)(去|来|参加)(?![^，,。！!？?\s]{0,2}(哪|看|买|拿|医院|上班))/;
// A neighbour's thing left unlocked or on (谁的电动车钥匙插车上没拔, 谁家车窗没关): a word to its owner (r33).
// ...and a hand offered at one (明天义诊 我帮着维持秩序吧, 我家那口子…义诊那天可以帮着接送老人), not asked for
// (有志愿者能帮忙吗).
// ...and coming over to help at it (义诊那天可以来帮忙量血压) (r41).
const OFFER_HAND = /((我|俺)(来|去|可以|能)?|(?<!不)(可以|能)(来|去|过来|过去)?)帮(着|忙|把手)(?![^，,。！!？?\s]{0,2}(问|看|查|联系|找))/;
// ...or left behind somewhere (谁家小孩的外套落在健身器材那了).
const OWNER_NOTICE = /谁(的|家的)[^。！!？?]{0,10}(钥匙|车窗|车门|车灯|大灯|后备箱|天窗)[^。！!？?]{0,8}(没拔|忘拔|没关|忘关|没锁|忘锁|开着|亮着|插着|插在)|谁(的|家的|家)[^。！!？?]{0,10}(落在|忘在|丢在|掉在|放错|落到|忘到)/;
// A pet found wandering, its owner asked for (谁家丢了只小泰迪): lost and found among neighbours (r33).
const FOUND_PET = /谁家(的)?[^，,。！!？?\s]{0,2}(丢|跑丢|走丢|跑出来)了?[^，,。！!？?\s]{0,3}(只|条)?[^，,。！!？?\s]{0,3}(狗|猫|泰迪|金毛|柯基|比熊|博美|哈士奇|柴犬|萨摩|鹦鹉|兔子)/;
// A tradesman for one's own home sought among the neighbours (大家找的哪个师傅修的 给推荐个, 哪家修锁靠谱):
// ...or a shop asked for by the quality of its goods, or one the neighbours know (哪家家具店质量好一点, 大家有认识的装空调师傅吗) (r43).
// nobody is asked to act (r33).
// ...and a tradesman for hire asked of the neighbours by what makes one good (附近有没有靠谱的开锁师傅) (r36).
const TRADE_ASK = /(有没有|谁有|谁认识|谁知道|哪有|哪里有|哪儿有)[^，,。！!？?\s]{0,6}(靠谱|专业|便宜|实惠|手艺好)的[^，,。！!？?\s]{0,4}(师傅|工人|阿姨|保洁|公司)|(群里|有没有|谁|哪位)[^，,。！!？?\s]{0,2}(有)?会修[^，,。！!？?\s]{1,6}的|(找的|请的|叫的)(是)?(哪个|哪家|哪位|谁|什么)|(哪个|哪家|哪位)[^，,。！!？?\s]{0,2}(师傅|工人|店|公司)[^，,。！!？?\s]{0,4}(修的|装的|弄的|靠谱|好|便宜|实惠)|(给|帮)(我)?推荐(个|一个|一下|几个)|推荐(个|一个|几个)[^，,。！!？?\s]{0,4}(师傅|靠谱|好)|哪家[^，,。！!？?\s]{0,4}(靠谱|便宜|实惠|质量好|手艺好|做得好|好一?点|比较好|划算)|(有没有|谁有|大家有|有谁有|谁)[^，,。！!？?\s]{0,2}(熟悉|认识|相熟|熟)的[^，,。！!？?\s]{0,4}(店|师傅|商家|老板|公司|门店)/;
// A notice passed on by whom it came from, with its day (物业通知 本周六统一灭蟑螂, 居委会说下周三打疫苗) (r33).
const RELAYED_NOTICE = /^[^\p{L}\p{N}]*(物业|社区|居委会?|街道|网格员|楼长|楼栋长|业委会|防疫站|疾控|卫生院|卫生服务站|派出所|供电所|供电局|自来水公司|水务公司|燃气公司|热力公司)[^，,。！!？?\s]{0,2}(通知|发通知|说|讲|提醒)[:：，,\s]*[^。！!？?]{0,4}(今天|明天|后天|今晚|明早|本周|这周|下周|下个?礼拜|下个?星期|周[一二三四五六日末]|礼拜[一二三四五六天日]|星期[一二三四五六天日]|[0-9一二三四五六七八九十]+号|[0-9一二三四五六七八九十]+月)/u;
// A pet or a thing gone, with the group asked to tell the writer if they see it (大家要是看到了跟我说一声, 有看到的联系我):
// a request for help, category other (r35). Only where no other matter is told beside it (a run-on of several).
const LOST_ASK = /(丢了|不见了|跑丢|跑出去|跑没|走丢|飞走|找不到|找不着)[^。！!？?]{0,50}(看到|看见|见到|捡到|发现)[^，,。！!？?\s]{0,6}(跟我说|告诉我|联系我|私我|说一声|通知我|打电话|麻烦)/;
// Someone found, not a thing (a child or an old person waiting to be fetched): never a found-property notice.
const PERSON_FOUND = /孩子|小孩|老人|老太|老头|娃/;
// A loser asking who found their thing (谁捡到…请联系我): not a finder's notice.
const WHO_FOUND = /(谁|有人|有没有人)[^，,。！!？?\s]{0,8}(捡到|拾到)/;
const LOST_FOUND = /(手机|钥匙|钱包|包|伞|证件|卡|证)[^，,。！!？?\s]{0,3}(掉|丢|落)(在|到)(?!家)|谁(的|家的|丢的|掉的)[^，,。！!？?\s]{0,6}(卡|证|钥匙|钱包|手机|包|伞|眼镜)|(捡到|拾到|捡了)[^，,。！!？?]{0,8}(卡|证|钥匙|钱包|手机)/;
// Thanks that name a fixed problem (…已经搬走了 谢谢) are chat; the fix is in the past.
// ...and so is a fix told with its day (下水道今天通了) or a smell that is gone (臭味也没了) (r20).
const THANKED_PAST_HELP =
  /(谢谢|感谢|多谢|多亏)[^。！!？?]{0,12}(上次|上回|那天|那次|之前|前几天|前两天|昨天|昨晚|当时|那会儿?)[^。！!？?]{0,10}(帮|送|扶|陪|照顾|开锁|救|搭把手|跑前跑后)|(上次|上回|那天|那次|之前|前几天|前两天|昨天|昨晚|当时)[^。！!？?]{0,14}(帮|送|扶|陪|照顾|开锁|救|搭把手)[^。！!？?]{0,14}(谢谢|感谢|多谢)/;
// A neighbour's help told as a story with warmth (昨天水管漏了 楼上的小伙子就下来帮忙关了阀门 …暖心): chat (r23).
const PRAISE = /表扬|表彰|点个?赞|感激|致谢|感谢信|锦旗|好同志|好干部/;
const PRAISE_WISH = /(?:希望|祝)[^。！!？?]{0,20}(?:越做越好|越办越好|越来越好|越办越红火|表彰|表扬|嘉奖|奖励|工作顺利|身体健康)/g;
const HELP_GIVEN = /帮(?:忙|着|我们|我|他|她|俺)?[^，,。！!？?]{0,10}了/;
const HELP_GIVEN_ALL = new RegExp(HELP_GIVEN.source, 'g');
const HELPED_STORY = /(昨天|昨晚|前天|前几天|上次|上回|那天|那次|刚才)[^。！!？?]{0,40}(帮忙|帮着|帮我|帮)[^，,。！!？?\s]{0,4}(关|修|搬|扛|送|扶|开|换|拿|找|抬|背|提)[^，,。！!？?\s]{0,4}了/;
// ...and a road or a thing built told done (铺好了沥青, 修成了水泥路, 地面硬化好了) (r32).
// ...and a service or a route brought back (已经把线路恢复了, 班车终于恢复了) (r38).
const FIXED = /(已经|终于|都)[^，,。！!？?\s]{0,10}恢复(了|过来了)(?![吗没么嘛])|(修|弄|疏通|清理|清|通|补|搞|换|装|处理|铺|建|硬化)好了(?![吗没么嘛]|没有)|(已经|终于)[^，,。！!？?\s]{0,4}(上|好|走|掉|完|通|亮)了|(已经|都|终于)[^，,。！!？?]{0,8}(修好|弄好|搬走|清走|清理|处理|解决|消杀|换新|装好|修补好|办下来|来了|亮了|通了|好了|来水了|来电了)|(好了|改善了|干净了)很多|(亮|干净|安静|清净|整洁)多了|平平整整|恢复(正常|供水|供电|通行)|现在[^，,。！!？?\s]{0,4}(很|挺|特别|非常)?(正常|平稳|顺畅|通畅|好用|亮堂|干净)|(终于|再也)?不用(再)?(爬楼|摸黑|绕路|提水|接水|捂着鼻子)|(就|已经|当天就|很快就)(来|派人)?[^，,。！!？?\s]{0,4}(换|修|补|装|清|疏通|铺)了|(修|建|铺)成了(?![吗没么嘛])|(今天|今儿|今早|昨天|昨儿|上午|下午|刚刚?|总算)[^，,。！!？?\s]{0,2}(修好|弄好|通|亮|来水|来电|清走|拉走|换好)了|(臭味|味道|异味|臭气|怪味)[^，,。！!？?\s]{0,2}(也|都)?(没了|散了|没有了)|(已经|都|终于)[^，,。！!？?]{0,8}(抓到|抓住|破案|找回来)了?(?![吗没么嘛])/;

// Said to the neighbours with nobody to act: the weather, market and utility prices, relief
// that something is over or turned out fine, a thing that still works, liking something.
const NOBODY_TO_ACT = /期待一下|盼着|鬼天气|天气(?:太|真|好|这么)?(?:热|冷|闷)|(?:菜价|油价|物价|肉价|猪肉|电费|水费|燃气费|煤气费|气费|话费)[^，,。！!？?\s]{0,6}(?:涨|贵|多交|又要)|(?:菜市场|菜场|早市|超市|白菜|青菜|蔬菜|鸡蛋|大米|水果|猪肉|牛肉|羊肉)[^，,。！!？?\s]{0,6}(?:涨价|涨了|贵了|又贵)|(?:总算|终于)[^，,。！!？?\s]{0,6}(?:完工|搬走|结束|弄完|装完|消停)|熬过来|还好没事|(?:人|大家)都?没事|没人受伤|还能(?:跑|用|转)|又快又稳|(?:坐着|住着|用着|走着|睡着)(?:真|很|挺|可|好|特别)?(?:舒服|舒坦|踏实|安心)|我喜欢|香得很|好香|真香|好吃(?!懒)|(现在的|如今的|这年头的?)[^，,。！!？?\s]{0,6}都(这样|这德行|一个样|一样)|(全国|到处|哪里|哪儿|天下)[^，,。！!？?\s]{0,2}都(一样|一个样|这样)|天下乌鸦|(听说|据说|新闻说?|看到)[^，,。！!？?\s]{0,4}(隔壁小区|别的小区|其他小区|人家小区|别人小区|外地)|(我们|咱们|俺们)这(里|儿|边)?还算好的/;
// ...and so is a lament that all property companies are alike (现在的物业都这样 全国都一样), a liked snack, or
// hearsay from another estate (听说隔壁小区物业跑路了 咱们这还算好的) (r23).
// Wondering aloud (不知道我们小区能不能轮上) asks nobody: it is no request.
// A charge asked to be justified (凭什么, 给个明细, 怎么算的): a demand for an answer, not a lament (r34).
const CHARGE_QUESTIONED = /凭什么|为什么|谁定的|明细|公示|怎么(收|算)的?|按什么(标准)?收/;
const WONDERING = /不知道[^，,。！!？?]{0,12}(?:能不能|可不可以|会不会|是不是)/g;
const asksSomeone = (t: string) => STRONG_REQUEST.test(gateOf(WONDERING).may(t) ? t.replace(WONDERING, '') : t);
// A fault or an incident in another estate, passed on (听说隔壁阳光花园电梯困了人, 隔壁小区车库都淹了):
// news to the neighbours unless it reaches here (我们小区也, 跑到我们这边) (r22).
const OTHER_ESTATE = /(隔壁|对面|旁边|附近|别的|其他|人家|城[东西南北])(的|那个|有个)?[^，,。！!？?\s]{0,4}(小区|花园|家园|新村|新城|公寓|楼盘|苑)(?!门口|里的人|的人|的车|的狗)/;
// An estate far off, told by the screen it was seen on (电视上说的那个小区, 抖音上那个小区) or by the relative or friend who
// lives there (我姐住的那个小区, 我同事家小区): news or a gripe about somewhere else (r43).
const FAR_ESTATE = /(电视|新闻|网上|抖音|快手|视频|报纸|朋友圈)(上|里|里面)?[^，,。！!？?\s]{0,4}(说|播|报|放|讲|看到|刷到)?的?(那个|一个|有个)[^，,。！!？?\s]{0,4}(小区|楼盘|花园|家园)|(我|俺)(姐|妹|哥|弟|妈|爸|婆婆|公公|岳母|丈母娘|舅舅?|姨|小姨|姑|叔|表哥|表姐|表妹|表弟|堂哥|堂姐|朋友|同事|同学|亲戚|闺女|儿子|女儿|老乡)[^，,。！!？?\s]{0,2}(住|家|在)的?(那个|那边的?)?[^，,。！!？?\s]{0,2}(小区|楼盘|花园|家园|新村)/;
// ...with here said to be better off (还是咱们这边好, 咱这边省心多了): the property company or the dirt it names is there's (r43).
const HERE_BETTER = /还是(咱们|我们|俺们|咱|俺)[^，,。！!？?\s]{0,4}(好|强|省心|舒服|干净|安静)|(咱们|我们|俺们|咱|俺)(这边|这里|这儿|小区)[^，,。！!？?\s]{0,2}(好多了|强多了|算好的|还算好|省心多了)/;
const REACHES_HERE = /比[^，,。！!？?\s]{0,2}(隔壁|对面|旁边|附近|别的|其他|人家)|不如|(咱们|我们|本)小区|物业|管理处|(我们|咱们|俺们|本)(小区|楼|单元|这边|这里)?[^，,。！!？?\s]{0,4}(也|又|同样)(?!没|不)|(到|进|来|往|在)(我们|咱们|俺们|本小区)|我家|天天|每天|老是|总是/;
// Hearsay of a plan wondered about (听说要装电梯 不知道能不能轮上) is talk among neighbours.
const HEARSAY_WONDERING = /(?:听说|据说|新闻|说是要)[^。！!？?]{0,30}不知道[^，,。！!？?]{0,12}(?:能不能|可不可以|会不会|是不是)/;
// A pipe named as the cause of a cut supply ("水管爆了 整个单元都停水了"): the message is
// about the cut unless water is coming into a home.
// ...and water running down a wall or into a socket (顺着墙往下淌, 流进插座里) (r20).
// ...and water that reached a bed or a socket (漏到我家床上了) (r31).
const INFLOW = /淹|灌|漫|进水|往下流|往下漏|往下淌|淌下来|流进|淌进|(漏|滴|渗|流)(到|进)了?[^，,。！!？?\s]{0,4}(床|插座|电器|电视)|往外喷|一直喷|水在喷|哗哗|一地|满地|泡了/;

// The writer at the receiving end of a neighbour's habit (停在我家门口, 天天, 说了好几回): no gossip.
const HARM_TO_ME = /我家|我们家|我们|我[^，,。！!？?\s]{0,2}(进出|出门|回家|睡)|天天|每天|老是|总是|一直|经常|说了|讲了|好几回|好几次/;

const BOX_ON_FIRE = /(配电箱|配电柜|配电房|电表箱|电箱|表箱|电闸箱|开关箱|电柜)[^。！!？?]{0,16}(着火|起火|失火|冒烟|冒黑烟|冒白烟|火苗|烧起来|烧着|都是烟|全是烟|浓烟|黑烟)|(着火|起火|冒烟)[^，,。！!？?\s]{0,4}的?(配电箱|配电柜|电表箱|电箱|表箱|电柜)/;
const SHOCKED = /被电(了|到|着)|电了一下|触电了|电到(了)?(人|手|他|她|我)/;
const SHOCK_AFTER = /发麻|麻了|麻的|麻木|懵|晕|倒(在|地|下)|没反应|叫不醒|心慌|胸闷|(胸口|心口)[^，,。！!？?\s]{0,2}(闷|疼|痛)|烧伤|烧黑|发黑|抽搐|抽筋/;
// Smoke from a grill or a kitchen (烧烤店天天冒烟, 饭馆油烟), nothing burning: the smoke is a nuisance of the air (r31);
// a grill among clutter or with bottles thrown, no smoke told, stays fire safety or public order.
const COOKING_SMOKE = /烧烤|烤串|撸串|烤肉|炭烤|油烟|熏腊肉|烟熏火燎/;
const FIRE_KIT = /消防栓|消火栓|消防箱|灭火器|消防水带|消防水管|消防卷盘|喷淋头/;
// A fault broken again, laughed at bitterly (笑死 我们单元门禁又坏了 这还叫门禁吗): a complaint (r22).
const GRIPE_AGAIN = /又(坏|不亮|停|堵|漏|没|不行|出毛病)|这还叫|还叫什么|像话吗/;
// Thanks or praise said in bitter irony (物业真是辛苦了哈 垃圾一个礼拜都舍不得收 留着过年吗): a complaint (r23).
const SARCASM = /(真是|可真|真)[^，,。！!？?\s]{0,2}(辛苦|负责|尽职|勤快|给力|厉害|能干|了不起)[^，,。！!？?\s]{0,2}(了)?(哈|啊|呀|呢)|舍不得(收|修|扫|清|管|拉|换|弄)|留着过年|这就是所谓的|好一个|感谢[^，,。！!？?\s]{0,6}(不管|不修|不收|让我们)/;

// Thanks for one fix, then another thing still wrong (不过门口那个井盖还是松的): a report of the second.
const STILL_FAULTY = /(不过|但是|可是|只是|就是|另外|还有)[^。！!？?]{0,16}(还是|还|也|又)[^，,。！!？?\s]{0,3}(坏|松|不亮|漏|堵|翘|裂|臭|脏|没修|没弄|没人管|不行|老样子)/;
// One harm over, the cause still going on (打了疫苗已经没事了 可他家狗还是天天不拴绳): a complaint (r27).
const STILL_GOING = /(可|但|不过|只是)[^。！!？?]{0,10}还是[^，,。！!？?\s]{0,3}(天天|每天|照样|一直|老是|总是|照旧)/;

// News passed on about a matter already in hand (路灯的事我问过了 说是下周来修, 电梯那事物业说明天
//来人): the writer relays an answer, nobody is asked to act. A question or a complaint that the
// answer was not kept (说是下周 结果到现在也没来) is not news.
const RELAYED_NEWS =
  /(的事|那事|那个事|那件事)[^。！!？?]{0,10}(说|讲|答复|回复|回话|通知)(是|了)?[^。！!？?]{0,16}(明天|后天|明早|下周|下个?礼拜|下个?星期|过两天|这两天|这周|周[一二三四五六日末]|月底|马上|已经|排上|安排)|(问过了|问了|打听了|打听过|问过|问了下|问了一下)[^。！!？?]{0,24}(说是?|已经)[^。！!？?]{0,16}(明天|后天|下周|过两天|这两天|这周|马上|已经|排上|安排|报上去|派人|来修|来弄|来换)/;
// The writer says the matter is already passed on (路灯的事我已经报上去了, 我已经跟社区反映过了
// 大家别重复打电话了): news to the neighbours, neither a new report nor a sign-up (r18).
const ALREADY_TOLD =
  /已经[^，,。！!？?\s]{0,8}(报上去|上报|报给|报到|反映(过|了|上去)|说(过|了)|打(过|了)[^，,。！!？?\s]{0,6}电话)|(我|俺)?(已经|都)?报上去了|(我|俺)?已经(跟|和|给|向|找|打电话给)[^，,。！!？?\s]{0,8}(反映|说|报|讲)(过|了)/;
const RHETORICAL_DEMAND = /到底(还)?(管不管|有没有人管)|还有没有人管|(还)?管不管[^，,。！!？?\s]{0,2}[?？]|难道[^。！!？?]{0,16}才(管|来|处理|修|重视)/;
// A matter told again and again, now with the action demanded once more (报了三回了 到底修不修, 说了多少遍了 你们到底管不管):
// a complaint, not a question about the earlier report's state (r36).
const TOLD_AGAIN = /(报|说|反映|讲|提|找|投诉)(了|过)(好|有)?[几两三四五六七八九十\d]+(回|次|遍)|(报|说|反映|讲|提|找|投诉)(了|过)?(多少|无数)(回|次|遍)|第[二三四五六七八九十\d几]+(次|回)(说|反映|报|找|提|投诉)/;
// ...unless the thing is pointed back at with 那 (说了多少回了 那井盖到底管不管了): the earlier report itself asked after, as r28 labels it.
const POINTED_BACK = /(?:^|[\s，,])那(个|盏|根|块|条|台|部|只)?[^，,。！!？?\s]{1,4}(到底|还)(还)?(修|管|弄|办|处理)不(修|管|弄|办|处理)/;
const DEMAND_AGAIN = /到底(还)?(修不修|管不管|弄不弄|处理不处理|有没有人管)|还(修不修|管不管|弄不弄)|能不能来个人|(修|管|弄)不(修|管|弄)了/;
const STATE_ASKED = /进度|进展|到哪|哪一步|处理到|怎么样了|(什么|啥|有没有|有)结果|结果(如何|怎么样|呢)|受理|办结|跟进|回复|答复|回音|回信|下文|消息|有没有在处理|是否(已|已经)?(安排|处理|受理)/;
const SCHEDULED_ASK = /(排上|排进|列入|纳入)[^，,。！!？?\s]{0,3}(日程|号|队|计划)了?(没|没有|吗|没得|不)|有没有(个)?下文|有下文(没|吗|了吗)/;
// ...and so does whether it was done yet, asked of the promise relayed (物业说好明天来换门禁 换了没有) (r46).
const RELAY_DOUBT = /[?？吗呢]|了(没有?|没得)(?![事人法用啥])|还没|还是没|也没|没来|没人|结果|到现在|都[^，,。！!？?\s]{0,3}了还|能不能|希望|麻烦|请(?!大家|各位)/;

// A notice quoted to say it was not kept (通知说五点来水 现在还没水) is a complaint, not a forward.
const BROKEN_NOTICE = /通知(?:上)?说[^。！!？?]{0,30}(?:还没|还是没|都没|也没|没来|没有)/;

// Thanks for help given (谢谢帮忙的几位邻居, 感谢大家帮忙转发): the word 帮忙 asks nobody (r44).
// Global (cut out of the text), so left out of prefilterTests.
const THANKED_HELP = /(谢谢|感谢|多谢|多亏|辛苦)[^，,。！!？?\s]{0,6}帮忙/g;
const ASIDE_CHAT = new Set(['elsewhere', 'drill', 'resolved', 'dream', 'notice']);

// 换了 is the company replaced, not a part it promised to change asked after (物业说好明天来换门禁 换了没有) (r46).
const PROPERTY_TARGET = new RegExp(
  [
    '(?:物业|物叶|物管)[^。！!？?]{0,15}(?:不想干|问就说|没人接|没人管|没来|不来|没人来|没有来|不管|不作为|一直推|推来推去|推脱|不理|不负责|不干|收钱|收了钱|就知道|干什么|干嘛|是干嘛|不靠谱|太差|越来越差|差劲|没钱|敷衍|拖着|不处理|没处理|不回|打不通|换了(?!没|吗)|能不能换(?:掉|了|一家)?(?=$|[\\s，,。！!？?吧啊呀])|不像话|失职|乱收|不清|不修|不归|不属于|不肯|拒绝|不给修|不给弄)',
    '(?:交|收|涨)[^。！!？?]{0,4}物业费',
    '物业费[^。！!？?]{0,6}(?:交了|白交)',
    '物业费[^。！!？?]{0,10}(?:干嘛|干什么|白交|凭什么|涨|贵|高)',
    '(?:物业|物管)[^。！!？?]{0,15}(?:给个说法|要个说法|太慢|睡觉|玩手机)',
    // Slow to come, or asked to put its own house in order (打物业电话半个小时才来人, 希望物业好好整改).
    '(?:物业|物管)[^。！!？?]{0,12}(?:半个?(?:小时|钟头)|[一二两几\\d]+个?(?:小时|钟头)|半天|好久|老半天)才(?:来|到|有人)',
    '(?:物业|物管)[^。！!？?]{0,6}(?:好好|认真|尽快|立即|限期)?整改',
    '交得冤|白交了|钱白交',
    // Its cleaners or guards not doing their round (物业的清洁工一周才来扫一次), or withdrawn (物业把夜里的保安撤了) (r34).
    '(?:物业|物管)[^。！!？?]{0,6}(?:保洁|清洁工|保安|门卫|扫地的)[^。！!？?]{0,10}(?:才来|才扫|才拖|才收|不来|没来|不扫|不拖|不干活|偷懒|糊弄|敷衍)',
    '(?:物业|物管)[^。！!？?]{0,16}(?:保安|门卫|保洁|巡逻|门岗)[^，,。！!？?\\s]{0,4}(?:撤|裁|减|砍|辞|取消)',
    '投诉物业|换物业|物业公司',
    // How to draw on the owners' repair fund is the property side's procedure, whatever it would mend.
    '(?:维修基金|维修资金)[^。！!？?]{0,4}(?:怎么|如何|咋)(?:用|动用|申请|使用|取)',
    '物业[^。！!？?]{0,20}(每户|每家|每人)[^。！!？?]{0,6}(交|收)',
  ].join('|'),
);

// Departments each refusing in turn (物业不管，城管不管，交警也不管): the round of refusals names no target, so the
// property company among them does not make the complaint its own (r32).
const BUCK_PASSED = /(?:物业|城管|交警|市政|环保|住建|派出所|社区|街道|公安|消防)[^，,。！!？?\s]{0,4}(?:不管|说不归|不理)[^。！!？?]{0,16}(?:物业|城管|交警|市政|环保|住建|派出所|社区|街道|公安|消防)[^，,。！!？?\s]{0,4}(?:不管|说不归|不理)/;
// A department named as the one that would not act (城管说不归他们管) says who was asked, not what is wrong (r32).
const DEPT_REFUSED = /(?:城管|交警)[^。！!？?]{0,8}(?:不管|不归|不属于|推给|推到|踢给)/;
const COMPANY_SERVICE = /物业费|管理费|换物业|换掉物业|物业服务|服务(态度|质量)|服务[^，,。！!？?\s]{0,3}(差|不到位)|收费|门岗|保安|前台|管家|客服|业委会|解聘|续聘|收支|账目/;
const FEE_YET_BROKEN = /费[^。！!？?]{0,6}交了?[^。！!？?]{0,8}(还|却|也|照样|照旧|依旧)[^，,。！!？?\s]{0,6}(坏|不亮|停|漏|堵|不动|不能用)/;
// The pet bitten, with whose it is (把三楼那家的猫, 把我家的狗): the victim, not the dog's keeper (r34). A pattern to
// cut out of the text (global), so left out of prefilterTests as WONDERING is.
const VICTIM_PET = /把[^，,。！!？?\s]{0,8}的?(猫|狗|猫咪|狗狗|小猫|小狗|鸡|鸭|兔子|鹦鹉)/g;
const STRAY = /流浪(狗|猫|犬)|野(狗|猫)/;
const OWNED_DOG = /不拴|没拴|没人拴|没牵|不牵|主人|遛狗|谁家|养的|那家|那户|邻居/;
// A person bitten (流浪狗咬了一个小孩) is an attack, public order whoever owns the dog.
const BITTEN = /咬(了|伤|到)?[^，,。！!？?\s]{0,3}(人|孩子|小孩|老人|一个|我|她|他)|被[^，,。！!？?\s]{0,4}咬/;
const EVENT_TO_HOLD = /(办|举办|组织|搞|开)(个|一个|一场|场|一次|次)?[^，,。！!？?\s]{0,6}(比赛|活动|晚会|联欢|讲座|展览|兴趣班|合唱团|舞蹈队|运动会|篮球赛|象棋赛)/;
// Someone who could be the one in need: the old, the young, the ill, a relative (r29).
const PERSON_IN_VIEW = /老|孩子|小孩|娃|病|残|孕|我妈|我爸|父亲|母亲|婆婆|公公|岳|宝宝|自己|一个人|行动|腿|身体|医院|住院|送饭/;
// ...and one beaten with a weapon in hand, told by the chase (拿着砖头追着一个女的打) (r31).
const FIGHT = /打架|被打|殴打|斗殴|打人|砍人|捅人|打起来|(拿|举|抄|握)着?[^，,。！!？?\s]{0,3}(刀|棍|砖|铁棍|钢管|酒瓶|斧)[^。！!？?]{0,10}(追|打|砍|砸)/;
const SMASHING = /砸(东西|门|窗|玻璃)|摔东西|尖叫|哭喊/;
const HOME_PIPE = /水管|管子|管道|水龙头|阀门|热水器|爆|龙头|软管|洗衣机/;
// ...or a fall they nearly had (老人散步踩了一脚差点摔倒): what the nuisance risks, no one hurt (r21).
// ...or several hurt by it, told by their number (已经摔了好几个老人了) (r23).
// ...or made to walk far by a service gone (学生上学、老人看病都得走四公里) (r32), told without the distance (老人赶集看病都要走很远),
// or kept awake by a nuisance (住的多是老人和孩子 实在睡不好) (r38).
const GROUP_HURT = /(学生|老人|老年人|孩子|小孩|村民|居民|病人)[^。！!？?]{0,6}(上学|看病|就医|买菜|出行|上班|进城)[^，,。！!？?\s]{0,3}(都|只能|全)?得?(走|绕|步行|跑)[^，,。！!？?\s]{0,3}[一二两三四五六七八九十几\d]+(里|公里|站|小时)|(摔|绊|滑|撞)(倒|伤)?了?[^，,。！!？?\s]{0,2}(好几个|好些|好多|不少|几个|[两三四五六七八九十]个)(老人|老年人|人|孩子|小孩|居民|行人)|(老人|老年人|孩子|小孩|居民|家长|残疾人|大家|孕妇|婴儿|幼儿|病人)[^。！!？?]{0,12}(尤其|特别|都|很|非常|十分|实在)?(不便|不方便|困难|吃力|走不动|睡不好|睡不着|被吵醒|吓醒)|(老人|老年人|孩子|小孩|学生|村民|居民|病人)[^。！!？?]{0,12}(上学|看病|就医|买菜|赶集|出行|上班|进城)[^。！!？?]{0,4}(都|只能|全)?(要|得)走(很远|好远|老远|好长)|(老人|老年人|孩子|小孩|居民|行人|大家)[^。！!？?]{0,12}(差点|差一点|险些)[^，,。！!？?\s]{0,2}(摔|滑|绊|跌|崴)/;
const HELP_ASKED = /帮(忙|帮|助)?[^，,。！!？?\s]{0,2}(老人|她|他)|照顾|陪|送饭|送餐|助餐|上门|探访|关爱|护理|照护|服务|(我|我们|俺)家[^，,。！!？?\s]{0,2}(老人|孩子)|家里[^，,。！!？?\s]{0,2}(老人|孩子)/;
// ...or one the area is told to lack (连个幼儿园都没有) (r34).
const AMENITY = /增设|设个|设一个|建个|建一个|开个|开一个|办个|办一个|设点|便民|连个[^，,。！!？?\s]{1,8}都没有?/;
const BROKEN = /坏|不亮|没人修|塌|破|裂|松动|翘|鼓起|拱起|凸起|碎了|缺了/;
const HURT_BY = /摔|绊|滑倒|崴/;
const THEFT = /被盗|被偷|偷了|偷走|偷[^，,。！!？?\s]{0,2}(电动车|电瓶|自行车|摩托车|车|快递|东西|井盖)|盗窃|小偷|被撬|撬了|撬开|丢了?[^，,。！!？?\s]{0,4}(电动车|电瓶|自行车|摩托车|快递)|丢了?[^，,。！!？?\s]{0,3}(辆|台)[^，,。！!？?\s]{0,3}车|(电动车|电瓶|自行车|摩托车|快递)[^，,。！!？?\s]{0,6}(丢了|没了|不见了)/;

// A patrol or a visit asked of the police, the property side or the volunteers (晚上加强巡逻, 请网格员或者志愿者定期上门看看他):
// the activity word names what the writer wants done for them, not an activity to join (r47).
const DUTY_ASKED = /(加强|增加|多派人?|派人|安排人?|多来几趟|多来|多)[^，,。！!？?\s]{0,3}(夜间|晚上|夜里|白天)?(巡逻|巡查)|(请|让|安排|派|能不能|可不可以|能否|希望)[^。！!？?]{0,12}(网格员|志愿者|社工|义工)[^，,。！!？?]{0,10}(上门|来|去|帮|看|照顾|送|陪)/g;
// A neighbour told as the one harmed (邻居家孩子被咬了一口, 邻居的车也被划了): the victim, not the cause (r47).
const NEIGHBOUR_HARMED = /邻居(家)?(的)?(孩子|小孩|老人|车|电动车|猫|狗|阿姨|大爷|奶奶|爷爷)?[^，,。！!？?\s]{0,2}(也|都)?被/g;
// A bite told as past, the jab already had (上个月…被咬了一口 去打了狂犬疫苗): background to the strays asked to be taken away (r47).
const BITE_PAST = /(上个?月|上周|上礼拜|前几天|前阵子|前段时间|之前|去年|那次|有一次|上次)[^。！!？?]{0,14}(被[^，,。！!？?\s]{0,4}咬|咬(了|伤|过))|(打了|去打|打过)[^，,。！!？?\s]{0,4}(狂犬|疫苗)/;
// A jab already had after a bite (去打了狂犬疫苗, 打了好几针): what happened, no vaccination asked for; cut out of the text
// (global), so left out of prefilterTests (r47).
const JAB_HAD = /(已经)?(去|又)?(打了|打过|打完)[^，,。！!？?\s]{0,4}(狂犬|破伤风)?(疫苗|针)/g;
// An entry door broken, with who gets in through it (门禁坏了 … 推销的随便上楼): the door is what is asked to be fixed (r47).
// Only sellers and flyer-posters let in: one who poses as a worker (冒充, 自称) is a crime of its own.
const ENTRY_BROKEN = /(门禁|单元门|楼门|防盗门|门锁)[^，,。！!？?\s]{0,8}(坏|关不上|锁不上|合不上|形同虚设|摆设|失灵|不好使|不管用)[^。！!]{0,30}(谁都能进|谁都可以进|随便(进|上楼|进出|出入)|随意(进|出入)|(都|就)(能|可以)进来|天天进来|进来敲门)/;

// The closing sentence of a letter that asks for an action (请尽快安排…, 希望尽快…).
const CLOSING_ASK = /^[\s，,]*(请|恳请|希望|望|要求|建议|盼)|请尽快|尽快安排|务必/;
/** The last sentence of a long message that asks the departments for something, if any. */
function requestClause(t: string): string | null {
  if (t.length < 80) return null;
  const sentences = t.split(/[。！!？?；;]+/).filter((x) => x.trim());
  for (let i = sentences.length - 1; i >= 0; i--) if (FORMAL_REQUEST.test(sentences[i]!)) return sentences[i]!;
  // A letter to the property company itself ends with what it wants done, without naming a department.
  const last = sentences[sentences.length - 1]!;
  return CLOSING_ASK.test(last) ? last : null;
}

const GAS_KINDS = new Set(['gas', 'net-gas', 'fumes_ill', 'net-fumes']);
// Someone seen down: lying still, out cold, not waking when called; a door unanswered alone stays the gas's (r23 labels it so) (r44).
const PERSON_DOWN = /(躺|倒|趴)(着|在)[^，,。！!？?\s]{0,6}(不动|一动不动)|一动不动|叫不醒|喊不醒|不省人事|昏迷|晕倒|昏倒|(叫|喊|拍|摇)[^，,。！!？?\s]{0,4}(没反应|不醒)/;
const GAS_WORD = /煤气|燃气|天然气|液化气|臭鸡蛋/g;
// ...told beside the smell, not in another matter of a long message (r44).
function personDownByGas(t: string): boolean {
  const m = PERSON_DOWN.exec(t);
  if (!m) return false;
  for (const g of t.matchAll(GAS_WORD)) if (Math.abs(g.index - m.index) <= 36) return true;
  return false;
}

// A radiator or heating pipe leaking or burst with no shared part named (暖气管子漏水了 地板都泡了): the heating supply
// to the home; in the stairwell or the building (楼道里的暖气管子爆了, 我们楼里暖气管子漏水了) it stays a shared facility (r45).
function homeHeatingLeak(t: string): boolean {
  return HEATING_LEAK.test(t) && !SHARED_PART.test(t) && !/楼里|楼上|楼下|走廊|过道|大堂/.test(t);
}

export function decideCategory(
  t: string,
  scores: Record<Category, number>,
  urgent: UrgentFinding | null,
  told: Pick<UrgencyAssessment, 'aside' | 'asideCategory'> = { aside: null, asideCategory: null },
): Category {
  if (urgent) {
    // A fight with someone hurt is a crime first (taxonomy: security for a crime).
    // ...and so is a cry for help heard with things smashed (喊救命 还有砸东西的声音).
    if ((urgent.category === 'assistance' || urgent.kind === 'alarm' || urgent.kind === 'net-cry') && (FIGHT.test(t) || SMASHING.test(t))) return 'security';
    // Water from a neighbour's flat reaching wires is the neighbour's leak (taxonomy: dispute).
    if (urgent.kind !== 'flood' && /水/.test(t) && INFLOW.test(t) && NEIGHBOUR.test(t) && !BUSINESS.test(t)) return 'dispute';
    if (urgent.kind === 'flood') {
      if (SUPPLY_CUT.test(t) && !NEIGHBOUR.test(t)) return 'utilities';
      if (NEIGHBOUR.test(t) && !ROOF_LEAK.test(t) && !/管道井|总阀[^，,。！!？?\s]{0,3}(漏|坏|爆|裂)|公共/.test(t)) return 'dispute';
      // Water backing up through a drain or coming in with rain: the shared drains.
      if (/地漏|下水|返水|倒灌|雨水|下大雨|暴雨/.test(t)) return 'facility';
      // A pipe bursting inside a home is the home's water supply; shared parts are facility.
      // Water coming in with no pipe of the home named (家里进水了) is the building's.
      if (IN_HOME.test(t) && !SHARED_PART.test(t) && HOME_PIPE.test(t)) return 'utilities';
      if (homeHeatingLeak(t)) return 'utilities';
      return 'facility';
    }
    // Sparks falling from something on fire (被子烧着了 火星子直往下掉), no wire in view: a fire.
    if (urgent.kind === 'livewire' && /着火|起火|失火|烧着|烧起来/.test(t) && !/电|线|插座|插头|开关/.test(t)) return 'security';
    // A distribution or meter box on fire or smoking (配电箱着火了, 电表箱在冒烟) is a fire, whatever wires are in it (r38);
    // one that only sparks (冒火花, 冒火星子, a burning smell) stays the box's fault, as the earlier sets label it.
    if (BOX_ON_FIRE.test(t)) return 'security';
    // Someone shocked and still feeling it (被电了一下 现在手发麻 人有点懵) is a person hurt: the person first,
    // whatever wire did it; a shared fixture that gave a child a jolt (喷泉漏电 小孩被电了一下) stays the fixture (r31).
    if ((urgent.kind === 'livewire' || urgent.kind === 'net-wire') && SHOCKED.test(t) && SHOCK_AFTER.test(t)) return 'assistance';
    // A gas smell with someone seen down beside it (燃气味 里面有人躺着不动, 倒在门口叫不醒): the person first (r44).
    if (GAS_KINDS.has(urgent.kind) && personDownByGas(t)) return 'assistance';
    if (urgent.category) return urgent.category as Category;
  }
  // Someone posing as a worker (自称是燃气公司的): a security matter, whatever they claimed to be.
  if (!urgent && IMPERSONATION.test(t) && CRIME_OR_STRANGER.test(t) && !entryLetIn(t, scores)) return 'security';
  const whole = decideCategoryOfText(t, scores, urgent, told);
  // A long, formal complaint says what it wants done in its request clause. Its
  // background often names the elderly it hurts or the property company that did not
  // act: when the whole text reads as assistance or property, a clear category in the
  // request clause decides.
  if (urgent) return whole;
  const clause = requestClause(t);
  if (!clause) return whole;
  // A clause that asks care for the person the letter is about (给他申请低保和安排人照顾) keeps the person, whatever
  // benefit it also names (r32).
  if (whole === 'assistance' && HELP_ASKED.test(clause)) return whole;
  const clauseScores = scoreCategories(clause);
  const top = topOf(clauseScores);
  // A request clause that names its thing by a deciding phrase (增建充电设施: chargers to
  // add) decides whatever fire risk or dirt the background told, when it asks that one
  // thing (a clause asking to clear the stairwells 并 add chargers leaves it to the whole).
  // ...and so does a clause whose thing the background's category has no word for at all
  // (恳请…尽快恢复小区照明 after thefts in the dark). 'other' names no thing: it never decides.
  const single = !/并|同时|以及|另外|还要|一是/.test(clause);
  if (top.cat && single && top.cat !== whole && top.cat !== 'assistance' && top.cat !== 'other' && ((top.score >= 5 && top.score > clauseScores[whole]) || (top.score >= 3 && clauseScores[whole] === 0))) return decideCategoryOfText(clause, clauseScores, null, told);
  if (whole !== 'assistance' && whole !== 'property') return whole;
  if (!top.cat || top.score < 3 || top.cat === 'assistance') return whole;
  return decideCategoryOfText(clause, clauseScores, null, told);
}

function decideCategoryOfText(
  t: string,
  scores: Record<Category, number>,
  urgent: UrgentFinding | null,
  told: Pick<UrgencyAssessment, 'aside' | 'asideCategory'>,
): Category {
  let { cat, score } = topOf(scores);
  // The jab had after a bite weighs nothing for the service: what the letter asks decides (r47).
  if (!urgent && cat === 'service' && gateOf(JAB_HAD).may(t) && !SERVICE_ASK.test(t)) {
    const rest = t.replace(JAB_HAD, '');
    if (rest !== t) {
      scores = scoreCategories(rest);
      ({ cat, score } = topOf(scores));
    }
  }
  // The department that refused (城管说不归他们管) weighs nothing: what is complained of decides, when it has evidence.
  if (!urgent && cat === 'other' && DEPT_REFUSED.test(t)) {
    const rescored = scoreCategories(t.replace(/城管|交警/g, ''));
    const next = topOf(rescored);
    if (next.cat && next.cat !== 'other' && next.score >= 2) {
      scores = rescored;
      ({ cat, score } = next);
    }
  }
  // A danger told as past or as a standing nuisance (摔了…后来扶回家了, 天天睡觉叫不醒)
  // is nobody's danger now: its words tell what happened, and the
  // request is about its cause or aftermath, so the next category decides when it has evidence.
  if (!urgent && told.aside === 'frame' && cat === 'assistance') {
    const next = topOf({ ...scores, [cat]: 0 });
    if (next.cat && next.score >= 2) ({ cat, score } = next);
  }
  // Noise from a shop, a bar or a building site, with nothing heavier (a fire lane, smoke, a cut)
  // in view: no neighbour's dispute and no broken facility, whoever it keeps awake.
  // ...and so is a pitch blared at the street (药房门口的音箱从早到晚喊特价), whatever the shop is called (r45).
  if (!urgent && (BUSINESS.test(t) || PITCH_BLARED.test(t)) && BUSINESS_NOISE.test(t) && scores.security < 3 && scores.sanitation < 3 && scores.utilities < 3) return 'other';
  // ...nor, when the business's noise weighs with its smoke (大排档 划拳到凌晨 油烟往楼上飘), does it become a neighbour's
  // dispute by a tie: a shop is no neighbour (r25).
  if (!urgent && cat === 'dispute' && BUSINESS.test(t) && BUSINESS_NOISE.test(t) && scores.security < 3 && scores.utilities < 3 && !/(隔壁|楼上|楼下|对门)[^，,。！!？?\s]{0,3}(邻居|住户|那家|那户|人家)/.test(t)) return 'other';
  // ...and a shop's rubbish or smell (楼下那家面馆的泔水桶 臭得要命) is dirt to be dealt with, not a neighbour's dispute by a tie (r34).
  if (!urgent && cat === 'dispute' && BUSINESS.test(t) && scores.sanitation >= score && !/(隔壁|楼上|楼下|对门)[^，,。！!？?\s]{0,3}(邻居|住户|人家)/.test(t)) return 'sanitation';
  // A structure a resident put up or a common part they took in (顶层业主在楼顶加建, 邻居搭了个棚子):
  // the neighbour is the cause, whichever department is asked to pull it down.
  // ...not the property company's or the developer's doing, told as theirs (物业公司未经业主大会同意，擅自将绿地改建…) (r21).
  if (!urgent && RESIDENT_BUILT.test(t) && RESIDENT.test(t) && !/(物业|开发商|业委会)[^，,。！!？?]{0,8}(搭|建|盖|圈|占)|(物业|开发商|业委会)[^。！!？?]{0,30}(私自|擅自|违规|违法)/.test(t)) return 'dispute';
  // A person in danger or in need comes first.
  // ...unless a broken shared facility weighs as much: the elderly are then named as
  // those it hurts (门禁坏了 老人不会弄), not as the ones needing help.
  // A thing broken inside the person's own home is theirs to be helped with, not a shared facility.
  const ownHome = IN_HOME.test(t) && !SHARED_PART.test(t);
  // A benefit asked about on an elder's behalf (老人的养老金还没到账) is the service: the
  // elder is whose it is, not someone in need, unless one person's plight is in view.
  if (cat === 'service' && !urgent && LOST_FOUND.test(t) && !SERVICE_ASK.test(t)) return 'other';
  if (cat === 'assistance' && scores.service >= score && !ONE_PERSON.test(t) && BENEFIT.test(t)) return 'service';
  // How to apply and with which papers (怎么申请, 需要带什么材料, 符不符合条件), asked for an elder's
  // scheme or benefit, is the service procedure however old or ill the one it is for (r21).
  if (cat === 'assistance' && !urgent && SERVICE_ASK.test(t) && APPLY_PROCEDURE.test(t) && scores.service >= 4) return 'service';
  // The elderly or the children named as those a shared problem inconveniences (老人和带孩子的家长尤其不便)
  // are no person in need: the next category decides, or none.
  if (cat === 'assistance' && !urgent && !ONE_PERSON.test(t) && GROUP_HURT.test(t) && !HELP_ASKED.test(t)) {
    const next = topOf({ ...scores, assistance: 0 });
    return next.cat && next.score >= 2 ? next.cat : 'other';
  }
  // A wheelchair or a pram that cannot get past a blockage (轮椅根本过不去) names who it hurts, not one
  // person in need: the blockage decides (r23).
  if (cat === 'assistance' && !urgent && PASS_BLOCKED.test(t) && !HELP_ASKED.test(t)) {
    const next = topOf({ ...scores, assistance: 0 });
    if (next.cat && next.score >= 2) return next.cat;
  }
  // A new amenity asked for the elderly in general (老年食堂, 便民菜点) is no person in need.
  if (cat === 'assistance' && !ONE_PERSON.test(t) && AMENITY.test(t)) {
    const next = topOf({ ...scores, assistance: 0 });
    return next.cat && next.score >= 3 ? next.cat : 'other';
  }
  // Someone hurt by a broken shared facility, told as what it caused: the facility is the request.
  if (cat === 'assistance' && !urgent && scores.facility >= 2 && BROKEN.test(t) && HURT_BY.test(t) && !ONE_PERSON.test(t) && !/帮|照顾|陪|送/.test(t)) return 'facility';
  if (cat === 'assistance' && !urgent && !ownHome && BUILD_SHARED.test(t)) return 'facility';
  if (cat === 'assistance' && score >= 3) return scores.facility >= score && !ownHome && !ONE_PERSON.test(t) ? 'facility' : 'assistance';
  // A radiator or heating pipe leaking or burst with no shared part named (暖气管子漏水了 地板都泡了): the heating supply to the
  // home, as a supply fault is; in the stairwell (楼道里的暖气管子爆了) it stays a shared facility (r45).
  if (cat === 'facility' && homeHeatingLeak(t) && scores.utilities >= 2) return 'utilities';
  // Fire-fighting kit broken or missing (消防栓箱门坏了, 灭火器过期) is fire safety, whatever part of it broke (r22).
  if (cat === 'facility' && !urgent && FIRE_KIT.test(t) && scores.security >= 3) return 'security';
  // Facility is the shared parts: a thing broken in the home of someone who needs help
  // makes the help the request (瘫痪的姐姐家里灯坏了 换不了).
  if (cat === 'facility' && ownHome && scores.assistance >= 3) return 'assistance';
  // A named neighbour causing a nuisance is dispute evidence of its own: it decides when
  // nothing else weighs more than a hint (楼下大爷天天在楼道里晒烟叶 味道很大).
  // "楼上根本上不来水" names the upper floors, not a neighbour: a supply problem stays
  // utilities unless a neighbour's nuisance is clearly in view.
  // A thing asked for one elder who lives alone (一个人住 耳朵背 … 能不能给装个燃气报警器): the person is the request (r23).
  // Not how to apply for a scheme for them (怎么申请 需要什么材料): that is the service procedure.
  if (!urgent && cat !== 'assistance' && cat !== 'service' && !APPLY_PROCEDURE.test(t) && scores.assistance >= 4 && scores.assistance >= score - 2 && LIVES_ALONE.test(t) && OUTRIGHT_ASK.test(t)) return 'assistance';
  const supplyCut = SUPPLY_CUT.test(t);
  // A stray biting a pet (流浪狗把我家猫咬了, 把三楼那家的猫咬死了) is the strays to be dealt with, whoever's pet it bit;
  // a neighbour named as the dog's keeper makes it theirs (r34).
  if (!urgent && !supplyCut && (cat === 'dispute' || cat === 'security' || cat === 'sanitation' || cat === 'other') && STRAY.test(t) && (!BITTEN.test(t) || BITE_PAST.test(t)) && !THEFT.test(t) && scores.sanitation >= 2) {
    const keeperView = t.replace(VICTIM_PET, '').replace(NEIGHBOUR_HARMED, '');
    if (!OWNED_DOG.test(keeperView) && !NEIGHBOUR.test(keeperView)) return 'sanitation';
  }
  if (NEIGHBOUR.test(t) && !BUSINESS.test(t) && !ROOF_LEAK.test(t) && NUISANCE.test(t) && !CRIME.test(t) && !(BED_LET.test(t) && scores.security >= 4) && !/楼上楼下/.test(t) && (scores.dispute >= (supplyCut ? 4 : 2) || (!supplyCut && score <= 2))) return 'dispute';
  if (supplyCut) return 'utilities';
  // A theft stays security when the property company is blamed for it.
  if (THEFT.test(t) && scores.security >= 3) return 'security';
  // A long letter about dirt or greenery that blames the property company for not acting is
  // about the dirt (r17): the problem decides, not who is blamed, unless the company's own
  // service (its fees, its guards, its front desk, whether to keep it) is what is complained of.
  // ...and so is one about a broken shared thing the company says is not its own (井盖…物业说不归他们管) (r21).
  const problemFirst = t.length >= 80 && (cat === 'sanitation' || cat === 'facility') && score >= 6 && score >= 2 * scores.property && !COMPANY_SERVICE.test(t);
  // A stray with no owner (流浪狗, 野狗) chasing people is still the strays to be dealt with: sanitation; only an
  // owned dog let loose (不拴绳, 遛狗的) is public order (r29).
  if (!urgent && cat === 'security' && STRAY.test(t) && !OWNED_DOG.test(t) && !BITTEN.test(t) && !THEFT.test(t) && scores.sanitation >= 2) return 'sanitation';
  if (!urgent && cat === 'security' && COOKING_SMOKE.test(t) && /烟|熏|呛/.test(t) && !CRIME.test(t) && !/着火|起火|失火|火苗|浓烟|消防|灭火/.test(t)) return 'sanitation';
  // An event to hold (办个象棋比赛) is no service to apply for: the request fits no category (r29).
  // ...nor is an amenity the area lacks or wants built (连个幼儿园都没有, 建个老年食堂), told only by who would use it (上学) (r34).
  // ...nor, with no neighbour in view, a neighbours' matter by one weak word (建议社区协调一下) (r34).
  if (!urgent && (cat === 'service' || (cat === 'dispute' && !NEIGHBOUR.test(t))) && score <= 2 && (EVENT_TO_HOLD.test(t) || (AMENITY.test(t) && !SERVICE_ASK.test(t)))) return 'other';
  // A fee paid named beside the thing still broken (电梯费交了 电梯还天天坏): the broken thing is the request (r34).
  if (!urgent && cat === 'property' && scores.facility >= 3 && FEE_YET_BROKEN.test(t)) return 'facility';
  // A bike shed's own structure broken (车棚顶被风刮掉了一块, 车棚漏雨): a shared roof to mend, as facility;
  // its chargers, or a shed to add, stay the property side's (r45).
  if (!urgent && cat === 'property' && SHED_BROKEN.test(t) && !/充电|插座|插口/.test(t) && !PROPERTY_TARGET.test(t) && scores.facility >= 2) return 'facility';
  if (PROPERTY_TARGET.test(t) && !problemFirst && !(BUCK_PASSED.test(t) && cat && cat !== 'other' && cat !== 'property' && score >= 3)) return 'property';
  // Help asked with no person in view (帮忙联系个收旧家电的): the one word 帮忙 names nobody in need, so the
  // request fits no category (r29).
  if (cat === 'assistance' && score <= 1 && !urgent && !ONE_PERSON.test(t) && !PERSON_IN_VIEW.test(t)) return 'other';
  if (!cat || score < 1) return 'other';
  return cat;
}

function entryLetIn(t: string, scores: Record<Category, number>): boolean {
  return ENTRY_BROKEN.test(t) && scores.facility > scores.security && !/冒充|假冒|自称|说是/.test(t);
}

function make(intent: Intent, confidence: number, place: Place, category: Category | null = null, urgency: Urgency | null = null): Intake {
  return { intent, category, urgency, ...place, confidence: Math.round(confidence * 100) / 100, source: 'rules' };
}

/** Everything the rules look at, computed once. */
export function readSignals(text: string): Signals {
  const normalized = canonicalize(normalizeText(text));
  const core = coreOf(normalized);
  const scores = scoreCategories(normalized);
  const top = topOf(scores);
  const urgent = core ? detectUrgent(normalized) : null;
  return {
    normalized,
    core,
    place: extractPlaceNormalized(normalized),
    scores,
    topCategory: top.cat,
    topScore: top.score,
    urgentKind: urgent?.kind ?? null,
  };
}

// Fire-safety nagging (楼梯口堆了好多纸箱子 着火了可咋整): a fire only mused about, beside the
// hazard that could start one, with nothing burning or smoking now, is a hazard report (r18).
// The fire opens its clause: a thing named burning (纸箱着火了 可咋整) is a fire.
const FIRE_MUSING = /(?:^|[\s，,])(?:要是|万一|真)?(着火|起火|失火|烧起来|着起来)了?[^，,。！!？?\s]{0,2}(可|那可|那还|那)(咋整|咋办|怎么办|怎么整|不得了|得了|就完了|麻烦了)/;
const FIRE_HAZARD_STORE = /堆|杂物|纸箱|纸壳|充电|飞线|私拉|电线老化|线路老化|隐患|消防通道|灭火器|易燃/;
const FIRE_NOW = /快来|快打|快叫|救命|正在|现在|刚才|刚刚|冒烟|浓烟|烟(好|很|太)大|火苗|火光|(?<![0-9])119(?![0-9])|烧着了|已经着|着了火/;
// ...and a fire wondered about as a way out blocked (堆得只能侧身过 着火了怎么跑): the hazard, nothing burning (r29).
// ...and told with 了 inside (真着了火人都跑不出去) (r31).
const FIRE_ESCAPE_MUSING = /(着火|起火|失火|着了火|起了火)了?[^，,。！!？?\s]{0,2}(怎么|咋|往哪|从哪|哪里)(跑|逃|出去|下楼|疏散)|(着火|起火|失火|着了火|起了火)了?[^，,。！!？?\s]{0,2}(人)?(都|就)?(跑不|逃不)(出去|掉|了)/;
const FIRE_KINDS = new Set(['fire', 'flames', 'net-fire', 'alarm']);
function fireMusing(t: string): boolean {
  return (FIRE_MUSING.test(t) || (FIRE_ESCAPE_MUSING.test(t) && t.length <= 80 && !/烟|火苗|火光|救命|快/.test(t))) && FIRE_HAZARD_STORE.test(t) && !FIRE_NOW.test(t);
}

export function classifyByRules(text: string): Intake {
  const normalized = normalizeText(text);
  const place = extractPlaceNormalized(normalized);
  const t = canonicalize(normalized);
  const core = coreOf(t);
  if (!core) return make('chat', 0.95, place);
  if (L.ack.has(core)) return make('chat', 0.95, place);

  const scores = scoreCategories(t);
  const told = assessUrgency(t);
  const musing = fireMusing(t);
  const found = (told.finding?.kind === 'flood' && SUPPLY_CUT.test(t) && !INFLOW.test(t)) || (musing && FIRE_KINDS.has(told.finding?.kind ?? '')) ? null : told.finding;
  // Emergencies first: what the concept slots did not find urgent goes through the
  // second, independent check; a danger is missed only when both miss it.
  const netFound = found ? null : safetyNet(t);
  const caught = musing && FIRE_KINDS.has(netFound?.kind ?? '') ? null : netFound;
  const net = caught?.kind === 'flood' && SUPPLY_CUT.test(t) && !INFLOW.test(t) ? null : caught;
  const urgent = found ?? net;
  const report = (confidence: number): Intake =>
    make('report', confidence, place, decideCategory(t, scores, urgent, told), urgent ? 'urgent' : 'normal');
  const decided = decideIntent(t, core, place, scores, told, urgent, report);
  // Whatever shape the message has (a question to the group, a sign-up word), a danger
  // found by the second check is a report.
  return net && decided.intent !== 'report' ? report(0.6) : decided;
}

const CALLED = /(?:打|拨|回)(?:了|过)?[^，,。！!？?\s]{0,3}电话/g;

// In a long letter the post is often only whom it greets (书记您好, 各位邻居和网格员) and
// 电话 or 联系不上 is about someone else: who holds a post is asked next to the post (r21).
function postAskedNear(t: string): boolean {
  const posts = L.post.allIndices(t);
  const asks = L.postAsk.allIndices(t);
  return posts.some((p) => asks.some((a) => a - p >= -8 && a - p <= 16));
}

function decideIntent(
  t: string,
  core: string,
  place: Place,
  scores: Record<Category, number>,
  told: UrgencyAssessment,
  urgent: UrgentFinding | null,
  report: (confidence: number) => Intake,
): Intake {
  const { score: topScore } = topOf(scores);
  const { aside } = told;
  const request = L.request.test(t);
  const problem = L.problem.test(t);

  if (L.forward.test(t) && !BROKEN_NOTICE.test(t) && !(ASKS_ORGANISATION.test(t) && !/^[^\p{L}\p{N}]*[\[【(（]|^\s*(转发|转)/u.test(t))) return make('chat', 0.9, place);
  // How or where to apply for a service: staff must answer. Before ads, where 代办 is also a word.
  const ownProgress = L.progressRef.test(t) && L.progressAsk.test(t) && /我|上回|上次|之前/.test(t) && /提交|递交|申请|反映|报/.test(t);
  if (SERVICE_ASK.test(t) && SERVICE_THING.test(t) && !L.activity.test(t) && !ownProgress) {
    // Opening a gas or water account is the supply's own business (taxonomy: gas connection).
    // Which papers, office or counter it takes (燃气开户找哪个部门, 要带什么材料) is the procedure: service.
    const procedure = /材料|证件|手续|流程|部门|窗口|营业厅|网上|房产证|身份证|户口本/.test(t);
    const supplyAccount = /开户|开通|通气|通水|通电/.test(t) && scores.utilities >= 3 && !procedure;
    const category = urgent || supplyAccount ? decideCategory(t, scores, urgent, told) : 'service';
    return make('report', 0.75, place, category, urgent ? 'urgent' : 'normal');
  }
  // A long complaint asks the departments at its end: a report whatever words came before.
  const formalRequest = FORMAL_REQUEST.test(t);
  // A poser's pitch retold (自称物业的加我微信 让交物业费) is reported, not an ad (r18).
  const poserTold = /自称|冒充|假冒|说是/.test(t) && IMPERSONATION.test(t) && CRIME_OR_STRANGER.test(t);
  // A shop's hawking complained of as noise (超市大喇叭 促销促销 吵死了), or its pitch blared at the street (门口的大喇叭天天
  // 循环放促销 烦死了), quotes the ad words; it is no ad (r43, r45).
  const hawkingHeard = (BUSINESS.test(t) && BUSINESS_NOISE.test(t) && NOISE_BORNE.test(t)) || (PITCH_BLARED.test(t) && L.problem.test(t));
  if (L.ad.test(t) && !(urgent && request) && !formalRequest && !poserTold && !STAFF_ASKED_CONTACT.test(t) && !hawkingHeard) return make('chat', 0.85, place);

  // Thanks that name a problem now fixed (上次反映的路灯已经亮了 谢谢): nobody is asked to act.
  if (L.thanks.test(t) && FIXED.test(t) && !urgent && !/能不能|可不可以|能否|麻烦|怎么办|什么时候|还没|还是/.test(t)) return make('chat', 0.8, place);

  // Thanks for help given earlier (谢谢上次帮忙开锁的小哥 我妈现在挺好): nobody is asked to act.
  if (L.thanks.test(t) && (THANKED_PAST_HELP.test(t) || HELPED_STORY.test(t)) && !urgent && !/能不能|可不可以|能否|麻烦|怎么办|什么时候|还没|还是|但是|可是|就是|希望|建议|[?？吗]/.test(t)) return make('chat', 0.75, place);

  // A letter praising a worker for help given (小周前前后后帮我们跑了四趟 … 全家都非常感激), whose only wish is the praise
  // itself or the work's success (希望…给这样的好同志表彰, 越做越好): nobody is asked to act (r32).
  if (PRAISE.test(t) && HELP_GIVEN.test(t) && !urgent) {
    const rest = t.replace(PRAISE_WISH, '').replace(HELP_GIVEN_ALL, '');
    if (!asksSomeone(rest) && !/[?？吗]/.test(rest) && !STILL_FAULTY.test(t) && !STILL_GOING.test(t)) return make('chat', 0.7, place);
  }

  // News relayed about a matter in hand: before progress, whose reference words it shares.
  if (RELAYED_NEWS.test(t) && !RELAY_DOUBT.test(t) && !urgent) return make('chat', 0.7, place);
  if (RELAYED_NOTICE.test(t) && !RELAY_DOUBT.test(t) && !urgent && !/又|还是|结果|怎么|咋|为什么|不管|没人|一直|拖|都说了|说了[^，,。！!？?\s]{0,2}(几|好几|多少)/.test(t)) return make('chat', 0.7, place);
  if (ALREADY_TOLD.test(t) && !RELAY_DOUBT.test(t) && !urgent && !/又|还是|怎么|咋|但是|可是|不过|一直|拖/.test(t)) return make('chat', 0.7, place);

  // Progress of an earlier ticket.
  // A long complaint that mentions an earlier call is still a complaint, not a progress query.
  // ...but one that says the writer reported it before and asks how far it has got is one
  // (我上周在小程序上反映的…问题 … 处理到哪一步了) (r21).
  // ...but a letter that tells its earlier call only to demand the action again (我已经打过两次热线 至今没人处理
  // 恳请尽快派人查看) is a complaint (r32).
  const ownChannel = OWN_CHANNEL.test(t) && !formalRequest;
  const ownEarlier = ownChannel || /我(的|报|反映|投诉)|我[^，,。！!？?]{0,14}(反映|报修|投诉|留言|提|提交|递交|申请)(过|了)|我[^，,。！!？?]{0,14}(?<!想|要|来|再)(反映|报修|投诉|留言|提交|递交)的|曾(经)?就|(进行过|进行了|做过)(反映|投诉|报修|留言)|本人[^，,。！!？?]{0,20}(反映|报修|投诉|留言)/.test(t);
  const longComplaint = core.length > 45 && topScore >= 3 && !ownEarlier && !EARLIER_REPORT.test(t);
  // The property company as the target of a complaint ("报修电话没人接") is no progress query.
  const blamesProperty = PROPERTY_TARGET.test(t) && !ownEarlier;
  // Scheduled yet, any word back (排上日程没有, 有没有下文): only an earlier request can be asked so (r18).
  const selfReferring = SCHEDULED_ASK.test(t);
  // A long complaint that ends in a bitter demand (到底还管不管, 还有没有人管了) asks for the action, not for the state of an
  // earlier report, unless it also asks that state in words of its own (进度, 到哪一步, 回复) (r32).
  // ...and so does a matter told again and again with the action demanded once more (报了三回了 到底修不修), short or long (r36).
  const bitterDemand = ((RHETORICAL_DEMAND.test(t) && core.length > 45 && topScore >= 3) || (TOLD_AGAIN.test(t) && DEMAND_AGAIN.test(t) && !POINTED_BACK.test(t) && topScore >= 2)) && !STATE_ASKED.test(t);
  if ((L.progressRef.test(t) || selfReferring || ownChannel) && (L.progressAsk.test(t) || (ownChannel && PENDING_SHOWN.test(t) && CHECK_ASK.test(t))) && !longComplaint && !blamesProperty && !bitterDemand) return make('query', 0.85, place);


  // "我参加了敬老院活动 积分加上了吗" asks about points, not to join.
  if (L.points.test(t) && L.pointsAsk.test(t) && /积分|分数|爱心/.test(t)) return make('query', 0.85, place);
  const activity = L.activity.test(t) && !(gateOf(DUTY_ASKED).may(t) && !L.activity.test(t.replace(DUTY_ASKED, '')));
  const blocked = L.signupBlockers.test(t);
  // A long complaint that asks the departments to act ("恳请…加强夜间巡逻") is no question about an activity.
  const activityQuestion = activity && L.activityAsk.test(t) && !urgent && !(scores.assistance >= 3 || scores.service >= 3) && !formalRequest && !longComplaint;
  if (!blocked && L.signupStrong.test(t)) {
    // "最近有啥活动能报名不" asks which activities are open; "报名植树 能排周末吗" joins one.
    if (activityQuestion && !FIRST_PERSON_SIGNUP.test(t)) return make('query', 0.75, place);
    // "+1 我们单元的灯也不亮": a "me too" on a problem, not a sign-up.
    if (/^\s*\+\s*1/.test(t) && problem && topScore >= 2 && !activity) return report(0.7);
    return make('signup', 0.9, place);
  }

  // "物业经理换了以后 保安都不巡逻了 管管": a post named in a complaint about the property side.
  // Thanks for a change now made (换了声控灯 亮堂多了 谢谢网格员) asks nothing of the post it names.
  const thanksOnly = L.thanks.test(t) && (FIXED.test(t) || /多了/.test(t)) && !/[?？吗]|谁|哪|发我|告诉我/.test(t);
  // Calling the post told as what the writer did (打电话给网格员三次都说马上来) asks no number of them (r32).
  const tPost = gateOf(CALLED).may(t) ? t.replace(CALLED, '') : t;
  if (L.post.test(tPost) && L.postAsk.test(tPost) && (core.length <= 40 || postAskedNear(tPost)) && !(blamesProperty && asksSomeone(t)) && !thanksOnly && !POST_TO_ACT.test(t)) return make('query', 0.85, place);
  if (L.points.test(t) && L.pointsAsk.test(t)) return make('query', 0.85, place);
  // "还要人吗 要的话我来" asks and joins at once: joining wins.
  if (activityQuestion && !blocked && (FIRST_PERSON_SIGNUP.test(t) || SKILL_OFFER.test(t) || SKILL_AFTER_ASK.test(t) || FREE_SIGNUP.test(t))) return make('signup', 0.7, place);
  // Free time or a may-I-come said of an activity (读书会还要人不 我退休在家天天有空, 我会理发 到时候我能去不) (r33).
  if (activity && !blocked && !urgent && (FREE_TIME.test(t) || MAY_I_COME.test(t) || (OFFER_HAND.test(t) && !/[?？吗么]|能不能|可不可以|有没有|谁/.test(t)) || FAMILY_JOIN.test(t)) && !(problem && topScore >= 2) && !NEED_ASK.test(t)) return make('signup', 0.65, place);
  // ...and so is stepping out of it told with what one must bring instead (植树那天我去不成了 要带孙子): 要带 asks nothing,
  // or by the leave one takes from it (明天巡逻我就请假了) (r33).
  if (activity && !blocked && !urgent && !/[?？吗]/.test(t) && WITHDRAW_LEAVE.test(t) && (WITHDRAW_MARK.test(t) || activityQuestion || /(我|俺)(就)?请(个)?假了/.test(t)) && !/物业|师傅|工人|维修|来修|电工|保安|快递/.test(t)) return make('signup', 0.65, place);
  if (activityQuestion) return make('query', 0.8, place);
  const withdrawal = /去不了|来不了|参加不了|去不成|来不成|参加不成|不去了|不参加了|退出|取消|请个?假/.test(t) && /不好意思|抱歉|对不起|有事|临时|把我|名字|删|划掉/.test(t);
  if (COMPANION_ASK.test(t) && !activity && !urgent && !L.signupStrong.test(t)) return make('chat', 0.65, place);
  // ...not a worker or the property company who will not come this time (物业说这次不去了 下次再来修).
  if (!blocked && !urgent && WITHDRAW_LEAVE.test(t) && WITHDRAW_MARK.test(t) && !/物业|师傅|工人|维修|来修|电工|保安|快递/.test(t) && !OUTRIGHT_ASK.test(t.replace(/帮(我|他|她|俺)/g, ''))) return make('signup', 0.7, place);
  // An opinion on an activity (我个人觉得…活动…上班的年轻人参加不了 … 仅供参考) is offered, not a withdrawal (r32).
  const opinionOffered = (OPINION.test(t) || OPINION_LEAD.test(t) || OPINION_LETTER.test(t)) && core.length > 45;
  if (!blocked && !opinionOffered && L.signupWeak.test(t) && (activity || core.length <= 12 || (core.length <= 20 && topScore < 2 && !t.includes('了')) || withdrawal || /名字|名单|报名|报个名|报一个名|报上(?!去|来|级)/.test(t)) && !urgent && !(problem && topScore >= 3))
    return make('signup', 0.7, place);
  if (!blocked && SKILL_OFFER.test(t) && (activity || /还(要|缺|需要)|缺不缺/.test(t)) && !urgent && !NEED_ASK.test(t)) return make('signup', 0.65, place);
  if (!blocked && FREE_SIGNUP.test(t) && !urgent && !(problem && topScore >= 2) && !NEED_ASK.test(t)) return make('signup', 0.65, place);

  // A neighbour offering something (a wheelchair to lend, spare masks) asks nobody to act.
  if (RIDE_OFFER.test(t) && !urgent && !NEED_ASK.test(t)) return make('chat', 0.7, place);
  if (OFFER.test(t) && !NEED_ASK.test(t) && !urgent && !OUTRIGHT_ASK.test(t)) return make('chat', 0.75, place);

  // "没事了 刚才的燃气味是邻居家在做饭": the all-clear wins over the alarm words it repeats.
  // A hazard named as news from elsewhere, a drill, a dream or an all-clear asks nobody to act.
  // ...and 帮忙 inside thanks (谢谢帮忙的几位邻居, 感谢大家帮忙转发) is help given, not asked (r44).
  if (aside && ASIDE_CHAT.has(aside) && !ASKS_ORGANISATION.test(t.replace(THANKED_HELP, '')) && !formalRequest) return make('chat', 0.8, place);
  // Thanks for help in a danger that is over ("那次着火 多亏了邻居们帮忙").
  if (aside === 'frame' && L.thanks.test(t) && !/能不能|可不可以|能否|请(?!大家|各位)|麻烦|怎么办|什么时候|希望/.test(t)) return make('chat', 0.75, place);
  // "…后来找到了 小区能不能多装点监控": an all-clear followed by a request still asks.
  // ...and neither does a letter whose request clause wishes the fix (请求尽快修复门禁，恢复正常管理).
  const done = L.done.test(t) && !L.notDone.test(t) && !STILL_FAULTY.test(t) && !STILL_GOING.test(t) && !(/能不能|可不可以|能否|希望|建议/.test(t) && topScore >= 2) && !(formalRequest && topScore >= 2 && !L.thanks.test(t));
  if (done) return make('chat', 0.85, place);
  if (urgent) return report(0.9);
  if (LOST_ASK.test(t) && CATEGORIES.every((c) => c === 'other' || scores[c] < Math.max(2, scores.other)) && core.length <= 60) return make('report', 0.7, place, 'other', 'normal');
  // A family member late who has been reached and said where they are, told as a vent with no ask (打电话说在网吧 气死我了) (r35).
  if (REACHED.test(t) && CATEGORIES.every((c) => c === 'other' || c === 'assistance' || scores[c] < 2) && !L.request.test(t) && !/[?？吗]|怎么办|帮忙|麻烦/.test(t)) return make('chat', 0.65, place);
  // A stranger posing as a worker is reported even when the message warns the neighbours.
  if (IMPERSONATION.test(t) && CRIME_OR_STRANGER.test(t) && !entryLetIn(t, scores) && (!L.warn.test(t) || (SIGHTING_HERE.test(t) && !GENERAL_WARNING.test(t))) && !L.forward.test(t)) return make('report', 0.75, place, 'security', 'normal');
  if (NEED_ASK.test(t) && !OFFER.test(t)) return make('report', 0.7, place, 'assistance', 'normal');
  if (RIDE_ASK.test(t) && !OFFER.test(t) && !/(我|俺)[^，,。！!？?\s]{0,3}(有车|开车|能送|可以送|顺路)/.test(t)) return make('report', 0.7, place, 'assistance', 'normal');
  if (OPINION_LETTER.test(t) && core.length > 45 && !LETTER_ASK.test(t.replace(MODESTY, ''))) return make('chat', 0.65, place);
  if ((OPINION.test(t) || OPINION_LEAD.test(t) || RUMOUR.test(t)) && !OUTRIGHT_ASK.test(t) && (!(problem && topScore >= 3) || OPINION_POLL.test(t))) return make('chat', 0.65, place);
  if (formalRequest && topScore >= 1) return report(0.75);
  if (L.courtesy.test(t) && !(topScore >= 3 && (asksSomeone(t) || /谁定|凭什么|为什么|有没有公示|怎么收/.test(t)))) return make('chat', 0.8, place);
  // ...not a charge questioned with the property side in view (暖气费又涨了 物业也不给个明细 凭什么): it asks for an answer (r34).
  if ((NOBODY_TO_ACT.test(t) || HEARSAY_WONDERING.test(t)) && !asksSomeone(t) && !(scores.property >= 3 && CHARGE_QUESTIONED.test(t))) return make('chat', 0.7, place);
  if ((OTHER_ESTATE.test(t) || FAR_ESTATE.test(t)) && (!REACHES_HERE.test(t) || HERE_BETTER.test(t)) && !urgent && !asksSomeone(t) && !ASKS_ORGANISATION.test(t)) return make('chat', 0.65, place);
  // The writer owns the thing left about and says they will shift it (r43).
  if (OWN_THING_SHIFTED.test(t) && !urgent && !asksSomeone(t.replace(ASK_WAIVED, '')) && !/[?？吗]/.test(t)) return make('chat', 0.65, place);
  if (FOUND_HANDED_IN.test(t) && !urgent) return make('chat', 0.7, place);
  if (FOUND_LEFT.test(t) && !urgent && !PERSON_FOUND.test(t)) return make('chat', 0.7, place);
  if (FOUND_CLAIM.test(t) && !urgent && !WHO_FOUND.test(t) && !PERSON_FOUND.test(t) && !/物业|社区|网格|监控|保安/.test(t)) return make('chat', 0.7, place);
  // ...not where to hand it in (放哪里方便失主来领), nor a loser asking who found it (谁捡到…请联系我).
  if (FOUND_OWNER_ASK.test(t) && !urgent && !/放哪|交到哪|交给谁|交哪|送哪/.test(t) && !WHO_FOUND.test(t) && !PERSON_FOUND.test(t) && !/物业|社区|网格|监控/.test(t)) return make('chat', 0.7, place);
  // A lost pet told to the neighbours (我家猫跑丢了 有看到的说一声) asks them, not the organisation (r28).
  if (LOST_PET.test(t) && !urgent && !ASKS_ORGANISATION.test(t) && !/物业|社区|网格|监控|保安/.test(t)) return make('chat', 0.7, place);
  // ...and so is a pet found wandering, or a thing left unlocked or behind, told to its owner, unless where to hand
  // it in is asked (交给谁合适) (r33).
  if ((FOUND_PET.test(t) || OWNER_NOTICE.test(t)) && !urgent && !ASKS_ORGANISATION.test(t) && !/物业|社区|网格|监控|保安|咬|放哪|交到哪|交给谁|交哪|送哪|给谁|放在哪|放到哪/.test(t)) return make('chat', 0.7, place);
  // A tradesman for one's own home asked of the neighbours (r33).
  if (TRADE_ASK.test(t) && !urgent && !SHARED_PART.test(t) && !/物业|社区|网格|居委|公共|帮忙|帮帮|求助/.test(t)) return make('chat', 0.65, place);
  // ...not when it asks when a supply or a service will come to the area (啥时候能通天然气): only staff know (r23).
  if (NEIGHBOUR_QUESTION.test(t) && !problem && !/物业|社区|网格|居委|帮忙|帮帮|求助|求帮|救/.test(t) && !(/什么时候|啥时候|何时|多久/.test(t) && topScore >= 3)) return make('chat', 0.7, place);
  if (NEIGHBOUR_QUESTION.test(t) && HOW_TO_SELF.test(t) && !urgent && !/物业|社区|网格|居委|帮忙|帮帮|求助|求帮|救|公共|楼道/.test(t)) return make('chat', 0.65, place);
  if ((WHERE_IS.test(t) || (NEWCOMER.test(t) && PLAIN_QUESTION.test(t) && core.length <= 30)) && !problem && !urgent && !asksSomeone(t) && !FAULT.test(t)) return make('chat', 0.65, place);
  const social = L.thanks.test(t) || L.laugh.test(t) || L.warn.test(t);
  if (social && !(asksSomeone(t) && topScore >= 2) && !STILL_FAULTY.test(t) && !(SARCASM.test(t) && topScore >= 3) && !(GRIPE_AGAIN.test(t) && topScore >= 2)) return make('chat', 0.8, place);

  if (ROUTINE_PAUSED.test(t) && !urgent && !asksSomeone(t) && !/[?？吗]|怎么办|帮忙|帮帮|麻烦|求助/.test(t)) return make('chat', 0.6, place);
  // A neighbour's doings told with no nuisance, fault or request (隔壁老王家又买新车了) is gossip.
  if (topOf(scores).cat === 'dispute' && scores.dispute <= 2 && NEIGHBOUR.test(t) && !NUISANCE.test(t) && !HARM_TO_ME.test(t) && !problem && !FAULT.test(t) && !asksSomeone(t)) return make('chat', 0.6, place);
  if (topScore >= 3 && (request || problem)) return report(0.85);
  // A complaint about a named neighbour needs no explicit request.
  if (scores.dispute >= 3 && NEIGHBOUR.test(t)) return report(0.7);
  if (topScore >= 2 && (request || problem)) return report(0.7);
  if (topScore >= 4) return report(0.6);
  if (topScore >= 3) return report(0.55);
  if (request && /能不能|帮忙|麻烦|求助|请|帮我|怎么办/.test(t) && core.length >= 6) return report(0.5);
  // A fault stated flat where it is (3栋2单元502漏水, 我家卫生间漏水): saying it is asking for it.
  if (FAULT.test(t) && topScore >= 1 && (place.building || place.room || IN_HOME.test(t)) && core.length <= 40) return report(0.45);
  // ...and so is a smell in a shared part (楼道里一股怪味): nobody but the cleaners will see to it (r41).
  if (SMELL.test(t) && SHARED_SPOT.test(t) && scores.sanitation >= 1 && core.length <= 40 && !asksSomeone(t) && !/[?？吗]/.test(t)) return report(0.45);
  // Nothing asks anyone to act, as far as the lexicons know; less sure when the message
  // still sounds like a problem or a request.
  return make('chat', problem || request ? 0.45 : topScore >= 1 ? 0.55 : 0.7, place);
}

// Each pattern above skips messages it cannot match (prefilter.ts); a pattern left out of
// this list is simply always run.
prefilterTests(
  PERSON_DOWN,
  FIRST_PERSON_SIGNUP, FREE_SIGNUP, SKILL_OFFER, FAULT, POST_TO_ACT, STRONG_REQUEST, NEIGHBOUR, RENOVATION,
  HOUSEHOLD_NOISE, BUSINESS, BUSINESS_NOISE, RESIDENT_BUILT, RESIDENT, BUILD_SHARED, NUISANCE, CRIME,
  SUPPLY_CUT, ONE_PERSON, BENEFIT, IN_HOME, SHARED_PART, FOUND_HANDED_IN, NEIGHBOUR_QUESTION, ROUTINE_PAUSED, ASKS_ORGANISATION,
  SERVICE_ASK, SERVICE_THING, NEED_ASK, OFFER, IMPERSONATION, SIGHTING_HERE, GENERAL_WARNING, CRIME_OR_STRANGER,
  OPINION, OUTRIGHT_ASK, RUMOUR, FORMAL_REQUEST, THANKED_PAST_HELP, FIXED, NOBODY_TO_ACT, HEARSAY_WONDERING,
  INFLOW, HARM_TO_ME, STILL_FAULTY, RELAYED_NEWS, ALREADY_TOLD, SCHEDULED_ASK, RELAY_DOUBT, BROKEN_NOTICE,
  PROPERTY_TARGET, COMPANY_SERVICE, FIGHT, SMASHING, HOME_PIPE, GROUP_HURT, HELP_ASKED, AMENITY,
  BROKEN, HURT_BY, THEFT, CLOSING_ASK, FIRE_MUSING, FIRE_HAZARD_STORE, FIRE_NOW, APPLY_PROCEDURE, STAIRWELL_BALL,
  OPINION_POLL, SARCASM, HELPED_STORY, LIVES_ALONE, PASS_BLOCKED,
  STILL_GOING,
  CHARGE_QUESTIONED, FEE_YET_BROKEN,
  SKILL_AFTER_ASK, TOLD_AGAIN, DEMAND_AGAIN, POINTED_BACK,
  OTHER_ESTATE, REACHES_HERE, LOST_FOUND, LOST_ASK, HOW_TO_SELF, WHERE_IS, NEWCOMER, PLAIN_QUESTION, ADDRESSED_PROPERTY, GRIPE_AGAIN, FIRE_KIT,
  EARLIER_REPORT, OPINION_LETTER, OWN_CHANNEL, BUCK_PASSED, DEPT_REFUSED, PRAISE, HELP_GIVEN, RHETORICAL_DEMAND, STATE_ASKED, LETTER_ASK, OPINION_LEAD,
  STAFF_ASKED_CONTACT, FIRE_ESCAPE_MUSING, SHOCKED, SHOCK_AFTER, COOKING_SMOKE, PERSON_IN_VIEW, STRAY, OWNED_DOG, BITTEN, EVENT_TO_HOLD,
  WITHDRAW_LEAVE, WITHDRAW_MARK, RIDE_ASK, LOST_PET, RIDE_OFFER, FOUND_OWNER_ASK, COMPANION_ASK,
  FREE_TIME, MAY_I_COME, FOUND_LEFT, OFFER_HAND, FAMILY_JOIN, OWNER_NOTICE, FOUND_PET, TRADE_ASK, RELAYED_NOTICE,
  BED_LET, BOX_ON_FIRE, PERSON_FOUND, WHO_FOUND,
  FOUND_CLAIM, SMELL, SHARED_SPOT,
  FAR_ESTATE, HERE_BETTER, OWN_THING_SHIFTED, ROOF_LEAK, NOISE_BORNE,
  PENDING_SHOWN, CHECK_ASK,
  PITCH_BLARED, HEATING_LEAK, SHED_BROKEN,
  BITE_PAST, ENTRY_BROKEN,
);
