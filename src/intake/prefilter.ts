/**
 * A cheap literal prefilter for regular expressions: most of the rules' ~600 patterns
 * cannot match most messages, and proving that from the characters a message holds costs
 * far less than running the pattern.
 *
 * At first use, each pattern's source is parsed into what every match must contain:
 * a list of clauses, each a list of literal strings, such that every match of the pattern
 * contains at least one string of every clause (`/(我|俺)[^，]{0,4}都报/` → [[我, 俺], [都报]]).
 * Every literal of every such clause goes into one trie shared by all patterns. A text is
 * scanned once (kept for the next checks on the same text) and every clause one of whose
 * literals occurs in it is marked; a pattern's check then reads one mark per clause. When a
 * clause is unmarked the pattern cannot match and is not run; otherwise it runs, and the
 * answer is always the pattern's own.
 *
 * Whatever the parser does not fully understand (case-insensitive or `v` flags, `\p{…}`,
 * `.`, negated or large classes, back-references, unknown escapes) constrains nothing, so
 * such a part never causes a skip. Lookarounds are zero-width and constrain nothing either.
 */

import { childOf, type EdgeTable, edgeTable } from './edges.js';

/** Literal clauses every match contains (all clauses, one literal of each); [] = nothing known. */
export type Clauses = string[][];

const MAX_EXACT = 64; // strings in a set of exact matches before it is given up
const MAX_CLASS = 32; // characters of a class enumerated as exact matches

interface Info {
  /** Every string the node can match, when few; null when unknown or too many. */
  exact: string[] | null;
  /** What every match of the node contains. */
  clauses: Clauses;
}

const UNKNOWN: Info = { exact: null, clauses: [] };
const EMPTY: Info = { exact: [''], clauses: [] };

class Unsupported extends Error {}

function uniq(xs: string[]): string[] {
  return [...new Set(xs)];
}

function cross(a: string[], b: string[]): string[] | null {
  if (a.length * b.length > MAX_EXACT) return null;
  const out: string[] = [];
  for (const x of a) for (const y of b) out.push(x + y);
  return uniq(out);
}

/** A clause from a set of exact matches: none if the empty string is among them. */
function clauseOf(exact: string[]): string[] | null {
  return exact.includes('') ? null : uniq(exact);
}

/** How good a clause is as a filter: fewer and longer literals are better. */
function clauseCost(c: string[]): number {
  let cost = 0;
  for (const s of c) cost += s.length >= 2 ? 1 : 3;
  return cost;
}

function concat(parts: Info[]): Info {
  const clauses: Clauses = [];
  let run: string[] | null = [''];
  let all: string[] | null = [''];
  const flush = () => {
    if (run) {
      const c = clauseOf(run);
      if (c) clauses.push(c);
    }
    run = [''];
  };
  for (const p of parts) {
    for (const c of p.clauses) clauses.push(c);
    all = all && p.exact ? cross(all, p.exact) : null;
    if (p.exact) {
      const next: string[] | null = cross(run ?? [''], p.exact);
      if (next) {
        run = next;
        continue;
      }
      // Too many combinations: the run so far stands on its own, the part starts a new one.
      flush();
      run = p.exact.length <= MAX_EXACT ? uniq(p.exact) : [''];
    } else flush();
  }
  flush();
  return { exact: all, clauses };
}

function alternate(alts: Info[]): Info {
  let exact: string[] | null = [];
  for (const a of alts) exact = exact && a.exact ? uniq([...exact, ...a.exact]) : null;
  if (exact && exact.length > MAX_EXACT) exact = null;
  // One clause for the alternation: the best clause of each alternative, joined.
  const joined: string[] = [];
  for (const a of alts) {
    const own = [...a.clauses];
    const fromExact = a.exact ? clauseOf(a.exact) : null;
    if (fromExact) own.push(fromExact);
    if (own.length === 0) return { exact, clauses: [] };
    own.sort((x, y) => clauseCost(x) - clauseCost(y));
    joined.push(...own[0]!);
  }
  return { exact, clauses: [uniq(joined)] };
}

function repeat(p: Info, min: number, max: number): Info {
  if (min === 0) {
    if (max === 1 && p.exact) return { exact: uniq(['', ...p.exact]), clauses: [] };
    return max === 0 ? EMPTY : UNKNOWN;
  }
  if (min === 1 && max === 1) return p;
  // At least one repetition: what one contains, every match contains.
  let exact: string[] | null = null;
  if (p.exact && min === max && min <= 4) {
    exact = [''];
    for (let i = 0; i < min && exact; i++) exact = cross(exact, p.exact);
  }
  const own = p.exact ? clauseOf(p.exact) : null;
  return { exact, clauses: own ? [...p.clauses, own] : p.clauses };
}

class Parser {
  private i = 0;
  constructor(
    private readonly src: string,
    private readonly unicode: boolean,
  ) {}

  parse(): Info {
    const info = this.alternation();
    if (this.i < this.src.length) throw new Unsupported(`unexpected ${this.src[this.i]}`);
    return info;
  }

  private peek(): string | undefined {
    return this.src[this.i];
  }

  /** One source character: a code point with flag u, a UTF-16 unit without. */
  private char(): string {
    if (this.unicode) {
      const cp = this.src.codePointAt(this.i)!;
      const s = String.fromCodePoint(cp);
      this.i += s.length;
      return s;
    }
    return this.src[this.i++]!;
  }

  private alternation(): Info {
    const alts: Info[] = [this.sequence()];
    while (this.peek() === '|') {
      this.i++;
      alts.push(this.sequence());
    }
    return alts.length === 1 ? alts[0]! : alternate(alts);
  }

  private sequence(): Info {
    const parts: Info[] = [];
    while (this.i < this.src.length && this.peek() !== '|' && this.peek() !== ')') {
      const atom = this.atom();
      parts.push(this.quantified(atom));
    }
    return parts.length === 1 ? parts[0]! : concat(parts);
  }

  private quantified(atom: Info): Info {
    const c = this.peek();
    let min: number;
    let max: number;
    if (c === '*') [min, max] = [0, Infinity];
    else if (c === '+') [min, max] = [1, Infinity];
    else if (c === '?') [min, max] = [0, 1];
    else if (c === '{') {
      const m = /^\{(\d+)(,(\d*))?\}/.exec(this.src.slice(this.i));
      if (!m) {
        if (this.unicode) throw new Unsupported('bad brace');
        return atom; // a literal brace, read by atom() next
      }
      min = Number(m[1]);
      max = m[2] === undefined ? min : m[3] === '' ? Infinity : Number(m[3]);
      this.i += m[0].length - 1;
    } else return atom;
    this.i++;
    if (this.peek() === '?') this.i++; // lazy: same strings
    return repeat(atom, min, max);
  }

  private atom(): Info {
    const c = this.peek()!;
    if (c === '(') return this.group();
    if (c === '[') return this.charClass();
    if (c === '\\') return this.escape(false).info;
    if (c === '^' || c === '$') {
      this.i++;
      return EMPTY;
    }
    if (c === '.') {
      this.i++;
      return UNKNOWN;
    }
    if (c === '*' || c === '+' || c === '?') throw new Unsupported('nothing to repeat');
    if (c === '{' && this.unicode) throw new Unsupported('lone brace');
    const s = this.char();
    return { exact: [s], clauses: [] };
  }

  private group(): Info {
    this.i++; // (
    let lookaround = false;
    if (this.src.startsWith('?:', this.i)) this.i += 2;
    else if (this.src.startsWith('?=', this.i) || this.src.startsWith('?!', this.i)) {
      this.i += 2;
      lookaround = true;
    } else if (this.src.startsWith('?<=', this.i) || this.src.startsWith('?<!', this.i)) {
      this.i += 3;
      lookaround = true;
    } else if (this.src.startsWith('?<', this.i)) {
      const end = this.src.indexOf('>', this.i);
      if (end < 0) throw new Unsupported('group name');
      this.i = end + 1;
    } else if (this.peek() === '?') throw new Unsupported('group modifier');
    const inner = this.alternation();
    if (this.peek() !== ')') throw new Unsupported('unclosed group');
    this.i++;
    return lookaround ? EMPTY : inner;
  }

  /** An escape; `chars` is the one character it stands for, when it stands for one. */
  private escape(inClass: boolean): { info: Info; chars: string[] | null } {
    this.i++; // backslash
    const c = this.peek();
    if (c === undefined) throw new Unsupported('trailing backslash');
    const one = (s: string) => ({ info: { exact: [s], clauses: [] }, chars: [s] });
    const unknown = { info: UNKNOWN, chars: null };
    if (c === 'd') {
      this.i++;
      const digits = '0123456789'.split('');
      return { info: { exact: digits, clauses: [] }, chars: digits };
    }
    if ('DwWsSpPk'.includes(c)) {
      this.i++;
      if (c === 'p' || c === 'P' || c === 'k') {
        if (this.peek() === '{' || this.peek() === '<') {
          const end = this.src.indexOf(this.peek() === '{' ? '}' : '>', this.i);
          if (end < 0) throw new Unsupported('property');
          this.i = end + 1;
        }
      }
      return unknown;
    }
    if (c === 'b' || c === 'B') {
      this.i++;
      if (inClass) return c === 'b' ? one('\b') : unknown;
      return { info: EMPTY, chars: null };
    }
    if (/[1-9]/.test(c)) {
      // A back-reference (or, without u, maybe an octal escape): constrains nothing.
      while (this.peek() !== undefined && /[0-9]/.test(this.peek()!)) this.i++;
      return unknown;
    }
    const simple: Record<string, string> = { n: '\n', r: '\r', t: '\t', f: '\f', v: '\v' };
    if (simple[c]) {
      this.i++;
      return one(simple[c]!);
    }
    if (c === 'x') {
      const m = /^x([0-9a-fA-F]{2})/.exec(this.src.slice(this.i));
      if (!m) throw new Unsupported('\\x');
      this.i += m[0].length;
      return one(String.fromCharCode(parseInt(m[1]!, 16)));
    }
    if (c === 'u') {
      const braced = /^u\{([0-9a-fA-F]+)\}/.exec(this.src.slice(this.i));
      if (braced && this.unicode) {
        this.i += braced[0].length;
        return one(String.fromCodePoint(parseInt(braced[1]!, 16)));
      }
      const m = /^u([0-9a-fA-F]{4})/.exec(this.src.slice(this.i));
      if (!m) throw new Unsupported('\\u');
      this.i += m[0].length;
      return one(String.fromCharCode(parseInt(m[1]!, 16)));
    }
    if (c === '0' || c === 'c') throw new Unsupported(`\\${c}`);
    // An escaped syntax character (\. \- \/ \[ …) stands for itself.
    if (/[\^$\\.*+?()[\]{}|/\-,:!=<>'"#%&;@`~ ]/.test(c)) {
      this.i++;
      return one(c);
    }
    throw new Unsupported(`\\${c}`);
  }

  private charClass(): Info {
    this.i++; // [
    let negated = false;
    if (this.peek() === '^') {
      negated = true;
      this.i++;
    }
    const chars: string[] = [];
    let known = true;
    const readOne = (): string[] | null => {
      if (this.peek() === '\\') return this.escape(true).chars;
      return [this.char()];
    };
    while (this.peek() !== ']') {
      if (this.i >= this.src.length) throw new Unsupported('unclosed class');
      const lo = readOne();
      if (this.peek() === '-' && this.src[this.i + 1] !== ']' && this.i + 1 < this.src.length) {
        this.i++;
        const hi = readOne();
        if (!lo || !hi || lo.length !== 1 || hi.length !== 1) {
          if (this.unicode) throw new Unsupported('class range');
          known = false;
          continue;
        }
        const a = lo[0]!.codePointAt(0)!;
        const b = hi[0]!.codePointAt(0)!;
        if (b < a) throw new Unsupported('range order');
        if (b - a + 1 > MAX_CLASS || (!this.unicode && (a > 0xffff || b > 0xffff))) known = false;
        else for (let x = a; x <= b; x++) chars.push(String.fromCodePoint(x));
        continue;
      }
      if (!lo) known = false;
      else chars.push(...lo);
    }
    this.i++; // ]
    if (negated || !known) return UNKNOWN;
    const set = uniq(chars);
    if (set.length === 0) return UNKNOWN; // [] never matches; nothing to gain
    if (set.length > MAX_CLASS) return UNKNOWN;
    return { exact: set, clauses: [] };
  }
}

function simplify(clauses: Clauses): Clauses {
  const seen = new Set<string>();
  const out: Clauses = [];
  for (const c of clauses) {
    const u = uniq(c).sort();
    const key = u.join('\u0000');
    if (u.length === 0 || seen.has(key)) continue;
    seen.add(key);
    out.push(u);
  }
  // Best clauses first: the check stops at the first clause that fails.
  out.sort((a, b) => clauseCost(a) - clauseCost(b));
  return out.slice(0, 6);
}

/**
 * What every match of the pattern contains, as clauses of literals; [] when nothing is
 * known (then the pattern is always run). Case-insensitive and `v` patterns are never filtered.
 */
export function requiredLiterals(re: RegExp): Clauses {
  if (re.ignoreCase || re.flags.includes('v')) return [];
  try {
    const info = new Parser(re.source, re.unicode).parse();
    const clauses = [...info.clauses];
    if (info.exact) {
      const c = clauseOf(info.exact);
      if (c) clauses.push(c);
    }
    return simplify(clauses);
  } catch (e) {
    if (e instanceof Unsupported) return [];
    throw e;
  }
}

// ---------------------------------------------------------------------------
// The index of a message and the check.

// One index shared by every gate. Each distinct clause has an id; every literal of every
// clause is in a trie over UTF-16 units whose nodes list the clauses their literal serves.
// A text is scanned once (every start, as deep as the trie goes) and every clause one of
// whose literals occurs is marked; a gate then reads one mark per clause. Presence is
// exact: a literal is marked only where it occurs.

const clauseIds = new Map<string, number>();
let clauseCount = 0;
/** The trie as it is built: children by unit, and the clauses a node's literal serves. */
const buildNext: (Map<number, number> | null)[] = [null];
const nodeClauses: (number[] | null)[] = [null];
/** The trie as it is read, rebuilt after a clause is added: the first level by unit… */
const rootNext = new Int32Array(1 << 16).fill(-1);
/**
 * …and per node, side by side: where its clauses start and end in `clauseList`, and how
 * many children it has. The children themselves are in one hash of (node, unit) edges
 * (edges.ts).
 */
let nodeInfo = new Int32Array(0);
let clauseList = new Int32Array(0);
let edges: EdgeTable = edgeTable([]);
/** Per node, the generation of the last scan that marked its clauses (a literal met again marks nothing new). */
let nodeSeen = new Uint32Array(0);
let stale = true;

function addLiteral(lit: string, clause: number): void {
  // Node 0 is the root: its children are the literals' first units.
  let node = 0;
  for (let i = 0; i < lit.length; i++) {
    const u = lit.charCodeAt(i);
    const next = (buildNext[node] ??= new Map());
    let child = next.get(u);
    if (child === undefined) {
      child = buildNext.length;
      buildNext.push(null);
      nodeClauses.push(null);
      next.set(u, child);
    }
    node = child;
  }
  const list = (nodeClauses[node] ??= []);
  if (!list.includes(clause)) list.push(clause);
  stale = true;
}

function freeze(): void {
  const nodes = buildNext.length;
  nodeInfo = new Int32Array(nodes * 3);
  let listed = 0;
  for (let n = 1; n < nodes; n++) listed += nodeClauses[n]?.length ?? 0;
  clauseList = new Int32Array(listed);
  let lat = 0;
  for (let n = 1; n < nodes; n++) {
    nodeInfo[3 * n] = lat;
    for (const c of nodeClauses[n] ?? []) clauseList[lat++] = c;
    nodeInfo[3 * n + 1] = lat;
    nodeInfo[3 * n + 2] = buildNext[n]?.size ?? 0;
  }
  edges = edgeTable(buildNext);
  rootNext.fill(-1);
  for (const [u, c] of buildNext[0] ?? []) rootNext[u] = c;
  nodeSeen = new Uint32Array(nodes);
  forgetTexts();
  stale = false;
}

/** The id of a clause, registering it (and forgetting every indexed text) when new. */
function clauseId(clause: string[]): number {
  const lits = uniq(clause).sort();
  const key = lits.join('\u0000');
  let id = clauseIds.get(key);
  if (id !== undefined) return id;
  id = clauseCount++;
  clauseIds.set(key, id);
  for (const lit of lits) addLiteral(lit, id);
  if (words * 32 < clauseCount) {
    words = Math.max(2 * words, Math.ceil(clauseCount / 32));
    marks = new Int32Array(SLOTS * words);
  }
  // Texts indexed before this clause existed have no mark for it.
  forgetTexts();
  return id;
}

// A few indexed texts at once: the message and the long texts made of it in some slots,
// short pieces (a clause, a few characters before a hit) in others, so that the pieces do
// not push the message out. Each slot holds a bit per clause (a few hundred bytes, so that
// the marks of every slot stay in the nearest cache), cleared when the slot is taken.
const LONG_SLOTS = 8;
const SLOTS = 12;
const LONG_TEXT = 64;
let words = 2;
let marks = new Int32Array(SLOTS * words);
const slotText: (string | null)[] = new Array<string | null>(SLOTS).fill(null);
let nextLong = 0;
let nextShort = LONG_SLOTS;
let generation = 0;
/**
 * The last text asked for: the checks of one text come in runs (every pattern of a list on
 * the same message), and then the text is the very string of the last check. (A Map from
 * text to slot cost more than it saved: it hashes every fresh text, long ones included.)
 */
let lastText: string | null = null;
let lastSlot = -1;

function forgetTexts(): void {
  slotText.fill(null);
  lastText = null;
  lastSlot = -1;
}

function slotOf(text: string): number {
  if (stale) freeze();
  if (text === lastText) return lastSlot;
  const n = text.length;
  const long = n > LONG_TEXT;
  // Strings of different lengths differ at once; equal ones are compared unit by unit.
  for (let s = long ? 0 : LONG_SLOTS, to = long ? LONG_SLOTS : SLOTS; s < to; s++)
    if (slotText[s] === text) {
      lastText = text;
      lastSlot = s;
      return s;
    }
  let s: number;
  if (long) {
    s = nextLong;
    nextLong = (nextLong + 1) % LONG_SLOTS;
  } else {
    s = nextShort;
    nextShort = nextShort + 1 === SLOTS ? LONG_SLOTS : nextShort + 1;
  }
  if (generation === 0xfffffffe) {
    // Generations wrap: forget every mark and every indexed text.
    nodeSeen.fill(0);
    forgetTexts();
    generation = 0;
  }
  const gen = ++generation;
  const m = marks;
  const at = s * words;
  m.fill(0, at, at + words);
  slotText[s] = text;
  lastText = text;
  lastSlot = s;
  for (let i = 0; i < n; i++) {
    let node = rootNext[text.charCodeAt(i)]!;
    let j = i + 1;
    while (node >= 0) {
      const base = 3 * node;
      // A literal met before in this scan has marked its clauses already.
      if (nodeSeen[node] !== gen) {
        nodeSeen[node] = gen;
        for (let k = nodeInfo[base]!, end = nodeInfo[base + 1]!; k < end; k++) {
          const c = clauseList[k]!;
          m[at + (c >>> 5)] |= 1 << (c & 31);
        }
      }
      if (j >= n || nodeInfo[base + 2] === 0) break;
      node = childOf(edges, node, text.charCodeAt(j++));
    }
  }
  return s;
}

/** Texts this short are not indexed: running the pattern costs less than the index. */
const SHORT = 6;

/**
 * A compiled prefilter: the ids of its clauses in the shared index. Without clauses
 * nothing is known and `may` is always true.
 */
export class Gate {
  private readonly ids: Int32Array;
  readonly filters: boolean;

  constructor(clauses: Clauses) {
    this.ids = Int32Array.from(clauses.filter((c) => c.length > 0 && c.every((l) => l.length > 0)).map(clauseId));
    this.filters = this.ids.length > 0;
  }

  /** False only when no match is possible in `text`. */
  may(text: string): boolean {
    return !this.filters || text.length <= SHORT || this.check(text);
  }

  /** The check itself, whatever the length of the text (for the tests). */
  check(text: string): boolean {
    const at = slotOf(text) * words;
    const m = marks;
    const ids = this.ids;
    for (let k = 0; k < ids.length; k++) {
      const c = ids[k]!;
      if ((m[at + (c >>> 5)]! & (1 << (c & 31))) === 0) return false;
    }
    return true;
  }
}

/** The gate of a list of clauses (see requiredLiterals). */
export function compileGate(clauses: Clauses): Gate {
  return new Gate(clauses);
}

/** False only when the gate proves no match is possible in `text`, whatever its length (for the tests). */
export function mayMatchAnyLength(gate: Gate, text: string): boolean {
  return gate.check(text);
}

const gates = new WeakMap<RegExp, Gate>();
/** Every pattern a gate was made for (read by the tests, which check each against every fixture). */
export const gatedPatterns = new Set<RegExp>();

/** The gate of a pattern, derived once. */
export function gateOf(re: RegExp): Gate {
  let g = gates.get(re);
  if (g === undefined) {
    g = compileGate(requiredLiterals(re));
    gates.set(re, g);
    gatedPatterns.add(re);
  }
  return g;
}

/** `re.test(text)`, skipped when the pattern cannot match (then a global pattern's lastIndex is reset, as a failed test would). */
export function quickTest(re: RegExp, text: string): boolean {
  if (!gateOf(re).may(text)) {
    if (re.global || re.sticky) re.lastIndex = 0;
    return false;
  }
  return re.test(text);
}

/**
 * Give patterns that are only ever used through `.test` a prefiltered `test` of their own,
 * leaving their definitions untouched. The real match runs on an untouched copy, so the
 * engine's fast path stays. Global and sticky patterns (whose `test` moves `lastIndex`)
 * are left as they are.
 */
export function prefilterTests(...patterns: RegExp[]): void {
  for (const re of patterns) {
    if (!(re instanceof RegExp) || re.global || re.sticky || Object.prototype.hasOwnProperty.call(re, 'test')) continue;
    const gate = gateOf(re);
    if (!gate.filters) continue;
    const plain = new RegExp(re.source, re.flags);
    Object.defineProperty(re, 'test', {
      value: (text: string): boolean => {
        const s = typeof text === 'string' ? text : String(text);
        return gate.may(s) && plain.test(s);
      },
      enumerable: false,
      configurable: true,
      writable: true,
    });
  }
}
