import { prefilterTests } from './prefilter.js';

/**
 * A long complaint about a standing matter (长期, 半年之久, 自今年三月起, 多次反映):
 * its hazards are the background of a request, not an emergency of the next hour,
 * unless the writer says something is happening now. Both safety checks use it for
 * the hazards of things (wires, fire, water, lifts, break-ins); a person missing or
 * not answering, and a gas smell, keep their urgency however long they have lasted.
 */
const STANDING =
  /长期|多年|常年|之久|[一两几半多]个?多?(年|月)(以来|来|了|多)|自[^，,。！!？?]{0,12}(起|以来)|以来|多次(反映|投诉|找|联系|拨打|向)|反映过?(多次|半年|很久|好几次)|至今(未|没有?|仍)/;
const NOW = /刚才|刚刚|正在|此刻|紧急|马上|立即|立刻|现在[^，,。！!？?]{0,6}(还|已经|正)|今天|今晚|今早|凌晨|快来/;

export const STANDING_MIN_LENGTH = 80;

export function standingComplaint(t: string): boolean {
  return t.length >= STANDING_MIN_LENGTH && STANDING.test(t) && !NOW.test(t);
}

prefilterTests(STANDING, NOW);
