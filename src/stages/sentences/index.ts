// Sentences and tokens. Paragraphs are input lines; inside a paragraph a sentence ends at . ! ? (and
// any closing quote or bracket) followed by white space and a sentence opener, unless the word before
// the period is an abbreviation or an initial. Does not rely on commas (many texts have none).
import { readFileSync } from 'node:fs';
import type { Analysis, Sentence, Token } from '../../core/types.js';
import { english, languageOf, type Language } from '../../lang/index.js';
import type { Resources } from '../../pipeline/resources.js';
import type { Stage } from '../../pipeline/stage.js';
import { tokenize } from './tokenize.js';

export { tokenize };

export interface SentenceLexicon {
  /** lower-case, without the period */
  abbreviations: Set<string>;
  /** abbreviations only as written, with their capital ("Ky.", "Calif."): lower-case they may be words ("ill.") */
  capitalAbbreviations: Set<string>;
  /** Elided words written joined to the next by an apostrophe, split off as their own token
   * (French "l'", "d'", "qu'": "l'armée" → "l'" + "armée"), lower-case, without the apostrophe. */
  elisions: Set<string>;
}

export function loadSentenceLexicon(lang: Language = english): SentenceLexicon {
  const raw = JSON.parse(readFileSync(lang.data('abbreviations.json'), 'utf8')) as { abbreviations: string[]; capitalAbbreviations?: string[]; elisions?: string[] };
  return { abbreviations: new Set(raw.abbreviations), capitalAbbreviations: new Set(raw.capitalAbbreviations ?? []), elisions: new Set(raw.elisions ?? []) };
}

// A match starts only at the first mark of a run ((?<![.!?])): without it a long run of marks not
// followed by a sentence opener was tried again from every position of the run (quadratic time).
// (French quotation marks too: ". « Les bandits ...", with the space inside them)
const END = /(?<![.!?])[.!?]+(?:["'”’)\]]|\s?»)*(?=\s+(?:["'“‘(\[]|«\s*)?[\p{Lu}\d])/gu;

export function splitSentences(text: string, lex: SentenceLexicon): Sentence[] {
  const out: Sentence[] = [];
  let paragraph = 0;
  let lineStart = 0;
  const push = (s: number, e: number) => {
    while (s < e && /\s/.test(text[s])) s++;
    while (e > s && /\s/.test(text[e - 1])) e--;
    if (e > s) out.push({ start: s, end: e, index: out.length, paragraph });
  };
  while (lineStart <= text.length) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = text.length;
    const line = text.slice(lineStart, lineEnd);
    let sentStart = 0;
    END.lastIndex = 0;
    for (let m = END.exec(line); m; m = END.exec(line)) {
      const dot = m.index;
      if (line[dot] === '.' && m[0].length === 1) {
        // the word before the period
        const before = /([\p{L}.]+)$/u.exec(line.slice(Math.max(0, dot - 12), dot));
        const word = before ? before[1].toLowerCase() : '';
        if (word && (lex.abbreviations.has(word) || lex.capitalAbbreviations.has(before![1]) || /^\p{L}$/u.test(word) || /^(\p{L}\.)+\p{L}$/u.test(word))) continue;
      }
      const end = dot + m[0].length;
      push(lineStart + sentStart, lineStart + end);
      sentStart = end;
    }
    push(lineStart + sentStart, lineEnd);
    if (line.trim()) paragraph++;
    lineStart = lineEnd + 1;
  }
  return out;
}

export const sentencesStage: Stage = {
  name: 'sentences',
  requires: [],
  assigns: ['sentences', 'tokens'],
  run(a: Analysis, r: Resources) {
    const L = languageOf(a);
    const lex = r.get(L.lexiconKey('sentences.lexicon'), () => loadSentenceLexicon(L));
    a.sentences = splitSentences(a.document.text, lex);
    a.tokens = tokenize(a.document.text, a.sentences, lex.elisions);
  },
};

/** The sentence holding an offset (binary search), or undefined. */
export function sentenceAt(sentences: Sentence[], offset: number): Sentence | undefined {
  let lo = 0, hi = sentences.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = sentences[mid];
    if (offset < s.start) hi = mid - 1;
    else if (offset >= s.end) lo = mid + 1;
    else return s;
  }
  return undefined;
}

/** Index of the first token starting at or after an offset (tokens sorted by start), or tokens.length. */
export function tokenIndexAt(tokens: readonly Token[], offset: number): number {
  let lo = 0, hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tokens[mid].start < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
