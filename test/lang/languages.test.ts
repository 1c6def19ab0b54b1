// The same checks over each language's table of sentences (test/lang/<code>.ts): claims (value,
// category, source, day), places; plus detection and the treatment of languages Sitrep does not read.
import { describe, expect, it } from 'vitest';
import { analyze } from '../helpers.js';
import { readLanguages } from '../../src/lang/index.js';
import { detectLanguage } from '../../src/lang/detect.js';
import { readFileSync } from 'node:fs';
import { tokenize } from '../../src/stages/sentences/tokenize.js';
import { loadSentenceLexicon } from '../../src/stages/sentences/index.js';
import type { ClaimWant, LangTable } from './table.js';
import { en } from './en.js';
import { fr } from './fr.js';

const TABLES: LangTable[] = [en, fr];

const valueOf = (w: ClaimWant) => (typeof w.value === 'number' ? [w.value, w.value] : w.value);

it('every language Sitrep reads has a table of sentences', () => {
  expect(readLanguages().map((l) => l.code).sort()).toEqual(TABLES.map((t) => t.lang).sort());
});

for (const table of TABLES) {
  describe(`language table: ${table.lang}`, () => {
    for (const c of table.cases) {
      it(`${c.label}: ${c.text}`, () => {
        const a = analyze(c.text, { lang: table.lang, published: c.published ?? '2024-03-12' });
        expect(a.lang).toBe(table.lang);
        expect(a.errors).toEqual([]);
        if (c.claims) {
          const got = a.claims.map((x) => ({ value: [x.value.min, x.value.max], category: x.category, source: x.source?.name ?? null, date: x.date, hedged: x.hedged, place: x.place ? c.text.slice(x.place.start, x.place.end) : null }));
          expect(got.map((g) => [g.value, g.category]), JSON.stringify(got)).toEqual(c.claims.map((w) => [valueOf(w), w.category]));
          c.claims.forEach((w, i) => {
            if (w.source === null) expect(got[i].source).toBeNull();
            else if (w.source != null) expect(got[i].source?.toLowerCase()).toContain(w.source.toLowerCase());
            if (w.date !== undefined) expect(got[i].date).toBe(w.date);
            if (w.place !== undefined) expect(got[i].place).toBe(w.place);
            if (w.hedged !== undefined) expect(got[i].hedged).toBe(w.hedged);
          });
        }
        const texts = a.places.map((p) => p.text);
        for (const p of c.places ?? []) expect(texts, `places ${JSON.stringify(texts)}`).toContain(p);
        for (const p of c.notPlaces ?? []) expect(texts).not.toContain(p);
      });
    }
  });
}

describe('French framing terms', () => {
  it('names labels for each side in French, with the English ids', () => {
    const a = analyze('Les terroristes de Daech ont été chassés de la ville par les forces du régime.', { lang: 'fr' });
    expect(a.framing.map((f) => [f.text, f.category])).toEqual([['terroristes', 'label-opposition'], ['Daech', 'label-islamic-state'], ['forces du régime', 'label-government']]);
  });
});

// The claims stage matches its word lists against tokens: an entry the tokenizer would cut elsewhere than at its
// spaces ("l'hôpital" is "l'" + "hôpital"; "he's" is "he" + "'s") would never match. Possessive marks are matched
// against a token's text as written.
const AS_WRITTEN = new Set(['possessiveMarks']);
describe('claims word lists are written as their tokens', () => {
  for (const l of readLanguages()) {
    it(l.code, () => {
      const { elisions } = loadSentenceLexicon(l);
      const bad: string[] = [];
      const walk = (o: unknown, path: string): void => {
        if (Array.isArray(o)) {
          for (const s of o) {
            if (typeof s !== 'string') continue;
            const toks = tokenize(s, [{ start: 0, end: s.length, index: 0, paragraph: 0 }], elisions).map((t) => t.lower).join(' ');
            if (toks !== s.toLowerCase().split(/\s+/).filter(Boolean).join(' ')) bad.push(`${path}: "${s}" is read as "${toks}"`);
          }
        } else if (o && typeof o === 'object') {
          for (const [k, v] of Object.entries(o)) if (k !== 'about' && !AS_WRITTEN.has(k)) walk(v, `${path}.${k}`);
        }
      };
      walk(JSON.parse(readFileSync(l.data('claims/lexicon.json'), 'utf8')), 'claims/lexicon.json');
      expect(bad).toEqual([]);
    });
  }
});

// The statements stage's word classes are sets of single tokens; a phrase written there ("d'ailleurs" is "d'" +
// "ailleurs") would never match. Possessive markers are matched as written; naming phrases make a pattern.
const PATTERN_CLASSES = new Set(['possessiveMarkers', 'namingPhrases']);
describe('statements word classes hold single tokens', () => {
  for (const l of readLanguages()) {
    it(l.code, () => {
      const { elisions } = loadSentenceLexicon(l);
      const words = (JSON.parse(readFileSync(l.data('statements.json'), 'utf8')) as { words: Record<string, unknown> }).words;
      const bad: string[] = [];
      for (const [k, list] of Object.entries(words)) {
        if (PATTERN_CLASSES.has(k) || !Array.isArray(list)) continue;
        for (const s of list) if (typeof s === 'string' && tokenize(s, [{ start: 0, end: s.length, index: 0, paragraph: 0 }], elisions).length !== 1) bad.push(`words.${k}: "${s}"`);
      }
      expect(bad).toEqual([]);
    });
  }
});

const READ = readLanguages().map((l) => l.code);

describe('language detection', () => {
  it.each([
    ['en', 'Three people were killed when a bomb went off in the market on Monday, officials said.'],
    ['fr', 'Trois personnes ont été tuées lundi par l’explosion d’une bombe sur le marché, selon les autorités.'],
    ['de', 'Bei der Explosion einer Bombe auf dem Markt wurden am Montag drei Menschen getötet, teilten die Behörden mit.'],
    ['uk', 'Унаслідок вибуху на ринку в понеділок загинули троє людей, повідомили місцеві органи влади.'],
    ['ar', 'قتل ثلاثة أشخاص يوم الاثنين في انفجار قنبلة في السوق، بحسب ما أفادت السلطات المحلية.'],
  ])('%s', (code, text) => {
    expect(detectLanguage(text)).toBe(code);
    expect(detectLanguage(text, READ)).toBe(code);
  });

  // a short headline in a language we read can score another a little higher: it stays ours
  it.each([
    ['en', 'US warplanes struck Raqqa.'],
    ['en', 'Rebels shelled Homs.'],
    ['fr', 'Trois civils tués à Gao.'],
  ])('a short text stays in a language Sitrep reads: %s %s', (code, text) => {
    expect(detectLanguage(text, READ)).toBe(code);
  });
  it('a short text clearly in another language keeps it', () => {
    expect(detectLanguage('Drei Zivilisten wurden am Montag getötet.', READ)).toBe('de');
  });

  it('leaves a text too short to tell undetermined', () => {
    expect(detectLanguage('12 (AFP) -')).toBeNull();
  });
});

describe('a language Sitrep does not read', () => {
  it('gives the language and an empty analysis, not an English one', () => {
    const a = analyze('Bei einem Angriff auf ein Dorf im Norden des Landes wurden am Montag mindestens zwölf Menschen getötet, sagte die Polizei in Kabul.');
    expect(a.lang).toBe('de');
    expect(a.claims).toEqual([]);
    expect(a.places).toEqual([]);
    expect(a.sentences).toEqual([]);
  });

  it('the record\'s own lang wins over detection', () => {
    const a = analyze('Three people were killed in Aleppo on Monday.', { lang: 'uk' });
    expect(a.lang).toBe('uk');
    expect(a.claims).toEqual([]);
  });
});
