/**
 * npm run --silent bench:intake
 * Messages per second of classifyByRules on one core: a warm-up, then at least two
 * seconds of timing over a varied message set (dev set and our own sets when present).
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { classifyByRules } from '../src/intake/index.js';
import { readJsonl } from '../src/intake/jsonl.js';

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));
const files = [
  resolve(root, '../shared/data/intake-dev.jsonl'),
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
].filter((f) => existsSync(f));
const texts = files.flatMap((f) => readJsonl<{ text: string }>(f).map((r) => r.text));
if (texts.length === 0) throw new Error('no messages to time');

let sink = 0;
const warmUpUntil = performance.now() + 500;
while (performance.now() < warmUpUntil) for (const t of texts) sink += classifyByRules(t).confidence;

let count = 0;
const start = performance.now();
let elapsed = 0;
while (elapsed < 2000) {
  for (const t of texts) sink += classifyByRules(t).confidence;
  count += texts.length;
  elapsed = performance.now() - start;
}
const perSecond = Math.round((count / elapsed) * 1000);
const avgChars = Math.round(texts.reduce((n, t) => n + t.length, 0) / texts.length);
console.log(`classifyByRules: ${perSecond} messages/s on one core (${count} messages in ${(elapsed / 1000).toFixed(2)} s; set of ${texts.length}, ${avgChars} chars on average)`);
console.log(JSON.stringify({ messagesPerSecond: perSecond, messages: count, seconds: Math.round(elapsed) / 1000, sink: sink > 0 }));
