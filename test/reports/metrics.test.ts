import { describe, expect, it } from 'vitest';
import { assignmentsOf, ratingFromNote } from '../../src/reports/history.js';
import { createdByDay, median, MetricsTallies, percentile, ticketMetrics, type Period } from '../../src/reports/metrics.js';
import { at, history, MIN, twoHours } from './builders.js';

const week: Period = { from: at(-60), to: at(7 * 24 * 60) };
const run = (hs: ReturnType<typeof history>[], p: Period = week, asOfMinute = 7 * 24 * 60) =>
  ticketMetrics(hs, p, { acceptDeadline: twoHours, asOf: at(asOfMinute) });

/** Accepted in 30 min, resolved at 90, rated 5. */
const smooth = history(1, [
  ['created', 0, { tier: 'building', assignees: ['leader'], status: 'assigned' }],
  ['accepted', 30],
  ['resolved', 90],
  ['closed', 120, { note: 'rating 5' }],
], { rating: 5 });

/** Missed at the building, accepted at the branch, poorly rated, reopened to the committee, then rated 4. */
const climbed = history(2, [
  ['created', 0, { tier: 'building', assignees: ['slow'], status: 'assigned' }],
  ['escalated', 120, { tier: 'branch', assignees: ['secretary'], status: 'assigned' }],
  ['accepted', 150],
  ['resolved', 300],
  ['reopened', 360, { tier: 'committee', assignees: ['chief'], note: 'rating 2' }],
  ['accepted', 370],
  ['resolved', 500],
  ['closed', 600, { note: 'rating 4' }],
], { rating: 4, category: 'sanitation' });

/** Resolved, then closed unrated after three days. */
const unrated = history(3, [
  ['created', 0, { tier: 'building', assignees: ['leader'], status: 'assigned' }],
  ['accepted', 10],
  ['resolved', 20],
  ['closed', 20 + 3 * 24 * 60, { note: 'not rated in time' }],
]);

describe('ticket metrics on hand-built histories', () => {
  it('an empty period has no rates (not zero) and no counts', () => {
    const m = run([]);
    expect(m.total).toMatchObject({ judged: 0, responded: 0, responseRate: null, resolutionRate: null, satisfactionRate: null, acceptMedianMs: null, resolveP90Ms: null, escalations: 0, reopenings: 0, newTickets: 0 });
    expect(m.byGrid).toEqual([]);
    const quiet = run([smooth], { from: at(10_000), to: at(11_000) });
    expect(quiet.total.newTickets).toBe(0);
    expect(quiet.total.responseRate).toBeNull();
    expect(quiet.byGrid).toEqual([]);
  });

  it('a smooth ticket: responded, resolved, satisfied, with its times', () => {
    const m = run([smooth]);
    expect(m.total).toMatchObject({ judged: 1, responded: 1, acceptedDecided: 1, resolved: 1, rated: 1, satisfied: 1, responseRate: 1, resolutionRate: 1, satisfactionRate: 1 });
    expect(m.total.acceptMs).toEqual([30 * MIN]);
    expect(m.total.resolveMs).toEqual([90 * MIN]);
    expect(m.total.created).toEqual({ facility: 1 });
  });

  it('a reopened ticket counts each holding, its escalation and its reopening', () => {
    const m = run([climbed]);
    expect(m.total).toMatchObject({ judged: 3, responded: 2, acceptedDecided: 2, resolved: 2, rated: 2, satisfied: 1, escalations: 1, reopenings: 1 });
    expect(m.total.responseRate).toBeCloseTo(2 / 3);
    expect(m.total.satisfactionRate).toBe(0.5);
    expect(m.total.acceptMs).toEqual([30 * MIN, 10 * MIN]);
    expect(m.total.resolveMs).toEqual([300 * MIN, 500 * MIN]);
    const tier = Object.fromEntries(m.byTier.map((s) => [s.key, s]));
    expect(tier.building).toMatchObject({ judged: 1, responded: 0, escalations: 1, responseRate: 0 });
    expect(tier.branch).toMatchObject({ judged: 1, responded: 1, resolved: 1, rated: 1, satisfied: 0, reopenings: 1 });
    expect(tier.committee).toMatchObject({ judged: 1, responded: 1, resolved: 1, rated: 1, satisfied: 1 });
    const holder = Object.fromEntries(m.byHolder.map((s) => [s.key, s]));
    expect(Object.keys(holder).sort()).toEqual(['chief', 'secretary', 'slow']);
    expect(holder.slow.responseRate).toBe(0);
    expect(holder.chief.satisfactionRate).toBe(1);
  });

  it('a ticket closed unrated counts in no satisfaction figure', () => {
    const m = run([unrated]);
    expect(m.total).toMatchObject({ rated: 0, satisfied: 0, satisfactionRate: null, resolved: 1, resolutionRate: 1 });
  });

  it.each([
    // [what, rows, asOf minute, judged, responded]
    ['still within its deadline: not judged yet', [['created', 0, { assignees: ['x'] }]], 60, 0, 0],
    ['past its deadline, still unaccepted: missed', [['created', 0, { assignees: ['x'] }]], 180, 1, 0],
    ['accepted late (the bot was down): missed', [['created', 0, { assignees: ['x'] }], ['accepted', 130]], 200, 1, 0],
    ['accepted exactly at the deadline: in time', [['created', 0, { assignees: ['x'] }], ['accepted', 120]], 200, 1, 1],
    ['passed on (转派) before the deadline: not judged', [['created', 0, { assignees: ['x'] }], ['transferred', 30, { assignees: ['y'] }], ['accepted', 40]], 200, 1, 1],
    ['withdrawn before the deadline: not judged', [['created', 0, { assignees: ['x'] }], ['cancelled', 30]], 200, 0, 0],
    ['resolved without 接单 counts as accepted then', [['created', 0, { assignees: ['x'] }], ['resolved', 50]], 200, 1, 1],
    ['reminded at the top rung then accepted: missed', [['created', 0, { assignees: ['x'] }], ['reminded', 120], ['accepted', 150]], 200, 1, 0],
  ] as const)('response: %s', (_what, rows, asOf, judged, responded) => {
    const m = run([history(9, rows as never)], week, asOf);
    expect(m.total.judged).toBe(judged);
    expect(m.total.responded).toBe(responded);
  });

  it.each([
    ['accepted then escalated for not resolving: decided, not resolved', [['created', 0, { assignees: ['x'] }], ['accepted', 10], ['escalated', 4000, { tier: 'branch', assignees: ['s'] }]], 1, 0],
    ['accepted then declined (退回): decided, not resolved', [['created', 0, { assignees: ['x'] }], ['accepted', 10], ['declined', 60, { tier: 'branch', assignees: ['s'] }]], 1, 0],
    ['accepted and still in hand: not counted yet', [['created', 0, { assignees: ['x'] }], ['accepted', 10]], 0, 0],
    ['accepted then withdrawn: not counted', [['created', 0, { assignees: ['x'] }], ['accepted', 10], ['cancelled', 20]], 0, 0],
  ] as const)('resolution: %s', (_what, rows, decided, resolved) => {
    const m = run([history(9, rows as never)]);
    expect(m.total.acceptedDecided).toBe(decided);
    expect(m.total.resolved).toBe(resolved);
  });

  it('counts each fact in the period its own event falls in', () => {
    // Created and accepted on day 1, resolved and rated on day 3.
    const h = history(4, [
      ['created', 0, { assignees: ['x'] }],
      ['accepted', 60],
      ['resolved', 2 * 24 * 60],
      ['closed', 2 * 24 * 60 + 30, { note: 'rating 3' }],
    ]);
    const day1 = run([h], { from: at(-60), to: at(23 * 60) });
    expect(day1.total).toMatchObject({ newTickets: 1, judged: 1, responded: 1, acceptedDecided: 1, resolved: 1, rated: 0 });
    expect(day1.total.resolveMs).toEqual([]);
    const day3 = run([h], { from: at(2 * 24 * 60 - 60), to: at(3 * 24 * 60) });
    expect(day3.total).toMatchObject({ newTickets: 0, judged: 0, acceptedDecided: 0, rated: 1, satisfied: 0 });
    expect(day3.total.resolveMs).toEqual([2 * 24 * 60 * MIN]);
  });

  it('merged duplicates are neither new tickets nor holdings', () => {
    const dup = history(5, [['merged', 5, { note: 'into #1' }]], { status: 'merged' });
    expect(assignmentsOf(dup, twoHours)).toEqual([]);
    expect(run([smooth, dup]).total.newTickets).toBe(1);
  });

  it('groups by grid and counts new tickets by category', () => {
    const other = history(6, [['created', 0, { assignees: ['y'] }]], { grid: '铜锣湾', category: 'security' });
    const noGrid = history(7, [['created', 0, { assignees: ['z'] }]], { grid: null, category: 'service' });
    const m = run([smooth, climbed, unrated, other, noGrid]);
    const grid = Object.fromEntries(m.byGrid.map((s) => [s.key, s]));
    expect(grid['丽水鑫城']).toMatchObject({ newTickets: 3, created: { facility: 2, sanitation: 1 }, judged: 5, responded: 4 });
    expect(grid['铜锣湾']).toMatchObject({ newTickets: 1, created: { security: 1 }, judged: 1, responded: 0 });
    expect(grid['未分网格'].newTickets).toBe(1);
    expect(m.total.newTickets).toBe(5);
    const days = createdByDay([smooth, other], week, (d) => d.toISOString().slice(0, 10));
    expect([...days.values()]).toEqual([{ facility: 1, security: 1 }]);
  });

  it('takes the rating from the Ticket row when the closed row has no note', () => {
    const h = history(8, [['created', 0, { assignees: ['x'] }], ['resolved', 10], ['closed', 20]], { rating: 2 });
    expect(run([h]).total).toMatchObject({ rated: 1, satisfied: 0 });
    expect(ratingFromNote('rating 5')).toBe(5);
    expect(ratingFromNote('not rated in time')).toBeUndefined();
  });
});

describe('median and 90th percentile', () => {
  it.each([
    [[], null, null],
    [[5], 5, 5],
    [[1, 3], 2, 3],
    [[4, 1, 3, 2], 2.5, 4],
    [[1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 5.5, 9],
    [[10, 20, 30, 40, 50, 60, 70, 80, 90, 100, 110], 60, 100],
  ])('%j → median %s, p90 %s', (values, med, p90) => {
    expect(median(values)).toBe(med);
    expect(percentile(values, 0.9)).toBe(p90);
  });
});

describe('metrics added up chunk by chunk (a year of tickets is read a chunk at a time)', () => {
  it('equal the metrics of all histories at once, and the day counts too', () => {
    const all = [smooth, climbed, history(3, [['created', 10, { tier: 'building', assignees: ['leader'], status: 'assigned' }], ['accepted', 400]])];
    const tallies = new MetricsTallies(week, { acceptDeadline: twoHours, asOf: at(7 * 24 * 60) });
    const days = new Map<string, Record<string, number>>();
    const key = (d: Date) => d.toISOString().slice(0, 10);
    for (const chunk of [all.slice(0, 1), all.slice(1)]) {
      tallies.add(chunk);
      createdByDay(chunk, week, key, days);
    }
    expect(tallies.metrics()).toEqual(run(all));
    expect(days).toEqual(createdByDay(all, week, key));
    expect(tallies.metrics().total.newTickets).toBe(3);
  });
});
