/**
 * Which posts a question about "who holds what" asks for. Pure: text in, post kinds out.
 */

export type AskedPost =
  | 'building_leader'
  | 'group_leader'
  | 'household'
  | 'branch_secretary'
  | 'grid_team'
  | 'sanitation'
  | 'publicity'
  | 'culture'
  | 'mediator'
  | 'property'
  | 'owners_committee'
  | 'committee_secretary'
  | 'staff';

/** Longest words first, so 社区书记 wins over 书记 and 党小组长 over 小组长. */
const WORDS: [RegExp, AskedPost][] = [
  [/大党委书记|社区书记|第一书记|大党委/, 'committee_secretary'],
  [/支部书记|网格书记|小区书记|书记/, 'branch_secretary'],
  [/党小组长|小组长|党小组/, 'group_leader'],
  [/楼栋长|栋长|楼长/, 'building_leader'],
  [/中心户/, 'household'],
  [/网格员|网格长|网格管理员|网格负责人|四员/, 'grid_team'],
  [/卫生员/, 'sanitation'],
  [/宣传员/, 'publicity'],
  [/文体员/, 'culture'],
  [/调解员/, 'mediator'],
  [/业委会|业主委员会/, 'owners_committee'],
  [/物业/, 'property'],
  [/社区工作人员|社区干部|居委会|社区电话|社区的人/, 'staff'],
];

/** Marks of a question about a person or a contact, not a complaint that mentions one. */
const QUESTION = /谁|哪位|哪个|电话|号码|联系|怎么找|找哪|是啥|是什么人|名字/;
/** Words that make a message a complaint about the post-holder, which is not ours to answer. */
const COMPLAINT = /不管|不作为|投诉|举报|不干活|态度|乱收|收费|欠费|垃圾|坏了|漏水|停水|停电/;

export interface DirectoryQuestion {
  posts: AskedPost[];
  /** The asker wants a phone number. */
  wantsPhone: boolean;
}

/** The posts asked for, or undefined when this is no question about who holds a post. */
export function parseDirectoryQuestion(text: string): DirectoryQuestion | undefined {
  let rest = text;
  const posts: AskedPost[] = [];
  for (const [re, post] of WORDS) {
    if (re.test(rest)) {
      posts.push(post);
      rest = rest.replace(new RegExp(re.source, 'g'), ' ');
    }
  }
  if (posts.length === 0 || COMPLAINT.test(text)) return undefined;
  // A bare post name ("网格员", "物业电话") is a question too; a long sentence needs a question word.
  const filler = rest.replace(/[\s我们咱的楼栋号这那个小区请问呢啊吗呀哈？?。，,!！\d]/g, '');
  if (!QUESTION.test(text) && filler.length > 2) return undefined;
  return { posts, wantsPhone: /电话|号码|手机|联系方式/.test(text) };
}
