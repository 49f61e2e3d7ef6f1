/**
 * Where a notice goes: `全社区` (every residents' group, never the staff group), a grid
 * (its groups), `网格名 N栋` (that building's group, else the grid's groups) or one group
 * by its topic. Pure: a function of the organisation and the words typed.
 */
import type { Speaker } from '../app/context.js';
import type { OrgDirectory, RoomInfo } from '../org/directory.js';
import type { Role } from '../org/types.js';

export const WHOLE_COMMUNITY = '全社区';

export interface ResolvedScope {
  /** As it reads back to staff: 全社区, 丽水鑫城, 丽水鑫城 3栋, a topic. */
  label: string;
  rooms: RoomInfo[];
  /** Grids the rooms belong to (none for a community room). */
  grids: string[];
  wholeCommunity: boolean;
}

/** Roles that may send notices to their own grid besides community staff. */
export const GRID_NOTICE_ROLES: Role[] = ['branch_secretary', 'publicity'];

export function mayUseNotices(speaker: Speaker, org: OrgDirectory): boolean {
  return speaker.isStaff || org.gridsLedBy(speaker.alias, GRID_NOTICE_ROLES).length > 0;
}

/** Reads the scope at the start of `text`; the longest name wins (丽水鑫城业主群 before 丽水鑫城). */
export function parseScope(text: string, org: OrgDirectory): { scope: ResolvedScope; rest: string } | undefined {
  const names: { word: string; kind: 'community' | 'grid' | 'room' }[] = [
    { word: WHOLE_COMMUNITY, kind: 'community' as const },
    ...org.grids.map((g) => ({ word: g.name, kind: 'grid' as const })),
    ...org.allRooms().map((r) => ({ word: r.topic, kind: 'room' as const })),
  ].sort((a, b) => b.word.length - a.word.length);
  for (const { word, kind } of names) {
    if (!text.startsWith(word)) continue;
    let rest = text.slice(word.length);
    if (kind === 'community') {
      const rooms = org.residentRooms();
      return { scope: { label: word, rooms, grids: gridsOf(rooms), wholeCommunity: true }, rest: rest.trim() };
    }
    if (kind === 'room') {
      const room = org.room(word)!;
      return { scope: { label: word, rooms: [room], grids: gridsOf([room]), wholeCommunity: false }, rest: rest.trim() };
    }
    const gridRooms = org.residentRooms(word);
    const building = new RegExp(String.raw`^\s*([0-9A-Za-z]+)\s*(?:栋|号楼|幢)`).exec(rest);
    if (building) {
      rest = rest.slice(building[0].length);
      const own = gridRooms.filter((r) => r.building === building[1]);
      const rooms = own.length > 0 ? own : gridRooms;
      return { scope: { label: `${word} ${building[1]}栋`, rooms, grids: [word], wholeCommunity: false }, rest: rest.trim() };
    }
    return { scope: { label: word, rooms: gridRooms, grids: [word], wholeCommunity: false }, rest: rest.trim() };
  }
  return undefined;
}

function gridsOf(rooms: RoomInfo[]): string[] {
  return [...new Set(rooms.map((r) => r.grid).filter((g): g is string => !!g))];
}

/** Why this speaker may not send to this scope, or undefined when they may. */
export function scopeRefusal(speaker: Speaker, org: OrgDirectory, scope: ResolvedScope): string | undefined {
  if (speaker.isStaff) return undefined;
  const own = org.gridsLedBy(speaker.alias, GRID_NOTICE_ROLES);
  if (scope.wholeCommunity) return '只有社区工作人员可以向全社区发通知。';
  const outside = scope.rooms.filter((r) => !r.grid || !own.includes(r.grid));
  if (outside.length > 0) return `您只能向自己网格（${own.join('、')}）的群发通知。`;
  return undefined;
}

/** An example scope from this organisation, for messages that show the right form. */
export function exampleScope(org: OrgDirectory): string {
  return org.grids[0]?.name ?? WHOLE_COMMUNITY;
}
