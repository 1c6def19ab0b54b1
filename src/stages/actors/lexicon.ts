// The actor dictionary and word lists, loaded once and compiled into phrase indexes.
import { givenGenderFiles, loadGivenGender, worldGivenNames } from '../given-gender.js';
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { once } from '../../core/once.js';
import type { ActorKind } from '../../core/types.js';
import { onDemandWanted } from '../../core/on-demand.js';
import { PhraseIndex, normKey, phraseKeys, phraseUnits } from './units.js';
import { DictIndex, type Alias, type DictActor } from './dict.js';
import { english, type Language } from '../../lang/index.js';
import { compiled, moduleFiles } from '../../pipeline/compiled-cache.js';
import { NEVER, escapeRegExp } from '../../core/regex.js';

/** The lexicon files' schemas, made when a lexicon is built (a start that reads the compiled cache never needs them). */
const schemas = once(() => {
  const Entry = z.object({
    id: z.string(),
    name: z.string(),
    kind: z.enum(['person', 'organization', 'group', 'other']),
    country: z.string().nullable().optional(),
    aliases: z.array(z.string()),
    role: z.string().optional(),
    relation: z.record(z.string(), z.string()).optional(),
    nationalBranches: z.boolean().optional(),
  });
  const DictFile = z.object({ source: z.string(), about: z.string(), entries: z.array(Entry) });
  const LexFile = z.object({
    source: z.string(),
    about: z.string(),
    forceNouns: z.array(z.string()),
    sideWords: z.array(z.string()),
    /** Side words that make a side only before a weapon noun ("a military air strike"). */
    weaponSideWords: z.array(z.string()).default([]),
    generic: z.record(z.string(), z.string()),
    titles: z.array(z.string()),
    roleNouns: z.array(z.string()),
    orgHeads: z.array(z.string()),
    orgLeads: z.array(z.string()),
    notNames: z.array(z.string()),
    nameParticles: z.array(z.string()),
    pronouns: z.record(z.string(), z.string()),
    months: z.array(z.string()).default([]),
    /** lower-case words before a title that are part of the role ("regional governor", "deputy mayor") */
    titleModifiers: z.array(z.string()).default([]),
    pronounActors: z.record(z.string(), z.string()).default({}),
    governmentVerbs: z.array(z.string()).default([]),
    placeHeads: z.array(z.string()).default([]),
    /** Last words of a natural feature's name ("Red Sea", "Gulf of Aden" ends in a place): never an actor, even after an organisation's word ("Red" of "Red Cross"). */
    featureHeads: z.array(z.string()).default([]),
    facilityHeads: z.array(z.string()).default([]),
    compoundModifierEndings: z.array(z.string()).default([]),
    /** Lower-case place nouns after a name that make it a place's ("the Sheikh Maqsoud neighbourhood"). */
    placeCuesAfter: z.array(z.string()).default([]),
    /** First words of toponyms ("Tal", "Kafr", "Deir"): a capitalised run opening with one names a place. */
    placeLeads: z.array(z.string()).default([]),
    /** A country's short name used as a demonym before a force noun ("US forces", "U.S. helicopters") → alpha-2. */
    shortNameDemonyms: z.record(z.string(), z.string()).default({}),
    /** Force nouns that name a weapon, not a body ("air strikes", "missile"): the actor is the side's forces. */
    weaponNouns: z.array(z.string()).default([]),
    /** The name of the side behind a weapon ("{side} forces"); none: the words as written. */
    weaponActorName: z.string().optional(),
    /** Words that may stand lower case inside a name ("Bank of America", "Bashar al-Assad"). */
    nameJoiners: z.array(z.string()).default([]),
    /** One-word titles that stand for their holder after a definite article ("the President said"). */
    loneTitles: z.array(z.string()).default([]),
    /** Definite articles ("the"): "the minister" for the minister named before, "the Syrian government". */
    definite: z.array(z.string()).default([]),
    /** Other spellings of an acronym ("UN": "U.N.", "United Nations"): a hand-written alias holding it also matches so spelt. */
    acronymSpellings: z.record(z.string(), z.array(z.string())).default({}),
    /** Article prefixes of a surname dropped to find its short form ("al-Assad" → "Assad"). */
    surnamePrefixes: z.array(z.string()).default([]),
    /** First-person pronouns ("we", "our"): the speaker's side, resolved differently from "they". */
    firstPerson: z.array(z.string()).default([]),
    /** Short article particles taken inside a name only when hyphenated ("ad-Din", not "Site at Palmyra"). */
    hyphenArticles: z.array(z.string()).default([]),
    /** Honorifics, which are no role ("Mr", "Dr"), lower case without a final dot. */
    honorifics: z.array(z.string()).default([]),
    /** Words where a description's head ends: prepositions, relative words ("of", "who"). */
    headEnds: z.array(z.string()).default([]),
    /** Nouns that a force word merely modifies ("a military source", "the army's news agency"). */
    modifiedNouns: z.array(z.string()).default([]),
    /** Lower-case words allowed inside the name before a bracketed acronym ("Islamic State of Iraq (ISI)"). */
    acronymJoiners: z.array(z.string()).default([]),
    /** The word joining two sides or demonyms ("Russian and Syrian warplanes"). */
    coordinators: z.array(z.string()).default([]),
    /** Force words naming a body, never one member ("the Syrian army", "Iraqi police"): no role. */
    collectiveForceNouns: z.array(z.string()).default([]),
    /** Reporting verbs right before a name ("said John Doe", "told Omar Saleh"): the name is a person. */
    speechVerbsBeforeName: z.array(z.string()).default([]),
    /** An age right before a name ("22-year-old Anderson Lee", the units "year old" after a number): the name is a person's. */
    ageBeforeName: z.array(z.string()).default([]),
    /** Between a name and the body it speaks for, before a reporting verb ("Omar Saleh of the Aleppo Media Center said"): the name is a person. */
    affiliationPrepositions: z.array(z.string()).default([]),
    speechAuxiliaries: z.array(z.string()).default([]),
    /** The word before a title's capitalised remit ("Minister for the Middle East", "Secretary of State"). */
    remitPrepositions: z.array(z.string()).default([]),
    locativePrepositions: z.array(z.string()).default([]),
    /** Articles opening a description after a name (", a resident of Lampung,"); an elided one ends in an apostrophe. */
    appositionArticles: z.array(z.string()).default([]),
    /** Nouns (and their plurals by pluralEndings) that make such a description an organisation's or a place's. */
    orgDescriptionNouns: z.array(z.string()).default([]),
    /** Pronouns read only when written so ("I", not the letter i). */
    pronounOnlyAs: z.array(z.string()).default([]),
    /** Written forms that are never the pronoun their lower case spells ("US"). */
    notPronouns: z.array(z.string()).default([]),
    /** Endings of a plural ("Syrians": a demonym's population). */
    pluralEndings: z.array(z.string()).default([]),
    /** A country's possessive written without its apostrophe ("Syrias army"). */
    possessiveEndings: z.array(z.string()).default([]),
    /** Lower-case nouns that make "the" + an unknown capitalised name + the noun an armed group ("the Gran Grif gang"). */
    groupNounsAfterName: z.array(z.string()).default([]),
    /** The same before the name ("le gang Viv Ansanm", "la milice Wazalendo"), after an article or "de". */
    groupNounsBeforeName: z.array(z.string()).default([]),
    /** Words whose possessive stays inside a name ("People's Defence Force", "Women's Protection Units"). */
    possessiveNameWords: z.array(z.string()).default([]),
  });
  return { Entry, DictFile, LexFile };
});

export type { DictActor } from './dict.js';

export interface ActorLexicon {
  /** keyed on demand (see dict.ts) */
  dict: DictIndex;
  /** id → entry (first alias wins); made on first use */
  readonly byId: Map<string, DictActor>;
  demonyms: Map<string, string>; // key → alpha-2
  /** first keys of the short country names among the demonyms ("us", "uk"): part of a name they open */
  shortNames: Set<string>;
  countryNames: Map<string, string>; // key → alpha-2 (demonym-like use: "Syria's army")
  forces: PhraseIndex<string>;
  sides: PhraseIndex<string>;
  /** side words that make a side only before a weapon noun (keys) */
  weaponSides: Set<string>;
  generic: PhraseIndex<string>;
  titles: PhraseIndex<string>;
  roleNouns: Set<string>;
  orgHeads: Set<string>;
  orgLeads: PhraseIndex<string>;
  notNames: Set<string>;
  particles: Set<string>;
  givenNames: Set<string>;
  /** reporting verb forms (keys), to recognise "X said" around unknown names */
  speechVerbs: Set<string>;
  /** reporting verb forms that are nouns after a capitalised name unless "that" follows ("The Jewish state responded", statements.json nounsAfterNames) */
  nounsAfterNames: Set<string>;
  /** "the Gran Grif gang", "the Lakurawa group": lower-case group nouns after an unknown name */
  groupNounsAfterName: Set<string>;
  /** "le gang Viv Ansanm": lower-case group nouns before an unknown name */
  groupNounsBeforeName: Set<string>;
  /** "People's Defence Force": words whose possessive stays inside a name */
  possessiveNameWords: Set<string>;
  /** the complementiser after a reporting verb ("that", "que"; statements.json) */
  that: Set<string>;
  /** an auxiliary between a name and a reporting verb's participle that still marks the name a speaker ('X a déclaré') */
  speechAux: Set<string>;
  pronouns: Map<string, ActorKind>;
  /** month names: inside a name after a given name they are names ("Elizabeth May") */
  months: Set<string>;
  /** last words of a place or building name ("Square", "Street"): such runs are not people */
  placeHeads: Set<string>;
  /** last words of a natural feature's name ("Sea", "Mountains"): never an actor */
  featureHeads: Set<string>;
  /** last words of a building's or street's name ("Hospital", "Street"): a dictionary alias opening one names the building */
  facilityHeads: Set<string>;
  /** endings of a compound modifier ("-made", "-backed"): a capitalised word so made opens no name */
  compoundModifierEndings: string[];
  /** lower-case place nouns after a name that make it a place's */
  placeCuesAfter: Set<string>;
  /** first words of toponyms ("Tal", "Kafr") */
  placeLeads: Set<string>;
  /** force nouns naming a weapon ("air strikes"): the actor is the side's forces, named by weaponActorName */
  weaponNouns: Set<string>;
  weaponActorName: string | null;
  nameJoiners: Set<string>;
  loneTitles: Set<string>;
  definite: Set<string>;
  /** "al-", "el-"...: a surname's article prefix, any case (never matches when a language lists none) */
  surnamePrefix: RegExp;
  firstPerson: Set<string>;
  hyphenArticles: Set<string>;
  honorifics: Set<string>;
  headEnds: Set<string>;
  modifiedNouns: Set<string>;
  acronymJoiners: Set<string>;
  pronounActors: Map<string, ActorKind>;
  /** he/she pronouns (statements.json's malePronouns, femalePronouns) → 'm' | 'f' */
  pronounGender: Map<string, string>;
  /** given names that are one gender (gendered-names.json, gendered-names-world.json) → 'm' | 'f' */
  givenGender: Map<string, string>;
  governmentVerbs: Set<string>;
  /** every one-word title, lower case ("minister", "accountant"): the head of a description after a name */
  titleWords: Set<string>;
  /** "regional governor X": words before a title that belong to the role */
  titleModifiers: Set<string>;
  /** the lists below are keys (normKey), except orgDescriptionNouns and collectiveForceNouns (words as written) and the pronoun forms */
  coordinators: Set<string>;
  collectiveForceNouns: Set<string>;
  speechVerbsBeforeName: Set<string>;
  ageBeforeName: Set<string>;
  affiliationPrepositions: Set<string>;
  remitPrepositions: Set<string>;
  /** before a country, it is where a body is, not the body ('OCHA in Yemen said' is no 'Yemen said') */
  locativePrepositions: Set<string>;
  /** ", 34," (an age) or ", <article> <description>," after a name: groups 1 (age) and 2 (description) */
  apposition: RegExp;
  orgDescriptionNouns: Set<string>;
  /** pronoun key → the one written form it is read in */
  pronounOnlyAs: Map<string, string>;
  notPronouns: Set<string>;
  pluralEndings: string[];
  possessiveEndings: string[];
}

const ACRONYM = /^[A-Z0-9&/.-]{1,10}$/;
const UPPER = /[A-Z]/g;
const readJson = (file: string): unknown => JSON.parse(readFileSync(file, 'utf8'));

/**
 * The dictionary's entries and aliases in order, validated and keyed (the slow part of loading:
 * ~10,000 aliases), as DictIndex.of takes them.
 * A converted alias that is an article and a hand-written alias ("The UN", "The United Nations" in
 * PETRARCH's list) is left out: longer, it won the match of "the UN" as the actor "The Un".
 */
export function dictAliases(lang: Language, lex: Pick<LexFile, 'definite' | 'acronymSpellings'> = readLexFile(lang)): { entries: DictActor[]; aliases: Alias[] } {
  const articles = new Set(lex.definite);
  const spellings = lex.acronymSpellings;
  const files: [string, DictActor['source']][] = [
    [lang.data('actors', 'actors.json'), 'hand'],
    [lang.data('actors', 'petrarch.json'), 'petrarch'],
  ];
  const entries: DictActor[] = [];
  const aliases: Alias[] = [];
  const handKeys = new Set<string>();
  for (const [file, source] of files) {
    // the hand-written file is validated entry by entry; the converted one (thousands of entries,
    // written by our converter) only by its shape
    const raw = readJson(file) as z.infer<ReturnType<typeof schemas>['DictFile']>;
    const parsed = source === 'hand' ? schemas().DictFile.parse(raw) : schemas().DictFile.pick({ source: true, about: true }).parse(raw) && raw;
    if (!Array.isArray(parsed.entries)) throw new Error(`actors: ${file}: "entries" is not a list`);
    for (const e of parsed.entries) {
      const n = entries.push({ id: e.id, name: e.name, kind: e.kind, country: e.country ?? null, role: e.role, source, relation: e.relation, caseMode: 'cap', ...(e.nationalBranches ? { nationalBranches: true } : {}) }) - 1;
      for (const alias of source === 'hand' ? withSpellings(e.aliases, spellings) : e.aliases) {
        // an acronym ("ISIL", "U.N.", "AFC/M23") must match in capitals
        const exact = alias.length <= 12 && ACRONYM.test(alias) && (alias.match(UPPER) ?? []).length >= 2;
        const keys = phraseKeys(alias);
        if (source === 'hand') handKeys.add(keys.join(' '));
        else if (keys.length > 1 && articles.has(keys[0]) && handKeys.has(keys.slice(1).join(' '))) continue;
        aliases.push([keys.join(' '), n, exact]);
      }
    }
  }
  return { entries, aliases };
}

type LexFile = z.infer<ReturnType<typeof schemas>['LexFile']>;
const readLexFile = (lang: Language): LexFile => schemas().LexFile.parse(readJson(lang.data('actors', 'lexicon.json')));

/** Aliases and, for a multi-word alias holding an acronym with other spellings, the alias so spelt
 * ("UN refugee agency" → "U.N. refugee agency"). */
function withSpellings(aliases: readonly string[], spellings: Readonly<Record<string, string[]>>): string[] {
  const out = [...aliases];
  for (const alias of aliases) {
    const words = alias.split(' ');
    if (words.length < 2) continue;
    words.forEach((w, i) => {
      for (const v of spellings[w] ?? []) out.push([...words.slice(0, i), v, ...words.slice(i + 1)].join(' '));
    });
  }
  return out;
}

/** The files the lexicon is built from. */
function sourceFiles(lang: Language): string[] {
  return [
    lang.data('actors', 'actors.json'),
    lang.data('actors', 'petrarch.json'),
    lang.data('actors', 'lexicon.json'),
    lang.data('actors', 'demonyms.json'),
    lang.data('actors', 'countries.json'),
    lang.data('actors', 'given-names.json'),
    ...givenGenderFiles(lang),
    lang.data('statements.json'),
  ];
}

/**
 * The actor lexicon of a language, from the compiled-lexicon cache (built from its files when they or
 * this code changed). The dictionary is keyed on demand for a small input, whole otherwise.
 */
export function loadActorLexicon(lang: Language = english): ActorLexicon {
  const code = moduleFiles(import.meta.url);
  const lex = compiled(`actors-${lang.code}`, sourceFiles(lang), code, () => buildActorLexicon(lang), [PhraseIndex, DictIndex]) as ActorLexicon;
  if (!onDemandWanted()) lex.dict.openAll();
  Object.defineProperty(lex, 'byId', {
    configurable: true,
    enumerable: true,
    get: () => {
      const byId = lex.dict.byId();
      Object.defineProperty(lex, 'byId', { value: byId, enumerable: true });
      return byId;
    },
  });
  return lex;
}

function buildActorLexicon(lang: Language): Omit<ActorLexicon, 'byId'> {
  const lex = readLexFile(lang);
  const { entries, aliases } = dictAliases(lang, lex);
  const dict = DictIndex.of(entries, aliases);
  const dem = readJson(lang.data('actors', 'demonyms.json')) as { demonyms: Record<string, string> };
  const demonyms = new Map<string, string>();
  for (const [k, v] of Object.entries(dem.demonyms)) demonyms.set(phraseKeys(k).join(' '), v);
  // a country's short name as a modifier ("US forces", "U.S. helicopters"): a demonym's use
  for (const [k, v] of Object.entries(lex.shortNameDemonyms)) demonyms.set(phraseKeys(k).join(' '), v);
  const countryNames = new Map<string, string>();
  try {
    const ci = readFileSync(lang.data('actors', 'countries.json'), 'utf8');
    for (const [k, v] of Object.entries((JSON.parse(ci) as { countries: Record<string, string> }).countries)) countryNames.set(phraseKeys(k).join(' '), v);
  } catch {
    /* optional */
  }
  const index = (words: string[]) => {
    const ix = new PhraseIndex<string>();
    for (const w of words) ix.add(phraseKeys(w), w);
    return ix.seal();
  };
  const generic = new PhraseIndex<string>();
  for (const [k, v] of Object.entries(lex.generic)) generic.add(phraseKeys(k), v);
  generic.seal();
  const given = readJson(lang.data('actors', 'given-names.json')) as { names: string[] };
  const st = readJson(lang.data('statements.json')) as { verbs: Record<string, string[]>; that?: string[]; words?: { nounsAfterNames?: string[]; malePronouns?: string[]; femalePronouns?: string[] } };
  // keyed as units are (no accents: 'déclaré' → declare)
  const speechVerbs = new Set<string>();
  for (const [lemma, forms] of Object.entries(st.verbs)) if (!lemma.includes('_')) for (const f of forms) if (!f.includes(' ')) speechVerbs.add(normKey(f));
  const pronouns = new Map<string, ActorKind>();
  for (const [k, v] of Object.entries(lex.pronouns)) pronouns.set(k, v as ActorKind);
  return {
    dict,
    demonyms,
    shortNames: new Set(Object.keys(lex.shortNameDemonyms).map((k) => phraseKeys(k)[0])),
    countryNames,
    forces: index(lex.forceNouns),
    sides: index([...lex.sideWords, ...lex.weaponSideWords]),
    weaponSides: keySet(lex.weaponSideWords),
    generic,
    titles: index(lex.titles),
    roleNouns: withKeys(lex.roleNouns.map((w) => w.toLowerCase())),
    orgHeads: new Set(lex.orgHeads.flatMap((w) => [phraseUnits(w)[0]?.key ?? w.toLowerCase(), ...(/^\p{L}+$/u.test(w) ? [w.toLowerCase()] : [])])),
    orgLeads: index(lex.orgLeads),
    notNames: withKeys(lex.notNames.map((w) => w.toLowerCase().replace(/\.$/, ''))),
    particles: new Set(lex.nameParticles.map((w) => w.toLowerCase().replace(/[-.]$/, ''))),
    // (a demonym is a nationality, never a first name: "Russian-backed forces", "Syrian officials")
    givenNames: new Set([...given.names, ...worldGivenNames()].filter((n) => !demonyms.has(n))),
    speechVerbs,
    nounsAfterNames: new Set((st.words?.nounsAfterNames ?? []).map(normKey)),
    groupNounsAfterName: withKeys(lex.groupNounsAfterName),
    groupNounsBeforeName: withKeys(lex.groupNounsBeforeName),
    possessiveNameWords: withKeys(lex.possessiveNameWords.map((w) => w.toLowerCase())),
    that: new Set((st.that ?? []).map(normKey)),
    speechAux: keySet(lex.speechAuxiliaries),
    pronouns,
    months: withKeys(lex.months),
    pronounActors: new Map(Object.entries(lex.pronounActors).map(([k, v]) => [normKey(k), v as ActorKind])),
    pronounGender: new Map([...(st.words?.malePronouns ?? []).map((w) => [normKey(w), 'm'] as const), ...(st.words?.femalePronouns ?? []).map((w) => [normKey(w), 'f'] as const)]),
    givenGender: loadGivenGender(lang),
    governmentVerbs: withKeys(lex.governmentVerbs),
    titleWords: new Set(lex.titles.filter((t) => !/[\s.]/.test(t)).map((t) => t.toLowerCase())),
    titleModifiers: new Set(lex.titleModifiers.map((t) => t.toLowerCase())),
    placeHeads: withKeys(lex.placeHeads.map((w) => w.toLowerCase())),
    featureHeads: withKeys(lex.featureHeads.map((w) => w.toLowerCase())),
    facilityHeads: withKeys(lex.facilityHeads.map((w) => w.toLowerCase())),
    compoundModifierEndings: lex.compoundModifierEndings.map((w) => w.toLowerCase()),
    placeCuesAfter: withKeys(lex.placeCuesAfter),
    placeLeads: withKeys(lex.placeLeads.map((w) => w.toLowerCase())),
    weaponNouns: new Set(lex.weaponNouns.map((w) => w.toLowerCase())),
    weaponActorName: lex.weaponActorName ?? null,
    nameJoiners: withKeys(lex.nameJoiners),
    loneTitles: new Set(lex.loneTitles),
    definite: withKeys(lex.definite),
    firstPerson: withKeys(lex.firstPerson),
    hyphenArticles: new Set(lex.hyphenArticles),
    honorifics: new Set(lex.honorifics),
    headEnds: new Set(lex.headEnds),
    modifiedNouns: withKeys(lex.modifiedNouns),
    acronymJoiners: withKeys(lex.acronymJoiners),
    surnamePrefix: lex.surnamePrefixes.length ? new RegExp(`^(${lex.surnamePrefixes.join('|')})-`, 'i') : NEVER,
    coordinators: keySet(lex.coordinators),
    collectiveForceNouns: new Set(lex.collectiveForceNouns),
    speechVerbsBeforeName: keySet(lex.speechVerbsBeforeName),
    ageBeforeName: new Set(lex.ageBeforeName),
    affiliationPrepositions: keySet(lex.affiliationPrepositions),
    remitPrepositions: keySet(lex.remitPrepositions),
    locativePrepositions: keySet(lex.locativePrepositions),
    apposition: appositionPattern(lex.appositionArticles),
    orgDescriptionNouns: new Set(lex.orgDescriptionNouns),
    pronounOnlyAs: new Map(lex.pronounOnlyAs.map((w) => [normKey(w), w])),
    notPronouns: new Set(lex.notPronouns),
    pluralEndings: lex.pluralEndings.map(normKey),
    possessiveEndings: lex.possessiveEndings.map(normKey),
  };
}

const keySet = (words: string[]) => new Set(words.map(normKey));
/**
 * The words as written, and the key (normKey: no accents, no apostrophe) of an accented word or an elided
 * one: the actors stage tests a unit's key ("ministere", "l" for the token "l'"), the statements stage a
 * token's lower form ("ministère"). A word with an apostrophe inside ("don't") is kept as written only,
 * as before; plain ASCII words are their own key, so an English list is unchanged.
 */
const withKeys = (words: string[]) => new Set(words.flatMap((w) => (/[^\x00-\x7f]|['’]$/.test(w) ? [w, normKey(w)] : [w])));

/**
 * ", 34," (an age) or ", <article> <description>," after a name. An article is followed by space; an
 * elided one ("l'") ends in an apostrophe, either one, and may touch its noun. No articles: ages only.
 */
function appositionPattern(articles: string[]): RegExp {
  const alts = articles.map((a) => (/['’]$/.test(a) ? `${escapeRegExp(a.slice(0, -1))}['’]\\s*` : `${escapeRegExp(a)}\\s+`));
  const art = alts.length ? alts.join('|') : '(?!)';
  return new RegExp(`^,\\s+(?:(\\d{1,3})[,.]|(?:${art})(\\p{Ll}[\\p{L}\\d'’-]*(?:\\s+[\\p{L}\\d'’-]+){0,7}?)(?=[,.]))`, 'u');
}
