/**
 * Which community each WeChat account serves, and what one running bot serves. Pure: a
 * function of the organisation (and the account asked for).
 *
 * A bot serves one community; an account's process runs one bot for each community the
 * account serves, all on its one WeChat login (app/shared-login.ts). Where the file lists
 * no accounts, one (unnamed) login serves every community. Where two accounts list one
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

/**
 * One deployment per community an account serves (or per community where no accounts are
 * listed), accounts in file order, each account's communities in the file's order.
 */
export function deploymentsOf(county: County): Deployment[] {
  // A community listed by two accounts is served by the first; a later one stands by for it.
  const listing = (community: string) => county.accounts.filter((a) => a.communities.includes(community)).map((a) => a.name);
  const names = county.communities.map((c) => c.community.name);
  const servedBy = Object.fromEntries(names.map((c) => [c, listing(c)[0] ?? '']));
  const view: CountyView | undefined = county.name !== undefined ? { name: county.name, communities: names, staff: county.staff.map((s) => s.wechat), servedBy } : undefined;
  const base = (org: Org) => ({ org: withCountyStaff(org, county.staff), ...(view ? { county: view } : {}) });
  if (county.accounts.length === 0) return county.communities.map(base);
  return county.accounts.flatMap((a) =>
    county.communities
      .filter((o) => a.communities.includes(o.community.name))
      .map((org) => {
        const peers = listing(org.community.name);
        return { ...base(org), account: a.name, ...(peers.length > 1 ? { peers } : {}) };
      }),
  );
}

/**
 * What `npm start` runs: the deployments of the account asked for (`--account`,
 * `GRIDBOT_ACCOUNT`) — one bot per community it serves, all on its one WeChat login — or,
 * where the file lists one account or none, every community's, on the one login.
 */
export function selectDeployments(county: County, account: string | undefined): Deployment[] {
  const all = deploymentsOf(county);
  if (account) {
    if (county.accounts.length === 0) throw new DeploymentError(`组织文件没有列出 accounts，不能选账号 ${account}`);
    if (!county.accounts.some((a) => a.name === account)) {
      throw new DeploymentError(`组织文件里没有账号 ${account}；有：${county.accounts.map((a) => a.name).join('、')}`);
    }
    const own = all.filter((d) => d.account === account);
    if (own.length === 0) throw new DeploymentError(`账号 ${account} 没有列出要服务的社区`);
    return own;
  }
  // Without accounts listed, one login serves every community of the file.
  if (county.accounts.length <= 1) return all;
  throw new DeploymentError(`组织文件列出了 ${county.accounts.length} 个账号，每个账号一个进程：请用 --account 或 GRIDBOT_ACCOUNT 选一个（${county.accounts.map((a) => a.name).join('、')}）`);
}

/** County staff act as staff in every community (they may broadcast and see reports anywhere). */
function withCountyStaff(org: Org, staff: PersonRef[]): Org {
  const extra = staff.filter((s) => !org.community.staff.some((p) => p.wechat === s.wechat));
  if (extra.length === 0) return org;
  return { ...org, community: { ...org.community, staff: [...org.community.staff, ...extra] } };
}
