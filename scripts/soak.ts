/**
 * `npm run soak -- [--database URL] [--processes 3] [--minutes 2] [--kill-every 5s]
 * [--messages-per-second 5]`: several bot processes on one database, killed and restarted
 * at random; prints one JSON line and exits non-zero if a message or notice was lost or
 * handled twice.
 */
import { parseArgs } from 'node:util';
import { parseDuration, runSoak } from './soak/run.js';

const { values } = parseArgs({
  options: {
    database: { type: 'string' },
    processes: { type: 'string', default: '3' },
    minutes: { type: 'string', default: '2' },
    'kill-every': { type: 'string', default: '5s' },
    'messages-per-second': { type: 'string', default: '5' },
    org: { type: 'string' },
    seed: { type: 'string', default: '7' },
  },
});

function positive(name: string, text: string): number {
  const n = Number(text);
  if (!Number.isFinite(n) || n <= 0) {
    console.error(`--${name} 需要一个正数，收到：${text}`);
    process.exit(2);
  }
  return n;
}

const database = values.database ?? process.env.GRIDBOT_SOAK_DATABASE;
if (database && !database.startsWith('postgres')) {
  console.error(`--database 只接受 postgresql:// 地址（不写则用一个临时 SQLite 文件），收到：${database}`);
  process.exit(2);
}
let killEveryMs: number;
try {
  killEveryMs = parseDuration(values['kill-every']!);
} catch (err) {
  console.error((err as Error).message);
  process.exit(2);
}
const result = await runSoak({
  database,
  processes: Math.round(positive('processes', values.processes!)),
  minutes: positive('minutes', values.minutes!),
  killEveryMs,
  messagesPerSecond: positive('messages-per-second', values['messages-per-second']!),
  orgFile: values.org,
  seed: Number(values.seed),
});
console.log(JSON.stringify(result));
const failed = result.messages.lost + result.messages.doubled + result.notices.lost + result.notices.doubled > 0 || !result.caughtUp;
process.exit(failed ? 1 : 0);
