// One draft per trigger type and sentence: the sentence's report of a happening, with its roles,
// place, day and claims. Drafts of one happening are gathered in happenings.ts.
import type { Actor, Analysis, Claim, DateMention, EventRecord, Place, Sentence, Token } from '../../core/types.js';
import { sentenceAt } from '../sentences/index.js';
import { mainPlace } from '../../geo/main-place.js';
import { type EventLexicon } from './lexicon.js';
import { endsWithAny } from '../endings.js';
import { SentenceWords, matchAt } from './match.js';
import { isAlly, rivalWordIn, rolesOf, type Participant, type Roles } from './roles.js';
import type { Hit } from './triggers.js';
import { isPart } from '../claims/place.js';
import { isStateUse } from '../places/published.js';
import { isDatelinePlace } from '../places/context.js';

export interface Draft extends EventRecord {
  sentence: number;
  /** sentences of drafts absorbed into this one (their words count as the happening's: "Police arrested 12") */
  absorbed?: number[];
  /** the most people its sentence counts as displaced (the lower bound), 0 when none */
  moved: number;
  priority: number;
  /** the headline (first line of a text of several lines) */
  headline: boolean;
  /** the sentence names a place below country level / a day of its own */
  ownPlace: boolean;
  ownDate: boolean;
  words: SentenceWords;
  /** all participants of the sentence, for filling roles later */
  parts: Participant[];
  /** a nominal trigger after "the" ("the shooting"): it refers back to a happening told before */
  anaphoric: boolean;
  /** the types besides its own that such a reference may be to ("the attacks": the bombings told before) */
  refersTo: string[];
  /** a complement right after the trigger introduces the happening ("the attack on a convoy", "l'attaque d'un convoi"):
   * a reference to nothing told is then still a report */
  introduced: boolean;
  /** the trigger stands in someone's statement (a quote, "a statement that ...") */
  quoted: boolean;
  /** the trigger's clause has a passive subject (a victim) */
  patientWords: string[];
  destinations: { ref: NonNullable<EventRecord['destination']>; n: number }[];
  /** the day its counts were reported ("residents said Wednesday"): the happening's day only when none is told */
  reportedDate: string | null;
}

/** A complement that introduces the happening right after its trigger ("on a convoy", "d'un convoi"). */
const introduced = (toks: Token[], k: number, lex: EventLexicon) => lex.gather.introducedBy.some((p) => matchAt(toks, k, p) > 0);

/** What the stage knows per sentence, bucketed once per article. */
export interface SentenceItems {
  places: Map<number, Place[]>;
  dates: Map<number, DateMention[]>;
  actors: Map<number, Actor[]>;
  claims: Map<number, number[]>;
  statements: Map<number, Analysis['statements']>;
  /** the article's most named place below country level (where it was filed only when it names no other) */
  main: Place | null;
}

export function sentenceItems(a: Analysis): SentenceItems {
  const bucket = <T extends { start: number }>(items: T[]) => {
    const out = new Map<number, T[]>();
    for (const x of items) {
      const sent = sentenceAt(a.sentences, x.start);
      if (!sent) continue;
      const list = out.get(sent.index);
      if (list) list.push(x);
      else out.set(sent.index, [x]);
    }
    return out;
  };
  const items: SentenceItems = { places: bucket(a.places), dates: bucket(a.dates), actors: bucket(a.actors), claims: new Map(), statements: new Map(), main: mainPlace(a.places, (p) => p.lat != null && !isDatelinePlace(p)) ?? mainPlace(a.places, (p) => p.lat != null) };
  // a statement belongs to every sentence its content overlaps (quotes run over several sentences)
  for (const st of a.statements) {
    const first = sentenceAt(a.sentences, st.start)?.index;
    const last = sentenceAt(a.sentences, Math.max(st.start, st.end - 1))?.index ?? first;
    if (first == null || last == null) continue;
    for (let k = first; k <= last; k++) {
      const list = items.statements.get(k) ?? [];
      list.push(st);
      items.statements.set(k, list);
    }
  }
  a.claims.forEach((c, i) => {
    const list = items.claims.get(c.sentence) ?? [];
    list.push(i);
    items.claims.set(c.sentence, list);
  });
  return items;
}

export function placeRef(p: Place): NonNullable<EventRecord['place']> {
  return { name: p.name, geonameId: p.geonameId, country: p.country, lat: p.lat, lon: p.lon, precision: p.precision, kind: p.kind, admin1: p.admin1 ?? null } as NonNullable<EventRecord['place']>;
}

const within = (x: { start: number; end: number }, s: { start: number; end: number }) => x.start >= s.start && x.end <= s.end;
const timePrecision = (d: DateMention): 1 | 2 | 3 => (d.precision === 'day' ? 1 : d.precision === 'week' ? 2 : 3);

/** Whether a movement marker ("from", "left", "to", "toward") stands shortly before an offset. */
export function directionBefore(toks: Token[], i: number, lex: EventLexicon): 'from' | 'to' | null {
  const ofCue = (j: number) => j >= 0 && lex.moveCueNouns.has(toks[j].lower);
  // ("fled Rafah for Khan Younis": a preposition of destination right before the place)
  if (i >= 1 && lex.words.destinationPreps.has(toks[i - 1].lower)) return 'to';
  for (let back = 1; back <= 8 && i - back >= 0; back++) {
    const k = i - back;
    for (const [dir, list] of [['from', lex.from], ['to', lex.to]] as const) {
      for (const p of list) {
        const start = k - p.words.length + 1;
        // ("vers la ville de Bankass", "vers la ville voisine de Saint-Marc": the "de" of a place cue is no "from")
        if (start >= 0 && matchAt(toks, start, p) === k + 1 && !ofCue(start - 1) && !(ofCue(start - 2) && toks[start - 1].kind === 'word')) return dir;
      }
    }
    if (lex.words.coordinators.has(toks[k].lower) || toks[k].text === ',' || toks[k].text === ';') return null;
  }
  return null;
}


/** A cue that names a statement ("in a statement"): what it tells is quoted. */
function quotesStatement(cue: string, lex: EventLexicon): boolean {
  const low = cue.toLowerCase();
  for (const w of lex.words.statementNouns) if (low.includes(w)) return true;
  return false;
}

/** A generic participant for a type whose sentence names none of its own (protesters, civilians). */
const generic = (name: string): { id: string; name: string } => ({ id: `generic:${name}`, name });

type Ref = { id: string; name: string } | null;
const ref = (p: Participant | null | undefined): Ref => (p ? { id: p.id, name: p.name } : null);

/** Actor 1 and 2 of a draft by its type: the crowd of a protest, those who move, the two sides of a battle. */
function sidesOf(h: Hit, roles: Roles, parts: Participant[], toks: Token[], sentClaims: Claim[], lex: EventLexicon): { actor1: Ref; actor2: Ref; roleRule: string } {
  const movement = h.rule.type === 'Movements';
  let actor1 = ref(roles.agent);
  let actor2 = ref(roles.patient);
  let roleRule = roles.rule;
  const r = lex.roles;
  if (h.rule.type === 'Protests' || h.rule.type === 'Riots') {
    // the crowd acts; the police are the other side only when they intervene
    const crowds = [roles.agent, ...parts].filter((p): p is Participant => Boolean(p && r.crowds.has(p.head)));
    const crowd = crowds.find((p) => !r.quantityHeads.has(p.head)) ?? crowds[0];
    actor1 = crowd ? ref(crowd) : generic(h.rule.type === 'Riots' ? 'rioters' : 'protesters');
    const police = parts.find((p) => p.government && p !== crowd);
    actor2 = h.rule.subtype === 'Peaceful protest' ? null : ref(police);
    roleRule = crowd ? 'roles.crowd' : 'roles.crowd-generic';
  } else if (movement) {
    // those who move: the passive subject ("people were evacuated") or the active one ("families fled")
    // (not a phrase that runs into the trigger: "Floods displaced", "displaced" read as its noun)
    const onTrigger = (p: Participant) => p.end > h.start && p.start < h.end;
    const subject = roles.passive ? roles.patient : roles.agent;
    const movers = subject && onTrigger(subject) ? undefined : subject;
    const who = sentClaims.find((c) => c.category === 'displaced')?.who.split(/\s+/).pop();
    const quantity = (p: Participant) => r.quantityHeads.has(p.head);
    const named = parts.filter((p) => r.people.has(p.head) && !onTrigger(p));
    const people = movers && r.people.has(movers.head) && !quantity(movers) ? movers : (named.find((p) => !quantity(p)) ?? named[0] ?? (movers && r.people.has(movers.head) ? movers : undefined));
    actor1 = people ? ref(people) : who ? generic(who) : null;
    actor2 = roles.passive ? ref(roles.agent) : null;
    roleRule = people ? 'roles.movers' : 'roles.movers-claim';
  } else if (h.rule.type === 'Battles' && roles.agent && !roles.patient && rivalWordIn(toks, roles.agent.first - 1, roles.agent.last + 2, lex.words)) {
    // "Rival militias clashed": one group on both sides (a rival word in its words or right around them)
    actor2 = actor1;
    roleRule = 'roles.between-rivals';
  } else if (h.rule.type === 'Battles' && actor1 && (!actor2 || roles.patient?.government === roles.agent?.government)) {
    // two state units are one side: the other side is one of the opposite side
    const other = parts.find((p) => p !== roles.agent && p.government !== roles.agent?.government && !isAlly(toks, p, lex));
    if (other) actor2 = ref(other);
  }
  // "police sounded red alert as a device was found", "Three protesters were shot dead during clashes between
  // security forces and youths": the state side of the sentence acted, or shot the crowd
  const shotCrowd = h.rule.type === 'Violence against civilians' && !!roles.patient && r.protesters.has(roles.patient.head);
  if (!actor1 && (h.rule.type === 'Strategic developments' || shotCrowd)) {
    const state = parts.find((p) => p.government && p !== roles.patient);
    if (state) {
      actor1 = ref(state);
      roleRule = 'roles.state-in-sentence';
    }
  }
  if (actor1 && actor2 && actor1.id === actor2.id && roleRule !== 'roles.between-rivals') actor2 = null;
  return { actor1, actor2, roleRule };
}

/** Where a movement came from and went to among the sentence's places, and the places gone to (a movement is
 * placed at its origin, never where it went). */
function movementEnds(toks: Token[], places: Place[], h: Hit, lex: EventLexicon): { origin: Place | null; destination: Place | null; goneTo: Set<Place> } {
  let origin: Place | null = null;
  let destination: Place | null = null;
  const goneTo = new Set<Place>();
  const dirs = places.map((p) => directionBefore(toks, tokenAt(toks, p.start), lex));
  places.forEach((p, i) => dirs[i] === 'to' && goneTo.add(p));
  for (let i = 0; i < places.length; i++) {
    const p = places[i];
    if (dirs[i] === 'from' && !origin) origin = p;
    else if (dirs[i] === 'to' && !destination && p !== origin) destination = p;
  }
  // "residents near Mount Apo in Kidapawan City have been relocated", "In Punjab, rescuers evacuated 300
  // residents": a movement away with no "from X" leaves the place named before it (not one gone to)
  if (!origin && h.rule.leaving) {
    for (let i = places.length - 1; i >= 0 && !origin; i--) {
      const p = places[i];
      if (p.end <= h.start && p !== destination && dirs[i] !== 'to') origin = p;
    }
  }
  return { origin, destination, goneTo };
}

/** The offset of the comma opening a clause of what went on meanwhile (", as fighting raged") that holds the
 * trigger, after another trigger of the sentence (`others`), or -1. */
function concurrentClause(toks: Token[], h: Hit, others: readonly Hit[], lex: EventLexicon): number {
  for (let k = h.first - 1; k > 0; k--) {
    const t = toks[k];
    if (t.text !== ',' && t.text !== ';') continue;
    return t.text === ',' && lex.words.concurrentOpeners.has(toks[k + 1].lower) && others.some((o) => o !== h && o.last < k) ? t.start : -1;
  }
  return -1;
}

export function buildDraft(a: Analysis, s: Sentence, toks: Token[], h: Hit, parts: Participant[], lex: EventLexicon, items: SentenceItems, words: SentenceWords, headline: boolean, others: readonly Hit[] = [], reporting: readonly Participant[] = []): Draft {
  // "Strikes killed 27 people, as fighting raged in the north": the clause's trigger takes no count before it
  const meanwhile = concurrentClause(toks, h, others, lex);
  const claims = (items.claims.get(s.index) ?? []).filter((i) => a.claims[i].quantity.start > meanwhile);
  const sentClaims = claims.map((i) => a.claims[i]);
  const roles = rolesOf(toks, h, parts, lex, reporting);
  const text = a.document.text;
  // "Britain-based", "US-led": a place in a compound modifier is not where anything happened
  // nor is a place inside a person's name ("one Milan Deori")
  const inName = (p: Place) => parts.some((x) => x.from !== 'noun' && x.start <= p.start && p.end <= x.end && (x.end - x.start) > (p.end - p.start));
  // nor a state named as a side ("Russia launched 112 drones", "rebels backed by Rwanda")
  // (past the article of the actor: "The United States said")
  // (or one the places stage read as a state acting: "what the United States says was an attack")
  const aState = (p: Place) => (p.kind === 'country' && isStateUse(p)) || parts.some((x) => x.from === 'actor' && x.start <= p.start && x.end === p.end && x.government);
  const all = (items.places.get(s.index) ?? []).filter((p) => within(p, s) && !lex.compoundSuffixes.some((suf) => text.startsWith(suf, p.end)) && !inName(p) && !aState(p));
  // ("BEIRUT (Reuters) - Israeli air strikes on southern Lebanon ...": the dateline says where the report was
  // filed; it places the happening only when the sentence names no other place)
  const filed = all.filter((p) => isDatelinePlace(p));
  const places = filed.length && filed.length < all.length ? all.filter((p) => !filed.includes(p)) : all;
  const movement = h.rule.type === 'Movements';
  const { origin, destination, goneTo } = movement ? movementEnds(toks, places, h, lex) : { origin: null, destination: null, goneTo: new Set<Place>() };
  const claimPlace = sentClaims.find((c) => c.place)?.place;
  const claimPlaceFull = claimPlace ? places.find((p) => p.start === claimPlace.start && !goneTo.has(p)) : undefined;
  // a namesake abroad is less likely than a place of the article's own country ("Milan" in Assam)
  const home = items.main?.country;
  if (home && places.some((p) => p.country === home)) places.sort((x, y) => Number(x.country !== home) - Number(y.country !== home) || x.start - y.start);
  const at = goneTo.size ? places.filter((p) => !goneTo.has(p)) : places;
  const place =
    origin ??
    (claimPlaceFull && claimPlaceFull.kind !== 'country' ? claimPlaceFull : undefined) ??
    at.find((p) => p.start >= h.end && p.kind !== 'country' && p.country) ??
    at.find((p) => p.kind !== 'country' && p.country) ??
    claimPlaceFull ??
    at[0] ??
    null;
  // "it was reported on Saturday": that day dates the report
  const reportDay = (d: DateMention) => {
    const k = tokenAt(toks, d.start);
    return [k - 1, k - 2].some((j) => j >= 0 && lex.roles.reportVerbs.has(toks[j].lower));
  };
  const date = (items.dates.get(s.index) ?? []).find((d) => within(d, s) && !d.dateline && !reportDay(d));
  // (a count dated only by the day it was reported, "killed at least 30, residents said Wednesday", does not
  // date the happening either)
  const reported = new Set((items.dates.get(s.index) ?? []).filter((d) => within(d, s) && reportDay(d)).map((d) => d.date));
  const claimDate = sentClaims.find((c) => c.date && !(reported.has(c.date) && !date))?.date ?? null;
  const reportedDate = claimDate ? null : (sentClaims.find((c) => c.date)?.date ?? null);
  const sources = new Set<string>();
  for (const c of sentClaims) if (c.source) sources.add(c.source.name);
  for (const st of items.statements.get(s.index) ?? []) if (st.speaker && st.start <= h.start && h.end <= st.end) sources.add(st.speaker.name);
  const { actor1, actor2, roleRule } = sidesOf(h, roles, parts, toks, sentClaims, lex);
  const r = lex.roles;
  const killed = sentClaims.filter((c) => c.category === 'killed');
  return {
    start: s.start,
    end: s.end,
    sentence: s.index,
    headline,
    ownPlace: places.some((p) => !lex.gather.vagueKinds.has(p.kind) && p.lat != null && p.country != null),
    ownDate: Boolean(date),
    anaphoric:
      (h.first > 0 && !endsWithAny(toks[h.first].lower, lex.words.pastEndings) && lex.gather.anaphoricBefore.has(toks[h.first - 1].lower)) ||
      // ("the terrorist attack": a generic word may take one modifier after its determiner)
      (!!h.rule.refers_to && h.first > 1 && toks[h.first - 1].kind === 'word' && lex.gather.anaphoricBefore.has(toks[h.first - 2].lower)) ||
      // "the shooter emerged ... and began shooting": the attacker already told
      parts.some((p) => r.perpetrators.has(p.head) && p.first > 0 && lex.words.definiteArticles.has(toks[p.first - 1].lower)),
    refersTo: h.rule.refers_to ?? [],
    introduced: introduced(toks, h.last + 1, lex),
    words,
    parts,
    quoted: (items.statements.get(s.index) ?? []).some((st) => st.start <= h.start && h.end <= st.end && (st.direct || quotesStatement(st.cue.text, lex))),
    patientWords: roles.patient ? [roles.patient.head, ...(roles.patientHead ? [roles.patientHead] : [])] : [],
    destinations: destination ? [{ ref: { name: destination.name, geonameId: destination.geonameId, lat: destination.lat, lon: destination.lon }, n: 1 }] : [],
    priority: h.rule.priority,
    type: h.rule.type,
    subtype: h.rule.subtype,
    actor1,
    actor2,
    place: place ? placeRef(place) : null,
    date: date ? date.date : claimDate,
    timePrecision: date ? timePrecision(date) : claimDate ? 1 : 2,
    reportedDate,
    claims,
    moved: Math.max(0, ...sentClaims.filter((c) => c.category === 'displaced').map((c) => c.value.min ?? 0)),
    fatalities: fatalities(killed, lex.roles),
    origin: origin ? { name: origin.name, geonameId: origin.geonameId, lat: origin.lat, lon: origin.lon } : null,
    destination: destination ? { name: destination.name, geonameId: destination.geonameId, lat: destination.lat, lon: destination.lon } : null,
    sources: [...sources],
    evidence: [
      { rule: `events.${h.rule.id}`, span: { start: h.start, end: h.end } },
      { rule: `events.${roleRule}`, span: { start: h.start, end: h.end } },
    ],
  };
}

function tokenAt(toks: Token[], offset: number): number {
  let i = 0;
  while (i < toks.length && toks[i].start < offset) i++;
  return i;
}

/**
 * "shelled the districts of A, B and C": places listed after the trigger, each its own happening.
 * Returns the list when there are two or more, joined only by commas and "and".
 */
export function listedPlaces(toks: Token[], places: Place[], after: number, lex: EventLexicon): Place[] {
  const cands = places.filter((p) => p.start >= after && !/^(country|admin1|continent|region)$/.test(p.kind));
  let best: Place[] = [];
  let run: Place[] = [];
  for (const p of cands) {
    const prev = run[run.length - 1];
    if (prev) {
      const between = toks.filter((t) => t.start >= prev.end && t.end <= p.start).map((t) => t.lower);
      const joined = between.length > 0 && between.length <= 2 && between.every((w) => w === ',' || lex.words.coordinators.has(w));
      if (!joined) run = [];
    }
    run.push(p);
    if (run.length > best.length) best = [...run];
  }
  return best.length >= 2 ? best : [];
}

/** The conservative rule: the lowest credible figure among the event's death claims. */
export function fatalities(killed: Claim[], words: { perpetrators: ReadonlySet<string>; tollHeads: ReadonlySet<string> }): number | null {
  const head = (c: Claim) => c.who.slice(c.who.lastIndexOf(' ') + 1);
  // "17 civilians were killed ... the soldiers killed two assailants": the attackers' deaths are another group,
  // no lower figure for the victims (the victims' toll stands; ACLED's range runs up to victims and attackers)
  const attacker = (c: Claim) => words.perpetrators.has(head(c));
  if (killed.some((c) => !attacker(c))) killed = killed.filter((c) => !attacker(c));
  // ("killed 18 people ... eliminated two senior operatives": a toll of people as a whole is the toll; a group named
  // apart is a part of it, or another's figure for some of them)
  if (killed.some((c) => words.tollHeads.has(head(c)))) killed = killed.filter((c) => words.tollHeads.has(head(c)));
  // "at least 70 people, including 10 women and three infants": the parts are inside the whole
  const wholes = killed.some((c) => !isPart(c)) ? killed.filter((c) => !isPart(c)) : killed;
  const lows = wholes.map((c) => c.value.min ?? c.value.max).filter((v): v is number => v != null);
  return lows.length ? Math.min(...lows) : null;
}
