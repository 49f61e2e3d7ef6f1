import type { ChatMessage } from '../chat/port.js';
import type { OrgDirectory } from '../org/directory.js';
import type { Tx } from '../store/db.js';
import type { Speaker } from './context.js';

/**
 * Recognises who spoke. Contact ids change between logins, so the WeChat alias comes
 * first, then the id learned this login, then the name — and a name alone never makes
 * someone a post-holder when that post-holder is already bound to another contact.
 */
export async function identifySpeaker(tx: Tx, org: OrgDirectory, sender: ChatMessage['sender']): Promise<Speaker> {
  let person = sender.alias ? await tx.person.findUnique({ where: { alias: sender.alias } }) : null;
  if (person) {
    if (person.chatId !== sender.chatId || (!person.fromOrg && person.name !== sender.name)) {
      person = await tx.person.update({
        where: { id: person.id },
        data: { chatId: sender.chatId, ...(person.fromOrg ? {} : { name: sender.name }) },
      });
    }
  } else {
    person = await tx.person.findFirst({ where: { chatId: sender.chatId }, orderBy: { id: 'asc' } });
    if (!person) {
      const named = org.aliasesNamed(sender.name);
      if (named.length === 1) {
        const holder = await tx.person.findUnique({ where: { alias: named[0] } });
        if (holder && !holder.chatId) person = await tx.person.update({ where: { id: holder.id }, data: { chatId: sender.chatId } });
      }
    }
    if (!person) {
      person = await tx.person.create({
        data: { alias: sender.alias ?? null, chatId: sender.chatId, name: sender.name },
      });
    }
  }
  const alias = person.alias ?? `id:${person.chatId ?? person.id}`;
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
