import type { Db, Tx } from '../store/db.js';
import { firstCommunityName, membersOfEmployer } from '../store/reports.js';
import { DAY } from '../clock.js';
import { formatLocal, formatShort, zonedTime } from '../time.js';
import { activityRef } from './refs.js';

/** One in-service party member's service in a period, as the employer reads it. */
export interface MemberService {
  name: string;
  alias: string;
  registeredAt: Date | null;
  activities: { ref: string; title: string; startsAt: Date; place: string; minutes: number; points: number }[];
  minutes: number;
  points: number;
}

export interface MemberReport {
  community: string;
  unit: string;
  from: string;
  to: string;
  members: MemberService[];
}

/** `YYYY-MM-DD` (inclusive both ends) as the instants that bound the period in the community's zone. */
export function periodBounds(from: string, to: string, timeZone: string): { start: Date; end: Date } {
  const day = (s: string) => {
    const m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s);
    if (!m) throw new Error(`日期格式应为 YYYY-MM-DD：${s}`);
    return zonedTime(timeZone, Number(m[1]), Number(m[2]), Number(m[3]));
  };
  const start = day(from);
  const end = new Date(day(to).getTime() + DAY);
  if (end <= start) throw new Error('结束日期不能早于开始日期');
  return { start, end };
}

/**
 * Every member registered with this employer, with the activities they were checked in
 * at during the period; members without any still appear (the employer asks about them too).
 */
export async function buildMemberReport(db: Db | Tx, q: { unit: string; from: string; to: string; timeZone: string }): Promise<MemberReport> {
  const { start, end } = periodBounds(q.from, q.to, q.timeZone);
  const community = await firstCommunityName(db);
  const members = (await membersOfEmployer(db, q.unit, start, end)).map((p) => {
    const activities = p.served.map((a) => ({
      ref: activityRef(a.id),
      title: a.title,
      startsAt: a.startsAt,
      place: a.place,
      minutes: a.durationMinutes,
      points: a.points,
    }));
    return {
      name: p.name,
      alias: p.alias ?? '',
      registeredAt: p.employerAt,
      activities,
      minutes: activities.reduce((n, a) => n + a.minutes, 0),
      points: activities.reduce((n, a) => n + a.points, 0),
    };
  });
  return { community, unit: q.unit, from: q.from, to: q.to, members };
}

export const hours = (minutes: number) => (Math.round((minutes / 60) * 10) / 10).toString();

const csvCell = (v: string | number) => {
  const s = String(v);
  return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

/** One line per member; a BOM so that Excel opens the Chinese correctly. */
export function memberReportCsv(r: MemberReport, timeZone: string): string {
  const head = ['姓名', '微信号', '报到时间', '参加次数', '服务时长(小时)', '获得积分', '活动明细'];
  const rows = r.members.map((m) => [
    m.name,
    m.alias,
    m.registeredAt ? formatLocal(m.registeredAt, timeZone) : '',
    m.activities.length,
    hours(m.minutes),
    m.points,
    m.activities.map((a) => `${formatShort(a.startsAt, timeZone)} ${a.title}(${hours(a.minutes)}h)`).join('；'),
  ]);
  return '\ufeff' + [head, ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

const esc = (s: string | number) => String(s).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** A printable page the community stamps and sends to the employer. */
export function memberReportHtml(r: MemberReport, timeZone: string): string {
  const total = r.members.reduce((n, m) => n + m.minutes, 0);
  const summary = r.members
    .map((m) => `<tr><td>${esc(m.name)}</td><td>${m.activities.length}</td><td>${hours(m.minutes)}</td><td>${m.points}</td></tr>`)
    .join('\n');
  const details = r.members
    .filter((m) => m.activities.length)
    .map(
      (m) =>
        `<h3>${esc(m.name)}</h3><table><thead><tr><th>日期</th><th>活动</th><th>地点</th><th>时长(小时)</th></tr></thead><tbody>` +
        m.activities.map((a) => `<tr><td>${esc(formatShort(a.startsAt, timeZone))}</td><td>#${esc(a.ref)} ${esc(a.title)}</td><td>${esc(a.place)}</td><td>${hours(a.minutes)}</td></tr>`).join('') +
        '</tbody></table>',
    )
    .join('\n');
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>在职党员社区服务情况表 - ${esc(r.unit)}</title>
<style>body{font-family:"SimSun","Songti SC",serif;margin:2em}table{border-collapse:collapse;width:100%;margin:.5em 0}th,td{border:1px solid #333;padding:4px 8px;text-align:center}h1{text-align:center;font-size:1.5em}.sign{margin-top:3em;text-align:right}@media print{body{margin:1cm}}</style>
</head><body>
<h1>在职党员到社区报到服务情况表</h1>
<p>报送单位：${esc(r.unit)}　　社区：${esc(r.community)}　　统计期间：${esc(r.from)} 至 ${esc(r.to)}</p>
<table><thead><tr><th>姓名</th><th>参加活动次数</th><th>服务时长(小时)</th><th>获得爱心积分</th></tr></thead><tbody>
${summary || '<tr><td colspan="4">本期无报到党员</td></tr>'}
</tbody><tfoot><tr><th>合计</th><th>${r.members.reduce((n, m) => n + m.activities.length, 0)}</th><th>${hours(total)}</th><th>${r.members.reduce((n, m) => n + m.points, 0)}</th></tr></tfoot></table>
${details}
<p class="sign">${esc(r.community)}（盖章）<br>日期：　　年　　月　　日</p>
</body></html>
`;
}
