import fs from 'node:fs';
import { types } from 'wechaty';
import type { Config } from '../../src/config.js';
import { parseScript } from '../../src/simulate/script.js';
import { Simulation } from '../../src/simulate/run.js';
import { isoLocal } from '../../src/time.js';
import { demoOrg, type RecordedEvent } from '../support/sim.js';

/** Runs a script and lets the test look into the database and the mock WeChat before it stops. */
export async function runAndInspect<T>(
  script: string,
  inspect: (sim: Simulation, events: RecordedEvent[]) => Promise<T>,
  config?: Partial<Config>,
): Promise<{ events: RecordedEvent[]; result: T }> {
  const events: RecordedEvent[] = [];
  const sim = new Simulation({ org: demoOrg(), config, onEvent: (e, at) => events.push({ at: isoLocal(at), ...e } as RecordedEvent) });
  try {
    await sim.run(parseScript(script, 'Asia/Shanghai'));
    return { events, result: await inspect(sim, events) };
  } finally {
    await sim.stop();
  }
}

/** What the bot really sent through the mock puppet to this contact or group: message types in order. */
export function sentThroughPuppet(sim: Simulation, to: { alias?: string; topic?: string }): { type: string; text?: string }[] {
  const mocker = sim.world.mocker;
  const contacts = [...mocker.cacheContactPayload.values()];
  const rooms = [...mocker.cacheRoomPayload.values()];
  const id = to.alias ? contacts.find((c) => (c as { weixin?: string }).weixin === to.alias)?.id : rooms.find((r) => r.topic === to.topic)?.id;
  const out: { type: string; text?: string }[] = [];
  for (const m of mocker.cacheMessagePayload.values()) {
    if (m.talkerId !== sim.world.botUser.id) continue;
    const target = (m as { roomId?: string }).roomId || (m as { listenerId?: string }).listenerId;
    if (target !== id) continue;
    out.push({ type: types.Message[m.type], text: m.text });
  }
  return out;
}

export function filesIn(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { recursive: true, withFileTypes: true }).filter((d) => d.isFile()).map((d) => d.name);
}
