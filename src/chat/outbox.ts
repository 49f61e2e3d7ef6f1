import type { Clock } from '../clock.js';
import type { SendLimits } from '../config.js';
import type { EventSink } from '../events.js';
import type { Logger } from '../log.js';
import type { Db, Tx } from '../store/db.js';
import { claimForSending, markNotSent, markSendFailed, markSent, markWaiting, recoverInterruptedSends } from '../store/send-state.js';
import { startOfLocalDay } from '../time.js';
import { SendError, type ChatPort, type ChatTarget, type OutboundFile } from './port.js';
import { earliestBudgetedSend, emptyHistory, goesBefore, randomPause, recordSend, sendClassOf, type SendClass, type SendHistory } from './send-limits.js';
import { pauseSendsUntil, queueFront, queueMessage, queueMessageLater, sendsPausedUntil, sentSince, type QueuedMessage } from '../store/outbox-queue.js';

export type { OutboundRequest } from '../kernel/outbound.js';
import type { OutboundRequest } from '../kernel/outbound.js';

/** Put before a message sent again after a crash left it unknown whether the first went out. */
export const RESENT_MARK = '【重发】';

const MAX_ATTEMPTS = 5;
const OFFLINE_RETRY_MS = 30_000;
const SCAN = 200;

export function targetKey(t: ChatTarget): { kind: 'room' | 'contact'; key: string } {
  if (t.kind === 'room') return { kind: 'room', key: t.topic };
  if (t.alias) return { kind: 'contact', key: t.alias };
  return { kind: 'contact', key: `id:${t.chatId ?? ''}` };
}

/** Writes a message into the persisted queue, inside the caller's transaction. */
export async function enqueue(tx: Tx, clock: Clock, req: OutboundRequest): Promise<number> {
  return queueMessage(tx, queued(clock, req));
}

/**
 * Queues a message in the caller's transaction: kept with the others it queues and
 * written with them just before it commits when the transaction holds its messages
 * (handling a message, see `holdQueuedMessages`), else written at once.
 */
export async function enqueueLater(tx: Tx, clock: Clock, req: OutboundRequest): Promise<void> {
  await queueMessageLater(tx, queued(clock, req));
}

function queued(clock: Clock, req: OutboundRequest): QueuedMessage {
  const { kind, key } = targetKey(req.target);
  return {
    targetKind: kind,
    target: key,
    text: req.text,
    urgent: req.urgent ?? false,
    reserved: req.reserved ?? req.urgent ?? false,
    repeatable: req.repeatable ?? false,
    origin: req.origin ?? null,
    mediaId: req.mediaId ?? null,
    createdAt: clock.now(),
    ...(req.account ? { account: req.account } : {}),
  };
}

export interface OutboxDeps {
  db: Db;
  clock: Clock;
  chat: ChatPort;
  limits: SendLimits;
  events: EventSink;
  log: Logger;
  timeZone: string;
  random?: () => number;
  /** Runs the sender's database work in turn with the bot's other work. */
  exclusive?: <T>(work: () => Promise<T>) => Promise<T>;
  /** Resolves a contact key to what the chat needs to find the person. */
  resolveContact?: (key: string) => Promise<ChatTarget>;
  /** Reads a stored photo or voice note to send; undefined when its file is gone. */
  loadFile?: (mediaId: number) => Promise<OutboundFile | undefined>;
  /** Nobody can be found for this contact key: its messages wait (tell staff once). */
  onUnreachable?: (key: string) => Promise<void>;
  /** The account's budget, where this outbox shares it with other communities' bots of the account. */
  budget?: SendBudget;
}

/**
 * One account's sending budget (per minute, per group, per day). Each outbox has its own,
 * unless the bots of the several communities one account serves share theirs.
 */
export class SendBudget {
  history?: SendHistory;
  /** The outboxes whose own sends today are counted in `history`. */
  readonly counted = new Set<object>();
}

/**
 * The single sender: drains the persisted queue under the send limits. Messages stay
 * in the database until WeChat took them, so a restart loses none.
 */
export class Outbox {
  private readonly budget: SendBudget;
  private timer?: NodeJS.Timeout;
  private running = false;
  private draining?: Promise<Date | undefined>;
  private readonly random: () => number;
  private offlineSince?: number;
  private recovered = false;

  constructor(private readonly deps: OutboxDeps) {
    this.random = deps.random ?? Math.random;
    this.budget = deps.budget ?? new SendBudget();
  }

  /**
   * Today's sends of the account, in the budget this outbox shares: the first outbox to look
   * on a day starts it afresh, and each outbox adds its own community's sends once.
   */
  private async currentHistory(now: number): Promise<SendHistory> {
    const budget = this.budget;
    if (!budget.history || now >= budget.history.nextDayStart) {
      const dayStart = startOfLocalDay(new Date(now), this.deps.timeZone).getTime();
      const fresh = emptyHistory(dayStart, startOfLocalDay(new Date(dayStart + 36 * 3600_000), this.deps.timeZone).getTime());
      if (budget.history) {
        fresh.lastByTarget = budget.history.lastByTarget;
        fresh.last = budget.history.last;
        fresh.pausedUntil = budget.history.pausedUntil;
      }
      budget.history = fresh;
      budget.counted.clear();
    }
    const history = budget.history;
    if (!budget.counted.has(this)) {
      budget.counted.add(this);
      await this.countOwnSends(history, now);
    }
    return history;
  }

  private async countOwnSends(history: SendHistory, now: number): Promise<void> {
    const { db } = this.deps;
    const sent = await sentSince(db, new Date(Math.min(history.dayStart, now - 60_000)));
    for (const m of sent) {
      const at = m.sentAt.getTime();
      if (at >= history.dayStart) history.sentToday += 1;
      if (at > now - 60_000) history.recent.push(at);
      if (at > (history.lastByTarget.get(m.target) ?? -Infinity)) history.lastByTarget.set(m.target, at);
      if (at >= (history.last?.at ?? -Infinity)) history.last = { target: m.target, at, pauseMs: this.deps.limits.pauseMinMs };
    }
    history.recent.sort((a, b) => a - b);
    history.pausedUntil = Math.max(history.pausedUntil, await sendsPausedUntil(db));
  }

  /** Sends every message allowed now; returns when the next one may go, if any wait. */
  drainDue(): Promise<Date | undefined> {
    // One drain at a time: a wake-up during a drain joins it rather than racing it.
    if (!this.draining) {
      const drain = () => this.drainOnce();
      this.draining = (this.deps.exclusive ? this.deps.exclusive(drain) : drain()).finally(() => {
        this.draining = undefined;
      });
    }
    return this.draining;
  }

  /**
   * A send cut short by a crash: it is unknown whether WeChat took it. An answer or an
   * acknowledgement is not repeated (a double is worse than a gap the person can ask
   * about); a message marked repeatable goes again, saying it is a repeat.
   */
  private async recoverInterrupted(): Promise<void> {
    const { requeued, maybeSent } = await recoverInterruptedSends(this.deps.db, RESENT_MARK);
    if (requeued + maybeSent) this.deps.log.warn({ requeued, maybeSent }, 'sends interrupted by a restart: repeatable ones queued again, the rest kept as maybe sent');
  }

  private async drainOnce(): Promise<Date | undefined> {
    const { db, clock, limits } = this.deps;
    if (!this.recovered) {
      await this.recoverInterrupted();
      this.recovered = true;
    }
    for (;;) {
      const now = clock.now().getTime();
      const history = await this.currentHistory(now);
      const queued = await queueFront(db, SCAN);
      if (queued.length === 0) return undefined;
      // First queued message per target: each target keeps its own order.
      const heads = new Map<string, (typeof queued)[number]>();
      for (const m of queued) if (!heads.has(m.target)) heads.set(m.target, m);
      let best: { msg: (typeof queued)[number]; at: number; cls: SendClass } | undefined;
      for (const msg of heads.values()) {
        const cls = sendClassOf(msg);
        let at = earliestBudgetedSend(history, { target: msg.target, cls, createdAt: msg.createdAt.getTime() }, now, limits);
        if (msg.notBefore) at = Math.max(at, msg.notBefore.getTime());
        if (!best || goesBefore({ at, cls }, best)) best = { msg, at, cls };
      }
      if (!best) return undefined;
      if (best.at > now) return new Date(best.at);
      await this.sendOne(best.msg, history, now);
    }
  }

  private async sendOne(
    msg: { id: number; targetKind: string; target: string; text: string; attempts: number; mediaId: number | null },
    history: SendHistory,
    now: number,
  ): Promise<void> {
    const { db, chat, limits, log, events, clock } = this.deps;
    const target: ChatTarget =
      msg.targetKind === 'room'
        ? { kind: 'room', topic: msg.target }
        : this.deps.resolveContact
          ? await this.deps.resolveContact(msg.target)
          : { kind: 'contact', alias: msg.target };
    // Written before WeChat is called: after a crash, "maybe sent" is told from "never sent".
    // Another process sharing the queue may have claimed it first: then it is theirs to send.
    if (!(await claimForSending(db, msg.id, msg.attempts + 1))) return;
    let file: OutboundFile | undefined;
    try {
      file = msg.mediaId !== null ? await this.deps.loadFile?.(msg.mediaId) : undefined;
      if (msg.mediaId !== null && !file) throw new SendError(`media ${msg.mediaId} is gone`, 'unknown_target');
      await chat.send(target, msg.text, file);
    } catch (err) {
      const reason = err instanceof SendError ? err.reason : 'other';
      if (reason !== 'other' && reason !== 'unknown_target') {
        // WeChat refused before sending: nothing went out.
        await markNotSent(db, msg.id, msg.attempts);
      }
      if (reason === 'unknown_target' && msg.targetKind === 'contact') {
        // Nobody to hand it to by a stable key: it waits for the person, never for a namesake.
        await markWaiting(db, msg.id, msg.attempts, (err as Error).message ?? String(err));
        log.warn({ outbound: msg.id, target: msg.target }, 'nobody to reach by a stable key: the message waits');
        await this.deps.onUnreachable?.(msg.target);
        return;
      }
      if (reason === 'too_often') {
        history.pausedUntil = now + limits.backoffMs;
        await pauseSendsUntil(db, history.pausedUntil);
        log.warn({ outbound: msg.id, until: new Date(history.pausedUntil) }, 'WeChat says we send too often: pausing all sends');
        return;
      }
      if (reason === 'offline') {
        // Not logged in (yet): nothing is wrong with the message. Everything waits; the
        // login wakes the sender, and a short pause keeps it from spinning meanwhile.
        history.pausedUntil = now + OFFLINE_RETRY_MS;
        if (!this.offlineSince) log.warn({ queued: msg.id }, 'not logged in to WeChat: messages wait in the queue');
        this.offlineSince = this.offlineSince ?? now;
        return;
      }
      this.offlineSince = undefined;
      const attempts = msg.attempts + 1;
      const final = reason === 'unknown_target' || attempts >= MAX_ATTEMPTS;
      await markSendFailed(db, msg.id, {
        attempts,
        error: (err as Error).message ?? String(err),
        retryAt: final ? null : new Date(now + 10_000 * 2 ** attempts),
      });
      log.error({ outbound: msg.id, target: msg.target, reason, attempts, err: (err as Error).message }, final ? 'message could not be delivered' : 'send failed, will retry');
      return;
    }
    this.offlineSince = undefined;
    recordSend(history, msg.target, now, randomPause(limits, this.random));
    await markSent(db, msg.id, clock.now(), msg.attempts + 1);
    const where = msg.targetKind === 'room' ? { room: msg.target } : { to: msg.target };
    events.emit({ kind: 'say', ...where, text: msg.text, ...(file ? { media: file.kind } : {}) });
  }

  /** Production: keep draining on real timers until stopped. */
  start(): void {
    this.running = true;
    this.wake();
  }

  stop(): void {
    this.running = false;
    if (this.timer) clearTimeout(this.timer);
  }

  /** Something was queued: drain now rather than at the next planned time. */
  wake(): void {
    if (!this.running) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    void this.drainDue()
      .then((next) => this.schedule(next ? next.getTime() - this.deps.clock.now().getTime() : undefined))
      .catch((err) => {
        this.deps.log.error({ err }, 'outbox drain failed');
        this.schedule(5_000);
      });
  }

  private schedule(delayMs: number | undefined): void {
    if (!this.running || delayMs === undefined) return;
    this.timer = setTimeout(() => this.wake(), Math.max(50, Math.min(delayMs, 60_000)));
  }
}
