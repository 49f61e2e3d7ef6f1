import type { Clock } from '../clock.js';
import type { Config } from '../config.js';
import { BufferedSink, type BotEvent, type EventSink } from '../events.js';
import type { Logger } from '../log.js';
import type { Db, Tx } from '../store/db.js';
import { inTransaction } from '../store/transaction.js';
import { claimInbound, markInboundFailed, markInboundStandby, pendingInbound, pendingInboundIds, isRelayed, pendingRelayedIds, recordInbound, relayInbound, type InboundMessage } from '../store/inbound-messages.js';
import { planRelay, relayedText, type Relay } from './relay.js';
import type { Classifier, Intake } from '../intake/index.js';
import type { ChatMessage, ChatPort, ChatTarget } from '../chat/port.js';
import { enqueue, enqueueLater, Outbox, type OutboundRequest, type SendBudget } from '../chat/outbox.js';
import { holdQueuedMessages, writeHeldMessages } from '../store/outbox-queue.js';
import { normalizeText } from '../commands/normalize.js';
import { CommandMatcher, type MatchedCommand } from '../commands/parse.js';
import { commandSpecs, sweeps, type Sweep } from './features.js';
import { identifySpeaker } from './identify.js';
import { markUnreachable, personById, personByWechatIdOnly, releaseAllWaiting, type AlsoRead } from '../store/identity.js';
import { communityOf } from '../store/scope.js';
import { ROLE_LABELS } from '../org/types.js';
import { dispatchMessage, runCommand } from './dispatch.js';
import { Exclusive } from './exclusive.js';
import { SenderAnswers } from '../abuse/answers.js';
import { countAgainst, keys, likelyCounters, MessageCounters } from '../abuse/guard.js';
import { followUpKind } from '../tickets/follow-up.js';
import { ATTACH_WINDOW_MS } from '../media/attach.js';
import type { InboxJournal } from '../chat/inbox-journal.js';
import { mediaText, removeMediaFile, saveMediaFile, type SavedFile } from '../chat/media.js';
import { mediaFileInUse, saveTranscript } from '../store/media.js';
import { clipQuote, locationText, tooLargeText, TRANSCRIBED } from '../media/messages.js';
import { loadInboundFile, loadOutboundFile } from '../media/files.js';
import { withQuotedTicket } from '../media/quote.js';
import type { Transcriber } from '../media/transcribe.js';
import type { AppContext, MessageContext, Speaker } from '../kernel/context.js';
import { OrgDirectory } from '../org/directory.js';
import type { Org } from '../org/types.js';
import type { Presence } from './presence.js';

export interface BotDeps {
  config: Readonly<Config>;
  db: Db;
  chat: ChatPort;
  clock: Clock;
  events: EventSink;
  log: Logger;
  classifier: Classifier;
  org: OrgDirectory;
  random?: () => number;
  /** Write-ahead file of arriving messages (production); see chat/inbox-journal.ts. */
  inbox?: InboxJournal;
  /** Speech-to-text for voice notes; without it they get a short request to type. */
  transcriber?: Transcriber;
  /** Where other accounts serve the same community: who speaks in its groups, who reaches whom. */
  presence?: Presence;
  /** The account's send budget, shared with the bots of the other communities it serves. */
  sendBudget?: SendBudget;
  /** The account this bot's login is, where the county file lists accounts. */
  account?: string;
}

/** What a command run from the staff console answered, and whether it was refused. */
export interface CommandOutcome<T = undefined> {
  ok: boolean;
  replies: string[];
  /** What `inspect` read inside the transaction, after the command. */
  inspected?: T;
}

export interface RunAsOptions<T> {
  /** Roll everything back afterwards: a preview of exactly what the command would do. */
  dryRun?: boolean;
  /** Reads what the command wrote, inside its transaction. */
  inspect?(tx: Tx): Promise<T>;
}

/**
 * Messages that may use the part of the daily cap kept in reserve: to a post-holder, or to
 * a staff group. (Urgent ones are reserved already.)
 */
function keptForHolders(org: OrgDirectory, target: ChatTarget): boolean {
  if (target.kind === 'room') return org.room(target.topic)?.kind === 'staff';
  return !!target.alias && org.postsOf(target.alias).length > 0;
}

/** Rolls the console's command back: refused, or only a preview. */
class Refused extends Error {}

/** Duplicate deliveries of the same text by the same person in one place within this window are dropped. */
export const DUPLICATE_WINDOW_MS = 10_000;
/** Longer messages are cut before they are read; commands that long are refused. */
export const MAX_TEXT = 2_000;
/** A sweep left with more after this many batches goes on at the next minute's tick. */
const MAX_SWEEP_BATCHES = 2_000;

/**
 * The bot: every accepted message is stored first, then handled in one transaction with
 * everything it causes (ticket rows, queued replies), then marked done. A crash between
 * storing and handling leaves it pending, and the next start handles it — once.
 */
export class Bot {
  readonly outbox: Outbox;
  private readonly matcher = new CommandMatcher(commandSpecs);
  private queue: Promise<void> = Promise.resolve();
  private readonly exclusive = new Exclusive();

  constructor(private readonly deps: BotDeps) {
    this.outbox = new Outbox({
      db: deps.db,
      clock: deps.clock,
      chat: deps.chat,
      limits: deps.config.send,
      events: deps.events,
      log: deps.log,
      timeZone: deps.config.timeZone,
      random: deps.random,
      resolveContact: (key) => this.resolveContact(key),
      loadFile: (id) => loadOutboundFile(deps.db, deps.config.media.dir, id),
      onUnreachable: (key) => this.reportUnreachable(key),
      exclusive: (work) => this.exclusive.run(work),
      budget: deps.sendBudget,
    });
    deps.chat.onMessage((m) => this.receive(m));
  }

  /** The organisation as the bot now knows it. */
  get org(): OrgDirectory {
    return this.deps.org;
  }

  /** Takes an organisation edited in the console into use at once, without a restart. */
  useOrg(org: Org): void {
    this.deps.org = new OrgDirectory(org, this.deps.org.county);
  }

  /**
   * Runs a chat command as a post-holder, from the staff console: the same matcher, the
   * same rules and the same handlers as a direct message to the bot, in one transaction.
   * Answers come back to the console instead of going to WeChat; messages to others and
   * to groups are queued as usual. A refusal changes nothing.
   */
  runCommandAs<T = undefined>(alias: string, text: string, opts: RunAsOptions<T> = {}): Promise<CommandOutcome<T>> {
    return this.exclusive.run(() => this.runCommandAsNow(alias, text, opts));
  }

  private async runCommandAsNow<T>(alias: string, raw: string, opts: RunAsOptions<T>): Promise<CommandOutcome<T>> {
    const { text } = normalizeText(raw, this.botName);
    const command = this.matcher.match(text);
    if (!command) return { ok: false, replies: ['这不是可以执行的命令。'] };
    const replies: string[] = [];
    let refused: BotEvent | undefined;
    let inspected: T | undefined;
    const sink = new BufferedSink(this.deps.events);
    const watch: EventSink = { emit: (e) => (e.kind === 'refused' ? (refused = e) : sink.emit(e)) };
    try {
      await inTransaction(this.deps.db, async (tx) => {
        const person = await personByWechatIdOnly(tx, alias);
        const posts = this.deps.org.postsOf(alias);
        if (!person || posts.length === 0) throw new Refused('not a post-holder');
        const speaker: Speaker = { personId: person.id, alias, name: person.name, posts, isStaff: posts.some((p) => p.role === 'staff'), isHolder: true, verified: true };
        const base = this.appContext(tx, watch);
        const ctx: MessageContext = {
          ...base,
          speaker,
          room: undefined,
          text,
          mentioned: true,
          inboundId: 0,
          // A console session is already a verified login: there is no WeChat contact to remark.
          rememberContact: () => {},
          reply: async (t) => {
            replies.push(t);
          },
          replyPrivately: async (t) => {
            replies.push(t);
          },
          tell: async (to, t, opts) => {
            // What a command tells its own sender shows in the console too (and still reaches WeChat).
            if (to === alias) replies.push(t);
            await base.send({ target: { kind: 'contact', alias: to }, text: t, urgent: opts?.urgent, origin: opts?.origin });
          },
        };
        await runCommand(ctx, command, false);
        if (refused) throw new Refused('refused');
        inspected = await opts.inspect?.(tx);
        if (opts.dryRun) throw new Refused('dry run');
      });
    } catch (err) {
      sink.discard();
      if (!(err instanceof Refused)) throw err;
      if (!refused) return { ok: true, replies, inspected };
      this.deps.events.emit(refused);
      return { ok: false, replies: replies.length ? replies : ['您没有这个权限。'] };
    }
    sink.flush();
    this.outbox.wake();
    return { ok: true, replies, inspected };
  }

  get botName(): string {
    return this.deps.config.botName ?? this.deps.org.botName;
  }

  /** Messages are handled one at a time, in arrival order. */
  /**
   * Messages are stored the moment they arrive — never behind the handling of earlier
   * ones, which may wait seconds for the model — and handled one at a time, in order.
   */
  receive(message: ChatMessage): Promise<void> {
    try {
      this.deps.inbox?.append(message);
    } catch (err) {
      this.deps.log.error({ err, messageId: message.id }, 'could not write the inbox journal');
    }
    const stored = this.storeRow(message).catch((err: unknown) => {
      this.deps.log.error({ err, messageId: message.id }, 'failed to store a message');
      return undefined;
    });
    const run = this.queue.then(async () => {
      const row = await stored;
      if (row) await this.processStored(row);
    });
    this.queue = run.catch((err: unknown) => this.deps.log.error({ err, messageId: message.id }, 'failed to handle a message'));
    return this.queue;
  }

  async handleChatMessage(message: ChatMessage): Promise<void> {
    try {
      const row = await this.storeRow(message);
      if (row) await this.processStored(row);
    } catch (err) {
      this.deps.log.error({ err, messageId: message.id }, 'failed to handle a message');
    }
  }

  /** Stores an incoming message; undefined when it was seen before or is not for us. */
  async store(message: ChatMessage): Promise<number | undefined> {
    return (await this.storeRow(message))?.id;
  }

  /** Stores an incoming message and returns it as stored, to be handled without reading it back. */
  private storeRow(message: ChatMessage): Promise<InboundMessage | undefined> {
    return this.exclusive.runFirst(() => this.storeNow(message));
  }

  private async storeNow(message: ChatMessage): Promise<InboundMessage | undefined> {
    const { db, clock } = this.deps;
    if (message.room && !this.deps.org.room(message.room.topic)) return undefined; // not a registered group
    const { text: typed, mentioned } = normalizeText(message.text, this.botName);
    const kind = message.media?.kind ?? (message.location ? 'location' : 'text');
    if (kind === 'text' && typed === '') return undefined;
    const now = clock.now();
    // A file over the cap is answered and nothing of it is written.
    let saved: SavedFile | undefined;
    if (message.media) {
      const bytes = await message.media.read(this.deps.config.media.maxBytes);
      if (bytes === 'too_large') return this.refuseLargeMedia(message);
      saved = saveMediaFile(this.deps.config.media.dir, message.media.kind, bytes);
    }
    const text = message.media
      ? mediaText(message.media.kind, message.media.durationMs)
      : message.location
        ? locationText(message.location)
        : typed;
    const fingerprint = `${message.room?.topic ?? 'dm'}|${message.sender.alias ?? message.sender.chatId}|${saved ? saved.sha256 : text}`;
    const data = {
      messageId: message.id,
      roomTopic: message.room?.topic ?? null,
      senderChat: message.sender.chatId,
      senderAlias: message.sender.alias ?? null,
      senderName: message.sender.name,
      senderRemark: message.sender.remark ?? null,
      senderFriend: message.sender.friend ?? false,
      text,
      kind,
      quote: message.quote ? clipQuote(message.quote.text) : null,
      mentioned: mentioned || message.mentionsBot,
      fingerprint,
      receivedAt: now,
    };
    const media = saved && message.media
      ? { kind: message.media.kind, path: saved.path, sha256: saved.sha256, size: saved.size, durationMs: message.media.durationMs, roomTopic: data.roomTopic, createdAt: now }
      : undefined;
    let recorded: Awaited<ReturnType<typeof recordInbound>>;
    try {
      recorded = await recordInbound(db, data, { duplicateSince: new Date(now.getTime() - DUPLICATE_WINDOW_MS), media });
    } catch (err) {
      await this.removeUnusedFile(saved);
      throw err;
    }
    // The same protocol id again (a replay after re-login): already stored, maybe handled.
    if (recorded.kind === 'replay') await this.removeUnusedFile(saved);
    return recorded.kind === 'new' ? recorded.message : undefined;
  }

  /** Nothing half-written: a file no row points at is removed again. */
  private async removeUnusedFile(saved: SavedFile | undefined): Promise<void> {
    if (saved?.created && !(await mediaFileInUse(this.deps.db, saved.path))) removeMediaFile(this.deps.config.media.dir, saved.path);
  }

  /**
   * A file over the size cap: a short answer where it came from, at most once a minute per
   * sender (a flood of large files is no flood of answers); nothing is stored.
   */
  private async refuseLargeMedia(message: ChatMessage): Promise<undefined> {
    const { db, clock, config } = this.deps;
    const answer = await countAgainst({ db, clock }, keys.tooLarge(message.sender.chatId), config.abuse.groupRefusalsPerSender);
    if (!answer.allowed) return undefined;
    const target: ChatTarget = message.room
      ? { kind: 'room', topic: message.room.topic }
      : message.sender.alias ? { kind: 'contact', alias: message.sender.alias } : { kind: 'contact', chatId: message.sender.chatId };
    await enqueue(this.deps.db, this.deps.clock, { target, text: tooLargeText(message, this.deps.config.media.maxBytes) });
    this.outbox.wake();
    return undefined;
  }

  /** Handles every message stored but not yet handled (after a crash or restart). */
  async resumePending(): Promise<number> {
    const journal = this.deps.inbox;
    if (journal) {
      // Messages a crash caught before they reached the database: stored now (once).
      for (const m of journal.takeAll()) await this.store(m);
      journal.done();
    }
    const pending = await pendingInboundIds(this.deps.db);
    for (const id of pending) await this.process(id);
    if (pending.length) this.deps.log.info({ count: pending.length }, 'resumed messages stored before a restart');
    return pending.length;
  }

  /**
   * Handles one stored message. The slow part (speech-to-text, the model) runs outside
   * the database turn, so that messages arriving meanwhile are stored at once.
   */
  async process(inboundId: number): Promise<void> {
    const row = await this.exclusive.run(() => pendingInbound(this.deps.db, inboundId));
    if (row) await this.processStored(row);
  }

  /** Handles a message just stored (or read back as pending): the claim in its transaction decides who handles it. */
  private async processStored(row: InboundMessage): Promise<void> {
    const inboundId = row.id;
    // After a stall, who speaks is read afresh before answering a group: never two at once.
    if (row.roomTopic && this.deps.presence?.isStale(this.deps.clock.now())) await this.heartbeat();
    // A standby's copy of a group message the account ahead of it answers: kept, not handled.
    if (row.roomTopic && this.deps.presence && !this.deps.presence.speaksIn(row.roomTopic)) {
      await this.exclusive.run(() => markInboundStandby(this.deps.db, inboundId));
      return;
    }
    const room = row.roomTopic ? this.deps.org.room(row.roomTopic) : undefined;
    // A voice note becomes words when speech-to-text is configured (before the transaction: it takes seconds).
    const heard = row.kind === 'audio' ? await this.transcribe(row.id) : undefined;
    const said = heard ? `${TRANSCRIBED}${heard}` : row.text;
    const text = said.length > MAX_TEXT ? said.slice(0, MAX_TEXT) : said;
    const readable = row.kind === 'text' || heard !== undefined;
    // A quoted ticket message gives the command its number (「新工单 #3…」 接单).
    const command = row.kind === 'text' ? this.matcher.match(withQuotedTicket(text, row.quote)) : undefined;
    // The model may take seconds: ask it before the transaction, never inside it.
    let intake: Intake | undefined;
    if (readable && !command && (room?.kind === 'residents' || !row.roomTopic)) {
      const known = room ? this.deps.org.grid(room.grid)?.buildings.map((b) => b.number) : undefined;
      intake = await this.deps.classifier.classify(heard ?? text, { roomKey: room?.topic ?? `dm:${row.senderChat}`, knownBuildings: known });
    }
    const remarks: string[] = [];
    const handled = await this.exclusive.run(() => this.handleNow(row, room, text, said, heard, command, intake, remarks));
    // The remark is WeChat's to keep: written after the commit, outside the transaction.
    const last = remarks.at(-1);
    if (handled && last && this.deps.chat.setRemark) {
      const kept = await this.deps.chat.setRemark(row.senderChat, last);
      if (!kept) this.deps.log.info({ inboundId }, 'WeChat did not keep the remark; the person is known for this login only');
    }
  }

  private async handleNow(
    row: InboundMessage,
    room: MessageContext['room'],
    text: string,
    said: string,
    heard: string | undefined,
    command: MatchedCommand | undefined,
    intake: Intake | undefined,
    remarks: string[],
  ): Promise<boolean> {
    const { db, log } = this.deps;
    const inboundId = row.id;
    const sink = new BufferedSink(this.deps.events);
    try {
      await inTransaction(db, async (tx) => {
        // Claimed first: a message another process handled meanwhile is left alone.
        if (!(await claimInbound(tx, inboundId, this.deps.clock.now()))) return;
        // What the message queues is written in one statement, just before the commit.
        holdQueuedMessages(tx);
        const ctx = await this.messageContext(tx, sink, row, room, text, remarks);
        if (heard) await saveTranscript(tx, row.id, heard);
        // County staff's 全县 also goes to the communities other accounts serve.
        const relay = row.roomTopic || isRelayed(row) ? undefined : await this.planRelay(tx, ctx.speaker, text);
        if (relay) await relayInbound(tx, row, relay.to);
        if (relay && !relay.handleHere) await ctx.reply(relayedText(relay));
        else await dispatchMessage(ctx, {
          command,
          intake,
          tooLong: said.length > MAX_TEXT,
          inbound: { kind: row.kind, quote: row.quote ?? undefined, transcribed: heard !== undefined, body: row.text },
        });
        await ctx.counters?.flush();
        await writeHeldMessages(tx);
      });
    } catch (err) {
      sink.discard();
      log.error({ err, inboundId, messageId: row.messageId }, 'handling a message failed; it is kept as failed');
      await markInboundFailed(db, inboundId, String((err as Error)?.stack ?? err));
      // Someone who spoke to the bot directly is not left without an answer.
      if (!row.roomTopic || row.mentioned) {
        const target: ChatTarget = row.roomTopic ? { kind: 'room', topic: row.roomTopic } : { kind: 'contact', chatId: row.senderChat };
        await enqueue(db, this.deps.clock, { target, text: '抱歉，刚才的消息没有处理成功，已记录下来，请稍后再试或联系网格员。' });
        this.outbox.wake();
      }
      return false;
    }
    sink.flush();
    this.outbox.wake();
    return true;
  }

  /** The words of a stored voice note, when speech-to-text is configured and understood it. */
  private async transcribe(inboundId: number): Promise<string | undefined> {
    const { transcriber, db, config, log } = this.deps;
    if (!transcriber) return undefined;
    const file = await this.exclusive.run(() => loadInboundFile(db, config.media.dir, inboundId));
    if (!file) return undefined;
    const words = await transcriber.transcribe(file).catch((err: unknown) => {
      log.warn({ err, inboundId }, 'speech-to-text failed; answering as without it');
      return undefined;
    });
    const clean = words?.trim();
    return clean ? clean : undefined;
  }

  private planRelay(tx: Tx, speaker: { alias?: string | null; personId: number }, text: string): Promise<Relay | undefined> {
    const { org, account, clock } = this.deps;
    return planRelay(tx, org.county, { community: org.communityName, account: account ?? '' }, speaker, text, clock.now());
  }

  appContext(tx: Tx, events: EventSink): AppContext {
    const { clock, config, org, log, classifier } = this.deps;
    return {
      db: tx,
      clock,
      config,
      org,
      events,
      log,
      classifier,
      send: async (req: OutboundRequest) => {
        const via = this.deps.presence?.route(req.target);
        await enqueueLater(tx, clock, { ...req, reserved: req.reserved ?? (req.urgent || keptForHolders(org, req.target)), ...(via ? { account: via } : {}) });
      },
    };
  }

  private async messageContext(
    tx: Tx,
    events: EventSink,
    row: { id: number; senderChat: string; senderAlias: string | null; senderName: string; senderRemark: string | null; senderFriend: boolean; mentioned: boolean },
    room: MessageContext['room'],
    text: string,
    remarks: string[],
  ): Promise<MessageContext> {
    const base = this.appContext(tx, events);
    // Read with the sender, in one statement: the follow-up they may be completing, the counters the message most likely
    // touches, and whether files they sent just before wait for a report.
    const community = communityOf(this.deps.db);
    const also: AlsoRead = {
      pending: { kind: followUpKind(room?.topic), community },
      counters: likelyCounters(room?.topic),
      looseMedia: { since: new Date(this.deps.clock.now().getTime() - ATTACH_WINDOW_MS), community },
    };
    const identified = await identifySpeaker(
      tx,
      this.deps.org,
      { chatId: row.senderChat, alias: row.senderAlias ?? undefined, name: row.senderName, remark: row.senderRemark ?? undefined, friend: row.senderFriend },
      also,
    );
    const { speaker, remark } = identified;
    if (remark) remarks.push(remark);
    // The one who spoke is answered on the contact that spoke, whoever they were taken for.
    const toSpeaker: ChatTarget = speaker.alias.startsWith('p:') ? { kind: 'contact', chatId: row.senderChat } : { kind: 'contact', alias: speaker.alias };
    // What a message most likely counts: its sender's reports and replies, its group's reply budget.
    const counters = new MessageCounters(
      tx,
      [keys.reports(speaker.personId), keys.replies(speaker.personId), ...(room ? [keys.groupReplies(room.topic)] : [])],
      identified.counters,
    );
    const answers = new SenderAnswers({ db: tx, clock: this.deps.clock, counters }, this.deps.config.abuse, speaker, room?.topic, (t) =>
      base.send({ target: toSpeaker, text: t }),
    );
    return {
      ...base,
      speaker,
      room,
      text,
      mentioned: row.mentioned,
      inboundId: row.id,
      counters,
      reply: async (t, opts) => {
        const where = await answers.reply(opts?.urgent ?? false);
        if (where === 'none') return;
        await base.send({ target: where === 'group' && room ? { kind: 'room', topic: room.topic } : toSpeaker, text: t, urgent: opts?.urgent });
      },
      replyPrivately: async (t) => {
        if (await answers.privately()) await base.send({ target: toSpeaker, text: t });
      },
      tell: (alias, t, opts) =>
        base.send({ target: { kind: 'contact', alias }, text: t, urgent: opts?.urgent, origin: opts?.origin, repeatable: opts?.repeatable }),
      rememberContact: (key) => {
        remarks.push(key);
      },
    };
  }

  /** A contact key to what WeChat can find: never a name (see docs/interfaces.md, "Recognising people"). */
  private async resolveContact(key: string): Promise<ChatTarget> {
    if (key.startsWith('id:')) return { kind: 'contact', chatId: key.slice(3) };
    const person = key.startsWith('p:') ? await personById(this.deps.db, Number(key.slice(2))) : await personByWechatIdOnly(this.deps.db, key);
    return {
      kind: 'contact',
      alias: person?.alias ?? (key.startsWith('p:') ? undefined : key),
      chatId: person?.chatId ?? undefined,
      remarkKey: person?.remarkKey ?? undefined,
    };
  }

  /**
   * Nobody can be found for a contact key: the message waits for them, and staff hear
   * once who cannot be reached. It is never handed to somebody else of the same name.
   */
  private async reportUnreachable(key: string): Promise<void> {
    const { db, clock, org } = this.deps;
    await inTransaction(db, async (tx) => {
      if (!(await markUnreachable(tx, key, clock.now()))) return;
      const person = key.startsWith('p:') ? await personById(tx, Number(key.slice(2))) : await personByWechatIdOnly(tx, key);
      const posts = org.postsOf(person?.alias).map((p) => ROLE_LABELS[p.role]);
      const who = `${person?.name ?? key}${posts.length ? `（${[...new Set(posts)].join('、')}）` : ''}`;
      const text = `联系不上${who}：有消息在等待发给本人。请让本人私聊我一次${posts.length ? `，或发「绑定码 ${person?.alias ?? key}」给本人重新绑定` : ''}。`;
      const rooms = org.staffRooms();
      if (rooms.length) for (const r of rooms) await enqueue(tx, clock, { target: { kind: 'room', topic: r.topic }, text, reserved: true });
      else for (const s of org.holders('staff')) if (s.alias !== key) await enqueue(tx, clock, { target: { kind: 'contact', alias: s.alias }, text, reserved: true });
    });
  }

  /**
   * When the next sweep may have work: the earliest `nextDue` of all sweeps, or now when
   * any sweep cannot tell. The simulator skips the virtual minutes before it.
   */
  nextSweepDue(): Promise<Date | null> {
    return this.exclusive.run(() => this.nextSweepDueNow());
  }

  private async nextSweepDueNow(): Promise<Date | null> {
    const now = this.deps.clock.now();
    if (this.deps.org.county?.servedBy && (await pendingRelayedIds(this.deps.db)).length) return now;
    let earliest: Date | null = this.deps.presence?.nextDue() ?? null;
    for (const sweep of sweeps) {
      if (!sweep.nextDue) return now;
      const due = await sweep.nextDue(this.appContext(this.deps.db, this.deps.events));
      if (due && (!earliest || due < earliest)) earliest = due;
    }
    return earliest;
  }

  /**
   * The minute tick: every sweep, a batch per transaction, each batch taking its turn
   * with message handling (a message waits for one batch, not for a whole sweep). One
   * failing does not stop the rest.
   */
  async runSweeps(): Promise<void> {
    await this.heartbeat();
    // A silent standby leaves the community's due work to the account that speaks.
    if (this.deps.presence && !this.deps.presence.speaks) return this.outbox.wake();
    // What county staff wrote to another account, handed on to this community (app/relay.ts).
    if (this.deps.org.county?.servedBy) for (const id of await this.exclusive.run(() => pendingRelayedIds(this.deps.db))) await this.process(id);
    for (const sweep of sweeps) {
      for (let batch = 0; batch < MAX_SWEEP_BATCHES; batch++) {
        if (!(await this.exclusive.runInBackground(() => this.runSweepBatch(sweep)))) break;
        // Database calls settle as microtasks: let arriving messages reach the queue between batches.
        await new Promise((resolve) => setImmediate(resolve));
      }
    }
    this.outbox.wake();
  }

  /** Beside other accounts of the community: this one runs (written every minute), and who speaks now. */
  async heartbeat(): Promise<void> {
    const presence = this.deps.presence;
    if (!presence) return;
    await this.exclusive.runInBackground(() => presence.tick(this.deps.org, this.deps.chat.isLoggedIn?.() ?? true)).catch((err: unknown) => this.deps.log.error({ err }, 'heartbeat failed'));
    // Just took over: what residents wrote while nobody answered is handled now, in arrival order.
    const late = presence.takeRevived();
    for (const id of late) await this.process(id);
    if (late.length) this.deps.log.warn({ count: late.length }, `接替后补办 ${late.length} 条无人处理的群消息 (handled late after takeover)`);
  }

  /** At login: which of the community's groups this account is not in (the others answer there). */
  async roomsFound(missing: string[]): Promise<void> {
    const presence = this.deps.presence;
    if (presence) await this.exclusive.run(() => presence.learnRooms(missing));
  }

  /**
   * WeChat's friend list changed (or was first read): routes follow it, and what waited
   * for somebody this account could not reach is tried again (staff are not told twice).
   */
  async friendsChanged(): Promise<void> {
    const presence = this.deps.presence;
    if (!presence) return;
    await this.exclusive.run(async () => {
      await presence.learnFriends(this.deps.chat);
      await releaseAllWaiting(this.deps.db);
    });
    this.outbox.wake();
  }

  private async runSweepBatch(sweep: Sweep): Promise<boolean> {
    const sink = new BufferedSink(this.deps.events);
    try {
      const more = await inTransaction(this.deps.db, async (tx) => sweep.run(this.appContext(tx, sink)));
      sink.flush();
      return more === true;
    } catch (err) {
      sink.discard();
      this.deps.log.error({ err, sweep: sweep.name }, 'sweep failed');
      return false;
    }
  }
}

export type { MatchedCommand };
