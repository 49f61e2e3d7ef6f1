import type { Notice } from '@prisma/client';

/** A stored notice as features read it (its schedule columns are read by src/notices/notice-row.ts). */
export type NoticeRow = Notice;
