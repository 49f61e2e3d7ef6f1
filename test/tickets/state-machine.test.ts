import { describe, expect, it } from 'vitest';
import { TICKET_STATUSES, type TicketStatus } from '../../src/kernel/domain.js';
import { RATE_WITHIN_MS } from '../../src/tickets/deadlines.js';
import { ALLOWED_FROM, nextTicketState, openingState, type DeadlinePolicy, type TicketAction, type TicketActionKind } from '../../src/tickets/state-machine.js';

const HOUR = 3600_000;
const now = new Date('2026-03-02T09:00:00+08:00');
const later = (ms: number) => new Date(now.getTime() + ms);
const earlier = new Date('2026-03-01T09:00:00+08:00');
const remindAt = later(5 * HOUR);
/** Fixed clocks, so every row below can say which deadline a move sets. */
const policy: DeadlinePolicy = {
  acceptBy: (urgency, from) => new Date(from.getTime() + (urgency === 'urgent' ? 0.25 : 2) * HOUR),
  resolveBy: (urgency, from) => new Date(from.getTime() + (urgency === 'urgent' ? 2 : 72) * HOUR),
};

const rung = { step: 2, tier: 'branch' as const, holders: ['sec'], told: ['cmte'] };
const ACTIONS: Record<TicketActionKind, TicketAction> = {
  accept: { kind: 'accept' },
  resolve: { kind: 'resolve', resolution: '灯已换好' },
  transfer: { kind: 'transfer', to: rung },
  escalate: { kind: 'escalate', to: rung },
  remind: { kind: 'remind', due: remindAt },
  decline: { kind: 'decline', to: rung },
  reopen: { kind: 'reopen', to: rung },
  reroute: { kind: 'reroute', to: { ...rung, step: 0 } },
  rate: { kind: 'rate', rating: 5, comment: null },
  closeUnrated: { kind: 'closeUnrated' },
  cancel: { kind: 'cancel' },
};

/** What each move does when allowed: the status after, the event, and the clocks it sets. */
type Expected = { status?: TicketStatus; event: string; columns: Record<string, unknown> };
const given = { step: 2, tier: 'branch', holders: ['sec'], assignedAt: now, acceptBy: later(2 * HOUR), acceptedAt: null, resolveBy: null };
const EFFECT: Record<TicketActionKind, (from: TicketStatus) => Expected> = {
  accept: () => ({ status: 'accepted', event: 'accepted', columns: { acceptedAt: now, acceptBy: null, resolveBy: later(72 * HOUR) } }),
  resolve: (from) => ({
    status: 'resolved',
    event: 'resolved',
    // Resolved without a 签收 first: it counts as accepted now.
    columns: { acceptedAt: from === 'assigned' ? now : earlier, acceptBy: null, resolveBy: null, resolvedAt: now, rateBy: later(RATE_WITHIN_MS), resolution: '灯已换好' },
  }),
  transfer: () => ({ status: 'assigned', event: 'transferred', columns: { ...given, told: [] } }),
  escalate: () => ({ status: 'assigned', event: 'escalated', columns: { ...given, told: ['cmte'] } }),
  remind: (from) => ({ status: undefined, event: 'reminded', columns: from === 'accepted' ? { resolveBy: remindAt } : { acceptBy: remindAt } }),
  decline: () => ({ status: 'assigned', event: 'declined', columns: { ...given, told: ['cmte'] } }),
  reopen: () => ({ status: 'reopened', event: 'reopened', columns: { ...given, told: ['cmte'] } }),
  reroute: () => ({ status: undefined, event: 'transferred', columns: { step: 0, holders: ['sec'], assignedAt: now, acceptBy: later(2 * HOUR) } }),
  rate: () => ({ status: 'closed', event: 'closed', columns: { rating: 5, rateBy: null, closedAt: now } }),
  closeUnrated: () => ({ status: 'closed', event: 'closed', columns: { rateBy: null, closedAt: now } }),
  cancel: () => ({ status: 'cancelled', event: 'cancelled', columns: { closedAt: now, acceptBy: null, resolveBy: null } }),
};

/** The lifecycle as a table: which statuses each move starts from. */
const EXPECTED_FROM: Record<TicketActionKind, TicketStatus[]> = {
  accept: ['assigned', 'reopened', 'accepted'],
  resolve: ['assigned', 'reopened', 'accepted'],
  transfer: ['assigned', 'reopened', 'accepted'],
  escalate: ['assigned', 'reopened', 'accepted'],
  remind: ['assigned', 'reopened', 'accepted'],
  decline: ['assigned', 'reopened', 'accepted'],
  reopen: ['resolved'],
  reroute: ['assigned', 'reopened'],
  rate: ['resolved'],
  closeUnrated: ['resolved'],
  cancel: ['assigned', 'reopened', 'accepted'],
};

const pairs = TICKET_STATUSES.flatMap((status) => (Object.keys(ACTIONS) as TicketActionKind[]).map((kind) => [status, kind] as const));

describe('ticket state machine: every (status, move) pair', () => {
  it('the table below covers every status and every move', () => {
    expect(pairs.length).toBe(TICKET_STATUSES.length * Object.keys(ALLOWED_FROM).length);
  });

  it.each(pairs)('%s + %s', (status, kind) => {
    const move = nextTicketState({ status, urgency: 'normal', acceptedAt: status === 'assigned' ? null : earlier }, ACTIONS[kind], policy, now);
    if (!EXPECTED_FROM[kind].includes(status)) {
      expect(move).toBeUndefined();
      return;
    }
    const want = EFFECT[kind](status);
    expect(move).toBeDefined();
    expect(move!.event).toBe(want.event);
    expect(move!.patch.status).toBe(want.status);
    expect(move!.patch).toMatchObject(want.columns);
  });
});

describe('ticket state machine: details that matter to holders', () => {
  it('an urgent ticket gets the urgent clocks', () => {
    const move = nextTicketState({ status: 'assigned', urgency: 'urgent', acceptedAt: null }, { kind: 'accept' }, policy, now);
    expect(move!.patch.resolveBy).toEqual(later(2 * HOUR));
  });

  it('resolving a ticket nobody accepted counts it accepted now', () => {
    const move = nextTicketState({ status: 'assigned', urgency: 'normal', acceptedAt: null }, ACTIONS.resolve, policy, now);
    expect(move!.patch.acceptedAt).toEqual(now);
  });

  it('someone above who accepts takes the ticket over at their rung; the holders themselves change nothing of who holds it', () => {
    const takeover = nextTicketState({ status: 'assigned', urgency: 'normal', acceptedAt: null }, { kind: 'accept', by: rung }, policy, now);
    expect(takeover!.patch).toMatchObject({ holders: ['sec'], step: 2, tier: 'branch' });
    const own = nextTicketState({ status: 'assigned', urgency: 'normal', acceptedAt: null }, { kind: 'accept' }, policy, now);
    expect(own!.patch).not.toHaveProperty('holders');
    expect(own!.patch).not.toHaveProperty('step');
  });

  it.each(['decline', 'reopen'] as const)('%s at the top of the ladder: the same holders again, reopened, with a new clock', (kind) => {
    const from: TicketStatus = kind === 'reopen' ? 'resolved' : 'accepted';
    const move = nextTicketState({ status: from, urgency: 'normal', acceptedAt: earlier }, { kind }, policy, now);
    expect(move!.patch).toEqual({ status: 'reopened', acceptBy: later(2 * HOUR), resolveBy: null, acceptedAt: null, assignedAt: now, updatedAt: now });
  });

  it('a reroute keeps the status and leaves acceptance columns alone', () => {
    const move = nextTicketState({ status: 'reopened', urgency: 'normal', acceptedAt: null }, ACTIONS.reroute, policy, now);
    expect(move!.patch).not.toHaveProperty('status');
    expect(move!.patch).not.toHaveProperty('updatedAt');
  });

  it('a new ticket starts its clock to accept; a merged one has none', () => {
    expect(openingState('assigned', 'urgent', policy, now)).toEqual({ status: 'assigned', assignedAt: now, acceptBy: later(0.25 * HOUR) });
    expect(openingState('merged', 'urgent', policy, now)).toEqual({ status: 'merged', assignedAt: now, acceptBy: null });
  });
});
