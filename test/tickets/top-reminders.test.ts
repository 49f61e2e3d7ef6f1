import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadOrgFile } from '../../src/org/load.js';
import { ofKind, repoRoot, runScript } from '../support/sim.js';

describe('a ticket nobody accepts at the top of its ladder', () => {
  it('reminds the top holder at doubling intervals, never every quarter hour all night', async () => {
    const org = loadOrgFile(path.join(repoRoot, 'test/tickets/fixtures/other-org.yaml'));
    const grid = org.grids[0];
    const room = grid.rooms.find((r) => !r.building)!.topic;
    const { events } = await runScript(
      `
at 2026-05-04 21:50
[${room}] 居民丙(jmb): 厨房有煤气味 好浓 快来人
wait 12h
`,
      { org },
    );
    const top = ofKind(events, 'ticket').at(-1)!;
    const reminders = ofKind(events, 'say').filter((s) => s.to && top.assignees.includes(s.to) && s.text.includes('已无更高一级'));
    expect(reminders.length).toBeGreaterThanOrEqual(3);
    expect(reminders.length).toBeLessThanOrEqual(8);
    const gaps = reminders.slice(1).map((r, i) => Date.parse(r.at) - Date.parse(reminders[i].at));
    for (let i = 1; i < gaps.length; i++) expect(gaps[i]).toBeGreaterThan(gaps[i - 1]);
  });
});
