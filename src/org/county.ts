/**
 * The organisation as a file or a folder describes it (docs/interfaces.md §1): one
 * community (today's file, unchanged), a county file (`county:`, optional `accounts:`,
 * `communities:`), or a folder of one-community files with an optional `county.yaml`.
 * All three read as a County; errors name the file and the line.
 */
import fs from 'node:fs';
import path from 'node:path';
import { isMap, isPair, isScalar } from 'yaml';
import { z } from 'zod';
import {
  lineOf,
  orgSchema,
  peopleOf,
  OrgFileError,
  person,
  readYaml,
  text,
  validateCommunity,
  validateYaml,
  type OrgError,
  type Path,
  type YamlSource,
} from './load.js';
import type { County, Org, PersonRef } from './types.js';

const countyPart = z.strictObject({ name: text, staff: z.array(person).optional() });
const accountsPart = z.array(z.strictObject({ name: text, communities: z.array(text).min(1) })).optional();
const countySchema = z.strictObject({ county: countyPart, accounts: accountsPart, communities: z.array(orgSchema).min(1) });
/** `county.yaml` in a folder: the county and its accounts; the communities are the other files. */
const countyHeadSchema = z.strictObject({ county: countyPart, accounts: accountsPart });

export const COUNTY_HEAD_FILE = 'county.yaml';

/** Where a part of the organisation was written: which file, and where in it. */
interface Place {
  src: YamlSource;
  prefix: Path;
}

interface CountyHead {
  county: { name: string; staff?: PersonRef[] };
  accounts: County['accounts'];
}

interface Placed {
  org: Org;
  at: Place;
}

function isCountyDocument(src: YamlSource): boolean {
  const top = src.doc.contents;
  return isMap(top) && top.items.some((p) => isPair(p) && isScalar(p.key) && ['county', 'communities'].includes(String(p.key.value)));
}

/** Parses one file's text: a one-community document or a county document. */
export function parseCounty(source: string, file = 'org.yaml'): County {
  const src = readYaml(source, file);
  if (!isCountyDocument(src)) {
    const org = validateCommunity(src, validateYaml(src, orgSchema));
    return { staff: [], accounts: [], communities: [org] };
  }
  const data = validateYaml(src, countySchema);
  const placed = data.communities.map((c, i) => ({ org: validateCommunity(src, c, ['communities', i]), at: { src, prefix: ['communities', i] } }));
  return checkCounty({ county: data.county, accounts: data.accounts ?? [] }, { src, prefix: [] }, placed, file);
}

/** Reads an organisation file or folder (`GRIDBOT_ORG_FILE`, `--org`, `npm run org:import`). */
export function loadCounty(target: string): County {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(target);
  } catch (err) {
    throw new OrgFileError(target, [{ line: 0, path: '', message: `无法读取文件：${(err as Error).message}` }]);
  }
  if (!stat.isDirectory()) return parseCounty(read(target), target);
  const names = fs
    .readdirSync(target)
    .filter((n) => /\.ya?ml$/i.test(n) && fs.statSync(path.join(target, n)).isFile())
    .sort();
  const headName = names.find((n) => /^county\.ya?ml$/i.test(n));
  const communityFiles = names.filter((n) => n !== headName);
  if (communityFiles.length === 0) {
    throw new OrgFileError(target, [{ line: 0, path: '', message: '文件夹里没有社区文件（每个社区一个 .yaml 文件）' }]);
  }
  const errors: OrgError[] = [];
  const collect = <T>(work: () => T): T | undefined => {
    try {
      return work();
    } catch (err) {
      if (!(err instanceof OrgFileError)) throw err;
      errors.push(...err.errors.map((e) => ({ ...e, file: e.file ?? err.file })));
      return undefined;
    }
  };
  const placed: Placed[] = [];
  for (const name of communityFiles) {
    const file = path.join(target, name);
    collect(() => {
      const src = readYaml(read(file), file);
      placed.push({ org: validateCommunity(src, validateYaml(src, orgSchema)), at: { src, prefix: [] } });
    });
  }
  let head: CountyHead = {
    county: { name: path.basename(path.resolve(target)) },
    accounts: [],
  };
  let headAt: Place | undefined;
  if (headName) {
    const file = path.join(target, headName);
    collect(() => {
      const src = readYaml(read(file), file);
      const data = validateYaml(src, countyHeadSchema);
      head = { county: data.county, accounts: data.accounts ?? [] };
      headAt = { src, prefix: [] };
    });
  }
  // The files that read well are still checked against each other: every problem at once.
  const county = collect(() => checkCounty(head, headAt, placed, target, errors.length > 0));
  if (errors.length || !county) throw new OrgFileError(target, errors);
  return county;
}

function read(file: string): string {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch (err) {
    throw new OrgFileError(file, [{ line: 0, path: '', message: `无法读取文件：${(err as Error).message}` }]);
  }
}

/**
 * What must hold across the communities of a county: community names and room topics
 * unique in the county (grid names need only be unique within a community), one WeChat
 * id one person, and every account naming communities that exist.
 */
function checkCounty(
  head: CountyHead,
  headAt: Place | undefined,
  placed: Placed[],
  target: string,
  /** Some files did not read: which communities exist is not known. */
  incomplete = false,
): County {
  const errors: OrgError[] = [];
  const problem = (at: Place | undefined, relative: Path, message: string) => {
    const full = [...(at?.prefix ?? []), ...relative];
    errors.push({
      file: at?.src.file ?? target,
      line: at ? lineOf(at.src.doc, at.src.counter, full) : 0,
      path: full.join('.'),
      message,
    });
  };

  const communityAt = new Map<string, Placed>();
  for (const p of placed) {
    const name = p.org.community.name;
    if (communityAt.has(name)) problem(p.at, ['community', 'name'], `社区 ${name} 重复`);
    else communityAt.set(name, p);
  }

  const topicOwner = new Map<string, string>();
  for (const p of placed) {
    const community = p.org.community.name;
    const see = (topic: string, where: Path) => {
      const owner = topicOwner.get(topic);
      // Repeats inside one community were already reported by its own check.
      if (owner !== undefined && owner !== community) problem(p.at, where, `群名 ${topic} 已在 ${owner} 用过，全县的群名不能重复`);
      if (owner === undefined) topicOwner.set(topic, community);
    };
    p.org.community.rooms.forEach((r, i) => see(r.topic, ['community', 'rooms', i, 'topic']));
    p.org.grids.forEach((g, gi) => g.rooms.forEach((r, ri) => see(r.topic, ['grids', gi, 'rooms', ri, 'topic'])));
  }

  // One WeChat id is one person across the county (it may hold posts in two communities).
  const nameOf = new Map<string, { name: string; where: string }>();
  const visit = (who: PersonRef, at: Place | undefined, where: Path, label: string) => {
    const known = nameOf.get(who.wechat);
    if (known && known.name !== who.name) problem(at, where, `微信号 ${who.wechat} 同时属于 ${known.name}（${known.where}）和 ${who.name}`);
    if (!known) nameOf.set(who.wechat, { name: who.name, where: label });
  };
  (head.county.staff ?? []).forEach((s, i) => visit(s, headAt, ['county', 'staff', i], head.county.name));
  for (const p of placed) {
    for (const [who, where] of peopleOf(p.org)) visit(who, p.at, where, p.org.community.name);
  }

  const accountNames = new Set<string>();
  const served = new Set<string>();
  head.accounts.forEach((a, ai) => {
    if (accountNames.has(a.name)) problem(headAt, ['accounts', ai, 'name'], `账号 ${a.name} 重复`);
    accountNames.add(a.name);
    a.communities.forEach((c, ci) => {
      if (!communityAt.has(c) && !incomplete) problem(headAt, ['accounts', ai, 'communities', ci], `没有叫 ${c} 的社区`);
      served.add(c);
    });
  });
  if (head.accounts.length && !incomplete) {
    for (const p of placed) {
      if (!served.has(p.org.community.name)) problem(p.at, ['community', 'name'], `社区 ${p.org.community.name} 没有账号服务（accounts 里没有列出）`);
    }
  }

  if (errors.length) throw new OrgFileError(target, errors);
  return {
    name: head.county.name,
    staff: head.county.staff ?? [],
    accounts: head.accounts,
    communities: placed.map((p) => p.org),
  };
}
