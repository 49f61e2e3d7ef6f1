/**
 * npm run org:import -- FILE_OR_FOLDER
 * Validates an organisation (one community's file, a county file, or a folder of
 * community files with an optional county.yaml) and imports it in one transaction.
 * Errors name the file and the line; on any error nothing is imported.
 */
import { loadConfig, readDotEnv } from '../src/config.js';
import { openDatabase } from '../src/store/db.js';
import { OrgFileError } from '../src/org/load.js';
import { loadCounty } from '../src/org/county.js';
import { importCounty } from '../src/org/import.js';

const file = process.argv[2];
if (!file) {
  console.error('usage: npm run org:import -- FILE.yaml | FOLDER');
  process.exit(2);
}
const config = loadConfig(readDotEnv('.env'));
let county;
try {
  county = loadCounty(file);
} catch (err) {
  if (err instanceof OrgFileError) {
    console.error(`组织文件有误，未导入任何内容 (nothing imported):\n${err.describe()}`);
    process.exit(2);
  }
  throw err;
}
const db = openDatabase(config.databaseUrl);
try {
  const s = await importCounty(db, county);
  const what = county.name ? `${county.name}（${county.communities.map((c) => c.community.name).join('、')}）` : county.communities[0].community.name;
  console.log(`已导入 ${what}：${s.grids} 个网格、${s.buildings} 栋楼、${s.rooms} 个群、${s.people} 人、${s.posts} 个岗位。`);
} finally {
  await db.$disconnect();
}
