import { gateOf } from './prefilter.js';

/**
 * Spoken and typed variants → one canonical word, so every lexicon entry is written once.
 *
 * Residents dictate by voice (燃起/燃气, 电题/电梯, 路登/路灯), write dialect (Hubei 冇得,
 * 么样, 搞么事, 伢; Cantonese-leaning 冇) and shorthand (小电驴). The rules match the
 * canonical form; place extraction keeps the text as written (it only needs digits and
 * place words, which these substitutions never touch).
 *
 * Each entry is [pattern, replacement]. Patterns are narrow on purpose: a homophone is
 * replaced only where the context makes the intended word certain (燃起 before 味/公司,
 * not 燃起了希望).
 */
const VARIANTS: [RegExp, string][] = [
  // Gas: voice input and old spellings.
  [/(?:燃起|然起|燃汽|燃器|染起|然气)(?=味|的味|公司|费|表|灶|管|泄|漏|罐|阀|卡|安检|报警)/g, '燃气'],
  [/(?<!天)然气(?=味|公司|费|表|灶|管|泄|漏)/g, '燃气'],
  [/燃汽|燃起味/g, '燃气'],
  [/煤汽|梅气|霉气(?=味|罐|费|灶|管|泄|漏)/g, '煤气'],
  [/天燃气/g, '天然气'],
  // Lifts.
  [/电题|电体(?!育|内)|电提|电悌|电棯|店梯|垫梯/g, '电梯'],
  // 停电梯 is the lift stopped, not a power cut.
  [/停电梯/g, '电梯停运'],
  // Lights, access control, property company.
  [/路登|路的灯/g, '路灯'],
  [/楼到灯|楼导灯/g, '楼道灯'],
  [/门进(?=卡|系统|坏|刷|不灵)|门经卡/g, '门禁'],
  [/物叶|勿业|无业(?=费|公司|的人|管理)/g, '物业'],
  [/业为会|叶委会/g, '业委会'],
  [/下水到/g, '下水道'],
  [/消防通到/g, '消防通道'],
  [/监空|监恐/g, '监控'],
  // Hubei and southern dialect.
  [/冇得法|冇法/g, '没办法'],
  [/冇得|冇有|冇/g, '没有'],
  // 没有回来 / 没有反应 say what 没回来 / 没反应 say; the lexicons list the short forms.
  [/没有(?=回来|回家|到家|出来|接|反应|动静|醒)/g, '没'],
  [/搞么(?:事|斯|子)/g, '干什么'],
  [/(?<![怎什这那])么样(?=搞|办|弄|回事|申请|交|了|又|还|咯|啊|$|\s)/g, '怎么'],
  [/(?<![怎什这那])么(?:事|斯)/g, '什么事'],
  [/要么(?=材料|证件|手续|东西)/g, '要什么'],
  [/(?<![怎什这那])么(?=活动|时候)/g, '什么'],
  [/细伢|伢们|伢儿|伢/g, '孩子'],
  [/屋里头|屋头|屋里/g, '家里'],
  [/我屋(?!顶)/g, '我家'],
  [/别个(?=的)/g, '别人'],
  [/晓得/g, '知道'],
  // Northern and central speech on forums (r26): 俺 is always "I/we", 木有/莫得 are 没有,
  // 嘎哈/弄啥嘞 are 干啥: one form, so that 算俺一个 signs up like 算我一个.
  [/俺/g, '我'],
  [/木有|莫得/g, '没有'],
  [/嘎哈|弄啥(?:嘞|咧|哩|呢)?/g, '干啥'],
  // Days and weeks back, in northern speech (昨个儿, 上个礼拜): the standard word, so that
  // every "earlier" pattern reads them once.
  [/昨个儿?|昨儿个?|夜儿个|昨日/g, '昨天'],
  [/前儿个|前个儿/g, '前天'],
  [/上个?礼拜|上个?星期/g, '上周'],
  [/头几天|头两天/g, '前几天'],
  [/早先|先前|前些时候|前一阵子?|前阵儿/g, '之前'],
  // Voice input writes 反映 (to report) as 反应; not where it is a reaction (没反应, 过敏反应).
  [/(?<![没无有不过敏化学良快慢的])反应(?=过|给|了|的|上去|到)/g, '反映'],
  [/不答应|喊不应|叫不应|不吭声/g, '没反应'],
  // Posing told in other words (假装是电力局的, 谎称燃气公司派来的): the impersonation word the rules know (r29).
  [/(?:假装|谎称|伪装|装作|扮成)(?:是|成)?(?=[^，,。！!？?\s]{0,10}(?:公司|局|所|物业|社区|街道|居委会|师傅|工作人员|派来|的人))/g, '冒充'],
  // Shorthand.
  [/小电驴|电驴子|电驴|电瓶车|电单车/g, '电动车'],
];

/** The text the rules classify: normalised text with spoken and dialect variants made canonical. */
export function canonicalize(normalized: string): string {
  let t = normalized;
  // A variant whose literals are not all in the text cannot match: its replace is skipped
  // (it would return the text unchanged).
  for (let i = 0; i < VARIANTS.length; i++) {
    const [re, to] = VARIANTS[i]!;
    if (VARIANT_GATES[i]!.may(t)) t = t.replace(re, to);
  }
  return t;
}

const VARIANT_GATES = VARIANTS.map(([re]) => gateOf(re));
