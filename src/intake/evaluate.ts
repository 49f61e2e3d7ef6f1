import type { Category, Intake, Intent, Urgency } from './types.js';

/** One labelled message as in intake-dev.jsonl. */
export interface Labelled {
  id: string;
  text: string;
  intent: Intent;
  category: Category | null;
  urgency: Urgency | null;
  building: string | null;
  unit: string | null;
  room: string | null;
}

export interface Figures {
  n: number;
  intentAccuracy: number;
  reportPrecision: number;
  reportRecall: number;
  categoryAccuracy: number;
  urgentRecall: number;
  urgentFalseAlarms: number;
  placeExact: number;
}

export interface Evaluation {
  figures: Figures;
  /** confusion[gold][predicted] for intents. */
  intentConfusion: Record<Intent, Record<Intent, number>>;
  /** confusion[gold][predicted] for categories on messages that are reports in gold and prediction. */
  categoryConfusion: Record<string, Record<string, number>>;
  errors: { id: string; text: string; field: string; gold: unknown; got: unknown }[];
}

const INTENTS: Intent[] = ['report', 'query', 'signup', 'chat'];

function ratio(num: number, den: number): number {
  return den === 0 ? 1 : Math.round((num / den) * 10000) / 10000;
}

/**
 * The figures the held-out set is judged by. Category accuracy counts the gold reports
 * (a report the rules missed counts as a wrong category); urgent false alarms are
 * predictions of urgent where gold is not urgent.
 */
export function evaluate(gold: Labelled[], predicted: Intake[]): Evaluation {
  if (gold.length !== predicted.length) throw new Error('gold and predicted differ in length');
  const intentConfusion = Object.fromEntries(
    INTENTS.map((g) => [g, Object.fromEntries(INTENTS.map((p) => [p, 0]))]),
  ) as Record<Intent, Record<Intent, number>>;
  const categoryConfusion: Record<string, Record<string, number>> = {};
  const errors: Evaluation['errors'] = [];
  let intentOk = 0;
  let predReports = 0;
  let truePosReports = 0;
  let goldReports = 0;
  let categoryOk = 0;
  let goldUrgent = 0;
  let urgentHit = 0;
  let urgentFalse = 0;
  let placeOk = 0;

  gold.forEach((g, i) => {
    const p = predicted[i];
    intentConfusion[g.intent][p.intent] += 1;
    if (g.intent === p.intent) intentOk++;
    else errors.push({ id: g.id, text: g.text, field: 'intent', gold: g.intent, got: p.intent });
    if (p.intent === 'report') predReports++;
    if (g.intent === 'report') {
      goldReports++;
      if (p.intent === 'report') {
        truePosReports++;
        const row = (categoryConfusion[g.category ?? 'null'] ??= {});
        row[p.category ?? 'null'] = (row[p.category ?? 'null'] ?? 0) + 1;
      }
      if (p.intent === 'report' && p.category === g.category) categoryOk++;
      else if (p.intent === 'report') errors.push({ id: g.id, text: g.text, field: 'category', gold: g.category, got: p.category });
    }
    if (g.urgency === 'urgent') {
      goldUrgent++;
      if (p.urgency === 'urgent') urgentHit++;
      else errors.push({ id: g.id, text: g.text, field: 'urgency', gold: 'urgent', got: p.urgency });
    } else if (p.urgency === 'urgent') {
      urgentFalse++;
      errors.push({ id: g.id, text: g.text, field: 'urgency', gold: g.urgency, got: 'urgent' });
    }
    if (g.building === p.building && g.unit === p.unit && g.room === p.room) placeOk++;
    else
      errors.push({
        id: g.id,
        text: g.text,
        field: 'place',
        gold: [g.building, g.unit, g.room].join('/'),
        got: [p.building, p.unit, p.room].join('/'),
      });
  });

  return {
    figures: {
      n: gold.length,
      intentAccuracy: ratio(intentOk, gold.length),
      reportPrecision: ratio(truePosReports, predReports),
      reportRecall: ratio(truePosReports, goldReports),
      categoryAccuracy: ratio(categoryOk, goldReports),
      urgentRecall: ratio(urgentHit, goldUrgent),
      urgentFalseAlarms: urgentFalse,
      placeExact: ratio(placeOk, gold.length),
    },
    intentConfusion,
    categoryConfusion,
    errors,
  };
}

/** The thresholds the held-out set must meet (false alarms scaled to 3 per 200 messages). */
export function meetsThresholds(f: Figures): { ok: boolean; failures: string[] } {
  const failures: string[] = [];
  if (f.intentAccuracy < 0.9) failures.push(`intentAccuracy ${f.intentAccuracy} < 0.90`);
  if (f.reportPrecision < 0.95) failures.push(`reportPrecision ${f.reportPrecision} < 0.95`);
  if (f.reportRecall < 0.92) failures.push(`reportRecall ${f.reportRecall} < 0.92`);
  if (f.categoryAccuracy < 0.85) failures.push(`categoryAccuracy ${f.categoryAccuracy} < 0.85`);
  if (f.urgentRecall < 0.9) failures.push(`urgentRecall ${f.urgentRecall} < 0.90`);
  if (f.urgentFalseAlarms > Math.max(1, Math.floor((3 * f.n) / 200))) failures.push(`urgentFalseAlarms ${f.urgentFalseAlarms} too many`);
  if (f.placeExact < 0.93) failures.push(`placeExact ${f.placeExact} < 0.93`);
  return { ok: failures.length === 0, failures };
}
