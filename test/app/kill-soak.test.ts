import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/store/db.js';
import { importOrg } from '../../src/org/import.js';
import { seededRandom } from '../../src/simulate/run.js';
import { tempDatabaseUrl } from '../support/db.js';
import { demoOrg, repoRoot } from '../support/sim.js';
import { bundleWorker, readBy, sleep, startWorker, type Life } from '../../scripts/soak/processes.js';

const ORG_FILE = path.join(repoRoot, 'examples/org.example.yaml');
const ROOM = '丽水鑫城业主群';
const KILLS = Number(process.env.GRIDBOT_SOAK_KILLS ?? 50);
/** How long the worker's classifier takes per message: messages pile up behind it. */
const SLOW_MS = 25;

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
      room: ROOM,
      alias: `resident${i % 23}`,
      text: `${pick(1, 3)}栋${pick(1, 9)}单元楼道灯坏了，第${i}次说`,
    }));
    const pending = [...messages];
    const handedOver = new Set<string>();
    const options = { url, orgFile: ORG_FILE, sentLog, inboxFile: `${url.slice('file:'.length)}.inbox.jsonl`, slowMs: SLOW_MS, sweepMs: 0 };
    const start = (): Promise<Life> => startWorker(worker, options);

    let kills = 0;
    for (; kills < KILLS && pending.length; kills++) {
      const life = await start();
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
    const last = await start();
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
    const acks = lines.filter((l) => l.to === ROOM).map((l) => l.text);
    const acksDoubled = acks.length - new Set(acks).size;
    const resent = lines.filter((l) => l.text.startsWith('【重发】')).length;
    const maybeSent = await db.outboundMessage.count({ where: { status: 'maybe_sent' } });
    const holderOnce = lines.filter((l) => l.to !== ROOM && !l.text.startsWith('【重发】')).map((l) => l.text);
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
