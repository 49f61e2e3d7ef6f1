import type { ChatMessage } from '../chat/port.js';
import type { OrgDirectory } from '../org/directory.js';
import type { Tx } from '../store/db.js';
import type { Speaker } from './context.js';

/** The key events and messages use for a person: their WeChat alias, or `id:` when WeChat gave none. */
export function personKey(p: { id: number; alias: string | null; chatId: string | null }): string {
  return p.alias ?? `id:${p.chatId ?? p.id}`;
}

/** KeyValue key under which a binding remembers a contact's own WeChat alias. */
export const boundAliasKey = (alias: string) => `bound-alias:${alias}`;

/**
 * Recognises who spoke. Contact ids change between logins (they are forgotten at each
 * login), so the WeChat alias comes first, then the id learned this login, then the name
 * — and a name alone never makes someone a post-holder when that post-holder is
 * already bound to another contact this login.
 */
export async function identifySpeaker(tx: Tx, org: OrgDirectory, sender: ChatMessage['sender']): Promise<Speaker> {
  let person = null;
  if (sender.alias) {
    const bound = await tx.keyValue.findUnique({ where: { key: boundAliasKey(sender.alias) } });
    person = await tx.person.findUnique({ where: { alias: bound?.value ?? sender.alias } });
  }
  if (!person) person = await tx.person.findFirst({ where: { chatId: sender.chatId }, orderBy: { id: 'asc' } });
  if (!person && !sender.alias) {
    // By name: a post-holder not yet seen this login, else the one resident of that name.
    const holders = await tx.person.findMany({ where: { alias: { in: org.aliasesNamed(sender.name) }, chatId: null } });
    const residents = holders.length ? [] : await tx.person.findMany({ where: { name: sender.name, fromOrg: false, chatId: null }, take: 2 });
    const candidates = holders.length ? holders : residents;
    if (candidates.length === 1) person = candidates[0];
  }
  if (person) {
    const learnName = !person.fromOrg && person.name !== sender.name;
    if (person.chatId !== sender.chatId || learnName) {
      person = await tx.person.update({
        where: { id: person.id },
        data: { chatId: sender.chatId, ...(learnName ? { name: sender.name } : {}) },
      });
    }
  } else {
    person = await tx.person.create({ data: { alias: sender.alias ?? null, chatId: sender.chatId, name: sender.name } });
  }
  const alias = personKey(person);
  const posts = person.fromOrg && person.alias ? org.postsOf(person.alias) : [];
  return {
    personId: person.id,
    alias,
    name: person.name,
    posts,
    isStaff: posts.some((p) => p.role === 'staff'),
    isHolder: posts.length > 0,
  };
}
