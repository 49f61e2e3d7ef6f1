/**
 * Which community each WeChat account serves, and what one running bot serves. Pure: a
 * function of the organisation (and the account asked for).
 *
 * A bot serves one community: a county runs one bot per account. Where the file lists
 * no accounts, one (unnamed) account serves each community. Where two accounts list one
 * community, the first speaks in its groups and the later one stands by (app/presence.ts).
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
  /**
   * Every account serving this community, in file order, where there are two or more: the
   * first speaks in its groups, a later one only while all before it are offline (standby).
   */
  peers?: string[];
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
  // A community listed by two accounts is served by the first; a later one stands by.
  const servedBy = new Map<string, string>();
  for (const a of county.accounts) for (const c of a.communities) if (!servedBy.has(c)) servedBy.set(c, a.name);
  const chosen: { account: string; org: Org }[] = [];
  for (const a of county.accounts) {
    const own = county.communities.filter((o) => servedBy.get(o.community.name) === a.name);
    if (own.length > 1) {
      throw new DeploymentError(`账号 ${a.name} 服务 ${own.map((o) => o.community.name).join('、')}：目前一个账号只能服务一个社区，请每个社区列一个账号`);
    }
    // An account whose communities all have an account listed before it stands by for one of them.
    const stands = own.length === 1 ? own : county.communities.filter((o) => a.communities.includes(o.community.name));
    if (stands.length > 1) {
      throw new DeploymentError(`备用账号 ${a.name} 列了 ${stands.map((o) => o.community.name).join('、')}：目前一个备用账号只能为一个社区备用`);
    }
    if (stands.length === 1) chosen.push({ account: a.name, org: stands[0] });
  }
  return chosen.map(({ account, org }) => {
    const peers = chosen.filter((c) => c.org === org).map((c) => c.account);
    return { ...base(org), account, ...(peers.length > 1 ? { peers } : {}) };
  });
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
    if (!found) throw new DeploymentError(`账号 ${account} 没有列出要服务的社区`);
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
