import { describe, expect, it } from 'vitest';
import { runSoak } from '../../scripts/soak/run.js';

const POSTGRES = process.env.GRIDBOT_TEST_POSTGRES ?? 'postgresql://postgres@127.0.0.1:5432/test';

/** The short form of `npm run soak`: half a minute, three processes, one killed every ~3 s. */
describe.each([
  ['a temporary SQLite file', undefined],
  ['a fresh PostgreSQL schema', POSTGRES],
])('three bot processes on %s, killed and restarted at random', (_name, database) => {
  it('store and handle every resident message once, post every notice once, and send nothing twice', async () => {
    const result = await runSoak({ database, processes: 3, minutes: 0.5, killEveryMs: 3_000, messagesPerSecond: 5 });
    console.log(JSON.stringify(result));
    expect(result.kills).toBeGreaterThan(0);
    expect(result.caughtUp).toBe(true);
    expect(result.messages.handedOver).toBe(result.messages.offered);
    expect(result.messages.lost).toBe(0);
    expect(result.messages.doubled).toBe(0);
    expect(result.notices.posted).toBeGreaterThan(0);
    expect(result.notices.lost).toBe(0);
    expect(result.notices.doubled).toBe(0);
    expect(result.outbound.doubled).toBe(0);
  }, 400_000);
});
