// The noun phrase of a speaker: before a cue ("the Kherson governor, Jane Roe, said"), after it ("said the minister"), and a run of capitalised words.
import { type Ctx, type NP, capital, indefiniteAt, isPronoun, isWord, tokAt, verbAt } from './context.js';
import type { Actor } from '../../core/types.js';
import { normKey } from '../actors/units.js';
import { nounUse } from './build.js';
import { endsWithAny } from '../endings.js';
import { actorPhraseStart, bareModifier, mediaPhraseStart, overNaming, overRole } from './phrase-left.js';
import { skipGapsBefore } from './gap-words.js';
import { isWeaponActor } from '../actors/sides.js';

/** "and", "of": words that join the parts of a name or a description. */
export const joins = (c: Ctx, w: string) => c.lex.w.coordinators.has(w) || c.lex.w.ofPreps.has(w);

/** Does the word end like a plural ("aides")? strict: not when it ends like a singular too ("boss"). */
export function plural(c: Ctx, w: string, strict: boolean): boolean {
  if (!strict) return endsWithAny(w, c.lex.w.pluralEndings);
  for (const e of c.lex.w.pluralEndings) if (w.length > e.length && w.endsWith(e)) return !endsWithAny(w, c.lex.w.notPluralEndings);
  return false;
}

// ---------------------------------------------------------------- noun phrases
/** The speaker noun phrase ending right before token v (gap words skipped), or null. */
export function npBefore(c: Ctx, v: number, min: number): NP | null {
  const tok = c.tok;
  let e = skipGapsBefore(c, v, min);
  // "The World Food Programme (WFP) has said": skip the bracketed acronym
  if (e - 1 >= min && tok[e - 1].text === ')') {
    for (let j = e - 2; j >= Math.max(min, e - 7); j--) {
      if (tok[j].text === '(') {
        if (j > min) e = j;
        break;
      }
    }
  }
  let overComma = false;
  if (e - 1 >= min && tok[e - 1].text === ',') {
    // "X, a geologist at the university, said": the name before the apposition is the speaker
    const app = appositionSpeaker(c, e, min) ?? relativeSpeaker(c, e, min);
    if (app) return app;
    e--;
    overComma = e === v - 1;
  }
  // "The U.N. said": the period that closes an initialism (after one letter) is not a break after its actor
  if (e - 2 >= min && tok[e - 1].text === "." && tok[e - 2].text.length === 1 && tok[e - 1].start === tok[e - 2].end && c.actorByEndTok.has(e - 2)) e--;
  if (e <= min) return null;
  if (!overComma) {
    const rel = bareRelativeSpeaker(c, e, min);
    if (rel) return rel;
  }
  const h = phraseStart(c, e, min);
  if (!h || 'e' in h) return h;
  // "ROLE of/for X": extend left over the role ("the head of Amnesty International", "a spokesman for the ministry")
  const r = overRole(c, h.s, min);
  // a head that does not look like a speaker is only taken inside a role ("a source at the civil registry")
  if (h.headBad && !r.extended) return null;
  const named = nameBeforeRole(c, overNaming(c, r.s, min), e, min, r.extended);
  if (typeof named !== 'number') return named;
  let s = named;
  // "UN spokeswoman Ines Varga", "WFP official X": the body named right before a role is part of the phrase
  const body = s - 1 >= min ? c.actorByEndTok.get(s - 1) : undefined;
  if (body && namedBody(c, body) && tokAt(tok, body.start) >= min && (c.alex.roleNouns.has(tok[s].lower) || c.alex.titles.has(normKey(tok[s].text)))) s = tokAt(tok, body.start);
  // a possessive is not a speaker ("the mayor's claims")
  if (c.lex.w.possessiveMarkers.has(tok[e - 1].text)) return null;
  // "Abu Khaled a civil defence volunteer said", "the Observatory a monitor based abroad
  // said" (unpunctuated copy): a person or a named body right before an indefinite description is the speaker it
  // describes
  if (s - 1 >= min && indefiniteAt(c, s)) {
    const pa = c.actorByEndTok.get(s - 1);
    const ps = pa && ((pa.kind === 'person' && !pa.generic) || namedBody(c, pa)) ? tokAt(tok, pa.start) : -1;
    // (not the object of a preposition: "shells hit a depot of the Red Crescent a hospital official said", "fighting
    // alongside the Syrian regime a monitor said")
    const pb = ps - 1 >= 0 && c.lex.w.definiteArticles.has(tok[ps - 1].lower) ? ps - 2 : ps - 1;
    if (ps >= min && !(pb >= 0 && c.lex.w.objectPreps.has(tok[pb].lower))) return { s: ps, e };
  }
  let js = overAge(c, joinedSpeakers(c, s, min), min);
  // ("a bill that critics say mirrors ...": a relative pronoun before a plural head, never its determiner)
  if (js + 1 < e && c.lex.w.relativePronouns.has(tok[js].lower) && !capital(tok[js]) && plural(c, tok[e - 1].lower, true)) js++;
  const np: NP = overComma ? { s: js, e, overComma } : { s: js, e };
  // (the first phrase ends at the coordinator: before the count that opens the second, when one does)
  if (js < s) np.joined = c.lex.w.coordinators.has(tok[s - 1].lower) ? s - 1 : s - 2;
  return np;
}

/** "A 24-year-old student said": the phrase starting at token s goes left over an age joined to it by a hyphen,
 * and the article before that. */
function overAge(c: Ctx, s: number, min: number): number {
  const tok = c.tok;
  let j = s;
  while (j - 2 >= min && tok[j - 1].text === '-' && tok[j - 1].start === tok[j - 2].end && tok[j - 1].end === tok[j].start) {
    j -= 2;
    if (c.ageStart[j]) return j - 1 >= min && c.lex.w.articles.has(tok[j - 1].lower) ? j - 1 : j;
  }
  return s;
}

/** "…, a local official and a witness said", "…, police and residents said": two speakers joined by "and"
 * opening the clause are one phrase (its first part names the speaker): where it starts. */
function joinedSpeakers(c: Ctx, s0: number, min: number): number {
  const tok = c.tok;
  // ("... and two residents said": the count opens the second phrase)
  const s = s0 - 2 > min && c.countStart[s0 - 1] === 1 && c.lex.w.coordinators.has(tok[s0 - 2].lower) ? s0 - 1 : s0;
  if (s - 1 <= min || !c.lex.w.coordinators.has(tok[s - 1].lower)) return s0;
  const left = phraseStart(c, s - 1, min);
  if (!left || 'e' in left || left.headBad || left.s === s - 1) return s0;
  // a short description ("Turkish security sources") or one name ("the Syrian Observatory for Human Rights"),
  // not a run of words (a headline flattened into the text before it)
  const named = c.actorByEndTok.get(s - 2);
  const one = !!named && tokAt(tok, named.start) <= left.s + 1;
  if (s - 1 - left.s > 3 && !one) return s0;
  const opens = left.s === min || left.s === 0 || tok[left.s - 1].sentence !== tok[left.s].sentence || /^[,;:(—–]$/.test(tok[left.s - 1].text);
  // (unpunctuated copy: "... east of Damascus a monitor and rescue workers said": after a name, an article opens
  // a phrase headed by a role or a source; "killed a man and police said" is an object and another subject)
  const head = tok[s - 2].lower;
  const afterName = left.s > min && (c.placeEnd[left.s - 1] === 1 || capital(tok[left.s - 1]));
  const described = afterName && c.lex.w.articles.has(tok[left.s].lower) && (c.alex.roleNouns.has(head) || c.lex.w.sourceHeads.has(head));
  return opens || described ? left.s : s0;
}

/** An organisation the dictionary knows, or one named by its head noun ("Interior Ministry"): not a run of
 * capitals guessed to be one ("Switzerland US", "UK-based" in unpunctuated text). */
function namedBody(c: Ctx, a: Actor): boolean {
  if (a.kind !== 'organization' || a.generic) return false;
  if (a.evidence.some((e) => e.rule.startsWith('actors.dict'))) return true;
  const last = c.tok[tokAt(c.tok, a.end) - 1];
  return !!last && /^\p{Lu}\p{Ll}+$/u.test(last.text);
}

/** "the Houthi rebels, who control the capital, Sanaa, said": the named actor before a relative clause set off by
 * commas that ends at the comma before token e; null when there is none. */
function relativeSpeaker(c: Ctx, e: number, min: number): NP | null {
  const tok = c.tok;
  // (a reporting verb may stand inside the clause: "who asked not to be named")
  let verb = false;
  for (let j = e - 2; j > min + 1 && j >= e - 20; j--) {
    if (c.quoted[j] >= 0 || tok[j].text === ';' || tok[j].text === ':') return null;
    if (verbAt(c, j)) verb = true;
    if (!(c.lex.w.relativePronouns.has(tok[j].lower) && tok[j - 1].text === ',')) continue;
    const body = c.actorByEndTok.get(j - 2);
    if (body) {
      const s = verb ? -1 : actorPhraseStart(c, body, min);
      return s >= 0 ? { s, e: j - 1 } : null;
    }
    // "An official, who asked not to be named, said": a short phrase headed by a role or a generic agent
    const h = phraseStart(c, j - 1, min);
    if (!h || 'e' in h || h.headBad || j - 1 - h.s > 4) return null;
    const head = tok[j - 2].lower;
    return c.alex.roleNouns.has(head) || c.alex.generic.has(head) ? { s: h.s, e: j - 1 } : null;
  }
  return null;
}

/** "The Observatory which tracks the war said", "An official who visited the site said" (no commas): the phrase
 * opening the sentence before a relative pronoun, a named body or a role, speaks; null when the clause holds a
 * reporting verb or names a person right before the verb. */
function bareRelativeSpeaker(c: Ctx, e: number, min: number): NP | null {
  const tok = c.tok;
  for (let j = e - 2; j > min && j >= e - 16; j--) {
    const t = tok[j];
    if (c.quoted[j] >= 0 || t.kind === 'punct' || verbAt(c, j)) return null;
    if (!c.lex.w.relativePronouns.has(t.lower)) continue;
    // (a person named right before the verb is the speaker the clause names: "an activist who uses the name Abu
    // Hassan said")
    // (or a body the clause names: "the alliance which calls itself the Dawn Front has said")
    const named = c.actorByEndTok.get(e - 1);
    const naming = () => tok.slice(j + 1, e).some((x) => c.lex.w.namingVerbs.has(x.lower) || c.lex.w.selfNamingVerbs.has(x.lower));
    if (named && tokAt(tok, named.start) > j && (named.kind === 'person' || (!named.generic && naming()))) return null;
    const body = c.actorByEndTok.get(j - 1);
    let s = -1;
    if (body && !body.generic) s = actorPhraseStart(c, body, min);
    else {
      // (a role, or a body's head noun after a definite article: "the monitoring group which relies on activists
      // said", a body told before)
      const h = phraseStart(c, j, min);
      const head = tok[j - 1].lower;
      const bodyHead = c.lex.w.bodyHeads.has(head);
      if (h && !('e' in h) && !h.headBad && j - h.s <= 4 && (bodyHead ? c.lex.w.definiteArticles.has(tok[h.s].lower) : c.alex.roleNouns.has(head) || c.alex.generic.has(head))) s = h.s;
    }
    const opens = s >= 0 && (s === min || s === 0 || tok[s - 1].sentence !== tok[s].sentence);
    return opens ? { s, e: j } : null;
  }
  return null;
}

/** "X, a geologist at the university, said": the speaker before or inside the apposition that ends at the comma
 * before token e; null when there is none (the phrase then ends before the comma). */
function appositionSpeaker(c: Ctx, e: number, min: number): NP | null {
  const tok = c.tok;
  let segEnd = e - 1; // the comma after the segment being read
  for (let j = e - 2; j >= Math.max(min, e - 28); j--) {
    const t = tok[j];
    if (t.text === ',') {
      // "A local official, contacted by AFP, said", "Un élu, joint par l'AFP, a affirmé": the apposition says how
      // the speaker was reached; the phrase before it speaks
      if (segEnd === e - 1 && c.lex.w.contactParticiples.has(tok[j + 1]?.lower ?? '')) {
        const h = phraseStart(c, j, min);
        if (h && !('e' in h) && !h.headBad) return { s: h.s, e: j };
        // (a role named first, its complement after it: "Un élu de la région, joint par l'AFP, a ...")
        let b = j;
        while (b - 1 >= min && j - b < 7 && tok[b - 1].sentence === tok[j].sentence && tok[b - 1].text !== ',') b--;
        if (b + 1 < j && c.lex.determiners.has(tok[b].lower) && c.alex.roleNouns.has(tok[b + 1].lower)) return { s: b, e: j };
      }
      // "Police in Jackson, Mississippi, said": a place's region or country set off by commas; the phrase before speaks
      // ("Authorities in Borno state, Nigeria, said": the place may end on its region's word)
      const placeBefore = c.placeEnd[j - 1] === 1 || (j - 2 >= min && c.placeEnd[j - 2] === 1 && !capital(tok[j - 1]) && isWord(tok[j - 1]));
      if (segEnd === e - 1 && placeBefore && c.placeEnd[e - 2] === 1 && capital(tok[j + 1])) {
        let place = true;
        for (let k = j + 1; k < e - 1 && place; k++) place = capital(tok[k]);
        if (place) return npBefore(c, j, min);
      }
      const pa = c.actorByEndTok.get(j - 1);
      if (pa && pa.kind === 'person' && tokAt(tok, pa.start) >= min) return { s: tokAt(tok, pa.start), e: e - 1 };
      // "UNRWA, the UN agency for Palestinian refugees, said", "Save the Children, a British charity, said":
      // a named body before an apposition that opens with an article speaks, alone
      if (pa && !pa.generic && pa.kind !== 'person' && tokAt(tok, pa.start) >= min && c.lex.w.articles.has(tok[j + 1]?.lower ?? '')) return { s: tokAt(tok, pa.start), e: j };
      // "A farm-state senator, Idaho Sen. Jon Kettle, said": the name is the apposition itself
      const inner = segEnd === e - 1 ? c.actorByEndTok.get(segEnd - 1) : undefined;
      if (inner && inner.kind === 'person' && !inner.id.startsWith('role:') && tokAt(tok, inner.start) > j && tokAt(tok, inner.start) <= j + 3 && !c.lex.w.articles.has(tok[j + 1].lower)) return { s: tokAt(tok, inner.start), e: segEnd };
      // "The mayor, a lawyer by training, said": a definite role before the apposition
      const role = definiteRoleBefore(c, j, min);
      if (role !== null) return { s: role, e: j };
      // "Sen. Richard Shelby of Alabama, the chairman ..., said": a person, then where they are from
      const from = personBeforeOrigin(c, j, min);
      if (from !== null) return { s: from, e: e - 1 };
      const run = capRunBefore(c, j, min);
      // (a name before ", where ..." is a place: "in Kenton County, where the school is")
      if (run && !c.actorByEndTok.has(j - 1) && !c.lex.w.placeRelatives.has(tok[j + 1]?.lower ?? '')) return { s: run.s, e: e - 1, name: run };
      // "X, Minister of Trade, Industry and Energy, said": a list inside the
      // apposition; "X, D-Calif., the chairwoman ..., said": a tag; "X, a graduate ..., where the
      // school is, said": a relative clause. A person before an earlier comma is still its name.
      if (listInside(c, j, segEnd) || tagBefore(c, j, min) || c.lex.w.relativeOpeners.has(tok[j + 1]?.lower ?? '')) {
        segEnd = j;
        continue;
      }
      break;
    }
    const vj = verbAt(c, j);
    // a verb ends the apposition, unless a relative clause holds it ("an expert who writes about X")
    const relative = vj && j > 0 && c.lex.w.relativePronouns.has(tok[j - 1].lower);
    // a period inside a name ("e.GO") or after an abbreviation ("D-Calif.")
    const glued = t.text === '.' && /\w/.test(c.text[t.start - 1] ?? '') && (/\w/.test(c.text[t.end] ?? '') || (j > 0 && isWord(tok[j - 1]) && tok[j - 1].text.length <= 8 && capital(tok[j - 1])));
    if ((!isWord(t) && !glued && !c.lex.w.possessiveMarkers.has(t.text) && t.text !== '-') || c.quoted[j] >= 0 || (vj && !relative && !c.actorByEndTok.has(j) && !nounUse(c, j, vj.end))) break;
  }
  return null;
}

/** Where the phrase ending before token e starts: an actor, a pronoun (the whole phrase), or a run of words back to a
 * determiner; `headBad` when its head does not look like a speaker. Null when there is no phrase. */
function phraseStart(c: Ctx, e: number, min: number): { s: number; headBad: boolean } | NP | null {
  const tok = c.tok;
  let s: number;
  let headBad = false;
  const last = tok[e - 1];
  // ("heard him tell Kody that ...": an object pronoun is no subject)
  if (c.lex.w.objectPronouns.has(last.lower)) return null;
  const act = c.actorByEndTok.get(e - 1);
  if (act) {
    // a weapon does not speak ("Russian raids claimed 17 lives")
    if (isWeaponActor(act)) return null;
    s = tokAt(tok, act.start);
    if (s < min) return null;
    if (s - 1 >= min && c.lex.w.articles.has(tok[s - 1].lower)) s--;
  } else if (isPronoun(c, e - 1)) {
    return { s: e - 1, e };
  } else {
    if (!isWord(last) || c.lex.stops.has(last.lower) || c.lex.determiners.has(last.lower)) return null;
    // a month or a weekday ends a time phrase, never a speaker's ("... between May and October, says")
    if (c.lex.w.months.has(last.lower) || c.lex.w.weekdays.has(last.lower)) return null;
    s = e;
    let n = 0;
    while (s - 1 >= min && n < 9) {
      const t = tok[s - 1];
      // ("a U.N. spokesperson": the period that closes an actor's initialism)
      if (t.text === '.' && s - 2 >= min && t.start === tok[s - 2].end && c.actorByEndTok.has(s - 2)) { s--; continue; }
      if (!isWord(t)) break;
      // ("le porte-parole du gouvernement": a contracted "of" after a role noun joins it to the role)
      if (c.lex.w.ofPreps.has(t.lower) && s - 2 >= min && c.alex.roleNouns.has(tok[s - 2].lower)) { s--; n++; continue; }
      if (c.lex.determiners.has(t.lower)) { s--; n++; break; }
      // (unpunctuated copy: a span of time ends the phrase before it, "over the past two days military sources said")
      if (s < e && (c.lex.timeWords.has(t.lower) || c.lex.w.spanWords.has(t.lower))) break;
      // (and a date before it, "6 September 2016 SANA reporter said": a month, or a year's four digits)
      if (s < e && (c.lex.w.months.has(t.lower) || (t.kind === 'number' && /^(19|20)\d\d$/.test(t.text)))) break;
      // (a report as the phrase's head is a noun: "A UN report said", "The report said")
      if (c.lex.stops.has(t.lower) || (verbAt(c, s - 1) && !bareModifier(c, s - 1) && !(s === e && c.lex.sourceNouns.has(t.lower)))) break;
      if (c.quoted[s - 1] >= 0) break;
      // an actor ending here: take all of it
      const a2 = c.actorByEndTok.get(s - 1);
      if (a2) {
        const as = tokAt(tok, a2.start);
        if (as < min) break;
        // an actor that starts inside token s-1 ("Hajj" in "al-Hajj") maps back to s: step over the token instead
        if (as >= s) {
          s--;
          n++;
          continue;
        }
        n += s - as;
        s = as;
        continue;
      }
      s--;
      n++;
    }
    if (s === e) return null;
    // head must look like a speaker: a name, a role noun, a generic agent, a plural noun
    const head = last.lower;
    if (c.lex.w.mediaHeads.has(head)) s = mediaPhraseStart(c, s, e);
    // "another player", "a veteran Boston-based engineer": a short phrase led by a determiner
    const opensClause = s === min || s === 0 || tok[s - 1].sentence !== tok[s].sentence || /^[,;:(—–]$/.test(tok[s - 1].text) || c.lex.w.clauseConnectives.has(tok[s - 1].lower);
    const detLed = opensClause && c.lex.determiners.has(tok[s].lower) && e - s <= 5 && /^\p{Ll}/u.test(last.text) && !endsWithAny(head, c.lex.w.nonNounEndings) && !c.lex.w.notDeterminers.has(tok[s].lower);
    // "…, rights groups said", "Aid agencies said": a short plural phrase of bodies opening the clause
    const bodies = opensClause && e - s <= 3 && c.lex.w.bodyHeadPlurals.has(head);
    const ok = capital(last) || c.alex.roleNouns.has(head) || c.alex.generic.has(head) || c.lex.statementNouns.has(head) || detLed || bodies;
    if (!ok) headBad = true;
    // a bare run of capitalised words that begins the sentence with a lowercase-looking word is fine
  }
  return { s, headBad };
}

/** A name right before a role, an apposition without commas ("Rami Abdel Rahman head of ..."): where the phrase
 * starts then, or the phrase itself when a run of capitals the actors stage did not name is the name. */
function nameBeforeRole(c: Ctx, s0: number, e: number, min: number, extended: boolean): number | NP {
  const tok = c.tok;
  let s = s0;
  // a name right before a role (apposition without commas): "Rami Abdel Rahman head of ..."
  let p = s;
  if (p - 1 >= min && tok[p - 1].text === ',') p--;
  const name = c.actorByEndTok.get(p - 1);
  // a plural head is a group, never one named person's apposition ("... running Day One, aides said")
  const pluralHead = plural(c, tok[e - 1].lower, true) && !capital(tok[e - 1]);
  if (pluralHead) {
    // no name joins a plural head
  } else if (name && name.kind === 'person' && p - 1 >= min && tokAt(tok, name.start) >= min && !c.actorByStartTok.has(s)) {
    const firstLower = tok[s].lower;
    // "Nadia Farouk head of the agency" / "X the head of Y": yes; "Abu Moussa the source": no
    if (p < s || c.alex.roleNouns.has(firstLower) || (c.lex.determiners.has(firstLower) && extended) || c.alex.titles.has(normKey(tok[s].text))) s = tokAt(tok, name.start);
  }
  // ("in the state of Gezira, a pro-democracy activist group said": a body's description is no person's
  // apposition, nor is a place its name)
  else if (p < s && !c.actorByStartTok.has(s) && !c.lex.w.bodyHeads.has(tok[e - 1].lower) && !c.placeEnd[p - 1]) {
    const run = capRunBefore(c, p, min);
    if (run) {
      s = run.s;
      return { s, e, name: run } as NP;
    }
  }
  return s;
}

/** Between the comma at j and the comma at k: a capitalised list item ("Science and Economic Development")? */
function listInside(c: Ctx, j: number, k: number): boolean {
  let caps = 0;
  for (let x = j + 1; x < k; x++) {
    const t = c.tok[x];
    if (!isWord(t)) return false;
    if (capital(t)) caps++;
    else if (!joins(c, t.lower) && t.lower !== '&') return false;
  }
  return caps > 0 && k - j <= 6;
}

/** "the mayor" / "the head of the agency" ending right before token j: its first token, or null. */
function definiteRoleBefore(c: Ctx, j: number, min: number): number | null {
  if (j - 1 < min || !c.alex.roleNouns.has(c.tok[j - 1].lower) || plural(c, c.tok[j - 1].lower, false)) return null;
  for (let x = j - 2; x >= min && j - x <= 5; x--) {
    const t = c.tok[x];
    if (c.lex.w.definiteArticles.has(t.lower)) return x === min || c.tok[x - 1].sentence !== t.sentence || /^[,;:(]$/.test(c.tok[x - 1].text) ? x : null;
    if (!isWord(t) || c.lex.stops.has(t.lower) || verbAt(c, x)) return null;
  }
  return null;
}

/** Before the comma at k, after an earlier comma: a short tag ("D-Calif.", "34", "Ont.")? */
function tagBefore(c: Ctx, k: number, min: number): boolean {
  for (let x = k - 1; x >= min && k - x <= 6; x--) {
    const t = c.tok[x];
    if (t.text === ',') return x < k - 1;
    if (!(t.kind === 'number' || (isWord(t) && capital(t)) || t.text === '.' || t.text === '-')) return false;
  }
  return false;
}

/** "Richard Shelby of Alabama" before the comma at j: the first token of the person, or null. */
function personBeforeOrigin(c: Ctx, j: number, min: number): number | null {
  let x = j - 1;
  let caps = 0;
  while (x >= min && caps < 4 && isWord(c.tok[x]) && capital(c.tok[x])) { x--; caps++; }
  if (!caps || x < min || !c.lex.w.originPreps.has(c.tok[x].lower)) return null;
  const pa = c.actorByEndTok.get(x - 1);
  if (!pa || pa.kind !== 'person') return null;
  const s = tokAt(c.tok, pa.start);
  return s >= min ? s : null;
}

/** A capitalised run of 2–4 words ending right before token p (an unknown name), as a token range. */
export function capRunBefore(c: Ctx, p: number, min: number): NP | null {
  const tok = c.tok;
  let s = p;
  while (s - 1 >= min && p - s < 5 && isWord(tok[s - 1]) && (capital(tok[s - 1]) || c.lex.w.nameParticles.has(tok[s - 1].lower))) s--;
  while (s < p && !capital(tok[s])) s++;
  if (p - s < 2 || p - s > 4) return null;
  if (c.alex.notNames.has(normKey(tok[s].text)) || c.quoted[s] >= 0) return null;
  return { s, e: p };
}

// ---------------------------------------------------------------- speaker resolution
