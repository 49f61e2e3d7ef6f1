import type { MessageContext } from '../kernel/context.js';
import { badInput, forbidden } from '../errors.js';
import { badScope } from './messages.js';
import { exampleScope, parseScope, scopeRefusal, type ResolvedScope } from './scope.js';

/**
 * The scope at the start of a command's arguments, checked against what this speaker may
 * reach. Throws the refusal before anything is written.
 */
export function readScope(ctx: MessageContext, args: string, word: string): { scope: ResolvedScope; rest: string } {
  const parsed = parseScope(args, ctx.org);
  if (!parsed) throw badInput(badScope(word, exampleScope(ctx.org)));
  const refusal = scopeRefusal(ctx.speaker, ctx.org, parsed.scope);
  if (refusal) throw forbidden(refusal);
  if (parsed.scope.rooms.length === 0) throw badInput(`「${parsed.scope.label}」没有可以发通知的群。`);
  return parsed;
}
