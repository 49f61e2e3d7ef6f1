import type { AppContext } from '../app/context.js';
import { HOUR } from '../clock.js';
import { reminderText } from './messages.js';
import { personKey } from './people.js';
import { SWEEP_BATCH } from '../app/sweep-batch.js';

export const REMIND_BEFORE_MS = HOUR;

/**
 * Sweep: an hour before an activity, each confirmed volunteer is reminded — once. One
 * activity per transaction (its volunteers can be many): true when more may be due.
 */
export async function remindUpcomingActivities(ctx: AppContext): Promise<boolean> {
  const now = ctx.clock.now();
  const due = await ctx.db.activity.findMany({
    where: { status: 'open', remindedAt: null, startsAt: { gt: now, lte: new Date(now.getTime() + REMIND_BEFORE_MS) } },
    orderBy: { startsAt: 'asc' },
    take: 1,
  });
  for (const a of due) {
    // Claimed by a conditional update: a second sweep or process finds it taken.
    const claimed = await ctx.db.activity.updateMany({ where: { id: a.id, remindedAt: null }, data: { remindedAt: now } });
    if (claimed.count === 0) continue;
    const going = await ctx.db.signup.findMany({ where: { activityId: a.id, status: 'confirmed' }, include: { person: true }, orderBy: { id: 'asc' } });
    for (const s of going) {
      await ctx.send({ target: { kind: 'contact', alias: personKey(s.person) }, text: reminderText(a, ctx.config.timeZone), origin: `activity:${a.id}` });
    }
  }
  return due.length > 0;
}

/** When the next reminder falls due: an hour before the next unreminded activity. */
export async function nextReminderDue(ctx: AppContext): Promise<Date | null> {
  const a = await ctx.db.activity.findFirst({
    where: { status: 'open', remindedAt: null, startsAt: { gt: ctx.clock.now() } },
    orderBy: { startsAt: 'asc' },
    select: { startsAt: true },
  });
  return a ? new Date(a.startsAt.getTime() - REMIND_BEFORE_MS) : null;
}
