import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Logger } from '../log.js';
import { loadOrgFile } from './load.js';
import type { Org } from './types.js';

export const EXAMPLE_ORG = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../examples/org.example.yaml');

/** The configured organisation file, or the shipped example (with a warning) when it is missing. */
export function resolveOrgFile(configured: string, log: Logger): { file: string; org: Org } {
  const file = path.resolve(configured);
  if (fs.existsSync(file)) return { file, org: loadOrgFile(file) };
  log.warn({ missing: file, using: EXAMPLE_ORG }, `organisation file ${configured} not found: using the example organisation; copy examples/org.example.yaml to org.yaml and edit it`);
  return { file: EXAMPLE_ORG, org: loadOrgFile(EXAMPLE_ORG) };
}
