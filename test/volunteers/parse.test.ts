import { describe, expect, it } from 'vitest';
import { OrgDirectory } from '../../src/org/directory.js';
import { isoLocal } from '../../src/time.js';
import { parseActivityArgs } from '../../src/volunteers/parse-activity.js';
import { findActivityRef, parseActivityRef, parseRedemptionRef } from '../../src/volunteers/refs.js';
import { matchScope } from '../../src/volunteers/scope.js';
import { parseOneOffTime } from '../../src/volunteers/when.js';
import { demoOrg } from '../support/sim.js';

const TZ = 'Asia/Shanghai';
const NOW = new Date('2026-03-02T09:00:00+08:00');
const org = new OrgDirectory(demoOrg());

describe('one-off activity times', () => {
  it.each([
    ['2026-04-04 09:00', '2026-04-04T09:00:00+08:00'],
    ['2026-4-4 9:00', '2026-04-04T09:00:00+08:00'],
    ['4月4日 09:00', '2026-04-04T09:00:00+08:00'],
    ['4月4号9:30', '2026-04-04T09:30:00+08:00'],
    ['1月5日 08:00', '2027-01-05T08:00:00+08:00'],
    ['今天 15:00', '2026-03-02T15:00:00+08:00'],
    ['明天 07:30', '2026-03-03T07:30:00+08:00'],
    ['后天 19:00', '2026-03-04T19:00:00+08:00'],
  ])('%s → %s', (text, iso) => {
    expect(isoLocal(parseOneOffTime(text, NOW, TZ)!, TZ)).toBe(iso);
  });

  it.each(['2026-02-30 09:00', '4月31日 09:00', '明天 25:00', '明天', '每周五 09:00', '2026-04-04 9点'])('%s is not a one-off time', (text) => {
    expect(parseOneOffTime(text, NOW, TZ)).toBeUndefined();
  });
});

describe('activity, group, redemption numbers', () => {
  it.each([
    ['#A1', 1],
    ['A12', 12],
    ['#a 3', 3],
    ['#7', 7],
    ['A', undefined],
    ['#R1', undefined],
  ])('activity %s → %s', (token, id) => expect(parseActivityRef(token)).toBe(id));

  it.each([
    ['#R4', 4],
    ['r4', 4],
    ['#A4', undefined],
  ])('redemption %s → %s', (token, id) => expect(parseRedemptionRef(token)).toBe(id));

  it.each([
    ['我也报名 #A2 谢谢', 2],
    ['算我一个A3', 3],
    ['报名A3', 3],
    ['3栋2单元', undefined],
    ['A3 我去', 3],
    ['+1', undefined],
  ])('a number inside %s → %s', (text, id) => expect(findActivityRef(text)).toBe(id));
});

describe('scopes', () => {
  it.each([
    [['全社区', 'x'], '全社区', ['丽水鑫城业主群', '丽水鑫城3栋邻里群', '铜锣湾小区居民群', '明山岗小区群'], 1],
    [['丽水鑫城', 'x'], '丽水鑫城', ['丽水鑫城业主群', '丽水鑫城3栋邻里群'], 1],
    [['丽水鑫城', '3栋', 'x'], '丽水鑫城3栋', ['丽水鑫城3栋邻里群'], 2],
    [['丽水鑫城1栋', 'x'], '丽水鑫城1栋', ['丽水鑫城业主群'], 1],
    [['铜锣湾小区居民群', 'x'], '铜锣湾小区居民群', ['铜锣湾小区居民群'], 1],
  ])('%j → %s', (words, label, rooms, used) => {
    const m = matchScope(org, words);
    expect(m?.scope.label).toBe(label);
    expect(m?.scope.rooms.sort()).toEqual([...rooms].sort());
    expect(m?.used).toBe(used);
  });

  it.each([[['环境大扫除']], [['金沙社区工作群']], [[]]])('%j is not a scope', (words) => expect(matchScope(org, words)).toBeUndefined());
});

describe('the 活动 command line', () => {
  it.each([
    ['环境大扫除 2026-04-04 09:00 小区广场 20 10', undefined, '环境大扫除', '2026-04-04T09:00', '小区广场', 20, 10, 120],
    ['丽水鑫城 3栋 楼道清理 明天 08:00 3栋门口 5人 3分', '丽水鑫城3栋', '楼道清理', '2026-03-03T08:00', '3栋门口', 5, 3, 120],
    ['全社区 反诈 宣传 4月4日 14:30 社区广场 30 5积分 1.5小时', '全社区', '反诈 宣传', '2026-04-04T14:30', '社区广场', 30, 5, 90],
    ['铜锣湾 敬老 义剪 明天 09:00 活动室 8 0 时长90分钟', '铜锣湾', '敬老 义剪', '2026-03-03T09:00', '活动室', 8, 0, 90],
  ])('%s', (args, scope, title, at, place, capacity, points, minutes) => {
    const r = parseActivityArgs(args, org, NOW, TZ);
    if (!r.ok) throw new Error(r.reason);
    expect(r.draft.scope?.label).toBe(scope);
    expect([r.draft.title, isoLocal(r.draft.startsAt, TZ).slice(0, 16), r.draft.place, r.draft.capacity, r.draft.points, r.draft.durationMinutes]).toEqual([
      title,
      at,
      place,
      capacity,
      points,
      minutes,
    ]);
  });

  it.each([
    ['环境大扫除 明天 小区广场 20 10', '没有看懂活动时间'],
    ['环境大扫除 2026-03-01 09:00 小区广场 20 10', '已经过去'],
    ['2026-04-04 09:00 小区广场 20 10', '请写活动标题'],
    ['丽水鑫城 2026-04-04 09:00 小区广场 20 10', '请写活动标题'],
    ['环境大扫除 2026-04-04 09:00 小区广场 20', '地点、名额、积分'],
    ['环境大扫除 2026-04-04 09:00 小区广场 0 10', '名额要在'],
    ['环境大扫除 2026-02-30 09:00 小区广场 20 10', '不是有效的时间'],
  ])('refuses %s', (args, why) => {
    const r = parseActivityArgs(args, org, NOW, TZ);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.reason).toContain(why);
    expect(!r.ok && r.reason).toContain('例如「活动 环境大扫除 2026-04-04 09:00 小区广场 20 10」');
  });
});
