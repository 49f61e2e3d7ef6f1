import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/store/db.js';
import { importOrg } from '../../src/org/import.js';
import { seededRandom } from '../../src/simulate/run.js';
import { tempDatabaseUrl } from '../support/db.js';
import { demoOrg, repoRoot } from '../support/sim.js';

const WORKER_SOURCE = path.join(repoRoot, 'test/app/support/soak-worker.ts');
const ORG_FILE = path.join(repoRoot, 'examples/org.example.yaml');
const KILLS = Number(process.env.GRIDBOT_SOAK_KILLS ?? 50);
/** How long the worker's classifier takes per message: messages pile up behind it. */
const SLOW_MS = 25;

interface Life {
  child: ChildProcessWithoutNullStreams;
  out: string;
  exited: Promise<void>;
}

/** The worker as one bundled file: each of the 50 starts then costs node's start, not a TypeScript compile. */
async function bundleWorker(): Promise<string> {
  // Inside node_modules so that the packages left outside the bundle resolve.
  const out = path.join(repoRoot, 'node_modules/.cache/gridbot-soak', `worker-${process.pid}.mjs`);
  await build({
    entryPoints: [WORKER_SOURCE],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    outfile: out,
    packages: 'external',
    // Modules find their data files (lexicon, migrations) beside their source, two folders down.
    define: { 'import.meta.url': JSON.stringify(pathToFileURL(path.join(repoRoot, 'src/intake/lexicon.ts')).href) },
    logLevel: 'silent',
  });
  return out;
}

function startWorker(worker: string, url: string, sentLog: string): Promise<Life> {
  const child = spawn(process.execPath, [worker, url, ORG_FILE, sentLog, String(SLOW_MS)], { cwd: repoRoot, stdio: ['pipe', 'pipe', 'pipe'] });
  const life: Life = { child, out: '', exited: new Promise((r) => child.once('exit', () => r())) };
  child.stdout.on('data', (d) => (life.out += d));
  child.stderr.on('data', () => undefined);
  child.stdin.on('error', () => undefined);
  return new Promise((resolve, reject) => {
    const poll = setInterval(() => {
      if (life.out.startsWith('ready\n')) (clearInterval(poll), resolve(life));
      if (child.exitCode !== null) (clearInterval(poll), reject(new Error(`worker exited: ${life.out}`)));
    }, 5);
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('killed at random moments, restarted each time', () => {
  it('stores and handles every message handed over exactly once, and sends each acknowledgement at most once', async () => {
    const url = tempDatabaseUrl();
    const db = openDatabase(url);
    await importOrg(db, demoOrg());
    const sentLog = path.join(path.dirname(url.slice('file:'.length)), 'sent.jsonl');
    fs.writeFileSync(sentLog, '');
    const worker = await bundleWorker();
    const random = seededRandom(7);
    const pick = (lo: number, hi: number) => lo + Math.floor(random() * (hi - lo + 1));

    const messages = Array.from({ length: KILLS * 6 }, (_, i) => ({
      id: `soak-${i}`,
      alias: `resident${i % 23}`,
      text: `${pick(1, 3)}栋${pick(1, 9)}单元楼道灯坏了，第${i}次说`,
    }));
    const pending = [...messages];
    const handedOver = new Set<string>();
    const readBy = (life: Life) => new Set([...life.out.matchAll(/^recv (\S+)$/gm)].map((m) => m[1]));

    let kills = 0;
    for (; kills < KILLS && pending.length; kills++) {
      const life = await startWorker(worker, url, sentLog);
      const burst = pending.splice(0, pick(3, 9));
      for (const m of burst) life.child.stdin.write(`${JSON.stringify(m)}\n`);
      // Killed while busy: at a random moment after it started reading the burst.
      for (let i = 0; i < 2000 && !life.out.includes('recv '); i++) await sleep(2);
      await sleep(pick(0, 120));
      life.child.kill('SIGKILL');
      await life.exited;
      const read = readBy(life);
      for (const id of read) handedOver.add(id);
      // What the process never read was never handed over: WeChat still has it.
      pending.unshift(...burst.filter((m) => !read.has(m.id)));
    }

    // A last life that is not killed: everything left is handed over, and the bot catches up.
    const last = await startWorker(worker, url, sentLog);
    for (const m of pending) last.child.stdin.write(`${JSON.stringify(m)}\n`);
    for (let i = 0; i < 3000; i++) {
      const read = readBy(last).size === pending.length;
      const storedAll = (await db.inboundMessage.count()) === messages.length;
      const busy = await db.inboundMessage.count({ where: { status: 'pending' } });
      const unsent = await db.outboundMessage.count({ where: { status: { in: ['queued', 'attempting'] } } });
      if (read && storedAll && busy === 0 && unsent === 0) break;
      await sleep(100);
    }
    last.child.kill('SIGKILL');
    await last.exited;
    for (const id of readBy(last)) handedOver.add(id);

    const stored = await db.inboundMessage.findMany({ where: { messageId: { in: [...handedOver] } }, select: { id: true, status: true } });
    const tickets = await db.ticket.groupBy({ by: ['inboundId'], _count: { _all: true } });
    const lost = handedOver.size - stored.length + stored.filter((m) => m.status !== 'done').length;
    const doubled = tickets.filter((t) => t._count._all > 1).length;
    const lines = fs.readFileSync(sentLog, 'utf8').trim().split('\n').filter(Boolean).map((l) => JSON.parse(l) as { to: string; text: string });
    const acks = lines.filter((l) => l.to === '丽水鑫城业主群').map((l) => l.text);
    const acksDoubled = acks.length - new Set(acks).size;
    const resent = lines.filter((l) => l.text.startsWith('【重发】')).length;
    const maybeSent = await db.outboundMessage.count({ where: { status: 'maybe_sent' } });
    const holderOnce = lines.filter((l) => l.to !== '丽水鑫城业主群' && !l.text.startsWith('【重发】')).map((l) => l.text);
    const holderDoubled = holderOnce.length - new Set(holderOnce).size;
    await db.$disconnect();
    fs.rmSync(worker, { force: true });

    console.log(
      `kill-soak: kills=${kills} messages=${messages.length} handedOver=${handedOver.size} stored=${stored.length} lost=${lost} doubled=${doubled} ` +
        `acks=${acks.length} acksDoubled=${acksDoubled} maybeSentNotRepeated=${maybeSent} holderMessagesRepeated【重发】=${resent} holderDoubledUnmarked=${holderDoubled}`,
    );
    expect(kills).toBeGreaterThanOrEqual(Math.min(KILLS, 50));
    expect(handedOver.size).toBe(messages.length);
    expect(lost).toBe(0);
    expect(doubled).toBe(0);
    expect(acksDoubled).toBe(0);
    expect(holderDoubled).toBe(0);
  }, 900_000);
});
