// Reporting verbs, source cues and quotation marks (data/en/statements.json), compiled once.
import { existsSync, readFileSync } from 'node:fs';
import { z } from 'zod';
import { once } from '../../core/once.js';
import { PhraseIndex, normKey, phraseKeys, plainLower } from '../actors/units.js';
import { tokenize } from '../sentences/tokenize.js';
import { loadSentenceLexicon } from '../sentences/index.js';
import type { Token } from '../../core/types.js';
import { english, type Language } from '../../lang/index.js';
import { compiled, moduleFiles } from '../../pipeline/compiled-cache.js';
import { endsWithAny } from '../endings.js';
import { NEVER, escapeRegExp, wordRegExp } from '../../core/regex.js';

/** The lexicon files' schemas, made when a lexicon is built (a start that reads the compiled cache never needs them). */
const schemas = once(() => {
  const File = z.object({
    source: z.string(),
    about: z.string(),
    verbs: z.record(z.string(), z.array(z.string())),
    affiliationCues: z.array(z.string()).default([]),
    strongVerbs: z.array(z.string()),
    objectVerbs: z.array(z.string()),
    thatOnlyVerbs: z.array(z.string()),
    quoteOnlyVerbs: z.array(z.string()).default([]),
    nonSpeechObjects: z.array(z.string()).default([]),
    sourceCues: z.array(z.string()),
    /** Phrases on how a source spoke, after the verb or the speaker ("on condition of anonymity", "who asked not to be named"): no content, no part of the speaker. */
    anonymityPhrases: z.array(z.string()).default([]),
    /** Phrases set off by commas between a speaker and the verb ("Ukraine's air force, for its part, said"). */
    asides: z.array(z.string()).default([]),
    /** Words that open a reported clause ("that"; French "que", "qu'"); none when absent. */
    that: z.array(z.string()).default([]),
    /** Lemmas of the verbs whose speaker may follow them ("..., said the minister"); none when absent. */
    invertedVerbs: z.array(z.string()).default([]),
    /** Articles dropped from the front of a speaker's name ("l'" joins the next word); none when absent. */
    articles: z.array(z.string()).default([]),
    statementNouns: z.array(z.string()),
    skipAfterVerb: z.array(z.string()),
    speakerGap: z.array(z.string()),
    determiners: z.array(z.string()),
    subjectStops: z.array(z.string()),
    quotes: z.object({ open: z.array(z.string()), close: z.array(z.string()) }),
    minQuoteWords: z.number(),
    speakerPronouns: z.record(z.string(), z.string()),
    /** Words that may stand before a sentence's subject ("but", "and"): salience reads the name after them as a subject. */
    sentenceLead: z.array(z.string()).default([]),
    /** Verbs and auxiliaries after a name that make it a subject ("has", "was", "will"): salience. */
    subjectVerbs: z.array(z.string()).default([]),
    /** Heads of "the X" that name a specific kind of body ("the ministry", "the military"): resolved only to an organisation whose name holds X. */
    specificBodies: z.array(z.string()).default([]),
    /** Other words of the names a body noun stands for ("the monitor": the Syrian Observatory ...). */
    bodyHeadAlso: z.record(z.string(), z.array(z.string())).default({}),
    /** "reports", "estimates", "figures" + a word of sourcePreps ("from", "by"): the source is what follows ("according to reports from X"). */
    sourceNouns: z.array(z.string()).default([]),
    sourcePreps: z.array(z.string()).default([]),
    /** Days and times that end a speaker's noun phrase, alone or after a determiner ("ce jeudi"). */
    timeWords: z.array(z.string()).default([]),
    /** Page furniture flattened into the text, as written ("READ MORE", "WATCH"): a sentence opening with one is a headline, not speech. */
    furniture: z.array(z.string()).default([]),
    /** The small word classes the constructions test (WORD_CLASSES); a class a language does not list is empty. */
    words: z.record(z.string(), z.array(z.string())).default({}),
  });
  return { File };
});

/** The word classes of `words`, each with what it holds (see the English file for examples). */
export const WORD_CLASSES = {
  hearers: "the hearer of \"told X\" on its own (\"told reporters\")",
  hearerLead: "words that may open a hearer phrase of a few words (\"the state news agency\")",
  regionNouns: "words that name a region after a place's name (\"Borno state\"): there no verb",
  speakerModifiers: "words besides the media modifiers that qualify a speaker's head (\"security sources\", \"medical sources\")",
  spanWords: "units of a span of time (\"over the past two days military sources said\"): a speaker's phrase ends after one",
  releaseNouns: "documents besides the source nouns whose owner before a possessive speaks (\"the union's Friday release\")",
  hearerHeads: "heads that end such a hearer phrase",
  citingCues: "first words of the source cues that cite (the speaker is the one cited, the earlier source its channel)",
  clauseLead: "connectives that may stand before \"according to X\" at the start of a sentence",
  adverbialPreps: "prepositions that open a longer adverbial between a reporting verb and \"that\"",
  shortMonths: "months written short, with or without a period (\"on Aug. 14\"): read only after a day preposition, never as a speaker's word",
  placePreps: "prepositions of place after \"reported\" used as a participle (\"casualties reported in Idlib\")",
  locatedParticiples: "participles that place a body before a place preposition (\"the Observatory based in Britain said\")",
  closedEnds: "stop words that may end a complete clause",
  notDeterminers: "words among the determiners that do not open a describing noun phrase",
  subjectPronouns: "pronouns that can be the subject of a sentence",
  objectPronouns: "speaker pronouns only after a source cue, never a subject (\"according to him\")",
  notContentStart: "words after a reporting verb that show it is not reporting speech (\"counters by killing\")",
  contrastClauses: "words after a comma opening a clause of another speaker (\", while local sources said ...\"): the content before ends at the comma",
  adverbials: "one-word adverbials skipped after a reporting verb",
  timeLead: "\"late\", \"early\" before a time (\"late on Monday\")",
  timeLeadNext: "what may follow them",
  timePreps: "words before a time noun or a channel (\"on Monday\", \"last week\", \"on Twitter\")",
  timeNouns: "time nouns and channels after them",
  dayParts: "parts of a day (\"Monday morning\")",
  channelOwners: "possessives before a channel (\"on its website\")",
  channelPreps: "prepositions before the medium a statement was made on (\"on Telegram\", \"sur Telegram\", \"à la télévision\")",
  channels: "channels a statement is posted on",
  months: "month names",
  toHearer: "what may follow \"to\" in \"said to reporters\", \"told to the press\"",
  articles: "articles",
  toHearerHeads: "the hearer after \"to (the)\"",
  commaAdverbs: "adverbs set off by commas between speaker and verb (\"Scheer, however, said\")",
  commaAdverbsBefore: "such adverbs right before the verb's comma",
  weekdays: "days of the week",
  relativeOpeners: "words that open a relative clause after a name",
  relativePronouns: "relative pronouns before a verb",
  namingVerbs: "\"known as\", \"called\": what follows is a name",
  dayWords: "days that end a speaker's noun phrase",
  originPreps: "\"of\", \"from\" between a role and the body it serves",
  nameParticles: "lower-case particles inside personal names",
  malePronouns: "pronouns of a man",
  femalePronouns: "pronouns of a woman",
  honorifics: "honorifics that may open a person's name (\"Mr. Peter Hansen\")",
  maleTitles: "honorifics and titles of a man",
  femaleTitles: "honorifics and titles of a woman",
  personPossessives: "possessives that point to a person (\"her statement said\")",
  bodyHeads: "heads of \"the X\" that stand for an organisation named before",
  pointingDeterminers: "determiners of a noun phrase that points back (\"the statement\")",
  notPersonHeads: "heads of \"the X\" that are not a person described",
  introPreps: "prepositions that open an adverbial between a quotation and its cue (\", in a statement, \")",
  clauseConnectives: "connectives after which a noun phrase opens a clause",
  objectPreps: "prepositions whose object is no subject of a verb after it (unpunctuated copy: \"alongside the Syrian regime a monitor said\" is said by the monitor)",
  preps: "prepositions inside a speaker's noun phrase (\"a spokesman for the ministry\")",
  doForms: "forms of \"do\" before \"not\"",
  passiveAux: "auxiliaries that make a reporting verb passive",
  dayPreps: "the preposition before a day or a date (\"on Monday\", \"on June 10\")",
  statementPreps: "the preposition that opens an adverbial naming a statement (\"in a statement\")",
  hearerPreps: "the preposition before the hearer (\"said to reporters\")",
  gapNotBefore: "speaker-gap words not skipped when reading back from a verb to its speaker (an article, a statement noun: \"the statement said\")",
  placeRelatives: "the relative adverb of place (\"X, where ...\": X is a place)",
  nonNounEndings: "word endings of adverbs and gerunds, never the head of a describing noun phrase",
  namingPreps: "the word between a naming verb and the name (\"known as\")",
  namingPhrases: "phrases after which a name follows (\"known as\", \"called\")",
  additiveAdverbs: "\"also\" before a naming verb (\"also known as\")",
  ofPreps: "the preposition joining a noun to its complement (\"the head of X\")",
  amountMarks: "currency signs before a sum, and percent or unit words after a number, right after a reporting verb: a sum or a share, no speech (\"The future added $2.40\", \"Shares added 3 percent\")",
  basisNouns: "heads of a lower-case phrase after \"according to\" that name a basis, no one (\"the shape of the craters\", \"the terms of the deal\")",
  coordinators: "coordinating conjunctions (\"and\")",
  rolePreps: "prepositions that go on from a role noun (\"a spokesman for the ministry\")",
  definiteArticles: "definite articles",
  maleSubjectPronouns: "subject pronouns of a man",
  femaleSubjectPronouns: "subject pronouns of a woman",
  learnedCues: "first words of source cues read only after a verb of learning a few words before (\"a-t-on appris lundi auprès d'élus locaux\"; \"auprès de\" alone is \"beside\")",
  learnedVerbs: "those verbs of learning (\"appris\")",
  agentPreps: "the preposition of a passive's agent (\"by\"): the phrase after it is never the next verb's subject",
  contactBy: "the preposition after a contactParticiple when the means follows with no comma (\"a resident reached by phone said\") (\"by\", \"par\")",
  mediaHeads: "heads of a phrase naming a broadcaster or a paper (\"state television\", \"the daily\"): the phrase before such a head holds only names, nationalities and mediaModifiers",
  mediaModifiers: "lower-case words that may stand before a media head (\"state\", \"state-run\", \"pro-government\")",
  bodyHeadPlurals: "plural heads of a phrase that speaks for bodies with no determiner before it (\"aid groups said\", \"rights groups said\")",
  bodyPronouns: "subject pronouns that stand for a body (\"it\"; French \"elle\" for \"l'armée\", a noun of its gender)",
  maleRoleWords: "words of a role that make a person a man (\"spokesman\", \"Mr\")",
  femaleRoleWords: "words of a role that make a person a woman",
  infinitiveMarkers: "the word that marks an infinitive (\"to say\")",
  possessiveMarkers: "possessive clitic tokens (\"'s\")",
  negations: "negation after an auxiliary (\"did not say\")",
  standaloneDeterminers: "determiners that may also stand alone as a subject (\"some said\"): before a verb they do not make it a noun",
  finiteVerbEndings: "endings of a lower-case word that looks like a finite verb after a name (\"X visited\", \"X says\")",
  participleEndings: "the ending of a reporting verb's present participle (\"saying\")",
  pluralEndings: "endings of a plural noun",
  notPluralEndings: "endings that are not a plural even though they end like one (\"boss\")",
  perfectAux: "the auxiliary of the perfect (\"X, however, has said\")",
  statementParticiples: "participles after a statement noun that say how it came out (\"in a statement carried by state media\"): skipped with their prepositional phrase",
  statementParticiplePreps: "the prepositions that open that phrase (\"carried by\", \"posted on\")",
  quotedVerbs: "forms of the verb of \"X quoted Y as saying\" and \"Y was quoted as saying\"",
  quotedAs: "the word between that verb (and its object) and the reporting participle (\"as\")",
  selfNamingVerbs: "verbs of a relative clause that gives its subject a name (\"which calls itself X\"): a body named there speaks, not the head before the clause",
  characterisingVerbs: "verbs that give a quoted judgement of their object (\"X described the attack as “...”\", \"X called it “...”\"): the quotation is X's",
  characterisingLinks: "the word between such a verb's object and the quotation (\"as\"; French \"de\", \"comme\")",
  quantityVerbs: "lemmas of reporting verbs that also add to a score or a figure: before a number or one of quantityStarts they report nothing (\"the index added 0.4 per cent\", \"added yet another goal\")",
  quantityStarts: "words opening the object of such a verb (\"another\", \"yet\")",
  progressiveAux: "forms of the auxiliary of the progressive: before a participle it is a finite verb (\"local media are reporting that\")",
  placeParticipleVerbs: "lemmas of reporting verbs whose participle may stand before a place (\"casualties reported in Idlib\")",
  nounsAfterNames: "reporting verb forms that are nouns after a capitalised name unless \"that\" follows (\"Borno state\", \"Gulf states\")",
  epithetVerbs: "forms of a reporting verb that also give a name after a comma (French \"Mohamed Daglo, dit « Hemedti », ...\", \"le chef, dit le Tigre, a été arrêté\"): no speech there",
  contactParticiples: "participles opening an apposition that says how the speaker was reached (\"X, contacted by AFP, said\")",
  sameWords: "the word of \"the same source\" that points back to the source named last",
  sourceHeads: "heads of \"the same source\"",
} as const;
export type WordClass = keyof typeof WORD_CLASSES;
export type StatementWords = Record<WordClass, Set<string>>;

/** The word classes of a statements file; an unknown class name is an error naming the file. */
function wordClasses(words: Record<string, string[]>, file: string): StatementWords {
  for (const k of Object.keys(words)) if (!(k in WORD_CLASSES)) throw new Error(`${file}: words.${k}: not a word class (${Object.keys(WORD_CLASSES).join(', ')})`);
  const out = {} as StatementWords;
  for (const k of Object.keys(WORD_CLASSES) as WordClass[]) out[k] = new Set(words[k] ?? []);
  return out;
}

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
  /** words before a name that make it what another is tied to ("linked to", "liés à"): no antecedent of "they" */
  affiliationCues: PhraseIndex<string>;
  sourceCues: PhraseIndex<string>;
  anonymity: PhraseIndex<string>;
  /** phrases set off by commas between a speaker and its verb ("for its part") */
  asides: PhraseIndex<string>;
  that: Set<string>;
  inverted: Set<string>;
  /** An article at the start of a speaker's name, with the space after it. */
  leadingArticle: RegExp;
  statementNouns: Set<string>;
  skipAfter: Set<string>;
  gap: Set<string>;
  /** gap words of two tokens or more ("plus tard", "d'abord") */
  gapPhrases: PhraseIndex<string>;
  determiners: Set<string>;
  stops: Set<string>;
  open: Set<string>;
  close: Set<string>;
  minQuoteWords: number;
  pronouns: Map<string, string>;
  /** objects that make a reporting verb a plain verb ("claimed responsibility", "reported a loss") */
  nonSpeechObjects: Set<string>;
  sentenceLead: Set<string>;
  subjectVerbs: Set<string>;
  specificBodies: Set<string>;
  /** head → the words of the names it stands for, itself included ("monitor" → monitor|observatory) */
  bodyHeadNames: Map<string, RegExp>;
  sourceNouns: Set<string>;
  sourcePreps: Set<string>;
  timeWords: Set<string>;
  /** a text opening with page furniture (a pattern that never matches when the language lists none) */
  furniture: RegExp;
  /** the small word classes (WORD_CLASSES) */
  w: StatementWords;
  /** a text ending in a naming phrase ("... known as the "), from namingPhrases and definiteArticles */
  namedBefore: RegExp;
  /** a text opening with a possessive clitic ("'s") */
  possessiveAfter: RegExp;
}

/** The key of a token in the statements stage's phrase indexes (Ctx.keys). */
export function tokenKey(t: Token): string {
  return t.kind === 'word' || t.kind === 'number' ? (plainLower(t) ?? normKey(t.text)) : t.text;
}

/** A phrase's keys as the tokenizer cuts the text ("sous couvert d'anonymat" → sous, couvert, d, anonymat), and its
 * keys by phraseKeys when they differ: both are indexed. */
function keyings(phrase: string, elisions: ReadonlySet<string>): string[][] {
  const byUnit = phraseKeys(phrase);
  const byToken = tokenize(phrase, [{ start: 0, end: phrase.length, index: 0, paragraph: 0 }], elisions).map(tokenKey);
  return byToken.join(' ') === byUnit.join(' ') ? [byUnit] : [byUnit, byToken];
}

/** The language's elided words, as the sentences stage splits them (none for a language folder without its
 * abbreviations.json). */
function elisionsOf(lang: Language): Set<string> {
  return existsSync(lang.data('abbreviations.json')) ? loadSentenceLexicon(lang).elisions : new Set();
}

export function loadStatementLexicon(lang: Language = english): StatementLexicon {
  const files = [lang.data('statements.json'), lang.data('abbreviations.json')].filter((f) => existsSync(f));
  return compiled(`statements-${lang.code}`, files, moduleFiles(import.meta.url), () => buildStatementLexicon(lang), [PhraseIndex]);
}

function buildStatementLexicon(lang: Language): StatementLexicon {
  const file = lang.data('statements.json');
  const raw = schemas().File.parse(JSON.parse(readFileSync(file, 'utf8')));
  const strong = new Set(raw.strongVerbs);
  const object = new Set(raw.objectVerbs);
  const thatOnly = new Set(raw.thatOnlyVerbs);
  const quoteOnly = new Set(raw.quoteOnlyVerbs);
  const participle = raw.words.participleEndings ?? [];
  const verbs = new PhraseIndex<VerbInfo>();
  for (const [lemma0, forms] of Object.entries(raw.verbs)) {
    if (lemma0.includes('_')) continue; // internal groupings, not verbs
    const lemma = lemma0;
    for (const form of forms) {
      const info: VerbInfo = {
        lemma,
        form,
        strong: strong.has(lemma),
        object: object.has(lemma),
        thatOnly: thatOnly.has(lemma) || !strong.has(lemma),
        participle: endsWithAny(form.split(' ')[0], participle),
        quoteOnly: quoteOnly.has(lemma),
      };
      verbs.add(phraseKeys(form), info);
      // "a-t-il déclaré": the tokenizer keeps a hyphenated word whole, so the form is keyed word by word too
      if (form.includes('-')) verbs.add(form.split(' ').map((w) => normKey(w)), info);
    }
  }
  verbs.seal();
  const elisions = elisionsOf(lang);
  const index = (list: readonly string[]): PhraseIndex<string> => {
    const ix = new PhraseIndex<string>();
    for (const c of list) for (const keys of keyings(c, elisions)) ix.add(keys, c);
    ix.seal();
    return ix;
  };
  const cues = index(raw.sourceCues);
  const anonymity = index(raw.anonymityPhrases);
  const asides = index(raw.asides);
  const affiliationCues = index(raw.affiliationCues);
  // gap words of more than one token ("plus tard", "d'abord") are phrases
  const gapPhrases = index(raw.speakerGap.filter((g) => keyings(g, elisions).some((k) => k.length > 1)));
  return {
    verbs,
    affiliationCues,
    sourceCues: cues,
    anonymity,
    asides,
    that: new Set(raw.that),
    inverted: new Set(raw.invertedVerbs),
    leadingArticle: articleRe(raw.articles),
    statementNouns: new Set(raw.statementNouns),
    skipAfter: new Set(raw.skipAfterVerb),
    gap: new Set(raw.speakerGap),
    gapPhrases,
    determiners: new Set(raw.determiners),
    stops: new Set(raw.subjectStops),
    open: new Set(raw.quotes.open),
    close: new Set(raw.quotes.close),
    minQuoteWords: raw.minQuoteWords,
    pronouns: new Map(Object.entries(raw.speakerPronouns)),
    nonSpeechObjects: new Set(raw.nonSpeechObjects),
    sentenceLead: new Set(raw.sentenceLead),
    subjectVerbs: new Set(raw.subjectVerbs),
    specificBodies: new Set(raw.specificBodies),
    bodyHeadNames: new Map(Object.entries(raw.bodyHeadAlso).map(([h, ws]) => [h, new RegExp(`\\b(?:${[h, ...ws].map(escapeRegExp).join('|')})\\b`, 'i')])),
    sourceNouns: new Set(raw.sourceNouns),
    sourcePreps: new Set(raw.sourcePreps),
    timeWords: new Set(raw.timeWords),
    furniture: raw.furniture.length ? new RegExp(`^(?:${raw.furniture.map(escapeRegExp).join('|')})\\b`) : NEVER,
    w: wordClasses(raw.words, file),
    namedBefore: namedBeforeRe(raw.words.namingPhrases ?? [], raw.words.definiteArticles ?? []),
    possessiveAfter: raw.words.possessiveMarkers?.length ? new RegExp(`^(?:${raw.words.possessiveMarkers.map(escapeRegExp).join('|')})\\b`) : NEVER,
  };
}

/** A text ending in a naming phrase and perhaps a definite article ("... known as the "). */
function namedBeforeRe(phrases: string[], articles: string[]): RegExp {
  if (!phrases.length) return NEVER;
  const spaced = articles.filter((w) => !w.endsWith("'")).map(escapeRegExp);
  const joined = articles.filter((w) => w.endsWith("'")).map(wordRegExp);
  const art = [...(spaced.length ? [`(?:${spaced.join('|')})\\s+`] : []), ...(joined.length ? [`(?:${joined.join('|')})\\s*`] : [])];
  return new RegExp(`(?<![\\p{L}\\p{N}_])(?:${phrases.map(escapeRegExp).join('|')})\\s+${art.length ? `(?:${art.join('|')})?` : ''}$`, 'iu');
}

function articleRe(articles: string[]): RegExp {
  const spaced = articles.filter((w) => !w.endsWith("'")).map(wordRegExp);
  const joined = articles.filter((w) => w.endsWith("'")).map(wordRegExp);
  const alts = [...(spaced.length ? [`(?:${spaced.join('|')})\\s+`] : []), ...(joined.length ? [`(?:${joined.join('|')})\\s*`] : [])];
  return new RegExp(`^(?:${alts.join('|')})`, 'i');
}

