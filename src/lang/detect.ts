// Which language a text is in, by eld (n-gram detector, Apache-2.0, its "extrasmall" table of 60
// languages): chosen over franc-min and tinyld for being right on every article of our sets and on
// our short English test sentences, and the fastest per text (measurement in src/lang/README.md).
// eld ships its table as a 950 KB JavaScript object literal that takes ~150 ms to compile and run, so
// the table is copied once into a compact cache file and handed to eld's own detector from there
// (./eld-cache.ts, ~10 ms). It is loaded on the first text that needs detection: records that carry
// their own lang never load it.
import { loadEld, type Eld } from './eld-cache.js';

/**
 * How much better a language Sitrep does not read must score than the best one it reads to win:
 * a short English headline ("US warplanes struck Raqqa.") can score German a little higher, and
 * reading it as English costs far less than leaving it unanalysed.
 */
export const UNREAD_MARGIN = 0.15;

let eld: Eld | null = null;
function detector(): Eld {
  return (eld ??= loadEld());
}

/** Characters of the text's opening that detection reads: as right as the whole text on our 1,056 articles from 160 on. */
export const SAMPLE_CHARS = 240;
/** Below this many letters there is nothing to tell by, and the caller's default stands. */
export const MIN_LETTERS = 12;

/**
 * The text's language code ("en", "fr", "de"...), or null when the text is too short to tell.
 * `readable`: the languages Sitrep reads; one of them wins unless another scores UNREAD_MARGIN more.
 */
export function detectLanguage(text: string, readable: readonly string[] = []): string | null {
  let sample = text;
  if (text.length > SAMPLE_CHARS) {
    // the opening, less a word cut at its end (by hand: a trailing \S+$ pattern backtracks)
    let end = SAMPLE_CHARS;
    while (end > 0 && !/\s/u.test(text[end - 1]) && !/\s/u.test(text[end] ?? ' ')) end--;
    sample = text.slice(0, end);
  }
  let letters = 0;
  for (let i = 0; i < sample.length && letters < MIN_LETTERS; i++) if (/\p{L}/u.test(sample[i])) letters++;
  if (letters < MIN_LETTERS) return null;
  const result = detector().detect(sample);
  const code = result.language;
  if (!code || !readable.length || readable.includes(code)) return code || null;
  const scores = result.getScores();
  let best: string | null = null;
  for (const r of readable) if ((scores[r] ?? 0) > (best ? scores[best] : 0)) best = r;
  return best && scores[code] - scores[best] < UNREAD_MARGIN ? best : code;
}

export { languageName } from './names.js';
