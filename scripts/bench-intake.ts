/**
 * npm run --silent bench:intake
 * Messages per second on one core, of classifyByRules and of the rules with the learned
 * component beside them (classifyWithLearned; the goal is judged on it): a warm-up, then at least two
 * seconds of timing, once over the chat-length messages of every labelled set (dev set
 * and our own sets when present) and once over 400-character messages (the long formal
 * complaints, each joined with the next long ones and cut at 400 characters).
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { classifyByRules } from '../src/intake/index.js';
import { readJsonl } from '../src/intake/jsonl.js';
import { classifyWithLearned, learnedModel } from '../src/intake/learned.js';
import { devSetPath } from './support/dev-set.js';

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));
const files = [
  devSetPath(root),
  resolve(root, 'test/intake/fixtures/own-tune.jsonl'),
  resolve(root, 'test/intake/fixtures/own-holdout.jsonl'),
  resolve(root, 'test/intake/fixtures/own-blind.jsonl'),
  resolve(root, 'test/intake/fixtures/own-blind2.jsonl'),
  resolve(root, 'test/intake/fixtures/own-blind3.jsonl'),
  resolve(root, 'test/intake/fixtures/own-blind4.jsonl'),
  resolve(root, 'test/intake/fixtures/own-blind5.jsonl'),
  resolve(root, 'test/intake/fixtures/own-blind6.jsonl'),
  resolve(root, 'test/intake/fixtures/blind-r2.jsonl'),
  resolve(root, 'test/intake/fixtures/blind-r3.jsonl'),
  resolve(root, 'test/intake/fixtures/blind-r4.jsonl'),
  resolve(root, 'test/intake/fixtures/blind-r5.jsonl'),
  resolve(root, 'test/intake/fixtures/devstyle-blind.jsonl'),
  resolve(root, 'test/intake/fixtures/devstyle-blind2.jsonl'),
  resolve(root, 'test/intake/fixtures/r5-precision.jsonl'),
  resolve(root, 'test/intake/fixtures/r5-confirm.jsonl'),
  resolve(root, 'test/intake/fixtures/r6-fresh.jsonl'),
  resolve(root, 'test/intake/fixtures/r7-urgent.jsonl'),
  resolve(root, 'test/intake/fixtures/r8-category.jsonl'),
  resolve(root, 'test/intake/fixtures/r9-board.jsonl'),
  resolve(root, 'test/intake/fixtures/r9-group.jsonl'),
  resolve(root, 'test/intake/fixtures/r9-safety.jsonl'),
  resolve(root, 'test/intake/fixtures/r9-final.jsonl'),
].filter((f) => existsSync(f));
const texts = files.flatMap((f) => readJsonl<{ text: string }>(f).map((r) => r.text));
if (texts.length === 0) throw new Error('no messages to time');

const chat = texts.filter((t) => t.length < 100);
const longOnes = texts.filter((t) => t.length >= 100);
if (longOnes.length === 0) throw new Error('no long messages to time');
const long400 = longOnes.map((t, i) => {
  let s = t;
  for (let k = 1; s.length < 400; k++) s += longOnes[(i + k) % longOnes.length];
  return s.slice(0, 400);
});

let sink = 0;
// CPU time of this (single-threaded) process, not wall time: the machine is shared, and
// another job's load must not count as our slowness.
const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
function time(label: string, set: string[], classify: (t: string) => { confidence: number } = classifyByRules, name = 'classifyByRules'): number {
  const warmUpUntil = performance.now() + 500;
  while (performance.now() < warmUpUntil) for (const t of set) sink += classify(t).confidence;
  let count = 0;
  const start = cpuMs();
  const wallStart = performance.now();
  let elapsed = 0;
  while (elapsed < 2000) {
    for (const t of set) sink += classify(t).confidence;
    count += set.length;
    elapsed = cpuMs() - start;
  }
  const wall = performance.now() - wallStart;
  const perSecond = Math.round((count / elapsed) * 1000);
  const avgChars = Math.round(set.reduce((n, t) => n + t.length, 0) / set.length);
  console.log(
    `${name}, ${label}: ${perSecond} messages/s on one core (${count} messages in ${(elapsed / 1000).toFixed(2)} s of CPU, ${(wall / 1000).toFixed(2)} s wall; set of ${set.length}, ${avgChars} chars on average)`,
  );
  return perSecond;
}
time('chat-length', chat);
time('400 characters', long400);
if (!learnedModel()) throw new Error('no learned weights: run npm run train:intake');
const chatPerSecond = time('chat-length', chat, classifyWithLearned, 'rules + learned');
const longPerSecond = time('400 characters', long400, classifyWithLearned, 'rules + learned');
console.log(`goal (rules + learned): ≥ 5000/s chat-length, ≥ 1000/s at 400 characters: ${chatPerSecond >= 5000 && longPerSecond >= 1000 ? 'met' : 'NOT met'}`);
console.log(JSON.stringify({ chatPerSecond, longPerSecond, sink: sink > 0 }));
