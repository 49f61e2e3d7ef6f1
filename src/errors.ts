/**
 * The one error type the domain raises: a code for tests and logs, and a short Chinese
 * message for the person who sent the command. The chat edge turns it into a reply and
 * a `refused` event; nothing was changed.
 */
export class DomainError extends Error {
  constructor(
    readonly code: DomainErrorCode,
    readonly userMessage: string,
  ) {
    super(`${code}: ${userMessage}`);
    this.name = 'DomainError';
  }
}

export type DomainErrorCode =
  | 'forbidden'
  | 'bad_input'
  | 'not_found'
  | 'conflict'
  | 'not_registered'
  | 'too_long'
  /** Too many wrong codes: refused for a while, even the right one. */
  | 'locked';

export const forbidden = (msg: string) => new DomainError('forbidden', msg);
export const badInput = (msg: string) => new DomainError('bad_input', msg);
export const notFound = (msg: string) => new DomainError('not_found', msg);
export const conflict = (msg: string) => new DomainError('conflict', msg);
