/**
 * Our own small chat port: all the bot needs from WeChat. The Wechaty adapter implements
 * it over any puppet; tests and the simulator use the same adapter over the mock puppet.
 */

export interface ChatMessage {
  /** The protocol's message id, for de-duplication. */
  id: string;
  /** Set for a group message; undefined for a direct message to the bot. */
  room?: { topic: string; chatId: string };
  sender: { chatId: string; alias?: string; name: string };
  /** Text as received, before normalisation. */
  text: string;
  /** The bot was @-mentioned (by the protocol's mention list). */
  mentionsBot: boolean;
  /** When the protocol says it was sent (protocol time, for skipping stale replays). */
  sentAt: Date;
}

export type ChatTarget =
  | { kind: 'room'; topic: string }
  | { kind: 'contact'; alias?: string; chatId?: string; name?: string };

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
  send(target: ChatTarget, text: string): Promise<void>;
  /** Of these group names, the ones the logged-in account is not in (to warn the installer). */
  missingRooms?(topics: string[]): Promise<string[]>;
  start(): Promise<void>;
  stop(): Promise<void>;
}
