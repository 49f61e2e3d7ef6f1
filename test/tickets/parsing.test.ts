import { describe, expect, it } from 'vitest';
import { normalizeText } from '../../src/commands/normalize.js';
import { DomainError } from '../../src/errors.js';
import { parseRating, parseTicketArgs } from '../../src/tickets/ticket-args.js';
import { resolveTransferTarget } from '../../src/tickets/transfer-target.js';
import { nextRung } from '../../src/tickets/lifecycle.js';
import { demo, other } from './support.js';

describe('ticket arguments, after normalisation (＃, full-width digits)', () => {
  it.each<[string, number, string]>([
    ['#3 灯已换好', 3, '灯已换好'],
    ['＃3 灯已换好', 3, '灯已换好'],
    ['#３灯已换好', 3, '灯已换好'],
    ['3 灯已换好', 3, '灯已换好'],
    ['# 12', 12, ''],
    ['#7 yeheping', 7, 'yeheping'],
  ])('%s', (args, id, rest) => expect(parseTicketArgs(normalizeText(args).text, '接单 #3')).toEqual({ id, rest }));

  it.each(['', '一号', '#', 'abc', '#12345678901'])('refuses %j', (args) => {
    expect(() => parseTicketArgs(args, '接单 #3')).toThrow(DomainError);
  });
});

describe('ratings', () => {
  it.each<[string, number, string]>([
    ['5', 5, ''],
    ['5分', 5, ''],
    ['1 根本没修', 1, '根本没修'],
    ['4星 挺好', 4, '挺好'],
    // As older residents say it: Chinese numerals, stars, or just words.
    ['五星 谢谢', 5, '谢谢'],
    ['三分', 3, ''],
    ['两颗星 还是不亮', 2, '还是不亮'],
    ['很满意', 5, '很满意'],
    ['满意 谢谢师傅', 4, '满意 谢谢师傅'],
    ['不满意 灯还是不亮', 2, '不满意 灯还是不亮'],
    ['非常不满意', 1, '非常不满意'],
  ])('%s', (rest, score, comment) => expect(parseRating(rest, 1)).toEqual({ score, comment }));

  it.each(['0', '6', '9 很好', '谢谢', '10', '六星'])('refuses %j', (rest) => expect(() => parseRating(rest, 1)).toThrow(DomainError));
});

describe('转派 targets, for a ticket in 丽水鑫城 1栋2单元', () => {
  const place = { gridName: '丽水鑫城', building: '1', unit: '2' };
  it.each<[string, string | undefined]>([
    ['调解员', 'yeheping'],
    ['卫生员', 'chengweidong'],
    ['楼栋长', 'jiangtianrong'],
    ['党小组长', 'qiweihua'],
    ['中心户', 'pengyansong'],
    ['支部书记', 'xuchengpeng'],
    ['物业', 'zhoujingli'],
    ['业委会', 'qinzhuren'],
    ['大党委书记', 'hugeng'],
    ['派出所', 'wangjingguan'],
    ['yeheping', 'yeheping'],
    ['@liuhanhui', 'liuhanhui'],
    ['叶和平', 'yeheping'],
    ['火星人', undefined],
  ])('%s → %s', (word, alias) => expect(resolveTransferTarget(demo(), word, place)?.alias).toBe(alias));

  it('a post the grid lacks is nobody', () => {
    expect(resolveTransferTarget(other(), '卫生员', { gridName: '桂花苑', building: '5', unit: '1' })).toBeUndefined();
    expect(resolveTransferTarget(demo(), '楼栋长', { gridName: '丽水鑫城', building: null, unit: null })).toBeUndefined();
  });
});

describe('nextRung', () => {
  const rung = (...holders: string[]) => ({ tier: 'branch' as const, holders, told: [], role: 'branch_secretary' as const });
  it.each<[string, number, string[], number | undefined]>([
    ['the rung above', 0, ['a'], 1],
    ['past a rung of the same people', 0, ['a', 'b'], 2],
    ['none above the top', 2, ['c'], undefined],
  ])('%s', (_n, step, current, expected) => {
    expect(nextRung([rung('a'), rung('b'), rung('c')], step, current)).toBe(expected);
  });
});
