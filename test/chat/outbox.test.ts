import { afterEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/clock.js';
import { loadConfig } from '../../src/config.js';
import { Outbox, enqueue } from '../../src/chat/outbox.js';
import { SendError } from '../../src/chat/port.js';
import { broadcastDailyBudget } from '../../src/chat/send-limits.js';
import { RecordingChat } from '../support/fake-chat.js';
import { silentLogger } from '../../src/log.js';
import { openDatabase, type Db } from '../../src/store/db.js';
import { tempDatabaseUrl } from '../support/db.js';

const limits = loadConfig({}).send;
const dbs: Db[] = [];

function setup(url = tempDatabaseUrl(), clock = new ManualClock('2026-03-02T09:00:00+08:00')) {
  const db = openDatabase(url);
  dbs.push(db);
  const chat = new RecordingChat(clock);
  let seed = 1;
  const outbox = new Outbox({ db, clock, chat, limits, events: { emit: () => undefined }, log: silentLogger, timeZone: 'Asia/Shanghai', random: () => ((seed = (seed * 9301 + 49297) % 233280) / 233280) });
  return { db, chat, clock, outbox, url };
}

/** Runs the sender on the virtual clock until the queue is empty or `until` passes. */
async function drainUntil(outbox: Outbox, clock: ManualClock, until: number): Promise<void> {
  for (;;) {
    const next = await outbox.drainDue();
    if (!next || next.getTime() > until) return;
    clock.set(next);
  }
}

afterEach(async () => {
  for (const db of dbs.splice(0)) await db.$disconnect();
});

describe('the outbound queue', () => {
  it('sends 100 messages to 5 rooms within every limit', async () => {
    const { db, chat, clock, outbox } = setup();
    const rooms = ['一群', '二群', '三群', '四群', '五群'];
    for (let i = 0; i < 100; i++) await enqueue(db, clock, { target: { kind: 'room', topic: rooms[i % 5] }, text: `消息 ${i}` });
    const start = clock.now().getTime();
    await drainUntil(outbox, clock, start + 3600_000);

    expect(chat.sent).toHaveLength(100);
    // Each room gets its messages in the order they were queued.
    for (const room of rooms) {
      const texts = chat.sent.filter((s) => s.target === room).map((s) => Number(s.text.split(' ')[1]));
      expect(texts).toEqual([...texts].sort((a, b) => a - b));
    }
    for (let i = 0; i < chat.sent.length; i++) {
      const s = chat.sent[i];
      // At most 20 in any 60 seconds.
      const window = chat.sent.filter((o) => o.at > s.at - 60_000 && o.at <= s.at);
      expect(window.length).toBeLessThanOrEqual(20);
      if (i > 0) {
        const prev = chat.sent[i - 1];
        if (prev.target === s.target) expect(s.at - prev.at).toBeGreaterThanOrEqual(3000);
        else expect(s.at - prev.at).toBeGreaterThanOrEqual(1000);
      }
      const prevSame = chat.sent.slice(0, i).filter((o) => o.target === s.target).at(-1);
      if (prevSame) expect(s.at - prevSame.at).toBeGreaterThanOrEqual(3000);
    }
    // 100 messages at 20 a minute take at least four minutes.
    expect(chat.sent.at(-1)!.at - start).toBeGreaterThanOrEqual(4 * 60_000);
  });

  it('keeps queued messages across a restart and sends each once', async () => {
    const first = setup();
    for (let i = 0; i < 30; i++) await enqueue(first.db, first.clock, { target: { kind: 'room', topic: `群${i % 3}` }, text: `m${i}` });
    // The first process sends part of the queue, then stops.
    await drainUntil(first.outbox, first.clock, first.clock.now().getTime() + 30_000);
    const sentBefore = first.chat.sent.length;
    expect(sentBefore).toBeGreaterThan(0);
    expect(sentBefore).toBeLessThan(30);
    await first.db.$disconnect();

    const second = setup(first.url, first.clock);
    await drainUntil(second.outbox, second.clock, second.clock.now().getTime() + 3600_000);
    const all = [...first.chat.sent, ...second.chat.sent].map((s) => s.text).sort();
    expect(all).toEqual(Array.from({ length: 30 }, (_, i) => `m${i}`).sort());
    // The restarted sender still respects the limits right after the restart.
    const gap = second.chat.sent[0].at - first.chat.sent.at(-1)!.at;
    expect(gap).toBeGreaterThanOrEqual(1000);
  });

  it('ordinary messages stop short of the daily cap; the reserve is for holders and urgent acknowledgements; urgent passes the cap', async () => {
    const { db, chat, clock, outbox } = setup();
    const ordinary = limits.dailyCap - limits.dailyReserve;
    expect(limits.dailyReserve).toBe(Math.floor(limits.dailyCap * 0.2));
    for (let i = 0; i < limits.dailyCap + 5; i++) await enqueue(db, clock, { target: { kind: 'room', topic: `群${i % 10}` }, text: `n${i}` });
    // 09:00 + 14 h is 23:00, still the same day in Shanghai.
    const sameDay = clock.now().getTime() + 14 * 3600_000;
    await drainUntil(outbox, clock, sameDay);
    expect(chat.sent.length).toBe(ordinary);
    // A holder's new ticket still goes out: it may use the reserve, up to the cap.
    for (let i = 0; i < limits.dailyReserve + 2; i++) {
      await enqueue(db, clock, { target: { kind: 'contact', alias: `holder${i}` }, text: `新工单 #${i}`, reserved: true });
    }
    await drainUntil(outbox, clock, sameDay);
    expect(chat.sent.length).toBe(limits.dailyCap);
    expect(chat.sent.filter((m) => m.text.startsWith('新工单'))).toHaveLength(limits.dailyReserve);
    await enqueue(db, clock, { target: { kind: 'room', topic: '紧急群' }, text: '燃气泄漏', urgent: true });
    await drainUntil(outbox, clock, sameDay);
    expect(chat.sent.length).toBe(limits.dailyCap + 1);
    expect(chat.sent.at(-1)!.text).toBe('燃气泄漏');
    expect(await db.outboundMessage.count({ where: { status: 'queued' } })).toBe(limits.dailyCap + 5 - ordinary + 2);
    // The next day the rest goes out, after quiet hours (not at midnight).
    await drainUntil(outbox, clock, sameDay + 12 * 3600_000);
    expect(await db.outboundMessage.count({ where: { status: 'queued' } })).toBe(0);
    expect(chat.sent.at(-1)!.at).toBeGreaterThanOrEqual(new Date('2026-03-03T07:00:00+08:00').getTime());
  }, 120_000);

  it('keeps part of the daily cap from a large broadcast: replies go first and still go once the broadcast stops for the day', async () => {
    const { db, chat, clock, outbox } = setup();
    for (let i = 0; i < 300; i++) await enqueue(db, clock, { target: { kind: 'room', topic: `网格群${i}` }, text: `通知 ${i}`, origin: 'notice:1' });
    await enqueue(db, clock, { target: { kind: 'room', topic: '丽水鑫城业主群' }, text: '收到，已转楼栋长', origin: 'ticket:1' });
    await drainUntil(outbox, clock, clock.now().getTime() + 60_000);
    // The reply queued after 300 posts is among the first sent.
    expect(chat.sent.findIndex((m) => m.text === '收到，已转楼栋长')).toBeLessThan(2);
    const sameDay = new Date('2026-03-02T23:00:00+08:00').getTime();
    await drainUntil(outbox, clock, sameDay);
    const share = broadcastDailyBudget(limits);
    expect(share).toBeLessThan(limits.dailyCap);
    expect(chat.sent.filter((m) => m.text.startsWith('通知')).length).toBe(share - 1);
    // The broadcast stopped at its share; holders' messages and replies still go today.
    for (let i = 0; i < 20; i++) await enqueue(db, clock, { target: { kind: 'contact', alias: `holder${i}` }, text: `新工单 #${i}`, origin: `ticket:${i}` });
    await drainUntil(outbox, clock, sameDay);
    expect(chat.sent.filter((m) => m.text.startsWith('新工单')).length).toBe(20);
    // The rest of the broadcast goes the next day after 07:00.
    await drainUntil(outbox, clock, new Date('2026-03-03T12:00:00+08:00').getTime());
    const nextDay = chat.sent.filter((m) => m.at >= sameDay);
    expect(nextDay.length).toBe(300 - (share - 1));
    expect(Math.min(...nextDay.map((m) => m.at))).toBeGreaterThanOrEqual(new Date('2026-03-03T07:00:00+08:00').getTime());
  }, 120_000);

  it('pauses 30 minutes when WeChat says we send too often', async () => {
    const { db, chat, clock, outbox } = setup();
    await enqueue(db, clock, { target: { kind: 'room', topic: '一群' }, text: 'a' });
    chat.failNext.push(new SendError('发送消息过于频繁', 'too_often'));
    const t0 = clock.now().getTime();
    const next = await outbox.drainDue();
    expect(chat.sent).toHaveLength(0);
    expect(next!.getTime() - t0).toBe(30 * 60_000);
    await drainUntil(outbox, clock, t0 + 3600_000);
    expect(chat.sent.map((s) => s.text)).toEqual(['a']);
    expect(chat.sent[0].at - t0).toBe(30 * 60_000);
  });
});

describe('the outbound queue while WeChat is not logged in', () => {
  it('keeps every message queued, however long, and sends them once logged in', async () => {
    const { db, chat, clock, outbox } = setup();
    await enqueue(db, clock, { target: { kind: 'room', topic: '一群' }, text: '简报' });
    for (let i = 0; i < 20; i++) {
      chat.failNext.push(new SendError('not logged in', 'offline'));
      const next = await outbox.drainDue();
      clock.set(next!);
    }
    const row = await db.outboundMessage.findFirstOrThrow();
    expect(row).toMatchObject({ status: 'queued', attempts: 0 });
    await drainUntil(outbox, clock, clock.now().getTime() + 60_000);
    expect(chat.sent.map((s) => s.text)).toEqual(['简报']);
  });
});

describe('two senders draining one queue, as two bot processes on one database do', () => {
  it('send each message once between them', async () => {
    const fast = { ...limits, perMinute: 100_000, roomGapMs: 0, pauseMinMs: 0, pauseMaxMs: 0 };
    // One connection between them: two SQLite connections in one Node process block each other.
    const db = openDatabase(tempDatabaseUrl());
    dbs.push(db);
    const clock = new ManualClock('2026-03-02T09:00:00+08:00');
    const senders = [0, 1].map(() => {
      const chat = new RecordingChat(clock);
      return { chat, outbox: new Outbox({ db, clock, chat, limits: fast, events: { emit: () => undefined }, log: silentLogger, timeZone: 'Asia/Shanghai', random: () => 0 }) };
    });
    for (let i = 0; i < 40; i++) await enqueue(db, clock, { target: { kind: 'room', topic: `群${i % 4}` }, text: `通知 ${i}` });

    await Promise.all(senders.map((s) => s.outbox.drainDue()));

    const sent = senders.flatMap((s) => s.chat.sent.map((m) => m.text)).sort();
    expect(sent).toEqual(Array.from({ length: 40 }, (_, i) => `通知 ${i}`).sort());
    // Both took part: the queue was really shared.
    expect(senders.every((s) => s.chat.sent.length > 0)).toBe(true);
  });
});
