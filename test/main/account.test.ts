import { spawn } from 'node:child_process';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { scratchDir } from '../../src/scratch.js';
import { repoRoot } from '../support/sim.js';
import { openDatabase } from '../../src/store/db.js';
import fs from 'node:fs';

const MAIN = path.join(repoRoot, 'src/main.ts');
const TSX = pathToFileURL(path.join(repoRoot, 'node_modules/tsx/dist/loader.mjs')).href;

/** Runs `npm start`'s program offline on the example county until it has loaded the organisation (or exits). */
function start(args: string[], env: NodeJS.ProcessEnv = {}, dir = scratchDir('gridbot-account-').path, until = (out: string) => out.includes('组织已载入')): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve, reject) => {
    const proxy = 'http://127.0.0.1:9';
    const childEnv: NodeJS.ProcessEnv = {
      ...process.env,
      HTTPS_PROXY: proxy,
      HTTP_PROXY: proxy,
      GRIDBOT_LOG_FORMAT: 'json',
      GRIDBOT_CONSOLE_PORT: '0',
      GRIDBOT_ORG_FILE: path.join(repoRoot, 'examples/county.yaml'),
      DATABASE_URL: `file:${path.join(dir, 'bot.db')}`,
      ...env,
    };
    delete childEnv.WECHATY_PUPPET;
    if (!env.GRIDBOT_ACCOUNT) delete childEnv.GRIDBOT_ACCOUNT;
    const child = spawn(process.execPath, ['--import', TSX, MAIN, ...args], { cwd: dir, env: childEnv, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    const timer = setTimeout(() => child.kill('SIGKILL'), 120_000);
    const collect = (d: Buffer) => {
      out += d;
      if (until(out)) child.kill('SIGKILL');
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    child.on('error', reject);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, out });
    });
  });
}

describe('npm start with a county of two accounts', () => {
  it('asks which account to run, and runs the one named by --account or GRIDBOT_ACCOUNT', async () => {
    const none = await start([]);
    expect(none.code).toBe(2);
    expect(none.out).toContain('请用 --account 或 GRIDBOT_ACCOUNT 选一个（bot-jinsha、bot-wangjiafan）');

    const unknown = await start(['--account', 'bot-east']);
    expect(unknown.code).toBe(2);
    expect(unknown.out).toContain('组织文件里没有账号 bot-east');

    const jinsha = await start(['--account', 'bot-jinsha']);
    expect(jinsha.out).toContain('组织已载入：红安县 金沙社区（账号 bot-jinsha），2 个网格');
    const wangjiafan = await start([], { GRIDBOT_ACCOUNT: 'bot-wangjiafan' });
    expect(wangjiafan.out).toContain('组织已载入：红安县 王家畈社区（账号 bot-wangjiafan），2 个网格');
  }, 240_000);
});

describe('npm start: two accounts of a county on one database', () => {
  it("starts the second account on the database where the first already has tickets, and leaves them the first's", async () => {
    const dir = scratchDir('gridbot-shared-').path;
    const url = `file:${path.join(dir, 'county.db')}`;
    const jinsha = await start(['--account', 'bot-jinsha'], { DATABASE_URL: url }, dir);
    expect(jinsha.out).toContain('组织已载入：红安县 金沙社区（账号 bot-jinsha）');
    const db = openDatabase(url);
    try {
      const reporter = await db.person.create({ data: { name: '张大爷', alias: 'zhangdaye' } });
      const at = new Date('2026-03-02T01:00:00Z');
      await db.ticket.create({ data: { id: 1, community: '金沙社区', status: 'assigned', category: 'facility', urgency: 'normal', tier: 'building', text: '灯坏了', reporterId: reporter.id, createdAt: at, updatedAt: at, assignedAt: at } });
    } finally {
      await db.$disconnect();
    }
    const wangjiafan = await start(['--account', 'bot-wangjiafan'], { DATABASE_URL: url }, dir);
    expect(wangjiafan.code).not.toBe(2);
    expect(wangjiafan.out).toContain('组织已载入：红安县 王家畈社区（账号 bot-wangjiafan），2 个网格');
    const after = openDatabase(url);
    try {
      expect(await after.ticket.findMany({ select: { community: true, id: true } })).toEqual([{ community: '金沙社区', id: 1 }]);
      expect((await after.community.findMany({ orderBy: { name: 'asc' } })).map((c) => c.name).sort()).toEqual(['王家畈社区', '金沙社区'].sort());
    } finally {
      await after.$disconnect();
    }
  }, 240_000);
});

describe('npm start: one account serving two communities', () => {
  it('runs a bot for each community on the one login, each with its own console', async () => {
    const dir = scratchDir('gridbot-one-account-').path;
    const file = path.join(dir, 'county.yaml');
    const county = fs.readFileSync(path.join(repoRoot, 'examples/county.yaml'), 'utf8');
    const oneAccount = county.replace(/accounts:\n(  - .*\n)+/, 'accounts:\n  - { name: bot-east, communities: [金沙社区, 王家畈社区] }\n');
    expect(oneAccount).not.toBe(county);
    fs.writeFileSync(file, oneAccount);
    const port = 20000 + Math.floor(Math.random() * 20000);
    const consoles = (out: string) => out.split('工作台已启动').length - 1;
    const run = await start([], { GRIDBOT_ORG_FILE: file, GRIDBOT_CONSOLE_PORT: String(port) }, dir, (out) => consoles(out) >= 2);
    expect(run.out).toContain('组织已载入：红安县 金沙社区、王家畈社区（账号 bot-east），4 个网格');
    expect(consoles(run.out)).toBe(2);
    expect(run.out).toContain(`金沙社区: http://127.0.0.1:${port}`);
    expect(run.out).toContain(`王家畈社区: http://127.0.0.1:${port + 1}`);
  }, 240_000);
});
