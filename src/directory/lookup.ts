/**
 * Who holds a post for a place: names and posts from the organisation file, and a phone
 * number only where the file marks it public.
 */
import type { OrgDirectory } from '../org/directory.js';
import type { Org, PersonRef, PostHolding, Role } from '../org/types.js';
import { ROLE_LABELS } from '../org/types.js';
import type { AskedPost } from './ask.js';

export interface Place {
  grid?: string | null;
  building?: string | null;
}

export interface Entry {
  /** "丽水鑫城1栋楼栋长" */
  label: string;
  name: string;
  /** Only a phone marked phone_public. */
  phone?: string;
}

/** Public phone numbers by WeChat alias, read from the file (the directory keeps none). */
export function publicPhones(org: Org): Map<string, string> {
  const out = new Map<string, string>();
  const add = (p?: PersonRef) => {
    if (p?.phone && p.phone_public === true) out.set(p.wechat, String(p.phone));
  };
  org.community.staff.forEach(add);
  add(org.community.committee.secretary);
  for (const u of org.community.committee.units ?? []) add(u.contact);
  for (const g of org.grids) {
    add(g.branch.secretary);
    Object.values(g.officers ?? {}).forEach(add);
    add(g.property?.company?.contact);
    add(g.property?.owners_committee);
    for (const b of g.buildings) {
      add(b.group_leader);
      add(b.building_leader);
      (b.households ?? []).forEach(add);
    }
  }
  return out;
}

const GRID_TEAM: Role[] = ['branch_secretary', 'sanitation', 'publicity', 'culture', 'mediator'];

function rolesFor(post: AskedPost): Role[] {
  switch (post) {
    case 'grid_team':
      return GRID_TEAM;
    case 'property':
      return ['property_contact'];
    default:
      return [post];
  }
}

const BUILDING_ROLES: Role[] = ['building_leader', 'group_leader', 'household'];
const COMMUNITY_ROLES: Role[] = ['committee_secretary', 'staff', 'unit_contact'];

/** Where a post is looked up: building posts need a building, grid posts a grid. */
export type Missing = 'grid' | 'building';

export function whoHolds(org: OrgDirectory, post: AskedPost, place: Place): Entry[] | Missing {
  const phones = publicPhones(org.org);
  const roles = rolesFor(post);
  const entry = (p: PostHolding, where: string): Entry => {
    const label = p.role === 'property_contact' && p.orgUnit ? `${where}物业（${p.orgUnit}）` : `${where}${ROLE_LABELS[p.role]}`;
    const phone = phones.get(p.alias);
    return { label, name: p.name, ...(phone ? { phone } : {}) };
  };
  if (roles.some((r) => COMMUNITY_ROLES.includes(r))) {
    return roles.flatMap((r) => org.holders(r)).map((p) => entry(p, ''));
  }
  if (!place.grid) return 'grid';
  if (roles.some((r) => BUILDING_ROLES.includes(r))) {
    if (!place.building) return 'building';
    return roles.flatMap((r) => org.holders(r, { grid: place.grid!, building: place.building! })).map((p) => entry(p, `${place.building}栋`));
  }
  return roles.flatMap((r) => org.holders(r, { grid: place.grid! })).map((p) => entry(p, ''));
}

/** Everything a resident of this place may want: their building's posts, their grid's, the property. */
export const ADDRESS_BOOK: AskedPost[] = ['building_leader', 'group_leader', 'grid_team', 'property'];
