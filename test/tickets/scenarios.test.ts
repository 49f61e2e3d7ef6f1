import { describe, expect, it } from 'vitest';
import { ofKind, readFixture, runScript, type RecordedEvent } from '../support/sim.js';

/** Runs test/tickets/scenarios/NAME.txt on the demo community. */
const play = async (name: string) => (await runScript(readFixture(`test/tickets/scenarios/${name}.txt`))).events;

const tickets = (events: RecordedEvent[]) => ofKind(events, 'ticket');
const toPerson = (events: RecordedEvent[], alias: string) => ofKind(events, 'say').filter((s) => s.to === alias);
const inRoom = (events: RecordedEvent[], topic: string) => ofKind(events, 'say').filter((s) => s.room === topic);

describe('ticket scenarios, demo community', () => {
  it('a facility report: building leader, accepted, resolved, rated and closed', async () => {
    const events = await play('facility-closed');
    expect(tickets(events).map((t) => [t.status, t.tier, t.assignees])).toEqual([
      ['assigned', 'building', ['jiangtianrong']],
      ['accepted', 'building', ['jiangtianrong']],
      ['resolved', 'building', ['jiangtianrong']],
      ['closed', 'building', ['jiangtianrong']],
    ]);
    expect(tickets(events)[0]).toMatchObject({ id: 1, category: 'facility', urgency: 'normal', building: '1', unit: '2', grid: '丽水鑫城' });
    const group = inRoom(events, '丽水鑫城业主群').map((s) => s.text);
    expect(group.some((t) => t.includes('#1') && t.includes('评价 #1'))).toBe(true);
    // The holder's words reach the group without the phone or the room number in them.
    expect(group.join('\n')).not.toMatch(/13912345678|1-2-301|301/);
    expect(toPerson(events, 'jiangtianrong').some((s) => s.text.includes('5 分'))).toBe(true);
  });

  it('a sanitation report nobody accepts climbs officer → branch secretary → committee on time', async () => {
    const events = await play('sanitation-climbs');
    expect(tickets(events).map((t) => [t.at, t.tier, t.assignees, t.escalated ?? false])).toEqual([
      ['2026-03-02T09:00:00+08:00', 'branch', ['chengweidong'], false],
      ['2026-03-02T11:00:00+08:00', 'branch', ['xuchengpeng'], true],
      ['2026-03-02T13:00:00+08:00', 'committee', ['hugeng'], true],
    ]);
    // The new holder and the one before are told.
    expect(toPerson(events, 'xuchengpeng').some((s) => s.at === '2026-03-02T11:00:00+08:00' && s.text.includes('接单 #1'))).toBe(true);
    expect(toPerson(events, 'chengweidong').some((s) => s.text.includes('已上报'))).toBe(true);
    expect(toPerson(events, 'xuchengpeng').some((s) => s.text.includes('已上报'))).toBe(true);
  });

  it('a normal ticket’s clock stops for the night', async () => {
    const events = await play('night-clock');
    // 21:30 + 2 h: half an hour before 22:00, the rest from 07:00.
    expect(tickets(events).map((t) => [t.at, t.assignees])).toEqual([
      ['2026-03-02T21:30:00+08:00', ['dengweiguo']],
      ['2026-03-03T08:30:00+08:00', ['liuhanhui']],
    ]);
  });

  it('an urgent gas smell: the gas company holds it, the branch secretary told at once, no pause at night', async () => {
    const events = await play('urgent-gas');
    const [created, escalated] = tickets(events);
    expect(created).toMatchObject({ at: '2026-03-02T22:30:00+08:00', status: 'assigned', category: 'utilities', urgency: 'urgent', tier: 'committee', assignees: ['ranqizhou'], building: '3', unit: '2' });
    expect(toPerson(events, 'ranqizhou')[0].text).toContain('【紧急】');
    expect(toPerson(events, 'xuchengpeng')[0]).toMatchObject({ text: expect.stringContaining('#1') });
    expect(toPerson(events, 'xuchengpeng')[0].at < '2026-03-02T22:31').toBe(true);
    expect(escalated).toMatchObject({ at: '2026-03-02T22:45:00+08:00', tier: 'branch', assignees: ['xuchengpeng'], escalated: true });
    // The resident hears what to do before anyone arrives.
    expect(inRoom(events, '丽水鑫城3栋邻里群')[0].text).toMatch(/已通知.*开窗通风.*不要开关电器.*120\/119\/110/);
  });

  it('an assistance call is held by the household serving that unit', async () => {
    const events = await play('assistance-household');
    expect(tickets(events).map((t) => [t.status, t.tier, t.assignees])).toEqual([
      ['assigned', 'household', ['pengyansong']],
      ['accepted', 'household', ['pengyansong']],
    ]);
    // A call for help is private: the group hears no holder or details, the reporter is told directly.
    expect(inRoom(events, '丽水鑫城业主群').map((s) => s.text).join('\n')).not.toMatch(/彭严松|王爷爷|求助/);
    expect(toPerson(events, 'liunainai').some((s) => s.text.includes('彭严松签收'))).toBe(true);
  });

  it('a poor rating reopens the ticket one tier up', async () => {
    const events = await play('poor-rating');
    const last = tickets(events).at(-1)!;
    expect(last).toMatchObject({ status: 'reopened', tier: 'branch', assignees: ['xuchengpeng'] });
    expect(tickets(events).map((t) => t.status)).toEqual(['assigned', 'accepted', 'resolved', 'reopened']);
    expect(toPerson(events, 'xuchengpeng')[0].text).toContain('2 分');
  });

  it('chat gives no ticket and no group message', async () => {
    expect(await play('chat-silent')).toEqual([]);
  });

  it('a second report of the same problem joins the open ticket', async () => {
    const events = await play('duplicate-merged');
    expect(tickets(events).map((t) => [t.id, t.status, t.into])).toEqual([
      [1, 'assigned', undefined],
      [2, 'merged', 1],
    ]);
    expect(inRoom(events, '丽水鑫城业主群').at(-1)!.text).toContain('#1');
    expect(toPerson(events, 'jiangtianrong').some((s) => s.text.includes('共 2 人'))).toBe(true);
    // 我的待办 lists the ticket once, not the merged report.
    const queue = toPerson(events, 'jiangtianrong').at(-1)!.text;
    expect(queue).toContain('#1');
    expect(queue).not.toContain('#2');
  });

  it('退回 goes one tier up, 转派 hands it to a post, 备注 is kept, 查询 shows who holds it', async () => {
    const events = await play('decline-transfer');
    expect(tickets(events).map((t) => [t.status, t.tier, t.assignees])).toEqual([
      ['assigned', 'building', ['jiangtianrong']],
      ['assigned', 'branch', ['xuchengpeng']],
      ['assigned', 'branch', ['zhoujingli']],
      ['accepted', 'branch', ['zhoujingli']],
    ]);
    expect(toPerson(events, 'xuchengpeng')[0].text).toContain('线路问题');
    expect(toPerson(events, 'zhoujingli').some((s) => s.text.includes('转派给您'))).toBe(true);
    expect(inRoom(events, '丽水鑫城业主群').at(-1)!.text).toMatch(/#1.*办理中.*周经理/);
    // 我的待办 lists the ticket for whoever holds it now, and no longer for those who passed it on.
    expect(toPerson(events, 'zhoujingli').at(-1)!.text).toMatch(/您的待办工单（1）：\n#1 /);
    expect(toPerson(events, 'jiangtianrong').at(-1)!.text).toBe('您手上没有待办工单。');
    expect(toPerson(events, 'xuchengpeng').at(-1)!.text).toBe('您手上没有待办工单。');
  });

  it('another problem in the same building is its own ticket, not a voice on the first', async () => {
    const events = await play('two-problems');
    expect(tickets(events).map((t) => [t.id, t.status, t.category])).toEqual([
      [1, 'assigned', 'facility'],
      [2, 'assigned', 'facility'],
      [3, 'merged', 'facility'],
    ]);
    expect(tickets(events)[2]).toMatchObject({ into: 1 });
  });

  it('登记 places later reports; the group never sees the room number', async () => {
    const events = await play('registered-address');
    expect(tickets(events)[0]).toMatchObject({ category: 'assistance', tier: 'household', assignees: ['pengyansong'], building: '1', unit: '2', room: '301' });
    const group = inRoom(events, '丽水鑫城业主群').map((s) => s.text).join('\n');
    expect(group).toContain('1栋2单元');
    expect(group).not.toContain('301');
  });

  it('撤销 by the reporter cancels the ticket; it climbs no more', async () => {
    const events = await play('cancel');
    expect(tickets(events).map((t) => [t.id, t.status, t.assignees])).toEqual([
      [1, 'assigned', ['dengweiguo']],
      [1, 'cancelled', ['dengweiguo']],
    ]);
    expect(toPerson(events, 'dengweiguo').at(-1)!.text).toContain('撤销');
    expect(toPerson(events, 'liuhanhui')).toEqual([]);
  });

  it('every refused command: a reason to the sender, a refused event, nothing changed', async () => {
    const events = await play('refused');
    const refused = ofKind(events, 'refused');
    expect(refused.map((r) => [r.who, r.command])).toEqual([
      ['liayi', '接单'], // a resident
      ['xiongbenmei', '接单'], // another building's leader
      ['liuhanhui', '接单'], // another grid's secretary
      ['jiangtianrong', '接单'], // unknown number
      ['jiangtianrong', '接单'], // no number
      ['jiangtianrong', '接单'], // malformed number
      ['jiangtianrong', '办结'], // no explanation
      ['jiangtianrong', '转派'], // nobody of that name
      ['jiangtianrong', '转派'], // no target
      ['jiangtianrong', '退回'], // no reason
      ['jiangtianrong', '备注'], // empty note
      ['zhangdaye', '评价'], // not resolved yet
      ['liayi', '撤销'], // not the reporter
      ['zhangdaye', '登记'], // no such building
      ['zhangdaye', '登记'], // empty address
      ['liayi', '查询'], // unknown number
      ['liayi', '查询'], // another's ticket in a direct chat
      ['liayi', '评价'], // not the reporter
      ['zhangdaye', '评价'], // score out of range
      ['zhangdaye', '评价'], // no score
      ['zhangdaye', '撤销'], // already resolved
      ['jiangtianrong', '接单'], // already resolved
    ]);
    const says = ofKind(events, 'say');
    const reasons = new Set(refused.map((r) => r.reason));
    // Never a public refusal: each goes to its sender alone, and from a group at most one a minute.
    expect(says.filter((s) => s.room && reasons.has(s.text))).toEqual([]);
    for (const r of refused) {
      expect(r.reason.length).toBeGreaterThan(3);
      expect(r.reason.length).toBeLessThan(60);
      const back = says.find((s) => s.to === r.who && s.text === r.reason && s.at >= r.at);
      const toldAMinuteAgo = says.some((s) => s.to === r.who && reasons.has(s.text) && s.at <= r.at && Date.parse(r.at) - Date.parse(s.at) < 60_000);
      expect(back ?? toldAMinuteAgo, r.reason).toBeTruthy();
    }
    expect(tickets(events).map((t) => t.status)).toEqual(['assigned', 'resolved']);
  });

  it('a command too long is refused and changes nothing', async () => {
    const { events } = await runScript(`
at 2026-03-02 09:00
[丽水鑫城业主群] 张大爷(zhangdaye): 1栋2单元楼道灯坏了好几天了
[dm] 江天荣(jiangtianrong): 办结 #1 ${'灯已换好'.repeat(600)}
`);
    expect(ofKind(events, 'refused')).toEqual([expect.objectContaining({ who: 'jiangtianrong', command: '办结' })]);
    expect(tickets(events).map((t) => t.status)).toEqual(['assigned']);
  });
});
