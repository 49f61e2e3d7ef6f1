import type { Speaker } from '../app/context.js';
import type { OrgDirectory, RoomInfo } from '../org/directory.js';
import type { Role } from '../org/types.js';

/** Grid posts that may publish volunteer activities for their own grid. */
export const GRID_ORGANISER_ROLES: Role[] = ['branch_secretary', 'culture'];

export interface ActivityScope {
  /** As the organiser typed it, or how the default reach is called. */
  label: string;
  rooms: string[];
}

/**
 * Reads a scope at the start of a list of words (interfaces.md §4): `全社区`, a grid's
 * name, `网格名 N栋` / `网格名N栋`, or a group's topic. Returns how many words it took.
 */
export function matchScope(org: OrgDirectory, words: string[]): { scope: ActivityScope; used: number } | undefined {
  const [first, second] = words;
  if (!first) return undefined;
  if (first === '全社区') return { scope: { label: '全社区', rooms: topics(org.residentRooms()) }, used: 1 };
  const room = org.room(first);
  if (room?.kind === 'residents') return { scope: { label: room.topic, rooms: [room.topic] }, used: 1 };
  const grid = org.grid(first);
  if (grid) {
    const building = second && /^([0-9A-Za-z]+)(?:栋|号楼|幢)$/.exec(second)?.[1];
    if (building) return { scope: buildingScope(org, grid.name, building), used: 2 };
    return { scope: { label: grid.name, rooms: topics(org.residentRooms(grid.name)) }, used: 1 };
  }
  for (const g of org.grids) {
    const joined = first.startsWith(g.name) && /^([0-9A-Za-z]+)(?:栋|号楼|幢)$/.exec(first.slice(g.name.length))?.[1];
    if (joined) return { scope: buildingScope(org, g.name, joined), used: 1 };
  }
  return undefined;
}

/** A building's own group, else its grid's groups (the building's residents are there too). */
function buildingScope(org: OrgDirectory, grid: string, building: string): ActivityScope {
  const rooms = org.residentRooms(grid);
  const own = rooms.filter((r) => r.building === building);
  return { label: `${grid}${building}栋`, rooms: topics(own.length ? own : rooms.filter((r) => !r.building)) };
}

/** Grids in which this speaker may organise (for staff: all of them). */
export function organiserGrids(speaker: Speaker, org: OrgDirectory): string[] | 'all' {
  if (speaker.isStaff) return 'all';
  return org.gridsLedBy(speaker.alias, GRID_ORGANISER_ROLES);
}

export function mayOrganise(speaker: Speaker, org: OrgDirectory): boolean {
  const grids = organiserGrids(speaker, org);
  return grids === 'all' || grids.length > 0;
}

/**
 * Where an activity without a scope goes: the group it was published in, else the
 * speaker's whole reach (every residents' group for staff, their grid's for an officer).
 */
export function defaultScope(speaker: Speaker, org: OrgDirectory, room: RoomInfo | undefined): ActivityScope {
  if (room?.kind === 'residents') return { label: room.topic, rooms: [room.topic] };
  const grids = organiserGrids(speaker, org);
  if (grids === 'all') return { label: '全社区', rooms: topics(org.residentRooms()) };
  return { label: grids.join('、'), rooms: topics(grids.flatMap((g) => org.residentRooms(g))) };
}

/** Rooms of a scope the speaker may not reach; empty when all are theirs. */
export function roomsOutsideReach(speaker: Speaker, org: OrgDirectory, rooms: string[]): string[] {
  const grids = organiserGrids(speaker, org);
  if (grids === 'all') return [];
  return rooms.filter((t) => !grids.includes(org.room(t)?.grid ?? ''));
}

const topics = (rooms: RoomInfo[]) => rooms.map((r) => r.topic);
