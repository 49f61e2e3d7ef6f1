/** The report as files: a Markdown summary, one CSV per table, a printable HTML page. */
import fs from 'node:fs';
import path from 'node:path';
import type { ReportData } from './build.js';
import { renderCharts } from './charts.js';
import { formatRate } from './format.js';
import { countyTable, DEFINITIONS, reportTables, type Table } from './tables.js';

export function csvCell(v: string | number): string {
  const s = String(v);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** UTF-8 with a BOM, so that Excel opens the Chinese headers correctly. */
export function toCsv(t: Table): string {
  return '\uFEFF' + [t.header, ...t.rows].map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

function headline(d: ReportData): string[] {
  const s = d.tickets.total;
  return [
    `新增工单 ${s.newTickets} 件，办结 ${s.resolveMs.length} 件，超时上交 ${s.escalations} 次，重办 ${s.reopenings} 次。`,
    `响应率 ${formatRate(s.responded, s.judged)}，办结率 ${formatRate(s.resolved, s.acceptedDecided)}，满意率 ${formatRate(s.satisfied, s.rated)}。`,
  ];
}

const title = (d: ReportData) => `${d.grid ?? d.community} 工单与志愿服务报告（${d.fromDay} 至 ${d.toDay}）`;

const mdEscape = (s: string) => s.replace(/\|/g, '\\|');

function markdownTable(t: Table): string[] {
  const out = [`## ${t.title}`, ''];
  if (t.display.length === 0) return [...out, '本期无数据。', ''];
  out.push(`| ${t.header.map(mdEscape).join(' | ')} |`, `| ${t.header.map(() => '---').join(' | ')} |`);
  for (const r of t.display) out.push(`| ${r.map(mdEscape).join(' | ')} |`);
  return [...out, ''];
}

export function toMarkdown(d: ReportData): string {
  const out = [`# ${title(d)}`, '', ...headline(d).map((l) => `- ${l}`), ''];
  for (const t of reportTables(d)) out.push(...markdownTable(t));
  out.push('## 口径说明', '', ...DEFINITIONS.map((l) => `- ${l}`), '');
  return out.join('\n');
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function htmlTable(t: Table): string {
  if (t.display.length === 0) return `<section><h2>${esc(t.title)}</h2><p class="empty">本期无数据。</p></section>`;
  const head = t.header.map((h) => `<th>${esc(h)}</th>`).join('');
  const body = t.display.map((r) => `<tr>${r.map((c, i) => `<td${i ? ' class="n"' : ''}>${esc(c)}</td>`).join('')}</tr>`).join('\n');
  return `<section><h2>${esc(t.title)}</h2><table><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table></section>`;
}

/** Self-contained: inline CSS and SVG charts, no script, nothing fetched at view time. */
export function toHtml(d: ReportData): string {
  const charts = renderCharts(d);
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title(d))}</title>
<style>
@page { size: A4; margin: 14mm 12mm; }
body { font-family: "Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", sans-serif; color: #222; margin: 0 auto; max-width: 186mm; font-size: 10.5pt; }
h1 { font-size: 16pt; margin: 0 0 6pt; }
h2 { font-size: 12pt; margin: 14pt 0 4pt; border-bottom: 1px solid #ccc; }
ul.headline { padding-left: 1.2em; }
table { border-collapse: collapse; width: 100%; font-size: 8.5pt; }
th, td { border: 1px solid #bbb; padding: 2pt 3pt; text-align: left; }
td.n { text-align: right; }
th { background: #f2f2f2; }
figure { margin: 8pt 0; page-break-inside: avoid; break-inside: avoid; }
figure svg { width: 100%; height: auto; }
figcaption { font-size: 9pt; color: #555; }
section, tr { page-break-inside: avoid; break-inside: avoid; }
.empty, .defs { color: #555; font-size: 9pt; }
@media print { body { max-width: none; } }
</style>
</head>
<body>
<h1>${esc(title(d))}</h1>
<ul class="headline">${headline(d).map((l) => `<li>${esc(l)}</li>`).join('')}</ul>
${charts.map((c) => `<figure>${c.svg}<figcaption>${esc(c.caption)}</figcaption></figure>`).join('\n')}
${reportTables(d).map(htmlTable).join('\n')}
<section class="defs"><h2>口径说明</h2><ul>${DEFINITIONS.map((l) => `<li>${esc(l)}</li>`).join('')}</ul></section>
</body>
</html>
`;
}

/** Writes every file of the report into `dir`; returns their paths. */
export function writeReport(d: ReportData, dir: string): string[] {
  return writeFiles(dir, [
    ['report.md', toMarkdown(d)],
    ['report.html', toHtml(d)],
    ...reportTables(d).map((t): [string, string] => [`${t.name}.csv`, toCsv(t)]),
  ]);
}

/**
 * A county's report: `county.md` and `county.csv` (one row per community, then per grid)
 * in `dir`, and each community's own report in a folder named after it.
 */
export function writeCountyReport(county: string, reports: ReportData[], dir: string): string[] {
  const table = countyTable(reports);
  const first = reports[0];
  const md = [`# ${county} 工单报告（${first.fromDay} 至 ${first.toDay}）`, '', ...markdownTable(table), '## 口径说明', '', ...DEFINITIONS.map((l) => `- ${l}`), ''].join('\n');
  return [
    ...writeFiles(dir, [
      ['county.md', md],
      ['county.csv', toCsv(table)],
    ]),
    ...reports.flatMap((d) => writeReport(d, path.join(dir, d.community))),
  ];
}

function writeFiles(dir: string, files: [string, string][]): string[] {
  fs.mkdirSync(dir, { recursive: true });
  return files.map(([name, text]) => {
    const file = path.join(dir, name);
    fs.writeFileSync(file, text);
    return file;
  });
}
