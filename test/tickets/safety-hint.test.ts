import { describe, expect, it } from 'vitest';
import { safetyHint } from '../../src/tickets/safety-hint.js';

describe('the one thing to do now, with the answer to an urgent report', () => {
  it.each([
    ['厨房里一股液化气的味道 头有点晕', '开窗通风'],
    ['4楼有户人家窗户里在冒烟', '走楼梯不坐电梯'],
    ['楼上漏水顺着墙流到插座那里了', '拉下电闸'],
    ['我妈在卫生间摔倒了起不来', '不要急着扶起'],
    ['有人困在电梯里半小时了', '按警铃'],
    ['装修师傅好像触电了', '先断电'],
  ])('「%s」 → %s', (text, advice) => {
    expect(safetyHint(text)).toContain(advice);
  });

  it('says nothing where no hazard is named', () => {
    expect(safetyHint('孩子烧到39度5了 谁家有退烧药')).toBe('');
    expect(safetyHint('有个陌生人在挨家挨户拧门把手')).toBe('');
  });
});
