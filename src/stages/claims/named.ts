// Construction "named": a named person something happened to is a count of one ("Jane Roe was stabbed",
// "Roe, 41, a driver, was later pronounced dead", "police arrested John Doe", "Doe died in hospital").
// Pronouns and definite re-mentions ("the victim", "the officer") are not new counts; a name inside a
// group already counted is not either.
import type { Analysis, Claim, Token } from '../../core/types.js';
import type { ClaimsLexicon } from './lexicon.js';
import { type Cat, type Ctx, type Draft, isWord, lowerBound } from './context.js';
import { catBefore } from './category/before.js';

/** re-mentions that are not names: pronouns and "the officer" resolved to a person */
const NOT_NAMES = new Set(['actors.pronoun', 'actors.coref.role', 'actors.generic']);

const CAP_WORD = /^\p{Lu}\p{Ll}/u;
const isCapWord = (t: Token) => t.kind === 'word' && CAP_WORD.test(t.text);

/** isCapWord of every token, in one walk (ASCII letters told without the pattern). */
function capWords(toks: readonly Token[]): Uint8Array {
  const out = new Uint8Array(toks.length);
  for (let k = 0; k < toks.length; k++) {
    const t = toks[k];
    if (t.kind !== 'word') continue;
    const c0 = t.text.charCodeAt(0);
    const c1 = t.text.charCodeAt(1);
    if (c0 < 128 && c1 < 128) out[k] = c0 >= 65 && c0 <= 90 && c1 >= 97 && c1 <= 122 ? 1 : 0;
    else out[k] = CAP_WORD.test(t.text) ? 1 : 0;
  }
  return out;
}

/**
 * Names the actors stage did not take for persons, at the start of a sentence: "Sirhan Sirhan was stabbed",
 * "Ratana was shot" (a surname of a person named in the text), "Robert was killed" (a given name). Two or three
 * capitalised words, or one that is a given name or a known surname; never a place, an organisation or a word
 * of the lexicon's notNames. catNamed still asks for a predicate of harm or arrest right after it.
 */
function sentenceStartNames(a: Analysis, lex: ClaimsLexicon, taken: Draft[]): Draft[] {
  const toks = a.tokens;
  const busy = new Uint8Array(toks.length);
  const mark = (start: number, end: number) => {
    for (let k = lowerBound(toks, start); k < toks.length && toks[k].start < end; k++) busy[k] = 1;
  };
  for (const p of a.places) mark(p.start, p.end);
  for (const x of a.actors) if (x.kind !== 'person') mark(x.start, x.end);
  for (const q of a.quantities) mark(q.start, q.end);
  for (const d of taken) for (let k = d.qi; k < d.qj; k++) busy[k] = 1;
  const surnames = new Set<string>();
  for (const d of taken) if (d.qj - d.qi >= 2) surnames.add(toks[d.qj - 1].lower);
  const runs: [number, number][] = [];
  const cap = capWords(toks);
  for (let k = 0; k < toks.length; k++) {
    const first = k === 0 || toks[k - 1].sentence !== toks[k].sentence;
    // a run starts after a word that is no name ("on Saturday Jane Roe was stabbed")
    if (!first && ((cap[k - 1] && !lex.notNames.has(toks[k - 1].lower)) || !cap[k])) continue;
    let m = k;
    while (m < toks.length && m < k + 3 && toks[m].sentence === toks[k].sentence && cap[m] && !busy[m] && !lex.notNames.has(toks[m].lower)) m++;
    if (m === k || (m < toks.length && toks[m].sentence === toks[k].sentence && cap[m])) continue;
    // within a sentence only two or three capitalised words; a single one only where a sentence starts
    if (!first && m - k < 2) continue;
    runs.push([k, m]);
    if (m - k >= 2) surnames.add(toks[m - 1].lower);
  }
  const out: Draft[] = [];
  for (const [qi, qj] of runs) {
    if (qj - qi === 1 && !lex.givenNames.has(toks[qi].lower) && !surnames.has(toks[qi].lower)) continue;
    out.push({ qi, qj, min: 1, max: 1, approx: false, qSpan: { start: toks[qi].start, end: toks[qj - 1].end }, qText: a.document.text.slice(toks[qi].start, toks[qj - 1].end), singular: true, qRule: 'claims.named-start', named: true });
  }
  return out;
}

export function namedDrafts(a: Analysis, lex: ClaimsLexicon): Draft[] {
  const out = actorDrafts(a);
  out.push(...sentenceStartNames(a, lex, out));
  return [...out, ...listLineNames(a, lex, out), ...pronounDrafts(a, lex)];
}

/**
 * "J.D. Doe, a student in the class." on a line of its own after a line ending in a colon (or after another
 * such line): the name that opens it, however it is written (initials, hyphens, apostrophes), up to the comma.
 * colonListed decides whether it is a count.
 */
function listLineNames(a: Analysis, lex: ClaimsLexicon, taken: Draft[]): Draft[] {
  const toks = a.tokens;
  const out: Draft[] = [];
  const starts = new Set(taken.map((d) => d.qi));
  let listOpen = false;
  for (let k = 1; k < toks.length; k++) {
    if (toks[k].sentence === toks[k - 1].sentence) continue;
    const afterColon = lex.breakdownOpeners.has(toks[k - 1].text);
    if (!afterColon && !listOpen) continue;
    listOpen = false;
    let m = k;
    let words = 0;
    while (m < toks.length && m < k + 8 && toks[m].sentence === toks[k].sentence && (isCapWord(toks[m]) || /^\p{Lu}$/u.test(toks[m].text) || (m > k && /^[-.'’]$/.test(toks[m].text)))) {
      if (toks[m].kind === 'word') words++;
      m++;
    }
    while (m > k && /^[-.]$/.test(toks[m - 1].text)) m--;
    if (words < 2 || m >= toks.length || toks[m].sentence !== toks[k].sentence || toks[m].text !== ',' || lex.notNames.has(toks[k].lower)) continue;
    if (a.places.some((p) => p.start <= toks[k].start && toks[k].start < p.end)) continue;
    listOpen = true;
    if (starts.has(k)) continue;
    out.push({ qi: k, qj: m, min: 1, max: 1, approx: false, qSpan: { start: toks[k].start, end: toks[m - 1].end }, qText: a.document.text.slice(toks[k].start, toks[m - 1].end), singular: true, qRule: 'claims.named-list-line', named: true });
  }
  return out;
}

/**
 * "he was later pronounced dead": a subject pronoun the actors stage resolved to a named person. decide.ts
 * keeps it only for a worse harm (killed) of a person counted earlier with a lesser one.
 */
function pronounDrafts(a: Analysis, lex: ClaimsLexicon): Draft[] {
  const toks = a.tokens;
  const out: Draft[] = [];
  for (const x of a.actors) {
    if (x.kind !== 'person' || x.generic || x.evidence[0]?.rule !== 'actors.pronoun' || !x.name || !x.antecedent) continue;
    const qi = lowerBound(toks, x.start);
    if (qi >= toks.length || toks[qi].end !== x.end || !lex.pronounSubjects.has(toks[qi].lower)) continue;
    out.push({ qi, qj: qi + 1, min: 1, max: 1, approx: false, qSpan: { start: toks[qi].start, end: toks[qi].end }, qText: toks[qi].text, singular: true, qRule: 'claims.named-pronoun', named: true, alias: x.name });
  }
  return out;
}

function actorDrafts(a: Analysis): Draft[] {
  const toks = a.tokens;
  const out: Draft[] = [];
  for (const x of a.actors) {
    if (x.kind !== 'person' || x.generic || NOT_NAMES.has(x.evidence[0]?.rule ?? '')) continue;
    const qi = lowerBound(toks, x.start);
    let qj = qi;
    while (qj < toks.length && toks[qj].end <= x.end) qj++;
    if (qj <= qi || !/^\p{Lu}/u.test(toks[qi].text)) continue;
    out.push({ qi, qj, min: 1, max: 1, approx: false, qSpan: { start: toks[qi].start, end: toks[qj - 1].end }, qText: a.document.text.slice(toks[qi].start, toks[qj - 1].end), singular: true, qRule: 'claims.named', named: true });
  }
  return out;
}

/** Past an apposition or age after the name (", 20, a student,"): the token after it, or k. */
export function skipApposition(c: Ctx, first: number, k: number, end: number): number {
  const { toks } = c;
  let at = k;
  for (let round = 0; round < 2 && at < end && toks[at].text === ','; round++) {
    let m = at + 1;
    while (m < end && m < at + 14 && toks[m].text !== ',' && (isWord(toks[m]) || toks[m].kind === 'number' || toks[m].text === '-' || toks[m].text === '.')) m++;
    if (m < end && toks[m].text === ',' && m > at + 1) at = m;
    else break;
  }
  // past the closing comma; "The mayor, Jane Roe, was stabbed": the name is itself the apposition, or ends one
  // ("The suspect, identified as 22-year-old Jane Roe, was arrested")
  if (at !== k || (at < end && toks[at].text === ',' && appositionBefore(c, first))) at++;
  return at;
}

/** A comma opening an apposition that the name at token first ends: right before it, or past up to six words,
 * numbers and hyphens of its sentence. */
function appositionBefore(c: Ctx, first: number): boolean {
  const { toks } = c;
  for (let m = first - 1; m >= 0 && m >= first - 7 && toks[m].sentence === toks[first].sentence; m--) {
    if (toks[m].text === ',') return true;
    if (!(isWord(toks[m]) || toks[m].kind === 'number' || toks[m].text === '-')) return false;
  }
  return false;
}

/** What happened to the named person: a cue before the name, or a predicate after it. */
export function catNamed(c: Ctx, d: Draft, floor: number, end: number): Cat | null {
  const { toks, lex } = c;
  const before = catBefore(c, d.qi, floor);
  // "police arrested Jane Roe": the cue must also read as what happened to one ("claimed Roe" does not)
  if (before && before.end === d.qi && lex.after.at(toks, before.end - 1, before.end)) return keep(before);
  if (before && before.end === d.qi && lex.after.at(toks, before.start, before.end)) return keep(before);
  // "beating to death Jane Roe": a cue of several words says it by itself
  if (before && before.end === d.qi && before.end - before.start >= 3) return keep(before);
  const of = namedOfCue(c, d.qi, d.qj, floor);
  if (of) return keep(of);
  const rel = relativeHarm(c, d, end);
  if (rel) return keep(rel);
  let k = skipApposition(c, d.qi, d.qj, end);
  let aux = false;
  // (an auxiliary that opens a cue stays: "was still in critical condition")
  for (let n = 0; k < end && n < 4 && lex.aux.has(toks[k].lower) && !(aux && lex.after.at(toks, k, end)); n++, k++) {
    // "Roe and Doe were arrested": a name in a list, counted with the others
    if (lex.pluralAux.has(toks[k].lower)) return null;
    if (lex.passiveAux.has(toks[k].lower)) aux = true;
  }
  if (k >= end) return null;
  const self = lex.namedIntransitive.at(toks, k, end);
  if (self) {
    const cat = lex.after.at(toks, self.start, end) ?? lex.after.at(toks, k, end);
    if (cat) return keep({ category: cat.value, rule: 'claims.category:named', start: d.qi, end: self.end });
  }
  // a passive ("was stabbed"), or a headline's bare participle ("Jane Roe shot in hospital car park")
  const headline = toks[k].sentence === 0;
  if (!aux && !headline) return null;
  const p = lex.after.at(toks, k, end);
  if (!p) return null;
  // "Jane Roe was charged with murder": a charge counts the named person (other)
  if (p.value === 'other') {
    const ch = aux ? lex.namedOtherCues.at(toks, k, end) : null;
    return ch ? { category: 'other', rule: 'claims.category:named-charged', start: d.qi, end: ch.end } : null;
  }
  // "Roe killed five people": an active verb with an object is not what happened to Roe
  if (!aux && p.end < end && (c.inQ[p.end] === 1 || lex.articles.has(toks[p.end].lower) || /^\p{Lu}/u.test(toks[p.end].text))) return null;
  return keep({ category: p.value, rule: 'claims.category:named', start: d.qi, end: p.end });
}

/** "Jane Roe, who had herself been shot in 1990": a passive of harm in the relative clause right after the name. */
function relativeHarm(c: Ctx, d: Draft, end: number): Cat | null {
  const { toks, lex } = c;
  const k = d.qj;
  if (!(k + 2 < end && toks[k].text === ',' && lex.relativeWho.has(toks[k + 1].lower))) return null;
  let m = k + 2;
  let passive = false;
  for (let n = 0; m < end && n < 5 && (lex.aux.has(toks[m].lower) || lex.reflexives.has(toks[m].lower)); n++, m++) if (lex.passiveAux.has(toks[m].lower)) passive = true;
  const p = passive ? lex.after.at(toks, m, end) : null;
  return p ? { category: p.value, rule: 'claims.category:named-relative', start: d.qi, end: p.end } : null;
}

/** "the assassination of (the general) Jane Roe", "the shooting of Jane Roe": a noun of what happened, then of. */
function namedOfCue(c: Ctx, qi: number, qj: number, floor: number): Cat | null {
  const { toks, lex } = c;
  let k = qi - 1;
  // the words between "of" and the name: a title, lower-case ("the general") or naming a country or a post
  // ("United States senator and presidential candidate"); no clause word
  for (let n = 0; k >= floor && n < 8 && isWord(toks[k]) && !lex.namedOfLink.has(toks[k].lower) && (!lex.stops.has(toks[k].lower) || lex.groupJoin.has(toks[k].lower)); n++) k--;
  if (k - 1 < floor || !lex.namedOfLink.has(toks[k].lower)) return null;
  const p = lex.namedOf.endingAt(toks, k - 1, floor);
  return p ? { category: p.value, rule: 'claims.category:named-of', start: p.start, end: qj } : null;
}

/** What happens to one named person: harm, arrest, capture, disappearance; not moves or deployments. */
const PERSONAL = new Set(['killed', 'injured', 'detained', 'abducted', 'missing', 'trapped']);
const keep = (x: Cat): Cat | null => (PERSONAL.has(x.category) ? x : null);

/**
 * A name listed after a named claim of the sentence ("those killed included Jane Roe, 20; John Doe, 31, and
 * Ann Poe, 19") takes its category: only punctuation, ages and "and" between them.
 */
export function namedListed(c: Ctx, d: Draft, prevEndTok: number): Cat | null {
  const { toks } = c;
  if (prevEndTok >= d.qi) return null;
  for (let k = prevEndTok; k < d.qi; k++) {
    const t = toks[k];
    if (t.text === ',' || t.text === ';' || c.lex.coordinators.has(t.lower) || c.inQ[k] === 2) continue;
    // "Jane Roe, a teacher, and John Doe": an apposition of the name before, opened by an article
    if (k > prevEndTok && toks[k - 1].text === ',' && c.lex.determiners.has(t.lower)) {
      let m = k + 1;
      while (m < d.qi && m < k + 10 && isWord(toks[m]) && !c.lex.stops.has(toks[m].lower)) m++;
      if (m < d.qi && (toks[m].text === ',' || toks[m].text === ';' || c.lex.coordinators.has(toks[m].lower))) { k = m; continue; }
    }
    return null;
  }
  return { category: 'killed', rule: 'claims.category:named-list', start: d.qi, end: d.qj };
}

export const COLON_LIST = 'claims.category:named-colon-list';

/**
 * A name opening a line of a list announced by a count ("... reported the names of four of the victims:" then
 * "Jane Roe, a student in the class." on lines of their own): the count's category. The name stands alone or
 * before its apposition; the line before ends with the colon after the count, or is the list's line before.
 */
export function colonListed(c: Ctx, d: Draft, floor: number, end: number, claims: readonly Claim[]): { cat: Cat; parent: Claim } | null {
  const { toks, lex } = c;
  let k = d.qj;
  while (k < end && /^['’"]$/.test(toks[k].text)) k++;
  if (d.qi !== floor || floor === 0 || !(k === end || toks[k].text === ',' || toks[k].text === ';' || toks[k].text === '.')) return null;
  const s = toks[floor].sentence;
  const last = claims[claims.length - 1];
  if (!last || last.sentence !== s - 1) return null;
  const opened = lex.breakdownOpeners.has(toks[floor - 1].text) && last.value.min != null && last.value.min > 1;
  const continued = last.evidence[0]?.rule === COLON_LIST;
  if (!opened && !continued) return null;
  return { cat: { category: last.category, rule: COLON_LIST, start: d.qi, end: d.qj }, parent: last };
}
