/**
 * One WeChat login carrying the bots of several communities (an account the county file
 * lists for several, or a county file listing no accounts). Each bot gets a view of the
 * login that hands it only its own community's messages (app/lane-router.ts) and sends
 * through the one login; the bots share the account's send budget (chat/outbox.ts).
 */
import type { ChatMessage, ChatPort, ChatTarget, OutboundFile } from '../chat/port.js';
import type { Logger } from '../log.js';
import type { LaneRouter } from './lane-router.js';

/** How a direct message's sender, or a message's contact target, is known to the router. */
function personKey(who: { alias?: string; chatId?: string }): string | undefined {
  if (who.alias) return who.alias;
  return who.chatId ? `id:${who.chatId}` : undefined;
}

export class SharedLogin {
  private readonly handlers: ((m: ChatMessage) => Promise<void>)[] = [];
  private readonly ready: (() => Promise<void>)[] = [];
  private readonly friendsChanged: (() => Promise<void>)[] = [];

  constructor(
    private readonly chat: ChatPort,
    private readonly router: LaneRouter,
    private readonly log: Logger,
    /**
     * Where a person the router does not know (after a restart) last spoke in a group, as
     * the database remembers: the lane their direct message goes to.
     */
    private readonly homeOf?: (sender: { alias?: string; chatId: string }) => Promise<number | undefined>,
  ) {
    chat.onMessage((m) => this.deliver(m));
    chat.onReady(async () => {
      for (const handler of this.ready) await handler();
    });
    chat.onFriendsChanged?.(async () => {
      for (const handler of this.friendsChanged) await handler();
    });
  }

  /** The view of the login that the bot of lane `i` uses. */
  lane(i: number): ChatPort {
    const { chat } = this;
    return {
      onMessage: (handler) => {
        this.handlers[i] = handler;
      },
      onReady: (handler) => {
        this.ready.push(handler);
      },
      onFriendsChanged: (handler) => {
        this.friendsChanged.push(handler);
      },
      send: async (target: ChatTarget, text: string, file?: OutboundFile) => {
        await chat.send(target, text, file);
        const person = target.kind === 'contact' ? personKey(target) : undefined;
        if (person) this.router.wrote(person, i);
      },
      setRemark: chat.setRemark ? (chatId, remark) => chat.setRemark!(chatId, remark) : undefined,
      isLoggedIn: chat.isLoggedIn ? () => chat.isLoggedIn!() : undefined,
      friends: chat.friends ? () => chat.friends!() : undefined,
      missingRooms: chat.missingRooms ? (topics) => chat.missingRooms!(topics) : undefined,
      // The login starts and stops once, with the process.
      start: async () => undefined,
      stop: async () => undefined,
    };
  }

  private async deliver(m: ChatMessage): Promise<void> {
    const person = personKey({ alias: m.sender.alias, chatId: m.sender.chatId });
    let lanes: number[];
    if (m.room) {
      this.router.spoke(person, m.room.topic);
      lanes = this.router.room(m.room.topic);
      // A group of none of the communities: the first bot meets it as any bot meets a stranger group.
      if (lanes.length === 0) lanes = [0];
    } else {
      if (person && !this.router.knows(person)) {
        const home = await this.homeOf?.(m.sender).catch((err: unknown) => {
          this.log.warn({ err }, 'could not look up where a person spoke');
          return undefined;
        });
        if (home !== undefined) this.router.spokeInLane(person, home);
      }
      lanes = this.router.direct(person, m.text);
    }
    for (const [n, i] of lanes.entries()) {
      const handler = this.handlers[i];
      // County staff writing 全县 reach several bots of this one account: each stores its own
      // copy (a message id is unique per account), under an id that a replay repeats.
      if (handler) await handler(n === 0 ? m : { ...m, id: `${m.id}@${i}` });
      else this.log.warn({ lane: i, messageId: m.id }, 'no bot for this community yet: message left to the journal');
    }
  }
}
