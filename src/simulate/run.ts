import path from 'node:path';
import { ManualClock, MINUTE } from '../clock.js';
import { loadConfig, type Config } from '../config.js';
import type { BotEvent, EventSink } from '../events.js';
import { silentLogger, type Logger } from '../log.js';
import { applyMigrations, migrateDatabase, openDatabase, type Db } from '../store/db.js';
import { isPostgresUrl } from '../store/database-url.js';
import { dropSchema, withSchema } from '../store/postgres.js';
import { importOrg } from '../org/import.js';
import type { Org } from '../org/types.js';
import type { CountyView } from '../org/directory.js';
import { MockWorld } from '../chat/mock-world.js';
import { WechatyChat } from '../chat/wechaty.js';
import type { SendBudget } from '../chat/outbox.js';
import { createBot } from '../app/runtime.js';
import type { Bot } from '../app/bot.js';
import { zonedTime } from '../time.js';
import { scratchDir, type ScratchDir } from '../scratch.js';
import { ScriptError, type ScriptStep } from './script.js';
import { readContent } from './content.js';

export const DEFAULT_START = '2026-03-02T09:00:00+08:00';

export interface SimulationOptions {
  org: Org;
  config?: Partial<Config>;
  /** Receives every bot event with the virtual time. */
  onEvent(event: BotEvent, at: Date): void;
  /** Receives each script line as it is played (for the readable transcript). */
  onInput?(step: ScriptStep, at: Date): void;
  log?: Logger;
  /**
   * A SQLite file URL, or a PostgreSQL URL: then the run gets a fresh schema of its own
   * on that database, dropped when it stops (never the production tables).
   */
  databaseUrl?: string;
  /**
   * A database shared with other bots (a county's accounts), already migrated and holding
   * the organisation: the run neither imports into it nor removes it.
   */
  sharedDb?: { db: Db; url: string };
  seed?: number;
  /** Run the sweeps every virtual minute, ignoring their `nextDue` (slow; for checking it). */
  everyMinute?: boolean;
  /** The county, where the organisation is one community of a county file. */
  county?: CountyView;
  /** The account serving this community, where the file lists accounts. */
  account?: string;
  /** Every account serving this community, in file order, where there are two or more. */
  peers?: string[];
  /** The account's send budget, shared with the bots of the other communities it serves. */
  sendBudget?: SendBudget;
}

/** A deterministic random source, so simulator runs repeat exactly. */
export function seededRandom(seed = 42): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * The whole bot on an in-memory WeChat, a virtual clock and a fresh database: the
 * engine behind `npm run simulate` and the end-to-end tests.
 */
export class Simulation {
  readonly clock = new ManualClock(DEFAULT_START);
  readonly world: MockWorld;
  readonly chat: WechatyChat;
  readonly db: Db;
  readonly config: Readonly<Config>;
  bot!: Bot;
  private said = 0;
  private nextSend?: Date;
  private started = false;
  private begun = false;
  private readonly mediaDir: ScratchDir;
  /** The folder of the simulator's own database, removed when it stops. */
  private scratch?: ScratchDir;
  private lastYield = 0;
  /** The PostgreSQL schema URL of this run, migrated at start and dropped at stop. */
  private readonly postgresUrl?: string;

  constructor(private readonly options: SimulationOptions) {
    let url: string;
    if (options.sharedDb) {
      url = options.sharedDb.url;
      this.db = options.sharedDb.db;
    } else {
      const own = openSimulationDatabase(options.databaseUrl);
      ({ url, postgresUrl: this.postgresUrl, scratch: this.scratch } = own);
      this.db = own.db;
    }
    // Photos and voice notes of a run go to a folder of its own, removed at the end.
    this.mediaDir = scratchDir('gridbot-sim-media-');
    const defaults = loadConfig({});
    this.config = Object.freeze({ ...defaults, databaseUrl: url, media: { ...defaults.media, dir: this.mediaDir.path }, ...options.config });
    this.world = new MockWorld(options.org, this.config.botName);
    const log = options.log ?? silentLogger;
    this.chat = new WechatyChat({ puppet: this.world.puppet, log, printQr: false, profileName: undefined });
    const sink: EventSink = { emit: (e) => options.onEvent(e, this.clock.now()) };
    this.bot = createBot({
      config: this.config,
      db: this.db,
      chat: this.chat,
      clock: this.clock,
      events: sink,
      log,
      org: options.org,
      random: seededRandom(options.seed),
      county: options.county,
      account: options.account,
      peers: options.peers,
      sendBudget: options.sendBudget,
    });
  }

  get isStarted(): boolean {
    return this.started;
  }

  async start(): Promise<void> {
    if (this.postgresUrl) await migrateDatabase(this.postgresUrl);
    if (!this.options.sharedDb) await importOrg(this.db, this.options.org);
    await this.chat.start();
    this.world.login();
    await waitFor(() => this.chat.bot.isLoggedIn, 'login');
    this.started = true;
  }

  async stop(): Promise<void> {
    try {
      await this.chat.stop();
      if (!this.options.sharedDb) await closeSimulationDatabase(this.db, this.postgresUrl);
    } finally {
      this.mediaDir.remove();
      this.scratch?.remove();
    }
  }

  /** Plays one script step. */
  async play(step: ScriptStep): Promise<void> {
    if (!this.started) await this.start();
    this.options.onInput?.(step, this.clock.now());
    switch (step.kind) {
      case 'at':
        // The first `at` sets the clock; a later one lets the time in between pass.
        if (!this.begun) this.clock.set(step.time);
        else await this.advanceTo(step.time);
        this.begun = true;
        return;
      case 'wait':
        this.begun = true;
        await this.advanceTo(new Date(this.clock.now().getTime() + step.ms));
        return;
      case 'say':
        await this.deliver(step.room, step.name, step.alias, step.text);
        await this.settle();
        return;
      case 'friend':
        if (step.account !== (this.options.account ?? step.account)) throw new ScriptError(step.line, `no account ${step.account} here`);
        // WeChat tells the bot a friendship changed; it reads its friend list again.
        await this.world.setFriend(step.name, step.alias, step.friend);
        await this.bot.friendsChanged();
        return;
      case 'presence':
        throw new ScriptError(step.line, `${step.online ? 'online' : 'offline'} needs a county file whose accounts share a community`);
    }
  }

  /**
   * The account's process runs again at `time` after it was stopped (`online`): the
   * minutes in between did not happen for it; it beats at once, then sends what waits.
   */
  async resumeAt(time: Date): Promise<void> {
    if (time.getTime() > this.clock.now().getTime()) this.clock.set(time);
    await this.bot.runSweeps();
    this.nextSend = await this.bot.outbox.drainDue();
  }

  /**
   * Hands one message to the bot now and waits until it was handled, sending nothing and
   * moving no time: a test drives bursts (a flood of 200 in a minute) with `advanceTo`.
   */
  async deliver(room: string | null, name: string, alias: string | null, text: string): Promise<void> {
    if (!this.started) await this.start();
    this.world.send(room, name, alias, readContent(text));
    this.said += 1;
    this.begun = true;
    await waitFor(() => this.chat.completed >= this.said, 'the bot to handle a message');
  }

  /** Lets the bot send its replies: a few virtual seconds pass, as they would. */
  async settle(): Promise<void> {
    const from = this.clock.now().getTime();
    this.nextSend = await this.bot.outbox.drainDue();
    while (this.nextSend && this.nextSend.getTime() - from <= MINUTE) await this.advanceTo(this.nextSend);
  }

  /**
   * Moves the virtual clock: every minute's sweeps run, and the sender sends what is due.
   * Minutes in which no sweep can have work (by the sweeps' own `nextDue`) are skipped.
   */
  async advanceTo(target: Date): Promise<void> {
    const nextDue = () => (this.options.everyMinute ? Promise.resolve(this.clock.now()) : this.bot.nextSweepDue());
    let sweepDue = await nextDue();
    while (this.clock.now().getTime() < target.getTime()) {
      // The database calls resolve without ever returning to the event loop: let it turn
      // now and then, so that Ctrl-C (and anything else waiting on it) is handled during a long wait.
      if (performance.now() - this.lastYield > 50) {
        await new Promise((resolve) => setImmediate(resolve));
        this.lastYield = performance.now();
      }
      const now = this.clock.now().getTime();
      let nextMinute = Math.floor(now / MINUTE) * MINUTE + MINUTE;
      if (sweepDue === null) nextMinute = Infinity;
      else if (sweepDue.getTime() > nextMinute) nextMinute = Math.ceil(sweepDue.getTime() / MINUTE) * MINUTE;
      const candidates = [target.getTime(), nextMinute];
      if (this.nextSend && this.nextSend.getTime() > now) candidates.push(this.nextSend.getTime());
      const step = Math.min(...candidates);
      this.clock.set(new Date(step));
      if (step === nextMinute) {
        await this.bot.runSweeps();
        sweepDue = await nextDue();
      }
      this.nextSend = await this.bot.outbox.drainDue();
    }
    if (!this.nextSend || this.nextSend.getTime() <= this.clock.now().getTime()) this.nextSend = await this.bot.outbox.drainDue();
  }

  /** At the end of a script, lets the queue empty (bounded: a day of virtual time). */
  async finish(): Promise<void> {
    const limit = this.clock.now().getTime() + 24 * 60 * MINUTE;
    this.nextSend = await this.bot.outbox.drainDue();
    while (this.nextSend && this.nextSend.getTime() <= limit) await this.advanceTo(this.nextSend);
  }

  async run(steps: ScriptStep[]): Promise<void> {
    for (const step of steps) await this.play(step);
    await this.finish();
  }
}

/**
 * A fresh database for one run: a temporary SQLite file (migrated now), or a schema of
 * its own on a PostgreSQL database (migrated at start, dropped at the end).
 */
export function openSimulationDatabase(databaseUrl: string | undefined): { db: Db; url: string; postgresUrl?: string; scratch?: ScratchDir } {
  const scratch = databaseUrl ? undefined : scratchDir('gridbot-sim-');
  let url = databaseUrl ?? `file:${path.join(scratch!.path, 'sim.db')}`;
  let postgresUrl: string | undefined;
  if (isPostgresUrl(url)) {
    url = withSchema(url, `gridbot_sim_${process.pid}_${Date.now().toString(36)}_${Math.floor(Math.random() * 1e6)}`);
    postgresUrl = url;
  } else {
    applyMigrations(url);
  }
  return { db: openDatabase(url), url, postgresUrl, scratch };
}

export async function closeSimulationDatabase(db: Db, postgresUrl: string | undefined): Promise<void> {
  await db.$disconnect();
  if (postgresUrl) await dropSchema(postgresUrl);
}

async function waitFor(cond: () => boolean, what: string, timeoutMs = 15_000): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (!cond()) {
    if (performance.now() > deadline) throw new Error(`simulator: timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 2));
  }
}

export { zonedTime };
