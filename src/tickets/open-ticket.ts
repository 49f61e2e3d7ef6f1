import type { MessageContext } from '../kernel/context.js';
import type { Intake } from '../intake/index.js';
import { DAY } from '../clock.js';
import { jsonList } from '../store/db.js';
import { OPEN_STATUSES, type Category, type Urgency } from '../kernel/domain.js';
import { countAnotherReport, insertTicket } from '../store/tickets.js';
import { residentHome } from '../store/residents.js';
import { deadlinePolicy } from './deadlines.js';
import { openingState } from './state-machine.js';
import { CATEGORY_LABELS, clip, fullPlace, roleLabel } from './messages.js';
import { recordTicketEvent, type TicketRow } from './record.js';
import { routeTicket, type RouteStep } from './routing.js';
import { attachmentLine, sendMediaTo, takeEarlierMedia } from '../media/attach.js';
import { isPrivateTicket } from './privacy.js';
import { admitReport, reporterIsFlooding, SAME_PERSON_MERGE_MS } from '../abuse/reports.js';
import { openTicketsAtPlace } from '../store/duplicates.js';
import { sameProblem } from './same-problem.js';
import { safetyHint } from './safety-hint.js';

export interface TicketPlace {
  gridName: string | null;
  building: string | null;
  unit: string | null;
  room: string | null;
}

/** Place from the message, else the resident's registered address, else the group's building. */
export async function resolvePlace(ctx: MessageContext, intake: Pick<Intake, 'building' | 'unit' | 'room'>): Promise<TicketPlace> {
  const person = ctx.speaker.home ?? (await residentHome(ctx.db, ctx.speaker.personId));
  const registeredGrid = person?.gridName ?? null;
  const gridName = ctx.room?.grid ?? registeredGrid;
  const sameGrid = !!registeredGrid && registeredGrid === gridName;
  if (intake.building) {
    const registeredHere = sameGrid && person?.building === intake.building;
    const unit = intake.unit ?? (registeredHere ? (person?.unit ?? null) : null);
    const room = intake.room ?? (registeredHere && person?.unit === unit ? (person?.room ?? null) : null);
    return { gridName, building: intake.building, unit, room };
  }
  if (sameGrid && person?.building && (!ctx.room?.building || ctx.room.building === person.building)) {
    return { gridName, building: person.building, unit: intake.unit ?? person.unit, room: intake.room ?? person.room };
  }
  return { gridName, building: ctx.room?.building ?? null, unit: intake.unit, room: intake.room };
}

/**
 * An open ticket this report repeats: same category and place, within a day, and about
 * the same thing (src/tickets/same-problem.ts). Only a
 * report by somebody else joins a ticket (neighbours about the same lamp), or the same
 * resident's repeat within minutes; and never a ticket whose reporter is flooding, so a
 * spammer's tickets swallow nobody's real report.
 */
async function findDuplicate(ctx: MessageContext, category: string, place: TicketPlace, text: string): Promise<TicketRow | null> {
  const gridName = place.gridName;
  if (!gridName) return null;
  const personal = category === 'assistance' || category === 'dispute';
  if (personal && !place.room) return null;
  if (!place.building && category !== 'utilities') return null;
  const now = ctx.clock.now().getTime();
  const candidates = await openTicketsAtPlace(ctx.db, {
    statuses: OPEN_STATUSES,
    category,
    place: { gridName, building: place.building, unit: place.unit, ...(personal ? { room: place.room } : {}) },
    since: new Date(now - DAY),
  });
  for (const t of candidates) {
    if (!sameProblem(t.text, text)) continue;
    if (t.reporterId === ctx.speaker.personId) {
      if (now - t.createdAt.getTime() <= SAME_PERSON_MERGE_MS) return t;
      continue;
    }
    if (!(await reporterIsFlooding(ctx, t.reporterId))) return t;
  }
  return null;
}

export function holderLine(ctx: { org: MessageContext['org'] }, step: RouteStep): string {
  const names = step.holders.map((a) => ctx.org.person(a)?.name ?? a).join('、');
  const unit = ctx.org.postsOf(step.holders[0]).find((p) => p.role === step.role)?.orgUnit;
  return `${unit ?? roleLabel(step.role)}${names}`;
}

/**
 * Creates a ticket from a resident's report, routes it and tells the holders and the group.
 * Null when the sender is over the report limit: the message stays stored, nothing opens.
 */
export async function openTicket(ctx: MessageContext, intake: Intake, text: string, opts: { viaDm?: boolean } = {}): Promise<TicketRow | null> {
  if (!(await admitReport(ctx))) return null;
  const category = intake.category ?? 'other';
  const urgency = intake.urgency ?? 'normal';
  const place = await resolvePlace(ctx, intake);
  const now = ctx.clock.now();

  const duplicate = await findDuplicate(ctx, category, place, text);
  if (duplicate) return mergeIntoExisting(ctx, duplicate, { category, urgency, place, text, viaDm: opts.viaDm });

  const ladder = routeTicket(ctx.org, { category, urgency, grid: place.gridName, building: place.building, unit: place.unit });
  const step = ladder[0];
  const ticket = await insertTicket(ctx.db, {
    ...openingState('assigned', urgency, deadlinePolicy(ctx.org.org, ctx.config.timeZone), now),
    community: ctx.org.communityName,
    category,
    urgency,
    tier: step?.tier ?? 'committee',
    step: 0,
    holders: step?.holders ?? [],
    told: step?.told ?? [],
    ...place,
    text,
    // Reported by direct message: it stays private, no group hears of it.
    sourceRoom: opts.viaDm ? null : (ctx.room?.topic ?? null),
    reporterId: ctx.speaker.personId,
    inboundId: ctx.inboundId,
    createdAt: now,
  });
  await recordTicketEvent(ctx, ticket, { kind: 'created', actor: ctx.speaker.alias });
  const media = await takeEarlierMedia(ctx, ticket.id);

  const label = CATEGORY_LABELS[category];
  const urgent = urgency === 'urgent';
  if (step) {
    const who = holderLine(ctx, step);
    const detail = `${urgent ? '【紧急】' : ''}新工单 #${ticket.id} ${label}\n地点：${fullPlace(ticket)}\n内容：${clip(text, 200)}\n报告人：${ctx.speaker.name}${opts.viaDm ? '（私信）' : ctx.room ? `（${ctx.room.topic}）` : ''}\n请回复「接单 #${ticket.id}」签收。${attachmentLine(media)}`;
    // A holder must hear of it: after a crash mid-send it goes again, marked as a repeat.
    for (const alias of step.holders) await ctx.tell(alias, detail, { urgent, origin: `ticket:${ticket.id}`, repeatable: true });
    await sendMediaTo(ctx, ticket.id, media, step.holders);
    for (const alias of step.told) {
      await ctx.tell(alias, `${urgent ? '【紧急】' : ''}请知悉：工单 #${ticket.id} ${label}（${fullPlace(ticket)}）已交${who}处理。\n内容：${clip(text, 200)}`, { urgent, origin: `ticket:${ticket.id}` });
    }
    const publicAck = !ctx.room || opts.viaDm || !isPrivateTicket(ticket);
    await ctx.reply(
      urgent
        ? `收到，紧急情况已通知${publicAck ? who : '负责的同志'}（工单 #${ticket.id}）。${safetyHint(text)}如有生命危险请立即拨打 120/119/110。`
        : publicAck
          ? `收到，已登记工单 #${ticket.id}（${label}），由${who}跟进。发送「查询 #${ticket.id}」可看进度。`
          : `收到，已转给负责的同志（工单 #${ticket.id}），进展会私信告诉您。`,
      { urgent },
    );
  } else {
    await ctx.reply(`收到，已登记工单 #${ticket.id}（${label}），社区会尽快安排。${urgent ? safetyHint(text) : ''}`, { urgent });
  }
  return ticket;
}

async function mergeIntoExisting(
  ctx: MessageContext,
  original: TicketRow,
  report: { category: Category; urgency: Urgency; place: TicketPlace; text: string; viaDm?: boolean },
): Promise<TicketRow> {
  const now = ctx.clock.now();
  // The reporter saying it again is no second resident: holders are not told again.
  const again = original.reporterId === ctx.speaker.personId;
  const updated = await countAnotherReport(ctx.db, original.id, again, now);
  await recordTicketEvent(ctx, updated, { kind: 'reported', actor: ctx.speaker.alias, note: clip(report.text, 200) });
  const merged = await insertTicket(ctx.db, {
    ...openingState('merged', report.urgency, deadlinePolicy(ctx.org.org, ctx.config.timeZone), now),
    community: ctx.org.communityName,
    category: report.category,
    urgency: report.urgency,
    tier: original.tier,
    step: original.step,
    holders: jsonList(original.assignees),
    ...report.place,
    text: report.text,
    sourceRoom: report.viaDm ? null : (ctx.room?.topic ?? null),
    reporterId: ctx.speaker.personId,
    inboundId: ctx.inboundId,
    createdAt: now,
    mergedIntoId: original.id,
  });
  await recordTicketEvent(ctx, merged, { kind: 'merged', actor: ctx.speaker.alias, into: original.id });
  const media = await takeEarlierMedia(ctx, original.id);
  if (again) {
    // Already acknowledged minutes ago: the group hears nothing more unless asked directly.
    await sendMediaTo(ctx, original.id, media, jsonList(original.assignees));
    if (ctx.mentioned) await ctx.reply(`这个问题已在处理中（工单 #${original.id}），已记下您的补充。`);
    return merged;
  }
  for (const alias of jsonList(original.assignees)) {
    await ctx.tell(alias, `工单 #${original.id} 又有居民反映（共 ${updated.reportCount} 人）：${clip(report.text, 100)}${attachmentLine(media)}`, { origin: `ticket:${original.id}` });
  }
  await sendMediaTo(ctx, original.id, media, jsonList(original.assignees));
  await ctx.reply(`这个问题已在处理中（工单 #${original.id}），已记下您的反映，共 ${updated.reportCount} 人反映。`);
  return merged;
}
