import { normalizeText } from './normalize.js';
import { gateOf } from './prefilter.js';
import type { Place } from './types.js';

const CN_DIGITS: Record<string, number> = {
  零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 幺: 1,
};

/** 三 → 3, 十二 → 12, 二十一 → 21, 一百零一 → 101, 三零一 → 301; null when not a number. */
export function parseChineseNumber(s: string): number | null {
  if (!s) return null;
  // 廿 is twenty in older writing (廿三栋 → 23).
  s = s.replace(/^廿/, '二十');
  if (!/[十百]/.test(s)) {
    // Digit by digit: 三零一 → 301.
    let n = 0;
    for (const ch of s) {
      const d = CN_DIGITS[ch];
      if (d === undefined) return null;
      n = n * 10 + d;
    }
    return n;
  }
  let total = 0;
  let current = 0;
  for (const ch of s) {
    if (ch === '百') {
      total += (current || 1) * 100;
      current = 0;
    } else if (ch === '十') {
      total += (current || 1) * 10;
      current = 0;
    } else {
      const d = CN_DIGITS[ch];
      if (d === undefined) return null;
      current = d;
    }
  }
  return total + current;
}

// A Chinese numeral written right before a place word becomes Arabic, so one set of
// patterns covers both: 三号楼二单元 → 3号楼2单元.
const CN_BEFORE_MARKER = /([零〇一二两三四五六七八九十廿百]+)(?=号楼|栋|幢|座|单元|号|室|楼|层)/g;
// "一栋楼", "两栋楼", "这一栋": counts and determiners, not building numbers.
const COUNT_BEFORE = /[这那整每哪好几隔第一两]$/;

const NEARBY_BEFORE = /(周边|附近|周围|四周|前后|左右)$/;

const UNIT_AFTER_ONE = /^(栋|幢|座)\s?[一二三四五六七八九十0-9]{1,2}\s?(号)?单元/;
// A room spoken digit by digit right after its building or unit (三栋二单元五零二, 住一零零二):
// a zero in the middle makes it a room number, not a count (r28).
// ...or right after the neighbour it is, or before the household it names (楼上七零二, 五零一的, 三零二那家);
// 幺 is one as a room number is read out (幺零三) (r33).
const SPOKEN_ROOM = /(?<=(?:栋|幢|座|号楼|单元|住|住在|楼上|楼下|对门|隔壁|对面)\s?)([一二三四五六七八九幺][零〇][一二三四五六七八九幺]|[一二三四五六七八九幺][零〇一二三四五六七八九幺][零〇][一二三四五六七八九幺])(?![零〇一二三四五六七八九幺十百千万])/g;
const SPOKEN_ROOM_HOME = /(?<![零〇一二三四五六七八九幺十百千万\p{N}])([一二三四五六七八九幺][零〇][一二三四五六七八九幺])(?=\s?(?:的|家|那家|那户|住户|业主))/gu;

function arabiseSpokenRooms(s: string): string {
  const r = gateOf(SPOKEN_ROOM).may(s) ? s.replace(SPOKEN_ROOM, (run: string) => String(parseChineseNumber(run) ?? run)) : s;
  return gateOf(SPOKEN_ROOM_HOME).may(r) ? r.replace(SPOKEN_ROOM_HOME, (run: string) => String(parseChineseNumber(run) ?? run)) : r;
}

function arabiseNumerals(s: string): string {
  if (!gateOf(CN_BEFORE_MARKER).may(s)) return s;
  return s.replace(CN_BEFORE_MARKER, (run: string, _g: string, offset: number) => {
    const after = s.slice(offset + run.length, offset + run.length + 2);
    const before = s.slice(Math.max(0, offset - 1), offset);
    // 一栋 with its unit right after (一栋三单元, 一栋2单元) names building 1, wherever it stands (r28).
    if (run === '一' && !/[这那每哪整同]$/.test(before) && UNIT_AFTER_ONE.test(s.slice(offset + 1, offset + 7))) return '1';
    if ((run === '一' || run === '两') && (/^(栋|幢|座)楼?/.test(after) || /^座/.test(after))) {
      // 一栋楼 / 两座 are counts; 住一栋 / 第一栋 / 是一栋 name a building.
      if (!/[住是在第]$/.test(before) || /^(栋|幢)楼/.test(after)) return run;
    }
    if (before && COUNT_BEFORE.test(before) && before !== '第' && /^(栋|幢|座)/.test(after)) return run;
    // The buildings around a place, counted (周边三栋楼的住户, 附近两栋楼): none of them is named (r32).
    if (NEARBY_BEFORE.test(s.slice(Math.max(0, offset - 2), offset)) && /^(栋|幢|座)楼/.test(after)) return run;
    // 唯一 (only) is a word, not a number: 唯一一座小桥 is one bridge, not building 11 (r25).
    if (before === '唯') return run;
    const n = parseChineseNumber(run);
    return n === null ? run : String(n);
  });
}

// Suffixes that make a number a quantity, a time or money rather than a place.
const NOT_PLACE_AFTER = '(?:元|块|米|人|岁|年|次|天|万|平|分|点|个|斤|公里|小时|毫|度|层|楼|号楼|栋|幢|座|单元|路|届|周|月|日|号线|:|%)';

// A building is a number, a letter, or both in either order (D7, 12A, c2): compound
// names are common in newer estates.
const B = '[a-z]?[0-9]{1,3}[a-z]?|[a-z]';
const TRIPLE = new RegExp(`(?<![0-9a-z.\\-:/])(${B})-([0-9]{1,2})-([0-9]{3,4})(?![0-9\\-:/])`, 'g');
const BUILDING_ROOM = new RegExp(
  `(?<![0-9a-z.\\-:/])([0-9]{1,2}|[a-z])-([0-9]{3,4})(?![0-9\\-:/.])(?!\\s?${NOT_PLACE_AFTER})`,
  'g',
);
const BUILDING_UNIT = new RegExp(`(?<![0-9a-z.\\-:/])(${B})-([0-9]{1,2})\\s?单元`, 'g');
// A seat count (七座车, 5座SUV) is a vehicle, not a building.
const BUILDING = new RegExp(`(?<![0-9a-z#\\-.])(${B})\\s?(号楼|栋|幢|座(?!\\s?的?\\s?(?:车|小车|轿车|面包|商务|越野|suv|mpv|位|椅|儿))|#)`, 'g');
// A lettered zone right before a building number (B区3号楼, c区12栋) names one building: B3.
const ZONE_BUILDING = /(?<![0-9a-z])([a-z])\s?区([0-9]{1,3})\s?(?:号楼|栋|幢|座|#)/g;
// A numbered building with a lettered tower after it (7号楼B座, 5号楼a座) names one building: 7B (r29).
const BUILDING_TOWER = /(?<![0-9a-z#\-.])([0-9]{1,3})\s?(?:号楼|栋|幢)\s?([a-z])\s?座(?!\s?的?\s?(?:车|位|椅))/g;
// A floor told before a room written out on it (5楼501, 住12楼1203): the room, its floor agreeing (r29).
const FLOOR_THEN_ROOM = /(?<![0-9a-z.\-#])([0-9]{1,2})\s?楼\s?([0-9]{3,4})(?![0-9])(?!\s?(?:点|:|号楼|岁|天|年|月|分|个|人|元|块|次|层|米|斤|平|户))/g;
// A room read out digit by digit after its building or unit (三栋二单元四零一, voice input): the room (r29).
const CN_ROOM_AFTER_MARKER = /(?:栋|幢|号楼|单元)\s?的?([一二三四五六七八九幺][零〇一二三四五六七八九幺]{2,3})(?![零〇一二三四五六七八九幺十百]|\s?(?:楼|层|个|户|人|岁|年|次|天|号楼|栋|幢|单元|元|块|点))/g;
// A code after a parking-space, plate or order word (车位编号B-118) is not a flat.
const CODE_BEFORE = /(车位|编号|车牌|牌照|工号|号码|单号|尾号|订单|取件码|取件)[^，,。！!？?\s]{0,3}$/;
const BUILDING_HAO = /(?<![0-9a-z\-.月])([0-9]{1,3})号(?=\s?[0-9]{1,2}\s?单元)/g;
const UNIT = /(?<![0-9a-z.\-])([0-9]{1,2})\s?号?单元/g;
// A number after a road or lane (建设路128号) is a street address, not a room.
const ROOM_SUFFIX = /(?<![0-9a-z\-#.:尾单编工]|[路街道巷弄里]\s?)([0-9]{3,4})\s?(?:室|号房|号(?!楼|线|院|门|码|车|位|球|机)|房(?!子|间|东|租|价|产|贷|本))/g;
// A street number told with the road's section (建设路北段128号) or as the end of a range of
// street numbers (幸福路168号至238号) is an address, not a room (r21).
const STREET_BEFORE = /([路街道巷弄](东|西|南|北|中)?段|[0-9]号\s?(至|到|—|-|~))\s?$/;
const FLOOR_ROOM = /(?<![0-9.\-])([0-9]{1,2})\s?楼\s?([0-9]{2})(?![0-9]|\s?(?:点|:|号|岁|天|年|月|分|个|人|元|块|次|层|楼|米|斤))/g;
// A space after the room ends it (9栋1单元802 楼上…): 楼 after the space is no suffix of it (r22).
const ROOM_AFTER_MARKER = new RegExp(
  `(?:栋|幢|座|号楼|单元|#)\\s?的?\\s?([0-9]{3,4})(?![0-9])(?!${NOT_PLACE_AFTER})(?!\\s(?:元|块|米|人|岁|年|次|天|万|平|分|点|个|斤|公里|小时|度|:|%))`,
  'g',
);
const ROOM_BEFORE_HOME = /(?<![0-9a-z.\-#:尾单编号])([1-9][0-9]?[0-3][0-9])(?=\s?(?:家|的|那家|那户|住户|业主|门口))/g;
// "我家住601 楼上那家…": a space after the number ends it, so 楼 after the space is not its suffix.
const ROOM_AFTER_LIVE = new RegExp(
  `(?:住|住在|我家|我是|家住|家是)\\s?([1-9][0-9]?[0-3][0-9])(?![0-9])(?!${NOT_PLACE_AFTER})`,
  'g',
);

// A flat named right after the neighbour it is (对门1102住着, 楼上602卫生间漏水, 楼上1602天天…) (r21).
const ROOM_AFTER_NEIGHBOUR = new RegExp(
  `(?:对门|楼上|楼下|隔壁|对面)\\s?([1-9][0-9]?[0-3][0-9])(?![0-9])(?!\\s?(?!天天)${NOT_PLACE_AFTER})`,
  'g',
);
// A flat named bare as the household that does something again and again (402天天半夜拖椅子),
// or as the one the writer cannot reach or goes to (联系不上502, 去敲1101的门) (r26).
// ...or as the one renovating or keeping a pet, or addressed in the group (502装修的垃圾, 1202你家能不能看看) (r45).
const ROOM_AS_HOUSEHOLD = /(?<![0-9a-z.\-#:尾单编号])([1-9][0-9]?[0-3][0-9])(?=\s?(?:天天|每天|总是|老是|一直|经常|整天|成天|半夜|大半夜|装修|在装修|养的|养了|你家|你们家|又在|又把))/g;
const ROOM_CONTACTED = new RegExp(
  `(?:联系不上|联系不到|找不到|找不着|敲了?|去敲|去找)\\s?([1-9][0-9]?[0-3][0-9])(?![0-9])(?!\\s?${NOT_PLACE_AFTER})`,
  'g',
);
const NEIGHBOUR_FLAT_BEFORE = /(对门|楼上|楼下|隔壁|对面)\s?$/;
const ROOM_AFTER_UNIT = /(?:栋|幢|号楼)\s?[0-9]{1,2}\s?单元\s?([0-9]{3,4})(?![0-9])/g;
/** Rooms named by what stands around them, each kept where plausible, in this order. */
const ROOM_IN_CONTEXT = [ROOM_AFTER_MARKER, ROOM_BEFORE_HOME, ROOM_AFTER_LIVE, ROOM_AFTER_NEIGHBOUR, ROOM_AS_HOUSEHOLD, ROOM_CONTACTED];

const BUILDING_RANGE_AFTER = /^(至|到|~|—|－)\s?[0-9]{1,3}\s?(号楼|栋|幢)/;
const BUILDING_RANGE_BEFORE = /(号楼|栋|幢)(至|到|~|—|－)\s?$/;
const COUNT_WORD_BEFORE = /(有|这|那|共|总共|一共|整整|约|大约|近|足足|好|盖了|建了|新建|剩)$/;
const EMERGENCY_NUMBERS = new Set(['110', '119', '120', '122', '12345']);

function plausibleRoom(room: string): boolean {
  if (EMERGENCY_NUMBERS.has(room)) return false;
  const nn = Number(room.slice(-2));
  const floor = Number(room.slice(0, -2));
  return floor >= 1 && nn >= 1 && nn <= 40;
}

interface Hit {
  at: number;
  value: string;
}

function earliest(hits: Hit[]): string | null {
  let best: Hit | null = null;
  for (const h of hits) if (!best || h.at < best.at) best = h;
  return best ? best.value : null;
}

function building(raw: string): string {
  const m = /^([a-z]?)([0-9]*)([a-z]?)$/.exec(raw);
  if (!m || !m[2]) return raw.toUpperCase();
  return `${m[1]}${Number(m[2])}${m[3]}`.toUpperCase();
}

const NONE: RegExpExecArray[] = [];
/** s.matchAll(re), skipped when the pattern's literals are not all in the text (prefilter.ts). */
function matches(s: string, re: RegExp): Iterable<RegExpExecArray> {
  return gateOf(re).may(s) ? s.matchAll(re) : NONE;
}

/** Place from an already normalised text (see normalizeText). */
export function extractPlaceNormalized(normalized: string): Place {
  const s = arabiseSpokenRooms(arabiseNumerals(normalized));
  const b: Hit[] = [];
  const u: Hit[] = [];
  const r: Hit[] = [];
  const coded = (at: number) => CODE_BEFORE.test(s.slice(Math.max(0, at - 8), at));
  for (const m of matches(s, TRIPLE)) {
    if (coded(m.index)) continue;
    b.push({ at: m.index, value: building(m[1]) });
    u.push({ at: m.index, value: String(Number(m[2])) });
    r.push({ at: m.index, value: m[3] });
  }
  for (const m of matches(s, BUILDING_ROOM)) {
    if (!plausibleRoom(m[2]) || coded(m.index)) continue;
    b.push({ at: m.index, value: building(m[1]) });
    r.push({ at: m.index, value: m[2] });
  }
  for (const m of matches(s, BUILDING_UNIT)) {
    b.push({ at: m.index, value: building(m[1]) });
    u.push({ at: m.index, value: String(Number(m[2])) });
  }
  for (const m of matches(s, BUILDING)) {
    if (/^0/.test(m[1])) continue;
    // A count of buildings (小区有20栋楼, 这2栋楼, 6座塔楼) names none of them (r18).
    const after = s.slice(m.index + m[0].length, m.index + m[0].length + 2);
    const before = s.slice(Math.max(0, m.index - 2), m.index);
    if (/^楼/.test(after) && (COUNT_WORD_BEFORE.test(before) || NEARBY_BEFORE.test(before)) && /^[0-9]+$/.test(m[1])) continue;
    // A range of buildings (3号楼至8号楼, 5栋到9栋) names none of them: a notice for all in between (r32).
    const end = m.index + m[0].length;
    if (BUILDING_RANGE_AFTER.test(s.slice(end, end + 10)) || BUILDING_RANGE_BEFORE.test(s.slice(Math.max(0, m.index - 8), m.index))) continue;
    if (m[2] === '座' && /^(塔楼|大楼|高楼|楼房|山)/.test(after)) continue;
    b.push({ at: m.index, value: building(m[1]) });
  }
  for (const m of matches(s, BUILDING_TOWER)) b.push({ at: m.index - 1, value: building(`${Number(m[1])}${m[2]}`) });
  for (const m of matches(s, ZONE_BUILDING)) b.push({ at: m.index, value: building(`${m[1]}${Number(m[2])}`) });
  for (const m of matches(s, BUILDING_HAO)) b.push({ at: m.index, value: String(Number(m[1])) });
  for (const m of matches(s, UNIT)) {
    if (Number(m[1]) === 0) continue;
    u.push({ at: m.index, value: String(Number(m[1])) });
  }
  for (const m of matches(s, ROOM_SUFFIX)) if (!EMERGENCY_NUMBERS.has(m[1]) && !/^0/.test(m[1]) && !STREET_BEFORE.test(s.slice(Math.max(0, m.index - 12), m.index))) r.push({ at: m.index, value: m[1] });
  for (const m of matches(s, FLOOR_ROOM)) {
    const room = `${Number(m[1])}${m[2]}`;
    if (plausibleRoom(room)) r.push({ at: m.index, value: room });
  }
  for (const m of matches(s, CN_ROOM_AFTER_MARKER)) {
    const room = String(parseChineseNumber(m[1]));
    if (plausibleRoom(room)) r.push({ at: m.index, value: room });
  }
  for (const m of matches(s, FLOOR_THEN_ROOM)) if (plausibleRoom(m[2]) && m[2].slice(0, -2) === m[1]) r.push({ at: m.index, value: m[2] });
  // A neighbour's flat named bare (楼上1502的热水管爆了) gives way to a flat told whole with its building and unit
  // (我家是9栋1单元1402): the writer's address is the place of the report (r32).
  const addressed = [...matches(s, ROOM_AFTER_UNIT)].some((m) => plausibleRoom(m[1]));
  for (const context of ROOM_IN_CONTEXT) {
    if (addressed && context === ROOM_AFTER_NEIGHBOUR) continue;
    for (const m of matches(s, context)) {
      if (addressed && NEIGHBOUR_FLAT_BEFORE.test(s.slice(Math.max(0, m.index - 3), m.index))) continue;
      if (plausibleRoom(m[1])) r.push({ at: m.index, value: m[1] });
    }
  }
  return { building: earliest(b), unit: earliest(u), room: earliest(r) };
}

/** Building, unit and room named in a message; numbers that are not places stay out. */
export function extractPlace(text: string): Place {
  return extractPlaceNormalized(normalizeText(text));
}
