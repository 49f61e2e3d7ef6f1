/**
 * Edits to the organisation as the console makes them: pure functions from one Org to
 * the next, checked by the same validation as an imported file, and a summary of what
 * an edit or an import would change.
 */
import { stringify } from 'yaml';
import { flattenPosts } from './directory.js';
import { parseOrg } from './load.js';
import { ROLE_LABELS, type GridDef, type Org, type OfficerPost, type PersonRef, type PostHolding } from './types.js';

const OFFICERS: OfficerPost[] = ['sanitation', 'publicity', 'culture', 'mediator'];

/** A post's place in the file, written as one token for a form: `building_leader:丽水鑫城:1`. */
export type SlotKey = string;

export interface Slot {
  key: SlotKey;
  role: PostHolding['role'];
  grid?: string;
  building?: string;
  label: string;
  holder?: PersonRef;
}

const clone = (org: Org): Org => structuredClone(org);

function gridOf(org: Org, name: string | undefined): GridDef {
  const g = org.grids.find((x) => x.name === name);
  if (!g) throw new OrgEditError(`没有网格「${name ?? ''}」。`);
  return g;
}

export class OrgEditError extends Error {}

/** Every post of the file that holds one person, in the file's order. */
export function slotsOf(org: Org): Slot[] {
  const out: Slot[] = [];
  const c = org.community;
  c.staff.forEach((p, i) => out.push({ key: `staff:${i}`, role: 'staff', label: ROLE_LABELS.staff, holder: p }));
  out.push({ key: 'committee_secretary', role: 'committee_secretary', label: ROLE_LABELS.committee_secretary, holder: c.committee.secretary });
  (c.committee.units ?? []).forEach((u, i) => out.push({ key: `unit_contact:${i}`, role: 'unit_contact', label: `${u.name}联系人`, holder: u.contact }));
  for (const g of org.grids) {
    out.push({ key: `branch_secretary:${g.name}`, role: 'branch_secretary', grid: g.name, label: ROLE_LABELS.branch_secretary, holder: g.branch.secretary });
    for (const o of OFFICERS) out.push({ key: `${o}:${g.name}`, role: o, grid: g.name, label: ROLE_LABELS[o], holder: g.officers?.[o] });
    if (g.property?.company) out.push({ key: `property_contact:${g.name}`, role: 'property_contact', grid: g.name, label: `${g.property.company.name}联系人`, holder: g.property.company.contact });
    out.push({ key: `owners_committee:${g.name}`, role: 'owners_committee', grid: g.name, label: ROLE_LABELS.owners_committee, holder: g.property?.owners_committee });
    for (const b of g.buildings) {
      out.push({ key: `group_leader:${g.name}:${b.number}`, role: 'group_leader', grid: g.name, building: b.number, label: ROLE_LABELS.group_leader, holder: b.group_leader });
      out.push({ key: `building_leader:${g.name}:${b.number}`, role: 'building_leader', grid: g.name, building: b.number, label: ROLE_LABELS.building_leader, holder: b.building_leader });
      (b.households ?? []).forEach((h, i) =>
        out.push({ key: `household:${g.name}:${b.number}:${i}`, role: 'household', grid: g.name, building: b.number, label: `${ROLE_LABELS.household}（${h.units.join('、')}单元）`, holder: h }),
      );
    }
  }
  return out;
}

/** The person keeps their phone fields only while it is the same person. */
function replacePerson(old: PersonRef | undefined, next: PersonRef): PersonRef {
  return old && old.wechat === next.wechat ? { ...old, name: next.name } : { name: next.name, wechat: next.wechat };
}

/** Puts a person on a post (an officer post may be empty before). */
export function setPostHolder(org: Org, key: SlotKey, person: PersonRef): Org {
  const next = clone(org);
  const [role, a, b, c] = key.split(':');
  const g = () => gridOf(next, a);
  const building = () => {
    const found = g().buildings.find((x) => x.number === b);
    if (!found) throw new OrgEditError(`网格「${a}」没有 ${b} 栋。`);
    return found;
  };
  switch (role) {
    case 'staff': {
      const i = Number(a);
      if (!next.community.staff[i]) throw new OrgEditError('没有这个岗位。');
      next.community.staff[i] = replacePerson(next.community.staff[i], person);
      break;
    }
    case 'committee_secretary':
      next.community.committee.secretary = replacePerson(next.community.committee.secretary, person);
      break;
    case 'unit_contact': {
      const unit = next.community.committee.units?.[Number(a)];
      if (!unit) throw new OrgEditError('没有这个成员单位。');
      unit.contact = replacePerson(unit.contact, person);
      break;
    }
    case 'branch_secretary':
      g().branch.secretary = replacePerson(g().branch.secretary, person);
      break;
    case 'sanitation':
    case 'publicity':
    case 'culture':
    case 'mediator': {
      const grid = g();
      grid.officers = { ...(grid.officers ?? {}), [role]: replacePerson(grid.officers?.[role], person) };
      break;
    }
    case 'property_contact': {
      const company = g().property?.company;
      if (!company) throw new OrgEditError('这个网格没有物业公司。');
      company.contact = replacePerson(company.contact, person);
      break;
    }
    case 'owners_committee': {
      const grid = g();
      grid.property = { ...(grid.property ?? {}), owners_committee: replacePerson(grid.property?.owners_committee, person) };
      break;
    }
    case 'group_leader':
      building().group_leader = replacePerson(building().group_leader, person);
      break;
    case 'building_leader':
      building().building_leader = replacePerson(building().building_leader, person);
      break;
    case 'household': {
      const list = building().households ?? [];
      const i = Number(c);
      if (!list[i]) throw new OrgEditError('没有这个党员中心户。');
      list[i] = { ...replacePerson(list[i], person), units: list[i].units };
      break;
    }
    default:
      throw new OrgEditError('没有这个岗位。');
  }
  return next;
}

export function addBuilding(org: Org, grid: string, number: string, groupLeader: PersonRef, buildingLeader: PersonRef): Org {
  const next = clone(org);
  const g = gridOf(next, grid);
  if (g.buildings.some((b) => b.number === number)) throw new OrgEditError(`${grid} 已经有 ${number} 栋。`);
  g.buildings.push({ number, group_leader: groupLeader, building_leader: buildingLeader });
  return next;
}

export function addHousehold(org: Org, grid: string, building: string, household: PersonRef & { units: string[] }): Org {
  const next = clone(org);
  const b = gridOf(next, grid).buildings.find((x) => x.number === building);
  if (!b) throw new OrgEditError(`网格「${grid}」没有 ${building} 栋。`);
  b.households = [...(b.households ?? []), household];
  return next;
}

export const orgToYaml = (org: Org) => stringify(org, { lineWidth: 0 });

/** The edited organisation through the file's own validation; throws OrgFileError. */
export function validated(org: Org): Org {
  return parseOrg(orgToYaml(org), '编辑后的组织');
}

/** What changes between two organisations, one line per change, in Chinese. */
export function orgChanges(before: Org, after: Org): string[] {
  const lines: string[] = [];
  const names = (list: string[]) => new Set(list);
  const diff = (what: string, a: Set<string>, b: Set<string>) => {
    for (const x of b) if (!a.has(x)) lines.push(`新增${what}：${x}`);
    for (const x of a) if (!b.has(x)) lines.push(`删除${what}：${x}`);
  };
  if (before.community.name !== after.community.name) lines.push(`社区名称：${before.community.name} → ${after.community.name}`);
  diff('网格', names(before.grids.map((g) => g.name)), names(after.grids.map((g) => g.name)));
  const buildings = (o: Org) => names(o.grids.flatMap((g) => g.buildings.map((b) => `${g.name} ${b.number}栋`)));
  diff('楼栋', buildings(before), buildings(after));
  const rooms = (o: Org) => names([...o.community.rooms, ...o.grids.flatMap((g) => g.rooms)].map((r) => r.topic));
  diff('群', rooms(before), rooms(after));
  const postLabel = (p: PostHolding) => `${p.grid ?? ''}${p.building ? ` ${p.building}栋` : ''} ${p.orgUnit ?? ROLE_LABELS[p.role]}`.trim();
  const postKey = (p: PostHolding) => `${p.role}|${p.grid ?? ''}|${p.building ?? ''}|${p.orgUnit ?? ''}|${p.alias}`;
  const beforePosts = new Map(flattenPosts(before).map((p) => [postKey(p), p]));
  const afterPosts = new Map(flattenPosts(after).map((p) => [postKey(p), p]));
  for (const [k, p] of afterPosts) {
    const old = beforePosts.get(k);
    if (!old) lines.push(`新增岗位人员：${postLabel(p)} ${p.name}（${p.alias}）`);
    else if (old.name !== p.name) lines.push(`改名：${postLabel(p)} ${old.name} → ${p.name}`);
  }
  for (const [k, p] of beforePosts) if (!afterPosts.has(k)) lines.push(`去掉岗位人员：${postLabel(p)} ${p.name}（${p.alias}）`);
  if (JSON.stringify(before.routing ?? {}) !== JSON.stringify(after.routing ?? {})) lines.push('工单路由设置有变化');
  if (JSON.stringify(before.sla ?? {}) !== JSON.stringify(after.sla ?? {})) lines.push('签收/办结时限有变化');
  return lines;
}
