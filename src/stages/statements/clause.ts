// The clause around a reporting cue, as the statement constructions (reported.ts, direct-quotes.ts) read it:
// the hearer after a verb, the speaker before, a count or a description as subject, what trails a late cue.
import { type Ctx, type NP, capital, finiteLooking, isPronoun, isWord, tokAt, verbAt } from './context.js';
import type { Speaker } from '../../core/types.js';
import { nounUse } from './build.js';
import { speakerFrom, prevSpeaker } from './speaker.js';

export { prevSpeaker };
import { skipAdverbials } from './adverbials.js';
import { npBefore } from './noun-phrase.js';

/** The first word of a phrase. */
export const firstWord = (s: string) => s.split(' ', 1)[0];

/** Past the hearer of a verb such as "told" at token k ("told SANA", "told the state news agency SANA",
 * "told reporters in Geneva"): the token after it, k when there is none. */
export function skipHearer(c: Ctx, k: number, limit: number): number {
  const h = hearerEnd(c, k, limit);
  return h > k ? hearerPlace(c, h, limit) : h;
}

/** "told a news conference in the capital.", "told reporters in Geneva that": a short place phrase after a
 * hearer goes with it when the clause ends there, or "that", a comma or a time follows it. */
function hearerPlace(c: Ctx, h: number, limit: number): number {
  const tok = c.tok;
  if (h >= limit || !c.lex.w.placePreps.has(tok[h].lower)) return h;
  for (let j = h + 2; j <= Math.min(limit, h + 5); j++) {
    const w = tok[j - 1];
    if (!isWord(w) || verbAt(c, j - 1) || c.lex.that.has(w.lower)) return h;
    if (isTrailing(c, j, limit) || c.lex.that.has(tok[j].lower) || skipAdverbials(c, j, limit) > j) return j;
  }
  return h;
}

/** The end of the hearer proper at token k (its place phrase aside), k when there is none. */
export function hearerEnd(c: Ctx, k: number, limit: number): number {
  const tok = c.tok;
  if (k >= limit) return k;
  const a = c.actorByStartTok.get(k);
  // "told SANA" — but "told Syria's state-run news agency SANA": the possessive goes on
  if (a) {
    let ae = tokAt(tok, a.end);
    // "told the state news agency SANA": a name in apposition goes with the hearer
    const b = c.actorByStartTok.get(ae);
    if (b && ae < limit) ae = tokAt(tok, b.end);
    if (!(ae < limit && c.lex.w.possessiveMarkers.has(tok[ae].text))) return ae;
  }
  if (c.lex.w.hearers.has(tok[k].lower)) return k + 1;
  // "the BBC", "a news conference", "Surrey's councillors": up to 4 words before "that"
  for (let j = k; j < Math.min(limit, k + 9); j++) {
    if (c.lex.that.has(tok[j].lower)) return j;
    if (!isWord(tok[j]) && !c.lex.w.possessiveMarkers.has(tok[j].text) || verbAt(c, j) || c.quoted[j] >= 0) break;
  }
  // "told the BBC.": an organisation after its article (not "the SANA news agency", read below)
  if (c.lex.w.articles.has(tok[k].lower) && k + 1 < limit) {
    const org = c.actorByStartTok.get(k + 1);
    const oe = org && org.kind === 'organization' ? Math.min(limit, tokAt(tok, org.end)) : -1;
    // ("told the AP on condition of anonymity", "told the BBC on Sunday": an adverbial after it)
    if (oe > 0 && (oe >= limit || !isWord(tok[oe]) || c.lex.that.has(tok[oe].lower) || skipAdverbials(c, oe, limit) > oe || c.lex.w.adverbialPreps.has(tok[oe].lower))) return oe;
  }
  if (c.lex.w.hearerLead.has(tok[k].lower)) {
    // "the state news agency", "the official news agency SANA": the last head of the run, and a name
    // in apposition after it
    let j = k + 1;
    let end = k;
    while (j < Math.min(limit, k + 5) && isWord(tok[j]) && !c.lex.stops.has(tok[j].lower) && (!verbAt(c, j) || c.lex.w.hearerHeads.has(tok[j].lower))) {
      j++;
      if (c.lex.w.hearerHeads.has(tok[j - 1].lower)) end = j;
      else if (end > k) break;
    }
    const b = end > k && end < limit ? c.actorByStartTok.get(end) : undefined;
    return b ? Math.min(limit, tokAt(tok, b.end)) : end;
  }
  return k;
}

/**
 * "... wounded more than 40 people said the Observatory", "... killed five rebels, said a military source": a
 * count (in digits or words) right after a word of the clause before is that clause's object, not the
 * speaker, when the verb is followed by a speaker.
 */
export function countObject(c: Ctx, subj: NP, lastEnd: number): boolean {
  const tok = c.tok;
  const num = (j: number) => j > lastEnd && (c.countStart[j] === 1 || /^\d/.test(tok[j].text));
  // the number opens the phrase, comes just before it, or sits inside a phrase read across a
  // participle ("the shelling wounded 40 people")
  let first = num(subj.s - 1) ? subj.s - 1 : -1;
  // "dozens of rebels": the count before the preposition of its noun
  if (first < 0 && subj.s >= 2 && c.lex.w.ofPreps.has(tok[subj.s - 1].lower) && c.countStart[subj.s - 2] === 1 && subj.s - 2 > lastEnd) first = subj.s - 2;
  for (let j = subj.e - 1; j >= subj.s && first < 0; j--) if (num(j)) first = j;
  if (first <= lastEnd || !isWord(tok[first - 1]) || /^(1[89]|20)\d\d$/.test(tok[first].text)) return false;
  // "a hospital official and two residents said": a count joined to a role before it counts speakers
  if (first - 2 > lastEnd && c.lex.w.coordinators.has(tok[first - 1].lower) && c.alex.roleNouns.has(tok[first - 2].lower)) return false;
  // what follows the number is the counted noun in lower case ("40 people", "12 wounded men"), not a
  // name after a date ("27 October 2016 State media")
  for (let j = first + 1; j < subj.e; j++) if (!isWord(tok[j]) || capital(tok[j])) return false;
  return subj.e - first <= 4;
}

/** A named actor, a role ("the monitor") or a generic source noun: who an inverted cue can name. */
export function speakerLike(c: Ctx, np: NP | null): boolean {
  if (!np) return false;
  const last = c.tok[np.e - 1].lower;
  if (actorHead(c, np) !== np || c.alex.roleNouns.has(last) || c.alex.generic.has(last)) return true;
  if (!c.headFirst) return false;
  // where adjectives follow the noun, the head opens the phrase ("une source militaire")
  let s = np.s;
  while (s < np.e - 1 && c.lex.determiners.has(c.tok[s].lower)) s++;
  const head = c.tok[s].lower;
  return c.alex.roleNouns.has(head) || c.alex.generic.has(head);
}

/** The phrase cut after a named actor that opens it (after a determiner): its apposition left out. */
export function actorHead(c: Ctx, np: NP): NP {
  for (const j of [np.s, np.s + 1]) {
    const a = j < np.e ? c.actorByStartTok.get(j) : undefined;
    if (a) return { s: np.s, e: Math.min(np.e, tokAt(c.tok, a.end)) };
  }
  return np;
}

/**
 * "said the Observatory a monitoring group based in Britain": a short tail (an apposition without
 * its comma) after an inverted speaker, with no quote and no other reporting verb.
 */
export function appositionTail(c: Ctx, k: number, E: number): boolean {
  if (E - k > 8) return false;
  for (let j = k; j < E; j++) if (c.quoted[j] >= 0 || verbAt(c, j)) return false;
  return true;
}

// reported speech

/** "..., a private security guard present at the scene told": a determiner-led phrase after the last comma, up to 10 words. */
export function describedBefore(c: Ctx, v: number, min: number): NP | null {
  const tok = c.tok;
  for (let j = v - 1; j > min && v - j <= 11; j--) {
    const t = tok[j];
    if (t.text === ',') {
      const s = j + 1;
      if (s >= v || !c.lex.determiners.has(tok[s].lower) || c.lex.w.notDeterminers.has(tok[s].lower)) return null;
      return { s, e: v };
    }
    if (!isWord(t) || c.quoted[j] >= 0 || (verbAt(c, j) && !nounUse(c, j, j + 1))) return null;
  }
  return null;
}

/** The person, organisation or pronoun opening the sentence (after a connective), as a speaker; null if none. */
export function sentenceSubject(c: Ctx, S: number, before: number): Speaker | null {
  let k = S;
  while (k < before && (c.lex.sentenceLead.has(c.tok[k].lower) || c.tok[k].text === ',')) k++;
  if (k >= before) return null;
  if (isPronoun(c, k) && c.lex.w.subjectPronouns.has(c.tok[k].lower)) return speakerFrom(c, { s: k, e: k + 1 });
  const a = c.actorByStartTok.get(k);
  if (!a) {
    // an unknown name of two to four capitalised words ("Henrik Dahl protested ...")
    let p = k;
    while (p < before && p - k < 5 && isWord(c.tok[p]) && capital(c.tok[p])) p++;
    if (p - k < 2 || p - k > 4 || c.alex.notNames.has(c.keys[k]) || !verbLike(c, p)) return null;
    return speakerFrom(c, { s: k, e: p, name: { s: k, e: p } });
  }
  if (a.generic || (a.kind !== 'person' && a.kind !== 'organization' && a.kind !== 'group')) return null;
  const e = tokAt(c.tok, a.end);
  // the actor must be the subject: a verb follows it (not "X's", not "X and Y")
  if (e >= before || !verbLike(c, e)) return null;
  return speakerFrom(c, { s: k, e: Math.max(k + 1, e) });
}

/** A word that can follow a subject: an auxiliary or a verb form. */
function verbLike(c: Ctx, i: number): boolean {
  const t = c.tok[i];
  if (!t || !isWord(t)) return false;
  return c.lex.subjectVerbs.has(t.lower) || !!verbAt(c, i) || (finiteLooking(c, t.text) && !c.lex.stops.has(t.lower));
}

/** "Estimates by organisers indicate 9,000 marched": the subject is what a report, estimate or figures came from. */
export function sourceNounBefore(c: Ctx, s: number, S: number): boolean {
  return s - 2 >= S && c.lex.sourcePreps.has(c.tok[s - 1].lower) && c.lex.sourceNouns.has(c.tok[s - 2].lower);
}

/** The token where a participle cue (", adding ...") begins, or E. */
export function cutAtParticiple(c: Ctx, k: number, E: number): number {
  for (let j = k; j < E; j++) {
    const t = c.tok[j];
    if (t.text === ',') return j;
    const pv = verbAt(c, j);
    if (pv && pv.v.participle) return j;
    if (c.quoted[j] >= 0) return j;
  }
  return E;
}

/** Tokens after a late cue that are not content: "on Tuesday", "in a statement", ", adding ..." handled elsewhere. */
export function isTrailing(c: Ctx, k: number, E: number): boolean {
  const tok = c.tok;
  for (let j = k; j < E; j++) {
    // a bracketed aside closing the phrase ("said the International Organization for Migration (IOM).")
    if (tok[j].text === '(') {
      let close = j + 1;
      while (close < E && close - j <= 10 && tok[close].text !== ')' && tok[close].text !== '(') close++;
      if (close < E && tok[close].text === ')') {
        j = close;
        continue;
      }
    }
    // "..., a local official said on condition of anonymity.", "said an official who asked not to be named."
    const anon = c.lex.anonymity.longestAtKeys(c.keys, j);
    if (anon && anon.end <= E) {
      j = anon.end - 1;
      continue;
    }
    if (isWord(tok[j])) return false;
  }
  return true;
}

export function skipLeadComma(c: Ctx, k: number, E: number): number {
  // ("According to the Inter-Services Public Relations (ISPR), the troops ...": past the source's acronym)
  if (k < E && c.tok[k].text === '(') {
    let j = k + 1;
    while (j < E && j <= k + 4 && c.tok[j].text !== ')') j++;
    if (j < E && c.tok[j].text === ')') k = j + 1;
  }
  while (k < E && (c.tok[k].text === ',' || c.tok[k].text === ':')) k++;
  return k;
}

/** "L'état-major a confirmé l'attaque dans un communiqué, affirmant que ...": the subject of the last finite verb
 * before token i in the sentence from S (a verb's form after an article is a noun there: "l'attaque"). */
export function mainClauseSpeaker(c: Ctx, S: number, i: number): Speaker | null {
  const tok = c.tok;
  for (let j = i - 1; j >= S; j--) {
    const mv = verbAt(c, j);
    if (!mv || mv.v.participle || (j > S && (c.lex.determiners.has(tok[j - 1].lower) || c.lex.w.articles.has(tok[j - 1].lower)))) continue;
    const np = npBefore(c, j, S);
    if (np) return speakerFrom(c, np);
  }
  return null;
}

/** A reporting verb after a subject within eight tokens from k, before any comma (", while local sources said",
 * ", while local sources indicated that"; not ", while adding that": the same speaker). `strong`: only a strong verb
 * or one before "that" (", tandis que la CGT a revendiqué 3,5 millions" needs any). */
export function reportingVerbWithin(c: Ctx, k: number, E: number, strong: boolean): boolean {
  for (let j = k; j < Math.min(E, k + 8); j++) {
    if (c.tok[j].text === ',' || c.quoted[j] >= 0) return false;
    const v = verbAt(c, j);
    if (v && j > k && (!strong || v.v.strong || c.lex.that.has(c.tok[v.end]?.lower ?? ''))) return true;
  }
  return false;
}
