/**
 * npm run console:link -- ALIAS
 * Prints a one-time login link to the staff console for a person of the organisation
 * file (by WeChat alias or by name): for setting up before WeChat works.
 */
import { loadConfig, readDotEnv } from '../src/config.js';
import { systemClock } from '../src/clock.js';
import { openDatabase } from '../src/store/db.js';
import { loadImportedOrg } from '../src/org/import.js';
import { OrgDirectory } from '../src/org/directory.js';
import { createLoginLink, LINK_TTL_MS } from '../src/store/console-auth.js';

const who = process.argv[2]?.trim();
if (!who) {
  console.error('usage: npm run console:link -- 微信号或姓名');
  process.exit(2);
}
const config = loadConfig(readDotEnv('.env'));
const db = openDatabase(config.databaseUrl);
try {
  const org = await loadImportedOrg(db);
  if (!org) {
    console.error('数据库里还没有组织架构：先运行 npm run org:import -- org.yaml 或 npm start。');
    process.exit(2);
  }
  const directory = new OrgDirectory(org);
  const aliases = directory.postsOf(who).length ? [who] : directory.aliasesNamed(who);
  if (aliases.length !== 1) {
    console.error(aliases.length ? `有 ${aliases.length} 人叫「${who}」，请用微信号：${aliases.join('、')}` : `组织文件里没有「${who}」：只有岗位人员可以登录工作台。`);
    process.exit(2);
  }
  const token = await createLoginLink(db, systemClock, aliases[0]);
  console.log(`${config.console.publicUrl}/login/link/${token}`);
  console.error(`（${directory.postsOf(aliases[0])[0].name}，${Math.round(LINK_TTL_MS / 60_000)} 分钟内有效，只能用一次）`);
} finally {
  await db.$disconnect();
}
