import type { ChatMessage } from '../chat/port.js';
import type { OrgDirectory } from '../org/directory.js';
import type { Tx } from '../store/db.js';
import {
  createResident,
  ensureRemarkKey,
  learnContact,
  personByChatId,
  personByRemarkKey,
  personByWechatId,
  releaseWaiting,
  type AlsoRead,
  type CountersRead,
  remarkKeyIn,
  type PersonRow,
} from '../store/identity.js';
import type { Speaker } from '../kernel/context.js';
import type { ResidentHome } from '../store/residents.js';

export { boundAliasKey } from '../store/identity.js';

/**
 * The key events and messages use for a person: their WeChat alias, or `p:<row id>` when
 * WeChat gave none (a contact id would change at the next login).
 */
export function personKey(p: { id: number; alias: string | null }): string {
  return p.alias ?? `p:${p.id}`;
}

/** What the puppet told about a sender. */
export type Sender = ChatMessage['sender'];

export interface Identified {
  speaker: Speaker;
  /** Set when the bot should write this remark on the sender's contact (a friend without one). */
  remark?: string;
  /** The abuse counters read with the sender, when `also` asked for them and the lookup could. */
  counters?: CountersRead;
}

/**
 * Recognises who spoke, by what cannot be typed into a nickname: the WeChat id, the
 * remark the bot wrote on the contact (WeChat keeps it across logins), or the contact id
 * WeChat gave this login. A display name never decides who someone is: a sender known
 * by nothing else is a new, unverified resident.
 */
export async function identifySpeaker(tx: Tx, org: OrgDirectory, sender: Sender, also: AlsoRead = {}): Promise<Identified> {
  let person: PersonRow | null = null;
  let verified = false;
  let home: Omit<ResidentHome, 'chatId'> | undefined;
  let counters: CountersRead | undefined;
  const remarkKey = remarkKeyIn(sender.remark);
  if (sender.alias) {
    // What the message will most likely read next comes in the same statement.
    const found = await personByWechatId(tx, sender.alias, also);
    home = found?.home;
    counters = found?.counters;
    person = found;
    verified = true;
  }
  if (!person && remarkKey) {
    person = await personByRemarkKey(tx, remarkKey);
    verified = !!person;
  }
  if (!person && !sender.alias) {
    // The contact id of this login: only ever learned from a stable match or a binding,
    // or given to a resident row made for this very contact.
    person = await personByChatId(tx, sender.chatId);
    verified = !!person && (person.fromOrg || !!person.remarkKey);
  }
  if (person) {
    const learnName = !person.fromOrg && person.name !== sender.name;
    if (person.chatId !== sender.chatId || learnName) {
      const reachableAgain = person.chatId !== sender.chatId;
      person = await learnContact(tx, person.id, { chatId: sender.chatId, ...(learnName ? { name: sender.name } : {}) });
      if (reachableAgain) await releaseWaiting(tx, personKey(person));
    }
  } else {
    person = await createResident(tx, { alias: sender.alias ?? null, chatId: sender.chatId, name: sender.name });
    home = { gridName: null, building: null, unit: null, room: null };
  }
  // A friend without a WeChat id gets the bot's remark, so the next login still knows them.
  let remark: string | undefined;
  if (!sender.alias && sender.friend && (!remarkKey || remarkKey !== person.remarkKey)) {
    remark = await ensureRemarkKey(tx, person.id);
  }
  const key = personKey(person);
  const posts = person.fromOrg && person.alias ? org.postsOf(person.alias) : [];
  return {
    speaker: {
      personId: person.id,
      alias: key,
      name: person.name,
      posts,
      isStaff: posts.some((p) => p.role === 'staff'),
      isHolder: posts.length > 0,
      verified,
      ...(home ? { home: { ...home, chatId: person.chatId } } : {}),
    },
    remark,
    ...(counters ? { counters } : {}),
  };
}
