/**
 * Notices: a preview of exactly which groups a notice reaches and when (the `通知`
 * command run and rolled back), then the same command for real; the list, what was
 * posted where, and cancelling — all through the notice commands.
 */
import type { Hono } from 'hono';
import { jsonList } from '../store/db.js';
import { newestNotice, noticesFor, noticeWithHistory } from '../store/console-notices.js';
import { scheduleOf } from '../notices/notice-row.js';
import { nextRunAfter, releaseAt } from '../notices/schedule.js';
import { formatShort } from '../time.js';
import { h, type Html } from './html.js';
import type { ConsoleEnv, ConsoleKit, Ctx } from './kit.js';
import { roomsOf as viewerRooms } from './viewer.js';

const STATUS: Record<string, string> = { active: '进行中', done: '已发完', cancelled: '已取消' };
type NoticeRow = NonNullable<Awaited<ReturnType<typeof newestNotice>>>;

export function noticeRoutes(app: Hono<ConsoleEnv>, kit: ConsoleKit): void {
  const { db, clock, config } = kit.deps;
  const tz = config.timeZone;
  const when = (d: Date | null | undefined) => (d ? formatShort(d, tz) : '—');

  const roomsOf = (c: Ctx) => viewerRooms(kit.deps.bot.org, c.get('viewer'));

  /** The next runs of a notice and when each really goes out (22:00–07:00 waits for 07:00 unless urgent). */
  const upcoming = (n: NoticeRow, count = 3): { due: Date; release: Date }[] => {
    const out: { due: Date; release: Date }[] = [];
    let due = n.nextRunAt;
    const schedule = scheduleOf(n);
    while (due && out.length < count) {
      out.push({ due, release: releaseAt(due, n.urgent, tz) });
      due = n.repeat === 'once' ? null : nextRunAfter(schedule, due, tz);
    }
    return out;
  };

  const timesList = (n: NoticeRow): Html =>
    h`<ul id="notice-times">${upcoming(n).map((u) => h`<li>${when(u.due)}${u.release.getTime() !== u.due.getTime() ? h` <span class="tag">夜间不打扰，${when(u.release)} 发出</span>` : ''}</li>`)}</ul>`;

  const commandOf = (form: Record<string, unknown>) => {
    const clean = (name: string, max: number) => String(form[name] ?? '').replace(/\s+/g, ' ').trim().slice(0, max);
    const scope = clean('scope', 40);
    const time = clean('time', 40);
    const content = String(form.content ?? '').trim().slice(0, 1000);
    const urgent = form.urgent === '1';
    return { scope, time, content, urgent, text: `${urgent ? '紧急通知' : '通知'} ${scope} ${time} ${content}` };
  };

  app.get('/notices', async (c) => {
    const viewer = c.get('viewer');
    const org = kit.deps.bot.org;
    const mayNotify = viewer.posts.some((p) => p.role === 'staff') || org.gridsLedBy(viewer.alias, ['branch_secretary', 'publicity']).length > 0;
    const list = await noticesFor(db, roomsOf(c));
    const scopes = viewer.community ? ['全社区', ...org.grids.map((g) => g.name)] : org.gridsLedBy(viewer.alias, ['branch_secretary', 'publicity']);
    const form = mayNotify
      ? h`<div class="card"><h2>新通知</h2><form method="post" action="/notices/preview" id="notice-form">${kit.csrfField(c)}
<div class="filters"><label>范围<input name="scope" list="scopes" required maxlength="40" value="${scopes[0] ?? ''}"><datalist id="scopes">${scopes.map((s) => h`<option value="${s}">`)}</datalist></label>
<label>时间<input name="time" required maxlength="40" placeholder="明天 9:00 / 每周五 9:00"></label><label><span>紧急（夜间也发）</span><input type="checkbox" name="urgent" value="1"></label></div>
<p><label>内容<textarea name="content" required maxlength="1000"></textarea></label></p><button type="submit">预览</button>
<span class="muted">范围：全社区、网格名、「网格名 3栋」或群名。时间：2026-04-04 09:00、明天 9:00、每天 8:00、每周一 9:00、每月1日 9:00。</span></form></div>`
      : h`<p class="muted">发通知需要社区工作人员，或本网格党支部书记、宣传员的身份。</p>`;
    return kit.render(
      c,
      { title: '通知', active: '/notices' },
      h`<h1>通知</h1>${form}<div class="card"><h2>通知列表</h2><div class="scroll"><table id="notice-list"><thead><tr><th>编号</th><th>范围</th><th>时间</th><th>下次</th><th>状态</th><th>已发</th><th>内容</th></tr></thead><tbody>
${list.map((n) => h`<tr><td><a href="/notices/${n.id}">#N${n.id}</a></td><td>${n.scope}</td><td>${n.schedule}${n.urgent ? h` <span class="tag red">紧急</span>` : ''}</td><td>${when(n.nextRunAt)}</td><td>${STATUS[n.status] ?? n.status}</td><td>${n._count.posts}</td><td>${n.content.length > 40 ? `${n.content.slice(0, 40)}…` : n.content}</td></tr>`)}
</tbody></table></div></div>`,
    );
  });

  app.post('/notices/preview', async (c) => {
    const viewer = c.get('viewer');
    const f = commandOf(await c.req.parseBody());
    const preview = await kit.deps.bot.runCommandAs(viewer.alias, f.text, { dryRun: true, inspect: (tx) => newestNotice(tx) });
    if (!preview.ok || !preview.inspected) {
      kit.flash(c, false, preview.replies.join(' ') || '无法安排这条通知。');
      return c.redirect('/notices', 303);
    }
    const n = preview.inspected;
    const hidden = (name: string, value: string) => h`<input type="hidden" name="${name}" value="${value}">`;
    return kit.render(
      c,
      { title: '预览通知', active: '/notices' },
      h`<h1>预览通知</h1><div class="card"><p>${preview.replies.join(' ')}</p>
<h2>将发到这些群（${jsonList(n.targets).length} 个）</h2><ul id="notice-targets">${jsonList(n.targets).map((t) => h`<li>${t}</li>`)}</ul>
<h2>发送时间</h2>${timesList(n)}<h2>内容</h2><p style="white-space:pre-wrap">${n.content}</p>
<form method="post" action="/notices">${kit.csrfField(c)}${hidden('scope', f.scope)}${hidden('time', f.time)}${f.urgent ? hidden('urgent', '1') : ''}<textarea name="content" hidden>${f.content}</textarea>
<button type="submit" id="notice-publish">确认发布</button> <a href="/notices">放弃</a></form></div>`,
    );
  });

  app.post('/notices', async (c) => {
    const viewer = c.get('viewer');
    const f = commandOf(await c.req.parseBody());
    const outcome = await kit.deps.bot.runCommandAs(viewer.alias, f.text, { inspect: (tx) => newestNotice(tx) });
    await kit.audit(c, { action: f.urgent ? '紧急通知' : '通知', target: outcome.inspected ? `notice:${outcome.inspected.id}` : undefined, detail: f.text, outcome: outcome.ok ? 'ok' : 'refused', message: outcome.replies.join(' ') });
    kit.flash(c, outcome.ok, outcome.replies.join(' '));
    return c.redirect(outcome.ok && outcome.inspected ? `/notices/${outcome.inspected.id}` : '/notices', 303);
  });

  app.get('/notices/:id{[0-9]{1,9}}', async (c) => {
    const rooms = roomsOf(c);
    const found = await noticeWithHistory(db, Number(c.req.param('id')));
    if (!found || (rooms && !jsonList(found.notice.targets).some((t) => rooms.includes(t)))) {
      return kit.render(c, { title: '没有通知' }, h`<div class="card"><h1>没有这条通知</h1><p><a href="/notices">返回</a></p></div>`, 404);
    }
    const { notice: n, outbound } = found;
    const sent = (id: number | null) => {
      const o = id ? outbound.get(id) : undefined;
      if (!o) return '—';
      return o.status === 'sent' ? `已发 ${when(o.sentAt)}` : o.status === 'queued' ? '排队中' : o.status === 'cancelled' ? '已撤回' : '发送失败';
    };
    return kit.render(
      c,
      { title: `通知 #N${n.id}`, active: '/notices' },
      h`<p><a href="/notices">← 通知</a></p><div class="card"><h1>通知 #N${n.id} <span class="tag blue">${STATUS[n.status] ?? n.status}</span></h1>
<p style="white-space:pre-wrap">${n.content}</p><p class="muted">范围：${n.scope} · 时间：${n.schedule}${n.urgent ? ' · 紧急' : ''} · 创建：${when(n.createdAt)}</p>
<h2>发到的群</h2><p>${jsonList(n.targets).join('、')}</p>${n.status === 'active' ? h`<h2>接下来</h2>${timesList(n)}` : ''}
${n.status !== 'cancelled' ? h`<form method="post" action="/notices/${n.id}/cancel" data-confirm="确定取消这条通知？未发出的会撤回。">${kit.csrfField(c)}<button type="submit" class="plain" id="notice-cancel">取消通知</button></form>` : ''}</div>
<div class="card"><h2>发送记录</h2><div class="scroll"><table id="notice-history"><thead><tr><th>应发时间</th><th>群</th><th>结果</th></tr></thead><tbody>
${n.posts.map((p) => h`<tr><td>${when(p.dueAt)}</td><td>${p.roomTopic}</td><td>${p.outcome === 'skipped' ? '停机错过，已跳过' : sent(p.outboundId)}</td></tr>`)}
</tbody></table></div></div>`,
    );
  });

  app.post('/notices/:id{[0-9]{1,9}}/cancel', async (c) => {
    const viewer = c.get('viewer');
    const id = Number(c.req.param('id'));
    const outcome = await kit.deps.bot.runCommandAs(viewer.alias, `取消通知 #N${id}`);
    await kit.audit(c, { action: '取消通知', target: `notice:${id}`, outcome: outcome.ok ? 'ok' : 'refused', message: outcome.replies.join(' ') });
    kit.flash(c, outcome.ok, outcome.replies.join(' '));
    return c.redirect(`/notices/${id}`, 303);
  });
}
