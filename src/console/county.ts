/**
 * County staff's overview of every community: one row of figures per community, then the
 * county's open tickets, oldest first, a page at a time. Read only: a ticket is handled in
 * its own community (by chat, or in that community's console).
 *
 * Only where the deployment is a county, and only for county staff: community staff see
 * their own community on the other pages, and are refused here.
 */
import type { Hono } from 'hono';
import { jsonList } from '../store/db.js';
import { namesOf } from '../store/console-tickets.js';
import { communityTicketFigures, type CommunityTicketFigures, type OpenTicketSummary } from '../store/console-county.js';
import { AWAITING_ACCEPT } from '../kernel/domain.js';
import { categoryLabel, statusLabel } from '../tickets/messages.js';
import { shortCommunityName } from '../tickets/county-ref.js';
import { formatDuration } from '../reports/format.js';
import { formatShort, startOfLocalDay } from '../time.js';
import type { Org } from '../org/types.js';
import { h, type Html } from './html.js';
import type { ConsoleEnv, ConsoleKit, Ctx } from './kit.js';
import { lateness } from './tickets.js';

const DAY_MS = 24 * 3600_000;
export const COUNTY_PAGE_SIZE = 50;

/** The list's status choices: every open ticket, those still to be accepted, those in hand. */
const STATUS_CHOICES: [string, string][] = [
  ['open', '全部未办结'],
  ['awaiting', '待签收'],
  ['accepted', '办理中'],
];

interface ListFilter {
  community?: string;
  status: string;
  overdue: boolean;
  page: number;
}

interface Row {
  ticket: OpenTicketSummary;
  /** How long past its deadline, where it is late. */
  lateBy?: number;
}

/** The list's filters from the query, keeping only values that name something. */
function readFilter(c: Ctx, communities: readonly string[]): ListFilter {
  const q = (k: string) => c.req.query(k)?.trim() || undefined;
  const community = q('community');
  const status = q('status');
  const page = Number(q('page'));
  return {
    community: community && communities.includes(community) ? community : undefined,
    status: status && STATUS_CHOICES.some(([k]) => k === status) ? status : 'open',
    overdue: q('overdue') === '1',
    page: Number.isInteger(page) && page > 1 && page < 1_000_000 ? page : 1,
  };
}

function filterQuery(f: ListFilter, page = f.page): string {
  const p = new URLSearchParams();
  if (f.community) p.set('community', f.community);
  if (f.status !== 'open') p.set('status', f.status);
  if (f.overdue) p.set('overdue', '1');
  if (page > 1) p.set('page', String(page));
  const s = p.toString();
  return s ? `/county?${s}` : '/county';
}

function matchesStatus(status: string, wanted: string): boolean {
  if (wanted === 'awaiting') return (AWAITING_ACCEPT as readonly string[]).includes(status);
  if (wanted === 'accepted') return status === 'accepted';
  return true;
}

export function countyRoutes(app: Hono<ConsoleEnv>, kit: ConsoleKit): void {
  const { db, clock, config } = kit.deps;
  const tz = config.timeZone;

  /** A community's time limits as its own file sets them (the defaults where the console was not given the county's files). */
  const orgOf = (community: string): Org => {
    const own = kit.deps.bot.org.org;
    if (own.community.name === community) return own;
    return kit.deps.countyOrgs?.find((o) => o.community.name === community) ?? { ...own, sla: undefined };
  };

  app.get('/county', async (c) => {
    const county = kit.deps.bot.org.county;
    if (!county) return c.notFound();
    const viewer = c.get('viewer');
    if (!viewer.county) {
      return kit.render(
        c,
        { title: '无权查看' },
        h`<div class="card"><h1>无权查看</h1><p>全县的工单只有县里的工作人员可以查看；您可以在「工单」里看本社区的工单。</p><p><a href="/tickets">返回工单</a></p></div>`,
        403,
      );
    }
    const now = clock.now();
    const since = { dayStart: startOfLocalDay(now, tz), weekStart: new Date(now.getTime() - 7 * DAY_MS) };
    const figures: CommunityTicketFigures[] = [];
    for (const community of county.communities) figures.push(await communityTicketFigures(db, community, since));

    const rowsOf = (f: CommunityTicketFigures): Row[] =>
      f.open.map((ticket) => ({ ticket, lateBy: lateness(ticket, orgOf(f.community), now, tz) }));
    const rows = new Map(figures.map((f) => [f.community, rowsOf(f)]));

    const cells = (open: Row[], newToday: number, closedSince: number) => {
      const awaiting = open.filter((r) => (AWAITING_ACCEPT as readonly string[]).includes(r.ticket.status)).length;
      const late = open.filter((r) => r.lateBy !== undefined).length;
      const urgent = open.filter((r) => r.ticket.urgency === 'urgent').length;
      return h`<td data-figure="open">${open.length}</td><td data-figure="awaiting">${awaiting}</td>
<td data-figure="overdue">${late ? h`<span class="late-by">${late}</span>` : '0'}</td><td data-figure="new-today">${newToday}</td>
<td data-figure="closed-week">${closedSince}</td><td data-figure="urgent">${urgent ? h`<span class="tag red">${urgent}</span>` : '0'}</td>`;
    };
    const filter = readFilter(c, county.communities);
    const table = h`<div class="card scroll"><table id="county-figures"><thead><tr><th>社区</th><th>未办结</th><th>待签收</th><th>超时</th><th>今日新增</th><th>近 7 天关闭</th><th>紧急未办结</th></tr></thead><tbody>
${figures.map(
  (f) => h`<tr data-community="${f.community}"><td><a href="${filterQuery({ ...filter, community: f.community, page: 1 })}">${f.community}</a></td>${cells(rows.get(f.community)!, f.newToday, f.closedSince)}</tr>`,
)}
<tr data-community="" id="county-total"><th>合计</th>${cells([...rows.values()].flat(), sum(figures.map((f) => f.newToday)), sum(figures.map((f) => f.closedSince)))}</tr></tbody></table>
<p class="muted">未办结：待签收、重新办理中和办理中的工单（已办结待评价的不算）；超时按各社区自己的时限算，与「工单」页相同；近 7 天：到现在为止的 7×24 小时。</p></div>`;

    // The list: filtered, oldest first across the county, one page rendered.
    const chosen = filter.community ? [filter.community] : county.communities;
    const listed = chosen
      .flatMap((community) => rows.get(community) ?? [])
      .filter((r) => matchesStatus(r.ticket.status, filter.status) && (!filter.overdue || r.lateBy !== undefined))
      .sort((a, b) => a.ticket.createdAt.getTime() - b.ticket.createdAt.getTime() || chosen.indexOf(a.ticket.community) - chosen.indexOf(b.ticket.community) || a.ticket.id - b.ticket.id);
    const pages = Math.max(1, Math.ceil(listed.length / COUNTY_PAGE_SIZE));
    const page = Math.min(filter.page, pages);
    const shown = listed.slice((page - 1) * COUNTY_PAGE_SIZE, page * COUNTY_PAGE_SIZE);
    const names = await namesOf(db, shown.flatMap((r) => jsonList(r.ticket.assignees)));
    const ref = (t: OpenTicketSummary) => `${shortCommunityName(t.community)}#${t.id}`;
    const line = (r: Row): Html => {
      const t = r.ticket;
      const holders = jsonList(t.assignees).map((a) => names[a] ?? a);
      return h`<tr data-ticket="${ref(t)}"${r.lateBy !== undefined ? h` class="late"` : ''}><td>${ref(t)}${t.urgency === 'urgent' ? h` <span class="tag red">紧急</span>` : ''}</td>
<td>${t.community}</td><td>${t.gridName ?? '—'}</td><td>${categoryLabel(t.category)}</td><td>${statusLabel(t.status)}</td><td>${holders.join('、') || '—'}</td>
<td title="${formatShort(t.createdAt, tz)}">${formatDuration(now.getTime() - t.createdAt.getTime())}</td><td>${r.lateBy !== undefined ? h`<span class="late-by">已超时 ${formatDuration(r.lateBy)}</span>` : ''}</td></tr>`;
    };
    const opt = (value: string, label: string, current?: string) => h`<option value="${value}"${value === (current ?? '') ? h` selected` : ''}>${label}</option>`;
    const form = h`<form class="card filters" method="get" action="/county">
<label>社区<select name="community">${opt('', '全县')}${county.communities.map((n) => opt(n, n, filter.community))}</select></label>
<label>状态<select name="status">${STATUS_CHOICES.map(([k, v]) => opt(k, v, filter.status))}</select></label>
<label><span>超时</span><input type="checkbox" name="overdue" value="1"${filter.overdue ? h` checked` : ''}></label>
<button type="submit">筛选</button></form>`;
    const pager = pages > 1
      ? h`<p class="pager">${page > 1 ? h`<a href="${filterQuery(filter, page - 1)}" rel="prev">上一页</a>　` : ''}第 ${page} / ${pages} 页${page < pages ? h`　<a href="${filterQuery(filter, page + 1)}" rel="next">下一页</a>` : ''}</p>`
      : '';
    const lateCount = listed.filter((r) => r.lateBy !== undefined).length;
    const list = h`<div class="card scroll"><p class="muted" id="county-list-count">共 ${listed.length} 张${lateCount ? h`，<span class="late-by">${lateCount} 张超时</span>` : ''}，按报来的时间从早到晚，每页 ${COUNTY_PAGE_SIZE} 张。</p>
${shown.length
  ? h`<table id="county-tickets"><thead><tr><th>编号</th><th>社区</th><th>网格</th><th>类别</th><th>状态</th><th>办理人</th><th>已过</th><th>超时</th></tr></thead><tbody>${shown.map(line)}</tbody></table>`
  : h`<p class="muted">没有符合条件的工单。</p>`}
${pager}</div>`;

    return kit.render(
      c,
      { title: '全县', active: '/county' },
      h`<h1>全县工单 <span class="muted">${county.name}，${county.communities.length} 个社区，截至 ${formatShort(now, tz)}</span></h1>
${table}<h2>未办结的工单</h2>${form}${list}`,
    );
  });
}

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
