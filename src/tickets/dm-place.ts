import type { OrgDirectory, RoomInfo } from '../org/directory.js';

/**
 * The residents' group a direct message's own words point to, for a resident the bot
 * does not know yet: a grid named in the text (the one holding the building where
 * several are named), else the only grid that has the building the text gives. Nothing
 * when the words leave it open — the caller asks rather than guesses.
 */
export function roomFromWords(org: OrgDirectory, text: string, building: string | null | undefined): RoomInfo | undefined {
  const hasBuilding = (g: { buildings: { number: string }[] }) => !!building && g.buildings.some((b) => b.number === building);
  const named = org.grids.filter((g) => text.includes(g.name));
  const candidates = named.length ? (named.length > 1 && building ? named.filter(hasBuilding) : named) : org.grids.filter(hasBuilding);
  if (candidates.length !== 1) return undefined;
  return org.residentRoomFor(candidates[0]!.name, building);
}
