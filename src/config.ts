import fs from 'node:fs';
import { z } from 'zod';
import { DAILY_RESERVE_SHARE, DEFAULT_ABUSE_RULES, type AbuseRules } from './abuse/limits.js';
import { DEFAULT_DATABASE_URL } from './store/database-url.js';
import { DEFAULT_TIME_ZONE } from './time.js';

/** The login profile (memory card) name when WECHATY_NAME is not set. */
export const DEFAULT_PROFILE_NAME = 'gridbot';

const num = (def: number) =>
  z
    .string()
    .optional()
    .transform((v) => (v === undefined || v.trim() === '' ? def : Number(v)))
    .pipe(z.number().finite());

const envSchema = z.object({
  WECHATY_PUPPET: z.string().default('wechaty-puppet-wechat4u'),
  WECHATY_PUPPET_SERVICE_TOKEN: z.string().optional(),
  WECHATY_NAME: z.string().default(DEFAULT_PROFILE_NAME),
  DATABASE_URL: z.string().default(DEFAULT_DATABASE_URL),
  GRIDBOT_ORG_FILE: z.string().default('org.yaml'),
  GRIDBOT_ACCOUNT: z.string().optional(),
  GRIDBOT_BOT_NAME: z.string().optional(),
  GRIDBOT_TIMEZONE: z.string().default(DEFAULT_TIME_ZONE),
  GRIDBOT_SEND_PER_MINUTE: num(20).pipe(z.number().int().min(1).max(40)),
  GRIDBOT_SEND_ROOM_GAP_SECONDS: num(3).pipe(z.number().min(3)),
  GRIDBOT_SEND_PAUSE_MIN_SECONDS: num(1).pipe(z.number().min(0)),
  GRIDBOT_SEND_PAUSE_MAX_SECONDS: num(3).pipe(z.number().min(0)),
  GRIDBOT_SEND_DAILY_CAP: num(300).pipe(z.number().int().min(1)),
  GRIDBOT_SEND_DAILY_RESERVE: num(-1).pipe(z.number().int().min(-1)),
  GRIDBOT_SEND_BACKOFF_MINUTES: num(30).pipe(z.number().min(1)),
  GRIDBOT_LOGIN_MAX_SCANS: num(5).pipe(z.number().int().min(1)),
  GRIDBOT_LLM_BASE_URL: z.string().optional(),
  GRIDBOT_LLM_API_KEY: z.string().optional(),
  GRIDBOT_LLM_MODEL: z.string().optional(),
  GRIDBOT_LLM_MODE: z.enum(['never', 'unsure', 'always']).optional(),
  GRIDBOT_INTAKE_LEARNED: z.enum(['on', 'off']).default('on'),
  GRIDBOT_LLM_TIMEOUT_MS: num(8000).pipe(z.number().int().min(100)),
  GRIDBOT_LLM_MAX_CALLS_PER_DAY: num(2000).pipe(z.number().int().min(0)),
  GRIDBOT_LLM_MAX_CALLS_PER_ROOM_PER_DAY: num(200).pipe(z.number().int().min(0)),
  GRIDBOT_MEDIA_DIR: z.string().default('./data/media'),
  GRIDBOT_MEDIA_MAX_MB: num(10).pipe(z.number().positive().max(100)),
  GRIDBOT_ASR_BASE_URL: z.string().optional(),
  GRIDBOT_ASR_API_KEY: z.string().optional(),
  GRIDBOT_ASR_MODEL: z.string().optional(),
  GRIDBOT_ASR_TIMEOUT_MS: num(15000).pipe(z.number().int().min(100)),
  GRIDBOT_DIGEST_TIME: z.string().regex(/^\d{1,2}:\d{2}$/).default('18:00'),
  GRIDBOT_NOTICE_GRACE_MINUTES: num(30).pipe(z.number().min(0)),
  GRIDBOT_CONSOLE_PORT: num(8080).pipe(z.number().int().min(0).max(65535)),
  GRIDBOT_CONSOLE_HOST: z.string().default('127.0.0.1'),
  GRIDBOT_CONSOLE_URL: z.string().url().optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  GRIDBOT_LOG_FORMAT: z.enum(['pretty', 'json']).optional(),
});

export interface SendLimits {
  perMinute: number;
  roomGapMs: number;
  pauseMinMs: number;
  pauseMaxMs: number;
  dailyCap: number;
  /**
   * Of the daily cap, this many are kept for urgent acknowledgements and messages to
   * post-holders: ordinary messages stop at `dailyCap - dailyReserve`.
   */
  dailyReserve: number;
  backoffMs: number;
}

export interface Config {
  puppet: string;
  puppetToken?: string;
  botProfileName: string;
  databaseUrl: string;
  orgFile: string;
  /** Which of the organisation's accounts this process runs (a county lists several). */
  account?: string;
  botName?: string;
  timeZone: string;
  send: SendLimits;
  /** Abuse limits per sender, per group and per kind of code (src/abuse/limits.ts). */
  abuse: Readonly<AbuseRules>;
  loginMaxScans: number;
  model?: {
    baseURL: string;
    apiKey: string;
    model: string;
    mode: 'never' | 'unsure' | 'always';
    timeoutMs: number;
    maxCallsPerDay: number;
    maxCallsPerRoomPerDay: number;
  };
  /** The learned component beside the intake rules (src/intake/learned.ts). */
  intakeLearned: boolean;
  /** Photos and voice notes: where their files are kept (never served publicly), and the cap. */
  media: { dir: string; maxBytes: number };
  /** Speech-to-text for voice notes (OpenAI-compatible `/audio/transcriptions`); off when unset. */
  asr?: { baseURL: string; apiKey: string; model: string; timeoutMs: number };
  digestTime: string;
  noticeGraceMs: number;
  /** The staff web console; port 0 turns it off. */
  console: {
    port: number;
    host: string;
    /** The address people open (login links point here). */
    publicUrl: string;
  };
  logLevel: string;
  /** Unset: readable lines at a terminal, JSON otherwise. */
  logFormat?: 'pretty' | 'json';
}

export class ConfigError extends Error {}

/** Parses the environment once into a frozen object; nothing else reads process.env. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Readonly<Config> {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`配置有误 (configuration error):\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  if (e.GRIDBOT_SEND_PAUSE_MAX_SECONDS < e.GRIDBOT_SEND_PAUSE_MIN_SECONDS) {
    throw new ConfigError('GRIDBOT_SEND_PAUSE_MAX_SECONDS must not be below GRIDBOT_SEND_PAUSE_MIN_SECONDS');
  }
  try {
    new Intl.DateTimeFormat('en', { timeZone: e.GRIDBOT_TIMEZONE });
  } catch {
    throw new ConfigError(`GRIDBOT_TIMEZONE: unknown time zone ${e.GRIDBOT_TIMEZONE}`);
  }
  const model = e.GRIDBOT_LLM_BASE_URL
    ? {
        baseURL: e.GRIDBOT_LLM_BASE_URL,
        apiKey: e.GRIDBOT_LLM_API_KEY ?? 'none',
        model: e.GRIDBOT_LLM_MODEL ?? 'deepseek-chat',
        mode: e.GRIDBOT_LLM_MODE ?? 'unsure',
        timeoutMs: e.GRIDBOT_LLM_TIMEOUT_MS,
        maxCallsPerDay: e.GRIDBOT_LLM_MAX_CALLS_PER_DAY,
        maxCallsPerRoomPerDay: e.GRIDBOT_LLM_MAX_CALLS_PER_ROOM_PER_DAY,
      }
    : undefined;
  return Object.freeze({
    puppet: e.WECHATY_PUPPET,
    puppetToken: e.WECHATY_PUPPET_SERVICE_TOKEN,
    botProfileName: e.WECHATY_NAME,
    databaseUrl: e.DATABASE_URL,
    orgFile: e.GRIDBOT_ORG_FILE,
    account: e.GRIDBOT_ACCOUNT?.trim() || undefined,
    botName: e.GRIDBOT_BOT_NAME,
    timeZone: e.GRIDBOT_TIMEZONE,
    send: Object.freeze({
      perMinute: e.GRIDBOT_SEND_PER_MINUTE,
      roomGapMs: e.GRIDBOT_SEND_ROOM_GAP_SECONDS * 1000,
      pauseMinMs: e.GRIDBOT_SEND_PAUSE_MIN_SECONDS * 1000,
      pauseMaxMs: e.GRIDBOT_SEND_PAUSE_MAX_SECONDS * 1000,
      dailyCap: e.GRIDBOT_SEND_DAILY_CAP,
      dailyReserve: Math.min(
        e.GRIDBOT_SEND_DAILY_CAP - 1,
        e.GRIDBOT_SEND_DAILY_RESERVE >= 0 ? e.GRIDBOT_SEND_DAILY_RESERVE : Math.floor(e.GRIDBOT_SEND_DAILY_CAP * DAILY_RESERVE_SHARE),
      ),
      backoffMs: e.GRIDBOT_SEND_BACKOFF_MINUTES * 60_000,
    }),
    abuse: DEFAULT_ABUSE_RULES,
    loginMaxScans: e.GRIDBOT_LOGIN_MAX_SCANS,
    model,
    media: Object.freeze({ dir: e.GRIDBOT_MEDIA_DIR, maxBytes: Math.round(e.GRIDBOT_MEDIA_MAX_MB * 1024 * 1024) }),
    asr: e.GRIDBOT_ASR_BASE_URL
      ? Object.freeze({
          baseURL: e.GRIDBOT_ASR_BASE_URL,
          apiKey: e.GRIDBOT_ASR_API_KEY ?? 'none',
          model: e.GRIDBOT_ASR_MODEL ?? 'whisper-1',
          timeoutMs: e.GRIDBOT_ASR_TIMEOUT_MS,
        })
      : undefined,
    digestTime: e.GRIDBOT_DIGEST_TIME,
    noticeGraceMs: e.GRIDBOT_NOTICE_GRACE_MINUTES * 60_000,
    console: Object.freeze({
      port: e.GRIDBOT_CONSOLE_PORT,
      host: e.GRIDBOT_CONSOLE_HOST,
      publicUrl: (e.GRIDBOT_CONSOLE_URL ?? consoleAddress(e.GRIDBOT_CONSOLE_HOST, e.GRIDBOT_CONSOLE_PORT)).replace(/\/+$/, ''),
    }),
    intakeLearned: e.GRIDBOT_INTAKE_LEARNED === 'on',
    logLevel: e.LOG_LEVEL,
    logFormat: e.GRIDBOT_LOG_FORMAT,
  });
}

function consoleAddress(host: string, port: number): string {
  return `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
}

/**
 * The settings of the bot of the `lane`-th community one login serves (0 is the first):
 * its console listens on the next port up, at an address with that port. An address set
 * in GRIDBOT_CONSOLE_URL without a port (behind a proxy) cannot be guessed for the others:
 * they are given their local address, and `warning` says so.
 */
export function laneConfig(config: Readonly<Config>, lane: number): { config: Readonly<Config>; warning?: string } {
  if (lane === 0 || config.console.port === 0) return { config };
  const { host, port, publicUrl } = config.console;
  const own = port + lane;
  let url = consoleAddress(host, own);
  let warning: string | undefined;
  if (publicUrl !== consoleAddress(host, port)) {
    const set = new URL(publicUrl);
    if (set.port) {
      set.port = String(Number(set.port) + lane);
      url = set.toString().replace(/\/+$/, '');
    } else {
      warning = `GRIDBOT_CONSOLE_URL 没有端口：第 ${lane + 1} 个社区的工作台在 ${url}，请在代理里为它另设地址`;
    }
  }
  return { config: Object.freeze({ ...config, console: Object.freeze({ ...config.console, port: own, publicUrl: url }) }), warning };
}

/** Reads a .env file (KEY=value lines) into an env object, without overriding what is set. */
export function readDotEnv(file: string, env: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  if (!fs.existsSync(file)) return env;
  const merged = { ...env };
  for (const line of fs.readFileSync(file, 'utf8').split(/\r?\n/)) {
    const m = /^\s*([A-Z0-9_]+)\s*=\s*(.*?)\s*$/.exec(line);
    if (!m || line.trim().startsWith('#')) continue;
    const value = m[2].replace(/^(['"])(.*)\1$/, '$2');
    if (merged[m[1]] === undefined) merged[m[1]] = value;
  }
  return merged;
}
