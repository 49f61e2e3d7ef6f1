import { existsSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { canonicalize } from '../../src/intake/canon.js';
import { classifyByRules } from '../../src/intake/index.js';
import { normalizeText } from '../../src/intake/normalize.js';
import { compileGate, gatedPatterns, gateOf, mayMatchAnyLength, prefilterTests, quickTest, requiredLiterals, type Clauses } from '../../src/intake/prefilter.js';
import { devSetPath, fixture, loadSet, repoRoot } from './sets.js';

const realTest = (re: RegExp, s: string) => RegExp.prototype.test.call(re, s);

/** Texts the gate of `re` would skip although `re` matches them: must be none. */
function wronglySkipped(re: RegExp, texts: string[], clauses: Clauses = requiredLiterals(re)): string[] {
  const gate = compileGate(clauses);
  const copy = new RegExp(re.source, re.flags.replace(/[gy]/g, ''));
  return texts.filter((t) => !mayMatchAnyLength(gate, t) && realTest(copy, t));
}

describe('prefilter: what a pattern requires', () => {
  it.each<[RegExp, Clauses]>([
    [/刚才|刚刚|正在/, [['刚刚', '刚才', '正在']]],
    [/(我|俺)[^，]{0,4}都报(?!警)/, [['都报'], ['俺', '我']]],
    [/(?<!天)然气(?=味|公司)/, [['然气']]],
    [/(一|两)个?月/, [['一个月', '一月', '两个月', '两月']]],
    [/楼[上下]的/, [['楼上的', '楼下的']]],
    [/ab?c/, [['abc', 'ac']]],
    [/x(?:a|b)+y/, [['x'], ['y'], ['a', 'b']].map((c) => c.sort())],
    [/\d{3,4}室/, [['室'], ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9']]],
  ])('%s → %j', (re, clauses) => {
    const got = requiredLiterals(re).map((c) => [...c].sort());
    for (const c of clauses) expect(got).toContainEqual([...c].sort());
  });

  it.each<RegExp>([/.*/, /a*/, /[^，]+/, /\p{L}+/u, /ab|c*/, /(a)\1|/, /AB/i, /x?/, /(?:)/, /[一-龥]/u])('%s constrains nothing', (re) => {
    expect(requiredLiterals(re)).toEqual([]);
  });
});

// Pattern shapes, each with texts it matches: the gate must let every one through.
const SHAPES: [RegExp, string[]][] = [
  [/ab?c/, ['ac', 'abc', 'xxacxx']],
  [/a{0,2}b/, ['b', 'ab', 'aab']],
  [/(a|)b/, ['b', 'ab']],
  [/(?:x|y|)z/, ['z', 'xz']],
  [/a(?=b)/, ['ab']],
  [/a(?!b)c/, ['ac']],
  [/(?<!x)ab/, ['ab', 'yab']],
  [/(?<=x)ab/, ['xab']],
  [/(?<=天)然气(?=味)/, ['天然气味']],
  [/[abc]d/, ['ad', 'cd']],
  [/[0-3]x/, ['0x', '3x']],
  [/[^a]b/, ['zb', '我b']],
  [/a\.b\-c\/d/, ['a.b-c/d']],
  [/\d+号/, ['12号']],
  [/a\sb/, ['a b', 'a\tb']],
  [/\u4e00个/, ['一个']],
  [/\x41B/, ['AB']],
  [/a.c/, ['abc', 'a我c']],
  [/(a)\1/, ['aa']],
  [/(?<n>ab)\k<n>/, ['abab']],
  [/a+?b/, ['ab', 'aaab']],
  [/(ab){2}/, ['abab']],
  [/(ab){2,}c/, ['ababc', 'abababc']],
  [/^ab$/, ['ab']],
  [/\bab\b/, ['x ab y']],
  [/AB/i, ['ab', 'Ab']],
  [/[👍👏]/u, ['好👍', '👏']],
  [/👍|赞/, ['👍']],
  [/\u{1F44D}/u, ['👍']],
  [/a{b/, ['a{b']],
  [/a{,2}/, ['a{,2}']],
  [/((a|b)c|d)e/, ['ace', 'bce', 'de']],
  [/[0-9][0-9][0-9]x/, ['123x']],
  [/[a-z]{2}/, ['qz']],
  [/[一二三][^，]{0,3}[楼层]/, ['一楼', '三号楼', '二 层']],
  [/(?:物业|物管)[^。]{0,15}(?:不管|没来)/, ['物业又没来', '物管不管']],
  [/x|[^y]/, ['z']],
  [/(?:a|b?)c/, ['c', 'ac', 'bc']],
  [/(a|b)*c/, ['c', 'ababc']],
  [/(?:a|bc){1,2}d/, ['ad', 'bcad', 'bcbcd']],
  [/\$\d/, ['$5']],
  [/[\-.]a/, ['-a', '.a']],
  [/[\s，,]x/, [' x', '，x']],
  [/我(?:会|懂)点?[^，]{1,6}[，,\s]*(能|可以)/, ['我会点修电脑 能', '我懂电脑可以']],
  [/(?:)/, ['', 'x']],
];

describe('prefilter: never skips a text the pattern matches', () => {
  it.each(SHAPES)('%s', (re, texts) => {
    for (const t of texts) expect(realTest(new RegExp(re.source, re.flags), t), `${re} should match ${t}`).toBe(true);
    expect(wronglySkipped(re, texts)).toEqual([]);
  });

  it('catches a wrong derivation (the check itself has teeth)', () => {
    // Treating the optional b of /ab?c/ as required would skip "ac".
    expect(wronglySkipped(/ab?c/, ['ac'], [['abc']])).toEqual(['ac']);
  });

  it('random patterns over a small alphabet', () => {
    // A seeded generator of patterns of every shape the parser reads, and of short texts.
    let seed = 12345;
    const rnd = (n: number) => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      return (seed >>> 8) % n;
    };
    const alphabet = ['a', 'b', 'c', '我', '俺', '，'];
    const atom = (depth: number): string => {
      const k = rnd(depth > 2 ? 3 : 8);
      if (k <= 1) return alphabet[rnd(alphabet.length)]!;
      if (k === 2) return ['[ab]', '[^a]', '[我俺]', '.', '\\s', '[a-c]', '[^，]'][rnd(7)]!;
      if (k === 3) return `(${pattern(depth + 1)})`;
      if (k === 4) return `(?:${pattern(depth + 1)})`;
      if (k === 5) return `(?=${pattern(depth + 1)})`;
      if (k === 6) return `(?<!${pattern(depth + 1)})`;
      return `(?!${pattern(depth + 1)})`;
    };
    const quant = () => ['', '', '', '?', '*', '+', '{0,2}', '{1,3}', '{2}', '??'][rnd(10)]!;
    const seq = (depth: number) => Array.from({ length: 1 + rnd(4) }, () => atom(depth) + quant()).join('');
    const pattern = (depth: number): string => Array.from({ length: 1 + rnd(depth > 1 ? 2 : 3) }, () => (rnd(8) === 0 ? '' : seq(depth))).join('|');
    const text = () => Array.from({ length: rnd(9) }, () => alphabet[rnd(alphabet.length)]!).join('');
    const texts = Array.from({ length: 400 }, text);
    let checked = 0;
    for (let i = 0; i < 1500; i++) {
      const source = pattern(0);
      let re: RegExp;
      try {
        re = new RegExp(source, rnd(2) ? 'u' : '');
      } catch {
        continue;
      }
      const matching = texts.filter((t) => realTest(re, t));
      checked += matching.length;
      expect(wronglySkipped(re, matching), source).toEqual([]);
    }
    expect(checked).toBeGreaterThan(10_000);
  });

  it('quickTest and prefilterTests answer as the pattern does, lastIndex included', () => {
    const g = /ab/g;
    g.lastIndex = 5;
    expect(quickTest(g, 'xyz')).toBe(false);
    expect(g.lastIndex).toBe(0);
    expect(quickTest(g, 'xab')).toBe(true);
    expect(g.lastIndex).toBe(3);
    const re = /(我|俺)[^，]{0,4}都报/;
    prefilterTests(re);
    expect(Object.prototype.hasOwnProperty.call(re, 'test')).toBe(true);
    expect(re.test('我和老伴都报')).toBe(true);
    expect(re.test('俺都报了')).toBe(true);
    expect(re.test('都报了')).toBe(false);
    expect(re.test('我，都报')).toBe(false);
    expect(re.exec('我都报')?.[0]).toBe('我都报');
  });
});

describe('prefilter: the index of texts', () => {
  it('marks exactly the clauses present, whatever the order, number, length and copies of the texts', () => {
    let seed = 777;
    const rnd = (n: number) => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      return (seed >>> 8) % n;
    };
    // Clauses of their own (ids past the first 32, so several words of marks), literals
    // that share prefixes, repeat within a text and begin with common characters.
    const clauses: Clauses = [['楼上漏水'], ['漏水', '渗水'], ['楼上', '楼下的'], ['水'], ['我家', '我'], ['电梯坏了', '电梯'], ['ab', 'abc'], ['b'], ['索引试验甲'], ['索引试验乙', '乙丙']];
    const gates = clauses.map((c) => compileGate([c]));
    const both = compileGate([['我家', '我'], ['漏水', '渗水']]);
    const pieces = ['楼上', '漏水', '渗', '水', '我', '家', '电梯', '坏了', 'a', 'b', 'c', '，', ' ', '索引试验', '甲', '乙', '丙', '的'];
    const text = () => Array.from({ length: rnd(3) === 0 ? 40 + rnd(80) : rnd(12) }, () => pieces[rnd(pieces.length)]!).join('');
    const texts = Array.from({ length: 300 }, text);
    const expectRight = (t: string) => {
      clauses.forEach((c, k) => expect(mayMatchAnyLength(gates[k]!, t), `${c} in ${t}`).toBe(c.some((l) => t.includes(l))));
      expect(mayMatchAnyLength(both, t)).toBe(['我家', '我'].some((l) => t.includes(l)) && ['漏水', '渗水'].some((l) => t.includes(l)));
    };
    for (let round = 0; round < 3; round++) {
      // Texts in a shuffled order, more than the index holds, asked again later and as fresh copies.
      for (let i = 0; i < 600; i++) {
        const t = texts[rnd(texts.length)]!;
        expectRight(rnd(2) ? t : (' ' + t).slice(1));
      }
      // A clause registered after texts were indexed: old texts are indexed again.
      const late = compileGate([[`后来的${round}`]]);
      expect(mayMatchAnyLength(late, texts[0]!)).toBe(false);
      expect(mayMatchAnyLength(late, `我家后来的${round}漏水`)).toBe(true);
    }
  });
});

describe('prefilter: every pattern of the rules, over every labelled text', () => {
  it('no pattern is skipped on a text it matches', async () => {
    const dir = `${repoRoot}/test/intake/fixtures`;
    // The dev set beside the main checkout, or further up from a worktree.
    const dev = [devSetPath, resolve(repoRoot, '../../shared/data/intake-dev.jsonl')].find((f) => existsSync(f)) ?? devSetPath;
    const files = [dev, ...readdirSync(dir).filter((f) => f.endsWith('.jsonl')).map((f) => fixture(f))];
    const raw = files.flatMap((f) => (loadSet(f) ?? []).map((r) => r.text));
    // Deriving happens as the rules first run; run them once over everything.
    for (const t of raw) classifyByRules(t);
    const whole = raw.map((t) => canonicalize(normalizeText(t)));
    const pieces = whole.flatMap((t) => t.split(/[，,。.！!？?；;：:\s…~～、]+/u)).filter((t) => t.length > 1);
    const texts = [...new Set([...whole, ...pieces])];
    expect(gatedPatterns.size).toBeGreaterThan(400);
    let filtered = 0;
    const bad: string[] = [];
    for (const re of gatedPatterns) {
      // Minutes of synchronous work would starve the worker's link to vitest: give way between patterns.
      await new Promise((done) => setImmediate(done));
      const gate = gateOf(re);
      if (!gate.filters) continue;
      filtered++;
      const copy = new RegExp(re.source, re.flags.replace(/[gy]/g, ''));
      for (const t of texts) if (!mayMatchAnyLength(gate, t) && realTest(copy, t)) bad.push(`${re.source.slice(0, 60)} on ${t}`);
    }
    expect(bad).toEqual([]);
    expect(filtered).toBeGreaterThan(300);
  }, 600_000); // an exhaustive check, minutes on a loaded 2-core machine: a limit against hangs, not a speed test
});
