/**
 * A county in the simulator: one bot per account (each serving its community, on its own
 * in-memory WeChat), all on ONE database as a county's processes are (a temporary SQLite
 * file, or one PostgreSQL schema), played from one script on one virtual clock. A group message goes to
 * the bot whose community has that group; a direct message to the account that last wrote
 * to the speaker (people answer in the chat they were written to), else the bot of their
 * community (where they hold a post, else where they last spoke in a group, else the
 * first). County staff writing 全县 reach every community's bot (each posts to its own
 * groups), and writing a community's name, that community's bot. Events come out in time
 * order, the same for a county file and its folder.
 */
import type { BotEvent } from '../events.js';
import type { Db } from '../store/db.js';
import type { County } from '../org/types.js';
import { deploymentsOf } from '../org/deployment.js';
import { flattenPosts } from '../org/directory.js';
import type { ScriptStep } from './script.js';
import { closeSimulationDatabase, openSimulationDatabase, Simulation, type SimulationOptions } from './run.js';
import { migrateDatabase } from '../store/db.js';
import { importCounty } from '../org/import.js';
import type { ScratchDir } from '../scratch.js';

export class CountySimulation {
  private readonly sims: Simulation[];
  private readonly byTopic = new Map<string, number>();
  /** Which bot last wrote to a person directly. */
  private readonly wroteTo = new Map<string, number>();
  /** Where a post-holder holds their (first) post. */
  private readonly holderOf = new Map<string, number>();
  /** Where a resident last spoke in a group. */
  private readonly residentOf = new Map<string, number>();
  private buffered: { event: BotEvent; at: Date; order: number }[] = [];
  private readonly countyStaff: Set<string>;
  private readonly communities: string[];
  /** The bots a county staff member's last county-wide command went to (a 确认 follows it there). */
  private readonly fannedOut = new Map<string, number[]>();
  /** The one database of the county's bots. */
  private readonly shared: { db: Db; url: string; postgresUrl?: string; scratch?: ScratchDir };
  private prepared = false;

  constructor(
    private readonly county: County,
    /** A PostgreSQL `databaseUrl` gives the county a fresh schema of its own there. */
    private readonly options: Omit<SimulationOptions, 'org' | 'county' | 'account' | 'sharedDb'>,
  ) {
    const deployments = deploymentsOf(county);
    this.shared = openSimulationDatabase(options.databaseUrl);
    this.countyStaff = new Set(county.staff.map((s) => s.wechat));
    this.communities = deployments.map((d) => d.org.community.name);
    this.sims = deployments.map((d, i) => {
      const topics = [...d.org.community.rooms, ...d.org.grids.flatMap((g) => g.rooms)].map((r) => r.topic);
      for (const t of topics) this.byTopic.set(t, i);
      for (const p of flattenPosts(d.org)) if (!this.holderOf.has(p.alias)) this.holderOf.set(p.alias, i);
      return new Simulation({
        ...options,
        onInput: undefined,
        org: d.org,
        county: d.county,
        account: d.account,
        sharedDb: this.shared,
        onEvent: (event, at) => {
          if (event.kind === 'say' && event.to) this.wroteTo.set(event.to, i);
          this.buffered.push({ event, at, order: this.buffered.length });
        },
      });
    });
  }

  async run(steps: ScriptStep[]): Promise<void> {
    for (const step of steps) await this.play(step);
    for (const sim of this.sims) await sim.finish();
    this.flush();
  }

  async stop(): Promise<void> {
    try {
      for (const sim of this.sims) await sim.stop();
      await closeSimulationDatabase(this.shared.db, this.shared.postgresUrl);
    } finally {
      this.shared.scratch?.remove();
    }
  }

  private async play(step: ScriptStep): Promise<void> {
    if (!this.prepared) {
      if (this.shared.postgresUrl) await migrateDatabase(this.shared.postgresUrl);
      await importCounty(this.shared.db, this.county);
      this.prepared = true;
    }
    for (const sim of this.sims) if (!sim.isStarted) await sim.start();
    if (step.kind !== 'say') this.options.onInput?.(step, new Date(this.latest()));
    switch (step.kind) {
      case 'at':
        for (const sim of this.sims) await sim.play(step);
        break;
      case 'wait': {
        // One clock for the county: every bot moves to the same moment.
        const target = new Date(this.latest() + step.ms);
        for (const sim of this.sims) await sim.play({ kind: 'at', line: step.line, time: target });
        break;
      }
      case 'say': {
        const targets = this.countyWide(step) ?? [this.serving(step)];
        this.options.onInput?.(step, new Date(this.latest()));
        for (const i of targets) {
          await this.sims[i].advanceTo(new Date(this.latest()));
          await this.sims[i].play(step);
        }
        if (step.room !== null && step.alias) this.residentOf.set(step.alias, this.byTopic.get(step.room) ?? 0);
      }
    }
    this.flush();
  }

  /** The bots a county staff member's direct message is for, where it names 全县 or a community. */
  private countyWide(step: Extract<ScriptStep, { kind: 'say' }>): number[] | undefined {
    if (step.room !== null || !step.alias || !this.countyStaff.has(step.alias)) return undefined;
    const all = this.communities.map((_, i) => i);
    let targets: number[] | undefined;
    if (step.text.includes('全县')) targets = all;
    else if (/^\s*(确认|取消)\s*$/.test(step.text)) targets = this.fannedOut.get(step.alias);
    else {
      const named = all.filter((i) => step.text.includes(this.communities[i]));
      if (named.length) targets = named;
    }
    if (targets) this.fannedOut.set(step.alias, targets);
    return targets;
  }

  /** Which bot a message goes to. */
  private serving(step: Extract<ScriptStep, { kind: 'say' }>): number {
    if (step.room !== null) return this.byTopic.get(step.room) ?? 0;
    if (!step.alias) return 0;
    return this.wroteTo.get(step.alias) ?? this.holderOf.get(step.alias) ?? this.residentOf.get(step.alias) ?? 0;
  }

  private latest(): number {
    return Math.max(...this.sims.map((s) => s.clock.now().getTime()));
  }

  private flush(): void {
    const out = this.buffered.sort((a, b) => a.at.getTime() - b.at.getTime() || a.order - b.order);
    this.buffered = [];
    for (const { event, at } of out) this.options.onEvent(event, at);
  }
}
