import { afterEach, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import fs from 'node:fs';
import path from 'node:path';
import { parseOrg } from '../../src/org/load.js';
import { importOrg, loadImportedOrg } from '../../src/org/import.js';
import { openDatabase, type Db } from '../../src/store/db.js';
import { tempDatabaseUrl } from '../support/db.js';
import { readFixture, repoRoot } from '../support/sim.js';
import { scratchDir } from '../../src/scratch.js';
import { syntheticOrg } from '../../src/org/synthetic.js';

const run = promisify(execFile);
const example = readFixture('examples/org.example.yaml');
const dbs: Db[] = [];
afterEach(async () => {
  for (const db of dbs.splice(0)) await db.$disconnect();
});

async function counts(db: Db) {
  return {
    grids: await db.grid.count(),
    buildings: await db.building.count(),
    rooms: await db.room.count(),
    people: await db.person.count({ where: { fromOrg: true } }),
    posts: await db.post.count(),
  };
}

describe('importing the organisation', () => {
  it('is idempotent and follows edits: posts removed go, nothing is duplicated', async () => {
    const url = tempDatabaseUrl();
    const db = openDatabase(url);
    dbs.push(db);
    await importOrg(db, parseOrg(example));
    const first = await counts(db);
    expect(first).toEqual({ grids: 3, buildings: 6, rooms: 5, people: 28, posts: 33 });
    await importOrg(db, parseOrg(example));
    expect(await counts(db)).toEqual(first);

    // The mediator of 铜锣湾 is removed and a building is dropped.
    const edited = example.replace('      mediator: { name: 方正, wechat: fangzheng }\n', '').replace(/      - number: "A"\n.*\n.*\n/, '');
    await importOrg(db, parseOrg(edited));
    const after = await counts(db);
    expect(after.posts).toBe(first.posts - 3);
    expect(after.buildings).toBe(5);
    expect(await db.person.findUnique({ where: { alias: 'fangzheng' } })).toMatchObject({ fromOrg: false });
    expect((await loadImportedOrg(db))!.grids[1].officers?.mediator).toBeUndefined();
  });

  it('rejects a malformed file with line numbers and leaves the database as it was', async () => {
    const url = tempDatabaseUrl();
    const db = openDatabase(url);
    dbs.push(db);
    await importOrg(db, parseOrg(example));
    const before = await counts(db);
    await db.$disconnect();
    dbs.pop();

    const dir = scratchDir('gridbot-org-').path;
    const bad = path.join(dir, 'bad.yaml');
    fs.writeFileSync(bad, example.replace('  - name: 铜锣湾\n', '  - name: 铜锣湾\n    colour: red\n').replace('secretary: { name: 胡耿, wechat: hugeng }', 'secretary: { name: 胡耿 }'));
    const result = await run('npx', ['tsx', 'scripts/org-import.ts', bad], { cwd: repoRoot, env: { ...process.env, DATABASE_URL: url } }).catch((e) => e);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/bad\.yaml:\d+: .*colour/);
    expect(result.stderr).toMatch(/bad\.yaml:\d+: community\.committee\.secretary\.wechat/);

    const again = openDatabase(url);
    dbs.push(again);
    expect(await counts(again)).toEqual(before);
  });
});

describe('importing a county-sized organisation', () => {
  it('imports 300 grids, 1,000 rooms and 20,000 people, then follows edits without a parameter-limit failure', async () => {
    const db = openDatabase(tempDatabaseUrl());
    dbs.push(db);
    const county = syntheticOrg({ grids: 300, rooms: 1000, people: 20_000 });
    const summary = await importOrg(db, county);
    expect(summary.rooms).toBe(1000);
    expect(summary.people).toBeGreaterThanOrEqual(20_000);
    const first = await counts(db);
    expect(first).toMatchObject({ grids: 300, rooms: 1000, people: summary.people });

    // A grid goes and a building leader is renamed: the grid's rooms and people leave, nothing else changes.
    const edited = structuredClone(county);
    const gone = edited.grids.pop()!;
    edited.grids[0].buildings[0].building_leader.name = '新楼栋长';
    await importOrg(db, edited);
    const second = await counts(db);
    expect(second.grids).toBe(299);
    expect(second.rooms).toBe(1000 - gone.rooms.length);
    expect(second.people).toBeLessThan(first.people);
    const renamed = await db.person.findUnique({ where: { alias: edited.grids[0].buildings[0].building_leader.wechat } });
    expect(renamed?.name).toBe('新楼栋长');
    const left = await db.person.findUnique({ where: { alias: gone.branch.secretary.wechat } });
    expect(left?.fromOrg).toBe(false);
  });
});
