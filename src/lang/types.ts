// A language Sitrep reads: where its data lives (data/<code>/) and what its script gives or withholds.
// The stages ask the document's Language for their lexicons (lexiconKey + data) instead of naming a
// language folder themselves; code for grammar that cannot be data lives in src/lang/<code>/.
export interface Language {
  /** ISO 639-1 code ("en", "fr"); also the folder name under data/ and src/lang/. */
  readonly code: string;
  /** English name, for messages ("French"). */
  readonly name: string;
  /** Names are written with capital letters (false for Arabic, Hebrew, Chinese...). */
  readonly capitals: boolean;
  /** Words are separated by spaces (false for Chinese, Japanese, Thai; Arabic joins prefixes to words). */
  readonly spaces: boolean;
  readonly direction: 'ltr' | 'rtl';
  /** Adjectives follow their noun ("l'armée syrienne", "une source militaire"): a noun phrase's head is
   * its first noun, and a force's nationality comes after it (English: "the Syrian army", "a military source"). */
  readonly adjectivesFollowNouns: boolean;
  /** A file in this language's data folder, e.g. data('claims', 'lexicon.json') → data/fr/claims/lexicon.json. */
  data(...parts: string[]): string;
  /** The Resources key for one of this language's compiled lexicons ("claims.lexicon" in English). */
  lexiconKey(base: string): string;
}

/** A language the detector can name but Sitrep does not read (yet): stored and listed, not analysed. */
export interface LanguageName {
  code: string;
  name: string;
}
