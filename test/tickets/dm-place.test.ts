import { describe, expect, it } from 'vitest';
import { OrgDirectory } from '../../src/org/directory.js';
import { roomFromWords } from '../../src/tickets/dm-place.js';
import { demoOrg, ofKind, runScript } from '../support/sim.js';

describe('the group a stranger\'s direct message points to', () => {
  const org = new OrgDirectory(demoOrg());
  it('is the only grid with the building named', () => {
    expect(roomFromWords(org, '我家老头子摔倒了 3栋1单元301', '3')?.topic).toBe('丽水鑫城3栋邻里群');
    expect(roomFromWords(org, '12栋门口漏水', '12')?.topic).toBe('铜锣湾小区居民群');
  });
  it('is the grid named, where a building number exists in several grids', () => {
    expect(roomFromWords(org, '1栋楼道灯坏了', '1')).toBeUndefined();
    expect(roomFromWords(org, '丽水鑫城1栋楼道灯坏了', '1')?.grid).toBe('丽水鑫城');
  });
  it('is nothing when the words give no place', () => {
    expect(roomFromWords(org, '我家老头子摔倒了起不来', null)).toBeUndefined();
  });
});

describe('a resident the bot does not know writes directly', () => {
  it('an emergency with a door number reaches the household and the branch at once, privately', async () => {
    const { events } = await runScript(`
at 2026-03-04 23:55
[dm] 王奶奶(wangnainai): 我家老头子摔倒了起不来 我扶不动 3栋1单元301
`);
    const [ticket] = ofKind(events, 'ticket');
    expect(ticket).toMatchObject({ status: 'assigned', category: 'assistance', urgency: 'urgent', grid: '丽水鑫城', building: '3', unit: '1' });
    const says = ofKind(events, 'say');
    expect(says.filter((s) => s.room)).toEqual([]);
    expect(says.find((s) => s.to === ticket!.assignees[0])?.text).toContain('报告人：王奶奶（私信）');
    expect(says.find((s) => s.to === 'wangnainai')?.text).toContain('120');
  });

  it('an emergency with no place at all still goes out at once, and the resident is asked where', async () => {
    const { events } = await runScript(`
at 2026-03-04 23:55
[dm] 王奶奶(wangnainai): 救命 我家老头子摔倒了起不来 我扶不动
`);
    const [ticket] = ofKind(events, 'ticket');
    expect(ticket).toMatchObject({ status: 'assigned', urgency: 'urgent', tier: 'committee' });
    expect(ticket!.assignees.length).toBeGreaterThan(0);
    const toHer = ofKind(events, 'say').filter((s) => s.to === 'wangnainai').map((s) => s.text);
    expect(toHer.join('\n')).toMatch(/120/);
    expect(toHer.join('\n')).toMatch(/哪个小区/);
  });

  it('a normal report whose building is in several grids is not guessed: the community has it at once, and her answer sends it down', async () => {
    const { events } = await runScript(`
at 2026-03-04 10:00
[dm] 王奶奶(wangnainai): 1栋的楼道灯坏了好几天了
at 2026-03-04 10:02
[dm] 王奶奶(wangnainai): 丽水鑫城
`);
    const tickets = ofKind(events, 'ticket');
    expect(tickets[0]).toMatchObject({ status: 'assigned', tier: 'committee' });
    const asked = ofKind(events, 'say').filter((s) => s.to === 'wangnainai').map((s) => s.text);
    expect(asked[0]).toContain('已登记工单 #1');
    expect(asked[1]).toMatch(/哪个小区.*例如「/);
    const last = tickets[tickets.length - 1]!;
    expect(last).toMatchObject({ id: tickets[0]!.id, grid: '丽水鑫城', building: '1' });
    expect(last.tier).not.toBe('committee');
    expect(asked[asked.length - 1]).toContain(`工单 #${last.id} 改由`);
    expect(ofKind(events, 'say').filter((s) => s.room)).toEqual([]);
  });

  it('an emergency that went to the community goes down to the building once she says where', async () => {
    const { events } = await runScript(`
at 2026-03-04 23:55
[dm] 王奶奶(wangnainai): 救命 我家老头子摔倒了起不来 我扶不动
at 2026-03-04 23:57
[dm] 王奶奶(wangnainai): 丽水鑫城3栋1单元
`);
    const tickets = ofKind(events, 'ticket');
    const last = tickets[tickets.length - 1]!;
    expect(last).toMatchObject({ id: tickets[0]!.id, urgency: 'urgent', grid: '丽水鑫城', building: '3', unit: '1' });
    expect(last.tier).not.toBe('committee');
  });

  it('an answer that still names no grid leaves the ticket with the community', async () => {
    const { events } = await runScript(`
at 2026-03-04 10:00
[dm] 王奶奶(wangnainai): 1栋的楼道灯坏了好几天了
at 2026-03-04 10:02
[dm] 王奶奶(wangnainai): 就是我们小区
`);
    const tickets = ofKind(events, 'ticket');
    expect(tickets.every((t) => t.tier === 'committee' && t.id === tickets[0]!.id)).toBe(true);
  });
});
