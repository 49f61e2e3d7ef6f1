/**
 * One life of the bot for the kill-and-restart soak: reads messages (one JSON a line)
 * from stdin and hands each to the bot the moment it is read, printing `recv <id>` just
 * before; every message the bot sends is appended, synchronously, to the sent log (what
 * WeChat would have received). The parent kills this process at random moments.
 */
import fs from 'node:fs';
import readline from 'node:readline';
import { systemClock } from '../../../src/clock.js';
import { loadConfig } from '../../../src/config.js';
import { silentLogger } from '../../../src/log.js';
import { openDatabase } from '../../../src/store/db.js';
import { loadOrgFile } from '../../../src/org/load.js';
import { createBot } from '../../../src/app/runtime.js';
import type { ChatMessage, ChatPort, ChatTarget } from '../../../src/chat/port.js';
import { InboxJournal } from '../../../src/chat/inbox-journal.js';
import type { Classifier, Intake } from '../../../src/intake/index.js';

const [url, orgFile, sentLog, slowMs] = process.argv.slice(2);

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
    fs.appendFileSync(sentLog, `${JSON.stringify({ to, text })}\n`);
  }
}

/** Every message is a facility report about the place it names; deciding takes a while, like a model would. */
const slowClassifier: Classifier = {
  async classify(text: string): Promise<Intake> {
    await new Promise((r) => setTimeout(r, Number(slowMs)));
    const m = /(\d)栋(\d)单元/.exec(text);
    return { intent: 'report', category: 'facility', urgency: 'normal', confidence: 0.95, source: 'rules', building: m?.[1] ?? null, unit: m?.[2] ?? null, room: null } as Intake;
  },
};

const base = loadConfig({});
const unlimited = { max: 1_000_000, windowMs: 60_000 };
const config = Object.freeze({
  ...base,
  databaseUrl: url,
  send: Object.freeze({ ...base.send, perMinute: 100_000, roomGapMs: 0, pauseMinMs: 0, pauseMaxMs: 0, dailyCap: 1_000_000 }),
  // A crash soak, not a flood: 23 residents report several times a minute each.
  abuse: Object.freeze({ ...base.abuse, reportsPerSender: unlimited, repliesPerSender: unlimited, groupReplies: unlimited }),
});
const db = openDatabase(url);
const chat = new LoggingChat();
const inbox = new InboxJournal(`${url.slice('file:'.length)}.inbox.jsonl`);
const bot = createBot({ config, db, chat, clock: systemClock, events: { emit: () => undefined }, log: silentLogger, org: loadOrgFile(orgFile), classifier: slowClassifier, inbox });
bot.outbox.start();
await chat.start();
process.stdout.write('ready\n');

const rl = readline.createInterface({ input: process.stdin });
rl.on('line', (line) => {
  const m = JSON.parse(line) as { id: string; alias: string; text: string };
  // Handed over: the bot's handler has been called (its synchronous part journals the message).
  const handled = chat.handler({
    id: m.id,
    room: { topic: '丽水鑫城业主群', chatId: 'room-lsxc' },
    sender: { chatId: `c-${m.alias}`, alias: m.alias, name: m.alias },
    text: m.text,
    mentionsBot: false,
    sentAt: systemClock.now(),
  });
  fs.writeSync(1, `recv ${m.id}\n`);
  void handled;
});
