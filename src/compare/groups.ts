// Counted groups for the figure board: people ⊃ civilians ⊃ children; fighters apart. Read from every
// language's groups.json (data/<lang>/groups.json): the classes are the same in each, their words are
// pooled, so that "12 civils" in a French report and "12 civilians" in an English one are one class and
// compare. A class marked `part` (children, women) counts a part of a population.
import { existsSync, readFileSync } from 'node:fs';
import { escapeRegExp } from '../core/regex.js';
import { readLanguages } from '../lang/index.js';

export interface GroupLexicon {
  /** word → deepest class holding it */
  classOf: Map<string, string>;
  parent: Map<string, string | null>;
  /** classes that count a part of a population: their figures break a toll down */
  parts?: Set<string>;
  /** what splits a coordination of groups ("women and children", "femmes et enfants"): commas, "&", each language's joins */
  joins?: RegExp;
}

interface GroupsFile {
  classes: Record<string, { parent: string | null; words: string[]; part?: boolean }>;
  /** the words joining two groups in this language ("and", "or") */
  joins?: string[];
}

/** Every read language's groups.json (or the files given), their words pooled under the same classes. */
export function loadGroupLexicon(files: string | readonly string[] = readLanguages().map((l) => l.data('groups.json')).filter((f) => existsSync(f))): GroupLexicon {
  const raws = (typeof files === 'string' ? [files] : files).map((f) => JSON.parse(readFileSync(f, 'utf8')) as GroupsFile);
  const parent = new Map<string, string | null>();
  const parts = new Set<string>();
  for (const raw of raws) {
    for (const [name, c] of Object.entries(raw.classes)) {
      if (!parent.has(name)) parent.set(name, c.parent);
      if (c.part) parts.add(name);
    }
  }
  const depth = (c: string): number => {
    const p = parent.get(c);
    return p ? 1 + depth(p) : 0;
  };
  const classOf = new Map<string, string>();
  for (const raw of raws) {
    for (const [name, c] of Object.entries(raw.classes)) {
      for (const w of c.words) {
        const cur = classOf.get(w);
        if (!cur || depth(name) > depth(cur)) classOf.set(w, name);
      }
    }
  }
  const words = [...new Set(raws.flatMap((r) => r.joins ?? []))];
  const joins = new RegExp([',', '&', ...words.map((w) => `(?<!\\p{L})${escapeRegExp(w)}(?!\\p{L})`)].join('|'), 'u');
  return { classOf, parent, parts, joins };
}

/**
 * The class of a counted group: for each conjunct ("women and children", "civilians and patients")
 * the deepest class of its known words, the last one on a tie (the head: "injured civilians" →
 * civilians; "civils blessés" → civilians, though French "blessés" alone counts people), then the
 * lowest class holding every conjunct.
 */
export function groupClass(who: string, lex: GroupLexicon, category?: string): string {
  const conjuncts = who.toLowerCase().split(lex.joins ?? DEFAULT_JOINS);
  const classes: string[] = [];
  for (const part of conjuncts) {
    const words = part.match(/\p{L}+(?:-\p{L}+)*/gu) ?? [];
    let best: string | null = null;
    for (let i = words.length - 1; i >= 0; i--) {
      const c = lex.classOf.get(words[i]) ?? lex.classOf.get(words[i] + 's');
      if (c && (!best || ancestors(c, lex).length > ancestors(best, lex).length)) best = c;
    }
    if (best) classes.push(best);
  }
  if (!classes.length) return category === 'vehicles' ? 'vehicles' : 'people';
  return classes.reduce((a, b) => lowestCommon(a, b, lex) ?? 'people');
}

/** The joins of a lexicon made without them (the English ones). */
const DEFAULT_JOINS = /,|\band\b|\bor\b|&/;

function lowestCommon(a: string, b: string, lex: GroupLexicon): string | null {
  const up = ancestors(a, lex);
  return ancestors(b, lex).find((c) => up.includes(c)) ?? null;
}

export function ancestors(c: string, lex: GroupLexicon): string[] {
  const out = [c];
  for (let p = lex.parent.get(c); p; p = lex.parent.get(p)) out.push(p);
  return out;
}

export function compatibleGroups(a: string, b: string, lex: GroupLexicon): boolean {
  return ancestors(a, lex).includes(b) || ancestors(b, lex).includes(a);
}

/** Is `inner` strictly inside `outer` (children inside people)? */
export function strictlyInside(inner: string, outer: string, lex: GroupLexicon): boolean {
  return inner !== outer && ancestors(inner, lex).includes(outer);
}

/** Does the class count a part of a population (children, women)? */
export function isPartClass(c: string, lex: GroupLexicon): boolean {
  return lex.parts?.has(c) ?? false;
}
