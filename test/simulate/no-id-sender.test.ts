import { describe, expect, it } from 'vitest';
import { parseScript } from '../../src/simulate/script.js';
import { Simulation } from '../../src/simulate/run.js';
import { SendError } from '../../src/chat/port.js';
import { demoOrg } from '../support/sim.js';

describe('the simulator\'s sender with no WeChat id', () => {
  it('`[room] NAME: text` is read as a speaker without an id; `NAME(ID)` keeps its id', () => {
    const steps = parseScript('[丽水鑫城业主群] 江天荣: 接单 #1\n[dm] 赵奶奶：我的积分\n[dm] 江天荣(jiangtianrong): 接单 #1', 'Asia/Shanghai');
    expect(steps).toMatchObject([
      { kind: 'say', room: '丽水鑫城业主群', name: '江天荣', alias: null, text: '接单 #1' },
      { kind: 'say', room: null, name: '赵奶奶', alias: null, text: '我的积分' },
      { kind: 'say', room: null, name: '江天荣', alias: 'jiangtianrong', text: '接单 #1' },
    ]);
  });

  it('the WeChat adapter never finds a contact by name: a namesake gets nothing', async () => {
    const sim = new Simulation({ org: demoOrg(), onEvent: () => undefined });
    try {
      for (const step of parseScript('at 2026-03-02 09:00\n[丽水鑫城业主群] 江天荣: 大家好', 'Asia/Shanghai')) await sim.play(step);
      const error = await sim.chat.send({ kind: 'contact', alias: 'no-such-id' }, '新工单 #1 地点：1栋2单元301室').catch((e: unknown) => e);
      expect(error).toBeInstanceOf(SendError);
      expect((error as SendError).reason).toBe('unknown_target');
    } finally {
      await sim.stop();
    }
  });
});
