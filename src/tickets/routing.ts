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

interface StepSpec {
  tier: Tier;
  pick: (o: OrgDirectory, t: RouteInput) => PostHolding[];
  told?: (o: OrgDirectory, t: RouteInput) => PostHolding[];
}

/** An impossible key, so that a ticket without a grid or building matches no post there. */
const NONE = '\u0000';
const inGrid = (t: RouteInput) => ({ grid: t.grid ?? NONE });
const inBuilding = (t: RouteInput) => ({ grid: t.grid ?? NONE, building: t.building ?? NONE });
const unitFor = (o: OrgDirectory, t: RouteInput): PostHolding[] => {
  const unit = o.unitHandling(t.category);
  return unit ? [unit] : [];
};

const household: StepSpec = {
  tier: 'household',
  pick: (o, t) => (t.unit ? o.holders('household', inBuilding(t)).filter((h) => h.units?.includes(t.unit!)) : []),
};
const buildingLeader: StepSpec = { tier: 'building', pick: (o, t) => o.holders('building_leader', inBuilding(t)) };
const branchSecretary: StepSpec = { tier: 'branch', pick: (o, t) => o.holders('branch_secretary', inGrid(t)) };
const officer = (role: Role): StepSpec => ({ tier: 'branch', pick: (o, t) => o.holders(role, inGrid(t)) });
const committeeSecretary: StepSpec = { tier: 'committee', pick: (o) => o.holders('committee_secretary') };
/** At the committee tier the member unit handling the category answers (吹哨报到), else the secretary. */
const committee: StepSpec = {
  tier: 'committee',
  pick: (o, t) => {
    const unit = unitFor(o, t);
    return unit.length ? unit : o.holders('committee_secretary');
  },
};
const committeeUnit: StepSpec = { tier: 'committee', pick: unitFor };

/**
 * Security: an urgent call reaches the unit handling security beside the first holder —
 * the building leader, or the branch secretary where the building is not known.
 */
const securityFirst = (base: StepSpec, when: (o: OrgDirectory, t: RouteInput) => boolean): StepSpec => ({
  ...base,
  pick: (o, t) => [...base.pick(o, t), ...(t.urgency === 'urgent' && when(o, t) ? unitFor(o, t) : [])],
});

/** 三方联动: the property company holds, the owners' committee is told. */
const propertyCompany: StepSpec = {
  tier: 'branch',
  pick: (o, t) => o.holders('property_contact', inGrid(t)),
  told: (o, t) => o.holders('owners_committee', inGrid(t)),
};

const serviceDesk: StepSpec = {
  tier: 'committee',
  pick: (o, t) => {
    const unit = unitFor(o, t);
    return unit.length ? unit : o.holders('staff');
  },
};

/** The default routing table of docs/interfaces.md, bottom rung first. */
export const DEFAULT_LADDERS: Readonly<Record<Category, readonly StepSpec[]>> = {
  facility: [buildingLeader, branchSecretary, committee],
  sanitation: [officer('sanitation'), branchSecretary, committee],
  security: [
    securityFirst(buildingLeader, (o, t) => !!o.building(t.grid, t.building)),
    securityFirst(branchSecretary, (o, t) => !o.building(t.grid, t.building)),
    committee,
  ],
  dispute: [officer('mediator'), branchSecretary, committee],
  property: [propertyCompany, branchSecretary, committee],
  utilities: [committeeUnit, branchSecretary, committeeSecretary],
  assistance: [household, buildingLeader, branchSecretary, committee],
  service: [serviceDesk, committeeSecretary],
  other: [branchSecretary, committee],
};

/** The generic rung for a tier, used where an override starts a ladder at a tier its row has no rung for. */
const GENERIC: Record<Tier, StepSpec> = {
  household,
  building: buildingLeader,
  branch: branchSecretary,
  committee,
};

export const tierRank = (tier: Tier) => TIERS.indexOf(tier);

/**
 * The row's rungs, or for an org-file override (`routing: {utilities: {start: branch}}`)
 * the row re-ordered to climb from that tier: each tier from the start up keeps the
 * row's rungs at that tier, or the generic one where the row has none.
 */
export function ladderFor(category: Category, start: Tier | undefined): readonly StepSpec[] {
  const row = DEFAULT_LADDERS[category];
  if (!start) return row;
  return TIERS.slice(tierRank(start)).flatMap((tier) => {
    const own = row.filter((s) => s.tier === tier);
    return own.length ? own : [GENERIC[tier]];
  });
}

const aliases = (posts: PostHolding[]) => [...new Set(posts.map((p) => p.alias))];
const placeBound = (tier: Tier) => tier === 'household' || tier === 'building';

/**
 * The ladder a ticket climbs: a pure function of the organisation and the ticket.
 * Rungs nobody holds are skipped, and so are household and building rungs when no
 * building is known (the ticket starts at the branch secretary), and rungs whose
 * holders all held a lower rung already; urgent tickets tell the branch secretary at once.
 */
export function routeTicket(org: OrgDirectory, input: RouteInput): RouteStep[] {
  const start = org.org.routing?.[input.category]?.start;
  const steps: RouteStep[] = [];
  // Told on a skipped first rung (owners' committee without a property company): still told.
  const toldBelow: string[] = [];
  for (const spec of ladderFor(input.category, start)) {
    if (placeBound(spec.tier) && !input.building) continue;
    const picked = spec.pick(org, input);
    const holders = aliases(picked);
    const told = aliases(spec.told?.(org, input) ?? []);
    if (holders.length === 0) {
      if (steps.length === 0) toldBelow.push(...told);
      continue;
    }
    // Nobody new on this rung (a building leader who is also the branch secretary): asked once.
    if (holders.every((h) => steps.some((s) => s.holders.includes(h)))) continue;
    steps.push({ tier: spec.tier, holders, told, role: picked[0].role });
  }
  if (steps.length === 0) {
    // Nobody at all for this place: the community staff see it rather than nobody.
    const staff = aliases(org.holders('staff'));
    if (staff.length) steps.push({ tier: 'committee', holders: staff, told: [], role: 'staff' });
  }
  const first = steps[0];
  if (first) {
    const extra = [...toldBelow];
    if (input.urgency === 'urgent') extra.push(...aliases(org.holders('branch_secretary', inGrid(input))));
    first.told = [...new Set([...first.told, ...extra])].filter((a) => !first.holders.includes(a));
  }
  return steps;
}

/** The tier a post belongs to, for a ticket handed to it directly (转派, 接单 from above). */
export function tierOfRole(role: Role): Tier {
  switch (role) {
    case 'household':
      return 'household';
    case 'group_leader':
    case 'building_leader':
      return 'building';
    case 'staff':
    case 'committee_secretary':
    case 'unit_contact':
      return 'committee';
    default:
      return 'branch';
  }
}

/**
 * May this person act on a ticket (accept, resolve, transfer, decline, note)? The
 * current holders, anyone on a higher rung of its ladder, the branch secretary of its
 * grid, the committee secretary and community staff. Being told is not holding.
 */
export function mayActOn(org: OrgDirectory, ladder: RouteStep[], step: number, assignees: string[], alias: string, grid?: string | null): boolean {
  if (assignees.includes(alias)) return true;
  if (ladder.slice(step + 1).some((s) => s.holders.includes(alias))) return true;
  return org.postsOf(alias).some(
    (p) => p.role === 'staff' || p.role === 'committee_secretary' || (p.role === 'branch_secretary' && !!grid && p.grid === grid),
  );
}
