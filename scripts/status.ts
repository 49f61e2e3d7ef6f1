/**
 * npm run status [-- DATABASE_FILE …]
 * For each WeChat account: logged in or not and since when, the last message received,
 * the outbound queue, today's sends against the cap, pauses and why, the last error.
 * Exit status: 0 healthy, 1 degraded, 2 down — for cron or a monitor.
 */
import { systemClock } from '../src/clock.js';
import { loadConfig, readDotEnv } from '../src/config.js';
import { assessHealth, LEVEL_WORDS } from '../src/app/health.js';
import { openDatabase } from '../src/store/db.js';
import { readHealth } from '../src/store/health.js';
import { startOfLocalDay } from '../src/time.js';

async function main(): Promise<number> {
  const config = loadConfig(readDotEnv('.env'));
  const urls = process.argv.length > 2 ? process.argv.slice(2).map((f) => (f.startsWith('file:') ? f : `file:${f}`)) : [config.databaseUrl];
  const now = systemClock.now();
  let worst = 0;
  for (const url of urls) {
    const db = openDatabase(url);
    try {
      const report = await readHealth(db, startOfLocalDay(now, config.timeZone), now);
      const { level, accounts } = assessHealth(report, now, config.send.dailyCap, config.timeZone);
      worst = Math.max(worst, level);
      if (urls.length > 1) console.log(`数据库 ${url.replace(/^file:/, '')}`);
      for (const a of accounts) {
        console.log(`账号 ${a.account}：${LEVEL_WORDS[a.level]}`);
        for (const line of a.lines) console.log(`  ${line}`);
      }
    } finally {
      await db.$disconnect();
    }
  }
  return worst;
}

main().then(
  (level) => process.exit(level),
  (err) => {
    console.error(`无法读取状态：${err instanceof Error ? err.message : String(err)}`);
    process.exit(2);
  },
);
