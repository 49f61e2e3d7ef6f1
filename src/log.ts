import { pino, type Logger as PinoLogger } from 'pino';

export type Logger = Pick<PinoLogger, 'info' | 'warn' | 'error' | 'debug' | 'fatal' | 'child'>;

/** `pretty`: one short line a person can read; `json`: one JSON object a line, for machines. */
export type LogFormat = 'pretty' | 'json';

export interface LoggerOptions {
  level?: string;
  format?: LogFormat;
  destination?: NodeJS.WritableStream;
  /** For the time shown in pretty lines (the community's zone). */
  timeZone?: string;
  /** Colour the level word (only when writing to a terminal). */
  color?: boolean;
}

/** JSON unless a person is watching: GRIDBOT_LOG_FORMAT wins, then whether stdout is a terminal. */
export function chooseLogFormat(setting: string | undefined, isTTY: boolean): LogFormat {
  if (setting === 'json' || setting === 'pretty') return setting;
  return isTTY ? 'pretty' : 'json';
}

export function createLogger(level: string | LoggerOptions = 'info', destination?: NodeJS.WritableStream): Logger {
  const options: LoggerOptions = typeof level === 'string' ? { level, destination } : level;
  const out = options.destination ?? process.stdout;
  const base = { level: options.level ?? 'info', base: undefined };
  if (options.format !== 'pretty') return pino(base, out as never);
  const format = prettyFormatter(options.timeZone ?? 'Asia/Shanghai', options.color ?? false);
  // pino writes each record as one JSON line to `write`; we hand on the readable form.
  const pretty = { write: (line: string) => void out.write(format(line)) };
  return pino(base, pretty as never);
}

export const silentLogger: Logger = pino({ level: 'silent' });

const LEVELS: Record<number, { word: string; color: string }> = {
  10: { word: '跟踪', color: '90' },
  20: { word: '调试', color: '90' },
  30: { word: '信息', color: '32' },
  40: { word: '警告', color: '33' },
  50: { word: '错误', color: '31' },
  60: { word: '致命', color: '35' },
};

/** Fields pino adds itself, or that the message already says. */
const HIDDEN = new Set(['level', 'time', 'msg', 'pid', 'hostname', 'err']);

/**
 * Turns one pino JSON line into `09:30:05 警告 message (key=value …)`, with an error's
 * stack indented below it. Anything that is not JSON passes through unchanged.
 */
export function prettyFormatter(timeZone: string, color: boolean): (line: string) => string {
  const clock = new Intl.DateTimeFormat('zh-CN', { timeZone, hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' });
  return (line) => {
    let record: Record<string, unknown>;
    try {
      record = JSON.parse(line) as Record<string, unknown>;
    } catch {
      return line;
    }
    const level = LEVELS[Number(record.level)] ?? { word: String(record.level), color: '0' };
    const time = typeof record.time === 'number' ? clock.format(record.time) : '';
    const word = color ? `\u001b[${level.color}m${level.word}\u001b[0m` : level.word;
    const extras = Object.entries(record)
      .filter(([key, value]) => !HIDDEN.has(key) && value !== undefined && value !== null)
      .map(([key, value]) => `${key}=${shortValue(value)}`);
    let text = `${time} ${word} ${String(record.msg ?? '')}`;
    if (extras.length) text += ` (${extras.join(' ')})`;
    const err = record.err;
    if (err && typeof err === 'object') {
      const { message, stack } = err as { message?: string; stack?: string };
      text += `\n    ${(stack ?? message ?? JSON.stringify(err)).split('\n').join('\n    ')}`;
    } else if (err !== undefined) {
      text += ` 原因: ${String(err)}`;
    }
    return `${text}\n`;
  };
}

function shortValue(value: unknown): string {
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text.length > 120 ? `${text.slice(0, 117)}…` : text;
}
