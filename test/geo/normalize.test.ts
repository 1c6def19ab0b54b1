import { describe, expect, it } from 'vitest';
import { loadTranslit } from '../../src/geo/normalize.js';

const tr = loadTranslit();

describe('transliteration keys', () => {
  // spellings of one place fold to one key
  it.each([
    [['al-Foua', 'Foua', 'Fuaa', "al-Fu'ah", 'Al Fouaa'], 'fua'],
    [['Raqqa', 'Raqqah', 'Ar-Raqqah', 'ar Raqqa'], 'raka'],
    [['Deir ez-Zor', 'Deir Ezzor', 'Deir al-Zor', 'Dayr az Zawr'], 'dair zor'],
    [['Hasakah', 'Hasakeh', 'Al-Hasakah', 'Hassakeh'], 'hasaka'],
    [['Sweida', 'As-Suwayda', 'Suwaydaa'], 'suaida'],
    [['Lattakia', 'Latakia'], 'latakia'],
    [['Khan Sheikhun', 'Khan Shaykhun', 'Khān Shaykhūn'], 'khan shaikhun'],
    [['Qamishli', 'Kamishli', 'Al Qāmishlī'], 'kamishli'],
    [['Ras al-Ain', "Ra's al `Ayn", 'Ras al Ayn'], 'ras ain'],
  ])('%j → %s', (names, key) => {
    for (const n of names) expect(tr.key(n)).toBe(key);
  });

  it('keeps different places apart', () => {
    expect(tr.key('Homs')).not.toBe(tr.key('Hama'));
    expect(tr.key('Idlib')).not.toBe(tr.key('Aleppo'));
  });

  it('drops an article prefix only before another word', () => {
    expect(tr.key('Al Bab')).toBe('bab');
    expect(tr.key('Al')).toBe('al');
  });

  it('gives no key to names without Latin letters', () => {
    expect(tr.key('حلب')).toBe('');
    expect(tr.key('Алеппо')).toBe('');
  });

  it('rewrites a word by its place in the name, whichever came first', () => {
    // the assimilated article goes only after another word; the per-word memory keeps both forms apart
    const later = tr.key('Deir Ezzor');
    const first = tr.key('Ezzor');
    expect(later).toBe('dair zor');
    expect(first).not.toBe('zor');
    expect(tr.key('Deir Ezzor')).toBe(later);
    expect(loadTranslit().key('Ezzor')).toBe(first);
  });

  it('folds a name word by word to the same key as the whole name', () => {
    const names = ['Deir ez-Zor', 'President Bashar al-Assad', 'Khān Shaykhūn', "Ra's al `Ayn", 'Tal Abyad', 'Al Bab', 'Deir Ezzor', 'Jabal al-Zawiya', 'U.S. Embassy', 'Abu Kamal'];
    for (const n of names) expect(tr.keyOfWords(n.split(' '))).toBe(tr.key(n));
    // words that fold to several (a glued article) and a last word that is an article
    expect(tr.keyOfWords(['Tal', 'al-Sheikh', 'Hussein'])).toBe(tr.key('Tal al-Sheikh Hussein'));
    expect(tr.keyOfWords(['Deir', 'al'])).toBe(tr.key('Deir al'));
    expect(tr.keyOfWords(['Aleppo', 'حلب'])).toBe('');
  });

  it('tells which characters keep two words apart', () => {
    const t = 'Deir ez-Zor and Kafr-Nabl, A&B St.John';
    expect(tr.separates(t, 4, 5)).toBe(true); // a space
    expect(tr.separates(t, 20, 21)).toBe(true); // a hyphen folds to a space
    expect(tr.separates(t, 4, 4)).toBe(false); // nothing between
    expect(tr.separates(t, 28, 29)).toBe(false); // '&' stays in the word
    expect(tr.separates(t, 33, 34)).toBe(false); // '.' folds away: "stjohn" is one word
  });

  it('tells the last word of a key from the last word of the name', () => {
    const names = ['Deir Ezzor', 'Ezzor', 'Kafr Nabl', 'Tal al', 'Bashar al-Assad', 'Qamishli', 'Ras al-Ain', 'Jisr al-Shughur', 'Abu Dhuhur', 'Maarat al-Numan'];
    for (const n of names) {
      const key = tr.key(n);
      const last = key.slice(key.lastIndexOf(' ') + 1);
      const words = n.split(' ');
      expect(tr.lastKeyWords(words[words.length - 1])).toContain(last);
    }
    expect(tr.lastKeyWords('حلب')).toEqual([]);
    expect(tr.lastKeyWords("''")).toBeNull();
  });
});
