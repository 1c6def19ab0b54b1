// The events lexicon: triggers (data/en/events.json) and the decisions made per happening
// (data/en/events-decide.json). All of the stage's data is read here, in one place.
import { readFileSync } from 'node:fs';
import { english } from '../../lang/index.js';
import { phrase, type Phrase } from './match.js';
import { NEVER, wordRegExp } from '../../core/regex.js';

interface RawRule {
  id: string;
  type: string;
  subtype: string;
  priority: number;
  triggers: string[];
  unless?: string[];
  unless_before?: string[];
  /** nouns that cancel a trigger as its object, within four words after it ("stormed the crowded hotel": a
   * building stormed is no territory taken) */
  unless_object?: string[];
  /** words that keep such a trigger all the same, anywhere in the sentence (a crowd that storms a building: the
   * crowd-storms cascade makes it a riot) */
  object_kept_by?: string[];
  needs_actor_kind?: 'government';
  needs_claim?: string[];
  needs_words?: string[];
  /** both needs_claim and needs_words must be met (else either one is enough) */
  needs_all?: boolean;
  /** the rule's triggers count only in a sentence with no other rule's trigger */
  yields?: boolean;
  /** needs_words are also met by a place below country level in the sentence */
  or_place?: boolean;
  /** a movement away (evacuation, flight): with no "from X", the place of those who left is its origin */
  leaving?: boolean;
  /** only with a claim of needs_claim's categories starting within three words after the trigger (its object) */
  object_claim?: boolean;
  /** a reference to its trigger ("in the attacks") is to a happening of any of these types already told */
  refers_to?: string[];
}

export interface EventRule extends Omit<RawRule, 'triggers' | 'unless' | 'unless_before' | 'unless_object' | 'object_kept_by'> {
  triggers: Phrase[];
  unless: Phrase[];
  unlessBefore: Phrase[];
  unlessObject: ReadonlySet<string>;
  objectKeptBy: ReadonlySet<string>;
}

/** A rule of the type cascade: when it applies to a happening, the happening takes its type. */
export interface CascadeRule {
  id: string;
  from: string[];
  subtype?: string;
  /** one of these must occur in the happening's sentences */
  words?: Phrase[];
  /** and one of these too */
  alsoWords?: Phrase[];
  /** none of these may occur in them */
  withoutWords?: Phrase[];
  /** actor 1 must be of this side (nonstate: named, and not the state's; not_state: nonstate or unnamed) */
  actor1?: 'state' | 'nonstate' | 'not_state';
  /** actor 2, or a word of the victim, must be one of these */
  victimWords?: Phrase[];
  /** a word of actor 1's or actor 2's name must be one of these ("protester" clashing with police) */
  sideWords?: ReadonlySet<string>;
  to: { type: string; subtype: string };
}

/** A sub-type that belongs to another happening (of one of `into`) rather than being its own. */
export interface AbsorbRule {
  id: string;
  type?: string;
  subtype: string;
  words?: Phrase[];
  into: string[];
  /** sentence: the host in the same sentence; next: in it or the one before; article: anywhere */
  scope: 'sentence' | 'next' | 'article';
}

export interface RoleWords {
  perpetrators: Set<string>;
  /** heads of a count of people as a whole ("18 people", "the dead"): the toll, over counts of groups named apart */
  tollHeads: Set<string>;
  forces: Set<string>;
  crowds: Set<string>;
  /** crowds that protest ("protesters", "manifestants"): shot by the state side of their sentence */
  protesters: Set<string>;
  people: Set<string>;
  victims: Set<string>;
  passiveAux: Set<string>;
  oneDeath: Phrase[];
  reportVerbs: Set<string>;
  /** words before a nominal trigger ("in a shooting", "reports of the attack"): its clause's subject did not do it */
  nominalBefore: Set<string>;
  /** determiners allowed between such a word and the trigger */
  nominalDeterminers: Set<string>;
  /** heads that are a quantity, not a group ("thousands", "dozens") */
  quantityHeads: Set<string>;
  /** verbs of harm whose subject did what a nominal trigger after their object names ("killed 15 soldiers in an ambush") */
  harmVerbs: Set<string>;
  /** auxiliaries of the perfect that may stand between such a subject and its verb ("have killed", "ont tué") */
  perfectAux: Set<string>;
  /** words right after a noun trigger that make the armed side after them its agent ("des bombardements des FSR",
   * "une attaque de l'armée"); English says "by" (agentPreps) or puts the side first */
  agentGenitives: Set<string>;
  /** subject pronouns that open a reported clause and stand for the reporter ("The army said it had killed") */
  reportedPronouns: Set<string>;
  /** the auxiliary of a perfect infinitive after a verb of report ("claimed to have killed", "a indiqué avoir tué"),
   * and the markers that may stand before it ("to", "d'") */
  reportedInfinitives: Set<string>;
  infinitiveMarkers: Set<string>;
}

/** The word classes of events.json's `words`, each with what it holds; a class a language does not list is empty. */
export const EVENT_WORD_CLASSES = {
  clauseStops: "words that bound a trigger's clause (\"that\", \"after\", \"because\"); ';' and ':' always do",
  clauseOpenersOnly: "clause words that open a clause before a trigger but do not end one after it (\"as\")",
  standingPopulations: "first words of a counted group of people displaced before (\"thousands of displaced people\" a school houses): a population, not a movement",
  concurrentOpeners: "words opening a clause, after a comma, that tells what went on meanwhile (\", as fighting raged\"): a trigger in it takes no count told before the comma",
  definiteArticles: "definite articles",
  capitalNouns: "the noun of a country's capital, named with the country's demonym (\"the Somali capital\"): the event is placed at that capital",
  leadAdverbs: "adverbs that open a sentence, capitalised there (\"Meanwhile army units shelled\"): no part of the name before a role noun",
  agentPreps: "the preposition that names who acted (\"shot by police\", \"killed by a bomb\")",
  rivalAdjectives: "adjectives that put one group on both sides of a fight (\"clashes between rival gangs\", \"rivaux\")",
  borderNouns: "the noun of a country's border, named with the country's demonym (\"toward the Turkish border\"): where a movement went",
  destinationPreps: "prepositions right before a place that make it where a movement went (\"fled Rafah for Khan Younis\", \"pour\")",
  blameVerbs: "verbs of blame before a noun trigger whose preposition after it (blamePreps) names who is held to have acted (\"blamed the attack on\", \"a imputé le massacre à\")",
  blamePreps: "the preposition after a blamed trigger naming who is blamed (\"on\", \"à\")",
  agentParticiples: "participles after a trigger whose preposition names who is held to have acted (\"an attack blamed on jihadists\", \"attributed to\")",
  betweenPreps: "the preposition of two sides (\"clashes between X and Y\")",
  nonStateArmies: "names of armed groups that are no state's forces though their name says army or forces (\"Free Syrian Army\", \"Arakan Army\"); lower-case, matched as words inside a side's name",
  nonStateHeads: "heads of a country's armed side that is no state force (\"Syrian rebels\", \"Kurdish militants\")",
  genitivePreps: "the preposition, or link of two words, between a generic side and the named one it belongs to (\"rebels of the Allied Democratic Forces\", \"fighters belonging to the X\", \"les rebelles des ADF\")",
  opponentPreps: "the preposition after a trigger that names the other side (\"were killed in clashes with Islamic State fighters\")",
  allyAdjectives: "adjectives that make a participant an ally (\"allied fighters\")",
  coordinators: "coordinating conjunctions (\"A, B and C\")",
  governmentNouns: "nouns in a participant's name that put it on the government side (\"police\", \"officials\")",
  statementNouns: "nouns of a statement's cue that make what it tells a quotation (\"in a statement\")",
  toldCues: "phrases before a hearer (\"told X\", \"quoted by X\"): the hearer reports, it takes no part",
  toldBreaks: "clause words after such a cue that end the hearer's phrase",
  gerundEndings: "the ending of a gerund or present participle (\"shooting\")",
  adverbEndings: "the ending of an adverb (\"officially\")",
  pastEndings: "the ending of a regular past tense or participle (\"shelled\")",
  participleEndings: "endings of a past participle after an auxiliary (\"were killed\", \"was beaten\")",
  irregularParticiples: "irregular past participles, also as the end of a longer word (\"were shot\", \"unhurt\")",
} as const;
export type EventWordClass = keyof typeof EVENT_WORD_CLASSES;
export type EventWords = Record<EventWordClass, Set<string>> & {
  /** "told the state broadcaster ...": a text ending in a told cue and the hearer's first words (group 1) */
  toldBefore: RegExp;
  /** a toldBreaks word in a text */
  toldBreak: RegExp;
  /** a governmentNouns word after a space, at a word's end */
  governmentNoun: RegExp;
};

/** The words as alternatives between word boundaries (an elided word ending in an apostrophe needs none after it). */
const wordsRe = (ws: Iterable<string>) => [...ws].map((w) => `(?<![\\p{L}\\p{N}_])${wordRegExp(w)}${w.endsWith("'") ? '' : '(?![\\p{L}\\p{N}_])'}`).join('|');

function eventWords(raw: Record<string, unknown> | undefined, file: string): EventWords {
  const out = {} as EventWords;
  for (const [k, v] of Object.entries(raw ?? {})) {
    if (k === 'about') continue;
    if (!(k in EVENT_WORD_CLASSES)) throw new Error(`${file}: words.${k}: not a word class (${Object.keys(EVENT_WORD_CLASSES).join(', ')})`);
    if (!Array.isArray(v) || v.some((x) => typeof x !== 'string')) throw new Error(`${file}: words.${k}: must be a list of words`);
  }
  for (const k of Object.keys(EVENT_WORD_CLASSES) as EventWordClass[]) out[k] = new Set(((raw?.[k] as string[] | undefined) ?? []).map((x) => x.toLowerCase()));
  out.toldBefore = out.toldCues.size ? new RegExp(`(?:${wordsRe(out.toldCues)})([^.;:]*)$`, 'iu') : NEVER;
  out.toldBreak = out.toldBreaks.size ? new RegExp(wordsRe(out.toldBreaks), 'iu') : NEVER;
  out.governmentNoun = out.governmentNouns.size ? new RegExp(` (?:${[...out.governmentNouns].map(wordRegExp).join('|')})(?![\\p{L}\\p{N}_])`, 'u') : NEVER;
  return out;
}

export interface EventLexicon {
  /** the small word classes (EVENT_WORD_CLASSES) */
  words: EventWords;
  rules: EventRule[];
  /** first word → rules with a trigger starting with it (prefix triggers are tried separately) */
  byFirst: Map<string, { rule: EventRule; phrase: Phrase }[]>;
  /** prefix triggers by their first two letters */
  prefixedBy2: Map<string, { rule: EventRule; phrase: Phrase }[]>;
  from: Phrase[];
  to: Phrase[];
  /** nouns of a place cue ("la ville de"): a movement marker right after one belongs to the cue */
  moveCueNouns: Set<string>;
  governmentWords: Phrase[];
  allyCues: Phrase[];
  reporterNames: Set<string>;
  reporterWords: Set<string>;
  backgroundDays: number;
  compoundSuffixes: string[];
  notReported: { window: number; reference: Phrase[]; unreal: Phrase[]; unrealAfter: Phrase[]; stops: Set<string>; attributiveBefore: Set<string>; hazards: Set<string> };
  /** recentUnits: after a cue ("in the past"), a span that reaches the current news ("in the past month") */
  background: { cues: Phrase[]; court: Phrase[]; maxDayAge: number; recentUnits: Set<string> };
  gather: { newCues: Phrase[]; notNewAfter: Set<string>; summaryMoved: number; attackWithDeaths: Map<string, string>; nearKm: number; nearSentences: number; vagueKinds: Set<string>; anaphoricBefore: Set<string>; introducedBy: Phrase[]; needPlaceOrDay: Set<string>; pastPerfect: Set<string>; movementNot: Set<string>; cargo: Phrase[]; headlineMaxWords: number };
  cascade: CascadeRule[];
  absorb: AbsorbRule[];
  roles: RoleWords;
  /** words of a sentence that goes on telling a movement */
  movers: Set<string>;
  /** the language puts a noun's adjectives after it ("une attaque jihadiste": Language.adjectivesFollowNouns) */
  modifiersAfter: boolean;
}

const phrases = (xs: string[] | undefined) => (xs ?? []).map(phrase);

/** Read the lexicon; a malformed file is an error naming the file and the field. */
export function loadEventLexicon(file = english.data('events.json'), decideFile = english.data('events-decide.json'), modifiersAfter = false): EventLexicon {
  const raw = JSON.parse(readFileSync(file, 'utf8')) as {
    rules: RawRule[];
    movement: { from: string[]; to: string[]; cue_nouns?: string[] };
    killers: { government_words: string[] };
    allies?: { cues: string[] };
    reporters?: { names: string[]; words: string[] };
    background?: { max_age_days: number };
    compound_suffixes?: { suffixes: string[] };
    words?: Record<string, unknown>;
  };
  const rules: EventRule[] = raw.rules.map((r, i) => {
    if (!r.id || !r.type || !r.subtype || !Array.isArray(r.triggers)) throw new Error(`${file}: rules[${i}] needs id, type, subtype and triggers`);
    const { unless_object, object_kept_by, ...rest } = r;
    return { ...rest, priority: r.priority ?? 1, triggers: phrases(r.triggers), unless: phrases(r.unless), unlessBefore: phrases(r.unless_before), unlessObject: new Set(unless_object ?? []), objectKeptBy: new Set(object_kept_by ?? []) };
  });
  const byFirst = new Map<string, { rule: EventRule; phrase: Phrase }[]>();
  const prefixedBy2 = new Map<string, { rule: EventRule; phrase: Phrase }[]>();
  for (const rule of rules) {
    for (const p of rule.triggers) {
      const single = p.prefix && p.words.length === 1;
      const map = single ? prefixedBy2 : byFirst;
      const key = single ? p.words[0].slice(0, 2) : p.words[0];
      const list = map.get(key) ?? [];
      list.push({ rule, phrase: p });
      map.set(key, list);
    }
  }
  const d = JSON.parse(readFileSync(decideFile, 'utf8')) as Record<string, any>;
  const need = (v: unknown, field: string) => {
    if (v == null) throw new Error(`${decideFile}: missing ${field}`);
    return v as any;
  };
  const set = (xs: string[] | undefined) => new Set((xs ?? []).map((x) => x.toLowerCase()));
  const cascade: CascadeRule[] = need(d.cascade, 'cascade').map((c: any, i: number) => {
    if (!c.id || !Array.isArray(c.from) || !c.to?.type || !c.to?.subtype) throw new Error(`${decideFile}: cascade[${i}] needs id, from and to {type, subtype}`);
    return { id: c.id, from: c.from, subtype: c.subtype, words: c.words && phrases(c.words), alsoWords: c.also_words && phrases(c.also_words), withoutWords: c.without_words && phrases(c.without_words), actor1: c.actor1, victimWords: c.victim_words && phrases(c.victim_words), sideWords: c.side_words && set(c.side_words), to: c.to };
  });
  const absorb: AbsorbRule[] = need(d.absorb, 'absorb').map((x: any, i: number) => {
    if (!x.id || !x.subtype || !Array.isArray(x.into)) throw new Error(`${decideFile}: absorb[${i}] needs id, subtype and into`);
    return { id: x.id, type: x.type, subtype: x.subtype, words: x.words && phrases(x.words), into: x.into, scope: x.scope === 'article' || x.scope === 'next' ? x.scope : 'sentence' };
  });
  const nr = need(d.not_reported, 'not_reported');
  const roles = need(d.roles, 'roles');
  return {
    words: eventWords(raw.words, file),
    rules,
    byFirst,
    prefixedBy2,
    from: phrases(raw.movement.from),
    to: phrases(raw.movement.to),
    moveCueNouns: set(raw.movement.cue_nouns),
    governmentWords: phrases(raw.killers.government_words),
    allyCues: phrases(raw.allies?.cues),
    reporterNames: set(raw.reporters?.names),
    reporterWords: set(raw.reporters?.words),
    backgroundDays: raw.background?.max_age_days ?? 45,
    compoundSuffixes: raw.compound_suffixes?.suffixes ?? [],
    notReported: { window: nr.window ?? 6, reference: phrases(nr.reference), unreal: phrases(nr.unreal), unrealAfter: phrases(nr.unreal_after), stops: set(nr.stops), attributiveBefore: set(nr.attributive_before), hazards: set(nr.hazards) },
    background: { cues: phrases(d.background?.cues), court: phrases(d.background?.court), maxDayAge: d.background?.max_day_age ?? 30, recentUnits: set(d.background?.recent_units) },
    gather: { newCues: phrases(d.gather?.new_cues), notNewAfter: set(d.gather?.not_new_after), summaryMoved: d.gather?.summary_moved ?? 0, attackWithDeaths: new Map(Object.entries(d.gather?.attack_with_deaths ?? {})), nearKm: d.gather?.near_km ?? 15, nearSentences: d.gather?.near_sentences ?? 2, vagueKinds: set(d.gather?.vague_kinds ?? ['country']), anaphoricBefore: set(d.gather?.anaphoric_before), introducedBy: phrases(d.gather?.introduced_by), needPlaceOrDay: new Set<string>(d.gather?.need_place_or_day ?? []), pastPerfect: set(d.gather?.past_perfect), movementNot: set(d.gather?.movement_not), cargo: phrases(d.gather?.cargo), headlineMaxWords: d.gather?.headline_max_words ?? 16 },
    cascade,
    absorb,
    movers: set(roles.movers),
    modifiersAfter,
    roles: {
      perpetrators: set(roles.perpetrators),
      tollHeads: set(roles.toll_heads),
      forces: set(roles.forces),
      crowds: set(roles.crowds),
      protesters: set(roles.protesters),
      people: set(roles.people),
      victims: set(roles.victims),
      passiveAux: set(roles.passive_aux),
      oneDeath: phrases(roles.one_death),
      reportVerbs: set(roles.report_verbs),
      nominalBefore: set(roles.nominal_before),
      nominalDeterminers: set(roles.nominal_determiners),
      quantityHeads: set(roles.quantity_heads),
      harmVerbs: set(roles.harm_verbs),
      perfectAux: set(roles.perfect_aux),
      agentGenitives: set(roles.agent_genitives ?? []),
      reportedPronouns: set(roles.reported_pronouns ?? []),
      reportedInfinitives: set(roles.reported_infinitives ?? []),
      infinitiveMarkers: set(roles.infinitive_markers ?? []),
    },
  };
}
