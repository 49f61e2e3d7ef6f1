import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * Temporary folders (the simulator's database, benchmarks, tests) that are removed when
 * their owner is done, and in any case when the process ends — normally, by an error, or
 * by Ctrl-C / SIGTERM — so runs leave nothing behind in the temporary directory.
 */
const live = new Set<string>();
let hooked = false;

function removeAll(): void {
  for (const dir of live) fs.rmSync(dir, { recursive: true, force: true });
  live.clear();
}

function hookProcessEnd(): void {
  if (hooked) return;
  hooked = true;
  process.once('exit', removeAll);
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    // A program that handles the signal itself decides when to exit; 'exit' then cleans up.
    if (process.listenerCount(signal) > 0) continue;
    process.once(signal, () => {
      removeAll();
      process.exit(128 + (os.constants.signals[signal] ?? 0));
    });
  }
}

export interface ScratchDir {
  readonly path: string;
  remove(): void;
}

export function scratchDir(prefix: string): ScratchDir {
  hookProcessEnd();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  live.add(dir);
  return {
    path: dir,
    remove: () => {
      live.delete(dir);
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
