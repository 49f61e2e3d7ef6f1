/**
 * The web-protocol puppet, with two faults of the published package contained:
 *
 * - Loading `wechat4u` registers a process-wide `uncaughtException` handler that only
 *   prints: every later crash of ours would leave the bot half-alive. We remove exactly
 *   the handlers that loading it added, so a real crash still ends the process.
 * - After wechat4u says `logout` (it does so itself when it gives up on a connection, and
 *   when the puppet stops it), the puppet's handler awaits, then calls
 *   `this.wechat4u.start()`; if the puppet was stopped meanwhile that field is empty:
 *   `TypeError … reading 'start'`, unhandled, at every login pause. We wrap that handler:
 *   a client that is no longer the puppet's is not restarted, and a failure of the
 *   current one becomes the puppet's `error` event, which the chat port reports.
 */
import type { EventEmitter } from 'node:events';

export const WECHAT4U_PUPPET = 'wechaty-puppet-wechat4u';

export async function createWechat4uPuppet(): Promise<object> {
  const before = new Set(process.listeners('uncaughtException'));
  const { PuppetWechat4u } = await import('wechaty-puppet-wechat4u');
  for (const listener of process.listeners('uncaughtException')) {
    if (!before.has(listener)) process.off('uncaughtException', listener);
  }

  const puppet = new PuppetWechat4u();
  const internals = puppet as unknown as { wechat4u?: EventEmitter; initHookEvents(client: EventEmitter): void };
  const hook = internals.initHookEvents.bind(puppet);
  internals.initHookEvents = (client) => {
    hook(client);
    const handlers = client.listeners('logout') as (() => Promise<void>)[];
    client.removeAllListeners('logout');
    client.on('logout', () => {
      for (const handler of handlers) {
        void Promise.resolve()
          .then(handler)
          .catch((err: unknown) => {
            if (internals.wechat4u !== client) return; // thrown away by a stop: nothing to restart
            puppet.emit('error', { data: err instanceof Error ? err.message : String(err) });
          });
      }
    });
  };
  return puppet;
}
