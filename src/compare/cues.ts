// The figure board's English cues (data/en/figure-cues.json) as regular expressions.
import { readFileSync } from 'node:fs';
import { english } from '../lang/index.js';

export interface FigureCues {
  /** after a count, in its clause: a part of a toll ("were among the dead") */
  partAfter: RegExp;
  denial: RegExp;
  counterClaim: RegExp;
  responsibility: RegExp;
  category: Record<string, RegExp>;
  figureWords: RegExp;
}

let cached: FigureCues | null = null;

export function loadFigureCues(file = english.data('figure-cues.json')): FigureCues {
  if (cached && file === english.data('figure-cues.json')) return cached;
  const raw = JSON.parse(readFileSync(file, 'utf8')) as { partAfter: string[]; denial: string[]; counterClaim: string[]; responsibility: string[]; category: Record<string, string[]>; figureWords: string[] };
  const words = (list: string[], whole = true) => new RegExp(`\\b(?:${list.join('|')})${whole ? '\\b' : ''}`, 'i');
  const cues: FigureCues = {
    partAfter: words(raw.partAfter),
    denial: words(raw.denial),
    counterClaim: words(raw.counterClaim),
    responsibility: words(raw.responsibility, false),
    category: Object.fromEntries(Object.entries(raw.category).map(([k, v]) => [k, words(v, false)])),
    figureWords: words(raw.figureWords),
  };
  if (file === english.data('figure-cues.json')) cached = cues;
  return cues;
}
