/**
 * npm run db:migration -- NAME
 * Writes prisma/migrations/<timestamp>_NAME/migration.sql: the SQL that takes the schema
 * of the last migration (its schema.snapshot.prisma) to prisma/schema.prisma. Works
 * offline: a schema-to-schema diff needs no database and no engine binary.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const name = process.argv[2];
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  console.error('usage: npm run db:migration -- name_in_snake_case');
  process.exit(2);
}
const dir = path.resolve('prisma/migrations');
const previous = fs
  .readdirSync(dir)
  .filter((d) => fs.existsSync(path.join(dir, d, 'migration.sql')))
  .sort()
  .at(-1);
const snapshot = previous ? path.join(dir, previous, 'schema.snapshot.prisma') : undefined;
const from = snapshot && fs.existsSync(snapshot) ? ['--from-schema-datamodel', snapshot] : ['--from-empty'];
const sql = execFileSync('npx', ['prisma', 'migrate', 'diff', ...from, '--to-schema-datamodel', 'prisma/schema.prisma', '--script'], {
  encoding: 'utf8',
});
if (!/CREATE|ALTER|DROP/.test(sql)) {
  console.log('schema unchanged: no migration written');
  process.exit(0);
}
const stamp = new Date().toISOString().replace(/\D/g, '').slice(0, 14);
const target = path.join(dir, `${stamp}_${name}`);
fs.mkdirSync(target);
fs.writeFileSync(path.join(target, 'migration.sql'), sql);
fs.copyFileSync('prisma/schema.prisma', path.join(target, 'schema.snapshot.prisma'));
console.log(`wrote ${path.relative(process.cwd(), target)}/migration.sql`);
