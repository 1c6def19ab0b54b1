// Happenings: the drafts of one article gathered into one event per happening (same type, place,
// day; a follow-up sentence with no place or day of its own tells more of the last one; a headline
// restates one of the body), then typed by the cascade (data/en/events-decide.json), completed
// (actor 1 from the perpetrator nouns, the toll of the next sentence) and anchored on the sentence
// that reports it best. Every decision adds its rule to the event's evidence.
import type { Analysis, EventRecord, Token } from '../../core/types.js';
import type { Draft } from './draft.js';
import { fatalities } from './draft.js';
import type { CascadeRule, EventLexicon } from './lexicon.js';
import { findPhrase, type Phrase } from './match.js';
import { km } from '../../geo/distance.js';

export interface Happening {
  drafts: Draft[];
  /** the draft whose sentence reports it best */
  anchor: Draft;
  type: string;
  subtype: string;
  evidence: EventRecord['evidence'];
}

/** A place name without case or an Arabic article ("al-Foua" and "Foua" are one place). */
const foldName = (s: string) => s.toLowerCase().replace(/^(?:al|el|ad|ar|as|ash|at|az|an)[-\s]+/, '').replace(/[’'`-]/g, '');
export const sameName = (x?: { name: string; geonameId: number | null } | null, y?: { name: string; geonameId: number | null } | null) =>
  Boolean(x && y && ((x.geonameId != null && x.geonameId === y.geonameId) || foldName(x.name) === foldName(y.name)));

/** The lead: the sentences before this index (headline, dateline, first paragraph) */
const LEAD = 3;

const span = (d: Draft) => ({ start: d.start, end: d.end });

/** Drop the drafts that belong to another happening (an arrest told with its attack). */
export function absorb(drafts: Draft[], lex: EventLexicon, toks: Token[][]): Draft[] {
  const gone = new Set<Draft>();
  for (const rule of lex.absorb) {
    for (const d of drafts) {
      if (d.subtype !== rule.subtype || (rule.type && d.type !== rule.type)) continue;
      if (rule.words && !findPhrase(toks[d.sentence] ?? [], rule.words)) continue;
      // the absorbing report must have a side (an explosion with nobody in it cannot hold an arrest)
      // (the next sentence's arrest, not one placed elsewhere or told as another happening: "Separately, police in
      // Batumi arrested ...")
      const next = (o: Draft) => o.sentence === d.sentence - 1 && !newCue(d, lex, toks) && !(d.ownPlace && d.place && o.place && !sameName(o.place, d.place));
      const near = (o: Draft) => rule.scope === 'article' || o.sentence === d.sentence || (rule.scope === 'next' && next(o));
      const host = drafts.find((o) => o !== d && !gone.has(o) && rule.into.includes(o.type) && near(o) && (o.actor1 || o.actor2 || o.type === 'Violence against civilians'));
      if (!host) continue;
      gone.add(d);
      if (d.sentence !== host.sentence) (host.absorbed ??= []).push(d.sentence);
      const crowd = host.type === 'Protests' || host.type === 'Riots';
      // (the police who arrested protesters are the side that intervened)
      if (d.subtype === 'Arrests' && crowd && !host.actor2 && d.actor1) host.actor2 = d.actor1;
      host.evidence.push({ rule: `events.${rule.id}`, span: span(d) });
      // the one arrested for an attack is the one who did it
      if (d.subtype === 'Arrests' && !host.actor1 && d.actor2 && !crowd) {
        host.actor1 = d.actor2;
        if (host.actor2?.id === d.actor2.id) host.actor2 = null;
        host.evidence.push({ rule: 'events.roles.arrested-attacker', span: span(d) });
      }
    }
  }
  return drafts.filter((d) => !gone.has(d));
}

/** Types told of one happening in turn: a protest whose crowd then throws stones (the cascade then decides). */
const family = (type: string) => (type === 'Riots' ? 'Protests' : type);

/**
 * What joins() asks of a happening's drafts, kept up to date as drafts are added (read afresh for
 * every new draft it made gathering quadratic: thousands of one-line sentences, each a draft).
 * `placed` holds one draft per distinct place; `placedIn` the places named in each sentence.
 */
interface Summary {
  n: number;
  origin: Draft['origin'] | undefined;
  placed: Draft[];
  placedIn: Map<number, Draft[]>;
  day: string | null | undefined;
  dayFound: boolean;
  allLead: boolean;
  allUnplaced: boolean;
}
const summaries = new WeakMap<Happening, Summary>();
function summaryOf(h: Happening): Summary {
  let s = summaries.get(h);
  if (!s) summaries.set(h, (s = { n: 0, origin: undefined, placed: [], placedIn: new Map(), day: undefined, dayFound: false, allLead: true, allUnplaced: true }));
  for (; s.n < h.drafts.length; s.n++) {
    const x = h.drafts[s.n];
    if (x.origin && !s.origin) s.origin = x.origin;
    if (x.ownPlace) {
      if (!s.placed.some((p) => sameName(p.place, x.place))) s.placed.push(x);
      const inS = s.placedIn.get(x.sentence);
      if (!inS) s.placedIn.set(x.sentence, [x]);
      else if (!inS.some((p) => sameName(p.place, x.place))) inS.push(x);
    }
    if (x.ownDate && !s.dayFound) {
      s.dayFound = true;
      s.day = x.date;
    }
    if (x.sentence > LEAD) s.allLead = false;
    if (x.place) s.allUnplaced = false;
  }
  return s;
}

/** Does the draft's sentence hold a cue of a new happening? Asked of each happening it might join: read once per draft. */
const newCues = new WeakMap<Draft, boolean>();
function newCue(d: Draft, lex: EventLexicon, toks: Token[][]): boolean {
  let v = newCues.get(d);
  if (v === undefined) {
    // ("more than 150 people gathered": a comparison, no new happening)
    const ts = toks[d.sentence] ?? [];
    v = false;
    for (let m = findPhrase(ts, lex.gather.newCues); m && !v; m = findPhrase(ts, lex.gather.newCues, m.end)) v = !lex.gather.notNewAfter.has(ts[m.end]?.lower ?? '');
    newCues.set(d, v);
  }
  return v;
}

function joins(h: Happening, d: Draft, lex: EventLexicon, toks: Token[][]): boolean {
  // "in the attacks" after the bombings: a generic word for whatever was told; and the bombing told after "an attack"
  const generic = d.refersTo.includes(h.type) || (h.drafts.every((x) => x.refersTo.includes(d.type)));
  if (family(h.type) !== family(d.type) && !generic) return false;
  // a riot or protest told of anew, with its own place, is its own happening
  if (h.type !== d.type && !generic && (d.ownPlace || d.ownDate)) return false;
  const e = h.drafts[h.drafts.length - 1];
  const sum = summaryOf(h);
  if (d.type === 'Movements') {
    const origin = sum.origin;
    if (origin && d.origin) return sameName(origin, d.origin);
    // a lead with neither origin nor place of its own is the movement the body then places
    if (!origin && !sum.placed.length) return true;
    return d.sentence - e.sentence <= 2 || (!d.ownPlace && !d.origin);
  }
  // "two more explosions", "another attack": a new happening unless at the same place
  const isNew = newCue(d, lex, toks);
  const placed = sum.placed;
  const day = sum.day;
  // "the shooting", "for the rally": the happening already told
  if (d.anaphoric) return true;
  // a lead with no place or day of its own is the happening the body then places
  if (!placed.length && !day && !isNew && sum.allLead) return true;
  if ((sum.placedIn.get(d.sentence) ?? []).some((x) => !sameName(x.place, d.place))) return false;
  // a follow-up with no place or day of its own ("the buildings targeted by the bombings")
  if (!d.ownPlace && !d.ownDate) return !isNew;
  if (day && d.ownDate && d.date !== day) return false;
  // the same day at the same wide place ("in the Deir az-Zour region" told twice): the same happening
  if (day && d.ownDate && !d.ownPlace && d.place && h.drafts.some((x) => !x.ownPlace && sameName(x.place, d.place))) return !isNew;
  if (d.ownPlace && placed.length) {
    if (isNew) return false;
    if (placed.some((x) => sameName(x.place, d.place))) return true;
    if (d.ownDate || d.sentence - e.sentence > lex.gather.nearSentences) return false;
    // a hall of the campus, a district of the city: the same happening told more closely
    return placed.some((x) => km(x.place, d.place) <= lex.gather.nearKm);
  }
  // a sentence that names no place goes on about the one just told; one naming a place of its own does not
  return !isNew && !d.ownDate && d.sentence - e.sentence <= 1 && sum.allUnplaced;
}

/** Gather drafts into happenings: the body first, then the headline restating one of them. */
export function gather(drafts: Draft[], lex: EventLexicon, toks: Token[][]): Happening[] {
  const out: Happening[] = [];
  const body = drafts.filter((d) => !d.headline);
  for (const d of body) {
    // the latest happening of the type that this draft continues
    let target: Happening | undefined;
    for (let k = out.length - 1; k >= 0 && !target; k--) if (joins(out[k], d, lex, toks)) target = out[k];
    if (target) {
      target.drafts.push(d);
      target.evidence.push({ rule: d.anaphoric ? 'events.gather.refers-back' : 'events.gather.same-happening', span: span(d) });
      continue;
    }
    // a reference to a happening never told ("the twin blasts ... had left 20 dead"), or a mention with no place or day
    const toldInHeadline = drafts.some((x) => x.headline && x.type === d.type);
    // ("were injured in the attack" with no attack told: a generic word refers to nothing the article reports)
    if (d.anaphoric && d.refersTo.length && !d.introduced && !drafts.some((x) => x.headline && (x.type === d.type || d.refersTo.includes(x.type)))) continue;
    if (d.anaphoric && !toldInHeadline && (toks[d.sentence] ?? []).some((t) => lex.gather.pastPerfect.has(t.lower))) continue;
    if (lex.gather.needPlaceOrDay.has(d.type) && !d.ownPlace && !d.ownDate && !d.place && !toldInHeadline) continue;
    // ("Fighting in Sagaing has displaced more than 800,000 people": a count of that size with no day of its own
    // sums up a war, no one happening, neither the flight nor the fighting)
    if (!d.ownDate && lex.gather.summaryMoved > 0 && d.moved >= lex.gather.summaryMoved) continue;
    out.push({ drafts: [d], anchor: d, type: d.type, subtype: d.subtype, evidence: [] });
  }
  for (const d of drafts.filter((x) => x.headline)) {
    // (a violent headline with no body happening of its family restates the first violent one: "Occupation
    // massacre in Jabalia: 32 martyrs" over the air strike the body tells)
    const target = out.find((h) => family(h.type) === family(d.type)) ?? out.find((h) => d.refersTo.includes(h.type)) ?? (VIOLENT.has(d.type) ? out.find((h) => VIOLENT.has(h.type)) : undefined);
    if (target) {
      target.drafts.push(d);
      target.evidence.push({ rule: 'events.gather.headline', span: span(d) });
    } else out.push({ drafts: [d], anchor: d, type: d.type, subtype: d.subtype, evidence: [] });
  }
  for (const h of out) {
    // the anchor: the body sentence with the most of action, place and day; the subtype of the strongest trigger
    // the body only refers back ("after the blasts"): the headline told it
    const told = h.drafts.filter((d) => !d.headline && !(d.anaphoric && h.drafts.some((x) => x.headline)));
    const pool = told.length ? told : h.drafts;
    // the fullest report (action, place, day, who) in the article's own voice, not one that refers back
    const score = (d: Draft) => (d.ownPlace ? 2 : 0) + (d.ownDate ? 1 : 0) + (d.actor1 ? 1 : 0) - (d.quoted ? 3 : 0) - (d.anaphoric ? 3 : 0);
    h.anchor = pool.reduce((best, d) => (score(d) > score(best) ? d : best), pool[0]);
    const strongest = pool.reduce((best, d) => (d.priority > best.priority ? d : best), h.anchor);
    h.subtype = strongest.subtype;
    // (a happening first told by a generic word takes the type of what it was: "an attack" that was a bombing)
    if (family(strongest.type) !== family(h.type)) h.type = strongest.type;
  }
  return out;
}

const hasAny = (h: Happening, list: Phrase[] | undefined, toks: Token[][]) => Boolean(list && h.drafts.some((d) => [d.sentence, ...(d.absorbed ?? [])].some((k) => findPhrase(toks[k] ?? [], list))));

type Sides = { actor1: Draft['actor1']; actor2: Draft['actor2'] };
type IsState = (id: string, name: string) => boolean;

function applies(rule: CascadeRule, h: Happening, ev: Sides, isState: IsState, toks: Token[][]): boolean {
  if (!rule.from.includes(h.type)) return false;
  if (rule.subtype && rule.subtype !== h.subtype) return false;
  if (rule.words && !hasAny(h, rule.words, toks)) return false;
  if (rule.alsoWords && !hasAny(h, rule.alsoWords, toks)) return false;
  if (rule.withoutWords && hasAny(h, rule.withoutWords, toks)) return false;
  if (rule.actor1 === 'state' && !(ev.actor1 && isState(ev.actor1.id, ev.actor1.name))) return false;
  if (rule.actor1 === 'nonstate' && !(ev.actor1 && !isState(ev.actor1.id, ev.actor1.name))) return false;
  if (rule.actor1 === 'not_state' && ev.actor1 && isState(ev.actor1.id, ev.actor1.name)) return false;
  if (rule.sideWords) {
    const words = `${ev.actor1?.name ?? ''} ${ev.actor2?.name ?? ''}`.toLowerCase().split(/\s+/);
    if (!words.some((w) => rule.sideWords!.has(w))) return false;
  }
  if (rule.victimWords) {
    // (the victims of the drafts that name this side: "17 civilians were killed" is not undone by "the soldiers
    // killed two assailants" told of the same attack)
    const told = ev.actor2 ? h.drafts.filter((d) => !d.actor2 || d.actor2.id === ev.actor2!.id) : h.drafts;
    const victim = [ev.actor2?.name ?? '', ...told.flatMap((d) => d.patientWords)].join(' ').toLowerCase().split(/\s+/);
    if (!rule.victimWords.some((p) => victim.includes(p.words.join(' ')))) return false;
  }
  return true;
}

/** Type each happening by the first cascade rule that applies. */
export function cascade(h: Happening, lex: EventLexicon, ev: Sides, isState: IsState, toks: Token[][]): void {
  for (const rule of lex.cascade) {
    if (!applies(rule, h, ev, isState, toks)) continue;
    h.type = rule.to.type;
    h.subtype = rule.to.subtype;
    h.evidence.push({ rule: `events.${rule.id}`, span: span(h.anchor) });
    // one more pass: a protest that became a riot may still meet a later rule of its new type
    if (rule.from.includes(h.type)) continue;
    for (const next of lex.cascade) {
      if (next === rule || !applies(next, h, ev, isState, toks)) continue;
      h.type = next.to.type;
      h.subtype = next.to.subtype;
      h.evidence.push({ rule: `events.${next.id}`, span: span(h.anchor) });
      break;
    }
    return;
  }
}

const VIOLENT = new Set(['Violence against civilians', 'Explosions/Remote violence', 'Battles']);

/** The happening's toll: its death claims, else those of the sentence right after it, else "he died". */
export function toll(a: Analysis, h: Happening, lex: EventLexicon, toks: Token[][], draftSentences: Set<number>): { value: number | null; claims: number[]; rule: string | null } {
  const claims = [...new Set(h.drafts.flatMap((d) => d.claims))];
  // people who flee are not killed by their flight: the deaths told beside it belong to what drove them
  if (h.type === 'Movements') return { value: null, claims, rule: null };
  const killed = (ids: number[]) => ids.map((i) => a.claims[i]).filter((c) => c.category === 'killed');
  let value = fatalities(killed(claims), lex.roles);
  if (value != null) return { value, claims, rule: null };
  const next = h.anchor.sentence + 1;
  // the deaths told next belong to a violent happening, not to weapons downed or a deal signed
  if (!draftSentences.has(next) && VIOLENT.has(h.type)) {
    const ids = a.claims.flatMap((c, i) => (c.sentence === next && c.category === 'killed' ? [i] : []));
    value = fatalities(killed(ids), lex.roles);
    if (value != null) return { value, claims: [...claims, ...ids], rule: 'events.toll.next-sentence' };
  }
  // "he died", "was later pronounced dead": one death, in its own sentences or the few after them
  // (until a sentence tells of another happening); an arrest or a movement has no toll of its own
  if (!VIOLENT.has(h.type)) return { value: null, claims, rule: null };
  const own = new Set(h.drafts.map((d) => d.sentence));
  const look = [...own];
  for (let k = h.anchor.sentence + 1; k <= h.anchor.sentence + 3 && !(draftSentences.has(k) && !own.has(k)); k++) look.push(k);
  for (const k of look) {
    if (findPhrase(toks[k] ?? [], lex.roles.oneDeath)) return { value: 1, claims, rule: 'events.toll.one-death' };
  }
  return { value: null, claims, rule: null };
}
