import { spawn } from 'node:child_process';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { chooseLogFormat, prettyFormatter } from '../../src/log.js';
import { scratchDir } from '../../src/scratch.js';

const MAIN = path.resolve('src/main.ts');
// Resolved here: the child runs from an empty folder, where `tsx` cannot be found by name.
const TSX = pathToFileURL(path.resolve('node_modules/tsx/dist/loader.mjs')).href;
const scratch = scratchDir('gridbot-start-');
const dir = scratch.path;
afterAll(() => scratch.remove());

/**
 * Runs `npm start`'s program offline from an empty folder and returns what it printed
 * until `ms` after it began connecting to WeChat: a window that holds its first `ms`
 * however slowly the machine starts it.
 */
function startOffline(ms: number): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const proxy = 'http://127.0.0.1:9'; // a closed local port: no request leaves the machine
    const env: NodeJS.ProcessEnv = { ...process.env, HTTPS_PROXY: proxy, HTTP_PROXY: proxy, https_proxy: proxy, http_proxy: proxy };
    delete env.GRIDBOT_LOG_FORMAT;
    delete env.DATABASE_URL;
    delete env.WECHATY_PUPPET;
    const child = spawn(process.execPath, ['--import', TSX, MAIN], { cwd: dir, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let timer = setTimeout(() => child.kill('SIGKILL'), 120_000);
    const collect = (d: Buffer) => {
      const before = out;
      out += d;
      if (!before.includes('正在连接微信') && out.includes('正在连接微信')) {
        clearTimeout(timer);
        timer = setTimeout(() => child.kill('SIGKILL'), ms);
      }
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    child.on('error', reject);
    child.on('exit', () => {
      clearTimeout(timer);
      resolve(out.split('\n').filter((l) => l.trim() !== ''));
    });
  });
}

describe('npm start, offline', () => {
  it('prints at most 10 lines in its first 30 seconds, all JSON when not at a terminal, none from Prisma or a crash', async () => {
    const lines = await startOffline(30_000);
    expect(lines.length).toBeGreaterThan(0);
    expect(lines.length).toBeLessThanOrEqual(10);
    const records = lines.map((l) => JSON.parse(l) as { msg: string; level: number });
    const said = records.map((r) => r.msg).join('\n');
    expect(said).toContain('数据库已就绪');
    expect(said).toContain('组织已载入：金沙社区，3 个网格');
    expect(said).toContain('正在连接微信');
    expect(said).toContain('无法连接微信服务器');
    expect(lines.join('\n')).not.toMatch(/prisma|uncaught|reading 'start'|ServiceCtl/i);
    expect(records.some((r) => r.level >= 60)).toBe(false);

    // The same records, as a person at a terminal sees them.
    const pretty = prettyFormatter('Asia/Shanghai', false);
    const shown = lines.map((l) => pretty(l));
    expect(shown[0]).toMatch(/^\d\d:\d\d:\d\d 信息 数据库已就绪/);
    expect(shown.every((l) => /^\d\d:\d\d:\d\d (信息|警告|错误) /.test(l))).toBe(true);
  }, 180_000);
});

describe('log format', () => {
  it.each([
    [undefined, true, 'pretty'],
    [undefined, false, 'json'],
    ['json', true, 'json'],
    ['pretty', false, 'pretty'],
  ] as const)('setting %s at a terminal=%s gives %s', (setting, tty, expected) => {
    expect(chooseLogFormat(setting, tty)).toBe(expected);
  });

  it('shows an error with its stack under the line, and passes text that is not JSON through', () => {
    const pretty = prettyFormatter('Asia/Shanghai', false);
    const line = JSON.stringify({ level: 50, time: Date.UTC(2026, 2, 2, 1, 2, 3), msg: '发送失败', outbound: 7, err: { message: 'x', stack: 'Error: x\n    at f' } });
    expect(pretty(line)).toBe('09:02:03 错误 发送失败 (outbound=7)\n    Error: x\n        at f\n');
    expect(pretty('plain text\n')).toBe('plain text\n');
  });
});
