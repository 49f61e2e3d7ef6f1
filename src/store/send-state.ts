import type { Db } from './db.js';

/**
 * The states of one outbound message around the call to WeChat. `attempting` is written
 * and committed before WeChat is called, so that after a crash a message that may have
 * gone out is told from one that never did.
 */

/**
 * Claims a queued message for sending. Several processes drain one queue: only the one
 * whose write finds it still queued may call WeChat; the others leave it (false).
 */
export async function claimForSending(db: Db, id: number, attempts: number): Promise<boolean> {
  const claimed = await db.outboundMessage.updateMany({ where: { id, status: 'queued' }, data: { status: 'attempting', attempts } });
  return claimed.count === 1;
}

/** WeChat refused before sending (offline, too often): back in the queue, the attempt not counted. */
export function markNotSent(db: Db, id: number, attempts: number): Promise<unknown> {
  return db.outboundMessage.update({ where: { id }, data: { status: 'queued', attempts } });
}

/** Nobody can be found for the target by a stable key: the message waits for them. */
export function markWaiting(db: Db, id: number, attempts: number, error: string): Promise<unknown> {
  return db.outboundMessage.update({ where: { id }, data: { status: 'waiting', attempts, lastError: error.slice(0, 500) } });
}

/**
 * Sends a crash cut short. Repeatable ones are queued again with `mark` in front; the
 * rest are kept as `maybe_sent` and not repeated. Returns how many of each.
 */
export async function recoverInterruptedSends(db: Db, mark: string): Promise<{ requeued: number; maybeSent: number }> {
  const cut = await db.outboundMessage.findMany({ where: { status: 'attempting' }, select: { id: true, repeatable: true, text: true } });
  let requeued = 0;
  for (const m of cut) {
    if (m.repeatable) {
      requeued += 1;
      await db.outboundMessage.updateMany({ where: { id: m.id, status: 'attempting' }, data: { status: 'queued', text: m.text.startsWith(mark) ? m.text : `${mark}${m.text}` } });
    } else {
      await db.outboundMessage.updateMany({ where: { id: m.id, status: 'attempting' }, data: { status: 'maybe_sent', lastError: 'interrupted while sending: maybe sent, not repeated' } });
    }
  }
  return { requeued, maybeSent: cut.length - requeued };
}

/** WeChat took it. */
export async function markSent(db: Db, id: number, at: Date, attempts: number): Promise<void> {
  await db.outboundMessage.update({ where: { id }, data: { status: 'sent', sentAt: at, attempts } });
}

/** The send failed: tried again after `retryAt`, or given up (`retryAt` null) as failed. */
export async function markSendFailed(db: Db, id: number, f: { attempts: number; error: string; retryAt: Date | null }): Promise<void> {
  await db.outboundMessage.update({
    where: { id },
    data: { attempts: f.attempts, lastError: f.error.slice(0, 500), status: f.retryAt ? 'queued' : 'failed', notBefore: f.retryAt },
  });
}
