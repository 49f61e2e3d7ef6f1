import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCounty } from '../../src/org/county.js';
import { DeploymentError, deploymentsOf, selectDeployments } from '../../src/org/deployment.js';
import { OrgDirectory } from '../../src/org/directory.js';
import type { County } from '../../src/org/types.js';
import { parseScope } from '../../src/org/scope.js';
import { demoOrg, repoRoot } from '../support/sim.js';

const county = () => loadCounty(path.join(repoRoot, 'examples/county.yaml'));
const message = (work: () => unknown) => {
  try {
    work();
  } catch (err) {
    expect(err).toBeInstanceOf(DeploymentError);
    return (err as Error).message;
  }
  throw new Error('expected a DeploymentError');
};

describe('which bot serves what', () => {
  it("runs today's one-community file as one bot, without county or account", () => {
    const one: County = { staff: [], accounts: [], communities: [demoOrg()] };
    expect(selectDeployments(one, undefined)).toEqual([{ org: demoOrg() }]);
  });

  it('gives each account its community, county staff among its staff', () => {
    const all = deploymentsOf(county());
    expect(all.map((d) => [d.account, d.org.community.name, d.county?.name])).toEqual([
      ['bot-jinsha', '金沙社区', '红安县'],
      ['bot-wangjiafan', '王家畈社区', '红安县'],
    ]);
    for (const d of all) expect(new OrgDirectory(d.org).isStaff('minzhuren')).toBe(true);
    expect(selectDeployments(county(), 'bot-wangjiafan').map((d) => d.org.community.name)).toEqual(['王家畈社区']);
  });

  it.each([
    ['no account chosen among two', undefined, '请用 --account 或 GRIDBOT_ACCOUNT 选一个'],
    ['an account the file lacks', 'bot-east', '组织文件里没有账号 bot-east；有：bot-jinsha、bot-wangjiafan'],
  ])('refuses %s', (_what, account, text) => {
    expect(message(() => selectDeployments(county(), account))).toContain(text);
  });

  it('runs a bot for each community of an account serving two, both in its one process', () => {
    const both = { ...county(), accounts: [{ name: 'bot-all', communities: ['王家畈社区', '金沙社区'] }] };
    // The communities in the file's order, whatever the order the account lists them in.
    expect(selectDeployments(both, 'bot-all').map((d) => [d.account, d.org.community.name, d.peers])).toEqual([
      ['bot-all', '金沙社区', undefined],
      ['bot-all', '王家畈社区', undefined],
    ]);
    // The only account listed needs no --account.
    expect(selectDeployments(both, undefined)).toHaveLength(2);
  });

  it('serves every community on one login where the file lists no accounts, and refuses --account there', () => {
    const noAccounts = { ...county(), accounts: [] };
    expect(message(() => selectDeployments(noAccounts, 'bot-jinsha'))).toContain('没有列出 accounts');
    expect(selectDeployments(noAccounts, undefined).map((d) => [d.account, d.org.community.name])).toEqual([
      [undefined, '金沙社区'],
      [undefined, '王家畈社区'],
    ]);
  });

  it('lets the first account listed speak for a community two accounts name, the later one standing by', () => {
    const twice = { ...county(), accounts: [...county().accounts, { name: 'bot-spare', communities: ['金沙社区'] }] };
    expect(deploymentsOf(twice).map((d) => [d.account, d.org.community.name, d.peers])).toEqual([
      ['bot-jinsha', '金沙社区', ['bot-jinsha', 'bot-spare']],
      ['bot-wangjiafan', '王家畈社区', undefined],
      ['bot-spare', '金沙社区', ['bot-jinsha', 'bot-spare']],
    ]);
    expect(selectDeployments(twice, 'bot-spare').map((d) => d.peers)).toEqual([['bot-jinsha', 'bot-spare']]);
    // One spare standing by for both communities runs a standby bot for each.
    const spareForBoth = { ...county(), accounts: [...county().accounts, { name: 'bot-spare', communities: ['金沙社区', '王家畈社区'] }] };
    expect(selectDeployments(spareForBoth, 'bot-spare').map((d) => [d.org.community.name, d.peers])).toEqual([
      ['金沙社区', ['bot-jinsha', 'bot-spare']],
      ['王家畈社区', ['bot-wangjiafan', 'bot-spare']],
    ]);
  });

  it('reads 全县 and the community name as scopes only in a county, for its own groups', () => {
    const [d] = selectDeployments(county(), 'bot-jinsha');
    const dir = new OrgDirectory(d.org, d.county);
    for (const word of ['全县', '金沙社区']) {
      const parsed = parseScope(`${word} 明天 8:00 演练`, dir)!;
      expect(parsed.scope).toMatchObject({ label: word, county: true, wholeCommunity: true });
      expect(parsed.scope.rooms.map((r) => r.topic).sort()).toEqual(['丽水鑫城业主群', '金沙桂花苑业主群']);
    }
    expect(parseScope('金沙社区工作群 明天', dir)?.scope.label).toBe('金沙社区工作群');
    expect(dir.isCountyStaff('minzhuren')).toBe(true);
    expect(dir.isCountyStaff('liujiawei')).toBe(false);
    // Today's one-community file knows no 全县.
    expect(parseScope('全县 明天 8:00 演练', new OrgDirectory(demoOrg()))).toBeUndefined();
  });
});
