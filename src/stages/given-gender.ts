// Given names that are (almost) always one gender, read into the actors lexicon (he/she antecedents, given names
// that make a person), whose map the statements stage reads too (he/she speakers): data/gendered-names-world.json,
// for every language, and data/<lang>/gendered-names.json when the language has one.
import { existsSync, readFileSync } from 'node:fs';
import { dataPath } from '../core/paths.js';
import type { Language } from '../lang/index.js';

type GenderFile = { male: string[]; female: string[] };

/** the given names of the regions conflict news covers, for every language */
export const worldNamesFile = (): string => dataPath('gendered-names-world.json');

/** The files the names come from, for a lexicon's cache stamp (the language's may be absent). */
export function givenGenderFiles(lang: Language): string[] {
  return [worldNamesFile(), lang.data('gendered-names.json')];
}

/** Every given name of the world list, of either gender. */
export function worldGivenNames(): string[] {
  const w = JSON.parse(readFileSync(worldNamesFile(), 'utf8')) as GenderFile;
  return [...w.male, ...w.female];
}

/** Given name → 'm' | 'f' (the language's list read last: it wins). */
export function loadGivenGender(lang: Language): Map<string, string> {
  const out = new Map<string, string>();
  for (const file of givenGenderFiles(lang)) {
    if (!existsSync(file)) continue;
    const raw = JSON.parse(readFileSync(file, 'utf8')) as GenderFile;
    for (const n of raw.male) out.set(n, 'm');
    for (const n of raw.female) out.set(n, 'f');
  }
  return out;
}
