/**
 * Composition root: configuration → database → organisation → chat → bot → minute tick.
 * Nothing else wires the parts together.
 */
import cron from 'node-cron';
import { systemClock } from './clock.js';
import { ConfigError, loadConfig, readDotEnv } from './config.js';
import { createLogger } from './log.js';
import { openDatabase } from './store/db.js';
import { OrgFileError } from './org/load.js';
import { importOrg } from './org/import.js';
import { resolveOrgFile } from './org/org-file.js';
import { WechatyChat } from './chat/wechaty.js';
import { createBot } from './app/runtime.js';
import type { BotEvent } from './events.js';

async function main(): Promise<void> {
  const config = loadConfig(readDotEnv('.env'));
  const log = createLogger(config.logLevel);
  const db = openDatabase(config.databaseUrl);

  const { file, org } = resolveOrgFile(config.orgFile, log);
  const summary = await importOrg(db, org);
  log.info({ file, ...summary }, `organisation loaded: ${org.community.name}`);

  const chat = new WechatyChat({
    puppet: config.puppet,
    puppetToken: config.puppetToken,
    profileName: config.botProfileName,
    maxScans: config.loginMaxScans,
    log,
  });
  const events = { emit: (e: BotEvent) => log.info({ event: e }, e.kind) };
  const bot = createBot({ config, db, chat, clock: systemClock, events, log, org });

  const tick = cron.schedule('* * * * *', () => bot.runSweeps(), { timezone: config.timeZone, noOverlap: true, name: 'minute-sweeps' });
  bot.outbox.start();
  await bot.resumePending();
  log.info({ puppet: config.puppet }, 'starting WeChat');
  await chat.start();

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'stopping');
    await tick.stop();
    bot.outbox.stop();
    await chat.stop();
    await db.$disconnect();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((err) => {
  if (err instanceof ConfigError) {
    console.error(err.message);
    process.exit(2);
  }
  if (err instanceof OrgFileError) {
    console.error(`组织文件有误 (organisation file errors):\n${err.describe()}`);
    process.exit(2);
  }
  console.error(err);
  process.exit(1);
});
