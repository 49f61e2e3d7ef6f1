/**
 * The one place that wires features into the bot: their commands, their answers to
 * questions in words, and their minute sweeps. A feature adds itself here.
 */
import type { CommandSpec } from '../commands/types.js';
import type { MessageContext } from '../kernel/context.js';
import type { Sweep } from '../kernel/sweep.js';
import type { Intake } from '../intake/index.js';
import { ticketCommands, answerTicketQuery } from '../tickets/commands.js';
import { escalateOverdueTickets, nextOverdueAt } from '../tickets/escalate-overdue.js';
import { closeUnratedTickets, nextUnratedCloseAt } from '../tickets/close-unrated.js';
import { makeHelpCommand } from './help.js';
import { directoryCommands, answerDirectoryQuery } from '../directory/answer.js';
import { nextDigestDue, postDailyDigest } from '../reports/post-digest.js';
import { bindingCommands } from '../people/bind.js';
import { volunteerCommands, answerVolunteerQuery, handleSignupInWords, volunteerSweeps } from '../volunteers/index.js';
import { nextNoticeDue, noticeCommands, postDueNotices } from '../notices/index.js';
import { consoleLoginCommand } from '../console/login-command.js';
import { nextPurgeAt, purgeOldRows } from './housekeeping.js';

/** Answers a `query` message if it is about this feature; false to let the next one try. */
export type QueryAnswerer = (ctx: MessageContext, intake: Intake) => Promise<boolean>;

/** Handles a `signup` message in words (算我一个, +1…). */
export type SignupHandler = (ctx: MessageContext, intake: Intake) => Promise<boolean>;

export type { Sweep } from '../kernel/sweep.js';

// 帮助 lists this very table, read when it is asked for.
const helpCommand = makeHelpCommand(() => commandSpecs);

export const commandSpecs: CommandSpec[] = [...ticketCommands, helpCommand, ...bindingCommands, ...volunteerCommands, ...noticeCommands, ...directoryCommands, consoleLoginCommand];

export const queryAnswerers: QueryAnswerer[] = [answerTicketQuery, answerVolunteerQuery, answerDirectoryQuery];

export const signupHandlers: SignupHandler[] = [handleSignupInWords];

export const sweeps: Sweep[] = [{ name: 'escalate-overdue-tickets', run: escalateOverdueTickets, nextDue: nextOverdueAt }, { name: 'close-unrated-tickets', run: closeUnratedTickets, nextDue: nextUnratedCloseAt }, ...volunteerSweeps, { name: 'post-due-notices', run: postDueNotices, nextDue: nextNoticeDue }, { name: 'post-daily-digest', run: postDailyDigest, nextDue: nextDigestDue }, { name: 'purge-old-rows', run: purgeOldRows, nextDue: nextPurgeAt }];
