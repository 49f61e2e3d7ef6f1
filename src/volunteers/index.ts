/** The volunteers feature as the bot wires it (src/app/features.ts). */
import type { Sweep } from '../kernel/sweep.js';
import { lapseExpiredRedemptions, nextLapseDue } from './redemption.js';
import { nextReminderDue, remindUpcomingActivities } from './remind.js';

export { volunteerCommands } from './commands.js';
export { answerVolunteerQuery, handleSignupInWords } from './intake.js';

export const volunteerSweeps: Sweep[] = [
  { name: 'remind-upcoming-activities', run: remindUpcomingActivities, nextDue: nextReminderDue },
  { name: 'lapse-expired-redemptions', run: lapseExpiredRedemptions, nextDue: nextLapseDue },
];
