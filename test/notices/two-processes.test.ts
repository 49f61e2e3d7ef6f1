import { spawn } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { zonedTime } from '../../src/time.js';
import { demoOrg, repoRoot } from '../support/sim.js';
import { tempDatabaseUrl } from '../support/db.js';
import { applyPostgresMigrations, dropSchema, withSchema } from '../../src/store/postgres.js';
import { noticeHarness } from './support/harness.js';

const TSX = path.join(repoRoot, 'node_modules/.bin/tsx');
const WORKER = path.join(repoRoot, 'test/notices/support/sweep-worker.ts');
const ORG_FILE = path.join(repoRoot, 'examples/org.example.yaml');
const NOW = '2026-03-02T09:00:00+08:00';

interface WorkerResult {
  pid: number;
  notices: { id: string; room: string; due: string }[];
  failures: string[];
  yielded: number;
}

/** Starts a bot process that waits for "go". */
function startWorker(url: string, rounds: number) {
  const child = spawn(TSX, [WORKER, url, ORG_FILE, NOW, String(rounds)], { cwd: repoRoot, stdio: ['pipe', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stdout.on('data', (d) => (out += d));
  child.stderr.on('data', (d) => (err += d));
  const ready = new Promise<void>((resolve, reject) => {
    const poll = setInterval(() => {
      if (out.startsWith('ready\n')) (clearInterval(poll), resolve());
    }, 10);
    child.once('exit', (code) => (clearInterval(poll), reject(new Error(`worker exited ${code} before ready: ${err}`))));
  });
  const done = new Promise<WorkerResult>((resolve, reject) => {
    child.once('exit', (code) => {
      if (code !== 0) return reject(new Error(`worker exited ${code}: ${err}`));
      resolve(JSON.parse(out.split('\n').filter(Boolean).at(-1)!) as WorkerResult);
    });
  });
  return { ready, done, go: () => child.stdin.end('go\n') };
}

const POSTGRES = process.env.GRIDBOT_TEST_POSTGRES ?? 'postgresql://postgres@127.0.0.1:5432/test';

async function freshPostgres(): Promise<string> {
  const url = withSchema(POSTGRES, `gridbot_test_two_${process.pid}`);
  await dropSchema(url);
  await applyPostgresMigrations(url);
  return url;
}

describe.each([
  ['one SQLite file', async () => tempDatabaseUrl()],
  ['one PostgreSQL schema', freshPostgres],
])('two bot processes sharing %s', (_name, database) => {
  it('queue each (notice, due time, room) exactly once', async () => {
    const url = await database();
    const h = await noticeHarness({ org: demoOrg(), url, start: NOW });
    const rooms = h.org.residentRooms().map((r) => r.topic);
    const tz = h.config.timeZone;
    // Thirty notices due this minute in every residents' group, and one missed three hours ago.
    const now = h.clock.now();
    for (let i = 0; i < 30; i++) {
      const schedule = i % 2 ? { repeat: 'once' as const, at: now } : { repeat: 'daily' as const, time: { hour: 9, minute: 0 } };
      await h.addNotice({ rooms, schedule, content: `通知 ${i}`, nextRunAt: now });
    }
    const missed = await h.addNotice({ rooms, schedule: { repeat: 'daily', time: { hour: 6, minute: 0 } }, content: '早间提醒', nextRunAt: zonedTime(tz, 2026, 3, 2, 6) });
    await h.close();

    const workers = [startWorker(url, 4), startWorker(url, 4)];
    await Promise.all(workers.map((w) => w.ready));
    for (const w of workers) w.go();
    const results = await Promise.all(workers.map((w) => w.done));

    const check = await noticeHarness({ org: demoOrg(), url, start: NOW, importOrg: false });
    try {
      const notices = await check.db.notice.findMany();
      const postedNotices = notices.filter((n) => n.id !== missed.id);
      const outbound = await check.db.outboundMessage.findMany({ where: { origin: { startsWith: 'notice:' } } });
      const perKey = new Map<string, number>();
      for (const m of outbound) perKey.set(`${m.origin}|${m.target}`, (perKey.get(`${m.origin}|${m.target}`) ?? 0) + 1);
      // Every notice due now reached every room, each exactly once.
      expect(perKey.size).toBe(postedNotices.length * rooms.length);
      expect([...perKey.values()].every((n) => n === 1)).toBe(true);
      // The events the two processes emitted together: each (notice, room, due) once.
      const events = results.flatMap((r) => r.notices.map((e) => `${e.id}|${e.room}|${e.due}`));
      expect(new Set(events).size).toBe(events.length);
      expect(events).toHaveLength(postedNotices.length * rooms.length);
      // The run missed at 06:00 was skipped once and reported to staff once.
      const skipped = await check.db.noticePost.findMany({ where: { noticeId: missed.id } });
      expect(skipped.map((p) => p.outcome)).toEqual(rooms.map(() => 'skipped'));
      expect(await check.db.outboundMessage.count({ where: { origin: `notice-report:${missed.id}` } })).toBe(h.org.staffRooms().length);
      // Every notice moved on: repeating ones to tomorrow, one-offs finished.
      for (const n of notices) {
        if (n.repeat === 'once') expect(n.status).toBe('done');
        else expect(n.nextRunAt!.getTime()).toBeGreaterThan(zonedTime(tz, 2026, 3, 2, 9).getTime());
      }
      expect(results.flatMap((r) => r.failures)).toEqual([]);
      console.info('two processes:', results.map((r) => ({ pid: r.pid, queued: r.notices.length, yielded: r.yielded })));
    } finally {
      await check.close();
      if (url.startsWith('postgres')) await dropSchema(url);
    }
  }, 60_000);
});
