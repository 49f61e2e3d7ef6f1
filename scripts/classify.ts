/**
 * npm run --silent classify -- FILE.jsonl
 * Reads objects with `id` and `text`, writes one JSON object per line in the same order:
 * id, intent, category, urgency, building, unit, room, confidence, source.
 * Model settings come from GRIDBOT_LLM_BASE_URL, GRIDBOT_LLM_API_KEY, GRIDBOT_LLM_MODEL,
 * GRIDBOT_LLM_MODE (default "unsure" when a base URL is set); without them, rules only.
 */
import { systemClock } from '../src/clock.js';
import { createClassifier, type ModelSettings } from '../src/intake/index.js';
import { readJsonl } from '../src/intake/jsonl.js';

function modelFromEnv(env: NodeJS.ProcessEnv): ModelSettings | undefined {
  const baseURL = env.GRIDBOT_LLM_BASE_URL;
  if (!baseURL) return undefined;
  const mode = (env.GRIDBOT_LLM_MODE ?? 'unsure') as ModelSettings['mode'];
  if (!['never', 'unsure', 'always'].includes(mode)) throw new Error(`GRIDBOT_LLM_MODE must be never, unsure or always, not ${mode}`);
  return { baseURL, apiKey: env.GRIDBOT_LLM_API_KEY ?? 'none', model: env.GRIDBOT_LLM_MODEL ?? 'gpt-4o-mini', mode };
}

const file = process.argv.slice(2).find((a) => !a.startsWith('--'));
if (!file) {
  console.error('usage: classify -- FILE.jsonl');
  process.exit(2);
}
const classifier = createClassifier({
  model: modelFromEnv(process.env),
  clock: systemClock,
  log: (msg, extra) => console.error(msg, extra ?? ''),
});
for (const row of readJsonl<{ id: unknown; text: unknown }>(file)) {
  const r = await classifier.classify(String(row.text ?? ''));
  process.stdout.write(
    JSON.stringify({
      id: row.id,
      intent: r.intent,
      category: r.category,
      urgency: r.urgency,
      building: r.building,
      unit: r.unit,
      room: r.room,
      confidence: r.confidence,
      source: r.source,
    }) + '\n',
  );
}
