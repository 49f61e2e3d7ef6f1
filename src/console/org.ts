/**
 * The organisation as a tree with who holds each post and whether the bot reaches them;
 * editing a post-holder, adding a building or a household; export and import of the
 * YAML file with the same validation as `org:import` and a preview of the changes.
 */
import fs from 'node:fs';
import type { Hono } from 'hono';
import { importOrg } from '../org/import.js';
import { OrgFileError, parseOrg } from '../org/load.js';
import { addBuilding, addHousehold, OrgEditError, orgChanges, orgToYaml, setPostHolder, slotsOf, validated, type Slot } from '../org/edit.js';
import type { Org } from '../org/types.js';
import { reachOf, type Reach } from '../store/console-org.js';
import { formatShort } from '../time.js';
import { h, type Html } from './html.js';
import type { ConsoleEnv, ConsoleKit, Ctx } from './kit.js';
import { mayManageGrid } from './viewer.js';

const MAX_YAML = 512 * 1024;
const field = (form: Record<string, unknown>, name: string, max = 40) => String(form[name] ?? '').trim().slice(0, max);

export function orgRoutes(app: Hono<ConsoleEnv>, kit: ConsoleKit): void {
  const { db, config } = kit.deps;
  const tz = config.timeZone;

  const reachText = (r: Reach | undefined): Html => {
    if (!r) return h``;
    const ok = r.seenThisLogin || r.bound || r.directChat;
    const parts = [r.bound ? '已绑定' : '', r.seenThisLogin ? '本次登录已识别' : '', r.directChat ? '可私聊' : '', r.lastSeen ? `最近发言 ${formatShort(r.lastSeen, tz)}` : '未发过言'].filter(Boolean);
    return h`<span class="muted"><span class="dot${ok ? ' on' : ''}"></span>${parts.join(' · ')}</span>`;
  };

  /** Saves an edited organisation: the database, the running bot, and the file `npm start` reads. */
  const apply = async (c: Ctx, next: Org, action: string, detail: string) => {
    if (kit.deps.orgReadOnly) throw new OrgEditError(kit.deps.orgReadOnly);
    const before = kit.deps.bot.org.org;
    const org = validated(next);
    await importOrg(db, org);
    kit.deps.bot.useOrg(org);
    if (kit.deps.orgFile) {
      const file = kit.deps.orgFile;
      if (fs.existsSync(file)) fs.copyFileSync(file, `${file}.bak`);
      fs.writeFileSync(`${file}.tmp`, orgToYaml(org));
      fs.renameSync(`${file}.tmp`, file);
    }
    const changes = orgChanges(before, org);
    await kit.audit(c, { action, target: 'org', detail: `${detail}；${changes.join('；')}`, outcome: 'ok' });
    return changes;
  };

  const refuseEdit = (c: Ctx, action: string, message: string) => kit.refuse(c, action, 'org', message);

  app.get('/org', async (c) => {
    const viewer = c.get('viewer');
    const org = kit.deps.bot.org.org;
    const grids = org.grids.filter((g) => mayManageGrid(viewer, g.name));
    if (grids.length === 0) {
      return kit.render(c, { title: '组织', active: '/org' }, h`<div class="card"><h1>组织</h1><p>组织页面供社区工作人员和网格党支部书记使用。</p></div>`);
    }
    const slots = slotsOf(org).filter((s) => (s.grid ? mayManageGrid(viewer, s.grid) : viewer.community));
    const reach = await reachOf(db, slots.flatMap((s) => (s.holder ? [s.holder.wechat] : [])));
    const person = (s: Slot) =>
      h`<li data-slot="${s.key}"><strong>${s.label}</strong>：${s.holder ? h`${s.holder.name}（${s.holder.wechat}） ${reachText(reach.get(s.holder.wechat))}` : h`<span class="muted">空缺</span>`}</li>`;
    const slotsWhere = (grid?: string, building?: string) => slots.filter((s) => s.grid === grid && s.building === building);
    const tree = h`<div class="card tree"><h2>${org.community.name}</h2><ul>
${viewer.community ? slotsWhere().map(person) : ''}
${grids.map(
  (g) => h`<li><details open><summary><strong>${g.name}</strong> 网格（群：${g.rooms.map((r) => r.topic).join('、')}）</summary><ul>
${slotsWhere(g.name).map(person)}
${g.buildings.map((b) => h`<li><details><summary>${b.number} 栋</summary><ul>${slotsWhere(g.name, b.number).map(person)}</ul></details></li>`)}
</ul></details></li>`,
)}</ul></div>`;
    const personFields = (prefix = '') => h`<input name="${prefix}name" required maxlength="20" placeholder="姓名"><input name="${prefix}wechat" required maxlength="40" placeholder="微信号">`;
    const gridSelect = h`<select name="grid">${grids.map((g) => h`<option>${g.name}</option>`)}</select>`;
    const forms = h`<div class="card"><h2>更换岗位人员</h2><form method="post" action="/org/holder" class="filters" id="edit-holder">${kit.csrfField(c)}
<label>岗位<select name="slot">${slots.map((s) => h`<option value="${s.key}">${s.grid ?? ''}${s.building ? ` ${s.building}栋` : ''} ${s.label}${s.holder ? `（现：${s.holder.name}）` : ''}</option>`)}</select></label>
<label>新的人${personFields()}</label><button type="submit">保存</button></form></div>
<div class="card"><h2>新增楼栋</h2><form method="post" action="/org/building" class="filters" id="add-building">${kit.csrfField(c)}
<label>网格${gridSelect}</label><label>楼栋号<input name="number" required maxlength="10" size="5"></label>
<label>党小组长${personFields('leader_')}</label><label>楼栋长${personFields('keeper_')}</label><button type="submit">新增</button></form></div>
<div class="card"><h2>新增党员中心户</h2><form method="post" action="/org/household" class="filters" id="add-household">${kit.csrfField(c)}
<label>网格${gridSelect}</label><label>楼栋号<input name="building" required maxlength="10" size="5"></label>
<label>服务的单元<input name="units" required maxlength="20" placeholder="如 1,2" size="6"></label><label>户主${personFields()}</label><button type="submit">新增</button></form></div>`;
    const io = viewer.community
      ? h`<div class="card"><h2>导出和导入</h2><p><a class="button" href="/org/export.yaml">导出 YAML</a></p>
<form method="post" action="/org/import" enctype="multipart/form-data" id="import-form">${kit.csrfField(c)}
<p><label>选择 YAML 文件 <input type="file" name="file" accept=".yaml,.yml,text/yaml"></label></p>
<p><label>或粘贴内容<textarea name="yaml" rows="6" placeholder="community: ..."></textarea></label></p>
<button type="submit">检查并预览</button> <span class="muted">先检查、列出改动，确认后才导入。</span></form></div>`
      : '';
    return kit.render(c, { title: '组织', active: '/org' }, h`<h1>组织</h1><div class="grid2">${tree}<div>${forms}${io}</div></div>`);
  });

  const person = (form: Record<string, unknown>, prefix = '') => {
    const name = field(form, `${prefix}name`, 20);
    const wechat = field(form, `${prefix}wechat`, 40);
    if (!name || !wechat) throw new OrgEditError('请填写姓名和微信号。');
    return { name, wechat };
  };

  /** Runs an edit, turning its errors into a message on the page. */
  const edit = async (c: Ctx, action: string, grid: string | undefined, make: (form: Record<string, unknown>) => { org: Org; detail: string }) => {
    const viewer = c.get('viewer');
    const form = await c.req.parseBody();
    if (grid === undefined ? !viewer.community : !mayManageGrid(viewer, grid)) {
      return refuseEdit(c, action, grid ? `网格「${grid}」不归您管理。` : '只有社区工作人员可以修改社区一级的岗位。');
    }
    try {
      const { org, detail } = make(form);
      const changes = await apply(c, org, action, detail);
      kit.flash(c, true, changes.length ? `已保存：${changes.join('；')}` : '没有改动。');
    } catch (err) {
      if (!(err instanceof OrgEditError) && !(err instanceof OrgFileError)) throw err;
      const message = err instanceof OrgFileError ? err.errors.map((e) => e.message).join('；') : err.message;
      await kit.audit(c, { action, target: 'org', outcome: 'refused', message });
      kit.flash(c, false, `没有保存：${message}`);
    }
    return c.redirect('/org', 303);
  };

  app.post('/org/holder', async (c) => {
    const form = await c.req.parseBody();
    const key = field(form, 'slot', 120);
    const slot = slotsOf(kit.deps.bot.org.org).find((s) => s.key === key);
    if (!slot) return refuseEdit(c, '更换岗位人员', '没有这个岗位。');
    return edit(c, '更换岗位人员', slot.grid, (f) => {
      const p = person(f);
      return { org: setPostHolder(kit.deps.bot.org.org, key, p), detail: `${key} → ${p.name}（${p.wechat}）` };
    });
  });

  app.post('/org/building', async (c) => {
    const grid = field(await c.req.parseBody(), 'grid');
    return edit(c, '新增楼栋', grid, (f) => {
      const number = field(f, 'number', 10);
      if (!number) throw new OrgEditError('请填写楼栋号。');
      return { org: addBuilding(kit.deps.bot.org.org, grid, number, person(f, 'leader_'), person(f, 'keeper_')), detail: `${grid} ${number}栋` };
    });
  });

  app.post('/org/household', async (c) => {
    const grid = field(await c.req.parseBody(), 'grid');
    return edit(c, '新增党员中心户', grid, (f) => {
      const units = field(f, 'units', 20).split(/[,，、\s]+/).filter(Boolean);
      if (units.length === 0) throw new OrgEditError('请填写服务的单元。');
      const building = field(f, 'building', 10);
      return { org: addHousehold(kit.deps.bot.org.org, grid, building, { ...person(f), units }), detail: `${grid} ${building}栋` };
    });
  });

  app.get('/org/export.yaml', async (c) => {
    const viewer = c.get('viewer');
    if (!viewer.community) return c.text('只有社区工作人员可以导出组织文件。', 403);
    await kit.audit(c, { action: '导出组织', target: 'org', outcome: 'ok' });
    return c.body(orgToYaml(kit.deps.bot.org.org), 200, { 'Content-Type': 'text/yaml; charset=utf-8', 'Content-Disposition': 'attachment; filename="org.yaml"' });
  });

  const readYaml = async (c: Ctx): Promise<string> => {
    const form = await c.req.parseBody();
    const file = form.file;
    if (file instanceof File && file.size > 0) return file.size > MAX_YAML ? '' : await file.text();
    return String(form.yaml ?? '').slice(0, MAX_YAML);
  };

  app.post('/org/import', async (c) => {
    const viewer = c.get('viewer');
    if (!viewer.community) return refuseEdit(c, '导入组织', '只有社区工作人员可以导入组织文件。');
    const text = await readYaml(c);
    const lines = text.split(/\r?\n/);
    let org: Org;
    try {
      if (text.trim() === '') throw new OrgFileError('上传的文件', [{ line: 0, path: '', message: '内容是空的（或超过 512KB）。' }]);
      org = parseOrg(text, '上传的文件');
    } catch (err) {
      if (!(err instanceof OrgFileError)) throw err;
      return kit.render(
        c,
        { title: '导入组织', active: '/org' },
        h`<h1>组织文件有误，没有导入任何内容</h1><div class="card"><table id="import-errors"><thead><tr><th>行</th><th>位置</th><th>问题</th><th>那一行</th></tr></thead><tbody>
${err.errors.map((e) => h`<tr><td>第 ${e.line} 行</td><td>${e.path}</td><td>${e.message}</td><td><code>${lines[e.line - 1] ?? ''}</code></td></tr>`)}</tbody></table>
<p><a href="/org">返回修改</a></p></div>`,
        400,
      );
    }
    const changes = orgChanges(kit.deps.bot.org.org, org);
    return kit.render(
      c,
      { title: '导入组织', active: '/org' },
      h`<h1>导入前确认</h1><div class="card"><h2>将要发生的改动（${changes.length} 项）</h2>
${changes.length ? h`<ul id="import-changes">${changes.map((l) => h`<li>${l}</li>`)}</ul>` : h`<p>与现在的组织完全相同。</p>`}
<form method="post" action="/org/import/apply">${kit.csrfField(c)}<textarea name="yaml" hidden>${text}</textarea><button type="submit" id="import-apply">确认导入</button> <a href="/org">放弃</a></form></div>`,
    );
  });

  app.post('/org/import/apply', async (c) => {
    const viewer = c.get('viewer');
    if (!viewer.community) return refuseEdit(c, '导入组织', '只有社区工作人员可以导入组织文件。');
    const text = await readYaml(c);
    try {
      const changes = await apply(c, parseOrg(text, '上传的文件'), '导入组织', `${Buffer.byteLength(text, 'utf8')} 字节`);
      kit.flash(c, true, `已导入：${changes.length ? changes.join('；') : '没有改动'}`);
    } catch (err) {
      if (!(err instanceof OrgFileError) && !(err instanceof OrgEditError)) throw err;
      kit.flash(c, false, `没有导入：${err instanceof OrgFileError ? err.describe() : err.message}`);
    }
    return c.redirect('/org', 303);
  });
}
