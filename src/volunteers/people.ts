import type { Tx } from '../store/db.js';

export interface PersonRow {
  id: number;
  name: string;
  alias: string | null;
  chatId: string | null;
}

export { personKey } from '../app/identify.js';

export type Lookup = { ok: true; person: PersonRow } | { ok: false; why: 'unknown' | 'ambiguous' };

/**
 * Finds a person by what an organiser typed: a WeChat alias, else a name — among the
 * given people first (those who signed up), then everyone the bot knows. Two people of
 * one name are never guessed between.
 */
export async function findPerson(tx: Tx, token: string, among: PersonRow[]): Promise<Lookup> {
  const t = token.replace(/^@/, '');
  const local = among.filter((p) => p.alias === t);
  if (local.length === 1) return { ok: true, person: local[0] };
  const byAlias = await tx.person.findUnique({ where: { alias: t } });
  if (byAlias) return { ok: true, person: byAlias };
  const named = among.filter((p) => p.name === t);
  if (named.length === 1) return { ok: true, person: named[0] };
  if (named.length > 1) return { ok: false, why: 'ambiguous' };
  const everyone = await tx.person.findMany({ where: { name: t }, take: 2 });
  if (everyone.length === 1) return { ok: true, person: everyone[0] };
  return { ok: false, why: everyone.length ? 'ambiguous' : 'unknown' };
}
