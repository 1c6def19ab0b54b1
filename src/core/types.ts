// Core types shared by every stage, the output writers and the store.
// Offsets are UTF-16 code-unit offsets (JavaScript string indices) into Document.text, end exclusive.
// Document.text is never modified: stages that normalise text keep a map back to these offsets.

export interface Span {
  start: number;
  end: number;
}

/** Why an item was produced: the id of the rule (lexicon entry or pattern) that fired, and where. */
export interface Evidence {
  rule: string;
  span: Span;
  note?: string;
}

export interface Document {
  id: string;
  text: string;
  /** Publication date, YYYY-MM-DD, from metadata. The text's own dateline may override it (dates stage). */
  published?: string;
  outlet?: string;
  url?: string;
  title?: string;
  /** Language code (ISO 639-1, "en", "fr") given with the record; detected from the text when absent. */
  lang?: string;
  /** Where the record came from, for error messages: file and 1-based line. */
  origin?: { file: string; line?: number };
}

export interface Sentence extends Span {
  index: number;
  /** Index of the paragraph (input line) the sentence belongs to. */
  paragraph: number;
}

export type TokenKind = 'word' | 'number' | 'punct' | 'symbol';

export interface Token extends Span {
  text: string;
  lower: string;
  kind: TokenKind;
  /** Index of the sentence holding the token. */
  sentence: number;
}

/** Why a number is not a count of people or vehicles. */
export type NonCountKind = 'duration' | 'age' | 'date' | 'time' | 'ordinal' | 'money' | 'percent' | 'measure' | 'year';

export interface Quantity extends Span {
  text: string;
  /** Value range; null for an open end ("more than 40" → {min: 41, max: null}). */
  min: number | null;
  max: number | null;
  approx: boolean;
  /** exact digits or words, vague word ("dozens"), range ("300 to 400") */
  kind: 'exact' | 'vague' | 'range';
  /** Set when the number is not a count (a duration, an age, money...). */
  nonCount?: NonCountKind;
  /** The span of the bare number, without its modifier ("at least"). */
  core: Span;
  modifier?: string;
  evidence: Evidence[];
}

export type DatePrecision = 'day' | 'week' | 'month' | 'year';

export interface DateMention extends Span {
  text: string;
  /** Resolved day, YYYY-MM-DD (first day of the period for week/month/year precision). */
  date: string;
  /** Last day for a range ("over the past several days"), YYYY-MM-DD. */
  until?: string;
  precision: DatePrecision;
  /** true when the mention is the article's own dateline ("Date of publication 3 March 2018"). */
  dateline?: boolean;
  evidence: Evidence[];
}

export type GeoPrecision = 1 | 2 | 3;

export interface PlaceCandidate {
  geonameId: number | null;
  name: string;
  country: string | null;
  lat: number | null;
  lon: number | null;
  featureClass?: string;
  featureCode?: string;
  population?: number;
  score: number;
}

export interface Place extends Span {
  text: string;
  /** Canonical (gazetteer) name, or the text when unresolved. */
  name: string;
  geonameId: number | null;
  country: string | null;
  lat: number | null;
  lon: number | null;
  /** country, admin1, admin2, city, town, village, district, facility, area, region... */
  kind: string;
  featureClass?: string;
  featureCode?: string;
  admin1?: string | null;
  /** ACLED-style: 1 the place itself, 2 near or part of it, 3 only its region. */
  precision: GeoPrecision;
  /** "eastern", "outskirts of", "near", "south of Y"... */
  qualifier?: string;
  /** For a place the gazetteer lacks: the place it is placed at. */
  parent?: { name: string; geonameId: number | null };
  /** The candidates it beat, best first, for the UI. */
  candidates: PlaceCandidate[];
  evidence: Evidence[];
}

export type ActorKind = 'person' | 'organization' | 'group' | 'other';

export interface Actor extends Span {
  text: string;
  /** Canonical id from the dictionary ("ISIL", "SOHR"), or a generated one ("person:mevlut-cavusoglu"). */
  id: string;
  /** Canonical display name ("Islamic State", "Syrian Observatory for Human Rights"). */
  name: string;
  kind: ActorKind;
  /** ISO 3166-1 alpha-2 of the actor's country when known. */
  country?: string | null;
  /** Generic agent ("militants", "civilians", "the regime"): the label, for framing. */
  generic?: boolean;
  /** Role or title ("Foreign Minister", "military source"). */
  role?: string;
  /** When this mention refers back to an earlier one (pronoun, short form): that mention's span. */
  antecedent?: Span;
  evidence: Evidence[];
}

export interface Speaker extends Span {
  /** Resolved name (full name where the article gives it). */
  name: string;
  actorId?: string;
  kind?: ActorKind;
  /** The one the speaker told ("told SANA"), as a second acceptable source. */
  via?: { name: string; actorId?: string } | null;
}

export interface Statement extends Span {
  /** The content span is start/end; cue is the reporting verb or phrase. */
  cue: Span & { text: string };
  verb: string;
  direct: boolean;
  speaker: Speaker | null;
  evidence: Evidence[];
}

export type ClaimCategory =
  | 'killed'
  | 'injured'
  | 'displaced'
  | 'detained'
  | 'abducted'
  | 'missing'
  | 'trapped'
  | 'affected'
  | 'casualties'
  | 'vehicles'
  | 'other';

export interface ClaimSource {
  name: string;
  actorId?: string;
  kind?: ActorKind;
  /** Span of the mention the source was read from (may be a pronoun resolved to name). */
  start?: number;
  end?: number;
  via?: { name: string; actorId?: string } | null;
}

export interface Claim extends Span {
  /** The quantity's span inside the claim span. */
  quantity: Span & { text: string };
  value: { min: number | null; max: number | null; approx: boolean };
  category: ClaimCategory;
  /** The counted group as written, lower-case ("injured civilians and patients"). */
  who: string;
  whoSpan?: Span;
  source: ClaimSource | null;
  hedged: boolean;
  place: { name: string; text: string; geonameId: number | null; qualifier?: string; start: number; end: number } | null;
  date: string | null;
  dateUntil?: string | null;
  sentence: number;
  evidence: Evidence[];
}

export interface EventRecord extends Span {
  type: string;
  subtype: string;
  actor1?: { id: string; name: string } | null;
  actor2?: { id: string; name: string } | null;
  place?: { name: string; geonameId: number | null; country: string | null; lat: number | null; lon: number | null; precision: GeoPrecision } | null;
  date?: string | null;
  timePrecision?: 1 | 2 | 3;
  /** Indices into Analysis.claims. */
  claims: number[];
  fatalities?: number | null;
  origin?: { name: string; geonameId: number | null; lat: number | null; lon: number | null } | null;
  destination?: { name: string; geonameId: number | null; lat: number | null; lon: number | null } | null;
  sources: string[];
  evidence: Evidence[];
}

export interface FramingTerm extends Span {
  text: string;
  /** Lexicon category ("delegitimising label", "euphemism", "loaded verb"...). */
  category: string;
  /** What the term is used for ("armed opposition", "government", "capture"). */
  target?: string;
  neutral?: string;
  evidence: Evidence[];
}

export interface StageError {
  stage: string;
  message: string;
}

export interface Analysis {
  document: Document;
  /** The document's language code: the record's own, else detected, else English. Stages run only for languages Sitrep reads. */
  lang: string;
  /** The effective reference date for relative dates: the dateline when the text has one, else published. */
  referenceDate: string | null;
  sentences: Sentence[];
  tokens: Token[];
  quantities: Quantity[];
  dates: DateMention[];
  places: Place[];
  actors: Actor[];
  statements: Statement[];
  claims: Claim[];
  events: EventRecord[];
  framing: FramingTerm[];
  errors: StageError[];
  /** Milliseconds per stage, for the bench. */
  timings: Record<string, number>;
}

export type AnalysisField = Exclude<keyof Analysis, 'document' | 'lang' | 'errors' | 'timings'>;

export function emptyAnalysis(document: Document, lang = document.lang ?? 'en'): Analysis {
  return {
    document,
    lang,
    referenceDate: document.published ?? null,
    sentences: [],
    tokens: [],
    quantities: [],
    dates: [],
    places: [],
    actors: [],
    statements: [],
    claims: [],
    events: [],
    framing: [],
    errors: [],
    timings: {},
  };
}
