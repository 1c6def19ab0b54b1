// eld's table from the compact cache gives eld's own answers, and a cache that cannot be written or
// read leaves detection working.
import { mkdtempSync, writeFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compactTable, eldOwn, expandTable, loadEld } from '../../src/lang/eld-cache.js';
import { forgetCacheIndex } from '../../src/pipeline/compiled-cache.js';
import { useCacheDir } from '../helpers.js';

const SENTENCES = [
  'Two people were killed in the shelling of the market on Monday, the civil defence said.',
  'Trois civils ont été tués lundi dans un bombardement, selon la défense civile.',
  'Bei dem Angriff wurden am Montag drei Zivilisten getötet.',
  'Три мирных жителя погибли в понедельник.',
  'constructor __proto__ toString hasOwnProperty',
  '',
];

describe('eld cache', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sitrep-eld-'));
  useCacheDir(dir);
  const path = join(dir, 'lexicons.bin');
  // eld's own entry, loaded as before the cache
  const orig = eldOwn();

  it('builds the cache on first use and answers as eld does, scores included', () => {
    const eld = loadEld();
    expect(statSync(path).size).toBeGreaterThan(100_000);
    for (const s of SENTENCES) {
      const a = orig.detect(s);
      const b = eld.detect(s);
      expect(b.language).toBe(a.language);
      expect(b.getScores()).toEqual(a.getScores());
    }
    expect(eld.detect(SENTENCES[0]).language).toBe('en');
  });

  it('answers as eld does on long, mixed and non-Latin texts (cuts, long words, surrogates)', () => {
    const eld = loadEld();
    const texts = [
      SENTENCES.join(' ').repeat(12),
      'Le ministère a déclaré: « 14 morts » — aujourd’hui, l’armée n’a pas confirmé. '.repeat(20),
      'Καλημέρα κόσμε, η επίθεση σκότωσε τρεις ανθρώπους στην πόλη. '.repeat(10),
      'قتل ثلاثة مدنيين في قصف على المدينة يوم الاثنين. '.repeat(10),
      '戦闘で三人が死亡した。'.repeat(40),
      'a'.repeat(90) + ' supercalifragilisticexpialidocious-and-then-some-more-letters-to-pass-seventy-characters ok',
      'rock 🎸 and roll 🎸🎸 music, it’s the 1990\'s and don\'t stop',
      'x y z', 'ab', '12 34 !!', 'abc def',
    ];
    for (const s of texts) {
      const a = orig.detect(s);
      const b = eld.detect(s);
      expect(b.language).toBe(a.language);
      expect(b.getScores()).toEqual(a.getScores());
    }
  });

  it('reads the cache it wrote (second load) and ignores a broken one', () => {
    forgetCacheIndex();
    expect(loadEld().detect(SENTENCES[1]).language).toBe('fr');
    writeFileSync(path, 'SLX2\u0010\0\0\0{"entries": [');
    forgetCacheIndex();
    expect(loadEld().detect(SENTENCES[2]).language).toBe('de');
  });

  it('round-trips a table: lookups, misses and keys holding the separator', () => {
    const table = { type: 'T', languages: { 0: 'aa', 1: 'bb' }, ngrams: { ' ab ': { 0: 3, 1: 7 }, 'x\u0000y': { 1: 200 }, zz: { 0: 0 } } };
    const back = expandTable(JSON.parse(JSON.stringify(compactTable(table, 's'))));
    expect(back.ngrams[' ab ']).toEqual({ 0: 3, 1: 7 });
    expect(back.ngrams['x\u0000y']).toEqual({ 1: 200 });
    expect(back.ngrams.zz).toEqual({ 0: 0 });
    expect(back.ngrams.nope).toBeUndefined();
    expect(back.ngrams.constructor).toBeUndefined();
  });
});
