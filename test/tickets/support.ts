import path from 'node:path';
import { loadOrgFile } from '../../src/org/load.js';
import type { Org } from '../../src/org/types.js';
import { OrgDirectory } from '../../src/org/directory.js';
import { demoOrg, repoRoot } from '../support/sim.js';

/** The second community of these tests: other names, posts missing, overrides. */
export function otherOrg(): Org {
  return loadOrgFile(path.join(repoRoot, 'test/tickets/fixtures/other-org.yaml'));
}

/** The demo community with some of its file changed (routing, sla…). */
export function demoWith(change: Partial<Org>): OrgDirectory {
  return new OrgDirectory({ ...demoOrg(), ...change });
}

export const demo = () => new OrgDirectory(demoOrg());
export const other = () => new OrgDirectory(otherOrg());
