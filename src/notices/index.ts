/** The notices feature, as features.ts wires it. */
export { noticeCommands } from './commands.js';
export { postDueNotices } from './post-due-notices.js';
