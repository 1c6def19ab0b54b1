// The places stage's word lists (data/en/places.json, data/geo/demonyms.json, data/geo/country-names.json),
// compiled once: sets of lower-case words and multi-word phrases as word arrays matched over tokens.
import { existsSync, readFileSync } from 'node:fs';
import { z } from 'zod';
import { once } from '../../core/once.js';
import { dataPath } from '../../core/paths.js';
import { english, type Language } from '../../lang/index.js';
import { TRANSLIT_FILE } from '../../geo/normalize.js';
import { compiled, moduleFiles } from '../../pipeline/compiled-cache.js';
import { endingOf } from '../endings.js';

/** The lexicon files' schemas, made when a lexicon is built (a start that reads the compiled cache never needs them). */
const schemas = once(() => {
  const Cue = z.object({ id: z.string(), words: z.array(z.string()), kind: z.string(), include: z.boolean().optional(), includeSingular: z.boolean().optional(), endsPhrase: z.boolean().optional() });

  const PlacesFile = z.object({
    connectors: z.array(z.string()),
    /** Lower-case words inside a known name, read only where the gazetteer has a longer name ("Gulf of Aden"). */
    nameBridges: z.array(z.string()).default([]),
    stopNames: z.array(z.string()),
    orgHeadsAfter: z.array(z.string()),
    orgHeadsBefore: z.array(z.string()),
    orgNounsBefore: z.array(z.string()).default([]),
    actorNounsAfter: z.array(z.string()).default([]),
    actorVerbsAfter: z.array(z.string()).default([]),
    actorWordsBefore: z.array(z.string()).default([]),
    speakerVerbs: z.array(z.string()).default([]),
    personTitles: z.array(z.string()),
    cuesAfter: z.array(Cue),
    cuesBefore: z.array(Cue),
    directions: z.array(z.string()),
    proximity: z.array(z.string()),
    relations: z.array(z.string()),
    regionCues: z.array(z.string()),
    regionPrecedingCues: z.array(z.string()),
    cityCues: z.array(z.string()),
    locativePrepositions: z.array(z.string()),
    functionWords: z.array(z.string()),
    unknownPlacePrepositions: z.array(z.string()),
    nameHeads: z.array(z.string()),
    featureTails: z.array(z.string()).default([]),
    qualifiersAfter: z.array(z.string()),
    minUnrelatedForeignPopulation: z.number(),
    minForeignPopulation: z.number(),
    minForeignAltPopulation: z.number(),
    bigPopulation: z.number(),
    /** Countries where a name with an Arabic article ("al-Haal", "el-Bab") is at home: elsewhere such a mention is not matched by dropping it. */
    articleCountries: z.array(z.string()).default([]),
    /** Words between a state and its actor verb ("Washington has accused"). */
    auxiliariesAfter: z.array(z.string()).default([]),
    relativePronouns: z.array(z.string()).default([]),
    territoryNouns: z.array(z.string()).default([]),
    // the language's small word classes the rules test (see "about" in data/en/places.json)
    definiteArticles: z.array(z.string()),
    indefiniteArticles: z.array(z.string()),
    copulativeConjunctions: z.array(z.string()),
    disjunctiveConjunctions: z.array(z.string()),
    genitivePrepositions: z.array(z.string()),
    benefactivePrepositions: z.array(z.string()),
    referencePrepositions: z.array(z.string()),
    containingRelations: z.array(z.string()),
    /** relations that name a direction from the second place, with its bearing in degrees ("east of": 90) */
    relationBearings: z.record(z.string(), z.number()).default({}),
    pluralEndings: z.array(z.string()),
    singularEndings: z.array(z.string()),
    possessiveEndings: z.array(z.string()),
    /** A state acting as an organisation (state-actor.ts). */
    stateActor: z
      .object({
        headsOf: z.array(z.string()).default([]),
        peopleOf: z.array(z.string()).default([]),
        wordsBefore: z.array(z.string()).default([]),
        nounsAfterPossessive: z.array(z.string()).default([]),
        relationNouns: z.array(z.string()).default([]),
        modals: z.array(z.string()).default([]),
        infinitiveSubjectAfter: z.array(z.string()).default([]),
        listOpeners: z.array(z.string()).default([]),
        collectives: z.array(z.string()).default([]),
        determiners: z.array(z.string()).default([]),
        placePrepositions: z.array(z.string()).default([]),
        coordinators: z.array(z.string()).default([]),
        infinitiveMarkers: z.array(z.string()).default([]),
        possessiveClitics: z.array(z.string()).default([]),
        possessiveApostrophes: z.array(z.string()).default([]),
        possessiveApostropheEndings: z.array(z.string()).default([]),
      })
      .default({ headsOf: [], peopleOf: [], wordsBefore: [], nounsAfterPossessive: [], relationNouns: [], modals: [], infinitiveSubjectAfter: [], listOpeners: [], collectives: [], determiners: [], placePrepositions: [], coordinators: [], infinitiveMarkers: [], possessiveClitics: [], possessiveApostrophes: [], possessiveApostropheEndings: [] }),
  });
  return { Cue, PlacesFile };
});

/** The compiled stateActor lists (see data/en/places.json, "about"). */
export interface StateActorLexicon {
  headsOf: Set<string>;
  peopleOf: Set<string>;
  wordsBefore: PhraseList<string>;
  nounsAfterPossessive: Set<string>;
  relationNouns: Set<string>;
  modals: Set<string>;
  infinitiveSubjectAfter: Set<string>;
  listOpeners: PhraseList<string>;
  collectives: Set<string>;
  determiners: Set<string>;
  placePrepositions: Set<string>;
  /** words joining coordinated states ("Russia, Iran and the United States") */
  coordinators: Set<string>;
  /** the infinitive marker after a state that is an infinitive's subject ("for Iraq to obtain") */
  infinitiveMarkers: Set<string>;
  /** a possessive after the state ("Iraq's security forces") */
  possessiveClitics: Set<string>;
  /** a bare apostrophe after a state whose name ends in one of possessiveApostropheEndings ("the United States' message") */
  possessiveApostrophes: Set<string>;
  possessiveApostropheEndings: string[];
}

export interface CueRule {
  id: string;
  words: string[];
  kind: string;
  include: boolean;
  /** a plural cue word (read of cues after a name only) */
  plural: boolean;
  /** the cue counts only where it ends the noun phrase ("in Kaduna state,", "Gezira state on Monday"; not
   * "Syria's state news agency", "Homs state media") */
  endsPhrase: boolean;
}

/** A list of phrases (lower-case word arrays), longest first. */
export class PhraseList<T = string> {
  readonly byFirst = new Map<string, { words: string[]; value: T }[]>();
  readonly byLast = new Map<string, { words: string[]; value: T }[]>();
  add(phrase: string, value: T): void {
    const words = phrase.toLowerCase().split(/\s+/).filter(Boolean);
    if (!words.length) return;
    for (const [map, w] of [[this.byFirst, words[0]], [this.byLast, words[words.length - 1]]] as const) {
      let list = map.get(w);
      if (!list) map.set(w, (list = []));
      list.push({ words, value });
      list.sort((a, b) => b.words.length - a.words.length);
    }
  }
  /** Longest phrase starting at words[i] (forward). */
  matchAt(words: readonly string[], i: number): { len: number; value: T } | null {
    const list = this.byFirst.get(words[i]);
    if (!list) return null;
    for (const p of list) {
      if (i + p.words.length > words.length) continue;
      let ok = true;
      for (let k = 1; k < p.words.length; k++) if (words[i + k] !== p.words[k]) { ok = false; break; }
      if (ok) return { len: p.words.length, value: p.value };
    }
    return null;
  }
  /** Longest phrase ending at words[i] (backward). */
  matchEndingAt(words: readonly string[], i: number): { len: number; value: T } | null {
    const list = this.byLast.get(words[i]);
    if (!list) return null;
    for (const p of list) {
      const s = i - p.words.length + 1;
      if (s < 0) continue;
      let ok = true;
      for (let k = 0; k < p.words.length - 1; k++) if (words[s + k] !== p.words[k]) { ok = false; break; }
      if (ok) return { len: p.words.length, value: p.value };
    }
    return null;
  }
}

export interface PlacesLexicon {
  connectors: Set<string>;
  nameBridges: Set<string>;
  stopNames: Set<string>;
  orgHeadsAfter: Set<string>;
  orgHeadsBefore: Set<string>;
  /** lower-case nouns before a name that make it an organisation's ("news agency Fars") */
  orgNounsBefore: Set<string>;
  /** nouns after a place that make it stand for its state or people ("US airstrikes") */
  actorNounsAfter: Set<string>;
  /** verbs after a country or capital that make it stand for its state ("Washington accuses") */
  actorVerbsAfter: Set<string>;
  /** words before a country or capital that make it an agent ("backed by Russia") */
  actorWordsBefore: PhraseList<string>;
  /** reporting verbs around a speaker's name after a quotation ('," said Russell.', '," Russell said'): a place name there is a person's */
  speakerVerbs: PhraseList<string>;
  /** lower-case given names (data/en/actors/given-names.json, data/en/given-names.json): a given name and a name after it are a person */
  givenNames: Set<string>;
  personTitles: Set<string>;
  demonyms: Set<string>;
  /** demonym (lower-case) → ISO alpha-2 country, where there is one */
  demonymCountry: Map<string, string>;
  articlePrefixes: Set<string>;
  acronyms: Set<string>;
  cuesAfter: PhraseList<CueRule>;
  /** the words of cues that must end their noun phrase (endsPhrase): also read so among regionCues */
  phraseEndCueWords: Set<string>;
  cuesBefore: PhraseList<CueRule>;
  directions: Set<string>;
  proximity: PhraseList<string>;
  relations: PhraseList<string>;
  regionCues: Set<string>;
  regionPrecedingCues: PhraseList<string>;
  cityCues: Set<string>;
  locativePrepositions: Set<string>;
  functionWords: Set<string>;
  unknownPlacePrepositions: Set<string>;
  nameHeads: Set<string>;
  /** last words of a natural feature's name ("Black Sea", "Nile Delta"): before a kind noun ("the Black Sea
   * city of Odesa") the feature says where the place is, it is not the place the noun names */
  featureTails: Set<string>;
  qualifiersAfter: Set<string>;
  minUnrelatedForeignPopulation: number;
  /** every word of any cue (after), to stop a capitalised run there */
  cueWords: Set<string>;
  minForeignPopulation: number;
  minForeignAltPopulation: number;
  bigPopulation: number;
  articleCountries: Set<string>;
  auxiliariesAfter: Set<string>;
  /** relative pronouns after a comma ('Turkey, which backs the rebels, condemned'): the clause is skipped to find the state's verb */
  relativePronouns: Set<string>;
  /** nouns of a state's ground beside a demonym ('on Nigerian territory', 'en territoire nigérian'): an unknown place followed by one is in that country */
  territoryNouns: Set<string>;
  /** the definite articles ("the"), skipped before a place or a cue */
  definiteArticles: Set<string>;
  /** "and", joining the places of a list, given names ("Richard and Lisa Parry"), coordinated states */
  copulativeConjunctions: Set<string>;
  /** the words joining the places of a list besides commas: copulativeConjunctions and the disjunctive ("or") */
  listConjunctions: Set<string>;
  /** "of" between a head and a place ("University of Aleppo", "the Government of Iraq") */
  genitivePrepositions: Set<string>;
  /** "for" between a title or an organisation's name and what it is for ("Minister for the Middle East") */
  benefactivePrepositions: Set<string>;
  /** the last word of a proximity phrase measuring from the place after it ("north of", "km from") */
  referencePrepositions: Set<string>;
  /** the relations that put a place inside the next one ("X in Y"): no qualifier */
  containingRelations: Set<string>;
  /** relations that name a direction from the second place ("X east of Y"), with its bearing */
  relationBearings: Map<string, number>;
  /** endings of a possessive that lost its apostrophe ("Syrias Aleppo") */
  possessiveEndings: string[];
  stateActor: StateActorLexicon;
}

export function loadPlacesLexicon(lang: Language = english): PlacesLexicon {
  const files = [lang.data('places.json'), dataPath('geo', 'demonyms.json'), ...languageDemonymFiles(lang), dataPath('geo', 'country-names.json'), TRANSLIT_FILE(), dataPath('en', 'actors', 'given-names.json'), dataPath('en', 'given-names.json')];
  return compiled(`places-${lang.code}`, files, moduleFiles(import.meta.url), () => buildPlacesLexicon(lang), [PhraseList]);
}

/** The language's own demonym list (data/<lang>/actors/demonyms.json) when it is not English's. */
function languageDemonymFiles(lang: Language): string[] {
  if (lang.code === english.code) return [];
  const f = lang.data('actors', 'demonyms.json');
  return existsSync(f) ? [f] : [];
}

type PlacesData = z.infer<ReturnType<typeof schemas>['PlacesFile']>;

const lower = (xs: string[]) => new Set(xs.map((x) => x.toLowerCase()));

const phrases = (xs: string[]) => {
  const p = new PhraseList<string>();
  for (const x of xs) p.add(x, x);
  return p;
};

/** The cues after and before a name, and every word of the cues after. */
function compileCues(d: PlacesData): Pick<PlacesLexicon, 'cuesAfter' | 'cuesBefore' | 'cueWords' | 'phraseEndCueWords'> {
  const cuesAfter = new PhraseList<CueRule>();
  const cueWords = new Set<string>();
  // a cue word is plural by its ending, unless an indefinite article opens it ("a village")
  const singularOpener = (w: string) => d.indefiniteArticles.some((a) => w.startsWith(a + ' '));
  for (const c of d.cuesAfter) {
    for (const w of c.words) {
      const plural = endingOf(w, d.pluralEndings) !== undefined && endingOf(w, d.singularEndings) === undefined && !singularOpener(w);
      cuesAfter.add(w, { id: c.id, words: c.words, kind: c.kind, include: c.include ?? false, plural, endsPhrase: c.endsPhrase ?? false });
      for (const x of w.split(/\s+/)) cueWords.add(x);
    }
  }
  const cuesBefore = new PhraseList<CueRule>();
  for (const c of d.cuesBefore) for (const w of c.words) cuesBefore.add(w, { id: c.id, words: c.words, kind: c.kind, include: false, plural: false, endsPhrase: false });
  const phraseEndCueWords = new Set(d.cuesAfter.filter((c) => c.endsPhrase).flatMap((c) => c.words.map((w) => w.toLowerCase())));
  return { cuesAfter, cuesBefore, cueWords, phraseEndCueWords };
}

function compileStateActor(sa: PlacesData['stateActor']): StateActorLexicon {
  return {
    headsOf: lower(sa.headsOf),
    peopleOf: lower(sa.peopleOf),
    wordsBefore: phrases(sa.wordsBefore),
    nounsAfterPossessive: lower(sa.nounsAfterPossessive),
    relationNouns: lower(sa.relationNouns),
    modals: lower(sa.modals),
    infinitiveSubjectAfter: lower(sa.infinitiveSubjectAfter),
    listOpeners: phrases(sa.listOpeners),
    collectives: lower(sa.collectives),
    determiners: lower(sa.determiners),
    placePrepositions: lower(sa.placePrepositions),
    coordinators: lower(sa.coordinators),
    infinitiveMarkers: lower(sa.infinitiveMarkers),
    possessiveClitics: lower(sa.possessiveClitics),
    possessiveApostrophes: lower(sa.possessiveApostrophes),
    possessiveApostropheEndings: sa.possessiveApostropheEndings.map((x) => x.toLowerCase()),
  };
}

function buildPlacesLexicon(lang: Language): PlacesLexicon {
  const file = lang.data('places.json');
  const parsed = schemas().PlacesFile.safeParse(JSON.parse(readFileSync(file, 'utf8')));
  if (!parsed.success) throw new Error(`places: ${file} is not valid: ${parsed.error.message}`);
  const d = parsed.data;
  // the English list (GeoNames' and our own), with the language's own demonyms ('syrien', 'nigérian') where it has them
  const demo = JSON.parse(readFileSync(dataPath('geo', 'demonyms.json'), 'utf8')) as { demonyms: Record<string, string | null> };
  for (const f of languageDemonymFiles(lang)) Object.assign(demo.demonyms, (JSON.parse(readFileSync(f, 'utf8')) as { demonyms: Record<string, string | null> }).demonyms);
  const countries = JSON.parse(readFileSync(dataPath('geo', 'country-names.json'), 'utf8')) as { acronyms: string[] };
  // the gazetteer's transliteration table (its keys are built with it), whatever the text's language
  const translit = JSON.parse(readFileSync(TRANSLIT_FILE(), 'utf8')) as { articlePrefixes: string[] };
  // people's given names are read in any language's text: one list
  const given = JSON.parse(readFileSync(dataPath('en', 'actors', 'given-names.json'), 'utf8')) as { names: string[] };
  const englishNames = JSON.parse(readFileSync(dataPath('en', 'given-names.json'), 'utf8')) as { names: string[] };
  const { cuesAfter, cuesBefore, cueWords, phraseEndCueWords } = compileCues(d);
  const relationSet = new Set(d.relations);
  for (const r of d.containingRelations) if (!relationSet.has(r)) throw new Error(`places: ${file}: containingRelations "${r}" is not among the relations`);
  return {
    connectors: lower(d.connectors),
    nameBridges: lower(d.nameBridges),
    stopNames: lower(d.stopNames),
    orgHeadsAfter: lower(d.orgHeadsAfter),
    orgHeadsBefore: lower(d.orgHeadsBefore),
    orgNounsBefore: lower(d.orgNounsBefore),
    actorNounsAfter: lower(d.actorNounsAfter),
    actorVerbsAfter: lower(d.actorVerbsAfter),
    actorWordsBefore: phrases(d.actorWordsBefore),
    speakerVerbs: phrases(d.speakerVerbs),
    givenNames: lower([...given.names, ...englishNames.names]),
    personTitles: lower(d.personTitles),
    demonyms: lower(Object.keys(demo.demonyms)),
    demonymCountry: new Map(Object.entries(demo.demonyms).filter((e): e is [string, string] => !!e[1]).map(([k, v]) => [k.toLowerCase(), v])),
    articlePrefixes: lower(translit.articlePrefixes),
    acronyms: new Set(countries.acronyms),
    cuesAfter,
    phraseEndCueWords,
    cuesBefore,
    directions: lower(d.directions),
    proximity: phrases(d.proximity),
    relations: phrases(d.relations),
    regionCues: lower(d.regionCues),
    regionPrecedingCues: phrases(d.regionPrecedingCues),
    cityCues: lower(d.cityCues),
    locativePrepositions: lower(d.locativePrepositions),
    functionWords: lower(d.functionWords),
    unknownPlacePrepositions: lower(d.unknownPlacePrepositions),
    nameHeads: lower(d.nameHeads),
    featureTails: lower(d.featureTails),
    qualifiersAfter: lower(d.qualifiersAfter),
    minUnrelatedForeignPopulation: d.minUnrelatedForeignPopulation,
    cueWords,
    minForeignPopulation: d.minForeignPopulation,
    minForeignAltPopulation: d.minForeignAltPopulation,
    bigPopulation: d.bigPopulation,
    articleCountries: new Set(d.articleCountries),
    auxiliariesAfter: lower(d.auxiliariesAfter),
    relativePronouns: lower(d.relativePronouns),
    territoryNouns: lower(d.territoryNouns),
    definiteArticles: lower(d.definiteArticles),
    copulativeConjunctions: lower(d.copulativeConjunctions),
    listConjunctions: lower([...d.copulativeConjunctions, ...d.disjunctiveConjunctions]),
    genitivePrepositions: lower(d.genitivePrepositions),
    benefactivePrepositions: lower(d.benefactivePrepositions),
    referencePrepositions: lower(d.referencePrepositions),
    containingRelations: new Set(d.containingRelations),
    relationBearings: new Map(Object.entries(d.relationBearings)),
    possessiveEndings: d.possessiveEndings.map((x) => x.toLowerCase()),
    stateActor: compileStateActor(d.stateActor),
  };
}
