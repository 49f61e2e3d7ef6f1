import type { Clock } from '../clock.js';
import type { Config } from '../config.js';
import type { EventSink } from '../events.js';
import type { Logger } from '../log.js';
import type { OrgDirectory, RoomInfo } from '../org/directory.js';
import type { PostHolding } from '../org/types.js';
import type { Tx } from '../store/db.js';
export type { Classifier, IntakeContext } from './classifier.js';
import type { ResidentHome } from '../store/residents.js';
import type { Classifier } from './classifier.js';
import type { OutboundRequest } from './outbound.js';
import type { MessageCounters } from './counters.js';

/** The person who sent a message, as the bot recognised them. */
export interface Speaker {
  personId: number;
  /** WeChat alias (微信号), or `p:<person id>` when the protocol gives none. */
  alias: string;
  name: string;
  posts: PostHolding[];
  isStaff: boolean;
  /** Holds any post of the organisation file. */
  isHolder: boolean;
  /**
   * Known by something that survives a re-login (WeChat id, the bot's remark, a binding),
   * not only by this login's contact id: what they own (points) needs this.
   */
  verified: boolean;
  /**
   * Where they registered to live, when it was read with them (a sender with a WeChat id);
   * else read with `residentHome` when needed.
   */
  home?: ResidentHome;
}

/**
 * What a use-case receives: the transaction it runs in, the clock, the organisation and
 * the ways out (queued messages and events). Nothing here talks to WeChat directly.
 */
export interface AppContext {
  db: Tx;
  clock: Clock;
  config: Readonly<Config>;
  org: OrgDirectory;
  events: EventSink;
  log: Logger;
  classifier: Classifier;
  /** Queues a message in the same transaction as the change that caused it. */
  send(req: OutboundRequest): Promise<void>;
}

/** A message being handled: the context plus who said it, where, and a way to answer. */
export interface MessageContext extends AppContext {
  speaker: Speaker;
  /** The group it was said in; undefined for a direct message. */
  room?: RoomInfo;
  /** The normalised text. */
  text: string;
  mentioned: boolean;
  inboundId: number;
  /**
   * Answers where the message came from: the group, or the direct chat. Within the abuse
   * limits (src/abuse): a sender who caused too many answers this hour hears no more, and
   * a group whose reply budget is spent hears nothing — the sender gets it by direct message.
   */
  reply(text: string, opts?: { urgent?: boolean }): Promise<void>;
  /**
   * A refusal or a limit notice, for the sender alone: a direct message even when they
   * spoke in a group, at most once a minute from a group (a few from a direct chat).
   */
  replyPrivately(text: string): Promise<void>;
  /** A direct message to a person by alias. */
  tell(alias: string, text: string, opts?: { urgent?: boolean; origin?: string; repeatable?: boolean }): Promise<void>;
  /** After the transaction commits, writes this remark (备注) on the sender's contact. */
  rememberContact(remarkKey: string): void;
  /** The abuse counters this message touches, written together before it commits (src/abuse/guard.ts). */
  counters?: MessageCounters;
}
