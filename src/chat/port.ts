/**
 * Our own small chat port: all the bot needs from WeChat. The Wechaty adapter implements
 * it over any puppet; tests and the simulator use the same adapter over the mock puppet.
 */

export interface ChatMessage {
  /** The protocol's message id, for de-duplication. */
  id: string;
  /** Set for a group message; undefined for a direct message to the bot. */
  room?: { topic: string; chatId: string };
  /**
   * alias: the WeChat id (微信号) where the puppet gives one; remark: the remark (备注) on
   * the contact, which only the bot's account can write; friend: the contact is the
   * bot's friend (only then can a remark be set). `name` is for greeting, never for
   * recognising anyone.
   */
  sender: { chatId: string; alias?: string; name: string; remark?: string; friend?: boolean };
  /** Text as received, before normalisation. */
  text: string;
  /** The bot was @-mentioned (by the protocol's mention list). */
  mentionsBot: boolean;
  /** When the protocol says it was sent (protocol time, for skipping stale replays). */
  sentAt: Date;
  /** A photo, short video or voice note (the text is then empty). */
  media?: InboundMedia;
  /** A shared location (位置). */
  location?: { name: string; address: string };
  /** The earlier message a reply quotes (引用), as WeChat shows it (`name：text`); `text` is then the reply alone. */
  quote?: { name?: string; text: string };
}

export type MediaKind = 'image' | 'video' | 'audio';

/** A file that came with a message; read lazily so that an oversized one is never loaded whole. */
export interface InboundMedia {
  kind: MediaKind;
  /** Length of a voice note, when the protocol says (known once `read` was called). */
  durationMs?: number;
  /** The bytes, or `too_large` when the file is over the cap. */
  read(maxBytes: number): Promise<Buffer | 'too_large'>;
}

/** A file the bot sends (a resident's photo forwarded to a holder). */
export interface OutboundFile {
  kind: MediaKind;
  name: string;
  bytes: Buffer;
}

export type ChatTarget =
  | { kind: 'room'; topic: string }
  | { kind: 'contact'; alias?: string; chatId?: string; remarkKey?: string };

export type SendFailure = 'too_often' | 'unknown_target' | 'offline' | 'other';

export class SendError extends Error {
  constructor(
    message: string,
    readonly reason: SendFailure,
  ) {
    super(message);
    this.name = 'SendError';
  }
}

export interface ChatPort {
  /** Registers the single inbound handler; it must never throw. */
  onMessage(handler: (message: ChatMessage) => Promise<void>): void;
  /** Called after every (re)login, once rooms can be looked up. */
  onReady(handler: () => Promise<void>): void;
  /** Sends the text, or the file instead when one is given. */
  send(target: ChatTarget, text: string, file?: OutboundFile): Promise<void>;
  /** Writes the remark (备注) on a contact of this login; true when WeChat kept it. */
  setRemark?(chatId: string, remark: string): Promise<boolean>;
  /** Logged in to WeChat now (a running process that is not counts as offline beside other accounts). */
  isLoggedIn?(): boolean;
  /** The WeChat ids (微信号) of this login's friends: a direct message can reach only them. */
  friends?(): Promise<string[]>;
  /** Called when WeChat says a friendship changed (a new friend accepted). */
  onFriendsChanged?(handler: () => Promise<void>): void;
  /** Of these group names, the ones the logged-in account is not in (to warn the installer). */
  missingRooms?(topics: string[]): Promise<string[]>;
  start(): Promise<void>;
  stop(): Promise<void>;
}
