/**
 * Writes an organisation's rows: what exists is read once, differences are computed in
 * code, and writes go in batches small enough for any SQL parameter limit, so a county
 * of a thousand rooms and twenty thousand people imports in seconds.
 */
import type { Tx } from './db.js';

/** Rows per statement: well under SQLite's (and Prisma's) bound-parameter limits. */
export const BATCH = 100;

export function* batches<T>(items: readonly T[], size = BATCH): Generator<T[]> {
  for (let i = 0; i < items.length; i += size) yield items.slice(i, i + size);
}

export interface OrgRows {
  grids: { name: string; buildings: string[] }[];
  rooms: { topic: string; kind: string; grid: string | null; building: string | null }[];
  people: { alias: string; name: string }[];
  posts: {
    alias: string;
    role: string;
    grid: string | null;
    building: string | null;
    orgUnit: string | null;
    handles: string;
    units: string;
    phonePublic: string | null;
  }[];
}

async function deleteIds(ids: number[], remove: (ids: number[]) => Promise<unknown>): Promise<void> {
  for (const chunk of batches(ids)) await remove(chunk);
}

/** Grids, buildings and rooms no longer listed go; people keep their rows and what the bot learned. */
export async function writeOrgRows(tx: Tx, rows: OrgRows): Promise<{ buildings: number; people: number }> {
  const wantedGrids = new Set(rows.grids.map((g) => g.name));
  const grids = await tx.grid.findMany({ select: { id: true, name: true } });
  await deleteIds(
    grids.filter((g) => !wantedGrids.has(g.name)).map((g) => g.id),
    (ids) => tx.grid.deleteMany({ where: { id: { in: ids } } }),
  );
  const haveGrids = new Set(grids.map((g) => g.name));
  for (const chunk of batches(rows.grids.filter((g) => !haveGrids.has(g.name)))) {
    await tx.grid.createMany({ data: chunk.map((g) => ({ name: g.name })) });
  }
  const gridIds = new Map((await tx.grid.findMany({ select: { id: true, name: true } })).map((g) => [g.name, g.id]));

  const buildingKey = (gridId: number, number: string) => `${gridId}/${number}`;
  const wantedBuildings = new Set(rows.grids.flatMap((g) => g.buildings.map((b) => buildingKey(gridIds.get(g.name)!, b))));
  const buildings = await tx.building.findMany({ select: { id: true, gridId: true, number: true } });
  await deleteIds(
    buildings.filter((b) => !wantedBuildings.has(buildingKey(b.gridId, b.number))).map((b) => b.id),
    (ids) => tx.building.deleteMany({ where: { id: { in: ids } } }),
  );
  const haveBuildings = new Set(buildings.map((b) => buildingKey(b.gridId, b.number)));
  const newBuildings = rows.grids.flatMap((g) =>
    g.buildings.map((number) => ({ gridId: gridIds.get(g.name)!, number })).filter((b) => !haveBuildings.has(buildingKey(b.gridId, b.number))),
  );
  for (const chunk of batches(newBuildings)) await tx.building.createMany({ data: chunk });
  const buildingIds = new Map((await tx.building.findMany({ select: { id: true, gridId: true, number: true } })).map((b) => [buildingKey(b.gridId, b.number), b.id]));

  const wantedRooms = new Map(rows.rooms.map((r) => [r.topic, { kind: r.kind, gridId: r.grid ? gridIds.get(r.grid)! : null, building: r.building }]));
  const rooms = await tx.room.findMany({ select: { id: true, topic: true, kind: true, gridId: true, building: true } });
  await deleteIds(
    rooms.filter((r) => !wantedRooms.has(r.topic)).map((r) => r.id),
    (ids) => tx.room.deleteMany({ where: { id: { in: ids } } }),
  );
  const haveRooms = new Map(rooms.map((r) => [r.topic, r]));
  for (const [topic, data] of wantedRooms) {
    const had = haveRooms.get(topic);
    if (had && (had.kind !== data.kind || had.gridId !== data.gridId || had.building !== data.building)) {
      await tx.room.update({ where: { id: had.id }, data });
    }
  }
  const newRooms = [...wantedRooms].filter(([topic]) => !haveRooms.has(topic)).map(([topic, data]) => ({ topic, ...data }));
  for (const chunk of batches(newRooms)) await tx.room.createMany({ data: chunk });

  const personIds = new Map<string, number>();
  const wantedPeople = new Map<string, string>();
  for (const p of rows.people) if (!wantedPeople.has(p.alias)) wantedPeople.set(p.alias, p.name);
  for (const chunk of batches([...wantedPeople.keys()])) {
    const found = await tx.person.findMany({ where: { alias: { in: chunk } }, select: { id: true, alias: true, name: true, fromOrg: true } });
    for (const p of found) {
      personIds.set(p.alias!, p.id);
      const name = wantedPeople.get(p.alias!)!;
      if (p.name !== name || !p.fromOrg) await tx.person.update({ where: { id: p.id }, data: { name, fromOrg: true } });
    }
  }
  const newPeople = [...wantedPeople].filter(([alias]) => !personIds.has(alias));
  for (const chunk of batches(newPeople)) {
    await tx.person.createMany({ data: chunk.map(([alias, name]) => ({ alias, name, fromOrg: true })) });
    const created = await tx.person.findMany({ where: { alias: { in: chunk.map(([alias]) => alias) } }, select: { id: true, alias: true } });
    for (const p of created) personIds.set(p.alias!, p.id);
  }
  const formerly = await tx.person.findMany({ where: { fromOrg: true }, select: { id: true, alias: true } });
  await deleteIds(
    formerly.filter((p) => !p.alias || !wantedPeople.has(p.alias)).map((p) => p.id),
    (ids) => tx.person.updateMany({ where: { id: { in: ids } }, data: { fromOrg: false } }),
  );

  await tx.post.deleteMany({});
  const posts = rows.posts.map((p) => ({
    personId: personIds.get(p.alias)!,
    role: p.role,
    gridId: p.grid ? gridIds.get(p.grid)! : null,
    buildingId: p.grid && p.building ? buildingIds.get(buildingKey(gridIds.get(p.grid)!, p.building))! : null,
    orgUnit: p.orgUnit,
    handles: p.handles,
    units: p.units,
    phonePublic: p.phonePublic,
  }));
  for (const chunk of batches(posts)) await tx.post.createMany({ data: chunk });
  return { buildings: wantedBuildings.size, people: personIds.size };
}
