import type { Tx } from './db.js';

/** Where a person said they live (登记), or was learned to live from their group. */
export interface ResidentHome {
  /** Null when no grid is registered. */
  gridName: string | null;
  building: string | null;
  unit: string | null;
  room: string | null;
  /** The contact id of this login, to find where they last spoke. */
  chatId: string | null;
}

/** The one place the registered address is read: the person row and its grid's name. Null for an unknown person. */
export async function residentHome(db: Tx, personId: number): Promise<ResidentHome | null> {
  const person = await db.person.findUnique({ where: { id: personId }, select: { gridId: true, building: true, unit: true, room: true, chatId: true } });
  if (!person) return null;
  const grid = person.gridId ? await db.grid.findUnique({ where: { id: person.gridId }, select: { name: true } }) : null;
  return { gridName: grid?.name ?? null, building: person.building, unit: person.unit, room: person.room, chatId: person.chatId };
}

/** 登记: records a resident's address in a grid of this community; false when the grid is not set up. */
export async function registerResidentHome(
  db: Tx,
  personId: number,
  home: { community: string; gridName: string; building: string; unit: string | null; room: string | null },
): Promise<boolean> {
  const grid = await db.grid.findUnique({ where: { community_name: { community: home.community, name: home.gridName } } });
  if (!grid) return false;
  await db.person.update({ where: { id: personId }, data: { gridId: grid.id, building: home.building, unit: home.unit, room: home.room } });
  return true;
}

/** The group a contact last spoke in (any kind of group), or null. */
export async function lastRoomOf(db: Tx, chatId: string | null): Promise<string | null> {
  if (!chatId) return null;
  const last = await db.inboundMessage.findFirst({ where: { senderChat: chatId, roomTopic: { not: null } }, orderBy: { id: 'desc' }, select: { roomTopic: true } });
  return last?.roomTopic ?? null;
}
