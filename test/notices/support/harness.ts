import { Writable } from 'node:stream';
import { ManualClock } from '../../../src/clock.js';
import { loadConfig, type Config } from '../../../src/config.js';
import type { BotEvent } from '../../../src/events.js';
import { createLogger } from '../../../src/log.js';
import { createBot } from '../../../src/app/runtime.js';
import { importOrg } from '../../../src/org/import.js';
import { OrgDirectory } from '../../../src/org/directory.js';
import type { Org } from '../../../src/org/types.js';
import { openDatabase } from '../../../src/store/db.js';
import { RecordingChat } from '../../support/fake-chat.js';
import { isoLocal } from '../../../src/time.js';
import { nextRunAfter, type Schedule } from '../../../src/notices/schedule.js';
import { scheduleColumns } from '../../../src/notices/notice-row.js';


export interface HarnessOptions {
  org: Org;
  url: string;
  start: string;
  config?: Partial<Config>;
  /** False when another process imported the org file already. */
  importOrg?: boolean;
}

/**
 * The real bot (runtime, sweeps, outbox) on a database file, a manual clock and a
 * recording chat, without the mock WeChat: what the sweep tests and the two-process
 * workers drive.
 */
export async function noticeHarness(opts: HarnessOptions) {
  const db = openDatabase(opts.url);
  if (opts.importOrg !== false) await importOrg(db, opts.org);
  const clock = new ManualClock(opts.start);
  const config: Readonly<Config> = Object.freeze({ ...loadConfig({}), databaseUrl: opts.url, ...opts.config });
  const events: (BotEvent & { at: string })[] = [];
  const logLines: string[] = [];
  const log = createLogger('info', new Writable({ write: (chunk, _enc, done) => (logLines.push(String(chunk)), done()) }));
  const chat = new RecordingChat(clock);
  const bot = createBot({
    config,
    db,
    chat,
    clock,
    log,
    org: opts.org,
    events: { emit: (e) => events.push({ ...e, at: isoLocal(clock.now(), config.timeZone) }) },
  });
  const org = new OrgDirectory(opts.org);

  /** Stores a notice as the command would, due at its first run after now (or at `nextRunAt`). */
  async function addNotice(n: { rooms: string[]; schedule: Schedule; content: string; urgent?: boolean; createdBy?: string; scope?: string; nextRunAt?: Date }) {
    const first = n.nextRunAt ?? (n.schedule.repeat === 'once' ? n.schedule.at : nextRunAfter(n.schedule, clock.now(), config.timeZone)!);
    // Written beside the bot, as the bot writes it: in the bot's community.
    return db.notice.create({
      data: {
        community: org.communityName,
        createdBy: n.createdBy ?? 'staff',
        scope: n.scope ?? n.rooms.join(','),
        targets: JSON.stringify(n.rooms),
        schedule: 'test',
        ...scheduleColumns(n.schedule, config.timeZone),
        content: n.content,
        urgent: n.urgent ?? false,
        nextRunAt: first,
        createdAt: clock.now(),
      },
    });
  }

  /** Sends everything the outbox may send by `untilMs` of virtual time. */
  async function drain(untilMs = 3_600_000): Promise<void> {
    const limit = clock.now().getTime() + untilMs;
    for (;;) {
      const next = await bot.outbox.drainDue();
      if (!next || next.getTime() > limit) return;
      clock.set(next);
    }
  }

  return { db, clock, config, bot, chat, events, logLines, org, addNotice, drain, close: () => db.$disconnect() };
}

export const noticesOf = (events: BotEvent[]) => events.filter((e): e is Extract<BotEvent, { kind: 'notice' }> => e.kind === 'notice');
