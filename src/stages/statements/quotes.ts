// Quotation spans: opening and closing marks, paired per paragraph (an unclosed quote runs to its paragraph end).
import type { StatementLexicon } from './lexicon.js';

// ---------------------------------------------------------------- quotes
/** The characters findQuotes acts on (line breaks, the lexicon's marks, the straight quote), per lexicon. */
const MARKS = new WeakMap<StatementLexicon, RegExp>();
function marksOf(lex: StatementLexicon): RegExp {
  let re = MARKS.get(lex);
  if (!re) {
    const chars = new Set(['\n', '"', ...lex.open, ...lex.close].filter((x) => x.length === 1));
    re = new RegExp('[' + [...chars].map((ch) => '\\u' + ch.charCodeAt(0).toString(16).padStart(4, '0')).join('') + ']', 'g');
    MARKS.set(lex, re);
  }
  return re;
}

export function findQuotes(text: string, lex: StatementLexicon): { start: number; end: number; closed: boolean }[] {
  const open = [...lex.open];
  const close = [...lex.close];
  // every other character leaves the state as it is: the walk jumps from mark to mark
  const marks = marksOf(lex);
  const nextMark = (from: number): number => {
    marks.lastIndex = from;
    return marks.exec(text)?.index ?? -1;
  };
  const out: { start: number; end: number; closed: boolean }[] = [];
  let cur = -1;
  let want = '';
  // the next ” and the next line break at or after i, moved forward only (one pass over the text)
  let nextCurly = -2;
  let nextNl = -2;
  const curlyCloseAhead = (i: number) => {
    if (nextCurly !== -1 && nextCurly < i) nextCurly = text.indexOf('”', i);
    if (nextNl !== -1 && nextNl < i) nextNl = text.indexOf('\n', i);
    return nextCurly >= 0 && (nextNl < 0 || nextCurly < nextNl);
  };
  for (let i = nextMark(0); i >= 0; i = nextMark(i + 1)) {
    const ch = text[i];
    if (ch === '\n') {
      if (cur >= 0) {
        let e = i;
        while (e > cur && /\s/.test(text[e - 1])) e--;
        out.push({ start: cur, end: e, closed: false });
        cur = -1;
      }
      continue;
    }
    if (cur >= 0) {
      // a curly quote closed by a straight one (“... policy," said X), when no curly close follows in the paragraph
      const mixed = ch === '"' && want === '”' && !/\s/.test(text[i - 1]) && /[\s,.;:!?)]|^$/.test(text[i + 1] ?? '') && !curlyCloseAhead(i);
      if (ch === want || mixed) {
        out.push({ start: cur, end: i + 1, closed: true });
        cur = -1;
      }
      continue;
    }
    const k = open.indexOf(ch);
    if (k >= 0) {
      // a straight quote right after a letter is an apostrophe-like use or a closing one: skip
      if (ch === '"' && i > 0 && /[\p{L}\d]/u.test(text[i - 1]) && !/\s/.test(text[i + 1] ?? ' ')) continue;
      cur = i;
      want = close[k];
    }
  }
  if (cur >= 0) {
    let e = text.length;
    while (e > cur && /\s/.test(text[e - 1])) e--;
    out.push({ start: cur, end: e, closed: false });
  }
  return out;
}
