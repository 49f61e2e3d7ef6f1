/**
 * Posts the daily digest at config.digestTime (community time), exactly once a day: a
 * KeyValue row per day is the run's key, written in the same transaction as the queued
 * messages, so a second sweep, a restart or a second process finds it and does nothing.
 * A bot that was down at that time still posts when it comes back within DIGEST_LATE_MS.
 */
import type { AppContext } from '../kernel/context.js';
import { DAY, HOUR } from '../clock.js';
import { formatShort, localDayKey, startOfLocalDay, zonedParts, zonedTime } from '../time.js';
import { acceptDeadlineFor, loadHistories } from './load.js';
import { digestFigures, digestLines, gridSection, isQuiet } from './digest.js';
import { claimOnce, hasRun } from '../store/runs.js';

export const DIGEST_LATE_MS = 2 * HOUR;

const runKey = (day: string) => `digest:${day}`;

/** Today's digest time as an instant. */
export function digestTimeOn(now: Date, digestTime: string, timeZone: string): Date {
  const [h, m] = digestTime.split(':').map(Number);
  const p = zonedParts(now, timeZone);
  return zonedTime(timeZone, p.year, p.month, p.day, h, m);
}

export async function nextDigestDue(ctx: AppContext): Promise<Date | null> {
  const now = ctx.clock.now();
  const { timeZone, digestTime } = ctx.config;
  const today = digestTimeOn(now, digestTime, timeZone);
  if (now < today) return today;
  const done = await hasRun(ctx.db, runKey(localDayKey(now, timeZone)));
  if (!done && now.getTime() < today.getTime() + DIGEST_LATE_MS) return now;
  return digestTimeOn(new Date(today.getTime() + DAY + 2 * HOUR), digestTime, timeZone);
}

export async function postDailyDigest(ctx: AppContext): Promise<void> {
  const now = ctx.clock.now();
  const { timeZone, digestTime } = ctx.config;
  const due = digestTimeOn(now, digestTime, timeZone);
  if (now < due || now.getTime() >= due.getTime() + DIGEST_LATE_MS) return;
  const dayKey = localDayKey(now, timeZone);
  const key = runKey(dayKey);
  if (!(await claimOnce(ctx.db, key, now))) return;

  const day = { from: startOfLocalDay(now, timeZone), to: now };
  const week = { from: new Date(now.getTime() - 7 * DAY), to: now };
  const all = await loadHistories(ctx.db, week, { open: true });
  const deadline = acceptDeadlineFor(ctx.org.org, timeZone);
  const title = `【每日工单简报】${formatShort(now, timeZone).split(' ')[0]}`;

  const community = digestFigures(all, day, week, deadline);
  const perGrid = ctx.org.grids.map((g) => ({ grid: g.name, f: digestFigures(all.filter((h) => h.ticket.grid === g.name), day, week, deadline) }));
  const staffText = [`${title} ${ctx.org.communityName}`, ...digestLines(community), '各网格：', ...gridSection(perGrid)].join('\n');
  for (const room of ctx.org.staffRooms()) {
    await ctx.send({ target: { kind: 'room', topic: room.topic }, text: staffText, origin: `digest:${dayKey}` });
  }
  // One message per secretary, a section per grid they lead that had work.
  const bySecretary = new Map<string, string[]>();
  for (const { grid, f } of perGrid) {
    if (isQuiet(f)) continue;
    for (const s of ctx.org.holders('branch_secretary', { grid })) {
      const sections = bySecretary.get(s.alias) ?? [];
      sections.push([`${grid}：`, ...digestLines(f)].join('\n'));
      bySecretary.set(s.alias, sections);
    }
  }
  for (const [alias, sections] of bySecretary) {
    await ctx.send({ target: { kind: 'contact', alias }, text: `${title}\n${sections.join('\n\n')}`, origin: `digest:${dayKey}` });
  }
}
