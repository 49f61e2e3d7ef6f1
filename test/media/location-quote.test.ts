import { describe, expect, it } from 'vitest';
import { formatQuote, parseQuote } from '../../src/chat/message-kinds.js';
import { withQuotedTicket } from '../../src/media/quote.js';
import { matchLocation } from '../../src/media/location.js';
import { OrgDirectory } from '../../src/org/directory.js';
import { readContent } from '../../src/simulate/content.js';
import { parseScript } from '../../src/simulate/script.js';
import { demoOrg, ofKind, runScript } from '../support/sim.js';

describe('shared locations', () => {
  it.each([
    ['丽水鑫城3栋', undefined, { grid: '丽水鑫城', building: '3', unit: null }],
    ['红安县城关镇建设路88号 丽水鑫城2栋1单元', undefined, { grid: '丽水鑫城', building: '2', unit: '1' }],
    ['丽水鑫城东门', '丽水鑫城', { grid: '丽水鑫城', building: null, unit: null }],
    ['丽水鑫城9栋', '丽水鑫城', { grid: '丽水鑫城', building: null, unit: null }], // no such building
    ['铜锣湾小区1栋', '丽水鑫城', undefined], // another grid than the group's
    ['城关镇建设路3号', undefined, undefined],
  ])('%s (group of %s) → %j', (text, roomGrid, expected) => {
    expect(matchLocation(new OrgDirectory(demoOrg()), text, roomGrid)).toEqual(expected);
  });

  it('fill the building of the report in view', async () => {
    const { events } = await runScript(`
at 2026-03-02 09:00
[丽水鑫城业主群] 李大妈(lidama): 楼道灯坏了好几天了，晚上黑乎乎的
wait 1m
[丽水鑫城业主群] 李大妈(lidama): [位置 丽水鑫城3栋]
`);
    const tickets = ofKind(events, 'ticket');
    expect(tickets.at(-1)).toMatchObject({ id: 1, building: '3', assignees: ['xiongbenmei'] });
    expect(tickets).toHaveLength(2);
  });

  it('ask once which building when the location names none', async () => {
    const { events } = await runScript(`
at 2026-03-02 09:00
[丽水鑫城业主群] 李大妈(lidama): 小区里垃圾桶满了没人清
wait 1m
[丽水鑫城业主群] 李大妈(lidama): [位置 丽水鑫城东门]
wait 1m
[丽水鑫城业主群] 李大妈(lidama): [位置 丽水鑫城东门]
`);
    const asks = ofKind(events, 'say').filter((e) => e.text.includes('哪一栋'));
    expect(asks).toEqual([expect.objectContaining({ room: '丽水鑫城业主群', text: expect.stringMatching(/^@李大妈 /) })]);
  });

  it('say nothing when there is no report in view', async () => {
    const { events } = await runScript(`
at 2026-03-02 09:00
[丽水鑫城业主群] 李大妈(lidama): [位置 丽水鑫城3栋]
`);
    expect(events.filter((e) => e.kind !== 'refused')).toHaveLength(0);
  });
});

describe('quoted replies', () => {
  it.each([
    ['接单', '新工单 #2 设施报修\n地点：丽水鑫城3栋\n请回复「接单 #2」签收。', '接单 #2'],
    ['办结 灯换好了', '网格助手：新工单 #7 设施报修', '办结 #7 灯换好了'],
    ['接单 #3', '新工单 #2 设施报修', '接单 #3'],
    ['不满意', '@张大爷 您反映的3栋设施报修（工单 #4）已由熊本梅办结：灯已换好', '评价 #4 1 不满意'],
    ['还是坏的', '网格助手：@张大爷 您反映的（工单 #4）已办结', '评价 #4 1 还是坏的'],
    ['接单', '您的待办工单（2）：\n#1 …\n#2 …', '接单'], // two tickets quoted: no guess
    ['不满意', '今天的通知 #5 改期了', '不满意'], // not a 办结 message
    ['好的', '新工单 #2 设施报修', '好的'],
  ])('%s quoting %j reads as %s', (reply, quote, expected) => {
    expect(withQuotedTicket(reply, quote)).toBe(expected);
  });

  it('are read from the text WeChat delivers', () => {
    expect(parseQuote(formatQuote('3栋楼道灯坏了', '在2单元', '张大爷'))).toEqual({ text: '在2单元', quote: { name: '张大爷', text: '张大爷：3栋楼道灯坏了' } });
    expect(parseQuote(formatQuote('新工单 #1', '接单'))).toEqual({ text: '接单', quote: { text: '新工单 #1' } });
    expect(parseQuote('「我觉得」这样挺好')).toEqual({ text: '「我觉得」这样挺好' });
  });

  const twoTickets = `
at 2026-03-02 09:00
[丽水鑫城业主群] 张大爷(zhangdaye): 3栋2单元楼道灯坏了好几天了
wait 5m
[丽水鑫城业主群] 王阿姨(wangayi): 3栋1单元门禁坏了进不去
wait 5m
`;

  it('a holder quoting the bot’s new-ticket message with 接单 accepts that ticket', async () => {
    const { events } = await runScript(`${twoTickets}
[dm] 熊本梅(xiongbenmei): 「新工单 #2 设施报修 地点：丽水鑫城3栋1单元」 接单
`);
    const accepted = ofKind(events, 'ticket').filter((e) => e.status === 'accepted');
    expect(accepted.map((e) => e.id)).toEqual([2]);
  });

  it('a resident quoting the 已办结 message with 还是坏的 rates that ticket and it is done again', async () => {
    const { events } = await runScript(`${twoTickets}
[dm] 熊本梅(xiongbenmei): 接单 #1
[dm] 熊本梅(xiongbenmei): 办结 #1 灯已换好
wait 1h
[丽水鑫城业主群] 张大爷(zhangdaye): 「网格助手：@张大爷 您反映的3栋2单元设施报修（工单 #1）已由熊本梅办结：灯已换好」 还是坏的
`);
    const last = ofKind(events, 'ticket').at(-1);
    expect(last).toMatchObject({ id: 1, status: 'reopened' });
  });

  /** 张大爷 reports with no building; 20 minutes later somebody quotes it adding one. */
  const quotedLamp = (quoter: string) => `
at 2026-03-02 09:00
[丽水鑫城业主群] 张大爷(zhangdaye): 楼道灯坏了好几天了，晚上黑乎乎的
wait 20m
[丽水鑫城业主群] ${quoter}: 「张大爷：楼道灯坏了好几天了，晚上黑乎乎的」 在3栋
`;

  it('a resident quoting their own report and adding 在3栋 completes it', async () => {
    const { events } = await runScript(quotedLamp('张大爷(zhangdaye)'));
    const tickets = ofKind(events, 'ticket');
    expect(tickets).toHaveLength(2);
    expect(tickets[1]).toMatchObject({ id: 1, building: '3', assignees: ['xiongbenmei'] });
  });

  it('someone else quoting a report does not change it', async () => {
    const { events } = await runScript(quotedLamp('王阿姨(wangayi)'));
    expect(ofKind(events, 'ticket')).toHaveLength(1);
  });
});

describe('the simulator’s message forms', () => {
  it.each([
    ['[图片]', { kind: 'image' }],
    ['[视频]', { kind: 'video' }],
    ['[语音 8s]', { kind: 'audio', seconds: 8 }],
    ['[位置 丽水鑫城3栋]', { kind: 'location', name: '丽水鑫城3栋' }],
    ['「3栋楼道灯坏了」 在2单元', { kind: 'quote', quoted: '3栋楼道灯坏了', reply: '在2单元' }],
    ['3栋[图片]好了', { kind: 'text', text: '3栋[图片]好了' }],
  ])('%s', (text, expected) => {
    expect(readContent(text)).toEqual(expected);
  });

  it.each(['[语音]', '[语音 abc]', '[位置 ]', '「只有引用」'])('refuses %s with its line number', (text) => {
    expect(() => parseScript(`at 2026-03-02 09:00\n[丽水鑫城业主群] 张大爷(zhangdaye): ${text}`, 'Asia/Shanghai')).toThrow(/script line 2:/);
  });
});
