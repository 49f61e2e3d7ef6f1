/**
 * npm run --silent bench [-- --messages 1000 --org examples/org.example.yaml]
 *
 * Drives resident messages through the whole inbound path — mock WeChat puppet → Wechaty
 * adapter → store → classify (rules only) → ticket → route → outbound queue — on a
 * database FILE, one message at a time, and prints messages per second and p50/p99
 * latency (from the puppet emitting the message to the bot having committed everything
 * it caused). The floor beside it: a bare echo bot on the same mock puppet and adapter.
 *
 * npm run --silent bench -- --history 100000 [--messages 500]
 * The same inbound path on an empty database and on one filled with N tickets of past
 * work (events, inbound and sent messages, follow-up rows: direct inserts), side by side;
 * then, on the filled one, an escalation sweep of 500 overdue tickets with how long a
 * resident's message waits behind it, and the one-year report's time and peak memory (in
 * a child process). The last line is one JSON object with `historyRatio`.
 *
 * npm run --silent measure:memory
 * Idle memory of a bot serving a county (1,000 rooms, 20,000 people), in a child process.
 */
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { ManualClock } from '../src/clock.js';
import { loadConfig } from '../src/config.js';
import { silentLogger } from '../src/log.js';
import { applyMigrations, listenToStatements, openDatabase } from '../src/store/db.js';
import { importOrg } from '../src/org/import.js';
import { loadOrgFile } from '../src/org/load.js';
import type { Org } from '../src/org/types.js';
import { MockWorld } from '../src/chat/mock-world.js';
import { WechatyChat } from '../src/chat/wechaty.js';
import { createBot } from '../src/app/runtime.js';
import { readJsonl } from '../src/intake/jsonl.js';
import { scratchDir } from '../src/scratch.js';
import type { Bot } from '../src/app/bot.js';
import type { Db } from '../src/store/db.js';
import { fillHistory, fillHistoryPostgres, makeOverdue, makeOverduePostgres, type HistoryShape } from '../src/store/history-fill.js';
import { isPostgresUrl } from '../src/store/database-url.js';
import { migrateDatabase } from '../src/store/db.js';
import { dropSchema, withSchema } from '../src/store/postgres.js';
import { spawn } from 'node:child_process';
import { OrgDirectory } from '../src/org/directory.js';
import { CATEGORIES } from '../src/intake/index.js';
import { syntheticOrg } from '../src/org/synthetic.js';
import { localDayKey } from '../src/time.js';
import { spawnSync } from 'node:child_process';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function option(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback;
}

const HISTORY = process.argv.includes('--history') ? Number(option('history', '100000')) : undefined;
/** `--database postgresql://…`: the inbound path on PostgreSQL, in 1 and PROCESSES processes, and its sweep. */
const DATABASE = option('database', '');
const PROCESSES = Number(option('processes', '3'));
/** A child's share of the rooms (`i/N`), so that processes talk in different groups as accounts would. */
const [SLICE, SLICES] = option('slice', '0/1').split('/').map(Number);
const MESSAGES = Number(option('messages', HISTORY === undefined ? '1000' : '500'));
const WARM_UP = Math.min(100, Math.floor(MESSAGES / 10));
const org: Org = loadOrgFile(path.resolve(root, option('org', 'examples/org.example.yaml')));

/** What residents write: the labelled development set when present (every intent), else a few lines. */
function residentTexts(): string[] {
  const dev = path.resolve(root, '../shared/data/intake-dev.jsonl');
  const own = path.resolve(root, 'test/intake/fixtures/own-tune.jsonl');
  const files = [dev, own].filter((f) => fs.existsSync(f));
  const texts = files.flatMap((f) => readJsonl<{ text: string }>(f).map((r) => r.text));
  return texts.length ? texts : ['1栋2单元楼道灯坏了好几天了', '早上好啊各位', '小区东门垃圾堆了好几天了', '谢谢楼栋长'];
}

interface Figures {
  /** SQL statements the timed messages ran, per message (SQLite only: counted at the driver). */
  statements?: number;
  perSecond: number;
  p50: number;
  p99: number;
  max: number;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

/** Says one resident message and waits until the bot has handled it to the end: ms. */
async function sayAndWait(world: MockWorld, chat: WechatyChat, topic: string, i: number, text: string): Promise<number> {
  const target = chat.completed + 1;
  const started = performance.now();
  world.sayInRoom(topic, `居民${SLICE}-${i % 300}`, `resident${SLICE}-${i % 300}`, text);
  while (chat.completed < target) await new Promise((r) => setImmediate(r));
  return performance.now() - started;
}

/**
 * Says each message in a residents' group and waits until the adapter reports it handled
 * to the end; the first WARM_UP messages are not timed.
 */
async function drive(world: MockWorld, chat: WechatyChat, clock: ManualClock, texts: string[]): Promise<Figures> {
  const rooms = org.grids.flatMap((g) => g.rooms.map((r) => r.topic)).filter((_, i) => i % SLICES === SLICE);
  const latencies: number[] = [];
  let timedFrom = 0;
  let statements = 0;
  for (let i = 0; i < MESSAGES + WARM_UP; i++) {
    if (i === WARM_UP) {
      timedFrom = performance.now();
      listenToStatements(() => (statements += 1));
    }
    clock.advance(1_000);
    const took = await sayAndWait(world, chat, rooms[i % rooms.length], i, texts[i % texts.length]);
    if (i >= WARM_UP) latencies.push(took);
  }
  const elapsed = performance.now() - timedFrom;
  listenToStatements(undefined);
  latencies.sort((a, b) => a - b);
  return { statements: statements / MESSAGES, perSecond: (MESSAGES / elapsed) * 1000, p50: percentile(latencies, 50), p99: percentile(latencies, 99), max: latencies.at(-1)! };
}

async function loggedIn(world: MockWorld, chat: WechatyChat): Promise<void> {
  await chat.start();
  world.login();
  while (!chat.bot.isLoggedIn) await new Promise((r) => setTimeout(r, 5));
}

const START = '2026-03-02T09:00:00+08:00';

interface Prepared {
  /** Called with the migrated, org-imported database before the bot starts. */
  fill?: (url: string) => void | Promise<void>;
  /** Called after the timed messages, with the bot still running. */
  after?: (run: { bot: Bot; world: MockWorld; chat: WechatyChat; clock: ManualClock; url: string; db: Db }) => Promise<void>;
}

/** The full path on a fresh SQLite file, or on `given` (a database already migrated and holding the org). */
async function benchFullPath(texts: string[], prepared: Prepared = {}, given?: string): Promise<Figures & { tickets: number; queued: number; file: string }> {
  const file = given ?? path.join(scratchDir('gridbot-bench-').path, 'bench.db');
  const url = given ?? `file:${file}`;
  if (!given) applyMigrations(url);
  const db = openDatabase(url);
  if (!given) await importOrg(db, org);
  await prepared.fill?.(url);
  const clock = new ManualClock(START);
  const config = Object.freeze({ ...loadConfig({}), databaseUrl: url, model: undefined });
  const world = new MockWorld(org, config.botName);
  const chat = new WechatyChat({ puppet: world.puppet, log: silentLogger, printQr: false, profileName: undefined });
  // The outbox is not started: replies stay queued, which is where the inbound path ends.
  const bot = createBot({ config, db, chat, clock, events: { emit: () => undefined }, log: silentLogger, org });
  await loggedIn(world, chat);
  try {
    const figures = await drive(world, chat, clock, texts);
    const failed = await db.inboundMessage.count({ where: { status: 'failed' } });
    if (failed) {
      const first = await db.inboundMessage.findFirst({ where: { status: 'failed' }, select: { text: true, error: true } });
      throw new Error(`${failed} messages failed; the first, ${JSON.stringify(first?.text)}: ${first?.error?.slice(0, 800)}`);
    }
    await prepared.after?.({ bot, world, chat, clock, url, db });
    return { ...figures, tickets: await db.ticket.count(), queued: await db.outboundMessage.count(), file };
  } finally {
    await chat.stop();
    await db.$disconnect();
  }
}

async function benchEcho(texts: string[]): Promise<Figures> {
  const clock = new ManualClock('2026-03-02T09:00:00+08:00');
  const world = new MockWorld(org);
  const chat = new WechatyChat({ puppet: world.puppet, log: silentLogger, printQr: false, profileName: undefined });
  chat.onMessage(async (m) => {
    if (m.room) await chat.send({ kind: 'room', topic: m.room.topic }, m.text);
  });
  await loggedIn(world, chat);
  try {
    return await drive(world, chat, clock, texts);
  } finally {
    await chat.stop();
  }
}

const fmt = (f: Figures) => `${f.statements ? `${f.statements.toFixed(1).padStart(5)} SQL/msg  ` : ''}${f.perSecond.toFixed(0).padStart(6)} msg/s   p50 ${f.p50.toFixed(2).padStart(6)} ms   p99 ${f.p99.toFixed(2).padStart(6)} ms   max ${f.max.toFixed(1)} ms`;

async function benchDefault(): Promise<void> {
  const texts = residentTexts();
  const echo = await benchEcho(texts);
  const full = await benchFullPath(texts);
  console.log(`${MESSAGES} resident messages (${texts.length} distinct texts, every intent), rules-only intake, one at a time`);
  console.log(`echo bot (floor)   ${' '.repeat(full.statements ? 15 : 0)}${fmt(echo)}`);
  console.log(`full inbound path  ${fmt(full)}`);
  console.log(`full / echo rate: ${(full.perSecond / echo.perSecond).toFixed(2)} (target ≥ 0.5); p99 target < 50 ms`);
  console.log(`database file ${full.file}: ${full.tickets} tickets, ${full.queued} messages queued`);
  console.log(JSON.stringify({ messages: MESSAGES, echo, full: { statements: full.statements, perSecond: full.perSecond, p50: full.p50, p99: full.p99, max: full.max }, ratio: full.perSecond / echo.perSecond }));
}


const OVERDUE = 500;
const MB = 1024 * 1024;

interface SweepFigures {
  /** The first sweeps on the filled database: purging a year of expired rows. */
  purgeMs: number;
  overdue: number;
  /** The sweep alone, nobody talking. */
  sweepMs: number;
  /** The same sweep again with a resident message every MESSAGE_GAP_MS: how long each took to be handled. */
  duringSweep: number;
  sweepWithMessagesMs: number;
  waitP50: number;
  waitP99: number;
  waitMax: number;
}

const MESSAGE_GAP_MS = 200;

/** 500 tickets past their accept deadline, one sweep; then again with residents talking meanwhile. */
async function measureSweep(run: Parameters<NonNullable<Prepared['after']>>[0], texts: string[], count = OVERDUE): Promise<SweepFigures> {
  const overdueNow = (due: Date) => (isPostgresUrl(run.url) ? makeOverduePostgres(run.url, count, due) : makeOverdue(run.url, count, due));
  // The first ticks purge the year's expired follow-up rows and old message words: timed apart.
  let started = performance.now();
  for (let i = 0; i < 3; i++) await run.bot.runSweeps();
  const purgeMs = performance.now() - started;
  const overdue = await overdueNow(new Date(run.clock.now().getTime() - 60_000));
  started = performance.now();
  await run.bot.runSweeps();
  const sweepMs = performance.now() - started;

  await overdueNow(new Date(run.clock.now().getTime() - 60_000));
  const rooms = org.grids.flatMap((g) => g.rooms.map((r) => r.topic));
  let done = false;
  started = performance.now();
  const sweep = run.bot.runSweeps().then(() => {
    done = true;
  });
  const waits: number[] = [];
  for (let i = 0; !done; i++) {
    await new Promise((r) => setTimeout(r, MESSAGE_GAP_MS));
    if (done) break;
    waits.push(await sayAndWait(run.world, run.chat, rooms[i % rooms.length], 7_000 + i, texts[i % texts.length]));
  }
  await sweep;
  const sweepWithMessagesMs = performance.now() - started;
  waits.sort((a, b) => a - b);
  const at = (p: number) => (waits.length ? percentile(waits, p) : 0);
  return { purgeMs, overdue, sweepMs, duringSweep: waits.length, sweepWithMessagesMs, waitP50: at(50), waitP99: at(99), waitMax: waits.at(-1) ?? 0 };
}

/** Runs `--child KIND ...` of this script in a fresh process and returns its last line, parsed. */
function child<T>(args: string[]): T {
  const script = fileURLToPath(import.meta.url);
  const out = spawnSync(process.execPath, [...process.execArgv, '--expose-gc', script, '--child', ...args], { encoding: 'utf8', maxBuffer: 64 * MB });
  if (out.status !== 0) throw new Error(`child ${args[0]} failed: ${out.stderr}`);
  return JSON.parse(out.stdout.trim().split('\n').at(-1)!) as T;
}

interface ReportFigures {
  ms: number;
  peakMB: number;
}

/** The one-year report through its command line (`npm run report`), timed, with the process's peak memory. */
function reportFigures(url: string, end: Date): ReportFigures {
  const config = loadConfig({});
  const day = (d: Date) => localDayKey(d, config.timeZone);
  const from = day(new Date(end.getTime() - 365 * 24 * 3600_000));
  const to = day(new Date(end.getTime() - 24 * 3600_000));
  const peak = path.join(root, 'scripts/support/print-peak.mjs');
  const started = performance.now();
  const out = spawnSync(process.execPath, [...process.execArgv, '--import', pathToFileURL(peak).href, path.join(root, 'scripts/report.ts'), '--from', from, '--to', to, '--db', url, '--out', scratchDir('gridbot-bench-report-').path], {
    encoding: 'utf8',
  });
  const ms = performance.now() - started;
  if (out.status !== 0) throw new Error(`report failed: ${out.stderr}`);
  const line = out.stderr.trim().split('\n').reverse().find((l) => l.startsWith('{"peakMB"'));
  return { ms, peakMB: line ? (JSON.parse(line) as { peakMB: number }).peakMB : NaN };
}

interface MemoryFigures {
  rooms: number;
  people: number;
  rssMB: number;
  heapMB: number;
  peakMB: number;
}

/** Child: a bot serving a county-sized organisation, logged in and idle. */
async function memoryChild(): Promise<void> {
  const county = syntheticOrg({ grids: 300, rooms: 1000, people: 20_000 });
  const url = `file:${path.join(scratchDir('gridbot-bench-memory-').path, 'memory.db')}`;
  applyMigrations(url);
  const db = openDatabase(url);
  const summary = await importOrg(db, county);
  const clock = new ManualClock(START);
  const config = Object.freeze({ ...loadConfig({}), databaseUrl: url, model: undefined });
  const world = new MockWorld(county, config.botName);
  const chat = new WechatyChat({ puppet: world.puppet, log: silentLogger, printQr: false, profileName: undefined });
  const bot = createBot({ config, db, chat, clock, events: { emit: () => undefined }, log: silentLogger, org: county });
  await loggedIn(world, chat);
  await bot.runSweeps();
  await new Promise((r) => setTimeout(r, 2_000));
  for (let i = 0; i < 3; i++) {
    (globalThis as { gc?: () => void }).gc?.();
    await new Promise((r) => setTimeout(r, 200));
  }
  const m = process.memoryUsage();
  console.log(JSON.stringify({ rooms: summary.rooms, people: summary.people, rssMB: m.rss / MB, heapMB: m.heapUsed / MB, peakMB: process.resourceUsage().maxRSS / 1024 }));
  await chat.stop();
  await db.$disconnect();
}

function printMemory(m: MemoryFigures): void {
  console.log(`idle, ${m.rooms} rooms and ${m.people} people: rss ${m.rssMB.toFixed(0)} MB (heap ${m.heapMB.toFixed(0)} MB, peak during import ${m.peakMB.toFixed(0)} MB); target ≤ 350 MB`);
}

function historyShape(n: number): HistoryShape {
  const directory = new OrgDirectory(org);
  return {
    tickets: n,
    end: new Date(START),
    days: 365,
    categories: CATEGORIES,
    grids: org.grids.map((g) => ({
      name: g.name,
      rooms: directory.residentRooms(g.name).map((r) => r.topic),
      buildings: g.buildings.map((b) => b.number),
      holders: directory.holders('building_leader', { grid: g.name }).map((p) => p.alias),
    })),
  };
}

async function benchHistory(n: number): Promise<void> {
  const texts = residentTexts();
  const shape = historyShape(n);
  const empty = await benchFullPath(texts);
  let fillMs = 0;
  let counts: ReturnType<typeof fillHistory> | undefined;
  let sweep: SweepFigures | undefined;
  let url = '';
  const filled = await benchFullPath(texts, {
    fill: (u) => {
      const t = performance.now();
      counts = fillHistory(u, shape);
      fillMs = performance.now() - t;
    },
    after: async (run) => {
      url = run.url;
      sweep = await measureSweep(run, texts);
    },
  });
  const report = reportFigures(url, shape.end);
  const memory = child<MemoryFigures>(['memory']);
  const historyRatio = filled.perSecond / empty.perSecond;
  console.log(`history: ${counts!.tickets} tickets, ${counts!.events} events, ${counts!.inbound} inbound, ${counts!.outbound} sent, ${counts!.pending} follow-up rows; filled in ${(fillMs / 1000).toFixed(1)} s`);
  console.log(`${MESSAGES} resident messages, rules-only intake, one at a time`);
  console.log(`empty database     ${fmt(empty)}`);
  console.log(`filled database    ${fmt(filled)}`);
  console.log(`filled / empty msg/s: ${historyRatio.toFixed(2)} (target ≥ 0.9); p99 ${(filled.p99 / empty.p99).toFixed(2)}×`);
  console.log(`first sweeps on the filled database (purging a year's expired follow-up rows and old message words, in batches): ${(sweep!.purgeMs / 1000).toFixed(1)} s`);
  console.log(`escalation sweep, ${sweep!.overdue} overdue: ${(sweep!.sweepMs / 1000).toFixed(2)} s alone (${(sweep!.sweepMs / sweep!.overdue).toFixed(0)} ms a ticket)`);
  console.log(
    `  again with a resident message every ${MESSAGE_GAP_MS} ms: ${(sweep!.sweepWithMessagesMs / 1000).toFixed(2)} s; ${sweep!.duringSweep} messages took p50 ${sweep!.waitP50.toFixed(0)} ms, p99 ${sweep!.waitP99.toFixed(0)} ms, max ${sweep!.waitMax.toFixed(0)} ms` +
      ` (without a sweep: p50 ${filled.p50.toFixed(0)} ms, p99 ${filled.p99.toFixed(0)} ms): waited behind the sweep ~${Math.max(0, sweep!.waitP50 - filled.p50).toFixed(0)} ms at p50, ~${Math.max(0, sweep!.waitP99 - filled.p99).toFixed(0)} ms at p99 (target ≤ ~100 ms)`,
  );
  console.log(`one-year report (npm run report, whole process): ${(report.ms / 1000).toFixed(1)} s, peak ${report.peakMB.toFixed(0)} MB (target < 20 s, < 500 MB)`);
  printMemory(memory);
  console.log(
    JSON.stringify({
      history: counts,
      messages: MESSAGES,
      empty: { perSecond: empty.perSecond, p50: empty.p50, p99: empty.p99 },
      filled: { perSecond: filled.perSecond, p50: filled.p50, p99: filled.p99 },
      historyRatio,
      sweep,
      report,
      memory,
    }),
  );
}

/** Child: the inbound path on a given database, on its slice of the rooms; prints its figures. */
async function inboundChild(url: string): Promise<void> {
  const figures = await benchFullPath(residentTexts(), {}, url);
  console.log(JSON.stringify({ perSecond: figures.perSecond, p50: figures.p50, p99: figures.p99, max: figures.max }));
}

/** N processes at once on one database, each on its own rooms: their summed rate and worst p99. */
async function inboundProcesses(url: string, n: number): Promise<Figures & { processes: number }> {
  const script = fileURLToPath(import.meta.url);
  const runs = Array.from({ length: n }, (_, i) =>
    new Promise<Figures>((resolve, reject) => {
      const c = spawn(process.execPath, [...process.execArgv, script, '--child', 'inbound', '--database', url, '--slice', `${i}/${n}`, '--messages', String(MESSAGES)], { stdio: ['ignore', 'pipe', 'pipe'] });
      let out = '';
      let err = '';
      c.stdout.on('data', (d) => (out += d));
      c.stderr.on('data', (d) => (err += d));
      c.on('exit', (code) => (code === 0 ? resolve(JSON.parse(out.trim().split('\n').at(-1)!) as Figures) : reject(new Error(`process ${i} failed: ${err}`))));
    }),
  );
  const all = await Promise.all(runs);
  return {
    processes: n,
    perSecond: all.reduce((sum, f) => sum + f.perSecond, 0),
    p50: Math.max(...all.map((f) => f.p50)),
    p99: Math.max(...all.map((f) => f.p99)),
    max: Math.max(...all.map((f) => f.max)),
  };
}

async function benchDatabase(base: string): Promise<void> {
  const texts = residentTexts();
  const postgres = isPostgresUrl(base);
  const url = postgres ? withSchema(base, `gridbot_bench_${process.pid}`) : base;
  if (postgres) await dropSchema(url);
  await migrateDatabase(url);
  const setup = openDatabase(url);
  await importOrg(setup, org);
  await setup.$disconnect();
  try {
    const one = await benchFullPath(texts, {}, url);
    const many = await inboundProcesses(url, PROCESSES);
    const n = HISTORY ?? 100_000;
    let fillMs = 0;
    let sweep: SweepFigures | undefined;
    await benchFullPath(texts, {
      fill: async (u) => {
        const t = performance.now();
        if (postgres) await fillHistoryPostgres(u, historyShape(n));
        else fillHistory(u, historyShape(n));
        fillMs = performance.now() - t;
      },
      after: async (run) => {
        sweep = await measureSweep(run, texts, 5_000);
      },
    }, url);
    console.log(`${postgres ? 'PostgreSQL' : 'SQLite'} ${base.replace(/:[^:@/]*@/, ':***@')}: ${MESSAGES} resident messages a process, rules-only intake, one at a time`);
    console.log(`1 process          ${fmt(one)}`);
    console.log(`${PROCESSES} processes        ${fmt(many)} (rates summed, worst p50/p99)`);
    console.log(`history of ${n} tickets filled in ${(fillMs / 1000).toFixed(1)} s; escalation sweep, ${sweep!.overdue} open overdue: ${(sweep!.sweepMs / 1000).toFixed(2)} s alone; messages meanwhile waited p50 ${sweep!.waitP50.toFixed(0)} ms, p99 ${sweep!.waitP99.toFixed(0)} ms`);
    console.log(JSON.stringify({ database: postgres ? 'postgresql' : 'sqlite', messages: MESSAGES, one, processes: many, history: n, fillMs, sweep }));
  } finally {
    if (postgres) await dropSchema(url);
  }
}

const childKind = process.argv.includes('--child') ? option('child', '') : undefined;
if (childKind === 'memory') await memoryChild();
else if (childKind === 'inbound') await inboundChild(DATABASE);
else if (DATABASE) await benchDatabase(DATABASE);
else if (process.argv.includes('--memory')) printMemory(child<MemoryFigures>(['memory']));
else if (HISTORY !== undefined) await benchHistory(HISTORY);
else await benchDefault();
process.exit(0);
