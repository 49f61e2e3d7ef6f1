/**
 * Volunteering: publish and follow activities (sign-ups, waiting list, check-ins), the
 * love-bank ledger per person, and redemptions to hand out — writes through the
 * volunteer commands (`活动`, `签到 #A1 …`, `发放 #R1`).
 */
import type { Hono } from 'hono';
import { activitiesFor, activityWithSignups, ledgerBalances, ledgerOf, redemptionsToHandOut } from '../store/console-activities.js';
import { formatShort } from '../time.js';
import { h } from './html.js';
import type { ConsoleEnv, ConsoleKit, Ctx } from './kit.js';
import { roomsOf as viewerRooms } from './viewer.js';

const SIGNUP: Record<string, string> = { confirmed: '已报名', waitlisted: '候补', cancelled: '已取消' };
const ACTIVITY: Record<string, string> = { open: '报名中', cancelled: '已取消', done: '已结束' };
const LEDGER: Record<string, string> = { checkin: '签到', redeem: '兑换', refund: '退回', adjust: '调整' };

export function activityRoutes(app: Hono<ConsoleEnv>, kit: ConsoleKit): void {
  const { db, clock, config } = kit.deps;
  const tz = config.timeZone;
  const when = (d: Date | null | undefined) => (d ? formatShort(d, tz) : '—');
  const roomsOf = (c: Ctx) => viewerRooms(kit.deps.bot.org, c.get('viewer'));
  /** Runs a volunteer command for the viewer, audits it and says how it went. */
  const run = async (c: Ctx, action: string, target: string | undefined, text: string) => {
    const outcome = await kit.deps.bot.runCommandAs(c.get('viewer').alias, text);
    await kit.audit(c, { action, target, detail: text, outcome: outcome.ok ? 'ok' : 'refused', message: outcome.replies.join(' ') });
    kit.flash(c, outcome.ok, outcome.replies.join(' ') || (outcome.ok ? '已完成。' : '未成功。'));
    return outcome;
  };

  app.get('/activities', async (c) => {
    const viewer = c.get('viewer');
    const rooms = roomsOf(c);
    const list = await activitiesFor(db, rooms);
    const balances = viewer.community ? await ledgerBalances(db) : [];
    const toHandOut = viewer.community ? await redemptionsToHandOut(db, clock.now()) : [];
    const scopes = viewer.community ? ['全社区', ...kit.deps.bot.org.grids.map((g) => g.name)] : viewer.grids;
    const form = h`<div class="card"><h2>发布活动</h2><form method="post" action="/activities" class="filters" id="activity-form">${kit.csrfField(c)}
<label>范围<input name="scope" list="activity-scopes" maxlength="40" value="${scopes[0] ?? ''}"><datalist id="activity-scopes">${scopes.map((s) => h`<option value="${s}">`)}</datalist></label>
<label>标题<input name="title" required maxlength="30"></label><label>时间<input name="time" required maxlength="30" placeholder="3月8日 9:00"></label>
<label>地点<input name="place" required maxlength="30"></label><label>名额<input name="capacity" type="number" min="1" max="1000" required></label>
<label>积分<input name="points" type="number" min="0" max="1000" required></label><button type="submit">发布</button></form></div>`;
    return kit.render(
      c,
      { title: '活动', active: '/activities' },
      h`<h1>志愿活动</h1>${form}
<div class="card"><h2>活动</h2><div class="scroll"><table id="activity-list"><thead><tr><th>编号</th><th>活动</th><th>时间</th><th>地点</th><th>报名/名额</th><th>候补</th><th>签到</th><th>状态</th></tr></thead><tbody>
${list.map((a) => h`<tr><td><a href="/activities/${a.id}">#A${a.id}</a></td><td>${a.title}</td><td>${when(a.startsAt)}</td><td>${a.place}</td><td>${a.confirmed}/${a.capacity}</td><td>${a.waitlisted}</td><td>${a.checkedIn}</td><td>${ACTIVITY[a.status] ?? a.status}</td></tr>`)}
</tbody></table></div></div>
${viewer.community ? h`<div class="grid2"><div class="card"><h2>待发放的兑换</h2><table id="redemptions"><thead><tr><th>单号</th><th>商品</th><th>居民</th><th>期限</th><th></th></tr></thead><tbody>
${toHandOut.map((r) => h`<tr><td>#R${r.id}</td><td>${r.item.name}</td><td>${r.person.name}</td><td>${when(r.expiresAt)}</td><td><form method="post" action="/activities/redemptions/${r.id}">${kit.csrfField(c)}<button type="submit" class="plain">发放</button></form></td></tr>`)}
</tbody></table></div>
<div class="card"><h2>爱心积分</h2><table id="balances"><thead><tr><th>姓名</th><th>积分</th></tr></thead><tbody>
${balances.map((b) => h`<tr><td><a href="/activities/ledger/${b.personId}">${b.name}</a></td><td>${b.balance}</td></tr>`)}</tbody></table></div></div>` : ''}`,
    );
  });

  app.post('/activities', async (c) => {
    const form = await c.req.parseBody();
    // Spaces separate the command's fields: a title or place keeps none of its own.
    const one = (name: string, max: number) => String(form[name] ?? '').replace(/\s+/g, '').slice(0, max);
    const time = String(form.time ?? '').replace(/\s+/g, ' ').trim().slice(0, 30);
    const text = `活动 ${one('scope', 40)} ${one('title', 30)} ${time} ${one('place', 30)} ${one('capacity', 5)} ${one('points', 5)}`.replace(/\s+/g, ' ');
    await run(c, '发布活动', undefined, text);
    return c.redirect('/activities', 303);
  });

  app.get('/activities/:id{[0-9]{1,9}}', async (c) => {
    const a = await activityWithSignups(db, Number(c.req.param('id')), roomsOf(c));
    if (!a) return kit.render(c, { title: '没有活动' }, h`<div class="card"><h1>没有这个活动</h1><p><a href="/activities">返回</a></p></div>`, 404);
    return kit.render(
      c,
      { title: `活动 #A${a.id}`, active: '/activities' },
      h`<p><a href="/activities">← 活动</a></p><div class="card"><h1>#A${a.id} ${a.title} <span class="tag blue">${ACTIVITY[a.status] ?? a.status}</span></h1>
<p>${when(a.startsAt)} · ${a.place} · 名额 ${a.capacity} · ${a.points} 积分 · 范围 ${a.scope} · 现场签到码 <strong>${a.checkinCode}</strong></p></div>
<div class="card"><h2>报名名单</h2><div class="scroll"><table id="signups"><thead><tr><th>姓名</th><th>状态</th><th>报名时间</th><th>签到</th></tr></thead><tbody>
${a.signups.map(
  (s) => h`<tr><td>${s.person.name}</td><td>${SIGNUP[s.status] ?? s.status}</td><td>${when(s.createdAt)}</td><td>${
    s.checkedInAt
      ? `已签到 ${when(s.checkedInAt)}`
      : s.status === 'confirmed'
        ? h`<form method="post" action="/activities/${a.id}/checkin">${kit.csrfField(c)}<input type="hidden" name="who" value="${s.person.alias ?? `p:${s.person.id}`}"><button type="submit" class="plain">代签到</button></form>`
        : ''
  }</td></tr>`,
)}</tbody></table></div></div>`,
    );
  });

  app.post('/activities/:id{[0-9]{1,9}}/checkin', async (c) => {
    const id = Number(c.req.param('id'));
    if (!(await activityWithSignups(db, id, roomsOf(c)))) return kit.refuse(c, '签到', `activity:${id}`, '这个活动不在您的范围内。');
    const who = String((await c.req.parseBody()).who ?? '').replace(/\s+/g, '').slice(0, 40);
    await run(c, '签到', `activity:${id}`, `签到 #A${id} ${who}`);
    return c.redirect(`/activities/${id}`, 303);
  });

  app.post('/activities/redemptions/:id{[0-9]{1,9}}', async (c) => {
    const id = Number(c.req.param('id'));
    await run(c, '发放', `redemption:${id}`, `发放 #R${id}`);
    return c.redirect('/activities', 303);
  });

  app.get('/activities/ledger/:id{[0-9]{1,9}}', async (c) => {
    if (!c.get('viewer').community) return c.text('只有社区工作人员可以查看积分明细。', 403);
    const ledger = await ledgerOf(db, Number(c.req.param('id')));
    if (!ledger) return c.text('没有这个人。', 404);
    return kit.render(
      c,
      { title: '积分明细', active: '/activities' },
      h`<p><a href="/activities">← 活动</a></p><div class="card"><h1>${ledger.name} 的爱心积分：${ledger.balance}</h1><table id="ledger"><thead><tr><th>时间</th><th>类型</th><th>变动</th><th>原因</th></tr></thead><tbody>
${ledger.entries.map((e) => h`<tr><td>${when(e.at)}</td><td>${LEDGER[e.kind] ?? e.kind}</td><td>${e.delta > 0 ? `+${e.delta}` : e.delta}</td><td>${e.reason}</td></tr>`)}</tbody></table></div>`,
    );
  });
}
