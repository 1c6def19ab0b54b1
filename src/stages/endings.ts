// Word endings a language lists as data (a plural "-s", a participle "-ed", a possessive "s"): which of
// them a word has. A module of its own, with no imports: modules far from the stages (the output
// records) use it without loading a lexicon's code.

/** The first of `endings` that `word` ends with, or undefined. */
export function endingOf(word: string, endings: Iterable<string>): string | undefined {
  for (const e of endings) if (word.endsWith(e)) return e;
  return undefined;
}

/** Whether `word` ends with any of `endings`. */
export function endsWithAny(word: string, endings: Iterable<string>): boolean {
  return endingOf(word, endings) !== undefined;
}
