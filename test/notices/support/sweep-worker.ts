/**
 * One bot process for the two-process test: waits for "go" on stdin, then runs the
 * minute sweeps a few times on a fixed clock against the shared database, and prints the
 * notice events it emitted and any sweep failures as one JSON line.
 */
import readline from 'node:readline';
import { loadOrgFile } from '../../../src/org/load.js';
import { noticeHarness, noticesOf } from './harness.js';

const [url, orgFile, now, rounds] = process.argv.slice(2);
const h = await noticeHarness({ org: loadOrgFile(orgFile), url, start: now, importOrg: false });
process.stdout.write('ready\n');
const rl = readline.createInterface({ input: process.stdin });
await new Promise<void>((resolve) => rl.once('line', () => resolve()));
rl.close();
for (let i = 0; i < Number(rounds); i++) await h.bot.runSweeps();
const failures = h.logLines.filter((l) => l.includes('sweep failed'));
const yielded = h.logLines.filter((l) => l.includes('leaving this minute')).length;
process.stdout.write(JSON.stringify({ pid: process.pid, notices: noticesOf(h.events), failures, yielded }) + '\n');
await h.close();
