// The speaker phrase after a reporting verb or a source cue ("said the army in a statement", "according to
// reports from several agencies", "said 24-year-old student Wanjiru Kamau"): where it ends. Used by the
// reported-speech and direct-quote readers; npBefore (noun-phrase.ts) reads the phrase before a verb.
import { type Ctx, type NP, capital, isPronoun, isWord, quotedOrganisation, tokAt, verbAt } from './context.js';
import { namedAfterRole } from './role-apposition.js';
import { joins } from './noun-phrase.js';

/** The speaker noun phrase starting at token k (after an inverted verb or a cue), or null. */
export function npAfter(c: Ctx, k: number, limit: number): NP | null {
  const tok = c.tok;
  while (k < limit && (tok[k].text === ',' || tok[k].text === ':')) k++;
  if (k >= limit) return null;
  // "dit « Le Monde »": an outlet's name in quotation marks
  const qe = quotedOrganisation(c, k, limit);
  if (qe >= 0) return { s: k + 1, e: qe };
  if (isPronoun(c, k)) return { s: k, e: k + 1 };
  // "said 24-year-old student Wanjiru Kamau": the age is no speaker; the words after it name one
  if (c.ageStart[k]) {
    let j = k + 1;
    while (j + 1 < limit && c.tok[j].text === '-' && c.tok[j].end === c.tok[j + 1].start) j += 2;
    if (j > k + 1 && j < limit) k = j;
  }
  const s = k;
  let e = k;
  let n = 0;
  while (e < limit && n < 12) {
    const a = c.actorByStartTok.get(e);
    if (a) {
      const ae = tokAt(tok, a.end);
      if (ae > limit) break;
      if (ae <= e) break; // an actor ending inside token e: never loop in place
      n += ae - e;
      e = ae;
      // (unpunctuated copy: a lower-case word right after a named body opens what it reports, "according to the
      // Red Cross heavy rain has cut the road")
      // (not a last word before punctuation: "according to an AFP photographer.")
      const ends = e + 1 >= limit || !isWord(tok[e + 1]);
      if (!a.generic && a.kind !== 'person' && e < limit && !ends && /^\p{Ll}/u.test(tok[e].text) && !c.lex.stops.has(tok[e].lower) && !c.lex.w.ofPreps.has(tok[e].lower) && !c.lex.w.rolePreps.has(tok[e].lower) && !c.lex.sourceNouns.has(tok[e].lower) && !c.alex.roleNouns.has(tok[e].lower)) break;
      continue;
    }
    // "said a 24-year-old student": an age joined by hyphens is part of the phrase
    if (c.ageStart[e] && e + 2 < limit && tok[e + 1].text === '-' && tok[e + 1].start === tok[e].end) {
      let j = e + 1;
      while (j + 1 < limit && tok[j].text === '-' && tok[j].end === tok[j + 1].start) j += 2;
      n += j - e;
      e = j;
      continue;
    }
    const t = tok[e];
    if (!isWord(t) || c.quoted[e] >= 0) break;
    // "according to reports from several agencies": the source noun goes on to whom it came from
    if (e > s && c.lex.sourcePreps.has(t.lower) && c.lex.sourceNouns.has(tok[e - 1].lower)) { e++; n++; continue; }
    // (a source noun that is also a verb form: "selon l'annonce du gouvernement")
    if (e + 1 < limit && c.lex.sourceNouns.has(t.lower) && c.lex.sourcePreps.has(tok[e + 1].lower)) { e++; n++; continue; }
    // "said the army in a statement": where it was said ends the speaker
    if (e > s && c.lex.w.statementPreps.has(t.lower) && statementNounWithin(c, e + 1, limit)) break;
    // "a déclaré le maire à l'AFP", "said the mayor to Reuters": the body told ends it too
    if (e > s && c.lex.w.hearerPreps.has(t.lower) && toldBody(c, e + 1, limit)) break;
    // "said a resident reached by phone": how the speaker was reached ends it too
    if (e > s && e + 1 < limit && c.lex.w.contactParticiples.has(t.lower) && c.lex.w.contactBy.has(tok[e + 1].lower)) break;
    // (a capitalised stop word inside the phrase is a name: "le gouverneur de l'Est")
    if (e > s && c.lex.stops.has(t.lower) && !c.lex.w.ofPreps.has(t.lower) && !c.lex.w.sameWords.has(t.lower) && !(capital(t) && c.lex.w.articles.has(tok[e - 1].lower))) {
      // "for"/"at" continue a role phrase ("a spokesman for the ministry")
      if (c.lex.w.rolePreps.has(t.lower) && e > s && c.alex.roleNouns.has(tok[e - 1].lower)) { e++; n++; continue; }
      break;
    }
    if (e > s && verbAt(c, e)) break;
    // (unpunctuated copy: an article right after a noun opens the next phrase, "according to the local council the
    // jets bombed"; not after "of" or "for", "the head of the council", nor an article that is also "of", French "des")
    // ("l'une de ces sources": not after an article)
    if (e > s && c.lex.w.articles.has(t.lower) && !c.lex.w.ofPreps.has(t.lower) && isWord(tok[e - 1]) && !c.lex.stops.has(tok[e - 1].lower) && !c.lex.w.ofPreps.has(tok[e - 1].lower) && !c.lex.w.rolePreps.has(tok[e - 1].lower) && !c.lex.determiners.has(tok[e - 1].lower)) break;
    // (and so does a count: "according to monitors hundreds of civilians have been killed")
    if (e > s && c.countStart[e] && !c.lex.sourcePreps.has(tok[e - 1].lower) && !c.lex.stops.has(tok[e - 1].lower)) break;
    if (c.lex.w.dayWords.has(t.lower)) break;
    if (e > s && (c.lex.timeWords.has(t.lower) || (c.lex.determiners.has(t.lower) && e + 1 < limit && c.lex.timeWords.has(tok[e + 1].lower)))) break;
    e++;
    n++;
  }
  if (e === s) return null;
  // a description before a name: "said oil and gas worker Dale Fischer", "says Lisbon pensioner Rui Matos"
  for (let j = e; j < Math.min(limit, s + 9); j++) {
    const a = c.actorByStartTok.get(j);
    if (a && a.kind === 'person') {
      const ae = tokAt(tok, a.end);
      if (ae <= limit) e = ae;
      break;
    }
    const t = tok[j];
    if (!isWord(t) || verbAt(c, j) || c.quoted[j] >= 0 || (c.lex.stops.has(t.lower) && !joins(c, t.lower))) break;
  }
  return { s, e: namedAfterRole(c, s, e, limit) };
}

/** An organisation named at token k (past an article): the body a speaker told. */
function toldBody(c: Ctx, k: number, limit: number): boolean {
  if (k < limit && c.lex.w.articles.has(c.tok[k].lower)) k++;
  const a = k < limit ? c.actorByStartTok.get(k) : undefined;
  return !!a && a.kind === 'organization';
}

/** A statement noun ("statement", "a televised address") within three words from token k, past the words that may open it. */
function statementNounWithin(c: Ctx, k: number, limit: number): boolean {
  for (let j = k; j < Math.min(limit, k + 3); j++) {
    if (c.lex.statementNouns.has(c.tok[j].lower)) return true;
    if (!c.lex.skipAfter.has(c.tok[j].lower)) return false;
  }
  return false;
}
