import type { Category } from '../kernel/domain.js';

import type { Tier } from '../kernel/domain.js';
export type { Tier } from '../kernel/domain.js';
export { TIERS } from '../kernel/domain.js';

export interface PersonRef {
  name: string;
  wechat: string;
  phone?: string;
  /** Only a phone marked public is ever shown to residents. */
  phone_public?: boolean;
}

export interface RoomDef {
  topic: string;
  kind?: 'residents' | 'staff' | 'committee';
  building?: string;
}

export interface MemberUnit {
  name: string;
  handles: Category[];
  contact: PersonRef;
}

export interface Household extends PersonRef {
  units: string[];
}

export interface BuildingDef {
  number: string;
  group_leader: PersonRef;
  building_leader: PersonRef;
  households?: Household[];
}

export type OfficerPost = 'sanitation' | 'publicity' | 'culture' | 'mediator';

export interface GridDef {
  name: string;
  rooms: RoomDef[];
  branch: { secretary: PersonRef };
  officers?: Partial<Record<OfficerPost, PersonRef>>;
  property?: {
    company?: { name: string; contact: PersonRef };
    owners_committee?: PersonRef;
  };
  buildings: BuildingDef[];
}

export interface SlaPolicy {
  accept: string;
  resolve: string;
}

export interface Org {
  community: {
    name: string;
    bot_name?: string;
    staff: PersonRef[];
    committee: { secretary: PersonRef; units?: MemberUnit[] };
    rooms: RoomDef[];
  };
  grids: GridDef[];
  routing?: Partial<Record<Category, { start: Tier }>>;
  sla?: Partial<Record<'normal' | 'urgent', Partial<SlaPolicy>>>;
}

/** A post as the rest of the bot sees it. */
export type Role =
  | 'staff'
  | 'committee_secretary'
  | 'unit_contact'
  | 'branch_secretary'
  | OfficerPost
  | 'property_contact'
  | 'owners_committee'
  | 'group_leader'
  | 'building_leader'
  | 'household';

export interface PostHolding {
  role: Role;
  alias: string;
  name: string;
  grid?: string;
  building?: string;
  /** Member unit or property company name. */
  orgUnit?: string;
  handles?: Category[];
  units?: string[];
}

export const ROLE_LABELS: Record<Role, string> = {
  staff: '社区工作人员',
  committee_secretary: '社区大党委书记',
  unit_contact: '成员单位联系人',
  branch_secretary: '党支部书记',
  sanitation: '卫生员',
  publicity: '宣传员',
  culture: '文体员',
  mediator: '调解员',
  property_contact: '物业联系人',
  owners_committee: '业委会',
  group_leader: '党小组长',
  building_leader: '楼栋长',
  household: '党员中心户',
};

/** One WeChat login and the communities whose rooms and people it serves. */
export interface AccountDef {
  name: string;
  communities: string[];
}

/**
 * What an organisation file (or folder) describes: one community, or a county of many.
 * A one-community file reads as a county of one, without a name, staff or accounts.
 */
export interface County {
  /** Undefined for a one-community file. */
  name?: string;
  staff: PersonRef[];
  /** Empty: one account serves everything (today's single login). */
  accounts: AccountDef[];
  communities: Org[];
}
