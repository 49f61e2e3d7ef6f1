/**
 * Which community's bot a message is for, where one WeChat login (or, in the simulator,
 * one county) carries several: a pure record of who is where, fed by what was said.
 *
 * A group message goes to every bot whose community has the group. A direct message goes
 * to the bot that last wrote to the person (people answer in the chat they were written
 * to), else the one where they hold a post, else the one where they last spoke in a group,
 * else the first. County staff writing 全县 reach every bot on the login they write to, and
 * writing a community's name, that community's; their 确认 or 取消 follows to the same bots.
 */
import { flattenPosts } from '../org/directory.js';
import { WHOLE_COUNTY } from '../org/scope.js';
import type { Org } from '../org/types.js';

export interface Lane {
  community: string;
  /** The group names of the community. */
  topics: string[];
  /** The WeChat ids of its post-holders. */
  holders: string[];
  /** The account whose login carries this bot ("" where the file lists none). */
  login?: string;
}

/** A community's groups and post-holders, as the router needs them. */
export function laneOf(org: Org, login?: string): Lane {
  const topics = [...org.community.rooms, ...org.grids.flatMap((g) => g.rooms)].map((r) => r.topic);
  return { community: org.community.name, topics, holders: flattenPosts(org).map((p) => p.alias), login };
}

/** County staff's answer to a question a bot asked (确认 a broadcast, or 取消 it). */
export const ANSWER = /^\s*(确认|取消)\s*$/;

/**
 * The communities county staff address: every one for 全县, else those whose names the
 * text holds; undefined where it names none.
 */
export function addressedCommunities(text: string, communities: readonly string[]): number[] | undefined {
  const all = communities.map((_, i) => i);
  if (text.includes(WHOLE_COUNTY)) return all;
  const named = all.filter((i) => text.includes(communities[i]));
  return named.length ? named : undefined;
}

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

  /** Whether the router knows where this person belongs (it wrote to them, they hold a post, or spoke in a group). */
  knows(person: string): boolean {
    return this.wroteTo.has(person) || this.holderOf.has(person) || this.spokeIn.has(person);
  }

  /** Where the database says a person last spoke in a group (read after a restart). */
  spokeInLane(person: string, lane: number): void {
    this.spokeIn.set(person, lane);
  }

  /** A bot wrote to a person directly. */
  wrote(person: string, lane: number): void {
    this.wroteTo.set(person, lane);
  }

  /**
   * The bots a direct message is for. County staff's 全县 (or a community's name) goes to
   * every bot it names on the login the person writes to; the bot there hands it on to
   * other accounts' communities (app/relay.ts).
   */
  direct(person: string | undefined, text: string): number[] {
    if (!person) return [0];
    const chosen = this.wroteTo.get(person) ?? this.holderOf.get(person) ?? this.spokeIn.get(person) ?? 0;
    const wide = this.countyStaff.has(person) ? this.countyWide(person, text) : undefined;
    if (!wide) return [chosen];
    const login = this.lanes[chosen].login ?? '';
    const here = wide.filter((i) => (this.lanes[i].login ?? '') === login);
    return here.length ? here : [chosen];
  }

  /** The bots county staff address by 全县 or a community's name (their answer follows). */
  private countyWide(person: string, text: string): number[] | undefined {
    const targets = ANSWER.test(text) ? this.fannedOut.get(person) : addressedCommunities(text, this.lanes.map((l) => l.community));
    if (targets) this.fannedOut.set(person, targets);
    return targets;
  }
}
