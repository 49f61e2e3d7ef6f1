/**
 * Where a notice or an activity goes (docs/interfaces.md §4): `全社区` (every residents'
 * group, never the staff group), a grid's name (its groups), `网格名 N栋` (that
 * building's group, else the grid-wide groups its residents are in) or one group by its
 * topic. Pure: a function of the organisation and the words typed.
 */
import type { OrgDirectory, RoomInfo } from './directory.js';

export const WHOLE_COMMUNITY = '全社区';
/** County staff's scope: every community; each community's bot posts to its own groups. */
export const WHOLE_COUNTY = '全县';

export interface Scope {
  /** As it reads back: 全社区, 丽水鑫城, 丽水鑫城3栋, a topic. */
  label: string;
  rooms: RoomInfo[];
  /** Grids the rooms belong to (none for a community room). */
  grids: string[];
  wholeCommunity: boolean;
  /** 全县 or the community's name: county staff only. */
  county?: boolean;
}

const BUILDING = /^\s*([0-9A-Za-z]+)\s*(?:栋|号楼|幢|座)/;

/**
 * Reads the scope at the start of `text`; the longest name wins (丽水鑫城业主群 before
 * 丽水鑫城). `consumed` is how many characters of `text` the scope took.
 */
export function parseScope(text: string, org: OrgDirectory): { scope: Scope; rest: string; consumed: number } | undefined {
  // In a county, 全县 and the community's own name reach this community's residents' groups.
  const countyWords = org.county ? [WHOLE_COUNTY, org.communityName].map((word) => ({ word, kind: 'county' as const })) : [];
  const names: { word: string; kind: 'community' | 'county' | 'grid' | 'room' }[] = [
    ...countyWords,
    { word: WHOLE_COMMUNITY, kind: 'community' as const },
    ...org.grids.map((g) => ({ word: g.name, kind: 'grid' as const })),
    ...org.allRooms().map((r) => ({ word: r.topic, kind: 'room' as const })),
  ].sort((a, b) => b.word.length - a.word.length);
  for (const { word, kind } of names) {
    if (!text.startsWith(word)) continue;
    const done = (scope: Scope, consumed: number) => ({ scope, rest: text.slice(consumed).trim(), consumed });
    if (kind === 'community' || kind === 'county') {
      const rooms = org.residentRooms();
      return done({ label: word, rooms, grids: gridsOf(rooms), wholeCommunity: true, ...(kind === 'county' ? { county: true } : {}) }, word.length);
    }
    if (kind === 'room') {
      const room = org.room(word)!;
      return done({ label: word, rooms: [room], grids: gridsOf([room]), wholeCommunity: false }, word.length);
    }
    const gridRooms = org.residentRooms(word);
    const building = BUILDING.exec(text.slice(word.length));
    if (building) {
      const own = gridRooms.filter((r) => r.building === building[1]);
      const gridWide = gridRooms.filter((r) => !r.building);
      const rooms = own.length ? own : gridWide.length ? gridWide : gridRooms;
      return done({ label: `${word}${building[1]}栋`, rooms, grids: [word], wholeCommunity: false }, word.length + building[0].length);
    }
    return done({ label: word, rooms: gridRooms, grids: [word], wholeCommunity: false }, word.length);
  }
  return undefined;
}

function gridsOf(rooms: RoomInfo[]): string[] {
  return [...new Set(rooms.map((r) => r.grid).filter((g): g is string => !!g))];
}
