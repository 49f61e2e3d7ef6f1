import { afterEach, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import fs from 'node:fs';
import path from 'node:path';
import { parseOrg } from '../../src/org/load.js';
import { importCounty, importOrg, loadImportedCounty, loadImportedOrg } from '../../src/org/import.js';
import { loadCounty } from '../../src/org/county.js';
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

describe('importing a county', () => {
  const county = () => loadCounty(path.join(repoRoot, 'examples/county'));

  it('puts every community in one database: grids per community, one person with posts in two communities', async () => {
    const { db } = fresh();
    // 邓卫国 leads building 2 of 桂花苑 in both communities.
    const shared = county();
    shared.communities[1].grids[1].buildings[0] = { ...shared.communities[1].grids[1].buildings[0], group_leader: { name: '邓卫国', wechat: 'dengweiguo' }, building_leader: { name: '邓卫国', wechat: 'dengweiguo' } };
    await importCounty(db, shared);
    const grids = await db.grid.findMany({ orderBy: { id: 'asc' } });
    expect(grids.map((g) => `${g.community}/${g.name}`)).toEqual(['金沙社区/丽水鑫城', '金沙社区/桂花苑', '王家畈社区/王家畈新村', '王家畈社区/桂花苑']);
    expect((await db.community.findMany()).map((c) => c.name).sort()).toEqual(['王家畈社区', '金沙社区']);
    const deng = await db.person.findUniqueOrThrow({ where: { alias: 'dengweiguo' }, include: { posts: true } });
    expect(new Set(deng.posts.map((p) => p.community))).toEqual(new Set(['金沙社区', '王家畈社区']));
    expect((await db.room.findUniqueOrThrow({ where: { topic: '王家畈桂花苑业主群' } })).gridId).toBe(grids[3].id);
    expect(await db.post.findMany({ where: { community: '' }, include: { person: true } })).toMatchObject([{ role: 'staff', person: { alias: 'minzhuren' } }]);
    expect((await loadImportedCounty(db))?.communities.map((c) => c.community.name)).toEqual(['金沙社区', '王家畈社区']);
    expect(await loadImportedOrg(db)).toBeUndefined();

    const before = await counts(db);
    await importCounty(db, shared);
    expect(await counts(db)).toEqual(before);
    // A community dropped from the county goes with its grids and rooms.
    await importCounty(db, { ...county(), accounts: [], communities: [county().communities[0]] });
    expect((await db.grid.findMany()).map((g) => g.community)).toEqual(['金沙社区', '金沙社区']);
    expect(await db.room.count({ where: { community: '王家畈社区' } })).toBe(0);
  });

  it("adopts a one-community database's earlier rows (no community yet) into that community, keeping their ids", async () => {
    const { db } = fresh();
    await importOrg(db, parseOrg(example));
    const grid = await db.grid.findFirstOrThrow({ where: { name: '铜锣湾' } });
    // As a database migrated from before communities were stored.
    await db.grid.updateMany({ data: { community: '' } });
    const reporter = await db.person.create({ data: { name: '张大爷', alias: 'zhangdaye', gridId: grid.id } });
    const at = new Date('2026-03-02T01:00:00Z');
    await db.ticket.create({ data: { id: 1, status: 'assigned', category: 'facility', urgency: 'normal', tier: 'building', text: '灯坏了', reporterId: reporter.id, createdAt: at, updatedAt: at, assignedAt: at } });
    await importOrg(db, parseOrg(example));
    expect((await db.grid.findFirstOrThrow({ where: { name: '铜锣湾' } })).id).toBe(grid.id);
    expect(await db.ticket.findMany({ select: { community: true } })).toEqual([{ community: '金沙社区' }]);
    // Renaming the community in its one file keeps everything with it.
    await importOrg(db, parseOrg(example.replace('name: 金沙社区', 'name: 新金沙社区')));
    expect(await db.ticket.findMany({ select: { community: true } })).toEqual([{ community: '新金沙社区' }]);
    expect((await db.grid.findFirstOrThrow({ where: { name: '铜锣湾' } })).id).toBe(grid.id);
  });

  it("never gives one community's tickets to another community of a county", async () => {
    const { db } = fresh();
    await importOrg(db, parseOrg(example));
    const reporter = await db.person.create({ data: { name: '张大爷', alias: 'zhangdaye' } });
    const at = new Date('2026-03-02T01:00:00Z');
    await db.ticket.create({ data: { id: 1, community: '金沙社区', status: 'assigned', category: 'facility', urgency: 'normal', tier: 'building', text: '灯坏了', reporterId: reporter.id, createdAt: at, updatedAt: at, assignedAt: at } });
    const wangjiafan = county().communities[1];
    await importCounty(db, { ...county(), communities: [wangjiafan] });
    expect(await db.ticket.findMany({ select: { community: true } })).toEqual([{ community: '金沙社区' }]);
  });

  it('imports a folder and a county file through npm run org:import', async () => {
    for (const target of ['examples/county', 'examples/county.yaml']) {
      const url = tempDatabaseUrl();
      const result = await run('npx', ['tsx', 'scripts/org-import.ts', target], { cwd: repoRoot, env: { ...process.env, DATABASE_URL: url } });
      expect(result.stdout).toContain('已导入 红安县（金沙社区、王家畈社区）：4 个网格');
      const db = openDatabase(url);
      dbs.push(db);
      expect(await db.grid.count()).toBe(4);
    }
  });
});

function fresh(): { db: Db } {
  const db = openDatabase(tempDatabaseUrl());
  dbs.push(db);
  return { db };
}

