/**
 * The staff web console: server-rendered pages over the same use cases as the chat
 * commands. This file holds the skeleton every page shares: security headers, the
 * session, CSRF, login and logout, the audit of writes, and starting the HTTP server.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import { Hono, type Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { serve, type ServerType } from '@hono/node-server';
import { getConnInfo } from '@hono/node-server/conninfo';
import {
  claimLoginCode,
  consumeLoginLink,
  createLoginCode,
  createSession,
  endSession,
  findSession,
  hashToken,
  newToken,
  peekLoginLink,
  recordAudit,
} from '../store/console-auth.js';
import { h, type Html } from './html.js';
import { CSS, page } from './layout.js';
import { CLIENT_JS } from './client.js';
import { viewerOf } from './viewer.js';
import { AttemptLimiter } from './limiter.js';
import { ticketRoutes } from './tickets.js';
import { figureRoutes } from './figures.js';
import { statusRoutes } from './status.js';
import { orgRoutes } from './org.js';
import { noticeRoutes } from './notices.js';
import { activityRoutes } from './activities.js';
import { countyRoutes } from './county.js';
import type { ConsoleDeps, ConsoleEnv, ConsoleKit, Ctx } from './kit.js';

export type { ChatStatus, ConsoleBot, ConsoleDeps, ConsoleEnv, ConsoleKit, Ctx } from './kit.js';

const SESSION_COOKIE = 'gb_session';
const WAIT_COOKIE = 'gb_wait';

export function createConsoleApp(deps: ConsoleDeps): Hono<ConsoleEnv> {
  const app = new Hono<ConsoleEnv>();
  const { db, clock } = deps;
  const limiter = new AttemptLimiter(clock, { max: 20, windowMs: 10 * 60_000 });
  const flashes = new Map<string, { ok: boolean; text: string }>();
  const echartsFile = createRequire(import.meta.url).resolve('echarts/dist/echarts.min.js');

  const secureCookies = (c: Context) => deps.config.console.publicUrl.startsWith('https:') || c.req.header('x-forwarded-proto') === 'https';
  const clientKey = (c: Context) => {
    try {
      return getConnInfo(c).remote.address ?? 'unknown';
    } catch {
      return 'local';
    }
  };

  const kit: ConsoleKit = {
    deps,
    render(c, opts, body, status = 200) {
      const session = c.get('session');
      const flash = session ? flashes.get(session) : undefined;
      if (session) flashes.delete(session);
      return c.html(page({ ...opts, viewer: c.get('viewer'), csrf: c.get('csrf'), flash }, body), status as 200);
    },
    csrfField: (c) => h`<input type="hidden" name="_csrf" value="${c.get('csrf')}">`,
    audit: (c, entry) => recordAudit(db, clock, { ...entry, alias: c.get('viewer').alias }),
    flash(c, ok, text) {
      flashes.set(c.get('session'), { ok, text });
    },
    async refuse(c, action, target, message) {
      await kit.audit(c, { action, target, outcome: 'refused', message });
      return kit.render(c, { title: '无权操作' }, h`<div class="card"><h1>无权操作</h1><p>${message}</p><p><a href="/tickets">返回工单</a></p></div>`, 403);
    },
  };

  app.use('*', async (c, next) => {
    await next();
    c.header('X-Content-Type-Options', 'nosniff');
    c.header('X-Frame-Options', 'DENY');
    c.header('Referrer-Policy', 'no-referrer');
    c.header('Content-Security-Policy', "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'self'; frame-ancestors 'none'; form-action 'self'");
    if (!c.res.headers.get('Cache-Control')) c.header('Cache-Control', 'no-store');
  });

  // A form posted from another site is refused before anything else looks at it.
  app.use('*', async (c, next) => {
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD') {
      const origin = c.req.header('origin');
      const host = c.req.header('x-forwarded-host') ?? c.req.header('host');
      if (c.req.header('sec-fetch-site') === 'cross-site' || (origin && origin !== 'null' && new URL(origin).host !== host)) {
        return c.text('跨站请求已拒绝。', 403);
      }
    }
    await next();
  });

  app.get('/static/console.css', (c) => c.body(CSS, 200, { 'Content-Type': 'text/css; charset=utf-8', 'Cache-Control': 'max-age=3600' }));
  app.get('/static/console.js', (c) => c.body(CLIENT_JS, 200, { 'Content-Type': 'text/javascript; charset=utf-8', 'Cache-Control': 'max-age=3600' }));
  app.get('/favicon.ico', (c) => c.body(null, 204, { 'Cache-Control': 'max-age=86400' }));
  app.get('/static/echarts.min.js', (c) =>
    c.body(fs.readFileSync(echartsFile, 'utf8'), 200, { 'Content-Type': 'text/javascript; charset=utf-8', 'Cache-Control': 'max-age=86400' }),
  );

  const startSession = async (c: Context, alias: string) => {
    const token = await createSession(db, clock, alias);
    setCookie(c, SESSION_COOKIE, token, { httpOnly: true, sameSite: 'Lax', secure: secureCookies(c), path: '/' });
    deleteCookie(c, WAIT_COOKIE, { path: '/' });
  };
  const bare = (c: Context, title: string, body: Html, status = 200) => c.html(page({ title }, h`<div class="card login">${body}</div>`), status as 200);
  const tooMany = (c: Context) => bare(c, '请稍后再试', h`<h1>尝试次数太多</h1><p>请过 10 分钟再试。</p>`, 429);
  const safeNext = (next: string | undefined) => (next && /^\/[a-z]/.test(next) && !next.startsWith('//') ? next : '/tickets');

  app.get('/login', async (c) => {
    if (!limiter.allow(clientKey(c))) return tooMany(c);
    limiter.fail(clientKey(c)); // every new code counts: codes are not handed out without end
    const wait = newToken();
    const code = await createLoginCode(db, clock, wait);
    setCookie(c, WAIT_COOKIE, wait, { httpOnly: true, sameSite: 'Strict', secure: secureCookies(c), path: '/login', maxAge: 600 });
    const next = safeNext(c.req.query('next'));
    return bare(
      c,
      '登录',
      h`<h1>登录网格工作台</h1>
<p>用微信私聊机器人，发送：</p><div class="code" id="login-code">登录 ${code}</div>
<p class="muted" data-code-poll="/login/code/check" data-next="${next}">等待确认…（5 分钟内有效）</p>
<p class="muted">也可以私聊机器人发送「登录」，机器人会回复一个一次性登录链接。只有组织文件里的工作人员能登录。</p>`,
    );
  });

  app.post('/login/code/check', async (c) => {
    const wait = getCookie(c, WAIT_COOKIE);
    if (!wait) return c.json({ state: 'none' });
    const state = await claimLoginCode(db, clock, wait);
    if (state.state === 'confirmed') {
      if (!viewerOf(deps.bot.org, state.alias)) return c.json({ state: 'none' });
      await startSession(c, state.alias);
      await recordAudit(db, clock, { alias: state.alias, action: 'login', detail: 'code', outcome: 'ok' });
      return c.json({ state: 'confirmed' });
    }
    return c.json({ state: state.state });
  });

  const invalidLink = (c: Context) => {
    limiter.fail(clientKey(c));
    return bare(c, '链接无效', h`<h1>链接无效或已过期</h1><p>登录链接只能用一次，10 分钟内有效。请私聊机器人发送「登录」获取新链接。</p><p><a href="/login">用验证码登录</a></p>`, 400);
  };

  // Opening the link only shows a button: WeChat's link preview must not use it up.
  app.get('/login/link/:token', async (c) => {
    if (!limiter.allow(clientKey(c))) return tooMany(c);
    const token = c.req.param('token');
    const alias = await peekLoginLink(db, clock, token);
    const viewer = alias ? viewerOf(deps.bot.org, alias) : undefined;
    if (!viewer) return invalidLink(c);
    return bare(
      c,
      '登录',
      h`<h1>登录网格工作台</h1><p>以 <strong>${viewer.name}</strong>（${viewer.label}）的身份登录。</p>
<form method="post" action="/login/link/${token}"><button type="submit" id="login-button">登录</button></form>`,
    );
  });

  app.post('/login/link/:token', async (c) => {
    if (!limiter.allow(clientKey(c))) return tooMany(c);
    const alias = await consumeLoginLink(db, clock, c.req.param('token'));
    if (!alias || !viewerOf(deps.bot.org, alias)) return invalidLink(c);
    await startSession(c, alias);
    await recordAudit(db, clock, { alias, action: 'login', detail: 'link', outcome: 'ok' });
    return c.redirect('/tickets', 303);
  });

  // Everything below needs a session; every post needs its CSRF token.
  app.use('*', async (c, next) => {
    const token = getCookie(c, SESSION_COOKIE);
    const session = token ? await findSession(db, clock, token) : undefined;
    const viewer = session ? viewerOf(deps.bot.org, session.alias) : undefined;
    if (!session || !viewer || !token) {
      if (c.req.method === 'GET' && !c.req.header('x-fragment') && c.req.header('accept') !== 'application/json') {
        return c.redirect(`/login?next=${encodeURIComponent(c.req.path)}`, 303);
      }
      return c.json({ error: '请先登录' }, 401);
    }
    c.set('viewer', viewer);
    c.set('csrf', session.csrf);
    c.set('session', hashToken(token));
    if (c.req.method === 'POST') {
      const type = c.req.header('content-type') ?? '';
      const form = type.includes('form') ? await c.req.parseBody() : {};
      if (form._csrf !== session.csrf) {
        await recordAudit(db, clock, { alias: viewer.alias, action: `${c.req.method} ${c.req.path}`, outcome: 'refused', message: 'CSRF token missing or wrong' });
        return c.text('表单已过期，请刷新页面后重试。', 403);
      }
    }
    await next();
  });

  app.post('/logout', async (c) => {
    const token = getCookie(c, SESSION_COOKIE);
    if (token) await endSession(db, token);
    deleteCookie(c, SESSION_COOKIE, { path: '/' });
    return c.redirect('/login', 303);
  });

  app.get('/', (c) => c.redirect('/tickets', 303));
  ticketRoutes(app, kit);
  orgRoutes(app, kit);
  noticeRoutes(app, kit);
  activityRoutes(app, kit);
  figureRoutes(app, kit);
  statusRoutes(app, kit);
  countyRoutes(app, kit);

  app.notFound((c) => c.text('没有这个页面。', 404));
  app.onError((err, c) => {
    deps.log.error({ err, path: c.req.path }, 'console request failed');
    return c.text('出错了，请稍后再试。', 500);
  });
  return app;
}

export interface RunningConsole {
  url: string;
  close(): Promise<void>;
}

/** Serves the console; port 0 in the config turns it off, `listenPort` 0 picks a free port (tests). */
export function startConsole(deps: ConsoleDeps, listenPort = deps.config.console.port): Promise<RunningConsole> {
  const app = createConsoleApp(deps);
  const host = deps.config.console.host;
  return new Promise((resolve, reject) => {
    let server: ServerType | undefined = undefined;
    server = serve({ fetch: app.fetch, port: listenPort, hostname: host }, (info) => {
      const url = `http://${host.includes(':') ? `[${host}]` : host}:${info.port}`;
      resolve({
        url,
        close: () =>
          new Promise<void>((done) => {
            (server as unknown as { closeAllConnections?: () => void }).closeAllConnections?.();
            server!.close(() => done());
          }),
      });
    });
    server.once('error', reject);
  });
}
