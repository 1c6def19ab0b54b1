// Construction quoted-as: "X quoted Y as saying (that) CONTENT", "Y was quoted as saying (that) CONTENT", and
// their late forms "CONTENT, X quoted Y as saying", "CONTENT, Y was quoted as saying": Y is the speaker, X the
// outlet that carried the words.
import { type Ctx, type NP, type Reading, verbAt } from './context.js';
import type { Span } from '../../core/types.js';
import { add, trimSpan } from './build.js';
import { npBefore } from './noun-phrase.js';
import { speakerFrom, viaFrom } from './speaker.js';

/** the most tokens between the verb and "as" (the quoted one's description) */
const MAX_QUOTED = 10;

/** The construction at the verb at token i: the token to go on from, or null when it is not there. */
export function quotedAs(c: Ctx, r: Reading, i: number): number | null {
  const tok = c.tok;
  const cls = c.lex.w;
  if (!cls.quotedVerbs.has(tok[i].lower)) return null;
  let as = -1;
  for (let j = i + 1; j < Math.min(r.E - 1, i + 1 + MAX_QUOTED) && as < 0; j++) {
    if (tok[j].text === ',' || c.quoted[j] >= 0) return null;
    if (cls.quotedAs.has(tok[j].lower)) as = j;
  }
  const pv = as >= 0 ? verbAt(c, as + 1) : null;
  if (!pv || !pv.v.participle || !pv.v.strong) return null;
  // "Y was quoted as saying": the subject is the speaker; "X quoted Y as saying": the object is, X carried it
  const passive = i > r.S && cls.passiveAux.has(tok[i - 1].lower);
  if (passive && as !== i + 1) return null;
  const speakerNP: NP | null = passive ? npBefore(c, i - 1, r.lastEnd) : as > i + 1 ? { s: i + 1, e: as } : null;
  const outletNP = passive ? null : npBefore(c, i, r.lastEnd);
  if (!speakerNP) return null;
  const content = contentOf(c, r, pv.end, passive ? speakerNP.s : (outletNP?.s ?? i));
  if (!content) return null;
  const sp = speakerFrom(c, speakerNP);
  if (sp && outletNP) sp.via = viaFrom(c, outletNP);
  add(c, content, { s: i, e: pv.end }, pv.v.lemma, false, sp, 'quoted-as');
  r.lastEnd = pv.end;
  return pv.end - 1;
}

/** What was said: after the participle (and "that"), else before the clause that quotes it. */
function contentOf(c: Ctx, r: Reading, k: number, clauseStart: number): Span | null {
  if (k < r.E && c.lex.that.has(c.tok[k].lower)) k++;
  const after = k < r.E ? trimSpan(c, k, r.E) : null;
  if (after) return after;
  return clauseStart > r.lastEnd ? trimSpan(c, r.lastEnd, clauseStart) : null;
}
