/**
 * Whether two reports about one place are about the same thing: 「楼道灯不亮」 joins
 * 「楼道灯坏了」, but 「水管漏水了」 in the same building is another problem, not a third
 * neighbour's voice on the lamp ticket (whose closing would close the leak with it).
 *
 * Each report is reduced to the things it names, from a short list of what residents
 * report; two reports are the same problem when they share one, or when either names
 * none of them (「1栋那个还没修好」 points back at what is open there).
 */

/** Things residents report, each with the words that name it. */
const THINGS: Record<string, RegExp> = {
  light: /灯|照明|黑漆漆|摸黑|黑灯瞎火/,
  lift: /电梯|电悌|电棯|扶梯|货梯|客梯/,
  leak: /漏水|渗水|滴水|冒水|爆管|水管|管子|管道|返水|漏雨|进水|淹/,
  water: /停水|没水|水压|水小|水很小|出水|断水|自来水|水龙头/,
  power: /停电|没电|断电|跳闸|电闸|电表|电箱|配电|插座|电线|私拉/,
  gas: /燃气|煤气|天然气|液化气/,
  door: /门禁|单元门|防盗门|大门|门锁|密码锁|道闸|闸杆|铁门|玻璃门|闭门器|对讲|门铃|刷不/,
  drain: /下水|化粪池|堵|井盖|检查井|污水井|窨井|地漏|排水|雨水井|马桶/,
  rubbish: /垃圾|广告|卫生|打扫|清理|纸箱|杂物|粪|屎|尿|臭|脏|外卖盒/,
  pests: /老鼠|蟑螂|蚊|苍蝇|马蜂|黄蜂|蜂窝|白蚁|虫|蛇/,
  greenery: /树|草|灌木|绿化|修剪/,
  road: /路面|坑|台阶|地砖|瓷砖|减速带|路(?!灯)/,
  camera: /监控|摄像头|探头/,
  fitness: /健身|秋千|滑梯|单杠|篮球|漫步机|扭腰器|拉力器/,
  noise: /吵|噪音|噪声|装修|电钻|广场舞|音响|唱歌|狗叫|咚咚|砰砰/,
  parking: /车位|停车|占道|挡路|堵路/,
  fire: /火|烟|消防|灭火器/,
  wall: /墙|外墙|墙皮|窗|屋顶|楼顶|顶棚|雨棚|栏杆|扶手|护栏/,
};

/** The things a report names (empty when it names none of them). */
export function thingsNamed(text: string): Set<string> {
  const named = new Set<string>();
  for (const [thing, words] of Object.entries(THINGS)) if (words.test(text)) named.add(thing);
  return named;
}

/** Two reports at one place are about the same problem: they share a thing, or one names none. */
export function sameProblem(a: string, b: string): boolean {
  const x = thingsNamed(a);
  const y = thingsNamed(b);
  if (x.size === 0 || y.size === 0) return true;
  for (const thing of x) if (y.has(thing)) return true;
  return false;
}
