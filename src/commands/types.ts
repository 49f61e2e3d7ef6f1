import type { MessageContext, Speaker } from '../kernel/context.js';
import type { OrgDirectory } from '../org/directory.js';

export interface CommandSpec {
  /** The canonical word, e.g. `接单`. */
  name: string;
  aliases?: string[];
  /** One line of usage for `帮助`, in Chinese. */
  usage: string;
  /** Who sees it in `帮助` and may use it at all; finer checks live in the handler. */
  audience: 'anyone' | 'resident' | 'holder' | 'staff';
  /** Only in a direct chat, only in a group, or both. */
  where?: 'dm' | 'group' | 'any';
  /**
   * Whether these arguments make this message the command at all. When false the
   * message is read as ordinary text (报名参加植树… is a sign-up in words, not `报名 #A1`).
   */
  accepts?(args: string): boolean;
  /** May this speaker use it? Refused with `deniedMessage` when not. */
  allowed?(speaker: Speaker, org: OrgDirectory): boolean;
  deniedMessage?: string;
  handle(ctx: MessageContext, args: string): Promise<void>;
}

/** The one permission rule: the command's own check, else its audience. Dispatch refuses by it; 帮助 lists by it. */
export function mayUse(c: CommandSpec, s: Speaker, org: OrgDirectory): boolean {
  if (c.allowed) return c.allowed(s, org);
  if (c.audience === 'staff') return s.isStaff;
  if (c.audience === 'holder') return s.isHolder;
  return true;
}
