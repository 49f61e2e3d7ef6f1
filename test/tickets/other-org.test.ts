import { describe, expect, it } from 'vitest';
import { ofKind, readFixture, runScript, type RecordedEvent } from '../support/sim.js';
import { otherOrg } from './support.js';

/** Runs test/tickets/scenarios/other-NAME.txt on the second community (test/tickets/fixtures/other-org.yaml). */
const play = async (name: string) => (await runScript(readFixture(`test/tickets/scenarios/other-${name}.txt`), { org: otherOrg() })).events;

const tickets = (events: RecordedEvent[]) => ofKind(events, 'ticket');
const toPerson = (events: RecordedEvent[], alias: string) => ofKind(events, 'say').filter((s) => s.to === alias);
const inRoom = (events: RecordedEvent[], topic: string) => ofKind(events, 'say').filter((s) => s.room === topic);

describe('ticket scenarios, a second community with posts missing and overrides', () => {
  it('a building group report goes to that building leader; accepted, resolved, rated, closed', async () => {
    const events = await play('facility-closed');
    expect(tickets(events).map((t) => [t.status, t.tier, t.assignees])).toEqual([
      ['assigned', 'building', ['zhoulouzhang']],
      ['accepted', 'building', ['zhoulouzhang']],
      ['resolved', 'building', ['zhoulouzhang']],
      ['closed', 'building', ['zhoulouzhang']],
    ]);
    expect(tickets(events)[0]).toMatchObject({ grid: '桂花苑', building: '5', unit: '1', category: 'facility' });
    expect(inRoom(events, '桂花苑5栋群').map((s) => s.text).join('\n')).not.toContain('13800001111');
  });

  it('sanitation climbs from the building (override) past the missing officer, 1 h a rung (sla override)', async () => {
    const events = await play('sanitation-climbs');
    expect(tickets(events).map((t) => [t.at, t.tier, t.assignees])).toEqual([
      ['2026-03-09T09:00:00+08:00', 'building', ['zhoulouzhang']],
      ['2026-03-09T10:00:00+08:00', 'branch', ['qianlixin']],
      ['2026-03-09T11:00:00+08:00', 'committee', ['zhaoqiming']],
    ]);
    expect(tickets(events).slice(1).every((t) => t.escalated === true)).toBe(true);
  });

  it('an urgent gas smell goes to the unit handling utilities, branch secretary told, 10 min to accept', async () => {
    const events = await play('urgent-gas');
    expect(tickets(events).map((t) => [t.at, t.urgency, t.tier, t.assignees])).toEqual([
      ['2026-03-09T23:00:00+08:00', 'urgent', 'committee', ['shuisipan']],
      ['2026-03-09T23:10:00+08:00', 'urgent', 'branch', ['fengtao']],
    ]);
    expect(toPerson(events, 'fengtao')[0].text).toContain('请知悉');
    expect(inRoom(events, '枫林湾邻里群')[0].text).toContain('#1');
  });

  it('an assistance call is held by the household serving unit 1', async () => {
    const events = await play('assistance');
    expect(tickets(events).map((t) => [t.status, t.tier, t.assignees])).toEqual([
      ['assigned', 'household', ['wuzhongxin']],
      ['accepted', 'household', ['wuzhongxin']],
      ['resolved', 'household', ['wuzhongxin']],
      ['closed', 'household', ['wuzhongxin']],
    ]);
  });

  it('a poor rating reopens a letter building’s ticket at the branch', async () => {
    const events = await play('poor-rating');
    expect(tickets(events).at(-1)).toMatchObject({ status: 'reopened', tier: 'branch', assignees: ['qianlixin'], building: 'B' });
  });

  it('service without a unit goes to staff, dispute starts at the committee, property without a company tells the owners committee', async () => {
    const events = await play('routing');
    expect(tickets(events).map((t) => [t.category, t.tier, t.assignees])).toEqual([
      ['service', 'committee', ['sunli']],
      ['dispute', 'committee', ['zhaoqiming']],
      ['property', 'branch', ['qianlixin']],
    ]);
    expect(toPerson(events, 'laoli').some((s) => s.text.includes('#3'))).toBe(true);
  });

  it('chat gives no ticket and no word', async () => {
    expect(await play('chat-silent')).toEqual([]);
  });

  it('refused commands change nothing', async () => {
    const events = await play('refused');
    expect(ofKind(events, 'refused').map((r) => [r.who, r.command])).toEqual([
      ['zhengwei', '接单'],
      ['fengtao', '办结'],
      ['chenjie', '转派'],
      ['zhoulouzhang', '转派'],
      ['zhoulouzhang', '接单'],
      ['laowang', '办结'],
      ['laowang', '撤销'],
      ['laowang', '登记'],
      ['laowang', '登记'],
      ['sunayi', '评价'],
      ['zhaoqiming', '退回'],
    ]);
    expect(tickets(events).map((t) => [t.status, t.assignees])).toEqual([['assigned', ['zhoulouzhang']]]);
  });
});
