import type { Category, Urgency } from '../intake/index.js';
import type { OrgDirectory } from '../org/directory.js';
import { TIERS, type PostHolding, type Role, type Tier } from '../org/types.js';

/** One rung of a ticket's ladder: who holds it there, and who is told beside them. */
export interface RouteStep {
  tier: Tier;
  holders: string[];
  told: string[];
  /** Post of the holders, for messages (楼栋长, 卫生员…). */
  role: Role;
}

export interface RouteInput {
  category: Category;
  urgency: Urgency;
  grid?: string | null;
  building?: string | null;
  unit?: string | null;
}

type StepSpec = { tier: Tier; pick: (o: OrgDirectory, t: RouteInput) => PostHolding[]; told?: (o: OrgDirectory, t: RouteInput) => PostHolding[] };

const inGrid = (t: RouteInput) => ({ grid: t.grid ?? '\u0000' });
const inBuilding = (t: RouteInput) => ({ grid: t.grid ?? '\u0000', building: t.building ?? '\u0000' });

const household: StepSpec = {
  tier: 'household',
  pick: (o, t) => (t.unit ? o.holders('household', inBuilding(t)).filter((h) => h.units?.includes(t.unit!)) : []),
};
const buildingLeader: StepSpec = { tier: 'building', pick: (o, t) => o.holders('building_leader', inBuilding(t)) };
const branchSecretary: StepSpec = { tier: 'branch', pick: (o, t) => o.holders('branch_secretary', inGrid(t)) };
const officer = (role: Role): StepSpec => ({ tier: 'branch', pick: (o, t) => o.holders(role, inGrid(t)) });
const committeeSecretary: StepSpec = { tier: 'committee', pick: (o) => o.holders('committee_secretary') };
/** At the committee tier the member unit handling the category answers, else the secretary. */
const committee: StepSpec = {
  tier: 'committee',
  pick: (o, t) => {
    const unit = o.unitHandling(t.category);
    return unit ? [unit] : o.holders('committee_secretary');
  },
};
const unitOnly = (tier: Tier): StepSpec => ({ tier, pick: (o, t) => { const u = o.unitHandling(t.category); return u ? [u] : []; } });

/** The default routing table of docs/interfaces.md, bottom rung first. */
const DEFAULT_LADDERS: Record<Category, StepSpec[]> = {
  facility: [buildingLeader, branchSecretary, committee],
  sanitation: [officer('sanitation'), branchSecretary, committee],
  security: [
    {
      ...buildingLeader,
      pick: (o, t) => [...o.holders('building_leader', inBuilding(t)), ...(t.urgency === 'urgent' ? unitOnly('committee').pick(o, t) : [])],
    },
    {
      ...branchSecretary,
      pick: (o, t) => {
        const secretary = o.holders('branch_secretary', inGrid(t));
        // Where no building is known, an urgent security call still reaches the unit at once.
        return t.urgency === 'urgent' && !t.building ? [...secretary, ...unitOnly('committee').pick(o, t)] : secretary;
      },
    },
    committee,
  ],
  dispute: [officer('mediator'), branchSecretary, committee],
  property: [
    { tier: 'branch', pick: (o, t) => o.holders('property_contact', inGrid(t)), told: (o, t) => o.holders('owners_committee', inGrid(t)) },
    branchSecretary,
    committee,
  ],
  utilities: [unitOnly('committee'), branchSecretary, committeeSecretary],
  assistance: [household, buildingLeader, branchSecretary, committee],
  service: [
    { tier: 'committee', pick: (o, t) => { const u = o.unitHandling(t.category); return u ? [u] : o.holders('staff'); } },
    committeeSecretary,
  ],
  other: [branchSecretary, committee],
};

/** The generic rung for a tier, used when an override starts a ladder lower than its default. */
const GENERIC: Record<Tier, StepSpec> = {
  household,
  building: buildingLeader,
  branch: branchSecretary,
  committee,
};

const rank = (tier: Tier) => TIERS.indexOf(tier);

function ladderFor(category: Category, start: Tier | undefined): StepSpec[] {
  const ladder = DEFAULT_LADDERS[category];
  if (!start) return ladder;
  const from = rank(start);
  const kept = ladder.filter((s) => rank(s.tier) >= from);
  const lowest = kept.length ? rank(kept[0].tier) : TIERS.length;
  const prefix = TIERS.slice(from, lowest).map((tier) => GENERIC[tier]);
  return [...prefix, ...kept];
}

const aliases = (posts: PostHolding[]) => [...new Set(posts.map((p) => p.alias))];

/**
 * The ladder a ticket climbs: a pure function of the organisation and the ticket.
 * Rungs nobody holds are skipped; a rung held by the same people as the one below is
 * folded into it (a building leader who is also the branch secretary is asked once);
 * urgent tickets tell the branch secretary at once.
 */
export function routeTicket(org: OrgDirectory, input: RouteInput): RouteStep[] {
  const start = org.org.routing?.[input.category]?.start;
  const steps: RouteStep[] = [];
  for (const spec of ladderFor(input.category, start)) {
    if ((spec.tier === 'household' || spec.tier === 'building') && !input.building) continue;
    const picked = spec.pick(org, input);
    const holders = aliases(picked);
    if (holders.length === 0) continue;
    const previous = steps[steps.length - 1];
    if (previous && sameSet(previous.holders, holders)) continue;
    steps.push({ tier: spec.tier, holders, told: aliases(spec.told?.(org, input) ?? []), role: picked[0].role });
  }
  if (steps.length === 0) {
    // Nobody at all for this place: the community staff see it rather than nobody.
    const staff = aliases(org.holders('staff'));
    if (staff.length) steps.push({ tier: 'committee', holders: staff, told: [], role: 'staff' });
  }
  if (input.urgency === 'urgent' && steps.length > 0) {
    const first = steps[0];
    const secretary = aliases(org.holders('branch_secretary', { grid: input.grid ?? '\u0000' }));
    first.told = [...new Set([...first.told, ...secretary])].filter((a) => !first.holders.includes(a));
  }
  return steps;
}

function sameSet(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((x) => b.includes(x));
}

/** People above the current rung who may also act on the ticket (and staff). */
export function mayActOn(org: OrgDirectory, ladder: RouteStep[], step: number, assignees: string[], alias: string, grid?: string | null): boolean {
  if (assignees.includes(alias)) return true;
  if (ladder.slice(step + 1).some((s) => s.holders.includes(alias))) return true;
  if (ladder[step]?.told.includes(alias)) return true;
  return org.postsOf(alias).some(
    (p) => p.role === 'staff' || p.role === 'committee_secretary' || (p.role === 'branch_secretary' && !!grid && p.grid === grid),
  );
}
