import { describe, expect, it } from 'vitest';
import { evaluate } from '../../src/intake/evaluate.js';
import { applyGates, classifyWithLearned, featuresOf, guarded, learnedModel, learnedView } from '../../src/intake/learned.js';
import { classifyByRules } from '../../src/intake/rules.js';
import type { Intake } from '../../src/intake/types.js';
import { fixture, loadSet } from './sets.js';

const model = learnedModel();

describe('learned component beside the rules', () => {
  it('is committed and reads character n-grams and words', () => {
    expect(model).not.toBeNull();
    const f = featuresOf('3号楼电梯坏了');
    expect(f).toEqual(expect.arrayContaining(['电梯', '梯坏了', 'w:电梯']));
    // Digits are one shape: 3号楼 and 12号楼 share their features.
    expect(featuresOf('12号楼')).toEqual(featuresOf('3号楼'));
  });

  it('names the category of a long complaint from its words', () => {
    const view = learnedView(model!, '各位领导：我们小区的自来水管网是二十多年前铺的，近一年来爆了好几次，每次一爆全小区就断水大半天，居民只好在家里囤水。强烈要求供水部门对管网进行整体更换。');
    expect(view.category.best).toBe('utilities');
  });

  it('raises an emergency the rules missed, unless a guard of the rules holds it back', () => {
    const chat: Intake = { intent: 'chat', category: null, urgency: null, building: null, unit: null, room: null, confidence: 0.7, source: 'rules' };
    const alarmed = { category: { best: 'assistance' as const, prob: 0.9, probs: { assistance: 0.9 } }, report: 0.9, urgent: 0.95 };
    expect(applyGates(chat, 20, alarmed, model!.gates, () => false)).toMatchObject({ intent: 'report', category: 'assistance', urgency: 'urgent', source: 'learned' });
    expect(applyGates(chat, 20, alarmed, model!.gates, () => true)).toBe(chat);
    // The guards are the rules' own: news from elsewhere, a drill, an all-clear.
    expect(guarded('看新闻说外地有个老人在家摔倒了好几天才被发现')).toBe(true);
    expect(guarded('我爸刚才突然捂着胸口蹲在地上 脸煞白')).toBe(false);
  });

  it('leaves urgent messages, places and confident chat to the rules', () => {
    const urgent = '刚进家门一股煤气味 灶台阀门关着的啊 不敢开灯 5栋';
    const rules = classifyByRules(urgent);
    expect(classifyWithLearned(urgent)).toEqual(rules);
    const chat: Intake = { intent: 'chat', category: null, urgency: null, building: '3', unit: null, room: null, confidence: 0.8, source: 'rules' };
    const sure = { category: { best: 'facility' as const, prob: 0.99, probs: { facility: 0.99 } }, report: 0.99, urgent: 0.01 };
    const unguarded = () => false;
    expect(applyGates(chat, 20, sure, model!.gates, unguarded)).toBe(chat);
    // Unsure chat that the model is sure of becomes a normal report; the place stays.
    const unsure = { ...chat, confidence: 0.45 };
    expect(applyGates(unsure, 20, sure, model!.gates, unguarded)).toMatchObject({ intent: 'report', category: 'facility', urgency: 'normal', building: '3', source: 'learned' });
  });

  // The r10 sets were written before the model was trained and are not trained on (the
  // rules were tuned on some of them afterwards; r10-urgent was first scored with the
  // urgency head in place). The model's gain is the category of long messages and the
  // emergencies the rules miss; it may cost a short chat read as a report or one alarm.
  it.each([['r10-a.jsonl'], ['r10-b.jsonl'], ['r10-last.jsonl'], ['r10-urgent.jsonl']])('helps the rules on held-out %s', (name) => {
    const gold = loadSet(fixture(name))!;
    const rules = evaluate(gold, gold.map((g) => classifyByRules(g.text))).figures;
    const both = evaluate(gold, gold.map((g) => classifyWithLearned(g.text))).figures;
    expect(both.categoryAccuracy).toBeGreaterThanOrEqual(rules.categoryAccuracy);
    expect(both.intentAccuracy).toBeGreaterThanOrEqual(rules.intentAccuracy - 1 / gold.length - 1e-9);
    expect(both.urgentRecall).toBeGreaterThanOrEqual(rules.urgentRecall);
    expect(both.urgentFalseAlarms).toBeLessThanOrEqual(rules.urgentFalseAlarms + 1);
    const long = gold.filter((g) => g.intent === 'report' && g.text.length >= 100);
    const right = (f: (t: string) => { category: string | null }) => long.filter((g) => f(g.text).category === g.category).length;
    if (name === 'r10-a.jsonl') expect(right(classifyWithLearned)).toBeGreaterThan(right(classifyByRules));
    // r10-last was not tuned on for intent: the rules still miss emergencies there that the model raises.
    if (name === 'r10-last.jsonl') expect(both.urgentRecall).toBeGreaterThan(rules.urgentRecall);
  });
});
