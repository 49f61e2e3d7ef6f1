/**
 * Starting and killing the soak's bot processes (scripts/soak/worker.ts), shared by
 * `npm run soak` and the kill tests.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import type { SentLine, SoakMessage, WorkerOptions } from './worker.js';

export type { SentLine, SoakMessage, WorkerOptions };

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** One life of a worker: what it printed so far, and when it exited. */
export interface Life {
  child: ChildProcessWithoutNullStreams;
  out: string;
  exited: Promise<void>;
}

/**
 * The worker as one bundled file: each of the many starts then costs node's start, not a
 * TypeScript compile. Returns its path; remove it when done.
 */
export async function bundleWorker(): Promise<string> {
  // Inside node_modules so that the packages left outside the bundle resolve.
  const out = path.join(repoRoot, 'node_modules/.cache/gridbot-soak', `worker-${process.pid}-${Date.now()}.mjs`);
  await build({
    entryPoints: [path.join(repoRoot, 'scripts/soak/worker.ts')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    outfile: out,
    packages: 'external',
    // Modules find their data files (lexicon, migrations) beside their source, two folders down.
    define: { 'import.meta.url': JSON.stringify(pathToFileURL(path.join(repoRoot, 'src/intake/lexicon.ts')).href) },
    logLevel: 'silent',
  });
  return out;
}

/** Starts a worker and resolves once it has caught up with what it stored before and says `ready`. */
export function startWorker(worker: string, opts: WorkerOptions): Promise<Life> {
  const child = spawn(process.execPath, [worker, JSON.stringify(opts)], { cwd: repoRoot, stdio: ['pipe', 'pipe', 'pipe'] });
  let err = '';
  const life: Life = { child, out: '', exited: new Promise((r) => child.once('exit', () => r())) };
  child.stdout.on('data', (d) => (life.out += d));
  child.stderr.on('data', (d) => (err = (err + d).slice(-4000)));
  child.stdin.on('error', () => undefined);
  return new Promise((resolve, reject) => {
    const poll = setInterval(() => {
      if (life.out.startsWith('ready\n')) (clearInterval(poll), resolve(life));
      if (child.exitCode !== null || child.signalCode !== null) (clearInterval(poll), reject(new Error(`worker exited before ready: ${life.out}${err}`)));
    }, 5);
  });
}

/** Hands messages to a live worker (one JSON a line). */
export function offer(life: Life, messages: SoakMessage[]): void {
  for (const m of messages) life.child.stdin.write(`${JSON.stringify(m)}\n`);
}

/** The ids the worker has read so far: handed over to the bot. */
export function readBy(life: Life): Set<string> {
  return new Set([...life.out.matchAll(/^recv (\S+)$/gm)].map((m) => m[1]!));
}

export async function kill(life: Life): Promise<void> {
  life.child.kill('SIGKILL');
  await life.exited;
}

/** What a worker's sent log holds (a line cut short by the kill is left out). */
export function readSentLog(file: string): SentLine[] {
  if (!fs.existsSync(file)) return [];
  const out: SentLine[] = [];
  for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    try {
      out.push(JSON.parse(line) as SentLine);
    } catch {
      // cut short by SIGKILL mid-append: WeChat would not have taken half a message
    }
  }
  return out;
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
