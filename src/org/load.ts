import fs from 'node:fs';
import { LineCounter, parseDocument, isMap, isPair, isScalar, type Document, type Node } from 'yaml';
import { z } from 'zod';
import type { Org, PersonRef } from './types.js';

const CATEGORY = z.enum(['facility', 'sanitation', 'security', 'dispute', 'property', 'utilities', 'assistance', 'service', 'other']);
const TIER = z.enum(['household', 'building', 'branch', 'committee']);
const DURATION = z.string().regex(/^(\d+d)?(\d+h)?(\d+m)?$/, '时长格式应如 2h、15m、3d').refine((s) => s.length > 0);
export const text = z.coerce.string().trim().min(1);

export const person = z.strictObject({
  name: text,
  wechat: text,
  phone: z.coerce.string().optional(),
  phone_public: z.boolean().optional(),
});
const room = z.strictObject({
  topic: text,
  kind: z.enum(['residents', 'staff', 'committee']).optional(),
  building: text.optional(),
});

export const orgSchema = z.strictObject({
  community: z.strictObject({
    name: text,
    bot_name: text.optional(),
    staff: z.array(person).min(1),
    committee: z.strictObject({
      secretary: person,
      units: z
        .array(z.strictObject({ name: text, handles: z.array(CATEGORY), contact: person }))
        .optional(),
    }),
    rooms: z.array(room),
  }),
  grids: z
    .array(
      z.strictObject({
        name: text,
        rooms: z.array(room).min(1),
        branch: z.strictObject({ secretary: person }),
        officers: z
          .strictObject({
            sanitation: person.optional(),
            publicity: person.optional(),
            culture: person.optional(),
            mediator: person.optional(),
          })
          .optional(),
        property: z
          .strictObject({
            company: z.strictObject({ name: text, contact: person }).optional(),
            owners_committee: person.optional(),
          })
          .optional(),
        buildings: z.array(
          z.strictObject({
            number: text,
            group_leader: person,
            building_leader: person,
            households: z.array(person.extend({ units: z.array(text) })).optional(),
          }),
        ),
      }),
    )
    .min(1),
  routing: z.partialRecord(CATEGORY, z.strictObject({ start: TIER })).optional(),
  sla: z
    .strictObject({
      normal: z.strictObject({ accept: DURATION.optional(), resolve: DURATION.optional() }).optional(),
      urgent: z.strictObject({ accept: DURATION.optional(), resolve: DURATION.optional() }).optional(),
    })
    .optional(),
});

export interface OrgError {
  line: number;
  path: string;
  message: string;
  /** The file the line is in, where it is not the one the error was raised for (a folder). */
  file?: string;
}

export class OrgFileError extends Error {
  constructor(
    readonly file: string,
    readonly errors: OrgError[],
  ) {
    super(`${file}: ${errors.map((e) => `${e.file && e.file !== file ? `${e.file} ` : ''}第 ${e.line} 行 ${e.path}: ${e.message}`).join('; ')}`);
    this.name = 'OrgFileError';
  }

  /** One line per error, as a person fixing the file wants to read them. */
  describe(): string {
    return this.errors.map((e) => `${e.file ?? this.file}:${e.line}: ${e.path ? e.path + ': ' : ''}${e.message}`).join('\n');
  }
}

export type Path = (string | number)[];

export function lineOf(doc: Document, counter: LineCounter, path: Path, key?: string): number {
  let node: unknown = doc.contents;
  let lastLine = 1;
  const lineAt = (n: unknown) => {
    const range = (n as Node | undefined)?.range;
    return range ? counter.linePos(range[0]).line : lastLine;
  };
  lastLine = lineAt(node);
  for (const step of path) {
    if (!isMap(node) && !(node && typeof node === 'object' && 'items' in (node as object))) break;
    const collection = node as { items: unknown[] };
    let next: unknown;
    if (isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(step));
      if (!pair) break;
      lastLine = lineAt(pair.key);
      next = pair.value;
    } else {
      next = typeof step === 'number' ? collection.items[step] : undefined;
    }
    if (next === undefined || next === null) break;
    lastLine = lineAt(next);
    node = next;
  }
  if (key && isMap(node)) {
    const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === key);
    if (pair) return lineAt(pair.key);
  }
  return lastLine;
}

function zodMessage(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'unrecognized_keys':
      return `未知的键 ${issue.keys.join(', ')}`;
    case 'invalid_type':
      return (issue as { input?: unknown }).input === undefined ? '缺少必填项' : `类型不对（应为 ${issue.expected}）`;
    case 'invalid_value':
      return `取值不对：${issue.message}`;
    case 'too_small':
      return '至少要有一项';
    default:
      return issue.message;
  }
}

/** Every person of a community document with the path they are written at. */
export function peopleOf(org: Org): [PersonRef, Path][] {
  const out: [PersonRef, Path][] = [];
  const add = (p: PersonRef | undefined, where: Path) => {
    if (p) out.push([p, where]);
  };
  org.community.staff.forEach((p, i) => add(p, ['community', 'staff', i]));
  add(org.community.committee.secretary, ['community', 'committee', 'secretary']);
  org.community.committee.units?.forEach((u, i) => add(u.contact, ['community', 'committee', 'units', i, 'contact']));
  org.grids.forEach((g, gi) => {
    add(g.branch.secretary, ['grids', gi, 'branch', 'secretary']);
    for (const [post, p] of Object.entries(g.officers ?? {})) add(p, ['grids', gi, 'officers', post]);
    add(g.property?.company?.contact, ['grids', gi, 'property', 'company', 'contact']);
    add(g.property?.owners_committee, ['grids', gi, 'property', 'owners_committee']);
    g.buildings.forEach((b, bi) => {
      add(b.group_leader, ['grids', gi, 'buildings', bi, 'group_leader']);
      add(b.building_leader, ['grids', gi, 'buildings', bi, 'building_leader']);
      b.households?.forEach((h, hi) => add(h, ['grids', gi, 'buildings', bi, 'households', hi]));
    });
  });
  return out;
}

/** Cross-field checks the schema cannot express: names that must be unique. */
export function checkConsistency(org: Org): { path: Path; message: string }[] {
  const problems: { path: Path; message: string }[] = [];
  const topics = new Map<string, string>();
  const seeTopic = (topic: string, where: Path) => {
    if (topics.has(topic)) problems.push({ path: where, message: `群名 ${topic} 重复` });
    topics.set(topic, topic);
  };
  org.community.rooms.forEach((r, i) => seeTopic(r.topic, ['community', 'rooms', i, 'topic']));
  const gridNames = new Set<string>();
  org.grids.forEach((g, gi) => {
    if (gridNames.has(g.name)) problems.push({ path: ['grids', gi, 'name'], message: `网格 ${g.name} 重复` });
    gridNames.add(g.name);
    const numbers = new Set(g.buildings.map((b) => b.number));
    if (numbers.size !== g.buildings.length) problems.push({ path: ['grids', gi, 'buildings'], message: '楼栋号重复' });
    g.rooms.forEach((r, ri) => {
      seeTopic(r.topic, ['grids', gi, 'rooms', ri, 'topic']);
      if (r.building && !numbers.has(r.building)) {
        problems.push({ path: ['grids', gi, 'rooms', ri, 'building'], message: `楼栋 ${r.building} 不在本网格的 buildings 中` });
      }
    });
  });
  // One WeChat alias is one person: the same alias under two names is a typo.
  const names = new Map<string, string>();
  for (const [p, where] of peopleOf(org)) {
    const known = names.get(p.wechat);
    if (known && known !== p.name) problems.push({ path: where, message: `微信号 ${p.wechat} 同时属于 ${known} 和 ${p.name}` });
    names.set(p.wechat, p.name);
  }
  return problems;
}

/** A YAML document read with line positions, so that errors can name the line. */
export interface YamlSource {
  file: string;
  doc: Document;
  counter: LineCounter;
}

/** Reads YAML text; throws OrgFileError naming the line of a syntax error. */
export function readYaml(source: string, file: string): YamlSource {
  const counter = new LineCounter();
  const doc = parseDocument(source, { lineCounter: counter, prettyErrors: true, uniqueKeys: true });
  if (doc.errors.length > 0) {
    throw new OrgFileError(
      file,
      doc.errors.map((e) => ({ line: e.linePos?.[0]?.line ?? 1, path: '', message: `YAML 语法错误：${e.message.split('\n')[0]}` })),
    );
  }
  return { file, doc, counter };
}

/** Checks a document against a schema; throws OrgFileError with each problem's line. */
export function validateYaml<T>(src: YamlSource, schema: z.ZodType<T>): T {
  const result = schema.safeParse(src.doc.toJS());
  if (result.success) return result.data;
  const errors = result.error.issues.map((issue) => {
    const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
    const unknownKey = issue.code === 'unrecognized_keys' ? issue.keys[0] : undefined;
    return { line: lineOf(src.doc, src.counter, path, unknownKey), path: path.join('.'), message: zodMessage(issue) };
  });
  throw new OrgFileError(src.file, errors.sort((a, b) => a.line - b.line));
}

/** Validates one community's document (a whole file, or an item of a county's `communities`). */
export function validateCommunity(src: YamlSource, value: unknown, prefix: Path = []): Org {
  const org = value as Org;
  const problems = checkConsistency(org);
  if (problems.length > 0) {
    throw new OrgFileError(
      src.file,
      problems.map((p) => {
        const path = [...prefix, ...p.path];
        return { line: lineOf(src.doc, src.counter, path), path: path.join('.'), message: p.message };
      }),
    );
  }
  return org;
}

/** Parses and validates an organisation file's text; throws OrgFileError with line numbers. */
export function parseOrg(source: string, file = 'org.yaml'): Org {
  const src = readYaml(source, file);
  return validateCommunity(src, validateYaml(src, orgSchema));
}

export function loadOrgFile(file: string): Org {
  let source: string;
  try {
    source = fs.readFileSync(file, 'utf8');
  } catch (err) {
    throw new OrgFileError(file, [{ line: 0, path: '', message: `无法读取文件：${(err as Error).message}` }]);
  }
  return parseOrg(source, file);
}
