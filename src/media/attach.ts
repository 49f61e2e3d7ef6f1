/**
 * Photos, videos and voice notes on tickets: a file sent within two minutes of the same
 * person's report (either order) belongs to that ticket and goes to its holders by
 * direct message; a holder's photo after `办结 #N` goes to the resident as proof. Files
 * go only to people, never to a group.
 */
import type { AppContext, MessageContext } from '../kernel/context.js';
import { mediaText, MEDIA_LABELS } from '../chat/media.js';
import { publicPhones } from '../directory/lookup.js';
import {
  attachLooseMedia,
  attachMedia,
  latestReportSince,
  latestResolvedBy,
  mediaOfTicket,
  ownInboundMedia,
  recordMediaInHistory,
  reporterKeyOf,
  ticketHoldersIfOpen,
  type MediaRow,
} from '../store/media.js';
import { claimOnce } from '../store/runs.js';
import { localDayKey } from '../time.js';
import { photoForHolder, proofForResident, proofThanks, voiceHint } from './messages.js';

/** A file and a report by the same person this close together belong together. */
export const ATTACH_WINDOW_MS = 2 * 60_000;
/** A holder's photo this soon after `办结` is the proof of it. */
export const PROOF_WINDOW_MS = 10 * 60_000;

async function forward(ctx: AppContext, ticketId: number, media: MediaRow[], to: string[]): Promise<void> {
  for (const m of media) {
    for (const alias of to) {
      await ctx.send({ target: { kind: 'contact', alias }, text: mediaText(m.kind, m.durationMs), mediaId: m.id, origin: `ticket:${ticketId}` });
    }
  }
}

/** "图片 2 张、语音 1 条". */
function countFiles(media: Pick<MediaRow, 'kind' | 'role'>[]): string {
  const counts = new Map<string, number>();
  for (const m of media) {
    const what = m.role === 'proof' ? '办结照片' : MEDIA_LABELS[m.kind];
    counts.set(what, (counts.get(what) ?? 0) + 1);
  }
  return [...counts].map(([what, n]) => `${what} ${n} ${what === '语音' ? '条' : what === '视频' ? '段' : '张'}`).join('、');
}

/** "附：图片 2 张、语音 1 条（随后发来）" for the new-ticket message; empty without files. */
export function attachmentLine(media: MediaRow[]): string {
  return media.length ? `\n附：${countFiles(media)}（随后发来）` : '';
}

/** "，附图片 2 张" after a ticket's progress (查询): its history keeps the files. */
export async function attachmentSummary(ctx: AppContext, ticketId: number): Promise<string> {
  const media = await mediaOfTicket(ctx.db, ticketId);
  return media.length ? `\n附：${countFiles(media)}` : '';
}

/**
 * A new ticket (or a repeated report joined to one) takes the files its reporter sent in
 * the two minutes before. Returns them; the caller sends them after its message.
 */
export async function takeEarlierMedia(ctx: MessageContext, ticketId: number): Promise<MediaRow[]> {
  const since = new Date(ctx.clock.now().getTime() - ATTACH_WINDOW_MS);
  const media = await attachLooseMedia(ctx.db, ctx.speaker.personId, since, ticketId);
  for (const m of media) await recordMediaInHistory(ctx.db, ticketId, m, ctx.speaker.alias, ctx.clock.now());
  return media;
}

/** Sends a ticket's new files to holders, after the message that introduces them. */
export async function sendMediaTo(ctx: AppContext, ticketId: number, media: MediaRow[], holders: string[]): Promise<void> {
  await forward(ctx, ticketId, media, holders);
}

/** Marks the message's file as the speaker's (before their words may open a ticket). */
export async function ownMedia(ctx: MessageContext): Promise<void> {
  await ownInboundMedia(ctx.db, ctx.inboundId, ctx.speaker.personId);
}

/**
 * A photo, video or (untranscribed) voice note: proof of a fix from a holder, else part
 * of the sender's report in view, else kept for a report that follows. True when it
 * went to a ticket.
 */
export async function placeMedia(ctx: MessageContext): Promise<boolean> {
  const media = await ownInboundMedia(ctx.db, ctx.inboundId, ctx.speaker.personId);
  if (!media) return false;
  if (media.ticketId !== null) return true; // a transcribed voice note that opened its ticket
  const now = ctx.clock.now();
  if (ctx.speaker.isHolder && media.kind !== 'audio') {
    const resolved = await latestResolvedBy(ctx.db, ctx.speaker.alias, new Date(now.getTime() - PROOF_WINDOW_MS));
    if (resolved !== undefined) {
      await attachMedia(ctx.db, media.id, resolved, 'proof');
      await recordMediaInHistory(ctx.db, resolved, { ...media, role: 'proof' }, ctx.speaker.alias, now);
      const reporter = await reporterKeyOf(ctx.db, resolved);
      if (reporter) {
        await ctx.send({ target: { kind: 'contact', alias: reporter }, text: proofForResident(resolved), origin: `ticket:${resolved}` });
        await forward(ctx, resolved, [media], [reporter]);
      }
      await ctx.reply(proofThanks(resolved));
      return true;
    }
  }
  const report = await latestReportSince(ctx.db, ctx.speaker.personId, new Date(now.getTime() - ATTACH_WINDOW_MS));
  if (!report) return false; // kept: a report in the next two minutes takes it
  const ticketId = report.mergedIntoId ?? report.id;
  await attachMedia(ctx.db, media.id, ticketId, 'report');
  await recordMediaInHistory(ctx.db, ticketId, media, ctx.speaker.alias, now);
  const holders = await ticketHoldersIfOpen(ctx.db, ticketId);
  for (const alias of holders) await ctx.tell(alias, photoForHolder(ticketId, MEDIA_LABELS[media.kind]), { origin: `ticket:${ticketId}` });
  await forward(ctx, ticketId, [media], holders);
  return true;
}

/** The grid's listed public number (branch secretary first), for residents who cannot type. */
function gridPhone(ctx: MessageContext): string | undefined {
  const phones = publicPhones(ctx.org.org);
  const grid = ctx.room?.grid;
  const roles = ['branch_secretary', 'sanitation', 'mediator', 'publicity', 'culture', 'property_contact'] as const;
  for (const role of roles) {
    for (const post of ctx.org.holders(role, grid ? { grid } : {})) {
      const phone = phones.get(post.alias);
      if (phone) return phone;
    }
  }
  return undefined;
}

/**
 * A voice note nobody can listen to: a short request to type or call. In a group only
 * when it was addressed to the bot or once per sender a day; by direct message always.
 */
export async function answerVoiceNote(ctx: MessageContext): Promise<void> {
  const now = ctx.clock.now();
  if (ctx.room && !ctx.mentioned) {
    const first = await claimOnce(ctx.db, `voice-hint:${ctx.speaker.personId}:${localDayKey(now, ctx.config.timeZone)}`, now);
    if (!first) return;
  }
  await ctx.reply(voiceHint(ctx.room ? `@${ctx.speaker.name} ` : '', gridPhone(ctx)));
}
