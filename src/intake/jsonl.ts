import { readFileSync } from 'node:fs';

/** Objects of a JSON Lines file; blank lines skipped, a bad line named by number. */
export function readJsonl<T = Record<string, unknown>>(path: string): T[] {
  const out: T[] = [];
  readFileSync(path, 'utf8')
    .split(/\r?\n/)
    .forEach((line, i) => {
      if (!line.trim()) return;
      try {
        out.push(JSON.parse(line) as T);
      } catch {
        throw new Error(`${path}:${i + 1}: not valid JSON`);
      }
    });
  return out;
}
