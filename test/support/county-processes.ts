import path from 'node:path';
import type { ManualClock } from '../../src/clock.js';
import { loadConfig, type Config } from '../../src/config.js';
import { silentLogger } from '../../src/log.js';
import { openDatabase, type Db } from '../../src/store/db.js';
import { loadCounty } from '../../src/org/county.js';
import { importCounty } from '../../src/org/import.js';
import { selectDeployments } from '../../src/org/deployment.js';
import { createAccountBots } from '../../src/app/runtime.js';
import type { Bot } from '../../src/app/bot.js';
import type { County } from '../../src/org/types.js';
import { tempDatabaseUrl } from './db.js';
import { FakeChat } from './fake-chat.js';
import { repoRoot } from './sim.js';

/** The example county (examples/county.yaml), with more accounts listed after its own. */
export function exampleCounty(moreAccounts: County['accounts'] = []): County {
  const county = loadCounty(path.join(repoRoot, 'examples/county.yaml'));
  return { ...county, accounts: [...county.accounts, ...moreAccounts] };
}

/**
 * A county's account processes on one database, each started as `npm start --account`
 * starts it (createAccountBots), on a fake WeChat login of its own, all on one clock.
 */
export class CountyProcesses {
  private readonly open: Db[] = [];
  private readonly url = tempDatabaseUrl();

  constructor(
    private readonly county: County,
    private readonly clock: ManualClock,
    private readonly config: Config = loadConfig({}),
  ) {}

  /** The process of `account`; its login is in every group of its communities but `notIn`. */
  async start(account: string, notIn: string[] = []): Promise<{ chat: FakeChat; bot: Bot }> {
    const db = openDatabase(this.url);
    this.open.push(db);
    await importCounty(db, this.county);
    const chat = new FakeChat();
    chat.notIn = new Set(notIn);
    const { config, clock } = this;
    const [bot] = createAccountBots({ config, db, chat, clock, events: { emit: () => undefined }, log: silentLogger, deployments: selectDeployments(this.county, account) });
    await chat.start();
    return { chat, bot };
  }

  /** Minutes pass for these processes: each runs its minute's sweeps, then sends what is due. */
  async minutes(count: number, ...bots: Bot[]): Promise<void> {
    for (let m = 0; m < count; m++) {
      for (const bot of bots) await bot.runSweeps();
      for (let i = 0; i < 12; i++) {
        for (const bot of bots) await bot.outbox.drainDue();
        this.clock.advance(5_000);
      }
    }
  }

  async close(): Promise<void> {
    for (const db of this.open.splice(0)) await db.$disconnect();
  }
}
