// The left edge of a speaker phrase: over a role and its preposition ("the head of X"), over a named body and
// where it is ("the UN office in Yemen", "X based in Britain", "X which ... in Syria"), over a naming verb ("the
// medics known as the White Helmets"), and what may stand before a media head ("Syrian state television"). Used by
// npBefore (noun-phrase.ts).
import type { Actor } from '../../core/types.js';
import { type Ctx, capital, isWord, tokAt, verbAt } from './context.js';
import { normKey } from '../actors/units.js';

/** "Sources close to the investigation said", "a source close to the family told AFP", "militias loyal to the
 * government said": the phrase starting at token s goes left over an affiliation cue to the role or group noun it
 * describes (and that noun's determiners). */
export function overAffiliation(c: Ctx, s: number, min: number): number {
  const tok = c.tok;
  for (const end of [s - 1, s - 2]) {
    if (end < min || (end === s - 2 && !c.lex.w.articles.has(tok[s - 1].lower))) continue;
    for (let st = end; st >= Math.max(min, end - 2); st--) {
      if (c.lex.affiliationCues.longestAtKeys(c.keys, st)?.end !== end + 1) continue;
      const h = st - 1;
      if (h < min || !(c.alex.roleNouns.has(tok[h].lower) || c.alex.generic.has(tok[h].lower))) return s;
      let j = h;
      while (j - 1 >= min && (c.lex.determiners.has(tok[j - 1].lower) || c.lex.w.articles.has(tok[j - 1].lower))) j--;
      return j;
    }
  }
  return s;
}

/** Extends the phrase starting at s left over a role and its preposition, up to twice ("the head of X"). */
export function overRole(c: Ctx, s: number, min: number): { s: number; extended: boolean } {
  const tok = c.tok;
  let extended = false;
  // "sources close to the investigation"
  const aff = overAffiliation(c, s, min);
  if (aff < s) return { s: aff, extended: true };
  const named = namedBefore(c, s, min);
  if (named >= 0) return { s: named, extended: true };
  for (let g = 0; g < 2; g++) {
    if (s - 2 < min || !c.lex.w.preps.has(tok[s - 1].lower)) break;
    const r = s - 1;
    // where adjectives follow the noun, a nationality may stand between the role and its preposition:
    // "le ministère palestinien de la Santé"
    const adj = c.headFirst && r - 2 >= min && isWord(tok[r - 1]) && c.alex.demonyms.has(normKey(tok[r - 1].text)) ? 1 : 0;
    // "the Office for the Coordination of Humanitarian Affairs in Yemen said", "the Observatory based in Britain
    // said": a named body before the preposition (and a participle placing it)
    const rb = r - 1 > min && c.lex.w.locatedParticiples.has(tok[r - 1].lower) ? r - 1 : r;
    const body = adj ? undefined : c.actorByEndTok.get(rb - 1);
    if (body && !body.generic && c.lex.w.placePreps.has(tok[r].lower)) {
      const bs = tokAt(tok, body.start);
      if (bs >= min && bs <= rb - 1) {
        s = actorPhraseStart(c, body, min);
        extended = true;
        continue;
      }
    }
    // "the monitor which tracks the war through sources in Syria said": the body the relative clause is about
    const rel = adj ? -1 : relativeHead(c, r, min);
    if (rel >= 0) {
      s = rel;
      extended = true;
      break;
    }
    // ("a monitoring group based in Britain said": a role placed by a participle)
    const rr = adj ? r : rb;
    if (!isWord(tok[rr - 1 - adj]) || !c.alex.roleNouns.has(tok[rr - 1 - adj].lower)) break;
    let k = rr - 1 - adj;
    let m = 0;
    for (;;) {
      // "the U.S. embassy in Kabul": over an initialism written with periods
      if (k - 2 >= min && tok[k - 1].text === '.' && tok[k - 2].text.length === 1 && tok[k - 1].start === tok[k - 2].end) {
        let j = k - 2;
        while (j - 2 >= min && tok[j - 1].text === '.' && tok[j - 2].text.length === 1 && tok[j - 1].start === tok[j - 2].end && tok[j].start === tok[j - 1].end) j -= 2;
        if (j === k - 2) break;
        k = j;
        m++;
        continue;
      }
      if (!(k - 1 >= min && m < 4 && isWord(tok[k - 1]) && !c.lex.stops.has(tok[k - 1].lower) && !verbAt(c, k - 1) && c.quoted[k - 1] < 0)) break;
      k--;
      m++;
      if (c.lex.determiners.has(tok[k].lower)) break;
    }
    s = k;
    extended = true;
  }
  return { s, extended };
}

/** "Rami Saleh of the activist-run Aleppo Media Center said", "Jane Doe with Oxfam said": a person named before a
 * preposition (past an article and lower-case modifiers) heads the phrase starting at s; the person's first token, or -1. */
function namedBefore(c: Ctx, s: number, min: number): number {
  const tok = c.tok;
  let j = s - 1;
  for (let m = 0; m < 4 && j > min && !c.lex.w.preps.has(tok[j].lower); m++, j--) {
    const t = tok[j];
    if (!(c.lex.determiners.has(t.lower) || t.text === '-' || (isWord(t) && !capital(t) && !c.lex.stops.has(t.lower) && !verbAt(c, j)))) return -1;
  }
  if (j <= min || !c.lex.w.preps.has(tok[j].lower)) return -1;
  const person = c.actorByEndTok.get(j - 1);
  if (!person || person.kind !== 'person' || person.generic) return -1;
  return actorPhraseStart(c, person, min);
}

/** "X which monitors the fighting in Syria" before a place preposition at token r: the first token of the named body X
 * the relative clause is about (an actor ending right before a relative pronoun, past a comma), or -1. */
function relativeHead(c: Ctx, r: number, min: number): number {
  const tok = c.tok;
  if (!c.lex.w.placePreps.has(tok[r].lower)) return -1;
  for (let j = r - 1; j > min && j >= r - 12; j--) {
    const t = tok[j];
    if (c.quoted[j] >= 0 || t.text === ';' || t.text === ':' || (!isWord(t) && t.text !== ',' && t.text !== '-')) return -1;
    if (!c.lex.w.relativePronouns.has(t.lower)) continue;
    const b = j - 1 > min && tok[j - 1].text === ',' ? j - 2 : j - 1;
    const body = c.actorByEndTok.get(b);
    if (!body || body.generic || body.kind === 'person') return -1;
    return actorPhraseStart(c, body, min);
  }
  return -1;
}

/** The first token of an actor's phrase, past the determiner before it ("the Observatory"); -1 when it starts
 * before token min. */
export function actorPhraseStart(c: Ctx, a: Actor, min: number): number {
  const bs = tokAt(c.tok, a.start);
  if (bs < min) return -1;
  return bs > min && c.lex.determiners.has(c.tok[bs - 1].lower) ? bs - 1 : bs;
}

/** "the volunteer medics known as the White Helmets": the description before the naming verb. */
export function overNaming(c: Ctx, s: number, min: number): number {
  const tok = c.tok;
  if (s - 2 >= min && c.lex.w.namingPreps.has(tok[s - 1].lower) && c.lex.w.namingVerbs.has(tok[s - 2].lower)) {
    let k = s - 2;
    if (k - 1 >= min && c.lex.w.additiveAdverbs.has(tok[k - 1].lower)) k--;
    let j = k;
    let m = 0;
    while (j - 1 >= min && m < 5 && isWord(tok[j - 1]) && !c.lex.stops.has(tok[j - 1].lower) && !verbAt(c, j - 1) && c.quoted[j - 1] < 0) {
      j--;
      m++;
      if (c.lex.determiners.has(tok[j].lower)) break;
    }
    if (m > 0) s = j;
  }
  return s;
}

/** "Syrian state television", "the pro-government daily": before a media head only names, nationalities, a
 * determiner and the media modifiers stand ("wounded state television" in unpunctuated text starts at "state"). */
export function mediaPhraseStart(c: Ctx, s: number, e: number): number {
  const tok = c.tok;
  let k = e - 1;
  while (k - 1 >= s) {
    const t = tok[k - 1];
    if (c.lex.determiners.has(t.lower)) return k - 1;
    const name = capital(t) && !c.lex.sentenceLead.has(t.lower);
    // ("pro-regime", "pro-Damascus": each part of a compound a modifier or a name)
    const modifier = (w: string) => c.lex.w.mediaModifiers.has(w.toLowerCase()) || (/^\p{Lu}/u.test(w) && !c.lex.sentenceLead.has(w.toLowerCase()));
    if (!(name || modifier(t.text) || t.text === '-' || (t.text.includes('-') && t.text.split('-').every(modifier)) || c.actorByEndTok.has(k - 1))) break;
    k--;
  }
  return k;
}

/** "state television", "state media": a verb's bare form right before a role noun modifies it (not "said media"). */
export function bareModifier(c: Ctx, k: number): boolean {
  const v = verbAt(c, k);
  return !!v && v.end === k + 1 && v.v.lemma === c.tok[k].lower && k + 1 < c.tok.length && c.alex.roleNouns.has(c.tok[k + 1].lower);
}
