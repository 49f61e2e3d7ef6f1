/** The notices feature, as features.ts wires it. */
export { noticeCommands } from './commands.js';
export { nextNoticeDue, postDueNotices } from './post-due-notices.js';
