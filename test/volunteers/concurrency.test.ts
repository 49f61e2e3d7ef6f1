import { afterEach, describe, expect, it } from 'vitest';
import { DomainError } from '../../src/errors.js';
import { checkIn } from '../../src/volunteers/check-in.js';
import { balanceOf } from '../../src/volunteers/ledger.js';
import { redeemItem } from '../../src/volunteers/redemption.js';
import { signUp } from '../../src/volunteers/sign-up.js';
import { volunteerWorld } from './support.js';

let world: ReturnType<typeof volunteerWorld>;
afterEach(async () => world?.close());

/** Settles every promise and sorts the outcomes: values, and the codes of domain refusals. */
async function settle<T>(promises: Promise<T>[]) {
  const results = await Promise.allSettled(promises);
  const failures = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected').map((r) => r.reason);
  const unexpected = failures.filter((e) => !(e instanceof DomainError));
  return { values: results.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : [])), refused: failures.length - unexpected.length, unexpected };
}

describe('under concurrency, on separate clients and transactions against one SQLite file', () => {
  it('30 sign-ups at once for 10 seats: exactly 10 confirmed, 20 waiting, in order', async () => {
    world = volunteerWorld();
    const a = await world.activity({ capacity: 10 });
    const people = await Promise.all(Array.from({ length: 30 }, (_, i) => world.person(`v${i}`)));
    const { values, unexpected } = await settle(people.map((p) => world.race((c) => signUp(c, a.id, { personId: p.id, alias: p.alias! }))));
    expect(unexpected).toEqual([]);
    expect(values.filter((v) => v.status === 'confirmed')).toHaveLength(10);
    expect(values.filter((v) => v.status === 'waitlisted').map((v) => (v as { position: number }).position).sort((x, y) => x - y)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    expect(await world.db.signup.count({ where: { activityId: a.id, status: 'confirmed' } })).toBe(10);
    expect(await world.db.signup.count({ where: { activityId: a.id, status: 'waitlisted' } })).toBe(20);
  });

  it('the same volunteer checked in by three senders at once earns the points once', async () => {
    world = volunteerWorld();
    const a = await world.activity({ points: 15 });
    const p = await world.person('liayi');
    await world.run((c) => signUp(c, a.id, { personId: p.id, alias: 'liayi' }));
    world.clock.set(new Date('2026-03-02T15:10:00+08:00'));
    const { values, unexpected } = await settle(['liujiawei', 'xuchengpeng', 'liayi'].map((by) => world.race((c) => checkIn(c, a, p.id, by))));
    expect(unexpected).toEqual([]);
    expect(values.filter((v) => v.first)).toHaveLength(1);
    expect(await world.db.ledgerEntry.count({ where: { personId: p.id } })).toBe(1);
    expect(await balanceOf(world.db, p.id)).toBe(15);
  });

  it('five people racing for the last bag of rice: one gets it, stock never below zero, the others keep their points', async () => {
    world = volunteerWorld();
    await world.db.catalogItem.create({ data: { name: '大米', cost: 100, stock: 1 } });
    const people = await Promise.all(Array.from({ length: 5 }, (_, i) => world.person(`r${i}`)));
    for (const p of people) await world.db.ledgerEntry.create({ data: { personId: p.id, delta: 120, kind: 'adjust', reason: '测试', at: world.clock.now() } });
    const { values, refused, unexpected } = await settle(people.map((p) => world.race((c) => redeemItem(c, p.id, '大米'))));
    expect(unexpected).toEqual([]);
    expect(values).toHaveLength(1);
    expect(refused).toBe(4);
    expect((await world.db.catalogItem.findUnique({ where: { name: '大米' } }))!.stock).toBe(0);
    const balances = await Promise.all(people.map((p) => balanceOf(world.db, p.id)));
    expect(balances.sort((x, y) => x - y)).toEqual([20, 120, 120, 120, 120]);
  });

  it('one person redeeming twice at once with points for one: the balance never goes negative', async () => {
    world = volunteerWorld();
    await world.db.catalogItem.create({ data: { name: '食用油', cost: 80, stock: 10 } });
    const p = await world.person('zhangdaye');
    await world.db.ledgerEntry.create({ data: { personId: p.id, delta: 100, kind: 'adjust', reason: '测试', at: world.clock.now() } });
    const { values, refused, unexpected } = await settle([0, 1, 2].map(() => world.race((c) => redeemItem(c, p.id, '食用油'))));
    expect(unexpected).toEqual([]);
    expect([values.length, refused]).toEqual([1, 2]);
    expect(await balanceOf(world.db, p.id)).toBe(20);
    expect((await world.db.catalogItem.findUnique({ where: { name: '食用油' } }))!.stock).toBe(9);
  });
});
