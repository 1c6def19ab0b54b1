// Every regular expression in src/ is checked for catastrophic backtracking: exponential (nested,
// ambiguous quantifiers such as (a+)+) and polynomial (a quantifier that is retried from every
// position of a long run, such as the old sentence-end pattern, or two adjacent quantifiers that
// trade characters, such as \s+.+$). The checker is scslre (static analysis over the regexpp AST).
// A pattern may be let through only here, with the reason its input is bounded.
import { describe, expect, it } from 'vitest';
import { analyse } from 'scslre';
import { listRegexes } from './regex-list.js';
import { ROOT } from '../helpers.js';

const ALLOWED: Record<string, string> = {
  // the word before a period, read from at most 12 characters (line.slice(dot - 12, dot))
  'src/stages/sentences/index.ts /([\\p{L}.]+)$/u': 'input bounded to 12 characters',
  // a page's charset declaration, read from its first 4,096 bytes only (bytes.subarray(0, 4096))
  'src/io/html/charset.ts /<meta[^>]+charset\\s*=\\s*["\']?\\s*([\\w.:-]+)/i': 'input bounded to 4,096 characters',
};

const problems = (pattern: string, flags: string) =>
  analyse({ source: pattern, flags }).reports.map((r) => `${r.exponential ? 'exponential' : 'polynomial'} backtracking (${r.type}) at ${r.type === 'Trade' ? `${r.startQuant.raw} / ${r.endQuant.raw}` : r.quant.raw}`);

describe('regular expressions in src/', () => {
  const all = listRegexes(ROOT, ['src']);

  it('are all found (literals and new RegExp with a constant pattern)', () => {
    expect(all.length).toBeGreaterThan(150);
    expect(all.some((r) => r.file === 'src/stages/sentences/index.ts' && r.pattern.includes('[.!?]+'))).toBe(true);
  });

  it('have no catastrophic-backtracking shape', () => {
    const bad: string[] = [];
    for (const r of all) {
      const key = `${r.file} /${r.pattern}/${r.flags}`;
      const found = problems(r.pattern, r.flags);
      if (found.length && !ALLOWED[key]) bad.push(`${r.file}:${r.line}  /${r.pattern}/${r.flags}  ${found.join('; ')}\n    ${r.code}`);
    }
    expect(bad, `rewrite these (or bound their input and list them in ALLOWED with the reason):\n${bad.join('\n')}`).toEqual([]);
  });

  it('the allow-list names only patterns that exist and still need it', () => {
    const keys = new Set(all.map((r) => `${r.file} /${r.pattern}/${r.flags}`));
    for (const k of Object.keys(ALLOWED)) expect(keys.has(k), k).toBe(true);
  });

  it.each([
    ['the old sentence end', '[.!?]+["\'”’)\\]]*(?=\\s+["\'“‘(\\[]?[\\p{Lu}\\d])', 'gu'],
    ['nested quantifiers', '^(a+)+$', ''],
    ['a trailing run', '\\s+$', ''],
    ['adjacent quantifiers', '^Bearer\\s+(.+)$', 'i'],
  ])('the checker catches %s', (_name, pattern, flags) => {
    expect(problems(pattern, flags).length).toBeGreaterThan(0);
  });

  it.each([
    ['the sentence end', '(?<![.!?])[.!?]+["\'”’)\\]]*(?=\\s+["\'“‘(\\[]?[\\p{Lu}\\d])', 'gu'],
    ['a token', '\\d+(?:[.,]\\d+)*|[\\p{L}\\p{M}][\\p{L}\\p{M}\\d]*', 'gu'],
  ])('the checker passes %s', (_name, pattern, flags) => {
    expect(problems(pattern, flags)).toEqual([]);
  });
});
