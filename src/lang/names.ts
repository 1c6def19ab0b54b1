// Language names for messages ("de" → "German"), apart from the detector (./detect.ts): a command that
// only reports a document's language (sitrep analyze's warning about a language it does not read) must
// not load the detector's modules.
import { readFileSync } from 'node:fs';
import { dataPath } from '../core/paths.js';

let names: Record<string, string> | null = null;
/** The English name of a language code ("de" → "German"); the code itself when unknown. */
export function languageName(code: string): string {
  names ??= (JSON.parse(readFileSync(dataPath('languages.json'), 'utf8')) as { names: Record<string, string> }).names;
  return names[code] ?? code;
}
