/**
 * npm run --silent bench [-- --messages 1000 --org examples/org.example.yaml]
 *
 * Drives resident messages through the whole inbound path — mock WeChat puppet → Wechaty
 * adapter → store → classify (rules only) → ticket → route → outbound queue — on a
 * database FILE, one message at a time, and prints messages per second and p50/p99
 * latency (from the puppet emitting the message to the bot having committed everything
 * it caused). The floor beside it: a bare echo bot on the same mock puppet and adapter.
 */
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { ManualClock } from '../src/clock.js';
import { loadConfig } from '../src/config.js';
import { silentLogger } from '../src/log.js';
import { applyMigrations, openDatabase } from '../src/store/db.js';
import { importOrg } from '../src/org/import.js';
import { loadOrgFile } from '../src/org/load.js';
import type { Org } from '../src/org/types.js';
import { MockWorld } from '../src/chat/mock-world.js';
import { WechatyChat } from '../src/chat/wechaty.js';
import { createBot } from '../src/app/runtime.js';
import { readJsonl } from '../src/intake/jsonl.js';
import { scratchDir } from '../src/scratch.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function option(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback;
}

const MESSAGES = Number(option('messages', '1000'));
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
  perSecond: number;
  p50: number;
  p99: number;
  max: number;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

/**
 * Says each message in a residents' group and waits until the adapter reports it handled
 * to the end; the first WARM_UP messages are not timed.
 */
async function drive(world: MockWorld, chat: WechatyChat, clock: ManualClock, texts: string[]): Promise<Figures> {
  const rooms = org.grids.flatMap((g) => g.rooms.map((r) => r.topic));
  const latencies: number[] = [];
  let timedFrom = 0;
  for (let i = 0; i < MESSAGES + WARM_UP; i++) {
    if (i === WARM_UP) timedFrom = performance.now();
    clock.advance(1_000);
    const target = chat.completed + 1;
    const started = performance.now();
    world.sayInRoom(rooms[i % rooms.length], `居民${i % 300}`, `resident${i % 300}`, texts[i % texts.length]);
    while (chat.completed < target) await new Promise((r) => setImmediate(r));
    if (i >= WARM_UP) latencies.push(performance.now() - started);
  }
  const elapsed = performance.now() - timedFrom;
  latencies.sort((a, b) => a - b);
  return { perSecond: (MESSAGES / elapsed) * 1000, p50: percentile(latencies, 50), p99: percentile(latencies, 99), max: latencies.at(-1)! };
}

async function loggedIn(world: MockWorld, chat: WechatyChat): Promise<void> {
  await chat.start();
  world.login();
  while (!chat.bot.isLoggedIn) await new Promise((r) => setTimeout(r, 5));
}

async function benchFullPath(texts: string[]): Promise<Figures & { tickets: number; queued: number; file: string }> {
  const file = path.join(scratchDir('gridbot-bench-').path, 'bench.db');
  const url = `file:${file}`;
  applyMigrations(url);
  const db = openDatabase(url);
  await importOrg(db, org);
  const clock = new ManualClock('2026-03-02T09:00:00+08:00');
  const config = Object.freeze({ ...loadConfig({}), databaseUrl: url, model: undefined });
  const world = new MockWorld(org, config.botName);
  const chat = new WechatyChat({ puppet: world.puppet, log: silentLogger, printQr: false, profileName: undefined });
  // The outbox is not started: replies stay queued, which is where the inbound path ends.
  createBot({ config, db, chat, clock, events: { emit: () => undefined }, log: silentLogger, org });
  await loggedIn(world, chat);
  try {
    const figures = await drive(world, chat, clock, texts);
    const failed = await db.inboundMessage.count({ where: { status: 'failed' } });
    if (failed) throw new Error(`${failed} messages failed`);
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

const texts = residentTexts();
const echo = await benchEcho(texts);
const full = await benchFullPath(texts);
const fmt = (f: Figures) => `${f.perSecond.toFixed(0).padStart(6)} msg/s   p50 ${f.p50.toFixed(2).padStart(6)} ms   p99 ${f.p99.toFixed(2).padStart(6)} ms   max ${f.max.toFixed(1)} ms`;
console.log(`${MESSAGES} resident messages (${texts.length} distinct texts, every intent), rules-only intake, one at a time`);
console.log(`echo bot (floor)   ${fmt(echo)}`);
console.log(`full inbound path  ${fmt(full)}`);
console.log(`full / echo rate: ${(full.perSecond / echo.perSecond).toFixed(2)} (target ≥ 0.5); p99 target < 50 ms`);
console.log(`database file ${full.file}: ${full.tickets} tickets, ${full.queued} messages queued`);
console.log(JSON.stringify({ messages: MESSAGES, echo, full: { perSecond: full.perSecond, p50: full.p50, p99: full.p99, max: full.max }, ratio: full.perSecond / echo.perSecond }));
process.exit(0);
