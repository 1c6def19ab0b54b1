// Reporting verbs, source cues and quotation marks (data/en/statements.json), compiled once.
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { PhraseIndex, phraseKeys } from '../actors/units.js';
import { english, type Language } from '../../lang/index.js';

const File = z.object({
  source: z.string(),
  about: z.string(),
  verbs: z.record(z.string(), z.array(z.string())),
  strongVerbs: z.array(z.string()),
  objectVerbs: z.array(z.string()),
  thatOnlyVerbs: z.array(z.string()),
  quoteOnlyVerbs: z.array(z.string()).default([]),
  nonSpeechObjects: z.array(z.string()).default([]),
  sourceCues: z.array(z.string()),
  statementNouns: z.array(z.string()),
  skipAfterVerb: z.array(z.string()),
  speakerGap: z.array(z.string()),
  determiners: z.array(z.string()),
  subjectStops: z.array(z.string()),
  quotes: z.object({ open: z.array(z.string()), close: z.array(z.string()) }),
  minQuoteWords: z.number(),
  speakerPronouns: z.record(z.string(), z.string()),
});

export interface VerbInfo {
  lemma: string;
  form: string;
  strong: boolean;
  object: boolean;
  thatOnly: boolean;
  participle: boolean;
  /** only the cue of an adjacent quotation ("quipped"), never of reported speech */
  quoteOnly: boolean;
}

export interface StatementLexicon {
  verbs: PhraseIndex<VerbInfo>;
  sourceCues: PhraseIndex<string>;
  statementNouns: Set<string>;
  skipAfter: Set<string>;
  gap: Set<string>;
  determiners: Set<string>;
  stops: Set<string>;
  open: Set<string>;
  close: Set<string>;
  minQuoteWords: number;
  pronouns: Map<string, string>;
  /** objects that make a reporting verb a plain verb ("claimed responsibility", "reported a loss") */
  nonSpeechObjects: Set<string>;
}

export function loadStatementLexicon(lang: Language = english): StatementLexicon {
  const raw = File.parse(JSON.parse(readFileSync(lang.data('statements.json'), 'utf8')));
  const strong = new Set(raw.strongVerbs);
  const object = new Set(raw.objectVerbs);
  const thatOnly = new Set(raw.thatOnlyVerbs);
  const quoteOnly = new Set(raw.quoteOnlyVerbs);
  const verbs = new PhraseIndex<VerbInfo>();
  for (const [lemma0, forms] of Object.entries(raw.verbs)) {
    if (lemma0.includes('_')) continue; // internal groupings, not verbs
    const lemma = lemma0;
    for (const form of forms) {
      verbs.add(phraseKeys(form), {
        lemma,
        form,
        strong: strong.has(lemma),
        object: object.has(lemma),
        thatOnly: thatOnly.has(lemma) || !strong.has(lemma),
        participle: /ing$/.test(form.split(' ')[0]),
        quoteOnly: quoteOnly.has(lemma),
      });
    }
  }
  verbs.seal();
  const cues = new PhraseIndex<string>();
  for (const c of raw.sourceCues) cues.add(phraseKeys(c), c);
  cues.seal();
  return {
    verbs,
    sourceCues: cues,
    statementNouns: new Set(raw.statementNouns),
    skipAfter: new Set(raw.skipAfterVerb),
    gap: new Set(raw.speakerGap),
    determiners: new Set(raw.determiners),
    stops: new Set(raw.subjectStops),
    open: new Set(raw.quotes.open),
    close: new Set(raw.quotes.close),
    minQuoteWords: raw.minQuoteWords,
    pronouns: new Map(Object.entries(raw.speakerPronouns)),
    nonSpeechObjects: new Set(raw.nonSpeechObjects),
  };
}
