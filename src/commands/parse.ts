import type { CommandSpec } from './types.js';

export interface MatchedCommand {
  spec: CommandSpec;
  word: string;
  args: string;
}

interface Entry {
  word: string;
  spec: CommandSpec;
}

/**
 * Finds the command a normalised message starts with: the longest alias wins (取消报名
 * before 报名), with or without a space before the arguments (报名#A1).
 */
export class CommandMatcher {
  private readonly entries: Entry[];

  constructor(specs: readonly CommandSpec[]) {
    this.entries = specs
      .flatMap((spec) => [spec.name, ...(spec.aliases ?? [])].map((word) => ({ word, spec })))
      .sort((a, b) => b.word.length - a.word.length);
  }

  match(text: string): MatchedCommand | undefined {
    for (const { word, spec } of this.entries) {
      if (!text.startsWith(word)) continue;
      const rest = text.slice(word.length);
      const args = rest.replace(/^[\s:：,，]+/, '').trim();
      if (spec.accepts && !spec.accepts(args)) continue;
      return { spec, word, args };
    }
    return undefined;
  }
}
