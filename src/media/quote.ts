/**
 * Replies that quote an earlier message (引用) are read with the quoted text: the quoted
 * ticket message gives a command its number, and a resident's own quoted report is
 * completed by the reply.
 */
import type { MessageContext } from '../kernel/context.js';
import { mergeFollowUp, type Intake } from '../intake/index.js';
import { rerouteForPlace } from '../tickets/lifecycle.js';
import { openReportsOf } from '../store/media.js';
import { isCategory, isUrgency } from '../kernel/domain.js';

/** Ticket commands that take a number first. */
const NUMBERED = ['接单', '签收', '办结', '完成', '退回', '拒单', '备注', '转派', '转交', '查询', '进度', '评价', '打分', '撤销', '撤回'];
const COMMAND = new RegExp(`^(${NUMBERED.join('|')})(?!\\s*[#＃\\d])\\s*(.*)$`);
const UNHAPPY = /^(不满意|还是坏的|还坏着|还没修好|没修好|没有修好|没解决|没有解决|还是不行|根本没修)/;
const HAPPY = /^(满意|很满意|非常满意|修好了|已经修好了)/;

/** The one ticket number a quoted message speaks of, if exactly one. */
function ticketIn(quote: string): number | undefined {
  const numbers = new Set([...quote.normalize('NFKC').matchAll(/#\s*(\d{1,7})/g)].map((m) => Number(m[1])));
  return numbers.size === 1 ? [...numbers][0] : undefined;
}

/**
 * The text as a command would read it: `接单` quoting the bot's new-ticket message is
 * `接单 #N`; `不满意` / `还是坏的` quoting the "已办结" message is a rating of that ticket.
 */
export function withQuotedTicket(text: string, quote: string | null | undefined): string {
  if (!quote) return text;
  const id = ticketIn(quote);
  if (id === undefined) return text;
  const command = COMMAND.exec(text);
  if (command) return `${command[1]} #${id}${command[2] ? ` ${command[2]}` : ''}`;
  if (/已办结|办结/.test(quote)) {
    if (UNHAPPY.test(text)) return `评价 #${id} 1 ${text}`;
    if (HAPPY.test(text)) return `评价 #${id} 5 ${text}`;
  }
  return text;
}

const squash = (s: string) => s.normalize('NFKC').replace(/\s+/g, '');

/**
 * A resident quoting their own report and adding the place (`在3栋`) completes that
 * report's ticket. True when the reply was used up so.
 */
export async function completeQuotedReport(ctx: MessageContext, quote: string): Promise<boolean> {
  const quoted = squash(quote);
  if (quoted.length < 2) return false;
  const reports = await openReportsOf(ctx.db, ctx.speaker.personId);
  const ticket = reports.find((t) => {
    const own = squash(t.text);
    return own.includes(quoted) || quoted.includes(own);
  });
  if (!ticket) return false;
  const earlier: Intake = {
    intent: 'report',
    category: isCategory(ticket.category) ? ticket.category : null,
    urgency: isUrgency(ticket.urgency) ? ticket.urgency : null,
    building: ticket.building,
    unit: ticket.unit,
    room: ticket.room,
    confidence: 1,
    source: 'rules',
  };
  const merged = mergeFollowUp(earlier, ctx.text);
  if (!merged) return false;
  await rerouteForPlace(ctx, ticket.id, merged);
  return true;
}
