// House rule: fixtures, examples and code are our own words. No run of 8 words in our sources,
// tests or examples may repeat a benchmark text (../shared: the seed, the eval corpora, FA-KES),
// except organisation names. Skips when ../shared is absent.
import { describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../helpers.js';

const SHARED = process.env.SITREP_SHARED ?? join(ROOT, '..', 'shared');
const N = 8;
// shingles made only of an organisation's name are facts, not copied sentences
const NAMES = ['office for the coordination of humanitarian affairs', 'syrian observatory for human rights', 'international committee of the red cross', 'islamic state of iraq and the levant', 'organization for the prohibition of chemical weapons'];

const words = (t: string) => t.toLowerCase().match(/[a-z0-9]+/g) ?? [];

function benchmarkShingles(): Set<string> {
  const out = new Set<string>();
  const add = (t: string) => {
    const w = words(t);
    for (let i = 0; i + N <= w.length; i++) out.add(w.slice(i, i + N).join(' '));
  };
  for (const d of ['dev/corpus', 'attribution/corpus', 'entities/corpus']) {
    const dir = join(SHARED, 'eval', d);
    if (!existsSync(dir)) continue;
    for (const f of readdirSync(dir)) add(JSON.parse(readFileSync(join(dir, f), 'utf8')).text);
  }
  const seeds = join(SHARED, 'seeds');
  if (existsSync(seeds)) for (const f of readdirSync(seeds)) add(readFileSync(join(seeds, f), 'utf8'));
  const fakes = join(SHARED, 'data', 'fa-kes', 'FA-KES-Dataset.csv');
  if (existsSync(fakes)) add(readFileSync(fakes, 'utf8'));
  return out;
}

function files(dir: string, out: string[] = []): string[] {
  for (const f of readdirSync(dir)) {
    const p = join(dir, f);
    if (statSync(p).isDirectory()) files(p, out);
    else if (/\.(ts|js|mjs|json|md|txt|html)$/.test(f)) out.push(p);
  }
  return out;
}

describe.skipIf(!existsSync(join(SHARED, 'eval')))('no benchmark text in the project', () => {
  it('shares no 8-word run with the benchmark texts, names aside', () => {
    const bench = benchmarkShingles();
    const nameShingles = new Set<string>();
    for (const n of NAMES) {
      const w = words(n);
      for (let i = 0; i + N <= w.length; i++) nameShingles.add(w.slice(i, i + N).join(' '));
    }
    const isName = (s: string) => nameShingles.has(s) || NAMES.some((n) => s.includes(n.split(' ').slice(0, 5).join(' ')));
    const hits: string[] = [];
    for (const d of ['src', 'test', 'examples', 'web', 'scripts', 'bench']) {
      for (const f of files(join(ROOT, d))) {
        const w = words(readFileSync(f, 'utf8'));
        for (let i = 0; i + N <= w.length; i++) {
          const s = w.slice(i, i + N).join(' ');
          if (bench.has(s) && !isName(s)) hits.push(`${f.slice(ROOT.length + 1)}: «${s}»`);
        }
      }
    }
    expect(hits, hits.join('\n')).toEqual([]);
  }, 60_000);
});
