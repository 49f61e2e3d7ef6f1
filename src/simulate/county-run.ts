/**
 * A county in the simulator: one bot per community each account serves (each on its own
 * in-memory WeChat; the bots of one account share its send budget), all on ONE database as
 * a county's processes are (a temporary SQLite file, or one PostgreSQL schema), played from
 * one script on one virtual clock. Messages go to bots as app/lane-router.ts says: a group
 * message to the bots of the group's community, a direct message to the bot that last
 * wrote to the speaker, else the one of their community; county staff writing 全县 reach
 * every community's bot (each posts to its own groups). Events come out in time order, the
 * same for a county file and its folder.
 */
import type { BotEvent } from '../events.js';
import type { Db } from '../store/db.js';
import type { County } from '../org/types.js';
import { deploymentsOf } from '../org/deployment.js';
import { LaneRouter, laneOf } from '../app/lane-router.js';
import { SendBudget } from '../chat/outbox.js';
import { ScriptError, type ScriptStep } from './script.js';
import { MINUTE } from '../clock.js';
import { closeSimulationDatabase, openSimulationDatabase, Simulation, type SimulationOptions } from './run.js';
import { migrateDatabase } from '../store/db.js';
import { importCounty } from '../org/import.js';
import type { ScratchDir } from '../scratch.js';

export class CountySimulation {
  private readonly sims: Simulation[];
  private readonly router: LaneRouter;
  /** Bots whose process is stopped (`offline ACCOUNT`): they receive, sweep and send nothing. */
  private readonly offline = new Set<number>();
  /** The bots of each account: one per community it serves. */
  private readonly byAccount = new Map<string, number[]>();
  /** Accounts share a community: the bots' clocks move a minute at a time, together, so that each sees the others' heartbeats. */
  private readonly together: boolean;
  private buffered: { event: BotEvent; at: Date; order: number }[] = [];
  private readonly communities: string[];
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
    this.router = new LaneRouter(deployments.map((d) => laneOf(d.org, d.account ?? '')), county.staff.map((s) => s.wechat));
    this.communities = deployments.map((d) => d.org.community.name);
    this.together = deployments.some((d) => d.peers);
    const budgets = new Map<string, SendBudget>();
    this.sims = deployments.map((d, i) => {
      if (d.account) this.byAccount.set(d.account, [...(this.byAccount.get(d.account) ?? []), i]);
      const account = d.account ?? `community:${i}`;
      if (!budgets.has(account)) budgets.set(account, new SendBudget());
      return new Simulation({
        ...options,
        onInput: undefined,
        org: d.org,
        county: d.county,
        account: d.account,
        peers: d.peers,
        sharedDb: this.shared,
        sendBudget: budgets.get(account),
        onEvent: (event, at) => {
          if (event.kind === 'say' && event.to) this.router.wrote(event.to, i);
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
        const targets = this.serving(step);
        this.options.onInput?.(step, new Date(this.latest()));
        for (const i of targets) {
          await this.sims[i].advanceTo(new Date(this.latest()));
          await this.sims[i].play(step);
        }
        if (step.room !== null && step.alias) this.router.spoke(step.alias, step.room);
        break;
      }
      case 'presence':
        for (const i of this.accountBots(step)) {
          if (!step.online) this.offline.add(i);
          else if (this.offline.delete(i)) await this.sims[i].resumeAt(new Date(this.latest()));
        }
        break;
      case 'friend':
        for (const i of this.accountBots(step)) await this.sims[i].play(step);
    }
    this.flush();
  }

  /** Which running bots a message goes to; a person whose account is offline writes to another of their community's. */
  private serving(step: Extract<ScriptStep, { kind: 'say' }>): number[] {
    const running = (i: number) => !this.offline.has(i);
    if (step.room !== null) {
      const bots = this.router.room(step.room);
      return (bots.length ? bots : [0]).filter(running);
    }
    const chosen = this.router.direct(step.alias ?? undefined, step.text);
    if (chosen.length !== 1 || running(chosen[0])) return chosen.filter(running);
    const other = this.sims.findIndex((_, i) => running(i) && this.communities[i] === this.communities[chosen[0]]);
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

  private accountBots(step: { line: number; account: string }): number[] {
    const bots = this.byAccount.get(step.account);
    if (!bots) throw new ScriptError(step.line, `no account ${step.account} in the organisation file`);
    return bots;
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
