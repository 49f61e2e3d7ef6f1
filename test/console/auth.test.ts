import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock, HOUR, MINUTE, systemClock } from '../../src/clock.js';
import { importOrg } from '../../src/org/import.js';
import {
  claimLoginCode,
  confirmLoginCode,
  consumeLoginLink,
  createLoginCode,
  createLoginLink,
  createSession,
  findSession,
  peekLoginLink,
} from '../../src/store/console-auth.js';
import { AttemptLimiter } from '../../src/console/limiter.js';
import { createConsoleApp } from '../../src/console/server.js';
import { OrgDirectory } from '../../src/org/directory.js';
import { loadConfig } from '../../src/config.js';
import { silentLogger } from '../../src/log.js';
import type { Db } from '../../src/store/db.js';
import { tempDatabase } from '../support/db.js';
import { demoOrg, repoRoot } from '../support/sim.js';

describe('console logins and sessions', () => {
  let db: Db;
  let url: string;
  const clock = new ManualClock('2026-03-02T09:00:00+08:00');

  beforeAll(async () => {
    ({ db, url } = tempDatabase());
    await importOrg(db, demoOrg());
  });
  afterAll(() => db.$disconnect());

  it('a link works once, and not after ten minutes', async () => {
    const token = await createLoginLink(db, clock, 'xuchengpeng');
    expect(await peekLoginLink(db, clock, token)).toBe('xuchengpeng');
    expect(await consumeLoginLink(db, clock, token)).toBe('xuchengpeng');
    expect(await consumeLoginLink(db, clock, token)).toBeUndefined();
    const stale = await createLoginLink(db, clock, 'xuchengpeng');
    clock.advance(11 * MINUTE);
    expect(await consumeLoginLink(db, clock, stale)).toBeUndefined();
    expect(await consumeLoginLink(db, clock, 'made-up-token')).toBeUndefined();
  });

  it('a code logs in only the browser that shows it, once, after the person confirmed it', async () => {
    const code = await createLoginCode(db, clock, 'browser-a');
    expect(code).toMatch(/^\d{6}$/);
    expect(await claimLoginCode(db, clock, 'browser-a')).toEqual({ state: 'waiting', code });
    expect(await confirmLoginCode(db, clock, code === '123456' ? '654321' : '123456', 'liuhanhui')).toBe(false);
    expect(await confirmLoginCode(db, clock, code, 'liuhanhui')).toBe(true);
    expect(await confirmLoginCode(db, clock, code, 'xuchengpeng')).toBe(false);
    expect(await claimLoginCode(db, clock, 'browser-b')).toEqual({ state: 'none' });
    expect(await claimLoginCode(db, clock, 'browser-a')).toEqual({ state: 'confirmed', alias: 'liuhanhui' });
    expect(await claimLoginCode(db, clock, 'browser-a')).toEqual({ state: 'none' });
  });

  it('a session ends after 12 hours without a request, and lives on while used', async () => {
    const token = await createSession(db, clock, 'liujiawei');
    for (let i = 0; i < 3; i++) {
      clock.advance(11 * HOUR);
      expect((await findSession(db, clock, token))?.alias).toBe('liujiawei');
    }
    clock.advance(12 * HOUR + MINUTE);
    expect(await findSession(db, clock, token)).toBeUndefined();
    clock.advance(-12 * HOUR);
    expect(await findSession(db, clock, token)).toBeUndefined(); // deleted, not just hidden
  });

  it('limits attempts per client in a sliding window', () => {
    const limiter = new AttemptLimiter(clock, { max: 3, windowMs: 10 * MINUTE });
    for (let i = 0; i < 3; i++) limiter.fail('1.2.3.4');
    expect(limiter.allow('1.2.3.4')).toBe(false);
    expect(limiter.allow('5.6.7.8')).toBe(true);
    clock.advance(11 * MINUTE);
    expect(limiter.allow('1.2.3.4')).toBe(true);
  });

  it('refuses pages without a session, forms from another site, and many wrong links', async () => {
    const org = new OrgDirectory(demoOrg());
    const app = createConsoleApp({
      db,
      clock,
      config: loadConfig({}),
      log: silentLogger,
      bot: { org, runCommandAs: async () => ({ ok: false, replies: [] }), useOrg: () => undefined },
    });
    const page = await app.request('/tickets');
    expect(page.status).toBe(303);
    expect(page.headers.get('location')).toBe('/login?next=%2Ftickets');
    const api = await app.request('/tickets/version', { headers: { accept: 'application/json' } });
    expect(api.status).toBe(401);
    const token = await createLoginLink(db, clock, 'liujiawei');
    const cross = await app.request(`/login/link/${token}`, { method: 'POST', headers: { origin: 'https://evil.example', host: 'localhost' } });
    expect(cross.status).toBe(403);
    expect(await peekLoginLink(db, clock, token)).toBe('liujiawei');
    const statuses: number[] = [];
    for (let i = 0; i < 22; i++) statuses.push((await app.request(`/login/link/wrong${i}`, { method: 'POST' })).status);
    expect(statuses.slice(0, 20).every((s) => s === 400)).toBe(true);
    expect(statuses.slice(20)).toEqual([429, 429]);
    // Even the right link waits now: the limit is per client, not per guess.
    expect((await app.request(`/login/link/${token}`, { method: 'POST' })).status).toBe(429);
    const ok = await app.request(`/login/link/${token}`, { method: 'GET' });
    expect(ok.status).toBe(429);
    clock.advance(11 * MINUTE);
    const login = await app.request(`/login/link/${await createLoginLink(db, clock, 'liujiawei')}`, { method: 'POST' });
    expect(login.status).toBe(303);
    const cookie = login.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/gb_session=[^;]+;.*HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
  });

  it('npm run console:link prints a link for a person of the file and refuses anyone else', async () => {
    const run = (who: string) => {
      try {
        return { out: execFileSync('npx', ['tsx', 'scripts/console-link.ts', who], { cwd: repoRoot, env: { ...process.env, DATABASE_URL: url, GRIDBOT_CONSOLE_URL: 'https://grid.example.org' }, encoding: 'utf8', stdio: 'pipe' }), code: 0 };
      } catch (err) {
        const e = err as { status: number; stderr: string };
        return { out: e.stderr, code: e.status };
      }
    };
    const ok = run('刘佳玮');
    expect(ok.code).toBe(0);
    const token = /^https:\/\/grid\.example\.org\/login\/link\/([A-Za-z0-9_-]+)\n$/.exec(ok.out)?.[1];
    expect(token).toBeDefined();
    expect(await peekLoginLink(db, systemClock, token!)).toBe('liujiawei');
    const nobody = run('zhangdaye');
    expect(nobody.code).toBe(2);
    expect(nobody.out).toContain('只有岗位人员可以登录工作台');
  }, 60_000);
});
