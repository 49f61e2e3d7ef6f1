import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadOrgFile } from '../../src/org/load.js';
import { ofKind, readFixture, repoRoot, runScript } from '../support/sim.js';

/** A scenario names its organisation in a `# org:` line; the demo community otherwise. */
function orgOf(script: string) {
  const file = /^#\s*org:\s*(\S+)/m.exec(script)?.[1];
  return file ? loadOrgFile(path.join(repoRoot, file)) : undefined;
}

async function play(name: string) {
  const script = readFixture(`test/volunteers/scenarios/${name}`);
  return runScript(script, { org: orgOf(script) });
}

describe('volunteer scenarios through the simulator', () => {
  it('every scenario file plays to its end', () => {
    expect(fs.readdirSync(path.join(repoRoot, 'test/volunteers/scenarios')).sort()).toEqual(['full-activity.txt', 'refusals.txt', 'second-org-officer.txt']);
  });

  it('full activity in the demo community: capacity, waiting list, promotion, reminder, check-in once, points answered', async () => {
    const { events } = await play('full-activity.txt');
    expect(ofKind(events, 'signup').map((e) => [e.activity, e.who, e.status])).toEqual([
      ['A1', 'zhangdaye', 'confirmed'],
      ['A1', 'liayi', 'confirmed'],
      ['A1', 'wangshu', 'waitlisted'],
      ['A1', 'zhangdaye', 'cancelled'],
      ['A1', 'wangshu', 'promoted'],
    ]);
    const says = ofKind(events, 'say');
    // The announcement reaches every residents' group (staff's reach), never the staff group.
    expect(says.filter((s) => s.text.includes('【志愿活动 #A1】')).map((s) => s.room).sort()).toEqual(['丽水鑫城3栋邻里群', '丽水鑫城业主群', '明山岗小区群', '铜锣湾小区居民群']);
    // The check-in code goes to the organiser alone.
    const code = /签到码：(\d+)/.exec(says.find((s) => s.to === 'liujiawei')!.text)![1];
    expect(says.filter((s) => s.room && s.text.includes(code))).toEqual([]);
    expect(says.find((s) => s.to === 'wangshu' && s.text.includes('候补转为正式'))).toBeTruthy();
    const reminders = says.filter((s) => s.text.startsWith('提醒'));
    expect(reminders.map((s) => [s.to, s.at])).toEqual([
      ['liayi', '2026-03-02T14:00:00+08:00'],
      ['wangshu', expect.stringMatching(/^2026-03-02T14:00/)],
    ]);
    expect(ofKind(events, 'points').map((e) => [e.who, e.delta, e.balance])).toEqual([
      ['liayi', 10, 10],
      ['wangshu', 10, 10],
    ]);
    const answer = says.at(-1)!;
    expect(answer.room).toBe('丽水鑫城业主群');
    expect(answer.text).toContain('现有 10 爱心积分');
    expect(ofKind(events, 'refused')).toEqual([]);
  });

  it('a second community: an officer publishes for her grid only, sign-ups in words, promotion, points once', async () => {
    const { events } = await play('second-org-officer.txt');
    const says = ofKind(events, 'say');
    expect(says.filter((s) => s.text.includes('【志愿活动 #A1】')).map((s) => s.room).sort()).toEqual(['渔港新村5栋群', '渔港新村居民群']);
    // 灯塔苑 is not her grid: refused, nothing published there.
    expect(ofKind(events, 'refused')).toContainEqual(expect.objectContaining({ who: 'xiaolin', command: '活动' }));
    expect(says.some((s) => s.room === '灯塔苑业主群' && s.text.includes('【志愿活动'))).toBe(false);
    expect(ofKind(events, 'signup').map((e) => [e.who, e.status])).toEqual([
      ['laochen', 'confirmed'],
      ['afang', 'confirmed'],
      ['xiaowu', 'waitlisted'],
      // A resident of another grid may still sign up by number.
      ['luren', 'waitlisted'],
      ['afang', 'cancelled'],
      ['xiaowu', 'promoted'],
    ]);
    expect(ofKind(events, 'points').map((e) => [e.who, e.delta, e.balance])).toEqual([
      ['laochen', 5, 5],
      ['xiaowu', 5, 5],
    ]);
    expect(says.at(-1)).toMatchObject({ room: '渔港新村居民群', text: expect.stringContaining('现有 5 爱心积分') });
  });

  it('refusals: a resident cannot publish, bad input is explained, nothing is created', async () => {
    const { events, sim } = await play('refusals.txt');
    const refused = ofKind(events, 'refused');
    expect(refused.map((r) => [r.who, r.command])).toEqual([
      ['zhangdaye', '活动'],
      ['liujiawei', '活动'],
      ['liujiawei', '活动'],
      ['zhangdaye', '积分调整'],
      ['liujiawei', '积分调整'],
      ['zhangdaye', '报名'],
      ['zhangdaye', '兑换'],
    ]);
    expect(refused[1].reason).toContain('例如「活动 环境大扫除 2026-04-04 09:00 小区广场 20 10」');
    expect(refused[4].reason).toContain('积分不足');
    expect(ofKind(events, 'signup')).toEqual([]);
    expect(ofKind(events, 'points')).toEqual([]);
    void sim;
  });
});
