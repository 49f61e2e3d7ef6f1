import { spawnSync } from 'node:child_process';
import { EventEmitter } from 'node:events';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PuppetWechat4u } from 'wechaty-puppet-wechat4u';
import { createWechat4uPuppet } from '../../src/chat/wechat4u.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A stand-in for the wechat4u client: stopping it says `logout`, as the real one does. */
function fakeClient() {
  const client = new EventEmitter() as EventEmitter & { stop(): void; start(): void; started: number };
  client.started = 0;
  client.stop = () => void client.emit('logout');
  client.start = () => void (client.started += 1);
  return client;
}

/** Stops a puppet whose client is the fake, wired up by the puppet's own event hooks. */
async function stopAndCollectRejections(puppet: object): Promise<unknown[]> {
  const rejections: unknown[] = [];
  const onRejection = (reason: unknown) => rejections.push(reason);
  process.on('unhandledRejection', onRejection);
  try {
    const p = puppet as { wechat4u?: unknown; initHookEvents(c: unknown): void; onStop(): Promise<void> };
    Object.defineProperty(puppet, 'memory', { value: { delete: async () => undefined, save: async () => undefined, set: async () => undefined } });
    const client = fakeClient();
    p.wechat4u = client;
    p.initHookEvents(client);
    await p.onStop();
    await sleep(50);
  } finally {
    process.off('unhandledRejection', onRejection);
  }
  return rejections;
}

describe('the web puppet', () => {
  it('stops without the "reading \'start\'" TypeError that the published puppet throws', async () => {
    // The published class fails this way: the check below can tell the difference.
    const bare = await stopAndCollectRejections(new PuppetWechat4u());
    expect(bare.map(String).join()).toMatch(/reading 'start'/);

    const contained = await stopAndCollectRejections(await createWechat4uPuppet());
    expect(contained).toEqual([]);
  });

  it('does not keep a crashed process alive once the puppet is loaded', () => {
    const script = [
      `const { createWechat4uPuppet } = await import(${JSON.stringify(path.resolve('src/chat/wechat4u.ts'))});`,
      'await createWechat4uPuppet();',
      "setTimeout(() => { throw new Error('boom') }, 10);",
      "setTimeout(() => console.log('still alive'), 300);",
    ].join('\n');
    const run = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { encoding: 'utf8', timeout: 60_000 });
    expect(run.status).not.toBe(0);
    expect(run.stderr).toContain('boom');
    expect(run.stdout).not.toContain('still alive');
  });
});
