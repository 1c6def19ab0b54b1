// The shape of data/<lang>/claims/lexicon.json as read from the file (lexicon.ts compiles it into ClaimsLexicon).

export interface Raw {
  cues: Record<string, { before: string[]; after: string[]; noun: string[]; of: string[] }>;
  peopleNouns: string[];
  vehicleNouns: string[];
  vehicleTails: string[];
  /** nouns without a plural ending that count animals or things, never people ("hundreds of cattle") */
  thingNouns?: string[];
  /** words of a share of a whole ("half", "a third"): an apposition holding one before the verb group is skipped */
  proportionWords?: string[];
  /** words before a place that say where a body is seated ("based in"): that place is no count's */
  seatedIn?: string[];
  /** place qualifiers that make it the region around its name ("Damascus Countryside", "rural Idlib") */
  regionQualifiers?: string[];
  vehicleBefore: string[];
  vehicleAfterPassive: string[];
  vehicleAfter: string[];
  passiveAux: string[];
  pluralAux?: string[];
  inheritGap: string[];
  nestedJoin: string[];
  topicBreaks: string[];
  /** words before a figure that make it a toll's earlier figure ("up from 31") */
  previousFigure?: string[];
  /** words before a singular count that describe again one already told of ("identified as a 22-year-old man") */
  restating?: string[];
  /** words right before a count of a place's residents ("home to", "housing"), and the words of the sentence that
   * say the place was hit (then the residents are affected, else a population: other; GUIDELINES' edge case) */
  residentCues?: string[];
  placeHitWords?: string[];
  /** words before a count that make it a description of one person ("a father of three", "mère de six enfants"):
   * no count of its own */
  parentOf?: string[];
  /** words anywhere before a count that put it before the current news ("five years after", "last year"): no source carries over to it */
  pastCues?: string[];
  notNouns: string[];
  peopleOverrides: string[];
  possessives: string[];
  figureVerbs: string[];
  /** nouns of a figure ("toll", "number"): a figure verb of `figureVerbsNear` (one of many senses: "set", "put") more
   * than `figureVerbReach` words before the count must have one between ("put the death toll at 9"; not "set part of
   * the parliament on fire as police opened fire, killing several") */
  figureObjects?: string[];
  figureVerbsNear?: string[];
  figureVerbReach?: number;
  /** words between a figure verb's subject and the verb: adverbs, weekdays, and a count's noun after the body that
   * made it ("An AFP tally puts the toll at 19") */
  subjectSkip: string[];
  /** words that tie a name to the phrase before it, so that it is not a figure verb's subject ("Council of the Philippines") */
  nameComplement?: string[];
  /** articles that may stand between such a word and the name */
  nameArticles?: string[];
  /** words opening an apposition after a speaker (", a spokesperson for the agency"): the report still reaches
   * the end of its sentence */
  appositionOpeners?: string[];
  /** words before a place that make it where something happened ("in", "near"): a foreign country without one is an actor ("after the US and Russia announced") */
  placePrepositions?: string[];
  /** units of distance: a place after "…, 25 km west of" is measured from, not where a count is */
  distanceUnits?: string[];
  /** relative pronouns: a count in "…, which counted N" after a speaker is theirs */
  relativeWords?: string[];
  placeRelatives?: string[];
  /** places of care: people moved to one ("transferred to other hospitals") are injured, not displaced */
  careNouns?: string[];
  /** the words before such a place that say it is where they were taken ("to", "into") */
  careTo?: string[];
  /** where something was said, before a preposition of place ("a briefing in Geneva", "told reporters in Kyiv",
   * "un point de presse à Genève"): the place is the statement's, not a count's */
  venueNouns?: string[];
  skipBeforeGroup: string[];
  partitiveThem: string[];
  groupJoin: string[];
  groupJoinSkip: string[];
  groupOf: string[];
  beforeSkip: string[];
  aux: string[];
  stops: string[];
  ellipsisNext: string[];
  /** copulas between a people noun (or a pronoun) and their number ("Les manifestants étaient 20 000", "The dead
   * numbered 40"), and the pronouns that may stand for those people ("Ils étaient 3 500") */
  countCopulas?: string[];
  countPronouns?: string[];
  /** the preposition before a day ("on Thursday"): an aside between a claim and a bare figure after it */
  dayPrepositions?: string[];
  inclusion: string[];
  tollWords: string[];
  tollLink: string[];
  hedges: string[];
  pluralWithoutS: string[];
  namedIntransitive?: string[];
  tollAbove?: string[];
  tollBelow?: string[];
  weakBefore?: string[];
  notSources?: string[];
  vehicleEventTails?: string[];
  tollRangeFrom?: string[];
  tollRangeTo?: string[];
  tollLinkAdjacent?: string[];
  notNames?: string[];
  givenNames?: string[];
  namedOf?: Record<string, string[]>;
  namedOfLink?: string[];
  ofLink?: string[];
  breakdownOpeners?: string[];
  relativeWho?: string[];
  possessiveMarks?: string[];
  casualtyTollWords?: string[];
  /** a crowd's size put at a figure ("organisers put the turnout at 100,000"): a count of people, `other` */
  crowdTollWords?: string[];
  survivorModifiers?: string[];
  bodyNouns?: string[];
  eventCountNouns?: string[];
  labelNouns?: string[];
  weakNouns?: Record<string, string[]>;
  namedOtherCues?: string[];
  agentMarkers?: string[];
  ofSkip?: string[];
  standIns?: string[];
  standInBlockers?: string[];
  pronounSubjects?: string[];
  bareVictimModifiers?: string[];
  determiners?: string[];
  referenceArticles?: string[];
  referenceRest?: string[];
  referenceFigures?: string[];
  auxAdverbs?: string[];
  referenceNext?: string[];
  referenceSkip?: string[];
  partitiveOpeners?: string[];
  agePrefixes?: string[];
  ageRangeJoin?: string[];
  vehicleClauseBreaks?: string[];
  reflexives?: string[];
  allButOpeners?: string[];
  partitiveWholeVerbs?: string[];
  partCueHeads?: string[];
  livingVictimNouns?: string[];
  partitiveWholeRelatives?: string[];
  mannerOpeners?: string[];
  namesReleased?: string[];
  infinitiveMarkers?: string[];
  careCarriers?: string[];
  carryVerbs?: string[];
  travellers?: string[];
  nextItem?: string[];
  subjectHeads?: string[];
  totalWords?: string[];
  carryingCues?: string[];
  sameOne?: string[];
  sameOneBefore?: string[];
  kinGroups?: string[];
  indefiniteArticles?: string[];
  definiteArticles?: string[];
  coordinators?: string[];
  otherDeterminers?: string[];
  anotherDeterminers?: string[];
  verbListJoins?: string[];
  pluralEndings?: string[];
  participleEndings?: string[];
  presentParticipleEndings?: string[];
}
