import { describe, expect, it } from 'vitest';
import { extractPlace } from '../../src/intake/index.js';
import { parseChineseNumber } from '../../src/intake/place.js';

type Row = [text: string, building: string | null, unit: string | null, room: string | null];

const cases: Row[] = [
  ['3号楼2单元楼道灯坏了', '3', '2', null],
  // r12: letters before or after digits in either case; road numbers and household counts are no rooms.
  ['F3栋楼顶漏雨了', 'F3', null, null],
  ['15b幢的监控坏了', '15B', null, null],
  ['e5栋2单元门口的路灯不亮', 'E5', '2', null],
  ['人民路120号门前井盖丢了', null, null, null],
  // r15: a lettered zone before a building number names one building; a parking-space code is no flat.
  ['我是B区3号楼的业主', 'B3', null, null],
  ['b区12栋2单元301', 'B12', '2', '301'],
  ['地下车库B区 3栋的车位', '3', null, null],
  ['车位编号是B-118 被人占了', null, null, null],
  ['停车位编号A-203被人占了', null, null, null],
  ['我们楼住了300户 只有一部电梯能用', null, null, null],
  ['三号楼二单元', '3', '2', null],
  ['3#楼电梯坏了', '3', null, null],
  ['5#电梯又停了', '5', null, null],
  ['3幢的住户', '3', null, null],
  ['三栋地下室', '3', null, null],
  ['十二栋', '12', null, null],
  ['二十一栋的楼道', '21', null, null],
  ['两号楼门口', '2', null, null],
  ['第三栋', '3', null, null],
  ['b座电梯', 'B', null, null],
  ['A栋502的王大爷', 'A', null, '502'],
  ['e栋都这样', 'E', null, null],
  ['3-2-401漏水', '3', '2', '401'],
  ['+1 3-2-502 王芳', '3', '2', '502'],
  ['我家是3—2—101', '3', '2', '101'],
  ['３栋１单元', '3', '1', null],
  ['１２－１－３０２', '12', '1', '302'],
  ['9栋2单元4楼01的', '9', '2', '401'],
  ['2号楼3单元1102室', '2', '3', '1102'],
  ['二单元301号那家', null, '2', '301'],
  ['十栋502的孩子', '10', null, '502'],
  ['11栋一单元402', '11', '1', '402'],
  ['水往101家里灌 8号楼一楼', '8', null, '101'],
  ['我住1202', null, null, '1202'],
  ['3号2单元', '3', '2', null],
  ['东区3号楼5楼', '3', null, null],
  // A floor alone is not a room, and "住5楼的" names no building.
  ['住5楼的那个小伙子', null, null, null],
  ['我家住18楼', null, null, null],
  ['我家住601 楼上那家的空调', null, null, '601'],
  ['住601楼下', null, null, null],
  ['电梯卡在8楼和9楼中间', null, null, null],
  ['五楼', null, null, null],
  // Numbers that are not places.
  ['电话13981234567', null, null, null],
  ['打了五次电话0838-6281147', null, null, null],
  ['车牌尾号368', null, null, null],
  ['单号20240315', null, null, null],
  ['我3月15号反映的', null, null, null],
  ['5路车站', null, null, null],
  ['八岁男孩', null, null, null],
  ['我今年72', null, null, null],
  ['满100送10个鸡蛋', null, null, null],
  ['停车费从每月80涨到150', null, null, null],
  ['2024-03-15那天', null, null, null],
  ['早上8-9点', null, null, null],
  ['120已经打了', null, null, null],
  ['下午3点到5点', null, null, null],
  ['一栋楼都停电了', null, null, null],
  ['两栋楼之间', null, null, null],
  ['地下车库B区', null, null, null],
  ['查询 #12', null, null, null],
  ['报名#A1', null, null, null],
  ['一斤十二块', null, null, null],
  ['一共2个人', null, null, null],
  // Letters before or after the digits, either case: compound building names.
  ['D7栋单元门关不上了', 'D7', null, null],
  ['12A栋的电梯', '12A', null, null],
  ['c2幢楼下一地狗屎', 'C2', null, null],
  ['b3栋2单元门禁', 'B3', '2', null],
  ['住在B12号楼', 'B12', null, null],
  ['a3-2-401漏水', 'A3', '2', '401'],
  // A road number or a count of households is no room.
  ['建设路88号院又停电了', null, null, null],
  ['新闻说中山路128号那边要拆迁', null, null, null],
  ['光明路1102号', null, null, null],
  ['我们小区共有120户', null, null, null],
  ['小区有1200户 车位才三百个', null, null, null],
  // r18: a vehicle's seats and a count of buildings are no building; a building before 楼下 is one.
  ['门口那辆七座车又停在路中间', null, null, null],
  ['楼下停了辆5座SUV 堵着出口', null, null, null],
  ['咱们小区一共有20栋楼 就两个保安', null, null, null],
  ['那2栋楼的路灯都不亮', null, null, null],
  ['对面盖了6座塔楼 挡光', null, null, null],
  ['9栋楼下的井盖响', '9', null, null],
  ['b座3单元门口', 'B', '3', null],
  // r21: a flat named after the neighbour it is; a road's section or a range of street numbers is no room.
  ['对门1102住着一位独居老人', null, null, '1102'],
  ['楼上602卫生间漏水', null, null, '602'],
  ['人民路东段166号的小区停水了', null, null, null],
  ['和平路120号至186号沿线停电', null, null, null],
  // r22: 廿 is twenty; a space after the room ends it, 楼 after the space is no suffix.
  ['廿一幢门口的路灯', '21', null, null],
  ['5栋2单元1101 楼上又在剁骨头', '5', '2', '1101'],
  ['3栋2单元 12 楼', '3', '2', null],
];

describe('extractPlace', () => {
  it.each(cases)('%s → %s/%s/%s', (text, building, unit, room) => {
    expect(extractPlace(text)).toEqual({ building, unit, room });
  });
});

describe('parseChineseNumber', () => {
  it.each([
    ['三', 3],
    ['十', 10],
    ['十二', 12],
    ['二十', 20],
    ['二十一', 21],
    ['两', 2],
    ['一百零一', 101],
    ['三零一', 301],
  ] as const)('%s → %d', (s, n) => {
    expect(parseChineseNumber(s)).toBe(n);
  });
});
