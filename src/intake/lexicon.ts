import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { compileGate, gateOf, type Gate } from './prefilter.js';

/**
 * Lexicons are data (YAML beside this file) so that a community can add its own words
 * without touching the logic. They are read once, at module load.
 */
function loadYaml(name: string): unknown {
  const url = new URL(`./lexicon/${name}`, import.meta.url);
  return parse(readFileSync(url, 'utf8'));
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
}

/** A list of plain substrings and `re:` regular expressions. */
export class TermList {
  private readonly subs: string[];
  private readonly res: RegExp[];
  private globalRes: RegExp[] | null = null;
  private globalSubs: RegExp | null = null;
  /** Long lists as one alternation: the regular-expression engine scans a long message far faster than a loop. */
  private readonly combined: RegExp | null;
  /** Literal prefilters (see prefilter.ts): of the plain entries as one, and of each expression. */
  private readonly subsGate: Gate;
  private readonly subGates: Gate[];
  private readonly resGates: Gate[];

  constructor(entries: unknown, label: string) {
    if (!Array.isArray(entries)) throw new Error(`lexicon ${label}: expected a list`);
    this.subs = [];
    this.res = [];
    for (const raw of entries) {
      const entry = String(raw);
      if (entry.startsWith('re:')) this.res.push(new RegExp(entry.slice(3), 'u'));
      else if (entry.length > 0) this.subs.push(entry.normalize('NFKC').toLowerCase());
    }
    this.combined = this.subs.length > 12 ? new RegExp(this.subs.map(escapeRegExp).join('|'), 'u') : null;
    this.subsGate = compileGate(this.subs.length > 0 ? [this.subs] : []);
    this.subGates = this.combined ? [] : this.subs.map((sub) => compileGate([[sub]]));
    this.resGates = this.res.map(gateOf);
  }

  test(text: string): boolean {
    if (this.subs.length > 0 && this.subsGate.may(text)) {
      if (this.combined) {
        if (this.combined.test(text)) return true;
      } else {
        const subs = this.subs;
        for (let k = 0; k < subs.length; k++) if (this.subGates[k]!.may(text) && text.includes(subs[k]!)) return true;
      }
    }
    const res = this.res;
    for (let k = 0; k < res.length; k++) if (this.resGates[k]!.may(text) && res[k]!.test(text)) return true;
    return false;
  }

  /** Index of the first match, or -1 (earliest over all entries). */
  firstIndex(text: string): number {
    let best = -1;
    for (const s of this.subs) {
      const i = text.indexOf(s);
      if (i >= 0 && (best < 0 || i < best)) best = i;
    }
    for (const r of this.res) {
      const m = r.exec(text);
      if (m && (best < 0 || m.index < best)) best = m.index;
    }
    return best;
  }

  /** Where each entry first matches (one index per matching entry). */
  indices(text: string): number[] {
    const out: number[] = [];
    for (const s of this.subs) {
      const i = text.indexOf(s);
      if (i >= 0) out.push(i);
    }
    for (const r of this.res) {
      const m = r.exec(text);
      if (m) out.push(m.index);
    }
    return out;
  }

  /**
   * Where matches of the entries start (unsorted, may repeat). The plain entries are
   * found by one alternation stepped a character at a time, so every start where any
   * entry matches is found, once.
   */
  allIndices(text: string): number[] {
    const out: number[] = [];
    if (this.subs.length > 0 && this.subsGate.may(text)) {
      this.globalSubs ??= new RegExp(this.subs.map(escapeRegExp).join('|'), 'gu');
      const g = this.globalSubs;
      g.lastIndex = 0;
      for (let m = g.exec(text); m; m = g.exec(text)) {
        out.push(m.index);
        g.lastIndex = m.index + 1;
      }
    }
    this.globalRes ??= this.res.map((r) => new RegExp(r.source, 'gu'));
    for (let k = 0; k < this.globalRes.length; k++) {
      if (!this.resGates[k]!.may(text)) continue;
      const r = this.globalRes[k]!;
      r.lastIndex = 0;
      for (let m = r.exec(text); m; m = r.exec(text)) {
        out.push(m.index);
        if (m[0].length === 0) r.lastIndex++;
      }
    }
    return out;
  }

  has(exact: string): boolean {
    return this.subs.includes(exact);
  }
}

export interface WeightedTerm {
  term: string | RegExp;
  weight: number;
}

function weightedList(node: unknown, label: string): WeightedTerm[] {
  if (!node || typeof node !== 'object') throw new Error(`lexicon ${label}: expected weights`);
  const out: WeightedTerm[] = [];
  for (const [w, list] of Object.entries(node as Record<string, unknown>)) {
    const weight = Number(w);
    if (!Number.isFinite(weight) || !Array.isArray(list)) throw new Error(`lexicon ${label}: bad weight ${w}`);
    for (const raw of list) {
      const entry = String(raw);
      out.push({
        term: entry.startsWith('re:') ? new RegExp(entry.slice(3), 'u') : entry.normalize('NFKC').toLowerCase(),
        weight,
      });
    }
  }
  return out;
}

const intentYaml = loadYaml('intent.yaml') as Record<string, unknown>;
const categoryYaml = loadYaml('categories.yaml') as Record<string, unknown>;
const urgencyYaml = loadYaml('urgency.yaml') as {
  slots: Record<string, unknown[]>;
  concepts: Record<string, { category: string | null; within?: number; chronic?: boolean; any: string[][]; unless?: string[] }>;
  guards: Record<string, unknown> & { message: Record<string, unknown[]> };
};

function list(name: string): TermList {
  return new TermList(intentYaml[name], `intent.${name}`);
}

export const intentLexicon = {
  ack: list('ack'),
  forward: list('forward'),
  ad: list('ad'),
  thanks: list('thanks'),
  done: list('done'),
  notDone: list('not_done'),
  laugh: list('laugh'),
  warn: list('warn'),
  courtesy: list('courtesy'),
  request: list('request'),
  problem: list('problem'),
  signupStrong: list('signup_strong'),
  signupWeak: list('signup_weak'),
  activity: list('activity'),
  signupBlockers: list('signup_blockers'),
  progressRef: list('progress_ref'),
  progressAsk: list('progress_ask'),
  post: list('post'),
  postAsk: list('post_ask'),
  points: list('points'),
  pointsAsk: list('points_ask'),
  activityAsk: list('activity_ask'),
};

export const categoryLexicon: Record<string, WeightedTerm[]> = Object.fromEntries(
  Object.entries(categoryYaml).map(([cat, node]) => [cat, weightedList(node, `categories.${cat}`)]),
);

/** A hazard concept: fires when all slots of one combination match within `within` characters. */
export interface Concept {
  kind: string;
  category: string | null;
  within: number;
  /** Whether a standing nuisance ("天天…") still counts. */
  chronic: boolean;
  any: string[][];
  unless: string[];
}

const slots = new Map(Object.entries(urgencyYaml.slots).map(([name, entries]) => [name, new TermList(entries, `urgency.slots.${name}`)]));
const concepts: Concept[] = Object.entries(urgencyYaml.concepts).map(([kind, c]) => {
  for (const name of [...c.any.flat(), ...(c.unless ?? [])]) if (!slots.has(name)) throw new Error(`lexicon urgency.concepts.${kind}: unknown slot ${name}`);
  return { kind, category: c.category, within: c.within ?? 24, chronic: c.chronic ?? false, any: c.any, unless: c.unless ?? [] };
});
const guard = (name: string) => new TermList(urgencyYaml.guards[name], `urgency.guards.${name}`);

export const urgencyLexicon = {
  slots,
  concepts,
  guards: {
    past: guard('past'),
    present: guard('present'),
    continuing: guard('continuing'),
    chronic: guard('chronic'),
    hypothetical: guard('hypothetical'),
    before: guard('before'),
    negator: guard('negator'),
  },
  messageGuards: Object.entries(urgencyYaml.guards.message).map(([name, entries]) => ({ name, list: new TermList(entries, `urgency.guards.message.${name}`) })),
};
