/**
 * npx tsx scripts/support/intake-snapshot.ts OUT.json
 * Every decision of the intake rules (and of the rules with the learned component) over
 * every labelled text we hold, written as JSON: a speed change must leave it byte for byte
 * the same (compare two runs with cmp). Besides the texts as written, each is also run
 * joined with the next ones and cut at 400 characters (what bench:intake times), and cut
 * at its first clause, so that long letters and fragments are covered too.
 */
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { classifyByRules, extractPlace, isProgressQuestion } from '../../src/intake/index.js';
import { readJsonl } from '../../src/intake/jsonl.js';
import { classifyWithLearned, guarded } from '../../src/intake/learned.js';
import { readSignals } from '../../src/intake/rules.js';
import { devSetPath } from './dev-set.js';

const out = process.argv[2];
if (!out) throw new Error('usage: intake-snapshot.ts OUT.json');
const root = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const fixtures = resolve(root, 'test/intake/fixtures');
const files = [
  devSetPath(root),
  ...readdirSync(fixtures)
    .filter((f) => f.endsWith('.jsonl'))
    .sort()
    .map((f) => resolve(fixtures, f)),
];
const written = files.filter((f) => existsSync(f)).flatMap((f) => readJsonl<{ text: string }>(f).map((r) => r.text));
const joined = written.map((t, i) => {
  let s = t;
  for (let k = 1; s.length < 400 && k < written.length; k++) s += written[(i + k) % written.length];
  return s.slice(0, 400);
});
const firstClause = written.map((t) => t.split(/[，,。！!？?\s]/)[0] ?? '').filter((t) => t.length > 0);
const texts = [...written, ...joined, ...firstClause];

const rows = texts.map((text) => ({
  text,
  rules: classifyByRules(text),
  learned: classifyWithLearned(text),
  signals: readSignals(text),
  progress: isProgressQuestion(text),
  place: extractPlace(text),
  guarded: guarded(text),
}));
writeFileSync(out, JSON.stringify(rows, null, 1));
console.log(`${rows.length} texts from ${files.length} files (${files[0]}${existsSync(files[0]!) ? '' : ': missing'}) → ${out}`);
