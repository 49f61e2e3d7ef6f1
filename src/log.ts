import { pino, type Logger as PinoLogger } from 'pino';

export type Logger = Pick<PinoLogger, 'info' | 'warn' | 'error' | 'debug' | 'fatal' | 'child'>;

export function createLogger(level = 'info', destination?: NodeJS.WritableStream): Logger {
  return destination ? pino({ level, base: undefined }, destination as never) : pino({ level, base: undefined });
}

export const silentLogger: Logger = pino({ level: 'silent' });
