import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCounty } from '../../src/org/county.js';
import { CountySimulation } from '../../src/simulate/county-run.js';
import { parseScript } from '../../src/simulate/script.js';
import { isoLocal } from '../../src/time.js';
import type { County } from '../../src/org/types.js';
import { loadConfig, type Config } from '../../src/config.js';
import { readFixture, repoRoot, withoutCheckInCodes, type RecordedEvent } from '../support/sim.js';

const script = readFixture('examples/county.txt');

async function runCounty(org: string | County, text = script, config?: Partial<Config>, databaseUrl?: string): Promise<RecordedEvent[]> {
  const events: RecordedEvent[] = [];
  const sim = new CountySimulation(typeof org === 'string' ? loadCounty(path.join(repoRoot, org)) : org, {
    config,
    databaseUrl,
    onEvent: (e, at) => events.push({ at: isoLocal(at), ...e } as RecordedEvent),
  });
  try {
    await sim.run(parseScript(text, 'Asia/Shanghai'));
  } finally {
    await sim.stop();
  }
  return events;
}

describe('the example county in the simulator', () => {
  it('runs on one PostgreSQL schema shared by both accounts with the same events as on one SQLite file', async () => {
    const postgres = process.env.GRIDBOT_TEST_POSTGRES ?? 'postgresql://postgres@127.0.0.1:5432/test';
    const onSqlite = await runCounty('examples/county');
    const onPostgres = await runCounty('examples/county.yaml', script, undefined, postgres);
    expect(onSqlite.some((e) => e.kind === 'ticket')).toBe(true);
    expect(withoutCheckInCodes(onPostgres)).toEqual(withoutCheckInCodes(onSqlite));
  }, 120_000);

  it('gives the same events from the folder and from the single file, each community numbering its own tickets', async () => {
    const fromFolder = await runCounty('examples/county');
    const fromFile = await runCounty('examples/county.yaml');
    expect(fromFile).toEqual(fromFolder);

    const tickets = fromFolder.filter((e) => e.kind === 'ticket');
    expect(tickets.map((t) => [t.community, t.id, t.status, (t as { assignees: string[] }).assignees])).toEqual([
      ['金沙社区', 1, 'assigned', ['jiangtianrong']],
      ['王家畈社区', 1, 'assigned', ['chenli']],
      ['金沙社区', 1, 'accepted', ['jiangtianrong']],
      ['王家畈社区', 1, 'accepted', ['chenli']],
    ]);
    // Each room is served by its community's account, and every say names it.
    const says = fromFolder.filter((e) => e.kind === 'say') as Extract<RecordedEvent, { kind: 'say' }>[];
    expect(says.every((s) => s.account)).toBe(true);
    const accountOf = (room: string) => new Set(says.filter((s) => s.room === room).map((s) => s.account));
    expect(accountOf('丽水鑫城业主群')).toEqual(new Set(['bot-jinsha']));
    expect(accountOf('王家畈新村居民群')).toEqual(new Set(['bot-wangjiafan']));
    // 查询 #1 in 王家畈 answers with 王家畈's #1.
    expect(says.find((s) => s.room === '王家畈新村居民群' && s.text.startsWith('#1'))?.text).toContain('陈立');
    // 全社区 and 桂花苑 resolve inside the sender's community.
    const notices = fromFolder.filter((e) => e.kind === 'notice') as Extract<RecordedEvent, { kind: 'notice' }>[];
    const byNotice = (text: string) =>
      says.filter((x) => x.text.includes(text) && x.room).map((x) => x.room).sort();
    expect(byNotice('停水')).toEqual(['王家畈新村居民群', '王家畈桂花苑业主群']);
    expect(byNotice('大扫除')).toEqual(['金沙桂花苑业主群']);
    // County staff reach every community's residents' groups, each through its own account; community staff may not.
    expect(byNotice('消防演练')).toEqual(['丽水鑫城业主群', '王家畈新村居民群', '王家畈桂花苑业主群', '金沙桂花苑业主群']);
    expect(notices).toHaveLength(7);
    expect(fromFolder.filter((e) => e.kind === 'refused')).toMatchObject([{ who: 'zhouxiaohong', reason: expect.stringContaining('只有县里的工作人员可以用「全县」') }]);
    expect(byNotice('试试全县通知')).toEqual([]);
    expect(accountOf('金沙桂花苑业主群')).toEqual(new Set(['bot-jinsha']));
    // Time only moves forward across the county.
    const times = fromFolder.map((e) => Date.parse(e.at));
    expect(times).toEqual([...times].sort((a, b) => a - b));
  }, 120_000);

  it('lets a person with posts in two communities answer the account that wrote to them', async () => {
    const county = loadCounty(path.join(repoRoot, 'examples/county.yaml'));
    const deng = { name: '邓卫国', wechat: 'dengweiguo' };
    const guihua = county.communities[1].grids[1];
    guihua.buildings[0] = { ...guihua.buildings[0], group_leader: deng, building_leader: deng };
    const events = await runCounty(
      county,
      ['at 2026-03-02 09:00', '[王家畈桂花苑业主群] 孙阿姨(sunayi): @网格助手 2栋楼道灯坏了 晚上看不见', '[dm] 邓卫国(dengweiguo): 接单 #1'].join('\n'),
    );
    const tickets = events.filter((e) => e.kind === 'ticket');
    expect(tickets.map((t) => [t.community, t.id, t.status])).toEqual([
      ['王家畈社区', 1, 'assigned'],
      ['王家畈社区', 1, 'accepted'],
    ]);
    expect(events.filter((e) => e.kind === 'refused')).toEqual([]);
  }, 120_000);

  it('keeps send limits per account: at four a minute (broadcasts three), each account posts its own two groups in the same minute', async () => {
    const defaults = loadConfig({});
    const events = await runCounty(
      'examples/county.yaml',
      ['at 2026-03-02 09:00', '[dm] 闵主任(minzhuren): 通知 全县 今天 10:00 县里今天上午进行消防演练', 'wait 2h'].join('\n'),
      // Broadcasts use 3/4 of the rate: shared by both accounts, four posts would spill into a second minute.
      { send: { ...defaults.send, perMinute: 4 } },
    );
    const posted = (events.filter((e) => e.kind === 'say' && e.room && e.text.includes('消防演练')) as Extract<RecordedEvent, { kind: 'say' }>[]).map((e) => ({
      account: e.account,
      minute: e.at.slice(0, 16),
    }));
    expect(posted).toHaveLength(4);
    expect(new Set(posted.map((p) => p.minute))).toEqual(new Set(['2026-03-02T10:00']));
    expect(posted.filter((p) => p.account === 'bot-jinsha')).toHaveLength(2);
    expect(posted.filter((p) => p.account === 'bot-wangjiafan')).toHaveLength(2);
  }, 120_000);

  it('runs one account serving both communities (as the county file may list it) on SQLite and PostgreSQL alike', async () => {
    const postgres = process.env.GRIDBOT_TEST_POSTGRES ?? 'postgresql://postgres@127.0.0.1:5432/test';
    const county = loadCounty(path.join(repoRoot, 'examples/county.yaml'));
    const oneAccount: County = { ...county, accounts: [{ name: 'bot-east', communities: ['金沙社区', '王家畈社区'] }] };
    const onSqlite = await runCounty(oneAccount);
    const onPostgres = await runCounty(oneAccount, script, undefined, postgres);
    expect(withoutCheckInCodes(onPostgres)).toEqual(withoutCheckInCodes(onSqlite));
    // The same tickets as with an account per community, every message said by the one account.
    const tickets = onSqlite.filter((e) => e.kind === 'ticket');
    expect(tickets.map((t) => [t.community, t.id, t.status])).toEqual([
      ['金沙社区', 1, 'assigned'],
      ['王家畈社区', 1, 'assigned'],
      ['金沙社区', 1, 'accepted'],
      ['王家畈社区', 1, 'accepted'],
    ]);
    const says = onSqlite.filter((e) => e.kind === 'say') as Extract<RecordedEvent, { kind: 'say' }>[];
    expect(new Set(says.map((e) => e.account))).toEqual(new Set(['bot-east']));
    expect(says.some((e) => e.room === '王家畈新村居民群') && says.some((e) => e.room === '丽水鑫城业主群')).toBe(true);
  }, 120_000);

  it('keeps one send budget for an account serving two communities: four groups at four a minute take two minutes', async () => {
    const defaults = loadConfig({});
    const county = loadCounty(path.join(repoRoot, 'examples/county.yaml'));
    const events = await runCounty(
      { ...county, accounts: [{ name: 'bot-east', communities: ['金沙社区', '王家畈社区'] }] },
      ['at 2026-03-02 09:00', '[dm] 闵主任(minzhuren): 通知 全县 今天 10:00 县里今天上午进行消防演练', 'wait 2h'].join('\n'),
      { send: { ...defaults.send, perMinute: 4 } },
    );
    const posted = (events.filter((e) => e.kind === 'say' && e.room && e.text.includes('消防演练')) as Extract<RecordedEvent, { kind: 'say' }>[]).map((e) => e.at.slice(0, 16));
    expect(posted).toHaveLength(4);
    // Broadcasts use three of the four a minute: the fourth group waits for the next minute.
    expect(posted.filter((m) => m === '2026-03-02T10:00')).toHaveLength(3);
  }, 120_000);

  it('lets county staff look up any community\'s ticket as 王家畈#1, and nobody else', async () => {
    const events = await runCounty(
      'examples/county.yaml',
      [
        'at 2026-03-02 08:30',
        '[丽水鑫城业主群] 张大爷(zhangdaye): @网格助手 1栋楼道灯坏了好几天了 晚上上楼看不见',
        '[王家畈新村居民群] 刘奶奶(liunainai): @网格助手 1栋楼道灯坏了 晚上黑漆漆的',
        'wait 20m',
        '[dm] 陈立(chenli): 接单 #1',
        '[dm] 闵主任(minzhuren): 查询 王家畈#1',
        '[dm] 闵主任(minzhuren): 查询 金沙社区 #1',
        '[dm] 闵主任(minzhuren): 查询 东湖#1',
        '[dm] 周晓红(zhouxiaohong): 查询 金沙#1',
      ].join('\n'),
    );
    const toMin = (events.filter((e) => e.kind === 'say' && e.to === 'minzhuren') as Extract<RecordedEvent, { kind: 'say' }>[]).map((e) => e.text);
    // Both #1s, each its own community's: 王家畈's was accepted by 陈立, 金沙's waits for 江天荣.
    const wangjiafan = toMin.find((t) => t.startsWith('王家畈#1'));
    const jinsha = toMin.find((t) => t.startsWith('金沙#1'));
    expect(wangjiafan).toContain('办理中');
    expect(jinsha).toContain('江天荣');
    expect(jinsha).not.toContain('办理中');
    // A name that is no community of the county is said so; community staff see their own community's tickets only.
    expect(events.filter((e) => e.kind === 'refused')).toMatchObject([
      { who: 'minzhuren', reason: expect.stringContaining('没有「东湖」这个社区') },
      { who: 'zhouxiaohong', reason: expect.stringContaining('只有县里的工作人员可以查看其他社区的工单') },
    ]);
  }, 120_000);
});
