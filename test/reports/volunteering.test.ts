import { describe, expect, it } from 'vitest';
import { NO_EMPLOYER, NO_GRID, volunteerMetrics } from '../../src/reports/volunteering.js';
import { at } from './builders.js';

const people = [
  { personId: 1, name: '张三', grid: '丽水鑫城', employer: '县税务局' },
  { personId: 2, name: '李四', grid: '丽水鑫城', employer: null },
  { personId: 3, name: '王五', grid: null, employer: '县税务局' },
];
const week = { from: at(0), to: at(7 * 24 * 60) };

describe('volunteer hours and points', () => {
  it('sums hours of check-ins and earned points by grid, employer and person', () => {
    const m = volunteerMetrics(
      people,
      [
        { personId: 1, activityStartsAt: at(60), minutes: 120 },
        { personId: 2, activityStartsAt: at(60), minutes: 120 },
        { personId: 3, activityStartsAt: at(2000), minutes: 90 },
        { personId: 1, activityStartsAt: at(8 * 24 * 60), minutes: 600 }, // next week
      ],
      [
        { personId: 1, at: at(200), delta: 10, kind: 'checkin' },
        { personId: 2, at: at(200), delta: 10, kind: 'checkin' },
        { personId: 3, at: at(2100), delta: 5, kind: 'checkin' },
        { personId: 1, at: at(300), delta: -8, kind: 'redeem' }, // spending is not service
      ],
      week,
    );
    const grid = Object.fromEntries(m.byGrid.map((r) => [r.key, r]));
    expect(grid['丽水鑫城']).toEqual({ key: '丽水鑫城', people: 2, checkIns: 2, hours: 4, points: 20 });
    expect(grid[NO_GRID]).toEqual({ key: NO_GRID, people: 1, checkIns: 1, hours: 1.5, points: 5 });
    const employer = Object.fromEntries(m.byEmployer.map((r) => [r.key, r]));
    expect(employer['县税务局']).toEqual({ key: '县税务局', people: 2, checkIns: 2, hours: 3.5, points: 15 });
    expect(employer[NO_EMPLOYER].hours).toBe(2);
    expect(m.byPerson.map((r) => r.key)).toEqual(['张三', '李四', '王五']);
  });

  it('an empty period gives empty tables', () => {
    expect(volunteerMetrics(people, [], [], week)).toEqual({ byGrid: [], byEmployer: [], byPerson: [] });
  });
});
