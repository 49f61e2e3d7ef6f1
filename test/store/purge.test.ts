import { afterEach, describe, expect, it } from 'vitest';
import { purgeWorkingRows } from '../../src/store/purge.js';
import { tempDatabase } from '../support/db.js';
import type { Db } from '../../src/store/db.js';

const dbs: Db[] = [];
afterEach(async () => {
  for (const db of dbs.splice(0)) await db.$disconnect();
});

const DAY = 24 * 3600_000;
const now = new Date('2026-06-01T09:00:00+08:00');
const ago = (days: number) => new Date(now.getTime() - days * DAY);

describe('the purge of working rows', () => {
  it('deletes follow-up rows a day after they expire and blanks the words of month-old handled messages, nothing newer', async () => {
    const { db } = tempDatabase();
    dbs.push(db);
    for (const [created, done] of [[ago(3), true], [ago(2), false], [ago(0.5), false]] as const) {
      await db.pendingAction.create({
        data: { personId: 1, kind: 'followup:dm', payload: '{}', createdAt: created, expiresAt: new Date(created.getTime() + 5 * 60_000), doneAt: done ? created : null },
      });
    }
    const inbound = (i: number, at: Date, status: string) =>
      db.inboundMessage.create({
        data: { messageId: `m${i}`, senderChat: 'c1', senderName: '张', text: `第${i}条 1栋灯坏了`, fingerprint: `dm|c1|第${i}条`, receivedAt: at, status },
      });
    await inbound(1, ago(40), 'done');
    await inbound(2, ago(35), 'duplicate');
    await inbound(3, ago(31), 'pending');
    await inbound(4, ago(32), 'done');
    await inbound(5, ago(1), 'done');

    expect(await purgeWorkingRows(db, now)).toBe(false);
    const left = await db.pendingAction.findMany({ orderBy: { id: 'asc' } });
    expect(left.map((p) => p.createdAt)).toEqual([ago(0.5)]);
    const texts = (await db.inboundMessage.findMany({ orderBy: { id: 'asc' } })).map((m) => m.text);
    // A message never handled keeps its words, and so does everything after it until it is.
    expect(texts).toEqual(['', '', '第3条 1栋灯坏了', '第4条 1栋灯坏了', '第5条 1栋灯坏了']);
    await db.inboundMessage.update({ where: { account_messageId: { account: '', messageId: 'm3' } }, data: { status: 'done' } });
    await purgeWorkingRows(db, now);
    expect((await db.inboundMessage.findMany({ orderBy: { id: 'asc' } })).map((m) => m.text)).toEqual(['', '', '', '', '第5条 1栋灯坏了']);
  });
});
