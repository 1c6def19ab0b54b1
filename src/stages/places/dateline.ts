// Datelines: "BEIRUT, Lebanon (AP) —", "PORT-AU-PRINCE, Haiti (AP) —", "MOSCOW (Sputnik)", "TRIPOLI —",
// "DAMASCUS, Dec. 3 (Xinhua) --", "KINSHASA, 4 mars (AFP) -".
// The place that opens a wire report says where it was filed, not where what it counts happened
// (claims skip it); a short name in capitals there ("KYIV", "DOHA") is a place, not an acronym.
import type { Span } from '../../core/types.js';

// (TASS writes its agency between slashes after the day: "MOSCOW, June 14. /TASS/.")
const DATELINE_AFTER = /^[ \t]*(?:\([^)\n]{1,40}\)[ \t]*)?(?:[—–:]|--?(?=\s))|^\.?[ \t]*\/[^/\n]{2,20}\//;

/** A dateline: the mention opens a paragraph (or follows another dateline word: "BEIRUT, Lebanon —") and a dash,
 * a colon or an agency in brackets follows ("TRIPOLI —", "PARIS:", "MOSCOW (Sputnik)"). */
export function isDateline(text: string, m: Span): boolean {
  // "MOSCOW (Sputnik)" after a photo caption: capitals and an agency in brackets
  if (m.end - m.start >= 3 && !/\p{Ll}/u.test(text.slice(m.start, m.end)) && /^[ \t]*\([^)\n]{1,40}\)/.test(text.slice(m.end, m.end + 44))) return true;
  let b = m.start - 1;
  while (b >= 0 && (text[b] === ' ' || text[b] === '\t')) b--;
  // "Updated Oct 8 2017 MOSCOW Some 120 fighters...": a city in capitals after a date, before a sentence
  const caps = m.end - m.start >= 4 && !/\p{Ll}/u.test(text.slice(m.start, m.end));
  if (caps && (b < 0 || text[b] === '\n' || /\d/.test(text[b])) && /^ \p{Lu}\p{Ll}/u.test(text.slice(m.end, m.end + 3))) return true;
  // "ANKARA" alone on its line above the report's first paragraph (the agency's style)
  if (m.end - m.start >= 3 && !/\p{Ll}/u.test(text.slice(m.start, m.end)) && (b < 0 || text[b] === '\n') && /^[ \t]*\r?\n/.test(text.slice(m.end, m.end + 8))) return true;
  if (b >= 0 && text[b] === ',') {
    // "BEIRUT, Lebanon —", "PORT-AU-PRINCE, Haiti (AP) —": the name before the comma opens the paragraph
    const open = paragraphOpener(text, b);
    if (open === null) return false;
    b = open;
  }
  if (b >= 0 && text[b] !== '\n') return false;
  const after = text.slice(m.end, m.end + 96);
  // "Gaza: 31 dead after ...", "Mali : au moins 40 civils tués": a place in mixed case before a colon is a
  // headline's kicker; a dateline with a colon is written in capitals ("PARIS:")
  if (/^[ \t]*:/.test(after) && /\p{Ll}/u.test(text.slice(m.start, m.end))) return false;
  // the city before the region of a dateline ("PORT-AU-PRINCE, Haiti (AP) —") is the dateline too
  return DATELINE_AFTER.test(after) || (after[0] === ',' && DATELINE_AFTER.test(after.slice(regionEnd(after))));
}

/** Words with a capital each ("Port-au-Prince", "RIO DE JANEIRO", "N.Y."), a short lower-case word between
 * two of them ("Democratic Republic of Congo"): a dateline's city or region. */
const DATELINE_WORDS = /^[\p{Lu}][\p{L}.'’-]*(?:[ \t]+(?:\p{Ll}{1,3}[ \t]+)?[\p{Lu}][\p{L}.'’-]*)*$/u;

/** Where the text before the comma at `comma` starts, when a dateline's capitalised name alone opens the
 * paragraph there (the offset before it: -1 or a line break); null otherwise. */
function paragraphOpener(text: string, comma: number): number | null {
  let b = comma - 1;
  while (b >= 0 && comma - b <= 40 && text[b] !== '\n') b--;
  if (b >= 0 && text[b] !== '\n') return null;
  return DATELINE_WORDS.test(text.slice(b + 1, comma).trim()) ? b : null;
}

/** The day of a dateline, a month's name or abbreviation and a day's number either way round, a year
 * after them or not ("Dec. 3", "March 12, 2024", "4 mars"): no list of months needed, since a bracket or a
 * dash must follow. */
const DATELINE_DAY = /^(?:\p{L}{3,9}\.?[ \t]+\d{1,2}|\d{1,2}[ \t]+\p{L}{3,9}\.?)(?:,?[ \t]+\d{4})?$/u;

/** The end of ", Region" (or ", Dec. 3") at the start of `after` (after the comma and the capitalised words, where
 * a bracket or a dash follows), or 0. */
function regionEnd(after: string): number {
  let i = 1;
  while (i < after.length && i <= 41 && !'(,\n—–:'.includes(after[i]) && !(after[i] === '-' && /[\s-]/.test(after[i + 1] ?? '')) && !(after[i] === '.' && /^\.[ \t]*\//.test(after.slice(i, i + 4)))) i++;
  if (!(i > 1 && i <= 41 && i < after.length && after[i] !== '\n')) return 0;
  const words = after.slice(1, i).trim();
  // "Dec. 3, 2024 (Reuters)": the comma before the year is part of the day
  if (after[i] === ',') {
    const year = /^,[ \t]*\d{4}\b/.exec(after.slice(i));
    if (year && DATELINE_DAY.test(words + year[0])) return i + year[0].length;
    // "GOMA, Democratic Republic of Congo, May 2 (Reuters) -": a region, then the day
    if (!DATELINE_WORDS.test(words)) return 0;
    const day = regionEnd(after.slice(i));
    return day > 0 && DATELINE_DAY.test(after.slice(i + 1, i + day).trim()) ? i + day : 0;
  }
  return DATELINE_WORDS.test(words) || DATELINE_DAY.test(words) ? i : 0;
}
