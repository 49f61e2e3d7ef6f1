import type { AppContext } from '../kernel/context.js';
import { jsonList } from '../store/db.js';
import { activeNoticeRuns, claimNoticeRun, dueNotices, roomsTakenFor } from '../store/notices.js';
import { takeWriteLock } from '../store/locks.js';
import { skippedReport } from './messages.js';
import { scheduleOf, type NoticeRow } from './notice-row.js';
import { postNoticeRun, recordSkippedRun } from './post-run.js';
import { planDueRuns, releaseAt, type DuePlan } from './schedule.js';

/** Before the first write: false when another process is sweeping (store/locks.ts). */
async function mayWrite(ctx: AppContext): Promise<boolean> {
  if (await takeWriteLock(ctx.db)) return true;
  ctx.log.info('another process is sweeping notices; leaving this minute to it');
  return false;
}

/** Rooms a notice run posts to in one transaction: a resident's message waits for one batch, not for 300 groups. */
export const NOTICE_ROOMS_PER_BATCH = 20;

/**
 * The minute sweep, a batch at a time: posts every notice run that is due, skips (and
 * reports) runs missed by more than the grace window, and moves each notice's next run
 * on. A run into many groups goes out over several transactions: each (notice, due,
 * room) post is unique, so the groups posted before a crash are not posted again, and the
 * notice is moved on only with its last batch (a crash before that leaves it due, and the
 * next sweep posts the groups still missing). Safe to run twice and from several
 * processes: the notice is claimed by moving its nextRunAt only if it is still what we read.
 * Returns true when there may be more to do.
 */
export async function postDueNotices(ctx: AppContext): Promise<boolean> {
  const { timeZone, noticeGraceMs } = ctx.config;
  const now = ctx.clock.now();
  const due = await dueNotices(ctx.db, now);
  const runs = due
    .map((notice) => ({ notice, plan: planDueRuns(scheduleOf(notice), notice.nextRunAt!, now, { urgent: notice.urgent, graceMs: noticeGraceMs, timeZone }) }))
    .filter((r): r is { notice: NoticeRow; plan: Extract<DuePlan, { kind: 'run' }> } => r.plan.kind === 'run');
  // Most minutes nothing is due (or it waits for 07:00): a read, and no write at all.
  if (runs.length === 0 || !(await mayWrite(ctx))) return false;
  const { notice, plan } = runs[0]!;
  const finished = await runNotice(ctx, notice, plan);
  return !finished || runs.length > 1;
}

/** One batch of a notice's run; true when the run is complete (or was taken by another sweep). */
async function runNotice(ctx: AppContext, notice: NoticeRow, plan: Extract<DuePlan, { kind: 'run' }>): Promise<boolean> {
  const rooms = jsonList(notice.targets);
  if (plan.post) {
    const taken = await roomsTakenFor(ctx.db, notice.id, plan.post);
    const waiting = rooms.filter((r) => !taken.has(r));
    if (waiting.length > NOTICE_ROOMS_PER_BATCH) {
      await postNoticeRun(ctx, notice, plan.post, waiting.slice(0, NOTICE_ROOMS_PER_BATCH));
      return false;
    }
  }
  if (!(await claimNoticeRun(ctx.db, notice.id, notice.nextRunAt, plan.next))) return true; // another sweep moved it on meanwhile
  const missed: Date[] = [];
  for (const d of plan.skipped) if ((await recordSkippedRun(ctx, notice.id, d, rooms)) > 0) missed.push(d);
  if (missed.length > 0) await reportMissedRuns(ctx, notice, missed, plan.next);
  if (plan.post) await postNoticeRun(ctx, notice, plan.post, rooms);
  return true;
}

/** Missed runs are never posted hours late; staff learn of them instead. */
async function reportMissedRuns(ctx: AppContext, notice: NoticeRow, missed: Date[], next: Date | null): Promise<void> {
  const { timeZone, noticeGraceMs } = ctx.config;
  ctx.log.warn({ notice: notice.id, missed: missed.map((d) => d.toISOString()) }, 'notice runs missed beyond the grace window were skipped');
  const text = skippedReport(notice.id, missed, next, Math.round(noticeGraceMs / 60_000), timeZone);
  const staffRooms = ctx.org.staffRooms();
  if (staffRooms.length === 0) {
    await ctx.send({ target: { kind: 'contact', alias: notice.createdBy }, text, origin: `notice-report:${notice.id}` });
    return;
  }
  for (const r of staffRooms) await ctx.send({ target: { kind: 'room', topic: r.topic }, text, origin: `notice-report:${notice.id}` });
}

/**
 * When the sweep next has work: the earliest run any active notice may go out (after
 * quiet hours for non-urgent ones). The simulator skips the idle minutes before it.
 */
export async function nextNoticeDue(ctx: AppContext): Promise<Date | null> {
  let earliest: Date | null = null;
  for (const n of await activeNoticeRuns(ctx.db)) {
    const at = releaseAt(n.nextRunAt, n.urgent, ctx.config.timeZone);
    if (!earliest || at < earliest) earliest = at;
  }
  return earliest;
}
