/**
 * The multi-process soak: N bot processes share one database (a fresh SQLite file, or a
 * fresh schema of a PostgreSQL database), a steady deterministic stream of resident
 * messages is split over them by room (as accounts split rooms), notices fall due during
 * the run in every residents' group, and processes are killed with SIGKILL at random and
 * restarted. After a last catch-up without kills it judges what reached the database and
 * what was sent. Run by `npm run soak` and, in a short form, by test/app/soak.test.ts.
 */
import fs from 'node:fs';
import path from 'node:path';
import { loadConfig } from '../../src/config.js';
import { importOrg } from '../../src/org/import.js';
import { loadOrgFile } from '../../src/org/load.js';
import { OrgDirectory } from '../../src/org/directory.js';
import { scratchDir } from '../../src/scratch.js';
import { seededRandom } from '../../src/simulate/run.js';
import { applyMigrations, openDatabase } from '../../src/store/db.js';
import { applyPostgresMigrations, dropSchema, withSchema } from '../../src/store/postgres.js';
import { scheduleColumns } from '../../src/notices/notice-row.js';
import { insertDueNotice, soakBacklog, soakFacts } from '../../src/store/soak.js';
import { RESENT_MARK } from '../../src/chat/outbox.js';
import { bundleWorker, kill, offer, readBy, readSentLog, repoRoot, sleep, startWorker, type Life, type SoakMessage, type WorkerOptions } from './processes.js';

export interface SoakOptions {
  /** A postgresql:// URL (a fresh schema of it is used and dropped); else a temporary SQLite file. */
  database?: string;
  processes: number;
  minutes: number;
  killEveryMs: number;
  messagesPerSecond: number;
  orgFile?: string;
  seed?: number;
  /** How long the stand-in classifier takes per message. */
  slowMs?: number;
  /** How often each process runs the minute sweeps. */
  sweepMs?: number;
  /** How long the final catch-up may take before the soak gives up on it. */
  catchUpMs?: number;
}

export interface SoakResult {
  database: 'sqlite' | 'postgresql';
  processes: number;
  minutes: number;
  kills: number;
  messages: { offered: number; handedOver: number; stored: number; handledOnce: number; lost: number; doubled: number };
  notices: { due: number; posted: number; doubled: number; lost: number };
  /** Everything the processes sent; doubled: the same text to the same place twice, not marked 【重发】. */
  outbound: { sent: number; doubled: number };
  maybeRepeated: number;
  outboundPerProcessPerMinuteMax: number;
  latencyMs: { p50: number; p99: number };
  caughtUp: boolean;
}

/** Parses `5s`, `500ms`, `2m` or a bare number of seconds. */
export function parseDuration(text: string): number {
  const m = /^(\d+(?:\.\d+)?)(ms|s|m)?$/.exec(text.trim());
  if (!m) throw new Error(`看不懂这个时长：${text}（例如 5s、500ms、1m）`);
  const n = Number(m[1]);
  return m[2] === 'ms' ? n : m[2] === 'm' ? n * 60_000 : n * 1000;
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

/** The most sends any 60-second window of one log holds. */
function maxPerMinute(times: number[]): number {
  const t = [...times].sort((a, b) => a - b);
  let best = 0;
  for (let i = 0, j = 0; i < t.length; i++) {
    while (t[i]! - t[j]! >= 60_000) j++;
    best = Math.max(best, i - j + 1);
  }
  return best;
}

interface Slot {
  index: number;
  options: WorkerOptions;
  life?: Life;
  /** Messages for this slot's rooms that WeChat still holds (offered, not yet read by a live process). */
  waiting: SoakMessage[];
  /** Written to the current life, maybe not read yet. */
  written: SoakMessage[];
}

export async function runSoak(opts: SoakOptions): Promise<SoakResult> {
  const random = seededRandom(opts.seed ?? 7);
  const pick = (lo: number, hi: number) => lo + Math.floor(random() * (hi - lo + 1));
  const dir = scratchDir('gridbot-soak-');
  const postgres = opts.database?.startsWith('postgres') ?? false;
  let url: string;
  if (postgres) {
    url = withSchema(opts.database!, `gridbot_soak_${process.pid}_${Date.now() % 1e8}`);
    await dropSchema(url);
    await applyPostgresMigrations(url);
  } else {
    url = `file:${path.join(dir.path, 'soak.db')}`;
    applyMigrations(url);
  }
  const orgFile = opts.orgFile ?? path.join(repoRoot, 'examples/org.example.yaml');
  const org = loadOrgFile(orgFile);
  const db = openDatabase(url);
  let worker: string | undefined;
  const slots: Slot[] = [];
  try {
    await importOrg(db, org);
    const rooms = new OrgDirectory(org).residentRooms().map((r) => r.topic).sort();
    const timeZone = loadConfig({}).timeZone;
    const durationMs = opts.minutes * 60_000;
    const t0 = Date.now() + 3_000; // after the first starts

    // Notices due during the run, each in every residents' group. Urgent, so that quiet
    // hours (22:00–07:00) do not hold them back when the soak runs at night.
    const noticeCount = Math.max(3, Math.round(opts.minutes * 6));
    const noticeMarks = new Map<string, number>();
    for (let k = 0; k < noticeCount; k++) {
      const at = new Date(t0 + Math.round(((k + 0.5) / noticeCount) * durationMs * 0.9));
      const mark = `【压测通知${k}】`;
      noticeMarks.set(mark, await insertDueNotice(db, { community: org.community.name, rooms, content: `${mark}今晚停水检修，请提前储水。`, at, urgent: true, columns: scheduleColumns({ repeat: 'once', at }, timeZone), createdAt: new Date() }));
    }

    // The stream: message i is offered at t0 + i / rate, in a room chosen at random.
    const total = Math.round(opts.messagesPerSecond * durationMs / 1000);
    const stream: (SoakMessage & { at: number })[] = Array.from({ length: total }, (_, i) => {
      const room = rooms[pick(0, rooms.length - 1)]!;
      return { id: `soak-${i}`, room, alias: `resident-${rooms.indexOf(room)}-${pick(0, 19)}`, text: `${pick(1, 3)}栋${pick(1, 9)}单元楼道灯坏了，第${i}次说`, at: t0 + Math.floor((i * 1000) / opts.messagesPerSecond) };
    });
    const offeredAt = new Map(stream.map((m) => [m.id, m.at]));
    const slotOf = new Map(rooms.map((r, i) => [r, i % opts.processes]));

    worker = await bundleWorker();
    for (let i = 0; i < opts.processes; i++) {
      slots.push({
        index: i,
        waiting: [],
        written: [],
        options: {
          url,
          orgFile,
          sentLog: path.join(dir.path, `sent-${i}.jsonl`),
          inboxFile: path.join(dir.path, `inbox-${i}.jsonl`),
          slowMs: opts.slowMs ?? 10,
          sweepMs: opts.sweepMs ?? 1000,
        },
      });
    }
    await Promise.all(slots.map(async (s) => (s.life = await startWorker(worker!, s.options))));

    const handedOver = new Set<string>();
    /** Moves what a dead life never read back to WeChat's side, in order. */
    const settle = (slot: Slot, life: Life) => {
      const read = readBy(life);
      for (const id of read) handedOver.add(id);
      slot.waiting.unshift(...slot.written.filter((m) => !read.has(m.id)));
      slot.written = [];
    };
    let next = 0;
    const feed = () => {
      const now = Date.now();
      while (next < stream.length && stream[next]!.at <= now) {
        const { at: _at, ...m } = stream[next++]!;
        slots[slotOf.get(m.room)!]!.waiting.push(m);
      }
      for (const slot of slots) {
        if (!slot.life || slot.waiting.length === 0) continue;
        offer(slot.life, slot.waiting);
        slot.written.push(...slot.waiting);
        slot.waiting = [];
      }
    };

    // The run: feed every 20 ms; every ~killEvery kill one process at random and restart it.
    let kills = 0;
    const end = t0 + durationMs;
    let nextKill = t0 + opts.killEveryMs * (0.5 + random());
    while (Date.now() < end) {
      feed();
      // Only a process that is up can be killed: on a slow machine a restart may still be under way.
      const up = slots.filter((s) => s.life);
      if (Date.now() >= nextKill && up.length > 0) {
        const slot = up[pick(0, up.length - 1)]!;
        const life = slot.life!;
        slot.life = undefined;
        await kill(life);
        kills++;
        settle(slot, life);
        // Restarting takes a moment; meanwhile the others go on and this slot's messages wait.
        void startWorker(worker, slot.options).then((l) => (slot.life = l));
        nextKill = Date.now() + opts.killEveryMs * (0.5 + random());
      }
      await sleep(20);
    }

    // The catch-up: no more kills; everything left is handed over and the bots finish.
    let caughtUp = false;
    const catchUpEnd = Date.now() + (opts.catchUpMs ?? 180_000);
    while (Date.now() < catchUpEnd) {
      feed();
      await sleep(200);
      if (next < stream.length || slots.some((s) => !s.life || s.waiting.length > 0)) continue;
      const b = await soakBacklog(db, new Date());
      const read = slots.every((s) => readBy(s.life!).size >= s.written.length);
      if (read && b.inbound >= total && b.pending === 0 && b.unsent === 0 && b.noticesDue === 0) {
        caughtUp = true;
        break;
      }
    }
    // Quiet for a moment (a sweep or a send may still be on its way), then stop them all.
    await sleep(1500);
    for (const slot of slots) {
      if (!slot.life) continue;
      await kill(slot.life);
      settle(slot, slot.life);
      slot.life = undefined;
    }

    // Judge: the database for the messages, the sent logs for what WeChat received.
    const facts = await soakFacts(db);
    const storedOf = new Map(facts.stored.map((m) => [m.messageId, m]));
    const stored = stream.filter((m) => storedOf.has(m.id));
    const handledOnce = stored.filter((m) => storedOf.get(m.id)!.status === 'done' && (facts.ticketsPerInbound.get(storedOf.get(m.id)!.id) ?? 0) <= 1).length;
    const doubled = [...facts.ticketsPerInbound.values()].filter((n) => n > 1).length;
    const latencies = stored.map((m) => storedOf.get(m.id)!.receivedAt.getTime() - offeredAt.get(m.id)!).sort((a, b) => a - b);

    const logs = slots.map((s) => readSentLog(s.options.sentLog));
    const sent = logs.flat();
    const markOf = (text: string) => /【压测通知\d+】/.exec(text)?.[0];
    const posts = new Map<string, number>();
    for (const line of sent) {
      const mark = markOf(line.text);
      if (mark && rooms.includes(line.to)) posts.set(`${mark}|${line.to}`, (posts.get(`${mark}|${line.to}`) ?? 0) + 1);
    }
    // A post cut short by a kill may have gone out or not: kept as maybe sent, never lost.
    const maybePosts = facts.maybeSent.filter((m) => markOf(m.text) && !posts.has(`${markOf(m.text)}|${m.target}`));
    const due = noticeMarks.size * rooms.length;
    // The same text to the same place twice, not marked as a repeat: a double send.
    const seen = new Map<string, number>();
    for (const l of sent) if (!l.text.startsWith(RESENT_MARK)) seen.set(`${l.to}|${l.text}`, (seen.get(`${l.to}|${l.text}`) ?? 0) + 1);
    const resent = sent.filter((l) => l.text.startsWith(RESENT_MARK)).length;

    return {
      database: postgres ? 'postgresql' : 'sqlite',
      processes: opts.processes,
      minutes: opts.minutes,
      kills,
      messages: { offered: total, handedOver: handedOver.size, stored: stored.length, handledOnce, lost: total - handledOnce, doubled },
      notices: { due, posted: posts.size, doubled: [...posts.values()].filter((n) => n > 1).length, lost: due - posts.size - maybePosts.length },
      outbound: { sent: sent.length, doubled: [...seen.values()].filter((n) => n > 1).length },
      maybeRepeated: facts.maybeSent.length + resent,
      outboundPerProcessPerMinuteMax: Math.max(0, ...logs.map((l) => maxPerMinute(l.map((x) => x.at)))),
      latencyMs: { p50: percentile(latencies, 50), p99: percentile(latencies, 99) },
      caughtUp,
    };
  } finally {
    for (const slot of slots) if (slot.life) await kill(slot.life);
    await db.$disconnect();
    if (worker) fs.rmSync(worker, { force: true });
    if (postgres) await dropSchema(url);
    dir.remove();
  }
}
