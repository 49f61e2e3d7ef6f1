/**
 * The console over a running simulation, in a real headless Chromium. The simulator's
 * bot, database and virtual clock are the console's: what the console does shows in the
 * simulator's events and in the mock groups.
 */
import fs from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';
import { Simulation } from '../../src/simulate/run.js';
import { parseScript } from '../../src/simulate/script.js';
import { silentLogger } from '../../src/log.js';
import { isoLocal } from '../../src/time.js';
import { startConsole, type RunningConsole } from '../../src/console/server.js';
import { createLoginLink } from '../../src/store/console-auth.js';
import type { Org } from '../../src/org/types.js';
import { demoOrg, type RecordedEvent } from '../support/sim.js';

export const CHROMIUM = '/usr/bin/chromium';
export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

/** The browser tests must run: a missing Chromium is a failure, never a skip. */
export async function launchBrowser(): Promise<Browser> {
  if (!fs.existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: install Debian's chromium (apt-get install chromium)`);
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}

export interface ConsoleWorld {
  sim: Simulation;
  events: RecordedEvent[];
  console: RunningConsole;
  /** Plays simulator script lines (`at`, `wait`, `[room] name(alias): text`). */
  play(script: string): Promise<void>;
  /** Lets the bot send what it queued (a few virtual seconds). */
  settle(): Promise<void>;
  /** A one-time login link for a person of the file. */
  linkFor(alias: string): Promise<string>;
  close(): Promise<void>;
}

export async function consoleWorld(opts: { org?: Org; script?: string } = {}): Promise<ConsoleWorld> {
  const events: RecordedEvent[] = [];
  const sim = new Simulation({
    org: opts.org ?? demoOrg(),
    onEvent: (e, at) => events.push({ at: isoLocal(at), ...e } as RecordedEvent),
    log: silentLogger,
  });
  await sim.start();
  const config = { ...sim.config, console: { port: 0, host: '127.0.0.1', publicUrl: 'http://127.0.0.1' } };
  const running = await startConsole({ db: sim.db, clock: sim.clock, config, log: silentLogger, bot: sim.bot }, 0);
  const world: ConsoleWorld = {
    sim,
    events,
    console: running,
    async play(script) {
      for (const step of parseScript(script, 'Asia/Shanghai')) await sim.play(step);
    },
    settle: () => sim.settle(),
    async linkFor(alias) {
      return `${running.url}/login/link/${await createLoginLink(sim.db, sim.clock, alias)}`;
    },
    async close() {
      await running.close();
      await sim.stop();
    },
  };
  if (opts.script) await world.play(opts.script);
  return world;
}

/** A page that records every console error and failed request, for the test to assert none. */
export async function watchedPage(browser: Browser, viewport = { width: 1280, height: 900 }): Promise<{ page: Page; errors: string[] }> {
  const context = await browser.newContext({ viewport, locale: 'zh-CN' });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('requestfailed', (r) => errors.push(`request failed: ${r.url()}`));
  return { page, errors };
}

/** Logs a page in through a one-time link, as a person opening it from WeChat would. */
export async function logIn(page: Page, link: string): Promise<void> {
  await page.goto(link);
  await page.click('#login-button');
  await page.waitForURL(/\/tickets$/);
}
