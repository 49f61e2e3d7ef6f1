import { prefilterTests } from './prefilter.js';
import { standingComplaint } from './standing.js';
import type { UrgentFinding } from './urgency.js';

/**
 * The second safety check: independent of the concept slots in urgency.ts, run on every
 * message those did not find urgent, so that an emergency is missed only when both fail.
 *
 * The bar is deliberately low (a false alarm costs a holder one message; a miss can cost
 * a life): a few broad concepts, each a pair of word classes close together or one
 * phrase that needs nothing else. Only a few guards hold it back: the danger is over or
 * elsewhere (found, put out, news, a dream, a drill, a notice), only imagined (万一,
 * 迟早), a help offered rather than asked for, or a standing nuisance told as weeks of
 * the same (anger about a thing that has lasted a month is not a danger of the next
 * hour). A person missing keeps its urgency however long it has lasted.
 */

interface SafetyConcept {
  kind: string;
  category: string | null;
  /** Phrases that are enough on their own. */
  alone?: RegExp;
  /** Pairs of word classes that must both occur within `within` characters. */
  pairs?: [RegExp, RegExp][];
  within?: number;
  /** Whether weeks of the same (a standing nuisance) still count. */
  lasting?: boolean;
  /** Words that make the concept about something else (a pet gone missing). */
  unless?: RegExp;
  /** Something that must also be in view anywhere in the live text (people under a leaning wall). */
  needs?: RegExp;
}

// Someone late who has been reached by phone and said where they are, unless that turned out false (r35).
export const REACHED =
  /((打|回|接)了?[^，,。！!？?\s]{0,3}(电话|视频|语音)|电话里|视频里|回了?(消息|微信))[^，,。！!？?\s]{0,3}(他|她)?(说|讲)[^，,。！!？?\s]{0,3}(在|马上|快到|快回|一会|等会|这就|已经)(?![^。！!？?]{0,30}(根本|压根|并没|其实没|撒谎|骗|结果|可是|但是|后来|关机|打不通|联系不上|没人接|不接|还没(回|到)|没影))/;
// A heavy thud heard from a home (咚的一声, 咣当一声, 砰一声闷响) (r35).
const THUD = /(咚|咣当|哐当|咣|哐|砰|嘭|扑通|噗通|咕咚|啪)[^，,。！!？?\s]{0,2}(的)?一声|一声闷响/;

const PERSON =
  /丫头|小朋友|孩子|小孩|娃|儿子|女儿|闺女|孙子|孙女|宝宝|男孩|女孩|小伙|姑娘|老人|爷爷|奶奶|姥姥|姥爷|外婆|外公|老伴|老公|老婆|爱人|我爸|我妈|父亲|母亲|婆婆|公公|老头|老太|老爷子|大爷|大妈|阿姨|我哥|我姐|我弟|我妹|哥哥|姐姐|弟弟|妹妹|邻居|小子|舅舅|舅妈|叔叔|婶婶|姑姑|姑妈|姨妈|大姨|小姨|伯伯|大伯|表哥|表姐|表弟|表妹|岳父|岳母|丈人|丈母娘|亲戚|家人|家属/;


// An animal told by its kind, breed or marks (一只白色的比熊 脖子上挂个铃铛): a pet gone
// astray is a notice to the neighbours, not a person missing.
const PET =
  /猫|狗|宠物|鸟|鹦鹉|兔|泰迪|比熊|金毛|柯基|哈士奇|二哈|柴犬|博美|萨摩|拉布拉多|边牧|雪纳瑞|阿拉斯加|德牧|法斗|巴哥|吉娃娃|贵宾|布偶|英短|美短|狸花|暹罗|仓鼠|龙猫|乌龟|八哥|项圈|铃铛|狗绳|牵引绳/;

// What is not seen for days is an animal or a worker at a job, not a person at home (r30).
const UNSEEN_NOT_A_PERSON = new RegExp(`(没|未)(见|看见|看到)[^，,。！!？?\\s]{0,6}(${PET.source}|保洁|环卫|清洁工|打扫|垃圾车|收垃圾|快递|外卖|班车|公交)`);

// Someone bitten, not a pet: no pet before 被 (我家狗被隔壁的狗咬了) and none the one bitten (把我家猫咬了, 咬了我家狗).
const PERSON_BITTEN = new RegExp(
  `(?<!(${PET.source})[^，,。！!？?\\s]{0,2})被[^，,。！!？?\\s]{0,4}咬|(?<!把[^，,。！!？?\\s]{0,4}(${PET.source})[^，,。！!？?\\s]{0,2}|(${PET.source})[^，,。！!？?\\s]{0,2}被[^，,。！!？?\\s]{0,6})咬(了|伤|破|到|住)(?![^，,。！!？?\\s]{0,2}(${PET.source}))`,
);

// A burn told by what burnt and the blister it raised (热油碗打翻了 手臂上起了好大的水泡), without the word 烫 (r44).
const BURN_CAUSE = /热油|滚油|油锅|开水|沸水|滚水|热汤|热粥|热水壶|暖壶|暖瓶|蒸汽/;
const BLISTER = /(?<!没|没起|没有|没有起|不起)(水泡|燎泡|起泡|(起|鼓)了[^，,。！!？?\s]{0,4}泡)|掉皮|脱皮|皮(都)?(掉|烂|脱)了/;

const CONCEPTS: SafetyConcept[] = [
  {
    kind: 'life',
    category: 'assistance',
    alone:
      /喝了?农药|吃了[^，,。！!？?\s]{0,4}(一整?瓶|整瓶|半瓶|一把)|沉下去|沉到水|溺水|落水|掉(进|到)?[^，,。！!？?\s]{0,3}(河|湖|池|塘|井)里?|抽搐|抽了一下|抽风|惊厥|口吐白沫|说胡话|烧糊涂|昏迷|叫不醒|喊不醒|没(有)?呼吸|(?<!得|得人|得我)(喘不(上|过)气|上不来气)|(胸口|心口)[^，,。！!？?\s]{0,3}(疼|痛)|救护车[^，,。！!？?\s]{0,4}(没到|没来|在路上|还没)|120[^，,。！!？?\s]{0,3}(没到|没来|打不通|在路上)|等救护车|救护车[^，,。！!？?\s]{0,6}(还要|还得|要等|等了|还有|多久)|往医院送|大出血|(满|一)(脸|头|身|手|腿|嘴)[^，,。！!？?\s]{0,3}(都|全)?是血|(脸|头|身|手|腿|胳膊|脚|嘴|衣服|裤子)上[^，,。！!？?\s]{0,3}(都|全)?是血|血流不止|血止不住|止不住血|含糊不清|口齿不清|嘴角[^，,。！!？?\s]{0,4}歪|半边(脸|身子|手|脚)[^，,。！!？?\s]{0,3}(麻|没劲|不能动|动不了)|在流血|割腕|跳楼|想不开|不想活|(楼顶|天台|窗台)[^，,。！!？?\s]{0,6}(边上(?![^，,。！!？?\s]{0,3}(护栏|栏杆|围栏|围墙|矮墙|墙))|坐着|站着)|坐在边上|(从|自)[^，,。！!？?\s]{0,6}(楼上|楼顶|阳台|窗户|窗台)[^，,。！!？?\s]{0,3}(掉|摔|跳|坠)下|(躺|倒|趴)[^，,。！!？?\s]{0,6}一动不动|(有人|人)[^，,。！!？?]{0,12}一动不动|烧到\s?(39|40|41|四十|三十九)|速效救心丸|救心丸|硝酸甘油|胰岛素[^，,。！!？?\s]{0,2}(没了|断了|(?<!快)用完了)|哮喘[^，,。！!？?\s]{0,4}(犯了|发作)/,
    pairs: [
      // Someone pinned or stuck fast (被货架压住了腿 拔不出来, 卡在防盗窗里 脑袋出不来).
      [/卡在|卡住|夹住|被夹|压住|压在|卡进/, /出不来|拔不出|抽不出|动不了|起不来|喘不/],
      // A household poison in a mouth (洗衣凝珠咬破了).
      [/洗衣凝珠|洗衣液|消毒(液|水)|漂白|洁厕|干燥剂|老鼠药|杀虫剂/, /咬破|咬开|(吃|喝|舔|吞)(了|下|进)|嘴里/],
      // Water with someone gone under or swept away.
      [/河|湖|池|塘|江|水库|水沟|水里/, /掉下去了|掉进去了|掉进[^，,。！!？?\s]{0,3}了|落水|沉下|扑腾|冲走|冒不出头/],
      // Something small swallowed by a child (吞了一颗磁力珠).
      [/(吞|咽)(了|下|进)[^，,。！!？?\s]{0,4}(一颗|一个|一枚|一粒|一块|个)(?!药)/, /宝|孩子|小孩|娃|儿子|女儿|孙/],
      [/摔|跌|滑倒|(?<!把[^，,。！!？?\s]{0,6}|垃圾|水|渣|土|东西|剩饭|剩菜)倒在|倒地|(滑|绊)了?[一个]{0,2}跤|踩空|滚下/, /迷迷糊糊|迷糊|不清醒|神志不清|(头|后脑勺?|脑袋)[^，,。！!？?\s]{0,3}(着地|磕|撞)|起不来|动不了|爬不起来|站不起来|(扶|抱|抬|拉|拽|搀|挪)不(动|起来?)|(使|用)不上劲|动弹不了|不能动|没反应|(腿|胳膊)[^，,。！!？?\s]{0,3}(弯成|变形|(?<!骨)折了)|疼得(直叫|打滚)/],
      // The heart or the blood sugar: chest held with cold sweat, sweat and shaking with confusion.
      [/捂着?(胸口|心口)|胸口(闷|疼|痛)|心口(疼|痛)/, /冷汗|煞白|发白|发紫|蹲|倒|喘/],
      [/冷汗|满头大汗|冒汗|出虚汗|手抖|手发抖|浑身抖|浑身发抖|哆嗦/, /迷迷糊糊|迷糊|不清醒|神志不清|说不出话|说不利索|说不清|说话[^，,。！!？?\s]{0,3}不清|站不稳|叫不醒/],
      // Swelling with the breath failing: an allergy closing the throat.
      [/(脸|嘴|嘴唇|喉咙|眼睛|舌头)[^，,。！!？?\s]{0,3}肿|过敏/, /喘|呼吸|憋|嘶嘶/],
      // Something not food swallowed.
      [/咽|吞/, /电池|纽扣|磁铁|硬币|钉子|别针|珠子|干燥剂/],
      // Someone who swallowed medicine not theirs, or something not food.
      [/(吃|吞|喝)了[^，,。！!？?\s]{0,8}(降压|安眠|降糖|镇静|心脏|大人的|家里的|别人的)药|把[^，,。！!？?\s]{0,6}(降压|安眠|降糖|镇静|心脏|大人的|家里的|别人的)[^，,。！!？?\s]{0,2}药[^，,。！!？?\s]{0,2}(吃|吞|喝)了|误食|误服|误吞|(吞|吃)了[^，,。！!？?\s]{0,4}(电池|磁铁|纽扣|干燥剂|老鼠药)/, /吐|抽|晕|没精神|叫不醒|嘴唇|脸色|哭|怎么办|孩子|小孩|宝宝|老人/],
      // ...not rubbish or water tipped out (把垃圾倒在楼道里 跟物业说了也没反应) (r31).
      [/晕|(?<!把[^，,。！!？?\s]{0,6}|垃圾|水|渣|土|东西|剩饭|剩菜)倒/, /叫不醒|没反应|不省人事|醒不过来/],
      // Heat felling someone (中暑 with a grey face, limp, burning hot).
      [/中暑|热射病|热晕|晒晕/, /晕|倒|软|瘫|脸色|煞白|发白|发烫|滚烫|抽|吐|没反应|不出汗|迷糊|叫不醒/],
      // An animal attacking a person now (狗把老人扑倒了 还在咬).
      [/狗|犬/, /(还在|正在|一直|追着)[^，,。！!？?\s]{0,3}咬|扑倒|咬住|咬着不放|撕咬|咬得[^，,。！!？?\s]{0,3}(血|肉)/],
      // A bite that bleeds (被狗咬了 腿上好几个血洞): a wound now (r31); a pet the one bitten (把我家猫咬了 流了好多血) is no person hurt (r34).
      [PERSON_BITTEN, /血/],
      // A scald or burn on a body.
      // ...not a blister denied (没起泡) (r40).
      // ...or told by what burnt (热油, 开水) and the blister it raised (r44).
      [BURN_CAUSE, BLISTER],
      [/烫(伤|了|得|到|出|着)|烧伤/, /(?<!没|没起|没有|没有起|不起)泡|一大片|掉皮|脱皮|红肿/],
    ],
    within: 20,
  },
  {
    // The body's alarms told by their signs, not their names (r13): the heart (a weight on the
    // chest with cold sweat or a grey face), a stroke (a face or mouth dropping to one side, a
    // tongue that will not obey, speech gone all at once), blood pressure at a dangerous number,
    // a sugar low (sweat and shaking with answers gone), labour begun.
    kind: 'signs',
    category: 'assistance',
    alone:
      /(嘴|嘴巴|嘴角|口角)[^，,。！!？?\s]{0,4}(往|向)?[^，,。！!？?\s]{0,3}歪|口眼歪|(半边|一边|一侧|半拉)(脸|嘴|身子?)[^，,。！!？?\s]{0,4}(耷拉|垂|歪|麻|木|动不了|不能动|没知觉|没劲|使不上)|舌头[^，,。！!？?\s]{0,3}(打结|发硬|发直|僵|不听使唤|捋不直)|(突然|一下子|忽然)[^，,。！!？?\s]{0,6}(不会说话|说不出话|说不了话|不能说话|话都说不|说话不清|说不清话)|(血压|高压)[^，,。！!？?\s]{0,5}(1[89]\d|2\d\d|两百|二百)|羊水[^，,。！!？?\s]{0,2}破|破水了|要生了(?!吧|吗)|(头|孩子)[^，,。！!？?\s]{0,3}(都)?(露|出来)了?[^，,。！!？?\s]{0,3}(要生|生了)/,
    pairs: [
      // A weight, a squeeze or a pain in the chest, with sweat, a grey face or no breath.
      [/(胸口|心口|胸前|胸)[^，,。！!？?\s]{0,6}(压|闷|堵|疼|痛|绞|揪|憋|石头|喘不)/, /冷汗|虚汗|大汗|冒汗|出汗|(脸|嘴唇)[^，,。！!？?\s]{0,3}(灰|白|紫|青)|喘|倒|蹲|晕/],
      // Sweat and shaking with a mind that no longer answers.
      [/冷汗|虚汗|大汗|冒汗|出汗|(手|浑身|全身|身子|人)[^，,。！!？?\s]{0,2}(直|一直|发|在)?(抖|哆嗦|打颤)/, /答不上|答非所问|认不出人|不认人|不认得人|说胡话|迷糊|迷瞪|不清醒|叫不应|没反应|问[^，,。！!？?\s]{0,4}(不答|不吭声|没反应)|说不清|说不出话|说话[^，,。！!？?\s]{0,2}(不清|含糊|大舌头)/],
      // A limb failing with the face or the speech (右手连筷子都拿不住, 说话舌头打结).
      [/(手|胳膊|腿|脚)[^，,。！!？?\s]{0,6}(拿不住|握不住|抬不起|使不上劲|不听使唤|没知觉)/, /说话|舌头|嘴|脸|突然|一下子|倒/],
      // Blood pressure up with the head or the stomach failing.
      [/血压[^，,。！!？?\s]{0,4}(高|飙|上去|降不下|下不来|爆表)/, /头[^，,。！!？?\s]{0,2}(疼|痛|晕|胀|炸)|吐|看不清|胸闷|手脚[^，,。！!？?\s]{0,2}麻|说话/],
      // Pregnant, bleeding or in pain.
      [/孕妇|怀孕|怀着|预产期|大肚子|孕[^，,。！!？?\s]{0,2}(周|月)/, /见红|出血|流血|肚子[^，,。！!？?\s]{0,4}(疼|痛)|疼得|要生|羊水|宫缩/],
    ],
    within: 20,
  },
  {
    // A neighbour asked for a device or medicine because someone is acutely ill now (r17):
    // dizzy and unable to stand, short of breath, a sugar low with shaking. The symptom is
    // acute on its own when it takes the legs or the breath; a calm loan (谁家有血压计借我用下)
    // names no such sign and stays normal.
    kind: 'acute',
    category: 'assistance',
    alone:
      /(头晕|头昏|晕)[^，,。！!？?\s]{0,4}(站不住|站不稳|站不起来|起不来|直往下倒|要倒)|呼吸[^，,。！!？?\s]{0,3}困难|(?<!得|得人|得我)(喘|透)不(上|过)来?气|(低血糖|血糖[^，,。！!？?\s]{0,2}低)[^。！!？?]{0,12}(手抖|抖|冷汗|虚汗|晕|拿不住|说不清|站不)/,
    pairs: [
      // Asked for now (谁有…赶紧, 快) with a sign of the body failing.
      [/谁家有|谁有|哪家有|哪位[^，,。！!？?\s]{0,4}有|有没有人有|借/, /站不住|站不稳|站不起来|喘不|憋得|冷汗|手抖得|脸[^，,。！!？?\s]{0,2}(都)?(白|紫|青)了|说话[^，,。！!？?\s]{0,3}不清/],
    ],
    within: 30,
  },
  {
    // The airway blocked (r14): something stuck in the throat with the breath or the cough failing.
    kind: 'airway',
    category: 'assistance',
    alone: /噎住|噎着了|卡(住|在|到)了?[^，,。！!？?\s]{0,2}(喉咙|嗓子|气管)|(喉咙|嗓子)[^，,。！!？?\s]{0,3}卡(住|着)/,
    pairs: [
      [/卡(着|住)了?|呛(住|着)了?|噎|(吞|咽)下去/, /咳(也|都)?咳不出|咳不出来|吐不出来?|憋得|憋(红|紫|青)|(脸|嘴唇)[^，,。！!？?\s]{0,3}(紫|青)|喘不|上不来气|说不出话|出不来气/],
    ],
    within: 20,
  },
  {
    // Someone down and not answering (r14): lying, slumped or gone limp, and calling gets nothing.
    kind: 'unresponsive',
    category: 'assistance',
    pairs: [
      [/倒在|倒地|躺在|躺着|趴在|趴着|瘫在|瘫倒|软(下去|倒)|栽倒|晕|歪倒|靠在/, /(叫|喊|拍|推|摇|问)[^，,。！!？?\s]{0,6}(没反应|没有反应|不应|不醒|不答应|不吭声|没动静|不睁|不动)|(眼睛?)[^，,。！!？?\s]{0,3}不睁|一动不动|不省人事|嘴唇发紫|脸(色)?发紫/],
    ],
    within: 24,
  },
  {
    // Behind a door bolted from inside, someone who does not come out or barely answers (r14).
    kind: 'bolted',
    category: 'assistance',
    lasting: true,
    pairs: [
      [/(从|在)?(里面|里头|里边|屋里)[^，,。！!？?\s]{0,4}(反锁|锁|插|闩|扣|顶)|反锁|反扣|插上了|闩上了/, /不应|没人应|没反应|没动静|只哼|哼了?一声|半天没出来|没出来|不开门|(叫|喊)不(应|醒)|没(下楼|出门|见)/],
      // ...or who has gone silent (孩子把自己反锁在卫生间里 叫她也不出声) (r27).
      [/反锁|(锁|关)在[^，,。！!？?\s]{0,4}(里|屋|房|卫生间|厕所|浴室)|插上了|闩上了/, /不出声|不吭声|没声音|没了声音|没声了|没回音|不答应/],
    ],
    within: 40,
    unless: /物业|保安|门卫|快递员|外卖员|业主|租户|房东|钥匙丢|忘带钥匙|开锁/,
  },
  {
    // A shed, a roof or a heavy thing come down with a person under it (车棚塌了 有个老头压在下面) (r39).
    kind: 'collapse',
    category: 'assistance',
    pairs: [
      [/塌|垮|倒下来|砸下来|压(住|在)/, /(有|个)[^，,。！!？?\s]{0,6}(人|老头|老人|大爷|大妈|老太|孩子|小孩|工人)[^，,。！!？?\s]{0,6}(压|埋|困|在下面|在底下|在里面|没出来|出不来)|(压|埋|困)在[^，,。！!？?\s]{0,2}(下面|底下|里面|下边|里头)|被(压|埋)(住|在)/],
    ],
    within: 30,
    unless: /没(有)?人(被)?(压|埋|困|在)|(没|不)砸(到|着)人|人没事|还好没人/,
  },
  {
    // A child or an elder shut in a car (r14): in the heat minutes count.
    kind: 'car',
    category: 'assistance',
    pairs: [
      // ...whatever the car is called (suv里关着个孩子) (r31).
      [/(车|suv|越野车|面包车)(里|内|上|里头|子里)[^。！!？?]{0,12}(锁|关|留|困|落)|(锁|关|留|困|落)[^，,。！!？?\s]{0,4}(在)?[^，,。！!？?\s]{0,3}(车|suv)(里|内|上)/, /孩子|小孩|宝宝|娃|婴儿|小朋友|老人/],
    ],
    within: 20,
  },
  {
    // Something heavy about to fall where people pass (r14): a wall leaning out, a tree with its
    // roots lifted, a sign hanging loose, with people under it.
    kind: 'falling',
    category: null,
    lasting: true,
    pairs: [
      [/围墙|墙体|墙|大树|树|电线杆|广告牌|招牌|脚手架|塔吊|外墙|墙皮|空调外机|雨棚|挡土墙|护坡/, /(往外|往下|往路上|往一边)(歪|斜|倾)|歪(了|着|得)|斜(了|着)|要倒|快倒|要塌|快塌|裂(了|开)[^，,。！!？?\s]{0,6}(缝|口子)|根[^，,。！!？?\s]{0,4}(翘|拔|露)|翘起来|摇摇欲坠|晃晃悠悠|吊着|悬着|压在[^，,。！!？?\s]{0,3}(电线|车|房)/],
    ],
    within: 16,
    needs: /(下面|底下|下边|树下|墙下|墙根|路上|旁边)[^，,。！!？?\s]{0,8}(有人|人|孩子|小孩|老人|家长|学生|走|过|路过|经过|接|玩)|人还在|行人|路过的人|过往|来来往往|上学|放学|接孩子/,
    unless: /修剪|挡(着)?[^，,。！!？?\s]{0,3}(光|阳光|视线)/,
  },
  {
    // Someone trying doors in the building now (r14): going door to door at the handles or the
    // locks, or at a lock with a tool, and still there.
    kind: 'prowler',
    category: 'security',
    pairs: [
      [/(一户一户|一家一家|挨家挨户|挨个|逐户|每家每户)[^，,。！!？?\s]{0,8}(按门铃|敲门|拧|推门|试|插|门缝|门把)|(拧|推|试|捅|撬|拨|掰)[^，,。！!？?\s]{0,12}(门把手?|锁)|插门缝|(铁丝|铁片|螺丝刀|改锥|钳子)[^，,。！!？?\s]{0,12}(锁|门缝|猫眼)/, /现在|正在|还在|还没走|没走|往[^，,。！!？?\s]{0,3}楼(去|走|上)|上楼了|刚才|刚刚/],
    ],
    within: 40,
    unless: /推销|传单|广告|收废品|抄表|工作人员|志愿者|登记|普查|开锁师傅|锁匠|换锁/,
  },
  {
    // Someone at the edge of a height: past a rail or on a roof's edge, legs over (r13).
    kind: 'edge',
    category: 'assistance',
    alone: /(坐|站|蹲|爬|骑|趴)[^，,。！!？?\s]{0,3}(在|到)?[^，,。！!？?\s]{0,8}(边沿|边缘|沿上|沿儿|(栏杆|护栏|围栏|窗户?|防护网)(外面|外边|外侧|外头|外))|(栏杆|护栏|围栏|窗户?)(外面|外边|外侧|外头)[^，,。！!？?\s]{0,4}(站|坐|蹲|趴|挂)|腿[^，,。！!？?\s]{0,3}(悬|耷拉|伸)在?(外面|外边|半空|空中)/,
    pairs: [[/楼顶|天台|顶楼|屋顶|楼上|窗台|阳台|高处|桥上/, /要跳|想跳|往下跳|往下看[^，,。！!？?\s]{0,4}(哭|不动)|悬空|探出(身子|半个身)/],
      // A small child half out of a window or out on an air-conditioner bracket (r39).
      [/小孩|孩子|娃|宝宝|小朋友|男孩|女孩|小姑娘/, /(身子|半个身|上半身|脑袋|头)[^，,。！!？?\s]{0,3}探(出|到外)|探出[^，,。！!？?\s]{0,3}(身|头|脑袋)|纱窗[^，,。！!？?\s]{0,4}(推开|推掉|掉了|没了|打开|拆了)|(爬|站|坐|蹲|趴)(上|到|在)?[^，,。！!？?\s]{0,3}空调(外机|架|支架|机架)|空调(外机|架子?|支架|机架)[^，,。！!？?\s]{0,2}上[^，,。！!？?\s]{0,4}(站|坐|蹲|趴|爬)/]],
    within: 30,
  },
  {
    // Someone who cannot say where they live or who their people are: lost (r13).
    kind: 'lost',
    category: 'assistance',
    lasting: true,
    pairs: [[/老人|老大爷|大爷|老太太|老太|奶奶|爷爷|老头|老爷子|大妈|小孩|孩子|娃|小朋友|男孩|女孩|小姑娘|他|她/, /(说不上|说不出|说不清|答不上|不知道|记不得|记不清|想不起)[^，,。！!？?\s]{0,4}(自己)?[^，,。！!？?\s]{0,2}(住哪|住在哪|家在哪|哪栋|哪个小区|家里|电话|叫什么)|(住哪|住在哪|家在哪|哪栋|哪个小区|叫什么)[^，,。！!？?\s]{0,6}(说不上|说不出|说不清|答不上|不知道|记不得|记不清|想不起)|找不(到|着)家|不认得家|回不了家|不记得回家|迷路了/]],
    within: 30,
    // Already somewhere safe (现在在东门保安亭): help to find the family, not an emergency.
    unless: /猫|狗|宠物|泰迪|比熊|金毛|柯基|项圈|铃铛|快递|外卖|地址|导航|定位|保安亭|保安室|门卫|警务室|派出所|居委会|社区办公室|(在|到|领到|带到)我家/,
  },
  {
    // Someone living alone not seen for days, the doorstep piling up (r13).
    kind: 'unseen',
    category: 'assistance',
    lasting: true,
    alone: /(([一二两三四五六七八九十几多]+|\d+|好几|好些)个?多?(天|日)|半个月)[^，,。！!？?\s]{0,4}(未|没)(见|开门|露面|动静|人影|应门)|(未|没)(见|看见|看到)[^，,。！!？?\s]{0,2}(其|他|她)(出门|下楼|出来)/,
    pairs: [[/独居|一个人住|(就|只有)(他|她)一个人|孤寡|孤身|空巢|老人|老太太|老大爷|大爷|奶奶|爷爷|老两口/, /(牛奶|报纸|快递|外卖|菜|信)[^，,。！!？?\s]{0,8}(堆|没人(收|拿|取)|无人(收|拿|取)|(都|也|还)?没(人)?(收|拿|取)(进去|走)?)|门口[^，,。！!？?\s]{0,6}堆(了|着|满)|敲门[^，,。！!？?\s]{0,4}(无人|没人|没|不)(应|开|回|动静)|(未|没)(见|看见|看到)[^，,。！!？?\s]{0,2}(其|他|她)?(出门|下楼|出来|人)/]],
    within: 80,
    // ...nor a stray cat or the cleaner not seen for days (好几天没见那只流浪猫, 这两天都没见保洁来打扫) (r30).
    unless: new RegExp(`物业|客服|热线|值班|保安|门卫|维修|师傅|快递员|外卖员|店|${UNSEEN_NOT_A_PERSON.source}`),
  },
  {
    // A body temperature of 39 or more however it is written (39度5, 39.5℃, 四十度), said of a
    // person: a fever that needs a doctor or medicine within hours. The weather is not a fever.
    kind: 'fever',
    category: 'assistance',
    pairs: [[/(?<![\d.])(39|40|41)(\.\d)?\s?(度|℃)\d?|三十九度|四十度|高烧不退|烧得(滚烫|烫手)/, /孩子|小孩|娃|宝宝|宝贝|儿子|女儿|闺女|孙子|孙女|老人|我爸|我妈|老伴|发烧|发热|烧到|体温|退烧|退热/]],
    within: 16,
    unless: /天气|气温|外面|户外|室外|室温|屋里|高温|最高|预报|太阳|晒|热死|热得|热浪|空调|水温|油温|洗澡|泡脚/,
  },
  {
    kind: 'missing',
    // Money gone astray (收益去向不明) is no one missing (r21).
    category: 'assistance',
    lasting: true,
    alone:
      /下落不明|(?<!(收益|资金|款项?|钱|费用?|账|经费|基金|收入)[^，,。！!？?\s]{0,2})(不知去向|去向不明)|杳无音信|音讯全无|没有音讯|(仍|仍然|至今|还是)(未|没有?)(找到(?!工作|地方|车位|房)|回来|回家)|失联|走丢|走失|失踪|跑丢|走散|还没(找到|找着|找见)(?!工作|地方|车位|房)|没(找到|找着)人|都没(找到|找着)|(?<!(业主|房东|房主|租户|物业|商家|老板|开发商|中介|施工方?|对方|装修公司|装修队|公司|单位)[^，,。！!？?\s]{0,2})联系不上(?!(业主|房东|房主|户主|租户|住户|物业|客服|商家|卖家|快递|师傅|老板|管家|开发商|中介|施工|对方|单位|公司))|(到现在|现在|到这会儿?|这会儿?|到今天|到今儿)[^，,。！!？?\s]{0,4}(都|还)?没(回|到家|着家(?!过))|一直没有?回来|(([一二两三四五六七八九十几多]+|\d+|好几|好些)个?多?(天|日|宿|夜|晚上|个?(礼拜|星期|周))|半个月|好久|很久)[^，,。！!？?\s]{0,4}没(回|见|消息|开门|露面|动静|人?出来过?)|(说|讲)[^，,。！!？?\s]{0,6}去[^。！!？?]{0,14}(根本|压根|并)没(去|到|来)|(电话|手机)[^，,。！!？?\s]{0,3}(关机|打不通)[^。！!？?]{0,10}(没回|不回)|(至今|仍然|仍|一直|迟迟|彻夜|尚|均)未(归|回)/,
    pairs: [[PERSON, /(?<!看)不见了|没回来|没[^，,。！!？?\s]{0,5}回(来|家|去)|没回家|没到家|找不到(?!人|工作|地方|车位)|找不着(?!人)|还没回|没了人影|(还|都)?没(影|人影)|(到现在|到这会儿?|这会儿?)[^，,。！!？?\s]{0,4}(都|还)?没(见|影)|天黑了?[^，,。！!？?\s]{0,4}还没(回|到|影)|人没了|人?不在学校|(?<!物业|客服|热线|值班|保安|门卫|维修|师傅|公司|部门|社区|街道|单位|窗口|办公室)(电话|手表)[^，,。！!？?\s]{0,3}(也)?(打不通|关机)/]],
    within: 24,
    // ...nor is an earlier ticket with no word back (一周过去了还没消息 想问处理到哪一步了) (r21).
    // ...nor a party to a dispute out of reach, named before it (装修公司说工期紧，业主也联系不上) (r25).
    // ...nor someone late who has been reached and said where they are (打电话说在网吧跟同学玩) (r35).
    unless: new RegExp(`${PET.source}|店|铺|超市|食堂|驿站|门卫|办事处|营业|哪一步|进度|进展|工单|单号|答复|${UNSEEN_NOT_A_PERSON.source}|${REACHED.source}`),
  },
  {
    // A fall told by the sound: a thud from a home, then silence (咚的一声 然后就没动静了), or
    // the thud taken for a fall (咣当一声 像是人摔倒了) (r35). Building work or thunder is no fall.
    kind: 'thud',
    category: 'assistance',
    pairs: [[THUD, /(就|再|也|一直|都)?没(了)?(动静|声音|声儿|声了|响动|回音)|(动静|声音|声儿|响动)(都|也)没(有)?了?|没声了|(喊|叫|问)[^，,。！!？?\s]{0,4}(不应|没人应|没应|没反应|不答应)|像是?[^，,。！!？?\s]{0,2}(人|谁|老人|他|她)?[^，,。！!？?\s]{0,2}(摔|跌|倒)/]],
    within: 30,
    unless: /工地|施工|装修|拆房|打雷|雷声|鞭炮|炮仗|关门|摔门|搬家|搬东西|掉了个|掉东西|东西掉/,
  },
  {
    // Someone who cannot find the way home (糊涂, 痴呆) gone out alone: missing from the moment they left.
    kind: 'wandered',
    category: 'assistance',
    lasting: true,
    pairs: [[/糊涂|痴呆|阿尔茨海默|认不得路|不认路|不认得路|记不住路|智力|自闭|脑子不清楚/, /(自己|一个人|偷偷|独自)[^，,。！!？?\s]{0,3}(出去|出门|出了门|跑出去|走出去|溜出去|走了)|(还|都)没(回来|回家|到家)|谁看见|谁见到|有没有人看见|看到的(请|麻烦)?(说|告诉|联系)/]],
    within: 24,
    unless: PET,
  },
  {
    // Someone living alone who cannot be reached (一个人住 电话从前天打到现在都关机).
    kind: 'alone',
    category: 'assistance',
    lasting: true,
    pairs: [[/一个人住|一个人|独居|独自|孤寡|孤身/, /(电话|手机|微信|视频)[^，,。！!？?]{0,10}(关机|打不通|没人接|不接|不回)|(打不通|拨不通|联系不上)[^，,。！!？?\s]{0,3}(他|她)?的?(电话|手机)|联系不上|无人接听|没人应|无人应答|敲门[^，,。！!？?\s]{0,4}(没|不|无)/]],
    within: 30,
    // ...but the staff a letter greets (尊敬的社区工作人员) are whom it asks (r31).
    unless: /物业|客服|热线|值班|保安|门卫|维修|师傅|办事|窗口|(?<!(尊敬的|亲爱的|社区|居委会?|街道)[^，,。！!？?\s:：]{0,4})工作人员|快递|外卖|店/,
  },
  {
    // Water or smoke coming from under the door of a flat where nobody answers.
    kind: 'silent',
    category: 'assistance',
    lasting: true,
    pairs: [[/(门缝|门底|门下)[^，,。！!？?\s]{0,6}(水|烟)/, /没人(开|应|接)|敲门[^，,。！!？?\s]{0,4}(没|不|无)|不应|没动静/]],
    within: 20,
  },
  {
    kind: 'trapped',
    category: 'facility',
    alone: /困在电梯|电梯里[^，,。！!？?\s]{0,6}(困|关着|出不来)|轿厢[^，,。！!？?\s]{0,3}(不在|没在|没到|没停)|电梯井[^，,。！!？?\s]{0,4}(开着|敞着|露着)|电梯门[^，,。！!？?]{0,4}开着[^。！!？?]{0,10}(空的|没有轿厢|是空|黑洞洞)/,
    pairs: [
      // ...and told by a relative on the phone (说在电梯里下不来了) (r35).
      [/电梯/, /(在|困在|关在|卡在)电梯里[^，,。！!？?\s]{0,6}(下不来|出不来|出不去|不动了)|(卡|停|坏|困|关)[^，,。！!？?\s]{0,6}(半截|中间)|(有人|小孩|孩子|老人|一个人|我)[^，,。！!？?\s]{0,4}在里面|里面(就|只有)[^，,。！!？?\s]{0,3}(他|她|一个人|个人|人)|里面有(个)?(人|老人|小孩|孩子)|里面(困|关)着|出不来|喘不/],
      // Stuck between two floors, whatever the lift is called (梯子 by voice input).
      [/(卡|停|困|悬)在?[^，,。！!？?\s]{0,8}(楼|层)[^，,。！!？?\s]{0,2}(中间|之间|当中)/, /在里面|里面有|有人|出不来|按铃|呼叫|喊/],
    ],
    within: 24,
  },
  {
    // A wire hanging, broken or sparking where people pass.
    kind: 'wire',
    category: 'facility',
    alone: /电火花|冒火花|打火花|漏电|触电|被电(了|到)|电了一下/,
    pairs: [[/电线|电缆|线头|高压线|电线杆|配电箱|(?<!弱)电箱|电表箱/, /垂|掉(下来|在地)|耷拉|断了|裸露|露(着|出)|火花|火星|噼啪|滋滋|啪啪|冒烟/],
      // Electrics burning (电线烧了 插座黑了一块); wiring worn with age (电线都老化了) is no melt (r23).
      [/电线|插座|插头|插排|插线板|开关|电表|配电/, /烧(了|焦|黑|化|糊)|黑了一块|发烫|烫手|(?<!老)化了|冒味|焦/]],
    within: 12,
  },
  {
    kind: 'locked',
    category: 'assistance',
    // Shut in somewhere and unable to get out (被关在储藏间里 门从外面反锁了).
    pairs: [[/(锁|关|困)在|反锁|锁上了/, /出不去|出不来|打不开|开不了|手机[^，,。！!？?\s]{0,3}(快)?没电|没人听见|喊[^，,。！!？?\s]{0,3}没人/]],
    within: 24,
    // ...not the writer shut out of an empty home, asking for a locksmith (r39).
    unless: /^(?![\s\S]*(孩子|小孩|宝宝|娃|婴儿|老人|老太|老头|在里面|在屋里|在家里|出不去|出不来|(锁|关|困)在|没电))[\s\S]*(开锁|锁匠|(人|我)在(门)?外(面|头|边))/,
    // ...or shut out with a baby or an elder left inside (门被风带上了 孩子还在屋里睡觉 钥匙在里面) (r23).
    // ...or a child or an elder who bolted the door on themselves, the adult outside unable to get in (r39).
    alone: /(孩子|小孩|宝宝|娃|婴儿|老人)[^。！!？?]{0,12}(反锁|锁上|插上|闩上)[^。！!？?]{0,12}(进不去|打不开|开不了)|(锁|关)在(阳台|门外|屋里|家里|卫生间|厕所)[^。！!？?]{0,20}(孩子|小孩|老人|一个人|没电|出不去|开不了)|(孩子|小孩|老人)[^，,。！!？?\s]{0,4}(一个人)?(锁|关)在(屋里|家里|屋|家)|(门[^，,。！!？?\s]{0,4}(风|自己|一下)[^，,。！!？?\s]{0,2}(带|吹|关|锁|碰)上了?|钥匙[^，,。！!？?\s]{0,6}(锁|落|忘|全|都)[^，,。！!？?\s]{0,2}(在)?(屋里|家里|里面|里头|里边))[^。！!？?]{0,40}(孩子|小孩|宝宝|娃|婴儿|老人)|(孩子|小孩|宝宝|娃|婴儿|老人)[^。！!？?]{0,16}(在屋里|在家里|在里面|在里头|在里边)[^。！!？?]{0,30}(钥匙[^，,。！!？?\s]{0,6}(在)?(屋里|家里|里面|里头|里边)|门[^，,。！!？?\s]{0,4}(带|关|锁|碰)上)/,
  },
  {
    kind: 'fire',
    category: 'security',
    alone: /(?<![打点]不?)着火|起火|失火|烧起来|着起来|烧(塑料|橡胶|电线|焦|糊)的?(味|气味)|(烧|焦|糊)[^，,。！!？?\s]{0,2}(塑料|橡胶|电线|线皮|胶皮)|(塑料|橡胶|电线|线皮|胶皮)[^，,。！!？?\s]{0,3}(烧|焦|糊|化)[^，,。！!？?\s]{0,3}味|(烟|焦|糊)[^，,。！!？?\s]{0,6}越(闻越|来越)(呛|浓|大|重)|(?<![油抽香吸])烟[^，,。！!？?\s]{0,3}(越来越(大|浓)|很大|好大|太大|很浓)|火苗[^，,。！!？?\s]{0,3}(窜|往外|好大|很大|老高)|浓烟|冒黑烟|黑烟|冒烟|(冒|起|出|往外冒)(着|了)?[白青灰黑浓]烟|(电池|电瓶)[^，,。！!？?\s]{0,4}(鼓包|发烫|烫手)[^，,。！!？?\s]{0,4}(冒|烟|味|响|炸)|一股[^，,。！!？?\s]{0,4}(烧焦|焦糊|糊)味|烧焦的?味|冒火花|火花|火星/,
  },
  {
    kind: 'gas',
    category: 'utilities',
    lasting: true,
    // A leak only asked about or checked for (让我们自己检查有没有漏气) is no leak found (r25).
    alone: /(煤气|燃气|天然气|液化气)味|臭鸡蛋|(?<!(有没有|是否|是不是|有无|检查|排查|检测)[^，,。！!？?\s]{0,1})漏气/,
    pairs: [
      [/煤气|燃气|天然气|液化气|气管|灶|阀门|气罐|热水器|壁挂炉|气表|燃气表/, /咝咝|嘶嘶|呲呲|嗤嗤|滋滋|往外喷|喷气|冒气|关不上|关不住|有股味|有味|一股味/],
      // A hiss with gas coming out or a choking smell, whatever the pipe is called.
      [/咝咝|嘶嘶|呲呲|嗤嗤/, /冒气|漏气|往外冒|喷气|呛|味/],
      // Gas heard or smelt escaping from a closed cooker.
      [/灶|阀门|开关|气表|气管/, /气在跑|跑气|冲味|漏气/],
      // A smell in the kitchen that is not right (厨房那股味儿不对): the gas until known otherwise.
      [/厨房|灶台?|气表|燃气表|热水器/, /味儿?[^，,。！!？?\s]{0,2}(不对|不对劲|怪|很冲|好冲|太冲|冲鼻|呛)|冲鼻|刺鼻|呛鼻|呛人|怪味|异味/],
    ],
    within: 16,
    unless: /垃圾|下水道|化粪|(?<!上)厕所|粪|臭水沟|排污|死老鼠|剩菜|馊/,
  },
  {
    // Someone heard crying for help: a life at stake until known otherwise.
    kind: 'cry',
    category: 'assistance',
    alone: /(喊|叫|呼|大喊|大叫)[^，,。！!？?\s]{0,2}救命|呼救|求救声/,
  },
  {
    // A sharp or strange smell at home with someone feeling it (头有点晕): fumes, whatever their name.
    kind: 'fumes',
    category: 'utilities',
    pairs: [[/刺鼻|怪味|异味|气味|味道|一股味/, /头[^，,。！!？?\s]{0,3}(晕|疼|痛|发沉)|恶心|想吐|喘不|胸闷/]],
    within: 40,
    unless: /垃圾|下水道|化粪|厕所|粪|尿|老鼠|死猫|腐|臭水|油漆|装修|甲醛|油烟|烟味|香水|狐臭/,
  },
  {
    kind: 'flood',
    category: null,
    pairs: [
      [/水|污水|脏水|粪水/, /插座|插线板|插排|电闸|电箱|配电|电线|电视|电器|电表|灯里|灯座|灯一闪|冒了?一下火花/],
      [/进水|淹|灌|漫|没过|返水|倒灌|哗哗|(?<!(味|味儿|味道|臭气|臭味|气味|异味|骚味|烟)[^，,。！!？?\s]{0,2})往上(翻|冒|涌|返)|往外(翻|涌)|(流|淌|冲)(到|进)了?(?![^，,。！!？?\s]{0,4}(墙|顶|天花板|角|柜))/, /家|屋|客厅|卧室|厨房|地下室|床/],
      // Deep water with someone still in it (水到膝盖了 有人还在里面).
      [/水管|管子|管道|阀门|总阀|龙头/, /爆|往外喷|喷水|关不(掉|住|上)|止不住/],
      [/倒灌|淹到|淹了|漫进|灌进|积水[^，,。！!？?\s]{0,8}(到|上涨|涨)/, /还有人|车里[^，,。！!？?\s]{0,6}有人|人还在|有人(还)?在(下面|里面|里头|车里)|里面还有|下面还有/],
      [/没过|(没|淹|漫)到了?(小腿|膝盖|腰|大腿|胸|脖子|车门|车窗)|到了?(小腿|膝盖|腰|大腿|胸口)|到膝盖|到腰|齐腰|齐膝|到大腿|到胸|水[^，,。！!？?\s]{0,4}(到|淹到|漫到)[^，,。！!？?\s]{0,3}(车门|车窗|车顶|一半)/, /有人|有个人|人还在|还在里面|在车里|(坐|躺|困|关)着人|困|出不来|老人|孩子|小孩/],
    ],
    within: 24,
    // Stains and mould are what old water leaves: a standing leak, not water coming in now.
    unless: /水渍|水印|水痕|发霉|霉斑|长霉/,
  },
  {
    kind: 'intrusion',
    category: 'security',
    // A breach in the estate's boundary told as the way people get in (院墙倒了 晚上有人从缺口钻进来):
    // the wall's standing weakness, with no home entered and nobody there now (r34).
    unless: /^(?![\s\S]*(家里|家中|屋里|屋内|房间|房里|卧室|客厅|阳台|窗户|防盗网|撬|正在|还在|人还))[\s\S]*?((围墙|院墙|墙|围栏|栅栏|护栏|铁丝网|篱笆)[^。！!？?]{0,8}(倒|塌|破|缺|豁|断|烂|拆)|缺口|豁口|墙洞|破洞|窟窿)/,
    alone: /(家里|屋里|房间|房里|卧室|客厅|书房)[^，,。！!？?\s]{0,2}进(来)?了?(个|一个|两个)?(人|陌生人|男的|女的)(?![^。！!？?]*(走了|跑了|溜了|逃了|抓到|没事))|正在撬|在撬|还在撬|(试|拧|转|捅)[^，,。！!？?\s]{0,3}(我家|门)?[^，,。！!？?\s]{0,2}(门锁|锁|门把)|有人[^，,。！!？?\s]{0,6}(翻|爬|闯|钻)进|进贼|进了贼|进小偷/,
    pairs: [
      [/撬|翻进|闯进|门锁[^，,。！!？?\s]{0,3}坏|门开着|门虚掩|锁坏|被撬|门被|剪开|剪断|割开|锯开/, /人走没走|人还在不在|还没走|还在|里面有人|有人在里|有动静|在翻|翻东西|没出来|不敢进|不敢上去|人在里面|从里面反锁|陌生人|手电|有光|亮着|躲着|躲在|脚步声|不敢回|有人在[^，,。！!？?\s]{0,4}(翻|走动|说话)|翻[^，,。！!？?\s]{0,2}(柜|箱|抽屉)/],
      // Someone heard or seen inside a home that should be empty (家里没人, 空房子, 出差, 门被反锁).
      [/(里面|屋里|房子里|房里|卧室|客厅|家里)[^，,。！!？?\s]{0,4}(好像)?有(人|脚步|动静|光|灯光|手电|说话声|声音|声响|响动)|有人[^，,。！!？?\s]{0,3}(说话|走动|走路|翻东西)|脚步声|有人把门反锁/, /没人在家|家里没人|家里没有人|没人在|空房|搬走|出差|不在家|没人住|反锁|卸(下来|了)|被撬|撬开|被打开|(锁眼|锁芯|门锁|锁孔)[^，,。！!？?\s]{0,4}(塞|堵|坏|被|拧|撬|打不开|开不了)|(钥匙|锁)[^，,。！!？?\s]{0,4}(打不开|开不了|插不进|拧不动)|(没|不)敢(开门|进|进去|回)/],
      // A home found broken into with the intruder maybe still near (人可能没跑远, 阳台门还在晃).
      [/被盗|被偷|进贼|进了贼|进小偷|被撬|撬开|门开着|翻得|被翻/, /没跑远|没走远|跑不远|还在附近|可能还在|还在晃|还没走/],
      [/陌生人|男的|女的|小偷|贼|有个人|有人/, /在翻|翻东西|翻抽屉|还没出来|没出来|顺着[^，,。！!？?\s]{0,6}(往上)?爬|往上爬|爬到[^，,。！!？?\s]{0,3}(楼|层|阳台|窗)/],
    ],
    within: 30,
  },
  {
    kind: 'violence',
    category: 'security',
    alone: /拿着?刀|持刀|砍人|追着砍|捅人|手(里|上)[^，,。！!？?\s]{0,3}(有|拿着?|握着?)[^，,。！!？?\s]{0,2}刀/,
    pairs: [
      [/打架|打人|殴打|家暴|打起来|被打/, /血|倒地|晕|受伤|头破/],
      [/救命|呼救|哭喊|惨叫|尖叫|哭叫|哭嚎|求饶/, /砸|打|摔东西|乒乒乓乓|噼里啪啦|咣咣|哐哐|撞门|踹门|尖叫|哭喊|吵/],
      // A weapon held where people fight or threaten (r13: 扭打在一起 手里攥着把水果刀).
      [/(攥|握|拿|举|挥|拎|提|抄|掏|亮)(着|起|出)?[^，,。！!？?\s]{0,4}(刀|斧头|斧子|匕首|铁棍|钢管|砖头|酒瓶)(?!切|削|剁)/, /扭打|厮打|打成一团|打架|打起来|动手|吵架|吵起来|追|砍|捅|威胁|要杀|喝醉|发疯|男的|女的|冲/],
      [/扭打|厮打|打成一团|打架|打起来|动起手/, /刀|斧|棍|砖头|酒瓶|血/],
      [/打人|殴打|家暴|打孩子|打老婆|被打|打得/, /哭喊|惨叫|尖叫|求饶|一直哭|哭着喊/],
    ],
    within: 24,
  },
];

// The danger is over, elsewhere, only told or only imagined: nothing to raise.
// ...and an absence explained (原来是出差了, 他儿子说接他去北京住了) (r31).
const OVER =
  /(原来|才知道|听说|得知)[^，,。！!？?\s]{0,6}(是)?(出差|旅游|旅行|度假|回老家|出国|住院|去外地)(?![^。！!？?]{0,12}(根本|压根|并)没)|(说|讲)[^，,。！!？?\s]{0,4}(是)?(出差|旅游|旅行|度假|回老家|出国|住院)了(?![^。！!？?]{0,12}(根本|压根|并)没)|接(他|她)[^，,。！!？?\s]{0,3}去[^，,。！!？?\s]{1,6}(住|过年|养老)|(住|去|在)(到)?(他|她)?[^，,。！!？?\s]{0,2}(儿子|女儿|闺女|儿女|亲戚|侄子|外甥)(那边|那儿|那里|家)(去)?(住)?了(?![^。！!？?]{0,12}(根本|压根|并|没)(去|到|来|没))|问(过|了)[^，,。！!？?\s]{0,4}没事|是[^，,。！!？?\s]{0,8}(刷漆|油漆|装修)的?味|没人在里面|里面没人|没有人在里面|没人被困|没着火|没有着火|没起火|是假的|别传|抓到了|扶回家|扶起来|送回家|(妈妈|爸爸|家长|家里人|大人)[^，,。！!？?\s]{0,2}(来了|接走)|找到了|找着了|已经找到|回来了|到家了|没事了|人没事|虚惊|扑灭|灭了|抓住了|被抓|放出来了|已经出来|救出来|已经送医|送到医院了|(被|让)(120|救护车)[^，,。！!？?\s]{0,3}(接走|拉走|送走|带走)|(120|救护车)[^，,。！!？?\s]{0,2}(接走|拉走)了|送(去|到|进)了?医院了|出院|平安|别紧张|不用紧张|别担心|不用担心|不是着火|是在烧纸|在炸/;
// What explains a smell or smoke (在做饭, 放鞭炮) explains it in its own sentence, but not flames.
const FLAMES = /(窜|蹿|喷|冒)出?[^，,。！!？?\s]{0,2}火(?!车|锅|腿|柴|花|星|苗是)|全是火|火光冲天|火舌|大火|火势|着火了|烧起来了|起火了|失火了/;
// Cooking explains smoke, not a body hurt at the stove (做饭的时候烫着了 起了好大的泡, 切菜切到手 血止不住) (r40).
const BODY_HURT = new RegExp(`${BURN_CAUSE.source}[^。！!？?]{0,20}(${BLISTER.source})|` + /烫(伤|了|得|到|出|着)[^。！!？?]{0,12}((?<!没|没起|没有|没有起|不起)泡|一大片|掉皮|脱皮|红肿)|(切|剁|割|划)(到|破|伤)了?[^，,。！!？?\s]{0,2}(手|指)[^。！!？?]{0,12}血/.source);
const EXPLAINED = /(?<!平时|平常)(做饭|炒菜)(?![^，,。！!？?\s]{0,4}不一样)|烧烤|火锅|鞭炮|烟花|蚊香|抽烟|烧香|烧纸|腊肉|熏肉|烤肉|烟囱|水蒸气|蒸汽|热气|原来是[^，,。！!？?]{0,10}(在|做|烧|炒|熏|烤|煮)/;
// A message that is a forward (转发：…) is told from elsewhere; asking the neighbours to
// pass on a missing person's notice (帮忙在群里转发寻人信息) is no forward.
// ...but a video call with a relative (我爸视频跟我说, 打视频过来) is a live word, not a clip (r39).
const ELSEWHERE = /新闻|报道|(?<!(打|开|发|拨|接)了?[^，,。！!？?\s]{0,2}|(跟|和|给|同|与)[^，,。！!？?\s]{0,4})视频(?![^，,。！!？?\s]{0,2}(跟我|和我|给我|对我|通话|电话|里(他|她)?(说|喊|哭)))|抖音|快手|朋友圈|(?<!防盗|铁丝|纱|护|渔|球)网上|热搜|电视上|隔壁小区|别的小区|其他小区|梦见|梦到|做梦|演习|演练|温馨|科普|注意事项|(?<!帮忙|帮|请|麻烦|里|中)转发(?!寻人|扩散|一下|出去)|【/;
// The writer looked and found nothing (我刚从那边过来 啥事没有) (r27).
const FOUND_NOTHING = /(过来|看了|去看|看过|转了|下去|过去|路过|经过)[^。！!？?]{0,8}(啥|什么)事(儿)?(都|也)?没有/;
// A story watched or read (电视剧里那个人被困电梯) is told from elsewhere too (r27).
// ...not the viewer's own evening (在看电影 突然闻到煤气味).
// ...and a programme told by what the television showed (电视里演一个人坐在楼顶边上) (r31).
const STORY = /(剧|电影|片子|小说|动画片)(里|中|里面|里头)|剧情|电视(里|上)[^，,。！!？?\s]{0,2}(演|放|播)/;
// A notice or a reminder holds back its own sentence: a long letter may say it got no notice.
// ...and so does a tip passed on (分享一个急救知识：有人噎住了要…).
const NOTICE = /通知|提醒|提示|知识|常识|小技巧|分享一(个|下)|教大家|学会/;
const IMAGINED = /哪天[^，,。！!？?\s]{0,6}(摔|砸|电|淹|烧|压|出)|才有人管|真(要|的)?(着|失|起)了?火|真(的|要)?[^，,。！!？?\s]{0,2}(烧|着)起来(?!了)|(着|失|起)火了?(就|都)|就麻烦|就完了|都跑不|进不来|万一|如果|要是|假如|一旦|迟早|早晚|就能|就会|会出事|要出事|出人命|容易|以防|预防|防止|千万|别让|不要让|防(溺水|走失|火|盗|骗)|隐患|风险|怕[^，,。！!？?\s]{0,3}(有人|谁|孩子|小孩|老人)[^，,。！!？?\s]{0,4}(掉|摔|踩|砸|碰|电)|((?<!恐)怕(?!是)|担心|担忧)[^，,。！!？?\s]{0,3}(有人|谁|孩子|小孩|老人)[^，,。！!？?\s]{0,4}(走丢|走失|跑丢|丢)(?!了)|谁[^，,。！!？?\s]{0,2}(跑|逃|出)得(掉|了|出去)|谁[^，,。！!？?\s]{0,4}(掉|摔|踩)[^，,。！!？?]{0,6}怎么办/;
// Advice to neighbours (注意用火): a warning, unless a person is missing (请大家注意看看).
const ADVICE = /注意|小心|当心/;
// Told as the writer's own past (以前也走丢过一次, 那次着火): a memory, not now.
// ...and a season or month of this year gone by (今年夏天遭遇洪水) (r25).
// 上回 is 上次 (上回着火消防车就是从这进的: the fire is why the lane matters, not a fire now) (r33).
const PAST = /今年(春天|夏天|汛期|雨季|[一二三四五六七八九]月份?(?![^，,。！!？?\s]{0,6}(开始|起|以来)))|前年|那场|那年|[一两二三四五六七八九十几好\d]+年前|以前|之前|那次|那回|小时候|去年|上次|上回|曾经|过一次|过一回|想起|(进|淹|泡|灌|漏)过水|前段时间|前阵子|前些天|前些日子|(?<!谁|有人|没有人|有没有人|哪位|大家)(闻到?|发生|出现|遇到|碰到)过(?![来去吗没])|昨天|昨晚|昨日|前天|前几天|上周|上个?礼拜|上个?星期|上个月/;
// ...unless it goes on until now (昨晚出门到现在都没回).
// ...or no sign since a day named (从上周五开始就再没见过她) (r25).
// ...or a phone unanswered since a time named (从昨天晚上电话就没人接) (r31).
// ...or out since a day named and not back (大前天出去就没回来) (r40).
const CONTINUING = /(出去|出门|走)了?[^，,。！!？?\s]{0,2}(就|后)(一直|再)?没(回来|回家|到家)(?![^。！!？?]{0,16}(回来了|到家了|回家了|找到了|找着了))|从[^，,。！!？?\s]{1,8}(开始|起|以后)[^，,。！!？?\s]{0,3}(就)?(再|一直|都)?没有?(见|看到|看见|出门|露面|下楼|开门|人接|接|回)|从[^，,。！!？?\s]{1,8}(电话|手机|微信|视频)[^，,。！!？?\s]{0,2}(就|一直|都)?(没人接|没有?接|打不通|关机|不接|不回)|从[^，,。！!？?\s]{1,8}(开始|起|以后)[，,\s]?[^。！!？?]{0,10}(一直|始终|都)(没|无人|不接|打不通|联系不上|关机)|到现在|到今天|到今儿|现在还|还没|至今还|至今没|(至今|仍然|仍|迟迟|尚)未(归|回|找到|联系上)|一直没有?(回|到家|找到|消息|联系上)|仍然没|还在/;
// An offer of help or a loan to neighbours (多买了几盒 需要的来拿) asks nobody to act.
const OFFER = /需要的(来|找|联系|说)|需要的话|可以借|可以送|免费送|送给需要|多买了|闲着/;
// Weeks of the same: a standing nuisance, told angrily or not.
// ...and a condition since an illness (中风以后半边身子不能动了): lasting, no attack now (r23).
const LASTING = /(中风|脑梗|脑溢血|脑出血|偏瘫|瘫痪|车祸|手术)(以后|之后|后)(?![^，,。！!？?\s]{0,2}(刚|就|马上))|多年|常年|长期|天天|每天|每到|每逢|一到|每次|每回|每年|年年|早就|老是|总是|经常|三天两头|好几个?(礼拜|星期|月)|[一两几]个?(礼拜|星期|月)了|半年|一年|多少次|又来了/;

const globalCache = new Map<RegExp, RegExp>();
function globalOf(re: RegExp): RegExp {
  let g = globalCache.get(re);
  if (!g) globalCache.set(re, (g = new RegExp(re.source, 'gu')));
  g.lastIndex = 0;
  return g;
}

function starts(t: string, re: RegExp): number[] {
  const g = globalOf(re);
  const out: number[] = [];
  for (let m = g.exec(t); m; m = g.exec(t)) {
    out.push(m.index);
    if (m[0].length === 0) g.lastIndex++;
  }
  return out;
}

function near(t: string, a: RegExp, b: RegExp, within: number): boolean {
  if (!a.test(t) || !b.test(t)) return false;
  const as = starts(t, a);
  return starts(t, b).some((j) => as.some((i) => Math.abs(i - j) <= within));
}

/** A danger that is not here and now for the whole message: over, told from elsewhere or a story, looked for and not found, or help offered. */
function notHereNow(t: string): boolean {
  return OVER.test(t) || ELSEWHERE.test(t) || STORY.test(t) || FOUND_NOTHING.test(t) || OFFER.test(t);
}

/** The second check's own guards: over, elsewhere, an offer, explained, or only imagined. */
export function safetyHeldBack(t: string): boolean {
  return notHereNow(t) || EXPLAINED.test(t) || IMAGINED.test(t);
}

// Sentences: the guards that frame a danger (imagined, past, advice, weeks of the same, a
// notice) hold back the sentence they are in, so that a long letter's background does not
// silence the emergency it goes on to tell. A chat message is mostly one sentence.
const SENTENCE = /[。！!？?；;\n]+/;

interface Frame {
  text: string;
  held: boolean;
  advice: boolean;
  lasting: boolean;
}

function framesOf(t: string): Frame[] {
  return t
    .split(SENTENCE)
    .filter((x) => x.trim())
    .map((text) => ({
      text,
      held: IMAGINED.test(text) || NOTICE.test(text) || (EXPLAINED.test(text) && !FLAMES.test(text) && !BODY_HURT.test(text)) || (PAST.test(text) && !CONTINUING.test(text)),
      // ...but an alert that opens a sighting now (群里的注意 刚才有人在捅锁) is no advice.
      advice: ADVICE.test(text) && !/刚才|刚刚|正在|还没走|人还在/.test(text),
      lasting: LASTING.test(text),
    }));
}

// The hazards of things, which a standing complaint tells as background.
const THING_HAZARDS = new Set(['wire', 'trapped', 'locked', 'fire', 'flood', 'intrusion', 'violence']);

/**
 * A danger to life, home or person that may be happening now, found by the second,
 * independent check; null when none is in view. `t` is the normalised canonical text.
 */
export function safetyNet(t: string): UrgentFinding | null {
  if (notHereNow(t)) return null;
  const frames = framesOf(t);
  const standing = standingComplaint(t);
  const texts = new Map<string, string>();
  for (const c of CONCEPTS) {
    if (standing && THING_HAZARDS.has(c.kind)) continue;
    const missing = c.kind === 'missing';
    const key = `${missing}:${Boolean(c.lasting)}`;
    let live = texts.get(key);
    if (live === undefined) {
      live = frames
        .filter((f) => !f.held && !(f.advice && !missing) && !(f.lasting && !c.lasting))
        .map((f) => f.text)
        .join(' ');
      texts.set(key, live);
    }
    if (!live) continue;
    if (c.unless?.test(live)) continue;
    if (c.needs && !c.needs.test(live)) continue;
    const hit = c.alone?.test(live) || (c.pairs ?? []).some(([a, b]) => near(live, a, b, c.within ?? 24));
    // A flood keeps its kind: where the water comes from decides its category as for the first check.
    if (hit) return { kind: c.kind === 'flood' ? 'flood' : `net-${c.kind}`, category: c.category };
  }
  return null;
}

// Every pattern of the concepts and the guards skips texts it cannot match (prefilter.ts).
prefilterTests(
  ...CONCEPTS.flatMap((c) => [c.alone, c.unless, c.needs, ...(c.pairs ?? []).flat()]).filter((re): re is RegExp => re instanceof RegExp),
  OVER, FLAMES, EXPLAINED, BODY_HURT, BURN_CAUSE, BLISTER, ELSEWHERE, NOTICE, IMAGINED, ADVICE, PAST, CONTINUING, OFFER, LASTING,
  STORY, FOUND_NOTHING, REACHED,
);
