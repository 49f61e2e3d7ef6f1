import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runReport, UsageError } from '../../src/reports/cli.js';
import { loadCounty } from '../../src/org/county.js';
import { importCounty } from '../../src/org/import.js';
import { openDatabase } from '../../src/store/db.js';
import { scratchDir } from '../../src/scratch.js';
import { tempDatabaseUrl } from '../support/db.js';
import { repoRoot } from '../support/sim.js';

let url: string;
const period = { from: '2026-03-02', to: '2026-03-08' };

/** Rows of a CSV the report wrote, without the BOM. */
const csv = (file: string) =>
  fs.readFileSync(file, 'utf8').replace(/^\uFEFF/, '').trim().split('\r\n').map((l) => l.split(','));

beforeAll(async () => {
  url = tempDatabaseUrl();
  const db = openDatabase(url);
  try {
    await importCounty(db, loadCounty(path.join(repoRoot, 'examples/county')));
    const reporter = await db.person.create({ data: { name: '张大爷', alias: 'zhangdaye' } });
    const at = new Date('2026-03-03T01:00:00Z');
    const ticket = (community: string, gridName: string, id: number) =>
      db.ticket.create({ data: { id, community, gridName, status: 'assigned', category: 'facility', urgency: 'normal', tier: 'building', text: '灯坏了', reporterId: reporter.id, createdAt: at, updatedAt: at, assignedAt: at } });
    await ticket('金沙社区', '丽水鑫城', 1);
    await ticket('金沙社区', '桂花苑', 2);
    await ticket('金沙社区', '桂花苑', 3);
    await ticket('王家畈社区', '桂花苑', 1);
  } finally {
    await db.$disconnect();
  }
}, 60_000);

describe('the report of a county', () => {
  it('shows one row per community, then one per grid (in pinyin order as in every report), and each community apart', async () => {
    const out = scratchDir('gridbot-county-report-').path;
    const files = await runReport({ ...period, out, db: url }, {});
    expect(files).toContain(path.join(out, 'county.csv'));
    const rows = csv(path.join(out, 'county.csv'));
    expect(rows[0].slice(0, 3)).toEqual(['社区', '网格', '新增工单']);
    expect(rows.slice(1).map((r) => r.slice(0, 3))).toEqual([
      ['金沙社区', '', '3'],
      ['王家畈社区', '', '1'],
      ['金沙社区', '桂花苑', '2'],
      ['金沙社区', '丽水鑫城', '1'],
      ['王家畈社区', '桂花苑', '1'],
    ]);
    expect(fs.readFileSync(path.join(out, 'county.md'), 'utf8')).toContain('# 红安县 工单报告（2026-03-02 至 2026-03-08）');
    expect(csv(path.join(out, '王家畈社区', 'total.csv'))[1].slice(0, 2)).toEqual(['王家畈社区', '1']);
  });

  it('gives one community with --community, and one grid of it with --grid', async () => {
    const out = scratchDir('gridbot-county-report-').path;
    await runReport({ ...period, out, db: url, community: '金沙社区' }, {});
    expect(csv(path.join(out, 'grids.csv')).slice(1).map((r) => r.slice(0, 2))).toEqual([
      ['桂花苑', '2'],
      ['丽水鑫城', '1'],
    ]);
    const grid = scratchDir('gridbot-county-report-').path;
    await runReport({ ...period, out: grid, db: url, community: '王家畈社区', grid: '桂花苑' }, {});
    expect(csv(path.join(grid, 'total.csv'))[1].slice(0, 2)).toEqual(['桂花苑', '1']);
  });

  it('refuses an unknown community, and a grid name without its community', async () => {
    const out = scratchDir('gridbot-county-report-').path;
    await expect(runReport({ ...period, out, db: url, community: '五丰岗社区' }, {})).rejects.toThrow(/没有社区「五丰岗社区」。可选：金沙社区、王家畈社区/);
    await expect(runReport({ ...period, out, db: url, grid: '桂花苑' }, {})).rejects.toThrow(UsageError);
  });
});
