/** Who may send notices where; the scope itself is read by src/org/scope.ts. */
import type { Speaker } from '../kernel/context.js';
import type { OrgDirectory } from '../org/directory.js';
import { WHOLE_COMMUNITY, type Scope as ResolvedScope } from '../org/scope.js';
import type { Role } from '../org/types.js';

export { parseScope, WHOLE_COMMUNITY, type Scope as ResolvedScope } from '../org/scope.js';

/** Roles that may send notices to their own grid besides community staff. */
export const GRID_NOTICE_ROLES: Role[] = ['branch_secretary', 'publicity'];

export function mayUseNotices(speaker: Speaker, org: OrgDirectory): boolean {
  return speaker.isStaff || org.gridsLedBy(speaker.alias, GRID_NOTICE_ROLES).length > 0;
}

/** Why this speaker may not send to this scope, or undefined when they may. */
export function scopeRefusal(speaker: Speaker, org: OrgDirectory, scope: ResolvedScope): string | undefined {
  if (scope.county && !org.isCountyStaff(speaker.alias)) return `只有县里的工作人员可以用「${scope.label}」作范围；本社区请用「${WHOLE_COMMUNITY}」。`;
  if (speaker.isStaff) return undefined;
  const own = org.gridsLedBy(speaker.alias, GRID_NOTICE_ROLES);
  if (scope.wholeCommunity) return '只有社区工作人员可以向全社区发通知。';
  const outside = scope.rooms.filter((r) => !r.grid || !own.includes(r.grid));
  if (outside.length > 0) return `您只能向自己网格（${own.join('、')}）的群发通知。`;
  return undefined;
}

/** An example scope from this organisation, for messages that show the right form. */
export function exampleScope(org: OrgDirectory): string {
  return org.grids[0]?.name ?? WHOLE_COMMUNITY;
}
