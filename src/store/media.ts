/**
 * Photos, videos and voice notes in the database: which file, whose, and which ticket
 * it belongs to. The files themselves are in the media folder (src/chat/media.ts).
 */
import { Prisma, type MediaFile as MediaFileRecord } from '@prisma/client';
import { jsonList, type Db, type Tx } from './db.js';
import { communityRows } from './scope.js';
import { queryRows } from './sql.js';
import { OPEN_STATUSES } from '../kernel/domain.js';
import type { MediaKind } from '../chat/port.js';

export interface MediaRow {
  id: number;
  kind: MediaKind;
  path: string;
  sha256: string;
  size: number;
  durationMs: number | null;
  inboundId: number | null;
  personId: number | null;
  roomTopic: string | null;
  ticketId: number | null;
  role: string;
  transcript: string | null;
  createdAt: Date;
}

const asRow = (m: { kind: string } & Omit<MediaRow, 'kind'>): MediaRow => ({ ...m, kind: m.kind as MediaKind });

/** Whether another row still points at this file (the same photo sent twice shares it). */
export async function mediaFileInUse(db: Db | Tx, path: string): Promise<boolean> {
  return (await db.mediaFile.count({ where: { path } })) > 0;
}

/** The file that came with a message, now that its sender is known. */
export async function ownInboundMedia(tx: Tx, inboundId: number, personId: number): Promise<MediaRow | undefined> {
  const media = await tx.mediaFile.findUnique({ where: { inboundId } });
  if (!media) return undefined;
  noLooseMedia.delete(tx);
  return asRow(await tx.mediaFile.update({ where: { id: media.id }, data: { personId } }));
}

export async function mediaById(db: Db | Tx, id: number): Promise<MediaRow | undefined> {
  const m = await db.mediaFile.findUnique({ where: { id } });
  return m ? asRow(m) : undefined;
}

/** A ticket's photos and voice notes, oldest first (the ticket's history and the console). */
export async function mediaOfTicket(db: Db | Tx, ticketId: number): Promise<MediaRow[]> {
  return (await db.mediaFile.findMany({ where: { ticketId }, orderBy: { id: 'asc' } })).map(asRow);
}

/**
 * Attaches to a ticket what this person sent without a report in view since `since`
 * (a photo first, the words after). Returns what was attached.
 */
/**
 * Per transaction: a person known (from the sender lookup) to have no loose report files
 * sent at or after a time. Any change to a file in the transaction forgets it.
 */
const noLooseMedia = new WeakMap<Tx, { personId: number; since: Date }>();

export function primeNoLooseMedia(tx: Tx, personId: number, since: Date): void {
  noLooseMedia.set(tx, { personId, since });
}

export async function attachLooseMedia(tx: Tx, personId: number, since: Date, ticketId: number): Promise<MediaRow[]> {
  const none = noLooseMedia.get(tx);
  if (none && none.personId === personId && none.since <= since) return [];
  const { andMine } = communityRows(tx);
  const loose = await queryRows<MediaFileRecord>(tx, Prisma.sql`
    SELECT * FROM "MediaFile" WHERE "personId" = ${personId} AND "ticketId" IS NULL AND "role" = 'report' AND "createdAt" >= ${since}
    ${andMine} ORDER BY "id" ASC`);
  if (loose.length === 0) return [];
  await tx.mediaFile.updateMany({ where: { id: { in: loose.map((m) => m.id) } }, data: { ticketId } });
  return loose.map((m) => asRow({ ...m, ticketId }));
}

export async function attachMedia(tx: Tx, mediaId: number, ticketId: number, role: 'report' | 'proof'): Promise<void> {
  noLooseMedia.delete(tx);
  await tx.mediaFile.update({ where: { id: mediaId }, data: { ticketId, role } });
}

export async function saveTranscript(tx: Tx, inboundId: number, transcript: string): Promise<void> {
  await tx.mediaFile.updateMany({ where: { inboundId }, data: { transcript } });
}

/** The file of a stored message (to transcribe a voice note before handling it). */
export async function mediaOfInbound(db: Db | Tx, inboundId: number): Promise<MediaRow | undefined> {
  const m = await db.mediaFile.findUnique({ where: { inboundId } });
  return m ? asRow(m) : undefined;
}

const OPEN: string[] = [...OPEN_STATUSES];

/** The person's latest open report made since `since` (a photo sent just after it belongs to it). */
export async function latestReportSince(
  tx: Tx,
  personId: number,
  since: Date,
): Promise<{ id: number; mergedIntoId: number | null; building: string | null } | undefined> {
  const t = await tx.ticket.findFirst({
    where: { reporterId: personId, createdAt: { gte: since }, status: { in: [...OPEN, 'merged'] } },
    orderBy: { id: 'desc' },
    select: { id: true, mergedIntoId: true, building: true },
  });
  return t ?? undefined;
}

/** The ticket this holder marked done (办结) most recently since `since`. */
export async function latestResolvedBy(tx: Tx, alias: string, since: Date): Promise<number | undefined> {
  const e = await tx.ticketEvent.findFirst({
    where: { kind: 'resolved', actor: alias, at: { gte: since } },
    orderBy: { id: 'desc' },
    select: { ticketId: true },
  });
  return e?.ticketId;
}


/** A resident's open reports, newest first (a quoted report is found among them). */
export async function openReportsOf(tx: Tx, personId: number): Promise<{ id: number; text: string; category: string; urgency: string; building: string | null; unit: string | null; room: string | null }[]> {
  return tx.ticket.findMany({
    where: { reporterId: personId, status: { in: OPEN } },
    orderBy: { id: 'desc' },
    take: 20,
    select: { id: true, text: true, category: true, urgency: true, building: true, unit: true, room: true },
  });
}

/** The ticket's history lists its files: one silent row each (`photo 12`, `proof 13`, `voice 14`). */
export async function recordMediaInHistory(tx: Tx, ticketId: number, media: Pick<MediaRow, 'id' | 'kind' | 'role'>, actor: string, at: Date): Promise<void> {
  const t = await tx.ticket.findFirst({ where: { id: ticketId }, select: { status: true, tier: true, assignees: true } });
  if (!t) return;
  const what = media.role === 'proof' ? 'proof' : media.kind === 'audio' ? 'voice' : media.kind === 'video' ? 'video' : 'photo';
  await tx.ticketEvent.create({
    data: { ticketId, at, kind: 'media', status: t.status, tier: t.tier, assignees: t.assignees, actor, note: `${what} ${media.id}` },
  });
}

/** How to reach a ticket's reporter: their WeChat alias, else their chat id of this login. */
export async function reporterKeyOf(tx: Tx, ticketId: number): Promise<string | undefined> {
  const t = await tx.ticket.findFirst({ where: { id: ticketId }, select: { reporter: { select: { alias: true, chatId: true } } } });
  if (!t) return undefined;
  if (t.reporter.alias) return t.reporter.alias;
  return t.reporter.chatId ? `id:${t.reporter.chatId}` : undefined;
}

/** Who holds a ticket now, when it is still open (files after the fix are only kept). */
export async function ticketHoldersIfOpen(tx: Tx, ticketId: number): Promise<string[]> {
  const t = await tx.ticket.findFirst({ where: { id: ticketId }, select: { status: true, assignees: true } });
  if (!t || !OPEN.includes(t.status)) return [];
  return jsonList(t.assignees);
}
