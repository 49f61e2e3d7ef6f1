/** The bot's own page: is the account logged in, the QR code when it waits, the queue and the day's sends. */
import type { Hono } from 'hono';
import QRCode from 'qrcode';
import { outboxFigures } from '../store/console-status.js';
import { recentAudit } from '../store/console-auth.js';
import { formatShort, startOfLocalDay } from '../time.js';
import { h } from './html.js';
import type { ConsoleEnv, ConsoleKit } from './kit.js';

export type { ChatStatus } from './kit.js';

export function statusRoutes(app: Hono<ConsoleEnv>, kit: ConsoleKit): void {
  const { db, clock, config } = kit.deps;
  const tz = config.timeZone;

  app.get('/status', async (c) => {
    const viewer = c.get('viewer');
    const now = clock.now();
    const chat = kit.deps.chatStatus?.();
    const out = await outboxFigures(db, startOfLocalDay(now, tz));
    const qr = chat?.qr ? await QRCode.toDataURL(chat.qr, { margin: 1, width: 240 }) : undefined;
    const cap = config.send.dailyCap;
    const audit = viewer.community ? await recentAudit(db, 50) : [];
    const state = !chat
      ? h`<span class="tag">未接入微信（演示或测试）</span>`
      : chat.loggedIn
        ? h`<span class="tag green" id="login-state">已登录</span> ${chat.account ?? ''}`
        : h`<span class="tag red" id="login-state">未登录</span>`;
    return kit.render(
      c,
      { title: '机器人状态', active: '/status' },
      h`<h1>机器人状态</h1>
<div class="grid2"><div class="card"><h2>微信账号（${config.botProfileName}）</h2><p>${state}</p>
${qr ? h`<p>请用作为机器人的微信扫码登录：</p><img src="${qr}" alt="登录二维码" id="login-qr" width="240" height="240"><p class="muted">页面每 10 秒刷新一次。</p>` : ''}
${chat?.lastError ? h`<p>最近的问题：${chat.lastError}${chat.lastErrorAt ? `（${formatShort(chat.lastErrorAt, tz)}）` : ''}</p>` : h`<p class="muted">没有错误。</p>`}</div>
<div class="card"><h2>消息发送</h2><table><tbody>
<tr><th>排队待发</th><td id="queued">${out.queued} 条${out.oldestQueuedAt ? `（最早 ${formatShort(out.oldestQueuedAt, tz)}）` : ''}</td></tr>
<tr><th>今日已发 / 上限</th><td id="sent-today">${out.sentToday} / ${cap}${out.sentToday >= cap ? '（已到上限，只发紧急消息）' : ''}</td></tr>
<tr><th>今日发送失败</th><td>${out.failed} 条</td></tr>
<tr><th>最近一次发送错误</th><td>${out.lastFailed ? `${out.lastFailed.lastError}（${formatShort(out.lastFailed.createdAt, tz)}）` : '无'}</td></tr>
</tbody></table></div></div>
${viewer.community ? h`<div class="card"><h2>工作台操作记录</h2><div class="scroll"><table><thead><tr><th>时间</th><th>谁</th><th>操作</th><th>对象</th><th>内容</th><th>结果</th></tr></thead><tbody>
${audit.map((a) => h`<tr><td>${formatShort(a.at, tz)}</td><td>${kit.deps.bot.org.person(a.alias)?.name ?? a.alias}</td><td>${a.action}</td><td>${a.target ?? ''}</td><td>${a.detail ?? ''}</td><td>${a.outcome === 'ok' ? '成功' : h`<span class="tag red">拒绝</span> ${a.message ?? ''}`}</td></tr>`)}
</tbody></table></div></div>` : ''}
${chat && !chat.loggedIn ? h`<meta http-equiv="refresh" content="10">` : ''}`,
    );
  });
}
