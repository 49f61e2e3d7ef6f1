import qrcodeTerminal from 'qrcode-terminal';
import { WechatyBuilder, type Wechaty, type WechatyOptions } from 'wechaty';
import type { Clock } from '../clock.js';
import { systemClock } from '../clock.js';
import type { Logger } from '../log.js';
import { FileBox } from 'file-box';
import { SendError, type ChatMessage, type ChatPort, type ChatTarget, type OutboundFile } from './port.js';
import { readMessageKind } from './message-kinds.js';

type WechatyMessage = Parameters<Parameters<Wechaty['on']>[1]>[0];

export interface WechatyChatOptions {
  /** A puppet name (`wechaty-puppet-wechat4u`, `wechaty-puppet-service`…) or instance. */
  puppet: string | object;
  puppetToken?: string;
  profileName?: string;
  log: Logger;
  /** Protocol time, for skipping stale replays; the system clock outside tests. */
  wallClock?: Clock;
  /** How many QR codes to show before pausing the login (a person is not scanning). */
  maxScans?: number;
  /** Print the QR in the terminal (off in tests and the simulator). */
  printQr?: boolean;
  /** Backoff delays after login trouble, in ms: doubled up to the max. */
  backoffMs?: { initial: number; max: number };
  /** Replays older than this at (re)login are skipped. */
  staleMs?: number;
}

/** Messages that mean WeChat wants us to slow down. */
const TOO_OFTEN = /频繁|too (often|frequent)|rate.?limit|操作过于/i;

/**
 * The chat port over Wechaty, for any puppet. Keeps WeChat's login trouble contained:
 * QR codes are capped, errors are counted and summarised rather than logged each time,
 * and a puppet that keeps failing is stopped and restarted with backoff.
 */
export class WechatyChat implements ChatPort {
  readonly bot: Wechaty;
  private messageHandler: (m: ChatMessage) => Promise<void> = async () => undefined;
  private readyHandler: () => Promise<void> = async () => undefined;
  private readonly log: Logger;
  private readonly wall: Clock;
  private readonly roomCache = new Map<string, Awaited<ReturnType<Wechaty['Room']['find']>>>();
  private loggedInAt = 0;
  private scans = 0;
  private errorsInWindow = 0;
  private errorWindowStart = 0;
  private lastErrorText = '';
  private backoff: number;
  private restartTimer?: NodeJS.Timeout;
  private stopped = false;
  private restarting = false;
  /** Messages from others received, and handled to the end (the simulator waits on these). */
  received = 0;
  completed = 0;

  constructor(private readonly options: WechatyChatOptions) {
    this.log = options.log;
    this.wall = options.wallClock ?? systemClock;
    this.backoff = options.backoffMs?.initial ?? 30_000;
    const wechatyOptions: WechatyOptions = options.profileName ? { name: options.profileName } : {};
    if (typeof options.puppet === 'string') {
      (wechatyOptions as { puppet?: string }).puppet = options.puppet;
      if (options.puppetToken) (wechatyOptions as { puppetOptions?: object }).puppetOptions = { token: options.puppetToken };
    } else {
      (wechatyOptions as { puppet?: object }).puppet = options.puppet;
    }
    this.bot = WechatyBuilder.build(wechatyOptions);
    this.bot.on('scan', (qrcode, status) => this.onScan(qrcode, Number(status)));
    this.bot.on('login', (user) => {
      this.loggedInAt = this.wall.now().getTime();
      this.scans = 0;
      this.errorsInWindow = 0;
      this.backoff = this.options.backoffMs?.initial ?? 30_000;
      this.roomCache.clear();
      this.log.info({ user: user.name() }, 'logged in to WeChat');
      void this.readyHandler().catch((err) => this.log.error({ err }, 'ready handler failed'));
    });
    this.bot.on('logout', (user, reason) => {
      this.roomCache.clear();
      this.log.warn({ user: user.name(), reason }, 'logged out of WeChat; will show a new QR code after a pause');
      this.scheduleRestart('logout');
    });
    this.bot.on('error', (err) => this.onError(err));
    this.bot.on('message', (message) => {
      if (message.self()) return;
      this.received += 1;
      void this.onWechatyMessage(message)
        .catch((err) => this.log.error({ err, id: message.id }, 'could not read an incoming message'))
        .finally(() => {
          this.completed += 1;
        });
    });
  }

  onMessage(handler: (m: ChatMessage) => Promise<void>): void {
    this.messageHandler = handler;
  }

  onReady(handler: () => Promise<void>): void {
    this.readyHandler = handler;
  }

  async start(): Promise<void> {
    this.stopped = false;
    try {
      await this.bot.start();
    } catch (err) {
      this.onError(err);
    }
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.restartTimer) clearTimeout(this.restartTimer);
    try {
      await this.bot.stop();
    } catch (err) {
      this.log.debug({ err }, 'stopping the puppet failed');
    }
  }

  private onScan(qrcode: string, status: number): void {
    this.scans += 1;
    const max = this.options.maxScans ?? 5;
    const url = `https://wechaty.js.org/qrcode/${encodeURIComponent(qrcode)}`;
    if (this.scans > max) {
      this.log.warn({ scans: this.scans - 1 }, `nobody scanned ${max} QR codes: pausing login`);
      this.scheduleRestart('no scan');
      return;
    }
    this.log.info({ status, url, scan: this.scans, max }, '请用微信扫码登录 (scan the QR code with WeChat to log in)');
    if (this.options.printQr !== false) qrcodeTerminal.generate(qrcode, { small: true });
  }

  private onError(err: unknown): void {
    const text = err instanceof Error ? err.message : String(err);
    const now = this.wall.now().getTime();
    if (now - this.errorWindowStart > 60_000) {
      if (this.errorsInWindow > 1) this.log.warn({ repeated: this.errorsInWindow }, `the last error repeated ${this.errorsInWindow} times in a minute`);
      this.errorWindowStart = now;
      this.errorsInWindow = 0;
    }
    this.errorsInWindow += 1;
    // Say once what is wrong; the puppet may repeat the same error several times a second.
    if (this.errorsInWindow === 1 || text !== this.lastErrorText) {
      this.log.error({ err: text }, explainError(text));
      this.lastErrorText = text;
    }
    if (this.errorsInWindow >= 10) this.scheduleRestart('repeated errors');
  }

  /** Stops the puppet and starts it again after a growing pause: never a tight loop. */
  private scheduleRestart(why: string): void {
    if (this.stopped || this.restarting) return;
    this.restarting = true;
    const delay = this.backoff;
    this.backoff = Math.min(this.backoff * 2, this.options.backoffMs?.max ?? 30 * 60_000);
    this.log.warn({ why, retryInSeconds: Math.round(delay / 1000) }, `WeChat login paused (${why}); retrying in ${Math.round(delay / 1000)} s`);
    void this.bot
      .stop()
      .catch(() => undefined)
      .finally(() => {
        this.restartTimer = setTimeout(() => {
          this.restarting = false;
          this.scans = 0;
          this.errorsInWindow = 0;
          this.errorWindowStart = this.wall.now().getTime();
          if (!this.stopped) void this.start();
        }, delay);
      });
  }

  private async onWechatyMessage(message: WechatyMessage): Promise<void> {
    if (message.self()) return;
    // Text, photos, videos, voice notes, locations and quotes; the rest is not for us.
    const content = await readMessageKind(message);
    if (!content) return;
    const sentAt = message.date();
    const staleMs = this.options.staleMs ?? 60_000;
    if (this.loggedInAt && sentAt.getTime() < this.loggedInAt - staleMs) {
      this.log.debug({ id: message.id }, 'skipping a message older than the login');
      return;
    }
    const talker = message.talker();
    const room = message.room();
    let topic: string | undefined;
    let name = talker.name();
    if (room) {
      topic = await room.topic();
      name = (await room.alias(talker).catch(() => undefined)) || name;
    }
    const alias = talker.handle() || undefined;
    await this.messageHandler({
      id: message.id,
      room: room && topic !== undefined ? { topic, chatId: room.id } : undefined,
      sender: { chatId: talker.id, alias, name },
      ...content,
      mentionsBot: room ? await message.mentionSelf().catch(() => false) : false,
      sentAt,
    });
  }

  async missingRooms(topics: string[]): Promise<string[]> {
    const missing: string[] = [];
    for (const topic of topics) {
      const room = await this.bot.Room.find({ topic }).catch(() => undefined);
      if (room) this.roomCache.set(topic, room);
      else missing.push(topic);
    }
    return missing;
  }

  async send(target: ChatTarget, text: string, file?: OutboundFile): Promise<void> {
    if (!this.bot.isLoggedIn) throw new SendError('not logged in', 'offline');
    const sayable = file ? FileBox.fromBase64(file.bytes.toString('base64'), file.name) : text;
    try {
      if (target.kind === 'room') {
        let room = this.roomCache.get(target.topic);
        if (!room) {
          room = await this.bot.Room.find({ topic: target.topic });
          if (room) this.roomCache.set(target.topic, room);
        }
        if (!room) throw new SendError(`no group named ${target.topic}`, 'unknown_target');
        await room.say(sayable);
        return;
      }
      const contact =
        (target.chatId ? await this.bot.Contact.find({ id: target.chatId }) : undefined) ??
        (target.alias ? await this.bot.Contact.find({ weixin: target.alias } as never) : undefined) ??
        (target.alias ? await this.bot.Contact.find({ alias: target.alias }) : undefined) ??
        (target.name ? await this.bot.Contact.find({ name: target.name }) : undefined);
      if (!contact) throw new SendError(`no contact ${target.alias ?? target.name ?? target.chatId}`, 'unknown_target');
      await contact.say(sayable);
    } catch (err) {
      if (err instanceof SendError) throw err;
      const msg = err instanceof Error ? err.message : String(err);
      throw new SendError(msg, TOO_OFTEN.test(msg) ? 'too_often' : 'other');
    }
  }
}

function explainError(text: string): string {
  if (/ENOTFOUND|ECONNREFUSED|EAI_AGAIN|ETIMEDOUT|network|getaddrinfo|socket hang up/i.test(text)) {
    return '无法连接微信服务器：请检查网络 (cannot reach WeChat: check the network)';
  }
  if (/login|登录|1101|1102|1205/i.test(text)) {
    return '微信登录失败：网页版登录可能已被微信限制，可改用 wechaty-puppet-service 令牌 (login failed; WeChat may be blocking web logins — see README)';
  }
  return 'WeChat puppet error';
}
