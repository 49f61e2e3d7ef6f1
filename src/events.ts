/**
 * What the bot did, as the simulator's `--json` stream shows it (docs/interfaces.md §3).
 * In production the same events go to the log.
 */
export type BotEvent =
  | { kind: 'say'; room?: string; to?: string; text: string; media?: 'image' | 'video' | 'audio'; account?: string }
  | {
      kind: 'ticket';
      id: number;
      status: string;
      category: string;
      urgency: string;
      tier: string;
      assignees: string[];
      building: string | null;
      unit: string | null;
      room: string | null;
      grid: string | null;
      escalated?: boolean;
      into?: number;
      [extra: string]: unknown;
    }
  | { kind: 'notice'; id: string; room: string; due: string; [extra: string]: unknown }
  | { kind: 'signup'; activity: string; who: string; status: 'confirmed' | 'waitlisted' | 'promoted' | 'cancelled' }
  | { kind: 'points'; who: string; delta: number; balance: number; reason: string }
  | { kind: 'refused'; who: string; command: string; reason: string };

export type TimedEvent = BotEvent & { at: Date };

export interface EventSink {
  emit(event: BotEvent): void;
}

export const nullSink: EventSink = { emit: () => undefined };

/**
 * With a county file, ticket events name their community; where the file lists accounts,
 * what the bot says names the account that said it (docs/interfaces.md §3).
 */
export function labelEvents(sink: EventSink, label: { community?: string; account?: string }): EventSink {
  if (!label.community && !label.account) return sink;
  return {
    emit: (e) => {
      if (e.kind === 'ticket' && label.community) sink.emit({ ...e, community: label.community });
      else if (e.kind === 'say' && label.account) sink.emit({ ...e, account: label.account });
      else sink.emit(e);
    },
  };
}

/**
 * Holds events raised inside a database transaction until it commits, so that an event
 * is never reported for work that was rolled back.
 */
export class BufferedSink implements EventSink {
  private readonly pending: BotEvent[] = [];

  constructor(private readonly target: EventSink) {}

  emit(event: BotEvent): void {
    this.pending.push(event);
  }

  flush(): void {
    for (const e of this.pending.splice(0)) this.target.emit(e);
  }

  discard(): void {
    this.pending.length = 0;
  }
}
