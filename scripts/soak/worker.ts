/**
 * One life of one bot process for the kill-and-restart soaks (`npm run soak` and the
 * tests): reads resident messages (one JSON a line: id, room, alias, text) from stdin and
 * hands each to the bot the moment it is read, printing `recv <id>` just after the
 * handler's synchronous part (which journals it); every message the bot sends is
 * appended, synchronously, to this process's sent log (what WeChat would have received).
 * With a sweep interval it also runs the bot's minute sweeps on that interval. The
 * parent kills this process at random moments with SIGKILL.
 */
import fs from 'node:fs';
import readline from 'node:readline';
import { systemClock } from '../../src/clock.js';
import { loadConfig } from '../../src/config.js';
import { silentLogger } from '../../src/log.js';
import { openDatabase } from '../../src/store/db.js';
import { loadOrgFile } from '../../src/org/load.js';
import { createBot } from '../../src/app/runtime.js';
import type { ChatMessage, ChatPort, ChatTarget } from '../../src/chat/port.js';
import { InboxJournal } from '../../src/chat/inbox-journal.js';
import type { Classifier, Intake } from '../../src/intake/index.js';

export interface WorkerOptions {
  url: string;
  orgFile: string;
  /** Where this process appends what it sends (one JSON a line: to, text, at). */
  sentLog: string;
  /** This process's write-ahead inbox: kept across its restarts, as an account's would be. */
  inboxFile: string;
  /** How long the stand-in classifier takes per message: messages pile up behind it. */
  slowMs: number;
  /** Run the minute sweeps this often (0: never). */
  sweepMs: number;
}

/** A line of the sent log. */
export interface SentLine {
  to: string;
  text: string;
  at: number;
}

/** A resident message as the parent feeds it. */
export interface SoakMessage {
  id: string;
  room: string;
  alias: string;
  text: string;
}

const opts = JSON.parse(process.argv[2]!) as WorkerOptions;

class LoggingChat implements ChatPort {
  handler: (m: ChatMessage) => Promise<void> = async () => undefined;
  private ready: () => Promise<void> = async () => undefined;
  onMessage(h: (m: ChatMessage) => Promise<void>): void {
    this.handler = h;
  }
  onReady(h: () => Promise<void>): void {
    this.ready = h;
  }
  async start(): Promise<void> {
    await this.ready();
  }
  async stop(): Promise<void> {}
  async send(target: ChatTarget, text: string): Promise<void> {
    const to = target.kind === 'room' ? target.topic : (target.alias ?? target.chatId ?? '?');
    const line: SentLine = { to, text, at: Date.now() };
    fs.appendFileSync(opts.sentLog, `${JSON.stringify(line)}\n`);
  }
}

/** Every message is a facility report about the place it names; deciding takes a while, like a model would. */
const slowClassifier: Classifier = {
  async classify(text: string): Promise<Intake> {
    await new Promise((r) => setTimeout(r, opts.slowMs));
    const m = /(\d)栋(\d)单元/.exec(text);
    return { intent: 'report', category: 'facility', urgency: 'normal', confidence: 0.95, source: 'rules', building: m?.[1] ?? null, unit: m?.[2] ?? null, room: null } as Intake;
  },
};

const base = loadConfig({});
const unlimited = { max: 1_000_000, windowMs: 60_000 };
const config = Object.freeze({
  ...base,
  databaseUrl: opts.url,
  send: Object.freeze({ ...base.send, perMinute: 100_000, roomGapMs: 0, pauseMinMs: 0, pauseMaxMs: 0, dailyCap: 1_000_000 }),
  // A crash soak, not a flood: residents report several times a minute each.
  abuse: Object.freeze({ ...base.abuse, reportsPerSender: unlimited, repliesPerSender: unlimited, groupReplies: unlimited }),
});
const db = openDatabase(opts.url);
const chat = new LoggingChat();
const inbox = new InboxJournal(opts.inboxFile);
const bot = createBot({ config, db, chat, clock: systemClock, events: { emit: () => undefined }, log: silentLogger, org: loadOrgFile(opts.orgFile), classifier: slowClassifier, inbox });
bot.outbox.start();
await chat.start();
process.stdout.write('ready\n');

if (opts.sweepMs > 0) {
  const sweep = () => void bot.runSweeps().finally(() => setTimeout(sweep, opts.sweepMs));
  setTimeout(sweep, opts.sweepMs);
}

const rl = readline.createInterface({ input: process.stdin });
rl.on('line', (line) => {
  const m = JSON.parse(line) as SoakMessage;
  // Handed over: the bot's handler has been called (its synchronous part journals the message).
  const handled = chat.handler({
    id: m.id,
    room: { topic: m.room, chatId: `room-${m.room}` },
    sender: { chatId: `c-${m.alias}`, alias: m.alias, name: m.alias },
    text: m.text,
    mentionsBot: false,
    sentAt: systemClock.now(),
  });
  fs.writeSync(1, `recv ${m.id}\n`);
  void handled;
});
