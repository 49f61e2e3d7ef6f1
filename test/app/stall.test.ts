import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/clock.js';
import { loadConfig } from '../../src/config.js';
import { silentLogger } from '../../src/log.js';
import { openDatabase, type Db } from '../../src/store/db.js';
import { loadCounty } from '../../src/org/county.js';
import { importCounty } from '../../src/org/import.js';
import { selectDeployments } from '../../src/org/deployment.js';
import { createAccountBots } from '../../src/app/runtime.js';
import { tempDatabaseUrl } from '../support/db.js';
import { FakeChat, groupMessage } from '../support/fake-chat.js';
import { repoRoot } from '../support/sim.js';

const open: Db[] = [];
afterEach(async () => {
  for (const db of open.splice(0)) await db.$disconnect();
});

describe('a first account whose process stalled while the standby took over', () => {
  it('reads who speaks before answering a group, and stays silent', async () => {
    const url = tempDatabaseUrl();
    const clock = new ManualClock('2026-03-02T09:00:00+08:00');
    const base = loadCounty(path.join(repoRoot, 'examples/county.yaml'));
    const county = { ...base, accounts: [...base.accounts, { name: 'bot-spare', communities: ['金沙社区'] }] };
    const start = async (account: string) => {
      const db = openDatabase(url);
      open.push(db);
      await importCounty(db, county);
      const chat = new FakeChat();
      const [bot] = createAccountBots({ config: loadConfig({}), db, chat, clock, events: { emit: () => undefined }, log: silentLogger, deployments: selectDeployments(county, account) });
      return { chat, bot };
    };
    const first = await start('bot-jinsha');
    const spare = await start('bot-spare');
    await first.bot.runSweeps();
    await spare.bot.runSweeps();

    // The first account's process stalls: no minute passes for it, while the spare's minutes go on.
    for (let m = 0; m < 12; m++) {
      clock.advance(60_000);
      await spare.bot.runSweeps();
    }
    // It wakes with a group message in hand: the spare answers that group now, not it.
    const message = groupMessage('丽水鑫城业主群', 'zhangdaye', '张大爷', '1栋楼道灯坏了好几天了', clock.now());
    await first.chat.deliver(message);
    await first.bot.outbox.drainDue();
    expect(first.chat.sent.filter((s) => s.target.kind === 'room' && s.target.topic === '丽水鑫城业主群')).toEqual([]);
    // The spare, which received the same message, answers it.
    await spare.chat.deliver({ ...message });
    for (let i = 0; i < 10; i++) {
      await spare.bot.outbox.drainDue();
      clock.advance(10_000);
    }
    expect(spare.chat.sent.some((s) => s.target.kind === 'room' && s.target.topic === '丽水鑫城业主群' && s.text.includes('工单 #1'))).toBe(true);
  });
});
