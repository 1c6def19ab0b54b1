// Builds a Language from its facts; the data folder is data/<code>/.
import { dataPath } from '../core/paths.js';
import type { Language } from './types.js';

export function defineLanguage(facts: Omit<Language, 'data' | 'lexiconKey'>): Language {
  const { code } = facts;
  return {
    ...facts,
    data: (...parts: string[]) => dataPath(code, ...parts),
    // English keeps the bare keys it always had (tests and tools name them); others add the code
    lexiconKey: (base: string) => (code === 'en' ? base : `${base}:${code}`),
  };
}
