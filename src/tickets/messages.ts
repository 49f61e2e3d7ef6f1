import { isCategory, isTicketStatus, isTier, labelOf, type Category, type Tier, type TicketStatus } from '../kernel/domain.js';
import { ROLE_LABELS, type Role } from '../org/types.js';

export const CATEGORY_LABELS: Record<Category, string> = {
  facility: '设施报修',
  sanitation: '环境卫生',
  security: '治安消防',
  dispute: '邻里纠纷',
  property: '物业事务',
  utilities: '水电气暖',
  assistance: '求助帮扶',
  service: '办事咨询',
  other: '其他诉求',
};

export const TIER_LABELS: Record<Tier, string> = {
  household: '党员中心户',
  building: '楼栋党小组',
  branch: '网格党支部',
  committee: '社区大党委',
};

export const STATUS_LABELS: Record<TicketStatus, string> = {
  assigned: '待签收',
  reopened: '重新办理中',
  accepted: '办理中',
  resolved: '已办结待评价',
  closed: '已关闭',
  cancelled: '已撤销',
  merged: '已合并',
};

/** Labels for keys read back from reports and history rows (plain strings). */
export const categoryLabel = (key: string) => labelOf(CATEGORY_LABELS, isCategory, key);
export const tierLabel = (key: string) => labelOf(TIER_LABELS, isTier, key);
export const statusLabel = (key: string) => labelOf(STATUS_LABELS, isTicketStatus, key);

export const roleLabel = (role: Role) => ROLE_LABELS[role];

/** "3栋2单元" — a place as the group may see it: never a room number. */
export function publicPlace(t: { gridName?: string | null; building?: string | null; unit?: string | null }): string {
  const parts = [t.building ? `${t.building}栋` : '', t.unit ? `${t.unit}单元` : ''].join('');
  return parts;
}

/** "丽水鑫城3栋2单元401室" — the full place, for the holder only. */
export function fullPlace(t: { gridName?: string | null; building?: string | null; unit?: string | null; room?: string | null }): string {
  return `${t.gridName ?? ''}${publicPlace(t)}${t.room ? `${t.room}室` : ''}` || '未说明地点';
}

/** Removes phone numbers and room numbers from a resident's or holder's words before the group sees them. */
export { redactForGroup } from '../chat/redact.js';

export function clip(text: string, max = 60): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}
