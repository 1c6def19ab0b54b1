// Events: what happened, to whom, where and when, typed with ACLED's event types and sub-types plus
// movements of people (evacuation, displacement, return) with origin and destination.
//
// Decided per happening, not per trigger word:
//   triggers.ts   the words that name a kind of happening, less references, plans and denials
//   draft.ts      per sentence and type, a draft with roles (roles.ts), place, day and claims;
//                 sentences of background ("last month", an old date) give none
//   happenings.ts drafts gathered into happenings, absorbed (an arrest told with its attack),
//                 typed by the ordered cascade, actor 1 and toll completed
// Every decision leaves its rule in the event's evidence.
import { existsSync } from 'node:fs';
import type { Actor, Analysis, Claim, EventRecord, Evidence, Sentence, Token } from '../../core/types.js';
import { english, languageOf } from '../../lang/index.js';
import type { Resources } from '../../pipeline/resources.js';
import type { Stage } from '../../pipeline/stage.js';
import { buildDraft, directionBefore, listedPlaces, placeRef, sentenceItems, type Draft, type SentenceItems } from './draft.js';
import { absorb, cascade, gather, toll, type Happening } from './happenings.js';
import { loadEventLexicon, type EventLexicon } from './lexicon.js';
import { endsWithAny } from '../endings.js';
import { findPhrase, SentenceWords, type Phrase } from './match.js';
import { governmentName, participants, type Participant } from './roles.js';
import { tokenIndexAt } from '../sentences/index.js';
import { findTriggers, type Hit } from './triggers.js';
import { reporterFilter } from './reporters.js';
import { isDatelinePlace } from '../places/context.js';
import { GAZETTEER_KEY, PLACES_LEXICON_KEY } from '../places/index.js';
import { loadPlacesLexicon, type PlacesLexicon } from '../places/lexicon.js';
import { loadGazetteer, type Gazetteer } from '../../geo/gazetteer.js';
import { demonymPlaces, type DemonymPlaces } from './demonym-places.js';

export { loadEventLexicon, type EventLexicon } from './lexicon.js';
export { fatalities } from './draft.js';

function tokensBySentence(a: Analysis): Token[][] {
  const out: Token[][] = a.sentences.map(() => []);
  for (const t of a.tokens) out[t.sentence]?.push(t);
  return out;
}

const DAY = 86_400_000;
/** The dates stage's rule for "since 2009". */
const SINCE_YEAR = 'dates.since-year';

/** The background cues and court phrases as one list (one walk over a sentence), built once per lexicon. */
const backgroundLists = new WeakMap<EventLexicon['background'], Phrase[]>();
function backgroundPhrases(b: EventLexicon['background']): Phrase[] {
  let list = backgroundLists.get(b);
  if (!list) backgroundLists.set(b, (list = [...b.cues, ...b.court]));
  return list;
}

/** Does the sentence tell of something before the current news ("last month", a date long past)? */
function background(a: Analysis, s: Sentence, toks: Token[], items: SentenceItems, lex: EventLexicon): boolean {
  const list = backgroundPhrases(lex.background);
  // ("in the past month", "in the past two weeks": a span that reaches the current news is none)
  const recent = (e: number) => lex.background.recentUnits.has(toks[e]?.lower ?? '') || lex.background.recentUnits.has(toks[e + 1]?.lower ?? '');
  for (let m = findPhrase(toks, list); m; m = findPhrase(toks, list, m.start + 1)) if (!recent(m.end)) return true;
  const ref = a.referenceDate ? Date.parse(a.referenceDate + 'T00:00:00Z') : null;
  // "since 2009, when six pupils were wounded": a span from a year gone by, even with no day to count from
  if (ref == null) return (items.dates.get(s.index) ?? []).some((d) => d.precision === 'year' && d.evidence.some((e) => e.rule === SINCE_YEAR));
  return (items.dates.get(s.index) ?? []).some((d) => {
    if (d.dateline || !d.date) return false;
    const age = (ref - Date.parse(d.date + 'T00:00:00Z')) / DAY;
    return d.precision === 'day' ? age > lex.background.maxDayAge : age > lex.backgroundDays;
  });
}

const refersBack = (toks: Token[], h: Hit, lex: EventLexicon) => h.first > 0 && !endsWithAny(toks[h.first].lower, lex.words.pastEndings) && lex.gather.anaphoricBefore.has(toks[h.first - 1].lower);

/** The drafts of one sentence: the strongest trigger of each event type. */
function sentenceDrafts(a: Analysis, s: Sentence, toks: Token[], lex: EventLexicon, items: SentenceItems, isReporter: (s: Sentence, x: Actor) => boolean, headline: boolean): Draft[] {
  const sentClaims = (items.claims.get(s.index) ?? []).map((i) => a.claims[i]);
  const hasPlace = (items.places.get(s.index) ?? []).some((p) => p.kind !== 'country');
  const words = new SentenceWords(toks);
  const hits = findTriggers(toks, lex, new Set(sentClaims.map((c) => c.category)), hasPlace, words, sentClaims.map((c) => ({ start: c.quantity.start, category: c.category })));
  // a count of displaced people with no trigger of its own still reports a movement
  // (not a population displaced before, counted by its noun: "which houses thousands of displaced people")
  const standing = (c: Claim) => c.evidence[0]?.rule === 'claims.category:noun' && lex.words.standingPopulations.has(c.who.split(' ')[0]);
  const displaced = sentClaims.find((c) => c.category === 'displaced' && !standing(c));
  if (displaced && !hits.some((h) => h.rule.type === 'Movements') && !findPhrase(toks, lex.notReported.unreal)) {
    const rule = lex.rules.find((r) => r.subtype === 'Evacuation' && !r.needs_claim);
    const i = toks.findIndex((t) => t.start >= displaced.quantity.start);
    if (rule && i >= 0) hits.push({ rule: { ...rule, id: 'displaced-claim', priority: 1 }, start: displaced.quantity.start, end: displaced.quantity.end, first: i, last: i });
  }
  if (!hits.length || background(a, s, toks, items, lex)) return [];
  const inSentence = (items.actors.get(s.index) ?? []).filter((x) => x.start >= s.start && x.end <= s.end);
  const actors = inSentence.filter((x) => !isReporter(s, x));
  const reporters = actors.length < inSentence.length ? inSentence.filter((x) => !actors.includes(x)) : [];
  let parts: Participant[] | null = null;
  // (the reporters apart: "The army said it had killed 12 militants" names who acted by a pronoun)
  const reporting: Participant[] = [];
  const governmentInSentence = () => (parts ??= participants(toks, actors, items.places.get(s.index) ?? [], lex, true, reporters, reporting)).some((p) => p.government) || toks.some((t) => governmentName(t.lower, '', lex));
  // the highest-priority hit of each event type (first one on ties)
  const byType = new Map<string, Hit>();
  for (const h of hits) {
    let rule = h.rule;
    if (rule.needs_actor_kind === 'government' && !governmentInSentence()) {
      const nsa = lex.rules.find((r) => r.subtype === 'Non-state actor overtakes territory');
      if (nsa) rule = nsa;
    }
    const cur = byType.get(rule.type);
    // "these blasts came hours after a bomb explosion": the happening told anew beats the one referred back to
    const fresh = !refersBack(toks, h, lex);
    const curFresh = cur ? !refersBack(toks, cur, lex) : false;
    if (!cur || (fresh && !curFresh) || (fresh === curFresh && rule.priority > cur.rule.priority)) byType.set(rule.type, { rule, start: h.start, end: h.end, first: h.first, last: h.last });
  }
  parts ??= participants(toks, actors, items.places.get(s.index) ?? [], lex, true, reporters, reporting);
  if (reporters.length) reporting.push(...participants(toks, reporters, [], lex, false));
  const out: Draft[] = [];
  const chosen = [...byType.values()];
  for (const h of chosen) {
    const d = buildDraft(a, s, toks, h, parts, lex, items, words, headline, chosen, reporting);
    // a movement needs people who move
    if (d.type === 'Movements' && ((!d.actor1 && !sentClaims.some((c) => c.category === 'displaced' || c.category === 'vehicles')) || toks.some((t) => lex.gather.movementNot.has(t.lower)))) continue;
    // ("a convoy of 40 trucks carrying aid entered Gaza": goods moved, no people)
    if (d.type === 'Movements' && !d.actor1 && !sentClaims.some((c) => c.category === 'displaced') && findPhrase(toks, lex.gather.cargo)) continue;
    const list = d.type === 'Movements' ? [] : listedPlaces(toks, items.places.get(s.index) ?? [], h.end, lex);
    if (!list.length) out.push(d);
    // "shelled A, B and C": one happening per place, each anchored on its name
    for (const p of list) {
      out.push({ ...d, start: p.start, end: p.end, place: placeRef(p), ownPlace: true, evidence: [...d.evidence, { rule: 'events.listed-place', span: { start: p.start, end: p.end } }] });
    }
  }
  return out;
}

const NO_DEMONYMS: DemonymPlaces = { capital: () => null, border: () => null };

export function extractEvents(a: Analysis, lex: EventLexicon, demonyms: DemonymPlaces = NO_DEMONYMS): EventRecord[] {
  const toks = tokensBySentence(a);
  const items = sentenceItems(a);
  const isReporter = reporterFilter(a, lex);
  const titled = headlineParagraph(a, toks, lex);
  const drafts: Draft[] = [];
  for (const s of a.sentences) drafts.push(...sentenceDrafts(a, s, toks[s.index], lex, items, isReporter, titled && s.paragraph === 0));
  const happenings = gather(absorb(drafts, lex, toks), lex, toks);
  const draftSentences = new Set(drafts.map((d) => d.sentence));
  return dayOfTheNews(a, oncePerSentence(happenings.map((h) => ({ sentence: h.anchor.sentence, e: finish(a, h, lex, toks, items, draftSentences, demonyms) }))));
}

/** A happening told with no day ("Protesters blocked roads in Kibera" after "Police fired tear gas on Tuesday")
 * happened on the day of the happening told before it, else on the day of publication. */
function dayOfTheNews(a: Analysis, events: EventRecord[]): EventRecord[] {
  let day: string | null = null;
  for (const e of [...events].sort((x, y) => x.start - y.start)) {
    if (e.date) {
      if (e.timePrecision === 1) day = e.date;
      continue;
    }
    e.date = day ?? a.referenceDate ?? null;
    if (day) e.evidence.push({ rule: 'events.date.day-before', span: { start: e.start, end: e.end } });
  }
  return events;
}

/** Neither was one of several places listed after the trigger, and they name no two places. */
const listed = (e: EventRecord) => e.evidence.some((x) => x.rule === 'events.listed-place');
const samePlace = (x: EventRecord, y: EventRecord) => !listed(x) && !listed(y) && (!x.place || !y.place || x.place.name === y.place.name);

/**
 * Two happenings of one sentence that became the same type and subtype once typed ("a affirmé avoir neutralisé
 * une dizaine d'assaillants lors d'une opération": a killing of armed men and an operation, both an armed clash)
 * are one event: the first, completed with what only the other knew.
 */
function oncePerSentence(list: { sentence: number; e: EventRecord }[]): EventRecord[] {
  const out: { sentence: number; e: EventRecord }[] = [];
  for (const x of list) {
    const same = out.find((o) => o.sentence === x.sentence && o.e.type === x.e.type && o.e.subtype === x.e.subtype && o.e.type !== 'Movements' && samePlace(o.e, x.e));
    if (!same) {
      out.push(x);
      continue;
    }
    const [keep, other] = [same.e, x.e];
    // (the other's sides where this one has none, never the same side twice)
    for (const side of [other.actor1, other.actor2]) {
      if (!side || side.id === keep.actor1?.id || side.id === keep.actor2?.id) continue;
      if (!keep.actor1) keep.actor1 = side;
      else if (!keep.actor2) keep.actor2 = side;
    }
    keep.fatalities ??= other.fatalities;
    if (!keep.place || (other.place && other.place.precision < keep.place.precision)) keep.place = other.place;
    keep.claims = [...new Set([...keep.claims, ...other.claims])];
    keep.sources = [...new Set([...keep.sources, ...other.sources])];
    keep.evidence.push({ rule: 'events.gather.same-sentence', span: { start: other.start, end: other.end } }, ...other.evidence);
  }
  return out.map((x) => x.e);
}

/**
 * Is the first paragraph of a text of several a headline? Not when it is the lead: it holds the dateline
 * ("GOMA, Congo (Reuters) - M23 rebels seized ..."), or it is one long sentence ending in a full stop.
 */
function headlineParagraph(a: Analysis, toks: Token[][], lex: EventLexicon): boolean {
  const first = a.sentences.filter((s) => s.paragraph === 0);
  if (first.length === 0 || first.length === a.sentences.length) return false;
  const last = first[first.length - 1];
  if (a.places.some((p) => p.end <= last.end && isDatelinePlace(p))) return false;
  const words = first.reduce((n, s) => n + (toks[s.index] ?? []).filter((t) => t.kind === 'word').length, 0);
  const stop = toks[last.index]?.[toks[last.index].length - 1]?.text === '.';
  return !(stop && words > lex.gather.headlineMaxWords);
}

const isState = (lex: EventLexicon) => (id: string, name: string) => governmentName(name, id, lex);

/**
 * Where a happening was: the anchor's place, else one of its other sentences', else a capital its sentences name
 * by a demonym ("the Somali capital"), else a place of the two sentences before, else the article's.
 */
function placeOf(a: Analysis, h: Happening, lex: EventLexicon, toks: Token[][], items: SentenceItems, demonyms: DemonymPlaces, evidence: Evidence[]): EventRecord['place'] {
  const d = h.anchor;
  const drafts = [d, ...h.drafts];
  const placed = drafts.find((x) => x.ownPlace);
  if (placed?.place) return placed.place;
  if (!placed && h.type !== 'Movements') {
    for (const k of new Set(drafts.map((x) => x.sentence))) {
      const cap = demonyms.capital(toks[k]);
      if (!cap) continue;
      evidence.push({ rule: 'events.place.capital-by-demonym', span: { start: cap.start, end: cap.end } });
      return cap.place;
    }
  }
  const own = placed ? null : drafts.find((x) => x.place)?.place;
  if (own) return own;
  for (let k = d.sentence - 1; k >= Math.max(0, d.sentence - 2); k--) {
    const prev = (items.places.get(k) ?? []).filter((p) => p.kind !== 'country' && !lex.compoundSuffixes.some((suf) => a.document.text.startsWith(suf, p.end)));
    if (prev.length) return { ...placeRef(prev[prev.length - 1]), precision: Math.max(2, prev[prev.length - 1].precision) as 2 | 3 };
  }
  return items.main ? { ...placeRef(items.main), precision: 3 } : null;
}

/** One happening as an event: roles completed, typed, placed, dated, with its toll. */
function finish(a: Analysis, h: Happening, lex: EventLexicon, toks: Token[][], items: SentenceItems, draftSentences: Set<number>, demonyms: DemonymPlaces): EventRecord {
  const d = h.anchor;
  const evidence = [...d.evidence];
  const violent = h.type === 'Violence against civilians' || h.type === 'Explosions/Remote violence';
  // a side acted upon in one sentence is never the one who acted, told in another
  const sufferers = new Set(h.drafts.flatMap((x) => (x.actor2 ? [x.actor2.name.toLowerCase()] : [])));
  const others = h.drafts.filter((x) => x !== d && x.actor1 && !sufferers.has(x.actor1.name.toLowerCase()));
  // (a violent happening takes only a side blamed for it from its other sentences: "Officials blamed the attack on X")
  const blamed = others.find((x) => x.evidence.some((e) => e.rule === 'events.roles.blamed'))?.actor1;
  let actor1 = d.actor1 ?? (violent ? blamed : others[0]?.actor1) ?? null;
  let actor2 = d.actor2 ?? h.drafts.find((x) => x.actor2 && x.actor2.id !== actor1?.id)?.actor2 ?? null;
  if (!actor1 && violent) {
    // the attack's sentences name no one who acted: the side blamed for it just after, else the attacker, gunman
    // or suspect they speak of
    const blamedNext = blamedAfter(h, lex, toks, items, draftSentences);
    const perp = blamedNext ?? perpetrator(h, a, lex, toks, items, actor2?.id);
    if (perp) {
      actor1 = { id: perp.id, name: perp.name };
      evidence.push({ rule: blamedNext ? 'events.roles.blamed-after' : 'events.roles.perpetrator-noun', span: { start: perp.start, end: perp.end } });
    } else if (h.type === 'Violence against civilians' && others[0]?.actor1) actor1 = others[0].actor1;
  }
  // (an air strike or a bombing too: "warplanes bombed a market in the rebel-held town, killing 25 civilians")
  if (!actor2 && violent) {
    const victim = h.drafts.flatMap((x) => x.parts).find((p) => lex.roles.victims.has(p.head) && p.id !== actor1?.id);
    if (victim) actor2 = { id: victim.id, name: victim.name };
  }
  const before = h.type;
  const state = isState(lex);
  cascade(h, lex, { actor1, actor2 }, state, toks);
  // a clash that became a riot or a protest: the crowd acts, the state's side is the other ("Des heurts ont
  // opposé manifestants et forces de l'ordre")
  if (before !== h.type && (h.type === 'Riots' || h.type === 'Protests') && actor1 && actor2 && state(actor1.id, actor1.name) && !state(actor2.id, actor2.name)) [actor1, actor2] = [actor2, actor1];
  if (h.type === 'Protests' && h.subtype === 'Peaceful protest') actor2 = null;
  const t = toll(a, h, lex, toks, draftSentences);
  if (t.rule) evidence.push({ rule: t.rule, span: { start: d.start, end: d.end } });
  // an abduction or a burning told with deaths of its own ("killing 11 worshippers and abducting 18 others",
  // "torched the village, killing 12") is coded by its most violent part, as ACLED does: an attack
  const deadly = lex.gather.attackWithDeaths.get(h.subtype);
  if (deadly && t.value && !t.rule) {
    h.type = 'Violence against civilians';
    h.subtype = 'Attack';
    evidence.push({ rule: `events.${deadly}`, span: { start: d.start, end: d.end } });
  }
  const place = placeOf(a, h, lex, toks, items, demonyms, evidence);
  const movement = h.type === 'Movements';
  const origin = movement ? (h.drafts.find((x) => x.origin)?.origin ?? null) : null;
  const destination = movement ? (mostNamed(h.drafts.flatMap((x) => x.destinations)) ?? destinationAfter(h, a, toks, items, lex) ?? borderGoneTo(h, toks, lex, demonyms, evidence)) : null;
  const dated = [d, ...h.drafts].filter((x) => x.date).sort((x, y) => (x.timePrecision ?? 9) - (y.timePrecision ?? 9))[0];
  const sources = [...new Set(h.drafts.flatMap((x) => x.sources))];
  for (const x of h.drafts) if (x !== d) evidence.push({ rule: 'events.gather.told-again', span: { start: x.start, end: x.end } });
  return {
    start: d.start,
    end: d.end,
    type: h.type,
    subtype: h.subtype,
    actor1,
    actor2,
    place,
    date: dated?.date ?? [d, ...h.drafts].find((x) => x.reportedDate)?.reportedDate ?? null,
    timePrecision: dated ? dated.timePrecision : 2,
    claims: t.claims,
    fatalities: t.value,
    origin,
    destination,
    sources,
    evidence: [...evidence, ...h.evidence],
  };
}

function mostNamed(list: Draft['destinations']): EventRecord['destination'] {
  const counts: { ref: NonNullable<EventRecord['destination']>; n: number }[] = [];
  for (const x of list) {
    const cur = counts.find((c) => c.ref.name === x.ref.name);
    if (cur) cur.n += x.n;
    else counts.push({ ...x });
  }
  let best: (typeof counts)[number] | null = null;
  for (const c of counts) if (!best || c.n > best.n) best = c;
  return best?.ref ?? null;
}

/** "fled toward the Turkish border", "vers la frontière turque": the country whose border a movement went to. */
function borderGoneTo(h: Happening, toks: Token[][], lex: EventLexicon, demonyms: DemonymPlaces, evidence: Evidence[]): EventRecord['destination'] {
  for (const k of new Set([h.anchor.sentence, ...h.drafts.map((x) => x.sentence)])) {
    const b = demonyms.border(toks[k]);
    if (!b || directionBefore(toks[k], tokenIndexAt(toks[k], b.start), lex) !== 'to') continue;
    evidence.push({ rule: 'events.destination.border-by-demonym', span: { start: b.start, end: b.end } });
    return { name: b.place.name, geonameId: b.place.geonameId, lat: b.place.lat, lon: b.place.lon };
  }
  return null;
}

/** A movement's destination told in the sentences right after it ("the convoy was expected to arrive in Idlib"). */
function destinationAfter(h: Happening, a: Analysis, toks: Token[][], items: SentenceItems, lex: EventLexicon): EventRecord['destination'] {
  const last = Math.max(...h.drafts.map((x) => x.sentence));
  for (let k = last + 1; k <= last + 2 && k < a.sentences.length; k++) {
    const ts = toks[k];
    if (!ts.some((t) => lex.movers.has(t.lower))) continue;
    for (const p of items.places.get(k) ?? []) {
      if (directionBefore(ts, tokenIndexAt(ts, p.start), lex) === 'to') return { name: p.name, geonameId: p.geonameId, lat: p.lat, lon: p.lon };
    }
  }
  return null;
}

/** "Officials blamed the attack on al-Shabab": in the happening's sentences or the two after them (up to another
 * happening's), a verb of blame, its object and preposition, then a side. */
function blamedAfter(h: Happening, lex: EventLexicon, toks: Token[][], items: SentenceItems, draftSentences: Set<number>): Participant | null {
  const w = lex.words;
  if (!w.blameVerbs.size) return null;
  const own = new Set(h.drafts.map((x) => x.sentence));
  const last = Math.max(h.anchor.sentence, ...own);
  for (let k = Math.min(h.anchor.sentence, ...own); k <= last + 2 && k < toks.length; k++) {
    if (!own.has(k) && draftSentences.has(k)) break;
    const ts = toks[k];
    for (let v = 0; v < ts.length; v++) {
      if (!w.blameVerbs.has(ts[v].lower)) continue;
      let q = -1;
      for (let x = v + 2; x <= v + 4 && x < ts.length && q < 0; x++) if (w.blamePreps.has(ts[x].lower)) q = x;
      if (q < 0) continue;
      const found = participants(ts, items.actors.get(k) ?? [], items.places.get(k) ?? [], lex, false).find((p) => p.first > q && p.first <= q + 3);
      if (found) return found;
    }
  }
  return null;
}

/** The first attacker, gunman or suspect named in the happening's sentences, else in the article. */
function perpetrator(h: Happening, a: Analysis, lex: EventLexicon, toks: Token[][], items: SentenceItems, victim: string | undefined): Participant | null {
  // ("five attackers were shot dead": the attackers who suffered, or a mention over them, are not who acted)
  const parts = h.drafts.flatMap((x) => x.parts);
  const suffered = parts.filter((p) => p.id === victim);
  const acting = (p: Participant) => lex.roles.perpetrators.has(p.head) && p.id !== victim && !suffered.some((v) => v.start < p.end && p.start < v.end);
  const own = parts.find(acting);
  // an explosion's bomber is named where it is told; an attacker may be named anywhere in the article
  if (own || h.type !== 'Violence against civilians') return own ?? null;
  for (const s of a.sentences) {
    const ts = toks[s.index];
    if (!ts.some((t) => lex.roles.perpetrators.has(t.lower))) continue;
    const found = participants(ts, [], items.places.get(s.index) ?? [], lex, false).find(acting);
    if (found) return found;
  }
  return null;
}

export const eventsStage: Stage = {
  name: 'events',
  requires: ['sentences', 'tokens', 'claims', 'places', 'actors', 'dates', 'statements'],
  assigns: ['events'],
  run(a: Analysis, r: Resources) {
    const L = languageOf(a);
    // a language's own files where it has them; the decision rules fall back to English's
    const own = (f: string) => (existsSync(L.data(f)) ? L.data(f) : english.data(f));
    const lex = r.get(L.lexiconKey('events.lexicon'), () => loadEventLexicon(own('events.json'), own('events-decide.json'), L.adjectivesFollowNouns));
    const gaz = r.get<Gazetteer>(GAZETTEER_KEY, () => loadGazetteer());
    const places = r.get<PlacesLexicon>(L.lexiconKey(PLACES_LEXICON_KEY), () => loadPlacesLexicon(L));
    const demonyms = r.get(L.lexiconKey('events.demonym-places'), () => demonymPlaces(gaz, places.demonymCountry, places.proximity, lex.words, L.adjectivesFollowNouns));
    a.events = extractEvents(a, lex, demonyms);
  },
};
