/**
 * Writing the organisation (one community or a county of them) into the database.
 * Rows carry their community's name: grids are unique per community, posts are held in
 * one community (county staff in none: ""), tickets, notices and activities belong to one.
 * What exists is read once, differences are computed in code, and writes go in batches
 * small enough for any SQL parameter limit, so a county of a thousand rooms and twenty
 * thousand people imports in seconds.
 */
import type { Db, Tx } from './db.js';
import { OrgDirectory } from '../org/directory.js';
import type { County, Org } from '../org/types.js';

const SNAPSHOT_KEY = 'org.snapshot';
const COUNTY_SNAPSHOT_KEY = 'county.snapshot';

/** Rows per statement: well under SQLite's (and Prisma's) bound-parameter limits. */
export const BATCH = 100;

export function* batches<T>(items: readonly T[], size = BATCH): Generator<T[]> {
  for (let i = 0; i < items.length; i += size) yield items.slice(i, i + size);
}

export interface ImportSummary {
  communities: number;
  grids: number;
  buildings: number;
  rooms: number;
  people: number;
  posts: number;
}

export interface OrgRows {
  grids: { community: string; name: string; buildings: string[] }[];
  rooms: { community: string; topic: string; kind: string; grid: string | null; building: string | null }[];
  people: { alias: string; name: string }[];
  posts: {
    community: string;
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

/** A grid's key: its name is unique only within its community. */
const gridKey = (community: string, name: string) => `${community}\u0000${name}`;

/** Grids, buildings and rooms no longer listed go; people keep their rows and what the bot learned. */
export async function writeOrgRows(tx: Tx, rows: OrgRows): Promise<{ buildings: number; people: number }> {
  const wantedGrids = new Set(rows.grids.map((g) => gridKey(g.community, g.name)));
  const grids = await tx.grid.findMany({ select: { id: true, community: true, name: true } });
  await deleteIds(
    grids.filter((g) => !wantedGrids.has(gridKey(g.community, g.name))).map((g) => g.id),
    (ids) => tx.grid.deleteMany({ where: { id: { in: ids } } }),
  );
  const haveGrids = new Set(grids.map((g) => gridKey(g.community, g.name)));
  for (const chunk of batches(rows.grids.filter((g) => !haveGrids.has(gridKey(g.community, g.name))))) {
    await tx.grid.createMany({ data: chunk.map((g) => ({ community: g.community, name: g.name })) });
  }
  const gridIds = new Map((await tx.grid.findMany({ select: { id: true, community: true, name: true } })).map((g) => [gridKey(g.community, g.name), g.id]));
  const gridId = (community: string, name: string) => gridIds.get(gridKey(community, name))!;

  const buildingKey = (id: number, number: string) => `${id}/${number}`;
  const wantedBuildings = new Set(rows.grids.flatMap((g) => g.buildings.map((b) => buildingKey(gridId(g.community, g.name), b))));
  const buildings = await tx.building.findMany({ select: { id: true, gridId: true, number: true } });
  await deleteIds(
    buildings.filter((b) => !wantedBuildings.has(buildingKey(b.gridId, b.number))).map((b) => b.id),
    (ids) => tx.building.deleteMany({ where: { id: { in: ids } } }),
  );
  const haveBuildings = new Set(buildings.map((b) => buildingKey(b.gridId, b.number)));
  const newBuildings = rows.grids.flatMap((g) =>
    g.buildings.map((number) => ({ gridId: gridId(g.community, g.name), number })).filter((b) => !haveBuildings.has(buildingKey(b.gridId, b.number))),
  );
  for (const chunk of batches(newBuildings)) await tx.building.createMany({ data: chunk });
  const buildingIds = new Map((await tx.building.findMany({ select: { id: true, gridId: true, number: true } })).map((b) => [buildingKey(b.gridId, b.number), b.id]));

  const wantedRooms = new Map(
    rows.rooms.map((r) => [r.topic, { community: r.community, kind: r.kind, gridId: r.grid ? gridId(r.community, r.grid) : null, building: r.building }]),
  );
  const rooms = await tx.room.findMany({ select: { id: true, topic: true, community: true, kind: true, gridId: true, building: true } });
  await deleteIds(
    rooms.filter((r) => !wantedRooms.has(r.topic)).map((r) => r.id),
    (ids) => tx.room.deleteMany({ where: { id: { in: ids } } }),
  );
  const haveRooms = new Map(rooms.map((r) => [r.topic, r]));
  for (const [topic, data] of wantedRooms) {
    const had = haveRooms.get(topic);
    if (had && (had.community !== data.community || had.kind !== data.kind || had.gridId !== data.gridId || had.building !== data.building)) {
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
    community: p.community,
    role: p.role,
    gridId: p.grid ? gridId(p.community, p.grid) : null,
    buildingId: p.grid && p.building ? buildingIds.get(buildingKey(gridId(p.community, p.grid), p.building))! : null,
    orgUnit: p.orgUnit,
    handles: p.handles,
    units: p.units,
    phonePublic: p.phonePublic,
  }));
  for (const chunk of batches(posts)) await tx.post.createMany({ data: chunk });
  return { buildings: wantedBuildings.size, people: personIds.size };
}

/** The rows of every community of a county, and its staff (posts in no community). */
function rowsOf(county: County, directories: OrgDirectory[]): OrgRows {
  const rows: OrgRows = { grids: [], rooms: [], people: [], posts: [] };
  for (const directory of directories) {
    const community = directory.communityName;
    for (const g of directory.grids) rows.grids.push({ community, name: g.name, buildings: g.buildings.map((b) => b.number) });
    for (const r of directory.allRooms()) rows.rooms.push({ community, topic: r.topic, kind: r.kind, grid: r.grid ?? null, building: r.building ?? null });
    for (const post of directory.posts) {
      const phone = directory.person(post.alias);
      rows.people.push({ alias: post.alias, name: post.name });
      rows.posts.push({
        community,
        alias: post.alias,
        role: post.role,
        grid: post.grid ?? null,
        building: post.grid && post.building ? post.building : null,
        orgUnit: post.orgUnit ?? null,
        handles: JSON.stringify(post.handles ?? []),
        units: JSON.stringify(post.units ?? []),
        phonePublic: phone?.phone_public ? (phone.phone ?? null) : null,
      });
    }
  }
  for (const s of county.staff) {
    rows.people.push({ alias: s.wechat, name: s.name });
    rows.posts.push({ community: '', alias: s.wechat, role: 'staff', grid: null, building: null, orgUnit: null, handles: '[]', units: '[]', phonePublic: null });
  }
  return rows;
}

/**
 * Writes the organisation in one transaction. Re-importing the same or an edited file
 * updates in place: posts are replaced, people keep their rows (and what the bot learned
 * about them), communities, grids, buildings and rooms no longer listed go. The same
 * WeChat id may hold posts in two communities: one person, posts in each.
 */
export async function importCountyRows(db: Db, county: County): Promise<ImportSummary> {
  const directories = county.communities.map((org) => new OrgDirectory(org));
  const names = county.communities.map((o) => o.community.name);
  return db.$transaction(async (tx) => {
    await adoptEarlierRows(tx, names, county.name === undefined);
    await tx.community.deleteMany({ where: { name: { notIn: names } } });
    for (const directory of directories) {
      await tx.community.upsert({
        where: { name: directory.communityName },
        create: { name: directory.communityName, botName: directory.botName },
        update: { botName: directory.botName },
      });
    }
    const rows = rowsOf(county, directories);
    const written = await writeOrgRows(tx, rows);

    // A one-community deployment keeps reading its organisation as before.
    await putSnapshot(tx, SNAPSHOT_KEY, county.communities.length === 1 ? JSON.stringify(county.communities[0]) : undefined);
    await putSnapshot(tx, COUNTY_SNAPSHOT_KEY, JSON.stringify(county));

    return { communities: names.length, grids: gridCount(county), buildings: written.buildings, rooms: rows.rooms.length, people: written.people, posts: rows.posts.length };
  });
}

function gridCount(county: County): number {
  return county.communities.reduce((n, o) => n + o.grids.length, 0);
}

async function putSnapshot(tx: Tx, key: string, value: string | undefined): Promise<void> {
  if (value === undefined) await tx.keyValue.deleteMany({ where: { key } });
  else await tx.keyValue.upsert({ where: { key }, create: { key, value }, update: { value } });
}

/**
 * Rows written before rows had a community (`""`), or under a community's old name when
 * a one-community file renames it, belong to the one community the database held: they
 * keep their ids (people's registered grid points at them) and their history. A county
 * never renames: another community's name is another community.
 */
async function adoptEarlierRows(tx: Tx, names: string[], mayRename: boolean): Promise<void> {
  const old = await renamedCommunity(tx, names, mayRename);
  if (!old) return;
  const target = names.length === 1 && mayRename ? names[0] : old;
  const from = { community: { in: ['', old] } };
  const data = { community: target };
  if (old !== target) await tx.community.update({ where: { name: old }, data: { name: target } });
  await tx.grid.updateMany({ where: from, data });
  await tx.room.updateMany({ where: from, data });
  await tx.ticket.updateMany({ where: from, data });
  await tx.notice.updateMany({ where: from, data });
  await tx.activity.updateMany({ where: from, data });
  // After the tickets: a ticket's history follows it (the key is community and number).
  await tx.ticketEvent.updateMany({ where: from, data });
  await tx.mediaFile.updateMany({ where: from, data });
  await tx.pendingAction.updateMany({ where: from, data });
}

/** The one community last imported, or undefined on a database that has none (or a county of several). */
export async function loadImportedOrg(db: Db | Tx): Promise<Org | undefined> {
  const row = await db.keyValue.findUnique({ where: { key: SNAPSHOT_KEY } });
  return row ? (JSON.parse(row.value) as Org) : undefined;
}

/** The county last imported (a one-community import reads as a county of one). */
export async function loadImportedCounty(db: Db | Tx): Promise<County | undefined> {
  const row = await db.keyValue.findUnique({ where: { key: COUNTY_SNAPSHOT_KEY } });
  if (row) return JSON.parse(row.value) as County;
  const org = await loadImportedOrg(db);
  return org ? { staff: [], accounts: [], communities: [org] } : undefined;
}

/** The one community the database held, where its rows are to be adopted (or renamed). */
async function renamedCommunity(db: Db | Tx, names: string[], mayRename: boolean): Promise<string | undefined> {
  const before = await db.community.findMany({ select: { name: true } });
  if (before.length !== 1) return undefined;
  const old = before[0].name;
  return names.includes(old) || (mayRename && names.length === 1) ? old : undefined;
}
