/**
 * The ticket board and the ticket page. Actions run the holders' chat commands through
 * the bot (`runCommandAs`): the console has no ticket rules of its own.
 */
import type { Hono } from 'hono';
import { jsonList } from '../store/db.js';
import { boardTickets, boardVersion, namesOf, ticketInScope, ticketWithHistory, type BoardFilter } from '../store/console-tickets.js';
import { CATEGORY_LABELS, categoryLabel, fullPlace, statusLabel, tierLabel } from '../tickets/messages.js';
import { AWAITING_ACCEPT, isCategory, isOpenStatus, isTicketStatus } from '../kernel/domain.js';
import { ROLE_LABELS } from '../org/types.js';
import { formatDuration } from '../reports/format.js';
import { formatShort } from '../time.js';
import { h, type Html } from './html.js';
import type { ConsoleEnv, ConsoleKit, Ctx } from './kit.js';
import { gridsOf } from './viewer.js';
import { acceptDeadline, resolveDeadline } from '../tickets/deadlines.js';
import { mediaOfTicket } from '../store/media.js';
import { readMediaFile } from '../chat/media.js';
import type { Org } from '../org/types.js';

type BoardTicket = Awaited<ReturnType<typeof boardTickets>>['tickets'][number];

const COLUMNS: { title: string; statuses: string[] }[] = [
  { title: '待签收', statuses: [...AWAITING_ACCEPT] },
  { title: '办理中', statuses: ['accepted'] },
  { title: '已办结待评价', statuses: ['resolved'] },
  { title: '已关闭', statuses: ['closed', 'cancelled', 'merged'] },
];

const EVENT_LABELS: Record<string, string> = {
  created: '创建',
  assigned: '派单',
  accepted: '签收',
  resolved: '办结',
  closed: '关闭',
  reopened: '重新办理',
  cancelled: '撤销',
  merged: '合并',
  transferred: '转派',
  declined: '退回',
  note: '备注',
  reported: '又有人反映',
  escalated: '超时上报',
  reminded: '催办',
  rated: '评价',
};

const STATUS_FILTERS: [string, string][] = [
  ['open', '未关闭'],
  ['assigned', '待签收'],
  ['accepted', '办理中'],
  ['resolved', '待评价'],
  ['closed', '已关闭'],
  ['all', '全部'],
];

const ACTIONS = {
  accept: { word: '接单', label: '签收', field: undefined },
  resolve: { word: '办结', label: '办结', field: 'note' },
  transfer: { word: '转派', label: '转派', field: 'target' },
  decline: { word: '退回', label: '退回上一级', field: 'reason' },
  note: { word: '备注', label: '备注', field: 'text' },
} as const;
type ActionName = keyof typeof ACTIONS;

type LateFields = Pick<BoardTicket, 'status' | 'urgency' | 'createdAt' | 'assignedAt' | 'acceptedAt' | 'acceptBy' | 'resolveBy'>;

/**
 * How late an open ticket is, from the resident's side: escalation moves the holder's own
 * deadline on, so the deadline that counts is the earlier of that one and the one the
 * organisation's time limits give from when it was reported (or reopened, or accepted).
 */
export function lateness(t: LateFields, org: Org, now: Date, timeZone: string): number | undefined {
  const urgency = t.urgency === 'urgent' ? 'urgent' : 'normal';
  let dues: (Date | null)[] = [];
  if (t.status === 'assigned') dues = [t.acceptBy, acceptDeadline(org, urgency, t.createdAt, timeZone)];
  else if (t.status === 'reopened') dues = [t.acceptBy, acceptDeadline(org, urgency, t.assignedAt, timeZone)];
  else if (t.status === 'accepted') dues = [t.resolveBy, t.acceptedAt ? resolveDeadline(org, urgency, t.acceptedAt, timeZone) : null];
  const due = Math.min(...dues.filter((d): d is Date => d !== null).map((d) => d.getTime()));
  return Number.isFinite(due) && due < now.getTime() ? now.getTime() - due : undefined;
}

/** The board's filters from the query, keeping only values this viewer may ask for. */
function readFilter(c: Ctx, grids: string[]): BoardFilter & { overdue: boolean } {
  const q = (k: string) => c.req.query(k)?.trim() || undefined;
  const grid = q('grid');
  const category = q('category');
  const status = q('status');
  return {
    grid: grid && grids.includes(grid) ? grid : undefined,
    category: isCategory(category) ? category : undefined,
    status: status && (isTicketStatus(status) || status === 'open' || status === 'all') ? status : undefined,
    urgent: q('urgent') === '1',
    overdue: q('overdue') === '1',
    holder: q('holder')?.slice(0, 64),
  };
}

function filterQuery(f: BoardFilter & { overdue: boolean }): string {
  const p = new URLSearchParams();
  if (f.grid) p.set('grid', f.grid);
  if (f.category) p.set('category', f.category);
  if (f.status) p.set('status', f.status);
  if (f.urgent) p.set('urgent', '1');
  if (f.overdue) p.set('overdue', '1');
  if (f.holder) p.set('holder', f.holder);
  return p.toString();
}

export function ticketRoutes(app: Hono<ConsoleEnv>, kit: ConsoleKit): void {
  const { db, clock, config } = kit.deps;
  const tz = config.timeZone;
  const when = (d: Date | null | undefined) => (d ? formatShort(d, tz) : '');

  const late = (t: LateFields, now: Date) => lateness(t, kit.deps.bot.org.org, now, tz);

  const card = (t: BoardTicket, names: Record<string, string>, now: Date): Html => {
    const lateBy = late(t, now);
    const holders = jsonList(t.assignees).map((a) => names[a] ?? a);
    return h`<a class="ticket${t.urgency === 'urgent' ? ' urgent' : ''}${lateBy ? ' late' : ''}" href="/tickets/${t.id}" data-ticket="${t.id}">
<div class="top"><span>#${t.id} ${categoryLabel(t.category)}</span><span>${when(t.createdAt)}</span></div>
<div class="text">${t.urgency === 'urgent' ? h`<span class="tag red">紧急</span> ` : ''}${t.text.length > 60 ? `${t.text.slice(0, 60)}…` : t.text}</div>
<div class="muted">${fullPlace(t)} · ${tierLabel(t.tier)}${holders.length ? ` · ${holders.join('、')}` : ''}</div>
${lateBy ? h`<div class="late-by">已超时 ${formatDuration(lateBy)}</div>` : ''}</a>`;
  };

  const boardHtml = async (c: Ctx, filter: BoardFilter & { overdue: boolean }): Promise<Html> => {
    const viewer = c.get('viewer');
    const now = clock.now();
    const found = await boardTickets(db, viewer.scope, filter);
    const lateOnes = found.tickets.filter((t) => late(t, now) !== undefined);
    const overdue = lateOnes.length;
    const tickets = filter.overdue ? lateOnes : found.tickets;
    // With the overdue filter the columns count what is shown; closed tickets are never late.
    const counts: Record<string, number> = filter.overdue ? {} : found.counts;
    if (filter.overdue) for (const t of tickets) counts[t.status] = (counts[t.status] ?? 0) + 1;
    const names = await namesOf(db, tickets.flatMap((t) => jsonList(t.assignees)));
    const showClosed = filter.status === 'all' || filter.status === 'closed';
    const columns = COLUMNS.filter((col) => showClosed || col.title !== '已关闭');
    return h`<p class="muted">共 ${tickets.length} 张${overdue ? h`，<span class="late-by" id="overdue-count">${overdue} 张超时</span>` : ''}。</p>
<div class="board">${columns.map((col) => {
      const list = tickets.filter((t) => col.statuses.includes(t.status));
      const total = col.statuses.reduce((n, s) => n + (counts[s] ?? 0), 0);
      return h`<section class="column" data-column="${col.title}"><h2>${col.title}<span class="count">${total}</span></h2>
${list.length ? list.map((t) => card(t, names, now)) : h`<p class="muted">无</p>`}</section>`;
    })}</div>`;
  };

  app.get('/tickets', async (c) => {
    const viewer = c.get('viewer');
    const grids = gridsOf(kit.deps.bot.org, viewer);
    const filter = readFilter(c, grids);
    const board = await boardHtml(c, filter);
    if (c.req.header('x-fragment') === 'board') return c.html(board.text);
    const version = await boardVersion(db, viewer.scope);
    const holders = kit.deps.bot.org.posts.filter((p) => viewer.community || (p.grid && grids.includes(p.grid)));
    const uniqueHolders = [...new Map(holders.map((p) => [p.alias, p])).values()];
    const opt = (value: string, label: string, current?: string) => h`<option value="${value}"${value === (current ?? '') ? h` selected` : ''}>${label}</option>`;
    const form = h`<form class="card filters" method="get" action="/tickets">
${grids.length > 1 || viewer.community ? h`<label>网格<select name="grid">${opt('', '全部')}${grids.map((g) => opt(g, g, filter.grid))}</select></label>` : ''}
<label>类别<select name="category">${opt('', '全部')}${Object.entries(CATEGORY_LABELS).map(([k, v]) => opt(k, v, filter.category))}</select></label>
<label>状态<select name="status">${STATUS_FILTERS.map(([k, v]) => opt(k, v, filter.status ?? 'open'))}</select></label>
<label>办理人<select name="holder">${opt('', '全部')}${uniqueHolders.map((p) => opt(p.alias, `${p.name}（${ROLE_LABELS[p.role]}）`, filter.holder))}</select></label>
<label><span>紧急</span><input type="checkbox" name="urgent" value="1"${filter.urgent ? h` checked` : ''}></label>
<label><span>超时</span><input type="checkbox" name="overdue" value="1"${filter.overdue ? h` checked` : ''}></label>
<button type="submit">筛选</button></form>`;
    const query = filterQuery(filter);
    return kit.render(
      c,
      { title: '工单', active: '/tickets' },
      h`<h1>工单 <span class="muted">${viewer.label}</span></h1>${form}
<div id="board" data-poll="/tickets/version${query ? `?${query}` : ''}" data-version="${version}">${board}</div>`,
    );
  });

  app.get('/tickets/version', async (c) => c.json({ version: await boardVersion(db, c.get('viewer').scope) }));

  const parseId = (raw: string) => (/^\d{1,9}$/.test(raw) ? Number(raw) : undefined);

  app.get('/tickets/:id', async (c) => {
    const viewer = c.get('viewer');
    const id = parseId(c.req.param('id'));
    if (!id || !(await ticketInScope(db, viewer.scope, id))) {
      return kit.render(c, { title: '没有工单' }, h`<div class="card"><h1>没有这张工单</h1><p>编号不对，或不在您的范围内。</p><p><a href="/tickets">返回工单</a></p></div>`, 404);
    }
    const t = (await ticketWithHistory(db, id))!;
    const media = await mediaOfTicket(db, id);
    const now = clock.now();
    const aliases = [...jsonList(t.assignees), ...t.events.flatMap((e) => [...jsonList(e.assignees), e.actor ?? ''])].filter(Boolean);
    const names = await namesOf(db, aliases);
    const who = (a: string | null) => (a ? (names[a] ?? a) : '系统');
    const lateBy = late(t, now);
    const open = isOpenStatus(t.status);
    const category = categoryLabel(t.category);
    const gridPosts = kit.deps.bot.org.posts.filter((p) => (p.grid === t.gridName || !p.grid) && p.role !== 'staff');
    const action = (name: ActionName, body: Html) =>
      h`<form method="post" action="/tickets/${t.id}/${name}" data-action="${name}">${kit.csrfField(c)}${body}</form>`;
    const actions = open
      ? h`<div class="card actions"><h2>办理</h2>
${action('accept', h`<button type="submit">签收</button>`)}
${action('resolve', h`<label>办结说明<textarea name="note" required maxlength="500" placeholder="例如：已更换灯泡"></textarea></label><button type="submit">办结</button>`)}
${action('transfer', h`<div class="row"><input name="target" list="targets" required maxlength="40" placeholder="岗位或微信号，如 调解员"><datalist id="targets">${gridPosts.map((p) => h`<option value="${p.alias}">${p.name}（${p.orgUnit ?? ROLE_LABELS[p.role]}）</option>`)}</datalist><button type="submit" class="plain">转派</button></div>`)}
${action('decline', h`<div class="row"><input name="reason" required maxlength="200" placeholder="退回原因"><button type="submit" class="plain">退回上一级</button></div>`)}
</div>`
      : '';
    const history = h`<div class="card"><h2>办理经过</h2><div class="scroll"><table><thead><tr><th>时间</th><th>事件</th><th>操作人</th><th>办理人</th><th>层级</th><th>说明</th></tr></thead><tbody>
${t.events.map(
  (e) => h`<tr data-event="${e.kind}"><td>${when(e.at)}</td><td>${EVENT_LABELS[e.kind] ?? e.kind}${e.escalated ? h` <span class="tag red">超时上报</span>` : ''}</td><td>${who(e.actor)}</td><td>${jsonList(e.assignees).map(who).join('、')}</td><td>${tierLabel(e.tier)}</td><td>${e.note ?? ''}</td></tr>`,
)}</tbody></table></div>
${action('note', h`<div class="row" style="margin-top:8px"><input name="text" required maxlength="500" placeholder="记一笔备注"><button type="submit" class="plain">备注</button></div>`)}</div>`;
    return kit.render(
      c,
      { title: `工单 #${t.id}`, active: '/tickets' },
      h`<p><a href="/tickets">← 工单</a></p>
<div class="card"><h1>#${t.id} ${category} ${t.urgency === 'urgent' ? h`<span class="tag red">紧急</span>` : ''} <span class="tag blue" id="ticket-status">${statusLabel(t.status)}</span></h1>
<p style="white-space:pre-wrap">${t.text}</p>
<p class="muted">地点：${fullPlace(t)} · 反映人：${t.reporter.name}${t.reportCount > 1 ? `（共 ${t.reportCount} 人反映）` : ''} · 来自：${t.sourceRoom ?? '私聊'} · ${when(t.createdAt)}</p>
<p>层级：${tierLabel(t.tier)} · 办理人：${jsonList(t.assignees).map(who).join('、') || '—'}</p>
${t.acceptBy && t.status !== 'accepted' ? h`<p>签收期限：${when(t.acceptBy)}</p>` : ''}${t.resolveBy ? h`<p>办结期限：${when(t.resolveBy)}</p>` : ''}
${lateBy ? h`<p class="late-by">已超时 ${formatDuration(lateBy)}</p>` : ''}
${media.length ? h`<div class="media" id="ticket-media">${media.map((m) =>
  m.kind === 'image'
    ? h`<a href="/tickets/${t.id}/media/${m.id}"><img src="/tickets/${t.id}/media/${m.id}" alt="${m.role === 'proof' ? '办结照片' : '居民的照片'}" style="max-width:220px;max-height:220px;margin:4px;border-radius:4px"></a>`
    : h`<p><a href="/tickets/${t.id}/media/${m.id}">${m.kind === 'video' ? '视频' : '语音'}</a>${m.transcript ? `：${m.transcript}` : ''}</p>`,
)}</div>` : ''}
${t.resolution ? h`<p>办结说明：${t.resolution}</p>` : ''}${t.rating ? h`<p>居民评价：${'★'.repeat(t.rating)}${t.ratingComment ? ` ${t.ratingComment}` : ''}</p>` : ''}</div>
<div class="grid2">${actions}${history}</div>`,
    );
  });

  // A photo of a ticket is shown only to those who may see the ticket.
  app.get('/tickets/:id{[0-9]{1,9}}/media/:media{[0-9]{1,9}}', async (c) => {
    const id = Number(c.req.param('id'));
    if (!(await ticketInScope(db, c.get('viewer').scope, id))) return c.text('没有这个文件。', 404);
    const m = (await mediaOfTicket(db, id)).find((x) => x.id === Number(c.req.param('media')));
    const bytes = m ? readMediaFile(config.media.dir, m.path) : undefined;
    if (!m || !bytes) return c.text('没有这个文件。', 404);
    const png = bytes.subarray(0, 4).toString('hex') === '89504e47';
    const type = m.kind === 'image' ? (png ? 'image/png' : 'image/jpeg') : m.kind === 'video' ? 'video/mp4' : 'application/octet-stream';
    return c.body(new Uint8Array(bytes), 200, { 'Content-Type': type, 'Cache-Control': 'private, max-age=3600' });
  });

  app.post('/tickets/:id/:action', async (c) => {
    const viewer = c.get('viewer');
    const id = parseId(c.req.param('id'));
    const name = c.req.param('action') as ActionName;
    if (!id || !(name in ACTIONS)) return c.text('没有这个操作。', 404);
    const spec = ACTIONS[name];
    const target = `ticket:${id}`;
    if (!(await ticketInScope(db, viewer.scope, id))) return kit.refuse(c, spec.word, target, `工单 #${id} 不在您的范围内。`);
    const form = await c.req.parseBody();
    const raw = spec.field ? String(form[spec.field] ?? '') : '';
    const text = raw.replace(/\s+/g, ' ').trim().slice(0, 500);
    const outcome = await kit.deps.bot.runCommandAs(viewer.alias, `${spec.word} #${id}${text ? ` ${text}` : ''}`);
    await kit.audit(c, { action: spec.word, target, detail: text || undefined, outcome: outcome.ok ? 'ok' : 'refused', message: outcome.replies.join(' ') });
    kit.flash(c, outcome.ok, outcome.replies.join(' ') || (outcome.ok ? '已完成。' : '操作未成功。'));
    return c.redirect(`/tickets/${id}`, 303);
  });
}
