import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Speaker } from '../../src/kernel/context.js';
import { OrgDirectory } from '../../src/org/directory.js';
import { loadOrgFile } from '../../src/org/load.js';
import { parseScope, scopeRefusal } from '../../src/notices/scope.js';
import { demoOrg, repoRoot } from '../support/sim.js';

const demo = new OrgDirectory(demoOrg());
const second = new OrgDirectory(loadOrgFile(path.join(repoRoot, 'test/notices/fixtures/second-org.yaml')));

function speaker(org: OrgDirectory, alias: string): Speaker {
  const posts = org.postsOf(alias);
  return { personId: 1, alias, name: alias, posts, isStaff: posts.some((p) => p.role === 'staff'), isHolder: posts.length > 0, verified: true };
}

describe('parseScope', () => {
  it.each<[string, OrgDirectory, string, string, string[], string]>([
    ['demo', demo, '全社区 明天 9:00 x', '全社区', ['丽水鑫城业主群', '丽水鑫城3栋邻里群', '铜锣湾小区居民群', '明山岗小区群'], '明天 9:00 x'],
    ['demo', demo, '丽水鑫城 每天 8:00 x', '丽水鑫城', ['丽水鑫城业主群', '丽水鑫城3栋邻里群'], '每天 8:00 x'],
    ['demo', demo, '丽水鑫城 3栋 每天 8:00 x', '丽水鑫城3栋', ['丽水鑫城3栋邻里群'], '每天 8:00 x'],
    ['demo', demo, '丽水鑫城3栋每天8:00 x', '丽水鑫城3栋', ['丽水鑫城3栋邻里群'], '每天8:00 x'],
    ['demo: a building without a group → the grid-wide group', demo, '丽水鑫城 1栋 每天 8:00 x', '丽水鑫城1栋', ['丽水鑫城业主群'], '每天 8:00 x'],
    ['demo: a topic that starts with a grid name', demo, '丽水鑫城业主群 每天 8:00 x', '丽水鑫城业主群', ['丽水鑫城业主群'], '每天 8:00 x'],
    ['demo: the staff group by topic', demo, '金沙社区工作群 明天 9:00 x', '金沙社区工作群', ['金沙社区工作群'], '明天 9:00 x'],
    ['second', second, '全社区 x', '全社区', ['东苑居民群', '东苑5栋群', '东苑6栋群', '西苑业主交流群'], 'x'],
    ['second', second, '东苑 6号楼 x', '东苑6栋', ['东苑6栋群'], 'x'],
    ['second', second, '东苑 7栋 x', '东苑7栋', ['东苑居民群'], 'x'],
  ])('%s: %s', (_org, org, text, label, rooms, rest) => {
    const r = parseScope(text, org)!;
    expect({ label: r.scope.label, rooms: r.scope.rooms.map((x) => x.topic), rest: r.rest }).toEqual({ label, rooms, rest });
  });

  it('never includes the staff group in 全社区', () => {
    for (const org of [demo, second]) {
      const rooms = parseScope('全社区 x', org)!.scope.rooms;
      expect(rooms.every((r) => r.kind === 'residents')).toBe(true);
      expect(rooms).toHaveLength(org.residentRooms().length);
    }
  });

  it('does not know what is not in the org file', () => {
    expect(parseScope('南苑 明天 9:00 x', second)).toBeUndefined();
  });
});

describe('scopeRefusal', () => {
  it.each<[string, OrgDirectory, string, string, boolean]>([
    ['staff: whole community', demo, 'liujiawei', '全社区 x', true],
    ['branch secretary: own grid', demo, 'xuchengpeng', '丽水鑫城 x', true],
    ['branch secretary: own building group', demo, 'xuchengpeng', '丽水鑫城3栋邻里群 x', true],
    ['branch secretary: whole community', demo, 'xuchengpeng', '全社区 x', false],
    ['branch secretary: another grid', demo, 'xuchengpeng', '铜锣湾 x', false],
    ['publicity officer: own grid', second, 'lixuanchuan', '东苑 5栋 x', true],
    ['publicity officer: another grid', second, 'lixuanchuan', '西苑 x', false],
    ['publicity officer: the staff group', second, 'lixuanchuan', '桂花社区两委工作群 x', false],
  ])('%s', (_n, org, alias, text, allowed) => {
    const scope = parseScope(text, org)!.scope;
    expect(scopeRefusal(speaker(org, alias), org, scope) === undefined).toBe(allowed);
  });
});
