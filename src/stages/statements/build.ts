// Building a statement: content span trimming, a late cue that belongs to a quotation, and the tests that a verb is passive or a noun.
import { type Ctx, capital, isPronoun, isWord, tokAt, verbAt } from './context.js';
import type { Span, Speaker, Statement } from '../../core/types.js';

// ---------------------------------------------------------------- building statements
export function trimSpan(c: Ctx, s: number, e: number): Span | null {
  // token range → offsets, trimmed of edge punctuation
  const tok = c.tok;
  while (s < e && !isWord(tok[s]) && !c.lex.open.has(tok[s].text)) s++;
  while (e > s && !isWord(tok[e - 1]) && !c.lex.close.has(tok[e - 1].text) && !/[)\]]/.test(tok[e - 1].text)) e--;
  if (e <= s) return null;
  // three words at least, or a count and its noun ("The ministry reported 30 dead"; not a date, "Feb. 26")
  let words = 0;
  for (let i = s; i < e; i++) if (isWord(tok[i])) words++;
  if (words < 3 && !(words === 2 && tok[s].kind === 'number' && /^\p{Ll}/u.test(tok[e - 1].text))) return null;
  return { start: tok[s].start, end: tok[e - 1].end };
}

/**
 * A late cue whose clause begins with a quotation ("“...,” Tomas Berg, the emergency coordinator for the region,
 * said"): the cue belongs to that quote, not to a new reported statement.
 */
export function lateQuoteCue(c: Ctx, content: Span, cue: { s: number; e: number }, verb: string, sp: Speaker | null): boolean {
  const t = tokAt(c.tok, content.start);
  const qi = c.quoted[t];
  if (qi < 0) return false;
  const q = c.quotes[qi];
  const st = c.out.find((x) => x.direct && x.start === q.start);
  if (!st) return false;
  if (!st.speaker || st.evidence[0].rule === 'statements.quote.inherit') {
    st.speaker = sp;
    const cs = c.tok[cue.s].start;
    const ce = c.tok[cue.e - 1].end;
    st.cue = { start: cs, end: ce, text: c.text.slice(cs, ce) };
    st.verb = verb;
    st.evidence = [{ rule: 'statements.quote.late-cue', span: { start: st.start, end: ce } }];
  }
  return true;
}

export function add(c: Ctx, content: Span, cue: { s: number; e: number }, verb: string, direct: boolean, speaker: Speaker | null, rule: string): Statement {
  const cs = c.tok[cue.s].start;
  const ce = c.tok[cue.e - 1].end;
  const st: Statement = {
    start: content.start,
    end: content.end,
    cue: { start: cs, end: ce, text: c.text.slice(cs, ce) },
    verb,
    direct,
    speaker,
    evidence: [{ rule: `statements.${rule}`, span: { start: Math.min(cs, content.start), end: Math.max(ce, content.end) } }],
  };
  c.out.push(st);
  return st;
}

export function passive(c: Ctx, v: number): boolean {
  // "were also reported killed": past an adverb of the speaker gap
  const b = v - 2 >= 0 && c.lex.gap.has(c.tok[v - 1].lower) && c.lex.w.passiveAux.has(c.tok[v - 2].lower) ? v - 1 : v;
  const p = c.tok[b - 1]?.lower;
  if (c.lex.w.infinitiveMarkers.has(p ?? '') || c.lex.w.possessiveMarkers.has(p ?? '')) return true; // "to say", "the mayor's claims"
  if (c.lex.w.negations.has(p ?? '') && c.lex.w.doForms.has(c.tok[v - 2]?.lower ?? '')) return false;
  return c.lex.w.passiveAux.has(p ?? '');
}

export function nounUse(c: Ctx, v: number, vend: number): boolean {
  const p = c.tok[v - 1];
  if (p && c.lex.determiners.has(p.lower) && !c.lex.w.standaloneDeterminers.has(p.lower)) return true;
  // "in its daily report, adding ...": a document's word, an adjective and its determiner after a preposition
  const d = c.tok[v - 2], q = c.tok[v - 3];
  if (p && d && q && c.lex.sourceNouns.has(c.tok[v].lower) && /^\p{Ll}/u.test(p.text) && c.lex.determiners.has(d.lower) && !c.lex.w.standaloneDeterminers.has(d.lower) && c.lex.w.preps.has(q.lower)) return true;
  // "In Borno state, gunmen ...", "Gulf states said": after a capitalised name, unless "that" follows
  // (not after a pronoun opening the sentence: "He states however, that ...")
  if (p && capital(p) && !isPronoun(c, v - 1) && c.lex.w.nounsAfterNames.has(c.tok[v].lower) && !c.lex.that.has(c.tok[vend]?.lower ?? '')) return true;
  // "reports said", "claims that": followed by another reporting verb → a noun; but not a verb that
  // takes its hearer ("told state television") nor before a named body ("reports state media carried")
  const nv = verbAt(c, vend);
  if (nv && nv.v.strong && !nv.v.participle && !c.actorByStartTok.has(vend) && !verbAt(c, v)?.v.object) return true;
  // "a report released on Monday said": a participle of publishing after it
  const next = c.tok[vend];
  return !!next && c.lex.sourceNouns.has(c.tok[v].lower) && c.lex.w.statementParticiples.has(next.lower) && !!c.tok[vend + 1] && c.lex.w.statementParticiplePreps.has(c.tok[vend + 1].lower);
}

// direct quotes
