import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/clock.js';
import { importOrg } from '../../src/org/import.js';
import { createConsoleApp } from '../../src/console/server.js';
import type { ChatStatus } from '../../src/console/status.js';
import { OrgDirectory } from '../../src/org/directory.js';
import { loadConfig } from '../../src/config.js';
import { silentLogger } from '../../src/log.js';
import { createSession, recordAudit } from '../../src/store/console-auth.js';
import { enqueue } from '../../src/chat/outbox.js';
import type { Db } from '../../src/store/db.js';
import { tempDatabase } from '../support/db.js';
import { demoOrg } from '../support/sim.js';

describe('the bot status page', () => {
  let db: Db;
  const clock = new ManualClock('2026-03-02T09:00:00+08:00');
  let chat: ChatStatus = { loggedIn: false, qr: 'https://login.weixin.qq.com/l/abc123', lastError: '无法连接微信服务器：请检查网络', lastErrorAt: clock.now() };
  const app = () =>
    createConsoleApp({
      db,
      clock,
      config: { ...loadConfig({}), send: { ...loadConfig({}).send, dailyCap: 2 } },
      log: silentLogger,
      bot: { org: new OrgDirectory(demoOrg()), runCommandAs: async () => ({ ok: true, replies: [] }), useOrg: () => undefined },
      chatStatus: () => chat,
    });
  const get = async (alias: string, path: string) => {
    const token = await createSession(db, clock, alias);
    return app().request(path, { headers: { cookie: `gb_session=${token}` } });
  };

  beforeAll(async () => {
    ({ db } = tempDatabase());
    await importOrg(db, demoOrg());
  });
  afterAll(() => db.$disconnect());

  it('shows the QR code as an image while the login waits, the queue, the day against the cap and the last error', async () => {
    await enqueue(db, clock, { target: { kind: 'room', topic: '丽水鑫城业主群' }, text: '一' });
    const sent = await enqueue(db, clock, { target: { kind: 'room', topic: '丽水鑫城业主群' }, text: '二' });
    await db.outboundMessage.update({ where: { id: sent }, data: { status: 'sent', sentAt: clock.now() } });
    await recordAudit(db, clock, { alias: 'xuchengpeng', action: '接单', target: 'ticket:9', outcome: 'refused', message: '工单 #9 不在您的范围内。' });
    const html = await (await get('liujiawei', '/status')).text();
    expect(html).toContain('id="login-state">未登录');
    expect(html).toMatch(/<img src="data:image\/png;base64,[A-Za-z0-9+/=]{200,}" alt="登录二维码"/);
    expect(html).toMatch(/id="queued">1 条/);
    expect(html).toMatch(/id="sent-today">1 \/ 2/);
    expect(html).toContain('无法连接微信服务器：请检查网络');
    // Community staff read the audit of writes, refused ones included.
    expect(html).toContain('工单 #9 不在您的范围内。');
  });

  it('shows the account once logged in, no QR; a branch secretary does not see the audit', async () => {
    chat = { loggedIn: true, account: '网格助手' };
    const html = await (await get('xuchengpeng', '/status')).text();
    expect(html).toContain('id="login-state">已登录');
    expect(html).toContain('网格助手');
    expect(html).not.toContain('登录二维码');
    expect(html).not.toContain('工作台操作记录');
  });
});
