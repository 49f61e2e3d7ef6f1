/**
 * npm run restore -- FILE
 * Checks a backup made by `npm run backup`, then puts it back: the database, the WeChat
 * login and the organisation file. What it replaces is kept beside it. Stop the bot first.
 */
import { systemClock } from '../src/clock.js';
import { loadConfig, readDotEnv } from '../src/config.js';
import { BackupError, inspectBackup, restoreDatabase } from '../src/store/backup.js';
import { isPostgresUrl, resolveDatabaseUrl } from '../src/store/database-url.js';

function main(): void {
  const file = process.argv[2];
  if (!file) {
    console.error('用法：npm run restore -- 备份文件（先停止机器人）');
    process.exit(2);
  }
  const config = loadConfig(readDotEnv('.env'));
  if (isPostgresUrl(config.databaseUrl)) {
    console.error('数据库是 PostgreSQL：请用 pg_restore 恢复（见 README「备份与恢复」）');
    process.exit(2);
  }
  try {
    const contents = inspectBackup(file);
    const stamp = systemClock.now().toISOString().replace(/\D/g, '').slice(0, 14);
    const { files } = restoreDatabase(file, resolveDatabaseUrl(config.databaseUrl), `.before-restore-${stamp}`);
    console.log(`已恢复：${contents.tickets} 张工单，迁移 ${contents.migrations.length} 步；另写回 ${files.length} 个文件。原来的文件改名为 *.before-restore-${stamp} 保留。`);
  } catch (err) {
    if (err instanceof BackupError) {
      console.error(`没有恢复：${err.message}`);
      process.exit(2);
    }
    throw err;
  }
}

main();
