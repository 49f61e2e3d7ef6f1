/**
 * Several accounts serving one community (docs/interfaces.md, "A county"): the first
 * listed speaks in the community's groups; a later one (a standby) stays silent there
 * unless every account before it has been offline for 10 minutes. Each running account
 * writes a heartbeat every minute; the standby takes over when the heartbeats ahead of
 * it are older than that, tells staff once, and hands back when one is fresh again.
 *
 * A direct message goes through an account that has the person as a friend (as WeChat
 * listed its friends), else through this one.
 *
 * What each account decides is read from the database once a minute (`tick`) and kept in
 * memory: handling a message reads nothing more.
 */
import { MINUTE, type Clock } from '../clock.js';
import type { Logger } from '../log.js';
import type { Db, Tx } from '../store/db.js';
import { inTransaction } from '../store/transaction.js';
import { reviveUnhandled } from '../store/inbound-messages.js';
import { friendsOf, handOverWaiting, heartbeats, replaceFriends, roomsAbsent, setStandbyInCharge, standbysInCharge, waitingContacts, writeHeartbeat, writeRoomsAbsent } from '../store/account-presence.js';
import type { ChatPort, ChatTarget } from '../chat/port.js';
import { enqueue } from '../chat/outbox.js';
import type { OrgDirectory } from '../org/directory.js';

/** An account whose heartbeat is older than this is offline: the standby behind it takes over. */
export const STANDBY_AFTER_MS = 10 * MINUTE;
/** How far back a standby that takes over looks for group messages nobody handled. */
const REVIVE_AT_MOST_MS = 30 * MINUTE;

export interface PresenceDeps {
  db: Db;
  clock: Clock;
  log: Logger;
  /** This process's account. */
  account: string;
  /** Every account serving the community, in file order (this one among them). */
  peers: string[];
}

export class Presence {
  private readonly ahead: string[];
  private readonly behind: string[];
  /** Whether this account answers the community's group messages now. */
  private speaking: boolean;
  /** While this one is silent: the account that speaks in the groups (what this one says there goes through it). */
  private voice?: string;
  /** The accounts with a fresh heartbeat at the last tick. */
  private alive: Set<string>;
  /** The groups each account is not in (as WeChat said at its login), as last read. */
  private absent = new Map<string, Set<string>>();
  /** Whose friend each person is (alias → accounts), as last read. */
  private friends = new Map<string, Set<string>>();
  private firstTick?: number;
  private lastTick?: number;
  /** Group messages nobody handled while the accounts ahead were gone, to be handled now that this one took over. */
  private revived: number[] = [];

  constructor(private readonly deps: PresenceDeps) {
    const i = deps.peers.indexOf(deps.account);
    this.ahead = deps.peers.slice(0, Math.max(i, 0));
    this.behind = deps.peers.slice(i + 1);
    this.speaking = this.ahead.length === 0;
    this.alive = new Set(deps.peers);
  }

  /** This account answers the community's group messages now (a standby only after taking over). */
  get speaks(): boolean {
    return this.speaking;
  }

  /**
   * This account answers in this group: where it speaks for the community, and in a group
   * none of the accounts ahead of it is in (a group is served by the account that is in it).
   */
  speaksIn(topic: string): boolean {
    return this.speaking || (this.ahead.length > 0 && !this.ahead.some((p) => this.isIn(p, topic)));
  }

  private isIn(account: string, topic: string): boolean {
    return !this.absent.get(account)?.has(topic);
  }

  /** The stored group messages this account must handle late, having just taken over (each given once). */
  takeRevived(): number[] {
    const ids = this.revived;
    this.revived = [];
    return ids;
  }

  /**
   * The last tick is older than two minutes: the process stalled (or its timers did), and
   * what it decided then may be out of date — a standby may have taken over meanwhile.
   */
  isStale(now: Date): boolean {
    return this.lastTick === undefined || now.getTime() - this.lastTick > 2 * MINUTE;
  }

  /** When the next heartbeat is due. */
  nextDue(): Date {
    return new Date(this.lastTick === undefined ? this.deps.clock.now().getTime() : this.lastTick + MINUTE);
  }

  /**
   * The minute's heartbeat (while logged in to WeChat), and what follows from the others': a standby takes over or
   * hands back (telling staff once each time), and an account that comes back stays
   * silent until the standby behind it has handed back.
   */
  async tick(org: OrgDirectory, loggedIn = true): Promise<void> {
    const { db, clock, account, peers, log } = this.deps;
    const now = clock.now();
    this.firstTick ??= now.getTime();
    this.lastTick = now.getTime();
    // Not logged in to WeChat, the process may run but the account cannot speak: no heartbeat.
    if (loggedIn) await writeHeartbeat(db, account, now);
    const beats = await heartbeats(db, peers.filter((p) => p !== account));
    // An account that never wrote one counts from when this one started.
    const fresh = (p: string) => p === account || now.getTime() - (beats.get(p)?.getTime() ?? this.firstTick!) <= STANDBY_AFTER_MS;
    this.alive = new Set(peers.filter(fresh));
    let inCharge = true;
    if (this.ahead.length) {
      const back = this.ahead.find((p) => this.alive.has(p));
      // A standby not logged in itself does not take over (one in charge keeps it until one ahead is back).
      inCharge = back === undefined && (loggedIn || this.speaking);
      const changed = await inTransaction(db, async (tx) => {
        if (!(await setStandbyInCharge(tx, account, inCharge, now))) return false;
        const text = inCharge
          ? `主账号 ${this.ahead.join('、')} 已离线超过 10 分钟，备用账号 ${account} 接替回复群消息。`
          : `主账号 ${back} 已恢复在线，备用账号 ${account} 交回，不再回复群消息。`;
        // The hand-back is said by the account that is back: the standby is silent again.
        await tellStaff(tx, clock, org, text, inCharge ? undefined : back);
        // What residents wrote since the last sign of life ahead, and nobody handled, is handled now (late, not lost).
        if (inCharge) this.revived = await reviveUnhandled(tx, this.ahead, this.lastSeenAhead(beats, now));
        return true;
      });
      if (changed) log.warn({ account, inCharge }, inCharge ? `备用账号 ${account} 接替回复群消息 (standby took over)` : `备用账号 ${account} 交回 (standby handed back)`);
    }
    // Come back while a standby behind answers: silent until it has handed back.
    const behindInCharge = this.behind.length ? await standbysInCharge(db, this.behind) : new Set<string>();
    this.speaking = inCharge && behindInCharge.size === 0;
    this.voice = this.speaking ? undefined : (this.ahead.find((p) => this.alive.has(p)) ?? this.behind.find((p) => behindInCharge.has(p)));
    this.friends = await friendsOf(db, peers);
    this.absent = await roomsAbsent(db, peers);
    // What waits for someone this account cannot reach goes to an account that now can.
    for (const target of await waitingContacts(db)) {
      const via = this.route({ kind: 'contact', alias: target });
      if (via) log.info({ target, via, count: await handOverWaiting(db, target, via) }, 'messages waiting for a person go through a friend account');
    }
  }

  /** A minute before the last heartbeat of the accounts ahead (their last sign of life), at most half an hour back. */
  private lastSeenAhead(beats: Map<string, Date>, now: Date): Date {
    const last = Math.max(...this.ahead.map((p) => beats.get(p)?.getTime() ?? this.firstTick!));
    return new Date(Math.max(last - MINUTE, now.getTime() - REVIVE_AT_MOST_MS));
  }

  /** Keeps, where the other accounts see it, which of the community's groups this login is not in. */
  async learnRooms(missing: string[]): Promise<void> {
    await writeRoomsAbsent(this.deps.db, this.deps.account, missing);
    this.absent = await roomsAbsent(this.deps.db, this.deps.peers);
  }

  /**
   * Reads this account's friends from WeChat (at login, and when WeChat says a friendship
   * changed) and keeps them where the other accounts' processes see them.
   */
  async learnFriends(chat: ChatPort): Promise<void> {
    if (!chat.friends) return;
    const aliases = await chat.friends();
    await replaceFriends(this.deps.db, this.deps.account, aliases, this.deps.clock.now());
    this.friends = await friendsOf(this.deps.db, this.deps.peers);
  }

  /**
   * The account a message goes out through: for a group, the account that speaks there
   * (a silent standby's answer to a staff member's direct command is posted by it), or,
   * where that one is not in the group, a running account that is; for a
   * person, an account that has them as a friend (this one first, else one running, in
   * file order); else this one (undefined).
   */
  route(target: ChatTarget): string | undefined {
    if (target.kind === 'room') {
      const { account, peers } = this.deps;
      if (this.speaksIn(target.topic) && this.isIn(account, target.topic)) return undefined;
      // Posted by the account that speaks there; where that one is not in the group, by the first running one that is.
      const voice = this.speaking ? undefined : this.voice;
      if (voice && this.isIn(voice, target.topic)) return voice;
      return peers.find((p) => p !== account && this.alive.has(p) && this.isIn(p, target.topic)) ?? voice;
    }
    if (!target.alias) return undefined;
    const of = this.friends.get(target.alias);
    if (!of || of.has(this.deps.account)) return undefined;
    return this.deps.peers.find((p) => of.has(p) && this.alive.has(p));
  }
}

/** A short note to the community's staff: their groups, else each of them. */
async function tellStaff(tx: Tx, clock: Clock, org: OrgDirectory, text: string, account: string | undefined): Promise<void> {
  const via = account ? { account } : {};
  const rooms = org.staffRooms();
  if (rooms.length) for (const r of rooms) await enqueue(tx, clock, { target: { kind: 'room', topic: r.topic }, text, reserved: true, ...via });
  else for (const s of org.holders('staff')) await enqueue(tx, clock, { target: { kind: 'contact', alias: s.alias }, text, reserved: true, ...via });
}
