// Counted groups for the figure board: people ⊃ civilians ⊃ children; fighters apart. Read from
// data/en/groups.json; a class marked `part` (children, women) counts a part of a population.
import { readFileSync } from 'node:fs';
import { english } from '../lang/index.js';

export interface GroupLexicon {
  /** word → deepest class holding it */
  classOf: Map<string, string>;
  parent: Map<string, string | null>;
  /** classes that count a part of a population: their figures break a toll down */
  parts?: Set<string>;
}

export function loadGroupLexicon(file = english.data('groups.json')): GroupLexicon {
  const raw = JSON.parse(readFileSync(file, 'utf8')) as { classes: Record<string, { parent: string | null; words: string[]; part?: boolean }> };
  const parent = new Map<string, string | null>();
  const parts = new Set<string>();
  for (const [name, c] of Object.entries(raw.classes)) {
    parent.set(name, c.parent);
    if (c.part) parts.add(name);
  }
  const depth = (c: string): number => {
    const p = parent.get(c);
    return p ? 1 + depth(p) : 0;
  };
  const classOf = new Map<string, string>();
  for (const [name, c] of Object.entries(raw.classes)) {
    for (const w of c.words) {
      const cur = classOf.get(w);
      if (!cur || depth(name) > depth(cur)) classOf.set(w, name);
    }
  }
  return { classOf, parent, parts };
}

/**
 * The class of a counted group: for each conjunct ("women and children", "civilians and patients")
 * its last known word (the head: "injured civilians" → civilians), then the lowest class holding
 * every conjunct.
 */
export function groupClass(who: string, lex: GroupLexicon, category?: string): string {
  const conjuncts = who.toLowerCase().split(/,|\band\b|\bor\b|&/);
  const classes: string[] = [];
  for (const part of conjuncts) {
    const words = part.match(/[a-z]+(?:-[a-z]+)*/g) ?? [];
    for (let i = words.length - 1; i >= 0; i--) {
      const c = lex.classOf.get(words[i]) ?? lex.classOf.get(words[i] + 's');
      if (c) {
        classes.push(c);
        break;
      }
    }
  }
  if (!classes.length) return category === 'vehicles' ? 'vehicles' : 'people';
  return classes.reduce((a, b) => lowestCommon(a, b, lex) ?? 'people');
}

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
