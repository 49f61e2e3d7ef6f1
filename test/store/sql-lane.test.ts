import { Prisma } from '@prisma/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listenToStatements, type Db } from '../../src/store/db.js';
import { directTransaction, execute, queryRows } from '../../src/store/sql.js';
import { inTransaction } from '../../src/store/transaction.js';
import { tempDatabase } from '../support/db.js';

/**
 * The direct lane to SQLite (src/store/sql.ts): the message path's statements bypass
 * Prisma, and its transactions are SQLite's own. What must hold is what Prisma gave:
 * the same rows, all-or-nothing transactions with Prisma's queries inside them, and
 * Prisma's own transactions never interleaved with a direct one.
 */
let db: Db;

beforeAll(async () => {
  db = tempDatabase().db;
  await db.person.create({ data: { name: '测试', alias: 'lane-a', chatId: 'lane-a' } });
});

afterAll(async () => {
  listenToStatements(undefined);
  await db.$disconnect();
});

async function statementsOf(work: () => Promise<unknown>): Promise<string[]> {
  const seen: string[] = [];
  listenToStatements((sql) => seen.push(sql));
  try {
    await work();
  } finally {
    listenToStatements(undefined);
  }
  return seen;
}

describe('the direct lane to SQLite', () => {
  it('reads rows shaped as Prisma reads them: dates as dates, booleans as booleans, integers as numbers', async () => {
    const at = new Date('2026-03-02T01:02:03.456Z');
    await db.outboundMessage.create({ data: { targetKind: 'room', target: '群', text: '你好', urgent: true, createdAt: at } });
    const query = Prisma.sql`SELECT "id", "urgent", "reserved", "createdAt", "sentAt", "attempts", "text", 1 + 1 AS "two" FROM "OutboundMessage" WHERE "createdAt" >= ${at}`;
    let direct: Record<string, unknown>[] = [];
    const heard = await statementsOf(async () => (direct = await queryRows(db, query)));
    const viaPrisma = await db.$queryRaw<Record<string, unknown>[]>(query);
    expect(heard).toEqual([query.sql]);
    expect(direct).toHaveLength(1);
    const [row] = direct;
    expect(row).toMatchObject({ urgent: true, reserved: false, attempts: 0, text: '你好', sentAt: null, two: 2 });
    expect(row!.createdAt).toEqual(at);
    expect(typeof row!.id).toBe('number');
    // Prisma reads the computed column as a BigInt; everything else is the same.
    expect({ ...row, two: undefined }).toEqual({ ...viaPrisma[0], two: undefined });
  });

  it('writes dates and booleans as Prisma writes them, so Prisma reads them back', async () => {
    const at = new Date('2026-03-03T08:00:00.000Z');
    await execute(db, Prisma.sql`INSERT INTO "OutboundMessage" ("targetKind", "target", "text", "urgent", "createdAt") VALUES ('room', '群', '直写', ${true}, ${at})`);
    const row = await db.outboundMessage.findFirstOrThrow({ where: { text: '直写' } });
    expect(row.urgent).toBe(true);
    expect(row.createdAt).toEqual(at);
    // And Prisma's date filters compare with what the lane wrote.
    expect(await db.outboundMessage.count({ where: { text: '直写', createdAt: { gte: at } } })).toBe(1);
  });

  it('runs a transaction as BEGIN … COMMIT on the connection, with Prisma model queries inside it', async () => {
    const heard = await statementsOf(() =>
      inTransaction(db, async (tx) => {
        await execute(tx, Prisma.sql`UPDATE "Person" SET "name" = '甲' WHERE "alias" = 'lane-a'`);
        await tx.person.update({ where: { alias: 'lane-a' }, data: { building: '3' } });
      }),
    );
    expect(heard[0]).toBe('BEGIN');
    expect(heard.at(-1)).toBe('COMMIT');
    expect(await db.person.findUniqueOrThrow({ where: { alias: 'lane-a' } })).toMatchObject({ name: '甲', building: '3' });
  });

  it('undoes everything, the lane\'s statements and Prisma\'s, when the work throws', async () => {
    await expect(
      inTransaction(db, async (tx) => {
        await execute(tx, Prisma.sql`UPDATE "Person" SET "name" = '乙' WHERE "alias" = 'lane-a'`);
        await tx.person.update({ where: { alias: 'lane-a' }, data: { building: '9' } });
        await tx.grid.createMany({ data: [{ name: '回滚网格' }] });
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(await db.person.findUniqueOrThrow({ where: { alias: 'lane-a' } })).toMatchObject({ name: '甲', building: '3' });
    expect(await db.grid.count({ where: { name: '回滚网格' } })).toBe(0);
  });

  it('keeps the outer transaction when a write Prisma wraps in a transaction of its own fails inside it', async () => {
    await inTransaction(db, async (tx) => {
      await execute(tx, Prisma.sql`UPDATE "Person" SET "name" = '丙' WHERE "alias" = 'lane-a'`);
      // createMany runs in a transaction of Prisma's: here a savepoint, undone alone.
      await expect(tx.person.createMany({ data: [{ name: 'x', alias: 'lane-b', chatId: 'lane-b' }, { name: 'y', alias: 'lane-a', chatId: 'z' }] })).rejects.toThrow();
    });
    expect(await db.person.findUniqueOrThrow({ where: { alias: 'lane-a' } })).toMatchObject({ name: '丙' });
    expect(await db.person.count({ where: { alias: 'lane-b' } })).toBe(0);
  });

  it('lets no Prisma transaction and no other direct one begin while a direct one is open', async () => {
    const order: string[] = [];
    let letGo!: () => void;
    const held = new Promise<void>((r) => (letGo = r));
    const first = inTransaction(db, async (tx) => {
      order.push('direct 1 begins');
      await held;
      await tx.person.update({ where: { alias: 'lane-a' }, data: { name: '丁' } });
      order.push('direct 1 ends');
    });
    const prisma = db.$transaction(async (tx) => {
      order.push('prisma begins');
      expect((await tx.person.findUniqueOrThrow({ where: { alias: 'lane-a' } })).name).toBe('丁');
    });
    const second = inTransaction(db, async () => void order.push('direct 2'));
    await new Promise((r) => setTimeout(r, 50));
    expect(order).toEqual(['direct 1 begins']);
    letGo();
    await Promise.all([first, prisma, second]);
    // Both waited for the first to end (which of the two went next is the order they asked in).
    expect(order.slice(0, 2)).toEqual(['direct 1 begins', 'direct 1 ends']);
    expect(order.slice(2).sort()).toEqual(['direct 2', 'prisma begins']);
  });

  it('keeps what one transaction holds apart from the next (each gets a client of its own)', async () => {
    const clients: object[] = [];
    await inTransaction(db, async (tx) => void clients.push(tx));
    await inTransaction(db, async (tx) => void clients.push(tx));
    expect(clients[0]).not.toBe(clients[1]);
    expect(clients[0]).not.toBe(db);
  });

  it('rolls back a transaction left open too long and refuses its client, while others go on', async () => {
    const stuck = directTransaction(
      db,
      async (tx) => {
        await tx.person.update({ where: { alias: 'lane-a' }, data: { name: '卡住' } });
        await new Promise((r) => setTimeout(r, 300));
        await tx.person.update({ where: { alias: 'lane-a' }, data: { name: '太晚' } });
      },
      () => undefined,
      50,
    );
    // The next transaction does not wait for the stuck one.
    await inTransaction(db, (tx) => tx.person.update({ where: { alias: 'lane-a' }, data: { building: '7' } }));
    await expect(stuck).rejects.toThrow(/ran out of time/);
    const person = await db.person.findUniqueOrThrow({ where: { alias: 'lane-a' } });
    expect(person.name).not.toBe('卡住');
    expect(person.name).not.toBe('太晚');
    expect(person.building).toBe('7');
  });
});
