import type { AppContext } from '../kernel/context.js';
import { DAY } from '../clock.js';
import { conflict, notFound } from '../errors.js';
import { formatShort } from '../time.js';
import {
  balanceOf,
  catalogItemNamed,
  expiredReservations,
  insertReservation,
  issueReservationOnce,
  lapseReservationOnce,
  nextReservationExpiry,
  redemptionById,
  takeOneFromStock,
  type RedemptionRow,
} from '../store/ledger.js';
import { lockPerson } from '../store/locks.js';
import { appendLedgerEntry } from './ledger.js';
import { personKey } from './people.js';
import { redemptionRef } from './refs.js';

/** A reservation not handed over within this time lapses: points and stock return. */
export const RESERVATION_MS = 7 * DAY;

export type { RedemptionRow } from '../store/ledger.js';

/**
 * `兑换 大米`: reserves the points (a negative entry) and one item (stock − 1) together.
 * Stock is taken by a conditional decrement, so two people racing for the last one
 * cannot both get it; the balance is checked under the person's lock.
 */
export async function redeemItem(ctx: AppContext, personId: number, itemName: string): Promise<{ redemption: RedemptionRow; balance: number }> {
  // Lock first, read after: the balance read below must already be the serialised one.
  await lockPerson(ctx.db, personId);
  const item = await catalogItemNamed(ctx.db, itemName);
  if (!item || !item.active) throw notFound(`没有「${itemName}」这件商品，发送「商品列表」查看可兑换的商品。`);
  const balance = await balanceOf(ctx.db, personId);
  if (balance < item.cost) throw conflict(`积分不足：兑换${item.name}需要 ${item.cost} 分，您现有 ${balance} 分。`);
  if (!(await takeOneFromStock(ctx.db, item.id))) throw conflict(`「${item.name}」已经兑完了。`);
  const now = ctx.clock.now();
  const redemption = await insertReservation(ctx.db, { personId, itemId: item.id, cost: item.cost, createdAt: now, expiresAt: new Date(now.getTime() + RESERVATION_MS) });
  const ref = redemptionRef(redemption.id);
  const entry = await appendLedgerEntry(ctx, { personId, delta: -item.cost, kind: 'redeem', reason: `兑换 ${item.name}（#${ref}）`, refKey: `redeem:${ref}` });
  return { redemption, balance: entry!.balance };
}

/** `发放 #R1`: staff hand the item over; only a live reservation can be issued. */
export async function issueRedemption(ctx: AppContext, id: number, by: string): Promise<RedemptionRow> {
  const issued = await issueReservationOnce(ctx.db, id, ctx.clock.now(), by);
  const row = await redemptionById(ctx.db, id);
  if (!row) throw notFound(`没有兑换单 #${redemptionRef(id)}。`);
  if (!issued) throw conflict(`兑换单 #${redemptionRef(id)} ${row.status === 'issued' ? '已经发放过了' : '已过期作废，积分已退回'}。`);
  return row;
}

/** Sweep: reservations past their time lapse; the points come back as a refund entry and the item to stock. */
export async function lapseExpiredRedemptions(ctx: AppContext): Promise<void> {
  const now = ctx.clock.now();
  const due = await expiredReservations(ctx.db, now, 100);
  for (const r of due) {
    // Conditional: a hand-over or another sweep that got there first wins.
    if (!(await lapseReservationOnce(ctx.db, r))) continue;
    const ref = redemptionRef(r.id);
    const entry = await appendLedgerEntry(ctx, { personId: r.personId, delta: r.cost, kind: 'refund', reason: `兑换单 #${ref} 逾期未领，退回积分`, refKey: `refund:${ref}` });
    await ctx.send({
      target: { kind: 'contact', alias: personKey(r.person) },
      text: `您 ${formatShort(r.createdAt, ctx.config.timeZone)} 兑换的${r.item.name}（#${ref}）7 天内未领取，已作废，${r.cost} 积分已退回${entry ? `，现有 ${entry.balance} 分` : ''}。`,
      origin: `redemption:${r.id}`,
    });
  }
}

/** When the next reservation lapses. */
export async function nextLapseDue(ctx: AppContext): Promise<Date | null> {
  return nextReservationExpiry(ctx.db);
}
