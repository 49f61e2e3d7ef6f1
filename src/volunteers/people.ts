import type { Tx } from '../store/db.js';
import { peopleNamed, personById, personByWechatIdOnly } from '../store/identity.js';

export interface PersonRow {
  id: number;
  name: string;
  alias: string | null;
  chatId: string | null;
  remarkKey?: string | null;
}

export { personKey } from '../app/identify.js';

export type Lookup = { ok: true; person: PersonRow } | { ok: false; why: 'unknown' | 'ambiguous' | 'unverified' };

/**
 * Known by something no nickname can copy: a WeChat id, or the remark the bot wrote after
 * a binding or a direct chat. Points go only to such a person.
 */
export const isStablePerson = (p: PersonRow) => !!p.alias || !!p.remarkKey;

/** `p:12`: the roster key the console and events show for a person without a WeChat id. */
const ROSTER_KEY = /^p:(\d{1,9})$/;

/**
 * Finds a person by what an organiser typed: a WeChat alias, a roster key, else a name —
 * among the given people first (those who signed up), then everyone the bot knows. Two
 * people of one name are never guessed between, and a name never resolves to somebody
 * known only by that name (anyone can take a nickname).
 */
export async function findPerson(tx: Tx, token: string, among: PersonRow[]): Promise<Lookup> {
  const t = token.replace(/^@/, '');
  const local = among.filter((p) => p.alias === t);
  if (local.length === 1) return { ok: true, person: local[0] };
  const byAlias = await personByWechatIdOnly(tx, t);
  if (byAlias) return { ok: true, person: byAlias };
  const roster = ROSTER_KEY.exec(t);
  if (roster) {
    const byKey = await personById(tx, Number(roster[1]));
    if (!byKey) return { ok: false, why: 'unknown' };
    return isStablePerson(byKey) ? { ok: true, person: byKey } : { ok: false, why: 'unverified' };
  }
  const named = among.filter((p) => p.name === t);
  if (named.length > 1) return { ok: false, why: 'ambiguous' };
  const everyone = named.length === 1 ? named : await peopleNamed(tx, t, 2);
  if (everyone.length > 1) return { ok: false, why: 'ambiguous' };
  if (everyone.length === 0) return { ok: false, why: 'unknown' };
  return isStablePerson(everyone[0]) ? { ok: true, person: everyone[0] } : { ok: false, why: 'unverified' };
}

/** Why a name could not be given points, in words for the organiser. */
export function lookupRefusal(token: string, why: 'unknown' | 'ambiguous' | 'unverified'): string {
  if (why === 'ambiguous') return `「${token}」有重名，请用微信号。`;
  if (why === 'unverified') return `「${token}」只有微信昵称，谁都能改成这个名字，不能据此记积分：请用微信号，或让本人先私聊我一次（绑定）后再试。`;
  return `没有找到「${token}」，请用微信号。`;
}
