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
    const odd = ['', '|', '  ', '𠮷野家 电梯坏了', 'a\udc00b', '１２３号楼', '👍👍', 'w:电梯', 'len:3', '\ud83d', '电梯||坏了', '3-2-401 电梯坏了！！！', '1２三④五楼', '④⑤室', '𝟙𝟚号', '𠀀𠀁 12𠀂', '\udc00\ud800电梯', 'x\ud800', '电梯\u00a0\u3000坏了', 'Ⅻ号楼ⅳ', '٣٤ 房间', 'é漏水ß'];
    expect(texts.length).toBeGreaterThan(1000);
    for (const t of [...texts, ...odd]) expect(featureIndices(t, model.features), t).toEqual(indexFeatures(featuresOf(t), model.features));
  }, 60_000);

  it('reads a small vocabulary as a Map would', () => {
    const vocab = new Map(['电', '电梯', '电梯坏', '|电', 'w:电梯', 'len:0', '坏了', '梯'].map((f, i) => [f, i] as const));
    for (const t of ['电梯坏了', '电 梯', '坏了坏了电梯', '', '电梯3坏', '12电梯', '电梯!!', '电' + 'x'.repeat(5000) + '梯坏']) expect(featureIndices(t, vocab)).toEqual(indexFeatures(featuresOf(t), vocab));
  });
});
