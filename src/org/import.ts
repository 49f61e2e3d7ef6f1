import type { Db, Tx } from '../store/db.js';
import { writeOrgRows } from '../store/org-import.js';
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
 * Writes the organisation into the database in one transaction, in batches (see store/org-import). Re-importing the same
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

    const rooms = directory.allRooms();
    const written = await writeOrgRows(tx, {
      grids: org.grids.map((g) => ({ name: g.name, buildings: g.buildings.map((b) => b.number) })),
      rooms: rooms.map((r) => ({ topic: r.topic, kind: r.kind, grid: r.grid ?? null, building: r.building ?? null })),
      people: directory.posts.map((p) => ({ alias: p.alias, name: p.name })),
      posts: directory.posts.map((post) => {
        const phone = directory.person(post.alias);
        return {
          alias: post.alias,
          role: post.role,
          grid: post.grid ?? null,
          building: post.grid && post.building ? post.building : null,
          orgUnit: post.orgUnit ?? null,
          handles: JSON.stringify(post.handles ?? []),
          units: JSON.stringify(post.units ?? []),
          phonePublic: phone?.phone_public ? (phone.phone ?? null) : null,
        };
      }),
    });

    const snapshot = JSON.stringify(org);
    await tx.keyValue.upsert({ where: { key: SNAPSHOT_KEY }, create: { key: SNAPSHOT_KEY, value: snapshot }, update: { value: snapshot } });

    return {
      grids: org.grids.length,
      buildings: written.buildings,
      rooms: rooms.length,
      people: written.people,
      posts: directory.posts.length,
    };
  });
}

/** The organisation last imported, or undefined on a database that has none. */
export async function loadImportedOrg(db: Db | Tx): Promise<Org | undefined> {
  const row = await db.keyValue.findUnique({ where: { key: SNAPSHOT_KEY } });
  return row ? (JSON.parse(row.value) as Org) : undefined;
}
