import type { Category } from '../kernel/domain.js';
import type { BuildingDef, GridDef, Org, PersonRef, PostHolding, Role, RoomDef } from './types.js';

/** What a community's bot knows of its county: for the scopes 全县 and a community's name. */
export interface CountyView {
  name: string;
  communities: string[];
  /** WeChat ids of the county's staff. */
  staff: string[];
  /**
   * The account that speaks for each community ("" where the file lists no accounts: one
   * login serves them all): where county staff's 全县 is handed on to (app/relay.ts).
   */
  servedBy?: Record<string, string>;
}

export interface RoomInfo {
  topic: string;
  kind: 'residents' | 'staff' | 'committee';
  grid?: string;
  building?: string;
}

/** Every post of the organisation file, flattened, with fast look-ups. Pure and immutable. */
export class OrgDirectory {
  readonly posts: readonly PostHolding[];
  private readonly byAlias = new Map<string, PostHolding[]>();
  private readonly byName = new Map<string, Set<string>>();
  private readonly people = new Map<string, PersonRef>();
  private readonly rooms = new Map<string, RoomInfo>();
  private readonly gridsByName = new Map<string, GridDef>();

  constructor(
    readonly org: Org,
    /** Set where the community is one of a county's. */
    readonly county?: CountyView,
  ) {
    this.posts = flattenPosts(org);
    for (const post of this.posts) {
      const list = this.byAlias.get(post.alias) ?? [];
      list.push(post);
      this.byAlias.set(post.alias, list);
      const names = this.byName.get(post.name) ?? new Set<string>();
      names.add(post.alias);
      this.byName.set(post.name, names);
    }
    for (const p of allPeople(org)) {
      const known = this.people.get(p.wechat);
      if (!known || (p.phone && !known.phone)) this.people.set(p.wechat, p);
    }
    for (const r of org.community.rooms) this.rooms.set(r.topic, roomInfo(r));
    for (const g of org.grids) {
      this.gridsByName.set(g.name, g);
      for (const r of g.rooms) this.rooms.set(r.topic, roomInfo(r, g.name));
    }
  }

  get communityName(): string {
    return this.org.community.name;
  }

  get botName(): string {
    return this.org.community.bot_name ?? '网格助手';
  }

  get grids(): readonly GridDef[] {
    return this.org.grids;
  }

  grid(name: string | undefined | null): GridDef | undefined {
    return name ? this.gridsByName.get(name) : undefined;
  }

  building(grid: string | undefined | null, number: string | undefined | null): BuildingDef | undefined {
    if (!number) return undefined;
    return this.grid(grid)?.buildings.find((b) => b.number === number);
  }

  room(topic: string): RoomInfo | undefined {
    return this.rooms.get(topic);
  }

  allRooms(): RoomInfo[] {
    return [...this.rooms.values()];
  }

  residentRooms(grid?: string): RoomInfo[] {
    return this.allRooms().filter((r) => r.kind === 'residents' && (!grid || r.grid === grid));
  }

  /** Where a resident of this grid (and building) belongs: the building's own group, else the grid's, else any of the grid's. */
  residentRoomFor(grid: string, building: string | null | undefined): RoomInfo | undefined {
    const rooms = this.residentRooms(grid);
    return rooms.find((r) => !!building && r.building === building) ?? rooms.find((r) => !r.building) ?? rooms[0];
  }

  staffRooms(): RoomInfo[] {
    return this.allRooms().filter((r) => r.kind === 'staff');
  }

  person(alias: string): PersonRef | undefined {
    return this.people.get(alias);
  }

  postsOf(alias: string | undefined | null): PostHolding[] {
    return alias ? (this.byAlias.get(alias) ?? []) : [];
  }

  /** Aliases of post-holders shown under this name (a name alone never makes a post-holder). */
  aliasesNamed(name: string): string[] {
    return [...(this.byName.get(name) ?? [])];
  }

  hasRole(alias: string | undefined | null, ...roles: Role[]): boolean {
    return this.postsOf(alias).some((p) => roles.includes(p.role));
  }

  /** County staff: they may use the scopes 全县 and a community's name. */
  isCountyStaff(alias: string | undefined | null): boolean {
    return !!alias && !!this.county?.staff.includes(alias);
  }

  isStaff(alias: string | undefined | null): boolean {
    return this.hasRole(alias, 'staff');
  }

  /** Grids in which this person holds a grid-wide post (branch secretary or an officer). */
  gridsLedBy(alias: string, roles: Role[] = ['branch_secretary']): string[] {
    return [...new Set(this.postsOf(alias).filter((p) => roles.includes(p.role) && p.grid).map((p) => p.grid!))];
  }

  unitHandling(category: Category): PostHolding | undefined {
    return this.posts.find((p) => p.role === 'unit_contact' && p.handles?.includes(category));
  }

  holders(role: Role, where: { grid?: string; building?: string } = {}): PostHolding[] {
    return this.posts.filter(
      (p) =>
        p.role === role &&
        (where.grid === undefined || p.grid === where.grid) &&
        (where.building === undefined || p.building === where.building),
    );
  }
}

function roomInfo(r: RoomDef, grid?: string): RoomInfo {
  return { topic: r.topic, kind: r.kind ?? (grid ? 'residents' : 'staff'), grid, building: r.building };
}

/** Every person of the file as written there (with phone fields), each post-holder once per post. */
function allPeople(org: Org): PersonRef[] {
  const c = org.community;
  return [
    ...c.staff,
    c.committee.secretary,
    ...(c.committee.units ?? []).map((u) => u.contact),
    ...org.grids.flatMap((g) => [
      g.branch.secretary,
      ...Object.values(g.officers ?? {}).filter((p): p is PersonRef => !!p),
      ...(g.property?.company ? [g.property.company.contact] : []),
      ...(g.property?.owners_committee ? [g.property.owners_committee] : []),
      ...g.buildings.flatMap((b) => [b.group_leader, b.building_leader, ...(b.households ?? [])]),
    ]),
  ];
}

export function flattenPosts(org: Org): PostHolding[] {
  const out: PostHolding[] = [];
  const add = (role: Role, p: PersonRef | undefined, extra: Partial<PostHolding> = {}) => {
    if (p) out.push({ role, alias: p.wechat, name: p.name, ...extra });
  };
  for (const s of org.community.staff) add('staff', s);
  add('committee_secretary', org.community.committee.secretary);
  for (const u of org.community.committee.units ?? []) {
    add('unit_contact', u.contact, { orgUnit: u.name, handles: [...u.handles] });
  }
  for (const g of org.grids) {
    add('branch_secretary', g.branch.secretary, { grid: g.name });
    for (const [post, p] of Object.entries(g.officers ?? {})) add(post as Role, p, { grid: g.name });
    add('property_contact', g.property?.company?.contact, { grid: g.name, orgUnit: g.property?.company?.name });
    add('owners_committee', g.property?.owners_committee, { grid: g.name });
    for (const b of g.buildings) {
      add('group_leader', b.group_leader, { grid: g.name, building: b.number });
      add('building_leader', b.building_leader, { grid: g.name, building: b.number });
      for (const h of b.households ?? []) add('household', h, { grid: g.name, building: b.number, units: [...h.units] });
    }
  }
  return out;
}
