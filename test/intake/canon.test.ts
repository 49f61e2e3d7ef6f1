import { describe, expect, it } from 'vitest';
import { canonicalize } from '../../src/intake/canon.js';

describe('canonicalize: spoken and dialect variants', () => {
  it.each<[string, string]>([
    ['一股燃起味道', '一股燃气味道'],
    ['燃起公司明天来', '燃气公司明天来'],
    ['电题坏了', '电梯坏了'],
    ['路登不亮', '路灯不亮'],
    ['物叶不管', '物业不管'],
    ['冇得电了', '没有电了'],
    ['搞么事啊', '干什么啊'],
    ['么样又停水了', '怎么又停水了'],
    ['我屋里伢不见了', '我家里孩子不见了'],
    ['小电驴被偷了', '电动车被偷了'],
    // left alone where the homophone is not certain, or already standard
    ['燃起了希望', '燃起了希望'],
    ['天然气味道', '天然气味道'],
    ['怎么样了', '怎么样了'],
    ['什么事', '什么事'],
  ])('%s → %s', (input, expected) => {
    expect(canonicalize(input)).toBe(expected);
  });
});
