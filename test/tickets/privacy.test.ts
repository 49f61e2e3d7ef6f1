import { describe, expect, it } from 'vitest';
import { redactForGroup } from '../../src/chat/redact.js';
import { ofKind, runScript, type RecordedEvent } from '../support/sim.js';

const inRoom = (events: RecordedEvent[], topic: string) => ofKind(events, 'say').filter((s) => s.room === topic).map((s) => s.text);
const toPerson = (events: RecordedEvent[], alias: string) => ofKind(events, 'say').filter((s) => s.to === alias).map((s) => s.text);

describe('private matters stay private', () => {
  it('a dispute reported by direct message is never told to the group; the reporter hears by direct message', async () => {
    const { events } = await runScript(`
at 2026-03-02 09:00
[丽水鑫城业主群] 王阿姨(wangayi): 登记 1-2-502
wait 5m
[dm] 王阿姨(wangayi): 楼上503天天半夜剁肉吵得睡不着，跟他家吵了好几次了，麻烦调解一下
[dm] 叶和平(yeheping): 接单 #1
[dm] 叶和平(yeheping): 办结 #1 502和503两家已和解
`);
    expect(ofKind(events, 'ticket').map((t) => [t.status, t.category])).toEqual([
      ['assigned', 'dispute'],
      ['accepted', 'dispute'],
      ['resolved', 'dispute'],
    ]);
    const group = inRoom(events, '丽水鑫城业主群').join('\n');
    expect(group).not.toMatch(/#1|和解|502|503|叶和平|纠纷/);
    const toHer = toPerson(events, 'wangayi');
    expect(toHer.some((t) => t.includes('已办结') && t.includes('和解'))).toBe(true);
    expect(toHer.some((t) => t.includes('评价 #1'))).toBe(true);
  });

  it('a dispute told in the group: the group hears no place, kind or names; details go to the reporter', async () => {
    const { events } = await runScript(`
at 2026-03-02 09:00
[丽水鑫城业主群] 李叔(lishu): 1栋2单元301和302两家又吵起来了，为了占车位的事，麻烦来调解
[dm] 叶和平(yeheping): 接单 #1
[dm] 叶和平(yeheping): 办结 #1 301和302已和解，车位按先来后到
`);
    expect(ofKind(events, 'ticket')[0]).toMatchObject({ category: 'dispute' });
    const group = inRoom(events, '丽水鑫城业主群');
    expect(group.join('\n')).not.toMatch(/301|302|纠纷|叶和平|车位|和解/);
    expect(group.some((t) => t.includes('评价 #1'))).toBe(true);
    expect(toPerson(events, 'lishu').some((t) => t.includes('和解'))).toBe(true);
  });

  it('a holder\'s 办结 words reach the group without phones in any form, door numbers or names with doors', async () => {
    const { events } = await runScript(`
at 2026-03-02 09:00
[丽水鑫城业主群] 张大爷(zhangdaye): 1栋2单元楼道灯坏了好几天了
[dm] 江天荣(jiangtianrong): 接单 #1
[dm] 江天荣(jiangtianrong): 办结 #1 已换灯泡。1栋2单元401王大妈家也看了，302号没问题，有事打+86 139 1234 5678或一三九一二三四五六七八，１３９１２３４５６７８
`);
    const group = inRoom(events, '丽水鑫城业主群').join('\n');
    expect(group).toContain('已换灯泡');
    expect(group).not.toMatch(/401|302|139|1234|5678|一三九|１３９/);
  });

  it('查询 #N in a group answers only the reporter; anyone else gets a short refusal and no details', async () => {
    const { events } = await runScript(`
at 2026-03-02 09:00
[丽水鑫城业主群] 张大爷(zhangdaye): 1栋2单元楼道灯坏了好几天了
[铜锣湾小区居民群] 外人(outsider): 查询 #1
[丽水鑫城业主群] 邻居(linju): 查询 #1
wait 1m
[丽水鑫城业主群] 张大爷(zhangdaye): 查询 #1
`);
    expect(ofKind(events, 'refused').map((r) => [r.who, r.command])).toEqual([
      ['outsider', '查询'],
      ['linju', '查询'],
    ]);
    expect(inRoom(events, '铜锣湾小区居民群').join('\n')).not.toMatch(/设施|江天荣|待签收/);
    expect(inRoom(events, '丽水鑫城业主群').at(-1)).toMatch(/#1 设施报修/);
  });

  it.each([
    ['+86 139 1234 5678', '***'],
    ['+8613912345678', '***'],
    ['１３９１２３４５６７８', '***'],
    ['一三九一二三四五六七八', '***'],
    ['0713-1234567', '***'],
    ['502和503两家已和解', '***和***两家已和解'],
    ['302号的王阿姨', '***的王阿姨'],
    ['3栋2单元401', '3栋2单元***'],
    ['3号楼2单元401室', '3号楼2单元***'],
    ['1-2-301', '***'],
    ['王大妈家401', '王大妈家***'],
    ['三零二室', '***'],
    ['花费120元，2026年3月2日，共3人', '花费120元，2026年3月2日，共3人'],
    ['工单 #12 已办结', '工单 #12 已办结'],
  ])('redacts %s', (text, expected) => {
    expect(redactForGroup(text)).toBe(expected);
  });
});
