import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { ManualClock, systemClock } from '../../src/clock.js';
import { assessHealth, HealthRecorder } from '../../src/app/health.js';
import { silentLogger } from '../../src/log.js';
import { readHealth, type HealthFacts, type HealthReport } from '../../src/store/health.js';
import { resolveDatabaseUrl } from '../../src/store/database-url.js';
import { tempDatabase } from '../support/db.js';

const NOW = new Date('2026-03-02T10:00:00+08:00');
const minutesAgo = (m: number) => new Date(NOW.getTime() - m * 60_000).toISOString();
const facts = (over: Partial<HealthFacts> = {}): HealthFacts => ({
  account: 'gridbot',
  puppet: 'wechaty-puppet-wechat4u',
  startedAt: minutesAgo(120),
  heartbeatAt: minutesAgo(0.5),
  loggedIn: true,
  user: '网格助手',
  since: minutesAgo(90),
  lastMessageAt: minutesAgo(3),
  ...over,
});
const report = (over: Partial<HealthReport> = {}): HealthReport => ({ facts: [facts()], queued: 0, sentToday: 12, ...over });

describe('judging health', () => {
  it.each([
    ['logged in and running', report(), 0, '已登录为 网格助手'],
    ['sends paused by WeChat', report({ sendPausedUntil: new Date(NOW.getTime() + 600_000) }), 1, '发送过于频繁'],
    ['the daily cap reached', report({ sentToday: 300 }), 1, '300 / 300（已到上限'],
    ['a recent error', report({ facts: [facts({ lastError: { at: minutesAgo(2), text: '无法连接微信服务器' } })] }), 1, '最后错误：无法连接微信服务器'],
    ['an old error only', report({ facts: [facts({ lastError: { at: minutesAgo(300), text: '微信登录失败' } })] }), 0, '最后错误：微信登录失败'],
    ['not logged in', report({ facts: [facts({ loggedIn: false, since: minutesAgo(20) })] }), 2, '未登录，自 3月2日 09:40（20 分钟前）起'],
    ['the process stopped', report({ facts: [facts({ heartbeatAt: minutesAgo(30) })] }), 2, '没有在运行'],
    ['never ran', report({ facts: [] }), 2, '没有机器人在这个数据库上运行过'],
  ] as const)('%s', (_name, input, level, says) => {
    const result = assessHealth(input, NOW, 300, 'Asia/Shanghai');
    expect(result.level).toBe(level);
    expect(result.accounts.flatMap((a) => a.lines).join('\n')).toContain(says);
  });
});

describe('npm run status', () => {
  const status = (file: string) => spawnSync(process.execPath, ['--import', 'tsx', 'scripts/status.ts', file], { encoding: 'utf8', timeout: 60_000 });

  it('reads what the running bot recorded: 0 when logged in, 1 when sends are paused, 2 when nobody ever ran', async () => {
    const { db, url } = tempDatabase();
    const file = resolveDatabaseUrl(url);
    try {
      const empty = status(file);
      expect(empty.status).toBe(2);
      expect(empty.stdout).toContain('没有机器人在这个数据库上运行过');

      const recorder = new HealthRecorder({ db, clock: systemClock, account: 'jinsha', puppet: '@juzi/wechaty-puppet-service', log: silentLogger });
      recorder.loggedIn('网格助手');
      recorder.received();
      await recorder.heartbeat();
      const ok = status(file);
      expect(ok.stdout).toContain('账号 jinsha（@juzi/wechaty-puppet-service）：正常');
      expect(ok.stdout).toContain('已登录为 网格助手');
      expect(ok.status).toBe(0);

      await db.keyValue.upsert({ where: { key: 'outbox.pausedUntil' }, create: { key: 'outbox.pausedUntil', value: String(systemClock.now().getTime() + 600_000) }, update: {} });
      const paused = status(file);
      expect(paused.stdout).toContain('发送暂停到');
      expect(paused.status).toBe(1);
    } finally {
      await db.$disconnect();
    }
  }, 120_000);

  it('records a logout and a login pause as they happen', async () => {
    const { db } = tempDatabase();
    const clock = new ManualClock('2026-03-02T09:00:00+08:00');
    try {
      const recorder = new HealthRecorder({ db, clock, account: 'a', puppet: 'p', log: silentLogger });
      recorder.loggedIn('网格助手');
      clock.advance(60_000);
      recorder.loggedOut();
      recorder.loginPaused('无人扫码', clock.now().getTime() + 30_000);
      await recorder.heartbeat();
      const [saved] = (await readHealth(db, new Date('2026-03-02T00:00:00+08:00'), clock.now())).facts;
      expect(saved.loggedIn).toBe(false);
      expect(saved.since).toBe(clock.now().toISOString());
      expect(saved.loginPaused?.why).toBe('无人扫码');
    } finally {
      await db.$disconnect();
    }
  });
});
