import type { MessageContext } from '../kernel/context.js';
import { jsonList } from '../store/db.js';
import type { NoticeRow } from './notice-row.js';
import { GRID_NOTICE_ROLES } from './scope.js';

/** Staff see and manage every notice; a grid's secretary or publicity officer those of their grid. */
export function mayManage(ctx: MessageContext, notice: Pick<NoticeRow, 'createdBy' | 'targets'>): boolean {
  if (ctx.speaker.isStaff || notice.createdBy === ctx.speaker.alias) return true;
  const own = ctx.org.gridsLedBy(ctx.speaker.alias, GRID_NOTICE_ROLES);
  const targets = jsonList(notice.targets);
  return targets.length > 0 && targets.every((t) => {
    const grid = ctx.org.room(t)?.grid;
    return !!grid && own.includes(grid);
  });
}
