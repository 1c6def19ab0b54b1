// eld's n-gram table, loaded fast. eld (Apache-2.0) ships the table as one JavaScript object literal
// (src/ngrams/extrasmall.js, 950 KB, ~50,000 n-grams) that costs ~150 ms to compile and evaluate on
// every cold start, more than the rest of the language's resources together. Here it is copied once
// into the compiled-lexicon cache (.cache/lexicons.bin, see pipeline/compiled-cache.ts: the keys as
// one string, the scores as one string of numbers, with eld's separator pattern and byte dictionary),
// which loads in a few ms without loading any of eld's modules. ./eld-score.ts scores texts over that compact form directly (eld's steps,
// no object per n-gram), so the answers are eld's to the digit. Fallbacks: when eld's separator
// pattern or byte dictionary is not where this version keeps them, eld's own detector
// (src/languageDetector.js) scores over a proxy that makes each n-gram's scores object on first use;
// when the table cannot be put in that form, eld's own entry is loaded. The cache is rebuilt when
// eld's files change or FORMAT is bumped (the entry does not depend on the build of our code).
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { projectRoot } from '../core/paths.js';
import { compiled } from '../pipeline/compiled-cache.js';
import { compactDetector, type CompactScores, type EldText } from './eld-score.js';

export interface Eld {
  detect(text: string): { language: string; getScores(): Record<string, number> };
}

interface EldTable {
  type: string;
  languages: Record<string, string>;
  ngrams: Record<string, Record<string, number>>;
}

interface CacheFile {
  format: 2;
  stamp: string;
  type: string;
  languages: Record<string, string>;
  /** every n-gram, sorted (by UTF-16 code units), joined by `sep` */
  keys: string;
  sep: string;
  /** per n-gram in key order: the number of languages n, then n pairs (language index, score), each number plus BASE as one UTF-16 code unit */
  data: string;
}

const FORMAT = 2;
/** The compiled cache's entry: its name changes with the layout of what it holds (the entry does not depend on our code's build). */
const ENTRY = 'eld-extrasmall-3';
/** Added to every number of `data`, so that none is a control character JSON must escape. */
const BASE = 0x100;
const requireHere = createRequire(import.meta.url);
/** eld publishes ES modules only; Node ≥ 20.19 loads one synchronously with require(). */
const load = (file: string): unknown => requireHere(file);

interface EldFiles {
  pkg: string;
  entry: string;
  detector: string;
  table: string;
  stamp: string;
}

function eldFiles(): EldFiles {
  let entry: string;
  try {
    entry = decodeURIComponent(new URL(import.meta.resolve('eld/extrasmall')).pathname);
  } catch {
    entry = join(projectRoot(), 'node_modules', 'eld', 'src', 'entries', 'static.extrasmall.js');
  }
  const pkg = dirname(dirname(dirname(entry)));
  const detector = join(pkg, 'src', 'languageDetector.js');
  const table = join(pkg, 'src', 'ngrams', 'extrasmall.js');
  let stamp = '';
  try {
    const version = (JSON.parse(readFileSync(join(pkg, 'package.json'), 'utf8')) as { version: string }).version;
    stamp = `eld@${version} extrasmall ${statSync(table).size}`;
  } catch {
    /* no stamp: the cache is not used */
  }
  return { pkg, entry, detector, table, stamp };
}

/** The compact form of eld's table (throws when a score does not fit the form). */
export function compactTable(t: EldTable, stamp: string): CacheFile {
  const keys = Object.keys(t.ngrams).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  let sep = '\u0000';
  for (let c = 1; keys.some((k) => k.includes(sep)); c++) sep = String.fromCharCode(c);
  const data: number[] = [];
  const unit = (n: number) => {
    if (!Number.isInteger(n) || n < 0 || n + BASE > 0xffff) throw new Error(`eld cache: ${n} does not fit one code unit`);
    data.push(n + BASE);
  };
  for (const k of keys) {
    const scores = t.ngrams[k];
    const langs = Object.keys(scores);
    unit(langs.length);
    for (const l of langs) (unit(Number(l)), unit(scores[l]));
  }
  let text = '';
  for (let i = 0; i < data.length; i += 4096) text += String.fromCharCode(...data.slice(i, i + 4096));
  return { format: FORMAT, stamp, type: t.type, languages: t.languages, keys: keys.join(sep), sep, data: text };
}

/** The compact form's keys and where each key's scores start in `data`. */
function indexTable(c: CacheFile): { keys: string[]; at: Int32Array } {
  const keys = c.keys.split(c.sep);
  const data = c.data;
  const at = new Int32Array(keys.length);
  let p = 0;
  for (let i = 0; i < keys.length; i++) {
    at[i] = p;
    p += 1 + 2 * (data.charCodeAt(p) - BASE);
  }
  if (p !== data.length) throw new Error('eld cache: keys and scores disagree');
  return { keys, at };
}

/** The compact form as the scorer of ./eld-score.ts reads it. */
export function compactScores(c: CacheFile): CompactScores {
  const { keys, at } = indexTable(c);
  const codes = Object.keys(c.languages).map((i) => c.languages[i]);
  if (codes.some((code, i) => c.languages[String(i)] !== code)) throw new Error('eld cache: languages are not numbered 0..n-1');
  return { keys, at, data: c.data, base: BASE, codes };
}

/**
 * eld's table from the compact form: an object whose n-grams are found by binary search over the
 * sorted keys and turned into eld's { languageIndex: score } objects on first use.
 */
export function expandTable(c: CacheFile): EldTable {
  const { keys, at } = indexTable(c);
  const data = c.data;
  const find = (key: string): number => {
    let lo = 0;
    let hi = keys.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const k = keys[mid];
      if (k === key) return at[mid];
      if (k < key) lo = mid + 1;
      else hi = mid - 1;
    }
    return -1;
  };
  const made = new Map<string, Record<string, number> | undefined>();
  const ngrams = new Proxy(Object.create(null) as Record<string, Record<string, number>>, {
    get(_t, key) {
      if (typeof key !== 'string') return undefined;
      if (made.has(key)) return made.get(key);
      const i = find(key);
      let o: Record<string, number> | undefined;
      if (i >= 0) {
        o = {};
        for (let j = i + 1, end = i + 1 + 2 * (data.charCodeAt(i) - BASE); j < end; j += 2) o[data.charCodeAt(j) - BASE] = data.charCodeAt(j + 1) - BASE;
      }
      if (made.size < 100_000) made.set(key, o);
      return o;
    },
  });
  return { type: c.type, languages: c.languages, ngrams };
}

/** eld's separator pattern and byte dictionary (its src folder), or null when they are not where this version keeps them. */
function eldText(src: string): EldText | null {
  try {
    const { separators } = load(join(src, 'regexPatterns.js')) as { separators: unknown };
    const { dictionary } = load(join(src, 'dictionary.js')) as { dictionary: unknown };
    if (separators instanceof RegExp && Array.isArray(dictionary) && dictionary.length === 256) return { separators, dictionary: dictionary as string[] };
  } catch {
    /* another layout */
  }
  return null;
}

/**
 * What the compiled cache keeps: the scorer's form of the table (its keys as an array and their offsets:
 * splitting the keys' string costs more than reading the array) with eld's pieces it needs, or, when
 * those are not found, the compact table for eld's own detector.
 */
type Compiled = { scores: CompactScores; text: EldText } | { table: CacheFile; text: null };

/** eld's detector with the extrasmall table, from the compiled cache (built first when missing or stale). */
export function loadEld(): Eld {
  const f = eldFiles();
  if (f.stamp && existsSync(f.detector)) {
    try {
      const src = dirname(f.detector);
      const sources = [join(f.pkg, 'package.json'), f.table, join(src, 'regexPatterns.js'), join(src, 'dictionary.js')];
      const build = (): Compiled => {
        const { ngramsData } = load(f.table) as { ngramsData: EldTable };
        const table = compactTable(ngramsData, f.stamp);
        const text = eldText(src);
        return text ? { scores: compactScores(table), text } : { table, text };
      };
      const c = compiled(ENTRY, sources, [], build);
      if (c.text) return compactDetector(c.scores, c.text);
      const { createEld } = load(f.detector) as { createEld: () => { instance: Eld; loadData: (d: EldTable) => string } };
      const { instance, loadData } = createEld();
      if (loadData(expandTable(c.table))) return instance;
    } catch {
      /* eld's layout changed, or a score the compact form cannot hold: its own entry below */
    }
  }
  return eldOwn();
}

/** eld's own detector, its table loaded as eld ships it (slow: the fallback, and the reference in tests). */
export function eldOwn(): Eld {
  return (load(eldFiles().entry) as { eld: Eld }).eld;
}
