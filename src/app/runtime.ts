import type { Org } from '../org/types.js';
import { OrgDirectory, type CountyView } from '../org/directory.js';
import { createClassifier, type Classifier } from '../intake/index.js';
import { Bot, type BotDeps } from './bot.js';
import { labelEvents } from '../events.js';
import { createTranscriber } from '../media/transcribe.js';
import { forgetContactIds, releaseAllWaiting } from '../store/identity.js';
import { scopedDatabase } from '../store/scope.js';
import { Presence } from './presence.js';
import type { Db } from '../store/db.js';
import type { Deployment } from '../org/deployment.js';
import type { InboxJournal } from '../chat/inbox-journal.js';
import { SendBudget } from '../chat/outbox.js';
import { LaneRouter, laneOf } from './lane-router.js';
import { SharedLogin } from './shared-login.js';
import { laneConfig } from '../config.js';
import { lastGroupCommunity } from '../store/inbound-messages.js';

/** What the bot needs, with the organisation as the file says it and the classifier optional. */
export type RuntimeDeps = Omit<BotDeps, 'org' | 'classifier' | 'presence'> & {
  org: Org;
  classifier?: Classifier;
  /** Set when the organisation is a county (events name the community) and lists accounts (events name the account). */
  county?: CountyView;
  account?: string;
  /** Every account serving this community, in file order, where there are two or more (app/presence.ts). */
  peers?: string[];
};

/**
 * Several accounts' processes may share one database: a bot reads and writes its
 * community's rows and its account's messages only (src/store/scope.ts).
 */
export function botDatabase(db: Db, community: string, where: { county?: CountyView; account?: string }): Db {
  return scopedDatabase(db, { community, account: where.account ?? '', shared: where.county !== undefined });
}

/**
 * Builds the bot from its parts. `npm start` and the simulator both come through here,
 * so the simulator runs the code that production runs.
 */
export function createBot(deps: RuntimeDeps): Bot {
  const { config, clock, log } = deps;
  const classifier =
    deps.classifier ??
    createClassifier({
      clock,
      learned: config.intakeLearned,
      log: (msg, extra) => log.info(extra ?? {}, msg),
      model: config.model
        ? {
            baseURL: config.model.baseURL,
            apiKey: config.model.apiKey,
            model: config.model.model,
            mode: config.model.mode,
            timeoutMs: config.model.timeoutMs,
            maxCallsPerDay: config.model.maxCallsPerDay,
            maxCallsPerRoomPerDay: config.model.maxCallsPerRoomPerDay,
          }
        : undefined,
    });
  const directory = new OrgDirectory(deps.org, deps.county);
  const db = botDatabase(deps.db, directory.communityName, deps);
  const transcriber = deps.transcriber ?? (config.asr ? createTranscriber(config.asr) : undefined);
  const events = labelEvents(deps.events, { community: deps.county !== undefined ? directory.communityName : undefined, account: deps.account });
  const presence = deps.account && deps.peers && deps.peers.length > 1 ? new Presence({ db, clock, log, account: deps.account, peers: deps.peers }) : undefined;
  const bot = new Bot({ ...deps, db, events, classifier, org: directory, transcriber, presence });
  deps.chat.onFriendsChanged?.(() => bot.friendsChanged());
  deps.chat.onReady(async () => {
    // Contact ids are only good for one login: forget them, people are matched anew.
    await forgetContactIds(db);
    // Who could not be reached may be found now (a remark or WeChat id resolves anew).
    await releaseAllWaiting(db);
    // Groups are matched by their name: say which of the org file's groups WeChat lacks.
    const missing = (await deps.chat.missingRooms?.(directory.allRooms().map((r) => r.topic))) ?? [];
    const rooms = directory.allRooms().length;
    if (missing.length) log.warn({ missing }, `这些群在微信里没找到，请核对群名或把机器人拉进群: ${missing.join('、')}`);
    log.info({ rooms: rooms - missing.length, missing: missing.length }, `已连接 ${rooms - missing.length} 个群 (groups found)`);
    // Beside other accounts: say at once that this one runs, which groups it is in, and whose friends it has.
    if (presence) {
      await bot.roomsFound(missing);
      await bot.friendsChanged();
      await bot.heartbeat();
    }
    // After every (re)login: finish what was stored before, then send what waits.
    await bot.resumePending();
    bot.outbox.wake();
  });
  return bot;
}

/**
 * The bots one WeChat login runs: one per community its account serves (one where it
 * serves one), each seeing only its community's messages, all sending through the login
 * within the account's one send budget.
 */
export function createAccountBots(
  deps: Omit<RuntimeDeps, 'org' | 'county' | 'account' | 'peers' | 'inbox' | 'sendBudget'> & {
    deployments: Deployment[];
    /** The write-ahead journal of each community's bot (production). */
    inbox?: (community: string) => InboxJournal;
  },
): Bot[] {
  const { deployments, inbox, ...rest } = deps;
  const own = (d: Deployment) => ({ org: d.org, county: d.county, account: d.account, peers: d.peers, inbox: inbox?.(d.org.community.name) });
  if (deployments.length === 1) return [createBot({ ...rest, ...own(deployments[0]) })];
  const communities = deployments.map((d) => d.org.community.name);
  // After a restart, a person's direct message goes where the database says they last spoke.
  const homeOf = async (sender: { alias?: string; chatId: string }) => {
    const community = await lastGroupCommunity(deps.db, deployments[0].account ?? '', sender);
    const lane = community ? communities.indexOf(community) : -1;
    return lane >= 0 ? lane : undefined;
  };
  const login = new SharedLogin(deps.chat, new LaneRouter(deployments.map((d) => laneOf(d.org)), deployments[0].county?.staff), deps.log, homeOf);
  const sendBudget = new SendBudget();
  // Each community's console has its own address: its bot gives out login links to it.
  return deployments.map((d, i) => createBot({ ...rest, ...own(d), config: laneConfig(rest.config, i).config, chat: login.lane(i), sendBudget }));
}
