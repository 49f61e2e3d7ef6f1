import type { Speaker } from '../kernel/context.js';
import type { OrgDirectory, RoomInfo } from '../org/directory.js';
import type { Role } from '../org/types.js';
import { parseScope } from '../org/scope.js';

/** Grid posts that may publish volunteer activities for their own grid. */
export const GRID_ORGANISER_ROLES: Role[] = ['branch_secretary', 'culture'];

export interface ActivityScope {
  /** As the organiser typed it, or how the default reach is called. */
  label: string;
  rooms: string[];
}

/**
 * Reads a scope at the start of a list of words (the shared reading of src/org/scope.ts):
 * only residents' groups, and only whole words. Returns how many words it took.
 */
export function matchScope(org: OrgDirectory, words: string[]): { scope: ActivityScope; used: number } | undefined {
  const text = words.join(' ');
  const parsed = parseScope(text, org);
  if (!parsed || (parsed.consumed < text.length && text[parsed.consumed] !== ' ')) return undefined;
  if (parsed.scope.rooms.some((r) => r.kind !== 'residents')) return undefined;
  const used = text.slice(0, parsed.consumed).split(' ').filter(Boolean).length;
  return { scope: { label: parsed.scope.label, rooms: topics(parsed.scope.rooms) }, used };
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
