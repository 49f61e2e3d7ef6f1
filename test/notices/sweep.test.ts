import { afterEach, describe, expect, it } from 'vitest';
import { BufferedSink } from '../../src/events.js';
import type { AppContext } from '../../src/kernel/context.js';
import { NOTICE_ROOMS_PER_BATCH, postDueNotices } from '../../src/notices/post-due-notices.js';
import { lastRunProgress } from '../../src/store/notices.js';
import type { Org } from '../../src/org/types.js';
import { zonedTime } from '../../src/time.js';
import { demoOrg } from '../support/sim.js';
import { tempDatabaseUrl } from '../support/db.js';
import { noticeHarness, noticesOf } from './support/harness.js';

const SH = 'Asia/Shanghai';
const harnesses: { close(): Promise<void> }[] = [];
async function setup(opts: { org?: Org; start?: string; timeZone?: string } = {}) {
  const h = await noticeHarness({
    org: opts.org ?? demoOrg(),
    url: tempDatabaseUrl(),
    start: opts.start ?? '2026-03-02T08:59:00+08:00',
    config: opts.timeZone ? { timeZone: opts.timeZone } : undefined,
  });
  harnesses.push(h);
  return h;
}
afterEach(async () => {
  for (const h of harnesses.splice(0)) await h.close();
});

const daily = (hour: number, minute = 0) => ({ repeat: 'daily' as const, time: { hour, minute } });

describe('the notice sweep', () => {
  it('posts a due run once per room, however often it runs', async () => {
    const h = await setup();
    const rooms = h.org.residentRooms().map((r) => r.topic);
    await h.addNotice({ rooms, schedule: daily(9), content: '垃圾分类' });
    await h.bot.runSweeps(); // 08:59: not due
    expect(noticesOf(h.events)).toEqual([]);
    h.clock.set(new Date('2026-03-02T09:00:00+08:00'));
    await h.bot.runSweeps();
    await h.bot.runSweeps();
    h.clock.set(new Date('2026-03-02T09:01:00+08:00'));
    await h.bot.runSweeps();
    expect(noticesOf(h.events).map((e) => e.room).sort()).toEqual([...rooms].sort());
    expect(noticesOf(h.events).every((e) => e.due === '2026-03-02T09:00:00+08:00')).toBe(true);
    expect(await h.db.outboundMessage.count({ where: { origin: 'notice:1' } })).toBe(rooms.length);
    expect((await h.db.notice.findUniqueOrThrow({ where: { id: 1 } })).nextRunAt).toEqual(zonedTime(SH, 2026, 3, 3, 9));
  });

  it('after a crash in the middle of posting, the rerun posts every room exactly once', async () => {
    const h = await setup({ start: '2026-03-02T09:00:00+08:00' });
    const rooms = h.org.residentRooms().map((r) => r.topic);
    await h.addNotice({ rooms, schedule: { repeat: 'once', at: h.clock.now() }, content: '停水' });
    let sends = 0;
    const crashing = h.db.$transaction(async (tx) => {
      const base = h.bot.appContext(tx, new BufferedSink({ emit: () => undefined }));
      const ctx: AppContext = {
        ...base,
        send: async (req) => {
          if (++sends === 3) throw new Error('process killed');
          await base.send(req);
        },
      };
      await postDueNotices(ctx);
    });
    await expect(crashing).rejects.toThrow('process killed');
    expect(await h.db.noticePost.count()).toBe(0);
    expect(await h.db.outboundMessage.count()).toBe(0);

    await h.bot.runSweeps();
    const outbound = await h.db.outboundMessage.findMany({ where: { origin: 'notice:1' } });
    expect(outbound.map((m) => m.target).sort()).toEqual([...rooms].sort());
    expect(noticesOf(h.events)).toHaveLength(rooms.length);
  });

  it('a run already taken (unique key) is passed over without failing the rest of the sweep', async () => {
    const h = await setup({ start: '2026-03-02T09:00:00+08:00' });
    const rooms = h.org.residentRooms().map((r) => r.topic);
    const first = await h.addNotice({ rooms, schedule: daily(9), content: '一', nextRunAt: h.clock.now() });
    await h.bot.runSweeps();
    // As if a process with a stale view put the run back: it must not go out again.
    await h.db.notice.update({ where: { id: first.id }, data: { nextRunAt: h.clock.now() } });
    const second = await h.addNotice({ rooms, schedule: daily(9), content: '二', nextRunAt: h.clock.now() });
    // Hide the look-up so the insert itself meets the unique constraint, as in a race.
    await h.db.$transaction(async (tx) => {
      const blind = new Proxy(tx, {
        get: (t, p) => (p === 'noticePost' ? new Proxy(t.noticePost, { get: (d, q) => (q === 'findUnique' ? async () => null : Reflect.get(d, q)) }) : Reflect.get(t, p)),
      });
      // A batch at a time, as the sweep runs it: true while there may be more.
      while (await postDueNotices({ ...h.bot.appContext(tx, new BufferedSink({ emit: () => undefined })), db: blind }));
    });
    expect(await h.db.outboundMessage.count({ where: { origin: `notice:${first.id}` } })).toBe(rooms.length);
    expect(await h.db.outboundMessage.count({ where: { origin: `notice:${second.id}` } })).toBe(rooms.length);
    expect(h.logLines.filter((l) => l.includes('already taken'))).toHaveLength(rooms.length);
  });

  it('posts a run missed by less than the grace window late, and skips and reports an older one', async () => {
    const h = await setup({ start: '2026-03-02T09:20:00+08:00' });
    const rooms = ['铜锣湾小区居民群'];
    const late = await h.addNotice({ rooms, schedule: daily(9), content: '晚了一点', nextRunAt: zonedTime(SH, 2026, 3, 2, 9) });
    const old = await h.addNotice({ rooms, schedule: daily(8, 30), content: '太晚了', nextRunAt: zonedTime(SH, 2026, 3, 2, 8, 30), createdBy: 'liujiawei' });
    await h.bot.runSweeps();
    await h.drain();
    expect(noticesOf(h.events)).toEqual([{ kind: 'notice', id: `N${late.id}`, room: '铜锣湾小区居民群', due: '2026-03-02T09:00:00+08:00', at: '2026-03-02T09:20:00+08:00' }]);
    const posts = await h.db.noticePost.findMany({ where: { noticeId: old.id } });
    expect(posts.map((p) => [p.roomTopic, p.outcome])).toEqual([['铜锣湾小区居民群', 'skipped']]);
    const report = h.chat.sent.filter((s) => s.target === '金沙社区工作群' && s.text.includes('错过'));
    expect(report).toHaveLength(1);
    expect(report[0].text).toContain(`#N${old.id}`);
    expect(h.chat.sent.some((s) => s.text.includes('太晚了'))).toBe(false);
    expect((await h.db.notice.findUniqueOrThrow({ where: { id: old.id } })).nextRunAt).toEqual(zonedTime(SH, 2026, 3, 3, 8, 30));
  });

  it('runs on the community time zone from the config', async () => {
    const h = await setup({ start: '2026-03-07T08:59:00-05:00', timeZone: 'America/New_York' });
    await h.addNotice({ rooms: ['明山岗小区群'], schedule: daily(9), content: 'morning' });
    // Across the spring-forward night the notice stays at 09:00 local.
    for (const at of ['2026-03-07T09:00:00-05:00', '2026-03-08T09:00:00-04:00']) {
      h.clock.set(new Date(at));
      await h.bot.runSweeps();
    }
    expect(noticesOf(h.events).map((e) => e.due)).toEqual(['2026-03-07T09:00:00-05:00', '2026-03-08T09:00:00-04:00']);
  });

  it('spreads a broadcast to dozens of groups under the send limits, and counts its progress', async () => {
    const org = demoOrg();
    const many = Array.from({ length: 40 }, (_, i) => ({ topic: `测试楼${i + 1}群`, building: String(i + 1) }));
    org.grids[0] = { ...org.grids[0], rooms: [...org.grids[0].rooms, ...many] };
    const h = await setup({ org, start: '2026-03-02T09:00:00+08:00' });
    const rooms = h.org.residentRooms().map((r) => r.topic);
    const n = await h.addNotice({ rooms, schedule: { repeat: 'once', at: h.clock.now() }, content: '全社区大扫除' });
    await h.bot.runSweeps();
    expect(await lastRunProgress(h.db, n.id)).toMatchObject({ sent: 0, total: rooms.length });
    const start = h.clock.now().getTime();
    await h.drain(30_000);
    const partial = await lastRunProgress(h.db, n.id);
    expect(partial!.sent).toBeGreaterThan(0);
    expect(partial!.sent).toBeLessThan(rooms.length);
    await h.drain();
    expect(await lastRunProgress(h.db, n.id)).toMatchObject({ sent: rooms.length, total: rooms.length });
    const sentAt = h.chat.sent.filter((s) => s.text.includes('全社区大扫除')).map((s) => s.at);
    expect(sentAt).toHaveLength(rooms.length);
    // Never more than the per-minute limit in any minute, and at least a second between groups.
    for (const t of sentAt) expect(sentAt.filter((u) => u > t - 60_000 && u <= t).length).toBeLessThanOrEqual(h.config.send.perMinute);
    for (let i = 1; i < sentAt.length; i++) expect(sentAt[i] - sentAt[i - 1]).toBeGreaterThanOrEqual(h.config.send.pauseMinMs);
    expect(sentAt.at(-1)! - start).toBeGreaterThan(60_000);
  });

  it('posts a notice to many groups a batch per transaction, and a crash between batches loses and repeats nothing', async () => {
    const org = demoOrg();
    const many = Array.from({ length: 50 }, (_, i) => ({ topic: `批次楼${i + 1}群`, building: String(i + 1) }));
    org.grids[0] = { ...org.grids[0], rooms: [...org.grids[0].rooms, ...many] };
    const h = await setup({ org, start: '2026-03-02T09:00:00+08:00' });
    const rooms = h.org.residentRooms().map((r) => r.topic);
    const n = await h.addNotice({ rooms, schedule: daily(9), content: '分批发送', nextRunAt: h.clock.now() });
    const batch = () => h.db.$transaction(async (tx) => postDueNotices(h.bot.appContext(tx, new BufferedSink({ emit: () => undefined }))));
    // One transaction posts one batch and says there is more; the notice is still due.
    expect(await batch()).toBe(true);
    expect(await h.db.outboundMessage.count({ where: { origin: `notice:${n.id}` } })).toBe(NOTICE_ROOMS_PER_BATCH);
    expect((await h.db.notice.findUniqueOrThrow({ where: { id: n.id } })).nextRunAt).toEqual(zonedTime(SH, 2026, 3, 2, 9));
    // The process dies here. After the restart the sweep posts only the groups still missing, then moves on.
    await h.bot.runSweeps();
    const outbound = await h.db.outboundMessage.findMany({ where: { origin: `notice:${n.id}` } });
    expect(outbound.map((m) => m.target).sort()).toEqual([...rooms].sort());
    expect((await h.db.notice.findUniqueOrThrow({ where: { id: n.id } })).nextRunAt).toEqual(zonedTime(SH, 2026, 3, 3, 9));
    await h.bot.runSweeps();
    expect(await h.db.outboundMessage.count({ where: { origin: `notice:${n.id}` } })).toBe(rooms.length);
  });
});
