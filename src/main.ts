/**
 * Composition root: configuration → database → organisation → chat → bot → minute tick.
 * Nothing else wires the parts together.
 */
import { parseArgs } from 'node:util';
import cron from 'node-cron';
import { systemClock } from './clock.js';
import { ConfigError, DEFAULT_PROFILE_NAME, laneConfig, loadConfig, readDotEnv } from './config.js';
import { chooseLogFormat, createLogger, type Logger } from './log.js';
import { migrateDatabase, MigrationError, openDatabase } from './store/db.js';
import { OrgFileError } from './org/load.js';
import { importCounty } from './org/import.js';
import { DeploymentError, selectDeployments } from './org/deployment.js';
import { EXAMPLE_ORG, resolveOrgFile } from './org/org-file.js';
import { WechatyChat } from './chat/wechaty.js';
import { createWechat4uPuppet, WECHAT4U_PUPPET } from './chat/wechat4u.js';
import { botDatabase, createAccountBots } from './app/runtime.js';
import { describeEvent } from './app/describe-event.js';
import { assessHealth, HealthRecorder, LEVEL_WORDS } from './app/health.js';
import { readHealth } from './store/health.js';
import { startOfLocalDay } from './time.js';
import { InboxJournal } from './chat/inbox-journal.js';
import { inboxJournalFile } from './store/database-url.js';
import type { BotEvent } from './events.js';
import { startConsole, type RunningConsole } from './console/server.js';

let log: Logger | undefined;

async function main(): Promise<void> {
  const config = loadConfig(readDotEnv('.env'));
  const isTTY = Boolean(process.stdout.isTTY);
  log = createLogger({ level: config.logLevel, format: chooseLogFormat(config.logFormat, isTTY), timeZone: config.timeZone, color: isTTY });
  exitOnCrash(log);

  const migrations = await migrateDatabase(config.databaseUrl);
  const db = openDatabase(config.databaseUrl);
  log.info({ applied: migrations.applied }, migrations.applied.length ? `数据库已就绪，已升级 ${migrations.applied.length} 步 (database ready)` : '数据库已就绪 (database ready)');

  const { file, county } = resolveOrgFile(config.orgFile, log);
  // `npm start -- --account NAME` (or GRIDBOT_ACCOUNT): one process per account of a county.
  const { values: args } = parseArgs({ options: { account: { type: 'string' } }, strict: false, allowPositionals: true });
  const deployments = selectDeployments(county, typeof args.account === 'string' ? args.account : config.account);
  const deployment = deployments[0];
  // A county's processes, one per account, share one database: each imports the whole
  // county (the same rows every time) and reads and writes its own communities' rows.
  const summary = await importCounty(db, county);
  const names = deployments.map((d) => d.org.community.name).join('、');
  const serving = deployment.county ? `${deployment.county.name} ${names}${deployment.account ? `（账号 ${deployment.account}）` : ''}` : names;
  const grids = deployments.reduce((n, d) => n + d.org.grids.length, 0);
  log.info({ file, ...summary, account: deployment.account }, `组织已载入：${serving}，${grids} 个网格 (organisation loaded)`);

  // Each account logs in with its own memory card: WECHATY_NAME where set, else gridbot-ACCOUNT.
  const profileName = deployment.account && config.botProfileName === DEFAULT_PROFILE_NAME ? `${DEFAULT_PROFILE_NAME}-${deployment.account}` : config.botProfileName;
  const webProtocol = config.puppet === WECHAT4U_PUPPET;
  const health = new HealthRecorder({ db, clock: systemClock, account: deployment.account ?? config.botProfileName, puppet: config.puppet, log });
  await health.heartbeat();
  const chat = new WechatyChat({
    puppet: webProtocol ? await createWechat4uPuppet() : config.puppet,
    puppetToken: config.puppetToken,
    profileName,
    maxScans: config.loginMaxScans,
    webProtocol,
    health,
    log,
  });
  const events = {
    emit: (e: BotEvent) => {
      const line = describeEvent(e);
      if (e.kind === 'say') log?.debug({ event: e }, line);
      else log?.info({ event: e }, line);
    },
  };
  // One bot per community the account serves, all on this one login.
  const journalOwner = (community: string) => [deployment.account, deployments.length > 1 ? community : undefined].filter(Boolean).join('-');
  const bots = createAccountBots({ config, db, chat, clock: systemClock, events, log, deployments, inbox: (community) => new InboxJournal(inboxJournalFile(config.databaseUrl, journalOwner(community))) });

  const tick = cron.schedule('* * * * *', async () => {
    await health.heartbeat();
    for (const bot of bots) await bot.runSweeps();
  }, { timezone: config.timeZone, noOverlap: true, name: 'minute-sweeps' });
  // Once an hour, the facts `npm run status` shows, in the log.
  const hourly = setInterval(() => {
    const now = systemClock.now();
    void readHealth(db, startOfLocalDay(now, config.timeZone), now)
      .then((report) => {
        const { level, accounts } = assessHealth(report, now, config.send.dailyCap, config.timeZone);
        for (const a of accounts) log?.info({ status: level, account: a.account }, `状态：${LEVEL_WORDS[a.level]}；${a.lines.join('；')}`);
      })
      .catch((err) => log?.warn({ err }, '无法汇总状态 (status summary failed)'));
  }, 60 * 60_000);
  hourly.unref();
  for (const bot of bots) {
    bot.outbox.start();
    await bot.resumePending();
  }
  const consoles: RunningConsole[] = [];
  if (config.console.port > 0) {
    // Each community's console shows it as its bot sees it: where the account serves
    // several, they listen on consecutive ports.
    for (const [i, d] of deployments.entries()) {
      const { config: own, warning } = laneConfig(config, i);
      if (warning) log.warn({ community: d.org.community.name }, warning);
      const server = await startConsole({ db: botDatabase(db, d.org.community.name, d), clock: systemClock, config: own, log, bot: bots[i], chatStatus: () => chat.status(),
        // A county's file or folder is edited directly: the console edits one community's file.
        ...(d.county
          ? { orgReadOnly: '这是县级组织（多个社区）：请直接修改组织文件或文件夹，再重启。', countyOrgs: county.communities }
          : { orgFile: file === EXAMPLE_ORG ? config.orgFile : file }),
      }, own.console.port);
      consoles.push(server);
      log.info({ url: server.url, community: d.org.community.name }, `工作台已启动 (staff console)${deployments.length > 1 ? `：${d.org.community.name}` : ''}: ${own.console.publicUrl}`);
    }
  }
  log.info({ puppet: config.puppet }, `正在连接微信（${config.puppet}）(starting WeChat)`);
  await chat.start();

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log?.info({ signal }, '正在停止 (stopping)');
    await tick.stop();
    clearInterval(hourly);
    for (const bot of bots) bot.outbox.stop();
    for (const server of consoles) await server.close();
    await chat.stop();
    await db.$disconnect();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

/**
 * A crash is reported in the log and ends the process (a service manager starts it
 * again): a bot that carries on after an unknown failure may be half-alive.
 */
function exitOnCrash(logger: Logger): void {
  const crash = (err: unknown) => {
    logger.fatal({ err }, '程序遇到未处理的错误，已退出 (uncaught error: exiting)');
    process.exit(1);
  };
  process.on('uncaughtException', crash);
  process.on('unhandledRejection', crash);
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
  if (err instanceof DeploymentError) {
    console.error(err.message);
    process.exit(2);
  }
  if (err instanceof MigrationError) {
    console.error(err.message);
    process.exit(1);
  }
  if (log) log.fatal({ err }, '启动失败 (start failed)');
  else console.error(err);
  process.exit(1);
});
