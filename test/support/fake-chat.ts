import type { ChatMessage, ChatPort, ChatTarget } from '../../src/chat/port.js';

/** A chat that records what the bot sends and lets a test deliver messages. */
export class FakeChat implements ChatPort {
  sent: { target: ChatTarget; text: string }[] = [];
  private handler: (m: ChatMessage) => Promise<void> = async () => undefined;
  private ready: () => Promise<void> = async () => undefined;
  onMessage(handler: (m: ChatMessage) => Promise<void>): void {
    this.handler = handler;
  }
  onReady(handler: () => Promise<void>): void {
    this.ready = handler;
  }
  async start(): Promise<void> {
    await this.ready();
  }
  async stop(): Promise<void> {}
  async send(target: ChatTarget, text: string): Promise<void> {
    this.sent.push({ target, text });
  }
  deliver(m: ChatMessage): Promise<void> {
    return this.handler(m);
  }
}

let counter = 0;
export function groupMessage(topic: string, alias: string, name: string, text: string, at: Date, id = `m${++counter}`): ChatMessage {
  return { id, room: { topic, chatId: `room-${topic}` }, sender: { chatId: `c-${alias}`, alias, name }, text, mentionsBot: false, sentAt: at };
}
