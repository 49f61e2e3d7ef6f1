import { afterEach, describe, expect, it } from 'vitest';
import { DAY, MINUTE } from '../../src/clock.js';
import { DomainError } from '../../src/errors.js';
import { checkIn } from '../../src/volunteers/check-in.js';
import { appendLedgerEntry, balanceOf } from '../../src/volunteers/ledger.js';
import { buildMemberReport, memberReportCsv, memberReportHtml } from '../../src/volunteers/member-report.js';
import { issueRedemption, lapseExpiredRedemptions, redeemItem } from '../../src/volunteers/redemption.js';
import { remindUpcomingActivities } from '../../src/volunteers/remind.js';
import { cancelSignup, signUp } from '../../src/volunteers/sign-up.js';
import { volunteerWorld } from './support.js';

let world: ReturnType<typeof volunteerWorld>;
afterEach(async () => world?.close());

const refusal = async (p: Promise<unknown>) => {
  const err = await p.then(() => undefined, (e: unknown) => e);
  if (!(err instanceof DomainError)) throw new Error(`expected a refusal, got ${String(err)}`);
  return err.userMessage;
};

describe('the waiting list', () => {
  it('a cancellation promotes the first in line, who is told; the next keeps waiting', async () => {
    world = volunteerWorld();
    const a = await world.activity({ capacity: 1 });
    const [x, y, z] = await Promise.all(['x', 'y', 'z'].map((n) => world.person(n)));
    const join = (p: { id: number; alias: string | null }) => world.run((c) => signUp(c, a.id, { personId: p.id, alias: p.alias! }));
    await join(x);
    world.clock.advance(MINUTE);
    await join(y);
    world.clock.advance(MINUTE);
    expect(await join(z)).toMatchObject({ status: 'waitlisted', position: 2 });
    await world.run((c) => cancelSignup(c, a.id, { personId: x.id, alias: 'x' }));
    expect(world.events.filter((e) => e.kind === 'signup').map((e) => `${(e as { who: string }).who}:${(e as { status: string }).status}`)).toEqual([
      'x:confirmed',
      'y:waitlisted',
      'z:waitlisted',
      'x:cancelled',
      'y:promoted',
    ]);
    expect(world.sent.filter((m) => m.target === 'y').map((m) => m.text)).toEqual([expect.stringContaining('候补转为正式')]);
    expect(await join(z)).toMatchObject({ status: 'waitlisted', position: 1, again: true });
    // Signing up again after cancelling joins at the end of the line.
    expect(await join(x)).toMatchObject({ status: 'waitlisted', position: 2, again: false });
  });

  it('cancelling from the waiting list promotes nobody', async () => {
    world = volunteerWorld();
    const a = await world.activity({ capacity: 1 });
    const [x, y] = await Promise.all(['x', 'y'].map((n) => world.person(n)));
    await world.run((c) => signUp(c, a.id, { personId: x.id, alias: 'x' }));
    await world.run((c) => signUp(c, a.id, { personId: y.id, alias: 'y' }));
    await world.run((c) => cancelSignup(c, a.id, { personId: y.id, alias: 'y' }));
    expect(await world.db.signup.findMany({ orderBy: { id: 'asc' }, select: { status: true } })).toEqual([{ status: 'confirmed' }, { status: 'cancelled' }]);
  });

  it('no sign-up or cancellation once the activity has started', async () => {
    world = volunteerWorld();
    const a = await world.activity();
    const x = await world.person('x');
    world.clock.set(new Date('2026-03-02T15:00:00+08:00'));
    expect(await refusal(world.run((c) => signUp(c, a.id, { personId: x.id, alias: 'x' })))).toContain('已经开始');
    expect(await world.db.signup.count()).toBe(0);
  });
});

describe('check-in and the ledger', () => {
  it('checking in twice earns the points once', async () => {
    world = volunteerWorld();
    const a = await world.activity({ points: 10 });
    const x = await world.person('x');
    await world.run((c) => signUp(c, a.id, { personId: x.id, alias: 'x' }));
    expect(await world.run((c) => checkIn(c, a, x.id, 'liujiawei'))).toEqual({ first: true, points: 10, balance: 10 });
    expect(await world.run((c) => checkIn(c, a, x.id, 'x'))).toEqual({ first: false });
    expect(await balanceOf(world.db, x.id)).toBe(10);
    expect(await world.db.ledgerEntry.findMany({ select: { delta: true, kind: true, actor: true, refKey: true } })).toEqual([
      { delta: 10, kind: 'checkin', actor: 'liujiawei', refKey: `checkin:A${a.id}:${x.id}` },
    ]);
  });

  it('a balance cannot go below zero: the spend is refused and nothing is written', async () => {
    world = volunteerWorld();
    const x = await world.person('x');
    await world.run((c) => appendLedgerEntry(c, { personId: x.id, delta: 10, kind: 'adjust', reason: '调整：补录', actor: 'liujiawei' }));
    expect(await refusal(world.run((c) => appendLedgerEntry(c, { personId: x.id, delta: -11, kind: 'adjust', reason: '调整：扣分', actor: 'liujiawei' })))).toContain('积分不足');
    await world.run((c) => appendLedgerEntry(c, { personId: x.id, delta: -10, kind: 'adjust', reason: '调整：扣分', actor: 'liujiawei' }));
    expect(await balanceOf(world.db, x.id)).toBe(0);
    expect(await world.db.ledgerEntry.count()).toBe(2);
    expect(world.events.filter((e) => e.kind === 'points')).toEqual([
      { kind: 'points', who: 'x', delta: 10, balance: 10, reason: '调整：补录' },
      { kind: 'points', who: 'x', delta: -10, balance: 0, reason: '调整：扣分' },
    ]);
  });
});

describe('redemption', () => {
  async function rich(points = 150) {
    world = volunteerWorld();
    await world.db.catalogItem.create({ data: { name: '大米', cost: 100, stock: 2 } });
    const x = await world.person('x');
    await world.db.ledgerEntry.create({ data: { personId: x.id, delta: points, kind: 'adjust', reason: '调整：测试', at: world.clock.now() } });
    return x;
  }
  const stock = async () => (await world.db.catalogItem.findUnique({ where: { name: '大米' } }))!.stock;

  it('a reservation not handed over in 7 days lapses: points and stock return, once', async () => {
    const x = await rich();
    const { redemption } = await world.run((c) => redeemItem(c, x.id, '大米'));
    expect([await balanceOf(world.db, x.id), await stock()]).toEqual([50, 1]);
    world.clock.advance(7 * DAY - MINUTE);
    await world.run(lapseExpiredRedemptions);
    expect((await world.db.redemption.findUnique({ where: { id: redemption.id } }))!.status).toBe('reserved');
    world.clock.advance(MINUTE);
    await world.run(lapseExpiredRedemptions);
    await world.run(lapseExpiredRedemptions);
    expect([await balanceOf(world.db, x.id), await stock()]).toEqual([150, 2]);
    expect(await world.db.ledgerEntry.findMany({ where: { kind: { in: ['redeem', 'refund'] } }, select: { delta: true, kind: true } })).toEqual([
      { delta: -100, kind: 'redeem' },
      { delta: 100, kind: 'refund' },
    ]);
    expect(world.sent.filter((m) => m.target === 'x')).toHaveLength(1);
    expect(await refusal(world.run((c) => issueRedemption(c, redemption.id, 'liujiawei')))).toContain('已过期');
  });

  it('an issued reservation never lapses', async () => {
    const x = await rich();
    const { redemption } = await world.run((c) => redeemItem(c, x.id, '大米'));
    await world.run((c) => issueRedemption(c, redemption.id, 'liujiawei'));
    world.clock.advance(8 * DAY);
    await world.run(lapseExpiredRedemptions);
    expect([await balanceOf(world.db, x.id), await stock()]).toEqual([50, 1]);
  });

  it('too few points or no stock: refused, nothing taken', async () => {
    const x = await rich(99);
    expect(await refusal(world.run((c) => redeemItem(c, x.id, '大米')))).toContain('积分不足');
    await world.db.catalogItem.update({ where: { name: '大米' }, data: { stock: 0, cost: 10 } });
    expect(await refusal(world.run((c) => redeemItem(c, x.id, '大米')))).toContain('兑完');
    expect([await balanceOf(world.db, x.id), await stock(), await world.db.redemption.count()]).toEqual([99, 0, 0]);
  });
});

describe('the reminder', () => {
  it('goes to each confirmed volunteer once, an hour before', async () => {
    world = volunteerWorld();
    const a = await world.activity({ capacity: 1 });
    const [x, y] = await Promise.all(['x', 'y'].map((n) => world.person(n)));
    await world.run((c) => signUp(c, a.id, { personId: x.id, alias: 'x' }));
    await world.run((c) => signUp(c, a.id, { personId: y.id, alias: 'y' }));
    world.clock.set(new Date('2026-03-02T13:59:00+08:00'));
    await world.run(remindUpcomingActivities);
    expect(world.sent).toEqual([]);
    world.clock.advance(MINUTE);
    await world.run(remindUpcomingActivities);
    world.clock.advance(MINUTE);
    await world.run(remindUpcomingActivities);
    expect(world.sent.map((m) => m.target)).toEqual(['x']);
  });
});

describe('the appraisal sheet of in-service party members', () => {
  it('lists each member of the unit with checked-in activities and hours in the period only', async () => {
    world = volunteerWorld();
    await world.db.community.create({ data: { name: '金沙社区' } });
    const inMarch = await world.activity({ title: '植树', startsAt: new Date('2026-03-10T09:00:00+08:00'), points: 10 });
    const inApril = await world.activity({ title: '义诊', startsAt: new Date('2026-04-01T09:00:00+08:00') });
    const m = await world.db.person.create({ data: { alias: 'wangke', name: '王科', employer: '县财政局', employerAt: world.clock.now() } });
    await world.db.person.create({ data: { alias: 'idle', name: '李闲', employer: '县财政局' } });
    await world.db.person.create({ data: { alias: 'other', name: '外单位', employer: '县教育局' } });
    for (const a of [inMarch, inApril]) await world.db.signup.create({ data: { activityId: a.id, personId: m.id, status: 'confirmed', createdAt: world.clock.now(), updatedAt: world.clock.now(), checkedInAt: a.startsAt } });
    const report = await buildMemberReport(world.db, { unit: '县财政局', from: '2026-03-01', to: '2026-03-31', timeZone: 'Asia/Shanghai' });
    expect(report.members.map((x) => [x.name, x.activities.map((a) => a.title), x.minutes, x.points])).toEqual([
      ['李闲', [], 0, 0],
      ['王科', ['植树'], 120, 10],
    ]);
    const csv = memberReportCsv(report, 'Asia/Shanghai');
    expect(csv.split('\r\n')[0]).toBe('\ufeff姓名,微信号,报到时间,参加次数,服务时长(小时),获得积分,活动明细');
    expect(csv).toContain('王科,wangke,2026-03-02 09:00,1,2,10,3月10日 09:00 植树(2h)');
    const html = memberReportHtml(report, 'Asia/Shanghai');
    expect(html).toContain('报送单位：县财政局');
    expect(html).not.toContain('外单位');
  });
});
