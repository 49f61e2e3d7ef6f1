/**
 * npm run --silent eval:intake -- FILE.jsonl [--errors] [--learned]
 * Classifies a labelled file with the rules alone and prints the figures the held-out
 * set is judged by; the last line is the figures as one JSON object. With --learned the
 * rules plus the learned component (src/intake/learned.ts) are scored too, and both
 * rows are printed side by side before the rules-alone details.
 */
import { classifyByRules } from '../src/intake/index.js';
import { evaluate, type Labelled } from '../src/intake/evaluate.js';
import { readJsonl } from '../src/intake/jsonl.js';
import { classifyWithLearned, learnedModel } from '../src/intake/learned.js';

const args = process.argv.slice(2);
const file = args.find((a) => !a.startsWith('--'));
if (!file) {
  console.error('usage: eval:intake -- FILE.jsonl [--errors]');
  process.exit(2);
}
const gold = readJsonl<Labelled>(file);
const predicted = gold.map((g) => classifyByRules(g.text));
const { figures: f, intentConfusion, categoryConfusion, errors } = evaluate(gold, predicted);

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
if (args.includes('--learned')) {
  if (!learnedModel()) {
    console.error('no learned weights: run npm run train:intake first');
    process.exit(2);
  }
  const both = evaluate(gold, gold.map((g) => classifyWithLearned(g.text))).figures;
  const row = (name: string, x: typeof f) =>
    `${name.padEnd(14)}${[x.intentAccuracy, x.reportPrecision, x.reportRecall, x.categoryAccuracy, x.urgentRecall].map((v) => v.toFixed(3).padStart(9)).join('')}${String(x.urgentFalseAlarms).padStart(8)}${x.placeExact.toFixed(3).padStart(9)}`;
  console.log(`${''.padEnd(14)}${['intent', 'rep P', 'rep R', 'category', 'urgent R'].map((h) => h.padStart(9)).join('')}${'alarms'.padStart(8)}${'place'.padStart(9)}`);
  console.log(row('rules alone', f));
  console.log(row('rules + model', both));
  console.log(`LEARNED ${JSON.stringify(both)}\n`);
}
console.log(`messages               ${f.n}`);
console.log(`intent accuracy        ${pct(f.intentAccuracy)}   (≥ 90%)`);
console.log(`report precision       ${pct(f.reportPrecision)}   (≥ 95%)`);
console.log(`report recall          ${pct(f.reportRecall)}   (≥ 92%)`);
console.log(`category accuracy      ${pct(f.categoryAccuracy)}   (≥ 85%, over gold reports)`);
console.log(`urgent recall          ${pct(f.urgentRecall)}   (≥ 90%)`);
console.log(`urgent false alarms    ${f.urgentFalseAlarms}       (≤ 3 per 200)`);
console.log(`exact place match      ${pct(f.placeExact)}   (≥ 93%)`);
console.log('\nintent confusion (rows gold, columns predicted)');
const intents = Object.keys(intentConfusion) as (keyof typeof intentConfusion)[];
console.log(['gold\\pred'.padEnd(10), ...intents.map((i) => i.padStart(7))].join(''));
for (const g of intents) console.log([g.padEnd(10), ...intents.map((p) => String(intentConfusion[g][p]).padStart(7))].join(''));
console.log('\ncategory confusion on reports (gold → predicted: count)');
for (const [g, row] of Object.entries(categoryConfusion)) {
  const cells = Object.entries(row)
    .sort((a, b) => b[1] - a[1])
    .map(([p, n]) => `${p}:${n}`)
    .join(' ');
  console.log(`  ${g.padEnd(11)} ${cells}`);
}
// Urgency is never left to an average: the confusion, then the text of every miss.
const urgentOf = (u: string | null): 'urgent' | 'normal' => (u === 'urgent' ? 'urgent' : 'normal');
const urgentCells = { urgent: { urgent: 0, normal: 0 }, normal: { urgent: 0, normal: 0 } };
const misses: Labelled[] = [];
const alarms: Labelled[] = [];
gold.forEach((g, i) => {
  const [gu, pu] = [urgentOf(g.urgency), urgentOf(predicted[i]!.urgency)];
  urgentCells[gu][pu] += 1;
  if (gu === 'urgent' && pu === 'normal') misses.push(g);
  if (gu === 'normal' && pu === 'urgent') alarms.push(g);
});
console.log('\nurgent vs normal (rows gold, columns predicted; normal includes non-reports)');
console.log(`${'gold\\pred'.padEnd(10)}${'urgent'.padStart(8)}${'normal'.padStart(8)}`);
for (const g of ['urgent', 'normal'] as const) console.log(`${g.padEnd(10)}${String(urgentCells[g].urgent).padStart(8)}${String(urgentCells[g].normal).padStart(8)}`);
console.log(`urgent misses: ${misses.length}`);
for (const m of misses) console.log(`  MISS ${m.id} | ${m.text}`);
console.log(`false alarms: ${alarms.length}`);
for (const m of alarms) console.log(`  ALARM ${m.id} | ${m.text}`);
if (args.includes('--errors')) {
  console.log('\nerrors');
  for (const e of errors) console.log(`  ${e.id} ${e.field}: gold ${String(e.gold)} got ${String(e.got)} | ${e.text}`);
}
console.log(JSON.stringify(f));
