// The statements stage's small word classes come from the language's statements.json: every class the
// code tests is known, an unknown one is an error naming the file, and a class a language leaves out is
// empty (never another language's words).
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { WORD_CLASSES, loadStatementLexicon } from '../../src/stages/statements/lexicon.js';
import { english } from '../../src/lang/index.js';
import type { Language } from '../../src/lang/types.js';

/** A language whose statements.json is the English one with `change` applied. */
function variant(change: (raw: Record<string, unknown>) => void): Language {
  const dir = mkdtempSync(join(tmpdir(), 'sitrep-words-'));
  const raw = JSON.parse(readFileSync(english.data('statements.json'), 'utf8')) as Record<string, unknown>;
  change(raw);
  writeFileSync(join(dir, 'statements.json'), JSON.stringify(raw));
  return { ...english, code: 'xx', data: (...parts: string[]) => join(dir, ...parts), lexiconKey: (b: string) => `${b}:xx` };
}

describe('statements word classes', () => {
  it('English lists every class', () => {
    const w = loadStatementLexicon().w;
    // (English gives a name after a comma with no reporting verb: "Daglo, known as Hemedti" is namingVerbs)
    const notEnglish = new Set(['epithetVerbs']);
    for (const k of Object.keys(WORD_CLASSES) as (keyof typeof WORD_CLASSES)[]) if (!notEnglish.has(k)) expect(w[k].size, k).toBeGreaterThan(0);
    expect(w.hearers.has('reporters')).toBe(true);
    expect(w.hearers.has('minister')).toBe(false);
  });

  it('an unknown class is an error naming the file and the class', () => {
    const lang = variant((raw) => ((raw.words as Record<string, string[]>).heerers = ['reporters']));
    expect(() => loadStatementLexicon(lang)).toThrow(/statements\.json: words\.heerers: not a word class/);
  });

  it('a class left out is empty, and no furniture pattern matches', () => {
    const lang = variant((raw) => {
      delete (raw.words as Record<string, string[]>).hearers;
      delete raw.furniture;
    });
    const lex = loadStatementLexicon(lang);
    expect(lex.w.hearers.size).toBe(0);
    expect(lex.furniture.test('WATCH: the video')).toBe(false);
    expect(lex.furniture.test('')).toBe(false);
    expect(loadStatementLexicon().furniture.test('WATCH: the video')).toBe(true);
    expect(loadStatementLexicon().furniture.test('WATCHDOG said')).toBe(false);
  });
});
