// The languages Sitrep reads, by code, and the document's language for a stage:
//   const L = languageOf(a); const lex = r.get(L.lexiconKey('claims.lexicon'), () => loadClaimsLexicon(L));
// Adding a language: src/lang/README.md.
import type { Analysis } from '../core/types.js';
import { english } from './en/index.js';
import { french } from './fr/index.js';
import { languageName } from './names.js';
import type { Language } from './types.js';

export type { Language, LanguageName } from './types.js';
export { english } from './en/index.js';
export { french } from './fr/index.js';
export { languageName } from './names.js';

/** The language a document is taken to be in when it names none and detection cannot tell. */
export const DEFAULT_LANGUAGE = 'en';

const READ = new Map<string, Language>([english, french].map((l) => [l.code, l]));

/** The languages Sitrep reads, by code. */
export function readLanguages(): readonly Language[] {
  return [...READ.values()];
}

/** The Language for a code, or null when Sitrep does not read it. */
export function languageFor(code: string): Language | null {
  return READ.get(code) ?? null;
}

/** The document's Language (English when the analysis names none Sitrep reads: stages only run on read ones). */
export function languageOf(a: Pick<Analysis, 'lang'>): Language {
  return READ.get(a.lang) ?? english;
}

/** True when the analysis is empty because Sitrep does not read the document's language. */
export function isUnread(a: Pick<Analysis, 'lang'>): boolean {
  return !READ.has(a.lang);
}

/** The one-line warning for a document in a language Sitrep does not read (null when it reads it). */
export function unreadWarning(a: Pick<Analysis, 'lang' | 'document'>): string | null {
  if (!isUnread(a)) return null;
  const o = a.document.origin;
  const where = o?.file ? `${o.file}${o.line != null ? `:${o.line}` : ''}: ` : '';
  return `sitrep: ${where}"${a.document.id}" is in ${languageName(a.lang)} (${a.lang}), which Sitrep does not read yet: kept without analysis`;
}
