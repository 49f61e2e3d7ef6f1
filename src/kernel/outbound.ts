import type { ChatTarget } from '../chat/port.js';

/** A message a use-case asks to send: queued in its transaction, sent by the outbox (src/chat/outbox.ts). */
export interface OutboundRequest {
  target: ChatTarget;
  text: string;
  /** Urgent messages jump the queue and pass the daily cap. */
  urgent?: boolean;
  /** What caused it (ticket:7, notice:3…), for tracing and progress. */
  origin?: string;
  /** A stored photo or voice note to send instead of the text (the text stays for the record). */
  mediaId?: number;
  /** May use the part of the daily cap kept for holders' messages and urgent acknowledgements. */
  reserved?: boolean;
  /**
   * Sent again if a crash leaves it unknown whether WeChat took it (marked 【重发】): for a
   * holder's new-ticket message, where a repeat is better than silence. Others are not.
   */
  repeatable?: boolean;
  /** The account that must send it, where not this process's own (a friend's account, app/presence.ts). */
  account?: string;
}
