/**
 * A shared location (位置) gives the place of the sender's report in view: its name and
 * address are matched against the organisation's grids and building numbers.
 */
import type { MessageContext } from '../kernel/context.js';
import { continueEarlierReport, FOLLOW_UP_MS } from '../tickets/follow-up.js';
import { extractPlace, type Intake } from '../intake/index.js';
import type { OrgDirectory } from '../org/directory.js';
import { rerouteForPlace } from '../tickets/lifecycle.js';
import { latestReportSince } from '../store/media.js';
import { claimOnce } from '../store/runs.js';
import { askBuilding, storedLocation } from './messages.js';

/**
 * The grid and building a location names (`丽水鑫城3栋`, or a map address with the
 * estate's name in it). In a group only that group's grid counts.
 */
export function matchLocation(org: OrgDirectory, text: string, roomGrid?: string): { grid: string; building: string | null; unit: string | null } | undefined {
  const grids = roomGrid ? org.org.grids.filter((g) => g.name === roomGrid) : org.org.grids;
  const grid = grids.find((g) => text.includes(g.name));
  if (!grid) return undefined;
  // Numbers only after the estate's name: a road number before it is no building.
  const after = text.slice(text.indexOf(grid.name) + grid.name.length);
  const place = extractPlace(after.replaceAll(grid.name, ' '));
  const building = place.building && org.building(grid.name, place.building) ? place.building : null;
  return { grid: grid.name, building, unit: building ? place.unit : null };
}

/** Places the location on the report in view, or asks once which building. */
export async function placeFromLocation(ctx: MessageContext, body: string): Promise<void> {
  const found = matchLocation(ctx.org, storedLocation(body), ctx.room?.grid);
  if (!found) return;
  const now = ctx.clock.now();
  const inView = await latestReportSince(ctx.db, ctx.speaker.personId, new Date(now.getTime() - FOLLOW_UP_MS));
  if (found.building) {
    const words = `${found.building}栋${found.unit ? `${found.unit}单元` : ''}`;
    const place: Intake = { intent: 'chat', category: null, urgency: null, building: found.building, unit: found.unit, room: null, confidence: 1, source: 'rules' };
    if (await continueEarlierReport({ ...ctx, text: words }, place)) return;
    if (inView && !inView.mergedIntoId) await rerouteForPlace(ctx, inView.id, place);
    return;
  }
  if (inView && !inView.mergedIntoId && !inView.building && (await claimOnce(ctx.db, `location-ask:${inView.id}`, now))) {
    await ctx.reply(askBuilding(ctx.room ? `@${ctx.speaker.name} ` : ''));
  }
}
