import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { scratchDir } from '../../src/scratch.js';

const scratch = scratchDir('gridbot-cleanup-');
afterAll(() => scratch.remove());

/** Runs the simulator with its own empty temporary directory; `interruptAfter` sends Ctrl-C after that much output. */
function simulate(tmp: string, script: string, interruptAfter?: string): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/simulate/cli.ts', '--org', 'examples/org.example.yaml', '--script', script], {
      env: { ...process.env, TMPDIR: tmp },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let sent = false;
    const take = (d: Buffer) => {
      out += d;
      if (interruptAfter && !sent && out.includes(interruptAfter)) {
        sent = true;
        child.kill('SIGINT');
      }
    };
    child.stdout.on('data', take);
    child.stderr.on('data', take);
    child.on('error', reject);
    child.on('exit', (code) => resolve({ code, out }));
  });
}

/** What the bot left in a temporary directory (tsx keeps its own compile cache there). */
const leftBehind = (tmp: string) => fs.readdirSync(tmp).filter((name) => !name.startsWith('tsx-'));

function freshTmp(name: string): string {
  const dir = path.join(scratch.path, name);
  fs.mkdirSync(dir);
  return dir;
}

describe('the simulator leaves nothing behind', () => {
  it('after a whole run', async () => {
    const tmp = freshTmp('done');
    const run = await simulate(tmp, 'examples/morning.txt');
    expect(run.code).toBe(0);
    expect(run.out).toContain('接单');
    expect(leftBehind(tmp)).toEqual([]);
  }, 120_000);

  it('when interrupted with Ctrl-C in the middle', async () => {
    const tmp = freshTmp('interrupted');
    const script = path.join(scratch.path, 'long.txt');
    fs.writeFileSync(script, ['at 2026-03-02 08:30', '[丽水鑫城业主群] 张大爷(zhangdaye): @网格助手 1栋2单元楼道灯坏了', ...Array.from({ length: 400 }, () => 'wait 1d')].join('\n'));
    const run = await simulate(tmp, script, '楼道灯');
    expect(run.code).not.toBe(0);
    expect(leftBehind(tmp)).toEqual([]);
  }, 120_000);
});
