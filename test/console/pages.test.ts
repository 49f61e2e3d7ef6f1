import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { consoleWorld, launchBrowser, logIn, watchedPage, type ConsoleWorld } from './support.js';
import { ofKind } from '../support/sim.js';
import { lateness } from '../../src/console/tickets.js';

/** A week with tickets in two grids, a rating, an escalation, an activity with a check-in. */
const WEEK = `
at 2026-03-02 08:30
[丽水鑫城业主群] 张大爷(zhangdaye): @网格助手 1栋2单元楼道灯坏了好几天了 晚上上楼看不见
[丽水鑫城业主群] 李阿姨(liayi): 3栋门口的垃圾两天没人收了 臭得很
[铜锣湾小区居民群] 赵阿姨(zhaoayi): @网格助手 1栋门口的垃圾两天没人收了 臭得很
wait 20m
[dm] 江天荣(jiangtianrong): 接单 #1
[dm] 胡清(huqing): 接单 #3
wait 1h
[dm] 江天荣(jiangtianrong): 办结 #1 已更换灯泡
[丽水鑫城业主群] 张大爷(zhangdaye): 评价 #1 5 很及时
[dm] 刘佳玮(liujiawei): 活动 全社区 植树 3月8日 9:00 社区广场 10 5
[丽水鑫城业主群] 王女士(wangnvshi): 报名 #A1
at 2026-03-04 10:00
[丽水鑫城业主群] 王女士(wangnvshi): @网格助手 2栋3单元下水道堵了 污水漫出来了
[dm] 胡清(huqing): 办结 #3 已清运
`;

// CONSOLE_SCREENSHOTS_DIR=docs regenerates the README's screenshots; otherwise they go to a temporary folder.
const KEEP_SHOTS = process.env.CONSOLE_SCREENSHOTS_DIR;
const SHOTS = KEEP_SHOTS ?? fs.mkdtempSync(path.join(os.tmpdir(), 'gridbot-console-shots-'));

/** Per chart box: the shapes its SVG drew, and the data points echarts was given. */
async function chartShapes(page: Page): Promise<{ shapes: number; points: number }[]> {
  return page.$$eval('[data-chart]', (els) =>
    els.map((el) => {
      const chart = (window as unknown as { echarts: { getInstanceByDom(e: Element): { getOption(): { series: { data: unknown[] }[] } } } }).echarts.getInstanceByDom(el);
      const points = chart.getOption().series.flatMap((s) => s.data).filter((d) => d !== null && d !== 0).length;
      return { shapes: el.querySelectorAll('svg path').length, points };
    }),
  );
}

describe('staff console in Chromium: board, figures, organisation, notices, activities', () => {
  let browser: Browser;
  let world: ConsoleWorld;

  beforeAll(async () => {
    browser = await launchBrowser();
    world = await consoleWorld({ script: WEEK });
  }, 90_000);

  afterAll(async () => {
    await browser?.close();
    await world?.close();
    if (!KEEP_SHOTS) fs.rmSync(SHOTS, { recursive: true, force: true });
  });

  it('the ticket board and the figures page render with charts and no console errors (screenshots)', async () => {
    const { page, errors } = await watchedPage(browser, { width: 1280, height: 860 });
    await logIn(page, await world.linkFor('liujiawei'));
    // #1 was rated, so closed: the default board shows what is still in hand.
    const inHand = await world.sim.db.ticket.count({ where: { status: { in: ['assigned', 'reopened', 'accepted', 'resolved'] } } });
    expect(inHand).toBe(3);
    expect(await page.locator('[data-ticket]').count()).toBe(inHand);
    // #2 (rubbish, 3月2日 08:30) was never accepted: nearly two days past its 2-hour limit (10:30), and marked so.
    await expect(page.locator('[data-ticket="2"] .late-by').textContent()).resolves.toBe("已超时 1天23小时");
    const now = world.sim.clock.now();
    const tickets = await world.sim.db.ticket.findMany();
    const late = tickets.filter((t) => lateness(t, world.sim.bot.org.org, now, 'Asia/Shanghai') !== undefined).map((t) => t.id);
    expect(late).toContain(2);
    expect(late).not.toContain(4); // reported half an hour ago
    const marked = await page.$$eval('.ticket.late', (els) => els.map((e) => Number(e.getAttribute('data-ticket'))));
    expect(marked.sort()).toEqual(late.sort());
    await page.check('input[name=overdue]');
    await page.click('.filters button');
    expect(await page.locator('[data-ticket]').count()).toBe(late.length);
    await page.goto(`${world.console.url}/tickets`);
    const counts = await page.$$eval('.column h2 .count', (els) => els.map((e) => Number(e.textContent)));
    expect(counts.reduce((a, b) => a + b, 0)).toBe(inHand);
    const board = path.join(SHOTS, 'console-board.png');
    await page.screenshot({ path: board });

    await page.goto(`${world.console.url}/figures?from=2026-03-02&to=2026-03-08`);
    await page.waitForFunction(() => document.querySelectorAll('[data-chart] svg').length === document.querySelectorAll('[data-chart]').length);
    // Five charts have data this week; volunteering has none before the activity, and says so.
    const charts = await chartShapes(page);
    expect(charts.length).toBe(5);
    for (const c of charts) {
      expect(c.points).toBeGreaterThan(0);
      expect(c.shapes).toBeGreaterThan(c.points);
    }
    expect(await page.locator('[data-empty-chart=chart-volunteers]').count()).toBe(1);
    await expect(page.locator('#headline').textContent()).resolves.toContain('新增工单 4 件');
    const figures = path.join(SHOTS, 'console-figures.png');
    await page.screenshot({ path: figures, fullPage: true });
    for (const png of [board, figures]) {
      expect(fs.readFileSync(png).subarray(1, 4).toString()).toBe('PNG');
      expect(fs.statSync(png).size).toBeGreaterThan(20_000);
    }
    // Every table downloads as CSV with the report's headers.
    const csv = await page.evaluate(async () => (await fetch('/figures/grids.csv?from=2026-03-02&to=2026-03-08')).text());
    expect(csv).toContain('网格,新增工单');
    expect(csv).toContain('丽水鑫城');
    expect(errors).toEqual([]);
    await page.context().close();
  }, 90_000);

  it('a branch secretary reads only their grid figures, and the phone layout stacks the board', async () => {
    const { page, errors } = await watchedPage(browser, { width: 390, height: 844 });
    await logIn(page, await world.linkFor('liuhanhui'));
    expect(await page.locator('[data-ticket]').count()).toBe(1);
    const [first, second] = await page.$$eval('.column', (els) => els.slice(0, 2).map((e) => e.getBoundingClientRect().top));
    expect(second).toBeGreaterThan(first);
    await page.goto(`${world.console.url}/figures?from=2026-03-02&to=2026-03-08&grid=丽水鑫城`);
    await expect(page.locator('h1').textContent()).resolves.toContain('铜锣湾');
    const csv = await page.evaluate(async () => (await fetch('/figures/grids.csv?from=2026-03-02&to=2026-03-08&grid=丽水鑫城')).text());
    expect(csv).not.toContain('丽水鑫城');
    expect(errors).toEqual([]);
    await page.context().close();
  }, 60_000);

  it('the organisation: a tree with reachability, an edit that the bot uses at once, and an import error with its line', async () => {
    const { page, errors } = await watchedPage(browser);
    await logIn(page, await world.linkFor('liujiawei'));
    await page.goto(`${world.console.url}/org`);
    const leader = page.locator('[data-slot="building_leader:丽水鑫城:1"]');
    await expect(leader.textContent()).resolves.toContain('江天荣');
    await expect(leader.textContent()).resolves.toContain('可私聊');

    await page.selectOption('#edit-holder select[name=slot]', 'building_leader:铜锣湾:12');
    await page.fill('#edit-holder input[name=name]', '邓新国');
    await page.fill('#edit-holder input[name=wechat]', 'dengxinguo');
    await page.click('#edit-holder button');
    await expect(page.locator('.flash').textContent()).resolves.toContain('新增岗位人员：铜锣湾 12栋 楼栋长 邓新国');
    expect(world.sim.bot.org.holders('building_leader', { grid: '铜锣湾', building: '12' }).map((p) => p.alias)).toEqual(['dengxinguo']);

    const yaml = await page.evaluate(async () => (await fetch('/org/export.yaml')).text());
    expect(yaml).toContain('dengxinguo');
    const broken = yaml.replace('    branch:', '    colour: red\n    branch:');
    const line = broken.split('\n').findIndex((l) => l.includes('colour: red')) + 1;
    await page.fill('#import-form textarea[name=yaml]', broken);
    await page.click('#import-form button');
    await expect(page.locator('#import-errors').textContent()).resolves.toContain(`第 ${line} 行`);
    await expect(page.locator('#import-errors').textContent()).resolves.toContain('colour');
    expect(world.sim.bot.org.grids.length).toBe(3);

    // A good file: the preview lists the change, and only the confirmation applies it.
    await page.goto(`${world.console.url}/org`);
    await page.fill('#import-form textarea[name=yaml]', yaml.replace('name: 邓新国', 'name: 邓新果'));
    await page.click('#import-form button');
    await expect(page.locator('#import-changes').textContent()).resolves.toContain('改名：铜锣湾 12栋 楼栋长 邓新国 → 邓新果');
    expect(world.sim.bot.org.person('dengxinguo')?.name).toBe('邓新国');
    await page.click('#import-apply');
    await page.waitForURL(/\/org$/);
    expect(world.sim.bot.org.person('dengxinguo')?.name).toBe('邓新果');
    expect(errors.filter((e) => !/status of 400/.test(e))).toEqual([]);
    await page.context().close();

    // A branch secretary may not change another grid, even by posting the form by hand.
    const other = await watchedPage(browser);
    await logIn(other.page, await world.linkFor('liuhanhui'));
    await other.page.goto(`${world.console.url}/org`);
    const csrf = await other.page.locator('input[name=_csrf]').first().inputValue();
    const status = await other.page.evaluate(async (token) => {
      const body = new URLSearchParams({ _csrf: token, slot: 'building_leader:丽水鑫城:1', name: '冒名', wechat: 'maoming' });
      return (await fetch('/org/holder', { method: 'POST', body })).status;
    }, csrf);
    expect(status).toBe(403);
    expect(world.sim.bot.org.holders('building_leader', { grid: '丽水鑫城', building: '1' }).map((p) => p.alias)).toEqual(['jiangtianrong']);
    expect(await other.page.locator('select[name=slot] option').allTextContents()).not.toContain(expect.stringContaining('丽水鑫城'));
    await other.page.context().close();
  }, 90_000);

  it('a notice: the preview shows the groups and the quiet-hours time, publishing goes through 通知, then it is cancelled', async () => {
    const { page, errors } = await watchedPage(browser);
    await logIn(page, await world.linkFor('xuchengpeng'));
    const preview = async (scope: string, time: string, content: string) => {
      await page.goto(`${world.console.url}/notices`);
      await page.fill('#notice-form input[name=scope]', scope);
      await page.fill('#notice-form input[name=time]', time);
      await page.fill('#notice-form textarea[name=content]', content);
      await page.click('#notice-form button');
    };
    await preview('丽水鑫城', '2026-03-06 23:00', '周六上午停水，请提前储水');
    await expect(page.locator('#notice-targets').textContent()).resolves.toContain('丽水鑫城3栋邻里群');
    await expect(page.locator('#notice-times').textContent()).resolves.toContain('3月7日 07:00 发出');
    expect(await world.sim.db.notice.count()).toBe(0);
    await page.click('#notice-publish');
    await page.waitForURL(/\/notices\/\d+$/);
    expect(await world.sim.db.notice.count()).toBe(1);
    page.once('dialog', (d) => void d.accept());
    await page.click('#notice-cancel');
    await expect(page.locator('.flash').textContent()).resolves.toContain('已取消通知 #N1');
    expect((await world.sim.db.notice.findFirstOrThrow()).status).toBe('cancelled');

    // Outside their grid the command itself refuses, and nothing is stored.
    await preview('全社区', '明天 9:00', '测试');
    await expect(page.locator('.flash.err').textContent()).resolves.toContain('只有社区工作人员可以向全社区发通知');
    expect(await world.sim.db.notice.count()).toBe(1);
    expect(errors).toEqual([]);
    await page.context().close();
  }, 60_000);

  it('activities: sign-ups and a check-in made in the console earn the points', async () => {
    const { page, errors } = await watchedPage(browser);
    await world.play('at 2026-03-08 09:30');
    await logIn(page, await world.linkFor('liujiawei'));
    await page.goto(`${world.console.url}/activities/1`);
    await expect(page.locator('#signups').textContent()).resolves.toContain('王女士');
    await page.click('#signups button');
    await expect(page.locator('.flash').textContent()).resolves.toContain('签到');
    await world.settle();
    expect(ofKind(world.events, 'points').some((e) => e.who === 'wangnvshi' && e.delta === 5)).toBe(true);
    await page.goto(`${world.console.url}/activities`);
    await expect(page.locator('#balances').textContent()).resolves.toContain('王女士5');

    // Publishing from the console is the 活动 command: it reaches the groups of its scope.
    await page.fill('#activity-form input[name=scope]', '铜锣湾');
    await page.fill('#activity-form input[name=title]', '清理楼道 杂物');
    await page.fill('#activity-form input[name=time]', '3月15日 9:00');
    await page.fill('#activity-form input[name=place]', '12栋楼下');
    await page.fill('#activity-form input[name=capacity]', '6');
    await page.fill('#activity-form input[name=points]', '3');
    await page.click('#activity-form button');
    await expect(page.locator('.flash').textContent()).resolves.toContain('#A2');
    await expect(page.locator('#activity-list').textContent()).resolves.toContain('清理楼道杂物');
    await world.settle();
    expect(ofKind(world.events, 'say').some((e) => e.room === '铜锣湾小区居民群' && e.text.includes('清理楼道杂物'))).toBe(true);
    expect(errors).toEqual([]);
    await page.context().close();
  }, 60_000);
});
