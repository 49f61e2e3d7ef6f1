/**
 * Fills a migrated database with a county's worth of past work, by direct inserts in one
 * transaction: tickets with their events, the inbound messages that led to them, the
 * replies sent, and the follow-up rows each report left. For benchmarks only; the
 * organisation must already be imported.
 */
import Database from 'better-sqlite3';
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

export function fillHistory(url: string, shape: HistoryShape): HistoryCounts {
  const db = new Database(resolveDatabaseUrl(url));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = OFF');
  let seed = 7;
  const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)];

  const residents = Math.max(200, Math.round(shape.tickets / 40));
  const insertPerson = db.prepare('INSERT INTO Person (name, alias, chatId, fromOrg, gridId, building, createdAt) VALUES (?, ?, ?, 0, NULL, ?, ?)');
  const insertTicket = db.prepare(`INSERT INTO Ticket (status, category, urgency, tier, step, assignees, told, gridName, building, unit, room, text, sourceRoom,
    reporterId, inboundId, reportCount, createdAt, updatedAt, assignedAt, acceptBy, acceptedAt, resolveBy, resolvedAt, resolution, rateBy, rating, closedAt)
    VALUES (?, ?, ?, ?, 0, ?, '[]', ?, ?, '1', NULL, ?, ?, ?, NULL, 1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const insertEvent = db.prepare('INSERT INTO TicketEvent (ticketId, at, kind, status, tier, assignees, actor, escalated, note) VALUES (?, ?, ?, ?, ?, ?, ?, ?, NULL)');
  const insertInbound = db.prepare(`INSERT INTO InboundMessage (messageId, roomTopic, senderChat, senderAlias, senderName, text, mentioned, fingerprint, receivedAt, status, handledAt, kind)
    VALUES (?, ?, ?, NULL, ?, ?, 0, ?, ?, 'done', ?, 'text')`);
  const insertOutbound = db.prepare(`INSERT INTO OutboundMessage (targetKind, target, text, urgent, origin, createdAt, status, sentAt, attempts, reserved)
    VALUES (?, ?, ?, 0, ?, ?, 'sent', ?, 1, ?)`);
  const insertPending = db.prepare('INSERT INTO PendingAction (personId, kind, payload, createdAt, expiresAt, doneAt) VALUES (?, ?, ?, ?, ?, ?)');

  const counts: HistoryCounts = { residents, tickets: 0, events: 0, inbound: 0, outbound: 0, pending: 0 };
  const start = shape.end.getTime() - shape.days * DAY;
  const step = (shape.days * DAY) / Math.max(1, shape.tickets);
  db.transaction(() => {
    const firstPerson = (db.prepare('SELECT COALESCE(MAX(id), 0) AS m FROM Person').get() as { m: number }).m + 1;
    for (let r = 0; r < residents; r++) insertPerson.run(`居民${r}`, `history-resident-${r}`, `history-chat-${r}`, String(1 + (r % 6)), iso(start));
    for (let i = 0; i < shape.tickets; i++) {
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
      const { lastInsertRowid } = insertTicket.run(
        status, category, random() < 0.05 ? 'urgent' : 'normal', 'building', holder, grid.name, building, text, room, reporter,
        iso(created), iso(updated), iso(created), acceptBy && iso(acceptBy), acceptedAt && iso(acceptedAt), resolveBy && iso(resolveBy),
        resolvedAt && iso(resolvedAt), resolvedAt ? '已处理' : null, resolvedAt && status === 'resolved' ? iso(resolvedAt + 3 * DAY) : null, rating,
        closedAt && iso(closedAt),
      );
      const id = Number(lastInsertRowid);
      const event = (at: number, kind: string, st: string, escalated = 0) => {
        insertEvent.run(id, iso(at), kind, st, 'building', holder, kind === 'created' ? null : JSON.parse(holder)[0], escalated);
        counts.events++;
      };
      event(created, 'created', 'assigned');
      if (acceptedAt && random() < 0.1) event(acceptedAt - HOUR / 10, 'escalated', 'assigned', 1);
      if (acceptedAt) event(acceptedAt, 'accepted', 'accepted');
      if (resolvedAt) event(resolvedAt, 'resolved', 'resolved');
      if (closedAt) event(closedAt, status === 'cancelled' ? 'cancelled' : 'closed', status);
      for (let k = 0; k < INBOUND_PER_TICKET; k++) {
        const at = created + (k - 5) * 7 * 60_000;
        const said = k === 5 ? text : pick(TEXTS);
        insertInbound.run(`history-${i}-${k}`, room, chat, `居民${i % residents}`, said, `${room}|${chat}|${said}`, iso(at), iso(at + 20));
      }
      for (let k = 0; k < OUTBOUND_PER_TICKET; k++) {
        const at = created + k * 30 * 60_000;
        insertOutbound.run(k % 2 ? 'contact' : 'room', k % 2 ? JSON.parse(holder)[0] : room, '【工单】收到，已转楼栋长处理。', `ticket:${id}`, iso(at), iso(at + 1500), k % 2);
      }
      insertPending.run(reporter, `followup:${room}`, JSON.stringify({ text, ticketId: id }), iso(created), iso(created + 5 * 60_000), random() < 0.5 ? iso(created + 60_000) : null);
      counts.tickets++;
      counts.inbound += INBOUND_PER_TICKET;
      counts.outbound += OUTBOUND_PER_TICKET;
      counts.pending++;
    }
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
