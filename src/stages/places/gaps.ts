// Gaps: names in a run the gazetteer does not know. A cue makes them mentions (cues.ts), trimmed of
// connectors and stop words and split into names; a consonant skeleton may still find them.
import type { Span } from '../../core/types.js';
import { skeletonKey } from '../../geo/normalize.js';
import type { DetectState } from './detect-state.js';
import { WB } from './word-bits.js';
import { LETTER_UPPER, wbits, type Mention } from './words.js';

/** An unknown run of names without commas, split into names ("Ziyadiyah Bahrutah" is two, "Tal al-Sheikh Hussein" one). */
function splitGap(s: DetectState, wi: number, wj: number): [number, number][] {
  const { lex } = s;
  let names = 0;
  for (let k = wi; k <= wj; k++) if (!(wbits(s, k) & WB.connector)) names++;
  const out: [number, number][] = [];
  let ps = wi;
  for (let k = wi + 1; k <= wj; k++) {
    const attach = (wbits(s, k) & WB.connector) !== 0 || (wbits(s, k - 1) & WB.connector) !== 0 || s.isGlued(k) || lex.nameHeads.has(s.bare(k - 1));
    if (!attach && (names >= 3 || s.isGlued(k - 1))) {
      out.push([ps, k - 1]);
      ps = k;
    }
  }
  out.push([ps, wj]);
  return out;
}

/** words that make a gap no place name: stop words, titles, organisation words, demonyms, function words */
const IMPLAUSIBLE = WB.stopName | WB.personTitle | WB.orgHeadAfter | WB.demonym | WB.functionWord;

/** a name a cue reads with more gazetteer entries than this is too common to guess among: left unresolved */
const MAX_GAP_POSTINGS = 8;

/** No stop word, title, organisation word or demonym: could be a place name. */
export function plausible(s: DetectState, wi: number, wj: number): boolean {
  const { words, lex } = s;
  if (wi === wj && words[wi].short) return false;
  // (after a toponym's first word that is no stop word itself, a title or a stop word is part of the name:
  // "Tal al-Sheikh Hussein")
  const toponym = wi < wj && lex.nameHeads.has(s.bare(wi)) && !(wbits(s, wi) & IMPLAUSIBLE) && !lex.stopNames.has(s.bare(wi));
  for (let k = wi; k <= wj; k++) {
    if (toponym && k > wi && !(wbits(s, k) & (WB.orgHeadAfter | WB.demonym | WB.functionWord))) continue;
    if (wbits(s, k) & IMPLAUSIBLE || lex.stopNames.has(s.bare(k))) return false;
  }
  return true;
}

/** words trimmed from the start of a gap (stop words only when no capitalised cue word follows) */
const TRIMMED = WB.connector | WB.personTitle | WB.functionWord;

/** The gap wi..wj without leading connectors, stop words, titles and function words and trailing
 * connectors (not the stop words before a capitalised cue word that is part of the name: "the Green Zone"). */
function trimGap(s: DetectState, wi: number, wj: number, kind: string, cueSpan: Span): [number, number] {
  const { words, text } = s;
  const proper = kind !== '' && cueSpan.start >= words[wj].end && LETTER_UPPER.test(text.slice(cueSpan.start, cueSpan.start + 1));
  const trimmed = proper ? TRIMMED : TRIMMED | WB.stopName;
  // (a toponym's first word that is also a stop word stays before the rest of the name: "Abu Hamad locality")
  while (wi <= wj && wbits(s, wi) & trimmed && !(wi < wj && wbits(s, wi) & WB.nameHead && !(wbits(s, wi) & TRIMMED))) wi++;
  while (wj >= wi && wbits(s, wj) & WB.connector) wj--;
  return [wi, wj];
}

/** A gap made into mentions by a cue (trimmed, split into names). */
export function gapMention(s: DetectState, wi0: number, wj0: number, rule: string, kind: string, cueSpan: Span, strict = false): Mention[] {
  const { words, text, gaz } = s;
  const [wi, wj] = trimGap(s, wi0, wj0, kind, cueSpan);
  if (wi > wj) return [];
  if (s.isTitle(words[wi].sentence)) return [];
  if (strict && !plausible(s, wi, wj)) return [];
  // "a CBS station": an acronym before a building word names its owner
  if (wi === wj && words[wi].short && rule === 'building') return [];
  const out: Mention[] = [];
  for (const [a, b] of splitGap(s, wi, wj)) {
    const start = words[a].start;
    const end = words[b].end;
    const key = gaz.translit.key(text.slice(start, end));
    if (!key) continue;
    // the name as written, when a demonym or such kept it from the gazetteer's own match ("Syrian Idlib
    // province"; not before a facility's cue, where a city's name names the facility: "the al-Sham checkpoint");
    // else, a last resort for other vowels, the consonant skeleton (kept only where the article's country agrees)
    let exact = kind !== 'facility' && (a < b || !(wbits(s, a) & IMPLAUSIBLE)) ? gaz.lookupKey(key) : [];
    if (exact.length > MAX_GAP_POSTINGS) exact = [];
    const sk = exact.length ? '' : skeletonKey(key);
    const postings = exact.length ? exact : sk ? gaz.lookupKey(sk) : [];
    const m = s.add(start, end, a, b, key, postings.length <= MAX_GAP_POSTINGS ? postings : [], [{ rule: `places.cue.${rule}`, span: { start: Math.min(start, cueSpan.start), end: Math.max(end, cueSpan.end) } }]);
    m.skeleton = !exact.length && postings.length > 0;
    m.cue = { rule, kind, span: cueSpan };
    out.push(m);
  }
  return out;
}
