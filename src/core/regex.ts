// Pieces of regular expressions built from data (word lists, formats).

/** A regular expression that matches nothing (for an empty list). */
export const NEVER = /(?!)/;

/** s with every character that means something in a regular expression escaped. */
export function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A word escaped, its straight apostrophe matching a curly one too ("l'" → l['’]). */
export function wordRegExp(w: string): string {
  return escapeRegExp(w).replace(/'/g, "['’]");
}
