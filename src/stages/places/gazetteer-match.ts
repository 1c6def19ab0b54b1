// Gazetteer matches over capitalised words: the longest name the gazetteer knows starting at a word
// ("Deir ez-Zor", "Khan Shaykhun"), and a possessive that lost its apostrophe ("Syrias Aleppo").
import { isAdmin1, isCountry, type GazEntry, type Gazetteer, type NameMatch, type Posting } from '../../geo/gazetteer.js';
import { isDateline } from './dateline.js';
import { isConnector, nameWord } from './detect-state.js';
import { endingOf } from '../endings.js';
import { WB } from './word-bits.js';
import { wbits, wordInfo, type DetectContext } from './words.js';

/** A country, a first-level region, a capital or a big city. */
export function isWellKnown(e: GazEntry, big: number): boolean {
  return isCountry(e) || isAdmin1(e) || e.featureCode === 'PPLC' || e.population >= big;
}

export interface Match {
  j: number;
  key: string;
  postings: Posting[];
  /** characters to cut from the end ("Syrias" → "Syria") */
  trim: number;
}

/** "Syrias Aleppo": a possessive whose apostrophe was lost (its ending `trim` characters long), for
 * well-known places only (remembered per word and ending length). */
const POSSESSIVES = new WeakMap<Gazetteer, Map<number, Map<string, { key: string; postings: Posting[] } | null>>>();
function possessive(c: DetectContext, word: string, trim: number): { key: string; postings: Posting[] } | null {
  const gaz = c.gaz;
  let byTrim = POSSESSIVES.get(gaz);
  if (!byTrim) POSSESSIVES.set(gaz, (byTrim = new Map()));
  let memo = byTrim.get(trim);
  if (!memo) byTrim.set(trim, (memo = new Map()));
  let out = memo.get(word);
  if (out !== undefined) return out;
  const key = gaz.translit.key(word.slice(0, -trim));
  const postings = gaz.lookupKey(key).filter((p) => !p.alt && isWellKnown(gaz.entry(p.idx), c.lex.bigPopulation));
  out = postings.length && !gaz.lookupKey(gaz.translit.key(word)).length ? { key, postings } : null;
  if (memo.size > 100000) memo.clear();
  memo.set(word, out);
  return out;
}

/** The key of words i..j, folded word by word when only spaces or hyphens stand between them (each word's
 * work is then remembered across names), else as the whole text. */
function foldWords(c: DetectContext, i: number, j: number): string {
  const { words, text } = c;
  const tr = c.gaz.translit;
  const texts: string[] = [words[i].text];
  for (let k = i + 1; k <= j; k++) {
    if (!tr.separates(text, words[k - 1].end, words[k].start)) return tr.key(text.slice(words[i].start, words[j].end));
    texts.push(words[k].text);
  }
  return tr.keyOfWords(texts);
}

/** The gazetteer's answer for words i..j as written (name); an ampersand read as the language's "and" ("Jammu &
 * Kashmir", "Trinidad & Tobago"). */
function nameMatch(c: DetectContext, i: number, j: number, name: string): NameMatch {
  const known = c.gaz.knownName(name);
  if (known) return known;
  if (name.includes('&')) return c.gaz.addName(name, c.gaz.translit.key(name.split('&').map((p) => p.trim()).join(` ${andWord(c)} `)));
  return c.gaz.addName(name, foldWords(c, i, j));
}

/** the language's first copulative conjunction ("and", "et") */
function andWord(c: DetectContext): string {
  for (const w of c.lex.copulativeConjunctions) return w;
  return 'and';
}

/** The gazetteer's answer for word i alone, kept with the word's bits (one lookup for both, word-bits.ts) when
 * it was last asked in the same spelling. */
function aloneMatch(c: DetectContext, i: number): NameMatch {
  const info = wordInfo(c, i);
  const text = c.words[i].text;
  if (info.match !== undefined && info.gaz === c.gaz && info.text === text) return info.match;
  const found = nameMatch(c, i, i, text);
  info.text = text;
  info.gaz = c.gaz;
  info.match = found;
  return found;
}

/** A word of lower-case letters (an apostrophe or hyphen inside): "saoudite", "arabes". */
function lowerWord(w: string): boolean {
  return w.length > 1 && /^\p{Ll}[\p{Ll}'’-]*$/u.test(w);
}

/** a possessive ending split from its word by the tokenizer */
const POSSESSIVE_TOKENS = new Set(["'s", '’s']);

/** The longest gazetteer name starting at word i (j its last word), or null. */
function longestName(c: DetectContext, i: number): Match | null {
  const { words, text } = c;
  const first = words[i];
  let best: Match | null = null;
  for (let j = i; j < words.length && j - i < 8; j++) {
    const w = words[j];
    if (w.sentence !== first.sentence) break;
    if (j > i && !nameWord(c, j)) {
      if (isConnector(c, j)) continue;
      // "Gulf of Aden", "Democratic Republic of the Congo", "Bosnia and Herzegovina": a bridge word read
      // only while the gazetteer has a longer name; a match ends on a name word (below)
      // ... and an ampersand, and a possessive ending glued to the word before ("Cox's Bazar", "Hawke's Bay")
      if (c.lex.nameBridges.has(c.lowers[j]) || c.lowers[j] === '&' || (POSSESSIVE_TOKENS.has(c.lowers[j]) && w.start === words[j - 1].end)) {
        const found = nameMatch(c, i, j, text.slice(first.start, w.end));
        if (found.key && found.longer) continue;
        break;
      }
      // a lower-case adjective inside a known name, where adjectives follow nouns ("Arabie saoudite"): read
      // only while the gazetteer has a longer name (below), kept only when the longer name is one
      if (!(c.adjectivesFollowNouns && lowerWord(w.text))) break;
    }
    if (j === i && !nameWord(c, j)) break;
    if (wbits(c, j) & WB.articlePrefix) continue; // "Al Bab": the article alone is no name
    const found = j === i ? aloneMatch(c, i) : nameMatch(c, i, j, text.slice(first.start, w.end));
    const key = found.key;
    if (!key) break;
    if (found.postings.length) best = { j, key, postings: found.postings, trim: 0 };
    if (!found.longer) break;
  }
  return best;
}

/** Is the word at start..end followed by a hyphen and itself again ("Laki-laki")? */
function doubled(text: string, start: number, end: number): boolean {
  const n = end - start;
  return text[end] === '-' && text.slice(end + 1, end + 1 + n).toLowerCase() === text.slice(start, end).toLowerCase() && !/\p{L}/u.test(text[end + 1 + n] ?? '');
}

/** Word i is followed by a comma and the name of a region or country holding one of its places. */
function parentFollows(c: DetectContext, i: number, postings: Posting[]): boolean {
  const comma = c.words[i + 1];
  const next = c.words[i + 2];
  if (comma?.text !== ',' || !next || next.sentence !== c.words[i].sentence || !nameWord(c, i + 2)) return false;
  const parent = longestName(c, i + 2);
  if (!parent) return false;
  const places = postings.map((p) => c.gaz.entry(p.idx));
  return parent.postings.some((q) => {
    const e = c.gaz.entry(q.idx);
    return places.some((x) => x.country === e.country && (isCountry(e) || (isAdmin1(e) && x.admin1 === e.admin1)));
  });
}

/** The longest gazetteer match starting at word i, or null. */
export function gazetteerMatch(c: DetectContext, i: number): Match | null {
  const first = c.words[i];
  const best = longestName(c, i);
  const ending = !best && first.text.length > 4 && !first.short ? endingOf(first.lower, c.lex.possessiveEndings) : undefined;
  if (ending) {
    const p = possessive(c, first.text, ending.length);
    if (p) return { j: i, key: p.key, postings: p.postings, trim: ending.length };
  }
  if (!best) return null;
  // "Laki-laki", "Kupang-kupang": the first half of a doubled word is no name of its own
  if (best.j === i && doubled(c.text, first.start, first.end)) return null;
  if (best.j === i) {
    // a single word: not a stop word (unless its own region or country follows: "Hamilton, Ontario"), not a
    // short all-capital token unless a known acronym
    if (wbits(c, i) & WB.stopName && !parentFollows(c, i, best.postings)) return null;
    // (a short word in capitals opening a dateline is its city: "KYIV (Reuters) -", "DOHA, Qatar —")
    if (first.short && !c.lex.acronyms.has(first.text) && !isDateline(c.text, first)) return null;
  }
  return best;
}
