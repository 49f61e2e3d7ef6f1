/**
 * npm run backup -- DIR
 * Writes DIR/gridbot-<time>.backup: a consistent copy of the SQLite database, taken while
 * the bot runs, with the WeChat login (memory card) and the organisation file inside.
 */
import fs from 'node:fs';
import path from 'node:path';
import { systemClock } from '../src/clock.js';
import { loadConfig, readDotEnv } from '../src/config.js';
import { backupDatabase, BackupError, type BackupFile } from '../src/store/backup.js';
import { isPostgresUrl, resolveDatabaseUrl } from '../src/store/database-url.js';

async function main(): Promise<void> {
  const dir = process.argv[2];
  if (!dir) {
    console.error('用法：npm run backup -- 备份目录');
    process.exit(2);
  }
  const config = loadConfig(readDotEnv('.env'));
  if (isPostgresUrl(config.databaseUrl)) {
    console.error('数据库是 PostgreSQL：请用 pg_dump 备份（见 README「备份与恢复」）');
    process.exit(2);
  }
  const files: BackupFile[] = [];
  const card = path.resolve(`${config.botProfileName}.memory-card.json`);
  if (fs.existsSync(card)) files.push({ path: card, role: 'memory-card', content: fs.readFileSync(card) });
  const org = path.resolve(config.orgFile);
  if (fs.existsSync(org)) files.push({ path: org, role: 'org-file', content: fs.readFileSync(org) });
  fs.mkdirSync(dir, { recursive: true });
  const stamp = systemClock.now().toISOString().replace(/\D/g, '').slice(0, 14);
  const target = path.resolve(dir, `gridbot-${stamp}.backup`);
  await backupDatabase(resolveDatabaseUrl(config.databaseUrl), target, files);
  console.log(`已备份到 ${target}（数据库${files.map((f) => (f.role === 'memory-card' ? '、登录信息' : '、组织文件')).join('')}）`);
}

main().catch((err) => {
  console.error(err instanceof BackupError ? err.message : err);
  process.exit(1);
});
