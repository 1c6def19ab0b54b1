// Context of place mentions, before resolution: people's names ("Kyle Rittenhouse", "Capt. Jeff Davis"),
// organisation names ("Aleppo Media Center", "news agency Fars"), currencies ("US$"), qualifiers ("eastern",
// "outskirts of"), regions and cities wanted, relations to a following place ("X north of Y"), datelines
// ("TRIPOLI —") and places standing for their state ("US-led", "US airstrikes").
import type { Place, Span } from '../../core/types.js';
import { isAdmin1, isCountry, type Gazetteer } from '../../geo/gazetteer.js';
import type { Mention, Word } from './detect.js';
import type { PlacesLexicon } from './lexicon.js';
import { WB, type WordInfo, type WordTable } from './word-bits.js';
import { endsPhraseAt, wbits, wordAfter } from './words.js';
import { isDateline } from './dateline.js';

export interface ContextCtx {
  text: string;
  words: Word[];
  lowers: string[];
  /** indexes of the name words */
  names: number[];
  /** what is known of each word, filled on first use (wbits in words.ts) */
  infos: (WordInfo | undefined)[];
  table: WordTable;
  gaz: Gazetteer;
  lex: PlacesLexicon;
}
type Ctx = ContextCtx;


/** The evidence rule of a place that stands for its state or people ("US-led", "US airstrikes", "the Kherson
 * governor"): a place, but not where a count in its sentence happened. */
export const ATTRIBUTIVE_RULE = 'places.attributive';

/** The evidence rule of a dateline place ("TRIPOLI —"): where the report was filed, not the place of its counts. */
export const DATELINE_RULE = 'places.dateline';

/** Does the place stand for its state or people rather than say where something happened? */
export function isAttributive(p: Place): boolean {
  return p.evidence.some((e) => e.rule === ATTRIBUTIVE_RULE);
}

/** Is the place a dateline ("TRIPOLI —")? */
export function isDatelinePlace(p: Place): boolean {
  return p.evidence.some((e) => e.rule === DATELINE_RULE);
}

/** The country holding most of the known places below a country named (datelines and places standing for a
 * state aside), or null with none or on a tie: the country a report is about (claims, actors). */
export function mainCountry(places: readonly Place[]): string | null {
  const n = new Map<string, number>();
  // towns, regions and landmarks the gazetteer knows: a country is as often an actor or a venue of talks
  for (const p of places) if (p.country && p.geonameId !== null && p.kind !== 'country' && !isAttributive(p) && !isDatelinePlace(p)) n.set(p.country, (n.get(p.country) ?? 0) + 1);
  let best: string | null = null;
  let bestN = 0;
  let tie = false;
  for (const [k, v] of n) {
    if (v > bestN) { best = k; bestN = v; tie = false; }
    else if (v === bestN) tie = true;
  }
  return tie ? null : best;
}

/** A country, first-level region, capital, provincial capital or big city (matched by its own name). */
function wellKnownPosting(c: Ctx, m: Mention | undefined): boolean {
  if (!m) return false;
  for (const p of m.postings) {
    if (p.alt) continue;
    const e = c.gaz.entry(p.idx);
    if (isCountry(e) || isAdmin1(e) || e.featureCode === 'PPLC' || e.featureCode === 'PPLA' || e.population >= c.lex.bigPopulation) return true;
  }
  return false;
}

/** Is a country among the mention's places ("Israel Katz" stays a place: a country is seldom a first name)? */
function countryPosting(c: Ctx, m: Mention | undefined): boolean {
  if (!m) return false;
  for (const p of m.postings) if (!p.alt && isCountry(c.gaz.entry(p.idx))) return true;
  return false;
}

/** Is the mention's main entry (by its own name) a country or a capital? */
function statePosting(c: Ctx, m: Mention, everyday = false): boolean {
  for (const p of m.postings) {
    if (p.alt && !(everyday && c.gaz.entry(p.idx).population >= MEGACITY_OF_STATE)) continue;
    const e = c.gaz.entry(p.idx);
    if (isCountry(e) || e.featureCode === 'PPLC') return true;
  }
  return false;
}

/** a capital this large is known by its everyday names too ("Kiev" for Kyiv) */
const MEGACITY_OF_STATE = 1_000_000;

/** words after a given name that make it no person's ("Martin Valley", "Sami al-") */
const NOT_SURNAME = WB.connector | WB.cueWord | WB.direction | WB.demonym;

/** Words of people's names, here and later in the article ("Davis said"): the names after a title ("Capt. Jeff
 * Davis"), and a given name with the names after it ("Kyle Rittenhouse", "Richard and Lisa Parry") unless the
 * name after it is a well-known place or a place word ("Martin Valley"). */
function personWordsOf(c: Ctx, mentionAtWord: Map<number, Mention>): Set<string> {
  const { words, lowers, lex } = c;
  const out = new Set<string>();
  const nameAt = (j: number, s: number) => j < words.length && words[j].sentence === s && !!words[j].name && !words[j].short && !(wbits(c, j) & WB.functionWord);
  // past the period of an abbreviated title and a middle initial ("Lt. Gen. Stephen J. Townsend")
  const skipDots = (j: number) => {
    for (;;) {
      if (lowers[j] === '.') j++;
      else if (j + 1 < words.length && words[j].text.length === 1 && words[j].name && lowers[j + 1] === '.') j += 2;
      else return j;
    }
  };
  // a title inside a run already read ("Minister Minister ...", "Mr. Mr. ...") would read the same
  // words again (quadratic time on a long run): the walk goes over periods ("Lt. Gen. Ali"), so a
  // title inside it is skipped
  let reach = -1;
  for (let n = 0; n < c.names.length; n++) {
    const i = c.names[n];
    const s = words[i].sentence;
    const bi = wbits(c, i);
    if (bi & WB.personTitle) {
      if (i < reach) continue;
      let j = skipDots(i + 1);
      for (; nameAt(j, s); j = skipDots(j + 1)) if (!(wbits(c, j) & WB.personTitle)) out.add(lowers[j]);
      reach = j;
      continue;
    }
    if ((bi & (WB.givenName | WB.nameHead)) !== WB.givenName || words[i].short) continue;
    let j = skipDots(i + 1);
    // "Richard and Lisa Parry"
    if (lex.copulativeConjunctions.has(lowers[j]) && j + 1 < words.length && wbits(c, j + 1) & WB.givenName && nameAt(j + 2, s)) j += 2;
    if (!nameAt(j, s) || wbits(c, j) & NOT_SURNAME || lowers[j].includes('-')) continue;
    if (wbits(c, j) & WB.orgHeadAfter || wellKnownPosting(c, mentionAtWord.get(j)) || countryPosting(c, mentionAtWord.get(i))) continue;
    out.add(lowers[i]);
    if (j > i + 1) out.add(lowers[i + 2]);
    for (; nameAt(j, s) && !(wbits(c, j) & WB.cueWord); j++) out.add(lowers[j]);
  }
  return out;
}

/** A verb of a state acting at word k ("accused", "has accused", "did not comment": two auxiliaries before it at
 * most), as its span; else undefined. */
function actorVerbAt(c: Ctx, k: number): Span | undefined {
  const { words, lowers, lex } = c;
  if (k >= words.length || words[k].name) return undefined;
  let v = k;
  while (v < k + 2 && v + 1 < words.length && words[v + 1].sentence === words[k].sentence && lex.auxiliariesAfter.has(lowers[v])) v++;
  if (lex.actorVerbsAfter.has(lowers[v])) return { start: words[k].start, end: words[v].end };
  return undefined;
}

/** "US-led", "Iran-backed", "US airstrikes", "the Kherson governor": the word after the mention that makes it
 * stand for its state or people, or undefined. */
function attributiveWord(c: Ctx, m: Mention, prev: number, next: number): Span | undefined {
  const { words, lowers, lex, text } = c;
  // a state as an actor: "backed by Russia", "Washington accuses" (countries and capitals only: "Aleppo said" is rare)
  // ("by the US": over the article)
  const bp = prev >= 1 && lex.definiteArticles.has(lowers[prev]) && words[prev - 1].sentence === words[prev].sentence ? prev - 1 : prev;
  const by = bp >= 0 ? lex.actorWordsBefore.matchEndingAt(lowers, bp) : null;
  if (by && !words[bp].name && statePosting(c, m)) return { start: words[bp - by.len + 1].start, end: words[bp].end };
  // (not after a preposition: "contacts in Syria said")
  const afterPrep = prev >= 0 && (lex.locativePrepositions.has(lowers[prev]) || lex.genitivePrepositions.has(lowers[prev]));
  if (next >= 0 && !afterPrep && statePosting(c, m)) {
    // "Washington accuses", "Washington has accused"
    const v = actorVerbAt(c, next);
    if (v) return v;
    // "Turkey, which backs the rebels, condemned": the relative clause's verb, or the verb after the clause
    if (lowers[next] === ',' && next + 1 < words.length && lex.relativePronouns.has(lowers[next + 1])) {
      const s = words[next].sentence;
      const own = actorVerbAt(c, next + 2);
      if (own) return own;
      for (let k = next + 2; k + 1 < words.length && k <= next + 20 && words[k + 1].sentence === s; k++) if (lowers[k] === ',') return actorVerbAt(c, k + 1);
    }
  }
  // "by the Syrian government and Russia", "by Russia and the United States": a state coordinated after an agent
  const and = (j: number) => lex.copulativeConjunctions.has(lowers[j]);
  if (prev >= 0 && (and(prev) || (lex.definiteArticles.has(lowers[prev]) && prev >= 1 && and(prev - 1))) && statePosting(c, m)) {
    const s = words[prev].sentence;
    for (let q = prev - 1; q >= 0 && q >= prev - 7 && words[q].sentence === s; q--) {
      if (lex.locativePrepositions.has(lowers[q]) || lowers[q] === ',' || lex.genitivePrepositions.has(lowers[q])) break;
      const ag = lex.actorWordsBefore.matchEndingAt(lowers, q);
      if (ag) return { start: words[q - ag.len + 1].start, end: words[q].end };
    }
  }
  if (next < 0) return undefined;
  const w = words[next];
  // a compound: "US-led", "Iran-backed", "US-Russian", "US-Trained"
  if (text.charCodeAt(m.end) === 45 && COMPOUND_PART.test(text.slice(m.end + 1, m.end + 3)) && w.start <= m.end + 1) return { start: m.end, end: w.end };
  if (w.start <= m.end) return undefined;
  // a town before such a noun is where it happened, not who did it ("the Port Sudan drone strikes"); a capital by
  // its everyday name ("the Kiev regime") is a state's
  if (!statePosting(c, m, true)) return undefined;
  if (lex.actorNounsAfter.has(lowers[next])) return { start: w.start, end: w.end };
  // one modifier between: "US latest airstrike"
  const n2 = next + 1;
  if (!w.name && n2 < words.length && words[n2].sentence === w.sentence && !words[n2].name && lex.actorNounsAfter.has(lowers[n2]) && !lex.functionWords.has(lowers[next])) return { start: w.start, end: words[n2].end };
  return undefined;
}

const COMPOUND_PART = /^\p{L}\p{Ll}/u;
/** Part of an organisation's name: "Aleppo Media Center", "University of Aleppo", "Supreme Court of the United
 * States", "news agency Fars", "Mayor Smith". */
function inOrganisation(c: Ctx, m: Mention, prev: number): boolean {
  const { words, lowers, lex } = c;
  const s = words[m.wi].sentence;
  for (let k = m.wj + 1; k < words.length && k <= m.wj + 4 && words[k].sentence === s && (words[k].name || lex.connectors.has(lowers[k]) || lex.benefactivePrepositions.has(lowers[k]) || lex.genitivePrepositions.has(lowers[k])); k++) {
    if (words[k].name && lex.orgHeadsAfter.has(lowers[k])) return true;
  }
  let of = prev;
  if (of >= 1 && lex.definiteArticles.has(lowers[of])) of--;
  if (of >= 1 && lex.genitivePrepositions.has(lowers[of]) && words[of - 1].name && lex.orgHeadsBefore.has(lowers[of - 1])) return true;
  // a title: "Minister for the Middle East", "Special Envoy for Syria"
  if (of >= 1 && lex.benefactivePrepositions.has(lowers[of]) && words[of - 1].name && lex.personTitles.has(lowers[of - 1])) return true;
  // a name with the place inside, capitalised on both sides: "Women for America First"
  if (of === prev && of >= 1 && lex.benefactivePrepositions.has(lowers[of]) && words[of - 1].name && !words[of - 1].first && words[of - 1].sentence === s) {
    const n = wordAfter(words, m);
    // (not a title-case headline running into the next sentence: "Battle for Manbij The ...", "Head for Deir ez-Zor MOSCOW")
    if (n < words.length && words[n].sentence === s && words[n].name && !words[n].short && !(wbits(c, n) & WB.functionWord) && !/^\p{Lu}+$/u.test(words[n].text) && c.text.slice(m.end, words[n].start).trim() === '') return true;
  }
  if (prev >= 0 && !words[prev].name && lex.orgNounsBefore.has(lowers[prev])) return true;
  if (prev >= 0 && lex.personTitles.has(lowers[prev]) && words[prev].name) return true;
  if (prev >= 1 && lowers[prev] === '.' && lex.personTitles.has(lowers[prev - 1]) && words[prev - 1].name) return true;
  return false;
}

/** punctuation that ends a quotation before a speaker ('," said', '.” Russell said', '», a déclaré') */
const QUOTE_ENDS = new Set(['”', '’', '"', "'", '»', ',']);
const SPEAKER_ENDS = new Set(['.', ',', ';', '!', '?']);

/** A name in a speaker's slot after a quotation ('," said Russell.', '," Russell said', '», a déclaré Dupont'):
 * a person's name, whatever place shares it. A country or capital there stands for its state, and stays. */
function speakerAfterQuote(c: Ctx, m: Mention, prev: number, next: number): boolean {
  const { lowers, lex } = c;
  if (prev < 0 || statePosting(c, m)) return false;
  const verb = lex.speakerVerbs.matchEndingAt(lowers, prev);
  if (verb) {
    const q = prev - verb.len;
    return q >= 0 && QUOTE_ENDS.has(lowers[q]) && (next < 0 || SPEAKER_ENDS.has(lowers[next]));
  }
  return next >= 0 && QUOTE_ENDS.has(lowers[prev]) && lowers[prev] !== ',' && !!lex.speakerVerbs.matchAt(lowers, next);
}

/** A name opening with a title ("General Santos told reporters") is a person's, unless a cue word ends it
 * ("General Santos City") or a preposition of place stands before it ("in General Santos"). */
function titledPerson(c: Ctx, m: Mention, prev: number): boolean {
  if (m.wj === m.wi || !(wbits(c, m.wi) & WB.personTitle) || wbits(c, m.wj) & WB.cueWord) return false;
  return prev < 0 || !(wbits(c, prev) & WB.locativePreposition);
}

/** Sets qualifiers and parent hints, and drops mentions that are parts of organisation or person names. */
export function annotateContext(c: Ctx, mentions: Mention[]): Mention[] {
  const { words, lowers, lex } = c;
  const mentionAtWord = new Map<number, Mention>();
  for (const m of mentions) mentionAtWord.set(m.wi, m);
  const personWords = personWordsOf(c, mentionAtWord);
  const out: Mention[] = [];
  for (let mk = 0; mk < mentions.length; mk++) {
    const m = mentions[mk];
    const s = words[m.wi].sentence;
    if (!m.cue && personWords.size) {
      let all = true;
      for (let w = m.wi; w <= m.wj && all; w++) if (!personWords.has(lowers[w]) && !(wbits(c, w) & WB.connector)) all = false;
      if (all) continue;
    }
    const prev = m.wi - 1 >= 0 && words[m.wi - 1].sentence === s ? m.wi - 1 : -1;
    let next = wordAfter(words, m);
    if (next >= words.length || words[next].sentence !== s) next = -1;
    if (!m.cue && speakerAfterQuote(c, m, prev, next)) continue;
    if (!m.cue && titledPerson(c, m, prev)) continue;
    // organisation: "Aleppo Media Center", "University of Aleppo", "Islamic State of Iraq"
    if ((!m.cue || m.cue.rule === 'same-name') && inOrganisation(c, m, prev)) continue;
    // a currency ("US$2 million")
    if (c.text.charCodeAt(m.end) === 36) continue;
    m.attributive = attributiveWord(c, m, prev, next);
    m.dateline = isDateline(c.text, m);
    // qualifiers: "eastern Aleppo", "the outskirts of X", "southern suburbs of Damascus", "near Palmyra"
    let q = prev;
    if (q >= 0 && lex.definiteArticles.has(lowers[q])) q--;
    const prox = q >= 0 ? lex.proximity.matchEndingAt(lowers, q) : null;
    if (prox && words[q - prox.len + 1].sentence === s) {
      m.qualifier = prox.value;
      m.qualifierSpan = { start: words[q - prox.len + 1].start, end: words[q].end };
      m.precision = 2;
    } else if (prev >= 0 && wbits(c, prev) & WB.direction) {
      m.qualifier = lowers[prev];
      m.qualifierSpan = { start: words[prev].start, end: words[prev].end };
      m.precision = 2;
    }
    if (!m.qualifier && next >= 0 && lex.qualifiersAfter.has(lowers[next])) {
      m.qualifier = lowers[next];
      m.qualifierSpan = { start: words[next].start, end: words[next].end };
      m.precision = 2;
    }
    // admin1 wanted: "province of Raqqa" / "Raqqa province" (cue); a city: "Idleb city", "the city of X"
    if (q >= 0 && lex.regionPrecedingCues.matchEndingAt(lowers, q)) m.region = true;
    if (next >= 0 && lex.regionCues.has(lowers[next]) && (!lex.phraseEndCueWords.has(lowers[next]) || endsPhraseAt(c, next + 1))) m.region = true;
    if (next >= 0 && lex.cityCues.has(lowers[next])) m.city = true;
    // relation to a following place: "X in Y", "X, north of Y", "X near the city of Y"
    if (next >= 0) {
      let r = next;
      if (lowers[r] === ',') r++;
      let rel = r < words.length ? lex.relations.matchAt(lowers, r) : null;
      // "Foua and Kafraya in Idlib province": past the other names of a list (none the gazetteer knows) to its relation
      if (!rel && r < words.length && lex.listConjunctions.has(lowers[r])) {
        let z = r + 1;
        while (z < words.length && z < r + 5 && words[z].name && words[z].sentence === s && !mentionAtWord.get(z)?.postings.length) z++;
        if (z > r + 1 && z < words.length && lowers[z] === ',') z++;
        const relAfter = z > r + 1 && z < words.length ? lex.relations.matchAt(lowers, z) : null;
        if (relAfter) {
          r = z;
          rel = relAfter;
          m.parentOverList = true;
        }
      }
      if (rel) {
        let y = r + rel.len;
        if (lex.definiteArticles.has(lowers[y])) y++;
        for (let z = y; z < y + 4 && z < words.length && words[z].sentence === s; z++) {
          const k = mentionAtWord.get(z);
          if (k !== undefined) {
            m.parentHint = k;
            m.parentRelation = rel.value;
            break;
          }
          if (words[z].name) break;
        }
      }
    }
    out.push(m);
  }
  return out;
}
