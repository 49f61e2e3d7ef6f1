import type { AppContext } from '../kernel/context.js';
import { HOUR } from '../clock.js';
import { reminderText } from './messages.js';
import { personKey } from './people.js';
import { claimActivityReminder, confirmedVolunteers, nextActivityToRemind, nextUnremindedStart } from '../store/activities.js';

export const REMIND_BEFORE_MS = HOUR;

/**
 * Sweep: an hour before an activity, each confirmed volunteer is reminded — once. One
 * activity per transaction (its volunteers can be many): true when more may be due.
 */
export async function remindUpcomingActivities(ctx: AppContext): Promise<boolean> {
  const now = ctx.clock.now();
  const due = await nextActivityToRemind(ctx.db, now, new Date(now.getTime() + REMIND_BEFORE_MS));
  for (const a of due) {
    // Claimed by a conditional update: a second sweep or process finds it taken.
    if (!(await claimActivityReminder(ctx.db, a.id, now))) continue;
    for (const person of await confirmedVolunteers(ctx.db, a.id)) {
      await ctx.send({ target: { kind: 'contact', alias: personKey(person) }, text: reminderText(a, ctx.config.timeZone), origin: `activity:${a.id}` });
    }
  }
  return due.length > 0;
}

/** When the next reminder falls due: an hour before the next unreminded activity. */
export async function nextReminderDue(ctx: AppContext): Promise<Date | null> {
  const startsAt = await nextUnremindedStart(ctx.db, ctx.clock.now());
  return startsAt ? new Date(startsAt.getTime() - REMIND_BEFORE_MS) : null;
}
