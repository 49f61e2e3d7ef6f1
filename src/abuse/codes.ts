import type { MessageContext } from '../kernel/context.js';
import { DomainError } from '../errors.js';
import { clearCounter, countWrongCode, keys, lockedCounter, type CodeKind } from './guard.js';

const LABEL: Record<CodeKind, string> = { bind: '绑定码', checkin: '签到码' };

const lockedText = (kind: CodeKind, minutes: number) => `${LABEL[kind]}错误次数太多，已暂停，请 ${minutes} 分钟后再试。`;

/** Guessing across many made-up senders is braked for binding too (codes of everybody together). */
const sharedRule = (ctx: MessageContext, kind: CodeKind) => (kind === 'bind' ? ctx.config.abuse.wrongBindCodesAll : undefined);

/**
 * Refuses any code — the right one too — while this sender (or, for 绑定, everybody)
 * is locked out after too many wrong ones.
 */
export async function refuseWhileLocked(ctx: MessageContext, kind: CodeKind): Promise<void> {
  const watched = [keys.wrongCodes(kind, ctx.speaker.personId), ...(sharedRule(ctx, kind) ? [keys.wrongCodesAll(kind)] : [])];
  const locked = await lockedCounter(ctx, watched);
  if (locked) throw new DomainError('locked', lockedText(kind, locked.minutes));
}

/**
 * A wrong code: counted for the sender (and for everybody, for 绑定). The error to throw
 * says so, and says when a lock just started.
 */
export async function wrongCode(ctx: MessageContext, kind: CodeKind, wrongText: string): Promise<DomainError> {
  const own = ctx.config.abuse.wrongCodesPerSender;
  const lockedNow = await countWrongCode(ctx, keys.wrongCodes(kind, ctx.speaker.personId), own);
  const shared = sharedRule(ctx, kind);
  const allLocked = shared ? await countWrongCode(ctx, keys.wrongCodesAll(kind), shared) : false;
  if (allLocked) await tellStaffOfGuessing(ctx, kind);
  if (lockedNow || allLocked) {
    const minutes = Math.round(((lockedNow ? own : shared!).lockMs ?? 0) / 60_000);
    return new DomainError('locked', `${wrongText}${lockedText(kind, minutes)}`);
  }
  return new DomainError('bad_input', wrongText);
}

/** A right code: the wrong tries before it are forgotten. */
export async function rightCode(ctx: MessageContext, kind: CodeKind): Promise<void> {
  await clearCounter(ctx, keys.wrongCodes(kind, ctx.speaker.personId));
}

async function tellStaffOfGuessing(ctx: MessageContext, kind: CodeKind): Promise<void> {
  const text = `提醒：短时间内有很多人试错${LABEL[kind]}，用${LABEL[kind]}绑定已暂停 15 分钟。已发出的绑定码仍然有效，稍后再用即可。`;
  for (const room of ctx.org.staffRooms()) await ctx.send({ target: { kind: 'room', topic: room.topic }, text, reserved: true });
}
