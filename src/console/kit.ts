/**
 * The types every console page module shares, apart from the server that wires them
 * (src/console/server.ts), so that pages and server do not import each other.
 */
import type { Context } from 'hono';
import type { Clock } from '../clock.js';
import type { Config } from '../config.js';
import type { Logger } from '../log.js';
import type { Db } from '../store/db.js';
import type { OrgDirectory } from '../org/directory.js';
import type { Org } from '../org/types.js';
import type { CommandOutcome, RunAsOptions } from '../app/bot.js';
import type { AuditEntry } from '../store/console-auth.js';
import type { Html } from './html.js';
import type { PageOptions } from './layout.js';
import type { Viewer } from './viewer.js';

/** The WeChat account's state, as the status page shows it. */
export interface ChatStatus {
  loggedIn: boolean;
  account?: string;
  /** The code to scan, while the login waits for it. */
  qr?: string;
  lastError?: string;
  lastErrorAt?: Date;
}

/** What the console needs of the running bot. */
export interface ConsoleBot {
  readonly org: OrgDirectory;
  runCommandAs<T = undefined>(alias: string, text: string, opts?: RunAsOptions<T>): Promise<CommandOutcome<T>>;
  useOrg(org: Org): void;
}

export interface ConsoleDeps {
  db: Db;
  clock: Clock;
  config: Readonly<Config>;
  log: Logger;
  bot: ConsoleBot;
  /** The WeChat account's state, for the status page. */
  chatStatus?(): ChatStatus;
  /** Where organisation edits are saved (the file `npm start` imports). */
  orgFile?: string;
  /** Why the organisation cannot be edited here (a county: its file or folder is edited directly). */
  orgReadOnly?: string;
  /**
   * Every community of the county as the file describes it, where the deployment is a
   * county: the county overview judges each one's tickets late by its own time limits.
   */
  countyOrgs?: readonly Org[];
}

export type ConsoleEnv = { Variables: { viewer: Viewer; csrf: string; session: string } };
export type Ctx = Context<ConsoleEnv>;

/** Helpers every page module uses. */
export interface ConsoleKit {
  deps: ConsoleDeps;
  render(c: Ctx, opts: Omit<PageOptions, 'viewer' | 'csrf' | 'flash'>, body: Html, status?: number): Response;
  /** A hidden CSRF field for a form. */
  csrfField(c: Ctx): Html;
  /** Records a write in the audit log; refused ones too. */
  audit(c: Ctx, entry: Omit<AuditEntry, 'alias'>): Promise<void>;
  flash(c: Ctx, ok: boolean, text: string): void;
  refuse(c: Ctx, action: string, target: string, message: string): Promise<Response>;
}

