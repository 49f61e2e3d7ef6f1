/**
 * Fills a migrated database with a county's worth of past work, by direct inserts in one
 * transaction: tickets with their events, the inbound messages that led to them, the
 * replies sent, and the follow-up rows each report left. For benchmarks only; the
 * organisation must already be imported.
 */
import Database from 'better-sqlite3';
import { postgresClient } from './postgres.js';
import { resolveDatabaseUrl } from './database-url.js';

export interface HistoryShape {
  tickets: number;
  /** The history ends here (the benchmark's "now") and covers `days` before it. */
  end: Date;
  days: number;
  /** Where tickets come from: a grid, its resident rooms and buildings, and who holds them. */
  grids: { name: string; rooms: string[]; buildings: string[]; holders: string[] }[];
  categories: readonly string[];
}

export interface HistoryCounts {
  residents: number;
  tickets: number;
  events: number;
  inbound: number;
  outbound: number;
  pending: number;
}

const HOUR = 3600_000;
const DAY = 24 * HOUR;
const INBOUND_PER_TICKET = 10;
const OUTBOUND_PER_TICKET = 5;
const TEXTS = ['楼道灯坏了好几天了，晚上看不见', '小区东门垃圾堆了好几天了没人清', '电梯又停了，老人上不去楼', '早上好啊各位邻居', '楼上漏水到我家卫生间了', '谢谢楼栋长帮忙'];

/** Dates as Prisma's SQLite adapter writes them, so that range queries compare alike. */
const iso = (ms: number) => new Date(ms).toISOString().replace('Z', '+00:00');

/** One row to insert: the table and its values in the column order of COLUMNS. */
export type HistoryRow = { table: keyof typeof COLUMNS; values: unknown[] };

/** The columns each generated row fills, in order (the same for SQLite and PostgreSQL). */
export const COLUMNS = {
  Person: ['id', 'name', 'alias', 'chatId', 'fromOrg', 'building', 'createdAt'],
  Ticket: ['id', 'status', 'category', 'urgency', 'tier', 'step', 'assignees', 'told', 'gridName', 'building', 'unit', 'text', 'sourceRoom',
    'reporterId', 'reportCount', 'createdAt', 'updatedAt', 'assignedAt', 'acceptBy', 'acceptedAt', 'resolveBy', 'resolvedAt', 'resolution', 'rateBy', 'rating', 'closedAt'],
  TicketEvent: ['ticketId', 'at', 'kind', 'status', 'tier', 'assignees', 'actor', 'escalated'],
  InboundMessage: ['messageId', 'roomTopic', 'senderChat', 'senderName', 'text', 'mentioned', 'fingerprint', 'receivedAt', 'status', 'handledAt', 'kind'],
  OutboundMessage: ['targetKind', 'target', 'text', 'urgent', 'origin', 'createdAt', 'status', 'sentAt', 'attempts', 'reserved'],
  PendingAction: ['personId', 'kind', 'payload', 'createdAt', 'expiresAt', 'doneAt'],
} as const;

/**
 * The history as rows, people first: deterministic for a shape. Dates come as Date;
 * booleans as booleans (each writer converts them for its database).
 */
export function* historyRows(shape: HistoryShape, firstPerson: number, firstTicket: number, counts: HistoryCounts): Generator<HistoryRow> {
  let seed = 7;
  const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)];
  const d = (ms: number | null) => (ms === null ? null : new Date(ms));
  const residents = counts.residents;
  const start = shape.end.getTime() - shape.days * DAY;
  const step = (shape.days * DAY) / Math.max(1, shape.tickets);
  for (let r = 0; r < residents; r++) {
    yield { table: 'Person', values: [firstPerson + r, `居民${r}`, `history-resident-${r}`, `history-chat-${r}`, false, String(1 + (r % 6)), d(start)] };
  }
  for (let i = 0; i < shape.tickets; i++) {
    const id = firstTicket + i;
    const created = start + i * step;
    const grid = shape.grids[i % shape.grids.length];
    const room = pick(grid.rooms);
    const building = pick(grid.buildings.length ? grid.buildings : ['1']);
    const holder = JSON.stringify([pick(grid.holders)]);
    const category = pick(shape.categories);
    const text = pick(TEXTS);
    const reporter = firstPerson + (i % residents);
    const chat = `history-chat-${i % residents}`;
    const age = shape.end.getTime() - created;
    // Old tickets are finished; the last days' are still being worked on.
    const status = age > 7 * DAY ? (random() < 0.9 ? 'closed' : 'cancelled') : pick(['assigned', 'accepted', 'resolved', 'closed']);
    const acceptedAt = status === 'assigned' || status === 'cancelled' ? null : created + HOUR * (0.2 + random() * 3);
    const resolvedAt = acceptedAt && status !== 'accepted' ? acceptedAt + DAY * random() * 2 : null;
    const closedAt = resolvedAt && status === 'closed' ? resolvedAt + DAY * 3 : status === 'cancelled' ? created + HOUR : null;
    const rating = closedAt && resolvedAt && random() < 0.6 ? pick([5, 5, 4, 4, 3, 2]) : null;
    const updated = closedAt ?? resolvedAt ?? acceptedAt ?? created;
    const acceptBy = status === 'assigned' ? shape.end.getTime() + DAY : null;
    const resolveBy = status === 'accepted' ? shape.end.getTime() + 3 * DAY : null;
    yield {
      table: 'Ticket',
      values: [id, status, category, random() < 0.05 ? 'urgent' : 'normal', 'building', 0, holder, '[]', grid.name, building, '1', text, room,
        reporter, 1, d(created), d(updated), d(created), d(acceptBy), d(acceptedAt), d(resolveBy), d(resolvedAt), resolvedAt ? '已处理' : null,
        resolvedAt && status === 'resolved' ? d(resolvedAt + 3 * DAY) : null, rating, d(closedAt)],
    };
    const event = (at: number, kind: string, st: string, escalated = false) => {
      counts.events++;
      return { table: 'TicketEvent', values: [id, d(at), kind, st, 'building', holder, kind === 'created' ? null : JSON.parse(holder)[0], escalated] } as HistoryRow;
    };
    yield event(created, 'created', 'assigned');
    if (acceptedAt && random() < 0.1) yield event(acceptedAt - HOUR / 10, 'escalated', 'assigned', true);
    if (acceptedAt) yield event(acceptedAt, 'accepted', 'accepted');
    if (resolvedAt) yield event(resolvedAt, 'resolved', 'resolved');
    if (closedAt) yield event(closedAt, status === 'cancelled' ? 'cancelled' : 'closed', status);
    for (let k = 0; k < INBOUND_PER_TICKET; k++) {
      const at = created + (k - 5) * 7 * 60_000;
      const said = k === 5 ? text : pick(TEXTS);
      yield { table: 'InboundMessage', values: [`history-${i}-${k}`, room, chat, `居民${i % residents}`, said, false, `${room}|${chat}|${said}`, d(at), 'done', d(at + 20), 'text'] };
    }
    for (let k = 0; k < OUTBOUND_PER_TICKET; k++) {
      const at = created + k * 30 * 60_000;
      yield { table: 'OutboundMessage', values: [k % 2 ? 'contact' : 'room', k % 2 ? JSON.parse(holder)[0] : room, '【工单】收到，已转楼栋长处理。', false, `ticket:${id}`, d(at), 'sent', d(at + 1500), 1, k % 2 === 1] };
    }
    yield { table: 'PendingAction', values: [reporter, `followup:${room}`, JSON.stringify({ text, ticketId: id }), d(created), d(created + 5 * 60_000), random() < 0.5 ? d(created + 60_000) : null] };
    counts.tickets++;
    counts.inbound += INBOUND_PER_TICKET;
    counts.outbound += OUTBOUND_PER_TICKET;
    counts.pending++;
  }
}

export function emptyCounts(shape: HistoryShape): HistoryCounts {
  return { residents: Math.max(200, Math.round(shape.tickets / 40)), tickets: 0, events: 0, inbound: 0, outbound: 0, pending: 0 };
}

export function fillHistory(url: string, shape: HistoryShape): HistoryCounts {
  const db = new Database(resolveDatabaseUrl(url));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = OFF');
  const counts = emptyCounts(shape);
  const statements = Object.fromEntries(
    Object.entries(COLUMNS).map(([table, columns]) => [table, db.prepare(`INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`)]),
  );
  // As Prisma's SQLite adapter writes them, so that range queries compare alike.
  const value = (v: unknown) => (v instanceof Date ? iso(v.getTime()) : typeof v === 'boolean' ? Number(v) : v);
  db.transaction(() => {
    const firstPerson = (db.prepare('SELECT COALESCE(MAX(id), 0) AS m FROM Person').get() as { m: number }).m + 1;
    const firstTicket = (db.prepare('SELECT COALESCE(MAX(id), 0) AS m FROM Ticket').get() as { m: number }).m + 1;
    for (const row of historyRows(shape, firstPerson, firstTicket, counts)) statements[row.table].run(...row.values.map(value));
    // Each ticket's holder row, as the bot writes it beside the ticket.
    db.prepare(`INSERT OR IGNORE INTO "TicketHolder" ("ticketRowId", "alias", "current", "community")
      SELECT t."rowId", j.value, 1, t."community" FROM "Ticket" t, json_each(t."assignees") j WHERE t.id >= ?`).run(firstTicket);
  })();
  db.pragma('synchronous = NORMAL');
  db.close();
  return counts;
}

/** Puts the newest `count` tickets back to waiting for acceptance, due at `due`: work for the escalation sweep. */
export function makeOverdue(url: string, count: number, due: Date): number {
  const db = new Database(resolveDatabaseUrl(url));
  try {
    db.pragma('busy_timeout = 10000');
    const { changes } = db
      .prepare(`UPDATE Ticket SET status = 'assigned', step = 0, acceptBy = ?, acceptedAt = NULL, resolveBy = NULL, resolvedAt = NULL, closedAt = NULL
        WHERE id IN (SELECT id FROM Ticket ORDER BY id DESC LIMIT ?)`)
      .run(iso(due.getTime()), count);
    return changes;
  } finally {
    db.close();
  }
}

/**
 * The same history on PostgreSQL: rows in multi-row INSERTs of a few hundred tickets'
 * worth (tables in foreign-key order), then the id sequences moved past what was written.
 */
export async function fillHistoryPostgres(url: string, shape: HistoryShape): Promise<HistoryCounts> {
  const client = await postgresClient(url);
  const counts = emptyCounts(shape);
  const buffers = new Map<HistoryRow['table'], unknown[][]>(Object.keys(COLUMNS).map((t) => [t as HistoryRow['table'], []]));
  const flush = async () => {
    for (const [table, rows] of buffers) {
      if (!rows.length) continue;
      const columns = COLUMNS[table];
      // At most ~60,000 parameters a statement.
      const per = Math.floor(60_000 / columns.length);
      for (let i = 0; i < rows.length; i += per) {
        const chunk = rows.slice(i, i + per);
        const params: unknown[] = [];
        const tuples = chunk.map((values) => `(${values.map((v) => (params.push(v), `$${params.length}`)).join(', ')})`);
        await client.query(`INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(', ')}) VALUES ${tuples.join(', ')}`, params);
      }
      rows.length = 0;
    }
  };
  try {
    await client.query('BEGIN');
    const max = async (table: string) => Number((await client.query(`SELECT COALESCE(MAX(id), 0) AS m FROM "${table}"`)).rows[0].m);
    const firstPerson = (await max('Person')) + 1;
    const firstTicket = (await max('Ticket')) + 1;
    let tickets = 0;
    for (const row of historyRows(shape, firstPerson, firstTicket, counts)) {
      // Timestamps are stored without a zone, as UTC wall time (as Prisma writes them).
      buffers.get(row.table)!.push(row.values.map((v) => (v instanceof Date ? v.toISOString() : v)));
      if (row.table === 'Ticket' && ++tickets % 500 === 0) await flush();
    }
    await flush();
    await client.query(
      `INSERT INTO "TicketHolder" ("ticketRowId", "alias", "current", "community")
       SELECT t."rowId", j.value, true, t."community" FROM "Ticket" t CROSS JOIN LATERAL json_array_elements_text(t."assignees"::json) AS j(value)
       WHERE t.id >= $1 ON CONFLICT DO NOTHING`,
      [firstTicket],
    );
    for (const table of ['Person', 'Ticket']) {
      await client.query(`SELECT setval(pg_get_serial_sequence('"${table}"', 'id'), (SELECT MAX(id) FROM "${table}"))`);
    }
    await client.query('COMMIT');
    await client.query('ANALYZE');
  } catch (err) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw err;
  } finally {
    await client.end();
  }
  return counts;
}

/** makeOverdue on PostgreSQL. */
export async function makeOverduePostgres(url: string, count: number, due: Date): Promise<number> {
  const client = await postgresClient(url);
  try {
    const result = await client.query(
      `UPDATE "Ticket" SET status = 'assigned', step = 0, "acceptBy" = $1, "acceptedAt" = NULL, "resolveBy" = NULL, "resolvedAt" = NULL, "closedAt" = NULL
        WHERE id IN (SELECT id FROM "Ticket" ORDER BY id DESC LIMIT $2)`,
      [due.toISOString(), count],
    );
    return result.rowCount ?? 0;
  } finally {
    await client.end();
  }
}

