import { describe, expect, it } from 'vitest';
import { sameProblem, thingsNamed } from '../../src/tickets/same-problem.js';

describe('two reports at one place: the same problem or another one', () => {
  it.each([
    ['3栋楼道灯坏了', '3栋的灯晚上还是不亮'],
    ['5号楼电梯停了', '电梯卡在三楼不动了'],
    ['2单元门口水管爆了', '楼下一直在冒水'],
    ['小区又停水了', '家里水龙头一滴水都没有'],
    ['1栋门口垃圾堆成山', '垃圾桶满了没人清理，臭得很'],
  ])('「%s」 and 「%s」 are one problem', (a, b) => {
    expect(sameProblem(a, b)).toBe(true);
  });

  it.each([
    ['1栋楼道灯坏了好几天了', '1栋水管漏水了'],
    ['4栋电梯按钮掉了', '4栋单元门门禁刷不开'],
    ['路灯不亮', '路面有个大坑'],
    ['楼梯灯坏了', '电梯停了'],
    ['监控坏了好久了', '井盖没了很危险'],
  ])('「%s」 and 「%s」 are two problems', (a, b) => {
    expect(sameProblem(a, b)).toBe(false);
  });

  it('a report naming nothing points back at what is open there', () => {
    expect(thingsNamed('3栋那个事还没弄好')).toEqual(new Set());
    expect(sameProblem('3栋楼道灯坏了', '3栋那个事还没弄好')).toBe(true);
  });
});
