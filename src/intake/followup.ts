import { canonicalize } from './canon.js';
import { coreOf, normalizeText } from './normalize.js';
import { extractPlaceNormalized } from './place.js';
import { classifyByRules, detectUrgent, decideCategory, scoreCategories } from './rules.js';
import type { Intake, Place } from './types.js';

// Words that carry no content of their own in a place or detail follow-up.
const FILLER = /就在|就是|在|是|住|我家|我们|我|的|那个|这个|位置|地址|地点|具体|楼|号|那边|这边|附近|门口|旁边|里面|那里|这里|呢|啊|呀|哈|了|吧|哦|嗯|喔|噢|哎|对|补充|一下|刚才|忘了说|忘说了/g;
// A follow-up adding a detail starts like this (is it gas? yes: "是燃气味").
const DETAIL_START = /^(是|就是|有|还有|而且|另外|对了|补充|忘了说|是不是|好像是|应该是|感觉是|闻着像|像是)/;
const MAX_FOLLOW_UP = 24;

function mergePlace(previous: Place, next: Place): Place {
  return {
    // A place named in the follow-up completes or corrects the earlier one.
    building: next.building ?? previous.building,
    unit: next.unit ?? (next.building && next.building !== previous.building ? null : previous.unit),
    room: next.room ?? (next.building && next.building !== previous.building ? null : previous.room),
  };
}

/**
 * A short follow-up such as "就在3栋" / "3栋2单元" / "是燃气味" completing an earlier
 * message of the same resident: returns the merged Intake, or null when the text is a
 * new message of its own.
 */
export function mergeFollowUp(previous: Intake, followUpText: string): Intake | null {
  const t = normalizeText(followUpText);
  const core = coreOf(t);
  if (!core || core.length > MAX_FOLLOW_UP) return null;
  const place = extractPlaceNormalized(t);
  const hasPlace = place.building !== null || place.unit !== null || place.room !== null;

  // Only a place (and filler words): it completes the earlier message whatever it was.
  const residue = core.replace(/[0-9a-z一二两三四五六七八九十百零〇]+(号楼|栋|幢|座|单元|室|号|楼|层)?/g, '').replace(FILLER, '');
  if (hasPlace && residue.length === 0) {
    return { ...previous, ...mergePlace(previous, place) };
  }

  if (previous.intent !== 'report') return null;
  const own = classifyByRules(followUpText);
  // "谢谢" / "修好了" / "+1" are messages of their own.
  if (own.intent === 'chat' && !DETAIL_START.test(t.trim())) return null;
  if (own.intent === 'query' || own.intent === 'signup') return null;
  if (!DETAIL_START.test(t.trim()) && core.length > 12) return null;

  const c = canonicalize(t);
  const urgent = detectUrgent(c);
  const scores = scoreCategories(c);
  const detailCategory = urgent || Math.max(...Object.values(scores)) >= 3 ? decideCategory(c, scores, urgent) : null;
  const merged: Intake = {
    ...previous,
    ...mergePlace(previous, place),
    // Never calm an urgent report down; a detail may make a normal one urgent.
    urgency: previous.urgency === 'urgent' || urgent ? 'urgent' : previous.urgency,
    category: urgent && detailCategory ? detailCategory : previous.category === 'other' && detailCategory ? detailCategory : previous.category,
  };
  return merged;
}
