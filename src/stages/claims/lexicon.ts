// The claims lexicon: data/en/claims/lexicon.json compiled once into phrase tables keyed by first token.
import { existsSync, readFileSync } from 'node:fs';
import type { ClaimCategory } from '../../core/types.js';
import { english, type Language } from '../../lang/index.js';
import { PhraseTable } from './phrases.js';
import { escapeRegExp } from '../../core/regex.js';
import { compiled, moduleFiles } from '../../pipeline/compiled-cache.js';
import type { Raw } from './lexicon-file.js';

export { PhraseTable, type Phrase } from './phrases.js';

export interface ClaimsLexicon {
  before: PhraseTable<ClaimCategory>;
  after: PhraseTable<ClaimCategory>;
  noun: PhraseTable<ClaimCategory>;
  of: PhraseTable<ClaimCategory>;
  people: Set<string>;
  vehicles: Set<string>;
  vehicleTails: Set<string>;
  /** nouns without a plural ending that count animals or things ("hundreds of cattle", "des centaines de têtes de bétail") */
  thingNouns: Set<string>;
  /** words of a share of a whole ("half", "third", "per cent") */
  proportionWords: Set<string>;
  /** "based in", "headquartered in" right before a place (compiled: the text before it ends so), or null */
  seatedIn: RegExp | null;
  /** place qualifiers that make it the region around its name ("countryside", "rural") */
  regionQualifiers: Set<string>;
  /** nouns after a vehicle word that make it a modifier of something else ("two car bombings") */
  vehicleEventTails: Set<string>;
  /** "the toll rose from 12 to 45": the words that open and join the two figures (two claims) */
  tollRangeFrom: Set<string>;
  tollRangeTo: Set<string>;
  /** toll links that must follow the toll word at once ("a toll of 52", not "a toll ... coasts of a dozen") */
  tollLinkAdjacent: Set<string>;
  vehicleBefore: PhraseTable<true>;
  vehicleAfterPassive: PhraseTable<true>;
  vehicleAfter: PhraseTable<true>;
  passiveAux: Set<string>;
  /** plural auxiliaries after a name ("Roe and Doe were arrested"): a name in a list, not a count of one */
  pluralAux: Set<string>;
  inheritGap: Set<string>;
  nestedJoin: PhraseTable<true>;
  topicBreaks: PhraseTable<true>;
  /** before the current news ("five years after", "last year"): no source carries over */
  pastCues: PhraseTable<true>;
  /** before a singular count: one already told of, described again ("identified as") */
  restating: PhraseTable<true>;
  /** "home to 450,000 people": the residents of a place (residents.ts) */
  residentCues: PhraseTable<true>;
  placeHitWords: Set<string>;
  /** "a father of three": the count after it describes one person */
  parentOf: PhraseTable<true>;
  /** before a figure: the toll's earlier figure ("up from 31") */
  previousFigure: PhraseTable<true>;
  notNouns: Set<string>;
  peopleOverrides: PhraseTable<true>;
  possessives: Set<string>;
  figureVerbs: Set<string>;
  figureObjects: Set<string>;
  figureVerbsNear: Set<string>;
  figureVerbReach: number;
  subjectSkip: Set<string>;
  nameComplement: Set<string>;
  nameArticles: Set<string>;
  appositionOpeners: Set<string>;
  placePrepositions: Set<string>;
  distanceUnits: Set<string>;
  relativeWords: Set<string>;
  /** relative adverbs of place ("where"): a count in their clause takes no category from the count before */
  placeRelatives: Set<string>;
  careNouns: Set<string>;
  careTo: Set<string>;
  venueNouns: Set<string>;
  skipBeforeGroup: Set<string>;
  partitiveThem: Set<string>;
  groupJoin: Set<string>;
  groupJoinSkip: Set<string>;
  groupOf: PhraseTable<true>;
  beforeSkip: Set<string>;
  aux: Set<string>;
  stops: Set<string>;
  ellipsisNext: Set<string>;
  dayPrepositions: Set<string>;
  countCopulas: Set<string>;
  countPronouns: Set<string>;
  inclusion: PhraseTable<true>;
  tollWords: PhraseTable<true>;
  tollLink: Set<string>;
  hedges: PhraseTable<true>;
  pluralWithoutS: Set<string>;
  /** predicates a named person takes without an auxiliary ("Smith died"); optional per language */
  namedIntransitive: PhraseTable<true>;
  /** lower-case given names (the language's given-names.json, when it has one): "Robert was killed" */
  givenNames: Set<string>;
  /** a noun of what happened before "of" and a name: "the assassination of the general Jane Roe" */
  namedOf: PhraseTable<ClaimCategory>;
  namedOfLink: Set<string>;
  /** "the bodies of (the) 30", "la mort de « 60 »": the link word and what may stand between it and the number */
  ofLink: Set<string>;
  /** punctuation that opens the breakdown of a count ("8 dead among the forces: 2 gendarmes and 6 soldiers") */
  breakdownOpeners: Set<string>;
  /** the relative word after a person ("a man who tried to cross the river and drowned") */
  relativeWho: Set<string>;
  /** the possessive ending as its own token ("the group 's commander") */
  possessiveMarks: Set<string>;
  /** toll words for killed and injured together ("the casualties rose to 167", "casualties were in the hundreds") */
  casualtyTollWords: PhraseTable<true>;
  crowdTollWords: PhraseTable<true>;
  /** modifiers that say the counted victims lived ("four of the surviving victims": injured, not killed) */
  survivorModifiers: Set<string>;
  /** the dead counted as bodies: never trapped or injured, whatever the rescue phrase after them says */
  bodyNouns: Set<string>;
  /** counted nouns that are events of harm ("17 murders", "1,102 disappearances"): the noun names the category */
  eventCountNouns: Set<string>;
  /** nouns a number labels rather than counts ("a grade 9 student", "Route 66") */
  labelNouns: Set<string>;
  /** counted words that name a category only when nothing else in the clause does ("18 patients": injured) */
  weakNoun: PhraseTable<ClaimCategory>;
  /** cues of 'other' that still count a named person ("Jane Roe was charged": GUIDELINES, charged is other) */
  namedOtherCues: PhraseTable<true>;
  /** the word of a passive's agent: "were attended by thousands" counts the agent, so the passive stays */
  agentMarkers: Set<string>;
  ofSkip: Set<string>;
  /** "another" standing for one more person ("and another died"); words before it that block that ("one another") */
  standIns: Set<string>;
  standInBlockers: Set<string>;
  /** subject pronouns that may carry a named person's worse harm ("he was later pronounced dead") */
  pronounSubjects: Set<string>;
  /** participles of death that make a bare singular noun a count of one ("drowned Syrian toddler") */
  bareVictimModifiers: Set<string>;
  /** words before such a participle that make it a re-mention ("the murdered journalist") */
  determiners: Set<string>;
  /** capitalised words that start a sentence but never a name ("Nobody was hurt", "Police were...") */
  notNames: Set<string>;
  /** a toll that passes a figure is above it ("topped 300": 301 or more); one that nears it is within a tenth below */
  tollAbove: Set<string>;
  tollBelow: Set<string>;
  /** before-cues that yield to a predicate after the count ("claimed 70 were wounded") */
  weakBefore: Set<string>;
  /** words a speaker span can be that name no source ("reports", "data", "total") */
  notSources: Set<string>;
  /** a bare number pointing back at a group counted earlier (category/reference.ts): "the 36", "the other
   * three", "Of the 18, only two"; the words that may follow it, and those between the partitive and it */
  referenceArticles: Set<string>;
  referenceRest: Set<string>;
  /** nouns of a figure given for a count just told, another's estimate of it ("police put the figure at 20,000") */
  referenceFigures: PhraseTable<true>;
  /** clause words that are adverbs right after an auxiliary ("had since fled"; French lists "depuis" among its auxiliaries) */
  auxAdverbs: Set<string>;
  referenceNext: Set<string>;
  referenceSkip: Set<string>;
  partitiveOpeners: PhraseTable<true>;
  /** words before an age ("between the ages of 14 and 18"), and those joining the two ages of a range */
  agePrefixes: PhraseTable<true>;
  ageRangeJoin: Set<string>;
  /** words that open a new clause after a single vehicle: what follows happened to something else */
  vehicleClauseBreaks: Set<string>;
  /** reflexive pronouns inside a relative clause ("who had himself been shot") */
  reflexives: Set<string>;
  /** "all but one of the sixteen": the words before the part left out (allbut.ts) */
  allButOpeners: PhraseTable<true>;
  /** "the 12 people killed were children": a verb after the whole's participle that makes it the whole's own
   * (the part's predicate is then what follows; "90 of the 200 residents died" has none) */
  partitiveWholeVerbs: Set<string>;
  /** first words of a cue before the count that makes it a part of a whole already counted ("among the dead were") */
  partCueHeads: Set<string>;
  /** nouns of harm that name the dead unless a predicate says they were hurt ("Seven victims were taken to hospital") */
  livingVictimNouns: Set<string>;
  /** words opening a relative clause of the whole's own ("the 276 schoolgirls it had abducted") */
  partitiveWholeRelatives: Set<string>;
  /** "by the hundreds": a vague count as a manner adverb (category/reference.ts) */
  mannerOpeners: PhraseTable<true>;
  /** verbs by which a source gives the names of those a count holds ("released the names"): its subject is their source */
  namesReleased: PhraseTable<true>;
  /** the marker of an infinitive: "to find and arrest a person" tells no event, nothing happened to one */
  infinitiveMarkers: Set<string>;
  /** "the ambulance took away two students": carriers of care and their verbs of carrying (category/before.ts) */
  careCarriers: Set<string>;
  carryVerbs: PhraseTable<true>;
  /** "a bus carrying 45 passengers": travellers carried on board are counted (other), not displaced (category/index.ts) */
  travellers: Set<string>;
  /** "… with 1,293 deaths, followed by Taroudant": a place after these words is the next item's (place.ts);
   * null when the language lists none */
  nextItem: RegExp | null;
  /** heads of a subject no actor marks that may give a figure ("the health ministry put the toll at") */
  subjectHeads: Set<string>;
  /** "bringing the total to 112": a total after a count of its sentence counts the same (category/index.ts) */
  totalWords: Set<string>;
  carryingCues: Set<string>;
  /** "five members of one family": the word one, the words before it and the kin nouns after it that make it "the same" */
  sameOne: Set<string>;
  sameOneBefore: Set<string>;
  kinGroups: Set<string>;
  /** "a", "an": an article that counts one ("a woman was killed"), never a noun of the group */
  indefiniteArticles: Set<string>;
  /** "the": "185 The Kurdish-led forces" is no group unless "of" came first ("18 of the fighters") */
  definiteArticles: Set<string>;
  /** the indefinite and definite articles together ("killed the guard", "killed a guard": an object) */
  articles: Set<string>;
  /** the word joining two nouns or names ("women and children", "Jane Roe and John Doe") */
  coordinators: Set<string>;
  /** after a coordinator, words saying the first group is one of a kind ("three tanks and other armoured vehicles") */
  otherDeterminers: Set<string>;
  /** a determiner that counts one more ("a father and another son") */
  anotherDeterminers: Set<string>;
  /** what may stand between two listed verbs ("kills, injures", "killed and wounded", "killed or wounded") */
  verbListJoins: Set<string>;
  /** word endings of a plural noun ("villagers", "buses"); the singular is the word without one */
  pluralEndings: string[];
  /** endings of a verb form right after a group ("eleven others experienced"): a verb of the group's own, not a modifier */
  participleEndings: string[];
  /** the ending of a present participle ("killing"): an active verb, never a passive's */
  presentParticipleEndings: string[];
}

const table = (words: string[]) => {
  const t = new PhraseTable<true>();
  for (const w of words) t.add(w, true);
  return t;
};

/** Phrases by category ({ killed: [...], injured: [...] }) as one table answering the category. */
function categoryTable(byCategory: Record<string, string[]>): PhraseTable<ClaimCategory> {
  const t = new PhraseTable<ClaimCategory>();
  for (const [cat, words] of Object.entries(byCategory)) for (const w of words) t.add(w, cat as ClaimCategory);
  return t;
}

export function compileClaimsLexicon(raw: Raw): ClaimsLexicon {
  const before = new PhraseTable<ClaimCategory>();
  const after = new PhraseTable<ClaimCategory>();
  const noun = new PhraseTable<ClaimCategory>();
  const of = new PhraseTable<ClaimCategory>();
  for (const [cat, roles] of Object.entries(raw.cues)) {
    const c = cat as ClaimCategory;
    for (const w of roles.before) before.add(w, c);
    for (const w of roles.after) after.add(w, c);
    for (const w of roles.noun) noun.add(w, c);
    for (const w of roles.of) of.add(w, c);
  }
  return {
    before,
    after,
    noun,
    of,
    people: new Set(raw.peopleNouns),
    vehicles: new Set(raw.vehicleNouns),
    vehicleTails: new Set(raw.vehicleTails),
    thingNouns: new Set(raw.thingNouns ?? []),
    proportionWords: new Set(raw.proportionWords ?? []),
    // (past an article of a name: "based in the UK")
    seatedIn: raw.seatedIn?.length ? new RegExp(`(?:^|[^\\p{L}])(?:${raw.seatedIn.map(escapeRegExp).join('|')})\\s+(?:(?:${(raw.nameArticles ?? []).map(escapeRegExp).join('|') || '(?!)'})\\s+)?$`, 'iu') : null,
    regionQualifiers: new Set(raw.regionQualifiers ?? []),
    vehicleEventTails: new Set(raw.vehicleEventTails ?? []),
    tollRangeFrom: new Set(raw.tollRangeFrom ?? []),
    tollRangeTo: new Set(raw.tollRangeTo ?? []),
    tollLinkAdjacent: new Set(raw.tollLinkAdjacent ?? []),
    vehicleBefore: table(raw.vehicleBefore),
    vehicleAfterPassive: table(raw.vehicleAfterPassive),
    vehicleAfter: table(raw.vehicleAfter),
    passiveAux: new Set(raw.passiveAux),
    pluralAux: new Set(raw.pluralAux ?? []),
    inheritGap: new Set(raw.inheritGap),
    nestedJoin: table(raw.nestedJoin),
    topicBreaks: table(raw.topicBreaks),
    pastCues: table(raw.pastCues ?? []),
    restating: table(raw.restating ?? []),
    parentOf: table(raw.parentOf ?? []),
    residentCues: table(raw.residentCues ?? []),
    placeHitWords: new Set(raw.placeHitWords ?? []),
    previousFigure: table(raw.previousFigure ?? []),
    notNouns: new Set(raw.notNouns),
    peopleOverrides: table(raw.peopleOverrides),
    possessives: new Set(raw.possessives),
    figureVerbs: new Set(raw.figureVerbs),
    figureObjects: new Set(raw.figureObjects ?? []),
    figureVerbsNear: new Set(raw.figureVerbsNear ?? []),
    figureVerbReach: raw.figureVerbReach ?? Infinity,
    subjectSkip: new Set(raw.subjectSkip),
    nameComplement: new Set(raw.nameComplement ?? []),
    nameArticles: new Set(raw.nameArticles ?? []),
    appositionOpeners: new Set(raw.appositionOpeners ?? []),
    placePrepositions: new Set(raw.placePrepositions ?? []),
    distanceUnits: new Set(raw.distanceUnits ?? []),
    relativeWords: new Set(raw.relativeWords ?? []),
    placeRelatives: new Set(raw.placeRelatives ?? []),
    careNouns: new Set(raw.careNouns ?? []),
    careTo: new Set(raw.careTo ?? []),
    venueNouns: new Set(raw.venueNouns ?? []),
    skipBeforeGroup: new Set(raw.skipBeforeGroup),
    partitiveThem: new Set(raw.partitiveThem),
    groupJoin: new Set(raw.groupJoin),
    groupJoinSkip: new Set(raw.groupJoinSkip),
    groupOf: table(raw.groupOf),
    beforeSkip: new Set(raw.beforeSkip),
    aux: new Set(raw.aux),
    stops: new Set(raw.stops),
    ellipsisNext: new Set(raw.ellipsisNext),
    dayPrepositions: new Set(raw.dayPrepositions ?? []),
    countCopulas: new Set(raw.countCopulas ?? []),
    countPronouns: new Set(raw.countPronouns ?? []),
    inclusion: table(raw.inclusion),
    tollWords: table(raw.tollWords),
    tollLink: new Set(raw.tollLink),
    hedges: table(raw.hedges),
    pluralWithoutS: new Set(raw.pluralWithoutS),
    namedIntransitive: table(raw.namedIntransitive ?? []),
    givenNames: new Set(raw.givenNames ?? []),
    notNames: new Set(raw.notNames ?? []),
    namedOfLink: new Set(raw.namedOfLink ?? []),
    ofLink: new Set(raw.ofLink ?? []),
    breakdownOpeners: new Set(raw.breakdownOpeners ?? []),
    relativeWho: new Set(raw.relativeWho ?? []),
    possessiveMarks: new Set(raw.possessiveMarks ?? []),
    casualtyTollWords: table(raw.casualtyTollWords ?? []),
    crowdTollWords: table(raw.crowdTollWords ?? []),
    survivorModifiers: new Set(raw.survivorModifiers ?? []),
    bodyNouns: new Set(raw.bodyNouns ?? []),
    eventCountNouns: new Set(raw.eventCountNouns ?? []),
    labelNouns: new Set(raw.labelNouns ?? []),
    weakNoun: categoryTable(raw.weakNouns ?? {}),
    namedOtherCues: table(raw.namedOtherCues ?? []),
    agentMarkers: new Set(raw.agentMarkers ?? []),
    ofSkip: new Set(raw.ofSkip ?? []),
    standIns: new Set(raw.standIns ?? []),
    standInBlockers: new Set(raw.standInBlockers ?? []),
    pronounSubjects: new Set(raw.pronounSubjects ?? []),
    bareVictimModifiers: new Set(raw.bareVictimModifiers ?? []),
    determiners: new Set(raw.determiners ?? []),
    namedOf: categoryTable(raw.namedOf ?? {}),
    tollAbove: new Set(raw.tollAbove ?? []),
    tollBelow: new Set(raw.tollBelow ?? []),
    weakBefore: new Set(raw.weakBefore ?? []),
    notSources: new Set(raw.notSources ?? []),
    referenceArticles: new Set(raw.referenceArticles ?? []),
    referenceRest: new Set(raw.referenceRest ?? []),
    referenceFigures: table(raw.referenceFigures ?? []),
    auxAdverbs: new Set(raw.auxAdverbs ?? []),
    referenceNext: new Set(raw.referenceNext ?? []),
    referenceSkip: new Set(raw.referenceSkip ?? []),
    partitiveOpeners: table(raw.partitiveOpeners ?? []),
    agePrefixes: table(raw.agePrefixes ?? []),
    ageRangeJoin: new Set(raw.ageRangeJoin ?? []),
    vehicleClauseBreaks: new Set(raw.vehicleClauseBreaks ?? []),
    reflexives: new Set(raw.reflexives ?? []),
    allButOpeners: table(raw.allButOpeners ?? []),
    partitiveWholeVerbs: new Set(raw.partitiveWholeVerbs ?? []),
    partCueHeads: new Set(raw.partCueHeads ?? []),
    livingVictimNouns: new Set(raw.livingVictimNouns ?? []),
    partitiveWholeRelatives: new Set(raw.partitiveWholeRelatives ?? []),
    mannerOpeners: table(raw.mannerOpeners ?? []),
    namesReleased: table(raw.namesReleased ?? []),
    infinitiveMarkers: new Set(raw.infinitiveMarkers ?? []),
    careCarriers: new Set(raw.careCarriers ?? []),
    carryVerbs: table(raw.carryVerbs ?? []),
    travellers: new Set(raw.travellers ?? []),
    nextItem: raw.nextItem?.length ? new RegExp(`(?:^|[^\\p{L}])(?:${raw.nextItem.map(escapeRegExp).join('|')})(?![\\p{L}])`, 'iu') : null,
    subjectHeads: new Set(raw.subjectHeads ?? []),
    totalWords: new Set(raw.totalWords ?? []),
    carryingCues: new Set(raw.carryingCues ?? []),
    sameOne: new Set(raw.sameOne ?? []),
    sameOneBefore: new Set(raw.sameOneBefore ?? []),
    kinGroups: new Set(raw.kinGroups ?? []),
    indefiniteArticles: new Set(raw.indefiniteArticles ?? []),
    definiteArticles: new Set(raw.definiteArticles ?? []),
    articles: new Set([...(raw.indefiniteArticles ?? []), ...(raw.definiteArticles ?? [])]),
    coordinators: new Set(raw.coordinators ?? []),
    otherDeterminers: new Set(raw.otherDeterminers ?? []),
    anotherDeterminers: new Set(raw.anotherDeterminers ?? []),
    verbListJoins: new Set(raw.verbListJoins ?? []),
    pluralEndings: raw.pluralEndings ?? [],
    participleEndings: raw.participleEndings ?? [],
    presentParticipleEndings: raw.presentParticipleEndings ?? [],
  };
}

export function loadClaimsLexicon(lang: Language = english): ClaimsLexicon {
  const files = [lang.data('claims', 'lexicon.json'), lang.data('claims', 'demonyms.json'), lang.data('given-names.json')];
  return compiled(`claims-${lang.code}`, files, moduleFiles(import.meta.url), () => buildClaimsLexicon(lang), [PhraseTable]);
}

function buildClaimsLexicon(lang: Language): ClaimsLexicon {
  const raw = JSON.parse(readFileSync(lang.data('claims', 'lexicon.json'), 'utf8')) as Raw;
  const demonyms = JSON.parse(readFileSync(lang.data('claims', 'demonyms.json'), 'utf8')) as { plurals: string[] };
  raw.peopleNouns = [...raw.peopleNouns, ...demonyms.plurals];
  const given = lang.data('given-names.json');
  if (existsSync(given)) raw.givenNames = (JSON.parse(readFileSync(given, 'utf8')) as { names: string[] }).names;
  return compileClaimsLexicon(raw);
}
