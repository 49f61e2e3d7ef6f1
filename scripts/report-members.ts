/**
 * npm run report:members -- --unit 单位 --from 2026-03-01 --to 2026-03-31 [--out DIR]
 * Writes the appraisal sheet of in-service party members (在职党员) registered with one
 * employer: a CSV and a printable HTML page, in Chinese, for the community to send on.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig, readDotEnv } from '../src/config.js';
import { openDatabase } from '../src/store/db.js';
import { buildMemberReport, memberReportCsv, memberReportHtml } from '../src/volunteers/member-report.js';

const { values } = parseArgs({ options: { unit: { type: 'string' }, from: { type: 'string' }, to: { type: 'string' }, out: { type: 'string', default: 'reports' } } });
if (!values.unit || !values.from || !values.to) {
  console.error('usage: npm run report:members -- --unit 单位 --from YYYY-MM-DD --to YYYY-MM-DD [--out DIR]');
  process.exit(2);
}
const config = loadConfig(readDotEnv('.env'));
const db = openDatabase(config.databaseUrl);
try {
  let report;
  try {
    report = await buildMemberReport(db, { unit: values.unit, from: values.from, to: values.to, timeZone: config.timeZone });
  } catch (err) {
    console.error(String((err as Error).message));
    process.exit(2);
  }
  fs.mkdirSync(values.out!, { recursive: true });
  const base = path.join(values.out!, `在职党员服务-${values.unit.replace(/[\\/:*?"<>|\s]/g, '_')}-${values.from}-${values.to}`);
  fs.writeFileSync(`${base}.csv`, memberReportCsv(report, config.timeZone));
  fs.writeFileSync(`${base}.html`, memberReportHtml(report, config.timeZone));
  const hoursTotal = report.members.reduce((n, m) => n + m.minutes, 0) / 60;
  console.log(`${values.unit}：${report.members.length} 名在职党员，服务 ${hoursTotal.toFixed(1)} 小时。\n已写入 ${base}.csv 和 ${base}.html`);
} finally {
  await db.$disconnect();
}
