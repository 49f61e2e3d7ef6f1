/**
 * `npm run report -- --from 2026-03-01 --to 2026-03-07 [--community 金沙社区] [--grid 丽水鑫城] --out DIR [--db URL] [--org FILE]`
 * Dates are local days in the community's time zone; --to is included. On a county's
 * database without --community, the county view: one row per community, then per grid.
 */
import fs from 'node:fs';
import { loadConfig, readDotEnv } from '../config.js';
import { loadImportedCounty } from '../org/import.js';
import { loadCounty } from '../org/county.js';
import type { Org } from '../org/types.js';
import { openDatabase } from '../store/db.js';
import { zonedTime } from '../time.js';
import { buildReport } from './build.js';
import { writeCountyReport, writeReport } from './render.js';

export class UsageError extends Error {}

export interface ReportArgs {
  from: string;
  to: string;
  out: string;
  grid?: string;
  community?: string;
  db?: string;
  org?: string;
}

const USAGE = '用法: npm run report -- --from 2026-03-01 --to 2026-03-07 [--community 社区名] [--grid 网格名] --out 目录 [--db URL] [--org org.yaml]';

export function parseReportArgs(argv: string[]): ReportArgs {
  const got: Record<string, string> = {};
  for (let i = 0; i < argv.length; i++) {
    const m = /^--(from|to|grid|community|out|db|org)(?:=(.*))?$/.exec(argv[i]);
    if (!m) throw new UsageError(`未知参数 ${argv[i]}\n${USAGE}`);
    const value = m[2] ?? argv[++i];
    if (value === undefined || value.startsWith('--')) throw new UsageError(`--${m[1]} 缺少取值\n${USAGE}`);
    got[m[1]] = value;
  }
  for (const k of ['from', 'to', 'out']) if (!got[k]) throw new UsageError(`缺少 --${k}\n${USAGE}`);
  for (const k of ['from', 'to']) if (!/^\d{4}-\d{2}-\d{2}$/.test(got[k])) throw new UsageError(`--${k} 应为 YYYY-MM-DD，收到 ${got[k]}`);
  if (got.from > got.to) throw new UsageError(`--from ${got.from} 晚于 --to ${got.to}`);
  return { from: got.from, to: got.to, out: got.out, grid: got.grid, community: got.community, db: got.db, org: got.org };
}

/** [start of --from, start of the day after --to) in the zone. */
export function periodOf(from: string, to: string, timeZone: string): { from: Date; to: Date } {
  const [fy, fm, fd] = from.split('-').map(Number);
  const [ty, tm, td] = to.split('-').map(Number);
  return { from: zonedTime(timeZone, fy, fm, fd), to: zonedTime(timeZone, ty, tm, td + 1) };
}

export async function runReport(args: ReportArgs, env: NodeJS.ProcessEnv = process.env): Promise<string[]> {
  const config = loadConfig(readDotEnv('.env', env));
  const db = openDatabase(args.db ?? config.databaseUrl);
  try {
    const county = (await loadImportedCounty(db)) ?? (args.org || fs.existsSync(config.orgFile) ? loadCounty(args.org ?? config.orgFile) : undefined);
    if (!county) throw new UsageError('数据库里没有导入的组织架构，请用 --org 指定 org.yaml。');
    const communities = county.communities;
    let chosen: Org | undefined = communities.length === 1 ? communities[0] : undefined;
    if (args.community) {
      chosen = communities.find((c) => c.community.name === args.community);
      if (!chosen) throw new UsageError(`没有社区「${args.community}」。可选：${communities.map((c) => c.community.name).join('、')}`);
    }
    const build = (org: Org) =>
      buildReport(db, {
        org,
        period: periodOf(args.from, args.to, config.timeZone),
        fromDay: args.from,
        toDay: args.to,
        timeZone: config.timeZone,
        grid: args.grid,
        onlyCommunity: communities.length > 1,
      });
    if (!chosen) {
      if (args.grid) throw new UsageError(`网格名只在一个社区内唯一：请同时用 --community 指定社区（${communities.map((c) => c.community.name).join('、')}）`);
      const reports = [];
      for (const org of communities) reports.push(await build(org));
      return writeCountyReport(county.name ?? '全县', reports, args.out);
    }
    const org = chosen;
    if (args.grid && !org.grids.some((g) => g.name === args.grid)) {
      throw new UsageError(`没有网格「${args.grid}」。可选：${org.grids.map((g) => g.name).join('、')}`);
    }
    return writeReport(await build(org), args.out);
  } finally {
    await db.$disconnect();
  }
}
