/**
 * Who is looking at the console and what they may see and change, from the organisation
 * file alone. Every route asks these questions on the server; hiding a button is only
 * a courtesy.
 */
import type { OrgDirectory } from '../org/directory.js';
import type { PostHolding } from '../org/types.js';
import type { TicketScope } from '../store/console-tickets.js';

export interface Viewer {
  alias: string;
  name: string;
  posts: PostHolding[];
  /** Community staff and the committee secretary: the whole community. */
  community: boolean;
  /** Grids led as branch secretary. */
  grids: string[];
  scope: TicketScope;
  label: string;
  /** County staff where the deployment is a county: they see the county overview. */
  county: boolean;
}

const COMMUNITY_ROLES = new Set(['staff', 'committee_secretary']);

/** undefined when the alias holds no post of the organisation: such a person has no console. */
export function viewerOf(org: OrgDirectory, alias: string): Viewer | undefined {
  const posts = org.postsOf(alias);
  if (posts.length === 0) return undefined;
  const community = posts.some((p) => COMMUNITY_ROLES.has(p.role));
  const grids = org.gridsLedBy(alias);
  const scope: TicketScope = community ? { kind: 'all' } : grids.length ? { kind: 'grids', grids } : { kind: 'held', alias };
  const label = community ? `${org.communityName}（全社区）` : grids.length ? `${grids.join('、')}网格` : '我办理的工单';
  const county = org.county !== undefined && org.isCountyStaff(alias);
  return { alias, name: posts[0].name, posts, community, grids, scope, label, county };
}

/** Grids a viewer may look at and change (the organisation, notices, figures). */
export function gridsOf(org: OrgDirectory, v: Viewer): string[] {
  return v.community ? org.grids.map((g) => g.name) : v.grids;
}

export function mayManageGrid(v: Viewer, grid: string | undefined | null): boolean {
  if (v.community) return true;
  return !!grid && v.grids.includes(grid);
}

/** The residents' groups a viewer answers for; undefined for community staff, who see every group. */
export function roomsOf(org: OrgDirectory, v: Viewer): string[] | undefined {
  return v.community ? undefined : v.grids.flatMap((g) => org.residentRooms(g).map((r) => r.topic));
}
