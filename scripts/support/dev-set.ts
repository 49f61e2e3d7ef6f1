import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

/**
 * The labelled development set. The shared data sit beside the main checkout
 * (../shared); from a worktree further down, they are looked for further up.
 */
export function devSetPath(root: string): string {
  for (let dir = resolve(root, '..'); ; dir = resolve(dir, '..')) {
    const f = resolve(dir, 'shared/data/intake-dev.jsonl');
    if (existsSync(f) || dir === resolve(dir, '..')) return f;
  }
}
