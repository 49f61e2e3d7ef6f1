import { describe, expect, it } from 'vitest';
import type { BotEvent } from '../../src/events.js';
import { parseScript } from '../../src/simulate/script.js';
import { Simulation } from '../../src/simulate/run.js';
import { demoOrg } from '../support/sim.js';

describe('the minute sweeps are safe to run twice', () => {
  it('an overdue ticket climbs once, a resolved one closes once', async () => {
    const events: BotEvent[] = [];
    const sim = new Simulation({ org: demoOrg(), onEvent: (e) => events.push(e) });
    try {
      for (const step of parseScript(
        `at 2026-03-02 09:00
[丽水鑫城业主群] 张大爷(zhangdaye): 1栋2单元楼道灯坏了好几天了
[铜锣湾小区居民群] 小陈(xiaochen): 12栋门口的井盖坏了
[dm] 邓卫国(dengweiguo): 办结 #2 已盖好`,
        'Asia/Shanghai',
      )) {
        await sim.play(step);
      }
      const ticketEvents = () => events.filter((e) => e.kind === 'ticket');
      const before = ticketEvents().length;
      // Both deadlines long past: running the sweeps twice at the same minute does the work once.
      sim.clock.set(new Date('2026-03-05T10:00:00+08:00'));
      await sim.bot.runSweeps();
      await sim.bot.runSweeps();
      const after = ticketEvents().slice(before);
      expect(after.map((e) => e.kind === 'ticket' && [e.id, e.status, e.assignees])).toEqual([
        [1, 'assigned', ['xuchengpeng']],
        [2, 'closed', ['dengweiguo']],
      ]);
      // Ticket 2 was resolved at 09:00 on the 2nd: three days to rate, then closed unrated.
      expect((await sim.db.ticket.findFirst({ where: { id: 2 } }))?.rating).toBeNull();
      const rows = await sim.db.ticketEvent.findMany({ where: { ticketId: 1 }, orderBy: { id: 'asc' } });
      expect(rows.map((r) => r.kind)).toEqual(['created', 'escalated']);
    } finally {
      await sim.stop();
    }
  });

  it('a resolved ticket closes unrated three days on, not a minute before', async () => {
    const events: BotEvent[] = [];
    const sim = new Simulation({ org: demoOrg(), onEvent: (e) => events.push(e) });
    try {
      for (const step of parseScript(
        `at 2026-03-02 09:00
[铜锣湾小区居民群] 小陈(xiaochen): 12栋门口的井盖坏了
[dm] 邓卫国(dengweiguo): 办结 #1 已盖好`,
        'Asia/Shanghai',
      )) {
        await sim.play(step);
      }
      const resolvedAt = (await sim.db.ticket.findFirstOrThrow({ where: { id: 1 } })).resolvedAt!;
      sim.clock.set(new Date(resolvedAt.getTime() + 3 * 24 * 3600_000 - 60_000));
      await sim.bot.runSweeps();
      expect((await sim.db.ticket.findFirstOrThrow({ where: { id: 1 } })).status).toBe('resolved');
      sim.clock.set(new Date(resolvedAt.getTime() + 3 * 24 * 3600_000));
      await sim.bot.runSweeps();
      const t = await sim.db.ticket.findFirstOrThrow({ where: { id: 1 } });
      expect([t.status, t.rating]).toEqual(['closed', null]);
      expect(events.filter((e) => e.kind === 'ticket').map((e) => e.kind === 'ticket' && e.status)).toEqual(['assigned', 'resolved', 'closed']);
    } finally {
      await sim.stop();
    }
  });
});
