import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildReport, type ReportData } from '../../src/reports/build.js';
import { parseReportArgs, periodOf, runReport, UsageError } from '../../src/reports/cli.js';
import { toCsv } from '../../src/reports/render.js';
import { reportTables } from '../../src/reports/tables.js';
import { openDatabase } from '../../src/store/db.js';
import { tempDatabaseUrl } from '../support/db.js';
import { demoOrg, readFixture, runScript } from '../support/sim.js';
import { scratchDir } from '../../src/scratch.js';

const MIN = 60_000;
const CHROMIUM = '/usr/bin/chromium';

/**
 * The busy week, by hand (see the scenario's comments):
 * holdings judged: #1 (1, in time) · #2 huqing missed, liuhanhui in time, hugeng in time ·
 * #3 in time · #4 jiangtianrong missed, xuchengpeng missed, hugeng missed (reminded) → 4/8.
 * Accepted with an outcome: #1, #2×2, #3, all resolved → 4/4. Ratings 5, 2, 4 → 2/3.
 * Accept times 10, 30, 20, 20 min; resolve times (from the report) 70, 210, 300, 360 min.
 */
let data: ReportData;
let url: string;
let out: string;

beforeAll(async () => {
  url = tempDatabaseUrl();
  await runScript(readFixture('test/reports/scenarios/busy-week.txt'), { databaseUrl: url });
  const db = openDatabase(url);
  try {
    data = await buildReport(db, { org: demoOrg(), period: periodOf('2026-03-02', '2026-03-08', 'Asia/Shanghai'), fromDay: '2026-03-02', toDay: '2026-03-08', timeZone: 'Asia/Shanghai' });
  } finally {
    await db.$disconnect();
  }
  out = scratchDir('gridbot-report-').path;
  await runReport(parseReportArgs(['--from', '2026-03-02', '--to', '2026-03-08', '--out', out, '--db', url]), {});
}, 240_000);

describe('the report of a busy week, checked by hand', () => {
  it('totals', () => {
    const t = data.tickets.total;
    expect(t).toMatchObject({ newTickets: 4, created: { facility: 3, sanitation: 1 }, judged: 8, responded: 4, responseRate: 0.5, acceptedDecided: 4, resolved: 4, resolutionRate: 1, rated: 3, satisfied: 2, escalations: 3, reopenings: 1 });
    expect(t.satisfactionRate).toBeCloseTo(2 / 3);
    expect(t.acceptMedianMs).toBe(20 * MIN);
    expect(t.acceptP90Ms).toBe(30 * MIN);
    expect(t.resolveMedianMs).toBe(255 * MIN);
    expect(t.resolveP90Ms).toBe(360 * MIN);
  });

  it('by grid, tier and holder', () => {
    const grid = Object.fromEntries(data.tickets.byGrid.map((s) => [s.key, s]));
    expect(grid['丽水鑫城']).toMatchObject({ newTickets: 3, judged: 5, responded: 2, resolved: 2, rated: 1, satisfied: 1, escalations: 2, reopenings: 0 });
    expect(grid['铜锣湾']).toMatchObject({ newTickets: 1, judged: 3, responded: 2, resolved: 2, rated: 2, satisfied: 1, escalations: 1, reopenings: 1 });
    expect(grid['明山岗']).toBeUndefined();
    const tier = Object.fromEntries(data.tickets.byTier.map((s) => [s.key, s]));
    expect(tier.building).toMatchObject({ judged: 3, responded: 2, escalations: 1 });
    expect(tier.branch).toMatchObject({ judged: 3, responded: 1, escalations: 2, reopenings: 1 });
    expect(tier.committee).toMatchObject({ judged: 2, responded: 1, rated: 1, satisfied: 1 });
    const holder = Object.fromEntries(data.tickets.byHolder.map((s) => [s.key, s]));
    expect(holder.hugeng).toMatchObject({ judged: 2, responded: 1, resolved: 1 });
    expect(holder.huqing).toMatchObject({ judged: 1, responded: 0, escalations: 1 });
    expect(holder.jiangtianrong).toMatchObject({ judged: 2, responded: 1, escalations: 1 });
  });

  it('new tickets by day and volunteer service', () => {
    expect(data.days.map((d) => d.day)).toEqual(['2026-03-02', '2026-03-03', '2026-03-04', '2026-03-05', '2026-03-06', '2026-03-07', '2026-03-08']);
    expect(data.days.slice(0, 3).map((d) => d.byCategory)).toEqual([{ facility: 1, sanitation: 1 }, { facility: 1 }, { facility: 1 }]);
    const hours = Object.fromEntries(data.volunteers.byGrid.map((r) => [r.key, r]));
    expect(hours['丽水鑫城']).toMatchObject({ people: 1, checkIns: 1, points: 10 });
    expect(hours['丽水鑫城'].hours).toBeGreaterThan(0);
    const employer = Object.fromEntries(data.volunteers.byEmployer.map((r) => [r.key, r]));
    expect(employer['县税务局']).toMatchObject({ people: 1, points: 10 });
  });

  it('writes Markdown, a CSV per table and an HTML page with three inline SVG charts', () => {
    const files = fs.readdirSync(out).sort();
    expect(files).toEqual(expect.arrayContaining(['report.md', 'report.html', 'grids.csv', 'tiers.csv', 'holders.csv', 'categories_by_day.csv', 'volunteers_by_grid.csv', 'volunteers_by_employer.csv']));
    const md = fs.readFileSync(path.join(out, 'report.md'), 'utf8');
    expect(md).toContain('响应率 50%（4/8）');
    expect(md).toContain('满意率 66.7%（2/3）');
    const grids = fs.readFileSync(path.join(out, 'grids.csv'), 'utf8').replace(/^\uFEFF/, '').trim().split('\r\n').map((l) => l.split(','));
    const header = grids[0];
    const row = grids.find((r) => r[0] === '铜锣湾')!;
    expect(Number(row[header.indexOf('响应率')])).toBeCloseTo(2 / 3, 4);
    expect(row[header.indexOf('满意率')]).toBe('0.5');
    const html = fs.readFileSync(path.join(out, 'report.html'), 'utf8');
    expect(html.match(/<svg/g)?.length).toBe(3);
    expect(html).toContain('@page');
    expect(html).not.toMatch(/<script|https?:\/\/(?!www\.w3\.org)/);
  });

  it('refuses bad arguments and an unknown grid', async () => {
    expect(() => parseReportArgs(['--from', '2026-03-09', '--to', '2026-03-01', '--out', 'x'])).toThrow(UsageError);
    expect(() => parseReportArgs(['--from', '3月1日', '--to', '2026-03-01', '--out', 'x'])).toThrow(/YYYY-MM-DD/);
    await expect(runReport({ from: '2026-03-02', to: '2026-03-08', out, db: url, grid: '不存在' }, {})).rejects.toThrow(/没有网格/);
  });

  it('one grid only', async () => {
    const dir = scratchDir('gridbot-report-grid-').path;
    await runReport({ from: '2026-03-02', to: '2026-03-08', out: dir, db: url, grid: '铜锣湾' }, {});
    const md = fs.readFileSync(path.join(dir, 'report.md'), 'utf8');
    expect(md).toContain('# 铜锣湾');
    expect(md).toContain('响应率 66.7%（2/3）');
    expect(md).not.toContain('丽水鑫城 |');
  });

  it('an empty period still writes every file, with no rates', () => {
    const empty = { ...data, tickets: { total: { ...data.tickets.total, judged: 0 }, byGrid: [], byTier: [], byHolder: [] } };
    expect(reportTables(empty as ReportData).find((t) => t.name === 'grids')!.rows).toEqual([]);
    expect(toCsv(reportTables(empty as ReportData).find((t) => t.name === 'grids')!)).toContain('网格,');
  });

  if (!fs.existsSync(CHROMIUM)) console.warn(`[skipped] ${CHROMIUM} not found: the HTML report is not rendered in Chromium here.`);
  it.skipIf(!fs.existsSync(CHROMIUM))('renders in headless Chromium to a PNG with no console errors', async () => {
    const { chromium } = await import('playwright-core');
    const browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    });
    try {
      const page = await browser.newPage({ viewport: { width: 794, height: 1123 } });
      const errors: string[] = [];
      const requests: string[] = [];
      page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
      page.on('pageerror', (e) => errors.push(String(e)));
      page.on('request', (r) => !r.url().startsWith('file:') && requests.push(r.url()));
      await page.goto(`file://${path.join(out, 'report.html')}`);
      const png = path.join(out, 'report.png');
      await page.screenshot({ path: png, fullPage: true });
      expect(errors).toEqual([]);
      expect(requests).toEqual([]);
      expect(fs.readFileSync(png).subarray(1, 4).toString()).toBe('PNG');
      expect(await page.locator('svg').count()).toBe(3);
      const pdf = await page.pdf({ format: 'A4' });
      expect(pdf.subarray(0, 4).toString()).toBe('%PDF');
    } finally {
      await browser.close();
    }
  }, 60_000);
});
