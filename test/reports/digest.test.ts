import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/clock.js';
import { loadConfig } from '../../src/config.js';
import { nullSink } from '../../src/events.js';
import { silentLogger } from '../../src/log.js';
import { enqueue } from '../../src/chat/outbox.js';
import { OrgDirectory } from '../../src/org/directory.js';
import { loadOrgFile } from '../../src/org/load.js';
import type { AppContext } from '../../src/kernel/context.js';
import { nextDigestDue, postDailyDigest } from '../../src/reports/post-digest.js';
import { gridSection, isQuiet } from '../../src/reports/digest.js';
import { tempDatabase } from '../support/db.js';
import { ofKind, readFixture, repoRoot, runScript } from '../support/sim.js';

const river = () => loadOrgFile(path.join(repoRoot, 'test/directory/fixtures/river-org.yaml'));

describe('the daily digest in the simulator', () => {
  it('posts at 18:00 each day, once, to the staff group, and to each branch secretary whose grid had work', async () => {
    const { events } = await runScript(readFixture('test/reports/scenarios/digest-three-days.txt'), { org: river() });
    const digests = ofKind(events, 'say').filter((s) => s.text.startsWith('【每日工单简报】'));
    const staff = digests.filter((s) => s.room === '滨江社区办公群');
    expect(staff.map((s) => s.at.slice(0, 16))).toEqual(['2026-03-02T18:00', '2026-03-03T18:00', '2026-03-04T18:00']);
    // 江畔花园 (hezhishu) has work only on day 1; 临江苑's #2 (fengzhishu) comes on day 2 and stays open.
    const he = digests.filter((s) => s.to === 'hezhishu');
    const feng = digests.filter((s) => s.to === 'fengzhishu');
    expect(he.map((s) => s.at.slice(0, 10))).toEqual(['2026-03-02']);
    expect(feng.map((s) => s.at.slice(0, 10))).toEqual(['2026-03-03', '2026-03-04']);
    expect(digests).toHaveLength(6);
    expect(digests.some((s) => s.room && s.room !== '滨江社区办公群')).toBe(false); // never in a residents' group

    expect(staff[0].text).toContain('今日新增 1 件：#1');
    expect(staff[0].text).toContain('今日办结 1 件：#1');
    expect(staff[0].text).toContain('满意率 100%（1/1）');
    // Day 2: #2 in 临江苑 was due at 12:00 and went up; it is the secretary's own grid.
    expect(staff[1].text).toContain('今日新增 1 件：#2');
    expect(staff[1].text).toMatch(/今日超时 1 件：#2/);
    expect(staff[0].text).toContain('· 其余：临江苑：今日无工单');
    expect(staff[1].text).toContain('· 其余：江畔花园：今日无工单');
    expect(feng[0].text).toContain('临江苑');
    expect(feng[0].text).not.toContain('江畔花园');
    expect(he[0].text).toContain('今日办结 1 件：#1');
  }, 120_000);
});

describe('the digest after a restart', () => {
  async function context(at: string) {
    const { db } = tempDatabase();
    const clock = new ManualClock(at);
    const config = loadConfig({});
    const ctx = (tx = db): AppContext => ({
      db: tx as never,
      clock,
      config,
      org: new OrgDirectory(river()),
      events: nullSink,
      log: silentLogger,
      classifier: undefined as never, // the digest reads no messages
      send: async (req) => {
        await enqueue(tx as never, clock, req);
      },
    });
    const run = () => db.$transaction((tx) => postDailyDigest(ctx(tx as never)));
    const count = () => db.outboundMessage.count({ where: { origin: { startsWith: 'digest:' } } });
    return { db, clock, ctx, run, count };
  }

  // An empty community: the staff group hears so; no secretary is messaged about nothing.
  it.each([
    ['at 18:00', '2026-03-02T18:00:00+08:00', 1],
    ['down at 18:00, back at 18:50', '2026-03-02T18:50:00+08:00', 1],
    ['back only at 21:00: too late to be news', '2026-03-02T21:00:00+08:00', 0],
    ['before 18:00', '2026-03-02T17:59:00+08:00', 0],
  ])('%s', async (_what, at, messages) => {
    const { db, run, count } = await context(at);
    try {
      await run();
      await run(); // a second sweep, or a second process, finds the day's key
      expect(await count()).toBe(messages);
      expect(await db.keyValue.count({ where: { key: 'digest:2026-03-02' } })).toBe(messages ? 1 : 0);
    } finally {
      await db.$disconnect();
    }
  });

  it('tells the simulator when it is next due', async () => {
    const { db, clock, ctx, run } = await context('2026-03-02T09:00:00+08:00');
    try {
      expect((await nextDigestDue(ctx()))?.toISOString()).toBe('2026-03-02T10:00:00.000Z');
      clock.set(new Date('2026-03-02T18:30:00+08:00'));
      expect((await nextDigestDue(ctx()))?.toISOString()).toBe('2026-03-02T10:30:00.000Z');
      await run();
      expect((await nextDigestDue(ctx()))?.toISOString()).toBe('2026-03-03T10:00:00.000Z');
    } finally {
      await db.$disconnect();
    }
  });
});

describe('the staff group digest at county scale', () => {
  const week = { total: 0 } as never;
  const quiet = { newIds: [], resolvedIds: [], overdueIds: [], waiting: 0, inHand: 0, week };
  it('lists grids with work one per line and folds the quiet ones into one', () => {
    const perGrid = [
      { grid: '一网格', f: { ...quiet, newIds: [4], waiting: 1 } },
      ...Array.from({ length: 30 }, (_, i) => ({ grid: `网格${i + 2}`, f: quiet })),
      { grid: '末网格', f: { ...quiet, inHand: 2 } },
    ];
    const lines = gridSection(perGrid);
    expect(lines).toEqual(['· 一网格：新增 1，办结 0，超时 0', '· 末网格：新增 0，办结 0，超时 0', '· 其余：网格2、网格3、网格4、网格5、网格6、网格7 等 30 个网格：今日无工单']);
  });

  it('counts a grid with a ticket still in hand as having work', () => {
    expect(isQuiet(quiet)).toBe(true);
    expect(isQuiet({ ...quiet, inHand: 1 })).toBe(false);
    expect(isQuiet({ ...quiet, overdueIds: [3] })).toBe(false);
  });
});
