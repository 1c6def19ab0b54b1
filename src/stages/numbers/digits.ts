// Numbers written in digits: grouping and decimal marks ("1,200.5", "1.200.000", "1,5" where a comma is the
// decimal mark) and thousands grouped by spaces ("62 350").
import type { Token } from '../../core/types.js';
import type { NumbersLexicon } from './lexicon.js';
import { digitsOnly, sameSentence } from './tokens.js';

const DIGITS = /^\d+(?:[.,]\d+)*$/;

/** The value of digits with any grouping or decimal mark ("1,200.5"), or null. */
export function parseDigits(text: string, decimalComma = false): number | null {
  // plain digits (most numbers): every reading below gives Number(text)
  if (digitsOnly(text)) {
    const v = Number(text);
    return Number.isFinite(v) ? v : null;
  }
  if (!DIGITS.test(text)) return null;
  if (decimalComma) {
    // "1,5" one and a half; "1.200" and "1.200.000" grouped by periods
    const v = Number(text.replace(/\./g, '').replace(',', '.'));
    return /,.*,/.test(text) || !Number.isFinite(v) ? null : v;
  }
  const dots = (text.match(/\./g) || []).length;
  const commas = (text.match(/,/g) || []).length;
  let clean: string;
  if (dots === 1 && commas === 0) clean = text; // decimal "1.2"
  else if (dots > 1 && commas === 0) clean = text.replace(/\./g, ''); // "1.200.000"
  else if (commas >= 1 && dots === 1 && text.indexOf('.') > text.lastIndexOf(',')) clean = text.replace(/,/g, ''); // "1,200.5"
  else clean = text.replace(/[.,]/g, '');
  const v = Number(clean);
  return Number.isFinite(v) ? v : null;
}

/** One past the last token of "62 350", "1 000 000" at token i: thousands grouped by spaces (i + 1 when none).
 * A group of three digits joins only when the run reads as one number, not a list, a phone number or a
 * reference: no leading 0, no number just before or just after it ("in 2019 12 350", "555 123 4567"), no
 * word like "pages" or a month before it (lexicon spaceGroupNotAfter). Where a period is the decimal mark
 * (English) a group starting with 0 joins even then ("Over 3 000"). */
export function spaceGroupEnd(toks: Token[], i: number, lex: NumbersLexicon): number {
  if (!digitsOnly(toks[i].text, 1, 3)) return i + 1;
  let j = i + 1;
  while (isGroup(toks, i, j, false)) j++;
  if (j === i + 1) return j;
  const prev = i > 0 && toks[i - 1].sentence === toks[i].sentence ? toks[i - 1] : undefined;
  const next = sameSentence(toks, i, j) ? toks[j] : undefined;
  const refused = toks[i].text[0] === '0' || (prev && (prev.kind === 'number' || lex.spaceGroupNotAfter.has(prev.lower))) || (next && next.kind === 'number' && next.start === toks[j - 1].end + 1);
  if (!refused) return j;
  j = i + 1;
  if (lex.decimalComma) return j;
  while (isGroup(toks, i, j, true)) j++;
  return j;
}

/** Token k (of i's sentence) is a group of three digits right after one space ("0dd" only when strict). */
function isGroup(toks: Token[], i: number, k: number, strict: boolean): boolean {
  if (!sameSentence(toks, i, k)) return false;
  const t = toks[k];
  return t.kind === 'number' && t.start === toks[k - 1].end + 1 && digitsOnly(t.text, 3, 3) && (!strict || t.text.charCodeAt(0) === 48);
}
