import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCounty } from '../../src/org/county.js';
import { CountySimulation } from '../../src/simulate/county-run.js';
import { parseScript } from '../../src/simulate/script.js';
import { isoLocal } from '../../src/time.js';
import type { County } from '../../src/org/types.js';
import { ofKind, repoRoot, runScript, type RecordedEvent } from '../support/sim.js';

/** The example county with a second account in 金沙社区's groups, listed after the first. */
function countyWithStandby(): County {
  const county = loadCounty(path.join(repoRoot, 'examples/county.yaml'));
  return { ...county, accounts: [...county.accounts, { name: 'bot-spare', communities: ['金沙社区'] }] };
}

async function run(script: string, databaseUrl?: string, county = countyWithStandby()): Promise<RecordedEvent[]> {
  const events: RecordedEvent[] = [];
  const sim = new CountySimulation(county, { databaseUrl, onEvent: (e, at) => events.push({ at: isoLocal(at), ...e } as RecordedEvent) });
  try {
    await sim.run(parseScript(script, 'Asia/Shanghai'));
  } finally {
    await sim.stop();
  }
  return events;
}

const standbyScript = `
at 2026-03-02 09:00
[丽水鑫城业主群] 张大爷(zhangdaye): @网格助手 1栋楼道灯坏了好几天了
wait 5m
offline bot-jinsha
wait 4m
[丽水鑫城业主群] 李阿姨(liayi): @网格助手 1栋门口垃圾好几天没人清
wait 9m
[丽水鑫城业主群] 王大哥(wangdage): @网格助手 1栋楼上有人吵架打起来了
wait 5m
online bot-jinsha
wait 3m
[丽水鑫城业主群] 赵奶奶(zhaonainai): @网格助手 1栋楼道灯还是不亮
wait 10m
`;

const says = (events: RecordedEvent[]) => ofKind(events, 'say');
const before = (events: RecordedEvent[], time: string) => events.filter((e) => e.at < `2026-03-02T${time}:00+08:00`);
const from = (events: RecordedEvent[], time: string) => events.filter((e) => e.at >= `2026-03-02T${time}:00+08:00`);
const inRoom = (events: RecordedEvent[], room: string, account: string) => says(events).filter((s) => s.room === room && s.account === account);

function expectStandby(events: RecordedEvent[]): void {
  const room = '丽水鑫城业主群';
  // While the first account runs, it alone answers; the standby says nothing at all.
  expect(inRoom(before(events, '09:05'), room, 'bot-jinsha').map((s) => s.text)).toEqual([expect.stringContaining('工单 #1')]);
  expect(says(before(events, '09:16')).filter((s) => s.account === 'bot-spare')).toEqual([]);
  // Offline 4 minutes is not yet 10: nobody answers 李阿姨 yet.
  expect(says(events).filter((s) => s.at.startsWith('2026-03-02T09:09'))).toEqual([]);
  // Offline over 10 minutes: the standby tells staff once, handles what nobody handled meanwhile
  // (李阿姨's report, late but not lost; 张大爷's, handled before, not again), then answers the group.
  const notices = says(events).filter((s) => s.room === '金沙社区工作群');
  expect(notices.filter((s) => s.text.includes('接替'))).toEqual([expect.objectContaining({ account: 'bot-spare', at: '2026-03-02T09:16:00+08:00' })]);
  expect(inRoom(from(before(events, '09:18'), '09:16'), room, 'bot-spare').map((s) => s.text)).toEqual([expect.stringContaining('工单 #2')]);
  expect(ofKind(events, 'ticket').find((t) => t.id === 2)).toMatchObject({ status: 'assigned', category: 'sanitation' });
  expect(inRoom(from(before(events, '09:23'), '09:18'), room, 'bot-spare').map((s) => s.text)).toEqual([expect.stringContaining('工单 #3')]);
  expect(ofKind(events, 'ticket').filter((t) => t.status === 'assigned').map((t) => t.id)).toEqual([1, 2, 3]);
  // The first account is back: it says so once, and the standby is silent again.
  expect(notices.filter((s) => s.text.includes('恢复'))).toEqual([expect.objectContaining({ account: 'bot-jinsha' })]);
  expect(says(from(events, '09:23')).filter((s) => s.account === 'bot-spare')).toEqual([]);
  expect(inRoom(from(events, '09:26'), room, 'bot-jinsha').map((s) => s.text)).toEqual([expect.stringContaining('工单 #1')]);
  expect(notices).toHaveLength(2);
}

describe('two accounts in one group', () => {
  it('the first speaks, the second only while the first is offline over 10 minutes, on SQLite and on PostgreSQL alike', async () => {
    const onSqlite = await run(standbyScript);
    expectStandby(onSqlite);
    const postgres = process.env.GRIDBOT_TEST_POSTGRES ?? 'postgresql://postgres@127.0.0.1:5432/test';
    const onPostgres = await run(standbyScript, postgres);
    expect(onPostgres).toEqual(onSqlite);
  }, 120_000);

  it('writes to a person through an account that has them as a friend; where none has, staff hear it once', async () => {
    const script = `
at 2026-03-02 09:00
unfriend bot-jinsha 江天荣(jiangtianrong)
[丽水鑫城业主群] 张大爷(zhangdaye): @网格助手 1栋楼道灯坏了好几天了
wait 2m
unfriend bot-spare 江天荣(jiangtianrong)
[丽水鑫城业主群] 李阿姨(liayi): @网格助手 1栋楼道灯还是不亮
wait 2m
[丽水鑫城业主群] 王大哥(wangdage): @网格助手 1栋楼道灯一直坏着
wait 5m
friend bot-jinsha 江天荣(jiangtianrong)
wait 2m
`;
    const events = await run(script);
    const toHolder = says(events).filter((s) => s.to === 'jiangtianrong');
    // Only bot-spare has him as a friend: the new ticket goes to him through bot-spare.
    expect(toHolder[0]).toMatchObject({ account: 'bot-spare', text: expect.stringContaining('新工单 #1') });
    // The group still hears bot-jinsha, the account that speaks there.
    expect(new Set(says(events).filter((s) => s.room === '丽水鑫城业主群').map((s) => s.account))).toEqual(new Set(['bot-jinsha']));
    // Then no account has him as a friend: what is for him waits, and staff are told once, not at every message.
    const told = says(events).filter((s) => s.room === '金沙社区工作群' && s.text.includes('联系不上江天荣'));
    expect(told).toHaveLength(1);
    expect(ofKind(events, 'ticket').filter((t) => t.status === 'merged')).toHaveLength(2);
    // He is bot-jinsha's friend again: what waited for him (whichever account tried) goes out through it, nothing before.
    expect(toHolder.slice(1).map((s) => [s.account, s.at >= '2026-03-02T09:09:00+08:00', s.text.match(/共 \d 人/)?.[0]]).sort()).toEqual([
      ['bot-jinsha', true, '共 2 人'],
      ['bot-jinsha', true, '共 3 人'],
    ]);
  }, 120_000);

  it('reads the account lines of a script and names the line of a wrong one', async () => {
    expect(parseScript('offline bot-jinsha\nonline bot-jinsha\nunfriend bot-spare 江天荣(jiangtianrong)', 'Asia/Shanghai')).toEqual([
      { kind: 'presence', line: 1, account: 'bot-jinsha', online: false },
      { kind: 'presence', line: 2, account: 'bot-jinsha', online: true },
      { kind: 'friend', line: 3, account: 'bot-spare', name: '江天荣', alias: 'jiangtianrong', friend: false },
    ]);
    await expect(run('at 2026-03-02 09:00\noffline bot-nobody')).rejects.toThrow('script line 2: no account bot-nobody');
    await expect(runScript('at 2026-03-02 09:00\noffline bot-jinsha')).rejects.toThrow('script line 2: offline needs a county file');
  }, 60_000);

  it('lets one spare stand by for two communities, taking over only the one whose account is offline', async () => {
    const county = loadCounty(path.join(repoRoot, 'examples/county.yaml'));
    const spareForBoth: County = { ...county, accounts: [...county.accounts, { name: 'bot-spare', communities: ['金沙社区', '王家畈社区'] }] };
    const events = await run(
      `
at 2026-03-02 09:00
offline bot-wangjiafan
wait 12m
[王家畈新村居民群] 刘奶奶(liunainai): @网格助手 1栋楼道灯坏了 晚上黑漆漆的
[丽水鑫城业主群] 张大爷(zhangdaye): @网格助手 1栋楼道灯坏了好几天了
wait 5m
`,
      undefined,
      spareForBoth,
    );
    const takeOver = says(events).filter((s) => s.text.includes('接替'));
    expect(takeOver.map((s) => [s.room, s.account])).toEqual([['王家畈社区工作群', 'bot-spare']]);
    expect(says(events).filter((s) => s.room === '王家畈新村居民群').map((s) => s.account)).toEqual(['bot-spare']);
    expect(says(events).filter((s) => s.room === '丽水鑫城业主群').map((s) => s.account)).toEqual(['bot-jinsha']);
  }, 60_000);
});
