import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadOrgFile } from '../../src/org/load.js';
import type { Org } from '../../src/org/types.js';
import type { BotEvent } from '../../src/events.js';
import { parseScript } from '../../src/simulate/script.js';
import { Simulation } from '../../src/simulate/run.js';
import { isoLocal } from '../../src/time.js';
import type { Config } from '../../src/config.js';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** The example organisation the project ships (a copy of the demo community). */
export function demoOrg(): Org {
  return loadOrgFile(path.join(repoRoot, 'examples/org.example.yaml'));
}

export type RecordedEvent = BotEvent & { at: string };

/** Runs a simulator script on an organisation and returns every event, as `--json` prints them. */
export async function runScript(
  script: string,
  opts: { org?: Org; config?: Partial<Config>; databaseUrl?: string; everyMinute?: boolean } = {},
): Promise<{ events: RecordedEvent[]; sim: Simulation }> {
  const events: RecordedEvent[] = [];
  const sim = new Simulation({
    org: opts.org ?? demoOrg(),
    config: opts.config,
    databaseUrl: opts.databaseUrl,
    everyMinute: opts.everyMinute,
    onEvent: (e, at) => events.push({ at: isoLocal(at), ...e } as RecordedEvent),
  });
  try {
    await sim.run(parseScript(script, 'Asia/Shanghai'));
  } finally {
    await sim.stop();
  }
  return { events, sim };
}

export function readFixture(relative: string): string {
  return fs.readFileSync(path.join(repoRoot, relative), 'utf8');
}

export const ofKind = <K extends BotEvent['kind']>(events: RecordedEvent[], kind: K) =>
  events.filter((e): e is Extract<RecordedEvent, { kind: K }> => e.kind === kind);

/**
 * The simulator played in parts, so that a test can read what the bot said (a check-in or
 * bind code) in between. The caller stops `sim` when done.
 */
export function simulationInParts(opts: { org?: Org } = {}) {
  const events: RecordedEvent[] = [];
  const sim = new Simulation({ org: opts.org ?? demoOrg(), onEvent: (e, at) => events.push({ at: isoLocal(at), ...e } as RecordedEvent) });
  const play = async (script: string) => {
    for (const step of parseScript(script, 'Asia/Shanghai')) await sim.play(step);
  };
  return { events, sim, play };
}

/** Events with check-in codes masked: they are drawn at random on every run, whatever the database. */
export const withoutCheckInCodes = (events: unknown[]): unknown[] => JSON.parse(JSON.stringify(events).replace(/签到码：\d+|签到 \d{4,}/g, '签到码'));

