import { describe, expect, it } from 'vitest';
import { parseDirectoryQuestion } from '../../src/directory/ask.js';

describe('which posts a question asks for', () => {
  it.each([
    ['楼栋长是谁', ['building_leader'], false],
    ['我们楼的楼栋长是谁', ['building_leader'], false],
    ['网格员', ['grid_team'], false],
    ['书记是谁', ['branch_secretary'], false],
    ['社区书记是哪位', ['committee_secretary'], false],
    ['物业电话', ['property'], true],
    ['物业的联系方式有吗', ['property'], true],
    ['请问3栋党小组长叫什么名字', ['group_leader'], false],
    ['调解员怎么找', ['mediator'], false],
    ['业委会主任是谁啊', ['owners_committee'], false],
  ])('%s → %j', (text, posts, phone) => {
    expect(parseDirectoryQuestion(text)).toEqual({ posts, wantsPhone: phone });
  });

  it.each([
    '物业什么时候来把路灯修一下',
    '楼栋长不管事，投诉一下',
    '今天天气不错',
    '物业费怎么这么贵啊大家觉得呢',
  ])('not a directory question: %s', (text) => {
    expect(parseDirectoryQuestion(text)).toBeUndefined();
  });
});
