import { describe, expect, it } from 'vitest';
import { parseScript } from '../../src/simulate/script.js';
import { Simulation } from '../../src/simulate/run.js';
import { isoLocal } from '../../src/time.js';
import { demoOrg, ofKind, type RecordedEvent } from '../support/sim.js';

const GROUP = '丽水鑫城业主群';
const PROBLEMS = ['楼道灯坏了', '电梯坏了', '门口垃圾好几天没人清', '下水道堵了', '路灯不亮了', '单元门锁坏了', '水管漏水了', '消防通道被车堵了'];

/** The whole bot on the simulator, driven message by message on its virtual clock. */
async function simulation() {
  const events: RecordedEvent[] = [];
  const sim = new Simulation({ org: demoOrg(), onEvent: (e, at) => events.push({ at: isoLocal(at), ...e } as RecordedEvent) });
  for (const step of parseScript('at 2026-03-02 09:00', 'Asia/Shanghai')) await sim.play(step);
  return { events, sim, start: sim.clock.now().getTime() };
}

/** Sends `count` messages from one sender, evenly over `spanMs`, each at its own virtual time. */
async function burst(sim: Simulation, start: number, spanMs: number, count: number, say: (i: number) => Promise<void>) {
  for (let i = 0; i < count; i++) {
    await sim.advanceTo(new Date(start + Math.floor((i * spanMs) / count)));
    await say(i);
  }
}

describe('one sender cannot flood a group', () => {
  it('200 reports in 60 s: a neighbour\'s real report is its own ticket, acknowledged within a minute; the day\'s cap is far from used', async () => {
    const { events, sim, start } = await simulation();
    let neighbourAt = 0;
    let neighbourTicket = 0;
    try {
      await burst(sim, start, 60_000, 200, async (i) => {
        const text = `${1 + (i % 3)}栋${1 + (Math.floor(i / 3) % 2)}单元${PROBLEMS[i % PROBLEMS.length]}，第${i}次`;
        await sim.deliver(GROUP, '刷屏的', 'spammer', text);
        if (i === 100) {
          // The neighbour reports what the spammer also "reported": the same lamp, the same place.
          neighbourAt = sim.clock.now().getTime();
          const before = events.length;
          await sim.deliver(GROUP, '邻居王姐', 'wangjie', '1栋1单元楼道灯坏了好几天了，晚上看不见');
          neighbourTicket = ofKind(events.slice(before), 'ticket').find((t) => t.status === 'assigned')?.id ?? 0;
        }
      });
      await sim.advanceTo(new Date(start + 10 * 60_000));
      await sim.finish();
      // Nothing accepted was lost: all 201 messages are stored.
      expect(await sim.db.inboundMessage.count()).toBe(201);
    } finally {
      await sim.stop();
    }
    const tickets = ofKind(events, 'ticket');
    const opened = tickets.filter((t) => t.status === 'assigned' && !t.escalated);
    const merged = tickets.filter((t) => t.status === 'merged');
    const says = ofKind(events, 'say');
    const inGroup = says.filter((s) => s.room === GROUP);
    const toSpammer = says.filter((s) => s.to === 'spammer');
    const ack = inGroup.find((s) => s.text.includes(`工单 #${neighbourTicket}`));
    const ackLatency = ack ? Date.parse(ack.at) - neighbourAt : Infinity;
    const capUsed = says.length;
    console.log(
      `flood: messages=200 ticketsOpened=${opened.length} (spammer ${opened.length - 1}) merged=${merged.length} postedToGroup=${inGroup.length} ` +
        `dmToSpammer=${toSpammer.length} sendsToday=${capUsed}/${sim.config.send.dailyCap} neighbourAckLatency=${ackLatency / 1000}s`,
    );

    // The neighbour's report opened its own ticket, never merged into the spammer's.
    expect(neighbourTicket).toBeGreaterThan(0);
    expect(merged.filter((t) => t.into === neighbourTicket)).toEqual([]);
    expect(ack).toBeDefined();
    expect(ackLatency).toBeLessThanOrEqual(60_000);
    // The spammer filed their share (5 in 10 minutes) and no more; the rest is stored, not posted.
    expect(opened.length + merged.length).toBeLessThanOrEqual(sim.config.abuse.reportsPerSender.max + 1);
    expect(inGroup.length).toBeLessThanOrEqual(sim.config.abuse.reportsPerSender.max + 1);
    expect(toSpammer.length).toBeLessThanOrEqual(2);
    expect(capUsed).toBeLessThan((sim.config.send.dailyCap - sim.config.send.dailyReserve) / 10);
  }, 300_000);

  it('200 refused commands: no refusal in the group, at most one direct message a minute', async () => {
    const { events, sim, start } = await simulation();
    try {
      await sim.deliver(GROUP, '张大爷', 'zhangdaye', '1栋2单元楼道灯坏了好几天了');
      await burst(sim, start + 10_000, 200_000, 200, (i) => sim.deliver(GROUP, '捣乱的', 'troll', i % 2 ? `接单 #${i}` : `评价 #1 ${i}`));
      await sim.finish();
    } finally {
      await sim.stop();
    }
    const refused = ofKind(events, 'refused').filter((r) => r.who === 'troll');
    expect(refused).toHaveLength(200);
    const says = ofKind(events, 'say');
    const reasons = new Set(refused.map((r) => r.reason));
    expect(says.filter((s) => s.room && reasons.has(s.text))).toEqual([]);
    const dms = says.filter((s) => s.to === 'troll').map((s) => Date.parse(s.at));
    console.log(`refusals: commands=200 groupRefusals=0 dmsToSender=${dms.length} over ${200}s`);
    expect(dms.length).toBeGreaterThanOrEqual(1);
    expect(dms.length).toBeLessThanOrEqual(4);
    // One a minute, give or take the few seconds the sender paces its sends by.
    for (let i = 1; i < dms.length; i++) expect(dms[i] - dms[i - 1]).toBeGreaterThanOrEqual(50_000);
    // The real report was untouched: still waiting for its holder.
    expect(ofKind(events, 'ticket').map((t) => t.status)).toEqual(['assigned']);
  }, 300_000);

  it('one sender asking over and over: 20 answers an hour, told once, then silence', async () => {
    const { events, sim, start } = await simulation();
    try {
      await burst(sim, start, 30 * 60_000, 30, (i) => sim.deliver(null, '老问', 'laowen', i % 2 ? '我的积分' : '我的工单'));
      await sim.finish();
    } finally {
      await sim.stop();
    }
    const toHim = ofKind(events, 'say').filter((s) => s.to === 'laowen').map((s) => s.text);
    expect(toHim.filter((t) => t.includes('太多了'))).toHaveLength(1);
    expect(toHim).toHaveLength(sim.config.abuse.repliesPerSender.max + 1);
  }, 300_000);

  it('a busy group: past 40 replies in an hour the rest go to each speaker by direct message, not to the group', async () => {
    const { events, sim, start } = await simulation();
    try {
      await burst(sim, start, 20 * 60_000, 45, (i) => sim.deliver(GROUP, `居民${i}`, `resident${i}`, '我的工单'));
      await sim.finish();
    } finally {
      await sim.stop();
    }
    const says = ofKind(events, 'say');
    expect(says.filter((s) => s.room === GROUP)).toHaveLength(sim.config.abuse.groupReplies.max);
    expect(says.filter((s) => s.to?.startsWith('resident')).map((s) => s.to)).toEqual(['resident40', 'resident41', 'resident42', 'resident43', 'resident44']);
  }, 300_000);
});
