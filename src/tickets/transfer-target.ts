import type { OrgDirectory } from '../org/directory.js';
import type { PostHolding, Role } from '../org/types.js';

/** Post words a holder may write after 转派, longest first where one contains another. */
const POST_WORDS: [string, Role][] = [
  ['党员中心户', 'household'],
  ['中心户', 'household'],
  ['楼栋长', 'building_leader'],
  ['党小组长', 'group_leader'],
  ['小组长', 'group_leader'],
  ['党支部书记', 'branch_secretary'],
  ['支部书记', 'branch_secretary'],
  ['网格书记', 'branch_secretary'],
  ['卫生员', 'sanitation'],
  ['宣传员', 'publicity'],
  ['文体员', 'culture'],
  ['调解员', 'mediator'],
  ['物业', 'property_contact'],
  ['业委会', 'owners_committee'],
  ['大党委书记', 'committee_secretary'],
  ['社区书记', 'committee_secretary'],
  ['第一书记', 'committee_secretary'],
  ['社区工作人员', 'staff'],
  ['社区', 'staff'],
];

export interface TicketPlaceRef {
  gridName: string | null;
  building: string | null;
  unit: string | null;
}

/**
 * Whom `转派 #N 目标` means, for this ticket's place: a post (调解员 of the ticket's grid,
 * 楼栋长 of its building…), a member unit by name (派出所), a WeChat alias or a name of
 * the org file. Undefined when nobody fits.
 */
export function resolveTransferTarget(org: OrgDirectory, target: string, t: TicketPlaceRef): PostHolding | undefined {
  const word = target.trim().replace(/^@/, '');
  if (!word) return undefined;
  const byAlias = org.postsOf(word);
  if (byAlias.length) return preferHere(byAlias, t);
  const named = org.aliasesNamed(word);
  if (named.length === 1) return preferHere(org.postsOf(named[0]), t);
  const post = POST_WORDS.find(([w]) => word === w);
  if (post) return holderOf(org, post[1], t);
  return org.posts.find((p) => p.role === 'unit_contact' && p.orgUnit && (p.orgUnit.includes(word) || word.includes(p.orgUnit)));
}

function holderOf(org: OrgDirectory, role: Role, t: TicketPlaceRef): PostHolding | undefined {
  const grid = t.gridName ?? undefined;
  switch (role) {
    case 'staff':
    case 'committee_secretary':
      return org.holders(role)[0];
    case 'household': {
      if (!grid || !t.building) return undefined;
      const households = org.holders('household', { grid, building: t.building });
      return households.find((h) => !!t.unit && h.units?.includes(t.unit)) ?? (households.length === 1 ? households[0] : undefined);
    }
    case 'building_leader':
    case 'group_leader':
      return grid && t.building ? org.holders(role, { grid, building: t.building })[0] : undefined;
    default:
      return grid ? org.holders(role, { grid })[0] : undefined;
  }
}

/** A person with several posts: the one at this ticket's place, else their first. */
function preferHere(posts: PostHolding[], t: TicketPlaceRef): PostHolding {
  return (
    posts.find((p) => p.grid === t.gridName && p.building && p.building === t.building) ??
    posts.find((p) => p.grid === t.gridName && !p.building) ??
    posts[0]
  );
}
