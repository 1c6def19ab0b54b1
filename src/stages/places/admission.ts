// Who may be a mention's place at all: places abroad must be sizeable (or vouched for by a neighbour, or
// in a country the article names), a cue of a small kind rules out cities and regions, and a weak single
// match needs more evidence (not part of a longer name, not after a first name).
import { isAdmin1, isCountry, type GazEntry } from '../../geo/gazetteer.js';
import { kindOf, MEGACITY, type Cand, type Scored } from './candidates.js';
import type { ContextCtx as Ctx } from './context.js';
import type { Focus, Vote } from './focus.js';
import type { PlacesLexicon } from './lexicon.js';
import { WB } from './word-bits.js';
import { wbits, wordAfter, type Mention } from './words.js';

/** What the admission rules read of the resolver's state. */
export interface Judge {
  readonly c: Ctx;
  readonly lex: PlacesLexicon;
  readonly focus: Focus;
  /** entries a neighbouring mention vouches for ("Woodbridge, Virginia"), by mention */
  readonly paired: Map<number, Set<GazEntry>>;
  /** cities named in a list with a world city, with that city ("Nice and Berlin"), by mention (pairs.ts) */
  readonly listed: Map<number, [city: GazEntry, anchor: GazEntry][]>;
  /** words of mentions that are surely places (a cue, or a candidate in a focus country) */
  readonly covered: Set<number>;
}

/** words before a mention that do not make it part of a longer name */
const NOT_BEFORE = WB.functionWord | WB.direction | WB.cueWord | WB.nameHead;
const NOT_AFTER = WB.functionWord | WB.cueWord | WB.demonym;

/** Is the mention part of a longer capitalised name ("Mevlut Cavusoglu", "Jabhat Fateh al-Sham")?
 * Neighbours that are places themselves ("Sraqb Sarmin") do not count. */
function inLongerName(c: Ctx, m: Mention, covered: Set<number>): boolean {
  const { words } = c;
  const s = words[m.wi].sentence;
  const pw = m.wi - 1;
  // (a demonym before a name is a demonym: "Syrian Aleppo" never happens)
  if (pw >= 0 && !covered.has(pw) && words[pw].sentence === s && words[pw].name && !(wbits(c, pw) & NOT_BEFORE) && !(wbits(c, pw) & WB.demonym)) return true;
  const nw = wordAfter(words, m);
  return nw < words.length && !covered.has(nw) && words[nw].sentence === s && !!words[nw].name && !(wbits(c, nw) & NOT_AFTER);
}

/** words that are no first name */
const NOT_FIRST_NAME = WB.stopName | WB.functionWord | WB.demonym | WB.direction | WB.cueWord;

/** A capitalised word before the mention that could be a first name ("Louise Ireland"). */
function afterFirstName(c: Ctx, m: Mention, covered: Set<number>): boolean {
  const p = m.wi - 1;
  if (p < 0 || covered.has(p)) return false;
  const w = c.words[p];
  return !!w.name && !w.first && !w.short && w.sentence === c.words[m.wi].sentence && !(wbits(c, p) & NOT_FIRST_NAME);
}

/** Does the name start with an Arabic article ("al-Haal", "Al Quriyah")? */
function hasArticle(lex: PlacesLexicon, name: string): boolean {
  const first = /^\p{L}+/u.exec(name);
  return !!first && lex.articlePrefixes.has(first[0].toLowerCase()) && /^[-\s]/.test(name.slice(first[0].length, first[0].length + 1));
}

/** hasArticle of entries' names, remembered per lexicon (entries are kept by the gazetteer) */
const ENTRY_ARTICLES = new WeakMap<PlacesLexicon, WeakMap<GazEntry, boolean>>();
function entryHasArticle(lex: PlacesLexicon, e: GazEntry): boolean {
  let memo = ENTRY_ARTICLES.get(lex);
  if (!memo) ENTRY_ARTICLES.set(lex, (memo = new WeakMap()));
  let out = memo.get(e);
  if (out === undefined) memo.set(e, (out = hasArticle(lex, e.name)));
  return out;
}

/** Does the mention's name start with an Arabic article? (asked once per mention, when a rule needs it) */
class MentionArticle {
  private known: boolean | undefined = undefined;
  constructor(
    private readonly r: Judge,
    private readonly m: Mention,
  ) {}
  get(): boolean {
    if (this.known === undefined) this.known = hasArticle(this.r.lex, this.r.c.text.slice(this.m.nameStart, this.m.nameEnd));
    return this.known;
  }
}

/** who may be a candidate at all: places abroad must be sizeable */
export function admissible(r: Judge, m: Mention, k: number, list: readonly Cand[], kv: Vote, strong: boolean): Scored[] {
  const out: Scored[] = [];
  const article = new MentionArticle(r, m);
  // (a name the gazetteer knows in one country only: no namesake there to mistake it for)
  const sole = list.length > 0 && list.every((c) => c.e.country === list[0].e.country) ? list[0].e.country : null;
  for (let i = 0; i < list.length; i++) {
    const c = list[i];
    if (admits(r, m, k, c, kv, strong, article, sole)) out.push({ e: c.e, alt: c.alt, prior: c.prior, score: c.prior });
  }
  return out;
}

/** A place abroad in a country the article names nowhere else: only its capital or a very large city. */
function unrelatedForeign(r: Judge, k: number, e: GazEntry, alt: boolean, kv: Vote, sole: boolean, cued: boolean): boolean {
  const { lex, focus } = r;
  const own = focus.ownVote[k].w >= 3 ? kv : null;
  const others = (focus.strongVotes.get(e.country) ?? 0) - (own && own.cc === e.country ? own.w : 0);
  const othersAll = focus.strongTotal - (own ? own.w : 0);
  // (a provincial capital is spared when only demonyms speak of other countries: "Iraqi forces ... struck Raqqa")
  const demonymsOnly = othersAll - focus.demonymTotal <= 0;
  // ... and so is a town by its own name that the gazetteer knows in one country only, after a cue or a preposition
  // of place ("Russian shelling struck a market in Kramatorsk"), or without one when it is big ("Israeli strikes hit
  // the Mawasi area west of Khan Younis")
  if (demonymsOnly && sole && !alt && e.featureClass === 'P' && e.population >= (cued ? Math.min(lex.minForeignPopulation, lex.bigPopulation) : lex.bigPopulation)) return true;
  if (othersAll > 0 && others <= 0 && e.population < lex.minUnrelatedForeignPopulation && !(demonymsOnly && e.featureCode === 'PPLA')) return false;
  if (isAdmin1(e)) return !alt && (others > 0 || othersAll <= 0) && e.population >= lex.minForeignPopulation;
  const min = alt ? lex.minForeignAltPopulation : lex.minForeignPopulation;
  return e.featureClass === 'P' && e.population >= min;
}

function admits(r: Judge, m: Mention, k: number, s: Cand, kv: Vote, strong: boolean, article: MentionArticle, sole: string | null): boolean {
  const { lex, focus } = r;
  // (and, when the article names other places, near one of them: "Handwara area of North Kashmir" is no Hindoria, 1,200 km off)
  if (m.skeleton) return s.e.featureClass === 'P' && focus.focusOther(kv, s.e.country) >= 0.5 && (!focus.anchors.some((a) => a !== s.e) || focus.near(s.e));
  if (isCountry(s.e) || s.e.source === 'extra') return true;
  if (r.paired.get(k)?.has(s.e)) return true;
  // "al-Haal", "al-Baath": a name with an Arabic article is not Hull or Bath abroad (the article dropped to match)
  if (lex.articleCountries.size && s.e.country && !lex.articleCountries.has(s.e.country) && article.get() && !entryHasArticle(lex, s.e)) return false;
  // another name of a place abroad, while the article is about some other country: not that place ("Al Quriyah" is no Korla)
  if (s.alt && focus.clear && s.e.population < MEGACITY && focus.focusOther(kv, s.e.country) < 0.25) return false;
  // a given name that is only another name of a place, with no cue ("a Dean's Award": Dean is one of Waco's names)
  if (s.alt && !strong && m.wi === m.wj && wbits(r.c, m.wi) & WB.givenName) return false;
  // a small place abroad by another of its names is not what a cue vouches for ("Pollards Hill" is no Lincoln)
  if (s.alt && s.e.population < lex.bigPopulation && focus.focusOther(kv, s.e.country) < 0.5) return false;
  // a cue vouches for a small place when no country stands out ("the Qamishli airport")
  if (strong && !focus.clear && s.e.featureClass === 'P' && !s.alt) return true;
  if (focus.focusOther(kv, s.e.country) >= 0.25) return true;
  // a section of a city abroad ("Old City" of Jerusalem) is never an article's place by name alone
  if (s.e.featureCode === 'PPLX') return false;
  // a seat of government listed with a world city abroad: "in Nice and Berlin" in a report from Israel
  const listed = r.listed.get(k);
  if (listed) for (const [city, anchor] of listed) if (city === s.e && focus.focusOther(kv, anchor.country) < 0.5) return true;
  // (not a name matched by dropping its Arabic article: "al-Balad" is no Balad abroad)
  const own = sole === s.e.country && !(article.get() && !entryHasArticle(lex, s.e));
  return unrelatedForeign(r, k, s.e, s.alt, kv, own, strong);
}

/** a country, or a first-level region, capital, provincial capital or big city in a country the other mentions name */
function wellKnown(r: Judge, s: Cand, kv: Vote): boolean {
  const e = s.e;
  if (isCountry(e)) return true;
  if (s.alt || !(isAdmin1(e) || e.featureCode === 'PPLC' || e.featureCode === 'PPLA' || e.population >= r.lex.bigPopulation)) return false;
  // (when the other mentions speak of no country at all, a capital or big city is itself)
  if (r.focus.focusOther(kv, e.country) >= 0.25) return true;
  return !r.focus.othersSpeak(kv);
}

/** "the village of X": not a city abroad that happens to share the name (and a village is no city) */
export function dropForSmallKind(r: Judge, ok: Scored[], cueKindAny: string, kv: Vote): void {
  const small = cueKindAny === 'village' || cueKindAny === 'neighbourhood';
  const below = cueKindAny !== 'area' && cueKindAny !== 'facility';
  // some country stands out by the other mentions (not this name's own votes)
  const clearOther = r.focus.clearOther(kv);
  for (let i = ok.length - 1; i >= 0; i--) {
    const e = ok[i].e;
    // a country, or a region or city the article is about, is the parent, not the small place:
    // "a neighbourhood of Aleppo", "two Afghanistan villages"
    if (wellKnown(r, ok[i], kv)) continue;
    if ((clearOther && !isCountry(e) && r.focus.focusOther(kv, e.country) < 0.25) || (below && (isCountry(e) || isAdmin1(e))) || (small && kindOf(e) === 'city')) ok.splice(i, 1);
  }
}

/** AGE: an age set off by commas ("Jordan Manners, 15,") */
const AGE = /^\d{1,3}$/;

/** "Jordan Manners, 15, was shot": a name of one or two more capitalised words and an age after it is a
 * person's, whatever its first word is the name of. */
function personWithAge(c: Ctx, m: Mention, covered: Set<number>): boolean {
  const { words } = c;
  const s = words[m.wi].sentence;
  let k = wordAfter(words, m);
  let names = 0;
  while (k < words.length && names < 2 && words[k].name && !covered.has(k) && words[k].sentence === s) { k++; names++; }
  return names > 0 && k + 2 < words.length && words[k].text === ',' && AGE.test(words[k + 1].text) && words[k + 2].text === ',';
}

/** "Tornado kills 5 in Alabama": a word opening its sentence that the text also writes in lower case ("a powerful
 * tornado") is a common word there, not a small place of its name. */
function commonWord(text: string, m: Mention): boolean {
  const w = text.slice(m.nameStart, m.nameEnd);
  const lower = w.toLowerCase();
  if (lower === w || !/^\p{L}+$/u.test(w)) return false;
  for (let i = text.indexOf(lower); i >= 0; i = text.indexOf(lower, i + 1)) {
    const before = text[i - 1] ?? ' ', after = text[i + lower.length] ?? ' ';
    if (!/\p{L}/u.test(before) && !/\p{L}/u.test(after)) return true;
  }
  return false;
}

/** weak single matches need more evidence ("in X" vouches for a place, not for this one abroad) */
export function vouched(r: Judge, m: Mention, best: Scored, kv: Vote): boolean {
  const { c, lex, covered } = r;
  if (personWithAge(c, m, covered)) return false;
  // (a city of millions by an everyday name of a word's shape, "Kiev" for Kyiv, is as big as by its own: not
  // by a code or an initialism, "J.D."; after a place cue or in a dateline, not "Make America ...")
  const word = (!!m.cue || !!m.dateline) && m.nameEnd - m.nameStart >= 4 && /^[\p{L}\s'’-]+$/u.test(c.text.slice(m.nameStart, m.nameEnd));
  // the focus the other mentions give, not this one
  const fo = r.focus.focusOther(kv, best.e.country);
  // (and not against a text clearly about another country: "Iskandariya" in Iraq is no Alexandria)
  const everyday = word && best.e.population >= MEGACITY && (!r.focus.clear || fo >= 0.25);
  const big = isCountry(best.e) || (isAdmin1(best.e) && !best.alt) || (best.e.population >= lex.bigPopulation && (!best.alt || everyday));
  if (inLongerName(c, m, covered) && !((isCountry(best.e) && !afterFirstName(c, m, covered)) || (big && fo >= 0.25))) return false;
  // (not a dateline's city: "UVALDE, Texas (AP) —" says where the report was filed, whatever the text is about)
  if (c.words[m.wi].first && m.wi === m.wj && !big && !m.dateline && (fo < 0.25 || best.alt || commonWord(c.text, m))) return false;
  if (best.alt && fo < 0.25 && !big) return false;
  return true;
}
