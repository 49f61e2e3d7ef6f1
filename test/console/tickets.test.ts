import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { consoleWorld, launchBrowser, logIn, watchedPage, type ConsoleWorld } from './support.js';
import { ofKind } from '../support/sim.js';

const MORNING = `
at 2026-03-02 08:30
[丽水鑫城业主群] 张大爷(zhangdaye): @网格助手 1栋2单元楼道灯坏了好几天了 晚上上楼看不见
[铜锣湾小区居民群] 赵阿姨(zhaoayi): @网格助手 1栋门口的垃圾两天没人收了 臭得很
`;

describe('staff console in Chromium: login and tickets', () => {
  let browser: Browser;
  let world: ConsoleWorld;
  const group: string[] = [];

  beforeAll(async () => {
    browser = await launchBrowser();
    world = await consoleWorld({ script: MORNING });
    // What the residents' group itself receives from the bot.
    const room = world.sim.world.room('丽水鑫城业主群') as unknown as { on(e: 'message', f: (m: { payload?: { text?: string } }) => void): void };
    room.on('message', (m) => void group.push(m.payload?.text ?? ''));
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await world?.close();
  });

  it('the tickets opened in the groups are numbered 1 (丽水鑫城) and 2 (铜锣湾)', () => {
    const opened = ofKind(world.events, 'ticket').filter((e) => e.status === 'assigned');
    expect(opened.map((e) => [e.id, e.grid])).toEqual([
      [1, '丽水鑫城'],
      [2, '铜锣湾'],
    ]);
  });

  it('a branch secretary asks the bot for a link by DM, opens it once, and sees only their grid', async () => {
    await world.play('[dm] 徐成朋(xuchengpeng): 登录');
    const reply = ofKind(world.events, 'say').find((e) => e.to === 'xuchengpeng' && e.text.includes('/login/link/'));
    expect(reply, 'the bot answers 登录 with a link').toBeDefined();
    const link = world.console.url + /\/login\/link\/[A-Za-z0-9_-]+/.exec(reply!.text)![0];

    const { page, errors } = await watchedPage(browser);
    await logIn(page, link);
    await expect(page.locator('header .who').textContent()).resolves.toContain('徐成朋');
    expect(await page.locator('[data-ticket="1"]').count()).toBe(1);
    expect(await page.locator('[data-ticket="2"]').count()).toBe(0);

    // The link was used up: a second browser gets nothing from it.
    const other = await watchedPage(browser);
    await other.page.goto(link);
    await expect(other.page.locator('h1').textContent()).resolves.toContain('链接无效');
    expect(await other.page.locator('#login-button').count()).toBe(0);

    // Another grid's ticket: not shown, and a write to it is refused by the server.
    const shown = await page.goto(`${world.console.url}/tickets/2`);
    expect(shown!.status()).toBe(404);
    await page.goto(`${world.console.url}/tickets`);
    const csrf = await page.locator('input[name=_csrf]').first().inputValue();
    const status = await page.evaluate(async (token) => {
      const body = new URLSearchParams({ _csrf: token });
      return (await fetch('/tickets/2/accept', { method: 'POST', body })).status;
    }, csrf);
    expect(status).toBe(403);
    const withoutCsrf = await page.evaluate(async () => (await fetch('/tickets/1/accept', { method: 'POST', body: new URLSearchParams({}) })).status);
    expect(withoutCsrf).toBe(403);
    const t2 = await world.sim.db.ticket.findFirstOrThrow({ where: { id: 2 } });
    expect(t2.status).toBe('assigned');
    const t1 = await world.sim.db.ticket.findFirstOrThrow({ where: { id: 1 } });
    expect(t1.status).toBe('assigned');
    const refused = await world.sim.db.consoleAudit.findMany({ where: { alias: 'xuchengpeng', outcome: 'refused' } });
    expect(refused.map((a) => a.target)).toContain('ticket:2');
    // Only the refusals this test provoked on purpose.
    expect(errors.filter((e) => !/status of (403|404)/.test(e))).toEqual([]);
    await page.context().close();
    await other.page.context().close();
  }, 60_000);

  it('a code shown in the browser and confirmed by DM logs the browser in', async () => {
    const { page } = await watchedPage(browser, { width: 390, height: 800 });
    await page.goto(`${world.console.url}/tickets`);
    await page.waitForURL(/\/login/);
    const code = /\d{6}/.exec((await page.locator('#login-code').textContent()) ?? '')![0];
    // A wrong code changes nothing; the right one logs in.
    await world.play(`[dm] 刘汉辉(liuhanhui): 登录 ${code === '000000' ? '111111' : '000000'}`);
    await world.play(`[dm] 刘汉辉(liuhanhui): 登录 ${code}`);
    await page.waitForURL(/\/tickets$/, { timeout: 15_000 });
    await expect(page.locator('header .who').textContent()).resolves.toContain('刘汉辉');
    expect(await page.locator('[data-ticket="2"]').count()).toBe(1);
    expect(await page.locator('[data-ticket="1"]').count()).toBe(0);
    await page.context().close();
  }, 60_000);

  it('accepting and resolving in the console reach the simulator and the group, and new tickets appear without reloading', async () => {
    const { page, errors } = await watchedPage(browser);
    await logIn(page, await world.linkFor('jiangtianrong'));
    await page.goto(`${world.console.url}/tickets/1`);
    await page.click('form[data-action=accept] button');
    await expect(page.locator('.flash').textContent()).resolves.toContain('已签收工单 #1');
    await world.settle();
    expect(ofKind(world.events, 'ticket').filter((e) => e.id === 1).at(-1)).toMatchObject({ status: 'accepted', assignees: ['jiangtianrong'] });
    expect(ofKind(world.events, 'say').some((e) => e.room === '丽水鑫城业主群' && e.text.includes('工单 #1 已由江天荣签收'))).toBe(true);

    await page.fill('form[data-action=resolve] textarea', '已更换灯泡');
    await page.click('form[data-action=resolve] button');
    await expect(page.locator('.flash').textContent()).resolves.toContain('已办结');
    await expect(page.locator('#ticket-status').textContent()).resolves.toBe('已办结待评价');
    await world.settle();
    expect(ofKind(world.events, 'ticket').filter((e) => e.id === 1).at(-1)).toMatchObject({ status: 'resolved' });
    const said = ofKind(world.events, 'say').filter((e) => e.room === '丽水鑫城业主群').map((e) => e.text);
    expect(said.some((t) => t.includes('已由江天荣办结：已更换灯泡'))).toBe(true);
    expect(group.some((t) => t.includes('已由江天荣办结：已更换灯泡'))).toBe(true);
    expect(await page.locator('tr[data-event=accepted]').count()).toBe(1);
    expect(await page.locator('tr[data-event=resolved]').count()).toBe(1);

    // The board updates itself when a resident reports something new.
    await page.goto(`${world.console.url}/tickets`);
    expect(await page.locator('[data-ticket="3"]').count()).toBe(0);
    await world.play('[丽水鑫城业主群] 李阿姨(liayi): @网格助手 1栋1单元电梯坏了 困了好久');
    await page.locator('[data-ticket="3"]').waitFor({ timeout: 15_000 });
    expect(errors).toEqual([]);
    await page.context().close();
  }, 60_000);
});
