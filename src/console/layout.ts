import { h, type Html } from './html.js';
import type { Viewer } from './viewer.js';

export const CSS = `
*{box-sizing:border-box}
body{margin:0;font-family:"Noto Sans CJK SC","PingFang SC","Microsoft YaHei",sans-serif;font-size:15px;color:#1f2329;background:#f4f5f7}
a{color:#1463c9;text-decoration:none}a:hover{text-decoration:underline}
header{background:#b8322a;color:#fff;display:flex;flex-wrap:wrap;align-items:center;gap:4px 14px;padding:8px 16px}
header .brand{font-weight:700;font-size:17px;margin-right:8px}
header nav{display:flex;flex-wrap:wrap;gap:2px}
header nav a{color:#fff;padding:6px 10px;border-radius:4px}
header nav a.on,header nav a:hover{background:rgba(255,255,255,.2);text-decoration:none}
header .who{margin-left:auto;font-size:13px;opacity:.95}
header form{display:inline}
header button{background:none;border:1px solid rgba(255,255,255,.6);color:#fff;border-radius:4px;padding:3px 8px;cursor:pointer}
main{padding:16px;max-width:1400px;margin:0 auto}
h1{font-size:20px;margin:4px 0 12px}h2{font-size:17px;margin:18px 0 8px}
.card{background:#fff;border-radius:6px;box-shadow:0 1px 2px rgba(0,0,0,.08);padding:12px 14px;margin-bottom:12px}
.filters{display:flex;flex-wrap:wrap;gap:8px;align-items:end}
.filters label{display:flex;flex-direction:column;font-size:12px;color:#646a73;gap:2px}
select,input,textarea{font:inherit;padding:5px 7px;border:1px solid #c9cdd4;border-radius:4px;background:#fff;max-width:100%}
textarea{width:100%;min-height:60px}
button,.button{font:inherit;background:#b8322a;color:#fff;border:0;border-radius:4px;padding:6px 14px;cursor:pointer;display:inline-block}
button.plain{background:#fff;color:#1f2329;border:1px solid #c9cdd4}
.board{display:grid;grid-template-columns:repeat(auto-fit,minmax(260px,1fr));gap:12px;align-items:start}
.column h2{margin:0 0 8px;font-size:15px;display:flex;justify-content:space-between}
.count{background:#e5e6eb;border-radius:10px;padding:0 8px;font-size:13px}
.ticket{display:block;background:#fff;border-radius:6px;padding:9px 11px;margin-bottom:8px;border-left:4px solid #8f959e;color:inherit;box-shadow:0 1px 2px rgba(0,0,0,.06)}
.ticket:hover{text-decoration:none;box-shadow:0 2px 6px rgba(0,0,0,.12)}
.ticket.urgent{border-left-color:#d83931}.ticket.late{background:#fff4f3}
.ticket .top{display:flex;justify-content:space-between;gap:6px;font-size:13px;color:#646a73}
.ticket .text{margin:4px 0;overflow-wrap:anywhere}
.tag{display:inline-block;font-size:12px;border-radius:3px;padding:0 5px;background:#eff0f1;color:#1f2329}
.tag.red{background:#fde2e1;color:#b3261e}.tag.green{background:#dff5e3;color:#17692b}.tag.blue{background:#e1ecfd;color:#1a4fa0}
.late-by{color:#b3261e;font-weight:600;font-size:13px}
tr.late td{background:#fff4f3}
.flash{padding:8px 12px;border-radius:4px;margin-bottom:12px}.flash.ok{background:#dff5e3}.flash.err{background:#fde2e1}
table{border-collapse:collapse;width:100%;background:#fff}th,td{border-bottom:1px solid #e5e6eb;padding:6px 8px;text-align:left;font-size:14px;vertical-align:top}
th{background:#f7f8fa;font-weight:600}.scroll{overflow-x:auto}
.grid2{display:grid;grid-template-columns:repeat(auto-fit,minmax(320px,1fr));gap:12px}
.muted{color:#646a73;font-size:13px}
.actions form{margin:0 0 10px}.actions .row{display:flex;gap:6px;flex-wrap:wrap}
.tree ul{list-style:none;padding-left:18px;margin:4px 0}.tree li{margin:3px 0}
.dot{display:inline-block;width:8px;height:8px;border-radius:50%;background:#c9cdd4;margin-right:4px}.dot.on{background:#2ea043}
.chart{width:100%;height:320px}
.code{font-size:40px;letter-spacing:8px;font-weight:700;text-align:center;margin:12px 0}
.login{max-width:420px;margin:40px auto}
#toast{position:fixed;right:16px;bottom:16px;background:#1f2329;color:#fff;padding:8px 14px;border-radius:4px;display:none}
pre.errors{background:#fde2e1;padding:8px;white-space:pre-wrap}
@media (max-width:640px){main{padding:10px}header .who{margin-left:0;width:100%}.board{grid-template-columns:1fr}}
`;

const NAV: [string, string][] = [
  ['/tickets', '工单'],
  ['/org', '组织'],
  ['/notices', '通知'],
  ['/activities', '活动'],
  ['/figures', '数据'],
  ['/status', '机器人'],
];

export interface PageOptions {
  title: string;
  viewer?: Viewer;
  csrf?: string;
  active?: string;
  flash?: { ok: boolean; text: string };
  scripts?: string[];
}

export function page(opts: PageOptions, body: Html): string {
  const v = opts.viewer;
  // The county overview is county staff's alone; others are not shown a link they may not follow.
  const nav: [string, string][] = v?.county ? [...NAV, ['/county', '全县']] : NAV;
  const header = v
    ? h`<header><span class="brand">网格工作台</span><nav>${nav.map(([href, label]) => h`<a href="${href}" class="${opts.active === href ? 'on' : ''}">${label}</a>`)}</nav>
<span class="who">${v.name} · ${v.label} <form method="post" action="/logout"><input type="hidden" name="_csrf" value="${opts.csrf ?? ''}"><button type="submit">退出</button></form></span></header>`
    : h`<header><span class="brand">网格工作台</span></header>`;
  const flash = opts.flash ? h`<div class="flash ${opts.flash.ok ? 'ok' : 'err'}" role="status">${opts.flash.text}</div>` : '';
  return h`<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${opts.title} · 网格工作台</title><link rel="stylesheet" href="/static/console.css"></head>
<body>${header}<main>${flash}${body}</main><div id="toast"></div>
${(opts.scripts ?? []).map((s) => h`<script src="${s}"></script>`)}<script src="/static/console.js"></script></body></html>`.text;
}
