/**
 * npm run org:import -- FILE
 * Validates an organisation file and imports it in one transaction. Errors name the line;
 * on any error nothing is imported.
 */
import { loadConfig, readDotEnv } from '../src/config.js';
import { openDatabase } from '../src/store/db.js';
import { loadOrgFile, OrgFileError } from '../src/org/load.js';
import { importOrg } from '../src/org/import.js';

const file = process.argv[2];
if (!file) {
  console.error('usage: npm run org:import -- FILE.yaml');
  process.exit(2);
}
const config = loadConfig(readDotEnv('.env'));
let org;
try {
  org = loadOrgFile(file);
} catch (err) {
  if (err instanceof OrgFileError) {
    console.error(`组织文件有误，未导入任何内容 (nothing imported):\n${err.describe()}`);
    process.exit(2);
  }
  throw err;
}
const db = openDatabase(config.databaseUrl);
try {
  const s = await importOrg(db, org);
  console.log(`已导入 ${org.community.name}：${s.grids} 个网格、${s.buildings} 栋楼、${s.rooms} 个群、${s.people} 人、${s.posts} 个岗位。`);
} finally {
  await db.$disconnect();
}
