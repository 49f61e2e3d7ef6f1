import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { featureIndices, featuresOf, indexFeatures, learnedModel } from '../../src/intake/learned.js';
import { devSetPath, fixture, loadSet, repoRoot } from './sets.js';

describe('featureIndices: the learned features without their strings', () => {
  it('gives what indexFeatures(featuresOf(text)) gives, in the same order, for every labelled text', () => {
    const model = learnedModel();
    if (!model) return;
    const dir = `${repoRoot}/test/intake/fixtures`;
    const files = [devSetPath, ...readdirSync(dir).filter((f) => f.endsWith('.jsonl')).map((f) => fixture(f))];
    const texts = files.flatMap((f) => (loadSet(f) ?? []).map((r) => r.text));
    const odd = ['', '|', '  ', '𠮷野家 电梯坏了', 'a\udc00b', '１２３号楼', '👍👍', 'w:电梯', 'len:3', '\ud83d', '电梯||坏了', '3-2-401 电梯坏了！！！'];
    expect(texts.length).toBeGreaterThan(1000);
    for (const t of [...texts, ...odd]) expect(featureIndices(t, model.features), t).toEqual(indexFeatures(featuresOf(t), model.features));
  }, 60_000);

  it('reads a small vocabulary as a Map would', () => {
    const vocab = new Map(['电', '电梯', '电梯坏', '|电', 'w:电梯', 'len:0', '坏了', '梯'].map((f, i) => [f, i] as const));
    for (const t of ['电梯坏了', '电 梯', '坏了坏了电梯', '']) expect(featureIndices(t, vocab)).toEqual(indexFeatures(featuresOf(t), vocab));
  });
});
