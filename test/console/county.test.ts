import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/clock.js';
import { loadCounty } from '../../src/org/county.js';
import { importCounty, importOrg } from '../../src/org/import.js';
import { deploymentsOf } from '../../src/org/deployment.js';
import { OrgDirectory } from '../../src/org/directory.js';
import { botDatabase } from '../../src/app/runtime.js';
import { createConsoleApp, startConsole } from '../../src/console/server.js';
import { COUNTY_PAGE_SIZE } from '../../src/console/county.js';
import { loadConfig } from '../../src/config.js';
import { silentLogger } from '../../src/log.js';
import { createLoginLink, createSession } from '../../src/store/console-auth.js';
import { openDatabase, type Db } from '../../src/store/db.js';
import type { County } from '../../src/org/types.js';
import { tempDatabase, tempDatabaseUrl } from '../support/db.js';
import { demoOrg, repoRoot } from '../support/sim.js';
import { launchBrowser, logIn, watchedPage } from './support.js';

const NOW = '2026-03-04T10:00:00+08:00';
const at = (local: string) => new Date(`${local}+08:00`);

/** The example county, with 王家畈 giving two days to accept a normal ticket (金沙 keeps the default two hours). */
function exampleCounty(): County {
  const county = loadCounty(path.join(repoRoot, 'examples/county.yaml'));
  county.communities = county.communities.map((o) => (o.community.name === '王家畈社区' ? { ...o, sla: { normal: { accept: '2d' } } } : o));
  return county;
}

/** One open, closed or waiting ticket, written as the bot would have stored it. */
interface Seed {
  community: string;
  id: number;
  grid: string;
  status: string;
  category?: string;
  urgency?: 'urgent' | 'normal';
  created: string;
  accepted?: string;
  closed?: string;
  holders?: string[];
}

describe('the county overview in the console', () => {
  let url: string;
  let plain: Db;
  const clock = new ManualClock(NOW);
  const county = exampleCounty();
  const deployments = deploymentsOf(county);
  /** The console of one community's bot, on that bot's own (scoped) client, as `npm start` runs it. */
  const depsOf = (community: string) => {
    const d = deployments.find((x) => x.org.community.name === community)!;
    return {
      db: botDatabase(plain, community, d),
      clock,
      config: { ...loadConfig({}), console: { port: 0, host: '127.0.0.1', publicUrl: 'http://127.0.0.1' } },
      log: silentLogger,
      bot: { org: new OrgDirectory(d.org, d.county), runCommandAs: async () => ({ ok: true, replies: [] }), useOrg: () => undefined },
      countyOrgs: county.communities,
    };
  };
  const appOf = (community: string) => createConsoleApp(depsOf(community));
  const get = async (alias: string, target: string, community = '金沙社区') => {
    const token = await createSession(plain, clock, alias);
    return appOf(community).request(target, { headers: { cookie: `gb_session=${token}` } });
  };
  /** The tickets the list shows, in order, as written there (`金沙#2`). */
  const listed = (html: string) => [...html.matchAll(/<tr data-ticket="([^"]+)"/g)].map((m) => m[1]);
  /** One community's row of figures (or the total, for ""), by column. */
  const figures = (html: string, community: string) => {
    const row = new RegExp(`<tr data-community="${community}"[^>]*>([\\s\\S]*?)</tr>`).exec(html);
    expect(row, `a row for ${community || '合计'}`).not.toBeNull();
    const cell = (name: string) => Number(new RegExp(`data-figure="${name}">(?:<[^>]+>)?(\\d+)`).exec(row![1])![1]);
    return { open: cell('open'), awaiting: cell('awaiting'), overdue: cell('overdue'), newToday: cell('new-today'), closedWeek: cell('closed-week'), urgent: cell('urgent') };
  };

  beforeAll(async () => {
    url = tempDatabaseUrl();
    plain = openDatabase(url);
    await importCounty(plain, county);
    const reporter = await plain.person.create({ data: { name: '张大爷', alias: 'zhangdaye', building: '3', unit: '2单元', room: '9901室' } });
    const seed = (s: Seed) =>
      plain.ticket.create({
        data: {
          community: s.community,
          id: s.id,
          gridName: s.grid,
          status: s.status,
          category: s.category ?? 'facility',
          urgency: s.urgency ?? 'normal',
          tier: 'building',
          text: '3栋2单元9901室 楼道灯坏了 电话13912345678',
          unit: '2单元',
          room: '9901室',
          reporterId: reporter.id,
          assignees: JSON.stringify(s.holders ?? []),
          createdAt: at(s.created),
          updatedAt: at(s.created),
          assignedAt: at(s.created),
          acceptedAt: s.accepted ? at(s.accepted) : null,
          closedAt: s.closed ? at(s.closed) : null,
        },
      });
    // 金沙: #1 new and in time, #2 two days past its two hours, #3 urgent and in hand with five minutes left, #6 waiting for a rating.
    await seed({ community: '金沙社区', id: 1, grid: '丽水鑫城', status: 'assigned', created: '2026-03-04T09:30:00', holders: ['jiangtianrong'] });
    await seed({ community: '金沙社区', id: 2, grid: '桂花苑', status: 'assigned', category: 'sanitation', created: '2026-03-02T08:30:00', holders: ['dengweiguo'] });
    await seed({ community: '金沙社区', id: 3, grid: '丽水鑫城', status: 'accepted', category: 'security', urgency: 'urgent', created: '2026-03-04T08:00:00', accepted: '2026-03-04T08:05:00', holders: ['jiangtianrong'] });
    await seed({ community: '金沙社区', id: 4, grid: '桂花苑', status: 'closed', created: '2026-03-01T08:00:00', closed: '2026-03-03T08:00:00' });
    await seed({ community: '金沙社区', id: 5, grid: '桂花苑', status: 'closed', created: '2026-02-10T08:00:00', closed: '2026-02-20T08:00:00' });
    await seed({ community: '金沙社区', id: 6, grid: '桂花苑', status: 'resolved', created: '2026-03-03T08:00:00', accepted: '2026-03-03T08:30:00' });
    // 王家畈: #1 urgent, 45 minutes past its 15; #2 in hand; #3 closed yesterday; #4 a day old but within 王家畈's own two days.
    await seed({ community: '王家畈社区', id: 1, grid: '王家畈新村', status: 'assigned', urgency: 'urgent', created: '2026-03-04T09:00:00', holders: ['chenli'] });
    await seed({ community: '王家畈社区', id: 2, grid: '桂花苑', status: 'accepted', category: 'dispute', created: '2026-03-03T12:00:00', accepted: '2026-03-03T13:00:00', holders: ['zhangqiuju'] });
    await seed({ community: '王家畈社区', id: 3, grid: '桂花苑', status: 'closed', created: '2026-03-02T12:00:00', closed: '2026-03-04T08:00:00' });
    await seed({ community: '王家畈社区', id: 4, grid: '王家畈新村', status: 'assigned', created: '2026-03-03T09:00:00', holders: ['chenli'] });
  }, 60_000);
  afterAll(() => plain.$disconnect());

  it('shows county staff both communities’ figures and open tickets, oldest first, from either community’s console', async () => {
    for (const console of ['金沙社区', '王家畈社区']) {
      const res = await get('minzhuren', '/county', console);
      expect(res.status).toBe(200);
      const html = await res.text();
      expect(html).toContain('<a href="/county" class="on">全县</a>');
      expect(figures(html, '金沙社区')).toEqual({ open: 3, awaiting: 2, overdue: 1, newToday: 2, closedWeek: 1, urgent: 1 });
      expect(figures(html, '王家畈社区')).toEqual({ open: 3, awaiting: 2, overdue: 1, newToday: 1, closedWeek: 1, urgent: 1 });
      expect(figures(html, '')).toEqual({ open: 6, awaiting: 4, overdue: 2, newToday: 3, closedWeek: 2, urgent: 2 });
      expect(listed(html)).toEqual(['金沙#2', '王家畈#4', '王家畈#2', '金沙#3', '王家畈#1', '金沙#1']);
      // Late ones are marked, with how late, by their own community's limits.
      expect(html).toMatch(/<tr data-ticket="金沙#2" class="late">[\s\S]*?已超时 1天23小时/);
      expect(html).toMatch(/<tr data-ticket="王家畈#1" class="late">[\s\S]*?已超时 45分钟/);
      expect(html).toMatch(/<tr data-ticket="王家畈#4">/);
      // Holders by name, the age, the status.
      expect(html).toMatch(/<tr data-ticket="王家畈#2">[\s\S]*?办理中<\/td><td>张秋菊<\/td>\s*<td[^>]*>22小时<\/td>/);
      // Nothing of the residents: not their words, phones, names or rooms.
      for (const secret of ['13912345678', '9901', '张大爷', '楼道灯坏了']) expect(html).not.toContain(secret);
    }
  });

  it('filters the list by community, status and lateness; the figures stay the county’s', async () => {
    const text = async (q: string) => (await get('minzhuren', `/county?${q}`)).text();
    const wjf = await text(`community=${encodeURIComponent('王家畈社区')}`);
    expect(listed(wjf)).toEqual(['王家畈#4', '王家畈#2', '王家畈#1']);
    expect(figures(wjf, '金沙社区').open).toBe(3);
    expect(wjf).toMatch(/<option value="王家畈社区" selected>/);
    expect(listed(await text('status=accepted'))).toEqual(['王家畈#2', '金沙#3']);
    expect(listed(await text(`status=awaiting&community=${encodeURIComponent('金沙社区')}`))).toEqual(['金沙#2', '金沙#1']);
    expect(listed(await text('overdue=1'))).toEqual(['金沙#2', '王家畈#1']);
    const none = await text(`status=accepted&overdue=1`);
    expect(listed(none)).toEqual([]);
    expect(none).toContain('没有符合条件的工单。');
    // A community that is not the county's, or a made-up status, is ignored: the whole list.
    expect(listed(await text(`community=${encodeURIComponent('不存在社区')}&status=closed`))).toHaveLength(6);
  });

  it('refuses community staff with a message and no figures, and shows them no link', async () => {
    const res = await get('liujiawei', '/county');
    expect(res.status).toBe(403);
    const html = await res.text();
    expect(html).toContain('全县的工单只有县里的工作人员可以查看');
    expect(html).not.toContain('county-figures');
    expect(html).not.toContain('王家畈#');
    const board = await (await get('zhouxiaohong', '/tickets', '王家畈社区')).text();
    expect(board).toContain('href="/tickets"');
    expect(board).not.toContain('href="/county"');
    expect(await (await get('minzhuren', '/tickets')).text()).toContain('href="/county"');
  });

  it('lets no resident in', async () => {
    const res = await get('zhangdaye', '/county');
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/login?next=%2Fcounty');
  });

  it('renders in Chromium without errors, the wide tables scrolling inside their cards on a phone (screenshot)', async () => {
    // CONSOLE_SCREENSHOTS_DIR=docs regenerates the README's screenshot; otherwise it goes to a temporary folder.
    const dir = process.env.CONSOLE_SCREENSHOTS_DIR ?? fs.mkdtempSync(path.join(os.tmpdir(), 'gridbot-county-shot-'));
    const running = await startConsole(depsOf('金沙社区'), 0);
    const browser = await launchBrowser();
    try {
      const { page, errors } = await watchedPage(browser, { width: 1280, height: 860 });
      await logIn(page, `${running.url}/login/link/${await createLoginLink(plain, clock, 'minzhuren')}`);
      await page.click('header nav a[href="/county"]');
      await page.waitForURL(/\/county$/);
      expect(await page.locator('#county-figures tbody tr').count()).toBe(3);
      expect(await page.locator('#county-tickets tr.late').count()).toBe(2);
      await page.selectOption('select[name=community]', '王家畈社区');
      await page.click('.filters button');
      await page.waitForURL(/community=/);
      expect(await page.$$eval('#county-tickets tbody tr', (rows) => rows.map((r) => r.getAttribute('data-ticket')))).toEqual(['王家畈#4', '王家畈#2', '王家畈#1']);
      await page.goto(`${running.url}/county`);
      const shot = path.join(dir, 'console-county.png');
      await page.screenshot({ path: shot, fullPage: true });
      expect(fs.readFileSync(shot).subarray(1, 4).toString()).toBe('PNG');
      await page.setViewportSize({ width: 390, height: 800 });
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
      expect(errors).toEqual([]);
      await page.context().close();
    } finally {
      await browser.close();
      await running.close();
      if (!process.env.CONSOLE_SCREENSHOTS_DIR) fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);

  it('shows a long list a page at a time', async () => {
    const extra = COUNTY_PAGE_SIZE + 10;
    const reporter = await plain.person.findFirstOrThrow({ where: { alias: 'zhangdaye' } });
    for (let i = 0; i < extra; i++) {
      const created = new Date(at('2026-03-04T07:00:00').getTime() + i * 1000);
      await plain.ticket.create({
        data: { community: '王家畈社区', id: 100 + i, gridName: '桂花苑', status: 'accepted', category: 'other', urgency: 'normal', tier: 'building', text: '—', reporterId: reporter.id, createdAt: created, updatedAt: created, assignedAt: created, acceptedAt: created },
      });
    }
    const first = await (await get('minzhuren', '/county')).text();
    const total = 6 + extra;
    expect(figures(first, '').open).toBe(total);
    expect(first).toContain(`共 ${total} 张`);
    expect(listed(first)).toHaveLength(COUNTY_PAGE_SIZE);
    expect(first).toContain('第 1 / 2 页');
    expect(first).toContain('<a href="/county?page=2" rel="next">下一页</a>');
    const second = await (await get('minzhuren', '/county?page=2')).text();
    expect(listed(second)).toHaveLength(total - COUNTY_PAGE_SIZE);
    expect(listed(second).at(-1)).toBe('金沙#1');
    expect(second).toContain('rel="prev"');
    // A page past the end shows the last one.
    expect(listed(await (await get('minzhuren', '/county?page=9')).text())).toEqual(listed(second));
  });
});

describe('a one-community deployment', () => {
  let db: Db;
  const clock = new ManualClock(NOW);

  beforeAll(async () => {
    ({ db } = tempDatabase());
    await importOrg(db, demoOrg());
  });
  afterAll(() => db.$disconnect());

  it('has no county page and no link to it', async () => {
    const app = createConsoleApp({
      db,
      clock,
      config: loadConfig({}),
      log: silentLogger,
      bot: { org: new OrgDirectory(demoOrg()), runCommandAs: async () => ({ ok: true, replies: [] }), useOrg: () => undefined },
    });
    const token = await createSession(db, clock, 'liujiawei');
    const headers = { cookie: `gb_session=${token}` };
    const res = await app.request('/county', { headers });
    expect(res.status).toBe(404);
    expect(await res.text()).toBe('没有这个页面。');
    const board = await (await app.request('/tickets', { headers })).text();
    expect(board).toContain('href="/figures"');
    expect(board).not.toContain('/county');
  });
});
