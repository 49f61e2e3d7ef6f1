import { countAgainst, keys, type GuardContext } from './guard.js';
import type { AbuseRules } from './limits.js';

/** Where an answer goes: the group it came from, the sender's direct chat, or nowhere. */
export type AnswerRoute = 'group' | 'direct' | 'none';

/** Told once an hour to a sender who caused more answers than their share. */
export const TOO_MANY_ANSWERS = '您这一小时发来的消息太多了，我先不逐条回复；您说的都已记下。紧急情况请直接拨打 110/119/120。';

/**
 * The answers one message may cause, within the abuse limits: each sender a share an
 * hour, each group a budget an hour (beyond it the sender hears by direct message), and
 * refusals only ever to the sender, at most once a minute from a group. Post-holders and
 * urgent answers are not limited.
 */
export class SenderAnswers {
  constructor(
    private readonly ctx: GuardContext,
    private readonly rules: AbuseRules,
    private readonly speaker: { personId: number; isHolder: boolean },
    private readonly topic: string | undefined,
    private readonly notify: (text: string) => Promise<void>,
  ) {}

  /** Where a reply goes; counted against the sender's share and the group's budget. */
  async reply(urgent: boolean): Promise<AnswerRoute> {
    const home: AnswerRoute = this.topic ? 'group' : 'direct';
    if (urgent || this.speaker.isHolder) return home;
    if (!(await this.withinSendersShare())) return 'none';
    if (this.topic) {
      const budget = await countAgainst(this.ctx, keys.groupReplies(this.topic), this.rules.groupReplies);
      if (!budget.allowed) return 'direct';
    }
    return home;
  }

  /** Whether a refusal or notice may go to the sender now (always by direct message). */
  async privately(): Promise<boolean> {
    if (this.speaker.isHolder) return true;
    const inGroup = this.topic !== undefined;
    const rule = inGroup ? this.rules.groupRefusalsPerSender : this.rules.dmRefusalsPerSender;
    const refusals = await countAgainst(this.ctx, keys.refusals(this.speaker.personId, inGroup), rule);
    return refusals.allowed && (await this.withinSendersShare());
  }

  private async withinSendersShare(): Promise<boolean> {
    const share = await countAgainst(this.ctx, keys.replies(this.speaker.personId), this.rules.repliesPerSender);
    if (share.tell) await this.notify(TOO_MANY_ANSWERS);
    return share.allowed;
  }
}
