import type { Db, Tx } from '../store/db.js';
import { OrgDirectory } from './directory.js';
import type { Org } from './types.js';

const SNAPSHOT_KEY = 'org.snapshot';

export interface ImportSummary {
  grids: number;
  buildings: number;
  rooms: number;
  people: number;
  posts: number;
}

/**
 * Writes the organisation into the database in one transaction. Re-importing the same
 * or an edited file updates in place: posts are replaced, people keep their rows (and
 * what the bot learned about them), grids, buildings and rooms no longer listed go.
 */
export async function importOrg(db: Db, org: Org): Promise<ImportSummary> {
  const directory = new OrgDirectory(org);
  return db.$transaction(async (tx) => {
    await tx.community.deleteMany({ where: { name: { not: org.community.name } } });
    await tx.community.upsert({
      where: { name: org.community.name },
      create: { name: org.community.name, botName: directory.botName },
      update: { botName: directory.botName },
    });

    await tx.grid.deleteMany({ where: { name: { notIn: org.grids.map((g) => g.name) } } });
    const gridIds = new Map<string, number>();
    const buildingIds = new Map<string, number>();
    for (const g of org.grids) {
      const grid = await tx.grid.upsert({ where: { name: g.name }, create: { name: g.name }, update: {} });
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

    const rooms = directory.allRooms();
    await tx.room.deleteMany({ where: { topic: { notIn: rooms.map((r) => r.topic) } } });
    for (const r of rooms) {
      const data = { kind: r.kind, gridId: r.grid ? gridIds.get(r.grid)! : null, building: r.building ?? null };
      await tx.room.upsert({ where: { topic: r.topic }, create: { topic: r.topic, ...data }, update: data });
    }

    const personIds = new Map<string, number>();
    for (const post of directory.posts) {
      if (personIds.has(post.alias)) continue;
      const person = await tx.person.upsert({
        where: { alias: post.alias },
        create: { alias: post.alias, name: post.name, fromOrg: true },
        update: { name: post.name, fromOrg: true },
      });
      personIds.set(post.alias, person.id);
    }
    await tx.person.updateMany({ where: { fromOrg: true, alias: { notIn: [...personIds.keys()] } }, data: { fromOrg: false } });

    await tx.post.deleteMany({});
    for (const post of directory.posts) {
      const phone = directory.person(post.alias);
      await tx.post.create({
        data: {
          personId: personIds.get(post.alias)!,
          role: post.role,
          gridId: post.grid ? gridIds.get(post.grid)! : null,
          buildingId: post.grid && post.building ? buildingIds.get(`${post.grid}/${post.building}`)! : null,
          orgUnit: post.orgUnit ?? null,
          handles: JSON.stringify(post.handles ?? []),
          units: JSON.stringify(post.units ?? []),
          phonePublic: phone?.phone_public ? (phone.phone ?? null) : null,
        },
      });
    }

    const snapshot = JSON.stringify(org);
    await tx.keyValue.upsert({ where: { key: SNAPSHOT_KEY }, create: { key: SNAPSHOT_KEY, value: snapshot }, update: { value: snapshot } });

    return {
      grids: org.grids.length,
      buildings: buildingIds.size,
      rooms: rooms.length,
      people: personIds.size,
      posts: directory.posts.length,
    };
  });
}

/** The organisation last imported, or undefined on a database that has none. */
export async function loadImportedOrg(db: Db | Tx): Promise<Org | undefined> {
  const row = await db.keyValue.findUnique({ where: { key: SNAPSHOT_KEY } });
  return row ? (JSON.parse(row.value) as Org) : undefined;
}
