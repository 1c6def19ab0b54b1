// Category construction "noun": the counted word itself names what happened ("12 dead", "the wounded", "evacuees").
import type { Cat, Ctx, Group } from '../context.js';

export function catNoun(c: Ctx, g: Group): Cat | null {
  const { toks, lex } = c;
  const p = lex.noun.endingAt(toks, g.head, g.first);
  if (p && p.value === 'killed') {
    // "the surviving victims" lived: injured
    for (let k = g.first; k < p.start; k++) if (lex.survivorModifiers.has(toks[k].lower)) return { category: 'injured', rule: 'claims.category:noun-survivor', start: k, end: p.end };
  }
  if (p) return { category: p.value, rule: 'claims.category:noun', start: p.start, end: p.end };
  return null;
}
