import type { Db } from './db.js';

/**
 * What the running bot says about itself, kept in the database so that `npm run status`
 * (another process, maybe another user) can read it: one row per WeChat account.
 */
export interface HealthFacts {
  account: string;
  puppet: string;
  startedAt: string;
  /** Written every minute while the process runs: an old one means it is not running. */
  heartbeatAt: string;
  loggedIn: boolean;
  user?: string;
  /** Since when logged in, or since when not. */
  since: string;
  lastMessageAt?: string;
  /** Why WeChat login is paused, until when (ISO). */
  loginPaused?: { why: string; until: string };
  lastError?: { at: string; text: string };
}

const PREFIX = 'health.';
const PAUSE_KEY = 'outbox.pausedUntil';

export async function saveHealth(db: Db, facts: HealthFacts): Promise<void> {
  const key = `${PREFIX}${facts.account}`;
  const value = JSON.stringify(facts);
  await db.keyValue.upsert({ where: { key }, create: { key, value }, update: { value } });
}

export interface HealthReport {
  facts: HealthFacts[];
  queued: number;
  sentToday: number;
  /** Until when WeChat's "too often" pause holds all sends, if it does. */
  sendPausedUntil?: Date;
}

export async function readHealth(db: Db, dayStart: Date, now: Date): Promise<HealthReport> {
  const rows = await db.keyValue.findMany({ where: { key: { startsWith: PREFIX } }, orderBy: { key: 'asc' } });
  const facts: HealthFacts[] = [];
  for (const row of rows) {
    try {
      facts.push(JSON.parse(row.value) as HealthFacts);
    } catch {
      // A damaged row is reported as a missing account rather than stopping the report.
    }
  }
  const queued = await db.outboundMessage.count({ where: { status: 'queued' } });
  const sentToday = await db.outboundMessage.count({ where: { status: 'sent', sentAt: { gte: dayStart } } });
  const pause = await db.keyValue.findUnique({ where: { key: PAUSE_KEY } });
  const until = pause ? Number(pause.value) : 0;
  return { facts, queued, sentToday, sendPausedUntil: until > now.getTime() ? new Date(until) : undefined };
}
