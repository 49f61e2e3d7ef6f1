import qrcodeTerminal from 'qrcode-terminal';
import { WechatyBuilder, log as wechatyLog, types as wechatyTypes, type Wechaty, type WechatyOptions } from 'wechaty';
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
  /** The puppet speaks WeChat's web protocol: a refused login then gets advice once. */
  webProtocol?: boolean;
  /** Told about login, logout, pauses, errors and messages, for `npm run status`. */
  health?: ChatHealth;
  /** Wechaty's own console logger (`WARN ServiceCtl…`); silent unless asked for. */
  wechatyLogLevel?: 'silent' | 'error' | 'warn' | 'info' | 'verbose' | 'silly';
}

/** What the chat tells the bot's health record (see app/health.ts). */
export interface ChatHealth {
  loggedIn(user: string): void;
  loggedOut(): void;
  loginPaused(why: string, untilMs: number): void;
  error(text: string): void;
  received(): void;
}

/** What WeChat answers when it will not let this account use the web protocol. */
const WEB_LOGIN_REFUSED = /1203|1205|1101|1102|登录失败|不能登录|登录环境异常|login (failed|refused)/i;

export const WEB_LOGIN_ADVICE =
  '这个微信号很可能不能用网页版协议登录（2025 年起微信限制了大多数账号）。请改用令牌协议：在 .env 写 ' +
  'WECHATY_PUPPET=@juzi/wechaty-puppet-service 和 WECHATY_PUPPET_SERVICE_TOKEN=你的token，见 README「登录微信」';

const PAUSE_REASONS: Record<string, string> = {
  logout: '已退出登录',
  'no scan': '无人扫码',
  'repeated errors': '连续出错',
};

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
  private friendsHandler: () => Promise<void> = async () => undefined;
  private readonly log: Logger;
  private readonly wall: Clock;
  private readonly roomCache = new Map<string, Awaited<ReturnType<Wechaty['Room']['find']>>>();
  private loggedInAt = 0;
  private scans = 0;
  private errorsInWindow = 0;
  private errorWindowStart = 0;
  private lastErrorText = '';
  private account?: string;
  private waitingQr?: string;
  private lastProblem?: { text: string; at: Date };
  private backoff: number;
  private restartTimer?: NodeJS.Timeout;
  private stopped = false;
  private restarting = false;
  private webLoginAdviceGiven = false;
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
    wechatyLog.level(options.wechatyLogLevel ?? 'silent');
    this.bot = WechatyBuilder.build(wechatyOptions);
    this.bot.on('scan', (qrcode, status) => this.onScan(qrcode, Number(status)));
    this.bot.on('login', (user) => {
      this.loggedInAt = this.wall.now().getTime();
      this.scans = 0;
      this.errorsInWindow = 0;
      this.backoff = this.options.backoffMs?.initial ?? 30_000;
      this.roomCache.clear();
      this.log.info({ user: user.name() }, `已登录为 ${user.name()} (logged in to WeChat)`);
      this.options.health?.loggedIn(user.name());
      this.account = user.name();
      this.waitingQr = undefined;
      void this.readyHandler().catch((err) => this.log.error({ err }, 'ready handler failed'));
    });
    this.bot.on('logout', (user, reason) => {
      this.roomCache.clear();
      this.log.warn({ user: user.name(), reason }, '微信已退出登录，稍后重新显示二维码 (logged out of WeChat)');
      this.options.health?.loggedOut();
      this.lastProblem = { text: '微信已退出登录，稍后会显示新的二维码', at: this.wall.now() };
      this.scheduleRestart('logout');
    });
    this.bot.on('error', (err) => this.onError(err));
    // A friendship confirmed: the bot's friend list (who it can write to directly) changed.
    this.bot.on('friendship', (friendship) => {
      if (friendship.type() !== wechatyTypes.Friendship.Confirm) return;
      void this.friendsHandler().catch((err) => this.log.warn({ err }, 'could not read the friend list'));
    });
    this.bot.on('message', (message) => {
      if (message.self()) return;
      this.received += 1;
      this.options.health?.received();
      void this.onWechatyMessage(message)
        .catch((err) => this.log.error({ err, id: message.id }, 'could not read an incoming message'))
        .finally(() => {
          this.completed += 1;
        });
    });
  }

  /** The account as the staff console shows it: logged in, or the QR code it waits on, and the last problem. */
  status(): { loggedIn: boolean; account?: string; qr?: string; lastError?: string; lastErrorAt?: Date } {
    const loggedIn = this.bot.isLoggedIn;
    return { loggedIn, account: loggedIn ? this.account : undefined, qr: loggedIn ? undefined : this.waitingQr, lastError: this.lastProblem?.text, lastErrorAt: this.lastProblem?.at };
  }

  onMessage(handler: (m: ChatMessage) => Promise<void>): void {
    this.messageHandler = handler;
  }

  onReady(handler: () => Promise<void>): void {
    this.readyHandler = handler;
  }

  isLoggedIn(): boolean {
    return this.bot.isLoggedIn;
  }

  onFriendsChanged(handler: () => Promise<void>): void {
    this.friendsHandler = handler;
  }

  /** The WeChat ids of this login's friends (a friend WeChat gives no id for is left out). */
  async friends(): Promise<string[]> {
    if (!this.bot.isLoggedIn) return [];
    const all = await this.bot.Contact.findAll();
    const out: string[] = [];
    for (const c of all) {
      if (c.friend() !== true || c.self()) continue;
      const { alias } = await stableFacts(c);
      if (alias) out.push(alias);
    }
    return out;
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
    this.waitingQr = this.scans > max ? undefined : qrcode;
    if (this.scans > max) {
      this.log.warn({ scans: this.scans - 1 }, `连续 ${max} 个二维码无人扫码，暂停登录 (nobody scanned ${max} QR codes)`);
      this.lastProblem = { text: `连续 ${max} 个二维码无人扫码，登录已暂停，稍后重试`, at: this.wall.now() };
      this.scheduleRestart('no scan');
      return;
    }
    this.log.info({ status, url, scan: this.scans, max }, '等待扫码登录：请用机器人的微信扫码 (scan the QR code with WeChat to log in)');
    if (this.options.printQr !== false) qrcodeTerminal.generate(qrcode, { small: true });
  }

  private onError(err: unknown): void {
    const text = err instanceof Error ? err.message : String(err);
    const now = this.wall.now().getTime();
    if (now - this.errorWindowStart > 60_000) {
      if (this.errorsInWindow > 1) this.log.warn({ repeated: this.errorsInWindow }, `上面的错误一分钟内重复了 ${this.errorsInWindow} 次`);
      this.errorWindowStart = now;
      this.errorsInWindow = 0;
    }
    this.errorsInWindow += 1;
    // Say once what is wrong; the puppet may repeat the same error several times a second.
    const plain = explainError(text);
    this.lastProblem = { text: plain === 'WeChat puppet error' ? `微信协议出错：${text.slice(0, 120)}` : plain.replace(/ \(.*\)$/, ''), at: this.wall.now() };
    if (this.errorsInWindow === 1 || text !== this.lastErrorText) {
      this.log.error({ err: text }, explainError(text));
      this.options.health?.error(explainError(text));
      this.lastErrorText = text;
    }
    if (this.options.webProtocol && !this.webLoginAdviceGiven && WEB_LOGIN_REFUSED.test(text)) {
      this.webLoginAdviceGiven = true;
      this.log.warn({ err: text }, WEB_LOGIN_ADVICE);
    }
    if (this.errorsInWindow >= 10) this.scheduleRestart('repeated errors');
  }

  /** Stops the puppet and starts it again after a growing pause: never a tight loop. */
  private scheduleRestart(why: string): void {
    if (this.stopped || this.restarting) return;
    this.restarting = true;
    const delay = this.backoff;
    this.backoff = Math.min(this.backoff * 2, this.options.backoffMs?.max ?? 30 * 60_000);
    this.log.warn({ why, retryInSeconds: Math.round(delay / 1000) }, `微信登录暂停（${PAUSE_REASONS[why] ?? why}），${Math.round(delay / 1000)} 秒后重试 (login paused)`);
    this.options.health?.loginPaused(PAUSE_REASONS[why] ?? why, this.wall.now().getTime() + delay);
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
    await this.messageHandler({
      id: message.id,
      room: room && topic !== undefined ? { topic, chatId: room.id } : undefined,
      sender: { chatId: talker.id, name, ...(await stableFacts(talker)) },
      ...content,
      mentionsBot: room ? await message.mentionSelf().catch(() => false) : false,
      sentAt,
    });
  }

  async setRemark(chatId: string, remark: string): Promise<boolean> {
    if (!this.bot.isLoggedIn) return false;
    try {
      const contact = await this.bot.Contact.find({ id: chatId });
      if (!contact || !contact.friend()) return false;
      // Wechaty logs and swallows a refused remark: read it back to know.
      await contact.alias(remark);
      return (await contact.alias()) === remark;
    } catch (err) {
      this.log.warn({ err: (err as Error).message, chatId }, 'could not set a contact remark');
      return false;
    }
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
      // Only by what is stable: this login's contact id, the WeChat id, or the remark the
      // bot wrote. Never by name: a namesake would receive a resident's details.
      const byId = target.chatId ? await this.bot.Contact.find({ id: target.chatId }) : undefined;
      const contact =
        byId ??
        (target.alias ? await this.bot.Contact.find({ weixin: target.alias } as never) : undefined) ??
        (target.remarkKey ? await this.bot.Contact.find({ alias: target.remarkKey }) : undefined);
      if (!contact) throw new SendError(`no contact ${target.alias ?? target.remarkKey ?? target.chatId}`, 'unknown_target');
      // WeChat delivers a direct message to friends only: someone this account knows only
      // from a group cannot be written to (the one who just wrote to us, by id, is answered).
      if (!byId && contact.friend() === false) throw new SendError(`${target.alias ?? target.remarkKey} is not a friend of this account`, 'unknown_target');
      await contact.say(sayable);
    } catch (err) {
      if (err instanceof SendError) throw err;
      const msg = err instanceof Error ? err.message : String(err);
      throw new SendError(msg, TOO_OFTEN.test(msg) ? 'too_often' : 'other');
    }
  }
}

type WechatyContact = ReturnType<WechatyMessage['talker']>;

/**
 * What a contact carries besides its name: the WeChat id (puppet-service gives it as
 * `handle`, wechat4u as `weixin`, often empty for group members who are not friends),
 * the remark, and whether it is a friend.
 */
async function stableFacts(talker: WechatyContact): Promise<{ alias?: string; remark?: string; friend: boolean }> {
  const payload = (talker as unknown as { payload?: { handle?: string; weixin?: string } }).payload;
  const alias = talker.handle() || payload?.weixin || undefined;
  const remark = (await talker.alias().catch(() => undefined)) || undefined;
  return { alias, remark, friend: talker.friend() === true };
}

function explainError(text: string): string {
  if (/ENOTFOUND|ECONNREFUSED|EAI_AGAIN|ETIMEDOUT|network|getaddrinfo|socket hang up/i.test(text)) {
    return '无法连接微信服务器：请检查网络 (cannot reach WeChat: check the network)';
  }
  if (/login|登录|1101|1102|1203|1205/i.test(text)) return '微信登录失败 (WeChat login failed)';
  return '微信协议出错 (WeChat puppet error)';
}
