/**
 * Writing the organisation (one community or a county of them) into the database.
 * Rows carry their community's name: grids are unique per community, posts are held in
 * one community (county staff in none: ""), tickets, notices and activities belong to one.
 */
import type { Db, Tx } from './db.js';
import { OrgDirectory } from '../org/directory.js';
import type { County, Org } from '../org/types.js';

const SNAPSHOT_KEY = 'org.snapshot';
const COUNTY_SNAPSHOT_KEY = 'county.snapshot';

export interface ImportSummary {
  communities: number;
  grids: number;
  buildings: number;
  rooms: number;
  people: number;
  posts: number;
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
    await tx.grid.deleteMany({ where: { community: { notIn: names } } });

    const personIds = new Map<string, number>();
    const person = async (alias: string, name: string) => {
      if (personIds.has(alias)) return personIds.get(alias)!;
      const row = await tx.person.upsert({
        where: { alias },
        create: { alias, name, fromOrg: true },
        update: { name, fromOrg: true },
      });
      personIds.set(alias, row.id);
      return row.id;
    };

    await tx.post.deleteMany({});
    let buildings = 0;
    let rooms = 0;
    let posts = 0;
    for (const directory of directories) {
      const community = directory.communityName;
      await tx.community.upsert({
        where: { name: community },
        create: { name: community, botName: directory.botName },
        update: { botName: directory.botName },
      });
      await tx.grid.deleteMany({ where: { community, name: { notIn: directory.grids.map((g) => g.name) } } });
      const gridIds = new Map<string, number>();
      const buildingIds = new Map<string, number>();
      for (const g of directory.grids) {
        const grid = await tx.grid.upsert({
          where: { community_name: { community, name: g.name } },
          create: { community, name: g.name },
          update: {},
        });
        gridIds.set(g.name, grid.id);
        await tx.building.deleteMany({ where: { gridId: grid.id, number: { notIn: g.buildings.map((b) => b.number) } } });
        for (const b of g.buildings) {
          const row = await tx.building.upsert({
            where: { gridId_number: { gridId: grid.id, number: b.number } },
            create: { gridId: grid.id, number: b.number },
            update: {},
          });
          buildingIds.set(`${g.name}/${b.number}`, row.id);
        }
      }
      buildings += buildingIds.size;

      for (const r of directory.allRooms()) {
        const data = { community, kind: r.kind, gridId: r.grid ? gridIds.get(r.grid)! : null, building: r.building ?? null };
        await tx.room.upsert({ where: { topic: r.topic }, create: { topic: r.topic, ...data }, update: data });
        rooms += 1;
      }

      for (const post of directory.posts) {
        const phone = directory.person(post.alias);
        await tx.post.create({
          data: {
            personId: await person(post.alias, post.name),
            community,
            role: post.role,
            gridId: post.grid ? gridIds.get(post.grid)! : null,
            buildingId: post.grid && post.building ? buildingIds.get(`${post.grid}/${post.building}`)! : null,
            orgUnit: post.orgUnit ?? null,
            handles: JSON.stringify(post.handles ?? []),
            units: JSON.stringify(post.units ?? []),
            phonePublic: phone?.phone_public ? (phone.phone ?? null) : null,
          },
        });
        posts += 1;
      }
    }
    for (const s of county.staff) {
      await tx.post.create({ data: { personId: await person(s.wechat, s.name), community: '', role: 'staff' } });
      posts += 1;
    }
    const topics = directories.flatMap((d) => d.allRooms().map((r) => r.topic));
    await tx.room.deleteMany({ where: { topic: { notIn: topics } } });
    await tx.person.updateMany({ where: { fromOrg: true, alias: { notIn: [...personIds.keys()] } }, data: { fromOrg: false } });

    // A one-community deployment keeps reading its organisation as before.
    await putSnapshot(tx, SNAPSHOT_KEY, county.communities.length === 1 ? JSON.stringify(county.communities[0]) : undefined);
    await putSnapshot(tx, COUNTY_SNAPSHOT_KEY, JSON.stringify(county));

    return { communities: names.length, grids: gridCount(county), buildings, rooms, people: personIds.size, posts };
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

/**
 * Communities other than this one whose tickets, notices or activities are in the
 * database (a one-community file renaming the database's one community is not another).
 */
export async function communitiesBesides(db: Db | Tx, community: string, mayRename: boolean): Promise<string[]> {
  const renamed = mayRename ? await renamedCommunity(db, [community], true) : undefined;
  const where = { community: { notIn: ['', community, ...(renamed ? [renamed] : [])] } };
  const found = new Set<string>();
  for (const rows of [
    await db.ticket.groupBy({ by: ['community'], where }),
    await db.notice.groupBy({ by: ['community'], where }),
    await db.activity.groupBy({ by: ['community'], where }),
  ]) {
    for (const r of rows) found.add(r.community);
  }
  return [...found].sort();
}
