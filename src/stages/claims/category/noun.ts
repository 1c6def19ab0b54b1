// Category construction "noun": the counted word itself names what happened ("12 dead", "the wounded", "evacuees").
import type { Cat, Ctx, Group } from '../context.js';

export function catNoun(c: Ctx, g: Group): Cat | null {
  const { toks, lex } = c;
  const p = lex.noun.endingAt(toks, g.head, g.first);
  if (p) return { category: p.value, rule: 'claims.category:noun', start: p.start, end: p.end };
  return null;
}
