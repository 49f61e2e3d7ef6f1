import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { OrgDirectory } from '../../src/org/directory.js';
import { loadOrgFile } from '../../src/org/load.js';
import type { Org } from '../../src/org/types.js';
import { demoOrg, ofKind, readFixture, repoRoot, runScript, type RecordedEvent } from '../support/sim.js';
import { tempDatabaseUrl } from '../support/db.js';

const RESTART = /^# --- restart ---$/m;
// Scenarios spanning days run every sweep of the bot minute by minute.
const LONG = 180_000;

/**
 * Plays a scenario; a `# --- restart ---` line stops the bot there and starts a new one
 * on the same database, with the clock set by the next `at` (the downtime in between).
 */
async function play(name: string, org: Org = demoOrg()): Promise<RecordedEvent[]> {
  const parts = readFixture(`test/notices/scenarios/${name}.txt`).split(RESTART);
  const databaseUrl = tempDatabaseUrl();
  const events: RecordedEvent[] = [];
  for (const part of parts) events.push(...(await runScript(part, { org, databaseUrl })).events);
  return events;
}

const noticeKeys = (events: RecordedEvent[]) => ofKind(events, 'notice').map((e) => `${e.id}|${e.room}|${e.due}`);
const posted = (events: RecordedEvent[], text: string) => ofKind(events, 'say').filter((s) => s.room && s.text.includes(text));
const repliesTo = (events: RecordedEvent[], alias: string) => ofKind(events, 'say').filter((s) => s.to === alias).map((s) => s.text);
const demo = new OrgDirectory(demoOrg());
const residentTopics = (org: OrgDirectory, grid?: string) => org.residentRooms(grid).map((r) => r.topic).sort();

describe('notice scenarios (demo community)', () => {
  it("refuses a resident's notice commands, with nothing posted", async () => {
    const events = await play('resident-refused');
    const refused = ofKind(events, 'refused');
    expect(refused.map((r) => [r.who, r.command])).toEqual([
      ['zhangdaye', '通知'],
      ['zhangdaye', '群发'],
      ['zhangdaye', '紧急通知'],
    ]);
    expect(ofKind(events, 'notice')).toEqual([]);
    expect(ofKind(events, 'say').filter((s) => s.text.includes('【'))).toEqual([]);
  }, LONG);

  it('posts a one-off community notice once to every residents’ group and not to the staff group', async () => {
    const events = await play('community-once');
    const notices = ofKind(events, 'notice');
    expect(notices.map((n) => n.room).sort()).toEqual(residentTopics(demo));
    expect(notices.every((n) => n.id === 'N1' && n.due === '2026-03-02T10:30:00+08:00' && n.at === '2026-03-02T10:30:00+08:00')).toBe(true);
    const says = posted(events, '全社区停水');
    expect(says.map((s) => s.room).sort()).toEqual(residentTopics(demo));
    expect(says.some((s) => s.room === '金沙社区工作群')).toBe(false);
    // The staff member is answered in the staff group where they asked.
    expect(ofKind(events, 'say').find((s) => s.room === '金沙社区工作群')?.text).toContain('#N1');
  }, LONG);

  it('posts a daily notice exactly once a day over several days', async () => {
    const events = await play('daily');
    const keys = noticeKeys(events);
    expect(new Set(keys).size).toBe(keys.length);
    const rooms = residentTopics(demo, '丽水鑫城');
    const expected = ['03', '04', '05'].flatMap((d) => rooms.map((r) => `N1|${r}|2026-03-${d}T08:00:00+08:00`));
    expect(keys.sort()).toEqual(expected.sort());
    expect(posted(events, '垃圾分类')).toHaveLength(expected.length);
    const list = repliesTo(events, 'liujiawei').at(-1)!;
    expect(list).toMatch(/#N1 .*每天 08:00.*下次 3月6日 08:00/);
    expect(list).toContain(`已发 ${rooms.length}/${rooms.length}`);
  }, LONG);

  it('never posts a cancelled notice again', async () => {
    const events = await play('cancelled');
    expect(noticeKeys(events)).toEqual(['N1|铜锣湾小区居民群|2026-03-02T09:30:00+08:00']);
    expect(ofKind(events, 'refused').map((r) => [r.who, r.command])).toEqual([['wangdama', '取消通知']]);
    const replies = repliesTo(events, 'chenxiaoyu');
    expect(replies.some((t) => t.includes('已取消通知 #N1'))).toBe(true);
    expect(replies.at(-1)).not.toContain('#N1');
  }, LONG);

  it('posts a run missed by less than the grace window late', async () => {
    const events = await play('missed-inside-grace');
    const notices = ofKind(events, 'notice');
    expect(notices.map((n) => n.room).sort()).toEqual(residentTopics(demo, '丽水鑫城'));
    expect(notices.every((n) => n.due === '2026-03-02T10:00:00+08:00' && n.at === '2026-03-02T10:21:00+08:00')).toBe(true);
  }, LONG);

  it('skips a run missed by more than the grace window, tells staff, and goes on the next day', async () => {
    const events = await play('missed-outside-grace');
    const notices = ofKind(events, 'notice');
    expect(notices.every((n) => n.due === '2026-03-03T10:00:00+08:00')).toBe(true);
    expect(notices.map((n) => n.room).sort()).toEqual(residentTopics(demo, '丽水鑫城'));
    // Other features also speak in the staff group (the evening digest): pick the report.
    const report = ofKind(events, 'say').filter((s) => s.room === '金沙社区工作群' && s.text.includes('错过'));
    expect(report).toHaveLength(1);
    expect(report[0].text).toMatch(/#N1.*3月2日 10:00.*未补发.*下次 3月3日 10:00/);
    expect(ofKind(events, 'say').filter((s) => s.text.includes('错过') && s.room !== '金沙社区工作群')).toEqual([]);
    expect(posted(events, '垃圾清运').every((s) => s.at.startsWith('2026-03-03T10:0'))).toBe(true);
  }, LONG);

  it('holds a normal notice in quiet hours until 07:00 and sends an urgent one at once', async () => {
    const events = await play('quiet-hours');
    expect(ofKind(events, 'notice').map((n) => [n.id, n.room, n.due, n.at])).toEqual([
      ['N2', '铜锣湾小区居民群', '2026-03-02T23:00:00+08:00', '2026-03-02T23:00:00+08:00'],
      ['N1', '明山岗小区群', '2026-03-02T23:00:00+08:00', '2026-03-03T07:00:00+08:00'],
    ]);
    expect(posted(events, '燃气管道抢修')[0].text).toContain('紧急');
    expect(repliesTo(events, 'liujiawei')[0]).toContain('07:00');
  }, LONG);

  it('asks to confirm a broadcast to several grids, from the same person only, within ten minutes', async () => {
    const events = await play('broadcast-confirm');
    const notices = ofKind(events, 'notice');
    // The film: everywhere after 确认 at 09:02 (not at 陈小雨's 确认).
    const film = notices.filter((n) => n.id === 'N1');
    expect(film.map((n) => n.room).sort()).toEqual(residentTopics(demo));
    expect(film.every((n) => n.at.startsWith('2026-03-02T09:02') && n.due === '2026-03-02T09:02:00+08:00')).toBe(true);
    // One grid's building: at once, no confirmation.
    expect(notices.filter((n) => n.id === 'N2').map((n) => [n.room, n.due])).toEqual([['丽水鑫城3栋邻里群', '2026-03-02T09:07:00+08:00']]);
    // Dropped with 取消, and expired after ten minutes: never posted.
    expect(notices.filter((n) => !['N1', 'N2'].includes(n.id))).toEqual([]);
    expect(posted(events, '不发')).toEqual([]);
    const replies = repliesTo(events, 'liujiawei');
    expect(replies[0]).toMatch(/全社区.*确认/s);
    expect(replies.some((t) => t.includes('已取消'))).toBe(true);
    expect(replies.at(-1)).toContain('没有待确认的群发');
    expect(repliesTo(events, 'chenxiaoyu')[0]).toContain('没有待确认的群发');
  }, LONG);

  it('refuses bad input with an example of the right form, and changes nothing', async () => {
    const events = await play('bad-input');
    const refused = ofKind(events, 'refused');
    expect(refused).toHaveLength(8);
    for (const r of refused.slice(0, 5)) expect(r.reason).toMatch(/例如「通知 丽水鑫城 /);
    expect(refused[2].reason).toContain('已经过去');
    expect(refused[5].who).toBe('xuchengpeng');
    expect(refused[6].reason).toContain('全社区');
    expect(ofKind(events, 'notice')).toEqual([]);
    expect(repliesTo(events, 'liujiawei').at(-1)).toBe('目前没有通知。');
  }, LONG);
});

describe('notice scenarios (a second community)', () => {
  const org = loadOrgFile(path.join(repoRoot, 'test/notices/fixtures/second-org.yaml'));
  const dir = new OrgDirectory(org);

  it('lets grid officers reach their own grid only and resolves buildings', async () => {
    const events = await play('second-org', org);
    expect(ofKind(events, 'refused').map((r) => [r.who, r.command])).toEqual([
      ['lixuanchuan', '通知'],
      ['qianzhishu', '通知'],
      ['laowang', '通知'],
    ]);
    const byId = (id: string) => ofKind(events, 'notice').filter((n) => n.id === id).map((n) => n.room).sort();
    expect(byId('N1')).toEqual(['东苑5栋群']);
    // Building 7 has no group of its own: its residents are in the grid-wide group.
    expect(byId('N2')).toEqual(['东苑居民群']);
    expect(byId('N3')).toEqual(residentTopics(dir));
    expect(byId('N3')).not.toContain('桂花社区两委工作群');
    expect(byId('N4')).toEqual(residentTopics(dir, '东苑'));
    const keys = noticeKeys(events);
    expect(new Set(keys).size).toBe(keys.length);
    expect(ofKind(events, 'notice').find((n) => n.id === 'N3')?.due).toBe('2026-03-02T11:00:00+08:00');
  }, LONG);
});
