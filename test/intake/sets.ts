import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Labelled } from '../../src/intake/evaluate.js';
import { readJsonl } from '../../src/intake/jsonl.js';
import { devSetPath as findDevSet } from '../../scripts/support/dev-set.js';

export const repoRoot = resolve(fileURLToPath(new URL('../..', import.meta.url)));
/** ../shared beside the checkout; from a helper's worktree further down, found further up. */
export const devSetPath = findDevSet(repoRoot);
export const fixture = (name: string) => resolve(repoRoot, 'test/intake/fixtures', name);

export function loadSet(path: string): Labelled[] | null {
  return existsSync(path) ? readJsonl<Labelled>(path) : null;
}
