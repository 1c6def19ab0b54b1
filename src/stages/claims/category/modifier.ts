// Category construction "modifier": a cue inside the group ("dozens of injured civilians") when nothing else names it.
import type { Cat, Ctx, Group } from '../context.js';

export function catModifier(c: Ctx, g: Group): Cat | null {
  const { toks, lex } = c;
  for (let k = g.first; k < g.head; k++) {
    const p = lex.noun.at(toks, k, g.head) ?? lex.after.at(toks, k, g.head);
    if (p) return { category: p.value, rule: 'claims.category:modifier', start: p.start, end: p.end };
  }
  return null;
}
