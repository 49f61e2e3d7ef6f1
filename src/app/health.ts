/**
 * The bot's health: what the running process records about itself (HealthRecorder), and
 * how `npm run status` and the hourly log line judge and word it (assessHealth).
 */
import type { Clock } from '../clock.js';
import { formatShort } from '../time.js';
import type { Logger } from '../log.js';
import type { Db } from '../store/db.js';
import { saveHealth, type HealthFacts, type HealthReport } from '../store/health.js';

export const HEALTHY = 0;
export const DEGRADED = 1;
export const DOWN = 2;

/** A heartbeat older than this means the process is not running. */
const STALE_MS = 3 * 60_000;
/** An error this recent still counts against the bot. */
const RECENT_ERROR_MS = 15 * 60_000;
/** More waiting messages than this means sending is falling behind. */
const QUEUE_BACKLOG = 100;

/** Keeps the facts up to date in the store as the chat reports them. */
export class HealthRecorder {
  private readonly facts: HealthFacts;
  private lastMessageSaved = 0;

  constructor(private readonly deps: { db: Db; clock: Clock; account: string; puppet: string; log: Logger }) {
    const now = deps.clock.now().toISOString();
    this.facts = { account: deps.account, puppet: deps.puppet, startedAt: now, heartbeatAt: now, loggedIn: false, since: now };
  }

  loggedIn(user: string): void {
    Object.assign(this.facts, { loggedIn: true, user, since: this.now(), loginPaused: undefined });
    this.save();
  }

  loggedOut(): void {
    Object.assign(this.facts, { loggedIn: false, since: this.now() });
    this.save();
  }

  loginPaused(why: string, untilMs: number): void {
    if (this.facts.loggedIn) Object.assign(this.facts, { loggedIn: false, since: this.now() });
    this.facts.loginPaused = { why, until: new Date(untilMs).toISOString() };
    this.save();
  }

  error(text: string): void {
    this.facts.lastError = { at: this.now(), text };
    this.save();
  }

  received(): void {
    this.facts.lastMessageAt = this.now();
    // A busy group must not mean a database write per message: once a minute is enough.
    const at = this.deps.clock.now().getTime();
    if (at - this.lastMessageSaved >= 60_000) {
      this.lastMessageSaved = at;
      this.save();
    }
  }

  heartbeat(): Promise<void> {
    this.facts.heartbeatAt = this.now();
    return this.write();
  }

  private now(): string {
    return this.deps.clock.now().toISOString();
  }

  private save(): void {
    void this.write();
  }

  private write(): Promise<void> {
    return saveHealth(this.deps.db, { ...this.facts }).catch((err) => this.deps.log.debug({ err }, 'could not record health'));
  }
}

export interface AccountHealth {
  account: string;
  level: 0 | 1 | 2;
  lines: string[];
}

/** Judges every account: 0 healthy, 1 degraded, 2 down; and says why in plain words. */
export function assessHealth(report: HealthReport, now: Date, dailyCap: number, timeZone: string): { level: 0 | 1 | 2; accounts: AccountHealth[] } {
  const when = (iso: string) => formatWhen(iso, now, timeZone);
  if (report.facts.length === 0) {
    return { level: DOWN, accounts: [{ account: '—', level: DOWN, lines: ['没有机器人在这个数据库上运行过（没有状态记录）'] }] };
  }
  const accounts = report.facts.map((f): AccountHealth => {
    let level: 0 | 1 | 2 = HEALTHY;
    const worse = (to: 0 | 1 | 2) => (level = Math.max(level, to) as 0 | 1 | 2);
    const lines: string[] = [];
    const running = now.getTime() - Date.parse(f.heartbeatAt) <= STALE_MS;
    if (!running) {
      worse(DOWN);
      lines.push(`程序：没有在运行（最后一次心跳 ${when(f.heartbeatAt)}）`);
    }
    if (f.loggedIn) lines.push(`登录：已登录为 ${f.user ?? '?'}，自 ${when(f.since)}起`);
    else {
      worse(DOWN);
      lines.push(`登录：未登录，自 ${when(f.since)}起`);
    }
    lines.push(`最后收到消息：${f.lastMessageAt ? when(f.lastMessageAt) : '还没有'}`);
    lines.push(`待发队列：${report.queued} 条`);
    if (report.queued > QUEUE_BACKLOG) worse(DEGRADED);
    lines.push(`今日发送：${report.sentToday} / ${dailyCap}${report.sentToday >= dailyCap ? '（已到上限，只发紧急消息）' : ''}`);
    if (report.sentToday >= dailyCap) worse(DEGRADED);
    const pauses: string[] = [];
    if (report.sendPausedUntil) pauses.push(`微信提示发送过于频繁，发送暂停到 ${when(report.sendPausedUntil.toISOString())}`);
    if (f.loginPaused && Date.parse(f.loginPaused.until) > now.getTime()) pauses.push(`登录暂停（${f.loginPaused.why}），${when(f.loginPaused.until)} 重试`);
    if (pauses.length) worse(DEGRADED);
    lines.push(`暂停：${pauses.length ? pauses.join('；') : '否'}`);
    if (f.lastError) {
      lines.push(`最后错误：${f.lastError.text}（${when(f.lastError.at)}）`);
      if (now.getTime() - Date.parse(f.lastError.at) <= RECENT_ERROR_MS) worse(DEGRADED);
    } else lines.push('最后错误：无');
    return { account: `${f.account}（${f.puppet}）`, level, lines };
  });
  const level = Math.max(...accounts.map((a) => a.level)) as 0 | 1 | 2;
  return { level, accounts };
}

export const LEVEL_WORDS = ['正常', '部分异常', '停止工作'] as const;

function formatWhen(iso: string, now: Date, timeZone: string): string {
  const at = new Date(iso);
  const minutes = Math.round((now.getTime() - at.getTime()) / 60_000);
  const text = formatShort(at, timeZone);
  return minutes >= 0 && minutes < 60 ? `${text}（${minutes} 分钟前）` : text;
}
