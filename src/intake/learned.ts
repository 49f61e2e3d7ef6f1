/**
 * The learned component beside the rules: three linear (multinomial logistic regression)
 * heads over character 1–3-grams and jieba words — the category of a report, report vs
 * not, and urgent vs not. `npm run train:intake` fits them on the project's own labelled sets
 * and writes `learned-weights.json` next to this file; loading is lazy, so the rules alone
 * never pay for it.
 *
 * The model only steps in where the rules are weakest: the category of a long message,
 * a message the rules call chat with low confidence, and — as a third safety check that
 * can only raise — an emergency told in words the rules do not know. The rules' guards
 * (news from elsewhere, drills, notices, all-clears, past or standing troubles) still
 * hold it back; places and every other decision stay with the rules.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';
import { canonicalize } from './canon.js';
import { childOf, type EdgeTable, edgeTable } from './edges.js';
import { normalizeText } from './normalize.js';
import { classifyByRules } from './rules.js';
import { safetyHeldBack } from './safety.js';
import { heldBack } from './urgency.js';
import type { Category, Intake } from './types.js';
import { UNSURE_BELOW } from './types.js';

/** Report vs not: the intent head has these two classes. */
export const INTENT_CLASSES = ['report', 'other'] as const;
/** Urgent vs not: the urgency head. */
export const URGENT_CLASSES = ['urgent', 'normal'] as const;

/** When the model may overrule the rules; written by the training script with the weights. */
export interface Gates {
  /** Category: only for messages at least this long (characters)… */
  categoryMinChars: number;
  /** …when the model's top category has at least this probability… */
  categoryMinProb: number;
  /** …and the rules' category has at most this probability under the model. */
  categoryRulesMaxProb: number;
  /** Chat with rules confidence under UNSURE_BELOW becomes a report at this P(report). */
  reportMinProb: number;
  /** A message the rules did not find urgent is raised at this P(urgent), unless a guard holds. */
  urgentMinProb: number;
}

export interface LinearHead {
  classes: readonly string[];
  bias: number[];
  /** weights[f * classes.length + k] for feature index f, class k. */
  weights: Float32Array;
}

export interface LearnedModel {
  features: Map<string, number>;
  category: LinearHead;
  intent: LinearHead;
  urgent: LinearHead;
  gates: Gates;
}

/** The serialised form: weights are integers, the real weight times `scale`. */
export interface WeightsFile {
  version: 2;
  scale: number;
  features: string[];
  category: { classes: string[]; bias: number[]; weights: number[] };
  intent: { classes: string[]; bias: number[]; weights: number[] };
  urgent: { classes: string[]; bias: number[]; weights: number[] };
  gates: Gates;
  trainedOn: { files: string[]; messages: number };
}

export const WEIGHTS_PATH = fileURLToPath(new URL('./learned-weights.json', import.meta.url));

let jieba: Jieba | null = null;
function words(text: string): string[] {
  jieba ??= Jieba.withDict(dict);
  return jieba.cut(text, false);
}

/**
 * The features of a message: character 1–3-grams of its normal form (digits collapsed to
 * `0`, runs of punctuation and space to one `|`) and its jieba words (`w:` prefix).
 * Each is present or not; the vector is scaled to unit length by the caller.
 */
export function featuresOf(text: string): string[] {
  const t = normalizeText(text)
    .replace(/\p{N}+/gu, '0')
    .replace(/[^\p{L}\p{N}]+/gu, '|');
  const out = new Set<string>();
  const chars = Array.from(`|${t}|`);
  for (let i = 0; i < chars.length; i++) {
    const a = chars[i]!;
    if (a !== '|') out.add(a);
    if (i + 1 < chars.length) {
      const ab = a + chars[i + 1];
      out.add(ab);
      if (i + 2 < chars.length) out.add(ab + chars[i + 2]);
    }
  }
  for (const w of words(t)) if (w.length > 1 && w !== '||' && !w.includes('|')) out.add(`w:${w}`);
  out.add(`len:${Math.min(6, Math.floor(t.length / 40))}`);
  return [...out];
}

/** Feature indices of a message under a model's vocabulary. */
export function indexFeatures(feats: string[], vocab: Map<string, number>): number[] {
  const idx: number[] = [];
  for (const f of feats) {
    const i = vocab.get(f);
    if (i !== undefined) idx.push(i);
  }
  return idx;
}

/** Class probabilities of one head for a message given as feature indices (unit-scaled). */
export function probabilities(head: LinearHead, idx: number[]): number[] {
  const k = head.classes.length;
  const scale = idx.length > 0 ? 1 / Math.sqrt(idx.length) : 0;
  const z = head.bias.slice();
  for (const f of idx) {
    const base = f * k;
    for (let c = 0; c < k; c++) z[c]! += head.weights[base + c]! * scale;
  }
  const max = Math.max(...z);
  let sum = 0;
  for (let c = 0; c < k; c++) sum += z[c] = Math.exp(z[c]! - max);
  return z.map((v) => v / sum);
}

export function modelFromFile(file: WeightsFile): LearnedModel {
  if (file.version !== 2) throw new Error(`learned weights: unknown version ${String(file.version)}`);
  const head = (h: WeightsFile['category']): LinearHead => ({
    classes: h.classes,
    bias: h.bias.map((b) => b / file.scale),
    weights: Float32Array.from(h.weights, (w) => w / file.scale),
  });
  const model = {
    features: new Map(file.features.map((f, i) => [f, i] as const)),
    category: head(file.category),
    intent: head(file.intent),
    urgent: head(file.urgent),
    gates: file.gates,
  };
  for (const h of [model.category, model.intent, model.urgent])
    if (h.weights.length !== file.features.length * h.classes.length) throw new Error('learned weights: sizes do not match');
  return model;
}

let loaded: LearnedModel | null | undefined;
/** The committed model, or null when the weights file is absent (rules alone then). */
export function learnedModel(): LearnedModel | null {
  if (loaded === undefined)
    loaded = existsSync(WEIGHTS_PATH) ? modelFromFile(JSON.parse(readFileSync(WEIGHTS_PATH, 'utf8')) as WeightsFile) : null;
  return loaded;
}

export interface LearnedView {
  category: { best: Category; prob: number; probs: Record<string, number> };
  report: number;
  urgent: number;
}

/**
 * A model's vocabulary for reading a message without building its feature strings: the
 * character n-grams as a trie over code points, the words by themselves, the length buckets.
 */
interface Lookup {
  /** Node of each first code point in the BMP (-1: none), and of the others. */
  rootBmp: Int32Array;
  rootAstral: Map<number, number>;
  /** Per node: its feature index (-1: none). */
  nodeIndex: Int32Array;
  /** Every (node, code point) → child edge (edges.ts). */
  edges: EdgeTable;
  words: Map<string, number>;
  lengths: Map<string, number>;
  /** One more than the largest feature index. */
  size: number;
}

const lookups = new WeakMap<Map<string, number>, Lookup>();
function lookupOf(vocab: Map<string, number>): Lookup {
  const known = lookups.get(vocab);
  if (known) return known;
  // Every feature up to three code points long goes into a trie (longer ones are never
  // n-grams): a lookup there only ever finds the very string asked for.
  const next: Map<number, number>[] = [new Map()];
  const index: number[] = [-1];
  const words = new Map<string, number>();
  const lengths = new Map<string, number>();
  let size = 0;
  for (const [f, i] of vocab) {
    size = Math.max(size, i + 1);
    if (f.startsWith('w:')) words.set(f.slice(2), i);
    if (f.startsWith('len:')) lengths.set(f, i);
    const cps = Array.from(f, (ch) => ch.codePointAt(0)!);
    if (cps.length === 0 || cps.length > 3) continue;
    let node = 0;
    for (const cp of cps) {
      let child = next[node]!.get(cp);
      if (child === undefined) {
        child = index.length;
        index.push(-1);
        next.push(new Map());
        next[node]!.set(cp, child);
      }
      node = child;
    }
    index[node] = i;
  }
  const rootBmp = new Int32Array(1 << 16).fill(-1);
  const rootAstral = new Map<number, number>();
  for (const [cp, c] of next[0]!) {
    if (cp < 1 << 16) rootBmp[cp] = c;
    else rootAstral.set(cp, c);
  }
  const l: Lookup = { rootBmp, rootAstral, nodeIndex: Int32Array.from(index), edges: edgeTable(next), words, lengths, size };
  lookups.set(vocab, l);
  return l;
}

const KIND_LETTER = 1;
const KIND_DIGIT = 2;
const KIND_OTHER = 3;
const IS_DIGIT = /\p{N}/u;
const IS_LETTER = /\p{L}/u;
/** Letter, digit or other, of each code point as met (the same answers as the patterns of featuresOf). */
const bmpKind = new Uint8Array(1 << 16);
const astralKind = new Map<number, number>();
function kindOf(cp: number): number {
  if (cp < 1 << 16) {
    let k = bmpKind[cp]!;
    if (k === 0) bmpKind[cp] = k = classifyChar(String.fromCharCode(cp));
    return k;
  }
  let k = astralKind.get(cp);
  if (k === undefined) astralKind.set(cp, (k = classifyChar(String.fromCodePoint(cp))));
  return k;
}
function classifyChar(ch: string): number {
  return IS_DIGIT.test(ch) ? KIND_DIGIT : IS_LETTER.test(ch) ? KIND_LETTER : KIND_OTHER;
}
let units = new Uint16Array(1024);
function stringOf(buf: Uint16Array, length: number): string {
  let out = '';
  for (let at = 0; at < length; at += 4096) out += String.fromCharCode(...buf.subarray(at, Math.min(length, at + 4096)));
  return out;
}

let seenMark = new Uint32Array(0);
let seenGen = 0;
let cps = new Int32Array(1024);

/**
 * indexFeatures(featuresOf(text), vocab), in the same order, without making a string of
 * every n-gram: the n-grams are walked in the vocabulary's trie, and a feature index is
 * kept the first time it is met (as the Set in featuresOf keeps the first occurrence).
 */
export function featureIndices(text: string, vocab: Map<string, number>): number[] {
  const l = lookupOf(vocab);
  if (seenMark.length < l.size) {
    seenMark = new Uint32Array(l.size);
    seenGen = 0;
  }
  if (++seenGen === 0xffffffff) {
    seenMark.fill(0);
    seenGen = 1;
  }
  const gen = seenGen;
  const idx: number[] = [];
  const keep = (i: number) => {
    if (i >= 0 && seenMark[i] !== gen) {
      seenMark[i] = gen;
      idx.push(i);
    }
  };
  // featuresOf's form of the text (runs of digits → 0, other runs of what is neither letter
  // nor digit → |) and the code points of `|${t}|`, in one pass over the normal form
  // instead of two Unicode-property replaces.
  const source = normalizeText(text);
  const bar = 0x7c;
  if (cps.length < source.length + 2) cps = new Int32Array(2 * source.length + 2);
  if (units.length < source.length) units = new Uint16Array(2 * source.length);
  let n = 0;
  let u = 0;
  let prev = 0;
  cps[n++] = bar;
  for (let i = 0; i < source.length; i++) {
    let cp = source.charCodeAt(i);
    let width = 1;
    if (cp >= 0xd800 && cp <= 0xdbff && i + 1 < source.length) {
      const d = source.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        cp = (cp - 0xd800) * 0x400 + (d - 0xdc00) + 0x10000;
        width = 2;
      }
    }
    const kind = kindOf(cp);
    if (kind === KIND_LETTER) {
      cps[n++] = cp;
      units[u++] = source.charCodeAt(i);
      if (width === 2) units[u++] = source.charCodeAt(i + 1);
    } else if (kind !== prev) {
      const mark = kind === KIND_DIGIT ? 0x30 : bar;
      cps[n++] = mark;
      units[u++] = mark;
    }
    prev = kind;
    i += width - 1;
  }
  cps[n++] = bar;
  const t = stringOf(units, u);
  for (let i = 0; i < n; i++) {
    const first = cps[i]!;
    const a = first < 1 << 16 ? l.rootBmp[first]! : (l.rootAstral.get(first) ?? -1);
    if (a < 0) continue;
    if (first !== bar) keep(l.nodeIndex[a]!);
    if (i + 1 < n) {
      const ab = childOf(l.edges, a, cps[i + 1]!);
      if (ab >= 0) {
        keep(l.nodeIndex[ab]!);
        if (i + 2 < n) {
          const abc = childOf(l.edges, ab, cps[i + 2]!);
          if (abc >= 0) keep(l.nodeIndex[abc]!);
        }
      }
    }
  }
  for (const w of words(t))
    if (w.length > 1 && w !== '||' && !w.includes('|')) {
      const i = l.words.get(w);
      if (i !== undefined) keep(i);
    }
  const i = l.lengths.get(`len:${Math.min(6, Math.floor(t.length / 40))}`);
  if (i !== undefined) keep(i);
  return idx;
}

/** What the model alone thinks of a message. */
export function learnedView(model: LearnedModel, text: string): LearnedView {
  const idx = featureIndices(text, model.features);
  const cp = probabilities(model.category, idx);
  const ip = probabilities(model.intent, idx);
  const up = probabilities(model.urgent, idx);
  let best = 0;
  for (let c = 1; c < cp.length; c++) if (cp[c]! > cp[best]!) best = c;
  const probs: Record<string, number> = {};
  model.category.classes.forEach((c, i) => (probs[c] = cp[i]!));
  return { category: { best: model.category.classes[best] as Category, prob: cp[best]!, probs }, report: ip[0]!, urgent: up[0]! };
}

/**
 * Rules first; the model then only (a) raises an emergency the rules missed when it is
 * sure and no guard of the rules holds, (b) re-decides the category of a long, non-urgent
 * report when it is sure and finds the rules' choice unlikely, and (c) turns a chat the
 * rules are unsure of into a normal report when it is sure it is one.
 */
export function combine(rules: Intake, text: string, model: LearnedModel): Intake {
  return applyGates(rules, text.length, learnedView(model, text), model.gates, () => guarded(text));
}

/**
 * Whether a guard of the rules holds the message back (news, a drill, a notice, an
 * all-clear, a dream, a past, standing or imagined trouble): either check's guards.
 */
export function guarded(text: string): boolean {
  const t = canonicalize(normalizeText(text));
  return heldBack(t) || safetyHeldBack(t);
}

/** The decision of `combine` once the model's view of the message is known. */
export function applyGates(rules: Intake, chars: number, view: LearnedView, g: Gates, isGuarded: () => boolean): Intake {
  if (rules.urgency !== 'urgent' && view.urgent >= g.urgentMinProb && !isGuarded()) {
    const category = rules.intent === 'report' && rules.category ? rules.category : view.category.best;
    return { ...rules, intent: 'report', category, urgency: 'urgent', confidence: Math.max(rules.confidence, view.urgent), source: 'learned' };
  }
  if (rules.intent === 'chat' && rules.confidence < UNSURE_BELOW) {
    if (view.report < g.reportMinProb) return rules;
    return { ...rules, intent: 'report', category: view.category.best, urgency: 'normal', confidence: view.report, source: 'learned' };
  }
  if (rules.intent !== 'report' || rules.urgency === 'urgent' || chars < g.categoryMinChars) return rules;
  const rulesProb = rules.category ? (view.category.probs[rules.category] ?? 0) : 0;
  if (view.category.best === rules.category || view.category.prob < g.categoryMinProb || rulesProb > g.categoryRulesMaxProb) return rules;
  return { ...rules, category: view.category.best, source: 'learned' };
}

/** Rules plus the learned component (rules alone when no weights are committed). */
export function classifyWithLearned(text: string): Intake {
  const rules = classifyByRules(text);
  const model = learnedModel();
  return model ? combine(rules, text, model) : rules;
}
