import { DomainError } from '../errors.js';
import type { Intake } from '../intake/index.js';
import { UNSURE_BELOW } from '../intake/index.js';
import type { MatchedCommand } from '../commands/parse.js';
import { mayUse } from '../commands/types.js';
import { roomFromWords } from '../tickets/dm-place.js';
import { holderNudge } from '../tickets/holder-commands.js';
import { openTicket } from '../tickets/open-ticket.js';
import type { MessageContext } from '../kernel/context.js';
import type { RoomInfo } from '../org/directory.js';
import { lastRoomOf, residentHome } from '../store/residents.js';
import { queryAnswerers, signupHandlers } from './features.js';
import { continueEarlierReport, rememberForFollowUp } from '../tickets/follow-up.js';
import { BIND_HINT } from '../people/bind.js';
import { answerVoiceNote, ownMedia, placeMedia } from '../media/attach.js';
import { placeFromLocation } from '../media/location.js';
import { completeQuotedReport } from '../media/quote.js';

export interface Dispatch {
  command?: MatchedCommand;
  intake?: Intake;
  tooLong?: boolean;
  /** What kind of message it was (text when absent), what it quoted, and its stored text. */
  inbound?: { kind: string; quote?: string; transcribed: boolean; body: string };
}

/** A command is answered; a refusal is a short reason and a `refused` event, nothing changed. */
export async function runCommand(ctx: MessageContext, { spec, word, args }: MatchedCommand, tooLong: boolean): Promise<void> {
  const refuse = async (reason: string) => {
    ctx.events.emit({ kind: 'refused', who: ctx.speaker.alias, command: spec.name, reason });
    // Never a public group reply: 200 refused commands must not become 200 group messages.
    await ctx.replyPrivately(reason);
  };
  if (tooLong) return refuse('消息太长了，请简短一些再发。');
  if (spec.where === 'dm' && ctx.room) return refuse(`「${word}」请私聊我发送。`);
  if (spec.where === 'group' && !ctx.room) return refuse(`「${word}」请在小区群里发送。`);
  if (!mayUse(spec, ctx.speaker, ctx.org)) {
    const denied = spec.deniedMessage ?? '抱歉，您没有使用这个命令的权限。';
    // Somebody the bot did not recognise as a post-holder may be one: say how to bind.
    const hint = spec.audience !== 'anyone' && spec.audience !== 'resident' && !ctx.speaker.isHolder && !ctx.room ? BIND_HINT : '';
    return refuse(hint ? `${denied}${hint}` : denied);
  }
  try {
    await spec.handle(ctx, args);
  } catch (err) {
    if (err instanceof DomainError) return refuse(err.userMessage);
    throw err;
  }
}

/**
 * Decides what a stored message is for. Commands never depend on the model; in a
 * residents' group the bot speaks only when it has something for the group.
 */
export async function dispatchMessage(ctx: MessageContext, d: Dispatch): Promise<void> {
  const kind = d.inbound?.kind ?? 'text';
  if (kind === 'location') return placeFromLocation(ctx, d.inbound!.body);
  if (kind === 'image' || kind === 'video' || kind === 'audio') {
    if (!d.inbound?.transcribed) {
      const used = await placeMedia(ctx);
      // Residents are asked to type; staff in their own group are not lectured.
      if (kind === 'audio' && !used && (!ctx.room || ctx.room.kind === 'residents')) await answerVoiceNote(ctx);
      return;
    }
    // A transcribed voice note is read as words; the recording goes with the ticket.
    await ownMedia(ctx);
    await dispatchWords(ctx, d);
    await placeMedia(ctx);
    return;
  }
  return dispatchWords(ctx, d);
}

async function dispatchWords(ctx: MessageContext, d: Dispatch): Promise<void> {
  if (d.command) return runCommand(ctx, d.command, d.tooLong ?? false);
  if (d.inbound?.quote && d.intake && (await completeQuotedReport(ctx, d.inbound.quote))) return;
  if (!ctx.room) return handleDirectMessage(ctx, d.intake);
  if (ctx.room.kind !== 'residents' || !d.intake) return;
  const intake = d.intake;

  if (await continueEarlierReport(ctx, intake)) return;

  switch (intake.intent) {
    case 'report': {
      if (intake.confidence < UNSURE_BELOW) {
        // Unsure: silent, unless somebody asked the bot directly.
        if (ctx.mentioned) {
          await rememberForFollowUp(ctx, intake, null);
          await ctx.reply('请问需要我们处理吗？请说一下什么问题、在哪栋楼，例如「3栋2单元楼道灯坏了」。');
        }
        return;
      }
      const ticket = await openTicket(ctx, intake, ctx.text);
      if (!ticket) return; // over the sender's report limit: stored, nothing opened
      await rememberForFollowUp(ctx, intake, ticket.status === 'merged' ? null : ticket.id);
      return;
    }
    case 'query':
      for (const answer of queryAnswerers) if (await answer(ctx, intake)) return;
      if (ctx.mentioned) await ctx.reply('这个我暂时答不上来。发送「帮助」可查看我能做什么。');
      return;
    case 'signup':
      for (const handle of signupHandlers) if (await handle(ctx, intake)) return;
      return;
    default:
      return; // chat: never a word
  }
}

const DM_HINT = '您好，我是网格助手。遇到问题可以直接告诉我，也可以在小区群里说；发送「帮助」查看可用命令。';

/** The residents' group a resident belongs to: by registered address, else where they last spoke. */
async function homeRoom(ctx: MessageContext): Promise<RoomInfo | undefined> {
  const person = ctx.speaker.home ?? (await residentHome(ctx.db, ctx.speaker.personId));
  if (person?.gridName) {
    const home = ctx.org.residentRoomFor(person.gridName, person.building);
    if (home) return home;
  }
  const lastTopic = await lastRoomOf(ctx.db, person?.chatId ?? null);
  const room = lastTopic ? ctx.org.room(lastTopic) : undefined;
  return room?.kind === 'residents' ? room : undefined;
}

/**
 * A direct message that is no command: a resident may report privately (a voice message
 * typed out by an elderly resident, say); the ticket belongs to their home group.
 */
async function handleDirectMessage(ctx: MessageContext, intake: Intake | undefined): Promise<void> {
  if (ctx.speaker.isHolder) return ctx.reply((await holderNudge(ctx)) ?? DM_HINT);
  if (!intake) return ctx.reply(DM_HINT);
  if (await continueEarlierReport(ctx, intake)) return;
  if (intake.intent === 'report' && intake.confidence >= UNSURE_BELOW) {
    const home = (await homeRoom(ctx)) ?? roomFromWords(ctx.org, ctx.text, intake.building);
    if (home) {
      await openTicket({ ...ctx, room: home, mentioned: true }, intake, ctx.text, { viaDm: true });
      return;
    }
    // No place yet: the report is never held back for an address. It goes to the
    // community tier now (the unit handling it, else the committee secretary); the
    // resident is asked where, and the answer sends it down to that grid.
    const ticket = await openTicket({ ...ctx, mentioned: true }, intake, ctx.text, { viaDm: true });
    if (!ticket) return;
    if (ticket.status !== 'merged') await rememberForFollowUp(ctx, intake, ticket.id);
    const urgent = intake.urgency === 'urgent';
    const g = ctx.org.grids[0];
    const example = g ? `，例如「${g.name}${g.buildings[0]?.number ?? '1'}栋」` : '';
    await ctx.reply(urgent ? '请再告诉我具体在哪个小区、几栋几单元，好让附近的同志赶过去。' : `请再告诉我是哪个小区、几栋${example}，好转给负责的同志。`, { urgent });
    return;
  }
  if (intake.intent === 'query') for (const answer of queryAnswerers) if (await answer(ctx, intake)) return;
  if (intake.intent === 'signup') for (const handle of signupHandlers) if (await handle(ctx, intake)) return;
  await ctx.reply(DM_HINT);
}
