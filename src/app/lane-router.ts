/**
 * Which community's bot a message is for, where one WeChat login (or, in the simulator,
 * one county) carries several: a pure record of who is where, fed by what was said.
 *
 * A group message goes to every bot whose community has the group. A direct message goes
 * to the bot that last wrote to the person (people answer in the chat they were written
 * to), else the one where they hold a post, else the one where they last spoke in a group,
 * else the first. County staff writing 全县 reach every bot, and writing a community's name,
 * that community's; their 确认 or 取消 follows to the same bots.
 */
import { flattenPosts } from '../org/directory.js';
import type { Org } from '../org/types.js';

export interface Lane {
  community: string;
  /** The group names of the community. */
  topics: string[];
  /** The WeChat ids of its post-holders. */
  holders: string[];
}

/** A community's groups and post-holders, as the router needs them. */
export function laneOf(org: Org): Lane {
  const topics = [...org.community.rooms, ...org.grids.flatMap((g) => g.rooms)].map((r) => r.topic);
  return { community: org.community.name, topics, holders: flattenPosts(org).map((p) => p.alias) };
}

const ANSWER = /^\s*(确认|取消)\s*$/;

export class LaneRouter {
  private readonly byTopic = new Map<string, number[]>();
  private readonly holderOf = new Map<string, number>();
  private readonly wroteTo = new Map<string, number>();
  private readonly spokeIn = new Map<string, number>();
  private readonly fannedOut = new Map<string, number[]>();
  private readonly countyStaff: Set<string>;

  constructor(
    private readonly lanes: Lane[],
    countyStaff: Iterable<string> = [],
  ) {
    this.countyStaff = new Set(countyStaff);
    lanes.forEach((lane, i) => {
      for (const t of lane.topics) this.byTopic.set(t, [...(this.byTopic.get(t) ?? []), i]);
      for (const h of lane.holders) if (!this.holderOf.has(h)) this.holderOf.set(h, i);
    });
  }

  /** The bots of a group's community (none where no community has it). */
  room(topic: string): number[] {
    return this.byTopic.get(topic) ?? [];
  }

  /** A person (WeChat id, or `id:` chat id where WeChat gives none) spoke in a group. */
  spoke(person: string | undefined, topic: string): void {
    const lane = this.byTopic.get(topic)?.[0];
    if (person && lane !== undefined) this.spokeIn.set(person, lane);
  }

  /** A bot wrote to a person directly. */
  wrote(person: string, lane: number): void {
    this.wroteTo.set(person, lane);
  }

  /** The bots a direct message is for. */
  direct(person: string | undefined, text: string): number[] {
    const wide = person && this.countyStaff.has(person) ? this.countyWide(person, text) : undefined;
    if (wide) return wide;
    if (!person) return [0];
    return [this.wroteTo.get(person) ?? this.holderOf.get(person) ?? this.spokeIn.get(person) ?? 0];
  }

  /** The bots county staff address by 全县 or a community's name (their answer follows). */
  private countyWide(person: string, text: string): number[] | undefined {
    const all = this.lanes.map((_, i) => i);
    let targets: number[] | undefined;
    if (text.includes('全县')) targets = all;
    else if (ANSWER.test(text)) targets = this.fannedOut.get(person);
    else {
      const named = all.filter((i) => text.includes(this.lanes[i].community));
      if (named.length) targets = named;
    }
    if (targets) this.fannedOut.set(person, targets);
    return targets;
  }
}
