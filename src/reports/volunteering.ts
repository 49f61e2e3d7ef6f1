/**
 * Volunteer hours and love-bank points for a period, by grid and by employer unit:
 * pure functions of check-ins and ledger entries.
 *
 * Hours: each check-in counts its activity's planned duration, in the period of the
 * activity's start. Points: `checkin` ledger entries (what service earned, not what was
 * spent or adjusted), in the period of the entry.
 */
import type { CheckInFact, PointsFact, Volunteer } from '../store/reports.js';
import { inPeriod, type Period } from './metrics.js';

export type { CheckInFact, PointsFact, Volunteer };

export interface VolunteerRow {
  key: string;
  people: number;
  checkIns: number;
  hours: number;
  points: number;
}

export interface VolunteerMetrics {
  byGrid: VolunteerRow[];
  byEmployer: VolunteerRow[];
  byPerson: VolunteerRow[];
}

export const NO_GRID = '未登记网格';
export const NO_EMPLOYER = '未报到单位';

export function volunteerMetrics(people: Volunteer[], checkIns: CheckInFact[], points: PointsFact[], p: Period): VolunteerMetrics {
  const who = new Map(people.map((v) => [v.personId, v]));
  const rows = { grid: new Map<string, Acc>(), employer: new Map<string, Acc>(), person: new Map<string, Acc>() };
  const each = (personId: number, f: (a: Acc) => void) => {
    const v = who.get(personId);
    const keys: [Map<string, Acc>, string][] = [
      [rows.grid, v?.grid ?? NO_GRID],
      [rows.employer, v?.employer ?? NO_EMPLOYER],
      [rows.person, v ? `${v.name}` : `#${personId}`],
    ];
    for (const [m, k] of keys) {
      let acc = m.get(k);
      if (!acc) m.set(k, (acc = { people: new Set(), checkIns: 0, minutes: 0, points: 0 }));
      acc.people.add(personId);
      f(acc);
    }
  };
  for (const c of checkIns) {
    if (!inPeriod(c.activityStartsAt, p)) continue;
    each(c.personId, (a) => {
      a.checkIns += 1;
      a.minutes += c.minutes;
    });
  }
  for (const e of points) {
    if (e.kind !== 'checkin' || !inPeriod(e.at, p)) continue;
    each(e.personId, (a) => {
      a.points += e.delta;
    });
  }
  const list = (m: Map<string, Acc>) =>
    [...m.entries()]
      .map(([key, a]) => ({ key, people: a.people.size, checkIns: a.checkIns, hours: Math.round((a.minutes / 60) * 10) / 10, points: a.points }))
      .sort((x, y) => y.hours - x.hours || y.points - x.points || x.key.localeCompare(y.key));
  return { byGrid: list(rows.grid), byEmployer: list(rows.employer), byPerson: list(rows.person) };
}

interface Acc {
  people: Set<number>;
  checkIns: number;
  minutes: number;
  points: number;
}
