import type { EventFact, TicketHistory } from '../../src/reports/history.js';

/** Minutes after Monday 2026-03-02 09:00 (Asia/Shanghai). */
export const T0 = new Date('2026-03-02T09:00:00+08:00');
export const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);
export const MIN = 60_000;

/** A flat two-hour accept deadline keeps hand arithmetic easy. */
export const twoHours = (from: Date) => new Date(from.getTime() + 120 * MIN);

type Ev = [kind: string, minute: number, extra?: Partial<EventFact>];

/** A ticket history from short rows: ['created', 0, { tier: 'building', assignees: ['a'] }]. */
export function history(
  id: number,
  rows: Ev[],
  t: Partial<TicketHistory['ticket']> & { createdMinute?: number } = {},
): TicketHistory {
  let tier = 'building';
  let assignees: string[] = ['holder'];
  const events = rows.map(([kind, minute, extra = {}]) => {
    tier = extra.tier ?? tier;
    assignees = extra.assignees ?? assignees;
    return {
      at: at(minute),
      kind,
      status: extra.status ?? kind,
      tier,
      assignees,
      actor: extra.actor ?? null,
      escalated: extra.escalated ?? kind === 'escalated',
      note: extra.note ?? null,
    };
  });
  return {
    ticket: {
      id,
      category: t.category ?? 'facility',
      urgency: t.urgency ?? 'normal',
      grid: t.grid === undefined ? '丽水鑫城' : t.grid,
      status: t.status ?? events.at(-1)?.status ?? 'assigned',
      createdAt: t.createdAt ?? at(t.createdMinute ?? rows[0]?.[1] ?? 0),
      rating: t.rating ?? null,
      closedAt: t.closedAt ?? null,
    },
    events,
  };
}
