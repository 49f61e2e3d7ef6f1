import { describe, expect, it } from 'vitest';
import { classifyByRules, mergeFollowUp } from '../../src/intake/index.js';

describe('mergeFollowUp', () => {
  const lamp = classifyByRules('楼道灯坏了好几天了 麻烦修一下');

  it.each([
    ['就在3栋', { building: '3', unit: null, room: null }],
    ['3栋2单元', { building: '3', unit: '2', room: null }],
    ['三号楼二单元301', { building: '3', unit: '2', room: '301' }],
    ['在6单元', { building: null, unit: '6', room: null }],
  ])('completes the place with "%s"', (text, place) => {
    expect(mergeFollowUp(lamp, text)).toMatchObject({ intent: 'report', category: 'facility', ...place });
  });

  it('keeps what the earlier message knew and adds what is new', () => {
    const first = classifyByRules('5栋楼道里有股怪味 麻烦来看看');
    expect(first.building).toBe('5');
    expect(mergeFollowUp(first, '2单元')).toMatchObject({ building: '5', unit: '2' });
  });

  it('turns a smell into an urgent gas report with "是燃气味"', () => {
    const smell = classifyByRules('楼道里有股味道 好几天了 麻烦来看看');
    expect(mergeFollowUp(smell, '是燃气味')).toMatchObject({ intent: 'report', urgency: 'urgent', category: 'utilities' });
  });

  it('never calms an urgent report down', () => {
    const fire = classifyByRules('2栋冒浓烟了 快来人');
    expect(mergeFollowUp(fire, '是3单元')).toMatchObject({ urgency: 'urgent', building: '2', unit: '3' });
  });

  it.each(['谢谢', '修好了', '+1', '我们楼的楼栋长是谁', '小区门口新开了一家超市 全场八折 大家快去看看 很便宜的'])(
    'returns null for a message of its own: %s',
    (text) => {
      expect(mergeFollowUp(lamp, text)).toBeNull();
    },
  );
});
