import type { ManualClock } from '../../src/clock.js';
import { SendError, type ChatMessage, type ChatPort, type ChatTarget } from '../../src/chat/port.js';

/** A chat that records what the bot sends and lets a test deliver messages. */
export class FakeChat implements ChatPort {
  sent: { target: ChatTarget; text: string }[] = [];
  /** Remarks the bot wrote, by contact id (as WeChat keeps them for friends). */
  remarks = new Map<string, string>();
  /** Contact ids, WeChat ids and remarks WeChat can find; unset: everyone can be found. */
  reachable?: Set<string>;
  /** Groups this login is not in (unset: it is in every one). */
  notIn?: Set<string>;
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
  async missingRooms(topics: string[]): Promise<string[]> {
    return topics.filter((t) => this.notIn?.has(t));
  }
  async send(target: ChatTarget, text: string): Promise<void> {
    if (target.kind === 'room' && this.notIn?.has(target.topic)) throw new SendError(`no group named ${target.topic}`, 'unknown_target');
    if (this.reachable && target.kind === 'contact') {
      const keys = [target.chatId, target.alias, target.remarkKey].filter((k): k is string => !!k);
      if (!keys.some((k) => this.reachable!.has(k))) throw new SendError(`no contact ${keys.join('/')}`, 'unknown_target');
    }
    this.sent.push({ target, text });
  }
  async setRemark(chatId: string, remark: string): Promise<boolean> {
    this.remarks.set(chatId, remark);
    return true;
  }
  deliver(m: ChatMessage): Promise<void> {
    return this.handler(m);
  }
}

let counter = 0;
export function groupMessage(topic: string, alias: string, name: string, text: string, at: Date, id = `m${++counter}`): ChatMessage {
  return { id, room: { topic, chatId: `room-${topic}` }, sender: { chatId: `c-${alias}`, alias, name }, text, mentionsBot: false, sentAt: at };
}

/** A chat that keeps what the bot sent and when on the virtual clock, and can be told to fail. */
export class RecordingChat implements ChatPort {
  sent: { target: string; text: string; at: number }[] = [];
  failNext: SendError[] = [];
  constructor(private readonly clock: ManualClock) {}
  onMessage(): void {}
  onReady(): void {}
  async start(): Promise<void> {}
  async stop(): Promise<void> {}
  async send(target: ChatTarget, text: string): Promise<void> {
    const failure = this.failNext.shift();
    if (failure) throw failure;
    this.sent.push({ target: target.kind === 'room' ? target.topic : (target.alias ?? '?'), text, at: this.clock.now().getTime() });
  }
}
