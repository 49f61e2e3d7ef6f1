/**
 * The one thing to do now, said with the answer to an urgent report: a resident who smells
 * gas should hear "open the window, touch no switch" before anyone arrives. One short line
 * for the hazard the words name, or nothing where none is named.
 */
const HINTS: [RegExp, string][] = [
  [/燃气|煤气|天然气|液化气/, '请马上开窗通风，不要开关电器、不要点火，人先到室外。'],
  [/着火|起火|失火|火灾|冒烟|浓烟|烧起来|火苗/, '请马上离开，走楼梯不坐电梯，用湿毛巾捂住口鼻。'],
  [/(漏水|进水|淹|渗水|冒水|灌水)[^。！？!?]{0,12}(插座|电器|插线板|电线)|(插座|电器|插线板|电线)[^。！？!?]{0,12}(漏水|进水|淹|泡|湿)/, '请先拉下电闸，不要碰有水的插座和电器。'],
  [/触电|电到了|被电/, '请先断电，不要直接用手拉触电的人。'],
  [/摔倒|摔了|跌倒|倒地|起不来|晕倒|昏倒/, '不要急着扶起或搬动，注意保暖，等人来或拨打 120。'],
  [/困在电梯|电梯里[^。！？!?]{0,6}(有人|出不来)|关在电梯/, '电梯里的人请按警铃、不要扒门，保持冷静等待救援。'],
];

export function safetyHint(text: string): string {
  for (const [words, hint] of HINTS) if (words.test(text)) return hint;
  return '';
}
