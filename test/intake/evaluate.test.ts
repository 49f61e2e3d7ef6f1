import { describe, expect, it } from 'vitest';
import { evaluate, meetsThresholds, type Labelled } from '../../src/intake/evaluate.js';
import type { Intake } from '../../src/intake/index.js';

const gold = (over: Partial<Labelled>): Labelled => ({
  id: 'x',
  text: '',
  intent: 'chat',
  category: null,
  urgency: null,
  building: null,
  unit: null,
  room: null,
  ...over,
});
const got = (over: Partial<Intake>): Intake => ({
  intent: 'chat',
  category: null,
  urgency: null,
  building: null,
  unit: null,
  room: null,
  confidence: 1,
  source: 'rules',
  ...over,
});

describe('evaluate', () => {
  const golds = [
    gold({ id: 'a', intent: 'report', category: 'facility', urgency: 'urgent', building: '3' }),
    gold({ id: 'b', intent: 'report', category: 'dispute', urgency: 'normal' }),
    gold({ id: 'c', intent: 'chat' }),
    gold({ id: 'd', intent: 'query' }),
  ];
  const preds = [
    got({ intent: 'report', category: 'facility', urgency: 'urgent', building: '3' }),
    got({ intent: 'report', category: 'property', urgency: 'urgent' }),
    got({ intent: 'report', category: 'other', urgency: 'normal' }),
    got({ intent: 'query', building: '5' }),
  ];
  const { figures, intentConfusion, errors } = evaluate(golds, preds);

  it('computes each figure', () => {
    expect(figures).toEqual({
      n: 4,
      intentAccuracy: 0.75,
      reportPrecision: 0.6667,
      reportRecall: 1,
      categoryAccuracy: 0.5,
      urgentRecall: 1,
      urgentFalseAlarms: 1,
      placeExact: 0.75,
    });
  });

  it('counts the intent confusion with gold as rows', () => {
    expect(intentConfusion.chat.report).toBe(1);
    expect(intentConfusion.report.report).toBe(2);
  });

  it('lists the errors by field', () => {
    expect(errors.map((e) => `${e.id}:${e.field}`)).toEqual(['b:category', 'b:urgency', 'c:intent', 'd:place']);
  });

  it('counts a missed report as a wrong category', () => {
    const r = evaluate([gold({ intent: 'report', category: 'facility', urgency: 'normal' })], [got({ intent: 'chat' })]);
    expect(r.figures.categoryAccuracy).toBe(0);
    expect(r.figures.reportRecall).toBe(0);
  });

  it('rejects sets of different lengths', () => {
    expect(() => evaluate(golds, preds.slice(1))).toThrow();
  });
});

describe('meetsThresholds', () => {
  const good = { n: 200, intentAccuracy: 0.95, reportPrecision: 0.97, reportRecall: 0.95, categoryAccuracy: 0.9, urgentRecall: 0.95, urgentFalseAlarms: 3, placeExact: 0.95 };
  it('passes figures over every threshold', () => {
    expect(meetsThresholds(good)).toEqual({ ok: true, failures: [] });
  });
  it('names each figure under its threshold', () => {
    const r = meetsThresholds({ ...good, reportRecall: 0.9, urgentFalseAlarms: 4 });
    expect(r.ok).toBe(false);
    expect(r.failures).toHaveLength(2);
  });
});
