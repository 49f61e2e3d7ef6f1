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
import { ScriptError, type ScriptStep } from './script.js';
import { MINUTE } from '../clock.js';
import { closeSimulationDatabase, openSimulationDatabase, Simulation, type SimulationOptions } from './run.js';
import { migrateDatabase } from '../store/db.js';
import { importCounty } from '../org/import.js';
import type { ScratchDir } from '../scratch.js';

export class CountySimulation {
  private readonly sims: Simulation[];
  /** The bots in each group: one, or its community's accounts in file order where several share it. */
  private readonly byTopic = new Map<string, number[]>();
  /** Bots whose process is stopped (`offline ACCOUNT`): they receive, sweep and send nothing. */
  private readonly offline = new Set<number>();
  private readonly byAccount = new Map<string, number>();
  /** Accounts share a community: the bots' clocks move a minute at a time, together, so that each sees the others' heartbeats. */
  private readonly together: boolean;
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
  private begun = false;

  constructor(
    private readonly county: County,
    /** A PostgreSQL `databaseUrl` gives the county a fresh schema of its own there. */
    private readonly options: Omit<SimulationOptions, 'org' | 'county' | 'account' | 'sharedDb'>,
  ) {
    const deployments = deploymentsOf(county);
    this.shared = openSimulationDatabase(options.databaseUrl);
    this.countyStaff = new Set(county.staff.map((s) => s.wechat));
    this.communities = deployments.map((d) => d.org.community.name);
    this.together = deployments.some((d) => d.peers);
    this.sims = deployments.map((d, i) => {
      const topics = [...d.org.community.rooms, ...d.org.grids.flatMap((g) => g.rooms)].map((r) => r.topic);
      for (const t of topics) this.byTopic.set(t, [...(this.byTopic.get(t) ?? []), i]);
      if (d.account) this.byAccount.set(d.account, i);
      for (const p of flattenPosts(d.org)) if (!this.holderOf.has(p.alias)) this.holderOf.set(p.alias, i);
      return new Simulation({
        ...options,
        onInput: undefined,
        org: d.org,
        county: d.county,
        account: d.account,
        peers: d.peers,
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
    for (const [i, sim] of this.sims.entries()) if (!this.offline.has(i)) await sim.finish();
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
        if (this.begun) await this.advance(step.time, step.line);
        else for (const sim of this.sims) await sim.play(step);
        this.begun = true;
        break;
      case 'wait':
        this.begun = true;
        await this.advance(new Date(this.latest() + step.ms), step.line);
        break;
      case 'say': {
        const targets = (this.countyWide(step) ?? this.serving(step)).filter((i) => !this.offline.has(i));
        this.options.onInput?.(step, new Date(this.latest()));
        for (const i of targets) {
          await this.sims[i].advanceTo(new Date(this.latest()));
          await this.sims[i].play(step);
        }
        if (step.room !== null && step.alias) this.residentOf.set(step.alias, this.byTopic.get(step.room)?.[0] ?? 0);
        break;
      }
      case 'presence': {
        const i = this.accountIndex(step);
        if (!step.online) this.offline.add(i);
        else if (this.offline.delete(i)) await this.sims[i].resumeAt(new Date(this.latest()));
        break;
      }
      case 'friend':
        await this.sims[this.accountIndex(step)].play(step);
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

  /** Which bots a message goes to: every running account in the group, or the one a person writes to. */
  private serving(step: Extract<ScriptStep, { kind: 'say' }>): number[] {
    if (step.room !== null) return this.byTopic.get(step.room) ?? [0];
    const chosen = step.alias ? (this.wroteTo.get(step.alias) ?? this.holderOf.get(step.alias) ?? this.residentOf.get(step.alias) ?? 0) : 0;
    if (!this.offline.has(chosen)) return [chosen];
    // That account is offline: the person writes to another account of the same community.
    const other = this.sims.findIndex((_, i) => !this.offline.has(i) && this.communities[i] === this.communities[chosen]);
    return other >= 0 ? [other] : [];
  }

  /** Moves every running bot to `target`: a minute at a time, together, where accounts share a community. */
  private async advance(target: Date, line: number): Promise<void> {
    const running = this.sims.filter((_, i) => !this.offline.has(i));
    if (!this.together) {
      for (const sim of running) await sim.play({ kind: 'at', line, time: target });
      return;
    }
    let t = this.latest();
    while (t < target.getTime()) {
      t = Math.min(target.getTime(), Math.floor(t / MINUTE) * MINUTE + MINUTE);
      for (const sim of running) await sim.advanceTo(new Date(t));
    }
  }

  private accountIndex(step: { line: number; account: string }): number {
    const i = this.byAccount.get(step.account);
    if (i === undefined) throw new ScriptError(step.line, `no account ${step.account} in the organisation file`);
    return i;
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
