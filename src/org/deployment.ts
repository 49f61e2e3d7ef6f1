/**
 * Which community each WeChat account serves, and what one running bot serves. Pure: a
 * function of the organisation (and the account asked for).
 *
 * A bot serves one community: a county runs one bot per account. Where the file lists
 * no accounts, one (unnamed) account serves each community.
 */
import type { CountyView } from './directory.js';
import type { County, Org, PersonRef } from './types.js';

export interface Deployment {
  /** The community this bot serves, county staff among its staff. */
  org: Org;
  /** Where the file is a county (ticket events then name the community; 全县 is a scope). */
  county?: CountyView;
  /** The account's name where the file lists accounts (`say` events then name it). */
  account?: string;
}

export class DeploymentError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DeploymentError';
  }
}

/** One deployment per account (or per community where no accounts are listed), in file order. */
export function deploymentsOf(county: County): Deployment[] {
  const view: CountyView | undefined =
    county.name !== undefined ? { name: county.name, communities: county.communities.map((c) => c.community.name), staff: county.staff.map((s) => s.wechat) } : undefined;
  const base = (org: Org) => ({ org: withCountyStaff(org, county.staff), ...(view ? { county: view } : {}) });
  if (county.accounts.length === 0) return county.communities.map(base);
  // A community listed by two accounts is served by the first; the second stands by.
  const servedBy = new Map<string, string>();
  for (const a of county.accounts) for (const c of a.communities) if (!servedBy.has(c)) servedBy.set(c, a.name);
  const out: Deployment[] = [];
  for (const a of county.accounts) {
    const own = county.communities.filter((o) => servedBy.get(o.community.name) === a.name);
    if (own.length > 1) {
      throw new DeploymentError(`账号 ${a.name} 服务 ${own.map((o) => o.community.name).join('、')}：目前一个账号只能服务一个社区，请每个社区列一个账号`);
    }
    if (own.length === 1) out.push({ ...base(own[0]), account: a.name });
  }
  return out;
}

/**
 * What `npm start` runs: the deployment of the account asked for (`--account`,
 * `GRIDBOT_ACCOUNT`), or the only one there is.
 */
export function selectDeployment(county: County, account: string | undefined): Deployment {
  const all = deploymentsOf(county);
  if (account) {
    if (county.accounts.length === 0) throw new DeploymentError(`组织文件没有列出 accounts，不能选账号 ${account}`);
    if (!county.accounts.some((a) => a.name === account)) {
      throw new DeploymentError(`组织文件里没有账号 ${account}；有：${county.accounts.map((a) => a.name).join('、')}`);
    }
    const found = all.find((d) => d.account === account);
    if (!found) throw new DeploymentError(`账号 ${account} 的社区都已由前面列出的账号服务，它没有要服务的群`);
    return found;
  }
  if (all.length === 1) return all[0];
  if (county.accounts.length > 0) {
    throw new DeploymentError(`组织文件列出了 ${county.accounts.length} 个账号，每个账号一个进程：请用 --account 或 GRIDBOT_ACCOUNT 选一个（${county.accounts.map((a) => a.name).join('、')}）`);
  }
  throw new DeploymentError(`组织文件有 ${all.length} 个社区：请在 accounts 里为每个社区列一个账号，每个账号一个进程`);
}

/** County staff act as staff in every community (they may broadcast and see reports anywhere). */
function withCountyStaff(org: Org, staff: PersonRef[]): Org {
  const extra = staff.filter((s) => !org.community.staff.some((p) => p.wechat === s.wechat));
  if (extra.length === 0) return org;
  return { ...org, community: { ...org.community, staff: [...org.community.staff, ...extra] } };
}
