import { parseDuration, zonedTime } from '../time.js';
import { readContent } from './content.js';

export type ScriptStep =
  | { kind: 'at'; line: number; time: Date }
  | { kind: 'wait'; line: number; ms: number }
  /** alias null: WeChat gave no id for this speaker (`[room] NAME: text`). */
  | { kind: 'say'; line: number; room: string | null; name: string; alias: string | null; text: string }
  /** An account's process stops (`offline ACCOUNT`) or runs again (`online ACCOUNT`). */
  | { kind: 'presence'; line: number; account: string; online: boolean }
  /** A person becomes an account's WeChat friend (`friend ACCOUNT NAME(ID)`) or stops being one (`unfriend …`). */
  | { kind: 'friend'; line: number; account: string; name: string; alias: string; friend: boolean };

export class ScriptError extends Error {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(`script line ${line}: ${message}`);
    this.name = 'ScriptError';
  }
}

const AT = /^at\s+(\d{4})-(\d{1,2})-(\d{1,2})\s+(\d{1,2}):(\d{2})$/;
const WAIT = /^wait\s+(\S+)$/;
const PRESENCE = /^(offline|online)\s+(\S+)$/;
const FRIEND = /^(friend|unfriend)\s+(\S+)\s+([^()（）\s]+?)\s*[(（]\s*([^()（）\s]+)\s*[)）]$/;
const SAY = /^\[([^\]]+)\]\s*([^()（）:：]+?)\s*[(（]\s*([^()（）]+?)\s*[)）]\s*[:：]\s?(.*)$/;
/** `[room] NAME: text` — no parentheses: a speaker for whom WeChat gave no id. */
const SAY_NO_ID = /^\[([^\]]+)\]\s*([^()（）:：\s][^()（）:：]*?)\s*[:：]\s?(.*)$/;

/** Strips a trailing `# comment` (a `#` after white space; `#1` in a command stays). */
function stripComment(line: string): string {
  const m = /\s+#\s.*$|\s+#$/.exec(line);
  return (m ? line.slice(0, m.index) : line).trim();
}

/** Reads a simulator script (docs/interfaces.md §2); throws ScriptError with the line number. */
export function parseScript(source: string, timeZone: string): ScriptStep[] {
  const steps: ScriptStep[] = [];
  source.split(/\r?\n/).forEach((raw, i) => {
    const line = i + 1;
    const trimmed = raw.trim();
    if (trimmed === '' || trimmed.startsWith('#')) return;
    const say = SAY.exec(trimmed);
    if (say) {
      const [, where, name, alias, text] = say;
      try {
        readContent(text.trim());
      } catch (err) {
        throw new ScriptError(line, (err as Error).message);
      }
      steps.push({ kind: 'say', line, room: where.trim().toLowerCase() === 'dm' ? null : where.trim(), name: name.trim(), alias: alias.trim(), text: text.trim() });
      return;
    }
    const noId = SAY_NO_ID.exec(trimmed);
    if (noId) {
      const [, where, name, text] = noId;
      steps.push({ kind: 'say', line, room: where.trim().toLowerCase() === 'dm' ? null : where.trim(), name: name.trim(), alias: null, text: text.trim() });
      return;
    }
    const content = stripComment(trimmed);
    const at = AT.exec(content);
    if (at) {
      const [y, mo, d, h, mi] = at.slice(1).map(Number);
      if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59) throw new ScriptError(line, `invalid time: ${content}`);
      steps.push({ kind: 'at', line, time: zonedTime(timeZone, y, mo, d, h, mi) });
      return;
    }
    const wait = WAIT.exec(content);
    if (wait) {
      const ms = parseDuration(wait[1]);
      if (ms === undefined || ms <= 0) throw new ScriptError(line, `invalid duration: ${wait[1]} (use 90s, 30m, 2h15m, 1d)`);
      steps.push({ kind: 'wait', line, ms });
      return;
    }
    const presence = PRESENCE.exec(content);
    if (presence) {
      steps.push({ kind: 'presence', line, account: presence[2], online: presence[1] === 'online' });
      return;
    }
    const friend = FRIEND.exec(content);
    if (friend) {
      steps.push({ kind: 'friend', line, account: friend[2], name: friend[3], alias: friend[4], friend: friend[1] === 'friend' });
      return;
    }
    throw new ScriptError(line, `cannot read: ${trimmed}`);
  });
  return steps;
}
