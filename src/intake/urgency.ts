import { urgencyLexicon as U, type Concept } from './lexicon.js';
import { standingComplaint } from './standing.js';

/**
 * Urgency by concept slots (data in lexicon/urgency.yaml).
 *
 * 1. The message is cut into clauses (punctuation and spaces: residents write clauses
 *    apart with a space). Each clause is guarded or live: a past or chronic frame holds
 *    from its cue to the next present cue (昨天…当时起不来…后来扶回家了), a hypothetical
 *    or near miss holds for its clause only.
 * 2. Message-wide guards (news from elsewhere, drills, notices, an all-clear, dreams,
 *    ads) make nothing urgent.
 * 3. In the live clauses, each slot (a broad word class) is matched; a match right after
 *    a negator (没人在里面) or an advice word (别靠近…) is dropped.
 * 4. A hazard concept fires when one of its slot combinations is present within its
 *    window; the first concept in the file's order wins (it carries the category).
 */

export interface UrgentFinding {
  kind: string;
  category: string | null;
}

const SPLIT = /[，,。.！!？?；;：:\s…~～、]+/u;

interface Clause {
  text: string;
  past: boolean;
  chronic: boolean;
  blocked: boolean;
}

function clausesOf(t: string): Clause[] {
  const out: Clause[] = [];
  let past = false;
  let chronic = false;
  for (const text of t.split(SPLIT)) {
    if (!text) continue;
    // A present cue ends an earlier frame; a frame cue in the clause itself wins over it
    // ("昨天下午刚刚修好" stays past).
    if (U.guards.present.test(text)) past = chronic = false;
    if (U.guards.past.test(text)) past = true;
    if (U.guards.chronic.test(text)) chronic = true;
    const blocked = U.guards.hypothetical.test(text) || U.slots.get('near_miss')!.test(text);
    out.push({ text, past, chronic, blocked });
  }
  return out;
}

/** The text a concept may fire on: live clauses joined by a space (windows may span them). */
function liveText(clauses: Clause[], allowChronic: boolean, pastContinues: boolean): string {
  let s = '';
  for (const c of clauses) {
    if (c.blocked) continue;
    if (c.past && !pastContinues) continue;
    if (c.chronic && !allowChronic) continue;
    s += (s ? ' ' : '') + c.text;
  }
  return s;
}

/** Start offsets of a slot's matches that are not negated or advised against. */
function slotHits(name: string, text: string, cache: Map<string, number[]>): number[] {
  const cached = cache.get(name);
  if (cached) return cached;
  const hits: number[] = [];
  for (const at of U.slots.get(name)!.allIndices(text)) {
    const clauseStart = Math.max(text.lastIndexOf(' ', at - 1) + 1, at - 6);
    const before = text.slice(clauseStart, at);
    if (U.guards.negator.test(before)) continue;
    if (U.guards.before.test(before)) continue;
    hits.push(at);
  }
  cache.set(name, hits);
  return hits;
}

function fires(concept: Concept, text: string, cache: Map<string, number[]>): boolean {
  for (const combo of concept.any) {
    const first = slotHits(combo[0]!, text, cache);
    if (first.length === 0) continue;
    if (combo.length === 1) return true;
    const rest = combo.slice(1).map((s) => slotHits(s, text, cache));
    if (rest.some((h) => h.length === 0)) continue;
    if (first.some((a) => rest.every((h) => h.some((b) => Math.abs(a - b) <= concept.within)))) return true;
  }
  return false;
}

// The hazards of things, which a long complaint about a standing matter tells as background.
const THING_HAZARDS = new Set(['livewire', 'fire', 'trapped', 'intrusion', 'flood', 'violence']);

function firstConcept(clauses: Clause[], ignoreFrames: boolean, standing = false): UrgentFinding | null {
  const continues = ignoreFrames || U.guards.continuing.test(clauses.map((c) => c.text).join(' '));
  const texts = new Map<string, { text: string; cache: Map<string, number[]> }>();
  for (const concept of U.concepts) {
    if (standing && THING_HAZARDS.has(concept.kind)) continue;
    const allowChronic = ignoreFrames || concept.chronic;
    const key = `${allowChronic}`;
    let live = texts.get(key);
    if (!live) {
      live = { text: liveText(clauses, allowChronic, continues), cache: new Map() };
      texts.set(key, live);
    }
    if (!live.text) continue;
    if (concept.unless.some((s) => slotHits(s, live.text, live.cache).length > 0)) continue;
    if (fires(concept, live.text, live.cache)) return { kind: concept.kind, category: concept.category };
  }
  return null;
}

export interface UrgencyAssessment {
  /** The hazard happening now, if any. */
  finding: UrgentFinding | null;
  /**
   * A hazard is named but not happening now: why ('elsewhere', 'drill', 'notice',
   * 'resolved', 'dream', 'ad' for the whole message; 'frame' for past or chronic
   * clauses). Null when no hazard is named or it is live.
   */
  aside: string | null;
  /** The category of the hazard named aside (what it would have been). */
  asideCategory: string | null;
}

// A dream or a drill is never about now, whatever it names.
const ALWAYS_ASIDE = new Set(['dream', 'drill']);

export function assessUrgency(t: string): UrgencyAssessment {
  const clauses = clausesOf(t);
  if (clauses.length === 0) return { finding: null, aside: null, asideCategory: null };
  const guard = U.messageGuards.find((g) => g.list.test(t));
  if (!guard) {
    const finding = firstConcept(clauses, false, standingComplaint(t));
    if (finding) return { finding, aside: null, asideCategory: null };
  }
  const raw = firstConcept(clauses, true);
  if (!raw) return { finding: null, aside: guard && ALWAYS_ASIDE.has(guard.name) ? guard.name : null, asideCategory: null };
  return { finding: null, aside: guard?.name ?? 'frame', asideCategory: raw.category };
}

/**
 * Whether the guards hold the whole message back, whatever it names: news from elsewhere,
 * a drill, a notice, an all-clear, a dream, an ad, or every clause past, standing or
 * imagined. For a check that does not know the concept slots (the learned one).
 */
export function heldBack(t: string): boolean {
  if (U.messageGuards.some((g) => g.list.test(t))) return true;
  const clauses = clausesOf(t);
  const continues = U.guards.continuing.test(t);
  return clauses.length > 0 && clauses.every((c) => c.blocked || c.chronic || (c.past && !continues));
}

/** The urgent situation the message describes as happening now, if any. */
export function detectUrgent(t: string): UrgentFinding | null {
  return assessUrgency(t).finding;
}
